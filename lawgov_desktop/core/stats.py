"""The figures of the annual report, computed from the lists in a few grouped queries.

Counting rules (as the city office's annual report counts): licence ``items`` are main items (a sub-item is not an
item); ``departments`` are the distinct competent departments of those items.  Powers are main
powers too (a 权责清单's sub-item is not a power of its own) and count as distinct powers: one
power handed to three streets is one power.  A region counts every power
delegated to it or to any region under it, so a functional zone counts its streets' powers.  A
delegation whose change kind is 收回 (taken back) cancels the delegation of that power to that
region and is not counted.

Speed (bench/bench_stats.py: 100,000 records well under 200 ms): SQLite groups the licence items
and powers in one pass each, and folds each power's delegations into "which regions, which
batches" strings read from the covering unique index; the few distinct combinations are then
spread over the region tree in Python.  Counting distinct powers per region in SQL instead means
sorting every (power, ancestor region) pair and took four times as long.

``breakdowns`` carries the same figures as rows with ids (departments, batches, regions) for the
statistics view, whose every figure opens the filtered list behind it, and for the summary
paragraph (``core/summary.py``).  Each department's row also has its powers per type and its
sub-items, and the sentence its 权责清单 states its size with ("共N项，其中行政许可a项…（另有子项M项）"):
types are listed in the standard order of ``POWER_TYPES``, wherever figures are per type.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from .collation import sort_key
from .dialect import SQLiteDialect, dialect_of
from .fields import CENTRAL, LOCAL, PART_LABELS, PARTS, power_type_order

if TYPE_CHECKING:
    from .store import Store

NOT_FILLED = "未填"
UNBATCHED = "未分批"
_TAKEN_BACK_PAIRS = (
    "NOT EXISTS (SELECT 1 FROM delegation back INDEXED BY ix_delegation_taken_back WHERE back.change_kind = '收回'"
    " AND back.power_id = dl.power_id AND back.region_id = dl.region_id)")
# Each delegated power's regions and batches, grouped by those two lists (a handful of rows).
def _delegation_groups(dialect: SQLiteDialect) -> str:
    return (f"SELECT regions, batches, count(*) FROM (SELECT {dialect.joined('dl.region_id', ',')} AS regions,"
            f" {dialect.joined('coalesce(dl.batch_id, 0)', ',', distinct=True)} AS batches FROM delegation dl"
            " WHERE dl.power_id IN (SELECT id FROM power WHERE version_id IS :version)"
            f" AND {_TAKEN_BACK_PAIRS} GROUP BY dl.power_id) AS per_power GROUP BY regions, batches")


def compute_stats(conn: sqlite3.Connection, version_id: int | None = None) -> dict[str, Any]:
    """The ``lawgov stats --json`` document for the working list (or a saved version)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    departments = _departments(cursor)
    licence, licence_rows = _licence_figures(cursor, version_id, departments)
    powers, power_rows = _power_figures(cursor, version_id, departments)
    return {
        "licence_items": licence,
        "powers": powers,
        "departments": len(departments),
        "regions": cursor.execute("SELECT count(*) FROM region").fetchone()[0],
        "breakdowns": {**licence_rows, **power_rows},
    }


