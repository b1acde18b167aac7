"""Helpers of the data-safety tests: a database with enough pages to damage, and the damage itself."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from pathlib import Path

from lawgov_desktop.core.library import Library


def fill(lib: Library, count: int = 300) -> None:
    """``count`` licence items under one department: enough b-tree pages that damage hits some."""
    department = lib.records.create("department", {"name": "填充用部门"})
    with lib.store.operation("填充"):
        for index in range(count):
            lib.records.create("licence", {"name": f"食品经营许可（{index}）", "department_id": department,
                                   "legal_basis": "《中华人民共和国食品安全法》第三十五条" * 3})


def checkpoint(path: Path) -> None:
    """Move everything from the -wal file into the database file, as closing the last connection does."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def corrupt_pages(path: Path, pages: int = 6, seed: int = 1) -> None:
    """Overwrite ``pages`` pages in the middle of the file with random bytes (a failing disk)."""
    checkpoint(path)
    page_size = 4096
    total = path.stat().st_size // page_size
    rng = random.Random(seed)
    with path.open("r+b") as handle:
        for page in range(total // 2 - pages // 2, total // 2 + pages - pages // 2):
            handle.seek(page * page_size)
            handle.write(rng.randbytes(page_size))


def digest(path: Path) -> str:
    """The SHA-256 of the file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(path: Path, sql: str) -> list[tuple]:
    """What a query returns from a database, read through its own connection."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=rw", uri=True)  # never creates a missing file
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()
