"""Another clerk saved the record first: their values beside the clerk's, and the clerk decides.

The library refuses a save of a record changed since the editor loaded it (``core.conflicts``:
a ``ConflictError`` with, per field the clerk changed, the value stored now and the clerk's).
This dialog shows them side by side; per field the clerk keeps theirs, takes the other clerk's or
merges by hand in an editable box.  Saving the decision uses the version stored now, so a third
change meanwhile is refused again.  A record deleted meanwhile cannot be saved: the dialog says who
deleted it and keeps the clerk's values in a box they can copy from.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lawgov_desktop.core.errors import ConflictError, FieldConflict
from lawgov_desktop.core.kinds import KINDS

from .kinds import FORMS, field_label
from .widgets import push_button

# A field's decision, as the combo box offers them.
MINE, THEIRS, MERGED = "mine", "theirs", "merged"


def _label(kind: str, conflict: FieldConflict) -> str:
    """The field's label as the record form shows it (the library's Chinese one for other keys)."""
    shown = next((shown for shown in FORMS.get(kind, ()) if shown.key == conflict.key), None)
    return field_label(shown) if shown is not None else conflict.label


def _value_box(text: str, name: str, *, editable: bool = False) -> QPlainTextEdit:
    """A value the clerk can read in full and copy from (and edit, for a merged value)."""
    box = QPlainTextEdit(text)
    box.setObjectName(name)
    box.setReadOnly(not editable)
    box.setTabChangesFocus(True)
    # about a dozen Chinese characters fit a column's line: long texts get up to five lines, then scroll
    lines = min(5, sum(max(1, math.ceil(len(line) / 12)) for line in text.split("\n")))
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 20)
    return box


class ConflictDialog(QDialog):
    """Theirs beside mine for each field of a refused save; :meth:`changes` is what to save again."""

    def __init__(self, conflict: ConflictError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setObjectName("conflict_dialog")
        self.decisions: dict[str, QComboBox] = {}
        self.merged: dict[str, QPlainTextEdit] = {}
        layout = QVBoxLayout(self)
        message = QLabel(str(conflict))
        message.setObjectName("conflict_message")
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(message)
        if conflict.deleted:
            self.setWindowTitle(self.tr("Record deleted by someone else"))
            layout.addWidget(QLabel(self.tr("Your values (copy what you want to keep):")))
            self.kept = QPlainTextEdit(self.kept_text())
            self.kept.setObjectName("kept_values")
            self.kept.setReadOnly(True)
            layout.addWidget(self.kept, 1)  # the values take the room the dialog has
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.addButton(push_button(self.tr("Copy"), self.copy_kept, "copy_kept"),
                              QDialogButtonBox.ButtonRole.ActionRole)
            buttons.rejected.connect(self.reject)
            layout.addWidget(buttons)
            self.resize(560, 360)
            return
        self.setWindowTitle(self.tr("Changed by someone else meanwhile"))
        layout.addWidget(self._fields_grid())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(push_button(self.tr("Keep all mine"), lambda: self.decide_all(MINE), "all_mine"),
                          QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(push_button(self.tr("Take all theirs"), lambda: self.decide_all(THEIRS), "all_theirs"),
                          QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, min(640, 160 + 70 * len(conflict.fields)))

    def _fields_grid(self) -> QScrollArea:
        fields = QWidget()
        grid = QGridLayout(fields)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(4, 1)
        for column, title in enumerate((self.tr("Field"), self.tr("Their value"), self.tr("Your value"),
                                        self.tr("Keep"), self.tr("Merged value"))):
            heading = QLabel(f"<b>{title}</b>")
            grid.addWidget(heading, 0, column)
        for row, field in enumerate(self.conflict.fields, start=1):
            grid.addWidget(QLabel(_label(self.conflict.kind, field)), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(_value_box(field.theirs_text, f"theirs_{field.key}"), row, 1)
            grid.addWidget(_value_box(field.mine_text, f"mine_{field.key}"), row, 2)
            decision = QComboBox()
            decision.setObjectName(f"decision_{field.key}")
            decision.addItem(self.tr("Keep mine"), MINE)
            decision.addItem(self.tr("Take theirs"), THEIRS)
            decision.addItem(self.tr("Merge by hand"), MERGED)
            merged = _value_box(field.mine_text, f"merged_{field.key}", editable=True)
            decision.currentIndexChanged.connect(lambda _index, box=merged, combo=decision: box.setEnabled(
                combo.currentData() == MERGED))
            decision.setCurrentIndex(0 if field.differs else 1)
            merged.setEnabled(False)
            grid.addWidget(decision, row, 3, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(merged, row, 4)
            self.decisions[field.key] = decision
            self.merged[field.key] = merged
        grid.setRowStretch(len(self.conflict.fields) + 1, 1)  # the rows stay at the top
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields)
        return scroll

    # ------------------------------------------------------------------ deciding
    def decide(self, key: str, decision: str, merged: str | None = None) -> None:
        """Set one field's decision (and, merging, the merged text)."""
        combo = self.decisions[key]
        combo.setCurrentIndex(combo.findData(decision))
        if merged is not None:
            self.merged[key].setPlainText(merged)

    def decide_all(self, decision: str) -> None:
        """Keep all mine / take all theirs."""
        for key in self.decisions:
            self.decide(key, decision)

    def changes(self) -> dict[str, Any]:
        """What to save with the stored version: the clerk's value where they keep theirs, the
        merged text where they merged (a reference typed by name under the name it is given by);
        nothing for a field whose stored value they take."""
        changes: dict[str, Any] = {}
        for field in self.conflict.fields:
            decision = self.decisions[field.key].currentData()
            if decision == THEIRS:
                continue
            value = field.mine if decision == MINE else self.merged[field.key].toPlainText().strip() or None
            described = KINDS[self.conflict.kind].field(field.key)
            if described is not None and described.by_name and isinstance(value, str):
                changes[described.by_name] = value
            else:
                changes[field.key] = value
        return changes

    # ------------------------------------------------------------------ a deleted record
    def kept_text(self) -> str:
        """The clerk's values, one "label：value" per field, to copy elsewhere."""
        return "\n".join(f"{_label(self.conflict.kind, field)}：{field.mine_text}" for field in self.conflict.fields)

    def copy_kept(self) -> None:
        """Put the clerk's values on the clipboard."""
        QGuiApplication.clipboard().setText(self.kept_text())


def resolve(parent: QWidget | None, conflict: ConflictError, save_again: Callable[[dict[str, Any], int], None]) -> None:
    """Show the conflict; when the clerk decides, save the decision with the version stored now."""
    dialog = ConflictDialog(conflict, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted and conflict.row_version is not None:
        save_again(dialog.changes(), conflict.row_version)
