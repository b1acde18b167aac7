"""What the benchmarks share, so their figures are measured and named the same way: timing an
action, their command line, and the large generated database most of them run on."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from window_data import build_large

Action = Callable[[], object]


def seconds(action: Action) -> float:
    """How long one run of ``action`` takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_ms(action: Action, repeat: int, digits: int = 1) -> float:
    """The median of ``repeat`` runs, in milliseconds."""
    return round(statistics.median(seconds(action) * 1000 for _ in range(repeat)), digits)


def median_and_best_ms(action: Action, repeat: int) -> dict[str, float]:
    """Median and best of ``repeat`` runs, in milliseconds: the best shows what a quiet machine does."""
    times = [seconds(action) * 1000 for _ in range(repeat)]
    return {"median_ms": round(statistics.median(times), 1), "best_ms": round(min(times), 1)}


def median_pair(repeat: int, ours: Action, bare: Action) -> tuple[float, float]:
    """Median seconds of ``ours`` and ``bare``, interleaved so both see the same machine state."""
    ours_times, bare_times = [], []
    for _ in range(repeat):
        bare_times.append(seconds(bare))
        ours_times.append(seconds(ours))
    return statistics.median(ours_times), statistics.median(bare_times)


def parse_arguments(description: str, repeat: int, reuse_db: bool = False, **sizes: int) -> argparse.Namespace:
    """The benchmark's command line: each size (``records=100_000`` gives ``--records``), then
    ``--repeat`` and, with ``reuse_db``, ``--db`` for a database kept between runs."""
    parser = argparse.ArgumentParser(description=description,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    for name, default in sizes.items():
        parser.add_argument(f"--{name}", type=int, default=default)
    parser.add_argument("--repeat", type=int, default=repeat)
    if reuse_db:
        parser.add_argument("--db", type=Path, default=None, help="reuse this database (built if missing)")
    return parser.parse_args()


def large_database(args: argparse.Namespace, stem: str) -> tuple[Path, float | None]:
    """``--db`` or ``STEM-RECORDS.sqlite3`` in the temporary folder, built with ``args.records`` records
    if it is missing (building 100,000 takes minutes); also the seconds the building took, None when reused."""
    path = args.db or Path(tempfile.gettempdir()) / f"{stem}-{args.records}.sqlite3"
    if path.exists():
        return path, None
    build_seconds = seconds(lambda: build_large(path, args.records))
    return path, round(build_seconds, 1)
