"""What is particular to PostgreSQL, the shared database of an office: connecting through libpq
(passwords from ``.pgpass``, ``PGPASSWORD`` or a service file, as every PostgreSQL client finds
them), the statements the rest of ``core`` writes for SQLite translated, search rows in arrays of
characters under a GIN index, and the clerk's words for the server's errors.

The library writes SQL once, in the portable subset both engines share, with ``?`` placeholders;
:class:`Connection` gives it the ``sqlite3`` connection's shape (``execute``, ``executemany``,
rows read by position or by name) over psycopg 3, translating each statement once:

* ``?`` → ``%s`` (and a literal ``%`` doubled);
* ``x IS ?`` / ``x IS NOT ?`` (SQLite's NULL-safe comparison) → ``IS [NOT] DISTINCT FROM``;
* ``LIKE`` → ``ILIKE``, as SQLite's LIKE ignores the case of Latin letters;
* ``temp.table`` → ``pg_temp.table`` (the session's temporary tables);
* ``:name`` → ``%(name)s``; SQLite's ``INDEXED BY`` hints dropped.

Text columns are kept in the "C" collation (``database/migrations/env.py``), so text orders byte by
byte as in SQLite and both engines give the same order.  psycopg is imported only here, and this
module only when a server database is opened.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import psycopg

from .errors import DatabaseError
from .location import ServerAddress
from .search import BOUNDARY

# How long a statement may wait for a row another clerk is writing before the clerk is told.
LOCK_TIMEOUT = "10s"
# The advisory lock an import holds on the server while it writes ("LAWG" in ASCII).
IMPORT_LOCK = 0x4C415747


# -- statements ----------------------------------------------------------------------------------

_PIECE = re.compile(r"""'(?:[^']|'')*'|"[^"]*"|\bIS\s+NOT\s+\?|\bIS\s+(?:\?|:\w+)|\?|%|\bLIKE\b|\btemp\."""
                    r"""|\s+INDEXED\s+BY\s+\w+|(?<![:\w]):[A-Za-z_]\w*""", re.IGNORECASE)


@lru_cache(maxsize=2048)
def translate(sql: str) -> str:
    """A statement written for SQLite as psycopg takes it (see the module's docstring)."""

    def piece(match: re.Match[str]) -> str:
        text = match.group(0)
        if text[0] in "'\"":
            return text.replace("%", "%%")
        upper = text.upper()
        if upper == "?":
            return "%s"
        if upper == "%":
            return "%%"
        if upper == "LIKE":
            return "ILIKE"
        if upper == "TEMP.":
            return "pg_temp."
        if upper.startswith(":"):
            return f"%({text[1:]})s"
        if "INDEXED" in upper:  # SQLite's index hint: the server's planner chooses for itself
            return ""
        if re.fullmatch(r"IS\s+NOT\s+\?", upper):
            return "IS DISTINCT FROM %s"
        named = re.fullmatch(r"IS\s+:(\w+)", text, re.IGNORECASE)
        return f"IS NOT DISTINCT FROM %({named.group(1)})s" if named else "IS NOT DISTINCT FROM %s"

    return _PIECE.sub(piece, sql)


@lru_cache(maxsize=256)
def _row_class(names: tuple[str, ...]) -> type:
    """A row type read by position or by column name, as ``sqlite3.Row`` is."""
    index = {name: i for i, name in enumerate(names)}

    class Row(tuple):
        __slots__ = ()

        def __getitem__(self, key):  # noqa: ANN001, ANN204 - tuple's signature
            if isinstance(key, str):
                return tuple.__getitem__(self, index[key])
            return tuple.__getitem__(self, key)

        def keys(self) -> list[str]:
            return list(names)

    return Row


def _rows(cursor: psycopg.Cursor[Any]) -> Any:
    """psycopg row factory making :func:`_row_class` rows."""
    if cursor.description is None:
        return tuple
    make = _row_class(tuple(column.name for column in cursor.description))
    return make


