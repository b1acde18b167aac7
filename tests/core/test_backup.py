"""Backups: consistent copies with sidecars, the rotating set, the daily backup, restore."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from safety_helpers import corrupt_pages, digest, fill, rows

from lawgov_desktop.core import backup as backups
from lawgov_desktop.core.copy_db import database_digest
from lawgov_desktop.core.errors import DatabaseError, LawGovError, ValidationError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.core.restore import restore_backup


@pytest.fixture
def lib(sqlite_lib: Library) -> Library:
    """A SQLite library: these tests are about the file's own copies (pages, journal, restore in
    place); a server database's backups are tested below with ``server_database``."""
    return sqlite_lib


def _departments(path: Path) -> list[str]:
    return [row[0] for row in rows(path, "SELECT name FROM department ORDER BY id")]


def test_backup_is_one_sound_file_described_by_its_sidecar(lib, city):
    copy = lib.backups.backup()
    assert copy.parent == lib.path.with_name(lib.path.stem + "-backups")
    info = backups.read_backup_info(copy)
    assert info.reason == "manual" and info.reason_label == "手动备份" and info.sound is True
    assert info.counts["licence_items"] == 4 and info.counts["powers"] == 2 and info.counts["delegations"] == 4
    assert info.counts["departments"] == 3
    assert info.counts_text().startswith("许可事项 4，执法事项 2，赋权 4，部门 3")
    assert rows(copy, "PRAGMA journal_mode") == [("delete",)]  # no -wal beside a backup
    assert json.loads(copy.with_suffix(".json").read_text(encoding="utf-8"))["counts"] == info.counts
    assert lib.backups.list_backups()[0].path == copy


