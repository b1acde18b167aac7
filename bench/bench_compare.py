"""Benchmark: comparing two saved versions of 10,000 licence items each, 5% of them changed.  Target: ≤ 1 s.

Builds a list of 10,000 main items (plus sub-items and 8,000 delegated powers), saves it as
version A, changes 5% of the items (field edits, moves to another department, removals,
additions) and 5% of the powers (new townships, take-backs), saves version B, and times
``library.versions.compare(A, B)``: reading both versions and matching and diffing every record.  Baseline,
measured in the same run: a bare SQL ``EXCEPT`` in both directions over the same licence columns,
which finds the differing rows but cannot say what changed, matched how, or moved where.

    .venv/bin/python bench/bench_compare.py [--repeat 7]
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median_and_best_ms, parse_arguments  # noqa: E402
from window_data import build_large  # noqa: E402

from lawgov_desktop.core.clock import now_text  # noqa: E402
from lawgov_desktop.core.library import Library  # noqa: E402

RECORDS = 20_000  # build_large: 60% licence rows, five sixths of them main items → 10,000 items
COLUMNS = "li.name, d.name, li.code, li.part, li.implementing_authority, li.legal_basis, li.level, li.certificate"
EXCEPT_SQL = (f"SELECT {COLUMNS} FROM licence_item li JOIN department d ON d.id = li.department_id"
              " WHERE li.version_id = ? AND li.parent_id IS NULL EXCEPT"
              f" SELECT {COLUMNS} FROM licence_item li JOIN department d ON d.id = li.department_id"
              " WHERE li.version_id = ? AND li.parent_id IS NULL")


def adjust(lib: Library, seed: int = 11) -> dict[str, int]:
    """Change 5% of the working items and powers the way a yearly adjustment does, in SQL."""
    rng = random.Random(seed)
    items = [row[0] for row in lib.store.conn.execute("SELECT id FROM licence_item WHERE version_id IS NULL"
                                                " AND parent_id IS NULL AND code IS NOT NULL")]
    powers = [row[0] for row in lib.store.conn.execute("SELECT id FROM power WHERE version_id IS NULL")]
    departments = [row[0] for row in lib.store.conn.execute("SELECT id FROM department")]
    streets = [lib.records.find_region(name) for name in ("田墘街道", "东洲街道", "遮浪街道")]
    batch = lib.records.find_batch("第三批")
    chosen = rng.sample(items, len(items) // 20)
    edited, moved, removed = chosen[:250], chosen[250:375], chosen[375:]
    stamp = now_text()
    with lib.store.transaction() as conn:
        conn.executemany("UPDATE licence_item SET level = '省级', legal_basis = legal_basis || '\n《新增依据》'"
                         " WHERE id = ?", [(i,) for i in edited])
        current = dict(conn.execute(f"SELECT id, department_id FROM licence_item WHERE id IN"
                                    f" ({','.join(map(str, moved))})").fetchall())
        conn.executemany("UPDATE licence_item SET department_id = ? WHERE id = ?",
                         [(rng.choice([d for d in departments if d != current[i]]), i) for i in moved])
        conn.executemany("DELETE FROM licence_item WHERE id = ?", [(i,) for i in removed])
        conn.executemany("INSERT INTO licence_item (part, department_id, name, level, status, position, created_at,"
                         " updated_at) VALUES ('central', ?, ?, '市级', '有效', ?, ?, ?)",
                         [(rng.choice(departments), f"新增许可事项{n}", 100_000 + n, stamp, stamp)
                          for n in range(len(removed))])
        changed_powers = rng.sample(powers, len(powers) // 20)
        conn.executemany("INSERT OR IGNORE INTO delegation (power_id, region_id, batch_id, change_kind, created_at,"
                         " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                         [(p, rng.choice(streets), batch, rng.choice(("新增", "收回")), stamp, stamp)
                          for p in changed_powers])
    return {"edited": len(edited), "moved": len(moved), "removed": len(removed), "added": len(removed),
            "powers_touched": len(changed_powers)}


def main() -> None:
    args = parse_arguments(__doc__, repeat=7)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "compare.sqlite3"
        build_large(path, RECORDS)
        with Library(path) as lib:
            old = lib.versions.save_version("2022年版")
            made = adjust(lib)
            new = lib.versions.save_version("2023年版")
            result = lib.versions.compare(old, new)
            bare = sqlite3.connect(path)
            report = {
                "items_per_version": lib.versions.version(old)["licence_items"],
                "powers_per_version": lib.versions.version(old)["powers"],
                "changes_made": made,
                "changes_found": result.counts(),
                "compare_versions": median_and_best_ms(lambda: lib.versions.compare(old, new), args.repeat),
                "baseline_sql_except_both_ways": median_and_best_ms(
                    lambda: (bare.execute(EXCEPT_SQL, (old, new)).fetchall(),
                             bare.execute(EXCEPT_SQL, (new, old)).fetchall()), args.repeat),
                "target_ms": 1000,
            }
            bare.close()
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
