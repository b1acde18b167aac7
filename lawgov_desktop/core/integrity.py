"""Is the database file sound, and is it somewhere it can stay sound?

Three depths of checking, each with its cost measured on a 100,000-record file (120 MB):

* ``quick_check`` (``PRAGMA quick_check``): every page and b-tree structure, no index/row
  cross-checks; about 115 ms warm, 200 ms cold.  Cheap enough for every opening (see
  ``core/safety.py``), which is how a damaged file is caught before anything writes to it.
* ``check_database`` (``lawgov check-db``): the full ``PRAGMA integrity_check`` (~360 ms), the
  foreign-key check (~50 ms) and FTS5's own ``integrity-check`` of both search indexes
  (~330 ms each).
* ``network_share_warning``: SQLite's locking is unreliable over SMB/NFS, so a database on a
  share is the classic way two PCs corrupt one file; the clerk is warned at opening.

Every check reads through a read-only connection, so a damaged file is never written to.  The
FTS check is the exception (FTS5 runs it as an ``INSERT``), so it runs only on a file whose
integrity check passed, inside a transaction that is rolled back.

A server database (PostgreSQL) keeps its own pages sound; ``check_database`` checks there what
the program itself keeps: every reference points at an existing record (each foreign key of
``core.models`` queried) and every indexed record has exactly one search row, up to date with the
record (the rows the search index would write now, compared).  Read-only, in one snapshot; about
a second per 10,000 records.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import Any

from .dialect import BUSY_TIMEOUT_MS, connect, read_only_uri
from .location import Location, ServerAddress

SEARCH_TABLES = ("licence_search", "power_search")
# File systems whose locking SQLite cannot rely on (FUSE network mounts included).
NETWORK_FILE_SYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs", "fuse.sshfs",
    "fuse.glusterfs", "fuse.davfs2", "davfs", "fuse.rclone",
})
DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a mapped network drive
_PROBLEMS_SHOWN = 5


def open_read_only(path: Path) -> sqlite3.Connection:
    """A strictly read-only connection: checking a file must never change it."""
    return sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


def connection_problem(conn: sqlite3.Connection, pragma: str = "quick_check") -> str | None:
    """None when ``PRAGMA quick_check`` (or ``integrity_check``) passes, else what it found."""
    try:
        rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}({_PROBLEMS_SHOWN})")]
    except sqlite3.DatabaseError as exc:  # page 1 or the schema itself is unreadable
        return str(exc)
    return None if rows == ["ok"] else "；".join(" ".join(str(row).split()) for row in rows)


def quick_check(path: Path) -> str | None:
    """None when the file passes ``PRAGMA quick_check``; else the problem, in SQLite's words."""
    try:
        conn = open_read_only(path)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        return connection_problem(conn)
    finally:
        conn.close()


@dataclass
class CheckReport:
    """The result of the full check: each part is empty (or "ok") when sound."""

    path: Location
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    search_index: dict[str, str] = field(default_factory=dict)

    @property
    def on_server(self) -> bool:
        """A server database: its pages are the server's to keep sound, not checked here."""
        return isinstance(self.path, ServerAddress)

    @property
    def ok(self) -> bool:
        """True when every part passed."""
        return (not self.integrity and not self.foreign_keys
                and all(result == "ok" for result in self.search_index.values()))

    def lines(self) -> list[str]:
        """The report in Chinese, one line per part."""
        verdict = "完好" if self.ok else "发现问题"
        lines = [f"数据库“{self.path}”检查结果：{verdict}。"]
        if self.on_server:
            lines.append("结构完整性：由数据库服务器负责（服务器数据库不作文件检查）")
        else:
            lines.append("结构完整性：" + ("通过" if not self.integrity else "未通过：" + "；".join(self.integrity)))
        lines.append("外键引用：" + ("通过" if not self.foreign_keys else "未通过：" + "；".join(self.foreign_keys)))
        for table, result in self.search_index.items():
            shown = {"ok": "通过", "skipped": "跳过（数据库已损坏）"}.get(result, f"未通过：{result}")
            lines.append(f"检索索引 {table}：{shown}")
        return lines

    def to_json(self) -> dict[str, Any]:
        """The document ``lawgov check-db --json`` prints."""
        integrity = ["not applicable: server database"] if self.on_server else self.integrity or ["ok"]
        return {"path": str(self.path), "ok": self.ok, "integrity": integrity,
                "foreign_keys": self.foreign_keys, "search_index": self.search_index}


def check_database(path: Location) -> CheckReport:
    """The full check of ``lawgov check-db``: integrity, foreign keys, search indexes."""
    if isinstance(path, ServerAddress):
        return check_server_database(path)
    report = CheckReport(path)
    try:
        conn = open_read_only(path)
    except sqlite3.Error as exc:
        report.integrity.append(str(exc))
        return report
    try:
        problem = connection_problem(conn, "integrity_check")
        if problem is not None:
            report.integrity.append(problem)
        else:
            report.foreign_keys = [
                f"{row[0]} 第 {row[1]} 行引用了 {row[2]} 中不存在的记录"
                for row in conn.execute("PRAGMA foreign_key_check").fetchmany(_PROBLEMS_SHOWN)]
    finally:
        conn.close()
    for table in SEARCH_TABLES:
        report.search_index[table] = "skipped" if report.integrity else _search_index_problem(path, table)
    return report


