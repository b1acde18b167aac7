"""Another clerk saved the record first: the form and the cell show their values beside the clerk's,
and the clerk keeps theirs, takes the other's or merges by hand; a record deleted meanwhile keeps
the clerk's values to copy.  The other clerk is a second library on the same database (SQLite file,
and the test PostgreSQL server)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPlainTextEdit
from test_clipboard_and_cells import edit_cell, press_enter, row_of_name
from ui_helpers import form_renaming, type_text, wait_idle

from lawgov_desktop.core.errors import ConflictError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.ui import prompts
from lawgov_desktop.ui.conflict_dialog import MERGED, MINE, THEIRS, ConflictDialog
from lawgov_desktop.ui.forms import RecordDialog
from lawgov_desktop.ui.main_window import MainWindow


def _item(library: Library, name: str) -> int:
    return int(library.lists.query("licence", ListFilter(text=name)).rows[0]["id"])


@pytest.fixture(params=["sqlite", "postgresql"])
def any_window(request: pytest.FixtureRequest) -> MainWindow:
    """The window on a SQLite file and on a server database."""
    return request.getfixturevalue("window" if request.param == "sqlite" else "server_window")


@pytest.fixture
def colleague(any_window: MainWindow) -> Iterator[Library]:
    """Another clerk with the same database open."""
    library = Library(any_window.session.library.location, user="李四")
    yield library
    library.close()


class Shown(list):
    """Conflict dialogs the window opened; each answers with ``decide`` (Cancel when None)."""

    decide: Callable[[ConflictDialog], None] | None = None

    def answer(self, dialog: ConflictDialog) -> int:
        self.append(dialog)
        if self.decide is None:
            return QDialog.DialogCode.Rejected
        self.decide(dialog)
        return QDialog.DialogCode.Accepted


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Shown:
    dialogs = Shown()
    monkeypatch.setattr(ConflictDialog, "exec", lambda dialog: dialogs.answer(dialog))
    return dialogs


def test_the_dialog_shows_theirs_beside_mine_in_chinese_and_saves_the_decision(app: QApplication, tmp_path: Path,
                                                                               qtbot) -> None:  # noqa: ANN001
    path = tmp_path / "清单.sqlite3"
    with Library(path, user="张三") as mine, Library(path, user="李四") as theirs:
        department = mine.records.create("department", {"name": "市市场监督管理局"})
        mine.records.create("department", {"name": "市发展和改革局"})
        item = mine.records.create("licence", {"name": "食品经营许可", "department_id": department,
                                               "remark": "原备注", "certificate": "许可证"})
        loaded = mine.records.get("licence", item)["row_version"]
        theirs.records.update("licence", item, {"remark": "李四的备注", "certificate": "食品经营许可证",
                                                "department": "市发展和改革局"})
        with pytest.raises(ConflictError) as refused:
            mine.records.update("licence", item, {"remark": "张三的备注", "certificate": "经营许可证",
                                                  "department": "市市场监督管理局"}, row_version=loaded)
        dialog = ConflictDialog(refused.value)
        qtbot.addWidget(dialog)
        texts = {box.objectName(): box.toPlainText() for box in dialog.findChildren(QPlainTextEdit)}
        assert (texts["theirs_remark"], texts["mine_remark"]) == ("李四的备注", "张三的备注")
        assert (texts["theirs_department_id"], texts["mine_department_id"]) == ("市发展和改革局", "市市场监督管理局")
        assert dialog.windowTitle() == "他人已修改此记录"
        headings = [label.text() for label in dialog.findChildren(QLabel)]
        assert "<b>他人的值</b>" in headings and "<b>您的值</b>" in headings and "李四" in headings[0]
        assert dialog.decisions["remark"].currentText() == "保留我的"
        dialog.decide("remark", MERGED, "李四的备注；张三的备注")
        dialog.decide("certificate", THEIRS)
        dialog.decide("department_id", MINE)
        assert not dialog.merged["certificate"].isEnabled() and dialog.merged["remark"].isEnabled()
        assert dialog.changes() == {"remark": "李四的备注；张三的备注", "department": "市市场监督管理局"}
        mine.records.update("licence", item, dialog.changes(), row_version=refused.value.row_version)
        saved = theirs.records.get("licence", item)
        assert (saved["remark"], saved["certificate"], saved["department_id"]) == (
            "李四的备注；张三的备注", "食品经营许可证", department)


def test_a_form_saved_over_another_clerks_change_asks_and_keeps_the_decision(
        any_window: MainWindow, colleague: Library, shown: Shown, qtbot) -> None:  # noqa: ANN001
    view = any_window.current_view()
    form = form_renaming(view, "排污许可", "排污许可证核发")
    record = _item(colleague, "排污许可")
    colleague.records.update("licence", record, {"name": "排污许可（李四）", "remark": "李四加的备注"})
    shown.decide = lambda dialog: dialog.decide("name", MINE)
    form.save()
    wait_idle(qtbot, any_window.session)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    [dialog] = shown
    assert [(f.key, f.theirs_text, f.mine_text) for f in dialog.conflict.fields] == [
        ("name", "排污许可（李四）", "排污许可证核发")]
    saved = colleague.records.get("licence", record)
    assert (saved["name"], saved["remark"]) == ("排污许可证核发", "李四加的备注")  # their other change stands
    assert form.result() == RecordDialog.DialogCode.Accepted


def test_a_third_change_while_the_clerk_decides_asks_again(any_window: MainWindow, colleague: Library,
                                                           shown: Shown, qtbot) -> None:  # noqa: ANN001
    view = any_window.current_view()
    form = form_renaming(view, "排污许可", "排污许可证核发")
    record = _item(colleague, "排污许可")
    colleague.records.update("licence", record, {"name": "排污许可（李四）"})

    def meanwhile(dialog: ConflictDialog) -> None:
        if len(shown) == 1:
            colleague.records.update("licence", record, {"name": "排污许可（王五）"})
        dialog.decide("name", THEIRS if len(shown) == 2 else MINE)

    shown.decide = meanwhile
    form.save()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    wait_idle(qtbot, any_window.session)
    assert shown[1].conflict.fields[0].theirs_text == "排污许可（王五）"
    assert colleague.records.get("licence", record)["name"] == "排污许可（王五）"


def test_a_record_deleted_meanwhile_keeps_the_clerks_values_to_copy(
        any_window: MainWindow, colleague: Library, shown: Shown, qtbot) -> None:  # noqa: ANN001
    view = any_window.current_view()
    form = form_renaming(view, "排污许可", "排污许可证核发")
    record = _item(colleague, "排污许可")
    colleague.records.delete("licence", record)
    form.save()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    wait_idle(qtbot, any_window.session)
    [dialog] = shown
    assert dialog.conflict.deleted and dialog.windowTitle() == "他人已删除此记录"
    assert "李四" in dialog.conflict.message and "删除" in dialog.conflict.message
    assert dialog.kept.toPlainText() == "事项名称：排污许可证核发"
    dialog.copy_kept()
    assert QApplication.clipboard().text() == "事项名称：排污许可证核发"
    assert form.isVisible() and form.values()["name"] == "排污许可证核发"  # nothing typed is lost


def test_a_cell_saved_over_another_clerks_change_asks_and_taking_theirs_writes_nothing(
        any_window: MainWindow, colleague: Library, shown: Shown, qtbot) -> None:  # noqa: ANN001
    view = any_window.current_view()
    row = row_of_name(view, "排污许可")
    record = view.model.id_at(row)
    editor = edit_cell(view, qtbot, row, "name")
    # a change this window has not heard of yet (on a server the notice takes up to a second)
    colleague.store.conn.execute("UPDATE licence_item SET name = ? WHERE id = ?", ("排污许可（李四）", record))
    entries = colleague.store.count("SELECT count(*) FROM change_log")
    editor.clear()
    type_text(editor, "排污许可证核发")
    shown.decide = lambda dialog: dialog.decide_all(THEIRS)
    press_enter(view, qtbot, editor)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    wait_idle(qtbot, any_window.session)
    assert [(f.theirs_text, f.mine_text) for f in shown[0].conflict.fields] == [("排污许可（李四）", "排污许可证核发")]
    assert colleague.records.get("licence", record)["name"] == "排污许可（李四）"
    assert colleague.store.count("SELECT count(*) FROM change_log") == entries


@pytest.mark.parametrize("still_delete", [True, False])
def test_a_delete_of_a_record_changed_while_the_clerk_was_asked_asks_again(
        any_window: MainWindow, colleague: Library, monkeypatch: pytest.MonkeyPatch, qtbot,  # noqa: ANN001
        still_delete: bool) -> None:
    view = any_window.current_view()
    record = _item(colleague, "排污许可")
    view.select_id(record)
    questions: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        questions.append(text)
        if len(questions) == 1:  # while the clerk reads the question, another clerk edits the record
            colleague.records.update("licence", record, {"remark": "李四刚加的备注"})
            return True
        return still_delete

    monkeypatch.setattr(prompts, "confirm", confirm)
    assert view.delete_selected()
    qtbot.waitUntil(lambda: len(questions) == 2, timeout=5000)
    wait_idle(qtbot, any_window.session)
    assert "已被李四" in questions[1] and "未删除" in questions[1] and "仍要删除" in questions[1]
    remaining = colleague.store.count("SELECT count(*) FROM licence_item WHERE id = ?", record)
    assert remaining == (0 if still_delete else 1)
