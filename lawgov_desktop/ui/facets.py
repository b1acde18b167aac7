"""Facet filters: a row of multi-select drop-downs (department, part, level, status …).

Each facet is a combo box whose items are checkable; clicking an item (or Space on it) ticks it
without closing the list, so a clerk can pick three departments in one go.  Nothing ticked means
"all"; ticks mean exactly the ticked values.  The list opens below its button, never over it, and
only a click made inside the list ticks: the click that opened it must not tick what lies under
the pointer.  Regions are a tree: ticking a region ticks its townships with it (the filter
includes them anyway), unticking a township unticks the regions above it.  The facet bar turns
the ticks into the fields of a ``ListFilter``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPaintEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

from lawgov_desktop.core.fields import DEPARTMENT_LEVELS, LEVELS, PART_LABELS, POWER_TYPES, STATUSES
from lawgov_desktop.core.kinds import KINDS
from lawgov_desktop.core.layouts import kind_field
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter

from .kinds import field_title

# facet key -> (title, ListFilter field)
FACETS = {
    "department": (QT_TRANSLATE_NOOP("Facet", "Department"), "department_ids"),
    "part": (QT_TRANSLATE_NOOP("Facet", "Part"), "parts"),
    "level": (QT_TRANSLATE_NOOP("Facet", "Level"), "levels"),
    "department_level": (QT_TRANSLATE_NOOP("Facet", "Level"), "levels"),
    "status": (QT_TRANSLATE_NOOP("Facet", "Status"), "statuses"),
    "power_type": (QT_TRANSLATE_NOOP("Facet", "Power type"), "power_types"),
    "batch": (QT_TRANSLATE_NOOP("Facet", "Batch"), "batch_ids"),
    "region": (QT_TRANSLATE_NOOP("Facet", "Receiving region"), "region_ids"),
    "law": (QT_TRANSLATE_NOOP("Facet", "Law cited"), "law_ids"),
}


# A region's depth in the tree, as the facet's labels show it (and the region facet reads it back).
INDENT = "\u3000"

# Facets that choose among a field's values: titled by the field's label, as the list's column is
# (a licence item's 行使层级, a department's 层级).
FACET_FIELDS = {"level": "level", "department_level": "level", "part": "part", "status": "status",
                "power_type": "power_type"}


def facet_title(facet: str, list_kind: str | None) -> str:
    """The facet's title: the label of the field it chooses among in ``list_kind``, else its own."""
    described = kind_field(KINDS[list_kind], FACET_FIELDS[facet]) if facet in FACET_FIELDS and list_kind in KINDS \
        else None
    return field_title(described) if described is not None else QCoreApplication.translate("Facet", FACETS[facet][0])


def facet_options(library: Library, facet: str, of_list: str | None = None) -> list[tuple[Any, str]]:
    """The values a facet offers, as (value, label); regions indented by depth.

    ``of_list`` (licence, power) offers only the departments with items in that list: another
    department would give an empty list."""
    if facet == "department":
        page = library.lists.query("department", sort="name", limit=10_000)
        return [(row["id"], row["name"]) for row in page.rows if of_list is None or row.get(f"{of_list}_count")]
    if facet == "batch":
        return [(row["id"], row["name"]) for row in library.lists.query("batch", limit=1000).rows]
    if facet == "region":
        options: list[tuple[Any, str]] = []

        def walk(nodes: list[dict[str, Any]], depth: int) -> None:
            for node in nodes:
                options.append((node["id"], INDENT * depth + node["name"]))
                walk(node["children"], depth + 1)

        walk(library.records.region_tree(), 0)
        return options
    if facet == "law":  # the laws the lists cite, most cited first
        return [(law["id"], f"{law['title']}（{law['cited_by']}）") for law in library.laws.list() if law["cited_by"]]
    fixed = {"part": list(PART_LABELS.items()), "level": [(v, v) for v in LEVELS],
             "department_level": [(v, v) for v in DEPARTMENT_LEVELS],
             "status": [(v, v) for v in STATUSES], "power_type": [(v, v) for v in POWER_TYPES]}
    return fixed[facet]


