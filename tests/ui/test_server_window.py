"""The window on an office's PostgreSQL database: the same lists and editing, other clerks' changes
within a second, the connect dialog and its password, the messages of a failed connection, and a
dropped connection that keeps the clerk's unsaved edit."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from server import admin_connection
from ui_helpers import form_renaming, type_text, wait_idle

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.location import ServerAddress
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.ui import app as ui_app
from lawgov_desktop.ui import settings
from lawgov_desktop.ui.app import Launcher
from lawgov_desktop.ui.main_window import MainWindow
from lawgov_desktop.ui.server_dialog import PasswordDialog, ServerDialog


def names(view) -> list[str]:  # noqa: ANN001
    return [view.model.row_at(row)["name"] for row in range(view.model.rowCount())]


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_the_window_on_a_server_lists_searches_edits_and_undoes(server_window: MainWindow, qtbot,  # noqa: ANN001
                                                                server_database: ServerAddress) -> None:
    assert server_window.session.path is None
    listener = server_window.session._listener
    assert listener is not None and listener.listening.wait(5)
    assert server_database.url in server_window.windowTitle()
    view = server_window.current_view()
    assert view.model.total == 6
    type_text(view.search, "食品")
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=2000)
    assert names(view) == ["食品生产许可"]
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.total == 6, timeout=2000)
    dialog = form_renaming(view, "排污许可", "排污许可（含变更）")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert "排污许可（含变更）" in names(view)
    server_window.undo_action.trigger()
    wait_idle(qtbot, server_window.session)
    assert "排污许可" in names(view) and "排污许可（含变更）" not in names(view)
    entry = server_window.session.library.history.change_log(limit=1).rows[0]
    assert entry["user"] == "lawgov_test"  # the server's name for the clerk
    qtbot.wait(500)  # the notices of our own writes have arrived: they are no news
    assert not status(server_window).startswith("已刷新")


def test_another_clerks_change_shows_within_a_second_with_who_made_it(server_window: MainWindow, qtbot,  # noqa: ANN001
                                                                       server_database: ServerAddress) -> None:
    listener = server_window.session._listener
    assert listener is not None and listener.listening.wait(5)
    view = server_window.current_view()
    with Library(server_database, user="乙科员") as other:
        other.records.create("licence", {"department": "市生态环境局", "name": "危险废物经营许可", "level": "市级"})
        qtbot.waitUntil(lambda: view.model.total == 7, timeout=1000)
    assert "危险废物经营许可" in names(view)
    assert status(server_window) == "已刷新：乙科员 修改了许可事项"


@pytest.fixture()
def clerk_role(server_database: ServerAddress) -> Iterator[ServerAddress]:
    """A login role with a password that may use the test database (dropped afterwards)."""
    role = f"lawgov_clerk_{uuid.uuid4().hex[:8]}"
    with admin_connection() as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'secret-口令'")
    import psycopg

    with psycopg.connect(**server_database.connect_arguments(), autocommit=True) as conn:
        for what in ("TABLES", "SEQUENCES"):
            conn.execute(f"GRANT ALL ON ALL {what} IN SCHEMA public TO {role}")
    try:
        yield ServerAddress(host=server_database.host, port=server_database.port,
                            database=server_database.database, user=role)
    finally:
        with admin_connection() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{server_database.database}" WITH (FORCE)')
            conn.execute(f"DROP ROLE IF EXISTS {role}")


def answer(qtbot, kind: type[QWidget], act: Callable[[QWidget], None]) -> list[QWidget]:  # noqa: ANN001
    """Act on the next shown dialog of ``kind`` (a modal one blocks the test's own code)."""
    answered: list[QWidget] = []

    def look() -> None:
        # Only the dialog in front: walking every top-level widget touched the progress dialog
        # of run_off_gui_thread while it was being torn down, and crashed now and then.
        shown = QApplication.activeModalWidget()
        if isinstance(shown, kind) and shown.isVisible() and not answered:
            answered.append(shown)
            act(shown)
        elif not answered:
            QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)
    return answered


def test_the_dialog_connects_asking_for_the_password_and_never_saves_it(
        window: MainWindow, launcher: Launcher, clerk_role: ServerAddress, qtbot,  # noqa: ANN001
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, messages: list[str]) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PGSERVICE", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no.pgpass"))

    def fill(dialog: ServerDialog) -> None:
        dialog.host.setText(clerk_role.host)
        dialog.port.setValue(clerk_role.port)
        dialog.database.setText(clerk_role.database)
        dialog.user.setText(clerk_role.user or "")
        dialog.accept()

    problems: list[str] = []

    def wrong(dialog: PasswordDialog) -> None:
        assert dialog.password.echoMode() == dialog.password.EchoMode.Password
        dialog.password.setText("wrong")
        dialog.accept()
        answer(qtbot, PasswordDialog, right)

    def right(dialog: PasswordDialog) -> None:
        problems.append(dialog.problem.text())
        type_text(dialog.password, "secret-口令")
        dialog.accept()

    answer(qtbot, ServerDialog, fill)
    answer(qtbot, PasswordDialog, wrong)
    window.connect_server()
    opened = launcher.window
    assert opened is not None and opened is not window and not messages
    assert opened.session.location == clerk_role.with_password("secret-口令")
    assert clerk_role.url in opened.windowTitle()
    assert "密码不正确" in problems[0]
    assert opened.current_view().model.total == 0  # an empty database, on the server
    assert opened.session.library.user == clerk_role.user
    assert clerk_role.url in settings.recent_databases()
    opened.close()
    launcher.window = None
    settings_file = Path(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                   settings.ORGANISATION, settings.APPLICATION).fileName())
    assert clerk_role.url in settings_file.read_text(encoding="utf-8")
    assert "secret" not in settings_file.read_text(encoding="utf-8")

    offered: list[str] = []

    def look_and_cancel(dialog: ServerDialog) -> None:
        offered.append(dialog.user.text())
        dialog.reject()

    answer(qtbot, ServerDialog, look_and_cancel)
    assert ServerDialog.ask() is None
    assert offered == [clerk_role.user]  # the recent server is offered first


