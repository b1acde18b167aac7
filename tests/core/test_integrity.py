"""Integrity: a damaged database is caught at opening and never written to; the full check;
network shares are warned about."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from safety_helpers import corrupt_pages, digest, fill

from lawgov_desktop.core.errors import DatabaseError
from lawgov_desktop.core.integrity import check_database, network_share_warning, quick_check
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.safety import DamagedDatabaseError


@pytest.fixture
def lib(sqlite_lib: Library) -> Library:
    """A SQLite library: these tests damage and check the file itself; the checks of a server
    database are tested below with ``server_database``."""
    return sqlite_lib


@pytest.fixture
def damaged(lib: Library) -> tuple[Path, Path]:
    """A filled database with a good backup, then damaged in the middle; (database, backup)."""
    fill(lib)
    good = lib.backups.backup()
    lib.close()
    corrupt_pages(lib.path)
    return lib.path, good


def test_a_sound_database_passes_both_checks(lib, city):
    assert quick_check(lib.path) is None
    report = check_database(lib.path)
    assert report.ok and report.to_json()["integrity"] == ["ok"]
    assert report.search_index == {"licence_search": "ok", "power_search": "ok"}
    assert report.lines()[0].endswith("完好。")


def test_a_damaged_database_is_refused_untouched_and_the_newest_good_backup_offered(damaged):
    path, good = damaged
    before = digest(path)
    with pytest.raises(DamagedDatabaseError) as caught:
        Library(path)
    error = caught.value
    assert error.backup is not None and error.backup.path == good
    assert "已损坏" in str(error) and str(good) in str(error) and "lawgov restore" in str(error)
    assert "\n" not in str(error)
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


def test_a_damaged_database_opens_read_only_with_the_warning(damaged):
    path, _ = damaged
    before = digest(path)
    with Library(path, read_only=True) as library:
        assert any("只能查看" in warning for warning in library.warnings)
        with pytest.raises(DatabaseError, match="只读"):
            library.records.create("department", {"name": "不应写入"})
        with pytest.raises(DatabaseError, match="已损坏"):  # a damaged page read: a message, not a crash
            library.lists.query("licence", limit=10_000)
    assert digest(path) == before


def test_without_a_good_backup_the_message_says_so(lib):
    fill(lib)
    lib.close()
    corrupt_pages(lib.path)
    with pytest.raises(DamagedDatabaseError, match="没有找到完好的备份") as caught:
        Library(lib.path)
    assert caught.value.backup is None


def test_a_damaged_backup_is_not_offered(damaged, tmp_path):
    path, good = damaged
    corrupt_pages(good, seed=2)
    with pytest.raises(DamagedDatabaseError) as caught:
        Library(path)
    assert caught.value.backup is None


def test_a_foreign_file_keeps_its_own_message(tmp_path):
    path = tmp_path / "别的程序.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(DatabaseError, match="不是 LawGov 数据库"):
        Library(path)


def test_full_check_finds_damage_and_skips_the_search_check(damaged):
    path, _ = damaged
    before = digest(path)
    report = check_database(path)
    assert not report.ok and report.integrity
    assert set(report.search_index.values()) == {"skipped"}
    assert digest(path) == before


def test_full_check_finds_a_broken_search_index_and_dangling_references(lib, city):
    conn = sqlite3.connect(lib.path)
    conn.execute("UPDATE licence_search_content SET c0 = '被改动' WHERE id = ?", (city["food"],))
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE licence_item SET department_id = 999 WHERE id = ?", (city["school"],))
    conn.commit()
    conn.close()
    report = lib.backups.check_integrity()
    assert not report.ok and not report.integrity
    assert report.search_index["licence_search"] != "ok" and report.search_index["power_search"] == "ok"
    assert report.foreign_keys == [f"licence_item 第 {city['school']} 行引用了 department 中不存在的记录"]


def test_a_sound_server_database_passes_the_reference_and_search_checks(server_database):
    with Library(server_database, user="测试员") as lib:
        department = lib.records.create("department", {"name": "城区教育局"})
        main = lib.records.create("licence", {"name": "民办学校办学许可", "department_id": department})
        lib.records.create("licence", {"name": "民办学校办学许可（分立）", "parent_id": main})
        lib.records.create("power", {"name": "对违法办学的处罚", "department_id": department})
        report = lib.backups.check_integrity()
    assert report.ok and report == check_database(server_database)
    assert report.search_index == {"licence_search": "ok", "power_search": "ok"} and report.foreign_keys == []
    assert report.to_json()["integrity"] == ["not applicable: server database"]
    assert report.lines()[0].endswith("完好。") and "由数据库服务器负责" in report.lines()[1]


def test_the_server_check_finds_missing_extra_and_stale_search_rows_and_dangling_references(server_database):
    with Library(server_database, user="测试员") as lib:
        department = lib.records.create("department", {"name": "城区教育局"})
        ids = [lib.records.create("licence", {"name": f"许可{n}", "department_id": department}) for n in range(3)]
        power = lib.records.create("power", {"name": "对违法办学的处罚", "department_id": department})
        conn = lib.store.conn
        conn.execute("DELETE FROM licence_search WHERE id = ?", (ids[0],))
        conn.execute("UPDATE licence_search SET body = '被改动' WHERE id = ?", (ids[1],))
        conn.execute("UPDATE licence_search SET chars = ARRAY['x'] WHERE id = ?", (ids[2],))
        conn.execute("INSERT INTO licence_search (id, body, chars) VALUES (999, '没有这条记录', ARRAY['没'])")
        conn.execute("ALTER TABLE delegation DROP CONSTRAINT delegation_power_id_fkey")
        region = lib.records.find_region("城区")
        conn.execute("INSERT INTO delegation (power_id, region_id, change_kind, created_at, updated_at)"
                     " VALUES (?, ?, '新增', '', '')", (power + 100, region))
    report = check_database(server_database)
    assert not report.ok
    result = report.search_index["licence_search"]
    assert f"缺少检索行 1 条（编号 {ids[0]}）" in result and "多余的检索行 1 条（编号 999）" in result
    assert f"过期的检索行 2 条（编号 {ids[1]}、{ids[2]}）" in result and report.search_index["power_search"] == "ok"
    assert report.foreign_keys == ["delegation 第 1 行引用了 power 中不存在的记录"]


@pytest.mark.parametrize(("path", "remote"), [
    (r"\\server\科室\lawgov.sqlite3", True),
    ("//server/share/lawgov.sqlite3", True),
    (r"\\?\UNC\server\share\lawgov.sqlite3", True),
    (r"\\?\C:\清单\lawgov.sqlite3", False),
    (r"Z:\清单\lawgov.sqlite3", True),
    (r"C:\清单\lawgov.sqlite3", False),
    ("relative.sqlite3", False),
])
def test_windows_network_paths(path, remote):
    drives = {"Z:\\": 4, "C:\\": 3}  # DRIVE_REMOTE, DRIVE_FIXED
    warning = network_share_warning(Path(path), windows=True, drive_type=lambda root: drives[root])
    assert (warning is not None) == remote
    if remote:
        assert "网络共享" in warning


MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
//fileserver/科室 /mnt/share cifs rw 0 0
server:/export /mnt/nfs\\040data nfs4 rw 0 0
/dev/sdb1 /mnt/share/local ext4 rw 0 0
"""


@pytest.mark.parametrize(("path", "remote"), [
    ("/home/clerk/lawgov.sqlite3", False),
    ("/mnt/share/lawgov.sqlite3", True),
    ("/mnt/shared/lawgov.sqlite3", False),
    ("/mnt/nfs data/lawgov.sqlite3", True),
    ("/mnt/share/local/lawgov.sqlite3", False),
])
def test_linux_network_mounts(path, remote):
    assert (network_share_warning(Path(path), windows=False, mounts=MOUNTS) is not None) == remote


def test_a_local_database_opens_without_warnings(lib):
    assert lib.warnings == []
