"""Saved versions: a frozen copy of both lists that can be read, searched, counted and deleted, never edited."""

from __future__ import annotations

import pytest

from lawgov_desktop.core.backup import backup_folder
from lawgov_desktop.core.errors import LawGovError, ValidationError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter


def test_a_version_copies_items_sub_items_powers_and_delegations(lib: Library, city: dict[str, int]) -> None:
    version_id = lib.save_version("2022年版", remark="年度调整前")
    [version] = lib.versions()
    assert version["id"] == version_id and version["name"] == "2022年版" and version["remark"] == "年度调整前"
    assert (version["licence_items"], version["sub_items"], version["powers"], version["delegations"]) == (3, 1, 2, 4)
    assert version["created_by"] == "测试员"
    names = [row["name"] for row in lib.query("licence", ListFilter(version_id=version_id)).rows]
    assert names == ["企业投资项目核准", "食品经营许可", "民办学校办学许可"]
    copied_main = lib.query("licence", ListFilter(version_id=version_id)).rows[0]
    assert copied_main["id"] != city["hezhun"]
    [sub] = lib.get("licence", copied_main["id"])["sub_items"]
    assert sub["name"] == "企业投资项目核准（外资）" and sub["version_id"] == version_id  # parent remapped
    power = lib.query("power", ListFilter(version_id=version_id, text="食品经营")).rows[0]
    assert sorted(d["region"] for d in lib.delegations(power["id"])) == ["东洲街道", "田墘街道", "遮浪街道"]
    # the working list is untouched
    assert lib.query("licence").total == 3 and lib.query("power").total == 2


def test_version_statistics_equal_the_working_list_at_save_time(lib: Library, city: dict[str, int]) -> None:
    before = lib.stats()
    version_id = lib.save_version("2022年版")
    assert lib.stats(version_id) == before
    lib.delete("licence", city["school"])
    lib.create("delegation", {"power_id": city["power2"], "region": "城区", "batch": "第二批"})
    assert lib.stats(version_id) == before
    assert lib.stats()["licence_items"]["total"] == 2


def test_a_version_can_be_searched_with_short_terms(lib: Library, city: dict[str, int]) -> None:
    version_id = lib.save_version("2022年版")
    lib.update("licence", city["food"], {"name": "食品销售许可"})
    assert [r["name"] for r in lib.query("licence", ListFilter(version_id=version_id, text="食品")).rows] == [
        "食品经营许可"]
    assert lib.query("licence", ListFilter(version_id=version_id, text="销售")).total == 0
    assert [r["name"] for r in lib.query("licence", ListFilter(text="销售")).rows] == ["食品销售许可"]
    assert lib.query("power", ListFilter(version_id=version_id, text="遮浪")).total == 1  # by township


def test_versions_are_read_only(lib: Library, city: dict[str, int]) -> None:
    version_id = lib.save_version("2022年版")
    item = lib.query("licence", ListFilter(version_id=version_id)).rows[0]
    power = lib.query("power", ListFilter(version_id=version_id)).rows[0]
    with pytest.raises(LawGovError, match="历史版本为只读"):
        lib.update("licence", item["id"], {"level": "省级"})
    with pytest.raises(LawGovError, match="历史版本为只读"):
        lib.delete("licence", item["id"])
    with pytest.raises(LawGovError, match="历史版本为只读"):
        lib.delete("power", power["id"])
    assert lib.get("licence", item["id"])["level"] == "市级"


def test_names_must_be_given_and_unique(lib: Library, city: dict[str, int]) -> None:
    lib.save_version("2022年版")
    with pytest.raises(ValidationError, match="已存在"):
        lib.save_version(" 2022年版 ")
    with pytest.raises(ValidationError, match="请填写版本名称"):
        lib.save_version("  ")
    assert lib.find_version("2022年版") == lib.versions()[0]["id"]
    assert lib.find_version("2023年版") is None


def test_saving_is_logged_and_undone_as_one_step(lib: Library, city: dict[str, int]) -> None:
    lib.save_version("2022年版")
    entry = lib.change_log(limit=1).rows[0]
    assert entry["entity"] == "list_version" and entry["action"] == "create"
    assert entry["summary"] == "保存清单版本“2022年版”：许可事项 3 项，执法事项 2 项"
    lib.revert_operation(lib.last_operation())
    assert lib.versions() == []
    assert lib.conn.execute("SELECT count(*) FROM licence_item WHERE version_id IS NOT NULL").fetchone()[0] == 0


def test_deleting_a_version_removes_its_rows_and_search_entries_after_a_backup(lib: Library,
                                                                               city: dict[str, int]) -> None:
    version_id = lib.save_version("2022年版")
    copies = [r[0] for r in lib.conn.execute("SELECT id FROM licence_item WHERE version_id = ?", (version_id,))]
    lib.delete_version(version_id)
    assert lib.versions() == []
    for table in ("licence_item", "power"):
        assert lib.conn.execute(f"SELECT count(*) FROM {table} WHERE version_id IS NOT NULL").fetchone()[0] == 0
    assert lib.conn.execute("SELECT count(*) FROM delegation").fetchone()[0] == 4  # the working list's
    assert lib.conn.execute(f"SELECT count(*) FROM licence_search WHERE rowid IN ({','.join(map(str, copies))})"
                            ).fetchone()[0] == 0
    assert any(path.name.endswith("before-delete-version.sqlite3") for path in backup_folder(lib.path).iterdir())
    entry = lib.change_log(limit=1).rows[0]
    assert (entry["action"], entry["summary"]) == ("delete", "删除清单版本“2022年版”")
    with pytest.raises(LawGovError, match="不能撤销恢复"):
        lib.revert_operation(lib.last_operation())


def test_working_list_ids_keep_growing_after_versions(lib: Library, city: dict[str, int]) -> None:
    first = lib.save_version("2021年版")
    new_item = lib.create("licence", {"name": "新增事项", "department": "市发改局", "part": "central"})
    second = lib.save_version("2022年版")
    assert lib.version(first)["licence_items"] == 3 and lib.version(second)["licence_items"] == 4
    assert lib.get("licence", new_item)["version_id"] is None
    ids = [r[0] for r in lib.conn.execute("SELECT id FROM licence_item")]
    assert len(ids) == len(set(ids)) == 5 + 4 + 5  # working list, first and second version (sub-items too)
