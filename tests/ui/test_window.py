"""The main window as a clerk uses it: filtering, facets, editing, undo, merging, refresh."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import form_renaming, type_text, wait_idle

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.ui import prompts
from lawgov_desktop.ui.dialogs import BulkEditDialog, MergeDepartmentsDialog
from lawgov_desktop.ui.main_window import MainWindow


def names(view) -> list[str]:  # noqa: ANN001
    return [view.model.row_at(row)["name"] for row in range(view.model.rowCount())]


def test_typing_chinese_filters_after_the_debounce(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    view = window.current_view()
    assert view.model.total == 6 and "显示 6 项 / 共 6 项" in window.count_label.text()
    type_text(view.search, "食品")
    assert view.search.text() == "食品" and view.search_timer.isActive()
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=2000)
    assert names(view) == ["食品生产许可"]
    assert window.count_label.text() == "显示 1 项 / 共 6 项"
    assert view.current_filter() == ListFilter(text="食品")
    view.search.clear()
    type_text(view.search, "证")  # one character: matches the sub-items' names through their item
    qtbot.waitUntil(lambda: view.model.total == 2, timeout=2000)
    assert sorted(names(view)) == ["排污许可", "食品生产许可"]


def test_facets_narrow_the_list_and_clear_all_resets(window: MainWindow) -> None:
    view = window.current_view()
    departments = view.facets.combos["department"]
    market = window.session.library.records.find_department("市市场监督管理局")
    departments.set_selected((market,))
    assert sorted(names(view)) == ["特种设备使用登记", "食品生产许可"]
    view.facets.combos["level"].set_selected(("县级",))
    assert names(view) == ["特种设备使用登记"]
    assert view.current_filter().department_ids == (market,) and view.current_filter().levels == ("县级",)
    assert "部门" in departments.summary() and "市市场监督管理局" in departments.summary()
    view.clear_filters()
    assert view.model.total == 6 and view.current_filter().is_empty()


def test_powers_filter_by_receiving_region_including_its_streets(window: MainWindow) -> None:
    view = window.show_list("power")
    zone = window.session.library.records.find_region("红海湾经济开发试验区")
    view.facets.combos["region"].set_selected((zone,))
    assert view.model.total == 2
    street = window.session.library.records.find_region("遮浪街道")
    view.facets.combos["region"].set_selected((street,))
    assert names(view) == ["对露天焚烧秸秆的行政处罚"]


def test_region_tree_picks_a_zone_and_everything_under_it(window: MainWindow) -> None:
    view = window.show_list("region")
    root = view.tree_model.index(0, 0)
    zone = next(view.tree_model.index(row, 0, root) for row in range(view.tree_model.rowCount(root))
                if view.tree_model.index(row, 0, root).data().startswith("红海湾"))
    view.tree.setCurrentIndex(zone)
    assert sorted(names(view)) == ["东洲街道", "田墘街道", "红海湾经济开发试验区", "遮浪街道"]


def test_header_click_sorts_through_the_library(window: MainWindow) -> None:
    view = window.current_view()
    column = [c.key for c in view.spec.columns].index("name")
    view.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)
    expected = [row["name"] for row in window.session.library.lists.query("licence", sort="name").rows]
    assert names(view) == expected and names(view) != [name for _d, name, _l, _s in
                                                       __import__("conftest").LICENCES]


def test_new_record_shows_validation_messages_at_the_field_then_saves(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    view = window.current_view()
    dialog = view.new_record()
    dialog.save()
    wait_idle(qtbot, window.session)
    error = dialog.error_labels["name"]
    assert dialog.isVisible() and not error.isHidden() and error.text() == "请填写“事项名称”。"
    assert not dialog.error_labels["department_id"].isHidden()
    assert dialog.error_labels["level"].isHidden()
    type_text(dialog.widgets["name"], "药品零售企业许可")
    dialog.widgets["department_id"].setEditText("市市场监管局")  # a short name resolves
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert view.model.total == 7
    record = window.session.library.records.get("licence", dialog.saved_id)
    assert record["department"] == "市市场监督管理局"


def test_unknown_department_is_reported_at_its_field(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    dialog = window.current_view().new_record()
    type_text(dialog.widgets["name"], "新事项")
    dialog.widgets["department_id"].setEditText("不存在的局")
    dialog.save()
    wait_idle(qtbot, window.session)
    assert "不存在的局" in dialog.error_labels["department_id"].text()
    assert dialog.isVisible()


def test_edit_then_undo_and_redo(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    view = window.current_view()
    dialog = form_renaming(view, "排污许可", "排污许可（含变更）")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert "排污许可（含变更）" in names(view)
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    wait_idle(qtbot, window.session)
    assert "排污许可" in names(view) and "排污许可（含变更）" not in names(view)
    window.redo_action.trigger()
    wait_idle(qtbot, window.session)
    assert "排污许可（含变更）" in names(view)
    window.undo_action.trigger()
    wait_idle(qtbot, window.session)
    assert "排污许可" in names(view)


def test_a_change_rereads_the_lists_that_show_it_and_no_other(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    """Renaming a department changes the licence rows that name it: that list reads again (from what
    the library says the write changed, no list named by hand); the import history does not."""
    licences = window.current_view()
    imports = window.show_list("imports")
    departments = window.show_list("department")
    resets = {kind: [] for kind in ("licence", "imports", "department")}
    for kind, view in (("licence", licences), ("imports", imports), ("department", departments)):
        view.model.modelReset.connect(lambda kind=kind: resets[kind].append(True))
    market = window.session.library.records.find_department("市市场监督管理局")
    window.session.change("改名", lambda library: library.records.update("department", market,
                                                                       {"name": "市市场监管总局"}))
    wait_idle(qtbot, window.session)
    assert resets["licence"] and resets["department"] and not resets["imports"]
    shown = {licences.model.row_at(row)["department"] for row in range(licences.model.rowCount())}
    assert "市市场监管总局" in shown and "市市场监督管理局" not in shown
    window.undo_action.trigger()
    wait_idle(qtbot, window.session)
    shown = {licences.model.row_at(row)["department"] for row in range(licences.model.rowCount())}
    assert "市市场监督管理局" in shown and not resets["imports"]


def test_delete_asks_and_says_what_goes_with_it_and_can_be_undone(window: MainWindow, qtbot,  # noqa: ANN001
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    view = window.current_view()
    questions: list[str] = []
    answer = {"yes": False}
    monkeypatch.setattr(prompts, "confirm", lambda _p, _t, text: questions.append(text) or answer["yes"])
    view.select_id(window.session.library.lists.query("licence", ListFilter(text="食品生产许可")).rows[0]["id"])
    assert not view.delete_selected()
    assert "食品生产许可" in questions[0] and "子项 2" in questions[0]
    assert view.model.total == 6
    answer["yes"] = True
    assert view.delete_selected()
    wait_idle(qtbot, window.session)
    assert view.model.total == 5 and "食品生产许可" not in names(view)
    window.undo_action.trigger()
    wait_idle(qtbot, window.session)
    assert view.model.total == 6
    restored = window.session.library.lists.query("licence", ListFilter(text="食品生产许可")).rows[0]
    assert restored["sub_item_count"] == 2


def test_unsaved_changes_are_never_dropped_silently(window: MainWindow, qtbot,  # noqa: ANN001
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    choice = {"value": prompts.Choice.CANCEL}
    asked: list[bool] = []
    monkeypatch.setattr(prompts, "ask_save", lambda _p: asked.append(True) or choice["value"])
    view = window.current_view()
    dialog = view.edit_current()
    dialog.reject()
    assert not dialog.isVisible() and not asked  # nothing changed: closes without asking
    dialog = view.edit_current()
    type_text(dialog.widgets["remark"], "待核实")
    dialog.close()
    assert asked and dialog.isVisible()
    choice["value"] = prompts.Choice.SAVE
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert window.session.library.records.get("licence", dialog.saved_id)["remark"] == "待核实"
    dialog = view.edit_current()
    type_text(dialog.widgets["remark"], "不要了")
    choice["value"] = prompts.Choice.DISCARD
    dialog.reject()
    assert not dialog.isVisible()
    assert window.session.library.records.get("licence", dialog.saved_id)["remark"] == "待核实"


def test_sub_items_and_delegations_are_edited_under_their_parent(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    view = window.current_view()
    view.select_id(window.session.library.lists.query("licence", ListFilter(text="食品生产许可")).rows[0]["id"])
    assert view.detail.children_model.rowCount() == 2
    assert "食品生产许可" in view.detail.summary.text()
    dialog = view.detail.add_child()
    type_text(dialog.widgets["name"], "食品生产许可证延续")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert view.detail.children_model.rowCount() == 3
    powers = window.show_list("power")
    powers.select_id(window.session.library.lists.query("power", ListFilter(text="食品经营")).rows[0]["id"])
    assert powers.detail.children_model.rowCount() == 0
    dialog = powers.detail.add_child()
    combo = dialog.widgets["region_id"]
    combo.setCurrentIndex(combo.findText("东洲街道"))
    dialog.widgets["effective_date"].setText("2022.10.1")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert powers.detail.children_model.row_at(0)["region"] == "东洲街道"
    assert "东洲街道" in names(powers) or powers.model.row_at(0)["receiving"]


def test_merging_departments_moves_items_and_can_be_undone(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    library = window.session.library
    view = window.show_list("department")
    absorb = library.records.find_department("市生态环境局")
    keep = library.records.find_department("市发展和改革局")
    view.select_id(absorb)
    dialog = window.merge_departments()
    assert isinstance(dialog, MergeDepartmentsDialog) and dialog.absorb.value() == absorb
    dialog.keep.set_value(absorb)
    dialog.accept()
    wait_idle(qtbot, window.session)
    assert "自己" in dialog.error.text() and dialog.isVisible()
    dialog.keep.set_value(keep)
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert view.model.total == 3
    assert library.records.find_department("市生态环境局") == keep
    assert library.lists.query("licence", ListFilter(department_ids=(keep,))).total == 4
    window.undo_action.trigger()
    wait_idle(qtbot, window.session)
    assert view.model.total == 4 and library.records.find_department("市生态环境局") == absorb


def test_bulk_change_is_one_undoable_step(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    view = window.current_view()
    view.table.selectAll()
    assert len(view.selected_ids()) == 6 and window.bulk_action.isEnabled()
    dialog = window.bulk_edit()
    assert isinstance(dialog, BulkEditDialog)
    dialog.value.setCurrentIndex(dialog.value.findData("暂停"))
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert {view.model.row_at(row)["status"] for row in range(6)} == {"暂停"}
    window.undo_action.trigger()
    wait_idle(qtbot, window.session)
    assert {view.model.row_at(row)["status"] for row in range(6)} == {"有效"}


def test_saved_filters_come_back(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    view = window.current_view()
    view.facets.combos["level"].set_selected(("县级",))
    view.save_current_filter("县级事项")
    wait_idle(qtbot, window.session)
    saved = window.session.library.lists.saved_filters("licence")
    assert saved["县级事项"].levels == ("县级",)
    view.clear_filters()
    view.set_filter(saved["县级事项"])
    assert names(view) == ["特种设备使用登记"]


def test_changes_from_the_command_line_show_on_refresh_and_focus(window: MainWindow, db_path: Path) -> None:
    view = window.current_view()
    with Library(db_path) as other:
        other.records.create("licence", {"department": "市发改局", "name": "粮食收购资格认定"})
    window.refresh()
    assert view.model.total == 7
    with Library(db_path) as other:
        other.records.create("licence", {"department": "市发改局", "name": "价格评估机构资质认定"})
    window._application_state(Qt.ApplicationState.ApplicationActive)
    assert view.model.total == 8
    reads = []
    view.model.modelReset.connect(lambda: reads.append(1))
    window._application_state(Qt.ApplicationState.ApplicationActive)
    assert not reads  # nothing changed: nothing read again


def test_second_copy_offers_read_only_use(launcher, db_path: Path, qtbot,  # noqa: ANN001
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from lawgov_desktop.ui.app import Launcher

    first = launcher.open(db_path)
    assert first is not None and not first.session.read_only
    asked: list[str] = []
    answer = {"read_only": False}
    monkeypatch.setattr(prompts, "ask_read_only", lambda path: asked.append(path) or answer["read_only"])
    second = Launcher()
    assert second.open(db_path) is None and asked == [str(db_path.resolve())]
    answer["read_only"] = True
    window = second.open(db_path)
    try:
        assert window.session.read_only and window.session.writer is None
        assert not window.new_action.isEnabled() and not window.delete_action.isEnabled()
        assert window.current_view().new_record() is None
        assert "只读" in window.windowTitle()
    finally:
        window.close()
        second.release()


def test_language_switch_in_preferences(window: MainWindow, app: QApplication) -> None:
    from lawgov_desktop.ui import i18n, settings
    from lawgov_desktop.ui.dialogs import PreferencesDialog
    from lawgov_desktop.ui.session import Session

    assert window.menuBar().actions()[0].text() == "文件(&F)"
    dialog = PreferencesDialog(window)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert settings.language() == "en"
    i18n.install(app, settings.language())
    english = MainWindow(Session(window.session.path, read_only=True))
    try:
        assert english.menuBar().actions()[0].text() == "&File"
        assert english.current_view().status_text == "Showing 6 of 6"
    finally:
        english.close()
    i18n.install(app, "zh_CN")
    assert QApplication.translate("MainWindow", "&File") == "文件(&F)"


def test_layout_is_remembered(launcher, db_path: Path) -> None:  # noqa: ANN001
    window = launcher.open(db_path)
    header = window.current_view().table.horizontalHeader()
    header.resizeSection(3, 333)
    header.setSectionHidden(9, True)
    window.close()
    window = launcher.open(db_path)
    header = window.current_view().table.horizontalHeader()
    assert header.sectionSize(3) == 333 and header.isSectionHidden(9)


def test_a_write_that_ends_as_the_window_closes_reads_nothing_after(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    """Closing waits for the writer; its answer arrives after the connection closed and must not read."""
    window.session.run("", lambda library: library.lists.save_filter("licence", "食品", ListFilter(text="食品")))
    window.close()
    qtbot.wait(100)
    assert window.session.closed
