"""Reference data shipped with the program: Shanwei's region tree, loaded into a new database.

Only regions named in the office's own documents ship; codes are given only where an official
code exists (functional zones have none).  Townships met later in workbooks are added by imports.
"""

from __future__ import annotations

import csv
import sqlite3

from .clock import now_text
from .dialect import dialect_of
from .kinds import REGION_KIND
from .paths import shipped_dir


def load_reference_regions(conn: sqlite3.Connection) -> int:
    """Insert the shipped regions (parents before children); returns how many were added."""
    path = shipped_dir("database") / "reference" / "regions.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    stamp = now_text()
    ids: dict[str, int] = {}
    conn.execute(dialect_of(conn).begin_write)
    try:
        for position, row in enumerate(rows):
            parent_id = ids[row["parent"]] if row["parent"] else None
            values = {"name": row["name"], "code": row["code"] or None, "kind": row["kind"], "parent_id": parent_id,
                      "position": position, "created_at": stamp, "updated_at": stamp}
            values.update(REGION_KIND.sort_keys(values))
            ids[row["name"]] = int(conn.execute(
                f"INSERT INTO region ({', '.join(values)}) VALUES ({', '.join('?' * len(values))}) RETURNING id",
                list(values.values())).fetchone()[0])
            for alias in filter(None, row["aliases"].split(";")):
                conn.execute("INSERT INTO region_alias (region_id, alias) VALUES (?, ?)",
                             (ids[row["name"]], alias))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(rows)