def _parameters(params: Sequence[Any] | Mapping[str, Any]) -> tuple[Any, ...] | Mapping[str, Any]:
    """Positional parameters as a tuple; named ones (``:version``) as they are."""
    return params if isinstance(params, Mapping) else tuple(params)


class Cursor:
    """A psycopg cursor taking the library's SQL, as ``sqlite3.Cursor`` does."""

    def __init__(self, raw: psycopg.Cursor[Any]) -> None:
        self.raw = raw

    @property
    def dialect(self) -> PostgresDialect:
        """How this cursor's SQL differs (``core.dialect.dialect_of``)."""
        return POSTGRES

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Cursor:
        """Run one statement; this cursor reads its rows."""
        self.raw.execute(translate(sql), _parameters(params))
        return self

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Cursor:
        """Run one statement for each of ``rows``."""
        self.raw.executemany(translate(sql), [tuple(row) for row in rows])
        return self

    def fetchone(self) -> Any:
        return self.raw.fetchone()

    def fetchall(self) -> list[Any]:
        return self.raw.fetchall()

    def fetchmany(self, size: int) -> list[Any]:
        return self.raw.fetchmany(size)

    def __iter__(self) -> Any:
        return iter(self.raw)

    @property
    def rowcount(self) -> int:
        return self.raw.rowcount

    @property
    def description(self) -> Any:
        return self.raw.description


class Connection:
    """A psycopg connection in the shape of the ``sqlite3`` one the library is written against.

    Autocommit, as the SQLite connection is: the store opens its own transactions.
    """

    def __init__(self, raw: psycopg.Connection[Any], address: ServerAddress, *, read_only: bool = False) -> None:
        self.raw = raw
        self.address = address
        self.read_only = read_only

    @property
    def dialect(self) -> PostgresDialect:
        """How this connection's SQL differs (``core.dialect.dialect_of``)."""
        return POSTGRES

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        """Run one statement; the cursor reads its rows (see :meth:`_reconnecting`)."""
        return self._reconnecting(lambda: self.raw.execute(translate(sql), tuple(params)))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> psycopg.Cursor[Any]:
        """Run one statement for each of ``rows`` (pipelined by psycopg)."""
        params = [tuple(row) for row in rows]

        def run() -> psycopg.Cursor[Any]:
            cursor = self.raw.cursor()
            cursor.executemany(translate(sql), params)
            return cursor

        return self._reconnecting(run)

    def _reconnecting(self, run: Callable[[], psycopg.Cursor[Any]]) -> psycopg.Cursor[Any]:
        """``run()``, on a new connection if the server dropped this one (a restart, a network
        fault, ``pg_terminate_backend``) while no transaction was open on it: nothing was lost
        then, so the statement is simply sent again.  A drop inside a transaction is raised (the
        server rolled the transaction back); the next statement, e.g. the store's ROLLBACK or the
        next BEGIN, connects again.  A server still unreachable raises the clerk's message."""
        if self.raw.broken:
            self._connect_again()
        idle = self.raw.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        try:
            return run()
        except psycopg.OperationalError:
            if not (idle and self.raw.broken):
                raise
        self._connect_again()
        return run()

    def _connect_again(self) -> None:
        """Replace the dropped connection by a new one with the same settings."""
        self.raw.close()
        self.raw = connect(self.address, read_only=self.read_only).raw

    @property
    def backend_pid(self) -> int:
        """The server process of this connection, which ``NOTIFY`` names as a notice's sender."""
        return self.raw.info.backend_pid

    def cursor(self) -> Cursor:
        """A cursor for several statements (the statistics read a few in a row)."""
        return Cursor(self.raw.cursor())

    def close(self) -> None:
        """Close the connection."""
        self.raw.close()

    @property
    def closed(self) -> bool:
        """True once the connection is closed or lost."""
        return bool(self.raw.closed or self.raw.broken)


