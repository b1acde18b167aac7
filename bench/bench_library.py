"""Benchmark: first page of 50 rows plus the exact total, for 1-, 2- and 4-character Chinese terms.

Prints JSON: for each list (licence items, powers), term and department filter, the median time of
``library.lists.query`` and, measured in the same run, of a bare sqlite3 LIKE query returning the same
page and count (the way a program without a search index would do it).  Target: ≤ 50 ms median.

    .venv/bin/python bench/bench_library.py [--records 100000] [--repeat 15]
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import large_database, median_ms, parse_arguments  # noqa: E402

from lawgov_desktop.core.library import Library  # noqa: E402
from lawgov_desktop.core.queries import ListFilter  # noqa: E402

TERMS = {"licence": ("市", "许可", "食品经营"), "power": ("市", "许可", "违法捕捞")}
ALIASES = "coalesce((SELECT group_concat(alias, ' ') FROM department_alias WHERE department_id = d.id), '')"
# The same fields the library indexes, searched the way a program without an index would.
BARE_SQL = {
    "licence": ("SELECT li.id, li.name, li.position FROM licence_item li JOIN department d ON d.id = li.department_id"
                " WHERE li.version_id IS NULL AND li.parent_id IS NULL {dept} AND (li.name LIKE :t"
                " OR li.sequence LIKE :t OR li.code LIKE :t OR d.name LIKE :t OR " + ALIASES + " LIKE :t"
                " OR li.implementing_authority LIKE :t OR li.legal_basis LIKE :t OR li.level LIKE :t"
                " OR li.certificate LIKE :t OR li.remark LIKE :t OR li.upper_ref LIKE :t OR li.list_year LIKE :t"
                " OR CASE li.part WHEN 'central' THEN '中央层面设定' WHEN 'local' THEN '地方性法规、省政府规章设定'"
                "  WHEN 'vertical' THEN '垂直管理机构实施' ELSE '其他' END LIKE :t"
                " OR EXISTS (SELECT 1 FROM licence_item s WHERE s.parent_id = li.id AND s.name LIKE :t))"),
    "power": ("SELECT p.id, p.name, p.position FROM power p JOIN department d ON d.id = p.department_id"
              " WHERE p.version_id IS NULL {dept} AND (p.name LIKE :t OR p.sequence LIKE :t OR p.code LIKE :t"
              " OR d.name LIKE :t OR " + ALIASES + " LIKE :t OR p.power_type LIKE :t OR p.domain LIKE :t"
              " OR p.legal_basis LIKE :t OR p.penalty_range LIKE :t OR p.remark LIKE :t"
              " OR EXISTS (SELECT 1 FROM delegation dl JOIN region r ON r.id = dl.region_id"
              "  LEFT JOIN batch b ON b.id = dl.batch_id WHERE dl.power_id = p.id"
              "  AND (r.name LIKE :t OR b.name LIKE :t OR dl.document_number LIKE :t)))"),
}


def main() -> None:
    args = parse_arguments(__doc__, repeat=15, reuse_db=True, records=100_000)
    path, build_seconds = large_database(args, "lawgov-bench")
    lib = Library(path)
    bare = sqlite3.connect(path)
    department = lib.records.find_department("市市场监督管理局")
    results = []
    for kind in ("licence", "power"):
        for term in TERMS[kind]:
            for department_ids in ((), (department,)):
                flt = ListFilter(text=term, department_ids=department_ids)
                page = lib.lists.query(kind, flt, limit=50)
                dept_sql = "AND d.id = :d" if department_ids else ""
                sql = BARE_SQL[kind].format(dept=dept_sql)
                params = {"t": f"%{term}%", "d": department}

                def bare_query(sql: str = sql, params: dict = params) -> tuple[list, int]:
                    rows = bare.execute(f"SELECT * FROM ({sql}) ORDER BY position, id LIMIT 50",
                                        params).fetchall()
                    total = bare.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
                    return rows, total

                bare_rows, bare_total = bare_query()
                results.append({
                    "list": kind, "term": term, "chars": len(term), "department_filter": bool(department_ids),
                    "total": page.total, "bare_total": bare_total,
                    "same_first_page": [r["id"] for r in page.rows] == [r[0] for r in bare_rows],
                    "library_median_ms": median_ms(lambda kind=kind, flt=flt: lib.lists.query(kind, flt, limit=50), args.repeat, digits=2),
                    "bare_like_median_ms": median_ms(bare_query, args.repeat, digits=2),
                })
    worst = max(r["library_median_ms"] for r in results)
    bare_worst = max(r["bare_like_median_ms"] for r in results)
    print(json.dumps({
        "benchmark": "library first page + exact total",
        "records": args.records,
        "build_seconds": build_seconds,
        "target_ms": 50,
        "worst_library_median_ms": worst,
        "meets_target": worst <= 50,
        "worst_bare_like_median_ms": bare_worst,
        "all_results_identical": all(r["total"] == r["bare_total"] and r["same_first_page"] for r in results),
        "cases": results,
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
