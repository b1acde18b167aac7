"""The 受影响事项 report exported as a workbook and a PDF (exporters/affected.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pdf_helpers import HAS_EMBEDDABLE_FONT, compact, page_texts

from lawgov_desktop.core.laws import AffectedReport
from lawgov_desktop.core.library import Library
from lawgov_desktop.exporters.affected import affected_spec, write_affected_pdf, write_affected_workbook
from lawgov_desktop.exporters.model import ExportError


@pytest.fixture
def report(tmp_path: Path) -> AffectedReport:
    with Library(tmp_path / "lists.sqlite3", user="测试员") as lib:
        lib.records.create("department", {"name": "市市场监督管理局"})
        lib.records.create("department", {"name": "市卫生健康委员会"})
        lib.records.create("licence", {"name": "食品经营许可", "department": "市市场监督管理局", "code": "=1+1",
                                       "legal_basis": "【法律】《中华人民共和国食品安全法》第三十五条第一款"})
        lib.records.create("power", {"name": "对未取得许可从事食品经营的处罚", "department": "市市场监督管理局",
                                     "legal_basis": "《食品安全法》第一百二十二条、第一百二十三条",
                                     "responsibility_basis": "《食品安全法》第一百二十二条"})
        lib.records.create("power", {"name": "对餐饮具集中消毒单位的检查", "department": "市卫生健康委员会",
                                     "legal_basis": "《食品安全法》"})
        lib.laws.update("食品安全法", {"status": "已被修改", "level": "法律", "promulgated": "2021-04-29"})
        return lib.laws.affected("食品安全法")


def test_the_workbook_has_the_law_the_counts_and_a_row_per_record(report: AffectedReport, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_affected_workbook(report, tmp_path / "受影响事项.xlsx"))
    notes = book["说明"]
    assert notes["A1"].value == "受影响事项（中华人民共和国食品安全法）"
    assert notes["A3"].value == "法律法规：《中华人民共和国食品安全法》（效力级别：法律，时效性：已被修改，公布日期：2021-04-29）。"
    assert notes["A4"].value == "引用该法律法规的事项：行政许可事项 1 项，执法事项 2 项，涉及 2 个部门。"
    rows = [[cell.value for cell in row] for row in book["受影响事项"].iter_rows(min_row=2)]
    assert rows == [
        [1, "市卫生健康委员会", "赋权执法事项", "对餐饮具集中消毒单位的检查", None, "实施依据", "（未注明条款）"],
        [2, "市市场监督管理局", "行政许可事项", "食品经营许可", "=1+1", "设定和实施依据", "第三十五条第一款"],
        [3, "市市场监督管理局", "赋权执法事项", "对未取得许可从事食品经营的处罚", None, "实施依据、责任事项依据",
         "第一百二十二条\n第一百二十三条"],
    ]
    assert book["受影响事项"]["E3"].data_type == "s"  # a code that looks like a formula stays text


def test_the_pdf_has_a_section_per_department(report: AffectedReport, tmp_path: Path) -> None:
    spec = affected_spec(report)
    assert [(section.heading, len(section.rows)) for section in spec.sections] == [
        ("市卫生健康委员会", 1), ("市市场监督管理局", 2)]
    assert spec.sections[1].rows[1].values["articles"] == "第一百二十二条、第一百二十三条"
    if HAS_EMBEDDABLE_FONT:
        result = write_affected_pdf(report, tmp_path / "受影响事项.pdf", print_date=date(2026, 12, 1))
        text = compact("".join(page_texts(result.path)))
        assert "受影响事项" in text and "中华人民共和国食品安全法" in text and "第三十五条第一款" in text
        assert "市卫生健康委员会" in text and "引用条款" in text


def test_an_export_into_a_missing_folder_is_refused(report: AffectedReport, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="不存在"):
        write_affected_workbook(report, tmp_path / "无" / "x.xlsx")
