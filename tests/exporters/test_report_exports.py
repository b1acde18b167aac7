"""Statistics and 清单调整对照表 exports: workbooks with real numbers, a one-page statistics PDF, and
a comparison PDF laid out like the catalogues."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pdf_helpers import HAS_EMBEDDABLE_FONT, compact, needs_font, page_texts

from lawgov_desktop.core.compare import Comparison, FieldChange, LicenceChange, PowerChange
from lawgov_desktop.core.stats import responsibility_summary
from lawgov_desktop.exporters.comparison import (
    comparison_spec,
    write_comparison_pdf,
    write_comparison_workbook,
)
from lawgov_desktop.exporters.model import ExportError
from lawgov_desktop.exporters.statistics import stats_tables, write_stats_pdf, write_stats_workbook


def stats_document(departments: int = 3) -> dict:
    """A stats document as ``library.stats.compute()`` makes it, with ``departments`` departments."""
    rows = [{"id": n, "name": f"汕尾市第{n}局", "short_name": f"市{n}局", "items": 10 + n, "sub_items": n,
             "parts": {"central": 10 + n}} for n in range(1, departments + 1)]
    return {
        "licence_items": {"total": sum(r["items"] for r in rows), "sub_items": 6, "departments": departments,
                          "parts": {}, "by_department": {}, "by_level": {"市级": 20, "县级": 6}},
        "powers": {"total": 5, "sub_items": 2, "delegated": 4, "batches": {}, "regions": {},
                   "by_type": {"行政许可": 1, "行政处罚": 4}, "by_department": {}},
        "breakdowns": {
            "parts": [{"part": "central", "label": "中央层面设定", "items": sum(r["items"] for r in rows),
                       "departments": rows}],
            "licence_departments": rows,
            "batches": [{"id": 1, "name": "第一批", "document_number": "=HYPERLINK(1)", "published_on": None,
                         "powers": 4}],
            "regions": [{"id": 1, "name": "汕尾市", "kind": "city", "parent_id": None, "powers": 4},
                        {"id": 6, "name": "红海湾经济开发试验区", "kind": "zone", "parent_id": 1, "powers": 3}],
            "power_departments": [{**row, "powers": 5, "types": {"行政许可": 1, "行政处罚": 4}, "sub_items": 2,
                                   "summary": responsibility_summary({"行政许可": 1, "行政处罚": 4}, 2)} for row in rows],
        },
    }


def test_stats_workbook_has_the_paragraph_and_a_sheet_per_breakdown(tmp_path: Path) -> None:
    path = write_stats_workbook(stats_document(), "我市实施的……", tmp_path / "统计.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["说明", *(table.name for table in stats_tables(stats_document()))]
    assert book["说明"]["A3"].value == "我市实施的……"
    departments = book["许可事项按主管部门"]
    assert [cell.value for cell in departments[1]] == ["主管部门", "简称", "中央层面设定", "合计", "子项数"]
    assert [cell.value for cell in departments[2]] == ["汕尾市第1局", "市1局", 11, 11, 1]  # numbers stay numbers
    assert book["执法事项按承接区划"]["A3"].value == "　红海湾经济开发试验区"  # indented under the city
    assert book["执法事项按批次"]["B2"].value == "=HYPERLINK(1)" and book["执法事项按批次"]["B2"].data_type == "s"


@needs_font
@pytest.mark.parametrize("departments", [3, 60])
def test_stats_pdf_is_one_page_even_with_many_departments(tmp_path: Path, departments: int) -> None:
    result = write_stats_pdf(stats_document(departments), "我市实施的中央层面设定的行政许可。", tmp_path / "统计.pdf",
                             print_date=date(2023, 1, 5))
    [text] = page_texts(result.path)
    assert "行政许可事项和赋权执法事项统计" in compact(text) and "统计日期：2023年1月5日" in compact(text)
    assert "我市实施的中央层面设定的行政许可。" in compact(text)
    if departments == 60:
        assert result.font_size < 10.5 and "其余" in text  # shrunk and shortened to fit


def test_exports_refuse_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="不存在"):
        write_stats_workbook(stats_document(), "", tmp_path / "无" / "x.xlsx")


def comparison() -> Comparison:
    return Comparison("2022年版", "当前清单", licences=[
        LicenceChange("changed", "食品经营许可", "汕尾市市场监督管理局", "A2", "central", None,
                      [FieldChange("level", "行使层级", "县级", "市级"),
                       FieldChange("legal_basis", "设定和实施依据", None, "《食品安全法》")]),
        LicenceChange("moved", "户外广告设施设置审批", "汕尾市城管执法局", None, "central", "汕尾市发展和改革局"),
        LicenceChange("added", "犬只登记", "汕尾市公安局"),
    ], powers=[PowerChange("taken_back", "对露天焚烧秸秆的处罚", "汕尾市城管执法局", "P3", ["东洲街道", "遮浪街道"])])


def test_comparison_workbook_has_one_row_per_changed_field(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_comparison_workbook(comparison(), tmp_path / "对照表.xlsx"))
    assert book["说明"]["A1"].value == "清单调整对照表（2022年版 → 当前清单）"
    assert "调整主管部门 1 项" in book["说明"]["A4"].value
    rows = [[cell.value for cell in row] for row in book["许可事项调整"].iter_rows(min_row=2)]
    assert rows == [
        [1, "变更事项", "食品经营许可", "汕尾市市场监督管理局", "A2", "行使层级", "县级", "市级"],
        [1, "变更事项", "食品经营许可", "汕尾市市场监督管理局", "A2", "设定和实施依据", None, "《食品安全法》"],
        [2, "调整主管部门", "户外广告设施设置审批", "汕尾市城管执法局", None, "主管部门", "汕尾市发展和改革局", "汕尾市城管执法局"],
        [3, "新增事项", "犬只登记", "汕尾市公安局", None, None, None, None]]
    [power] = [[cell.value for cell in row] for row in book["赋权事项调整"].iter_rows(min_row=2)]
    assert power[1:] == ["收回", "对露天焚烧秸秆的处罚", "汕尾市城管执法局", "P3", "承接主体", "东洲街道、遮浪街道", "收回"]


def test_comparison_pdf_sections(tmp_path: Path) -> None:
    spec = comparison_spec(comparison())
    assert [section.heading for section in spec.sections] == [
        "行政许可事项新增事项", "行政许可事项变更事项", "行政许可事项调整主管部门", "赋权执法事项收回"]
    assert [sub["field"] for sub in spec.sections[1].rows[0].sub_rows] == ["行使层级", "设定和实施依据"]
    if HAS_EMBEDDABLE_FONT:
        text = compact("".join(page_texts(write_comparison_pdf(comparison(), tmp_path / "对照表.pdf",
                                                              attachment_label="附件2").path)))
        assert "附件2" in text and "清单调整对照表" in text and "调整前" in text and "东洲街道、遮浪街道" in text
