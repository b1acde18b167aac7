"""The search rows behind the search box: what a licence item or a power is found by, and
keeping those rows current when a record, or a name shown in its row, changes.

Each indexed kind has one FTS5 table of (record id, search text); the text is built by
:func:`.search.index_text` from the SQL below.  Only this module and the dialect know that the
rows live in FTS5 tables; the store calls it after every write.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from . import search
from .dialect import SQLiteDialect
from .fields import DEPARTMENT, LICENCE, PART_LABELS, POWER, REGION
from .kinds import BATCH, KINDS, RESPONSIBILITY_DETAIL_KEYS, TABLES, Field

_CHUNK = 5000
_DELEGATION_TEXT = "r.name || ' ' || coalesce(b.name, '') || ' ' || coalesce(dl.document_number, '')"
_PART_LABEL = " ".join(f"WHEN '{key}' THEN '{label}'" for key, label in PART_LABELS.items())


def _sources(dialect: SQLiteDialect) -> dict[str, tuple[str, str, str]]:
    """(search table, SQL of id and texts, id column) per indexed kind.

    What the search box finds a record by: its visible fields, its department's names, a main
    item's sub-items, a power's receiving townships, batches and document numbers, and the values
    of its extra columns (each its own field, so a term never runs from one into the next).
    """
    joined = dialect.joined
    department_names = (f"d.name || ' ' || coalesce((SELECT {joined('alias')} FROM department_alias"
                        " WHERE department_id = d.id), '')")
    return {
        LICENCE: ("licence_search",
                  f"SELECT li.id, li.name, li.sequence, li.code, {department_names}, li.implementing_authority,"
                  " li.legal_basis, li.level, li.certificate, li.remark, li.upper_ref, li.list_year,"
                  f" CASE li.part {_PART_LABEL} END,"
                  f" (SELECT {joined('s.name')} FROM licence_item s WHERE s.parent_id = li.id)"
                  " FROM licence_item li JOIN department d ON d.id = li.department_id", "li.id"),
        POWER: ("power_search",
                f"SELECT p.id, p.name, p.sequence, p.code, {department_names}, p.power_type, p.domain,"
                f" p.legal_basis, p.penalty_range, p.remark,"
                f" {', '.join('p.' + key for key in RESPONSIBILITY_DETAIL_KEYS)},"
                f" (SELECT {joined('value')} FROM {dialect.json_object_values('p.extra_json')}),"
                f" (SELECT {joined('s.name')} FROM power s WHERE s.parent_id = p.id),"
                f" (SELECT {joined(_DELEGATION_TEXT)}"
                " FROM delegation dl JOIN region r ON r.id = dl.region_id LEFT JOIN batch b ON b.id = dl.batch_id"
                " WHERE dl.power_id = p.id)"
                " FROM power p JOIN department d ON d.id = p.department_id", "p.id"),
    }


# The indexed rows that show a record's name: (indexed kind, SQL of their ids).
_SHOWING_NAME = {
    DEPARTMENT: ((LICENCE, "SELECT id FROM licence_item WHERE department_id = ?"),
                 (POWER, "SELECT id FROM power WHERE department_id = ?")),
    REGION: ((POWER, "SELECT DISTINCT power_id FROM delegation WHERE region_id = ?"),),
    BATCH: ((POWER, "SELECT DISTINCT power_id FROM delegation WHERE batch_id = ?"),),
}


class SearchIndex:
    """The search rows of one connection."""

    def __init__(self, conn: sqlite3.Connection, dialect: SQLiteDialect) -> None:
        self.conn = conn
        self.dialect = dialect
        self.sources = _sources(dialect)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds that have search rows."""
        return tuple(self.sources)

    def reindex(self, kind: str, ids: list[int] | None, *, fresh: bool = False) -> None:
        """Rewrite the search rows of some (``ids``) or all (None) records of ``kind``.

        All deletes go before all inserts: FTS5 flushes its pending inserts at every delete, and
        interleaving them makes a bulk reindex several times slower.  ``fresh`` rows (just
        inserted by an import) have nothing to delete.
        """
        table, sql, id_column = self.sources[kind]
        if ids is None:
            self.dialect.clear_search_rows(self.conn, table, None)
            chunks: list[list[int] | None] = [None]
        else:
            if not fresh:
                self.dialect.clear_search_rows(self.conn, table, ids)
            chunks = [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]
        for chunk in chunks:
            where = "" if chunk is None else f" WHERE {id_column} IN ({','.join('?' * len(chunk))})"
            rows = self.conn.execute(sql + where, chunk or []).fetchall()
            self.dialect.write_search_rows(self.conn, table, ((row[0], search.index_text(row[1:])) for row in rows))

    def remove(self, kind: str, ids: list[int]) -> None:
        """Drop the search rows of deleted records."""
        self.dialect.clear_search_rows(self.conn, self.sources[kind][0], ids)

    def after_change(self, kind: str, record_id: int, before: dict[str, Any] | None,
                     name_changed: bool) -> None:
        """Keep the rows current for a record just written and for the rows that show its name."""
        if kind in self.sources:  # a main item is found by its sub-items' names
            parent = self.conn.execute(f"SELECT parent_id FROM {TABLES[kind]} WHERE id = ?",
                                       (record_id,)).fetchone()
            ids = [record_id] + ([parent[0]] if parent and parent[0] else [])
            if before and before.get("parent_id") and before["parent_id"] not in ids:
                ids.append(before["parent_id"])
            self.reindex(kind, ids)
        elif KINDS[kind].shown_in:  # a power is found by its townships and batches
            for f in self._showing_fields(kind):
                row = self.conn.execute(f"SELECT {f.key} FROM {TABLES[kind]} WHERE id = ?", (record_id,)).fetchone()
                ids = [row[0]] if row else []
                if before and before.get(f.key) not in ids:
                    ids.append(before[f.key])
                self.reindex(f.reference, ids)
        elif before and name_changed:
            for indexed, sql in _SHOWING_NAME.get(kind, ()):
                self.reindex(indexed, [row[0] for row in self.conn.execute(sql, (record_id,))])

    def after_delete(self, kind: str, before: dict[str, Any], sub_item_ids: list[int]) -> None:
        """Drop a deleted record's rows (and its sub-items'); its main item loses a name."""
        if kind in self.sources:
            self.remove(kind, [before["id"], *sub_item_ids])
            if before.get("parent_id"):
                self.reindex(kind, [before["parent_id"]])
        else:
            for f in self._showing_fields(kind):
                self.reindex(f.reference, [before[f.key]])

    def _showing_fields(self, kind: str) -> list[Field]:
        """The fields naming the indexed records whose rows show a record of ``kind`` (a delegation's power)."""
        description = KINDS[kind]
        return [f for f in description.fields if f.reference in description.shown_in and f.reference in self.sources]
