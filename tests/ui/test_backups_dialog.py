"""Backups in the window: back up now, the 备份与恢复 list, restore, a damaged file at opening,
warnings at opening, the backup on closing, the backup settings in Preferences."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QToolBar
from ui_helpers import wait_idle

from lawgov_desktop.core import safety
from lawgov_desktop.core.integrity import quick_check
from lawgov_desktop.core.library import Library
from lawgov_desktop.ui import data_safety, prompts
from lawgov_desktop.ui.app import lock_database
from lawgov_desktop.ui.main_window import MainWindow


def started(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    """Until the start-up check and daily backup have run on the writer."""
    qtbot.waitUntil(lambda: bool(window.session.library.backups.list_backups()), timeout=5000)
    wait_idle(qtbot, window.session)


def corrupt_middle(path: Path, pages: int = 6) -> None:
    """Overwrite pages in the middle of the file with random bytes, as a failing disk does."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # the file's table of contents lies where the migrations left it: damaging it is another story
    schema = {row[0] for row in conn.execute("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")}
    conn.close()
    total = path.stat().st_size // 4096
    with path.open("r+b") as handle:
        for page in range(total // 2 - pages // 2, total // 2 + pages // 2):
            if page + 1 in schema:  # dbstat counts pages from 1
                continue
            handle.seek(page * 4096)
            handle.write(random.Random(page).randbytes(4096))


def assert_only_damage(errors: list) -> None:
    """Reading a damaged page on the GUI thread shows the library's message instead of raising."""
    assert errors == []


def reasons(window: MainWindow) -> list[str]:
    return [info.reason for info in window.session.library.backups.list_backups()]


def test_backup_now_writes_a_file_the_window_lists_and_says_where(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    started(window, qtbot)
    dialog = window.safety.show_backups()
    assert dialog.model.rowCount() == 1 and dialog.model.row_at(0)["reason"] == "每日自动备份"
    dialog.backup_button.click()
    wait_idle(qtbot, window.session)
    assert dialog.model.rowCount() == 2
    newest = dialog.model.row_at(0)
    info = newest["info"]
    assert info.path.is_file() and info.reason == "manual" and newest["reason"] == "手动备份"
    assert newest["state"] == "完好" and "许可事项 9" in newest["counts"] and "部门 4" in newest["counts"]
    assert str(info.path.parent) in dialog.folder_label.text()
    told = window.findChild(QMessageBox, "backup_saved")
    assert told is not None and str(info.path) in told.text()
    told.close()


def test_restore_brings_back_a_record_deleted_after_the_backup(window: MainWindow, qtbot,  # noqa: ANN001
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    started(window, qtbot)
    view = window.current_view()
    view.table.selectRow(0)
    deleted = view.current_id()
    monkeypatch.setattr(prompts, "confirm", lambda *args: True)
    view.delete_selected()
    wait_idle(qtbot, window.session)
    assert view.model.total == 5 and window.session.undo_stack.count() == 1
    dialog = window.safety.show_backups()
    questions: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda _parent, _title, text: questions.append(text) or True)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    wait_idle(qtbot, window.session)
    assert "当前数据会先自动备份" in questions[0] and "每日自动备份" in questions[0]
    assert view.model.total == 6 and view.model.row_of(deleted) is not None  # the view read again
    assert window.session.undo_stack.count() == 0  # its operations belong to the replaced data
    assert reasons(window)[0] == "before-restore" and "已恢复" in dialog.status.text()
    assert window.session.library.records.get("licence", deleted)["name"]


def test_restore_refuses_a_damaged_backup(window: MainWindow, qtbot, messages: list[str],  # noqa: ANN001
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    started(window, qtbot)
    backup = window.session.library.backups.list_backups()[0].path
    corrupt_middle(backup)
    monkeypatch.setattr(prompts, "confirm", lambda *args: True)
    dialog = window.safety.show_backups()
    dialog.restore_from_file(backup)
    wait_idle(qtbot, window.session)
    assert messages and "已损坏" in messages[0]
    assert window.current_view().model.total == 6 and quick_check(window.session.path) is None


@pytest.fixture()
def damaged_db(db_path: Path) -> Path:
    """The test database with a sound backup, then one more record, then damaged in the middle."""
    with Library(db_path, user="tester") as library:
        library.backups.backup(reason="daily")
        library.records.create("department", {"name": "损坏后丢失的部门"})
    corrupt_middle(db_path)
    assert quick_check(db_path) is not None
    return db_path


def test_a_damaged_database_offers_the_newest_backup_and_restoring_opens_it_writable(
        launcher, damaged_db: Path, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    offered: list[safety.DamagedDatabaseError] = []
    monkeypatch.setattr(data_safety, "ask_damaged",
                        lambda _parent, error: offered.append(error) or data_safety.Recovery.RESTORE)
    first = launcher.open(damaged_db)  # the writer's check runs while the window paints
    qtbot.waitUntil(lambda: launcher.window is not first, timeout=5000)
    assert offered and offered[0].backup is not None and offered[0].backup.reason == "daily"
    window = launcher.window
    started(window, qtbot)
    assert not window.session.read_only and window.session.writer is not None
    assert window.current_view().model.total == 6 and quick_check(damaged_db) is None
    kept = [info for info in window.session.library.backups.list_backups() if info.reason in ("before-restore", "damaged")]
    assert kept and kept[0].sound is False  # the damaged file is kept beside the backups


def test_quitting_at_a_damaged_database_closes_the_window(launcher, damaged_db: Path, qtbot,  # noqa: ANN001
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data_safety, "ask_damaged", lambda _parent, _error: data_safety.Recovery.QUIT)
    before = damaged_db.read_bytes()
    window = launcher.open(damaged_db)
    qtbot.waitUntil(lambda: launcher.window is None, timeout=5000)
    assert not window.isVisible()
    assert damaged_db.read_bytes() == before  # never written to
    lock = lock_database(damaged_db)  # and the lock was given back
    assert lock is not None
    lock.unlock()


def test_a_damaged_database_can_be_opened_read_only(launcher, damaged_db: Path, qtbot,  # noqa: ANN001
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data_safety, "ask_damaged", lambda _parent, _error: data_safety.Recovery.READ_ONLY)
    with qtbot.capture_exceptions() as read_errors:
        window = launcher.open(damaged_db)
        qtbot.waitUntil(lambda: window.session.read_only, timeout=5000)
    assert_only_damage(read_errors)
    assert launcher.window is window and not window.safety.backup_action.isEnabled()
    assert not window.safety.show_backups().restore_button.isEnabled()


def test_the_damage_explained_in_chinese_with_the_three_choices(app, damaged_db: Path, qtbot,  # noqa: ANN001
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(safety.DamagedDatabaseError) as caught:
        Library(damaged_db)
    shown: list[QMessageBox] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box)
        box.buttons()[-1].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    choice = data_safety.ask_damaged(None, caught.value)
    box = shown[0]
    assert "已损坏" in box.text() and "每日自动备份" in box.text() and "许可事项" in box.text()
    assert {button.text() for button in box.buttons()} >= {"恢复最新的完好备份", "以只读方式打开", "退出"}
    assert choice in tuple(data_safety.Recovery)


def test_a_network_share_is_warned_about_in_a_yellow_bar(launcher, db_path: Path,  # noqa: ANN001
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "network_share_warning", lambda _path: "数据库位于网络共享文件夹中")
    window = launcher.open(db_path)
    bar = window.findChild(QToolBar, "warning_bar")
    assert bar is not None and not bar.isHidden() and "网络共享" in window.findChild(
        QToolBar, "warning_bar").widgetForAction(bar.actions()[0]).text()


def test_closing_backs_up_only_what_changed(launcher, db_path: Path, qtbot) -> None:  # noqa: ANN001
    window = launcher.open(db_path)
    started(window, qtbot)
    window.close()
    with Library(db_path) as library:
        assert [info.reason for info in library.backups.list_backups()] == ["daily"]  # nothing changed: no copy
    window = launcher.open(db_path)
    window.session.change("改名", lambda library: library.records.update("department", 1, {"remark": "关闭前修改"}))
    wait_idle(qtbot, window.session)
    window.close()
    with Library(db_path) as library:
        newest = library.backups.list_backups()[0]
        assert newest.reason == "on-close" and newest.sound
    conn = sqlite3.connect(newest.path)
    assert conn.execute("SELECT remark FROM department WHERE id = 1").fetchone() == ("关闭前修改",)
    conn.close()


def test_preferences_set_how_many_backups_are_kept_and_where(window: MainWindow, qtbot,  # noqa: ANN001
                                                            tmp_path: Path) -> None:
    from lawgov_desktop.ui.dialogs import PreferencesDialog

    started(window, qtbot)
    dialog = PreferencesDialog(window, window.session)
    assert dialog.backup_keep.value() == 20 and dialog.backup_folder.text() == ""
    dialog.backup_keep.setValue(3)
    dialog.backup_folder.setText(str(tmp_path / "elsewhere"))
    dialog.accept()
    wait_idle(qtbot, window.session)
    settings = window.session.library.backups.backup_settings()
    assert settings.keep == 3 and settings.folder == tmp_path / "elsewhere"
    window.safety.backup_now()
    wait_idle(qtbot, window.session)
    assert (tmp_path / "elsewhere").is_dir() and len(list((tmp_path / "elsewhere").glob("*.sqlite3"))) == 1


def test_on_a_server_the_list_holds_sqlite_copies_in_the_users_folder_and_restore_is_refused(
        server_window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,  # noqa: ANN001
        messages: list[str]) -> None:
    monkeypatch.setenv("LAWGOV_DATA_DIR", str(tmp_path / "数据"))
    dialog = server_window.safety.show_backups()
    assert dialog.model.rowCount() == 0  # no automatic copies of a server database
    assert str(tmp_path / "数据" / "server-backups") in dialog.folder_label.text()
    dialog.backup_button.click()
    wait_idle(qtbot, server_window.session)
    assert dialog.model.rowCount() == 1
    info = dialog.model.row_at(0)["info"]
    assert info.path.is_relative_to(tmp_path / "数据" / "server-backups") and info.sound is True
    told = server_window.findChild(QMessageBox, "backup_saved")
    if told is not None:
        told.close()
    monkeypatch.setattr(prompts, "confirm", lambda *args: True)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    wait_idle(qtbot, server_window.session)
    assert any("服务器数据库不能用备份整体替换" in message for message in messages)
