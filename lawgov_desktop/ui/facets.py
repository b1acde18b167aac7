"""Facet filters: a row of multi-select drop-downs (department, part, level, status …).

Each facet is a combo box whose items are checkable; clicking an item ticks it without closing
the list, so a clerk can pick three departments in one go.  Nothing ticked means "all".  The
facet bar turns the ticks into the fields of a ``ListFilter``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPaintEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

from lawgov_desktop.core.fields import DEPARTMENT_LEVELS, LEVELS, PART_LABELS, POWER_TYPES, STATUSES
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter

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
}


def facet_options(library: Library, facet: str) -> list[tuple[Any, str]]:
    """The values a facet offers, as (value, label); regions indented by depth."""
    if facet == "department":
        page = library.lists.query("department", sort="name", limit=10_000)
        return [(row["id"], row["name"]) for row in page.rows]
    if facet == "batch":
        return [(row["id"], row["name"]) for row in library.lists.query("batch", limit=1000).rows]
    if facet == "region":
        options: list[tuple[Any, str]] = []

        def walk(nodes: list[dict[str, Any]], depth: int) -> None:
            for node in nodes:
                options.append((node["id"], "\u3000" * depth + node["name"]))
                walk(node["children"], depth + 1)

        walk(library.records.region_tree(), 0)
        return options
    fixed = {"part": list(PART_LABELS.items()), "level": [(v, v) for v in LEVELS],
             "department_level": [(v, v) for v in DEPARTMENT_LEVELS],
             "status": [(v, v) for v in STATUSES], "power_type": [(v, v) for v in POWER_TYPES]}
    return fixed[facet]


class MultiSelectCombo(QComboBox):
    """A drop-down of checkable items that shows "Title: all / one / n selected"."""

    selection_changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.view().viewport().installEventFilter(self)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(9)
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
        self._load()
        super().showPopup()

    def set_options(self, options: list[tuple[Any, str]]) -> None:
        """Replace the items, keeping the ticks of values that are still offered."""
        chosen = set(self.selected())
        self._model.clear()
        for value, label in options:
            item = QStandardItem(label)
            item.setData(value, Qt.ItemDataRole.UserRole)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value in chosen else Qt.CheckState.Unchecked)
            self._model.appendRow(item)
        self.update()

    def selected(self) -> tuple[Any, ...]:
        """The ticked values, in list order."""
        return tuple(self._model.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self._model.rowCount())
                     if self._model.item(row).checkState() == Qt.CheckState.Checked)

    def set_selected(self, values: tuple[Any, ...], *, notify: bool = True) -> None:
        """Tick exactly ``values``."""
        if values:
            self._load()
        wanted = set(values)
        offered = {self._model.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self._model.rowCount())}
        for value in values:  # a value stored in the list but not among the usual ones (a level typed freely)
            if value not in offered:
                item = QStandardItem(str(value))
                item.setData(value, Qt.ItemDataRole.UserRole)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                self._model.appendRow(item)
        for row in range(self._model.rowCount()):
            item = self._model.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)
        self.update()
        if notify:
            self.selection_changed.emit()

    def summary(self) -> str:
        """The text on the closed combo."""
        labels = [self._model.item(row).text().strip() for row in range(self._model.rowCount())
                  if self._model.item(row).checkState() == Qt.CheckState.Checked]
        title = QCoreApplication.translate("Facet", self.title)
        if not labels:
            return QCoreApplication.translate("Facet", "%1: all").replace("%1", title)
        if len(labels) == 1:
            return f"{title}: {labels[0]}"
        return QCoreApplication.translate("Facet", "%1: %2 selected").replace("%1", title).replace(
            "%2", str(len(labels)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Toggle the clicked item and keep the list open."""
        if watched is self.view().viewport() and event.type() == QEvent.Type.MouseButtonRelease:
            index = self.view().indexAt(event.position().toPoint())
            item = self._model.itemFromIndex(index)
            if item is not None:
                checked = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
                self.update()
                self.selection_changed.emit()
            return True
        return super().eventFilter(watched, event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.summary()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class FacetBar(QWidget):
    """The facets of one list, side by side; ``changed`` fires when a tick changes."""

    changed = Signal()

    def __init__(self, facets: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combos: dict[str, MultiSelectCombo] = {}
        for facet in facets:
            combo = MultiSelectCombo(FACETS[facet][0], self)
            combo.setObjectName(f"facet_{facet}")
            combo.selection_changed.connect(self.changed)
            layout.addWidget(combo)
            self.combos[facet] = combo

    def load_options(self, library: Library) -> None:
        """Offer current values (departments and batches change), read when a list is opened."""
        for facet, combo in self.combos.items():
            combo.set_loader(lambda facet=facet: facet_options(library, facet))

    def apply_to(self, flt: ListFilter) -> ListFilter:
        """``flt`` narrowed by the ticked values."""
        values = {FACETS[facet][1]: combo.selected() for facet, combo in self.combos.items()}
        return dataclasses.replace(flt, **values)

    def show_filter(self, flt: ListFilter) -> None:
        """Tick what a (saved) filter selects, without firing ``changed`` per combo."""
        for facet, combo in self.combos.items():
            combo.set_selected(tuple(getattr(flt, FACETS[facet][1])), notify=False)
