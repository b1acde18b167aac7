"""The record dialog: create or edit any record kind, with the library's messages at the fields.

The dialog is built from ``kinds.FORMS``.  Saving sends only the changed fields through the
session (background writer, undoable); a ``ValidationError`` comes back as a message per field and
is shown in red under that field while the dialog stays open.  Closing with unsaved changes asks
save / discard / cancel, so typed work is never lost silently.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lawgov_desktop.core.errors import ConflictError, LawGovError, ValidationError
from lawgov_desktop.core.fields import BATCH, DELEGATION, DEPARTMENT, LICENCE, POWER, REGION
from lawgov_desktop.core.kinds import ROW_VERSION
from lawgov_desktop.core.library import Library

from . import conflict_dialog, prompts, settings
from .facets import facet_options
from .kinds import FORMS, FormField, field_label
from .session import Session
from .widgets import ERROR_STYLE

KIND_TITLES = {
    LICENCE: QT_TRANSLATE_NOOP("Kind", "licence item"),
    "sub_item": QT_TRANSLATE_NOOP("Kind", "sub-item"),
    POWER: QT_TRANSLATE_NOOP("Kind", "enforcement power"),
    DELEGATION: QT_TRANSLATE_NOOP("Kind", "delegation"),
    DEPARTMENT: QT_TRANSLATE_NOOP("Kind", "department"),
    REGION: QT_TRANSLATE_NOOP("Kind", "region"),
    BATCH: QT_TRANSLATE_NOOP("Kind", "batch"),
}


def kind_title(kind: str) -> str:
    """"licence item", "enforcement power" … in the interface language."""
    return QCoreApplication.translate("Kind", KIND_TITLES[kind])


class ReferenceCombo(QComboBox):
    """Pick a department, region or batch by name; typing filters (发改 finds 市发展和改革局)."""

    def __init__(self, options: list[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", None)
        for value, label in options:
            self.addItem(label.strip(), value)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def value(self) -> Any:
        """The chosen id, None when empty, or the typed text when it names no listed record."""
        text = self.currentText().strip()
        if not text:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        return self.itemData(index) if index >= 0 else text

    def set_value(self, value: Any) -> None:
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))


class RecordDialog(QDialog):
    """Create (``record=None``) or edit one record of ``kind``."""

    def __init__(self, session: Session, kind: str, record: dict[str, Any] | None = None, *,
                 fixed: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.record = record
        self.fixed = dict(fixed or {})
        self.saved_id: int | None = record["id"] if record else None
        # The version loaded: a save of what another clerk changed meanwhile is refused (core.conflicts).
        self.row_version: int | None = record.get(ROW_VERSION) if record else None
        self._busy = False
        self.setObjectName(f"record_dialog_{kind}")
        title = self.kind_text = kind_title("sub_item" if kind == LICENCE and self._is_sub_item() else kind)
        self.setWindowTitle((self.tr("Edit %1") if record else self.tr("New %1")).replace("%1", title))
        self.widgets: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.general_error = self._error_label("general")
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        fields = QWidget()
        grid = QGridLayout(fields)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        # A power has many long texts (duties, accountability): on a small screen the fields scroll.
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields)
        layout.addWidget(scroll)
        for number, form_field in enumerate(FORMS[kind]):
            label = QLabel(field_label(form_field) + ("*" if form_field.required else ""))
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            widget = self._make_widget(form_field, session.library)
            widget.setObjectName(f"field_{form_field.key}")
            label.setBuddy(widget)
            self.widgets[form_field.key] = widget
            error = self._error_label(form_field.key)
            self.error_labels[form_field.key] = error
            grid.addWidget(label, 2 * number, 0)
            grid.addWidget(widget, 2 * number, 1)
            grid.addWidget(error, 2 * number + 1, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if record:
            self._show_record(record)
        self._original = self.values()
        whole = self.sizeHint().height() - scroll.sizeHint().height() + fields.sizeHint().height()
        self.resize(620, min(whole, int(self.screen().availableGeometry().height() * 0.9)))
        geometry = settings.load_state(f"dialog/{kind}")
        if geometry is not None:
            self.restoreGeometry(geometry)

    # ------------------------------------------------------------------ building
    def _is_sub_item(self) -> bool:
        return bool(self.fixed.get("parent_id") or (self.record or {}).get("parent_id"))

    def _error_label(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{key}")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _make_widget(self, form_field: FormField, library: Library) -> QWidget:
        if form_field.widget == "text":
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
            return edit
        if form_field.widget == "choice":
            combo = QComboBox()
            if not form_field.required:
                combo.addItem("", None)
            for value, label in form_field.choices:
                combo.addItem(label, value)
            return combo
        if form_field.widget == "suggest":
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItem("")
            combo.addItems([label for _value, label in form_field.choices])
            return combo
        if form_field.field.reference:
            return ReferenceCombo(facet_options(library, form_field.widget))
        return QLineEdit()

    def _show_record(self, record: dict[str, Any]) -> None:
        for key, widget in self.widgets.items():
            value = record.get(key)
            if isinstance(value, list):
                value = "、".join(value)
            if isinstance(widget, ReferenceCombo):
                widget.set_value(value)
            elif isinstance(widget, QComboBox) and not widget.isEditable():
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif isinstance(widget, QComboBox):
                widget.setEditText("" if value is None else str(value))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText("" if value is None else str(value))
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))

    # ------------------------------------------------------------------ values
    def values(self) -> dict[str, Any]:
        """What the fields hold now (empty text is None)."""
        result: dict[str, Any] = {}
        for key, widget in self.widgets.items():
            if isinstance(widget, ReferenceCombo):
                value = widget.value()
            elif isinstance(widget, QComboBox) and not widget.isEditable():
                value = widget.currentData()
            elif isinstance(widget, QComboBox):
                value = widget.currentText().strip()
            elif isinstance(widget, QPlainTextEdit):
                value = widget.toPlainText().strip()
            else:
                value = widget.text().strip() if isinstance(widget, QLineEdit) else None
            result[key] = value if value != "" else None
        return result

    def changes(self) -> dict[str, Any]:
        """The fields to send: all filled ones for a new record, the changed ones for an edit.

        A reference typed as a name ("市发改局") is sent under the library's name key, which
        resolves short names too and reports an unknown name at the field.
        """
        current = self.values()
        if self.record is None:
            data = {key: value for key, value in current.items() if value is not None}
            data.update(self.fixed)
        else:
            data = {key: value for key, value in current.items() if value != self._original[key]}
        for form_field in FORMS[self.kind]:
            name_key = form_field.field.by_name
            if name_key and isinstance(data.get(form_field.key), str):
                data[name_key] = data.pop(form_field.key)
        return data

    def is_dirty(self) -> bool:
        """True when the fields differ from what was loaded."""
        return self.values() != self._original

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        """Send the changes; the dialog closes when the library accepted them."""
        if self._busy:
            return
        if self.record is not None and not self.is_dirty():
            self.accept()
            return
        self.show_errors({})
        data = self.changes()
        if self.record is not None:
            self._save_edit(data, self.row_version)
            return
        kind = self.kind
        text = self.tr("New %1 “%2”").replace("%1", self.kind_text).replace("%2", str(self.values().get("name") or ""))

        def work(library: Library) -> Any:
            return library.records.create(kind, data)
        self._set_busy(True)
        self.session.change(text, work, on_done=self._saved, on_error=self._failed)

    def _save_edit(self, data: dict[str, Any], row_version: int | None) -> None:
        """Send an edit saved over ``row_version`` (the one loaded, or after a conflict the one stored then)."""
        self.row_version = row_version
        kind, record_id = self.kind, (self.record or {})["id"]
        text = self.tr("Edit %1 “%2”").replace("%1", self.kind_text).replace("%2", str(self.values().get("name") or ""))

        def work(library: Library) -> Any:
            library.records.update(kind, record_id, data, row_version=row_version)
            return record_id
        self._set_busy(True)
        self.session.change(text, work, on_done=self._saved, on_error=self._failed)

    def _saved(self, record_id: int) -> None:
        self._set_busy(False)
        self.saved_id = record_id
        self._original = self.values()
        self.accept()

    def _failed(self, error: LawGovError) -> bool:
        self._set_busy(False)
        if isinstance(error, ValidationError):
            self.show_errors(error.errors)
            return True
        if isinstance(error, ConflictError):  # another clerk saved first: the clerk decides, the form stays open
            conflict_dialog.resolve(self, error, self._save_edit)
            return True
        return False

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message under its field (unknown keys at the top); hide the others."""
        general = []
        for key, label in self.error_labels.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)
        for key, message in errors.items():
            if key not in self.error_labels:
                general.append(message)
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))
        first = next((key for key in self.widgets if key in errors), None)
        if first:
            self.widgets[first].setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.buttons.setEnabled(not busy)

    def reject(self) -> None:
        """Cancel, Esc or the close button: ask before dropping unsaved changes."""
        if self._busy:
            return
        if self.is_dirty():
            choice = prompts.ask_save(self)
            if choice == prompts.Choice.SAVE:
                self.save()
                return
            if choice == prompts.Choice.CANCEL:
                return
        super().reject()

    def done(self, result: int) -> None:
        settings.save_state(f"dialog/{self.kind}", self.saveGeometry())
        super().done(result)
