"""Benchmark: copying a whole database between the engines, and what a server's backup and
check-db cost, to decide which backups a server database gets.

Builds a SQLite database of ``--records`` records, copies it into a new database on a PostgreSQL
server (``LAWGOV_BENCH_PG``, a superuser's URL; by default the tests' loopback server), backs that
up (a SQLite copy, as ``lawgov backup`` makes on a server), checks it (``lawgov check-db``) and, for
comparison, backs up the SQLite file itself.  Prints JSON with seconds; the server database is
dropped at the end.

    .venv/bin/python bench/bench_copy_db.py [--records 50000] [--repeat 1]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import uuid
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import parse_arguments, seconds  # noqa: E402
from window_data import build_large  # noqa: E402

from lawgov_desktop.core.backup import make_backup  # noqa: E402
from lawgov_desktop.core.copy_db import copy_database  # noqa: E402
from lawgov_desktop.core.integrity import check_database  # noqa: E402
from lawgov_desktop.core.location import ServerAddress  # noqa: E402

DEFAULT_SERVER = "postgresql://lawgov_test:lawgov@127.0.0.1:5432/postgres"


def main() -> None:
    import psycopg

    args = parse_arguments(__doc__, repeat=1, records=50_000)
    admin = ServerAddress.from_url(os.environ.get("LAWGOV_BENCH_PG", DEFAULT_SERVER))
    server = replace(admin, database=f"lawgov_bench_{uuid.uuid4().hex[:8]}")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["LAWGOV_DATA_DIR"] = str(Path(folder) / "data")
        path = Path(folder) / "large.sqlite3"
        build_large(path, args.records)
        with psycopg.connect(**admin.connect_arguments(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{server.database}"')
        try:
            to_server = seconds(lambda: copy_database(path, server))
            results = {
                "records": args.records, "size_mb": round(path.stat().st_size / 1e6, 1),
                "copy_sqlite_to_server_s": round(to_server, 2),
                "server_backup_s": [round(seconds(lambda: make_backup(server, "manual")), 2)
                                    for _ in range(args.repeat)],
                "server_check_db_s": round(seconds(lambda: check_database(server)), 2),
                "sqlite_backup_s": round(seconds(lambda: make_backup(path, "manual")), 2),
            }
        finally:
            with psycopg.connect(**admin.connect_arguments(), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{server.database}" WITH (FORCE)')
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
