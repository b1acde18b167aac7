"""Data safety in the main window: back up now and on closing, warnings at opening, a damaged file.

The menu actions open the backups window (``backups_dialog.py``) and the change history
(``history_view.py``); both are imported when first opened, so nothing here slows the first paint.

Closing backs up when the data changed since the newest backup: a copy costs about 0.4–1 s per
120 MB (100,000 records, ``bench/bench_integrity.py``), which the close waits for on the writer.
An unchanged database is not copied again (twenty identical copies would push the useful older
ones out of the rotating set), and a file above ``CLOSE_BACKUP_LIMIT`` only gets the daily
backup, so closing never waits more than a couple of seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.progress import Task
from lawgov_desktop.core.safety import DamagedDatabaseError

from . import prompts
from .session import Session
from .widgets import STATUS_MS, make_action, open_folder

if TYPE_CHECKING:  # the windows are imported when first opened, not before the first paint
    from .backups_dialog import BackupsDialog
    from .history_view import HistoryWindow

# Above this size closing the window makes only the daily backup (a copy would take over 2 s).
CLOSE_BACKUP_LIMIT = 256 * 1024 * 1024
translate = QCoreApplication.translate
WARNING_STYLE = "background: #fff3cd; color: #5c4400; border: 1px solid #e0c870; padding: 6px;"


class Recovery(Enum):
    """What the clerk chose for a damaged database."""

    RESTORE = "restore"
    READ_ONLY = "read_only"
    QUIT = "quit"


def close_backup(library: Library, _task: Task) -> Path | None:
    """The backup made when the window closes (runs on the writer); None when none was needed."""
    if library.path is None:  # a server database: the server's own backups, or ``lawgov backup``
        return None
    if library.path.stat().st_size > CLOSE_BACKUP_LIMIT:
        return library.backups.ensure_daily_backup()
    newest = next(iter(library.backups.list_backups()), None)
    if newest is not None and newest.sound and newest.counts.get("changes") == library.history.change_log(limit=0).total:
        return None  # nothing changed since the newest backup
    return library.backups.backup(reason="on-close")


def restore_database(path: Path, backup: Path) -> Path | None:
    """Restore ``backup`` into the database at ``path`` without a writer (the file is damaged, so
    the window has none); returns the copy kept of the replaced file."""
    with Library(path, read_only=True, verify=False) as library:
        return library.backups.restore(backup)


def ask_damaged(parent: QWidget | None, error: DamagedDatabaseError) -> Recovery:
    """Explain the damage and let the clerk restore the newest good backup, read, or quit."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("DataSafety", "The database is damaged"))
    text = translate("DataSafety", "<p>The database file <b>%1</b> is damaged. To protect your data the program has "
                      "not changed it, and the damaged file is kept.</p>").replace("%1", error.path.name)
    backup = error.backup
    if backup is not None:
        text += translate("DataSafety", "<p>Newest good backup: <b>%1</b> (%2)<br>%3</p><p>Restoring it replaces the "
                           "damaged data; the damaged file is saved beside the backups first.</p>").replace(
            "%1", f"{backup.created:%Y-%m-%d %H:%M}").replace("%2", backup.reason_label).replace(
            "%3", backup.counts_text())
    else:
        text += translate("DataSafety", "<p>No good backup was found. Open the file read-only to copy out what can "
                           "still be read, and ask your IT support for help.</p>")
    box.setText(text)
    box.setDetailedText(str(error))
    restore = box.addButton(translate("DataSafety", "Restore the newest good backup"), QMessageBox.ButtonRole.AcceptRole)
    restore.setEnabled(backup is not None)
    read_only = box.addButton(translate("DataSafety", "Open read-only"), QMessageBox.ButtonRole.NoRole)
    quit_button = box.addButton(translate("DataSafety", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore if backup is not None else read_only)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return Recovery.RESTORE
    return Recovery.QUIT if clicked is quit_button else Recovery.READ_ONLY


class SafetyActions(QObject):
    """A window's backup and history actions, the warnings bar and the backup at closing.

    ``current_record`` says which record the list on screen has current (its kind and id, or None),
    for "this record's change history".
    """

    def __init__(self, session: Session, window: QMainWindow,
                 current_record: Callable[[], tuple[str, int] | None]) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self._current_record = current_record
        self.backups_dialog: BackupsDialog | None = None
        self.history_window: HistoryWindow | None = None
        self.backup_action = make_action(window, self.tr("&Back up now"), self.backup_now)
        self.backups_action = make_action(window, self.tr("Backups and re&store…"), self.show_backups)
        self.history_action = make_action(window, self.tr("Change &history…"), self.show_history)
        self.record_history_action = make_action(window, self.tr("Show this record's change history"),
                                                 self.show_record_history)
        self.session.read_only_changed.connect(self.update_actions)
        self.update_actions()

    def file_actions(self) -> list[QAction]:
        """For the File menu."""
        return [self.backup_action, self.backups_action]

    def update_actions(self) -> None:
        """Backing up needs the writer (a read-only window has none) and a file (a server keeps
        its own backups; ``lawgov backup`` copies a server database into a file)."""
        self.backup_action.setEnabled(self.session.writer is not None and self.session.path is not None)
        self.backups_action.setEnabled(self.session.path is not None)

    # ------------------------------------------------------------------ backups
    def backup_now(self) -> None:
        """A backup into the rotating set, on the writer; says where it went."""
        if self.session.writer is None:
            return

        def done(path: Path) -> None:
            self.status(self.tr("Backup saved: %1").replace("%1", str(path)))
            if self.backups_dialog is not None:
                self.backups_dialog.reload()
            self._tell_saved(path)

        self.session.submit(lambda library, _task: library.backups.backup(reason="manual"),
                            self.tr("Backing up the database…"), on_done=done,
                            on_error=lambda error: prompts.warn(self.window, error))

    def _tell_saved(self, path: Path) -> QMessageBox:
        """Where the backup went, with a button that opens the folder (not blocking)."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Backup saved"),
                          self.tr("The database was backed up to\n%1").replace("%1", str(path)),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("backup_saved")
        folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda: open_folder(path.parent))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def show_backups(self) -> BackupsDialog:
        """The backups window (one per main window)."""
        from .backups_dialog import BackupsDialog

        if self.backups_dialog is None:
            self.backups_dialog = BackupsDialog(self.session, self.backup_now, self.status, self.window)
        self.backups_dialog.reload()
        self.backups_dialog.show()
        self.backups_dialog.raise_()
        self.backups_dialog.activateWindow()
        return self.backups_dialog

    def status(self, text: str) -> None:
        """A passing note in the window's status line."""
        self.window.statusBar().showMessage(text, STATUS_MS)

    def backup_on_close(self) -> None:
        """Queue the closing backup; the writer's shutdown waits for it."""
        if self.session.writer is not None and self.session.path is not None:
            self.window.statusBar().showMessage(self.tr("Backing up before closing…"))
            self.window.statusBar().repaint()
            self.session.submit(close_backup, self.tr("Backing up before closing…"), quiet=True)

    # ------------------------------------------------------------------ history
    def show_history(self, entity: str | None = None, entity_id: int | None = None) -> HistoryWindow:
        """The change history, of everything or of one record."""
        from .history_view import HistoryWindow

        if self.history_window is None:
            self.history_window = HistoryWindow(self.session, self.window)
        self.history_window.show_record(entity, entity_id)
        self.history_window.show()
        self.history_window.raise_()
        self.history_window.activateWindow()
        return self.history_window

    def show_record_history(self) -> HistoryWindow | None:
        """The history of the record current in the list on screen."""
        record = self._current_record()
        return self.show_history(*record) if record is not None else None

    # ------------------------------------------------------------------ opening
    def show_warnings(self) -> QToolBar | None:
        """What the library warned about at opening (a network share), in a yellow bar."""
        warnings = self.session.library.warnings
        if not warnings:
            return None
        bar = QToolBar(self.tr("Warnings"), self.window)
        bar.setObjectName("warning_bar")
        bar.setMovable(False)
        bar.setFloatable(False)
        label = QLabel("\n".join(warnings))
        label.setObjectName("warning_text")
        label.setToolTip(label.text())
        label.setStyleSheet(WARNING_STYLE)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        close = QPushButton(self.tr("Dismiss"))
        close.clicked.connect(bar.hide)
        bar.addWidget(label)
        bar.addWidget(close)
        self.window.addToolBarBreak()
        self.window.addToolBar(bar)
        return bar
