"""Copying a whole database SQLite → PostgreSQL → SQLite: the same records, ids, digest and search
results on every side, and Brewtarget's failures (wrong types, over-long text) refused cleanly."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from server import fresh_database

from lawgov_desktop.core.copy_db import CopyError, copy_database, database_digest, tables
from lawgov_desktop.core.imports import ImportChanges
from lawgov_desktop.core.kinds import KINDS
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.location import ServerAddress
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.importers.sample import build_sample_database

LONG = "".join(random.Random(15).choice("中华人民共和国行政许可法第十二条规定食品经营") for _ in range(30_000))
# Text no compression shortens: too long for a server index on a name (about 2,700 bytes).
_RANDOM = random.Random(16)
UNCOMPRESSIBLE = "".join(chr(_RANDOM.randrange(0x4E00, 0x9FA5)) for _ in range(30_000))
SEARCHES = ("食", "经营", "核准", "长", "田墘", "第一批", "zz")


@pytest.fixture
def empty_server() -> Iterator[ServerAddress]:
    """An empty database on the test server (not a copy of the migrated template)."""
    with fresh_database(migrated=False) as address:
        yield address


def every_kind(path: Path) -> Path:
    """A database holding every kind of record, a version, an import, the change log, a saved
    filter, an upper list, empty and 30,000-character values, and ids deleted records used."""
    with Library(path, user="测试员") as lib:
        department = lib.records.create("department", {"name": "汕尾市市场监督管理局", "aliases": "市市场监管局",
                                                       "level": "市级", "region": "汕尾市"})
        region = lib.records.create("region", {"name": "香洲街道", "kind": "street", "parent": "城区"})
        batch = lib.records.create("batch", {"name": "第一批", "document_number": "汕府〔2022〕1号"})
        sub_first = lib.records.create("licence", {"name": "食品经营许可（先录入的子项）", "department_id": department})
        main = lib.records.create("licence", {
            "name": "食品经营许可", "department_id": department, "part": "central", "level": "市级",
            "legal_basis": "《中华人民共和国食品安全法》第三十五条\n" + LONG, "remark": LONG, "code": "000172001000"})
        lib.records.update("licence", sub_first, {"parent_id": main})  # a main item with a higher id than its sub-item
        lib.records.create("licence", {"name": "企业投资项目核准", "department_id": department, "part": "local"})
        gone = lib.records.create("licence", {"name": "将被删除的事项", "department_id": department})
        lib.records.delete("licence", gone)
        power = lib.records.create("power", {"name": "对未取得食品经营许可从事食品经营活动的处罚", "code": "330217001000",
                                             "department_id": department, "power_type": "行政处罚", "duties": LONG})
        lib.records.create("delegation", {"power_id": power, "region_id": region, "batch_id": batch,
                                          "effective_date": "2022年10月1日"})
        assert set(KINDS) == {"licence", "power", "delegation", "department", "region", "batch"}
        lib.versions.save_version("2024年版", "长备注" * 10)
        lib.imports.apply_import(ImportChanges(kind="department", file_name="部门.xlsx", file_sha256="0" * 64,
                                               sheet=None, mode="add", inserts=[{"name": "汕尾市档案局"}], inserted=1))
        lib.lists.save_filter("licence", "市级食品", ListFilter(text="食品"))
        lib.references.save_reference("广东省2022年版", [{"name": "食品经营许可", "legal_basis": LONG}], "省级")
        with lib.store.transaction() as conn:  # an empty text beside NULLs: both must survive as they are
            conn.execute("UPDATE licence_item SET certificate = '', upper_ref = NULL WHERE id = ?", (main,))
    return path


@pytest.fixture(scope="module")
def every_kind_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once (migrations take seconds); each test copies it."""
    return every_kind(tmp_path_factory.mktemp("every kind") / "清单.sqlite3")


@pytest.fixture
def source(every_kind_file: Path, tmp_path: Path) -> Path:
    """This test's own copy of the database holding every kind of record."""
    copy = tmp_path / "城市 清单.sqlite3"
    shutil.copyfile(every_kind_file, copy)
    return copy


def main_id(lib: Library) -> int:
    return int(lib.store.count("SELECT id FROM licence_item WHERE name = '食品经营许可' AND version_id IS NULL"))


def _search(location: Path | ServerAddress) -> dict[str, list[int]]:
    with Library(location, user="测试员") as lib:
        return {term: [row["id"] for row in lib.lists.query(kind, ListFilter(text=term), sort="id").rows]
                for term in SEARCHES for kind in ("licence", "power")}


def _round_trip(source: Path, server: ServerAddress, tmp_path: Path) -> None:
    there = copy_database(source, server)
    back = copy_database(server, tmp_path / "回来的副本.sqlite3")
    expected = database_digest(source)
    assert there.digest == back.digest == expected.value and len(expected.value) == 64
    assert there.counts == back.counts == expected.counts
    assert database_digest(server).value == expected.value
    assert _search(source) == _search(server) == _search(back.target)


