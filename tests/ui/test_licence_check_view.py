"""许可清单核对 in the window: the check runs on the writer, its findings fill the tabs, and export."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from ui_helpers import wait_idle

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.licence_check import check_licences
from lawgov_desktop.ui import licence_check_view
from lawgov_desktop.ui.licence_check_view import LicenceCheckView
from lawgov_desktop.ui.main_window import MainWindow
from lawgov_desktop.ui.report_pages import LICENCES


@pytest.fixture()
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """The window's test lists with four 行政许可 in the 权责清单 and a department whose 权责清单 is not imported."""
    path = tmp_path / "lists.sqlite3"
    shutil.copy(template_db, path)
    with Library(path, user="tester") as lib:
        for department, name in (("市发改局", "企业投资项目核准"), ("市发改局", "固定资产投资项目节能审查意见"),
                                 ("市市场监管局", "食品生产许可"), ("市市场监管局", "排污许可")):
            lib.records.create("power", {"department": department, "name": name, "power_type": "行政许可"})
        lib.records.create("department", {"name": "市交通运输局"})
        lib.records.create("licence", {"department": "市交通运输局", "name": "道路运输经营许可"})
    return path


def test_the_check_fills_a_tab_per_kind_of_finding_and_exports(window: MainWindow, tmp_path: Path, qtbot,  # noqa: ANN001
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    window.reports.licences_action.trigger()
    page = window.stack.currentWidget()
    assert isinstance(page, LicenceCheckView) and page is window.reports.page(LICENCES)
    assert not page.export_button.isEnabled()
    assert window.navigation.currentItem().text() == "许可清单核对"
    page.check_button.click()
    wait_idle(qtbot, window.session)
    assert page.result == check_licences(window.session.library)
    assert [page.tabs.tabText(index) for index in range(3)] == [
        "清单外的许可（2）", "未列入权责清单（4）", "部门未导入权责清单（1）"]
    assert [[page.outside.item(row, column).text() for column in range(5)] for row in range(2)] == [
        ["1", "市发展和改革局", "固定资产投资项目节能审查意见", "", "固定资产投资项目节能审查"],
        ["2", "市市场监督管理局", "排污许可", "", "排污许可（市生态环境局）"]]
    assert page.not_imported.item(0, 2).text() == "道路运输经营许可"
    assert "权责清单中的行政许可 4 项，许可清单 7 项；清单外的许可 2 项" in page.summary.text()
    assert "另有 1 项许可事项所属部门未导入权责清单" in page.summary.text()

    target = tmp_path / "许可清单核对.xlsx"
    monkeypatch.setattr(licence_check_view, "choose_save_path", lambda *_args: target)
    page.export_button.click()
    wait_idle(qtbot, window.session)
    book = load_workbook(target)
    assert book.sheetnames == ["说明", "清单外的许可", "未列入权责清单", "部门未导入权责清单"]
    assert book["清单外的许可"]["C3"].value == "排污许可"
    assert window.statusBar().currentMessage() == f"已导出到 {target}"
