"""The window and ``lawgov`` on one file at once: writes wait for each other or fail with a clear
message, nothing is lost, the file stays sound, and backups taken meanwhile are consistent."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from safety_helpers import rows

from lawgov_desktop.core import dialect
from lawgov_desktop.core.errors import DatabaseError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.location import Location, ServerAddress

ROOT = Path(__file__).resolve().parents[2]
ADDS = 200
WRITER = """
import sys
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.location import Location, ServerAddress
with Library(sys.argv[1], user=sys.argv[2]) as library:
    for index in range(int(sys.argv[3])):
        library.records.create("department", {"name": f"{sys.argv[2]}-部门{index}"})
"""


def _writer(database: Location, name: str) -> subprocess.Popen:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    if isinstance(database, ServerAddress) and database.password:  # as a clerk's PGPASSWORD would
        environment["PGPASSWORD"] = database.password
    return subprocess.Popen([sys.executable, "-c", WRITER, str(database), name, str(ADDS)], cwd=ROOT,
                            env=environment, stderr=subprocess.PIPE)


def test_two_processes_writing_at_once_lose_nothing(lib):
    writers = [_writer(lib.location, name) for name in ("窗口", "命令行")]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode("utf-8", "replace")
    conn = lib.store.conn
    for name in ("窗口", "命令行"):
        names = [row[0] for row in conn.execute(
            "SELECT name FROM department WHERE name LIKE ? ORDER BY id", (f"{name}-%",))]
        assert names == [f"{name}-部门{index}" for index in range(ADDS)]
    assert lib.store.count("SELECT count(*) FROM change_log WHERE action = 'create'") == 2 * ADDS
    lib.close()
    if lib.path is not None:
        assert rows(lib.path, "PRAGMA integrity_check") == [("ok",)]


def test_backups_taken_while_another_process_writes_are_consistent(sqlite_lib):
    lib = sqlite_lib
    lib.backups.set_backup_settings(keep=100)
    writer = _writer(lib.path, "窗口")
    copies = []
    while writer.poll() is None and len(copies) < 30:
        copies.append(lib.backups.backup())
    writer.communicate(timeout=120)
    assert writer.returncode == 0
    for copy in copies:
        departments = rows(copy, "SELECT count(*) FROM department")[0][0]
        logged = rows(copy, "SELECT count(*) FROM change_log WHERE entity = 'department'")[0][0]
        assert departments == logged  # each add is in a copy with its log entry, or not at all
        assert rows(copy, "PRAGMA integrity_check") == [("ok",)]


def test_a_writer_that_waits_too_long_gets_a_clear_message(sqlite_lib, monkeypatch: pytest.MonkeyPatch):
    lib = sqlite_lib
    monkeypatch.setattr(dialect, "BUSY_TIMEOUT_MS", 200)
    other = Library(lib.path)
    holder = sqlite3.connect(lib.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseError, match="数据库正被其他程序写入"):
            other.records.create("department", {"name": "等不到的部门"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    other.records.create("department", {"name": "等到了的部门"})  # once the other writer is done, it works
    other.close()
    assert rows(lib.path, "SELECT name FROM department") == [("等到了的部门",)]
