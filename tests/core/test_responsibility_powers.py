"""Powers from a 权责清单: duties and accountability, extra columns, sub-items, through every operation."""

from __future__ import annotations

import json

import pytest

from lawgov_desktop.core.errors import NotFoundError, ValidationError
from lawgov_desktop.core.imports import ImportChanges
from lawgov_desktop.core.kinds import RESPONSIBILITY_DETAIL_KEYS
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.core.records import extra_to_json

DETAILS = {
    "handling_office": "执法监督科",
    "level": "市级",
    "level_scope": "负责本级审批",
    "duties": "1.受理责任\n2.审查责任",
    "responsibility": "依法受理申请",
    "responsibility_basis": "《中华人民共和国行政许可法》第三十条",
    "accountability_scope": "承办人员、审核人员",
    "accountability_cases": "对符合条件的申请不予受理的",
}
EXTRA = {"救助渠道": "12345 热线", "诉求渠道": "市政务服务中心"}


@pytest.fixture
def power(lib: Library, city: dict[str, int]) -> int:
    """A power of the 市市场监管局 with all eight fields and two columns the program does not know."""
    return lib.records.create("power", {"name": "河道采砂许可", "department": "市市场监管局", "power_type": "行政许可",
                                "code": "XK001", **DETAILS, "extra": EXTRA})


@pytest.fixture
def sub(lib: Library, power: int) -> int:
    return lib.records.create("power", {"name": "河道采砂许可（新办）", "parent_id": power, "duties": "现场核查"})


def _row(lib: Library, power_id: int) -> dict[str, object]:
    return dict(lib.store.conn.execute("SELECT * FROM power WHERE id = ?", (power_id,)).fetchone())


def test_the_eight_fields_and_extra_columns_are_stored_and_read(lib: Library, power: int) -> None:
    record = lib.records.get("power", power)
    assert {key: record[key] for key in RESPONSIBILITY_DETAIL_KEYS} == DETAILS
    assert record["extra"] == EXTRA and "extra_json" not in record
    assert list(json.loads(_row(lib, power)["extra_json"])) == ["救助渠道", "诉求渠道"]  # the file's order
    [row] = lib.lists.query("power", ListFilter(text="河道采砂许可")).rows
    assert row["duties"] == DETAILS["duties"] and row["extra"] == EXTRA


def test_values_are_trimmed_like_any_field_and_empty_extra_columns_go(lib: Library, power: int) -> None:
    lib.records.update("power", power, {"duties": " 1.受理责任 \r\n\r\n 2.审查　责任 ", "handling_office": "执法\n监督科",
                                "extra": {" 救助渠道 ": " 12345\n热线 ", "空列": "  ", "": "无表头"}})
    record = lib.records.get("power", power)
    assert record["duties"] == "1.受理责任\n2.审查 责任"  # line breaks kept in a long text
    assert record["handling_office"] == "执法 监督科"        # one line
    assert record["extra"] == {"救助渠道": "12345\n热线"}
    lib.records.update("power", power, {"extra": {}})
    assert lib.records.get("power", power)["extra"] == {} and _row(lib, power)["extra_json"] is None


def test_extra_columns_given_as_json_text_and_refused_when_not_an_object(lib: Library, power: int) -> None:
    lib.records.update("power", power, {"extra": '{"救助渠道": "热线"}'})
    assert lib.records.get("power", power)["extra"] == {"救助渠道": "热线"}
    for wrong in ('["热线"]', "不是 JSON"):
        with pytest.raises(ValidationError) as excinfo:
            lib.records.update("power", power, {"extra": wrong})
        assert "其他列" in excinfo.value.errors["extra_json"]
    with pytest.raises(ValidationError):
        lib.records.create("licence", {"name": "x", "department": "市发改局", "extra": EXTRA})  # powers only


def test_changes_are_logged_with_chinese_labels_and_undone(lib: Library, power: int) -> None:
    lib.records.update("power", power, {"accountability_cases": "超期办理的", "extra": {"救助渠道": "信访"}})
    entry = lib.history.change_log(entity="power", entity_id=power).rows[0]
    assert entry["summary"].endswith("：追责情形、其他列")
    lib.history.revert_operation(lib.history.last_operation())
    record = lib.records.get("power", power)
    assert record["accountability_cases"] == DETAILS["accountability_cases"] and record["extra"] == EXTRA


def test_a_sub_item_inherits_its_department_and_is_listed_under_its_main_item(
        lib: Library, city: dict[str, int], power: int, sub: int) -> None:
    record = lib.records.get("power", sub)
    assert record["department_id"] == city["scj"] and record["main_item"] == "河道采砂许可"
    assert [s["name"] for s in lib.records.get("power", power)["sub_items"]] == ["河道采砂许可（新办）"]
    listed = lib.lists.query("power", ListFilter(text="河道采砂"))
    assert [(r["name"], r["sub_item_count"]) for r in listed.rows] == [("河道采砂许可", 1)]
    everything = lib.lists.query("power", ListFilter(text="河道采砂", include_sub_items=True))
    assert sorted(r["name"] for r in everything.rows) == ["河道采砂许可", "河道采砂许可（新办）"]


