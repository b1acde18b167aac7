"""Creating, changing and deleting records: validation messages, the change log, undo and merge."""

from __future__ import annotations

import json

import pytest

from lawgov_desktop.core.errors import LawGovError, NotFoundError, ValidationError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.core.records import parse_date_text
from lawgov_desktop.core.text import normalise_doc_number


def _errors(excinfo: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return excinfo.value.errors


def test_required_fields_are_named_in_chinese(lib: Library) -> None:
    with pytest.raises(ValidationError) as excinfo:
        lib.records.create("licence", {"legal_basis": "《行政许可法》"})
    assert _errors(excinfo) == {"name": "请填写“事项名称”。", "department_id": "请填写“主管部门”。"}


def test_unknown_department_is_refused(lib: Library) -> None:
    with pytest.raises(ValidationError) as excinfo:
        lib.records.create("licence", {"name": "食品经营许可", "department": "市不存在局"})
    assert "未找到部门“市不存在局”" in _errors(excinfo)["department_id"]


def test_duplicate_items_and_sub_items(lib: Library, city: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as excinfo:
        lib.records.create("licence", {"name": "食品经营许可", "department": "汕尾市市场监督管理局"})
    assert _errors(excinfo) == {"name": "该部门已有同名事项“食品经营许可”。"}
    # the same name under another department is a different item
    lib.records.create("licence", {"name": "食品经营许可", "department": "海丰县教育局"})
    with pytest.raises(ValidationError, match="该主项下已有同名子项"):
        lib.records.create("licence", {"name": "企业投资项目核准（外资）", "parent_id": city["hezhun"]})
    with pytest.raises(ValidationError, match="不能挂在另一个子项下"):
        lib.records.create("licence", {"name": "孙项", "parent_id": city["hezhun_sub"]})


def test_enumerations_and_dates_are_checked(lib: Library, city: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as excinfo:
        lib.records.create("licence", {"name": "x", "department_id": city["fgj"], "part": "不知道", "status": "作废"})
    assert set(_errors(excinfo)) == {"part", "status"}
    with pytest.raises(ValidationError, match="生效时间"):
        lib.records.create("delegation", {"power_id": city["power2"], "region": "城区", "effective_date": "十月"})
    with pytest.raises(ValidationError, match="已在同一批次赋权"):
        lib.records.create("delegation", {"power_id": city["power"], "region": "田墘街道", "batch": "第一批"})
    with pytest.raises(ValidationError, match="事项编码“330217001000”已被"):
        lib.records.create("power", {"name": "另一项", "code": "330217001000", "department_id": city["fgj"]})
    with pytest.raises(ValidationError, match="没有“colour”这一项"):
        lib.records.create("batch", {"name": "第三批", "colour": "red"})


def test_chinese_part_names_and_inherited_fields(lib: Library, city: dict[str, int]) -> None:
    item = lib.records.create("licence", {"name": "地方事项", "department_id": city["fgj"],
                                  "part": "地方性法规、省政府规章设定"})
    sub = lib.records.create("licence", {"name": "子项甲", "parent_id": item})
    record = lib.records.get("licence", sub)
    assert (record["part"], record["department_id"], record["main_item"]) == ("local", city["fgj"], "地方事项")
    assert [s["name"] for s in lib.records.get("licence", item)["sub_items"]] == ["子项甲"]


def test_department_names_and_aliases_are_unique(lib: Library, city: dict[str, int]) -> None:
    with pytest.raises(ValidationError, match="已存在"):
        lib.records.create("department", {"name": "市发改局"})
    with pytest.raises(ValidationError, match="简称“市发改局”已属于“汕尾市发展和改革局”"):
        lib.records.create("department", {"name": "汕尾市发改委", "aliases": ["市发改局"]})
    assert lib.records.find_department(" 市发展改革局 ") == city["fgj"]
    assert lib.records.find_department("汕尾市发展和改革局") == city["fgj"]


def test_region_resolution_through_prefix_and_alias(lib: Library) -> None:
    tianqian = lib.records.find_region("田墘街道")
    assert lib.records.find_region("红海湾经济开发试验区田墘街道") == tianqian
    assert lib.records.find_region("红海湾开发区田墘街道") == tianqian
    assert lib.records.find_region("海丰县田墘街道") is None
    with pytest.raises(ValidationError, match="区划类型"):
        lib.records.create("region", {"name": "捷胜镇", "parent": "城区", "kind": "村"})
    jiesheng = lib.records.create("region", {"name": "捷胜镇", "parent": "城区", "kind": "镇"})
    assert lib.records.get("region", jiesheng)["kind"] == "town"
    assert lib.records.find_region("城区捷胜镇") == jiesheng


def test_document_numbers_and_dates_are_normalised(lib: Library, city: dict[str, int]) -> None:
    delegation = lib.records.get("power", city["power"])["delegations"][0]
    assert delegation["document_number"] == "汕府函〔2022〕136号"
    assert delegation["document_number_raw"] == "汕府函(2022)136号"
    assert delegation["effective_date"] == "2022-10-01"
    assert normalise_doc_number("粤府函【2020】136号")[0] == "粤府函〔2020〕136号"
    assert parse_date_text("2022.10.1") == "2022-10-01"


def test_every_change_is_logged_with_before_and_after(lib: Library, city: dict[str, int]) -> None:
    lib.records.update("licence", city["food"], {"remark": "告知承诺制"})
    entry = lib.history.change_log(entity="licence", entity_id=city["food"]).rows[0]
    assert entry["action"] == "update" and entry["user"] == "测试员"
    assert "备注" in entry["summary"]
    assert json.loads(entry["before_json"])["remark"] is None
    assert json.loads(entry["after_json"])["remark"] == "告知承诺制"
    assert lib.records.update("licence", city["food"], {"remark": "告知承诺制"}) == {}  # no change, no entry
    assert lib.history.change_log(entity="licence", entity_id=city["food"]).total == 2


def test_delete_takes_children_and_undo_brings_everything_back(lib: Library, city: dict[str, int]) -> None:
    assert lib.records.delete_impact("power", city["power"]) == {"子项": 0, "赋权承接": 3}
    assert lib.records.delete_impact("licence", city["hezhun"]) == {"子项": 1}
    lib.records.delete("power", city["power"])
    with pytest.raises(NotFoundError):
        lib.records.get("power", city["power"])
    assert lib.lists.query("power", ListFilter(text="遮浪")).total == 0
    redo = lib.history.revert_operation(lib.history.last_operation())
    restored = lib.records.get("power", city["power"])
    assert sorted(d["region"] for d in restored["delegations"]) == ["东洲街道", "田墘街道", "遮浪街道"]
    assert lib.lists.query("power", ListFilter(text="遮浪")).total == 1
    lib.history.revert_operation(redo)  # redo the delete
    with pytest.raises(NotFoundError):
        lib.records.get("power", city["power"])


def test_undo_and_redo_an_edit(lib: Library, city: dict[str, int]) -> None:
    lib.records.update("licence", city["food"], {"name": "食品经营许可（仅销售预包装食品备案）", "level": "市级"})
    undo = lib.history.revert_operation(lib.history.last_operation())
    assert (lib.records.get("licence", city["food"])["name"], lib.records.get("licence", city["food"])["level"]) == \
        ("食品经营许可", "县级")
    lib.history.revert_operation(undo)
    assert lib.records.get("licence", city["food"])["level"] == "市级"


def test_a_department_in_use_cannot_be_deleted(lib: Library, city: dict[str, int]) -> None:
    with pytest.raises(LawGovError, match="下还有 1 项许可事项、1 项执法事项"):
        lib.records.delete("department", city["scj"])
    with pytest.raises(LawGovError, match="下级区划"):
        lib.records.delete("region", lib.records.find_region("红海湾经济开发试验区"))


def test_bulk_change_is_one_undoable_operation(lib: Library, city: dict[str, int]) -> None:
    ids = [city["food"], city["school"]]
    assert lib.records.bulk_update("licence", ids, {"status": "暂停"}) == 2
    operation = lib.history.last_operation()
    assert lib.history.change_log().rows[0]["operation"] == lib.history.change_log().rows[1]["operation"] == operation
    lib.history.revert_operation(operation)
    assert {lib.records.get("licence", i)["status"] for i in ids} == {"有效"}


def test_merge_departments_moves_records_and_can_be_undone(lib: Library, city: dict[str, int]) -> None:
    moved = lib.records.merge_departments(city["scj"], city["fgj"])
    assert moved == {"licence": 2, "power": 1}  # the main item and its sub-item
    keep = lib.records.get("department", city["scj"])
    assert set(keep["aliases"]) == {"市市场监管局", "汕尾市发展和改革局", "市发改局", "市发展改革局"}
    assert lib.records.find_department("市发改局") == city["scj"]
    assert lib.records.get("licence", city["hezhun"])["department_id"] == city["scj"]
    assert lib.lists.query("licence", ListFilter(text="发改")).total == 2  # both items now answer to 市发改局
    lib.history.revert_operation(lib.history.last_operation())
    assert lib.records.get("department", city["fgj"])["aliases"] == ["市发展改革局", "市发改局"]
    assert lib.records.get("department", city["scj"])["aliases"] == ["市市场监管局"]
    assert lib.records.get("licence", city["hezhun"])["department_id"] == city["fgj"]
    assert lib.records.get("power", city["power2"])["department_id"] == city["fgj"]


def test_revert_a_single_change_from_history(lib: Library, city: dict[str, int]) -> None:
    lib.records.update("department", city["hfjy"], {"aliases": ["海丰教育局"]})
    lib.records.update("licence", city["school"], {"remark": "新备注"})
    department_change = lib.history.change_log(entity="department", entity_id=city["hfjy"]).rows[0]
    lib.history.revert_change(department_change["id"])
    assert lib.records.get("department", city["hfjy"])["aliases"] == []
    assert lib.records.get("licence", city["school"])["remark"] == "新备注"  # the later change stays


def test_saved_filters_round_trip(lib: Library, city: dict[str, int]) -> None:
    flt = ListFilter(text="许可", department_ids=(city["scj"],), parts=("central",))
    lib.lists.save_filter("licence", "市场监管中央事项", flt)
    assert lib.lists.saved_filters("licence") == {"市场监管中央事项": flt}
    lib.lists.delete_saved_filter("licence", "市场监管中央事项")
    assert lib.lists.saved_filters("licence") == {}


def test_merge_moves_saved_version_rows_too_and_undo_puts_them_back(lib: Library, city: dict[str, int]) -> None:
    version = lib.versions.save_version("2022年版")
    lib.records.merge_departments(city["scj"], city["fgj"])
    in_version = lib.lists.query("licence", ListFilter(version_id=version, department_ids=(city["scj"],))).rows
    assert {row["name"] for row in in_version} == {"企业投资项目核准", "食品经营许可"}
    lib.history.revert_operation(lib.history.last_operation())
    in_version = lib.lists.query("licence", ListFilter(version_id=version, department_ids=(city["fgj"],))).rows
    assert [row["name"] for row in in_version] == ["企业投资项目核准"]


def test_ids_are_never_reused_so_an_old_delete_can_be_undone(lib: Library, city: dict[str, int]) -> None:
    lib.records.delete("power", city["power2"])  # the newest power, with its delegation
    deleted = lib.history.last_operation()
    newcomer = lib.records.create("power", {"name": "新事项", "department_id": city["fgj"]})
    assert newcomer > city["power2"]
    lib.records.create("delegation", {"power_id": newcomer, "region": "城区"})
    lib.history.revert_operation(deleted)
    restored = lib.records.get("power", city["power2"])
    assert restored["name"] == "对违法占用城市道路的处罚"
    assert [d["region"] for d in restored["delegations"]] == ["海丰县"]
    assert lib.records.get("power", newcomer)["delegations"][0]["region"] == "城区"
