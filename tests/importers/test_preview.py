"""The import looked at before it is made, without Qt: sheets and what became of each, the kind and
columns, the plan's counts, a template offered for the same headers, rejected rows' cells, cancel —
on a county's workbook made here and on the 权责清单 that 克拉玛依市 departments published."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from test_real_responsibility_lists import EXPECTED, REAL
from workbook_builders import write_xlsx

from lawgov_desktop.core.errors import Cancelled, ImportFileError
from lawgov_desktop.core.fields import LICENCE, POWER, RESPONSIBILITY
from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.plan import ImportOptions, apply_plan
from lawgov_desktop.importers.preview import (
    ImportSession,
    SheetUse,
    list_name,
    preview_import,
    rejected_cells,
    template_mapping,
)

HEADER = ["序号", "主管部门", "事项名称", "子项", "办理机构", "设定和实施依据", "备注"]


def county_licences(path: Path) -> Path:
    """Title rows, the department merged down, a main item over its sub-items, a bad row (no name),
    a sheet of notes and an empty sheet."""
    rows = [
        ["城区行政许可事项清单"],
        HEADER,
        ["1", "市发展和改革局", "企业投资项目核准", None, "城区发改局", "《企业投资项目核准和备案管理条例》"],
        ["2", None, "固定资产投资项目节能审查", None, "城区发改局", "《中华人民共和国行政许可法》"],
        ["3", "市教育局", "民办学校设立审批", "筹设", "城区教育局", "《中华人民共和国民办教育促进法》"],
        [None, None, None, "正式设立", "城区教育局", "《中华人民共和国民办教育促进法》"],
        ["4", "市生态环境局", None, None, "城区环保"],
    ]
    return write_xlsx(path, {"许可清单": (rows, ["A1:G1", "B3:B4", "B5:B6", "C5:C6"]),
                             "填表说明": ([["请按模板填写，不要改动表头。"]], []),
                             "空表": ([], [])})


@pytest.fixture
def library(tmp_path: Path):  # noqa: ANN201
    with Library(tmp_path / "lawgov.sqlite3", user="测试员") as lib:
        yield lib


def imports_made(library: Library) -> int:
    return library.store.conn.execute("SELECT count(*) FROM import_record").fetchone()[0]


def test_a_county_workbook_its_sheets_columns_and_counts(library: Library, tmp_path: Path) -> None:
    preview = preview_import(library, county_licences(tmp_path / "城区.xlsx"), ImportOptions())
    assert preview.problem is None and preview.error == ""
    read, notes, empty = preview.sheets
    assert (read.name, read.use, read.header_text, read.items, read.sub_items) == ("许可清单", SheetUse.READ, "2", 3, 2)
    assert notes.use is SheetUse.UNREADABLE and notes.reason
    assert empty.use is SheetUse.EMPTY and not empty.used
    assert preview.kind == LICENCE and preview.column_sheet == "许可清单"
    fields = {column.header: column.field for column in preview.columns}
    assert fields["主管部门"] == "department" and fields["事项名称"] == "name" and fields["子项"] == "sub_item"
    assert fields["办理机构"] == ""  # not a header the importer knows: the clerk maps it
    assert preview.plan is not None
    changes = preview.plan.changes
    assert (changes.inserted, changes.sub_items["new"], len(changes.rejected)) == (5, 2, 1)
    assert changes.rejected[0]["row"] == 7 and "事项名称" in changes.rejected[0]["reason"]
    assert imports_made(library) == 0


def test_a_chosen_sheet_leaves_the_others_out(library: Library, tmp_path: Path) -> None:
    preview = preview_import(library, county_licences(tmp_path / "城区.xlsx"), ImportOptions(sheet="许可清单"))
    assert [sheet.use for sheet in preview.sheets] == [SheetUse.READ, SheetUse.OTHER_SHEET_CHOSEN, SheetUse.EMPTY]


def test_a_missing_required_column_keeps_the_columns_for_the_clerk_to_map(library: Library, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "县区.xlsx", {"Sheet": ([["序号", "责任单位", "事项名称"], [1, "市发改局", "企业投资项目核准"]], [])})
    preview = preview_import(library, path, ImportOptions(kind=LICENCE))
    assert preview.plan is None and "缺少必需的列：主管部门" in preview.error
    assert preview.sheets[0].use is SheetUse.UNREADABLE and "主管部门" in preview.sheets[0].reason
    assert [column.header for column in preview.columns] == ["序号", "责任单位", "事项名称"]
    mapped = ImportOptions(kind=LICENCE, mapping={"序号": "sequence", "责任单位": "department", "事项名称": "name"})
    assert preview_import(library, path, mapped).plan is not None


def test_a_sheet_of_another_kind_is_said_to_be_one(library: Library, tmp_path: Path) -> None:
    licences = [HEADER, ["1", "市发展和改革局", "企业投资项目核准"]]
    powers = [["序号", "事项编码", "事项名称", "职权类型", "原实施主体", "承接主体"],
              [1, "P009", "对擅自设置户外广告的处罚", "行政处罚", "市市场监管局", "田墘街道"]]
    path = write_xlsx(tmp_path / "两种.xlsx", {"许可": (licences, []), "赋权": (powers, [])})
    second = preview_import(library, path, ImportOptions()).sheets[1]
    assert second.use is SheetUse.OTHER_KIND and second.other_kind == POWER
    assert list_name(LICENCE) == "行政许可事项清单" and list_name(RESPONSIBILITY) == "权责清单"


def test_a_template_saved_for_the_same_headers_is_offered_for_a_new_file(library: Library, tmp_path: Path) -> None:
    path = county_licences(tmp_path / "城区.xlsx")
    first = preview_import(library, path, ImportOptions())
    assert first.signature and first.template is None
    library.imports.save_mapping_template("城区", LICENCE, first.signature,
                                  {"主管部门": "department", "事项名称": "name", "子项": "sub_item",
                                   "办理机构": "implementing_authority"})
    options = ImportOptions()
    again = preview_import(library, path, options, offer_template=True)
    assert again.template == "城区" == options.mapping_name
    assert {column.header: column.field for column in again.columns}["办理机构"] == "implementing_authority"
    assert preview_import(library, path, ImportOptions()).template is None  # offered only when asked


def test_rejected_rows_keep_their_cells_with_merged_cells_filled_in(library: Library, tmp_path: Path) -> None:
    path = county_licences(tmp_path / "城区.xlsx")
    plan = preview_import(library, path, ImportOptions()).plan
    assert plan is not None
    result = apply_plan(library, plan)
    moved = path.rename(tmp_path / "elsewhere.xlsx")  # the library kept a copy of the imported file
    sheets = rejected_cells(library, plan, result.rejected, path)
    assert [(sheet.sheet, sheet.header_rows) for sheet in sheets] == [("许可清单", [HEADER])]
    row, cells, reason = sheets[0].rows[0]
    assert row == 7 and cells[:2] == ["4", "市生态环境局"] and "事项名称" in reason
    assert moved.is_file()


def test_a_cancelled_task_stops_the_reading(library: Library, tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        preview_import(library, county_licences(tmp_path / "城区.xlsx"), ImportOptions(),
                       SimpleNamespace(report=lambda *_: None, cancelled=True))


def test_a_file_that_cannot_be_read_raises(library: Library, tmp_path: Path) -> None:
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ImportFileError, match="坏.xlsx"):
        preview_import(library, broken, ImportOptions())


def test_a_session_keeps_the_choices_and_resets_what_each_choice_makes_stale(library: Library,
                                                                             tmp_path: Path) -> None:
    draft = ImportSession(county_licences(tmp_path / "城区.xlsx"))
    draft.take(preview_import(library, draft.path, draft.choices()))
    assert draft.preview is not None
    by_hand = [dataclasses.replace(column, field="implementing_authority") if column.header == "办理机构" else column
               for column in draft.preview.columns]
    draft.map_columns(by_hand)  # a mapping made by hand pins the kind its fields belong to
    assert draft.options.kind == LICENCE and draft.options.mapping["办理机构"] == "implementing_authority"
    remembered = draft.mapping_to_remember(by_hand)
    assert remembered is not None and remembered[:2] == (LICENCE, draft.preview.signature)
    assert template_mapping(by_hand)["办理机构"] == "implementing_authority"
    assert all(isinstance(header, str) for header in template_mapping(by_hand))
    draft.choose_kind(POWER)  # another kind has other fields: detected afresh
    assert (draft.options.kind, draft.options.mapping, draft.options.mapping_name) == (POWER, None, None)
    assert draft.mapping_to_remember(by_hand) is None
    draft.choose_template("城区")
    assert (draft.options.mapping_name, draft.options.kind) == ("城区", POWER)
    draft.choose_template(None)  # no template: the kind is detected again
    assert draft.options.kind is None
    draft.choose_sheet("许可清单")
    copy = draft.choices()
    copy.resolutions[("department", "x")] = 1
    assert copy.sheet == "许可清单" and draft.options.resolutions == {}  # a background reading's own copy


def test_unknown_names_stay_listed_once_settled(library: Library, tmp_path: Path) -> None:
    draft = ImportSession(county_licences(tmp_path / "城区.xlsx"))
    draft.take(preview_import(library, draft.path, draft.choices()))
    names = {(name.kind, name.name) for name in draft.names_to_settle()}
    assert ("department", "市教育局") in names
    draft.create_as("department", "市教育局", "汕尾市教育局")
    draft.take(preview_import(library, draft.path, draft.choices()))
    assert draft.options.renames == {("department", "市教育局"): "汕尾市教育局"}
    assert ("department", "市教育局") in {(name.kind, name.name) for name in draft.names_to_settle()}
    bureau = library.records.create("department", {"name": "汕尾市城区教育局"})
    draft.settle("department", "市教育局", bureau)
    assert draft.options.resolutions == {("department", "市教育局"): bureau} and draft.options.renames == {}
    draft.settle("department", "市教育局", None)
    assert draft.options.resolutions == {}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_published_list_previews_with_the_hand_counted_figures(library: Library, tmp_path: Path,
                                                                   name: str) -> None:
    powers, sub_items, _licences, _licence_subs, _by_type = EXPECTED[name]
    path = shutil.copyfile(REAL / name, tmp_path / name)
    preview = preview_import(library, path, ImportOptions())
    assert preview.problem is None and preview.kind == RESPONSIBILITY
    read = [sheet for sheet in preview.sheets if sheet.used]
    assert (sum(sheet.items for sheet in read), sum(sheet.sub_items for sheet in read)) == (powers, sub_items)
    assert preview.plan is not None
    changes = preview.plan.changes
    assert (changes.inserted, changes.sub_items["new"], changes.rejected) == (powers + sub_items, sub_items, [])
    assert imports_made(library) == 0
