"""The upper-list page shows the rules the provinces apply: implementing authorities and cited laws that
differ, and a county's list going beyond the city's — on their tabs, in the summary and in the export."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from ui_helpers import wait_idle

from lawgov_desktop.core.library import Library
from lawgov_desktop.ui import reference_view
from lawgov_desktop.ui.main_window import MainWindow
from lawgov_desktop.ui.reference_view import ReferenceView
from lawgov_desktop.ui.report_pages import REFERENCE

HEADER = ("序号", "主管部门", "事项名称", "实施机关", "设定和实施依据")


def _workbook(path: Path, rows: list[tuple[str, ...]]) -> Path:
    book = Workbook()
    for row in (HEADER, *rows):
        book.active.append(row)
    book.save(path)
    return path


@pytest.fixture()
def authority(db_path: Path) -> None:
    """食品生产许可 implemented by the 公安局, before the window opens."""
    with Library(db_path, user="tester") as lib:
        items = {row["name"]: row["id"] for row in lib.lists.query("licence", limit=100).rows}
        lib.records.update("licence", items["食品生产许可"], {"implementing_authority": "市公安局"})


def _import(page: ReferenceView, qtbot, monkeypatch: pytest.MonkeyPatch, path: Path,  # noqa: ANN001
            region: str | None) -> list[str]:
    offered: list[str] = []

    def choose(_parent: object, regions: list[tuple[str, int]]) -> tuple[bool, int | None]:
        offered.extend(name for name, _id in regions)
        return True, next((region_id for name, region_id in regions if name.strip() == region), None)

    monkeypatch.setattr(reference_view, "choose_workbook", lambda *_args: path)
    monkeypatch.setattr(reference_view, "ask_reference_name", lambda _parent, suggested: suggested)
    monkeypatch.setattr(reference_view, "ask_reference_region", choose)
    page.import_button.click()
    wait_idle(qtbot, page.session)
    page.check_button.click()
    wait_idle(qtbot, page.session)
    return offered


@pytest.mark.usefixtures("authority")
def test_authorities_and_legal_bases_that_differ_have_their_tabs_and_export(
        window: MainWindow, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    upper = _workbook(tmp_path / "广东省清单.xlsx", [
        ("1", "省发展改革委", "企业投资项目核准", "省发展改革委", "《行政许可法》\n《企业投资项目核准和备案管理条例》"),
        ("2", "省市场监管局", "食品生产许可", "县级以上市场监督管理部门", "【法律】《中华人民共和国行政许可法》第十二条")])
    page = window.reports.show(REFERENCE)
    assert isinstance(page, ReferenceView) and not page.export_button.isEnabled()
    offered = _import(page, qtbot, monkeypatch, upper, None)
    assert "海丰县" in offered and "\u3000田墘街道" in offered and "汕尾市" not in offered  # the regions under the city
    result = page.result
    assert result is not None and len(result.authority_differences) == len(result.basis_differences) == 1
    assert [page.tabs.tabText(n) for n in (3, 4)] == ["实施机关不一致（1）", "设定依据不一致（1）"]
    assert [page.authorities.item(0, column).text() for column in range(3)] == [
        "食品生产许可", "市公安局", "县级以上市场监督管理部门"]
    assert [page.bases.item(0, column).text() for column in (2, 3)] == ["", "《企业投资项目核准和备案管理条例》"]
    assert page.tabs.tabText(1) == "本市缺少的上级事项（0）"
    assert "1 个实施机关和 1 项设定依据" in page.summary.text()
    assert page.tabs.isTabVisible(0) and not page.tabs.isTabVisible(5)

    target = tmp_path / "核对.xlsx"
    monkeypatch.setattr(reference_view, "choose_save_path", lambda *_args: target)
    page.export_button.click()
    wait_idle(qtbot, page.session)
    assert load_workbook(target)["设定依据不一致"]["A2"].value == "企业投资项目核准"


def test_a_county_list_is_checked_against_the_city_list(window: MainWindow, tmp_path: Path, qtbot,  # noqa: ANN001
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    county = _workbook(tmp_path / "海丰县清单.xlsx", [
        ("1", "海丰县市场监督管理局", "食品生产许可", "海丰县市场监督管理局", "《行政许可法》"),
        ("2", "海丰县农业农村局", "海丰县渔船停泊许可", "海丰县农业农村局", "")])
    page = window.reports.show(REFERENCE)
    _import(page, qtbot, monkeypatch, county, "海丰县")
    assert page.result is not None and page.result.lower_region == "海丰县"
    assert page.tabs.isTabVisible(5) and not page.tabs.isTabVisible(0)
    assert page.tabs.currentIndex() == 5 and page.tabs.tabText(5) == "超出上级清单（1）"
    assert page.beyond.item(0, 1).text() == "海丰县渔船停泊许可"
    assert page.tabs.tabText(1) == "上级清单有而本清单没有（5）"  # the county's list lacks them, not the city's
    assert "超出上级清单" in page.summary.text()