def test_sub_items_are_validated_as_licence_sub_items_are(lib: Library, power: int, sub: int) -> None:
    cases = [
        ({"name": "x", "parent_id": 9999}, "parent_id", "所属主项不存在"),
        ({"name": "x", "parent_id": sub}, "parent_id", "不能挂在另一个子项下"),
        ({"name": "河道采砂许可（新办）", "parent_id": power}, "name", "该主项下已有同名子项"),
    ]
    for data, key, message in cases:
        with pytest.raises(ValidationError) as excinfo:
            lib.records.create("power", data)
        assert message in excinfo.value.errors[key]
    other = lib.records.create("power", {"name": "食品生产许可", "department": "市市场监管局"})
    with pytest.raises(ValidationError) as excinfo:
        lib.records.update("power", power, {"parent_id": other})
    assert "自己有子项" in excinfo.value.errors["parent_id"]
    # a sub-item may share its main item's name space and code: it is not another main item
    assert lib.records.create("power", {"name": "食品生产许可", "parent_id": power, "code": "XK001"})


def test_deleting_a_main_item_takes_its_sub_items_and_undo_brings_them_back(
        lib: Library, power: int, sub: int) -> None:
    lib.records.create("delegation", {"power_id": sub, "region": "田墘街道"})
    assert lib.records.delete_impact("power", power) == {"子项": 1, "赋权承接": 1}
    lib.records.delete("power", power)
    with pytest.raises(NotFoundError):
        lib.records.get("power", sub)
    assert lib.lists.query("power", ListFilter(text="新办", include_sub_items=True)).total == 0
    lib.history.revert_operation(lib.history.last_operation())
    restored = lib.records.get("power", sub)
    assert restored["main_item"] == "河道采砂许可" and restored["duties"] == "现场核查"
    assert [d["region"] for d in restored["delegations"]] == ["田墘街道"]
    assert [r["id"] for r in lib.lists.query("power", ListFilter(text="新办")).rows] == [power]


def test_search_finds_the_new_texts_extra_values_and_sub_items_but_never_across_fields(
        lib: Library, power: int, sub: int) -> None:
    def found(term: str) -> list[int]:
        return [row["id"] for row in lib.lists.query("power", ListFilter(text=term)).rows]

    for term in ("监督科", "本级审批", "审查责任", "第三十条", "审核人员", "不予受理", "12345", "政务服务", "新办"):
        assert found(term) == [power], term
    assert found("热线市政") == []            # two extra columns
    assert found("救助渠道") == []            # headers are not values
    assert found("监督科市级") == []          # two fields
    lib.records.update("power", power, {"extra": {"救助渠道": "信访"}})
    assert found("信访") == [power] and found("12345") == []
    lib.records.delete("power", sub)
    assert found("新办") == []


def test_a_version_copies_sub_items_under_their_copied_main_item(lib: Library, power: int, sub: int) -> None:
    version_id = lib.versions.save_version("2024年版")
    [copied] = lib.lists.query("power", ListFilter(version_id=version_id, text="河道采砂许可")).rows
    record = lib.records.get("power", copied["id"])
    assert record["id"] != power and record["extra"] == EXTRA and record["duties"] == DETAILS["duties"]
    [copied_sub] = record["sub_items"]
    assert copied_sub["name"] == "河道采砂许可（新办）" and copied_sub["version_id"] == version_id
    assert copied_sub["parent_id"] == record["id"]
    assert lib.records.get("power", sub)["parent_id"] == power  # the working list keeps its own


def _changes(**kwargs: object) -> ImportChanges:
    return ImportChanges(kind="power", file_name="权责清单.xlsx", file_sha256="0" * 64, sheet="行政许可",
                         **{"mode": "merge", **kwargs})


