"""Benchmark: the 受影响事项 query (``library.laws.affected``) for a law cited by 5,000 of 100,000
records.  Target: ≤ 50 ms.

The large generated database (``common.large_database``: licence items and powers citing a few
dozen laws) gets one more law, 《中华人民共和国基准测试法》, appended to the legal basis of
``--cited`` records chosen at random (the citations kept by the library, as every write keeps
them).  Timed in the same run, in turn: ``affected`` (the records by department with their
articles, as the window, the CLI and the exports get it), the same narrowed to one article, and
the raw baseline, the bare SQL join of the citation rows to their records and departments (the
floor).  Then a ``LIKE '%title%'`` scan of every legal-basis cell (what finding the items takes
without kept citations, and it cannot tell articles or short from full titles), and once the time
to parse every legal-basis cell again and rewrite all the citation rows (``laws.reindex``).

    .venv/bin/python bench/bench_affected.py [--records 100000] [--cited 5000] [--repeat 15] [--db PATH]
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import large_database, median_and_best_ms, parse_arguments, seconds  # noqa: E402

from lawgov_desktop.core.library import Library  # noqa: E402

LAW = "中华人民共和国基准测试法"
BARE_JOIN = (
    "SELECT r.id, r.name, d.name, c.article, c.paragraph, c.item FROM citation c"
    " JOIN licence_item r ON r.id = c.licence_id JOIN department d ON d.id = r.department_id"
    " WHERE c.law_id = ? AND r.version_id IS NULL"
    " UNION ALL SELECT r.id, r.name, d.name, c.article, c.paragraph, c.item FROM citation c"
    " JOIN power r ON r.id = c.power_id JOIN department d ON d.id = r.department_id"
    " WHERE c.law_id = ? AND r.version_id IS NULL")
LIKE_SCAN = ("SELECT id FROM licence_item WHERE version_id IS NULL AND legal_basis LIKE ?"
             " UNION ALL SELECT id FROM power WHERE version_id IS NULL AND legal_basis LIKE ?")


def cite_the_law(lib: Library, cited: int, seed: int = 11) -> None:
    """Append the benchmark's law to ``cited`` random records' legal basis (once per database)."""
    if lib.laws.find(LAW) is not None:
        return
    conn = lib.store.conn
    candidates = [("licence", row[0]) for row in conn.execute(
        "SELECT id FROM licence_item WHERE version_id IS NULL AND legal_basis IS NOT NULL")]
    candidates += [("power", row[0]) for row in conn.execute("SELECT id FROM power WHERE version_id IS NULL")]
    chosen = random.Random(seed).sample(candidates, cited)
    with lib.store.transaction():
        for kind, table in (("licence", "licence_item"), ("power", "power")):
            ids = [record_id for chosen_kind, record_id in chosen if chosen_kind == kind]
            conn.executemany(f"UPDATE {table} SET legal_basis = legal_basis || ? WHERE id = ?",
                             [(f"\n《{LAW}》第{record_id % 40 + 1}条", record_id) for record_id in ids])
            lib.store.citations.refresh(kind, ids)


def interleaved(repeat: int, **actions: Callable[[], object]) -> dict[str, dict[str, float]]:
    """Median and best milliseconds of each action, run in turn so all see the same machine state
    (other work shares the machine and comes and goes)."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            times[name].append(seconds(action) * 1000)
    return {name: {"median_ms": round(statistics.median(runs), 1), "best_ms": round(min(runs), 1)}
            for name, runs in times.items()}


def main() -> None:
    args = parse_arguments(__doc__, repeat=15, reuse_db=True, records=100_000, cited=5_000)
    path, build_seconds = large_database(args, "lawgov-bench-affected")
    with Library(path) as lib:
        cite_the_law(lib, args.cited)
        law_id = lib.laws.find(LAW)
        report = lib.laws.affected(LAW)
        bare = sqlite3.connect(path)
        assert len(report.records) == args.cited
        results = {
            "records": args.records,
            "build_seconds": build_seconds,
            "citation_rows": lib.store.count("SELECT count(*) FROM citation"),
            "laws": lib.store.count("SELECT count(*) FROM law"),
            "records_citing_the_law": len(report.records),
            "departments": len(report.by_department),
            **interleaved(args.repeat, affected=lambda: lib.laws.affected(LAW),
                          affected_one_article=lambda: lib.laws.affected(LAW, "第七条"),
                          baseline_bare_sql_join=lambda: bare.execute(BARE_JOIN, (law_id, law_id)).fetchall()),
            "baseline_like_scan_of_every_cell": median_and_best_ms(
                lambda: bare.execute(LIKE_SCAN, (f"%{LAW}%",) * 2).fetchall(), max(3, args.repeat // 3)),
            "target_ms": 50,
            # every legal-basis cell parsed again and its rows rewritten (lists reindex, migration 0007)
            "rebuild_all_citations_seconds": round(seconds(lib.laws.reindex), 1),
        }
        bare.close()
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
