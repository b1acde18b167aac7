"""The import wizard: a county's workbook → sheets and columns → preview → import → summary.

This dialog holds the pages and their widgets; reading the file (what became of each sheet, the
kind, what each column is imported as, the plan) is ``importers.preview``, the same reading
``lawgov import --dry-run`` prints.  Everything that reads the file or touches the database runs on
the session's background writer as quiet work whose progress this dialog shows on its own bar, so
the window never freezes and a second import or edit simply queues behind it.  Each change the
clerk makes (list kind, sheet, column mapping, template, merge mode, strictness, how an unknown
name is settled) plans the import again from the file; only the plan on screen can be applied.
Applying is one transaction after a backup (``apply_plan``), so Cancel leaves the database exactly
as it was.  A column mapping changed by hand is then remembered for the next file with the same
headers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lawgov_desktop.core.errors import Cancelled, LawGovError
from lawgov_desktop.core.fields import DEPARTMENT, KIND_LABELS, LICENCE, POWER, RESPONSIBILITY
from lawgov_desktop.core.layouts import FIELDS_BY_KIND, field_label
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.progress import Task, TaskState
from lawgov_desktop.importers.columns import AUTO_TEMPLATE, Column, remember_mapping
from lawgov_desktop.importers.plan import (
    ImportOptions,
    ImportPlan,
    ImportResult,
    PlannedRow,
    UnresolvedName,
    apply_plan,
)
from lawgov_desktop.importers.preview import (
    ImportSession,
    Preview,
    SheetState,
    SheetUse,
    preview_import,
    rejected_cells,
    template_mapping,
)
from lawgov_desktop.importers.readers import is_spreadsheet
from lawgov_desktop.importers.shaping import EXTRA_FIELD

from . import prompts, settings
from .facets import facet_options
from .forms import ReferenceCombo
from .session import Session
from .widgets import button_row, choose_save_path, choose_workbook, push_button

translate = QCoreApplication.translate

# The wizard's steps, in order.
FILE, COLUMNS, PREVIEW, APPLY, SUMMARY = range(5)
ACTION_COLOURS = {"new": "#e2f3e2", "changed": "#fff1c7", "rejected": "#f9dcdc"}
REFERENCE_FACETS = {"department": "department", "region": "region", "batch": "batch"}
_SEARCH = "search"  # the names step's choices beside "as proposed" and an existing record's id
_RENAME = "rename"
_RENAMED = "renamed"


def list_name(kind: str) -> str:
    """"行政许可事项清单", "权责清单": a kind's label as the name of a list."""
    label = KIND_LABELS[kind]
    return label if label.endswith("清单") else translate("ImportWizard", "%1 list").replace("%1", label)


def items_text(items: int, sub_items: int) -> str:
    """"462 项（另子项 474 项）": items and sub-items said apart, as everywhere counts are shown."""
    text = translate("ImportWizard", "%n item(s)", "", items)
    return text + translate("ImportWizard", " (plus %n sub-item(s))", "", sub_items) if sub_items else text


def sheet_note(state: SheetState) -> str:
    """What became of a sheet, as the columns page lists it."""
    if state.used:
        return translate("ImportWizard", "header in row %1, %2").replace("%1", state.header_text).replace(
            "%2", items_text(state.items, state.sub_items))
    if state.use is SheetUse.EMPTY:
        return translate("ImportWizard", "skipped: the sheet is empty")
    if state.use is SheetUse.OTHER_SHEET_CHOSEN:
        return translate("ImportWizard", "skipped: another sheet was chosen")
    if state.use is SheetUse.OTHER_KIND and state.other_kind:
        return translate("ImportWizard", "skipped: looks like a %1, not the same kind").replace(
            "%1", list_name(state.other_kind))
    return translate("ImportWizard", "skipped: %1").replace("%1", state.reason)


def write_rejected(library: Library, plan: ImportPlan, rejected: list[dict[str, Any]], source: Path,
                   target: Path) -> Path:
    """Write the rejected rows with their original cells and reasons (runs on the writer).  The
    importers gather the cells and the exporters write them; neither may import the other."""
    from lawgov_desktop.exporters.rejected import RejectedRow, RejectedSheet, write_rejected_rows

    sheets = [RejectedSheet(cells.sheet, cells.header_rows, [RejectedRow(*row) for row in cells.rows])
              for cells in rejected_cells(library, plan, rejected, source)]
    return write_rejected_rows(sheets, target)


