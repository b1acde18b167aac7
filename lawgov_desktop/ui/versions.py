"""Saved list versions in the window: the version picker, saving the current list, the versions dialog.

A version ("2022年版") is a frozen copy the library keeps read-only; the lists, the statistics and
the upper-list check can show any version through the same ``VersionCombo`` (the working list
first, "当前清单").  Saving is one undoable step on the writer; deleting backs the file up first
and cannot be undone, so it asks.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lawgov_desktop.core.changes import VERSIONS, OpChanges
from lawgov_desktop.core.errors import LawGovError, ValidationError
from lawgov_desktop.core.fields import LICENCE, POWER
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter

from . import prompts
from .jobs import Jobs
from .kinds import timestamp
from .session import Session
from .widgets import ERROR_STYLE, button_row, push_button

READ_ONLY_STYLE = ("QLabel { background: #fff4d6; color: #7a4b00; border: 1px solid #e2c170;"
                   " border-radius: 3px; padding: 2px 8px; font-weight: bold; }")


def read_only_label() -> QLabel:
    """The badge a list or page shows while a saved version is on screen."""
    label = QLabel(QCoreApplication.translate("Versions", "Saved version (read-only)"))
    label.setObjectName("version_badge")
    label.setStyleSheet(READ_ONLY_STYLE)
    label.setToolTip(QCoreApplication.translate(
        "Versions", "A saved version cannot be edited. Choose “Current list” to edit the working list."))
    label.hide()
    return label


class VersionCombo(QComboBox):
    """"当前清单" and the saved versions, newest first; ``version_id()`` is None for the working list.

    The versions are read when the list is first opened (or a version is asked for), so a list
    view costs no query for them before the first paint.
    """

    version_changed = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setObjectName("version_combo")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setToolTip(self.tr("Show the working list or a saved version"))
        self.addItem(self.tr("Current list"), None)
        self._loaded = False
        self.currentIndexChanged.connect(self._changed)

    def _changed(self, _index: int) -> None:
        self.version_changed.emit()

    def showPopup(self) -> None:  # noqa: N802 - Qt API
        if not self._loaded:
            self.reload()
        super().showPopup()

    def reload(self) -> None:
        """Offer the versions saved now; a deleted version that was shown falls back to the working list."""
        self._loaded = True
        shown = self.version_id()
        self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        for row in reversed(self.library.versions.all_versions()):
            self.addItem(row["name"], row["id"])
        index = self.findData(shown) if shown is not None else 0
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        if index < 0:
            self.version_changed.emit()

    def forget(self) -> None:
        """Versions were saved or deleted: read them again when next needed (now, if one is shown)."""
        self._loaded = False
        if self.version_id() is not None:
            self.reload()

    def version_id(self) -> int | None:
        """The version shown (None: the working list)."""
        return self.currentData()

    def set_version(self, version_id: int | None) -> None:
        """Show a version, without announcing it (the caller reads the list itself)."""
        if version_id is not None and self.findData(version_id) < 0:
            self.reload()
        self.blockSignals(True)
        self.setCurrentIndex(max(self.findData(version_id), 0) if version_id is not None else 0)
        self.blockSignals(False)


class SaveVersionDialog(QDialog):
    """Name (and remark) of the version the working lists are saved as."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Save the current list as a version"))
        self.name = QLineEdit(self.tr("%1 edition").replace("%1", str(date.today().year)))
        self.name.setObjectName("version_name")
        self.name.setPlaceholderText(self.tr("e.g. 2022 edition"))
        self.name.selectAll()
        self.remark = QPlainTextEdit()
        self.remark.setObjectName("version_remark")
        self.remark.setPlaceholderText(self.tr("Optional: what this version is (e.g. as published on 1 Oct 2022)"))
        self.remark.setFixedHeight(self.fontMetrics().height() * 4)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        note = QLabel(self.tr("A version is a read-only copy of today's licence items and powers. You can show it,"
                              " compare it with a later list and print it at any time."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        form = QFormLayout()
        form.addRow(self.tr("Version name:"), self.name)
        form.addRow("", self.error)
        form.addRow(self.tr("Remark:"), self.remark)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        """Save on the writer; the dialog closes when the version exists, or shows why not."""
        name, remark = self.name.text().strip(), self.remark.toPlainText().strip() or None
        self.buttons.setEnabled(False)
        self.session.change(self.tr("Save version “%1”").replace("%1", name),
                            lambda library: library.versions.save_version(name, remark),
                            on_done=self._saved, on_error=self._refused)

    def _saved(self, version_id: int) -> None:
        self.saved_id = version_id
        super().accept()

    def _refused(self, error: LawGovError) -> bool:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError):
            self.error.setText("\n".join(error.errors.values()))
            self.error.show()
            self.name.setFocus()
            return True
        return False


def open_save_version(session: Session, parent: QWidget) -> SaveVersionDialog | None:
    """Ask for the name the working lists are saved under (None when the database is read-only)."""
    if session.read_only:
        return None
    dialog = SaveVersionDialog(session, parent)
    dialog.open()
    return dialog


class VersionsDialog(QDialog):
    """The saved versions with their counts and dates; show one, compare it, save or delete one.

    Showing a version's list and comparing it are the window's business: the dialog asks for them
    with ``list_requested`` and ``compare_requested`` and closes.
    """

    list_requested = Signal(str, object)  # list kind, the ListFilter of the version
    compare_requested = Signal(int)  # the version to compare with the working list

    def __init__(self, session: Session, jobs: Jobs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.session = session
        self.setWindowTitle(self.tr("List versions"))
        titles = [self.tr("Version"), self.tr("Saved at"), self.tr("Saved by"), self.tr("Licence items"),
                  self.tr("Sub-items"), self.tr("Powers"), self.tr("Delegations"), self.tr("Remark")]
        self.table = QTableWidget(0, len(titles))
        self.table.setObjectName("versions_table")
        self.table.setHorizontalHeaderLabels(titles)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.show_version(LICENCE))
        self.empty = QLabel(self.tr("No version saved yet. Save the current list as a version before the yearly"
                                    " adjustment, to compare the lists afterwards."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666;")

        self.save_button = push_button(self.tr("Save current list as a version…"), self._save)
        self.show_button = push_button(self.tr("Show licence items"), lambda: self.show_version(LICENCE))
        self.show_powers_button = push_button(self.tr("Show powers"), lambda: self.show_version(POWER))
        self.compare_button = push_button(self.tr("Compare with current list"), self.compare_with_current)
        self.delete_button = push_button(self.tr("Delete…"), self.delete_selected, "delete_version")
        buttons = button_row((self.save_button, self.show_button, self.show_powers_button, self.compare_button),
                             (self.delete_button, push_button(self.tr("Close"), self.reject)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.resize(940, 420)
        self.session.records_changed.connect(self._records_changed)
        self.reload()

    def _records_changed(self, changes: OpChanges) -> None:
        if changes.touches(VERSIONS):
            self.reload()

    def reload(self) -> None:
        """Read the versions again (after saving or deleting one)."""
        rows = self.session.library.versions.all_versions()
        locale = QLocale()
        self.table.setRowCount(len(rows))
        for number, row in enumerate(reversed(rows)):
            cells: list[Any] = [row["name"], timestamp(row["created_at"]), row["created_by"] or "",
                                row["licence_items"], row["sub_items"], row["powers"], row["delegations"],
                                (row["remark"] or "").replace("\n", " ")]
            for column, value in enumerate(cells):
                text = locale.toString(value) if isinstance(value, int) else str(value)
                item = QTableWidgetItem(text)
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(Qt.ItemDataRole.UserRole, row["id"])
                self.table.setItem(number, column, item)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_version(self) -> int | None:
        """The id of the selected version."""
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def select_version(self, version_id: int) -> None:
        """Select a version's row."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == version_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        chosen = self.selected_version() is not None
        for button in (self.show_button, self.show_powers_button, self.compare_button):
            button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen and not self.session.read_only)
        self.save_button.setEnabled(not self.session.read_only)

    def _save(self) -> None:
        dialog = open_save_version(self.session, self)
        if dialog is not None:
            dialog.accepted.connect(lambda: self.select_version(dialog.saved_id or 0))

    def show_version(self, kind: str) -> None:
        """Show the version's licence items or powers in the list, read-only."""
        version_id = self.selected_version()
        if version_id is not None:
            self.list_requested.emit(kind, ListFilter(version_id=version_id))
            self.accept()

    def compare_with_current(self) -> None:
        """Open the comparison page with this version against the working list."""
        version_id = self.selected_version()
        if version_id is not None:
            self.compare_requested.emit(version_id)
            self.accept()

    def delete_selected(self) -> bool:
        """Delete the selected version after asking (the file is backed up first)."""
        version_id = self.selected_version()
        if version_id is None or self.session.read_only:
            return False
        name = self.table.item(self.table.currentRow(), 0).text()
        if not prompts.confirm(self, self.tr("Delete version"),
                               self.tr("Delete the saved version “%1”?\n\nThe database is backed up first; the"
                                       " working list is not touched. This cannot be undone.").replace("%1", name)):
            return False

        def deleted(_before: object) -> None:
            self.jobs.status(self.tr("Version “%1” deleted (a backup was made first).").replace("%1", name))

        self.jobs.submit(lambda library, _task: library.versions.delete_version(version_id),
                         self.tr("Deleting version “%1”").replace("%1", name), deleted)
        return True
