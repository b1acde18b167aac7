"""The statistics page: figures equal ``library.stats.compute()``, every figure opens its list, paragraph, exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from ui_helpers import wait_idle

from lawgov_desktop.core.changes import VERSIONS, make_changes
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.core.summary import summary_paragraph
from lawgov_desktop.ui import stats_view
from lawgov_desktop.ui.list_view import ListView
from lawgov_desktop.ui.main_window import MainWindow
from lawgov_desktop.ui.report_pages import STATS
from lawgov_desktop.ui.stats_view import StatsView


def stats_page(window: MainWindow) -> StatsView:
    page = window.reports.show(STATS)
    assert isinstance(page, StatsView) and window.stack.currentWidget() is page
    return page


def column(page: StatsView, key: str, number: int) -> list[str]:
    table = page.panels[key].table
    return [table.item(row, number).text() for row in range(table.rowCount())]


def click_row(qtbot, page: StatsView, key: str, row: int) -> None:  # noqa: ANN001
    panel = page.panels[key]
    page.tabs.setCurrentWidget(panel)
    table = panel.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualItemRect(table.item(row, 0)).center())


def test_figures_shown_equal_the_library_stats(window: MainWindow) -> None:
    page = stats_page(window)
    stats = window.session.library.stats.compute()
    assert page.stats == stats
    breakdowns = stats["breakdowns"]
    assert column(page, "licence_departments", 0) == [row["name"] for row in breakdowns["licence_departments"]]
    assert column(page, "licence_departments", 4) == [str(row["items"]) for row in breakdowns["licence_departments"]]
    assert column(page, "licence_departments", 5) == [str(row["sub_items"])
                                                      for row in breakdowns["licence_departments"]]
    assert column(page, "levels", 1) == [str(count) for count in stats["licence_items"]["by_level"].values()]
    assert column(page, "power_types", 0) == list(stats["powers"]["by_type"])
    assert column(page, "batches", 3) == [str(row["powers"]) for row in breakdowns["batches"]]
    regions = dict(zip((name.strip("\u3000") for name in column(page, "regions", 0)), column(page, "regions", 2),
                       strict=True))
    assert regions["红海湾经济开发试验区"] == "2" and regions["遮浪街道"] == "1"  # a zone counts its streets
    assert column(page, "parts", 1) == ["6", "0"] and column(page, "parts", 2) == ["3", "0"]
    assert "6" in page.headline.text() and "3" in page.headline.text()


def test_clicking_a_department_row_opens_the_licence_list_filtered_to_it(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    page = stats_page(window)
    rows = page.stats["breakdowns"]["licence_departments"]
    market = next(number for number, row in enumerate(rows) if row["name"] == "市市场监督管理局")
    click_row(qtbot, page, "licence_departments", market)
    view = window.stack.currentWidget()
    assert isinstance(view, ListView) and view.spec.kind == "licence"
    assert view.current_filter() == ListFilter(department_ids=(rows[market]["id"],))
    assert view.model.total == rows[market]["items"] == 2
    assert window.navigation.currentItem().data(Qt.ItemDataRole.UserRole) == "licence"


def test_a_zone_row_opens_the_powers_of_its_streets_and_a_bar_opens_its_list(window: MainWindow,
                                                                              qtbot) -> None:  # noqa: ANN001
    page = stats_page(window)
    zone = window.session.library.records.find_region("红海湾经济开发试验区")
    regions = page.stats["breakdowns"]["regions"]
    click_row(qtbot, page, "regions", next(n for n, row in enumerate(regions) if row["id"] == zone))
    view = window.stack.currentWidget()
    assert view.spec.kind == "power" and view.current_filter().region_ids == (zone,) and view.model.total == 2

    page = stats_page(window)
    panel = page.panels["power_types"]
    page.tabs.setCurrentWidget(panel)
    pie = panel.chart_view.chart().series()[0]
    labels = [pie_slice.label() for pie_slice in pie.slices()]
    assert labels == [f"{kind}  {count}" for kind, count in page.stats["powers"]["by_type"].items()]
    pie.slices()[labels.index("行政检查  1")].clicked.emit()
    view = window.stack.currentWidget()
    assert view.current_filter().power_types == ("行政检查",) and view.model.total == 1

    page = stats_page(window)
    panel = page.panels["licence_departments"]
    page.tabs.setCurrentWidget(panel)
    bars = panel.chart_view.chart().series()[0].barSets()[0]
    top = page.stats["breakdowns"]["licence_departments"][0]
    assert bars.at(bars.count() - 1) == top["items"]  # horizontal bars: the largest on top, drawn last
    bars.clicked.emit(bars.count() - 1)
    view = window.stack.currentWidget()
    assert view.current_filter().department_ids == (top["id"],) and view.model.total == top["items"]


def test_summary_paragraph_is_the_report_wording_and_copies(window: MainWindow) -> None:
    page = stats_page(window)
    expected = summary_paragraph(window.session.library.stats.compute())
    assert expected.startswith("我市实施的中央层面设定的行政许可6项，涉及")
    assert page.summary.toPlainText() == expected and page.summary.isReadOnly()
    page.copy_button.click()
    assert QGuiApplication.clipboard().text() == expected


def test_figures_follow_changes_and_can_be_shown_for_a_saved_version(window: MainWindow, db_path: Path,
                                                                     qtbot) -> None:  # noqa: ANN001
    page = stats_page(window)
    with Library(db_path, user="tester") as lib:  # as another program (lawgov) would
        version = lib.versions.save_version("2022年版")
        lib.records.create("licence", {"department": "市生态环境局", "name": "危险废物经营许可", "level": "市级"})
    window.refresh()
    window.session.records_changed.emit(make_changes(None, ["licence", VERSIONS]))
    assert page.stats["licence_items"]["total"] == 7
    page.versions.set_version(version)
    page.versions.version_changed.emit()
    assert page.stats == window.session.library.stats.compute(version) and page.stats["licence_items"]["total"] == 6
    assert page.badge.isVisibleTo(page)
    click_row(qtbot, page, "levels", 0)
    view = window.stack.currentWidget()
    assert view.current_filter().version_id == version and view.read_only and view.model.total == 5


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_statistics_export_writes_the_file(window: MainWindow, tmp_path: Path, qtbot, fmt: str,  # noqa: ANN001
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    page = stats_page(window)
    target = tmp_path / f"统计.{fmt}"
    monkeypatch.setattr(stats_view, "choose_save_path", lambda *_args: target)
    (page.export_workbook_button if fmt == "xlsx" else page.export_pdf_button).click()
    wait_idle(qtbot, window.session)
    assert target.is_file()
    if fmt == "pdf":
        assert target.read_bytes().startswith(b"%PDF")
    else:
        cells = [cell for row in load_workbook(target).worksheets[0].iter_rows(values_only=True) for cell in row]
        assert page.summary.toPlainText() in cells
    assert str(target) in window.statusBar().currentMessage()


def test_a_read_only_window_shows_and_exports_statistics_but_saves_no_version(
        launcher, db_path: Path, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from lawgov_desktop.ui import prompts
    from lawgov_desktop.ui.app import Launcher

    assert launcher.open(db_path) is not None  # the first copy holds the database
    monkeypatch.setattr(prompts, "ask_read_only", lambda _path: True)
    second = Launcher()
    window = second.open(db_path)
    try:
        assert window.session.writer is None
        page = stats_page(window)
        assert page.stats == window.session.library.stats.compute()
        target = tmp_path / "统计.pdf"
        monkeypatch.setattr(stats_view, "choose_save_path", lambda *_args: target)
        page.export_pdf_button.click()  # on a reader of its own: there is no writer
        qtbot.waitUntil(target.is_file, timeout=10000)
        assert window.reports.save_version() is None
        versions = window.reports.manage_versions()
        assert not versions.save_button.isEnabled() and not versions.delete_button.isEnabled()
        versions.reject()
    finally:
        window.close()
        second.release()
