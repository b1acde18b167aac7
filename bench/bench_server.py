"""Benchmark: the library on a PostgreSQL server (loopback) against the same work on a SQLite file.

Three parts (``--part``; all by default), each with its baseline measured in the same run — the
machine is shared and noisy, the ratios are what count:

* ``search``: the 100,000-record database of the other benchmarks (``window_data.build_large``)
  copied to a new server database with ``copy-db`` (then ANALYZE); for 1-, 2- and 4-character terms
  on the licence and power lists, with and without a department filter, the median of
  ``library.lists.query`` (first page of 50 plus the exact total) on the server, against
  bench_library's bare LIKE query run on the server through psycopg and the same library query on
  the SQLite file.  Target: ≤ 50 ms median.
* ``import``: the generated 50,000-row power workbook (bench_import) imported by ``lawgov import`` in
  a fresh process into a new server database and into a new SQLite file, alternately.  Target:
  server ≤ 1.5× the file.  Also where the server import's time goes (bench_import's phases).
* ``window``: the first paint of the window (``lawgov-desktop --db URL``) on the 100,000-record server
  database against a bare PySide6 window, measured as bench_window does.  Target: ratio ≤ 3.

The server: LAWGOV_BENCH_PG, a role that may create databases (by default the tests' loopback server,
postgresql://lawgov_test:lawgov@127.0.0.1:5432/postgres).  Each database made for the run is dropped
at the end unless ``--keep``.  Prints JSON, with the machine's load average.

    .venv/bin/python bench/bench_server.py [--part search|import|window] [--records 100000]
        [--rows 50000] [--repeat 15] [--imports 3] [--runs 5] [--db SQLITE_FILE] [--keep]
        [--server-db KEPT_DATABASE]
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import statistics
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import import HEADER, IMPORT, phases, run_process, write_workbook  # noqa: E402
from bench_library import BARE_SQL, TERMS  # noqa: E402
from bench_window import _BARE, _OURS, _first_paint_ms  # noqa: E402
from common import large_database, median_ms, seconds  # noqa: E402

from lawgov_desktop.core.copy_db import copy_database  # noqa: E402
from lawgov_desktop.core.library import Library  # noqa: E402
from lawgov_desktop.core.location import ServerAddress  # noqa: E402
from lawgov_desktop.core.queries import ListFilter  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ADMIN_URL = os.environ.get("LAWGOV_BENCH_PG", "postgresql://lawgov_test:lawgov@127.0.0.1:5432/postgres")
SEARCH_TARGET_MS = 50.0
IMPORT_TARGET_RATIO = 1.5
PAINT_TARGET_RATIO = 3.0


def _admin(sql: str) -> None:
    """Run one statement as the server's administrator (databases are made and dropped outside
    a transaction)."""
    import psycopg

    with psycopg.connect(**ServerAddress.from_url(ADMIN_URL).connect_arguments(), autocommit=True) as conn:
        conn.execute(sql)


@contextlib.contextmanager
def server_database(keep: bool) -> Iterator[ServerAddress]:
    """A new, empty database on the server for this run, dropped afterwards unless ``keep``."""
    address = _on_server(f"lawgov_bench_{uuid.uuid4().hex[:10]}")
    _admin(f'CREATE DATABASE "{address.database}"')
    try:
        yield address
    finally:
        if not keep:
            _admin(f'DROP DATABASE IF EXISTS "{address.database}" WITH (FORCE)')


def _on_server(database: str) -> ServerAddress:
    return replace(ServerAddress.from_url(ADMIN_URL), database=database)


def _analyze(address: ServerAddress) -> None:
    """The planner's statistics of the copied tables, which autovacuum gathers within minutes of a
    copy: measured is a database as the office uses it, not one in its first minute."""
    import psycopg

    with psycopg.connect(**address.connect_arguments(), autocommit=True) as conn:
        conn.execute("ANALYZE")


def _server_sql(sql: str) -> str:
    """bench_library's bare SQLite query as PostgreSQL takes it through psycopg (no translation by
    the library: the bare query is what a program without its search index would send)."""
    return sql.replace("group_concat(alias, ' ')", "string_agg(alias, ' ')").replace(":t", "%(t)s").replace(
        ":d", "%(d)s")


def search(sqlite_path: Path, address: ServerAddress, repeat: int) -> dict[str, Any]:
    """First page + exact total on the server, against the bare LIKE on the server and the file."""
    import psycopg

    server, local = Library(address), Library(sqlite_path)
    bare = psycopg.connect(**address.connect_arguments(), autocommit=True)
    department = server.records.find_department("市市场监督管理局")
    cases = []
    try:
        for kind in ("licence", "power"):
            for term in TERMS[kind]:
                for department_ids in ((), (department,)):
                    flt = ListFilter(text=term, department_ids=department_ids)
                    sql = _server_sql(BARE_SQL[kind].format(dept="AND d.id = :d" if department_ids else ""))
                    params = {"t": f"%{term}%", "d": department}

                    def bare_query(sql: str = sql, params: dict[str, Any] = params) -> tuple[list[Any], int]:
                        rows = bare.execute(f"SELECT * FROM ({sql}) AS found ORDER BY position, id LIMIT 50",
                                            params).fetchall()
                        total = bare.execute(f"SELECT count(*) FROM ({sql}) AS found", params).fetchone()[0]
                        return rows, total

                    def on_server(kind: str = kind, flt: ListFilter = flt) -> Any:
                        return server.lists.query(kind, flt, limit=50)

                    def on_file(kind: str = kind, flt: ListFilter = flt) -> Any:
                        return local.lists.query(kind, flt, limit=50)

                    page, file_page, (bare_rows, bare_total) = on_server(), on_file(), bare_query()
                    cases.append({
                        "list": kind, "term": term, "chars": len(term), "department_filter": bool(department_ids),
                        "total": page.total, "file_total": file_page.total, "bare_total": bare_total,
                        "same_first_page": [r["id"] for r in page.rows] == [r["id"] for r in file_page.rows]
                        == [r[0] for r in bare_rows],
                        "server_median_ms": median_ms(on_server, repeat, digits=2),
                        "server_bare_like_median_ms": median_ms(bare_query, repeat, digits=2),
                        "file_median_ms": median_ms(on_file, repeat, digits=2),
                    })
    finally:
        bare.close()
        server.close()
        local.close()
    worst = max(case["server_median_ms"] for case in cases)
    return {
        "target_ms": SEARCH_TARGET_MS,
        "worst_server_median_ms": worst,
        "meets_target": worst <= SEARCH_TARGET_MS,
        "worst_server_bare_like_median_ms": max(case["server_bare_like_median_ms"] for case in cases),
        "worst_file_median_ms": max(case["file_median_ms"] for case in cases),
        "all_results_identical": all(case["total"] == case["file_total"] == case["bare_total"]
                                     and case["same_first_page"] for case in cases),
        "cases": cases,
    }


def _import_seconds(book: Path, location: str) -> tuple[float, dict[str, Any]]:
    """One ``lawgov import`` of ``book`` in a fresh process into ``location`` (already initialised)."""
    elapsed, result = run_process([sys.executable, "-c", IMPORT, "--db", location, "import", str(book), "--json"])
    if result.returncode != 0:
        raise SystemExit(f"the import into {location} failed:\n{result.stderr}")
    *report, _peak = result.stdout.strip().splitlines()
    counts = json.loads("\n".join(report))
    return elapsed, {key: counts[key] for key in ("inserted", "updated", "unchanged")}


def _initialise(location: str) -> None:
    """``lawgov init``: the schema and the regions, before the timed import (as bench_import does)."""
    result = run_process([sys.executable, "-m", "lawgov_desktop.cli", "--db", location, "init"])[1]
    if result.returncode != 0:
        raise SystemExit(f"lawgov init {location} failed:\n{result.stderr}")


def import_workbook(folder: Path, rows: int, repeat: int, keep: bool) -> dict[str, Any]:
    """The power workbook into a new server database and a new file, alternately, ``repeat`` times."""
    book = folder / f"赋权清单 {rows}.xlsx"
    write_workbook(book, rows)
    server_times, file_times, imported = [], [], {}
    for attempt in range(repeat):
        db = folder / f"import-{attempt}.sqlite3"
        _initialise(str(db))
        elapsed, imported["file"] = _import_seconds(book, str(db))
        file_times.append(elapsed)
        with server_database(keep) as address:
            _initialise(address.url)
            elapsed, imported["server"] = _import_seconds(book, address.url)
            server_times.append(elapsed)
    with server_database(keep) as address:  # where the time goes, in this process (after the timed ones)
        _initialise(address.url)
        server_phases = phases(book, address)
    server_s, file_s = statistics.median(server_times), statistics.median(file_times)
    ratio = round(server_s / file_s, 2)
    return {
        "rows": rows, "columns": len(HEADER),
        "server_import_seconds": round(server_s, 2), "file_import_seconds": round(file_s, 2),
        "runs_seconds": {"server": [round(t, 2) for t in server_times], "file": [round(t, 2) for t in file_times]},
        "ratio": ratio, "target_ratio": IMPORT_TARGET_RATIO, "meets_target": ratio <= IMPORT_TARGET_RATIO,
        "imported": imported, "server_phases_seconds": server_phases,
    }


def first_paint(address: ServerAddress, runs: int) -> dict[str, Any]:
    """bench_window's first paint, the window opened on the server database."""
    compileall.compile_dir(str(ROOT / "lawgov_desktop"), quiet=1)
    settings = tempfile.mkdtemp(prefix="lawgov-bench-settings-")
    bare, ours = [], []
    for _ in range(runs):  # alternate, so both see the same machine load
        bare.append(_first_paint_ms(_BARE, []))
        ours.append(_first_paint_ms(_OURS, [address.url, settings]))
    bare_ms, ours_ms = statistics.median(bare), statistics.median(ours)
    ratio = round(ours_ms / bare_ms, 2)
    return {
        "bare_window_first_paint_ms": round(bare_ms, 1), "server_window_first_paint_ms": round(ours_ms, 1),
        "ratio": ratio, "target_ratio": PAINT_TARGET_RATIO, "meets_target": ratio <= PAINT_TARGET_RATIO,
        "runs_ms": {"bare": [round(v) for v in bare], "window": [round(v) for v in ours]},
    }


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("search", "import", "window"), action="append",
                        help="run only this part (may be given more than once); all by default")
    parser.add_argument("--records", type=int, default=100_000, help="records of the searched database")
    parser.add_argument("--rows", type=int, default=50_000, help="rows of the imported power workbook")
    parser.add_argument("--repeat", type=int, default=15, help="runs of each search")
    parser.add_argument("--imports", type=int, default=3, help="imports into each engine")
    parser.add_argument("--runs", type=int, default=5, help="first paints of each window")
    parser.add_argument("--db", type=Path, default=None, help="reuse this SQLite database (built if missing)")
    parser.add_argument("--keep", action="store_true", help="keep the server databases (their names are printed)")
    parser.add_argument("--server-db", help="search and paint on this kept server database instead of a new copy")
    return parser.parse_args()


