"""The 备份与恢复 window: every backup with its time, reason, record counts and state; restore one.

Backups are listed from their sidecar files (``core/backup.py``), so the list opens at once even
with twenty copies of a large database.  Restoring runs on the writer (``library.backups.restore``
checks the backup and backs up the current data first); afterwards every view reads again and
the undo history is emptied, because the operations it would revert are no longer the data's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lawgov_desktop.core.backup import BackupInfo, backup_folder

from . import prompts
from .kinds import Column
from .session import Session
from .table_model import RowsModel
from .widgets import button_row, open_folder, push_button, rows_table

if TYPE_CHECKING:
    from lawgov_desktop.core.library import Library
    from lawgov_desktop.core.progress import Task

translate = QCoreApplication.translate
STATES = {True: QT_TRANSLATE_NOOP("Backups", "Sound"), False: QT_TRANSLATE_NOOP("Backups", "Damaged"),
          None: QT_TRANSLATE_NOOP("Backups", "Not checked")}
BACKUP_COLUMNS = (
    Column("created", QT_TRANSLATE_NOOP("Column", "Time"), 150),
    Column("reason", QT_TRANSLATE_NOOP("Column", "Reason"), 130),
    Column("counts", QT_TRANSLATE_NOOP("Column", "Records"), 300),
    Column("state", QT_TRANSLATE_NOOP("Column", "State"), 70),
    Column("size", QT_TRANSLATE_NOOP("Column", "Size"), 70, numeric=True),
    Column("file", QT_TRANSLATE_NOOP("Column", "File"), 150),
)


def backup_row(info: BackupInfo) -> dict[str, Any]:
    """One backup as a row of the table."""
    return {"id": str(info.path), "info": info, "created": f"{info.created:%Y-%m-%d %H:%M:%S}",
            "reason": info.reason_label, "counts": info.counts_text(),
            "state": translate("Backups", STATES[info.sound]),
            "size": QLocale().formattedDataSize(info.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat), "file": info.path.name}


def describe(info: BackupInfo) -> str:
    """"2024-05-01 09:30（每日自动备份）：许可事项 439，…" for questions and messages."""
    return f"{info.created:%Y-%m-%d %H:%M}（{info.reason_label}）" + (f"：{info.counts_text()}" if info.counts else "")


class BackupsDialog(QDialog):
    """Lists the backups of the open database; backs up now, restores the selected one."""

    def __init__(self, session: Session, backup_now: Callable[[], None], status: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        """``backup_now`` is the window's Back up now; ``status`` puts a note in its status line."""
        super().__init__(parent)
        self.session = session
        self._status = status
        self.setObjectName("backups_dialog")
        self.setWindowTitle(self.tr("Backups and restore"))
        self.folder_label = QLabel()
        self.folder_label.setObjectName("backup_folder")
        self.folder_label.setWordWrap(True)
        open_button = QPushButton(self.tr("Open backup folder"))
        open_button.clicked.connect(lambda: open_folder(self.folder()))
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(open_button)
        note = QLabel(self.tr("A backup is made automatically before every import, bulk change and merge, "
                              "once a day, and when the window closes. Restoring first backs up the "
                              "current data, so a restore can itself be taken back."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")

        self.model = RowsModel(BACKUP_COLUMNS, self)
        self.table = rows_table("backups_table", self.model, [column.width for column in BACKUP_COLUMNS])
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

        self.backup_button = push_button(self.tr("Back up now"), backup_now, "backup_now")
        self.copy_button = push_button(self.tr("Back up to another place…"), self.backup_elsewhere)
        self.restore_button = push_button(self.tr("Restore selected backup…"), self.restore_selected, "restore")
        self.restore_file_button = push_button(self.tr("Restore from a file…"), self.restore_from_file)
        buttons = button_row((self.backup_button, self.copy_button, self.restore_button, self.restore_file_button),
                             (push_button(self.tr("Close"), self.close),))
        self.status = QLabel()
        self.status.setObjectName("backups_status")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(1000, 480)
        self.session.read_only_changed.connect(self._update_buttons)

    def folder(self) -> Path:
        """Where the rotating set lives (Preferences may have moved it)."""
        return backup_folder(self.session.location, self.session.library.backups.backup_settings())

    def reload(self) -> None:
        """Read the backup folder again."""
        keep = self.session.library.backups.backup_settings().keep
        self.folder_label.setText(self.tr("Backups are kept in %1 (the newest %2).").replace(
            "%1", str(self.folder())).replace("%2", str(keep)))
        self.model.set_rows([backup_row(info) for info in self.session.library.backups.list_backups()])
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        """The backup of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        return row["info"] if row else None

    def _update_buttons(self) -> None:
        writable = self.session.writer is not None
        chosen = self.selected()
        self.backup_button.setEnabled(writable)
        self.copy_button.setEnabled(writable)
        self.restore_button.setEnabled(writable and chosen is not None and chosen.sound is not False)
        self.restore_file_button.setEnabled(writable)

    # ------------------------------------------------------------------ commands
    def backup_elsewhere(self, folder: Path | None = None) -> None:
        """A copy outside the rotating set (a USB stick to take home or to IT)."""
        if folder is None:
            name = QFileDialog.getExistingDirectory(self, self.tr("Back up to another place"))
            if not name:
                return
            folder = Path(name)
        target = folder
        if self.session.writer is not None:
            self.session.submit(lambda library, _task: library.backups.backup(target),
                                self.tr("Backing up the database…"), on_done=self._copied,
                                on_error=lambda error: prompts.warn(self, error))

    def _copied(self, path: Path) -> None:
        self.status.setText(self.tr("Backup saved: %1").replace("%1", str(path)))

    def restore_selected(self) -> None:
        """Replace the data with the selected backup, after asking."""
        info = self.selected()
        if info is not None and info.sound is not False:
            self.restore(info.path, describe(info))

    def restore_from_file(self, path: Path | None = None) -> None:
        """Restore a backup kept elsewhere (brought back on a USB stick)."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a file"), str(self.folder()),
                                                  self.tr("LawGov database (*.sqlite3 *.db);;All files (*)"))
            if not name:
                return
            path = Path(name)
        self.restore(path, path.name)

    def restore(self, path: Path, description: str) -> None:
        """Ask, then restore ``path`` on the writer and reload every view."""
        if self.session.writer is None:
            return
        question = self.tr("Replace the current data with the backup %1?\n\nThe current data is backed up "
                           "automatically first, so it can be restored again.").replace("%1", description)
        if not prompts.confirm(self, self.tr("Restore backup"), question):
            return

        def work(library: Library, _task: Task) -> Path | None:
            return library.backups.restore(path)

        self.restore_button.setEnabled(False)
        self.session.submit(work, self.tr("Restoring the backup…"), on_done=self._restored, on_error=self._failed)

    def _restored(self, before: Path | None) -> None:
        self.session.replaced()
        text = self.tr("Backup restored.")
        if before is not None:
            text += " " + self.tr("The data it replaced was saved as %1.").replace("%1", before.name)
        self.status.setText(text)
        self._status(text)
        self.reload()

    def _failed(self, error: Exception) -> None:
        self._update_buttons()
        prompts.warn(self, error)
