"""The change history: reading it as the history view filters it (by record, user, action, dates,
text), and undoing one change or a whole operation (``library.history``).

Times in ``change_log.at`` are local ISO-8601 text ("2024-05-01T09:30:00+08:00"), so a date
range is a text range: from the start of ``since`` to the end of ``until``, both inclusive.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from .errors import LawGovError, NotFoundError, ValidationError
from .fields import LIST_VERSION
from .kinds import KINDS, TABLES
from .queries import Page

if TYPE_CHECKING:
    from .records import Records
    from .store import Store
    from .versions import Versions


def _day(value: date | str, field: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise ValidationError({field: f"日期“{value}”无法识别，请写成 2024-05-01。"}) from exc


def change_log_page(conn: sqlite3.Connection, *, entity: str | None = None, entity_id: int | None = None,
                    user: str | None = None, action: str | None = None, since: date | str | None = None,
                    until: date | str | None = None, text: str = "", offset: int = 0,
                    limit: int = 100) -> Page:
    """One page of the history, newest first, with the exact number of matching entries."""
    where = ["1=1"]
    params: list[Any] = []
    for column, value in (("entity", entity), ("entity_id", entity_id), ('"user"', user), ("action", action)):
        if value not in (None, ""):
            where.append(f"{column} = ?")
            params.append(value)
    if since:
        where.append("at >= ?")
        params.append(_day(since, "since").isoformat())
    if until:
        where.append("at < ?")
        params.append((_day(until, "until") + timedelta(days=1)).isoformat())
    if text.strip():
        where.append("(summary LIKE ? OR \"user\" LIKE ?)")
        params.extend([f"%{text.strip()}%"] * 2)
    clause = " AND ".join(where)
    total = conn.execute(f"SELECT count(*) FROM change_log WHERE {clause}", params).fetchone()[0]
    rows = conn.execute(f"SELECT * FROM change_log WHERE {clause} ORDER BY id DESC LIMIT ? OFFSET ?",
                        [*params, limit, offset]).fetchall()
    return Page([dict(row) for row in rows], total, offset)


def change_log_users(conn: sqlite3.Connection) -> list[str]:
    """Everyone who appears in the history, for the user filter's choices."""
    return [row[0] for row in conn.execute("SELECT DISTINCT \"user\" FROM change_log ORDER BY \"user\"")]


class History:
    """The change log and undo (``library.history``)."""

    def __init__(self, store: Store, records: Records, versions: Versions) -> None:
        self.store = store
        self.records = records
        self.versions = versions

    def change_log(self, *, entity: str | None = None, entity_id: int | None = None, user: str | None = None,
                   action: str | None = None, since: date | str | None = None, until: date | str | None = None,
                   text: str = "", offset: int = 0, limit: int = 100) -> Page:
        """The change history, newest first: per record, user, action, date range or text."""
        return change_log_page(self.store.conn, entity=entity, entity_id=entity_id, user=user, action=action,
                               since=since, until=until, text=text, offset=offset, limit=limit)

    def change_log_users(self) -> list[str]:
        """Everyone who appears in the change history (the history window's user filter)."""
        return change_log_users(self.store.conn)

    def last_operation(self) -> str | None:
        """The newest operation in the log (what Ctrl+Z undoes in a fresh window)."""
        row = self.store.conn.execute("SELECT operation FROM change_log ORDER BY id DESC LIMIT 1").fetchone()
        return row[0] if row else None

    def revert_operation(self, operation: str) -> str:
        """Undo every change of one operation, newest first, as a new operation; returns its id
        (reverting that one again is redo)."""
        entries = [dict(row) for row in self.store.conn.execute(
            "SELECT * FROM change_log WHERE operation = ? ORDER BY id DESC", (operation,))]
        if not entries:
            raise NotFoundError("未找到要撤销的操作。")
        summary = entries[-1]["summary"]
        with self.store.operation(f"撤销：{summary}") as new_operation:
            for entry in entries:
                self.revert_entry(entry)
            self.store.conn.execute(
                "UPDATE change_log SET reverted_by = (SELECT min(id) FROM change_log WHERE operation = ?)"
                " WHERE operation = ?", (new_operation, operation))
        return new_operation

    def revert_change(self, change_id: int) -> str:
        """Undo one logged change (from the history window); returns the new operation id."""
        row = self.store.conn.execute("SELECT * FROM change_log WHERE id = ?", (change_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"未找到修改记录（编号 {change_id}）。")
        entry = dict(row)
        with self.store.operation(f"撤销：{entry['summary']}") as new_operation:
            self.revert_entry(entry)
            self.store.conn.execute("UPDATE change_log SET reverted_by = (SELECT min(id) FROM change_log"
                                    " WHERE operation = ?) WHERE id = ?", (new_operation, change_id))
        return new_operation

    def revert_entry(self, entry: dict[str, Any]) -> None:
        """Put back what one log entry changed (inside the caller's operation)."""
        kind, record_id = entry["entity"], entry["entity_id"]
        if kind == LIST_VERSION:
            return self.versions.revert_entry(entry)
        before = json.loads(entry["before_json"]) if entry["before_json"] else None
        after = json.loads(entry["after_json"]) if entry["after_json"] else None
        exists = self.store.conn.execute(f"SELECT 1 FROM {TABLES[kind]} WHERE id = ?", (record_id,)).fetchone()
        if entry["action"] == "create" or (before is None and after is not None):
            if exists:
                self.records.delete(kind, record_id)
        elif entry["action"] == "delete" or (after is None and before is not None):
            if not exists:
                self.records.restore(kind, before)
        elif before is not None and after is not None:
            if not exists:
                raise LawGovError(f"“{self.store.title(kind, before)}”已被删除，不能撤销这次修改。")
            changes = {key: before.get(key) for key in KINDS[kind].columns
                       if key in after and before.get(key) != after.get(key)}
            if changes and before.get("updated_at"):
                changes["updated_at"] = before["updated_at"]  # the record as it was, time stamp included
            if before.get("aliases") != after.get("aliases") and KINDS[kind].alias_table:
                changes["aliases"] = before.get("aliases") or []
            self._apply_raw_update(kind, record_id, changes)
        return None

    def _apply_raw_update(self, kind: str, record_id: int, changes: dict[str, Any]) -> None:
        """Put back stored values without re-validating them (they were valid when logged)."""
        aliases = changes.pop("aliases", None)
        self.records.write_update(kind, record_id, self.store.snapshot(kind, record_id), changes, aliases,
                                  "撤销修改", "")