class MultiSelectCombo(QComboBox):
    """A drop-down of checkable items that shows "Title: all / one / n selected" (``title`` as shown)."""

    selection_changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._model.itemChanged.connect(self._item_changed)
        self._quiet = False  # ticks set by the program, not the clerk: no cascade, no signal
        self._pressed_row: int | None = None  # the row a mouse press inside the open list was on
        self.view().viewport().installEventFilter(self)
        # The list drops below the button (Fusion would lay it over the button, under the pointer).
        self.setStyleSheet("combobox-popup: 0;")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.setMaxVisibleItems(20)
        self._loader: Callable[[], list[tuple[Any, str]]] | None = None

    def set_loader(self, loader: Callable[[], list[tuple[Any, str]]]) -> None:
        """Read the options when the list is first opened (or a value is set), not before the first paint."""
        self._loader = loader

    def _load(self) -> None:
        if self._loader is not None:
            loader, self._loader = self._loader, None
            self.set_options(loader())

    def showPopup(self) -> None:  # noqa: N802 - Qt API
        """Open the list below the button, wide enough for its longest entry."""
        self._load()
        self._pressed_row = None
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
                             + 2 * view.frameWidth())
        super().showPopup()

    def set_options(self, options: list[tuple[Any, str]]) -> None:
        """Replace the items, keeping the ticks of values that are still offered."""
        chosen = set(self.selected())
        self._quiet = True
        self._model.clear()
        for value, label in options:
            self._model.appendRow(self._item(value, label))
        self._quiet = False
        self._tick(chosen)

    @staticmethod
    def _item(value: Any, label: str) -> QStandardItem:
        item = QStandardItem(label)
        item.setData(value, Qt.ItemDataRole.UserRole)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        return item

    def _depth(self, row: int) -> int:
        label = self._model.item(row).text()
        return len(label) - len(label.lstrip(INDENT))

    def _descendants(self, row: int) -> range:
        """The rows under ``row`` in the tree (none for a flat list)."""
        end = row + 1
        while end < self._model.rowCount() and self._depth(end) > self._depth(row):
            end += 1
        return range(row + 1, end)

    def _ancestors(self, row: int) -> list[int]:
        """The regions above ``row`` (none for a flat list: no walk up, summaries are painted often)."""
        rows, depth = [], self._depth(row)
        above = row - 1
        while depth > 0 and above >= 0:
            if self._depth(above) < depth:
                rows.append(above)
                depth = self._depth(above)
            above -= 1
        return rows

    def _checked(self, row: int) -> bool:
        return self._model.item(row).checkState() == Qt.CheckState.Checked

    def _set_checked(self, rows: Iterable[int], checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self._quiet = True
        for row in rows:
            self._model.item(row).setCheckState(state)
        self._quiet = False

    def _item_changed(self, item: QStandardItem) -> None:
        """A tick the clerk made (click or Space): its townships follow it; unticking a township
        unticks the regions above it, so what is ticked is exactly what the list shows."""
        if self._quiet:
            return
        row = item.row()
        checked = self._checked(row)
        self._set_checked(self._descendants(row), checked)
        if not checked:
            self._set_checked(self._ancestors(row), False)
        self._ticks_changed()
        self.selection_changed.emit()

    def _ticks_changed(self) -> None:
        self.setToolTip(self.summary())
        self.update()

    def _top_ticked_rows(self) -> list[int]:
        """Ticked rows whose region above is not ticked: what the clerk chose (the rest follow)."""
        return [row for row in range(self._model.rowCount())
                if self._checked(row) and not any(self._checked(above) for above in self._ancestors(row))]

    def selected(self) -> tuple[Any, ...]:
        """The ticked values, in list order (a region ticked with its townships counts once)."""
        return tuple(self._model.item(row).data(Qt.ItemDataRole.UserRole) for row in self._top_ticked_rows())

    def _tick(self, values: set[Any]) -> None:
        """Tick exactly ``values`` and the townships under them."""
        self._set_checked(range(self._model.rowCount()), False)
        for row in range(self._model.rowCount()):
            if self._model.item(row).data(Qt.ItemDataRole.UserRole) in values:
                self._set_checked([row, *self._descendants(row)], True)
        self._ticks_changed()

    def set_selected(self, values: tuple[Any, ...], *, notify: bool = True) -> None:
        """Tick exactly ``values``."""
        if values:
            self._load()
        offered = {self._model.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self._model.rowCount())}
        self._quiet = True
        for value in values:  # a value stored in the list but not among the usual ones (a level typed freely);
            if value not in offered and isinstance(value, str):  # an id no longer offered is dropped, not shown
                self._model.appendRow(self._item(value, str(value)))
        self._quiet = False
        self._tick(set(values))
        if notify:
            self.selection_changed.emit()

    def summary(self) -> str:
        """The text on the closed combo ("部门：市教育局"; a full-width colon in Chinese)."""
        labels = [self._model.item(row).text().strip() for row in self._top_ticked_rows()]
        title = self.title
        if not labels:
            return QCoreApplication.translate("Facet", "%1: all").replace("%1", title)
        if len(labels) == 1:
            return QCoreApplication.translate("Facet", "%1: %2").replace("%1", title).replace("%2", labels[0])
        return QCoreApplication.translate("Facet", "%1: %2 selected").replace("%1", title).replace(
            "%2", str(len(labels)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Toggle the item clicked inside the open list and keep the list open.

        A release without a press on the same item (the click that opened the list, let go
        over it) ticks nothing."""
        if watched is self.view().viewport() and isinstance(event, QMouseEvent):
            row = self.view().indexAt(event.position().toPoint()).row()
            if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                self._pressed_row = row
                return False
            if event.type() == QEvent.Type.MouseButtonRelease:
                pressed, self._pressed_row = self._pressed_row, None
                if row >= 0 and row == pressed:
                    item = self._model.item(row)
                    item.setCheckState(Qt.CheckState.Unchecked if self._checked(row) else Qt.CheckState.Checked)
                return True
        return super().eventFilter(watched, event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """The summary instead of the current item, cut with "…" when the button is too narrow
        (the tooltip has it whole)."""
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(self.summary(), Qt.TextElideMode.ElideRight,
                                                           field.width() - 2)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class FacetBar(QWidget):
    """The facets of one list, side by side; ``changed`` fires when a tick changes."""

    changed = Signal()

    def __init__(self, facets: tuple[str, ...], list_kind: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_kind = list_kind
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combos: dict[str, MultiSelectCombo] = {}
        for facet in facets:
            combo = MultiSelectCombo(facet_title(facet, list_kind), self)
            combo.setObjectName(f"facet_{facet}")
            combo.setToolTip(combo.summary())
            combo.selection_changed.connect(self.changed)
            layout.addWidget(combo)
            self.combos[facet] = combo

    def load_options(self, library: Library) -> None:
        """Offer current values (departments and batches change), read when a list is opened;
        the departments of this list only."""
        for facet, combo in self.combos.items():
            combo.set_loader(lambda facet=facet: facet_options(library, facet, self.list_kind))

    def apply_to(self, flt: ListFilter) -> ListFilter:
        """``flt`` narrowed by the ticked values."""
        values = {FACETS[facet][1]: combo.selected() for facet, combo in self.combos.items()}
        return dataclasses.replace(flt, **values)

    def show_filter(self, flt: ListFilter) -> None:
        """Tick what a (saved) filter selects, without firing ``changed`` per combo."""
        for facet, combo in self.combos.items():
            combo.set_selected(tuple(getattr(flt, FACETS[facet][1])), notify=False)
