"""Consistent copies of the database and a rotating set of them.

A plain file copy of a database in WAL mode can miss committed pages still in the ``-wal`` file;
SQLite's online backup API copies a consistent snapshot even while another connection writes.

Each copy is written under a temporary name and renamed when complete (a backup killed half-way
never looks like a good one), switched to a single-file journal mode, checked with
``quick_check`` and described by a JSON sidecar (time, reason, record counts, sound or not), so
the restore window lists backups without opening them.  The folder keeps the newest ``keep``
copies (Preferences: ``lawgov_meta`` keys ``backup_keep`` and ``backup_folder``) but never
deletes the newest sound one.  Restoring one is ``core/restore.py``.

A server database (PostgreSQL) is backed up the same way, as a SQLite copy made by
``core/copy_db.py`` (a portable backup: any PC opens it, ``lawgov copy-db`` takes it back to a
server), into a per-user folder named after the server and database.  Only copies a clerk asks
for are made there: the automatic copies before imports, bulk changes, merges and the daily one
are skipped (see :func:`safety_backup`), and a server database is never replaced by a backup
(``core/restore.py`` refuses; the administrator restores the server).
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from .atomic import atomic_write
from .clock import now_text
from .copy_db import copy_database
from .errors import DatabaseError, ValidationError
from .integrity import connection_problem, open_read_only, quick_check
from .location import Location, ServerAddress
from .paths import data_dir
from .schema import schema_revision

DEFAULT_KEEP = 20
KEEP_KEY = "backup_keep"
FOLDER_KEY = "backup_folder"
DAILY_INTERVAL = timedelta(hours=24)
# Where the copies of server databases go, inside the per-user data folder.
SERVER_BACKUPS = "server-backups"
SERVER_RESTORE_REFUSED = (
    "服务器数据库不能用备份整体替换（那会抹掉同事们在备份之后所做的修改）。要取回备份中的数据，"
    "可用“lawgov copy-db 备份文件 postgresql://…/新数据库名”把它复制到一个新的空数据库，"
    "或请管理员从服务器自己的备份恢复。")
# Temporary files of a backup killed half-way are removed once they are this old.
STALE_TEMP_AGE = timedelta(hours=1)
_STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
# <database stem>-<stamp>-<reason>.sqlite3: what make_backup names a copy in the backup folder.
_NAME = re.compile(r"-(\d{8}-\d{6}-\d{6})-([A-Za-z0-9_-]+)\.sqlite3$")
REASON_LABELS = {
    "manual": "手动备份", "daily": "每日自动备份", "on-close": "关闭窗口时", "before-import": "导入前",
    "before-undo-import": "撤销导入前", "before-bulk-update": "批量修改前", "before-merge": "合并部门前",
    "before-restore": "恢复备份前", "before-migrate": "升级数据库结构前", "damaged": "损坏的数据库原件",
}
COUNT_LABELS = {
    "licence_items": "许可事项", "powers": "执法事项", "delegations": "赋权", "departments": "部门",
    "regions": "区划", "batches": "批次", "imports": "导入记录", "changes": "修改记录",
}
_SHOWN_COUNTS = ("licence_items", "powers", "delegations", "departments")
_COUNT_TABLES = {
    "licence_items": "licence_item", "powers": "power", "delegations": "delegation", "departments": "department",
    "regions": "region", "batches": "batch", "imports": "import_record", "changes": "change_log",
}


@dataclass(frozen=True)
class BackupSettings:
    """How many backups to keep and where (None: ``<database>-backups`` beside the file)."""

    keep: int = DEFAULT_KEEP
    folder: Path | None = None


@dataclass
class BackupInfo:
    """One backup as the restore window lists it."""

    path: Path
    created: datetime
    reason: str
    counts: dict[str, int] = field(default_factory=dict)
    sound: bool | None = None  # quick_check passed when made; None: not recorded
    size: int = 0

    @property
    def reason_label(self) -> str:
        """The reason in Chinese ("导入前"); migrations carry their old revision."""
        base = self.reason.rsplit("-", 1)[0] if self.reason.startswith("before-migrate") else self.reason
        return REASON_LABELS.get(base, self.reason)

    def counts_text(self) -> str:
        """"许可事项 439，执法事项 755，赋权 1200，部门 44" for a list row (the rest: ``counts``)."""
        return "，".join(f"{COUNT_LABELS[key]} {self.counts[key]}" for key in _SHOWN_COUNTS if key in self.counts)

    def to_json(self) -> dict[str, Any]:
        """The document ``lawgov backups --json`` prints for one backup."""
        return {"path": str(self.path), "created": self.created.isoformat(timespec="seconds"),
                "reason": self.reason, "reason_label": self.reason_label, "counts": self.counts,
                "sound": self.sound, "size": self.size}


def read_backup_settings(conn: sqlite3.Connection) -> BackupSettings:
    """The backup settings stored in the database (defaults for a file that has none)."""
    try:
        values = dict(conn.execute("SELECT key, value FROM lawgov_meta WHERE key IN (?, ?)",
                                   (KEEP_KEY, FOLDER_KEY)).fetchall())
    except sqlite3.DatabaseError:
        return BackupSettings()
    keep = int(values[KEEP_KEY]) if str(values.get(KEEP_KEY, "")).isdigit() else DEFAULT_KEEP
    folder = Path(values[FOLDER_KEY]) if values.get(FOLDER_KEY) else None
    return BackupSettings(max(1, keep), folder)


def write_backup_settings(conn: sqlite3.Connection, keep: int | None = None,
                          folder: str | Path | None = None) -> BackupSettings:
    """Store the Preferences' backup settings (inside the caller's transaction); "" resets the folder."""
    if keep is not None:
        if keep < 1:
            raise ValidationError({"backup_keep": "至少保留 1 份备份。"})
        _set_meta(conn, KEEP_KEY, str(keep))
    if folder is not None:
        text = str(Path(folder).expanduser().resolve()) if str(folder) else ""
        if text and Path(text).exists() and not Path(text).is_dir():
            raise ValidationError({"backup_folder": f"“{text}”不是文件夹。"})
        _set_meta(conn, FOLDER_KEY, text)
    return read_backup_settings(conn)


def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO lawgov_meta (key, value) VALUES (?, ?)"
                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


def backup_settings(database: Location) -> BackupSettings:
    """The settings of ``database`` read without opening it for writing."""
    if isinstance(database, ServerAddress):
        from .postgres import connect

        conn = connect(database, read_only=True)
        try:
            return read_backup_settings(conn)  # type: ignore[arg-type]
        finally:
            conn.close()
    if not database.is_file():
        return BackupSettings()
    try:
        conn = open_read_only(database)
    except sqlite3.Error:
        return BackupSettings()
    try:
        return read_backup_settings(conn)
    finally:
        conn.close()


def backup_folder(database: Location, settings: BackupSettings | None = None) -> Path:
    """Backups of ``x.sqlite3`` live in ``x-backups/`` beside it (so they travel with the file);
    a server database's in this user's data folder, under the server's and the database's name;
    unless Preferences chose another folder."""
    if settings is not None and settings.folder is not None:
        return settings.folder
    if isinstance(database, ServerAddress):
        return data_dir() / SERVER_BACKUPS / _file_safe(f"{database.host}-{database.port}-{database.database}")
    return database.with_name(database.stem + "-backups")


def backup_stem(database: Location) -> str:
    """The start of its backups' file names: the file's name, or the server database's."""
    return _file_safe(database.database) if isinstance(database, ServerAddress) else database.stem


