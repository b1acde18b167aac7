"""The detail pane under a list: the selected record in full, and its children.

A licence item shows its sub-items, a power its delegations (receiving township, batch, date,
document number), each with add / edit / delete right there, so a clerk never has to leave the
item to maintain what belongs to it.  A power's sub-items and the columns of its 权责清单 the
program does not know (each under its own header) are part of its summary.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lawgov_desktop.core.errors import NotFoundError
from lawgov_desktop.core.fields import DELEGATION, LICENCE, POWER

from .kinds import DELEGATION_COLUMNS, FORMS, SUB_ITEM_COLUMNS, FormField, ListSpec, field_label
from .session import Session

if TYPE_CHECKING:  # record dialogs are imported when first opened, not before the first paint
    from .forms import RecordDialog
from .table_model import RowsModel
from .widgets import rows_table


def display_value(record: dict[str, Any], form_field: FormField) -> str:
    """A field of a record as the clerk reads it (names, not ids; labels, not keys)."""
    by_name = form_field.field.by_name  # a reference shows the name the library joins in under it
    value = record.get(by_name) if by_name else record.get(form_field.key)
    if isinstance(value, list):
        value = "、".join(value)
    labels = dict(form_field.choices)
    if form_field.widget == "choice" and value in labels:
        value = labels[value]
    return "" if value is None else str(value)


def summary_html(kind: str, record: dict[str, Any]) -> str:
    """The record as a two-column table of label and value; line breaks kept (several laws).

    A power's extra columns follow under their own headers, and its sub-items are listed by name.
    """
    pairs = [(field_label(form_field), display_value(record, form_field)) for form_field in FORMS[kind]]
    pairs.extend(record.get("extra", {}).items())
    rows = [f"<tr><td style='color:#555; padding-right:12px; white-space:nowrap'>{html.escape(label)}</td>"
            f"<td>{_html_text(value)}</td></tr>" for label, value in pairs if value]
    text = f"<table cellspacing='2'>{''.join(rows)}</table>"
    sub_items = record.get("sub_items") if kind == POWER else None
    if sub_items:
        heading = QCoreApplication.translate("DetailPane", "Sub-items")
        names = "".join(f"<li>{_html_text(sub['name'])}</li>" for sub in sub_items)
        text += f"<p style='margin-bottom:0'><b>{html.escape(heading)}</b></p><ol style='margin-top:2px'>{names}</ol>"
    return text


def _html_text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


class DetailPane(QWidget):
    """The selected record, and (for licence items and powers) its children with their actions."""

    def __init__(self, session: Session, spec: ListSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.spec = spec
        self.record_id: int | None = None
        self.summary = QLabel()
        self.summary.setObjectName("detail_summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.children_view: QTableView | None = None
        self.children_model: RowsModel | None = None
        if spec.children is None:
            layout.addWidget(scroll)
            return
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self._children_panel())
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([480, 720])
        layout.addWidget(self.splitter)

    def _children_panel(self) -> QWidget:
        is_licence = self.spec.children == "sub_items"
        self.child_kind = LICENCE if is_licence else DELEGATION
        self.children_model = RowsModel(SUB_ITEM_COLUMNS if is_licence else DELEGATION_COLUMNS, self)
        view = rows_table("children_view", self.children_model,
                          [column.width for column in self.children_model.columns], several=True)
        view.doubleClicked.connect(self._edit_child_at)
        self.children_view = view
        self.children_title = QLabel(self.tr("Sub-items") if is_licence else self.tr("Delegated to"))
        self.children_title.setStyleSheet("font-weight: bold;")
        self.add_child_button = QPushButton(self.tr("Add sub-item") if is_licence else self.tr("Add delegation"))
        self.edit_child_button = QPushButton(self.tr("Edit"))
        self.delete_child_button = QPushButton(self.tr("Delete"))
        self.add_child_button.clicked.connect(self.add_child)
        self.edit_child_button.clicked.connect(self.edit_child)
        self.delete_child_button.clicked.connect(self.delete_child)
        buttons = QHBoxLayout()
        buttons.addWidget(self.children_title)
        buttons.addStretch(1)
        for button in (self.add_child_button, self.edit_child_button, self.delete_child_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(view)
        return panel

    def show_record(self, record_id: int | None) -> None:
        """Show one record (None or a deleted one empties the pane)."""
        self.record_id = record_id
        record = None
        if record_id is not None and self.spec.record_kind:
            try:
                record = self.session.library.records.get(self.spec.record_kind, record_id)
            except NotFoundError:
                record = None
        if record is None:
            self.record_id = None
            hint = self.tr("Select a row to see it in full.")
            self.summary.setText(f"<span style='color:#888'>{html.escape(hint)}</span>")
        else:
            self.summary.setText(summary_html(self.spec.record_kind or "", record))
        if self.children_model is not None:
            self.children_model.set_rows(record.get(self.spec.children or "", []) if record else [])
            writable = record is not None and not self.session.read_only and record.get("version_id") is None
            self.add_child_button.setEnabled(writable)
            self.edit_child_button.setEnabled(writable)
            self.delete_child_button.setEnabled(writable)

    def refresh(self) -> None:
        """Read the shown record again (after a change)."""
        self.show_record(self.record_id)

    def _fixed(self) -> dict[str, int]:
        return {"parent_id" if self.child_kind == LICENCE else "power_id": self.record_id or 0}

    def add_child(self) -> RecordDialog | None:
        """A new sub-item under the item, or a new delegation of the power."""
        if self.record_id is None:
            return None
        from .editing import open_record_dialog

        return open_record_dialog(self, self.session, self.child_kind, fixed=self._fixed())

    def edit_child(self) -> None:
        """Edit the current child row."""
        if self.children_view is not None:
            self._edit_child_at(self.children_view.currentIndex())

    def _edit_child_at(self, index: QModelIndex) -> RecordDialog | None:
        row = self.children_model.row_at(index.row()) if self.children_model and index.isValid() else None
        if row is None or not self.edit_child_button.isEnabled():  # read-only database or saved version
            return None
        from .editing import open_record_dialog

        return open_record_dialog(self, self.session, self.child_kind, row["id"])

    def delete_child(self) -> None:
        """Delete the selected children (asks first)."""
        if self.children_view is None or self.children_model is None:
            return
        rows = {index.row() for index in self.children_view.selectionModel().selectedRows()}
        ids = [self.children_model.row_at(row)["id"] for row in sorted(rows)]
        from .editing import delete_records

        delete_records(self, self.session, self.child_kind, ids)
