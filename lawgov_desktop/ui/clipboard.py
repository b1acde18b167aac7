"""Copy rows out to Excel, WPS or Word, and paste rows copied from a spreadsheet into a list.

Copying takes the selected rows' visible columns in the order the clerk arranged them, as
tab-separated text (cells holding a tab, a line break or a quote quoted as Excel does) and as an
HTML table (which Excel, WPS and Word paste as a table; a cell's line breaks as ``<br>``, text
cells marked as text so codes keep their leading zeros).  A long text keeps its line breaks,
not the one-line form the list shows.

Pasting reads the clipboard's table (``importers.pasted``), keeps it as a file and opens the import
wizard on it, so a pasted block goes through the same preview, rules and names to settle as a
workbook; a block without a header row is read as the visible columns, in their order.  The import
of a pasted block is one step on the undo stack (Ctrl+Z) as well as an entry in the import history.
"""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

from lawgov_desktop.core.errors import LawGovError
from lawgov_desktop.core.fields import DEPARTMENT, LICENCE, POWER
from lawgov_desktop.core.kinds import MULTILINE
from lawgov_desktop.core.layouts import FIELDS_BY_KIND
from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.pasted import read_pasted, with_header, write_pasted
from lawgov_desktop.importers.plan import ImportOptions, import_file

from . import prompts
from .kinds import Column
from .session import Session
from .table_model import PagedTableModel

if TYPE_CHECKING:
    from .import_wizard import ImportWizard

# The lists a pasted block can be imported into (the kinds the import reads).
PASTE_KINDS = (LICENCE, POWER, DEPARTMENT)
PASTED_FILE = "粘贴的内容.csv"
# Excel's cell format "text": a code such as 0012 or a long number stays as written.
_TEXT_CELL = "<td style=\"mso-number-format:'\\@'\">"


def visible_columns(header: QHeaderView) -> list[int]:
    """The columns shown, in the order the clerk sees them (after moving and hiding columns)."""
    shown = [column for column in range(header.count()) if not header.isSectionHidden(column)]
    return sorted(shown, key=header.visualIndex)


def cell_text(column: Column, row: dict[str, Any]) -> str:
    """A cell as copied: as the list shows it, but a long text with its line breaks."""
    if column.field is not None and column.field.rule == MULTILINE:
        value = row.get(column.key)
        return "" if value is None else "\n".join(str(value).splitlines())
    return column.text(row)


def copy_rows(table: QTableView, *, with_header: bool = False) -> int:
    """Put the selected rows (else the current one) on the clipboard; returns how many."""
    model = table.model()
    assert isinstance(model, PagedTableModel)
    columns = visible_columns(table.horizontalHeader())
    grid = [[cell_text(model.columns[column], row) for column in columns]
            for row in model.selected_records(table.selectionModel())]
    if not grid:
        return 0
    header = [str(model.headerData(column, Qt.Orientation.Horizontal)) for column in columns] if with_header else None
    QApplication.clipboard().setMimeData(table_mime(grid, header, [model.columns[c].numeric for c in columns]))
    return len(grid)


def table_mime(grid: Sequence[Sequence[str]], header: Sequence[str] | None, numeric: Sequence[bool]) -> QMimeData:
    """The rows as text/plain (tab-separated, Excel's quoting) and text/html (a table)."""
    rows = [list(header), *grid] if header is not None else [list(row) for row in grid]
    text = io.StringIO(newline="")
    csv.writer(text, delimiter="\t", lineterminator="\r\n").writerows(rows)
    lines = []
    for number, row in enumerate(rows):
        cells = "".join(("<td>" if numeric[col] or (header is not None and number == 0) else _TEXT_CELL)
                        + html.escape(cell).replace("\n", "<br>") + "</td>" for col, cell in enumerate(row))
        lines.append(f"<tr>{cells}</tr>")
    body = "\n".join(lines)
    mime = QMimeData()
    mime.setText(text.getvalue())
    mime.setHtml("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
                 f"<meta charset=\"utf-8\"></head><body><table border=\"1\">\n{body}\n</table></body></html>")
    return mime


# List columns that show a workbook field under another key: the power list shows a power's batches
# joined in one cell, a workbook row names its batch.
_LAYOUT_KEYS = {"batches": "batch"}


def paste_headers(kind: str, model: PagedTableModel, header: QHeaderView) -> list[str]:
    """The header a block pasted without one is read under: each visible column's header in the
    workbook layout of ``kind`` ("" for a column the import does not read)."""
    labels = {spec.key: spec.label for spec in FIELDS_BY_KIND[kind]}
    keys = (model.columns[column].key for column in visible_columns(header))
    return [labels.get(_LAYOUT_KEYS.get(key, key), "") for key in keys]


def pasted_file(kind: str, model: PagedTableModel, header: QHeaderView) -> Path | None:
    """The clipboard's table kept as a file for the import wizard; None when it holds no table."""
    mime = QApplication.clipboard().mimeData()
    sheet = read_pasted(mime.text() if mime.hasText() else "", mime.html() if mime.hasHtml() else "")
    if sheet is None:
        return None
    sheet = with_header(sheet, paste_headers(kind, model, header))
    return write_pasted(sheet, Path(tempfile.mkdtemp(prefix="lawgov-paste-")) / PASTED_FILE)


class PasteCommand(QUndoCommand):
    """A pasted block's import as one step on the undo stack.

    An import's new records are not single change-log entries but rows of the import, so undo is
    the import history's own undo (``undo_import``, which marks the import undone there too) and
    redo imports the kept block again with the choices made in the wizard.
    """

    def __init__(self, session: Session, import_id: int, path: Path, options: ImportOptions, text: str) -> None:
        super().__init__(text)
        self._session = session
        self._import_id = import_id
        self._path = path
        self._options = options
        self._done = True

    def undo(self) -> None:
        self._done = False
        import_id = self._import_id
        self._submit(lambda library: library.imports.undo_import(import_id))

    def redo(self) -> None:
        if self._done:  # pushed after the import was made: nothing to do the first time
            return
        self._submit(self._import_again)

    def _import_again(self, library: Library) -> None:
        result = import_file(library, self._path, dataclasses.replace(self._options))
        if result.import_id is not None:
            self._import_id = result.import_id

    def _submit(self, work: Callable[[Library], object]) -> None:
        session = self._session

        def failed(error: LawGovError) -> None:
            session.undo_stack.clear()
            prompts.warn(None, error)

        session.submit(lambda library, _task: work(library), self.text(), on_error=failed)


def undo_step_for(session: Session, wizard: ImportWizard, path: Path, text: str) -> None:
    """Make the wizard's import of ``path`` (once it is made) one step on the undo stack."""
    connected = [True]

    def imported(import_id: int) -> None:
        if wizard.path == path:
            session.undo_stack.push(PasteCommand(session, import_id, path, wizard.draft.choices(), text))
        finished()

    def finished(*_args: object) -> None:
        if connected:  # once: after the import, or when the wizard closes
            connected.clear()
            wizard.imported.disconnect(imported)
            wizard.finished.disconnect(finished)

    wizard.imported.connect(imported)
    wizard.finished.connect(finished)