# ---------------------------------------------------------------------------------- preview
class PlanModel(QAbstractTableModel):
    """The planned rows, one line each, marked new / changed / unchanged / rejected."""

    COLUMNS = (QT_TRANSLATE_NOOP("PlanModel", "Action"), QT_TRANSLATE_NOOP("PlanModel", "Sheet"),
               QT_TRANSLATE_NOOP("PlanModel", "Row"), QT_TRANSLATE_NOOP("PlanModel", "Name"),
               QT_TRANSLATE_NOOP("PlanModel", "What changes"))

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.all_rows: list[PlannedRow] = []
        self.rows: list[PlannedRow] = []
        self.action: str | None = None
        self.labels = {"new": self.tr("New"), "changed": self.tr("Changed"), "unchanged": self.tr("Unchanged"),
                       "rejected": self.tr("Rejected")}
        # a sub-item's row says so: the counts above say items and sub-items apart
        self.sub_item_labels = {"new": self.tr("New sub-item"), "changed": self.tr("Changed sub-item"),
                                "unchanged": self.tr("Unchanged sub-item")}

    def set_rows(self, kind: str, rows: list[PlannedRow]) -> None:
        """Show a new plan's rows (keeping the action filter)."""
        self.beginResetModel()
        self.kind = kind
        self.all_rows = sorted(rows, key=lambda r: (r.sheet, r.row))
        self.rows = [r for r in self.all_rows if self.action in (None, r.action)]
        self.endResetModel()

    def set_action(self, action: str | None) -> None:
        """Only the rows of one action (None: all)."""
        self.action = action
        self.set_rows(self.kind, self.all_rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("PlanModel", self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        planned = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            labels = self.sub_item_labels if planned.sub_item else self.labels
            return (labels[planned.action], planned.sheet, planned.row, planned.name or "—",
                    planned.reason or self._changes(planned, "；"))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            details = planned.reason or self._changes(planned, "\n")
            if column == 1:  # the texts a narrow column may cut, in full
                return planned.sheet
            if column == 3:
                return "\n".join(text for text in (planned.name, details) if text) or None
            return details or None
        if role == Qt.ItemDataRole.BackgroundRole and planned.action in ACTION_COLOURS:
            return QBrush(QColor(ACTION_COLOURS[planned.action]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#666666" if planned.action == "unchanged" else "#1a1a1a"))
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(planned.action != "unchanged")
            return font
        return None

    def _changes(self, planned: PlannedRow, joiner: str) -> str:
        """"设定和实施依据：旧 → 新" per changed field."""
        parts = []
        for key, (old, new) in planned.changes.items():
            if old in (None, "") and new in (None, ""):
                parts.append(field_label(self.kind, key))
                continue
            parts.append(f"{field_label(self.kind, key)}：{_shown(old)} → {_shown(new)}")
        return joiner.join(parts)


def _shown(value: object) -> str:
    if value in (None, "", []):
        return translate("ImportWizard", "(empty)")
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return " ".join(str(value).split())


class NamePicker(QDialog):
    """Map a name the database does not know to an existing department, township or batch."""

    def __init__(self, library: Library, kind: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Map to an existing record"))
        self.combo = ReferenceCombo(facet_options(library, REFERENCE_FACETS[kind]))
        self.combo.setObjectName("name_picker")
        self.combo.setMinimumWidth(320)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Treat “%1” as (type to search):").replace("%1", name)))
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    def chosen(self) -> int | None:
        """The picked record's id."""
        value = self.combo.value()
        return value if isinstance(value, int) else None


# ---------------------------------------------------------------------------------- the wizard
class ImportWizard(QDialog):
    """Import one workbook, step by step, with nothing written before the clerk says so."""

    imported = Signal(int)  # the import's history id

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("Import workbook"))
        self.setAcceptDrops(True)
        self.draft = ImportSession()  # the file and the clerk's choices for it
        self.result: ImportResult | None = None
        self.applied_plan: ImportPlan | None = None
        self.exported: Path | None = None
        self.remembered_template: str | None = None  # the name a hand-made mapping was saved under
        self._task: TaskState | None = None  # the running work's: what the bar shows, what Cancel stops
        self._task_bar: QProgressBar | None = None
        self._applying = False
        self._filling = False
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._poll)

        self.steps = [QLabel(text) for text in (self.tr("1 File"), self.tr("2 Sheets and columns"),
                                                self.tr("3 Preview"), self.tr("4 Import"), self.tr("5 Done"))]
        step_bar = QHBoxLayout()
        for number, label in enumerate(self.steps):
            if number:
                step_bar.addWidget(QLabel("›"))
            step_bar.addWidget(label)
        step_bar.addStretch(1)
        self.stack = QStackedWidget()
        for page in (self._file_page(), self._columns_page(), self._preview_page(), self._apply_page(),
                     self._summary_page()):
            self.stack.addWidget(page)

        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setStyleSheet("color: #8a1010; background: #fdecea; border: 1px solid #f2b8b5;"
                                   " border-radius: 4px; padding: 6px 8px;")
        self.problem.hide()
        self.busy_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setMaximumWidth(260)
        self.back_button = push_button(self.tr("< &Back"), self.back, "back")
        self.next_button = push_button(self.tr("&Next >"), self.next, "next", default=True)
        self.close_button = push_button(self.tr("Cancel"), self.reject, "close")
        bottom = button_row((self.busy_label, self.busy_bar), (self.back_button, self.next_button, self.close_button))
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.addLayout(step_bar)
        layout.addWidget(line)
        layout.addWidget(self.problem)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        self.resize(1100, 720)
        self._show_busy(False)
        self.go(FILE)

    # ------------------------------------------------------------------ pages
    def _file_page(self) -> QWidget:
        page = QWidget()
        hint = QLabel(self.tr("Choose the workbook a county or department sent (Excel .xlsx/.xlsm/.xls, WPS/"
                              "LibreOffice .ods, or .csv), or drop it on this window.\nNothing is written to "
                              "the database until you press Import on the preview."))
        hint.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(push_button(self.tr("&Choose file…"), self.choose_file, "browse"))
        drop = QLabel(self.tr("Drop a workbook here"))
        drop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        drop.setMinimumHeight(160)
        drop.setStyleSheet("border: 2px dashed #a0a0a0; border-radius: 8px; color: #707070; font-size: 16px;")
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(drop)
        layout.addStretch(1)
        return page

    def _columns_page(self) -> QWidget:
        page = QWidget()
        self.sheet_list = QListWidget()
        self.sheet_list.setObjectName("sheets")
        self.sheet_list.setMaximumHeight(110)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind")
        self.kind_combo.addItem(self.tr("Detect from the headers"), None)
        for kind in (LICENCE, POWER, RESPONSIBILITY, DEPARTMENT):
            self.kind_combo.addItem(list_name(kind), kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet")
        self.sheet_combo.currentIndexChanged.connect(self._sheet_chosen)
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("template")
        self.template_combo.currentIndexChanged.connect(self._template_chosen)
        self.save_template_button = QPushButton(self.tr("Save mapping as template…"))
        self.save_template_button.setObjectName("save_template")
        self.save_template_button.clicked.connect(self.ask_template_name)
        self.template_note = QLabel()
        self.template_note.setObjectName("template_note")
        self.template_note.setStyleSheet("color: #1f5fa8;")
        self.template_note.setWordWrap(True)
        self.mapping_table = _table("mapping", (self.tr("Column"), 40), (self.tr("Header in the workbook"), 0),
                                    (self.tr("Import as"), 0), (self.tr("First values in the column"), 0))
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, 240)
        # room for "主管部门（必填）" and "保留为附加字段“…”"
        header.resizeSection(2, 260)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("List kind:")), 0, 0)
        grid.addWidget(self.kind_combo, 0, 1)
        grid.addWidget(QLabel(self.tr("Sheets to import:")), 0, 2)
        grid.addWidget(self.sheet_combo, 0, 3)
        grid.addWidget(QLabel(self.tr("Mapping template:")), 1, 0)
        grid.addWidget(self.template_combo, 1, 1)
        grid.addWidget(self.save_template_button, 1, 2)
        grid.addWidget(self.template_note, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Sheets in the workbook:")))
        layout.addWidget(self.sheet_list)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("Columns: check what each column is imported as; “Not imported” "
                                        "leaves a column out.")))
        layout.addWidget(self.mapping_table, 1)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.mode_group = QButtonGroup(self)
        modes = QHBoxLayout()
        for mode, text in (("merge", self.tr("Merge")), ("append", self.tr("Append")), ("replace", self.tr("Replace"))):
            button = QRadioButton(text)
            button.setObjectName(f"mode_{mode}")
            button.setProperty("mode", mode)
            self.mode_group.addButton(button)
            modes.addWidget(button)
            button.setChecked(mode == "merge")
        self.mode_group.buttonClicked.connect(self._mode_chosen)
        self.strict_box = QCheckBox(self.tr("Strict: import nothing if any row is rejected, and create no "
                                            "unknown names"))
        self.strict_box.setObjectName("strict")
        self.strict_box.toggled.connect(self._strict_toggled)
        modes.addSpacing(24)
        modes.addWidget(self.strict_box)
        modes.addStretch(1)
        self.mode_note = _styled_label("mode_note", "color: #505050;")
        self.counts_label = _styled_label("counts", "font-size: 15px; font-weight: bold; padding: 4px 0;")
        self.action_filter = QComboBox()
        self.action_filter.setObjectName("action_filter")
        for action, text in ((None, self.tr("All rows")), ("new", self.tr("New")), ("changed", self.tr("Changed")),
                             ("unchanged", self.tr("Unchanged")), ("rejected", self.tr("Rejected"))):
            self.action_filter.addItem(text, action)
        self.action_filter.currentIndexChanged.connect(
            lambda _index: self.plan_model.set_action(self.action_filter.currentData()))
        counts_row = QHBoxLayout()
        counts_row.addWidget(self.counts_label, 1)
        counts_row.addWidget(QLabel(self.tr("Show:")))
        counts_row.addWidget(self.action_filter)
        self.plan_model = PlanModel(LICENCE, self)
        self.plan_view = QTableView()
        self.plan_view.setObjectName("plan")
        self.plan_view.setModel(self.plan_model)
        self.plan_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan_view.setWordWrap(False)
        self.plan_view.verticalHeader().hide()
        self.plan_view.verticalHeader().setDefaultSectionSize(self.plan_view.fontMetrics().height() + 8)
        plan_header = self.plan_view.horizontalHeader()
        for column, width in enumerate((80, 150, 50, 360)):
            plan_header.resizeSection(column, width)
        plan_header.setStretchLastSection(True)
        self.plan_view.selectionModel().currentRowChanged.connect(self._show_row_detail)
        self.row_detail = QLabel()
        self.row_detail.setObjectName("row_detail")
        self.row_detail.setWordWrap(True)
        self.row_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.names_table = _table("names", (self.tr("Kind"), 60), (self.tr("Name in the workbook"), 220),
                                  (self.tr("Rows"), 90), (self.tr("What to do"), 0))
        self.warnings_list = _warnings_list("warnings")
        self.preview_tabs = _tabs(self.names_table, self.warnings_list)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.plan_view, 1)
        top_layout.addWidget(self.row_detail)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.preview_tabs)
        splitter.setSizes([380, 200])
        layout = QVBoxLayout(page)
        layout.addLayout(modes)
        layout.addWidget(self.mode_note)
        layout.addLayout(counts_row)
        layout.addWidget(splitter, 1)
        self._show_mode_note()
        return page

    def _apply_page(self) -> QWidget:
        page = QWidget()
        self.apply_label = QLabel(self.tr("Importing… A backup of the database is made first; the import is "
                                          "written in one step, so Cancel leaves the database as it was."))
        self.apply_label.setWordWrap(True)
        self.apply_step = QLabel()
        self.apply_bar = QProgressBar()
        self.apply_bar.setObjectName("apply_progress")
        self.cancel_apply_button = push_button(self.tr("Cancel import"), self.cancel_apply, "cancel_apply")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.apply_label)
        layout.addWidget(self.apply_bar)
        layout.addWidget(self.apply_step)
        layout.addLayout(button_row((), (self.cancel_apply_button,)))
        layout.addStretch(2)
        return page

    def _summary_page(self) -> QWidget:
        page = QWidget()
        self.summary_title = _styled_label("summary_title", "font-size: 16px; font-weight: bold;")
        self.summary_counts = _styled_label("summary_counts", "font-size: 15px; padding: 4px 0;")
        self.summary_note = QLabel()
        self.summary_note.setWordWrap(True)
        self.rejected_table = _table("rejected", (self.tr("Sheet"), 130), (self.tr("Row"), 60), (self.tr("Reason"), 0))
        self.summary_warnings = _warnings_list("summary_warnings")
        self.summary_tabs = _tabs(self.rejected_table, self.summary_warnings)
        self.export_button = push_button(
            self.tr("Export rejected rows…"), self.choose_export_path, "export_rejected",
            tip=self.tr("A workbook with the rejected rows as they were in the file and the reason beside each,"
                        " for the sender to correct and send back."))
        row = QHBoxLayout()
        row.addWidget(self.summary_note, 1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary_counts)
        layout.addLayout(row)
        layout.addWidget(self.summary_tabs, 1)
        return page

    @property
    def path(self) -> Path | None:
        """The file being imported."""
        return self.draft.path

    @property
    def options(self) -> ImportOptions:
        """The clerk's choices for it."""
        return self.draft.options

    @property
    def reading(self) -> Preview | None:
        """The latest reading of the file with those choices."""
        return self.draft.preview

    # ------------------------------------------------------------------ navigation
    def go(self, step: int) -> None:
        """Show a step and set the buttons for it."""
        self.stack.setCurrentIndex(step)
        for number, label in enumerate(self.steps):
            colour = "#1f5fa8" if number == step else "#808080"
            weight = "bold" if number == step else "normal"
            label.setStyleSheet(f"color: {colour}; font-weight: {weight}; padding: 2px 4px;")
        self._update_buttons()

    @property
    def step(self) -> int:
        """The step on screen."""
        return self.stack.currentIndex()

    @property
    def busy(self) -> bool:
        """True while the file is read, planned, imported or exported in the background."""
        return self._task is not None

    def _update_buttons(self) -> None:
        step, busy = self.step, self.busy
        plan = self.reading.plan if self.reading else None
        self.back_button.setVisible(step in (COLUMNS, PREVIEW))
        self.back_button.setEnabled(not busy)
        self.next_button.setVisible(step in (FILE, COLUMNS, PREVIEW))
        self.next_button.setText(self.tr("&Import") if step == PREVIEW else self.tr("&Next >"))
        self.next_button.setEnabled(plan is not None and not busy)
        self.close_button.setText(self.tr("Close") if step == SUMMARY else self.tr("Cancel"))
        self.close_button.setEnabled(step != APPLY)

    def back(self) -> None:
        """One step back (the plan stays)."""
        if self.step in (COLUMNS, PREVIEW):
            self.go(self.step - 1)

    def next(self) -> None:
        """The next step; from the preview, the import itself."""
        if self.reading is None or self.reading.plan is None or self.busy:
            return
        if self.step == PREVIEW:
            self.apply()
        elif self.step in (FILE, COLUMNS):
            self.go(self.step + 1)

    def reject(self) -> None:
        """Cancel or Close; during the import itself Cancel stops the import instead."""
        if self._applying:
            self.cancel_apply()
            return
        if self._task is not None:
            self._task.cancel()
        self._task = None
        self.draft.preview = self.applied_plan = None  # a large plan need not outlive the dialog
        self.plan_model.set_rows(LICENCE, [])
        super().reject()

    # ------------------------------------------------------------------ choosing the file
    def choose_file(self) -> None:
        """Pick a workbook with the file dialog (starting in the folder used last time)."""
        path = choose_workbook(self, self.tr("Choose a workbook to import"), settings.import_folder() or str(Path.home()))
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path, kind: str | None = None) -> None:
        """Read ``path`` (in the background) and plan its import with fresh choices (as ``kind``, if given)."""
        if not is_spreadsheet(path):
            self._show_problem(self.tr("“%1” is not a workbook the program can import. Choose an Excel (.xlsx, "
                                       ".xlsm, .xls), .ods or .csv file.").replace("%1", path.name))
            return
        settings.set_import_folder(path.parent)
        self.draft = ImportSession(path, ImportOptions(kind=kind))
        self.path_edit.setText(str(path))
        self.go(FILE)
        self._read(offer_template=True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.step in (FILE, COLUMNS, PREVIEW) and dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_file(path)

    # ------------------------------------------------------------------ reading and planning
    def _read(self, *, offer_template: bool = False, keep_problem: bool = False) -> None:
        """Plan again from the file with the current choices."""
        if self.path is None:
            return
        path, options = self.path, self.draft.choices()
        if not keep_problem:
            self._hide_problem()
        self._run(lambda library, task: preview_import(library, path, options, task, offer_template=offer_template),
                  self._read_done, self._read_failed, self.busy_bar)

    def _read_done(self, reading: Preview) -> None:
        first = self.reading is None
        self.draft.take(reading)
        self._fill_columns_page()
        if reading.plan is not None:
            self._fill_preview(reading.plan)
        if reading.error:
            hint = self.tr("\nSet what each column is imported as, below.") if reading.columns else ""
            self._show_problem(reading.error + hint)
            if (self.step == FILE and reading.columns) or self.step == PREVIEW:
                self.go(COLUMNS)
        elif first and self.step == FILE:
            self.go(COLUMNS)
        self._update_buttons()

    def _read_failed(self, error: LawGovError) -> None:
        self.draft.preview = None
        if not isinstance(error, Cancelled):
            self._show_problem(str(error))
        self.go(FILE)

    def _fill_columns_page(self) -> None:
        reading = self.reading
        assert reading is not None
        self._filling = True
        try:
            self.sheet_list.clear()
            for state in reading.sheets:
                mark = "✔" if state.used else "✘"
                self.sheet_list.addItem(f"{mark}  {state.name} — {sheet_note(state)}")
                item = self.sheet_list.item(self.sheet_list.count() - 1)
                item.setForeground(QBrush(QColor("#1a1a1a" if state.used else "#808080")))
            detected = self.tr("Detect from the headers")
            if reading.kind is not None:
                detected = self.tr("Detect from the headers: %1").replace("%1", list_name(reading.kind))
            self.kind_combo.setItemText(0, detected)
            self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(self.options.kind), 0))
            self.sheet_combo.clear()
            self.sheet_combo.addItem(self.tr("Every sheet with a recognisable header"), None)
            for state in reading.sheets:
                self.sheet_combo.addItem(state.name, state.name)
            self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(self.options.sheet), 0))
            self._fill_templates()
            self._fill_mapping(reading)
        finally:
            self._filling = False

    def _fill_templates(self) -> None:
        reading = self.reading
        assert reading is not None
        self.template_combo.clear()
        self.template_combo.addItem(self.tr("None (detect from the headers)"), None)
        templates = self.session.library.imports.mapping_templates(reading.signature) if reading.signature else []
        for template in templates:
            self.template_combo.addItem(template["name"], template["name"])
        if reading.template and self.template_combo.findData(reading.template) < 0:
            self.template_combo.addItem(reading.template, reading.template)
        self.template_combo.setCurrentIndex(max(self.template_combo.findData(reading.template), 0))
        if reading.template and reading.template.startswith(AUTO_TEMPLATE):
            note = self.tr("The columns are set as you set them by hand last time for a file with these headers. "
                           "To detect them from the headers instead, choose “None (detect from the headers)”.")
        elif reading.template:
            note = self.tr("Using the template “%1” saved for these headers.").replace("%1", reading.template)
        elif templates:
            note = self.tr("%n template(s) saved for these headers.", "", len(templates))
        else:
            note = ""
        self.template_note.setText(note)
        self.save_template_button.setEnabled(bool(reading.signature and reading.columns))

    def _fill_mapping(self, reading: Preview) -> None:
        kind = reading.kind or LICENCE
        self.mapping_table.setRowCount(len(reading.columns))
        for row, column in enumerate(reading.columns):
            self.mapping_table.setItem(row, 0, QTableWidgetItem(column.letter))
            header = QTableWidgetItem(column.header)
            header.setToolTip(column.header)
            self.mapping_table.setItem(row, 1, header)
            combo = QComboBox()
            combo.addItem(self.tr("Not imported"), "")
            for spec in FIELDS_BY_KIND[kind]:
                label = spec.label + (self.tr(" (required)") if spec.required else "")
                combo.addItem(label, spec.key)
            if kind == RESPONSIBILITY:
                combo.addItem(self.tr("Kept as an extra field “%1”").replace("%1", column.header),
                              f"{EXTRA_FIELD}{column.header}")
            combo.setCurrentIndex(max(combo.findData(column.field), 0))
            combo.currentIndexChanged.connect(self._mapping_edited)
            self.mapping_table.setCellWidget(row, 2, combo)
            samples = QTableWidgetItem("  |  ".join(column.samples))
            samples.setToolTip("\n".join(column.samples))
            samples.setForeground(QBrush(QColor("#505050")))
            self.mapping_table.setItem(row, 3, samples)
            header.setForeground(QBrush(QColor("#1a1a1a" if column.field else "#909090")))

    def current_columns(self) -> list[Column]:
        """The columns with the fields the mapping table sets now."""
        assert self.reading is not None
        columns = []
        for row, column in enumerate(self.reading.columns):
            combo = self.mapping_table.cellWidget(row, 2)
            field_key = combo.currentData() if isinstance(combo, QComboBox) else ""
            columns.append(dataclasses.replace(column, field=field_key))
        return columns

    def set_column_field(self, header: str, field_key: str, letter: str | None = None) -> None:
        """Import the column ``header`` (the one in column ``letter``, when given) as ``field_key``
        ("" = not imported), as the combo would."""
        for row in range(self.mapping_table.rowCount()):
            if self.mapping_table.item(row, 1).text() == header and letter in (None, self.mapping_table.item(row, 0).text()):
                combo = self.mapping_table.cellWidget(row, 2)
                assert isinstance(combo, QComboBox)
                combo.setCurrentIndex(combo.findData(field_key))
                return
        raise KeyError(header)

    def _mapping_edited(self, _index: int) -> None:
        if self._filling or self.reading is None:
            return
        self.draft.map_columns(self.current_columns())
        self._read()

    def _kind_chosen(self, _index: int) -> None:
        self._clerk_chose(lambda: self.draft.choose_kind(self.kind_combo.currentData()))

    def _sheet_chosen(self, _index: int) -> None:
        self._clerk_chose(lambda: self.draft.choose_sheet(self.sheet_combo.currentData()))

    def _template_chosen(self, _index: int) -> None:
        self._clerk_chose(lambda: self.draft.choose_template(self.template_combo.currentData()))

    def _clerk_chose(self, choose: Callable[[], object]) -> None:
        """Tell the draft what the clerk picked and read the file again; the wizard's own filling in
        of the page picks nothing."""
        if self._filling:
            return
        choose()
        self._read()

    def ask_template_name(self) -> None:
        """Ask a name (e.g. the county's) and save the mapping on screen under it."""
        name, accepted = QInputDialog.getText(self, self.tr("Save mapping as template"),
                                              self.tr("Name of the template (e.g. the county that sends "
                                                      "this layout):"))
        if accepted and name.strip():
            self.save_template(name.strip())

    def save_template(self, name: str) -> None:
        """Remember the mapping on screen for workbooks with the same headers."""
        reading = self.reading
        if reading is None or not reading.signature or reading.kind is None:
            return
        kind, headers, mapping = reading.kind, reading.signature, template_mapping(self.current_columns())

        def saved(_result: object) -> None:
            self.draft.template_saved(name)
            self._filling = True
            try:
                self._fill_templates()
            finally:
                self._filling = False

        self.session.run(self.tr("Save mapping template"),
                         lambda library: library.imports.save_mapping_template(name, kind, headers, mapping), on_done=saved)

    # ------------------------------------------------------------------ preview
    def _fill_preview(self, plan: ImportPlan) -> None:
        changes = plan.changes
        self.counts_label.setText(self.counts_text(changes.inserted, changes.updated, changes.unchanged,
                                                   len(changes.rejected), changes.sub_items))
        self.plan_model.set_rows(plan.kind, plan.rows)
        self.row_detail.clear()
        self.warnings_list.clear()
        self.warnings_list.addItems(changes.warnings)
        self.preview_tabs.setTabText(1, self.tr("Warnings (%1)").replace("%1", str(len(changes.warnings))))
        shown = self.draft.names_to_settle()
        self._fill_names(shown)
        self.preview_tabs.setTabText(0, self.tr("Names to settle (%1)").replace("%1", str(len(shown))))
        if shown:
            self.preview_tabs.setCurrentIndex(0)

    def counts_text(self, inserted: int, updated: int, unchanged: int, rejected: int,
                    sub_items: dict[str, int]) -> str:
        """"新增 462 项（另子项 474 项） / 更新 0 项 / 未变 0 项 / 拒绝 0 行": the totals include the
        sub-items, which are said apart so that the counts agree with the list (which shows items)."""
        parts = [items_text(total - sub_items[action], sub_items[action])
                 for total, action in ((inserted, "new"), (updated, "changed"), (unchanged, "unchanged"))]
        return self.tr("New %1 / Changed %2 / Unchanged %3 / Rejected %4").replace("%1", parts[0]).replace(
            "%2", parts[1]).replace("%3", parts[2]).replace("%4", self.tr("%n row(s)", "", rejected))

    def _show_row_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.row_detail.clear()
            return
        planned = self.plan_model.rows[current.row()]
        text = self.plan_model.data(self.plan_model.index(current.row(), 0), Qt.ItemDataRole.ToolTipRole)
        where = self.tr("Sheet “%1”, row %2").replace("%1", planned.sheet).replace("%2", str(planned.row))
        self.row_detail.setText(f"{where}：{planned.name}" + (f"\n{text}" if text else ""))

    def _fill_names(self, names: list[UnresolvedName]) -> None:
        kinds = {"department": self.tr("Department"), "region": self.tr("Township"), "batch": self.tr("Batch")}
        library = self.session.library
        self.names_table.setRowCount(len(names))
        for row, unresolved in enumerate(names):
            key = (unresolved.kind, unresolved.name)
            self.names_table.setItem(row, 0, QTableWidgetItem(kinds.get(unresolved.kind, unresolved.kind)))
            self.names_table.setItem(row, 1, QTableWidgetItem(unresolved.name))
            rows = "、".join(str(number) for _sheet, number in unresolved.rows[:5])
            rows_item = QTableWidgetItem(self.tr("%n row(s)", "", len(unresolved.rows)) if unresolved.rows else "")
            rows_item.setToolTip(rows)
            self.names_table.setItem(row, 2, rows_item)
            combo = QComboBox()
            combo.addItem(unresolved.proposal, None)
            finder = self._finder(unresolved.kind)
            for suggestion in unresolved.suggestions:
                found = finder(suggestion) if finder else None
                if found is not None:
                    combo.addItem(self.tr("Same as existing: %1").replace("%1", suggestion), found)
            chosen = self.options.resolutions.get(key)
            if chosen is not None and combo.findData(chosen) < 0:
                name = library.records.get(unresolved.kind, chosen)["name"]
                combo.addItem(self.tr("Same as existing: %1").replace("%1", name), chosen)
            renamed = self.options.renames.get(key)
            if renamed:
                combo.addItem(self.tr("Create as “%1”").replace("%1", renamed), _RENAMED)
            combo.addItem(self.tr("Same as another existing one…"), _SEARCH)
            combo.addItem(self.tr("Create under another name…"), _RENAME)
            combo.setCurrentIndex(combo.findData(_RENAMED) if renamed else max(combo.findData(chosen), 0))
            combo.currentIndexChanged.connect(
                lambda _index, c=combo, u=unresolved: self._name_choice(c, u))
            self.names_table.setCellWidget(row, 3, combo)

    def _finder(self, kind: str) -> Callable[[str], int | None] | None:
        library = self.session.library
        return {"department": library.records.find_department, "region": library.records.find_region,
                "batch": library.records.find_batch}.get(kind)

    def _name_choice(self, combo: QComboBox, unresolved: UnresolvedName) -> None:
        choice = combo.currentData()
        key = (unresolved.kind, unresolved.name)
        if choice == _RENAMED:
            return
        if choice in (_SEARCH, _RENAME):
            if choice == _SEARCH:
                picker = NamePicker(self.session.library, unresolved.kind, unresolved.name, self)
                picked = picker.chosen() if picker.exec() == QDialog.DialogCode.Accepted else None
            else:
                picked = self.ask_new_name(unresolved)
            if picked is None:
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(_RENAMED) if key in self.options.renames
                                      else max(combo.findData(self.options.resolutions.get(key)), 0))
                combo.blockSignals(False)
                return
            if isinstance(picked, str):
                self.create_as(unresolved.kind, unresolved.name, picked)
                return
            choice = picked
        self.settle(unresolved.kind, unresolved.name, choice)

    def ask_new_name(self, unresolved: UnresolvedName) -> str | int | None:
        """Ask the name to create instead of the one in the workbook; an existing record's id when
        the clerk typed a name the database knows, None when nothing new was typed."""
        current = self.options.renames.get((unresolved.kind, unresolved.name), unresolved.name)
        name, accepted = QInputDialog.getText(
            self, self.tr("Create under another name"),
            self.tr("Create “%1” under this name instead (e.g. the full name):").replace("%1", unresolved.name),
            QLineEdit.EchoMode.Normal, current)
        name = " ".join(name.split())
        if not accepted or not name or name == unresolved.name:
            return None
        finder = self._finder(unresolved.kind)
        found = finder(name) if finder else None
        return found if found is not None else name

    def settle(self, kind: str, name: str, record_id: int | None) -> None:
        """Treat an unknown name as an existing record (``record_id``) or as proposed (None), and plan again."""
        self.draft.settle(kind, name, record_id)
        self._read()

    def create_as(self, kind: str, name: str, new_name: str) -> None:
        """Create the record an unknown name stands for under ``new_name``, and plan again."""
        self.draft.create_as(kind, name, new_name)
        self._read()

    def _mode_chosen(self, button: QRadioButton) -> None:
        self.options.mode = button.property("mode")
        self._show_mode_note()
        self._read()

    def _strict_toggled(self, checked: bool) -> None:
        self.options.strict = checked
        self._read()

    def _show_mode_note(self) -> None:
        notes = {
            "merge": self.tr("Merge: records already in the list (same code, or same name and department) get "
                             "the changed fields; new ones are added. Recommended."),
            "append": self.tr("Append: only adds records; rows that match a record already in the list are "
                              "rejected and nothing existing changes."),
            "replace": self.tr("Replace: first removes the records of the parts (licence lists) or batches "
                               "(power lists) this file contains, then adds the file's records."),
        }
        self.mode_note.setText(notes[self.options.mode])

    # ------------------------------------------------------------------ applying
    def apply(self) -> None:
        """Write the plan on screen (backup first, one transaction)."""
        plan = self.reading.plan if self.reading else None
        if plan is None:
            return
        strict = self.options.strict
        remember = self.draft.mapping_to_remember(self.current_columns())
        self._applying = True
        self._hide_problem()
        self.apply_step.clear()
        self.cancel_apply_button.setEnabled(True)
        self.go(APPLY)
        self._run(lambda library, task: apply_plan(library, plan, strict=strict, task=task),
                  lambda result: self._applied(plan, result, remember), self._apply_failed, self.apply_bar)

    def cancel_apply(self) -> None:
        """Stop the import; the transaction is rolled back and the database stays as it was."""
        if self._applying and self._task is not None:
            self._task.cancel()
            self.cancel_apply_button.setEnabled(False)
            self.apply_step.setText(self.tr("Cancelling…"))

    def _applied(self, plan: ImportPlan, result: ImportResult,
                 remember: tuple[str, str, list[Column]] | None) -> None:
        self._applying = False
        self.result = result
        self.applied_plan = plan
        self._fill_summary(result)
        self.go(SUMMARY)
        if remember is not None:
            kind, headers, columns = remember
            self.session.run(self.tr("Remember the column mapping"),
                             lambda library: remember_mapping(library, kind, headers, columns),
                             on_done=self._remembered)
        if result.import_id is not None:
            self.imported.emit(result.import_id)

    def _remembered(self, name: str) -> None:
        self.remembered_template = name
        self.summary_note.setText(self.summary_note.text() + "\n" + self.tr(
            "The columns as you set them are used again for the next file with the same headers."))

    def _apply_failed(self, error: LawGovError) -> None:
        self._applying = False
        self.go(PREVIEW)
        if isinstance(error, Cancelled):
            self._show_problem(self.tr("The import was cancelled; the database was not changed."))
        else:
            self._show_problem(str(error))
        self._read(keep_problem=True)  # a plan is applied once: plan again for another try

    def _fill_summary(self, result: ImportResult) -> None:
        self.summary_title.setText(self.tr("Imported “%1”").replace("%1", self.path.name if self.path else ""))
        self.summary_counts.setText(self.counts_text(result.inserted, result.updated, result.unchanged,
                                                     len(result.rejected), result.sub_items))
        self.summary_note.setText(self.tr("The lists show the imported records now. The import is in Import "
                                          "history, where it can be undone."))
        self.rejected_table.setRowCount(len(result.rejected))
        for row, problem in enumerate(result.rejected):
            for column, value in enumerate((problem["sheet"], str(problem["row"]), problem["reason"])):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.rejected_table.setItem(row, column, item)
        self.summary_warnings.clear()
        self.summary_warnings.addItems(result.warnings)
        self.summary_tabs.setTabText(0, self.tr("Rejected rows (%1)").replace("%1", str(len(result.rejected))))
        self.summary_tabs.setTabText(1, self.tr("Warnings (%1)").replace("%1", str(len(result.warnings))))
        self.summary_tabs.setCurrentIndex(0 if result.rejected else 1)
        self.export_button.setEnabled(bool(result.rejected))

    def choose_export_path(self) -> None:
        """Ask where to write the rejected rows (beside the imported file by default)."""
        if self.path is None:
            return
        suggested = self.path.with_name(self.tr("%1 - rejected rows.xlsx").replace("%1", self.path.stem))
        target = choose_save_path(self, self.tr("Export rejected rows"), str(suggested), self.tr("Excel workbook (*.xlsx)"),
                                  ".xlsx")
        if target is not None:
            self.export_rejected(target)

    def export_rejected(self, target: Path) -> None:
        """Write the rejected rows to ``target`` (in the background)."""
        plan, result, source = self.applied_plan, self.result, self.path
        if plan is None or result is None or source is None:
            return
        self._run(lambda library, _task: write_rejected(library, plan, result.rejected, source, target),
                  self._exported, lambda error: prompts.warn(self, error), self.busy_bar)

    def _exported(self, path: Path) -> None:
        self.exported = path
        self.summary_note.setText(self.tr("Rejected rows written to %1").replace("%1", str(path)))

    # ------------------------------------------------------------------ background work
    def _run(self, work: Callable[[Library, Task], Any], done: Callable[[Any], None],
             failed: Callable[[LawGovError], None], bar: QProgressBar) -> None:
        """Run ``work`` on the writer with this dialog's task and bar; only the newest work's answer counts."""
        writer = self.session.writer
        if writer is None:
            self._show_problem(self.tr("The database is open read-only."))
            return
        if self._task is not None and not self._applying:
            self._task.cancel()  # a newer choice makes the running reading pointless

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            if task is not self._task:
                return
            self._task = None
            self._show_busy(False)
            callback(value)
            self._update_buttons()

        task = self.session.submit(work, self.windowTitle(), on_done=lambda value: finish(done, value),
                                   on_error=lambda error: finish(failed, error), quiet=True)
        self._task, self._task_bar = task, bar
        self._show_busy(True)
        self._update_buttons()

    def _poll(self) -> None:
        task, bar = self._task, self._task_bar
        if task is None or bar is None:
            return
        bar.setMaximum(max(task.total, 0))
        bar.setValue(min(task.done, task.total) if task.total else 0)
        if bar is self.apply_bar:
            if not task.cancelled:
                self.apply_step.setText(task.text)
        else:
            self.busy_label.setText(task.text or self.tr("Reading…"))

    def _show_busy(self, busy: bool) -> None:
        on_page = self._task_bar is self.apply_bar
        self.busy_bar.setVisible(busy and not on_page)
        self.busy_label.setVisible(busy and not on_page)
        if busy:
            self.busy_bar.setMaximum(0)  # moving until the first report
            self._timer.start()
        else:
            self._timer.stop()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _hide_problem(self) -> None:
        self.problem.hide()
        self.problem.clear()


