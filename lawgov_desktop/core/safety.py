"""Data safety inside the library: checks at opening, backups, restore, settings (``library.backups``).

Opening: before anything can write, a writable ``Library`` runs ``quick_check`` through a
read-only connection (about 115 ms for 100,000 records, so it runs on every opening).  A damaged
file is refused with a message naming the newest sound backup and is left exactly as it was; a
read-only opening is allowed, with the same message among ``warnings``.  The window passes
``verify=False`` for its reading library (the first page must not wait); its background writer
opens a verified library as its first task, so no write can precede the check.

Backups: before imports (``core/imports.py``), migrations (``core/db.py``), bulk changes and
merges (here), daily (``ensure_daily_backup``) and on demand.  A server database gets only the
copies asked for (a SQLite file each) and is never replaced by one: see ``core/backup.py``.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import backup as backups
from .changes import BACKUP_SETTINGS, EVERYTHING
from .errors import DatabaseError
from .integrity import CheckReport, check_database, network_share_warning, quick_check
from .location import Location
from .restore import restore_backup
from .schema import schema_revision

if TYPE_CHECKING:
    from .store import Store


class DamagedDatabaseError(DatabaseError):
    """The database failed its integrity check; ``backup`` is the newest sound backup, if any."""

    def __init__(self, path: Path, problem: str, backup: backups.BackupInfo | None) -> None:
        self.path = path
        self.problem = problem
        self.backup = backup
        super().__init__(damage_message(path, problem, backup))


def damage_message(path: Path, problem: str, backup: backups.BackupInfo | None) -> str:
    """What the clerk reads about a damaged file: nothing was changed, and how to get the data back."""
    text = f"数据库“{path.name}”已损坏（{problem}），为保护数据，程序未对它作任何改动。"
    if backup is None:
        return text + "没有找到完好的备份；请保留该文件，并联系技术人员（可运行“lawgov check-db”查看详情）。"
    return (text + f"最新的完好备份：{backup.created:%Y-%m-%d %H:%M}（{backup.reason_label}），"
            f"文件“{backup.path}”；可在窗口中选择“从备份恢复”，或运行 lawgov restore \"{backup.path}\"。")


def opening_warnings(path: Path, *, read_only: bool, verify: bool = True) -> list[str]:
    """Check an existing file before the library uses it; returns warnings for the clerk.

    A damaged file raises ``DamagedDatabaseError`` unless opened read-only; a database on a
    network share is a warning.
    """
    warnings = []
    share = network_share_warning(path)
    if share:
        warnings.append(share)
    if verify and path.is_file() and path.stat().st_size > 0:
        problem = quick_check(path)
        if problem is not None:
            _refuse_foreign(path)
            error = DamagedDatabaseError(path, problem, backups.newest_good_backup(path))
            if not read_only:
                raise error
            warnings.append("数据库只能查看、不能修改：" + str(error))
    return warnings


def _refuse_foreign(path: Path) -> None:
    """A file that is no LawGov database at all gets that message, not the damaged-database one."""
    try:
        schema_revision(path)
    except DatabaseError as exc:
        if not isinstance(exc.__cause__, sqlite3.Error):
            raise


class Backups:
    """Backups, restore, the full integrity check and backup settings (``library.backups``)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def check_integrity(self) -> CheckReport:
        """The full check of ``lawgov check-db`` (integrity, foreign keys, search indexes)."""
        return check_database(self.store.location)

    def backup(self, target: str | os.PathLike[str] | None = None, reason: str = "manual") -> Path:
        """A consistent copy now (of a server database: a SQLite file): into the rotating set, or
        exactly to ``target`` (a file or folder)."""
        location = self.store.location
        if target is None:
            return backups.make_backup(location, reason)
        return backups.make_backup(location, reason, target=backup_target(location, Path(target)))

    def list_backups(self) -> list[backups.BackupInfo]:
        """The backups of this database, newest first, with time, reason and record counts."""
        return backups.list_backups(self.store.location)

    def newest_good_backup(self) -> backups.BackupInfo | None:
        """The backup the restore window suggests first."""
        return backups.newest_good_backup(self.store.location)

    def ensure_daily_backup(self, now: datetime | None = None) -> Path | None:
        """A backup unless one is younger than 24 hours (the window calls this at start and close);
        none for a server database."""
        return backups.ensure_daily_backup(self.store.location, now)

    def restore(self, backup: str | os.PathLike[str]) -> Path | None:
        """Replace the data with ``backup`` (after checking it and backing up the current state);
        returns the backup of the replaced state.  Reload every view afterwards.  A server
        database is refused (``core/restore.py``)."""
        if self.store.writing:
            raise DatabaseError("正在保存修改，请稍后再恢复备份。")
        kept = restore_backup(self.store.location, Path(backup))
        self.store.last_changes = EVERYTHING
        return kept

    def backup_settings(self) -> backups.BackupSettings:
        """How many backups to keep, and where."""
        return backups.read_backup_settings(self.store.conn)

    def set_backup_settings(self, *, keep: int | None = None,
                            folder: str | os.PathLike[str] | None = None) -> backups.BackupSettings:
        """Preferences: keep ``keep`` backups, in ``folder`` ("" = beside the database)."""
        with self.store.transaction() as conn:
            self.store.touch(BACKUP_SETTINGS)
            return backups.write_backup_settings(conn, keep, folder)

    def backup_before_bulk(self, reason: str) -> None:
        """A backup before a bulk change, unless it runs inside a larger operation (already backed
        up) or on a server (``backup.safety_backup`` says why not)."""
        if not self.store.in_operation:
            backups.safety_backup(self.store.location, reason)


def backup_target(database: Location, target: Path) -> Path:
    """The file an on-demand backup writes: ``target`` itself, or a dated name inside a folder.

    Never the database itself, and never over an existing file.
    """
    if target.is_dir():
        target = target / f"{backups.backup_stem(database)}-{datetime.now():%Y%m%d-%H%M%S}.sqlite3"
    if target.exists():
        raise DatabaseError(f"文件“{target}”已存在，请换一个文件名（不会覆盖已有文件）。")
    if not target.parent.is_dir():
        raise DatabaseError(f"文件夹“{target.parent}”不存在。")
    return target
