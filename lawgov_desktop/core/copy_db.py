"""Copying a whole database from one engine to the other: an office's server database to a
SQLite file (a laptop copy, the portable backup of ``lawgov backup`` on a server) and back.

Brewtarget's SQLite → PostgreSQL copy is the list of what to guard against: NULLs in NOT NULL
columns, text too long for the target, booleans and integers of the wrong type, dates as text.
Here:

* The target must be new or empty (a new SQLite file, an empty server database): nothing is ever
  overwritten.  Its schema comes from the same migrations every database gets.
* Every table of ``core.models`` is copied in foreign-key order, rows in id order with their ids,
  one transaction on the target; a sub-item entered before its main item (a lower id) follows it.  The highest id each table has ever used moves along,
  so an undo in the copy re-creates a deleted record under its own id, never a reused one.
* SQLite keeps whatever type a value came in with; each value is checked against its column
  (an integer in an integer column, text in a text column, no NUL character and no integer beyond
  PostgreSQL's range on a server) and a misfit is named by table, record and column.
* The search rows are made again from the copied records (they differ between the engines: FTS5
  on SQLite, character arrays on PostgreSQL); the laws' citation rows are copied as data.
* Verified: per table the record count and a SHA-256 over its rows, each normalised to one JSON
  line, in id order; both sides must agree.  Any failure removes the new file or empties the
  server database again, and says why in Chinese.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dialect import dialect_of
from .errors import DatabaseError, LawGovError
from .location import Location, ServerAddress
from .progress import NO_TASK, Task, check_cancelled
from .schema import SCHEMA_HEAD, schema_revision, server_schema_revision, upgrade
from .store import Store

_BATCH = 2000
# PostgreSQL's integer columns are 32-bit; SQLite's hold 64 bits.
_SERVER_INTEGER = range(-(2**31), 2**31)
# How each engine reads a consistent snapshot of the whole database.
_SNAPSHOT = {"sqlite": "BEGIN", "postgresql": "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"}


class CopyError(DatabaseError):
    """The copy failed; the target was removed or emptied again."""


@dataclass(frozen=True)
class Table:
    """One copied table as the models declare it."""

    name: str
    columns: tuple[str, ...]
    integer_columns: frozenset[str]
    order_by: str
    self_references: tuple[str, ...]  # columns naming a row of the same table (main item → sub-item)
    foreign_keys: tuple[tuple[str, str, str], ...]  # (column, referenced table, referenced column)
    has_id: bool
    autoincrement: bool  # SQLite keeps the highest id ever used in sqlite_sequence

    @property
    def select(self) -> str:
        """Every column, in id order."""
        return f"SELECT {', '.join(_quoted(c) for c in self.columns)} FROM {self.name} ORDER BY {self.order_by}"


def tables() -> list[Table]:
    """The tables a LawGov database holds, parents before children (from ``core.models``)."""
    from sqlalchemy import Integer
    from sqlmodel import SQLModel

    from . import models  # noqa: F401 - declares the tables

    found = []
    for table in SQLModel.metadata.sorted_tables:
        columns = tuple(column.name for column in table.columns)
        found.append(Table(
            name=table.name, columns=columns,
            integer_columns=frozenset(c.name for c in table.columns if isinstance(c.type, Integer)),
            order_by=", ".join(_quoted(column.name) for column in table.primary_key.columns),
            self_references=tuple(fk.parent.name for fk in table.foreign_keys if fk.column.table is table),
            foreign_keys=tuple(sorted((fk.parent.name, fk.column.table.name, fk.column.name)
                                      for fk in table.foreign_keys)),
            has_id="id" in columns,
            autoincrement=bool(table.dialect_options["sqlite"].get("autoincrement"))))
    return found


@dataclass
class CopyReport:
    """What a copy moved and the proof that both sides hold the same."""

    source: Location
    target: Location
    counts: dict[str, int] = field(default_factory=dict)
    digest: str = ""
    seconds: float = 0.0

    def lines(self) -> list[str]:
        """The report in Chinese: where from, where to, per table the count, the digest."""
        total = sum(self.counts.values())
        lines = [f"已将“{self.source}”复制到“{self.target}”：{len(self.counts)} 张表，共 {total} 条记录，"
                 f"用时 {self.seconds:.1f} 秒；两边的记录数和校验值一致。"]
        lines += [f"  {table}：{count}" for table, count in self.counts.items()]
        lines.append(f"校验值（SHA-256）：{self.digest}")
        return lines

    def to_json(self) -> dict[str, Any]:
        """The document ``lawgov copy-db --json`` prints."""
        return {"source": str(self.source), "target": str(self.target), "counts": self.counts,
                "digest": self.digest, "seconds": round(self.seconds, 3)}


class Digest:
    """Record counts and a SHA-256 per table over its rows normalised to text, and over all tables."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self._tables: dict[str, Any] = {}

    def add(self, table: str, row: Iterable[Any]) -> None:
        """Count and hash one row (in id order)."""
        if table not in self._tables:
            self._tables[table] = hashlib.sha256()
            self.counts[table] = 0
        self._tables[table].update(_ROW_TEXT.encode(list(row)).encode("utf-8") + b"\n")
        self.counts[table] += 1

    def start(self, table: str) -> None:
        """A table that may hold no rows still counts (as 0)."""
        if table not in self._tables:
            self._tables[table] = hashlib.sha256()
            self.counts[table] = 0

    def table_digests(self) -> dict[str, str]:
        """Each table's digest."""
        return {table: digest.hexdigest() for table, digest in self._tables.items()}

    @property
    def value(self) -> str:
        """One digest over every table's name, count and digest."""
        whole = hashlib.sha256()
        for table, digest in self.table_digests().items():
            whole.update(f"{table}\t{self.counts[table]}\t{digest}\n".encode())
        return whole.hexdigest()


