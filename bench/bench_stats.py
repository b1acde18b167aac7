"""Benchmark: the statistics (``library.stats.compute``) over 100,000 records.  Target: ≤ 200 ms.

Prints JSON: the median and best time of ``library.stats.compute()`` on the working list and on a saved
version of it, and, measured in the same run, two raw baselines: a bare ``count(*)`` of the main
items (the floor any statistics must pay) and the single "powers per region, a zone counting its
streets" query as the foundation wrote it (a recursive region CTE with count(DISTINCT)), which
alone took longer than the whole statistics now do.

    .venv/bin/python bench/bench_stats.py [--records 100000] [--repeat 15] [--db PATH]
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import large_database, median_and_best_ms, parse_arguments  # noqa: E402

from lawgov_desktop.core.library import Library  # noqa: E402

BARE_COUNT = "SELECT count(*) FROM licence_item WHERE version_id IS NULL AND parent_id IS NULL"
FOUNDATION_REGIONS = (
    "WITH RECURSIVE ancestry(region_id, ancestor_id) AS (SELECT id, id FROM region UNION ALL"
    " SELECT ancestry.region_id, r.parent_id FROM ancestry JOIN region r ON r.id = ancestry.ancestor_id"
    " WHERE r.parent_id IS NOT NULL)"
    " SELECT r.name, count(DISTINCT a.power_id) FROM (SELECT dl.power_id, dl.region_id FROM delegation dl"
    " JOIN power p ON p.id = dl.power_id WHERE p.version_id IS NULL AND dl.change_kind != '收回'"
    " AND NOT EXISTS (SELECT 1 FROM delegation back WHERE back.power_id = dl.power_id"
    " AND back.region_id = dl.region_id AND back.change_kind = '收回')) a"
    " JOIN ancestry an ON an.region_id = a.region_id JOIN region r ON r.id = an.ancestor_id GROUP BY r.id")


def main() -> None:
    args = parse_arguments(__doc__, repeat=15, reuse_db=True, records=100_000)
    path, _build_seconds = large_database(args, "lawgov-bench-stats")
    with Library(path) as lib:
        version = lib.versions.find_version("基准版本") or lib.versions.save_version("基准版本")
        stats = lib.stats.compute()
        assert lib.stats.compute(version) == stats
        bare = sqlite3.connect(path)
        results = {
            "records": args.records,
            "licence_items": stats["licence_items"]["total"],
            "powers": stats["powers"]["total"],
            "delegated": stats["powers"]["delegated"],
            "stats_working_list": median_and_best_ms(lib.stats.compute, args.repeat),
            "stats_saved_version": median_and_best_ms(lambda: lib.stats.compute(version), args.repeat),
            "baseline_bare_count": median_and_best_ms(lambda: bare.execute(BARE_COUNT).fetchall(), args.repeat),
            "baseline_foundation_region_query": median_and_best_ms(lambda: bare.execute(FOUNDATION_REGIONS).fetchall(),
                                                      max(3, args.repeat // 3)),
            "target_ms": 200,
        }
        bare.close()
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
