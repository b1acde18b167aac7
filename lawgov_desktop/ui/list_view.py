"""One list of the window: search box, facets, saved filters, the paged table and the detail pane.

Typing filters as you type: each keystroke restarts a 200 ms timer and only its timeout asks the
library (full-text search in SQL), so a clerk typing 食品生产 causes one query, not four.  The
filter the clerk built is ``current_filter()``: the same object later drives catalogues and exports.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from lawgov_desktop.core.errors import LawGovError
from lawgov_desktop.core.fields import LICENCE, POWER, REGION
from lawgov_desktop.core.queries import ListFilter, Page

from . import settings
from .cell_editing import CellEditing
from .detail import DetailPane
from .facets import FacetBar
from .kinds import ListSpec
from .session import Session
from .table_model import LAW_MARKS, PagedTableModel
from .versions import VersionCombo, read_only_label

if TYPE_CHECKING:  # record dialogs are imported when first opened, not before the first paint
    from .forms import RecordDialog

SEARCH_DELAY_MS = 200
# "依据：食品安全法 第三十五条 许可": the records citing a law (in an article), then ordinary search words.
_NUMERAL = "[零〇一二两三四五六七八九十百千\\d]"
_LAW_SEARCH = re.compile(rf"^\s*依据\s*[：:]\s*《?([^\s《》]+?)》?(?=第{_NUMERAL}+条|\s|$)"
                         rf"\s*(?:(第{_NUMERAL}+条)\S*|(\d+)(?=\s|$))?\s*(.*)$")
NO_LAW = 0  # the law id searched for when the title names no law: no record cites it


def law_search(text: str) -> tuple[str, str | None, str] | None:
    """The law title, article and other words of a search by law ("依据：食品安全法 第三十五条"), or None."""
    found = _LAW_SEARCH.match(text)
    return (found.group(1), found.group(2) or found.group(3), found.group(4).strip()) if found else None


class ListView(QWidget):
    """A list of one kind with everything a clerk needs to narrow it down and edit it."""

    status_changed = Signal(str)
    selection_changed = Signal()

    def __init__(self, session: Session, spec: ListSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.spec = spec
        self.setObjectName(f"list_{spec.kind}")
        self._grand_total: int | None = None
        self._region_filter: tuple[int, ...] = ()
        # Licence items and powers can show a saved version (read-only) instead of the working list.
        self.version_combo = VersionCombo(session.library) if spec.kind in (LICENCE, POWER) else None
        self.version_badge = read_only_label()
        self._shown_version: int | None = None
        if self.version_combo is not None:
            self.version_combo.version_changed.connect(self.apply_filter)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search names, codes, departments, legal bases… (Ctrl+F)"))
        self.search.setMinimumWidth(260)
        if spec.kind in (LICENCE, POWER):
            self.search.setToolTip(self.tr("Type 依据：食品安全法 (and an article: 依据：食品安全法 第三十五条)"
                                           " for the records citing a law"))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search.textChanged.connect(self.search_timer.start)
        self.search_timer.timeout.connect(self.apply_filter)

        self.facets = FacetBar(spec.facets, spec.kind)
        self.facets.changed.connect(self.apply_filter)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.clicked.connect(self.clear_filters)
        self.saved_button = QPushButton(self.tr("Saved filters"))
        self.saved_menu = QMenu(self.saved_button)
        self.saved_menu.aboutToShow.connect(self._fill_saved_menu)
        self.saved_button.setMenu(self.saved_menu)

        bar = QHBoxLayout()
        if self.version_combo is not None:
            bar.addWidget(self.version_combo)
            bar.addWidget(self.version_badge)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.facets)
        bar.addWidget(self.clear_button)
        bar.addWidget(self.saved_button)
        bar.addStretch(1)

        self.model = PagedTableModel(spec.columns, self._fetch, parent=self)
        if spec.kind in (LICENCE, POWER):  # records citing a changed law: marked at their name
            self.model.marked_column = next(n for n, column in enumerate(spec.columns) if column.key == "name")
        self.model.stale.connect(self.reload)
        self.table = self._make_table()
        self._reload_after_edit = False
        self.cells = CellEditing(self.table, self.model, session, spec.record_kind, lambda: self.read_only)
        self.cells.form_requested.connect(self.edit_current)
        self.detail = DetailPane(session, spec) if spec.record_kind else None

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("splitter")
        self.splitter.setChildrenCollapsible(False)
        top: QWidget = self.table
        if spec.kind == REGION:
            top = self._with_region_tree()
        self.splitter.addWidget(top)
        if self.detail is not None:
            self.splitter.addWidget(self.detail)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 1)

        self.status_text = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self._restore_state()

    # ------------------------------------------------------------------ building
    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        rows.hide()
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        for number, column in enumerate(self.spec.columns):
            header.resizeSection(number, column.width)
            header.setSectionHidden(number, column.hidden)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        table.doubleClicked.connect(self._double_clicked)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    def _double_clicked(self, index: QModelIndex) -> None:
        if not self.cells.edits(index):  # a simple field is edited in its cell
            self.edit_current()

    def _with_region_tree(self) -> QWidget:
        """Regions as a tree beside the flat list; picking a node shows it and everything under it."""
        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("region_tree")
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.selectionModel().currentChanged.connect(self._tree_changed)
        self.tree_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tree_splitter.addWidget(self.tree)
        self.tree_splitter.addWidget(self.table)
        self.tree_splitter.setStretchFactor(1, 3)
        self.tree_splitter.setSizes([260, 800])
        return self.tree_splitter

    def _fill_region_tree(self) -> None:
        self.tree_model.clear()

        def add(parent: QStandardItem, nodes: list[dict[str, Any]]) -> None:
            for node in nodes:
                item = QStandardItem(node["name"] + (f"（{node['code']}）" if node.get("code") else ""))
                item.setData(node["id"], Qt.ItemDataRole.UserRole)
                item.setEditable(False)
                parent.appendRow(item)
                add(item, node["children"])

        add(self.tree_model.invisibleRootItem(), self.session.library.records.region_tree())
        self.tree.expandAll()

    def _tree_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        region = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        self._region_filter = (region,) if region is not None else ()
        self.apply_filter()

    # ------------------------------------------------------------------ filtering
    def _fetch(self, flt: ListFilter, sort: str | None, descending: bool, offset: int, limit: int) -> Page:
        """One page from the library; a file that fails to read (a damaged page) shows the
        library's message in the status line and an empty page instead of an exception."""
        try:
            page = self.session.library.lists.query(self.spec.kind, flt, sort=sort, descending=descending,
                                                    offset=offset, limit=limit)
            if self.spec.kind in (LICENCE, POWER) and page.rows:  # the page's records citing a changed law
                marks = self.session.library.laws.marks(flt.version_id, (self.spec.kind, [r["id"] for r in page.rows]))
                for row in page.rows:
                    row[LAW_MARKS] = marks.get((self.spec.kind, row["id"]))
            return page
        except LawGovError as error:
            self.status_text = str(error)
            self.status_changed.emit(self.status_text)
            model = getattr(self, "model", None)
            return Page([], model.total if model is not None and offset else 0, offset)

    def current_filter(self) -> ListFilter:
        """What the clerk narrowed the list to (search text, facets, the region picked in the tree)."""
        flt = self.facets.apply_to(ListFilter(text=self.search.text().strip()))
        by_law = law_search(flt.text) if self.spec.kind in (LICENCE, POWER) else None
        if by_law is not None:
            from lawgov_desktop.core.laws import article_refs

            title, article, words = by_law
            law_id = self.session.library.laws.find(title)
            flt = dataclasses.replace(flt, text=words, law_ids=(NO_LAW if law_id is None else law_id,),
                                      law_article=article_refs(article)[0].article if article else None)
        if self._region_filter:
            flt = dataclasses.replace(flt, region_ids=self._region_filter)
        return dataclasses.replace(flt, version_id=self.version_id())

    def version_id(self) -> int | None:
        """The saved version on screen (None: the working list)."""
        return self.version_combo.version_id() if self.version_combo is not None else None

    @property
    def read_only(self) -> bool:
        """Nothing can be edited here: the database is open read-only, or a saved version is shown."""
        return self.session.read_only or self.version_id() is not None

    def set_filter(self, flt: ListFilter) -> None:
        """Show a (saved) filter in the search box and facets, and apply it."""
        self._show_filter(flt)
        self.apply_filter()

    def _show_filter(self, flt: ListFilter) -> None:
        """Put a filter in the search box, facets and version picker without reading the list."""
        self.search.blockSignals(True)
        text = flt.text
        law_id = flt.law_ids[0] if flt.law_article is not None and len(flt.law_ids) == 1 else None
        if law_id is not None and self.session.library.laws.find(law_id) is not None:  # the article lives here
            from lawgov_desktop.core.laws import article_refs

            title = self.session.library.laws.get(law_id)["title"]
            text = f"依据：{title} {article_refs(flt.law_article)[0]} {text}".strip()
        self.search.setText(text)
        self.search.blockSignals(False)
        self.facets.show_filter(flt)
        if self.version_combo is not None:
            self.version_combo.set_version(flt.version_id)

    def apply_filter(self) -> None:
        """Read the first page for the current filter."""
        self.search_timer.stop()
        if self.version_id() != self._shown_version:  # another list: its own total, and no editing
            self._shown_version, self._grand_total = self.version_id(), None
            self.version_badge.setVisible(self._shown_version is not None)
        self.model.set_filter(self.current_filter())
        self._select(None)
        self.show_counts()

    def clear_filters(self) -> None:
        """Empty the search box and untick every facet."""
        if self.spec.kind == REGION:
            self.tree.setCurrentIndex(QModelIndex())
            self._region_filter = ()
        self.set_filter(ListFilter())

    def _fill_saved_menu(self) -> None:
        menu = self.saved_menu
        menu.clear()
        save = menu.addAction(self.tr("Save current filter…"))
        save.setEnabled(not self.session.read_only)
        save.triggered.connect(self.save_current_filter)
        saved = self.session.library.lists.saved_filters(self.spec.kind)
        if saved:
            menu.addSeparator()
        for name, flt in saved.items():
            menu.addAction(name).triggered.connect(lambda _checked=False, f=flt: self.set_filter(f))
        if saved and not self.session.read_only:
            forget = menu.addMenu(self.tr("Delete saved filter"))
            for name in saved:
                forget.addAction(name).triggered.connect(
                    lambda _checked=False, n=name: self.session.run(
                        "", lambda library: library.lists.delete_saved_filter(self.spec.kind, n)))

    def save_current_filter(self, name: str | None = None) -> None:
        """Save the current filter under a name the clerk types."""
        if name is None:
            name, accepted = QInputDialog.getText(self, self.tr("Save filter"), self.tr("Name of the filter:"))
            if not accepted or not name.strip():
                return
        flt = self.current_filter()
        self.session.run(self.tr("Save filter"), lambda library: library.lists.save_filter(self.spec.kind, name, flt))

    # ------------------------------------------------------------------ reading
    def reload(self) -> None:
        """Read everything again (after a change here or elsewhere), keeping filter and selection.

        Never under a cell the clerk is typing in (another clerk's change arrives at any moment on
        a server): the list is read once the edit ends, saved or not.
        """
        if self.table.state() == QAbstractItemView.State.EditingState:
            if not self._reload_after_edit:
                self._reload_after_edit = True
                self.table.itemDelegate().closeEditor.connect(self._edit_ended, Qt.ConnectionType.SingleShotConnection)
            return
        current = self.current_id()
        self.facets.load_options(self.session.library)
        if self.spec.kind == REGION:
            self._fill_region_tree()
        if self.version_combo is not None:
            self.version_combo.forget()
        self._grand_total = None
        self.model.set_filter(self.current_filter())
        self._select(current)
        self.show_counts()

    def _edit_ended(self) -> None:
        """The reading a cell edit held back, once the view has closed its editor."""
        self._reload_after_edit = False
        QTimer.singleShot(0, self.reload)

    def show_counts(self) -> None:
        """Put "showing n of N" in the status line."""
        if self.model.list_filter.is_empty():
            self._grand_total = self.model.total
        elif self._grand_total is None:
            self._grand_total = self.session.library.lists.query(self.spec.kind, ListFilter(version_id=self.version_id()),
                                                           limit=0).total
        locale = QLocale()
        text = self.tr("Showing %1 of %2").replace("%1", locale.toString(self.model.total)).replace(
            "%2", locale.toString(self._grand_total))
        self.status_text = text
        self.status_changed.emit(text)
        self._selection_changed()

    def current_id(self) -> int | None:
        """The record of the current row."""
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        """The records of the selected rows, in list order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [record_id for record_id in (self.model.id_at(row) for row in rows) if record_id is not None]

    def select_id(self, record_id: int) -> bool:
        """Make a record current if it is among the rows read so far."""
        row = self.model.row_of(record_id)
        if row is None:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def _select(self, record_id: int | None) -> None:
        """Keep the record the clerk was on; otherwise the first row, so the detail pane is never blank."""
        if (record_id is None or not self.select_id(record_id)) and self.model.total:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _selection_changed(self) -> None:
        if self.detail is not None:
            self.detail.show_record(self.current_id())
        self.selection_changed.emit()

    # ------------------------------------------------------------------ editing
    def new_record(self) -> RecordDialog | None:
        """The dialog for a new record of this list."""
        if not self.spec.record_kind or self.read_only:
            return None
        from .editing import open_record_dialog

        dialog = open_record_dialog(self, self.session, self.spec.record_kind)
        dialog.accepted.connect(lambda: self._select_after_save(dialog))
        return dialog

    def edit_current(self) -> RecordDialog | None:
        """The dialog for the current record."""
        record_id = self.current_id()
        if record_id is None or not self.spec.record_kind or self.read_only:
            return None
        from .editing import open_record_dialog

        return open_record_dialog(self, self.session, self.spec.record_kind, record_id)

    def delete_selected(self) -> bool:
        """Delete the selected records after asking."""
        if not self.spec.record_kind or self.read_only:
            return False
        from .editing import delete_records

        return delete_records(self, self.session, self.spec.record_kind, self.selected_ids())

    def _select_after_save(self, dialog: RecordDialog) -> None:
        if dialog.saved_id is not None:
            self.select_id(dialog.saved_id)

    # ------------------------------------------------------------------ remembered layout
    def _column_menu(self, position: Any) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for number in range(self.model.columnCount()):
            action = menu.addAction(str(self.model.headerData(number, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(number))
            action.toggled.connect(lambda shown, n=number: header.setSectionHidden(n, not shown))
        menu.exec(header.mapToGlobal(position))

    def _restore_state(self) -> None:
        # A layout saved for other columns (a layout saved before the keys were kept knew the
        # columns shown by default) is dropped: Qt would show the new columns, and a header
        # restored from fewer sections saves a state it cannot read back.
        keys = [column.key for column in self.spec.columns]
        saved_keys = settings.header_columns(self.spec.kind) or [c.key for c in self.spec.columns if not c.hidden]
        header_state = settings.load_state(f"header/{self.spec.kind}")
        if header_state is not None and saved_keys == keys:
            self.table.horizontalHeader().restoreState(header_state)
        splitter_state = settings.load_state(f"splitter/{self.spec.kind}")
        if splitter_state is not None:
            self.splitter.restoreState(splitter_state)
        remembered = settings.list_filter(self.spec.kind, self.session.location)
        if remembered is not None:  # shown now, read with the first page
            self.facets.load_options(self.session.library)
            self._show_filter(remembered)

    def save_state(self) -> None:
        """Remember column widths, visibility, order, sort, the splitter and the filter."""
        settings.set_list_filter(self.spec.kind, self.session.location, self.current_filter())
        settings.save_state(f"header/{self.spec.kind}", self.table.horizontalHeader().saveState())
        settings.set_header_columns(self.spec.kind, [column.key for column in self.spec.columns])
        settings.save_state(f"splitter/{self.spec.kind}", self.splitter.saveState())

    def focus_search(self) -> None:
        """Ctrl+F."""
        self.search.setFocus()
        self.search.selectAll()