def _bytes_text(value: Any) -> str:
    """Bytes as JSON text (they cannot reach a text column, but a digest must not fail on them)."""
    if isinstance(value, bytes | bytearray | memoryview):
        return "\\x" + bytes(value).hex()
    raise TypeError(f"{type(value).__name__} in a database row")


# One row as one line of JSON: the same text for the same values on both engines.
_ROW_TEXT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_bytes_text)


def _quoted(column: str) -> str:
    return f'"{column}"'


def database_digest(location: Location) -> Digest:
    """The counts and digest of a database as it is now (read in one snapshot)."""
    store = Store(location, user="", read_only=True)
    try:
        with _snapshot(store):
            digest = Digest()
            for table in tables():
                digest.start(table.name)
                for row in store.conn.execute(table.select).fetchall():
                    digest.add(table.name, row)
            return digest
    finally:
        store.close()


@contextlib.contextmanager
def _snapshot(store: Store) -> Iterator[None]:
    """Read every table as of one moment, while others may write."""
    store.conn.execute(_SNAPSHOT[store.dialect.name])
    try:
        yield
    finally:
        store.conn.execute("ROLLBACK")


def copy_database(source: Location, target: Location, task: Task = NO_TASK) -> CopyReport:
    """Copy the LawGov database at ``source`` into the new or empty ``target`` and verify it.

    Raises :class:`CopyError` (the target removed or emptied again) when anything goes wrong.
    """
    started = time.perf_counter()
    if source == target:
        raise CopyError("源数据库和目标数据库相同，不能复制。")
    if isinstance(source, Path) and not source.is_file():
        raise CopyError(f"源数据库文件“{source}”不存在。")
    reader = Store(source, user="", read_only=True)
    try:
        _check_source(reader)
        undo = _claim_target(target)
        try:
            copied = _copy(reader, target, task)
            written = database_digest(target)
        except BaseException as exc:
            undo()
            if isinstance(exc, CopyError | KeyboardInterrupt):
                raise
            raise CopyError(f"复制失败，目标“{target}”已恢复为空：{_explain(exc)}") from exc
        if written.counts != copied.counts or written.value != copied.value:
            undo()
            differing = [table for table, value in written.table_digests().items()
                         if copied.table_digests().get(table) != value]
            raise CopyError(f"复制后核对不一致（{'、'.join(differing)}），目标“{target}”已恢复为空；源数据库未改动。")
    finally:
        reader.close()
    return CopyReport(source, target, copied.counts, copied.value, time.perf_counter() - started)


