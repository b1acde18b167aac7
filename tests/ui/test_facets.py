"""Facets as a clerk uses them: mouse and keyboard ticks, the popup's place and clicks, the region tree."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from lawgov_desktop.ui.facets import MultiSelectCombo
from lawgov_desktop.ui.main_window import MainWindow


def names(view) -> list[str]:  # noqa: ANN001
    return sorted(view.model.row_at(row)["name"] for row in range(view.model.rowCount()))


def row_of(combo: MultiSelectCombo, label: str) -> int:
    return next(row for row in range(combo.count()) if combo.itemText(row).strip() == label)


def click_row(qtbot, combo: MultiSelectCombo, row: int) -> None:  # noqa: ANN001
    view = combo.view()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(row, 0)).center())


def test_space_ticks_a_department_and_filters_the_list(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    view = window.current_view()
    combo = view.facets.combos["department"]
    combo.showPopup()
    popup = combo.view()
    popup.setCurrentIndex(popup.model().index(row_of(combo, "市市场监督管理局"), 0))
    qtbot.keyClick(popup, Qt.Key.Key_Space)
    assert names(view) == ["特种设备使用登记", "食品生产许可"]
    assert window.count_label.text() == "显示 2 项 / 共 6 项"
    assert combo.summary() == "部门：市市场监督管理局"
    qtbot.keyClick(popup, Qt.Key.Key_Space)  # Space again unticks
    assert view.model.total == 6 and combo.summary() == "部门：全部"
    combo.hidePopup()


def test_the_popup_opens_below_its_button_and_the_opening_click_ticks_nothing(window: MainWindow,
                                                                              qtbot) -> None:  # noqa: ANN001
    view = window.current_view()
    combo = view.facets.combos["department"]
    qtbot.mousePress(combo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: combo.view().isVisible(), timeout=2000)
    popup = combo.view().window()
    assert popup.geometry().top() >= combo.mapToGlobal(QPoint(0, combo.height())).y() - 1
    screen = combo.screen().availableGeometry()
    assert screen.contains(popup.geometry())
    # The opening click let go over the first entry (where Fusion used to put it): nothing ticks.
    first = combo.view().visualRect(combo.view().model().index(0, 0)).center()
    qtbot.mouseRelease(combo.view().viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert combo.selected() == () and view.model.total == 6 and combo.view().isVisible()
    # A click inside the open list ticks, and the list stays open for the next one.
    click_row(qtbot, combo, row_of(combo, "市生态环境局"))
    assert names(view) == ["建设项目环境影响评价文件审批", "排污许可"] and combo.view().isVisible()
    # The button's second click closes the list and leaves it closed (an open list gets every click,
    # as it does on a real screen).
    qtbot.mouseClick(popup, Qt.MouseButton.LeftButton, pos=popup.mapFromGlobal(combo.mapToGlobal(combo.rect().center())))
    qtbot.waitUntil(lambda: not combo.view().isVisible(), timeout=2000)
    QApplication.processEvents()
    assert not combo.view().isVisible() and view.model.total == 2


def test_the_popup_is_wide_enough_for_its_longest_entry(window: MainWindow) -> None:
    combo = window.show_list("power").facets.combos["region"]
    combo.showPopup()
    view = combo.view()
    longest = max(range(combo.count()), key=lambda row: view.sizeHintForIndex(view.model().index(row, 0)).width())
    assert view.visualRect(view.model().index(longest, 0)).width() >= view.sizeHintForIndex(
        view.model().index(longest, 0)).width()
    combo.hidePopup()


def test_region_ticks_mean_exactly_the_ticked_regions(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    view = window.show_list("power")
    combo = view.facets.combos["region"]
    combo.showPopup()
    assert not any(combo.model().item(row).checkState() == Qt.CheckState.Checked for row in range(combo.count()))
    click_row(qtbot, combo, row_of(combo, "东洲街道"))
    assert names(view) == ["对擅自设置大型户外广告的行政处罚"] and combo.summary() == "承接区划：东洲街道"
    click_row(qtbot, combo, row_of(combo, "东洲街道"))
    # A zone ticks its townships with it, and the button names the zone.
    zone = row_of(combo, "红海湾经济开发试验区")
    click_row(qtbot, combo, zone)
    ticked = [combo.itemText(row).strip() for row in range(combo.count())
              if combo.model().item(row).checkState() == Qt.CheckState.Checked]
    assert ticked == ["红海湾经济开发试验区", "田墘街道", "东洲街道", "遮浪街道"]
    assert combo.summary() == "承接区划：红海湾经济开发试验区" and view.model.total == 2
    # Unticking one township leaves the others, and the zone is no longer ticked as a whole.
    click_row(qtbot, combo, row_of(combo, "遮浪街道"))
    assert combo.summary() == "承接区划：已选 2 项"
    assert names(view) == ["对擅自设置大型户外广告的行政处罚"]
    combo.hidePopup()


def test_a_lists_department_facet_offers_only_departments_with_items_in_it(window: MainWindow) -> None:
    def offered(kind: str) -> list[str]:
        combo = window.show_list(kind).facets.combos["department"]
        combo.showPopup()
        combo.hidePopup()
        return sorted(combo.itemText(row) for row in range(combo.count()))

    assert offered("licence") == ["市发展和改革局", "市市场监督管理局", "市生态环境局"]
    assert offered("power") == ["市城市管理和综合执法局", "市市场监督管理局", "市生态环境局"]


def test_a_long_choice_is_cut_on_the_button_and_whole_in_its_tooltip(window: MainWindow) -> None:
    view = window.current_view()
    combo = view.facets.combos["department"]
    market = window.session.library.records.find_department("市市场监督管理局")
    combo.set_selected((market,))
    assert combo.toolTip() == "部门：市市场监督管理局"


def test_a_facet_is_titled_like_the_column_of_its_field(window: MainWindow) -> None:
    assert window.show_list("licence").facets.combos["level"].summary() == "行使层级：全部"
    assert window.show_list("department").facets.combos["department_level"].summary() == "层级：全部"
    assert window.show_list("power").facets.combos["power_type"].summary() == "职权类型：全部"


def test_a_department_no_longer_offered_is_dropped_not_shown_as_a_number(window: MainWindow) -> None:
    view = window.current_view()
    combo = view.facets.combos["department"]
    gone = window.session.library.records.find_department("市城市管理和综合执法局")  # powers only
    combo.set_selected((gone,))
    assert combo.selected() == () and combo.summary() == "部门：全部" and view.model.total == 6
    view.facets.combos["level"].set_selected(("乡级",))  # a level typed freely stays offered
    assert view.facets.combos["level"].summary() == "行使层级：乡级"
