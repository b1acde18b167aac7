"""Columns as the clerk checks them (samples, guesses, a mapping by hand with extra fields),
remembered mappings, and unknown names created under the name the clerk types."""

from __future__ import annotations

from pathlib import Path

import pytest
from workbook_builders import write_xlsx

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.importers.columns import (
    column_letter,
    columns_named,
    field_for,
    mapping_of,
    read_columns,
    remember_mapping,
)
from lawgov_desktop.importers.plan import ImportOptions, import_file, plan_import
from lawgov_desktop.importers.readers import read_workbook
from lawgov_desktop.importers.shaping import header_signature, shape_sheet

HEADER = ["序号", "事项名称", "权力类型", "行使主体", "实施层级及权限", "实施层级及权限", "救助渠道", "备注"]


def responsibility_book(path: Path, department: str = "地州市民政局") -> Path:
    return write_xlsx(path, {"权责清单": ([
        ["克拉玛依市民政局权责清单"], HEADER,
        ["一、行政给付"],
        [1, "最低生活保障审批", "行政给付", department, "地州市级", "负责本级最低生活保障对象的审核确认", "乡镇受理", None],
        [2, "临时救助", "行政给付", department, "地州市级", "负责本级临时救助的审批", "转介", "按年度核定"],
        [3, "特困人员认定", "行政给付", department, "地州市级", "负责本级特困人员认定", "乡镇受理", None],
        [4, "对养老机构的监督检查", "行政检查", department, "县市区级", "负责辖区内养老机构的监督检查", None, None],
    ], ["A3:H3"])})


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    monkeypatch.setenv("LAWGOV_USER", "导入员")
    library = Library(tmp_path / "db.sqlite3")
    library.records.create("department", {"name": "克拉玛依市财政局"})
    yield library
    library.close()


def test_columns_show_their_first_values_and_what_they_become(tmp_path: Path) -> None:
    sheet = read_workbook(responsibility_book(tmp_path / "民政.xlsx")).sheets[0]
    kind, columns = read_columns(sheet, shape_sheet(sheet), None, None)
    assert kind == "responsibility"
    by_letter = {column.letter: column for column in columns}
    assert by_letter["A"].samples == ["1", "2", "3"]  # the part heading row is not a value
    assert (by_letter["E"].field, by_letter["E"].samples) == ("level", ["地州市级", "县市区级"])
    assert (by_letter["F"].field, by_letter["F"].samples[0]) == ("level_scope", "负责本级最低生活保障对象的审核确认")
    assert by_letter["G"].field == "extra:救助渠道" and by_letter["G"].samples == ["乡镇受理", "转介"]
    assert column_letter(0) == "A" and column_letter(27) == "AB"