def _file_safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text)


def record_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many records of each kind a database holds (kinds its schema lacks are left out)."""
    counts = {}
    for key, table in _COUNT_TABLES.items():
        with contextlib.suppress(sqlite3.DatabaseError):
            counts[key] = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    return counts


def make_backup(database: Location, reason: str, folder: Path | None = None, *,
                target: Path | None = None) -> Path:
    """Copy ``database`` into the backup folder (or ``folder``) and rotate the set; returns the copy.

    ``target`` names the copy exactly instead: an on-demand copy (a USB stick) that is not part
    of the rotating set.
    """
    if isinstance(database, ServerAddress):
        return _make_server_backup(database, reason, folder, target)
    try:
        source = open_read_only(database)
    except sqlite3.Error as exc:
        raise DatabaseError(f"无法读取数据库“{database.name}”，未能备份：{exc}") from exc
    try:
        settings = read_backup_settings(source)
        target_dir = target.parent if target is not None else folder or backup_folder(database, settings)
        target_dir.mkdir(parents=True, exist_ok=True)
        created = datetime.now()
        path = target or target_dir / backup_name(database, reason, created)
        info = _write_copy(source, path, reason, created)
    finally:
        source.close()
    write_sidecar(info)
    if target is None:
        rotate_backups(database, target_dir, settings.keep)
    return path


def _make_server_backup(database: ServerAddress, reason: str, folder: Path | None, target: Path | None) -> Path:
    """``make_backup`` of a server database: a SQLite copy, verified by ``copy_database``."""
    settings = backup_settings(database)
    target_dir = target.parent if target is not None else folder or backup_folder(database, settings)
    target_dir.mkdir(parents=True, exist_ok=True)
    created = datetime.now()
    path = target or target_dir / backup_name(database, reason, created)
    with atomic_write(path) as temp:
        copy_database(database, temp)
        copy = sqlite3.connect(temp)
        try:
            copy.execute("PRAGMA journal_mode=DELETE")  # one file, as every backup is
            info = BackupInfo(path, created, reason, record_counts(copy), connection_problem(copy) is None)
        finally:
            copy.close()
    info.size = path.stat().st_size
    write_sidecar(info)
    if target is None:
        rotate_backups(database, target_dir, settings.keep)
    return path


def safety_backup(database: Location, reason: str) -> Path | None:
    """The automatic copy before an import, a bulk change, a merge or deleting a version; None on
    a server, where it is skipped: there the change is one transaction that the change log undoes,
    other clerks' work goes on meanwhile (a copy would be out of date at once), a full copy costs
    seconds per 10,000 records, and the server's administrator keeps the server's backups."""
    return None if isinstance(database, ServerAddress) else make_backup(database, reason)


def backup_name(database: Location, reason: str, created: datetime) -> str:
    """The file name of a backup: the database's name, when, and why (ASCII, safe on any disk)."""
    stamp = created.strftime(_STAMP_FORMAT)
    safe_reason = "".join(ch for ch in reason if ch.isascii() and (ch.isalnum() or ch in "-_")) or "backup"
    return f"{backup_stem(database)}-{stamp}-{safe_reason}.sqlite3"


