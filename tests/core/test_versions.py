"""Saved versions: a frozen copy of both lists that can be read, searched, counted and deleted, never edited."""

from __future__ import annotations

import pytest

from lawgov_desktop.core.backup import backup_folder
from lawgov_desktop.core.errors import LawGovError, ValidationError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter


def test_a_version_copies_items_sub_items_powers_and_delegations(lib: Library, city: dict[str, int]) -> None:
    version_id = lib.versions.save_version("2022年版", remark="年度调整前")
    [version] = lib.versions.all_versions()
    assert version["id"] == version_id and version["name"] == "2022年版" and version["remark"] == "年度调整前"
    assert (version["licence_items"], version["sub_items"], version["powers"], version["delegations"]) == (3, 1, 2, 4)
    assert version["created_by"] == "测试员"
    names = [row["name"] for row in lib.lists.query("licence", ListFilter(version_id=version_id)).rows]
    assert names == ["企业投资项目核准", "食品经营许可", "民办学校办学许可"]
    copied_main = lib.lists.query("licence", ListFilter(version_id=version_id)).rows[0]
    assert copied_main["id"] != city["hezhun"]
    [sub] = lib.records.get("licence", copied_main["id"])["sub_items"]
    assert sub["name"] == "企业投资项目核准（外资）" and sub["version_id"] == version_id  # parent remapped
    power = lib.lists.query("power", ListFilter(version_id=version_id, text="食品经营")).rows[0]
    assert sorted(d["region"] for d in lib.records.delegations(power["id"])) == ["东洲街道", "田墘街道", "遮浪街道"]
    # the working list is untouched
    assert lib.lists.query("licence").total == 3 and lib.lists.query("power").total == 2


def test_version_statistics_equal_the_working_list_at_save_time(lib: Library, city: dict[str, int]) -> None:
    before = lib.stats.compute()
    version_id = lib.versions.save_version("2022年版")
    assert lib.stats.compute(version_id) == before
    lib.records.delete("licence", city["school"])
    lib.records.create("delegation", {"power_id": city["power2"], "region": "城区", "batch": "第二批"})
    assert lib.stats.compute(version_id) == before
    assert lib.stats.compute()["licence_items"]["total"] == 2


def test_a_version_can_be_searched_with_short_terms(lib: Library, city: dict[str, int]) -> None:
    version_id = lib.versions.save_version("2022年版")
    lib.records.update("licence", city["food"], {"name": "食品销售许可"})
    assert [r["name"] for r in lib.lists.query("licence", ListFilter(version_id=version_id, text="食品")).rows] == [
        "食品经营许可"]
    assert lib.lists.query("licence", ListFilter(version_id=version_id, text="销售")).total == 0
    assert [r["name"] for r in lib.lists.query("licence", ListFilter(text="销售")).rows] == ["食品销售许可"]
    assert lib.lists.query("power", ListFilter(version_id=version_id, text="遮浪")).total == 1  # by township


def test_versions_are_read_only(lib: Library, city: dict[str, int]) -> None:
    version_id = lib.versions.save_version("2022年版")
    item = lib.lists.query("licence", ListFilter(version_id=version_id)).rows[0]
    power = lib.lists.query("power", ListFilter(version_id=version_id)).rows[0]
    with pytest.raises(LawGovError, match="历史版本为只读"):
        lib.records.update("licence", item["id"], {"level": "省级"})
    with pytest.raises(LawGovError, match="历史版本为只读"):
        lib.records.delete("licence", item["id"])
    with pytest.raises(LawGovError, match="历史版本为只读"):
        lib.records.delete("power", power["id"])
    assert lib.records.get("licence", item["id"])["level"] == "市级"


def test_names_must_be_given_and_unique(lib: Library, city: dict[str, int]) -> None:
    lib.versions.save_version("2022年版")
    with pytest.raises(ValidationError, match="已存在"):
        lib.versions.save_version(" 2022年版 ")
    with pytest.raises(ValidationError, match="请填写版本名称"):
        lib.versions.save_version("  ")
    assert lib.versions.find_version("2022年版") == lib.versions.all_versions()[0]["id"]
    assert lib.versions.find_version("2023年版") is None


def test_saving_is_logged_and_undone_as_one_step(lib: Library, city: dict[str, int]) -> None:
    lib.versions.save_version("2022年版")
    entry = lib.history.change_log(limit=1).rows[0]
    assert entry["entity"] == "list_version" and entry["action"] == "create"
    assert entry["summary"] == "保存清单版本“2022年版”：许可事项 3 项，执法事项 2 项"
    lib.history.revert_operation(lib.history.last_operation())
    assert lib.versions.all_versions() == []
    assert lib.store.conn.execute("SELECT count(*) FROM licence_item WHERE version_id IS NOT NULL").fetchone()[0] == 0


def test_deleting_a_version_removes_its_rows_and_search_entries_after_a_backup(lib: Library,
                                                                               city: dict[str, int]) -> None:
    version_id = lib.versions.save_version("2022年版")
    copies = [r[0] for r in lib.store.conn.execute("SELECT id FROM licence_item WHERE version_id = ?", (version_id,))]
    lib.versions.delete_version(version_id)
    assert lib.versions.all_versions() == []
    for table in ("licence_item", "power"):
        assert lib.store.conn.execute(f"SELECT count(*) FROM {table} WHERE version_id IS NOT NULL").fetchone()[0] == 0
    assert lib.store.conn.execute("SELECT count(*) FROM delegation").fetchone()[0] == 4  # the working list's
    search_id = "rowid" if lib.store.dialect.name == "sqlite" else "id"
    assert lib.store.conn.execute(f"SELECT count(*) FROM licence_search WHERE {search_id} IN"
                                  f" ({','.join(map(str, copies))})").fetchone()[0] == 0
    assert any(path.name.endswith("before-delete-version.sqlite3") for path in backup_folder(lib.location).iterdir())
    entry = lib.history.change_log(limit=1).rows[0]
    assert (entry["action"], entry["summary"]) == ("delete", "删除清单版本“2022年版”")
    with pytest.raises(LawGovError, match="不能撤销恢复"):
        lib.history.revert_operation(lib.history.last_operation())


def test_working_list_ids_keep_growing_after_versions(lib: Library, city: dict[str, int]) -> None:
    first = lib.versions.save_version("2021年版")
    new_item = lib.records.create("licence", {"name": "新增事项", "department": "市发改局", "part": "central"})
    second = lib.versions.save_version("2022年版")
    assert lib.versions.version(first)["licence_items"] == 3 and lib.versions.version(second)["licence_items"] == 4
    assert lib.records.get("licence", new_item)["version_id"] is None
    ids = [r[0] for r in lib.store.conn.execute("SELECT id FROM licence_item")]
    assert len(ids) == len(set(ids)) == 5 + 4 + 5  # working list, first and second version (sub-items too)