def connect(address: ServerAddress, *, read_only: bool = False) -> Connection:
    """A connection to the server, or one clear message why there is none."""
    try:
        raw = psycopg.connect(**address.connect_arguments(), autocommit=True, row_factory=_rows)
    except psycopg.OperationalError as exc:
        raise DatabaseError(explain_connect_error(exc, address)) from exc
    raw.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    if read_only:
        raw.execute("SET default_transaction_read_only = on")
    return Connection(raw, address, read_only=read_only)


def explain_connect_error(exc: BaseException, address: ServerAddress) -> str:
    """The clerk's words for why the server could not be reached or refused the login."""
    text = str(exc)
    lower = text.lower()
    where = f"{address.host}:{address.port}"
    if "password authentication failed" in lower or "no password supplied" in lower:
        return (f"无法登录数据库服务器 {where}：用户“{address.user or ''}”的密码不正确或未提供。"
                "请核对密码（或 .pgpass、PGPASSWORD 中的设置）。")
    if "does not exist" in lower and "database" in lower:
        return f"数据库服务器 {where} 上没有数据库“{address.database}”，请请管理员先运行 lawgov server setup。"
    if "role" in lower and "does not exist" in lower:
        return f"数据库服务器 {where} 上没有用户“{address.user or ''}”，请请管理员用 lawgov server grant 添加。"
    if ("could not translate host name" in lower or "connection refused" in lower or "timeout" in lower
            or "no route" in lower or "is the server running" in lower or "could not connect" in lower):
        return f"无法连接数据库服务器 {where}：服务器未启动、地址有误或网络不通。数据未受影响。（{text.strip()}）"
    return f"无法连接数据库服务器 {where}：{text.strip()}"


def explain_database_error(exc: BaseException) -> str | None:
    """The clerk's words for a server error that escaped the library (None: not one)."""
    if not isinstance(exc, psycopg.Error):
        return None
    text = str(exc).strip()
    if isinstance(exc, psycopg.errors.InsufficientPrivilege) and text.startswith("permission denied"):
        return ("您的数据库账号无权做这项修改（只读账号，或只有管理员能改的数据），数据未作任何改动；"
                "如需权限，请管理员用 lawgov server grant 授予。")
    if isinstance(exc, psycopg.errors.InsufficientPrivilege) or "row-level security" in text:
        return "您没有修改这条记录的权限（服务器只允许您修改本辖区的记录），数据未作任何改动。"
    if isinstance(exc, psycopg.errors.LockNotAvailable):
        return "另一位同事正在修改这些记录，请稍后再试；数据未作任何改动。"
    if isinstance(exc, psycopg.errors.ReadOnlySqlTransaction):
        return "数据库以只读方式打开，不能保存修改。"
    if isinstance(exc, psycopg.OperationalError) or "connection" in text.lower():
        return f"与数据库服务器的连接中断，尚未保存的修改未写入，请检查网络后重试。（{text}）"
    if isinstance(exc, psycopg.errors.DiskFull):
        return "数据库服务器磁盘空间不足，无法写入；已有数据未受影响。"
    return f"数据库出错：{text}"


def search_characters(body: str) -> list[str]:
    """The ``chars`` array of a search row: the distinct characters of its text, sorted."""
    return sorted(set(body) - {" ", BOUNDARY})


