"""Benchmark: what the integrity checks cost on a large database, to decide when they run.

Prints JSON with the median milliseconds of ``quick_check`` (run at every opening), the full
``check_database`` of ``lawgov check-db``, and a backup (copy + check + sidecar).  On the
development machine, 100,000 records (120 MB): quick_check 115–210 ms, the full check 1.1–2.0 s,
a backup 0.4–1.0 s (the lower figures on an idle machine).

    .venv/bin/python bench/bench_integrity.py [--records 100000] [--repeat 5]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median_ms, parse_arguments  # noqa: E402
from window_data import build_large  # noqa: E402

from lawgov_desktop.core.backup import make_backup  # noqa: E402
from lawgov_desktop.core.integrity import check_database, quick_check  # noqa: E402


def main() -> None:
    args = parse_arguments(__doc__, repeat=5, records=100_000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.sqlite3"
        build_large(path, args.records)
        print(json.dumps({
            "records": args.records, "size_mb": round(path.stat().st_size / 1e6, 1),
            "quick_check_ms": median_ms(lambda: quick_check(path), args.repeat),
            "full_check_ms": median_ms(lambda: check_database(path), args.repeat),
            "backup_ms": median_ms(lambda: make_backup(path, "manual"), args.repeat),
        }, indent=2))


if __name__ == "__main__":
    main()
