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

from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QToolBar,
    QWidget,
)

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.safety import DamagedDatabaseError

from . import prompts
from .kinds import Column
from .tasks import Progress

if TYPE_CHECKING:  # the windows are imported when first opened, not before the first paint
    from .backups_dialog import BackupsDialog
    from .history_view import HistoryWindow
    from .main_window import MainWindow

# Every list and page: a restore replaces all of them.
ALL_KINDS = ("licence", "power", "delegation", "department", "region", "batch", "imports", "version")
# Above this size closing the window makes only the daily backup (a copy would take over 2 s).
CLOSE_BACKUP_LIMIT = 256 * 1024 * 1024
translate = QCoreApplication.translate
WARNING_STYLE = "background: #fff3cd; color: #5c4400; border: 1px solid #e0c870; padding: 6px;"


class Recovery(Enum):
    """What the clerk chose for a damaged database."""

    RESTORE = "restore"
    READ_ONLY = "read_only"
    QUIT = "quit"


def close_backup(library: Library, _progress: Progress) -> Path | None:
    """The backup made when the window closes (runs on the writer); None when none was needed."""
    if library.path.stat().st_size > CLOSE_BACKUP_LIMIT:
        return library.ensure_daily_backup()
    newest = next(iter(library.backups()), None)
    if newest is not None and newest.sound and newest.counts.get("changes") == library.change_log(limit=0).total:
        return None  # nothing changed since the newest backup
    return library.backup(reason="on-close")


def restore_database(path: Path, backup: Path) -> Path | None:
    """Restore ``backup`` into the database at ``path`` without a writer (the file is damaged, so
    the window has none); returns the copy kept of the replaced file."""
    with Library(path, read_only=True, verify=False) as library:
        return library.restore(backup)


def rows_table(name: str, model: QAbstractItemModel, columns: Sequence[Column]) -> QTableView:
    """A read-only table of whole rows, one selected at a time (the backups, the history)."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    for number, column in enumerate(columns):
        table.setColumnWidth(number, column.width)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def open_folder(folder: Path) -> None:
    """Show a folder in the system's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


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
    """The main window's backup and history actions, the warnings bar and the backup at closing."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.backups_dialog: BackupsDialog | None = None
        self.history_window: HistoryWindow | None = None
        self.backup_action = window._action(self.tr("&Back up now"), self.backup_now)
        self.backups_action = window._action(self.tr("Backups and &restore…"), self.show_backups)
        self.history_action = window._action(self.tr("Change &history…"), self.show_history)
        self.record_history_action = window._action(self.tr("Show this record's change history"),
                                                    self.show_record_history)
        self.session.read_only_changed.connect(self.update_actions)
        self.update_actions()

    def file_actions(self) -> list[QAction]:
        """For the File menu."""
        return [self.backup_action, self.backups_action]

    def update_actions(self) -> None:
        """Backing up needs the writer (a read-only window has none)."""
        self.backup_action.setEnabled(self.session.writer is not None)

    # ------------------------------------------------------------------ backups
    def backup_now(self) -> None:
        """A backup into the rotating set, on the writer; says where it went."""
        if self.session.writer is None:
            return

        def done(path: Path) -> None:
            self.window.statusBar().showMessage(self.tr("Backup saved: %1").replace("%1", str(path)), 15000)
            if self.backups_dialog is not None:
                self.backups_dialog.reload()
            self._tell_saved(path)

        self.session.writer.submit(lambda library, _progress: library.backup(reason="manual"),
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
            self.backups_dialog = BackupsDialog(self.session, self, self.window)
        self.backups_dialog.reload()
        self.backups_dialog.show()
        self.backups_dialog.raise_()
        self.backups_dialog.activateWindow()
        return self.backups_dialog

    def backup_on_close(self) -> None:
        """Queue the closing backup; the writer's shutdown waits for it."""
        if self.session.writer is not None:
            self.window.statusBar().showMessage(self.tr("Backing up before closing…"))
            self.window.statusBar().repaint()
            self.session.writer.submit(close_backup, self.tr("Backing up before closing…"), quiet=True)

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
        view = self.window.current_view()
        record_id = view.current_id() if view.spec.record_kind else None
        if record_id is None:
            return None
        return self.show_history(view.spec.record_kind, record_id)

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