def main() -> None:
    args = _arguments()
    parts = args.part or ["search", "import", "window"]
    document: dict[str, Any] = {"benchmark": "library on a PostgreSQL server (loopback) against a SQLite file",
                                "cpus": os.cpu_count(), "load_average_at_start": _load()}
    os.environ["LAWGOV_DATA_DIR"] = tempfile.mkdtemp(prefix="lawgov-bench-data-")  # the server's backups
    password = ServerAddress.from_url(ADMIN_URL).password
    if password:  # the timed processes get URLs without it and find it where libpq looks
        os.environ.setdefault("PGPASSWORD", password)
    if "search" in parts or "window" in parts:
        path, build_seconds = large_database(args, "lawgov-bench")
        kept = contextlib.nullcontext(_on_server(args.server_db)) if args.server_db else None
        with kept or server_database(args.keep) as address:
            document |= {"records": args.records, "build_seconds": build_seconds, "server_database": address.database}
            if not kept:
                document["copy_to_server_seconds"] = round(seconds(lambda: copy_database(path, address)), 1)
                document["analyze_seconds"] = round(seconds(lambda: _analyze(address)), 1)
            if "search" in parts:
                document["search"] = search(path, address, args.repeat) | {"load_average": _load()}
            if "window" in parts:
                document["window"] = first_paint(address, args.runs) | {"load_average": _load()}
    if "import" in parts:
        folder = Path(tempfile.mkdtemp(prefix="lawgov-server-import-bench-"))
        document["import"] = import_workbook(folder, args.rows, args.imports, args.keep) | {"load_average": _load()}
    print(json.dumps(document, ensure_ascii=False, indent=1))


def _load() -> list[float]:
    """The machine's load average (1, 5, 15 minutes): 2 cores shared with other work."""
    return [round(value, 1) for value in os.getloadavg()]


if __name__ == "__main__":
    main()
