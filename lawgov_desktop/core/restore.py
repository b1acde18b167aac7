"""Restoring a backup: the backup is copied *into* the live file with SQLite's online backup API.

Open connections (the window and ``lawgov`` at once) see the restored data at their next
statement, no open file is renamed (Windows forbids that), and the copy is one transaction, so a
crash leaves the old or the new database, never a mixture.  A backup from an older version is
migrated like any old file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from .atomic import atomic_write
from .backup import (
    SERVER_RESTORE_REFUSED,
    BackupInfo,
    backup_folder,
    backup_name,
    backup_settings,
    make_backup,
    write_sidecar,
)
from .db import prepare
from .dialect import connect
from .errors import DatabaseError
from .integrity import connection_problem, open_read_only, quick_check
from .location import Location, ServerAddress
from .schema import SCHEMA_HEAD, known_revisions, schema_revision


def restore_backup(database: Location, backup: Path) -> Path | None:
    """Make ``database`` a copy of ``backup``; returns the backup made of the state it replaced
    (None when there was no database yet: a new PC restoring from a USB stick).

    Refuses (changing nothing) a missing, foreign, newer or damaged backup.  The current
    database is backed up first; a damaged one is kept byte for byte instead.
    """
    if isinstance(database, ServerAddress):
        raise DatabaseError(SERVER_RESTORE_REFUSED)
    backup = Path(backup)
    if not backup.is_file():
        raise DatabaseError(f"备份文件“{backup}”不存在。")
    if database.exists() and backup.resolve() == database.resolve():
        raise DatabaseError("不能用数据库自身作为备份来恢复。")
    damaged = f"备份“{backup.name}”已损坏（完整性检查未通过：{{}}），未恢复；数据库未作改动。"
    try:
        revision = schema_revision(backup)
    except DatabaseError as exc:
        if isinstance(exc.__cause__, sqlite3.Error):  # a LawGov file too damaged to read its version
            raise DatabaseError(damaged.format(exc.__cause__)) from exc
        raise
    if revision != SCHEMA_HEAD and revision not in known_revisions():
        raise DatabaseError(f"备份“{backup.name}”由更新版本的 LawGov 创建（结构版本 {revision}），"
                            "请升级本程序后再恢复；数据库未作改动。")
    conn = open_read_only(backup)
    try:
        problem = connection_problem(conn, "integrity_check")
    finally:
        conn.close()
    if problem is not None:
        raise DatabaseError(damaged.format(problem))
    before = _keep_current(database) if database.exists() else None
    _copy_into(backup, database)
    prepare(database, create=False)  # a backup from an older version is migrated like any old file
    problem = quick_check(database)
    if problem is not None:
        raise DatabaseError(f"恢复后的数据库未通过检查（{problem}）；恢复前的数据库已保存在“{before}”。")
    return before


def _keep_current(database: Path) -> Path:
    """A backup of the database about to be replaced; a damaged one is copied byte for byte."""
    try:
        return make_backup(database, "before-restore")
    except (sqlite3.Error, DatabaseError):
        folder = backup_folder(database, backup_settings(database))
        folder.mkdir(parents=True, exist_ok=True)
        created = datetime.now()
        kept = folder / backup_name(database, "damaged", created)
        for suffix in ("", "-wal"):
            source = Path(f"{database}{suffix}")
            if source.exists():
                shutil.copyfile(source, f"{kept}{suffix}")
        write_sidecar(BackupInfo(kept, created, "damaged", {}, False, kept.stat().st_size))
        return kept


def _copy_into(backup: Path, database: Path) -> None:
    """Copy ``backup`` into the live file as one transaction; swap the file only when the live
    one is too damaged for SQLite to open (then no other program can be using it either)."""
    source = open_read_only(backup)
    try:
        try:
            target = connect(database)
            try:
                source.backup(target)
            finally:
                target.close()
        except sqlite3.OperationalError as exc:
            raise DatabaseError(f"数据库正被其他程序写入，未能恢复，请稍后再试（{exc}）。") from exc
        except sqlite3.DatabaseError:
            _swap_in(source, database)
    finally:
        source.close()


def _swap_in(source: sqlite3.Connection, database: Path) -> None:
    with atomic_write(database) as temp:
        copy = sqlite3.connect(temp)
        try:
            source.backup(copy)
        finally:
            copy.close()
        for suffix in ("-wal", "-shm"):  # they belong to the damaged file (kept by _keep_current)
            with contextlib.suppress(FileNotFoundError):
                os.remove(f"{database}{suffix}")
