"""The store: one open database and what every service needs to change it safely.

It owns the connection and the dialect (what differs between SQLite and PostgreSQL),
write transactions, operations (the changes of one user action, undone as one step), the change
log with each record's snapshot before and after, and the search rows.  The services
(``records``, ``history``, ``imports`` …) each take the store; none of them knows another's
internals.

How the window learns what a write changed: when the outermost transaction of a write commits,
``last_changes`` becomes the :class:`~.changes.OpChanges` of that write — derived from the
change log of its operation, plus the lists named with :meth:`touch` by writes that are not
logged (saved filters, mapping templates, upper lists, backup settings); a restored backup
changes everything.  A writer thread reads it right after the service call returns.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .changes import NOTHING, OpChanges, changes_of_operation, make_changes, to_notice
from .citation_rows import CitationRows
from .clock import now_text
from .dialect import SQLITE, SQLiteDialect, connect
from .errors import DatabaseError, LawGovError, NotFoundError
from .kinds import KINDS, REFERENCE, TABLES
from .location import CHANGES_CHANNEL, Location, ServerAddress
from .search_index import SearchIndex


class Store:
    """An open connection with transactions, operations, the change log and the search rows."""

    def __init__(self, location: Location, *, user: str, read_only: bool = False) -> None:
        self.location = location
        # The file of a SQLite database; None for a server database (backups are copies then).
        self.path: Path | None = location if isinstance(location, Path) else None
        self.user = user
        self.read_only = read_only
        if isinstance(location, ServerAddress):
            from . import postgres

            self.conn = postgres.connect(location, read_only=read_only)
            self.dialect: SQLiteDialect = self.conn.dialect
        else:
            self.dialect = SQLITE
            try:
                self.conn = connect(location, read_only=read_only)
            except SQLITE.Error as exc:
                raise DatabaseError(f"无法打开数据库“{location}”：{exc}") from exc
        self.index = SearchIndex(self.conn, self.dialect)
        self.citations = CitationRows(self.conn)  # the laws each legal basis cites (core.laws)
        self.last_changes: OpChanges = NOTHING
        self._depth = 0
        self._operation: str | None = None
        self._touched: set[str] = set()

    def server_user(self) -> str:
        """The database user of a server connection (the name the server checks rights by)."""
        return str(self.conn.execute("SELECT current_user").fetchone()[0])

    def close(self) -> None:
        """Close the connection (checkpointing a SQLite file's WAL)."""
        self.conn.close()

    # ----------------------------------------------------------------------------- transactions
    @property
    def writing(self) -> bool:
        """True inside a write transaction (a restore must wait for it)."""
        return self._depth > 0

    @property
    def in_operation(self) -> bool:
        """True inside an operation (a bulk change inside a larger one needs no backup of its own)."""
        return self._operation is not None

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One write transaction; nested uses join the outer one. Rolls back on any error."""
        if self.read_only:
            raise DatabaseError("数据库以只读方式打开，不能修改。")
        if self._depth == 0:
            try:
                self.conn.execute(self.dialect.begin_write)
            except self.dialect.OperationalError as exc:
                raise DatabaseError(f"数据库正被其他程序写入，请稍后再试（{exc}）。") from exc
            self._touched = set()
        self._depth += 1
        try:
            yield self.conn
        except BaseException as exc:
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("ROLLBACK")
                if isinstance(exc, self.dialect.IntegrityError):  # e.g. undoing a change whose record is gone
                    raise LawGovError(f"无法保存：涉及的记录已被删除或已改变（{exc}），数据未作任何改动。") from exc
            raise
        self._depth -= 1
        if self._depth == 0:
            changes = (changes_of_operation(self.conn, self._operation, self._touched)
                       if self._operation else make_changes(None, self._touched))
            if changes and self.path is None:  # other clerks' windows hear of it at the commit
                self.conn.execute("SELECT pg_notify(?, ?)", (CHANGES_CHANNEL, to_notice(changes, self.user)))
            self.conn.execute("COMMIT")
            self.last_changes = changes

    @contextmanager
    def operation(self, summary: str) -> Iterator[str]:
        """Group the changes made inside into one undoable user action; yields its id.

        ``summary`` says what the action is; the log entries written inside carry their own.
        """
        if self._operation is not None:
            yield self._operation
            return
        self._operation = uuid.uuid4().hex
        try:
            with self.transaction():
                yield self._operation
        finally:
            self._operation = None

    def touch(self, *lists: str) -> None:
        """Name lists changed by a write that the change log does not record (see ``last_changes``)."""
        self._touched.update(lists)

    # ----------------------------------------------------------------------------- reading helpers
    def count(self, sql: str, *params: object) -> int:
        """The single number a ``SELECT count(*)``-like statement returns."""
        return int(self.conn.execute(sql, params).fetchone()[0])

    def name_of(self, table: str, record_id: int | None) -> str | None:
        """The name of a record by table and id (None when there is none)."""
        row = self.conn.execute(f"SELECT name FROM {table} WHERE id = ?", (record_id,)).fetchone()
        return row[0] if row else None

    def aliases(self, kind: str, record_id: int) -> list[str]:
        """Other names of a named record, sorted."""
        description = KINDS[kind]
        return [r[0] for r in self.conn.execute(
            f"SELECT alias FROM {description.alias_table} WHERE {description.alias_column} = ? ORDER BY alias",
            (record_id,))]

    def snapshot(self, kind: str, record_id: int) -> dict[str, Any]:
        """The record's own row plus what a delete would take with it, for the change log."""
        description = KINDS[kind]
        row = self.conn.execute(f"SELECT * FROM {description.table} WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"未找到{description.label}（编号 {record_id}）。")
        record = description.record(row)
        if description.alias_table:
            record["aliases"] = self.aliases(kind, record_id)
        for part in description.belongings:
            record[part.key] = [KINDS[part.kind].record(r) for r in self.conn.execute(
                f"SELECT * FROM {TABLES[part.kind]} WHERE {part.where} ORDER BY id",
                (record_id,) * part.where.count("?"))]
        return record

    def title(self, kind: str, record: dict[str, Any]) -> str:
        """How messages and the log name a record: its name, or for a kind without one the names of
        what it must reference (a delegation: power → township)."""
        description = KINDS[kind]
        if description.field("name") is None:
            return " → ".join(str(self.name_of(TABLES[f.reference], record[f.key])) for f in description.fields
                              if f.rule == REFERENCE and f.required)
        return str(record.get("name") or record.get("id"))

    # ----------------------------------------------------------------------------- writing helpers
    def log(self, action: str, kind: str, record_id: int | None, summary: str,
            before: dict[str, Any] | None, after: dict[str, Any] | None, import_id: int | None = None) -> None:
        """Write one change-log entry under the current operation (a new one outside any)."""
        self.conn.execute(
            "INSERT INTO change_log (at, \"user\", action, entity, entity_id, summary, before_json, after_json,"
            " operation, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (now_text(), self.user, action, kind, record_id, summary,
             json.dumps(before, ensure_ascii=False) if before is not None else None,
             json.dumps(after, ensure_ascii=False) if after is not None else None,
             self._operation or uuid.uuid4().hex, import_id))

    def reindex(self, kind: str, ids: list[int] | None, *, fresh: bool = False) -> None:
        """Rewrite the search rows of some (``ids``) or all (None) records of an indexed kind."""
        self.index.reindex(kind, ids, fresh=fresh)
        self.citations.refresh(kind, ids, fresh=fresh)

    def after_change(self, kind: str, record_id: int, before: dict[str, Any] | None) -> None:
        """Keep the search rows current for a record just written and the rows showing its name."""
        name_changed = bool(before) and KINDS[kind].field("name") is not None and (
            before.get("name") != self.name_of(TABLES[kind], record_id)
            or (KINDS[kind].alias_table is not None and before.get("aliases") != self.aliases(kind, record_id)))
        self.index.after_change(kind, record_id, before, name_changed)
        self.citations.refresh(kind, [record_id])

    def after_delete(self, kind: str, before: dict[str, Any]) -> None:
        """Keep the search rows current after a delete."""
        self.index.after_delete(kind, before, self.sub_item_ids(kind, before))

    @staticmethod
    def sub_item_ids(kind: str, snapshot: dict[str, Any]) -> list[int]:
        """The ids of the sub-items a snapshot holds (they share the kind's table)."""
        return [row["id"] for part in KINDS[kind].belongings if part.kind == kind
                for row in snapshot.get(part.key, [])]
