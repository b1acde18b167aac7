"""Reading 权责清单 layouts: which rows make an item, a sub-item or the rest of the record above,
the type from the cell or the sheet, the department from 行使主体, 隶属机构 or the title — on
small sheets built here, one trait of the published files each (the real files are read in
test_real_responsibility_lists.py).  Also the licence-layout defects the same files exposed."""

from __future__ import annotations

import pytest

from lawgov_desktop.importers.readers import Sheet
from lawgov_desktop.importers.responsibilities import department_from_title, sheet_type, split_sub_items
from lawgov_desktop.importers.shaping import shape_sheet

HEADER = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "承办机构", "实施层级及权限", None,
          "部门职责", "责任事项内容", "责任事项依据", "追责对象范围", "追责情形", "备注"]
DEPT = "克拉玛依市住房和城乡建设局"


def row(seq, name, sub=None, kind="行政处罚", dept=DEPT, **more):  # noqa: ANN001, ANN201
    cells = [seq, name, sub, kind, more.get("basis", "《某法》第一条"), dept, more.get("office", "执法科"),
             "地州市级", more.get("scope"), more.get("duties", "职责"), more.get("duty", "责任"),
             more.get("duty_basis"), more.get("who"), more.get("cases"), more.get("remark")]
    return cells


def shaped(rows, name="Sheet1", merged=(), file_name="清单.xlsx", kind=None):  # noqa: ANN001, ANN201
    return shape_sheet(Sheet(name, [list(r) for r in rows], list(merged)), kind, file_name=file_name)


def summary(sheet):  # noqa: ANN001, ANN201
    return [(r.fields["name"], r.fields.get("power_type"), [s.fields["name"] for s in r.sub_items])
            for r in sheet.records]


@pytest.mark.parametrize(("cell", "entries"), [
    ("1.新设采矿权审批   2.采矿权延续登记  3.采矿权变更登记", ["新设采矿权审批", "采矿权延续登记", "采矿权变更登记"]),
    ("1.甲\n2.乙", ["甲", "乙"]),
    ("（1）甲；（2）乙", ["甲", "乙"]),
    ("3.甲 4.乙", ["甲", "乙"]),
])
def test_numbered_entries_in_one_cell_are_several_sub_items(cell, entries):  # noqa: ANN001
    assert split_sub_items(cell) == entries


@pytest.mark.parametrize(("cell", "entry"), [
    ("人力资源服务许可审批", "人力资源服务许可审批"),
    ("1.房地产估价机构资质核准", "房地产估价机构资质核准"),
    ("对5.5米以下船舶的检查", "对5.5米以下船舶的检查"),  # a decimal is no numbering
    ("2.建筑业企业资质审批", "建筑业企业资质审批"),
])
def test_one_entry_is_one_sub_item_without_its_number(cell, entry):  # noqa: ANN001
    assert split_sub_items(cell) == [entry]


@pytest.mark.parametrize("cell", ["无", " 无 "])
def test_none_written_in_the_cell_is_no_sub_item(cell):  # noqa: ANN001
    assert split_sub_items(cell) == []


@pytest.mark.parametrize(("text", "department"), [
    ("克拉玛依市住房和城乡建设局2024年权责清单.xls", "克拉玛依市住房和城乡建设局"),
    ("附件：克拉玛依市财政局2025年权责清单 (1).xlsx", "克拉玛依市财政局"),
    ("2024年市农业农村局权责清单.xls", "市农业农村局"),
    ("某某县人民政府办公室权力清单", "某某县人民政府办公室"),
    ("权责清单.xlsx", None),
])
def test_department_from_a_title_or_file_name(text, department):  # noqa: ANN001
    assert department_from_title(text) == department


def test_sheet_named_by_type_and_count():
    assert (sheet_type("行政征收（ 1 项）").power_type, sheet_type("行政征收（ 1 项）").stated_count) == ("行政征收", 1)
    assert sheet_type("其它行政权力").power_type == "其他行政权力"
    assert sheet_type("Sheet1").power_type is None


def test_detected_as_a_responsibility_list_without_being_told():
    sheet = shaped([["某局2024年权责清单"], HEADER, row(1, "对甲的处罚")])
    assert sheet.kind == "responsibility"
    assert sheet.records[0].fields["department"] == DEPT
    assert sheet.records[0].fields["handling_office"] == "执法科"


