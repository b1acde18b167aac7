"""Editing a list in its cells, as clerks do in Excel and WPS: F2 or a double-click, Enter to save.

Only simple fields are edited in the cell — one line of text, a choice — the fields a record form
shows as a line or a combo box; a reference to resolve by name or a long text keeps the form.
Every write goes through the library on the session's writer (``library.records.update``, or
``bulk_update`` for several rows), so each is one undo step and the list reads again from what the
write changed.  A value the library refuses stays out of the database; its Chinese message shows
at the cell (tooltip and a red background).  Ctrl+Enter in a cell puts the typed value into every
selected row, and fill down (Ctrl+D) puts the first selected row's value of the current column into
the others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from lawgov_desktop.core.errors import ConflictError, LawGovError, ValidationError
from lawgov_desktop.core.kinds import ROW_VERSION
from lawgov_desktop.core.library import Library

from . import conflict_dialog
from .kinds import FORMS, FormField, field_label
from .session import Session
from .table_model import PagedTableModel

Index = QModelIndex | QPersistentModelIndex
# The form widgets whose fields are edited in the cell; the others keep the form.
CELL_WIDGETS = ("line", "choice", "suggest")
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Keys that belong to the cell while it is edited, not to the list's shortcuts (Enter opens the
# form, Delete deletes the record).
_EDITING_KEYS = (*_ENTER_KEYS, Qt.Key.Key_Delete)


def cell_fields(model: PagedTableModel, record_kind: str | None) -> dict[int, FormField]:
    """The columns of a list edited in their cells, with the form field each edits."""
    typed = {shown.key: shown for shown in FORMS.get(record_kind or "", ())}
    found = {}
    for number, column in enumerate(model.columns):
        shown = typed.get(column.field.key) if column.field is not None else None
        if shown is not None and shown.widget in CELL_WIDGETS:
            found[number] = shown
    return found


class CellDelegate(QStyledItemDelegate):
    """A line edit or a combo box in the cell; Ctrl+Enter hands the value to every selected row."""

    def __init__(self, fields: dict[int, FormField], to_selected: Callable[[int, Any], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fields = fields
        self._to_selected = to_selected

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        shown = self.fields[index.column()]
        if shown.widget == "line":
            editor: QWidget = QLineEdit(parent)
        else:
            combo = QComboBox(parent)
            combo.setEditable(shown.widget == "suggest")
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # Enter saves; the list stays the field's
            if not shown.required:
                combo.addItem("", None)
            for stored, label in shown.choices:
                combo.addItem(label, stored)
            editor = combo
        editor.setObjectName("cell_editor")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            if found < 0 and editor.isEditable():
                editor.setEditText("" if value is None else str(value))
            else:
                editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        model.setData(index, editor_value(editor), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter and Delete belong to the cell while it is edited, not to the list's shortcuts;
        Ctrl+Enter puts the value into every selected row."""
        if isinstance(event, QKeyEvent) and event.key() in _EDITING_KEYS:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if (event.type() == QEvent.Type.KeyPress and event.key() in _ENTER_KEYS
                    and event.modifiers() & Qt.KeyboardModifier.ControlModifier and isinstance(editor, QWidget)):
                column = self._editing_column(editor)
                if column is not None:
                    self._to_selected(column, editor_value(editor))
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                return True
        return super().eventFilter(editor, event)

    def _editing_column(self, editor: QWidget) -> int | None:
        view = self.parent()
        if isinstance(view, QTableView) and view.currentIndex().isValid():
            return view.currentIndex().column()
        return None


def editor_value(editor: QWidget) -> Any:
    """What a cell editor holds: typed text (trimmed; empty is None) or the chosen stored value."""
    if isinstance(editor, QComboBox):
        if not editor.isEditable():
            return editor.currentData()
        text = editor.currentText().strip()
        offered = editor.findText(text, Qt.MatchFlag.MatchExactly)
        return editor.itemData(offered) if offered >= 0 else text or None
    text = editor.text().strip() if isinstance(editor, QLineEdit) else ""
    return text or None


