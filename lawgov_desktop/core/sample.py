"""The mark of a sample database: lists made up to try the program, never to be printed as real.

The mark is a ``lawgov_meta`` row, so it travels with the file: whoever opens a copy of the sample
database (the window, ``lawgov``) can tell it is not the city's list.
"""

from __future__ import annotations

import sqlite3

from .library import Library

SAMPLE_KEY = "sample"


def mark_as_sample(library: Library) -> None:
    """Record in the file itself that its lists are sample data."""
    with library.store.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO lawgov_meta (key, value) VALUES (?, '1')", (SAMPLE_KEY,))


def is_sample(library: Library) -> bool:
    """True for a database built as sample data (a damaged file is reported elsewhere, not here)."""
    try:
        row = library.store.conn.execute("SELECT value FROM lawgov_meta WHERE key = ?", (SAMPLE_KEY,)).fetchone()
    except sqlite3.DatabaseError:
        return False
    return row is not None and row[0] == "1"


def is_empty(library: Library) -> bool:
    """True while the file holds no licence item, power or department (only the shipped regions)."""
    return all(library.lists.query(kind, limit=1).total == 0 for kind in ("licence", "power", "department"))
