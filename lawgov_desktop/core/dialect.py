"""What is particular to SQLite, in one place: connecting, the write lock, id bookkeeping,
aggregates and JSON in SQL, pinyin order, the full-text search rows, and the clerk's words for its
errors.

The rest of ``core`` writes portable SQL and asks the dialect (through ``Store.dialect``) for
anything else; ``core/postgres.py`` is the sibling for a server database, with the same methods.
Importing this module costs nothing beyond ``sqlite3`` (the window's first page waits on it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from .collation import sort_key
from .search import match_expression

BUSY_TIMEOUT_MS = 10_000
# The SQL function giving a text's pinyin sort key, for the columns without a stored one.
PINYIN_FUNCTION = "pinyin_key"


def read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` strictly read-only, safe for spaces and Chinese characters."""
    return path.resolve().as_uri() + "?mode=ro"


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection with the PRAGMAs every LawGov connection has.

    Autocommit mode: the store opens its own ``BEGIN IMMEDIATE`` transactions, so two writers
    wait for each other (up to the busy timeout) instead of failing half-way.
    """
    if read_only:
        conn = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None,
                               timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.row_factory = sqlite3.Row
    conn.create_function(PINYIN_FUNCTION, 1, _pinyin_key, deterministic=True)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if not read_only:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
    return conn


@lru_cache(maxsize=4096)
def _pinyin_key(text: str | None) -> str:
    """``sort_key`` for SQL, remembering recent texts: the columns sorted this way (implementing
    authority, power type, domain, level…) repeat a few values, so 50,000 rows cost about 30 ms
    instead of 110 ms (a column of distinct long texts, a legal basis: about 300 ms)."""
    return sort_key(text)


def explain_database_error(exc: BaseException) -> str | None:
    """A clerk's explanation of a database error that escaped the library (None: not one); a
    server's errors in ``core.postgres``'s words (psycopg is loaded by then)."""
    if type(exc).__module__.startswith("psycopg"):
        from .postgres import explain_database_error as explain_server_error

        return explain_server_error(exc)
    if not isinstance(exc, sqlite3.Error):
        return None
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "数据库正被其他程序（或另一个 LawGov 窗口）写入，请稍后再试。"
    if "disk is full" in text or "full" in text:
        return "磁盘空间不足，数据库无法写入；请清理磁盘后再试，已有数据未受影响。"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return "数据库文件已损坏，请从备份恢复（文件未被改动）。"
    if "readonly" in text or "read-only" in text:
        return "数据库文件是只读的（或所在文件夹不可写），不能保存修改。"
    return f"数据库出错：{exc}"


class SQLiteDialect:
    """The SQL a SQLite database needs where databases differ."""

    name = "sqlite"
    # Takes the write lock at the start, so two writers queue instead of failing half-way.
    begin_write = "BEGIN IMMEDIATE"
    # Appended to a SELECT of rows about to be changed: nothing, the write lock is already held.
    lock_rows = ""
    Error = sqlite3.Error
    IntegrityError = sqlite3.IntegrityError
    OperationalError = sqlite3.OperationalError
    DatabaseError = sqlite3.DatabaseError

    @staticmethod
    def highest_id_sql(table: str) -> str:
        """SQL for the highest id ``table`` has ever used, deleted rows included (AUTOINCREMENT's
        record), for code that assigns ids itself: a deleted record's id must stay free for undo."""
        return (f"max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0),"
                f" coalesce((SELECT max(id) FROM {table}), 0))")

    @staticmethod
    def ids_assigned(conn: sqlite3.Connection, table: str) -> None:
        """Nothing to do: AUTOINCREMENT records explicitly written ids itself."""

    @staticmethod
    def text_search(table: str, alias: str, words: list[str]) -> tuple[str, list[object]]:
        """Where ``alias``'s record holds every word as a substring: a phrase query of the
        characters in the FTS5 table (``core.search``)."""
        return f"{alias}.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)", [match_expression(" ".join(words))]

    @staticmethod
    def try_import_lock(conn: sqlite3.Connection) -> bool:
        """Always granted: BEGIN IMMEDIATE already lets one import (one writer) run at a time."""
        return True

    @staticmethod
    def pinyin_order(expression: str) -> str:
        """SQL ordering a text ``expression`` in pinyin order, for columns without a stored sort key
        (names keep one, indexed: ``core.kinds``' ``pinyin_key``)."""
        return f"{PINYIN_FUNCTION}({expression})"

    @staticmethod
    def joined(expression: str, separator: str = " ", *, distinct: bool = False) -> str:
        """An aggregate joining ``expression`` (each value once if ``distinct``: then SQLite
        allows only the separator ",") with ``separator``."""
        if distinct:
            return f"group_concat(DISTINCT {expression})"
        return f"group_concat({expression}, '{separator}')"

    @staticmethod
    def json_object_values(column: str) -> str:
        """A subquery's FROM clause listing the values of a JSON object column as ``value``."""
        return f"json_each(CASE WHEN json_valid({column}) THEN {column} END)"

    @staticmethod
    def clear_search_rows(conn: sqlite3.Connection, table: str, ids: Iterable[int] | None) -> None:
        """Remove the search rows of ``ids`` (all of them for None) from an FTS5 table."""
        if ids is None:
            conn.execute(f"DELETE FROM {table}")
        else:
            conn.executemany(f"DELETE FROM {table} WHERE rowid = ?", [(i,) for i in ids])

    @staticmethod
    def write_search_rows(conn: sqlite3.Connection, table: str, rows: Iterable[tuple[int, str]]) -> None:
        """Add (record id, search text) rows to an FTS5 table."""
        conn.executemany(f"INSERT INTO {table} (rowid, body) VALUES (?, ?)", rows)

    @staticmethod
    def insert_rows(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: Iterable[Sequence[object]]) -> None:
        """Insert many rows at once (values in the order of ``columns``)."""
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)

    @staticmethod
    def explain(exc: BaseException) -> str | None:
        """The clerk's words for a database error (see :func:`explain_database_error`)."""
        return explain_database_error(exc)


SQLITE = SQLiteDialect()


def dialect_of(conn: object) -> SQLiteDialect:
    """The dialect of a connection: a server connection names its own, any other is SQLite's."""
    return getattr(conn, "dialect", SQLITE)
