"""The 修改记录 window: old and new values side by side, filters, paging, per record, revert."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from ui_helpers import type_text, wait_idle

from lawgov_desktop.core.library import Library
from lawgov_desktop.ui import prompts
from lawgov_desktop.ui.history_view import HistoryWindow
from lawgov_desktop.ui.main_window import MainWindow


@pytest.fixture()
def edited_db(db_path: Path) -> Path:
    """The test database after another clerk (王五) changed a licence item twice and deleted a batch."""
    with Library(db_path, user="王五") as library:
        item = library.lists.query("licence").rows[0]["id"]
        library.records.update("licence", item, {"level": "县级"})
        library.records.update("licence", item, {"remark": "已核对"})
        library.records.delete("batch", library.records.create("batch", {"name": "第九批"}))
    return db_path


@pytest.fixture()
def history(launcher, edited_db: Path, messages: list[str], qtbot) -> HistoryWindow:  # noqa: ANN001
    window = launcher.open(edited_db)
    qtbot.waitExposed(window)
    return window.safety.show_history()


def summaries(history: HistoryWindow) -> list[str]:
    return [history.model.row_at(row)["summary"] for row in range(history.model.rowCount())]


def changes(history: HistoryWindow) -> list[tuple[str, str, str]]:
    table = history.changes
    return [tuple(table.item(row, column).text() for column in range(3)) for row in range(table.rowCount())]


def select(history: HistoryWindow, text: str) -> dict:
    row = next(row for row in range(history.model.rowCount()) if text in history.model.row_at(row)["summary"])
    history.table.selectRow(row)
    return history.model.row_at(row)


def test_entries_show_who_changed_what_with_old_and_new_values(history: HistoryWindow) -> None:
    newest = history.model.row_at(0)
    assert newest["user"] == "王五" and newest["action"] == "delete"
    assert history.model.data(history.model.index(0, 2)) == "删除"
    assert history.model.data(history.model.index(0, 3)) == "批次"
    select(history, "行使层级")
    assert changes(history) == [("行使层级", "市级", "县级")]  # only the field that changed, by its label
    select(history, "删除批次")
    assert changes(history) == [("批次", "第九批", "")]
    select(history, "新增行政许可事项“食品生产许可”")
    values = {label: (old, new) for label, old, new in changes(history)}
    assert values["主管部门"] == ("", "市市场监督管理局")  # a name, not the department's id
    assert values["部分"][1] == "中央层面设定"  # a label, not the key "central"
    assert "created_at" not in values and "updated_at" not in values
    assert "共" in history.count_label.text()


def test_filters_by_user_action_kind_text_and_dates_narrow_the_list(history: HistoryWindow, qtbot) -> None:  # noqa: ANN001
    everything = history.model.total
    assert history.user.findText("王五") > 0 and history.user.findText("tester") > 0
    history.user.setCurrentIndex(history.user.findText("王五"))
    assert history.model.total == 4 and {row["user"] for row in rows(history)} == {"王五"}
    history.action.setCurrentIndex(history.action.findData("update"))
    assert history.model.total == 2 and all(row["action"] == "update" for row in rows(history))
    history.clear_filters()
    assert history.model.total == everything
    history.kind.setCurrentIndex(history.kind.findData("department"))
    assert history.model.total == 4 and {row["entity"] for row in rows(history)} == {"department"}
    history.clear_filters()
    type_text(history.search, "食品")
    qtbot.waitUntil(lambda: history.model.total < everything, timeout=2000)
    assert all("食品" in summary for summary in summaries(history))
    history.clear_filters()
    history.since.setDate(QDate.currentDate().addDays(1))
    assert history.model.total == 0 and not history.revert_button.isEnabled()
    history.since.setDate(QDate.currentDate().addYears(-1))
    history.until.setDate(QDate.currentDate().addYears(1))
    assert history.model.total == everything


def rows(history: HistoryWindow) -> list[dict]:
    return [history.model.row_at(row) for row in range(history.model.rowCount())]


def test_reverting_one_change_restores_that_field_only_and_marks_it(history: HistoryWindow, qtbot,  # noqa: ANN001
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    session = history.session
    entry = select(history, "行使层级")
    item = entry["entity_id"]
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda _parent, _title, text: asked.append(text) or True)
    history.revert_button.click()
    wait_idle(qtbot, session)
    record = session.library.records.get("licence", item)
    assert record["level"] == "市级" and record["remark"] == "已核对"  # the later change stays
    assert asked and "行使层级" in asked[0]
    row = history.model.row_of(entry["id"])
    assert history.model.data(history.model.index(row, 4)) == "已撤销"
    assert history.model.data(history.model.index(row, 0), Qt.ItemDataRole.ForegroundRole) is not None
    history.table.selectRow(row)
    assert not history.revert_button.isEnabled() and "已撤销" in history.entry_label.text()
    view = history.parent().current_view()
    assert view.model.row_at(view.model.row_of(item))["level"] == "市级"  # the list read again
    session.undo_stack.undo()  # the revert is an undoable step like any other
    wait_idle(qtbot, session)
    assert session.library.records.get("licence", item)["level"] == "县级"


def test_the_history_of_one_record_from_the_list(launcher, edited_db: Path, qtbot) -> None:  # noqa: ANN001
    window: MainWindow = launcher.open(edited_db)
    view = window.current_view()
    item = Library(edited_db).lists.query("licence").rows[0]["id"]
    view.select_id(item)
    assert window.safety.record_history_action in view.table.actions()
    window.safety.record_history_action.trigger()
    history = window.safety.history_window
    assert history is not None and history.isVisible()
    assert {row["entity_id"] for row in rows(history)} == {item} and history.model.total == 3
    assert "企业投资项目核准" in history.record_label.text() and not history.kind.isEnabled()
    history.all_button.click()
    assert history.model.total > 3 and history.kind.isEnabled()


def test_a_long_history_is_read_page_by_page(launcher, db_path: Path) -> None:  # noqa: ANN001
    with Library(db_path, user="tester") as library, library.store.operation("批量"):
        for number in range(150):
            library.records.update("department", 1, {"remark": f"第{number}次"})
    history = launcher.open(db_path).safety.show_history()
    assert history.model.total > 150 and len(history.model._pages) == 1
    assert history.model.row_at(history.model.total - 1)["summary"].startswith("新增")
    assert len(history.model._pages) == 2