def _check_source(reader: Store) -> None:
    """Only a LawGov database of this program's schema is copied (an older one: open it first)."""
    if reader.path is not None:
        revision: str | None = schema_revision(reader.path)
    else:
        revision = server_schema_revision(reader.conn, reader.location)  # type: ignore[arg-type]
    if revision is None:
        raise CopyError(f"源数据库“{reader.location}”是空的，没有可复制的数据。")
    if revision != SCHEMA_HEAD:
        raise CopyError(f"源数据库“{reader.location}”的结构版本（{revision}）与本程序（{SCHEMA_HEAD}）不同；"
                        "请先用本程序打开它（会自动升级），或升级本程序后再复制。")


def _claim_target(target: Location) -> Any:
    """Refuse a target holding anything; returns how to make it empty again after a failure."""
    if isinstance(target, ServerAddress):
        return _claim_server(target)
    if target.exists() and not (target.is_file() and target.stat().st_size == 0):
        raise CopyError(f"目标文件“{target}”已存在，请换一个新文件名（不会覆盖已有文件）。")
    if not target.parent.is_dir():
        raise CopyError(f"文件夹“{target.parent}”不存在。")

    def remove_file() -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)

    return remove_file


def _claim_server(address: ServerAddress) -> Any:
    """An empty server database only; what the migrations add is dropped again on failure."""
    from . import postgres

    conn = postgres.connect(address)
    try:
        if server_schema_revision(conn, address) is not None:
            raise CopyError(f"服务器数据库“{address.database}”不是空的，不能复制进去（不会覆盖已有数据）；"
                            "请让管理员新建一个空数据库。")
        functions_before = _server_functions(conn)
    finally:
        conn.close()

    def empty_again() -> None:
        again = postgres.connect(address)
        try:
            again.execute("BEGIN")
            for (name,) in again.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").fetchall():
                again.execute(f'DROP TABLE IF EXISTS "{name}" CASCADE')
            for signature in _server_functions(again) - functions_before:
                again.execute(f"DROP FUNCTION IF EXISTS {signature} CASCADE")
            again.execute("COMMIT")
        finally:
            again.close()

    return empty_again