def test_numbered_items_sub_item_rows_continuation_rows_and_footnotes():
    sheet = shaped([HEADER,
                    row(1, "建设类企业资质审核审批", "1.房地产估价机构资质核准", "行政许可"),
                    row(None, "建设类企业资质审核审批", "2.建筑业企业资质审批", "行政许可"),
                    row(None, None, "3.城市新建燃气企业审批", "行政许可"),
                    row("2,3", "农业植物检疫证书核发", None, "行政许可"),
                    [None, None, None, None, None, None, None, None, None, None, "续：第二部分责任"],
                    row(4, "对乙的处罚", "无"),
                    row(None, "对丙的处罚", None),
                    ["注：本清单所列事项依据截至2024年6月。"]])
    assert summary(sheet) == [
        ("建设类企业资质审核审批", "行政许可", ["房地产估价机构资质核准", "建筑业企业资质审批", "城市新建燃气企业审批"]),
        ("农业植物检疫证书核发", "行政许可", []),
        ("对乙的处罚", "行政处罚", []),
        ("对丙的处罚", "行政处罚", []),
    ]
    assert sheet.records[1].fields["responsibility"] == "责任\n续：第二部分责任"


def test_a_record_merged_down_over_rows_holding_parts_of_its_duties_is_one_record():
    rows = [HEADER,
            row(1, "对丁的处罚", duty="直接实施责任：1.制定标准"),
            [None, None, None, None, None, None, None, None, None, None, "2.依法实施"],
            [None, None, None, None, None, None, None, None, None, None, "指导监督责任：3.指导下级"],
            row(2, "对戊的处罚")]
    merged = [(1, 0, 3, 0), (1, 1, 3, 1), (1, 3, 3, 3)]
    sheet = shaped(rows, merged=merged)
    assert summary(sheet) == [("对丁的处罚", "行政处罚", []), ("对戊的处罚", "行政处罚", [])]
    assert sheet.records[0].fields["responsibility"] == "直接实施责任：1.制定标准\n2.依法实施\n指导监督责任：3.指导下级"


def test_sheet_per_type_blank_type_stated_count_and_unknown_type():
    rows = [HEADER, row(1, "甲许可", kind=None), row(2, "乙许可", kind=None), row(3, "丙事项", kind="行政备案")]
    sheet = shaped(rows, name="行政许可（2项）")
    assert [r.fields["power_type"] for r in sheet.records] == ["行政许可", "行政许可", "行政备案"]
    assert any("名称写明2项，实际读到3项" in w for w in sheet.warnings)
    assert any("行政备案" in w and "十类标准类型" in w for w in sheet.warnings)


def test_types_are_compared_without_whitespace_and_other_spellings():
    sheet = shaped([HEADER, row(1, "甲", kind="行政\n处罚"), row(2, "乙", kind="其它"), row(3, "丙", kind=" 其他 行政权力")])
    assert [r.fields["power_type"] for r in sheet.records] == ["行政处罚", "其他行政权力", "其他行政权力"]


def test_department_from_the_title_when_the_column_is_blank_and_from_affiliation():
    header = ["序号", "事项名称", "权力类型", "隶属机构", "实施依据"]
    sheet = shaped([["  克拉玛依市档案局2024年权责清单  "], header, ["1", "对某事的检查", "行政检查", None, "《档案法》"]])
    assert sheet.records[0].fields["department"] == "克拉玛依市档案局"
    sheet = shaped([header, ["1", "对某事的检查", "行政检查", "克拉玛依市某某中心", "《档案法》"]], file_name="x.xlsx")
    assert sheet.records[0].fields["department"] == "克拉玛依市某某中心"


def test_level_written_over_two_columns_and_unknown_columns_kept_and_a_headerless_column_ignored():
    header = HEADER[:8] + ["实施层级及权限"] + HEADER[9:] + ["救助渠道", None, None]
    cells = row(1, "对甲的处罚", scope="负责本级查处") + ["12345热线", None, "行政许可"]
    record = shaped([header, cells]).records[0]
    assert (record.fields["level"], record.fields["level_scope"]) == ("地州市级", "负责本级查处")
    assert record.fields["extra"] == {"救助渠道": "12345热线"}
    blank_second = shaped([HEADER, row(1, "对甲的处罚", scope="负责本级查处")]).records[0]
    assert blank_second.fields["level_scope"] == "负责本级查处"


