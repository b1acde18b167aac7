"""Consistent copies of the database made with SQLite's online backup API.

A plain file copy of a database in WAL mode can miss committed pages still in the ``-wal`` file;
the backup API copies a consistent snapshot even while another connection writes.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from .db import read_only_uri


def backup_folder(database: Path) -> Path:
    """Backups of ``x.sqlite3`` live in ``x-backups/`` beside it, so they travel with the file."""
    return database.with_name(database.stem + "-backups")


def make_backup(database: Path, reason: str, folder: Path | None = None) -> Path:
    """Copy ``database`` into ``folder`` (default: beside it) and return the copy's path."""
    target_dir = folder or backup_folder(database)
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    safe_reason = "".join(ch for ch in reason if ch.isalnum() or ch in "-_") or "backup"
    target = target_dir / f"{database.stem}-{stamp}-{safe_reason}.sqlite3"
    source = sqlite3.connect(read_only_uri(database), uri=True)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target
