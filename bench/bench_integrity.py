"""Benchmark: what the integrity checks cost on a large database, to decide when they run.

Prints JSON with the median milliseconds of ``quick_check`` (run at every opening), the full
``check_database`` of ``lawgov check-db``, and a backup (copy + check + sidecar).  On the
development machine, 100,000 records (120 MB): quick_check 115–210 ms, the full check 1.1–2.0 s,
a backup 0.4–1.0 s (the lower figures on an idle machine).

    .venv/bin/python bench/bench_integrity.py [--records 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from window_data import build_large  # noqa: E402

from lawgov_desktop.core.backup import make_backup  # noqa: E402
from lawgov_desktop.core.integrity import check_database, quick_check  # noqa: E402


def _median_ms(action, repeat: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.sqlite3"
        build_large(path, args.records)
        print(json.dumps({
            "records": args.records, "size_mb": round(path.stat().st_size / 1e6, 1),
            "quick_check_ms": _median_ms(lambda: quick_check(path), args.repeat),
            "full_check_ms": _median_ms(lambda: check_database(path), args.repeat),
            "backup_ms": _median_ms(lambda: make_backup(path, "manual"), args.repeat),
        }, indent=2))


if __name__ == "__main__":
    main()