def _table(name: str, *columns: tuple[str, int]) -> QTableWidget:
    """A read-only table of (title, width) columns, the last one filling the rest (0: no width of its own)."""
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels([title for title, _width in columns])
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    for number, (_title, width) in enumerate(columns):
        if width:
            header.resizeSection(number, width)
    header.setStretchLastSection(True)
    return table


def _warnings_list(name: str) -> QListWidget:
    """The warnings of a preview or an import, a wrapped line each."""
    warnings = QListWidget()
    warnings.setObjectName(name)
    warnings.setWordWrap(True)
    return warnings


def _tabs(table: QTableWidget, warnings: QListWidget) -> QTabWidget:
    """A page's rows and its warnings as two tabs (titled with their counts when filled)."""
    tabs = QTabWidget()
    tabs.addTab(table, "")
    tabs.addTab(warnings, "")
    return tabs


def _styled_label(name: str, style: str) -> QLabel:
    """A label the wizard fills in later (counts, a note), in its own type style."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(style)
    return label


# ---------------------------------------------------------------------------------- window glue
def dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The first local file of a drag, if any."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            return Path(url.toLocalFile())
    return None


def open_wizard(parent: QWidget, session: Session, path: Path | None = None,
                kind: str | None = None) -> ImportWizard | None:
    """Show the wizard (with ``path`` already being read, as ``kind`` if given); None when it cannot import."""
    if session.writer is None:
        prompts.warn(parent, LawGovError(translate("ImportWizard", "The database is open read-only.")))
        return None
    if path is not None and not is_spreadsheet(path):
        prompts.warn(parent, LawGovError(translate(
            "ImportWizard", "“%1” is not a workbook the program can import. Choose an Excel (.xlsx, .xlsm, "
                            ".xls), .ods or .csv file.").replace("%1", path.name)))
        return None
    wizard = ImportWizard(session, parent)
    wizard.show()
    if path is not None:
        wizard.open_file(path, kind)
    return wizard


def undo_import(parent: QWidget, session: Session, import_id: int, file_name: str) -> None:
    """Take back a whole import after asking (the library restores the records exactly)."""
    if session.writer is None:
        prompts.warn(parent, LawGovError(translate("ImportWizard", "The database is open read-only.")))
        return
    question = translate("ImportWizard", "Undo the import of “%1”?\n\nRecords it added are removed and records "
                                         "it changed get their earlier values back. A backup is made first.")
    if not prompts.confirm(parent, translate("ImportWizard", "Undo import"), question.replace("%1", file_name)):
        return
    session.submit(lambda library, _task: library.imports.undo_import(import_id),
                   translate("ImportWizard", "Undoing the import"), on_error=lambda error: prompts.warn(parent, error))