class Stats:
    """The report's figures (``library.stats``)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def compute(self, version_id: int | None = None) -> dict[str, Any]:
        """The figures of the working list (None) or a saved version, by the counting rules above."""
        return compute_stats(self.store.conn, version_id)


def short_name(name: str, aliases: list[str]) -> str:
    """The name the report uses for a department: its shortest alias shorter than the full name
    (市发改局 for 汕尾市发展和改革局), else the name."""
    shorter = [alias for alias in aliases if len(alias) < len(name)]
    return min(shorter, key=lambda alias: (len(alias), alias)) if shorter else name


def _departments(cursor: sqlite3.Cursor) -> dict[int, dict[str, Any]]:
    aliases: dict[int, list[str]] = defaultdict(list)
    for department_id, alias in cursor.execute("SELECT department_id, alias FROM department_alias"):
        aliases[department_id].append(alias)
    return {department_id: {"id": department_id, "name": name, "short_name": short_name(name, aliases[department_id])}
            for department_id, name in cursor.execute("SELECT id, name FROM department")}


def _licence_figures(cursor: sqlite3.Cursor, version_id: int | None,
                     departments: dict[int, dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    items_by_part: dict[str, int] = {CENTRAL: 0, LOCAL: 0}
    part_departments: dict[str, dict[int, list[int]]] = defaultdict(dict)  # part → department → [items, first]
    by_department: dict[int, dict[str, Any]] = {}
    by_level: dict[str, int] = defaultdict(int)
    sub_items = 0
    for part, department_id, level, count, first in cursor.execute(
            "SELECT part, department_id, level, count(*), min(position) FROM licence_item"
            " WHERE version_id IS ? AND parent_id IS NULL GROUP BY 1, 2, 3", (version_id,)):
        part = part if part in PARTS else "other"
        row = by_department.setdefault(department_id, _department_row(departments[department_id]))
        items_by_part[part] = items_by_part.get(part, 0) + count
        row["items"] += count
        row["parts"][part] = row["parts"].get(part, 0) + count
        by_level[level or NOT_FILLED] += count
        figures = part_departments[part].setdefault(department_id, [0, first])
        figures[0] += count
        figures[1] = min(figures[1], first)
    for department_id, count in cursor.execute(
            "SELECT department_id, count(*) FROM licence_item WHERE version_id IS ? AND parent_id IS NOT NULL"
            " GROUP BY 1", (version_id,)):
        sub_items += count
        by_department.setdefault(department_id, _department_row(departments[department_id]))["sub_items"] += count
    main_rows = sorted((row for row in by_department.values() if row["items"]),
                       key=lambda row: (-row["items"], sort_key(row["name"])))  # ties in pinyin order
    parts = {part: {"items": items, "departments": len(part_departments[part])}
             for part, items in items_by_part.items()}
    licence = {
        "total": sum(items_by_part.values()),
        "departments": len(main_rows),
        "sub_items": sub_items,
        "parts": parts,
        "by_department": {row["name"]: row["items"] for row in main_rows},
        "by_level": dict(sorted(by_level.items(), key=lambda pair: (-pair[1], sort_key(pair[0])))),
    }
    part_rows = [
        {"part": part, "label": PART_LABELS[part], "items": items_by_part[part],
         # in list order: the report names the first department ("涉及市发改局等44个部门")
         "departments": [{**departments[department_id], "items": figures[0]} for department_id, figures
                         in sorted(part_departments[part].items(), key=lambda pair: (pair[1][1], pair[0]))]}
        for part in PARTS if part in items_by_part]
    return licence, {"parts": part_rows, "licence_departments": main_rows}


def _department_row(department: dict[str, Any]) -> dict[str, Any]:
    return {**department, "items": 0, "sub_items": 0, "parts": {}}


def _power_figures(cursor: sqlite3.Cursor, version_id: int | None,
                   departments: dict[int, dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    by_type: dict[str | None, int] = defaultdict(int)
    by_department: dict[int, int] = defaultdict(int)
    department_types: dict[int, dict[str | None, int]] = defaultdict(lambda: defaultdict(int))
    for power_type, department_id, count in cursor.execute(
            "SELECT power_type, department_id, count(*) FROM power WHERE version_id IS ? AND parent_id IS NULL"
            " GROUP BY 1, 2",
            (version_id,)):
        by_type[power_type or None] += count
        by_department[department_id] += count
        department_types[department_id][power_type or None] += count
    sub_items = dict(cursor.execute(
        "SELECT department_id, count(*) FROM power WHERE version_id IS ? AND parent_id IS NOT NULL GROUP BY 1",
        (version_id,)).fetchall())
    regions = {row[0]: {"id": row[0], "name": row[1], "kind": row[2], "parent_id": row[3], "powers": 0}
               for row in cursor.execute("SELECT id, name, kind, parent_id FROM region ORDER BY position, id")}
    batches = {row[0]: {"id": row[0], "name": row[1], "document_number": row[2], "published_on": row[3],
                        "powers": 0}
               for row in cursor.execute(
                   "SELECT id, name, document_number, published_on FROM batch ORDER BY position, name")}
    unbatched = {"id": None, "name": UNBATCHED, "document_number": None, "published_on": None, "powers": 0}
    delegated = 0
    for region_list, batch_list, count in cursor.execute(_delegation_groups(dialect_of(cursor)), {"version": version_id}):
        delegated += count
        for region_id in _with_ancestors(regions, region_list):
            regions[region_id]["powers"] += count
        for batch_id in {int(text) for text in batch_list.split(",")}:
            batches.get(batch_id, unbatched)["powers"] += count
    batch_rows = [row for row in [*batches.values(), unbatched] if row["powers"]]
    region_rows = [row for row in regions.values() if row["powers"]]
    department_rows = sorted((_power_department_row(departments[department_id], department_types[department_id],
                                                    sub_items.get(department_id, 0))
                              for department_id in by_department),
                             key=lambda row: (-row["powers"], sort_key(row["name"])))
    powers = {
        "total": sum(by_department.values()),
        "sub_items": sum(sub_items.values()),
        "delegated": delegated,
        "batches": {row["name"]: row["powers"] for row in batch_rows},
        "regions": {row["name"]: row["powers"] for row in region_rows},
        "by_type": _in_type_order(by_type),
        "by_department": {row["name"]: row["powers"] for row in department_rows},
    }
    return powers, {"batches": batch_rows, "regions": region_rows, "power_departments": department_rows}


def responsibility_summary(types: dict[str, int], sub_items: int) -> str:
    """How a department's 权责清单 states its size: "共N项，其中行政许可a项、行政处罚b项（另有子项M项）".

    N counts main items only; ``types`` are in the standard order, types with no power left out;
    the sub-items are told apart, and only when there are some.
    """
    counts = "、".join(f"{'未填类型' if kind == NOT_FILLED else kind}{count}项" for kind, count in types.items() if count)
    return (f"共{sum(types.values())}项" + (f"，其中{counts}" if counts else "")
            + (f"（另有子项{sub_items}项）" if sub_items else ""))


def _in_type_order(counts: dict[str | None, int]) -> dict[str, int]:
    """Counts per power type in the order a 权责清单 lists the types; no type is shown as ``NOT_FILLED``."""
    return {kind or NOT_FILLED: counts[kind] for kind in sorted(counts, key=power_type_order)}


def _power_department_row(department: dict[str, Any], types: dict[str | None, int], sub_items: int
                          ) -> dict[str, Any]:
    ordered = _in_type_order(types)
    return {**department, "powers": sum(ordered.values()), "types": ordered, "sub_items": sub_items,
            "summary": responsibility_summary(ordered, sub_items)}


def _with_ancestors(regions: dict[int, dict[str, Any]], region_list: str) -> set[int]:
    """The regions named in ``"5,5,7"`` and every region above them, each once."""
    found: set[int] = set()
    for region_id in {int(text) for text in region_list.split(",")}:
        while region_id is not None and region_id not in found:
            found.add(region_id)
            region_id = regions[region_id]["parent_id"]
    return found
