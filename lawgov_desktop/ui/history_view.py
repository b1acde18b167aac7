"""The 修改记录 window: who changed what and when, with the old and new values side by side.

The log can hold hundreds of thousands of entries, so the table is the paged model the lists use
(``library.history.change_log`` reads one page at a time, filtered in SQL).  The entry picked shows a
field-level comparison built from its before/after snapshots, with the labels the record forms
use and names instead of ids.  Any single change can be reverted; the revert is itself an
undoable step (Ctrl+Z), and the entry is marked "已撤销".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QItemSelectionModel,
    QLocale,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lawgov_desktop.core.changes import OpChanges
from lawgov_desktop.core.errors import LawGovError, NotFoundError
from lawgov_desktop.core.fields import KIND_LABELS, LIST_VERSION
from lawgov_desktop.core.kinds import KINDS, ROW_VERSION
from lawgov_desktop.core.layouts import field_label as core_field_label
from lawgov_desktop.core.queries import ListFilter, Page, extra_from_json

from . import prompts
from .kinds import FORMS, Column, FormField, field_label, timestamp
from .session import Session
from .table_model import Index, PagedTableModel
from .widgets import rows_table

translate = QCoreApplication.translate
SEARCH_DELAY_MS = 200
ACTIONS = {
    "create": QT_TRANSLATE_NOOP("History", "Added"),
    "update": QT_TRANSLATE_NOOP("History", "Changed"),
    "delete": QT_TRANSLATE_NOOP("History", "Deleted"),
    "import": QT_TRANSLATE_NOOP("History", "Import"),
    "undo_import": QT_TRANSLATE_NOOP("History", "Import undone"),
}
# Entries that stand for one record's change; an import is undone from the import history.
REVERTIBLE = ("create", "update", "delete")
REVERTED = QT_TRANSLATE_NOOP("History", "Reverted")
HISTORY_KINDS = (*KINDS, LIST_VERSION)
# Snapshot keys that are bookkeeping, not something the clerk typed, or shown in rows of their own
# (a power's extra columns each under its header, its sub-items by name).
HIDDEN_KEYS = frozenset({"id", "version_id", "import_id", "source_json", "created_at", "updated_at", "position",
                         "document_number_raw", "children", "extra_json", "sub_items", ROW_VERSION})
SUB_ITEMS = QT_TRANSLATE_NOOP("History", "Sub-items")
CHILD_LABELS = {"licence": SUB_ITEMS, "power": QT_TRANSLATE_NOOP("History", "Delegated to")}
FIRST_DAY = QDate(2000, 1, 1)  # the date edits show "any" at their minimum
OLD_COLOUR, NEW_COLOUR = QColor("#fbe3e3"), QColor("#e2f3e2")


def action_label(action: Any) -> str:
    """"修改", "删除" … for an action key."""
    return translate("History", ACTIONS[action]) if action in ACTIONS else str(action)


def kind_label(kind: Any) -> str:
    """"行政许可事项" … for a record kind."""
    return KIND_LABELS.get(kind, str(kind))


def reverted_label(value: Any) -> str:
    """"已撤销" when another entry reverted this one."""
    return translate("History", REVERTED) if value else ""


HISTORY_COLUMNS = (
    Column("at", QT_TRANSLATE_NOOP("Column", "Time"), 130, display=timestamp),
    Column("user", QT_TRANSLATE_NOOP("Column", "User"), 90),
    Column("action", QT_TRANSLATE_NOOP("Column", "Action"), 70, display=action_label),
    Column("entity", QT_TRANSLATE_NOOP("Column", "Record kind"), 110, display=kind_label),
    Column("reverted_by", QT_TRANSLATE_NOOP("Column", "State"), 60, display=reverted_label),
    Column("summary", QT_TRANSLATE_NOOP("Column", "What changed"), 520),
)


def snapshot(text: str | None) -> dict[str, Any] | None:
    """A before/after snapshot of the log (None for an import entry or a new record's "before")."""
    return json.loads(text) if text else None


def field_changes(kind: str, before: dict[str, Any] | None, after: dict[str, Any] | None,
                  name_of: Callable[[str, int], str]) -> list[tuple[str, str, str]]:
    """(label, old value, new value) for each field that differs; every filled field of a record
    that was added or deleted.  ``name_of(kind, id)`` turns ids into names."""
    forms = {form_field.key: form_field for form_field in FORMS.get(kind, ())}
    keys = [*forms, *(key for key in {**(before or {}), **(after or {})} if key not in forms)]
    rows = []
    for key in keys:
        if key in HIDDEN_KEYS:
            continue
        old = _value(kind, key, (before or {}).get(key), forms.get(key), name_of)
        new = _value(kind, key, (after or {}).get(key), forms.get(key), name_of)
        if old != new:
            label = field_label(forms[key]) if key in forms else core_field_label(kind, key)
            rows.append((label, old, new))
    extras = [extra_from_json((side or {}).get("extra_json")) for side in (before, after)]
    for header in dict.fromkeys([*extras[0], *extras[1]]):
        old, new = extras[0].get(header, ""), extras[1].get(header, "")
        if old != new:
            rows.append((header, old, new))
    children = [_children(kind, side, name_of) for side in (before, after)]
    if kind in CHILD_LABELS and children[0] != children[1]:
        rows.append((translate("History", CHILD_LABELS[kind]), children[0], children[1]))
    sub_items = ["、".join(sub["name"] for sub in (side or {}).get("sub_items", [])) for side in (before, after)]
    if sub_items[0] != sub_items[1]:
        rows.append((translate("History", SUB_ITEMS), sub_items[0], sub_items[1]))
    return rows


def _value(kind: str, key: str, value: Any, form_field: FormField | None,
           name_of: Callable[[str, int], str]) -> str:
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, list):
        return "、".join(str(item) for item in value)
    described = KINDS[kind].field(key) if kind in KINDS else None
    target = described.reference if described else None  # an id names a record of that kind
    if target is not None and isinstance(value, int):
        return name_of(target, value)
    if form_field is not None and form_field.widget == "choice":
        return dict(form_field.choices).get(value, str(value))
    return str(value)