def test_a_server_that_cannot_be_used_gets_one_message_and_the_window_stays(
        window: MainWindow, launcher: Launcher, server_database: ServerAddress, messages: list[str]) -> None:
    assert launcher.open(ServerAddress(host="127.0.0.1", port=1, database="lawgov", user="x")) is None
    assert len(messages) == 1 and messages[0].startswith("无法连接数据库服务器 127.0.0.1:1：服务器未启动")
    import psycopg

    with psycopg.connect(**server_database.connect_arguments(), autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    assert launcher.open(server_database) is None
    assert len(messages) == 2 and "由更新版本的 LawGov 创建" in messages[1]
    assert launcher.window is window and window.isVisible()
    assert window.current_view().model.total == 6


def test_a_dropped_connection_keeps_the_open_form_and_saves_after_reconnecting(
        server_window: MainWindow, server_database: ServerAddress, qtbot, messages: list[str]) -> None:  # noqa: ANN001
    session = server_window.session
    assert session._listener is not None and session._listener.listening.wait(5)
    view = server_window.current_view()
    dialog = form_renaming(view, "排污许可", "排污许可（断线后保存）")
    with admin_connection() as admin:
        admin.execute(f'ALTER DATABASE "{server_database.database}" ALLOW_CONNECTIONS false')
        killed = admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                               (server_database.database,)).fetchall()
        assert len(killed) >= 3  # the window's reading connection, its writer and its listener
        qtbot.waitUntil(lambda: "连接中断" in status(server_window), timeout=2000)
        assert "自动重新连接" in status(server_window)
        dialog.save()  # the server takes no connection yet: said plainly, nothing lost
        qtbot.waitUntil(lambda: bool(messages), timeout=5000)
        assert messages[0].startswith("无法连接数据库服务器")
        assert dialog.isVisible() and dialog.widgets["name"].text() == "排污许可（断线后保存）"
        admin.execute(f'ALTER DATABASE "{server_database.database}" ALLOW_CONNECTIONS true')
    dialog.save()  # the server is back: the same edit saves on a new connection
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert len(messages) == 1
    assert "排污许可（断线后保存）" in names(view)
    with Library(server_database) as other:
        assert other.lists.query("licence", ListFilter(text="断线后保存")).total == 1


def test_lawgov_db_names_a_server_and_libpq_finds_the_password(
        app: QApplication, server_database: ServerAddress, monkeypatch: pytest.MonkeyPatch) -> None:
    """``LAWGOV_DB=postgresql://…`` (or ``--db``) opens the window on the server; the password
    comes from ``PGPASSWORD`` as for any PostgreSQL client, and no question is asked."""
    monkeypatch.setenv("LAWGOV_DB", server_database.url)
    monkeypatch.setenv("PGPASSWORD", server_database.password or "")
    titles: list[str] = []

    def run_then_quit() -> int:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                titles.append(widget.windowTitle())
                widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(run_then_quit))
    assert ui_app.main([]) == 0
    assert titles == [f"LawGov 清单管理 — {server_database.url}"]


def test_a_connection_lost_inside_a_write_is_told_plainly_and_the_next_write_reconnects(
        server_window: MainWindow, qtbot) -> None:  # noqa: ANN001
    """The server rolls back a transaction whose connection it lost: the clerk reads that nothing
    was saved (not a driver's class name), and the next work runs on a new connection."""
    session = server_window.session
    outcome: list[object] = []

    def lose_connection_midway(library: Library, _task: object) -> None:
        with library.store.transaction():
            with admin_connection() as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (library.store.conn.backend_pid,))
            library.store.conn.execute("SELECT 1")

    session.submit(lose_connection_midway, "test", on_error=lambda error: outcome.append(str(error)))
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert str(outcome[0]).startswith("与数据库服务器的连接中断，尚未保存的修改未写入")
    session.submit(lambda library, _task: library.lists.query("licence").total, "test", on_done=outcome.append)
    qtbot.waitUntil(lambda: len(outcome) == 2, timeout=5000)
    assert outcome[1] == 6
