"""The departments' 权责清单 in the window: the statistics page states each list's size (per type
columns, a text to copy), and the File menu prints a department's list or every department's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QGuiApplication

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.core.summary import responsibility_lines
from lawgov_desktop.ui import printing
from lawgov_desktop.ui.app import Launcher
from lawgov_desktop.ui.kinds import POWER
from lawgov_desktop.ui.main_window import MainWindow
from lawgov_desktop.ui.report_pages import STATS
from lawgov_desktop.ui.stats_view import StatsView

TIMEOUT = 30000
MARKET = "市市场监督管理局"
MARKET_LINE = "市市场监督管理局权责清单共3项，其中行政许可1项、行政检查1项、其他行政权力1项（另有子项2项）。"


def pdf_pages(path: Path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in PdfReader(str(path)).pages]


@pytest.fixture()
def lists_window(launcher: Launcher, db_path: Path, messages: list[str], qtbot) -> MainWindow:  # noqa: ANN001
    """The test lists, 市场监管局 also holding a licence with two sub-items and an other power
    (created before its inspection's type in the standard order would put them)."""
    with Library(db_path, user="tester") as lib:
        lib.records.create("power", {"department": MARKET, "name": "食品小作坊登记", "power_type": "其他行政权力",
                             "handling_office": "食品生产科", "accountability_cases": "不予登记的。"})
        licence = lib.records.create("power", {"department": MARKET, "name": "食品生产许可", "power_type": "行政许可",
                                       "handling_office": "行政审批科", "level": "地州市级",
                                       "responsibility": "受理责任：公示依据、条件。",
                                       "accountability_cases": "对符合法定条件的申请不予受理的。"})
        for sub in ("食品生产许可证核发", "食品生产许可证变更"):
            lib.records.create("power", {"parent_id": licence, "name": sub})
    opened = launcher.open(db_path)
    qtbot.waitExposed(opened)
    return opened


def test_the_statistics_page_states_each_departments_list(lists_window: MainWindow) -> None:
    page = lists_window.reports.show(STATS)
    assert isinstance(page, StatsView)
    table = page.panels["power_departments"].table
    titles = [table.horizontalHeaderItem(column).text() for column in range(table.columnCount())]
    assert titles == ["原实施主体", "简称", "行政许可", "行政处罚", "行政检查", "其他行政权力", "合计", "子项数"]
    market = next(row for row in range(table.rowCount()) if table.item(row, 0).text() == MARKET)
    assert [table.item(market, column).text() for column in range(2, 8)] == ["1", "0", "1", "1", "3", "2"]
    lines = page.responsibility_text.toPlainText().splitlines()
    assert lines == responsibility_lines(page.stats) and MARKET_LINE in lines
    assert page.tabs.tabText(page.tabs.count() - 1) == "各部门权责清单（3）"
    page.copy_responsibilities()
    assert QGuiApplication.clipboard().text() == page.responsibility_text.toPlainText()


def test_printing_the_power_view_of_one_department_previews_its_list(lists_window: MainWindow, qtbot) -> None:  # noqa: ANN001
    view = lists_window.show_list(POWER)
    actions = lists_window.printing
    assert actions.responsibility_action.isEnabled()
    view.set_filter(ListFilter(department_ids=(lists_window.session.library.records.find_department(MARKET),)))
    actions.responsibility_action.trigger()
    qtbot.waitUntil(lambda: actions.options_dialog is not None and actions.options_dialog.isVisible(), timeout=TIMEOUT)
    dialog = actions.options_dialog
    assert dialog.layout_options.title.text() == "汕尾市市场监督管理局权责清单"
    assert dialog.layout_options.chosen_columns() == ["sequence", "name", "sub_item", "legal_basis", "handling_office",
                                                      "level", "responsibility", "accountability_cases"]
    dialog.accept()
    qtbot.waitUntil(lambda: actions.preview_window is not None, timeout=TIMEOUT)
    [text] = pdf_pages(actions.preview_window.path)
    assert text.startswith("汕尾市市场监督管理局权责清单（共3项）一、行政许可（共1项）"
                           "序号事项名称子项名称实施依据承办机构实施层级责任事项内容追责情形1食品生产许可食品生产许可证核发")
    assert text.index("食品生产许可证变更") < text.index("二、行政检查（共1项）") < text.index("三、其他行政权力（共1项）")
    actions.preview_window.close()
    lists_window.show_list("department")
    assert not actions.responsibility_action.isEnabled()


def test_every_departments_list_into_one_book(lists_window: MainWindow, qtbot, tmp_path: Path,  # noqa: ANN001
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def choose(_parent, _title, name, _filters, _suffix):  # noqa: ANN001, ANN202
        asked.append(name)
        return tmp_path / "book.pdf"

    monkeypatch.setattr(printing, "choose_save_path", choose)
    actions = lists_window.printing
    actions.batch_action.trigger()
    qtbot.waitUntil(lambda: actions.options_dialog is not None and actions.options_dialog.isVisible(), timeout=TIMEOUT)
    dialog = actions.options_dialog
    dialog.responsibility_lists.setChecked(True)
    assert "accountability_cases" in dialog.layout_options.chosen_columns()
    assert not dialog.only_filtered.isEnabled()  # the power list is not filtered
    dialog.book.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: actions.job is None and (tmp_path / "book.pdf").exists(), timeout=TIMEOUT)
    assert asked == ["各部门权责清单.pdf"]
    pages = pdf_pages(tmp_path / "book.pdf")
    assert pages[0].startswith("汕尾市权责清单目录")
    assert "汕尾市市场监督管理局（共3项）" in pages[0] and "市城市管理和综合执法局（共1项）" in pages[0]
    market = next(page for page in pages if page.startswith("汕尾市市场监督管理局权责清单（共3项）"))
    assert "食品生产许可证核发" in market and "子项名称" in market
    city = next(page for page in pages if page.startswith("汕尾市城市管理和综合执法局权责清单（共1项）"))
    assert "一、行政处罚（共1项）" in city and "子项名称" not in city  # its list has no sub-items