def test_every_kind_of_record_goes_to_a_server_and_back_unchanged(source, tmp_path, empty_server):
    _round_trip(source, empty_server, tmp_path)
    counts = database_digest(source).counts
    assert counts["licence_item"] == 6 and counts["list_version"] == 1 and counts["reference_item"] == 1
    assert counts["saved_filter"] == 1 and counts["import_record"] == 1 and counts["citation"] > 0
    assert {table.name for table in tables()} == set(counts)
    with Library(empty_server, user="测试员") as copy:
        item = copy.records.get("licence", main_id(copy))
        assert item["remark"] == LONG and item["certificate"] == "" and item["upper_ref"] is None
        assert copy.lists.query("licence", ListFilter(text=LONG[100:104])).total == 1
        # the deleted record's id stays free: a new record gets the next one after it
        added = copy.records.create("licence", {"name": "复制后新增", "department": "市市场监管局"})
        with Library(source) as original:
            assert added == original.store.count("SELECT max(seq) FROM sqlite_sequence WHERE name = 'licence_item'") + 1


def test_the_sample_database_goes_to_a_server_and_back(tmp_path, empty_server):
    source = build_sample_database(tmp_path / "示例.sqlite3")
    _round_trip(source, empty_server, tmp_path)


def test_a_server_database_is_copied_to_a_laptop_file(tmp_path, server_database):
    with Library(server_database, user="测试员") as lib:
        department = lib.records.create("department", {"name": "城区教育局"})
        lib.records.create("licence", {"name": "民办学校办学许可", "department_id": department, "remark": LONG})
    laptop = tmp_path / "笔记本.sqlite3"
    report = copy_database(server_database, laptop)
    assert report.digest == database_digest(server_database).value == database_digest(laptop).value
    with Library(laptop) as copy:
        assert copy.lists.query("licence", ListFilter(text="办学")).total == 1


def _spoil(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


def _server_tables(address: ServerAddress) -> list[str]:
    from lawgov_desktop.core import postgres

    conn = postgres.connect(address)
    try:
        return [row[0] for row in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            " UNION ALL SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            " WHERE n.nspname = current_schema()").fetchall()]
    finally:
        conn.close()


@pytest.mark.parametrize(("sql", "message"), [
    ("UPDATE licence_item SET position = '第三' WHERE name = '食品经营许可'", "position 列应为整数"),
    ("UPDATE licence_item SET position = 1.5 WHERE name = '食品经营许可'", "position 列应为整数"),
    ("UPDATE licence_item SET position = 5000000000 WHERE name = '食品经营许可'", "超出服务器数据库的范围"),
    ("UPDATE licence_item SET remark = 'a' || char(0) || 'b' WHERE name = '食品经营许可'", "NUL"),
    ("UPDATE department SET remark = x'00ff' WHERE name = '汕尾市档案局'", "应为文字"),
    (f"UPDATE licence_item SET name = '{UNCOMPRESSIBLE}' WHERE name = '企业投资项目核准'", "太长"),
])
def test_what_a_server_cannot_hold_stops_the_copy_and_leaves_the_target_empty(source, empty_server, sql, message):
    _spoil(source, sql)
    before = source.read_bytes()
    with pytest.raises(CopyError, match=message) as caught:
        copy_database(source, empty_server)
    assert "目标" in str(caught.value) and "恢复为空" in str(caught.value)
    assert _server_tables(empty_server) == []  # emptied again, the migrations' tables and function too
    assert source.read_bytes() == before


def test_once_the_record_is_corrected_the_emptied_target_takes_the_copy(source, empty_server):
    _spoil(source, "UPDATE power SET remark = 'a' || char(0) || 'b'")
    with pytest.raises(CopyError, match="编号 1 的记录的 remark 列含有 NUL"):
        copy_database(source, empty_server)
    _spoil(source, "UPDATE power SET remark = 'a b'")
    assert copy_database(source, empty_server).digest == database_digest(source).value


def test_a_target_holding_anything_is_refused_untouched(source, tmp_path, server_database):
    existing = tmp_path / "已有.sqlite3"
    existing.write_bytes(b"my notes")
    with pytest.raises(CopyError, match="已存在"):
        copy_database(source, existing)
    assert existing.read_bytes() == b"my notes"
    digest = database_digest(server_database).value
    with pytest.raises(CopyError, match="不是空的"):
        copy_database(source, server_database)
    assert database_digest(server_database).value == digest
    with pytest.raises(CopyError, match="相同"):
        copy_database(source, source)
    with pytest.raises(CopyError, match="不存在"):
        copy_database(tmp_path / "没有.sqlite3", tmp_path / "新.sqlite3")
    assert not (tmp_path / "新.sqlite3").exists()


def test_an_older_source_is_refused(source, tmp_path):
    _spoil(source, "UPDATE alembic_version SET version_num = '0003'")
    with pytest.raises(CopyError, match="结构版本"):
        copy_database(source, tmp_path / "新.sqlite3")
    assert not (tmp_path / "新.sqlite3").exists()