def _server_functions(conn: Any) -> set[str]:
    """The functions of the database's own schema (a migration creates ``pinyin_key``)."""
    return {row[0] for row in conn.execute(
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname = current_schema()").fetchall()}


def _copy(reader: Store, target: Location, task: Task) -> Digest:
    """Migrate the target, copy every table in one transaction, rebuild its search rows."""
    task.report(0, 3, "建立目标数据库结构")
    upgrade(target)
    writer = Store(target, user="")
    try:
        digest = Digest()
        on_server = writer.path is None
        copied_tables = tables()
        with _snapshot(reader), writer.transaction() as conn:
            for table in reversed(copied_tables):  # what the migrations wrote (the application's name)
                conn.execute(f"DELETE FROM {table.name}")
            for number, table in enumerate(copied_tables):
                check_cancelled(task)
                task.report(1, 3, f"复制 {table.name}（{number + 1}/{len(copied_tables)}）")
                digest.start(table.name)
                _copy_table(reader, conn, table, digest, on_server)
                if table.has_id:
                    highest = reader.count(f"SELECT {reader.dialect.highest_id_sql(table.name)}")
                    _keep_highest_id(writer, table, highest)
            task.report(2, 3, "重建检索索引")
            for kind in writer.index.kinds:
                writer.index.reindex(kind, None)
        if on_server:  # the planner's statistics now, not when autovacuum gets round to it
            writer.conn.execute("ANALYZE")
        task.report(3, 3, "核对")
        return digest
    finally:
        writer.close()


def _copy_table(reader: Store, conn: Any, table: Table, digest: Digest, on_server: bool) -> None:
    """The rows of one table in id order, except that a row naming a later row of its own table
    (a sub-item entered before its main item) waits for it: an UPDATE afterwards would count as an
    edit and move the row's version on."""
    insert = _inserter(conn, table)
    positions = [table.columns.index(column) for column in table.self_references]
    written: set[Any] = set()
    waiting: dict[Any, list[list[Any]]] = {}  # id of the row not yet written → rows naming it

    def ready(values: list[Any], batch: list[list[Any]]) -> None:
        batch.append(values)
        written.add(values[0])
        for child in waiting.pop(values[0], []):
            ready(child, batch)

    cursor = reader.conn.execute(table.select)
    while rows := cursor.fetchmany(_BATCH):
        batch: list[list[Any]] = []
        for row in rows:
            values = list(row)
            digest.add(table.name, values)
            _check_values(table, values, on_server)
            missing = next((values[p] for p in positions if values[p] not in (None, values[0])
                            and values[p] not in written), None)
            if missing is None:
                ready(values, batch)
            else:
                waiting.setdefault(missing, []).append(values)
        insert(batch)
    if waiting:  # rows naming a row that does not exist: the target's foreign key says so
        insert([values for rows in waiting.values() for values in rows])


def _inserter(conn: Any, table: Table) -> Any:
    """How rows go into ``table``: PostgreSQL's COPY (several times faster than one INSERT per
    row), else a prepared INSERT."""
    columns = ", ".join(_quoted(c) for c in table.columns)
    if dialect_of(conn).name == "postgresql":
        def copy_rows(rows: list[list[Any]]) -> None:
            with conn.raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
                for values in rows:
                    copy.write_row(values)
        return copy_rows
    insert = f"INSERT INTO {table.name} ({columns}) VALUES ({', '.join('?' * len(table.columns))})"
    return lambda rows: conn.executemany(insert, rows)


def _check_values(table: Table, values: list[Any], on_server: bool) -> None:
    """Each value fits its column on the target, or the copy stops naming record and column."""
    for column, value in zip(table.columns, values, strict=True):
        if value is None:
            continue
        problem = None
        if column in table.integer_columns:
            if not isinstance(value, int):
                problem = f"应为整数，却是“{str(value)[:40]}”"
            elif on_server and value not in _SERVER_INTEGER:
                problem = f"整数 {value} 超出服务器数据库的范围"
        elif not isinstance(value, str):
            problem = f"应为文字，却是 {type(value).__name__} 类型的值"
        elif on_server and "\x00" in value:
            problem = "含有 NUL 字符（\\x00），服务器数据库不能保存"
        if problem:
            where = f"编号 {values[0]} 的记录" if table.has_id else f"“{values[0]}”一行"
            raise CopyError(f"表 {table.name} 中{where}的 {column} 列{problem}；未复制，目标已恢复为空。"
                            "请先在源数据库中改正这条记录。")


def _keep_highest_id(writer: Store, table: Table, highest: int) -> None:
    """The target remembers the highest id the source ever used (deleted records' ids stay free)."""
    if highest <= 0:
        return
    if writer.dialect.name == "postgresql":
        writer.conn.execute(f"SELECT setval('{table.name}_id_seq', ?)", (highest,))
    elif table.autoincrement:
        writer.conn.execute("DELETE FROM sqlite_sequence WHERE name = ?", (table.name,))
        writer.conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table.name, highest))


def _explain(exc: BaseException) -> str:
    """The clerk's words for why the copy stopped."""
    if isinstance(exc, LawGovError):
        return str(exc)
    text = str(exc)
    if "index row size" in text or "index row requires" in text:
        return ("有记录的文字太长，服务器数据库无法为该列建立索引（名称、编码等列每条不能超过约 2700 字节，"
                f"约 900 个汉字）；请先缩短它。（{' '.join(text.split())}）")
    from .dialect import explain_database_error

    return explain_database_error(exc) or f"{type(exc).__name__}: {text}"
