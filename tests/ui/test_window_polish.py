"""Small things a clerk trips over: undo's text, mnemonics, labels, the statistics hint, remembered filters."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QToolButton

from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.ui import i18n
from lawgov_desktop.ui.app import Launcher
from lawgov_desktop.ui.focus import show_keyboard_focus
from lawgov_desktop.ui.kinds import column_title
from lawgov_desktop.ui.main_window import MainWindow
from lawgov_desktop.ui.stats_view import BreakdownPanel


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def repeated_mnemonics(actions: list, where: str) -> list[str]:  # noqa: ANN001
    seen: dict[str, str] = {}
    repeated = []
    for action in actions:
        letter = mnemonic(action.text()) if not action.isSeparator() and action.isVisible() else None
        if letter is None:
            continue
        if letter in seen:
            repeated.append(f"{where}: {seen[letter]} / {action.text()}")
        seen[letter] = action.text()
    return repeated


def menu_problems(menu: QMenu, where: str) -> list[str]:
    menu.aboutToShow.emit()  # menus filled when opened (recent files, versions)
    problems = repeated_mnemonics(menu.actions(), where)
    for action in menu.actions():
        if action.menu() is not None:
            problems += menu_problems(action.menu(), f"{where} → {action.text()}")
    return problems


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_mnemonic_letter_twice_in_a_menu_or_the_toolbar(launcher: Launcher, db_path: Path, qtbot,  # noqa: ANN001
                                                           language: str) -> None:
    i18n.install(QApplication.instance(), language)
    window = launcher.open(db_path)
    problems = repeated_mnemonics(window.menuBar().actions(), "menu bar")
    for action in window.menuBar().actions():
        problems += menu_problems(action.menu(), action.text())
    for toolbar in window.findChildren(QToolBar):
        problems += repeated_mnemonics(toolbar.actions(), "toolbar")
    assert problems == []


def test_undo_keeps_a_short_text_and_names_the_change_in_its_tooltip(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    button = next(b for b in window.findChild(QToolBar, "main_toolbar").findChildren(QToolButton)
                  if b.defaultAction() is window.undo_action)
    width = button.sizeHint().width()
    view = window.current_view()
    item = view.model.row_at(0)["id"]
    long_name = "企业投资项目核准（含变更、延续、注销及其他依申请事项的办理）"
    window.session.change("修改", lambda library: library.records.update("licence", item, {"name": long_name}))
    qtbot.waitUntil(lambda: window.undo_action.isEnabled(), timeout=5000)
    assert window.undo_action.text() == "撤销(&U)" and button.sizeHint().width() == width
    assert window.undo_action.toolTip().startswith("撤销：")
    assert window.session.undo_stack.undoText() in window.undo_action.toolTip()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.redo_action.isEnabled(), timeout=5000)
    assert window.redo_action.text() == "重做(&R)" and window.redo_action.toolTip().startswith("重做：")
    assert window.undo_action.text() == "撤销(&U)"


def test_the_detail_pane_labels_a_field_as_its_column_does(window: MainWindow) -> None:
    for kind in ("licence", "power", "department", "region", "batch"):
        view = window.show_list(kind)
        row = view.model.row_at(0)
        text = view.detail.summary.text()
        for column in view.spec.columns:
            if column.field is not None and column.text(row) and not column.hidden:
                assert f">{html.escape(column_title(column))}<" in text, (kind, column.key)


def test_the_statistics_hint_speaks_of_the_chart_shown(window: MainWindow) -> None:
    window.show_page("stats")
    page = window.reports.page("stats")
    tabs = page.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        panel = tabs.widget(index)
        text = page.hint.text()
        if not isinstance(panel, BreakdownPanel):
            assert page.hint.isHidden()
        elif panel.breakdown.chart == "pie":
            assert not page.hint.isHidden() and "扇形" in text and "柱形" not in text
        else:
            assert not page.hint.isHidden() and "柱形" in text and "扇形" not in text


def test_filters_are_remembered_across_restarts(launcher: Launcher, window: MainWindow, db_path: Path) -> None:
    view = window.current_view()
    market = window.session.library.records.find_department("市市场监督管理局")
    view.set_filter(ListFilter(text="许可", department_ids=(market,)))
    powers = window.show_list("power")
    powers.facets.combos["power_type"].set_selected(("行政检查",))
    shown = (view.model.total, powers.model.total)
    window.close()
    launcher.release()
    launcher.window = None

    again = launcher.open(db_path)
    licences, powers = again.view("licence"), again.view("power")
    assert licences.current_filter() == ListFilter(text="许可", department_ids=(market,))
    assert licences.search.text() == "许可"
    assert licences.facets.combos["department"].summary() == "部门：市市场监督管理局"
    assert powers.current_filter() == ListFilter(power_types=("行政检查",))
    assert (licences.model.total, powers.model.total) == shown == (2, 1)


def test_tab_rings_the_facet_button_and_list_it_moves_to(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    view = window.current_view()
    window.activateWindow()
    view.search.setFocus(Qt.FocusReason.MouseFocusReason)
    ring = show_keyboard_focus(QApplication.instance())
    assert ring.widget() is None  # a click shows where it is; no ring
    ringed = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert ring.widget() is QApplication.focusWidget() and ring.frame.isVisible()
        ringed.append(ring.widget())
        if ring.widget() is view.table:
            break
    assert ringed[0] is view.facets.combos["department"]
    assert view.clear_button in ringed and ringed[-1] is view.table
    palette = ring.frame.palette()
    assert palette.color(palette.ColorRole.WindowText) == palette.color(palette.ColorRole.Highlight)


def test_a_name_cut_short_in_a_statistics_table_is_whole_in_its_tooltip(window: MainWindow) -> None:
    window.show_page("stats")
    panel = window.reports.page("stats").panels["licence_departments"]
    names = [panel.table.item(row, 0) for row in range(panel.table.rowCount())]
    assert "市市场监督管理局" in [item.text() for item in names]
    for item in names:
        assert item.toolTip().splitlines()[0] == item.text()


def test_the_part_column_shows_the_longest_part_whole(window: MainWindow) -> None:
    """"地方性法规、省政府规章设定" was cut to "地方性法规、省政…" in a fresh window."""
    from lawgov_desktop.core.fields import PART_LABELS

    view = window.view("licence")
    column = next(number for number, column in enumerate(view.model.columns) if column.key == "part")
    metrics = view.table.fontMetrics()
    padding = 2 * view.table.style().pixelMetric(view.table.style().PixelMetric.PM_FocusFrameHMargin) + 8
    assert view.table.columnWidth(column) >= max(metrics.horizontalAdvance(label) for label in PART_LABELS.values()) + padding
