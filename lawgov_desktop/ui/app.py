"""``lawgov-desktop [--db PATH|postgresql://…]``: start the window on a database file or server.

Only sqlite3-based core modules are imported on the way to the first paint; creating a new
database (which loads Alembic) happens off the GUI thread.  A lock file next to the database
(``PATH.lock``) tells a second copy of the program that the database is already open; it then
offers read-only use instead of two windows writing the same lists.  A server database has no
lock file: the server lets its clerks work at once (``server_dialog.log_in`` opens it).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtWidgets import QApplication

from lawgov_desktop import __version__
from lawgov_desktop.core import db
from lawgov_desktop.core.errors import DatabaseError, LawGovError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.location import Location, ServerAddress
from lawgov_desktop.core.safety import DamagedDatabaseError

from . import data_safety, focus, i18n, icons, prompts, settings
from .widgets import run_off_gui_thread

if TYPE_CHECKING:  # imported in Launcher.open: the window modules load only when a window opens
    from .main_window import MainWindow


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line of the window."""
    parser = argparse.ArgumentParser(prog="lawgov-desktop", description="LawGov Desktop")
    parser.add_argument("--db", metavar="PATH|URL", help="database file or postgresql://user@host:port/database "
                        "(default: LAWGOV_DB or the user data folder)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation on a temporary database, print a report and exit")
    return parser.parse_args(argv)


def lock_database(path: Path) -> QLockFile | None:
    """Hold ``PATH.lock`` while the window has the database open; None if another copy holds it.

    A lock left by a crashed copy is stale (its process is gone) and is taken over.  A lock file
    that cannot be written at all (a read-only folder or medium) raises ``LockUnavailable``: the
    clerk can still read the lists, but not as if another window had them.
    """
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        return None
    raise LockUnavailable(f"无法在“{path.parent}”中创建锁文件（该文件夹不可写或磁盘是只读的），"
                          "不能安全地修改这个数据库。")


class LockUnavailable(LawGovError):
    """The database's folder does not let us write the lock file next to it."""