def _write_copy(source: sqlite3.Connection, path: Path, reason: str, created: datetime) -> BackupInfo:
    """Copy ``source`` to ``path`` atomically; a single-file journal so the copy is one file."""
    with atomic_write(path) as temp:
        copy = sqlite3.connect(temp)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            counts = record_counts(copy)
            sound = connection_problem(copy) is None
        finally:
            copy.close()
    return BackupInfo(path, created, reason, counts, sound, path.stat().st_size)


def _sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def write_sidecar(info: BackupInfo) -> None:
    """Describe a backup beside it, so the restore window lists backups without opening them."""
    with atomic_write(_sidecar(info.path)) as temp:
        document = {**info.to_json(), "written_at": now_text()}
        temp.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")


def list_backups(database: Location, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of ``database`` in its backup folder (or ``folder``), newest first."""
    target_dir = folder or backup_folder(database, backup_settings(database))
    if not target_dir.is_dir():
        return []
    stem = backup_stem(database)
    found = [read_backup_info(path) for path in target_dir.iterdir()
             if path.name.startswith(stem) and _NAME.fullmatch(path.name[len(stem):]) and path.is_file()]
    return sorted(found, key=lambda info: info.created, reverse=True)


def read_backup_info(path: Path) -> BackupInfo:
    """A backup as its name (time to the microsecond, reason) and sidecar (counts, soundness)
    describe it; without a sidecar (killed before writing it) the copy itself is counted."""
    size = path.stat().st_size
    match = _NAME.search(path.name)
    created = (datetime.strptime(match.group(1), _STAMP_FORMAT) if match
               else datetime.fromtimestamp(path.stat().st_mtime))
    reason = match.group(2) if match else "manual"
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError, AttributeError):
        document = json.loads(_sidecar(path).read_text(encoding="utf-8"))
        return BackupInfo(path, created if match else datetime.fromisoformat(document["created"]),
                          str(document["reason"]), dict(document["counts"]), document.get("sound"), size)
    counts: dict[str, int] = {}
    with contextlib.suppress(sqlite3.Error):
        conn = open_read_only(path)
        try:
            counts = record_counts(conn)
        finally:
            conn.close()
    return BackupInfo(path, created, reason, counts, None, size)


def rotate_backups(database: Location, folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups, sparing the newest sound one; returns the deleted.

    Also removes temporary files that backups killed half-way left behind.
    """
    backups = list_backups(database, folder)
    kept, surplus = backups[:max(1, keep)], backups[max(1, keep):]
    if not any(info.sound for info in kept):
        spared = next((info for info in surplus if info.sound), None)
        surplus = [info for info in surplus if info is not spared]
    deleted = []
    for info in surplus:
        with contextlib.suppress(OSError):
            info.path.unlink()
            _sidecar(info.path).unlink(missing_ok=True)
            deleted.append(info.path)
    cutoff = (datetime.now() - STALE_TEMP_AGE).timestamp()
    for temp in folder.glob(f".{backup_stem(database)}-*.tmp"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()
    return deleted


def newest_good_backup(database: Location, folder: Path | None = None) -> BackupInfo | None:
    """The newest backup that is a LawGov database and passes ``quick_check`` now."""
    for info in list_backups(database, folder):
        if info.sound is False or quick_check(info.path) is not None:
            continue
        try:
            schema_revision(info.path)
        except DatabaseError:
            continue
        return info
    return None


def ensure_daily_backup(database: Location, now: datetime | None = None) -> Path | None:
    """Back up unless some backup is younger than 24 hours; returns the new copy, if any.

    The window calls this when it starts and when it closes; not for a server database, whose
    daily backups are its administrator's (see :func:`safety_backup`).
    """
    if isinstance(database, ServerAddress):
        return None
    now = now or datetime.now()
    backups = list_backups(database)
    if backups and now - backups[0].created < DAILY_INTERVAL:
        return None
    return make_backup(database, "daily")
