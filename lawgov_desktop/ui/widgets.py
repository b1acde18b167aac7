"""Small helpers the window's modules share: file choosers, read-only tables, actions, busy work.

This module imports no other module of the window, so any of them can use it without an import
circle.  The choosers are module functions because tests replace them (``monkeypatch.setattr``)
in the module that calls them, where a real file dialog would block.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEventLoop,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QAction, QDesktopServices, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressDialog,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Red text under a field or in a dialog that refused what the clerk typed.
ERROR_STYLE = "color: #c0392b;"
# How long a passing note ("已导出到 …") stays in the status line, in milliseconds.
STATUS_MS = 15000


# ---------------------------------------------------------------------------------- choosers
def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def choose_save_path(parent: QWidget | None, title: str, name: str, filters: str, suffix: str) -> Path | None:
    """Ask where to save ``name`` (in the documents folder unless it is a whole path); the suffix is
    added when the clerk leaves it off."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(Path(_documents()) / name), filters)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def choose_folder(parent: QWidget | None, title: str) -> Path | None:
    """Ask for a folder to write into."""
    chosen = QFileDialog.getExistingDirectory(parent, title, _documents())
    return Path(chosen) if chosen else None


def choose_workbook(parent: QWidget | None, title: str, folder: str | None = None) -> Path | None:
    """Ask for a workbook to read, offering every format the importer reads (WPS .et too).

    The readers are imported here, when a workbook is asked for, not before the first paint."""
    from lawgov_desktop.importers.readers import WORKBOOK_SUFFIXES

    patterns = " ".join(f"*{suffix}" for suffix in WORKBOOK_SUFFIXES)
    chosen, _ = QFileDialog.getOpenFileName(
        parent, title, folder or _documents(),
        QCoreApplication.translate("Widgets", "Workbooks (%1);;All files (*)").replace("%1", patterns))
    return Path(chosen) if chosen else None


def open_folder(folder: Path) -> None:
    """Show a folder in the system's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


# ---------------------------------------------------------------------------------- read-only tables
def _read_only(table: QAbstractItemView) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)


def rows_table(name: str, model: QAbstractItemModel, widths: Sequence[int], *, several: bool = False) -> QTableView:
    """A read-only table of whole rows (the backups, the history, a record's sub-items), one selected
    at a time unless ``several`` may be (to delete them together)."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    _read_only(table)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if several
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    for number, width in enumerate(widths):
        table.setColumnWidth(number, width)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def findings_table(titles: list[str]) -> QTableWidget:
    """A read-only table of a check's findings (the upper-list and licence checks share it)."""
    table = QTableWidget(0, len(titles))
    table.setObjectName("check_table")
    table.setHorizontalHeaderLabels(titles)
    _read_only(table)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(True)
    return table


def fill_findings(table: QTableWidget, rows: list[list[Any]], widths: tuple[int, ...]) -> None:
    """Put ``rows`` in ``table`` (each cell's text also its tooltip) and set the first column widths."""
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, value in enumerate(cells):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setToolTip(item.text())
            table.setItem(row, column, item)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)


# ---------------------------------------------------------------------------------- pages
def push_button(text: str, slot: Callable[[], object], name: str = "", default: bool = False,
                tip: str = "") -> QPushButton:
    """A button that calls ``slot``; ``name`` lets tests find it, ``default`` answers Enter."""
    button = QPushButton(text)
    if name:
        button.setObjectName(name)
    button.setDefault(default)
    if tip:
        button.setToolTip(tip)

    def clicked(_checked: bool = False) -> None:
        slot()  # as in make_action: a slot's return value must not reach Qt

    button.clicked.connect(clicked)
    return button


def button_row(left: Sequence[QWidget], right: Sequence[QWidget]) -> QHBoxLayout:
    """A dialog's bottom row: what it does on the left, what ends it (Delete…, Close) on the right."""
    row = QHBoxLayout()
    for button in left:
        row.addWidget(button)
    row.addStretch(1)
    for button in right:
        row.addWidget(button)
    return row


def summary_label(name: str, text: str = "") -> QLabel:
    """The wrapping rich-text line in which a report page says what it found (or what to do)."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def page_layout(page: QWidget, bar: QLayout, *parts: QWidget, grows: QWidget) -> QVBoxLayout:
    """A report page's one shape: its bar of choices on top, then ``parts``; ``grows`` takes the room."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(8, 6, 8, 4)
    layout.addLayout(bar)
    for part in parts:
        layout.addWidget(part, 1 if part is grows else 0)
    return layout


# ---------------------------------------------------------------------------------- actions
def make_action(parent: QObject, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                icon: QIcon | None = None) -> QAction:
    """A menu or toolbar action that calls ``slot`` with no arguments."""
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        action.setIcon(icon)

    def triggered(_checked: bool = False) -> None:
        slot()  # a slot's return value must not reach Qt (PySide mis-counts returned bools)

    action.triggered.connect(triggered)
    return action


# ---------------------------------------------------------------------------------- busy work
def run_off_gui_thread(label: str, work: Callable[[], Any]) -> Any:
    """Run ``work`` in a thread behind a busy dialog, keeping the window painted; re-raises its error.

    For work before there is a database session (creating a file, restoring a damaged one, the
    sample database); work on an open database goes to the session's writer instead.
    """
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["result"] = work()
        except BaseException as exc:  # handed back to the GUI thread below
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="lawgov-open", daemon=True)
    thread.start()
    dialog = QProgressDialog(label, "", 0, 0)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(50)

    def poll() -> None:
        if not thread.is_alive():
            loop.quit()

    timer.timeout.connect(poll)
    timer.start()
    loop.exec()
    timer.stop()
    dialog.close()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")