def test_an_import_inserts_powers_with_their_sub_items_fields_and_extra_columns(
        lib: Library, city: dict[str, int]) -> None:
    main = {"name": "采矿权审批", "department_id": city["scj"], "power_type": "行政许可", **DETAILS,
            "extra_json": extra_to_json(EXTRA), "source_json": "{}",
            "sub_items": [{"name": "新设采矿权审批", "duties": "受理"}, {"name": "采矿权延续登记", "code": "XK2"}],
            "delegations": [{"region_id": lib.records.find_region("田墘街道")}]}
    import_id = lib.imports.apply_import(_changes(inserts=[main, {"name": "采矿权转让审批", "department_name": "市自然资源局",
                                                          "sub_items": [{"name": "转让"}]}],
                                          new_departments=[{"name": "市自然资源局"}], inserted=2))
    rows = {row["name"]: row for row in lib.imports.rows_for_matching("power")}
    mine = rows["采矿权审批"]
    assert {key: mine[key] for key in RESPONSIBILITY_DETAIL_KEYS} == DETAILS
    assert json.loads(mine["extra_json"]) == EXTRA and mine["parent_id"] is None
    first, second = rows["新设采矿权审批"], rows["采矿权延续登记"]
    assert (first["parent_id"], second["parent_id"]) == (mine["id"], mine["id"])
    assert (first["id"], second["id"]) == (mine["id"] + 1, mine["id"] + 2)
    assert first["position"] < second["position"] < rows["采矿权转让审批"]["position"]
    assert first["department_id"] == second["department_id"] == city["scj"]
    assert (first["duties"], second["code"], first["import_id"]) == ("受理", "XK2", import_id)
    assert rows["转让"]["department_id"] == rows["采矿权转让审批"]["department_id"] == lib.records.find_department("市自然资源局")
    assert [d["region"] for d in lib.records.get("power", mine["id"])["delegations"]] == ["田墘街道"]
    assert [r["id"] for r in lib.lists.query("power", ListFilter(text="延续登记")).rows] == [mine["id"]]
    assert [r["id"] for r in lib.lists.query("power", ListFilter(text="救助")).rows] == []
    assert [r["id"] for r in lib.lists.query("power", ListFilter(text="12345")).rows] == [mine["id"]]

    lib.imports.undo_import(import_id)
    assert {row["name"] for row in lib.imports.rows_for_matching("power")} == {
        "对未取得食品经营许可从事食品经营活动的处罚", "对违法占用城市道路的处罚"}
    assert lib.lists.query("power", ListFilter(text="延续登记", include_sub_items=True)).total == 0


def test_an_import_adds_sub_items_to_an_existing_power_and_undo_takes_them_back(
        lib: Library, city: dict[str, int], power: int) -> None:
    import_id = lib.imports.apply_import(_changes(new_sub_items=[{"name": "河道采砂许可（变更）", "parent_id": power,
                                                         "accountability_cases": "未按规定核查"}], inserted=1))
    [sub] = lib.records.get("power", power)["sub_items"]
    assert sub["department_id"] == city["scj"] and sub["accountability_cases"] == "未按规定核查"
    assert [r["id"] for r in lib.lists.query("power", ListFilter(text="变更")).rows] == [power]  # parent reindexed
    lib.imports.undo_import(import_id)
    assert lib.records.get("power", power)["sub_items"] == []
    assert lib.lists.query("power", ListFilter(text="变更")).total == 0


def test_an_import_updates_the_new_columns_and_a_replace_deletes_main_and_sub_items(
        lib: Library, power: int, sub: int) -> None:
    changes = _changes(updates=[(power, {"duties": "新的职责", "extra_json": extra_to_json({"救助渠道": "信访"})}),
                                (sub, {"level": "县级"})], updated=2)
    import_id = lib.imports.apply_import(changes)
    assert lib.records.get("power", power)["duties"] == "新的职责" and lib.records.get("power", sub)["level"] == "县级"
    assert lib.records.get("power", power)["extra"] == {"救助渠道": "信访"}
    assert "部门职责、其他列" in lib.history.change_log(entity="power", entity_id=power).rows[0]["summary"]
    lib.imports.undo_import(import_id)
    assert lib.records.get("power", power)["extra"] == EXTRA and lib.records.get("power", sub)["level"] is None

    replace_id = lib.imports.apply_import(_changes(mode="replace", deletes=[power, sub]))
    with pytest.raises(NotFoundError):
        lib.records.get("power", sub)
    lib.imports.undo_import(replace_id)
    assert [s["id"] for s in lib.records.get("power", power)["sub_items"]] == [sub]


def test_a_replace_removing_a_power_with_all_its_delegations_is_applied_and_undone(
        lib: Library, city: dict[str, int]) -> None:
    delegations = [d["id"] for d in lib.records.delegations(city["power"])]
    import_id = lib.imports.apply_import(_changes(mode="replace", deletes=[city["power"]], delete_delegations=delegations))
    with pytest.raises(NotFoundError):
        lib.records.get("power", city["power"])
    lib.imports.undo_import(import_id)
    assert sorted(d["id"] for d in lib.records.delegations(city["power"])) == sorted(delegations)


def test_statistics_versions_and_departments_count_main_powers_only(lib: Library, city: dict[str, int],
                                                                    power: int, sub: int) -> None:
    figures = lib.stats.compute()["powers"]
    assert figures["total"] == 3 and figures["by_type"]["行政许可"] == 1
    assert figures["by_department"]["汕尾市市场监督管理局"] == 2
    [department] = [row for row in lib.lists.query("department").rows if row["id"] == city["scj"]]
    assert department["power_count"] == 2
    assert lib.versions.version(lib.versions.save_version("2024年版"))["powers"] == 3
    if lib.store.dialect.name == "sqlite":
        plan = lib.store.conn.execute("EXPLAIN QUERY PLAN SELECT power_type, department_id, count(*) FROM power"
                                      " WHERE version_id IS NULL AND parent_id IS NULL GROUP BY 1, 2").fetchall()
        assert "COVERING INDEX ix_power_stats" in " ".join(row[-1] for row in plan)
    else:  # the planner reads a test's tiny table whole; the index must be there for the big ones
        definition = lib.store.conn.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_power_stats'").fetchone()[0]
        assert "(version_id, parent_id, power_type, department_id)" in definition