def check_server_database(address: ServerAddress) -> CheckReport:
    """``check_database`` of a server database: references and search rows, in one snapshot."""
    from .store import Store

    report = CheckReport(address)
    store = Store(address, user="", read_only=True)
    try:
        store.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            report.foreign_keys = dangling_references(store.conn)[:_PROBLEMS_SHOWN]
            for kind in store.index.kinds:
                table, sql, _ = store.index.sources[kind]
                report.search_index[table] = _server_search_rows_problem(store.conn, table, sql)
        finally:
            store.conn.execute("ROLLBACK")
    finally:
        store.close()
    return report


def dangling_references(conn: Any) -> list[str]:
    """Every reference to a record that does not exist, one query per foreign key of the models
    (what ``PRAGMA foreign_key_check`` finds on SQLite), worded as that check's report is."""
    from .copy_db import tables

    found = []
    for table in tables():
        for column, referenced, key in table.foreign_keys:
            rows = conn.execute(
                f"SELECT c.id FROM {table.name} c WHERE c.{column} IS NOT NULL AND NOT EXISTS"
                f" (SELECT 1 FROM {referenced} r WHERE r.{key} = c.{column}) ORDER BY c.id LIMIT {_PROBLEMS_SHOWN}")
            found += [f"{table.name} 第 {row[0]} 行引用了 {referenced} 中不存在的记录" for row in rows.fetchall()]
    return found


def _server_search_rows_problem(conn: Any, table: str, sql: str) -> str:
    """"ok" when each record ``sql`` indexes has exactly one search row, holding what the search
    index would write for it now; else what is missing, extra or out of date."""
    from .postgres import search_characters
    from .search import index_text

    expected = {row[0]: index_text(row[1:]) for row in conn.execute(sql).fetchall()}
    extra, stale, seen = [], [], set()
    for record_id, body, characters in conn.execute(f"SELECT id, body, chars FROM {table} ORDER BY id").fetchall():
        if record_id not in expected or record_id in seen:
            extra.append(record_id)
        elif body != expected[record_id] or list(characters) != search_characters(body):
            stale.append(record_id)
        seen.add(record_id)
    missing = sorted(set(expected) - seen)
    problems = [f"{label} {len(ids)} 条（编号 {'、'.join(map(str, ids[:_PROBLEMS_SHOWN]))}）"
                for label, ids in (("缺少检索行", missing), ("多余的检索行", extra), ("过期的检索行", stale)) if ids]
    return "；".join(problems) + "；检索会因此漏掉或错找记录，请联系技术人员重建检索索引" if problems else "ok"


def _search_index_problem(path: Path, table: str) -> str:
    """FTS5's ``integrity-check`` of one search table: "ok" or the error."""
    conn = connect(path)
    try:
        conn.execute("BEGIN")
        try:
            conn.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
        except sqlite3.DatabaseError as exc:
            return str(exc)
        finally:
            conn.execute("ROLLBACK")
        return "ok"
    finally:
        conn.close()


def network_share_warning(path: Path, *, windows: bool | None = None, mounts: str | None = None,
                          drive_type: Callable[[str], int] | None = None) -> str | None:
    """A warning when ``path`` lies on a network share, else None.

    Windows: a UNC path (\\\\server\\share) or a drive letter that ``GetDriveTypeW`` reports as
    remote.  Linux: the mount holding the file is NFS, SMB/CIFS or another network file system
    (from ``/proc/mounts``).  The keyword arguments let tests stand in for the operating system.
    """
    windows = os.name == "nt" if windows is None else windows
    remote = _on_windows_share(path, drive_type) if windows else _on_network_mount(path, mounts)
    if not remote:
        return None
    return (f"数据库“{path}”位于网络共享文件夹中：网络中断或多台电脑同时写入可能损坏数据库。"
            "建议把数据库放在本机磁盘上，需要共享时用“备份”复制给他人。")


def _on_windows_share(path: Path, drive_type: Callable[[str], int] | None) -> bool:
    text = str(path).replace("/", "\\")
    if text.upper().startswith("\\\\?\\UNC\\"):
        return True
    if text.startswith("\\\\?\\"):
        text = text[4:]
    elif text.startswith("\\\\"):
        return True
    drive = PureWindowsPath(text).drive
    if not drive:
        return False
    if drive_type is None:
        import ctypes

        drive_type = ctypes.windll.kernel32.GetDriveTypeW  # type: ignore[attr-defined]
    return int(drive_type(drive + "\\")) == DRIVE_REMOTE


def _on_network_mount(path: Path, mounts: str | None) -> bool:
    if mounts is None:
        if not sys.platform.startswith("linux"):
            return False
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    target = os.path.abspath(path)
    best, best_type = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        # /proc/mounts writes spaces and tabs in mount points as octal escapes.
        point = parts[1].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, parts[2]
    return best_type in NETWORK_FILE_SYSTEMS