class CellEditing(QObject):
    """Edit in the cell, one value into the selected rows, and fill down, for one list."""

    message = Signal(str)  # a note for the status line ("选中至少两行…")
    form_requested = Signal()  # F2 on a column that is edited in the record form

    def __init__(self, table: QTableView, model: PagedTableModel, session: Session, record_kind: str | None,
                 read_only: Callable[[], bool]) -> None:
        super().__init__(table)
        self.table = table
        self.model = model
        self.session = session
        self.record_kind = record_kind
        self.fields = cell_fields(model, record_kind)
        self._read_only = read_only
        model.editable = lambda column: column in self.fields and not read_only()
        model.cell_edited.connect(self._edited)
        table.setItemDelegate(CellDelegate(self.fields, self.set_selected, table))
        table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.DoubleClicked)
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """F2 on a column the cell cannot edit (a department, a long text) opens the form instead."""
        if (watched is self.table and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_F2 and self.table.state() != QAbstractItemView.State.EditingState
                and not self.edits(self.table.currentIndex())):
            self.form_requested.emit()
            return True
        return super().eventFilter(watched, event)

    def edits(self, index: QModelIndex) -> bool:
        """Whether the cell is edited in place (a double-click elsewhere opens the form)."""
        return index.isValid() and self.model.editable(index.column())

    # ------------------------------------------------------------------ writing
    def _edited(self, record_id: int, column: int, value: Any) -> None:
        self._write([record_id], column, value)

    def set_selected(self, column: int, value: Any) -> None:
        """Ctrl+Enter: ``value`` into ``column`` of every selected row (one undo step)."""
        self._write(self._selected_ids(), column, value)

    def fill_down(self) -> None:
        """Ctrl+D: the first selected row's value of the current column into the other selected rows."""
        column = self.table.currentIndex().column()
        if not self.model.editable(column):
            self.message.emit(self.tr("This column is changed in the record form, not by filling down."))
            return
        records = self.model.selected_records(self.table.selectionModel())
        if len(records) < 2:
            self.message.emit(self.tr("Select the rows to fill: the first row's value goes into the others."))
            return
        self._write([int(record["id"]) for record in records[1:]], column, records[0].get(self.fields[column].key))

    def _selected_ids(self) -> list[int]:
        return [int(record["id"]) for record in self.model.selected_records(self.table.selectionModel())]

    def _write(self, ids: list[int], column: int, value: Any, row_version: int | None = None) -> None:
        """Write through the library as one undo step; a refusal shows at the (first) cell.  One
        record is saved over the row version the list showed (or ``row_version``), so a value
        another clerk saved meanwhile is not overwritten unseen."""
        shown, kind = self.fields.get(column), self.record_kind
        if shown is None or kind is None or not ids or self._read_only():
            return
        key, label = shown.key, field_label(shown)
        for record_id in ids:
            self.model.set_problem(record_id, column, None)
        if len(ids) == 1 and row_version is None:
            row = self.model.row_of(ids[0])
            row_version = (self.model.row_at(row) or {}).get(ROW_VERSION) if row is not None else None

        def work(library: Library) -> object:
            if len(ids) == 1:
                return library.records.update(kind, ids[0], {key: value}, row_version=row_version)
            return library.records.bulk_update(kind, ids, {key: value})

        text = (self.tr("Change %1") if len(ids) == 1 else self.tr("Change %1 of %2 records")).replace(
            "%1", label).replace("%2", str(len(ids)))
        self.session.change(text, work, on_error=lambda error: self._refused(ids[0], column, key, error))

    def _refused(self, record_id: int, column: int, key: str, error: LawGovError) -> bool:
        if isinstance(error, ConflictError):  # another clerk saved first: the clerk decides

            def save_again(changes: dict[str, Any], row_version: int) -> None:
                if key in changes:  # taking theirs leaves the record as the other clerk saved it
                    self._write([record_id], column, changes[key], row_version)
            conflict_dialog.resolve(self.table, error, save_again)
            return True
        message = error.errors.get(key, str(error)) if isinstance(error, ValidationError) else str(error)
        self.model.set_problem(record_id, column, message)
        row = self.model.row_of(record_id)
        if row is not None:
            rect = self.table.visualRect(self.model.index(row, column))
            QToolTip.showText(self.table.viewport().mapToGlobal(rect.bottomLeft()), message, self.table)
        self.message.emit(message)
        return True
