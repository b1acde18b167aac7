"""``lawgov backup / backups / restore / check-db``: on a sound and on a damaged database."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

from lawgov_desktop.core.backup import list_backups


def _damage(path: Path) -> None:
    """Random bytes over pages in the middle of the file (after moving the -wal into it)."""
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").connection.close()
    pages = path.stat().st_size // 4096
    with path.open("r+b") as handle:
        handle.seek(pages // 2 * 4096)
        handle.write(random.Random(3).randbytes(4096 * max(2, pages // 4)))


def test_backup_list_and_restore(lawgov, sample_db, tmp_path):
    made = lawgov("backup")
    assert made.code == 0 and "已备份到" in made.out and "许可事项 6，执法事项 3，赋权 4，部门 3" in made.out
    assert lawgov("add", "department", "--name", "之后新增的局").code == 0
    listed = lawgov("backups")
    assert listed.code == 0 and "手动备份" in listed.out and "完好" in listed.out and "共 1 份" in listed.out
    document = json.loads(lawgov("backups", "--json").out)
    backup = document["rows"][0]["path"]
    assert document["rows"][0]["counts"]["departments"] == 3

    refused = lawgov("restore", backup)  # no terminal to confirm at
    assert refused.code == 2 and "--yes" in refused.err
    restored = lawgov("restore", backup, "--yes")
    assert restored.code == 0 and "已恢复" in restored.out, restored.err
    assert "之后新增的局" not in lawgov("list", "departments").out
    assert [info.reason for info in list_backups(sample_db)] == ["before-restore", "manual"]


def test_backup_to_a_chosen_file_and_never_over_one(lawgov, tmp_path):
    target = tmp_path / "U盘" / "副本.sqlite3"
    target.parent.mkdir()
    assert lawgov("backup", str(target)).code == 0 and target.exists()
    again = lawgov("backup", str(target))
    assert again.code == 1 and "已存在" in again.err


def test_check_db_passes_on_a_sound_database(lawgov):
    result = lawgov("check-db")
    assert result.code == 0 and "完好" in result.out and "检索索引 licence_search：通过" in result.out
    assert json.loads(lawgov("check-db", "--json").out)["ok"] is True


def test_a_damaged_database_is_refused_checked_and_restored(lawgov, sample_db):
    lawgov("backup")
    good = list_backups(sample_db)[0].path
    _damage(sample_db)
    damaged = sample_db.read_bytes()

    refused = lawgov("list", "items")
    assert refused.code == 1 and "已损坏" in refused.err and str(good) in refused.err
    assert len(refused.err.strip().splitlines()) == 1
    checked = lawgov("check-db", "--json")
    report = json.loads(checked.out)
    assert checked.code == 1 and not report["ok"] and report["newest_good_backup"]["path"] == str(good)
    assert sample_db.read_bytes() == damaged  # nothing so far wrote to the damaged file

    assert lawgov("restore", str(good), "--yes").code == 0
    assert lawgov("check-db").code == 0
    assert "企业投资项目核准" in lawgov("list", "items").out
    kept = list_backups(sample_db)[0]
    assert kept.reason in ("before-restore", "damaged") and kept.sound is False  # damaged state kept, marked


def test_restore_refuses_a_damaged_backup(lawgov, sample_db):
    lawgov("backup")
    backup = list_backups(sample_db)[0].path
    _damage(backup)
    result = lawgov("restore", str(backup), "--yes")
    assert result.code == 1 and "备份" in result.err and "已损坏" in result.err
    assert lawgov("check-db").code == 0


def test_on_a_server_backup_writes_a_sqlite_copy_check_db_checks_and_restore_refuses(run_cli, server_database,
                                                                                    tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGOV_DATA_DIR", str(tmp_path / "数据"))
    monkeypatch.setenv("PGPASSWORD", server_database.password or "")  # as libpq finds it; never in the URL
    url = server_database.url
    assert run_cli("add", "department", "--name", "城区教育局", db=url).code == 0
    made = run_cli("backup", db=url)
    assert made.code == 0 and made.out.startswith("已把服务器数据库复制为 SQLite 文件") and "部门 1" in made.out
    listed = json.loads(run_cli("backups", "--json", db=url).out)
    assert listed["total"] == 1 and listed["rows"][0]["sound"] is True
    copy = Path(listed["rows"][0]["path"])
    assert copy.is_relative_to(tmp_path / "数据" / "server-backups")
    assert json.loads(run_cli("list", "departments", "--json", db=copy).out)["total"] == 1  # any PC opens it
    usb = tmp_path / "U盘"
    usb.mkdir()
    assert run_cli("backup", str(usb), db=url).code == 0 and len(list(usb.glob("*.sqlite3"))) == 1

    checked = run_cli("check-db", db=url)
    assert checked.code == 0 and "由数据库服务器负责" in checked.out and "外键引用：通过" in checked.out
    assert json.loads(run_cli("check-db", "--json", db=url).out)["search_index"] == {
        "licence_search": "ok", "power_search": "ok"}

    refused = run_cli("restore", str(copy), "--yes", db=url)
    assert refused.code == 1 and "服务器数据库不能用备份整体替换" in refused.err and refused.out == ""
