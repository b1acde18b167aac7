"""The figures of the annual report, computed in SQL from the lists.

Counting rules (../shared/DOMAIN.md): licence ``items`` are main items (a sub-item is not an
item); ``departments`` are the distinct competent departments of those items.  Powers count as
distinct powers: one power handed to three streets is one power.  A region counts every power
delegated to it or to any region under it, so a functional zone counts its streets' powers.  A
delegation whose change kind is 收回 (taken back) cancels the delegation of that power to that
region and is not counted.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from .fields import CENTRAL, LOCAL, PARTS

# Delegations still in force: not themselves a take-back, and not taken back for that region.
_ACTIVE_DELEGATIONS = """
SELECT dl.power_id, dl.region_id, dl.batch_id FROM delegation dl JOIN power p ON p.id = dl.power_id
WHERE p.version_id IS :version AND dl.change_kind != '收回'
  AND NOT EXISTS (SELECT 1 FROM delegation back WHERE back.power_id = dl.power_id
                  AND back.region_id = dl.region_id AND back.change_kind = '收回')
"""


def compute_stats(conn: sqlite3.Connection, version_id: int | None = None) -> dict[str, Any]:
    """The ``lawgov stats --json`` document for the working list (or a saved version)."""
    params = {"version": version_id}
    parts: dict[str, dict[str, int]] = {part: {"items": 0, "departments": 0} for part in (CENTRAL, LOCAL)}
    for part, items, departments in conn.execute(
        "SELECT part, count(*), count(DISTINCT department_id) FROM licence_item"
        " WHERE version_id IS :version AND parent_id IS NULL GROUP BY part", params):
        parts[part if part in PARTS else "other"] = {"items": items, "departments": departments}
    licence_total, licence_departments, sub_items = conn.execute(
        "SELECT count(*) FILTER (WHERE parent_id IS NULL),"
        " count(DISTINCT department_id) FILTER (WHERE parent_id IS NULL),"
        " count(*) FILTER (WHERE parent_id IS NOT NULL)"
        " FROM licence_item WHERE version_id IS :version", params).fetchone()
    by_department = {
        name: count for name, count in conn.execute(
            "SELECT d.name, count(*) FROM licence_item li JOIN department d ON d.id = li.department_id"
            " WHERE li.version_id IS :version AND li.parent_id IS NULL GROUP BY d.name ORDER BY count(*) DESC,"
            " d.name", params)}
    by_level = dict(conn.execute(
        "SELECT coalesce(level, '未填'), count(*) FROM licence_item WHERE version_id IS :version"
        " AND parent_id IS NULL GROUP BY coalesce(level, '未填') ORDER BY count(*) DESC", params).fetchall())

    power_total = conn.execute("SELECT count(*) FROM power WHERE version_id IS :version", params).fetchone()[0]
    batches = dict(conn.execute(
        f"SELECT coalesce(b.name, '未分批'), count(DISTINCT a.power_id) FROM ({_ACTIVE_DELEGATIONS}) a"
        " LEFT JOIN batch b ON b.id = a.batch_id GROUP BY a.batch_id ORDER BY min(b.position), b.name",
        params).fetchall())
    regions = dict(conn.execute(
        "WITH RECURSIVE ancestry(region_id, ancestor_id) AS ("
        " SELECT id, id FROM region UNION ALL"
        " SELECT ancestry.region_id, r.parent_id FROM ancestry JOIN region r ON r.id = ancestry.ancestor_id"
        " WHERE r.parent_id IS NOT NULL)"
        f" SELECT r.name, count(DISTINCT a.power_id) FROM ({_ACTIVE_DELEGATIONS}) a"
        " JOIN ancestry an ON an.region_id = a.region_id JOIN region r ON r.id = an.ancestor_id"
        " GROUP BY r.id ORDER BY r.position, r.id", params).fetchall())
    delegated = conn.execute(f"SELECT count(DISTINCT power_id) FROM ({_ACTIVE_DELEGATIONS})",
                             params).fetchone()[0]
    power_types = dict(conn.execute(
        "SELECT coalesce(power_type, '未填'), count(*) FROM power WHERE version_id IS :version"
        " GROUP BY coalesce(power_type, '未填') ORDER BY count(*) DESC", params).fetchall())
    power_departments = dict(conn.execute(
        "SELECT d.name, count(*) FROM power p JOIN department d ON d.id = p.department_id"
        " WHERE p.version_id IS :version GROUP BY d.name ORDER BY count(*) DESC, d.name", params).fetchall())
    return {
        "licence_items": {
            "total": licence_total,
            "departments": licence_departments,
            "sub_items": sub_items,
            "parts": parts,
            "by_department": by_department,
            "by_level": by_level,
        },
        "powers": {
            "total": power_total,
            "delegated": delegated,
            "batches": batches,
            "regions": regions,
            "by_type": power_types,
            "by_department": power_departments,
        },
        "departments": conn.execute("SELECT count(*) FROM department").fetchone()[0],
        "regions": conn.execute("SELECT count(*) FROM region").fetchone()[0],
    }
