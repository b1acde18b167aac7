"""Table models over the library: a paged one for the big lists, a plain one for short child lists.

The paged model never holds a whole list: ``rowCount`` is the exact total the library reports, and
rows are fetched a page at a time (ordered and filtered in SQL) when the view first asks for one,
into a small least-recently-used cache.  A page of 100 rows costs 10–30 ms from a 100,000-record
database, so fetching on the GUI thread keeps scrolling smooth without a thread per page.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from lawgov_desktop.core.queries import ListFilter, Page

from .kinds import Column, column_title

Index = QModelIndex | QPersistentModelIndex
# (filter, sort key or None, descending, offset, limit) -> Page
Fetch = Callable[[ListFilter, str | None, bool, int, int], Page]
PROBLEM_COLOUR = "#f9dcdc"  # a cell whose typed value the library refused
MARK_COLOUR = "#b03a2e"  # the name of a record citing a repealed, amended or not-yet-effective law
LAW_MARKS = "law_marks"  # a row's reasons for that mark (``laws.marks``), added to the rows it is read with


class _ColumnsMixin:
    """Cell text, alignment, tooltips and header titles from ``Column`` declarations."""

    columns: Sequence[Column]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return column_title(self.columns[section])
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def cell(self, row: dict[str, Any] | None, column: int, role: int) -> Any:
        """What the view shows for one cell of ``row``."""
        if row is None or not 0 <= column < len(self.columns):
            return None
        spec = self.columns[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            value = row.get(spec.key)
            text = str(value) if value not in (None, "") else ""
            return text if len(text) > 12 or "\n" in text else None
        if role == Qt.ItemDataRole.EditRole:
            return row.get(spec.key)
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PagedTableModel(_ColumnsMixin, QAbstractTableModel):
    """A list of any length, read page by page from the library, sorted in SQL.

    A cell edited in place is not written here: ``cell_edited`` hands the value to whoever writes it
    through the library, and the row shows the new value when the list reads again after the write.
    A value the library refused is kept as the cell's ``problem`` (its tooltip, a red background).
    """

    # Emitted when a page shows that the list changed under us (another program wrote to it).
    stale = Signal()
    cell_edited = Signal(int, int, object)  # record id, column, the value typed or chosen

    def __init__(self, columns: Sequence[Column], fetch: Fetch, *, page_size: int = 100,
                 max_pages: int = 40, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._fetch = fetch
        self._page_size = page_size
        self._max_pages = max_pages
        self._filter = ListFilter()
        self._sort: str | None = None
        self._descending = False
        self._sort_column = -1
        self._total = 0
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()
        # Whether a column can be edited in its cell now (set by the list's cell editing).
        self.editable: Callable[[int], bool] = lambda _column: False
        self._problems: dict[tuple[int, int], str] = {}  # (record id, column) → the library's message
        self.marked_column = -1  # where a row's LAW_MARKS show (none: -1)

    # ------------------------------------------------------------------ state
    @property
    def total(self) -> int:
        """Rows the current filter selects (exact)."""
        return self._total

    @property
    def list_filter(self) -> ListFilter:
        """The filter the rows were read with."""
        return self._filter

    @property
    def sort_state(self) -> tuple[int, bool]:
        """The sorted column (-1 for the list's own order) and whether it is descending."""
        return self._sort_column, self._descending

    @property
    def sort_order(self) -> tuple[str | None, bool]:
        """The field the rows are sorted by (None: the list's own order) and whether descending: the
        order a print of the view follows."""
        return self._sort, self._descending

    def set_filter(self, flt: ListFilter) -> None:
        """Show the rows ``flt`` selects, from the top."""
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        """Read the first page again (after a change) and reset the view; a refused value's mark
        goes with the rows it was shown on."""
        self.beginResetModel()
        self._pages.clear()
        self._problems.clear()
        page = self._fetch(self._filter, self._sort, self._descending, 0, self._page_size)
        self._total = page.total
        self._pages[0] = page.rows
        self.endResetModel()

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else self._total

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is not None and role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole):
            problem = self._problems.get((row["id"], index.column()))
            if problem is not None:
                return problem if role == Qt.ItemDataRole.ToolTipRole else QBrush(QColor(PROBLEM_COLOUR))
        if row is not None and index.column() == self.marked_column and row.get(LAW_MARKS):
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join([row.get("name") or "", *row[LAW_MARKS]])
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(MARK_COLOUR))
            if role == Qt.ItemDataRole.DecorationRole:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self.cell(row, index.column(), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editable(index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """An edit in the cell: handed on to be written (the row changes once the write is read back)."""
        record_id = self.id_at(index.row()) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or record_id is None or not self.editable(index.column()):
            return False
        self.cell_edited.emit(record_id, index.column(), value)
        return True

    def set_problem(self, record_id: int, column: int, message: str | None) -> None:
        """Show (or, with None, clear) why the library refused a value typed into a cell."""
        if message is None:
            self._problems.pop((record_id, column), None)
        else:
            self._problems[(record_id, column)] = message
        row = self.row_of(record_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def problem(self, record_id: int, column: int) -> str | None:
        """The message of a value the library refused in that cell, if any."""
        return self._problems.get((record_id, column))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header click: order in SQL; -1 is the list's own order; columns the library cannot order
        by keep the current order."""
        if column < 0:
            if self._sort is None:
                return
            sort, descending = None, False
        elif column >= len(self.columns) or self.columns[column].sort is None:
            return
        else:
            sort, descending = self.columns[column].sort, order == Qt.SortOrder.DescendingOrder
        self._sort_column, self._sort, self._descending = max(column, -1), sort, descending
        self.reload()

    # ------------------------------------------------------------------ rows
    def row_at(self, row: int) -> dict[str, Any] | None:
        """The row dict at a position, reading its page if needed (None outside the list)."""
        if not 0 <= row < self._total:
            return None
        number, within = divmod(row, self._page_size)
        rows = self._pages.get(number)
        if rows is None:
            page = self._fetch(self._filter, self._sort, self._descending, number * self._page_size,
                               self._page_size)
            rows = page.rows
            self._pages[number] = rows
            while len(self._pages) > self._max_pages:
                self._pages.popitem(last=False)
            if page.total != self._total:
                QTimer.singleShot(0, self._report_stale)
        else:
            self._pages.move_to_end(number)
        return rows[within] if within < len(rows) else None

    def selected_records(self, selection: QItemSelectionModel) -> list[dict[str, Any]]:
        """The rows selected in a view (else its current row), in list order; each run of rows is
        read in one query past the page cache, so a large selection is not read page by page."""
        rows = sorted({row for block in selection.selection() for row in range(block.top(), block.bottom() + 1)})
        if not rows and selection.currentIndex().isValid():
            rows = [selection.currentIndex().row()]
        runs: list[list[int]] = []
        for row in rows:
            if runs and runs[-1][1] == row - 1:
                runs[-1][1] = row
            else:
                runs.append([row, row])
        return [record for first, last in runs
                for record in self._fetch(self._filter, self._sort, self._descending, first, last - first + 1).rows]

    def _report_stale(self) -> None:
        self.stale.emit()

    def id_at(self, row: int) -> int | None:
        """The record id at a position."""
        record = self.row_at(row)
        return int(record["id"]) if record else None

    def row_of(self, record_id: int) -> int | None:
        """The position of a record among the pages already read, if it is there."""
        for number, rows in self._pages.items():
            for within, record in enumerate(rows):
                if record["id"] == record_id:
                    return number * self._page_size + within
        return None


class RowsModel(_ColumnsMixin, QAbstractTableModel):
    """A short list held in memory: the sub-items of one item, the delegations of one power."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def row_at(self, row: int) -> dict[str, Any] | None:
        """The row dict at a position."""
        return self._rows[row] if 0 <= row < len(self._rows) else None
