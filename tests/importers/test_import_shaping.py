"""Messy licence and power lists in every format come out as the right records, field by field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from messy_lists import (
    LICENCE_MERGES,
    LICENCE_ROWS,
    POWER2_ROWS,
    POWER3_ROWS,
    POWER_BATCH_COLUMN_ROWS,
    POWER_MERGES,
    POWER_ROWS,
)
from workbook_builders import write_csv, write_ods, write_xls, write_xlsx

from lawgov_desktop.core.errors import ImportFileError
from lawgov_desktop.importers.readers import Sheet, read_workbook
from lawgov_desktop.importers.shaping import header_signature, shape_sheet

OCT_1 = dt.date(2022, 10, 1)
DOC = "汕府函〔2022〕39号"
WRITERS = {"xlsx": write_xlsx, "xls": write_xls, "ods": write_ods}


def _sheets(tmp_path: Path, fmt: str) -> dict[str, Sheet]:
    path = WRITERS[fmt](tmp_path / f"清单.{fmt}", {
        "许可清单": (LICENCE_ROWS, LICENCE_MERGES),
        "第一批": (POWER_ROWS, POWER_MERGES),
        "第二批": (POWER2_ROWS, []),
        "Sheet3": (POWER3_ROWS, []),
        "批次列": (POWER_BATCH_COLUMN_ROWS, []),
    })
    return {sheet.name: sheet for sheet in read_workbook(path).sheets}


@pytest.fixture(scope="module", params=sorted(WRITERS))
def sheets(request, tmp_path_factory) -> dict[str, Sheet]:
    return _sheets(tmp_path_factory.mktemp(request.param), request.param)


def test_licence_header_band_and_columns(sheets):
    shaped = shape_sheet(sheets["许可清单"])
    assert shaped.kind == "licence"
    assert (shaped.header_row_index, shaped.header_rows) == (3, 2)
    assert shaped.columns == {0: "sequence", 1: "department", 2: "name", 3: "sub_item",
                              4: "implementing_authority", 5: "legal_basis", 6: "level", 7: "code",
                              8: "remark"}
    assert shaped.headers[1] == "主管部门"
    assert shaped.headers[2] == "行政许可事项/主项名称"
    assert shaped.unmapped_headers == []
    assert shaped.confidence == 1.0
    assert shaped.title == "汕尾市行政许可事项清单（2022年版）（共4项）"
    assert shaped.stated_total == 4
    assert shaped.rejected == []


def test_licence_records_field_by_field(sheets):
    records = shape_sheet(sheets["许可清单"]).records
    assert [r.row_number for r in records] == [7, 9, 10, 13]

    fire = records[0]
    assert fire.fields == {
        "sequence": "1", "department": "市住房城乡建设局", "name": "建设工程消防验收",
        "implementing_authority": "市住房城乡建设局", "legal_basis": "《中华人民共和国消防法》第十三条",
        "part": "central",
    }
    assert [s.row_number for s in fire.sub_items] == [7, 8]
    first, second = fire.sub_items
    assert first.fields["sub_item"] == "特殊建设工程消防验收"
    assert first.fields["level"] == "市级"
    assert first.fields["code"] == "11441500MB2C9Q1234"
    assert "remark" not in first.fields
    assert second.fields["sub_item"] == "其他建设工程消防验收备案抽查"
    assert second.fields["name"] == "建设工程消防验收"  # main item merged down
    assert second.fields["department"] == "市住房城乡建设局"
    assert second.fields["sequence"] == "1"
    assert second.fields["level"] == "县级"
    assert second.fields["remark"] == "按规定抽查"

    permit = records[1]
    assert permit.sub_items == []
    assert permit.fields["department"] == "市住房城乡建设局"  # department merged over 3 rows
    assert permit.fields["name"] == "建筑工程施工许可"
    assert permit.fields["sequence"] == "2"
    # Stored as a number: the digits Excel kept, never "1.23E+17" nor ".0".
    assert permit.fields["code"].isdigit() and len(permit.fields["code"]) == 18
    assert permit.fields["code"].startswith("1234567890123456")

    food = records[2]
    assert food.fields == {
        "sequence": "3", "department": "市市场监管局", "name": "食品经营许可*",
        "implementing_authority": "市市场监管局（县级市场监管局）",
        "legal_basis": "《中华人民共和国食品安全法》第三十五条\n《食品经营许可管理办法》第二条\n《广东省食品安全条例》",
        "level": "分级管理", "code": "0012300", "part": "central",
    }
    assert food.original["legal_basis"].startswith("《中华人民共和国食品安全法》第三十五条\n")

    port = records[3]
    assert port.fields["part"] == "local"
    assert port.fields["department"] == "市交通运输局"
    assert port.original["department"] == "市交通运输局 \u3000"
    assert port.fields["name"] == "港口经营许可（含 危险货物）"
    assert port.fields["code"] == "440000012"
    assert port.fields["sequence"] == "4"


def test_licence_warnings_name_sheet_and_row(sheets):
    warnings = shape_sheet(sheets["许可清单"]).warnings
    assert "工作表“许可清单”第12行“二、地方性法规、省政府规章设定的行政许可事项（共2项）”写明共2项，实际读到1项" in warnings
    assert not any("（共3项）" in w for w in warnings)  # the first part's count is right
    assert not any("标题写明" in w for w in warnings)  # so is the grand total
    assert any(w.startswith("工作表“许可清单”第9行“事项编码”：") and "15位" in w for w in warnings)
    assert len(warnings) == 2


def test_power_batch_one_field_by_field(sheets):
    shaped = shape_sheet(sheets["第一批"])
    assert shaped.kind == "power"
    assert shaped.batch == "第一批"
    assert (shaped.header_row_index, shaped.header_rows) == (2, 3)
    assert shaped.columns == {0: "sequence", 1: "code", 2: "name", 3: "power_type", 4: "domain",
                              5: "department", 6: "receiving", 7: "mode", 8: "effective_date",
                              9: "document_number"}
    assert shaped.headers[3] == "赋权事项/分类/职权类型"
    records = shaped.records
    assert [r.row_number for r in records] == [6, 7, 8, 9, 10, 11]
    assert [r.fields["sequence"] for r in records] == ["1", "2", "3", "4", "5", "6"]
    assert [r.fields.get("code") for r in records][1:] == ["0012345", "12345", "44-0004", "44-0005", "44-0006"]
    assert records[0].fields["code"].startswith("44000000000000012")
    assert [r.fields["department"] for r in records] == (
        ["城区城市管理和综合执法局"] * 3 + ["海丰县自然资源局"] * 2 + ["海丰县林业局"])
    assert [r.fields["receiving"] for r in records] == [
        ["田墘街道", "东洲街道", "遮浪街道"],
        ["田墘街道", "东洲街道"],
        ["红海湾经济开发试验区田墘街道", "城区捷胜镇"],
        ["田墘街道", "东洲街道"],
        ["田墘街道", "东洲街道", "遮浪街道"],
        ["田墘街道", "东洲街道"],
    ]
    assert [r.fields.get("effective_date") for r in records] == [OCT_1] * 5 + [None]
    assert [r.fields["document_number"] for r in records] == [DOC] * 6
    assert [r.original["document_number"] for r in records] == [
        "汕府函（2022）39号", "汕府函[2022]39号", "汕府函【2022】39号", "汕府函(2022)39号",
        "汕府函［2022］39号", DOC]
    assert [r.fields["mode"] for r in records] == ["依法下放", "委托实施"] + ["依法下放"] * 4
    assert [r.fields["power_type"] for r in records] == [
        "行政处罚", "行政处罚", "行政检查", "行政强制", "行政处罚", "行政处罚"]
    assert records[4].fields["domain"] == "自然资源"
    assert all(r.fields["batch"] == "第一批" for r in records)
    assert records[0].fields["name"] == "对擅自占用城市道路的处罚"
    assert records[1].original["receiving"] == "田墘街道，东洲街道"


def test_power_warnings(sheets):
    warnings = shape_sheet(sheets["第一批"]).warnings
    assert "工作表“第一批”第10行“生效时间”：日期“2022年10月”只写到月份，按当月1日处理" in warnings
    assert "工作表“第一批”第11行“生效时间”：无法识别的日期“不详”" in warnings
    assert any(w.startswith("工作表“第一批”第6行“事项编码”") for w in warnings)
    assert len(warnings) == 3


def test_batch_from_sheet_name_title_and_column(sheets):
    second = shape_sheet(sheets["第二批"])
    assert second.batch == "第二批"
    assert [r.fields for r in second.records] == [{
        "code": "44-1001", "name": "对违规排放污水的处罚", "power_type": "行政处罚",
        "department": "城区生态环境局", "receiving": ["东洲街道"], "batch": "第二批"}]
    third = shape_sheet(sheets["Sheet3"])
    assert third.batch == "第三批"
    assert third.title == "汕尾市第三批镇街赋权事项目录"
    assert [r.fields["batch"] for r in third.records] == ["第三批"]
    column = shape_sheet(sheets["批次列"])
    assert column.batch is None
    assert [(r.fields["batch"], r.fields["change_kind"], r.fields["receiving"]) for r in column.records] == [
        ("第二批", "新增", ["田墘街道"]), ("第一批", "收回", ["东洲街道"])]
    assert column.records[0].original["batch"] == "第2批"


def test_kind_detection_prefers_a_kind_whose_required_columns_exist_and_can_be_overridden():
    ambiguous = _sheet([["事项名称", "实施单位", "备注"], ["对违规经营的处罚", "城区市场监管局", None]])
    shaped = shape_sheet(ambiguous)  # 实施单位 is a licence's authority or a power's department
    assert shaped.kind == "power"
    assert shaped.columns == {0: "name", 1: "department", 2: "remark"}
    assert shaped.confidence == 1.0
    with pytest.raises(ImportFileError, match="缺少必需的列：主管部门"):
        shape_sheet(ambiguous, kind="licence")
    licence = _sheet([["事项名称", "实施单位", "主管部门"], ["食品经营许可", "市市场监管局", "市市场监管局"]])
    assert shape_sheet(licence).kind == "licence"
    as_power = shape_sheet(licence, kind="power")
    assert as_power.columns == {0: "name", 1: "department"}
    assert as_power.unmapped_headers == ["主管部门"]
    assert as_power.confidence == 0.4  # 2 of 3 headers understood, and licence explains them better


def test_header_signature_is_the_detected_header_texts(sheets):
    assert header_signature(sheets["第一批"]) == (
        "序号|赋权事项/事项编码|赋权事项/事项名称|赋权事项/分类/职权类型|赋权事项/分类/执法领域|"
        "原实施主体|承接主体|赋权方式|生效时间|文号")
    assert header_signature(sheets["第二批"]) == "事项编码|事项名称|职权类型|原实施主体|承接主体"


# ---------------------------------------------------------------- CSV in the encodings counties use

CSV_ROWS = [
    ["附件3"],
    ["汕尾市第二批镇街赋权事项目录"],
    ["序号", "事项编码", "事项名称", "原实施主体", "承接主体", "生效时间", "文号"],
    ["1", "440000000000000123", "对擅自占用城市道路的处罚", "城区城市管理和综合执法局",
     "田墘街道、东洲街道", "2022年10月1日", "汕府函（2022）39号"],
    ["2", "0012345", "对违规设置户外广告的处罚", "城区城市管理和综合执法局", "遮浪街道",
     "2022-10-01", "汕府函[2022]39号"],
    ["3", "4.4E+17", "对噪声扰民的处罚", "城区公安局", "东洲街道", "", ""],
]


@pytest.mark.parametrize(("encoding", "delimiter"), [
    ("gbk", ","), ("gb18030", "\t"), ("utf-8-sig", ","), ("utf-8", ";"), ("utf-16", "\t")])
def test_csv_encodings_and_delimiters(tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "第二批 赋权事项.csv", CSV_ROWS, encoding=encoding, delimiter=delimiter)
    workbook = read_workbook(path)
    assert [s.name for s in workbook.sheets] == ["第二批 赋权事项"]
    shaped = shape_sheet(workbook.sheets[0])
    assert shaped.kind == "power"
    assert shaped.batch == "第二批"
    assert [r.fields for r in shaped.records] == [
        {"sequence": "1", "code": "440000000000000123", "name": "对擅自占用城市道路的处罚",
         "department": "城区城市管理和综合执法局", "receiving": ["田墘街道", "东洲街道"],
         "effective_date": OCT_1, "document_number": DOC, "batch": "第二批"},
        {"sequence": "2", "code": "0012345", "name": "对违规设置户外广告的处罚",
         "department": "城区城市管理和综合执法局", "receiving": ["遮浪街道"],
         "effective_date": OCT_1, "document_number": DOC, "batch": "第二批"},
        {"sequence": "3", "code": "440000000000000000", "name": "对噪声扰民的处罚",
         "department": "城区公安局", "receiving": ["东洲街道"], "batch": "第二批"},
    ]
    assert any("第6行“事项编码”" in w for w in shaped.warnings)  # 4.4E+17 lost its digits


# ---------------------------------------------------------------- rows that are not records

def _sheet(rows, merged=()) -> Sheet:
    return Sheet("表1", [list(r) for r in rows], list(merged))


def test_missing_required_field_rejects_the_row_with_its_cells():
    shaped = shape_sheet(_sheet([
        ["事项名称", "原实施主体", "承接主体"],
        ["对违规经营的处罚", None, "遮浪街道"],
        [None, "城区公安局", "东洲街道"],
        ["对噪声扰民的处罚", "城区公安局", "东洲街道"],
    ]))
    assert [(p.sheet, p.row, p.reason) for p in shaped.rejected] == [
        ("表1", 2, "缺少必填项：原实施主体"), ("表1", 3, "缺少必填项：事项名称")]
    assert shaped.rejected[0].cells == ["对违规经营的处罚", None, "遮浪街道"]
    assert [r.row_number for r in shaped.records] == [4]


def test_unmerged_sub_item_rows_belong_to_the_item_above_and_duplicates_are_rejected():
    shaped = shape_sheet(_sheet([
        ["主管部门", "事项名称", "子项"],
        ["市发改局", "企业投资项目核准", None],
        [None, None, "省级权限项目核准"],
        [None, None, "市级权限项目核准"],
        ["市发改局", "企业投资项目核准", None],
    ]))
    [main] = shaped.records
    assert main.fields == {"department": "市发改局", "name": "企业投资项目核准"}
    assert [(s.row_number, s.fields) for s in main.sub_items] == [
        (3, {"department": "市发改局", "name": "企业投资项目核准", "sub_item": "省级权限项目核准"}),
        (4, {"department": "市发改局", "name": "企业投资项目核准", "sub_item": "市级权限项目核准"}),
    ]
    assert [(p.row, p.reason) for p in shaped.rejected] == [(5, "与第2行重复（主管部门和事项名称都相同）")]


def test_part_above_header_repeated_header_and_nested_counts():
    shaped = shape_sheet(_sheet([
        ["一、垂直管理机构实施的行政许可事项（共2项）"],
        ["序号", "主管部门", "事项名称"],
        ["（一）海关（共1项）"],
        ["1", "汕尾海关", "进出口商品检验"],
        ["序号", "主 管 部 门", "事 项 名 称"],
        ["（二）税务（共2项）"],
        ["2", "市税务局", "增值税专用发票最高开票限额审批"],
        ["总计（共2项）"],
    ]))
    assert shaped.part == "vertical"
    assert [(r.row_number, r.fields["part"]) for r in shaped.records] == [(4, "vertical"), (7, "vertical")]
    assert shaped.warnings == ["工作表“表1”第6行“（二）税务（共2项）”写明共2项，实际读到1项"]


def test_mapping_template_by_header_text_and_by_column():
    rows = [["名称", "单位", "镇街", "其他"], ["对违规经营的处罚", "城区市场监管局", "遮浪街道、东洲街道", "x"]]
    by_header = shape_sheet(_sheet(rows), kind="power",
                            mapping={"名 称": "name", "单位": "department", "镇街": "receiving", "其他": ""})
    assert by_header.columns == {0: "name", 1: "department", 2: "receiving"}
    assert by_header.unmapped_headers == ["其他"]
    assert by_header.records[0].fields == {"name": "对违规经营的处罚", "department": "城区市场监管局",
                                           "receiving": ["遮浪街道", "东洲街道"]}
    by_column = shape_sheet(_sheet([["事项名称", "原实施主体", "备注"], rows[1]]),
                            mapping={0: "name", 1: "department", 2: "receiving"})
    assert by_column.records[0].fields["receiving"] == ["遮浪街道", "东洲街道"]
    assert "remark" not in by_column.records[0].fields  # the mapping beats the header "备注"
    with pytest.raises(ImportFileError, match="没有的字段：certificate"):
        shape_sheet(_sheet(rows), kind="power", mapping={"名称": "name", "单位": "department", "镇街": "certificate"})


def test_department_list_detected():
    shaped = shape_sheet(_sheet([
        ["部门名称", "简称", "层级", "所属区划", "统一社会信用代码"],
        ["汕尾市发展和改革局", "市发改局、市发展改革局", "市级", "汕尾市", "11441500MB2C90001X"],
    ]))
    assert shaped.kind == "department"
    assert shaped.records[0].fields == {
        "name": "汕尾市发展和改革局", "aliases": ["市发改局", "市发展改革局"], "level": "市级",
        "region": "汕尾市", "credit_code": "11441500MB2C90001X"}


def test_no_header_and_missing_required_column_name_file_and_sheet():
    with pytest.raises(ImportFileError) as no_header:
        shape_sheet(_sheet([["汕尾市工作报告"], ["一、总体情况"], ["内容", "数字"]]), file_name="报告.xlsx")
    assert str(no_header.value).startswith("文件“报告.xlsx”，工作表“表1”：未找到可识别的表头")
    with pytest.raises(ImportFileError) as missing:
        shape_sheet(_sheet([["序号", "主管部门", "实施机关", "行使层级"], ["1", "市发改局", "市发改局", "市级"]]),
                    file_name="清单.xlsx")
    assert "缺少必需的列：事项名称" in str(missing.value)
    assert "文件“清单.xlsx”，工作表“表1”" in str(missing.value)


def test_formula_without_cached_value_is_reported(tmp_path):
    path = write_xlsx(tmp_path / "公式.xlsx", {"第一批": ([
        ["事项名称", "原实施主体", "承接主体"],
        ["对违规经营的处罚", "城区市场监管局", "=B2&\"\""],
    ], [])})
    shaped = shape_sheet(read_workbook(path).sheets[0])
    assert shaped.warnings == [
        "工作表“第一批”第2行“承接主体”列是公式且没有计算结果（请在 Excel/WPS 中打开并保存一次），已按空白处理"]
    assert "receiving" not in shaped.records[0].fields
