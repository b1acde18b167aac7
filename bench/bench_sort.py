"""Benchmark: the first page of a list sorted by name in pinyin order, over 100,000 records.  Target: ≤ 50 ms.

Prints JSON: the median and best time of ``library.lists.query`` for the first page (50 rows, with the
exact total) of the licence items sorted by name, ascending and descending, of the powers sorted by
name, and, for comparison, sorted by department (a joined key) and by implementing authority (the
pinyin function, no stored key); and, measured in the same run, the raw baseline: the same page query
ordered by the bare name column (code point order, as before pinyin keys), and the same with the
stored key.

    .venv/bin/python bench/bench_sort.py [--records 100000] [--repeat 15] [--db PATH]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import large_database, median_and_best_ms, parse_arguments  # noqa: E402

from lawgov_desktop.core.dialect import SQLITE  # noqa: E402
from lawgov_desktop.core.kinds import KINDS  # noqa: E402
from lawgov_desktop.core.library import Library  # noqa: E402

TARGET_MS = 50
# The licence list's first page as core/queries.py reads it: the exact total, then one ordered page.
RAW_COUNT = ("SELECT count(*) FROM licence_item li JOIN department d ON d.id = li.department_id"
             " WHERE li.version_id IS NULL AND li.parent_id IS NULL")
RAW_PAGE = ("SELECT li.*, d.name AS department FROM licence_item li JOIN department d ON d.id = li.department_id"
            " WHERE li.version_id IS NULL AND li.parent_id IS NULL ORDER BY {order} LIMIT 50")


def fill_sort_keys(library: Library) -> None:
    """Write the sort keys of rows the bench data wrote with raw inserts (the library writes them itself)."""
    with library.store.transaction() as conn:
        for kind in KINDS.values():
            for key, column in kind.sort_columns.items():
                conn.execute(f"UPDATE {kind.table} SET {column} = {SQLITE.pinyin_order(key)}")


def main() -> None:
    args = parse_arguments(__doc__, repeat=15, reuse_db=True, records=100_000)
    path, build_seconds = large_database(args, "lawgov-bench-sort")
    if build_seconds is not None:  # built just now
        with Library(path) as library:
            fill_sort_keys(library)
    with Library(path) as library:
        conn = library.store.conn

        def raw(order: str) -> None:
            conn.execute(RAW_COUNT).fetchone()
            conn.execute(RAW_PAGE.format(order=order)).fetchall()

        def page(kind: str, sort: str, descending: bool = False):  # noqa: ANN202
            return lambda: library.lists.query(kind, sort=sort, descending=descending, limit=50)

        page("licence", "implementing_authority")()  # loads the reading table once, as the first sort does
        results = {
            "records": args.records,
            "licence_by_name": median_and_best_ms(page("licence", "name"), args.repeat),
            "licence_by_name_descending": median_and_best_ms(page("licence", "name", True), args.repeat),
            "power_by_name": median_and_best_ms(page("power", "name"), args.repeat),
            "licence_by_department": median_and_best_ms(page("licence", "department"), args.repeat),
            "licence_by_implementing_authority": median_and_best_ms(page("licence", "implementing_authority"), args.repeat),
            "raw_baseline_by_bare_name": median_and_best_ms(lambda: raw("li.name, li.id"), args.repeat),
            "raw_by_stored_key": median_and_best_ms(lambda: raw("li.name_sort, li.id"), args.repeat),
            "first_names": [row["name"] for row in library.lists.query("licence", sort="name", limit=3).rows],
        }
    results["target_ms"] = TARGET_MS
    results["within_target"] = results["licence_by_name"]["median_ms"] <= TARGET_MS
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