def test_backup_while_another_connection_writes_holds_only_committed_data(lib, city):
    writer = sqlite3.connect(lib.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE department SET name = '未提交' WHERE id = ?", (city["fgj"],))
    try:
        copy = lib.backups.backup()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert "未提交" not in _departments(copy)
    assert "汕尾市发展和改革局" in _departments(copy)


def test_on_demand_backup_to_a_file_or_folder_never_overwrites(lib, tmp_path):
    usb = tmp_path / "U盘"
    usb.mkdir()
    copy = lib.backups.backup(usb)
    assert copy.parent == usb and copy.suffix == ".sqlite3"
    named = lib.backups.backup(usb / "给县里的副本.sqlite3")
    assert named.name == "给县里的副本.sqlite3"
    with pytest.raises(DatabaseError, match="已存在"):
        lib.backups.backup(named)
    with pytest.raises(DatabaseError, match="已存在"):
        lib.backups.backup(lib.path)
    assert lib.backups.list_backups() == []  # copies elsewhere are not part of the rotating set


def test_rotation_keeps_the_newest_n(lib):
    lib.backups.set_backup_settings(keep=3)
    made = [lib.backups.backup() for _ in range(5)]
    assert [info.path for info in lib.backups.list_backups()] == made[::-1][:3]
    assert not made[0].exists() and not made[0].with_suffix(".json").exists()


def test_rotation_never_deletes_the_newest_sound_backup(lib):
    made = [lib.backups.backup() for _ in range(4)]
    for path in made[1:]:  # all but the oldest were copies of a damaged database
        sidecar = path.with_suffix(".json")
        sidecar.write_text(sidecar.read_text(encoding="utf-8").replace('"sound": true', '"sound": false'),
                           encoding="utf-8")
    deleted = backups.rotate_backups(lib.path, made[0].parent, keep=1)
    assert sorted(deleted) == sorted(made[1:3])
    assert [info.path for info in lib.backups.list_backups()] == [made[3], made[0]]


def test_rotation_removes_temporary_files_of_killed_backups(lib):
    folder = lib.backups.backup().parent
    stale = folder / f".{lib.path.stem}-20240101-000000-000000-daily.sqlite3.x1.tmp"
    fresh = folder / f".{lib.path.stem}-20240101-000000-000001-daily.sqlite3.x2.tmp"
    for temp in (stale, fresh):
        temp.write_bytes(b"half a backup")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    lib.backups.backup()
    assert not stale.exists() and fresh.exists()


def test_settings_choose_the_folder_and_refuse_nonsense(lib, tmp_path):
    other = tmp_path / "备份 文件夹"
    settings = lib.backups.set_backup_settings(keep=5, folder=other)
    assert settings == backups.BackupSettings(5, other.resolve())
    assert lib.backups.backup().parent == other.resolve()
    assert backups.backup_settings(lib.path).folder == other.resolve()
    with pytest.raises(ValidationError):
        lib.backups.set_backup_settings(keep=0)
    assert lib.backups.set_backup_settings(folder="").folder is None


def test_a_backup_without_sidecar_is_counted_from_the_copy(lib, city):
    copy = lib.backups.backup()
    copy.with_suffix(".json").unlink()
    info = lib.backups.list_backups()[0]
    assert info.counts["departments"] == 3 and info.sound is None and info.reason == "manual"


def test_backups_of_other_databases_in_the_same_folder_are_not_listed(lib, tmp_path):
    folder = lib.backups.backup().parent
    other = tmp_path / f"{lib.path.stem}-县里.sqlite3"
    Library(other).close()
    backups.make_backup(other, "manual", folder)
    assert len(lib.backups.list_backups()) == 1 and len(backups.list_backups(other, folder)) == 1


def test_daily_backup_only_once_a_day(lib):
    first = lib.backups.ensure_daily_backup()
    assert first is not None and "daily" in first.name
    assert lib.backups.ensure_daily_backup() is None
    assert lib.backups.ensure_daily_backup(datetime.now() + timedelta(hours=25)) is not None


def test_bulk_changes_and_merges_are_backed_up_first(lib, city):
    lib.records.bulk_update("licence", [city["food"], city["school"]], {"remark": "批量"})
    lib.records.merge_departments(city["fgj"], city["hfjy"])
    reasons = [info.reason for info in lib.backups.list_backups()]
    assert reasons == ["before-merge", "before-bulk-update"]
    merged = lib.backups.list_backups()[0]
    assert merged.counts["departments"] == 3  # the state before the merge


def test_restore_brings_the_data_back_and_keeps_the_replaced_state(lib, city, tmp_path):
    copy = lib.backups.backup()
    lib.records.create("department", {"name": "恢复后应消失的部门"})
    reader = Library(lib.path, read_only=True)  # the window, open during the restore
    try:
        assert reader.lists.query("department").total == 4
        kept = lib.backups.restore(copy)
        assert reader.lists.query("department").total == 3  # sees the restored data at once
    finally:
        reader.close()
    assert "恢复后应消失的部门" not in _departments(lib.path)
    assert "恢复后应消失的部门" in _departments(kept)
    assert backups.read_backup_info(kept).reason == "before-restore"
    lib.records.create("department", {"name": "恢复后新增"})  # the library writes on as before
    assert rows(lib.path, "PRAGMA integrity_check") == [("ok",)]
    assert rows(lib.path, "PRAGMA journal_mode") == [("wal",)]


@pytest.mark.parametrize("spoil", ["damaged", "foreign", "newer", "missing", "itself"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(lib, city, tmp_path, spoil):
    fill(lib, 200)
    copy = lib.backups.backup()
    if spoil == "damaged":
        corrupt_pages(copy)
    elif spoil == "foreign":
        copy.write_bytes(b"PK\x03\x04 not a database")
    elif spoil == "newer":
        conn = sqlite3.connect(copy)
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
        conn.close()
    elif spoil == "missing":
        copy.unlink()
    else:
        copy = lib.path
    lib.records.create("department", {"name": "之后新增"})
    before = rows(lib.path, "SELECT * FROM department ORDER BY id")
    count = len(list(copy.parent.glob("*.sqlite3")))
    with pytest.raises(LawGovError):
        lib.backups.restore(copy)
    assert rows(lib.path, "SELECT * FROM department ORDER BY id") == before
    assert len(list(copy.parent.glob("*.sqlite3"))) == count  # nothing backed up either


def test_restore_over_a_damaged_database_keeps_the_damaged_file(lib, tmp_path):
    fill(lib)
    good = lib.backups.backup()
    lib.close()
    corrupt_pages(lib.path)
    damaged = digest(lib.path)
    kept = restore_backup(lib.path, good)
    assert digest(kept) == damaged or backups.read_backup_info(kept).sound is False
    assert rows(lib.path, "PRAGMA integrity_check") == [("ok",)]
    assert rows(lib.path, "SELECT count(*) FROM licence_item") == [(300,)]
    assert backups.newest_good_backup(lib.path).path != kept


def test_restore_over_a_file_whose_header_is_destroyed(lib, tmp_path):
    fill(lib, 50)
    good = lib.backups.backup()
    lib.close()
    with lib.path.open("r+b") as handle:
        handle.write(b"\0" * 100)
    damaged = digest(lib.path)
    kept = restore_backup(lib.path, good)
    assert digest(kept) == damaged  # kept byte for byte
    assert backups.read_backup_info(kept).reason_label == "损坏的数据库原件"
    with Library(lib.path) as reopened:
        assert reopened.lists.query("licence").total == 50


def test_restore_onto_a_new_pc(lib, city, tmp_path):
    copy = lib.backups.backup()
    target = tmp_path / "新电脑" / "lawgov.sqlite3"
    target.parent.mkdir()
    assert restore_backup(target, copy) is None
    with Library(target) as restored:
        assert restored.lists.query("department").total == 3


@pytest.fixture
def server_lib(server_database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    """A library on a server database, this user's data folder in tmp_path."""
    monkeypatch.setenv("LAWGOV_DATA_DIR", str(tmp_path / "数据"))
    with Library(server_database, user="测试员") as library:
        department = library.records.create("department", {"name": "城区市场监督管理局", "aliases": "城区市场监管局"})
        for name in ("食品经营许可", "药品零售许可", "特种设备使用登记"):
            library.records.create("licence", {"name": name, "department_id": department, "remark": "长" * 30_000})
        yield library


def test_a_server_database_is_backed_up_as_a_verified_sqlite_copy_in_the_users_folder(server_lib, tmp_path):
    address = server_lib.location
    copy = server_lib.backups.backup()
    assert copy.parent == tmp_path / "数据" / "server-backups" / f"127_0_0_1-{address.port}-{address.database}"
    assert copy.name.startswith(f"{address.database}-") and copy.name.endswith("-manual.sqlite3")
    info = backups.read_backup_info(copy)
    assert info.sound is True and info.counts["licence_items"] == 3 and info.counts["departments"] == 1
    assert rows(copy, "PRAGMA journal_mode") == [("delete",)] and not list(copy.parent.glob("*-wal"))
    assert database_digest(copy).value == database_digest(address).value
    with Library(copy, read_only=True) as portable:  # any PC opens it, search included
        assert portable.lists.query("licence", ListFilter(text="药品")).total == 1
    assert [info.path for info in server_lib.backups.list_backups()] == [copy]
    assert server_lib.backups.newest_good_backup().path == copy


def test_a_server_backup_to_a_chosen_file_or_folder_and_the_rotating_set(server_lib, tmp_path):
    usb = tmp_path / "U盘"
    usb.mkdir()
    assert server_lib.backups.backup(usb).parent == usb
    named = server_lib.backups.backup(usb / "给县里的副本.sqlite3")
    with pytest.raises(DatabaseError, match="已存在"):
        server_lib.backups.backup(named)
    assert server_lib.backups.list_backups() == []
    assert server_lib.backups.set_backup_settings(keep=2).keep == 2  # stored on the server
    made = [server_lib.backups.backup() for _ in range(3)]
    assert [info.path for info in server_lib.backups.list_backups()] == made[::-1][:2]


def test_on_a_server_the_automatic_copies_are_skipped_and_restore_is_refused(server_lib, tmp_path):
    ids = [row["id"] for row in server_lib.lists.query("licence").rows]
    server_lib.records.bulk_update("licence", ids, {"remark": "批量"})
    other = server_lib.records.create("department", {"name": "城区教育局"})
    server_lib.records.merge_departments(other, server_lib.records.find_department("城区市场监督管理局"))
    assert server_lib.backups.ensure_daily_backup() is None
    assert server_lib.backups.list_backups() == []  # one transaction each, undone by the change log
    assert not (tmp_path / "数据").exists()
    copy = server_lib.backups.backup()
    server_lib.records.create("department", {"name": "备份之后新增"})
    before = database_digest(server_lib.location).value
    with pytest.raises(DatabaseError, match="服务器数据库不能用备份整体替换"):
        server_lib.backups.restore(copy)
    with pytest.raises(DatabaseError, match="lawgov copy-db"):
        restore_backup(server_lib.location, copy)
    assert database_digest(server_lib.location).value == before