class PostgresDialect:
    """The SQL a PostgreSQL database needs where databases differ (see ``core.dialect``)."""

    name = "postgresql"
    # Readers never wait for writers on PostgreSQL; concurrent edits of one record are caught by
    # its row version (``core.records``), and imports take an advisory lock (``core.imports``).
    begin_write = "BEGIN"
    # Appended to a SELECT of rows about to be changed: they stay locked until the commit.
    lock_rows = " FOR UPDATE"
    Error = psycopg.Error
    IntegrityError = psycopg.IntegrityError
    OperationalError = psycopg.OperationalError
    DatabaseError = psycopg.DatabaseError

    @staticmethod
    def highest_id_sql(table: str) -> str:
        """SQL for the highest id ``table`` has ever used (its sequence's last value), deleted
        rows included, for code that assigns ids itself (then :meth:`ids_assigned`)."""
        return (f"greatest((SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {table}_id_seq),"
                f" coalesce((SELECT max(id) FROM {table}), 0))")

    @staticmethod
    def ids_assigned(conn: Connection, table: str) -> None:
        """Move the table's id sequence past ids written explicitly, so new rows never reuse them."""
        conn.execute(f"SELECT setval('{table}_id_seq', greatest(highest, 1), highest > 0)"
                     f" FROM (SELECT {PostgresDialect.highest_id_sql(table)} AS highest) AS used")

    @staticmethod
    def try_import_lock(conn: Connection) -> bool:
        """Take the server's import lock for this transaction (released at its end); False when
        another clerk's import holds it, so two imports never interleave."""
        return bool(conn.execute("SELECT pg_try_advisory_xact_lock(?)", (IMPORT_LOCK,)).fetchone()[0])

    @staticmethod
    def pinyin_order(expression: str) -> str:
        """SQL ordering a text in pinyin order: the ``pinyin_key`` SQL function the migrations
        create over a table of characters' sort tokens (``core.collation``)."""
        return f"pinyin_key({expression})"

    @staticmethod
    def joined(expression: str, separator: str = " ", *, distinct: bool = False) -> str:
        """An aggregate joining ``expression`` (each value once if ``distinct``) with ``separator``."""
        return f"string_agg({'DISTINCT ' if distinct else ''}({expression})::text, '{separator}')"

    @staticmethod
    def json_object_values(column: str) -> str:
        """A subquery's FROM clause listing the values of a JSON object column as ``value``."""
        return f"jsonb_each_text(CASE WHEN left({column}, 1) = '{{' THEN {column}::jsonb END) AS extra(key, value)"

    @staticmethod
    def text_search(table: str, alias: str, words: list[str]) -> tuple[str, list[Any]]:
        """Where ``alias``'s record holds every word as a substring: the GIN index over each
        row's characters narrows, the text itself confirms the characters stand together.  A
        one-character word needs no confirming: reading each matching row's text for it doubled
        the time of counting a common character (bench/bench_server.py)."""
        terms: list[str] = ["chars @> ?::text[]"]
        params: list[Any] = [sorted(set("".join(words)))]
        for word in words:
            if len(word) > 1:
                terms.append("strpos(body, ?) > 0")
                params.append(" ".join(word))
        return f"{alias}.id IN (SELECT id FROM {table} WHERE {' AND '.join(terms)})", params

    @staticmethod
    def clear_search_rows(conn: Connection, table: str, ids: Iterable[int] | None) -> None:
        """Remove the search rows of ``ids`` (all of them for None)."""
        if ids is None:
            conn.execute(f"DELETE FROM {table}")
        else:
            conn.execute(f"DELETE FROM {table} WHERE id = ANY(?)", (list(ids),))

    @staticmethod
    def write_search_rows(conn: Connection, table: str, rows: Iterable[tuple[int, str]]) -> None:
        """Add (record id, search text) rows: the text and the set of its characters.  By COPY, the
        characters written as an array literal (each a letter or digit: nothing to escape): half
        the time of one INSERT per row, most of it psycopg's array dumping (bench/bench_server.py)."""
        with conn.raw.cursor() as cursor, cursor.copy(f"COPY {table} (id, body, chars) FROM STDIN") as copy:
            for record_id, body in rows:
                copy.write_row((record_id, body, "{" + ",".join(search_characters(body)) + "}"))

    @staticmethod
    def insert_rows(conn: Connection, table: str, columns: tuple[str, ...], rows: Iterable[Sequence[Any]]) -> None:
        """Insert many rows at once (values in the order of ``columns``) by COPY: under half the
        time of psycopg's executemany for the 120,000 citation rows of 40,000 powers (bench/bench_server.py)."""
        with conn.raw.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    @staticmethod
    def explain(exc: BaseException) -> str | None:
        """The clerk's words for a database error (see :func:`explain_database_error`)."""
        return explain_database_error(exc)


POSTGRES = PostgresDialect()