def test_title_repeated_across_every_cell_and_a_wide_sheet():
    title = ["  住房和城乡建设系统权责清单  "] * 15
    wide = [cell for cell in row(1, "对甲的处罚")] + [None] * 239
    sheet = shaped([title, HEADER + [None] * 239, wide])
    assert summary(sheet) == [("对甲的处罚", "行政处罚", [])]


def test_kind_items_takes_the_licence_items_with_their_sub_items():
    rows = [HEADER, row(1, "甲许可", "1.新办  2.变更", "行政许可", basis="《甲法》"), row(2, "对乙的处罚")]
    sheet = shaped(rows, kind="licence")
    assert sheet.kind == "licence"
    assert [(r.fields["name"], r.fields["department"], r.fields["implementing_authority"], r.fields["legal_basis"],
             [s.fields["sub_item"] for s in r.sub_items]) for r in sheet.records] == [
        ("甲许可", DEPT, DEPT, "《甲法》", ["新办", "变更"])]


# --- the licence layout: defects the published files showed when forced in by hand -------------

LICENCE_HEADER = ["序号", "主管部门", "事项名称", "子项名称", "设定和实施依据"]


def test_licence_sub_item_none_is_no_sub_item():
    sheet = shaped([LICENCE_HEADER, ["1", "市人防办", "拆除人民防空工程的审批", "无", "《人民防空法》"]])
    assert [(r.fields["name"], r.sub_items) for r in sheet.records] == [("拆除人民防空工程的审批", [])]


def test_licence_rows_merged_in_pairs_give_each_sub_item_once_and_keep_the_legal_basis():
    rows = [LICENCE_HEADER,
            ["1", "市人防办", "应建防空地下室的民用建筑项目报建审批", "1.同步建设审批", "《人民防空法》第二十二条"],
            [],
            [None, None, None, "2.易地建设审批", "《人民防空法》第二十二条"],
            [],
            ["2", "市人防办", "人民防空警报设施拆除审批", None, "《人民防空法》第二十七条"]]
    merged = [(1, 0, 4, 0), (1, 1, 4, 1), (1, 2, 4, 2), (1, 3, 2, 3), (3, 3, 4, 3), (1, 4, 2, 4), (3, 4, 4, 4)]
    records = shaped(rows, merged=merged).records
    assert [(r.fields["name"], [s.fields["sub_item"] for s in r.sub_items]) for r in records] == [
        ("应建防空地下室的民用建筑项目报建审批", ["同步建设审批", "易地建设审批"]),
        ("人民防空警报设施拆除审批", [])]
    assert records[0].fields["legal_basis"] == "《人民防空法》第二十二条"


def test_licence_cell_with_several_numbered_sub_items():
    sheet = shaped([LICENCE_HEADER, ["1", "市自然资源局", "开采矿产资源审批", "1.新设采矿权审批  2.采矿权延续登记", "《矿产资源法》"]])
    assert [s.fields["sub_item"] for s in sheet.records[0].sub_items] == ["新设采矿权审批", "采矿权延续登记"]


def test_one_big_sheet_divided_by_type_headings_with_counts():
    header = ["序号", "事项名称", "权力类型", "行使主体"]
    rows = [header, ["一、行政许可（共2项）"], [1, "甲许可", None, DEPT], [2, "乙许可", None, DEPT],
            ["二、行政处罚类（共3项）"], [1, "对丙的处罚", None, DEPT], [2, "对丁的处罚", "行政处罚", DEPT]]
    sheet = shaped(rows)
    assert [(r.fields["name"], r.fields["power_type"]) for r in sheet.records] == [
        ("甲许可", "行政许可"), ("乙许可", "行政许可"), ("对丙的处罚", "行政处罚"), ("对丁的处罚", "行政处罚")]
    assert any("第5行写明行政处罚共3项，实际读到2项" in w for w in sheet.warnings)
    assert not any("行政许可共2项" in w for w in sheet.warnings)