class Launcher(QObject):
    """Opens windows on databases: locks, read-only fallback, replacing a window by another."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window: MainWindow | None = None
        self._lock: QLockFile | None = None

    def open(self, location: Location, *, create: bool = True) -> MainWindow | None:
        """A window on a database file or server (replacing the current one), or None if the
        clerk gave up.

        The integrity check runs on the writer thread from the moment the session exists, in
        parallel with building and painting the window, and before any write; a damaged file
        then gets the clerk's choice through ``Session.damaged`` (``_damaged``).
        """
        from .main_window import MainWindow
        from .session import Session

        if isinstance(location, ServerAddress):
            return self._open_server(location)
        path = Path(location).expanduser().resolve()
        reopening = (self.window is not None and self.window.session.path is not None
                     and self.window.session.path.resolve() == path)
        read_only = False
        lock: QLockFile | None = None
        try:
            if not path.exists():
                db.make_folder(path)  # a first start: the data folder does not exist yet
            lock = self._lock if reopening else lock_database(path)
            if lock is None:
                if not path.exists():
                    raise DatabaseError(f"数据库“{path}”正在被另一个 LawGov 窗口创建，请稍后再打开。")
                if not prompts.ask_read_only(str(path)):
                    self.refuse(f"数据库“{path}”已在另一个 LawGov 窗口中打开；按您的选择未打开。", shown=True)
                    return None
                read_only = True
        except LockUnavailable as error:
            if not path.is_file() or not prompts.ask_read_only(str(path), reason=str(error)):
                self.refuse(str(error), shown=path.is_file())
                return None
            read_only = True
        except LawGovError as error:
            self.refuse(str(error))
            return None
        try:
            if not read_only and (create or not path.exists()) and not _is_database(path):
                run_off_gui_thread(self.tr("Creating the database…"), lambda: Library(path).close())
            session = Session(path, read_only=read_only)
            window = MainWindow(session)
        except LawGovError as error:
            if lock is not None and not reopening:
                lock.unlock()
            self.refuse(str(error))
            return None
        return self._show(window, lock, reopening=reopening)

    def _open_server(self, address: ServerAddress) -> MainWindow | None:
        """A window on a server database: no lock file (the server lets clerks work at once); the
        password asked for if the server wants one nothing else holds (``server_dialog.log_in``)."""
        from .main_window import MainWindow
        from .server_dialog import log_in
        from .session import Session

        try:
            opened = log_in(self.window, address)
            if opened is None:
                return None
            window = MainWindow(Session(opened))
        except LawGovError as error:
            self.refuse(str(error))
            return None
        return self._show(window, None, reopening=False)

    def _show(self, window: MainWindow, lock: QLockFile | None, *, reopening: bool) -> MainWindow:
        """Put ``window`` in the current one's place, holding ``lock`` (None on a server)."""
        session = window.session
        if self.window is not None:
            self.window.close()
        if self._lock is not None and not reopening:
            self._lock.unlock()
        self._lock = lock
        settings.add_recent_database(session.location)
        self.window = window
        self.window.open_requested.connect(self._open_requested)
        session.damaged.connect(self._damaged)
        self.window.show()
        from .welcome import greet  # the first run's welcome, or the sample database's mark

        greet(window, session, window.import_workbook, lambda sample: window.open_requested.emit(sample, False))
        return self.window

    def refuse(self, reason: str, *, shown: bool = False) -> None:
        """No window on this database: tell the clerk in a box (unless a question just did) and
        on stderr, since a window started from a shortcut has no console."""
        print(reason, file=sys.stderr)
        if not shown:
            prompts.warn(self.window, reason)

    def _recover(self, error: DamagedDatabaseError) -> bool | None:
        """Ask what to do with a damaged file; restore the backup if so chosen (errors propagate)."""
        choice = data_safety.ask_damaged(self.window, error)
        if choice is data_safety.Recovery.RESTORE and error.backup is not None:
            backup = error.backup.path
            run_off_gui_thread(self.tr("Restoring the backup…"),
                               lambda: data_safety.restore_database(error.path, backup))
            return False
        return True if choice is data_safety.Recovery.READ_ONLY else None

    def _damaged(self, error: DamagedDatabaseError) -> None:
        """The writer's check found damage after opening: the same choice, then a new window."""
        window = self.window
        if window is None or window.session is not self.sender():
            return
        try:
            mode = self._recover(error)
        except LawGovError as failure:
            prompts.warn(window, failure)
            return
        if mode is None:  # quit: the damaged file stays as it is, and free for another program
            window.close()
            self.window = None
            self.release()
        elif not mode:
            self.open(error.path, create=False)  # the same lock; a new window, writable again

    def _open_requested(self, location: Location, new: bool) -> None:
        self.open(location, create=new)

    def release(self) -> None:
        """Give the database up (the program is ending)."""
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def _is_database(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with names, style and the chosen language installed."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv or sys.argv[:1]))
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icons.app_icon())
    i18n.install(app, settings.language())
    focus.show_keyboard_focus(app)
    return app


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``lawgov-desktop`` and ``python -m lawgov_desktop.ui``.

    Every way out that shows no window says why, in a message box and on stderr.
    """
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from .self_test import run_self_test

        return run_self_test(create_application)
    app = create_application()
    try:
        location = db.resolve_location(args.db)
    except LawGovError as error:
        Launcher().refuse(str(error))
        return 2
    launcher = Launcher()
    try:
        if launcher.open(location) is None:
            return 1
    except Exception as error:  # a defect must still leave a message, never a silent exit
        traceback.print_exc()
        launcher.refuse(f"LawGov Desktop 无法启动：{error}")
        return 1
    try:
        return app.exec()
    finally:
        launcher.release()