def test_a_sheet_that_cannot_be_read_as_chosen_gets_guessed_fields(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", {"S": ([["序号", "责任单位", "事项名称"], [1, "市局", "排污许可"]], [])})
    kind, columns = read_columns(read_workbook(path).sheets[0], None, None, None)
    assert kind == "licence"
    assert [(column.header, column.field) for column in columns] == [
        ("序号", "sequence"), ("责任单位", ""), ("事项名称", "name")]


def test_a_mapping_by_hand_keeps_extra_fields_and_a_column_left_out(tmp_path: Path) -> None:
    sheet = read_workbook(responsibility_book(tmp_path / "民政.xlsx")).sheets[0]
    _kind, columns = read_columns(sheet, shape_sheet(sheet), None, None)
    for column in columns:
        column.field = {"H": "extra:备注", "F": ""}.get(column.letter, column.field)
    mapping = mapping_of(columns)
    assert mapping[4] == "level" and mapping[5] == "" and mapping["实施层级及权限"] == "level"
    shaped = shape_sheet(sheet, "responsibility", mapping)
    assert shaped.columns[6] == "extra:救助渠道" and shaped.columns[7] == "extra:备注"
    assert 5 not in shaped.columns  # left out, not read as the rest of 实施层级及权限
    relief = next(record for record in shaped.records if record.fields["name"] == "临时救助")
    assert relief.fields["extra"] == {"救助渠道": "转介", "备注": "按年度核定"}
    assert "level_scope" not in relief.fields


def test_columns_named_on_the_command_line(tmp_path: Path) -> None:
    sheet = read_workbook(responsibility_book(tmp_path / "民政.xlsx")).sheets[0]
    _kind, columns = read_columns(sheet, shape_sheet(sheet), None, None)
    assert [column.letter for column in columns_named(columns, "实施层级及权限")] == ["E", "F"]
    assert [column.letter for column in columns_named(columns, "f")] == ["F"]
    assert columns_named(columns, "无此列") == []
    assert field_for("responsibility", "行使主体", "X") == "department"
    assert field_for("responsibility", "extra", "救助渠道") == "extra:救助渠道"
    assert field_for("responsibility", " ", "备注") == ""
    assert field_for("licence", "extra", "备注") is None and field_for("licence", "penalty_range", "X") is None


def test_a_remembered_mapping_keeps_one_name_per_set_of_headers(lib: Library, tmp_path: Path) -> None:
    sheet = read_workbook(responsibility_book(tmp_path / "民政.xlsx")).sheets[0]
    kind, columns = read_columns(sheet, shape_sheet(sheet), None, None)
    signature = header_signature(sheet)
    lib.imports.save_mapping_template("自动保存：序号、事项名称、权力类型等", "licence", "另一种表头", {})
    name = remember_mapping(lib, kind, signature, columns)
    assert name == "自动保存：序号、事项名称、权力类型等（2）"  # the plain name belongs to other headers
    columns[-1].field = ""
    assert remember_mapping(lib, kind, signature, columns) == name
    [template] = lib.imports.mapping_templates(signature)
    assert template["mapping"]["备注"] == "" and template["kind"] == "responsibility"
    assert all(isinstance(key, str) for key in template["mapping"])


def test_unknown_names_created_under_the_names_the_clerk_typed(lib: Library, tmp_path: Path) -> None:
    first = responsibility_book(tmp_path / "民政.xlsx")
    renames = {("department", "地州市民政局"): "克拉玛依市民政局"}
    plan = plan_import(lib, first, ImportOptions(renames=renames, strict=True))
    [unknown] = plan.unresolved
    assert (unknown.name, unknown.proposal, len(unknown.rows)) == (
        "地州市民政局", "新建部门“克拉玛依市民政局”，“地州市民政局”记作其简称", 4)
    assert plan.changes.new_departments == [{"name": "克拉玛依市民政局", "level": None, "region_id": None,
                                             "aliases": ["地州市民政局"]}]
    assert not plan.changes.rejected  # the clerk's choice, also in strict mode

    result = import_file(lib, first, ImportOptions(renames=renames))
    created = lib.records.find_department("克拉玛依市民政局")
    assert created is not None and lib.records.find_department("地州市民政局") == created
    assert {row["department"] for row in lib.lists.query("power", ListFilter()).rows} == {"克拉玛依市民政局"}
    again = plan_import(lib, first)  # the next file writing it the same way is recognised
    assert not again.unresolved and again.changes.unchanged == 4
    lib.imports.undo_import(result.import_id)
    assert lib.records.find_department("克拉玛依市民政局") is None and lib.records.find_department("地州市民政局") is None


def test_two_names_typed_alike_make_one_record_and_an_existing_name_is_used(lib: Library, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "两个写法.xlsx", {"S": ([HEADER,
        [1, "最低生活保障审批", "行政给付", "地州市民政局", "地州市级", None, None, None],
        [2, "临时救助", "行政给付", "市民政局", "地州市级", None, None, None],
        [3, "会计检查", "行政检查", "地州市财政局", "地州市级", None, None, None],
    ], [])})
    renames = {("department", "地州市民政局"): "克拉玛依市民政局", ("department", "市民政局"): "克拉玛依市民政局",
               ("department", "地州市财政局"): "克拉玛依市财政局"}
    plan = plan_import(lib, path, ImportOptions(renames=renames))
    assert plan.changes.new_departments == [{"name": "克拉玛依市民政局", "level": None, "region_id": None,
                                             "aliases": ["地州市民政局", "市民政局"]}]
    assert {u.name: u.proposal for u in plan.unresolved} == {
        "地州市民政局": "新建部门“克拉玛依市民政局”，“地州市民政局”记作其简称",
        "市民政局": "新建部门“克拉玛依市民政局”，“市民政局”记作其简称"}
    finance = lib.records.find_department("克拉玛依市财政局")
    assert next(row for row in plan.changes.inserts if row["name"] == "会计检查")["department_id"] == finance