def _children(kind: str, record: dict[str, Any] | None, name_of: Callable[[str, int], str]) -> str:
    """The sub-items' names, or the receiving townships of a power's delegations."""
    children = (record or {}).get("children") or []
    if kind == "power":
        return "、".join(name_of("region", child["region_id"]) for child in children)
    return "、".join(str(child.get("name") or "") for child in children)


class HistoryModel(PagedTableModel):
    """The paged log; reverted entries are greyed."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            return QBrush(QColor("#888")) if row and row.get("reverted_by") else None
        return super().data(index, role)


class HistoryWindow(QDialog):
    """The change history of the whole database or of one record, filterable, with revert."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("history_window")
        self.setWindowTitle(self.tr("Change history"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.entity: str | None = None
        self.entity_id: int | None = None
        self._names: dict[tuple[str, int], str] = {}

        self.search = QLineEdit()
        self.search.setObjectName("history_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search what changed or who…"))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search.textChanged.connect(self.search_timer.start)
        self.search_timer.timeout.connect(self.apply_filter)
        self.user = QComboBox()
        self.user.setObjectName("history_user")
        self.action = self._combo("history_action", [(key, action_label(key)) for key in ACTIONS])
        self.kind = self._combo("history_kind", [(key, kind_label(key)) for key in HISTORY_KINDS])
        self.since = self._date_edit("history_since")
        self.until = self._date_edit("history_until")
        self.user.currentIndexChanged.connect(self.apply_filter)
        clear = QPushButton(self.tr("Clear filters"))
        clear.clicked.connect(self.clear_filters)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for label, widget in ((self.tr("User:"), self.user), (self.tr("Action:"), self.action),
                              (self.tr("Kind:"), self.kind), (self.tr("From:"), self.since),
                              (self.tr("To:"), self.until)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(clear)

        self.record_label = QLabel()
        self.record_label.setObjectName("history_record")
        self.record_label.setStyleSheet("font-weight: bold;")
        self.all_button = QPushButton(self.tr("Show all records"))
        self.all_button.clicked.connect(lambda: self.show_record(None, None))
        self.count_label = QLabel()
        self.count_label.setObjectName("history_count")
        record_bar = QHBoxLayout()
        record_bar.addWidget(self.record_label)
        record_bar.addWidget(self.all_button)
        record_bar.addStretch(1)
        record_bar.addWidget(self.count_label)

        self.model = HistoryModel(HISTORY_COLUMNS, self._fetch, parent=self)
        self.table = rows_table("history_table", self.model, [column.width for column in HISTORY_COLUMNS])
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.entry_label = QLabel()
        self.entry_label.setObjectName("history_entry")
        self.entry_label.setWordWrap(True)
        self.changes = QTableWidget(0, 3)
        self.changes.setObjectName("history_changes")
        self.changes.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Old value"), self.tr("New value")])
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.setWordWrap(True)
        self.changes.verticalHeader().hide()
        header = self.changes.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 150)
        self.revert_button = QPushButton(self.tr("Revert this change…"))
        self.revert_button.setObjectName("revert_change")
        self.revert_button.clicked.connect(self.revert_current)
        detail_top = QHBoxLayout()
        detail_top.addWidget(self.entry_label, 1)
        detail_top.addWidget(self.revert_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        detail_layout.addLayout(detail_top)
        detail_layout.addWidget(self.changes, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(record_bar)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(1200, 720)
        self.session.records_changed.connect(self._records_changed)
        self.session.read_only_changed.connect(self._show_current)

    def _combo(self, name: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("All"), None)
        for value, label in choices:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(self.apply_filter)
        return combo

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(FIRST_DAY)
        edit.setSpecialValueText(self.tr("Any"))
        edit.setDate(FIRST_DAY)
        edit.dateChanged.connect(self.apply_filter)
        return edit

    # ------------------------------------------------------------------ filtering
    def filters(self) -> dict[str, Any]:
        """The keyword arguments of ``library.history.change_log`` the window's controls stand for."""
        since, until = self.since.date(), self.until.date()
        return {"entity": self.entity or self.kind.currentData(), "entity_id": self.entity_id,
                "user": self.user.currentData(), "action": self.action.currentData(),
                "since": since.toString("yyyy-MM-dd") if since > FIRST_DAY else None,
                "until": until.toString("yyyy-MM-dd") if until > FIRST_DAY else None,
                "text": self.search.text()}

    def _fetch(self, _flt: ListFilter, _sort: str | None, _descending: bool, offset: int, limit: int) -> Page:
        try:
            return self.session.library.history.change_log(**self.filters(), offset=offset, limit=limit)
        except LawGovError:  # a date the library cannot read: show nothing rather than fail
            return Page([], 0, offset)

    def show_record(self, entity: str | None, entity_id: int | None) -> None:
        """Narrow to one record (None, None: everything)."""
        self.entity, self.entity_id = (entity, entity_id) if entity_id is not None else (None, None)
        self.kind.setEnabled(self.entity is None)
        self.all_button.setVisible(self.entity is not None)
        if self.entity is not None and self.entity_id is not None:
            self.record_label.setText(self.tr("Changes of %1 “%2”").replace("%1", kind_label(self.entity)).replace(
                "%2", self.name_of(self.entity, self.entity_id)))
        else:
            self.record_label.setText(self.tr("Changes of all records"))
        self._fill_users()
        self.apply_filter()

    def _fill_users(self) -> None:
        current = self.user.currentData()
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("All"), None)
        for name in self.session.library.history.change_log_users():
            self.user.addItem(name, name)
        self.user.setCurrentIndex(max(self.user.findData(current), 0))
        self.user.blockSignals(False)

    def apply_filter(self) -> None:
        """Read the first page for the current filters."""
        self.search_timer.stop()
        self._names.clear()
        self.model.reload()
        self._after_reload(None)

    def clear_filters(self) -> None:
        """Every control back to "all" (the record chosen stays)."""
        for widget in (self.search, self.user, self.action, self.kind, self.since, self.until):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.user, self.action, self.kind):
            combo.setCurrentIndex(0)
        self.since.setDate(FIRST_DAY)
        self.until.setDate(FIRST_DAY)
        for widget in (self.search, self.user, self.action, self.kind, self.since, self.until):
            widget.blockSignals(False)
        self.apply_filter()

    def _records_changed(self, _changes: OpChanges) -> None:
        current = self.current_entry()
        self._fill_users()
        self._names.clear()
        self.model.reload()
        self._after_reload(current["id"] if current else None)

    def _after_reload(self, entry_id: int | None) -> None:
        self.count_label.setText(self.tr("%1 changes").replace("%1", QLocale().toString(self.model.total)))
        row = self.model.row_of(entry_id) if entry_id is not None else None
        if self.model.total:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row or 0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._show_current()

    # ------------------------------------------------------------------ the entry picked
    def current_entry(self) -> dict[str, Any] | None:
        """The log entry of the current row."""
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def name_of(self, kind: str, record_id: int) -> str:
        """A record's name for the comparison (a deleted one: its number)."""
        key = (kind, record_id)
        if key not in self._names:
            try:
                record = self.session.library.records.get(kind, record_id)
                self._names[key] = str(record.get("name") or record_id)
            except (NotFoundError, LawGovError):
                self._names[key] = self.tr("No. %1 (deleted)").replace("%1", str(record_id))
        return self._names[key]

    def _show_current(self) -> None:
        entry = self.current_entry()
        self.changes.setRowCount(0)
        if entry is None:
            self.entry_label.setText(self.tr("No change matches."))
            self.revert_button.setEnabled(False)
            return
        head = f"{timestamp(entry['at'])}　{entry['user']}：{entry['summary']}"
        if entry.get("reverted_by"):
            head += "　（" + reverted_label(True) + "）"
        self.entry_label.setText(head)
        rows = field_changes(entry["entity"], snapshot(entry["before_json"]), snapshot(entry["after_json"]),
                             self.name_of)
        self.changes.setRowCount(len(rows))
        for number, (label, old, new) in enumerate(rows):
            for column, text in enumerate((label, old, new)):
                item = QTableWidgetItem(text)
                item.setToolTip(text if len(text) > 20 else "")
                if column and text:
                    item.setBackground(OLD_COLOUR if column == 1 else NEW_COLOUR)
                self.changes.setItem(number, column, item)
        self.changes.resizeRowsToContents()
        self.revert_button.setEnabled(self.can_revert(entry))

    def can_revert(self, entry: dict[str, Any]) -> bool:
        """A single record's change not yet reverted, in a writable database."""
        return (self.session.writer is not None and entry["action"] in REVERTIBLE
                and entry["entity_id"] is not None and not entry.get("reverted_by"))

    def revert_current(self) -> None:
        """Put back what the current entry changed, after asking (Ctrl+Z takes it back again)."""
        entry = self.current_entry()
        if entry is None or not self.can_revert(entry):
            return
        question = self.tr("Revert this change?\n\n%1\n\nThe revert is recorded in the history too and can be "
                           "undone with Ctrl+Z.").replace("%1", entry["summary"])
        if not prompts.confirm(self, self.tr("Revert change"), question):
            return
        change_id = entry["id"]
        self.revert_button.setEnabled(False)
        self.session.change(self.tr("Revert: %1").replace("%1", entry["summary"]),
                            lambda library: library.history.revert_change(change_id), on_error=self._revert_failed)

    def _revert_failed(self, _error: LawGovError) -> bool:
        """Let the session show the library's message; the entry stays revertible."""
        self._show_current()
        return False
