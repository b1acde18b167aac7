"""清单调整对照: what changed between two lists — two versions, the working list, or a workbook.

The clerk picks the old and the new side (a saved version, "当前清单", or a workbook a county sent,
before importing it), and the comparison runs on the writer (``library.versions.compare``; a workbook is
read by ``importers.compare_file.workbook_snapshot``) with progress.  The result is two tabs,
licence items and powers, each a tree grouped by kind of change with its count; a changed item
opens to its fields, old → new.  Both export as the 清单调整对照表 (workbook, PDF).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
)

from lawgov_desktop.core.changes import VERSIONS, OpChanges
from lawgov_desktop.core.compare import (
    LICENCE_CHANGE_KINDS,
    POWER_CHANGE_KINDS,
    Comparison,
    LicenceChange,
    PowerChange,
)
from lawgov_desktop.core.fields import LICENCE, POWER

from . import prompts, settings
from .jobs import Jobs, ReportPage
from .session import Session
from .widgets import choose_save_path, choose_workbook, page_layout, push_button, summary_label

if TYPE_CHECKING:
    from lawgov_desktop.core.library import Library
    from lawgov_desktop.core.progress import Task

Side = int | Path | None  # a version id, a workbook, or None for the working list
_FILE = "file"  # the combo entry that asks for a workbook
EXPANDED_GROUP = 200  # a longer group opens on a click, so the tree stays quick to read
KIND_COLOURS = {"added": "#1e7b34", "delegated": "#1e7b34", "extended": "#1e7b34", "removed": "#b03a2e",
                "taken_back": "#b03a2e", "changed": "#9a6700", "moved": "#1a5fb4"}



class SideCombo(QComboBox):
    """One side of the comparison: 当前清单, a saved version, or a workbook chosen from disk."""

    def __init__(self, session: Session, object_name: str) -> None:
        super().__init__()
        self.session = session
        self.setObjectName(object_name)
        self.setMinimumContentsLength(14)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._previous = 0
        self.activated.connect(self._activated)

    def reload(self) -> None:
        """Offer the working list, the versions (newest first), any workbook chosen, and "a workbook…"."""
        chosen = self.side()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("Current list"), None)
        for row in reversed(self.session.library.versions.all_versions()):
            self.addItem(row["name"], row["id"])
        if isinstance(chosen, Path):
            self.addItem(self.tr("Workbook: %1").replace("%1", chosen.name), chosen)
        self.addItem(self.tr("Workbook file…"), _FILE)
        self.set_side(chosen)
        self.blockSignals(False)

    def side(self) -> Side:
        """What this side is."""
        data = self.currentData()
        return None if data == _FILE else data

    def set_side(self, side: Side) -> None:
        """Pick a side; a workbook not offered yet is added."""
        index = self.findData(side)
        if index < 0 and isinstance(side, Path):
            self.insertItem(self.count() - 1, self.tr("Workbook: %1").replace("%1", side.name), side)
            index = self.findData(side)
        self.setCurrentIndex(max(index, 0))
        self._previous = self.currentIndex()

    def _activated(self, index: int) -> None:
        if self.itemData(index) != _FILE:
            self._previous = index
            return
        path = choose_workbook(self, self.tr("Workbook to compare"))
        if path is None:
            self.setCurrentIndex(self._previous)
        else:
            self.set_side(path)


class CompareView(ReportPage):
    """The comparison page: choose two lists, compare on the writer, browse and export the result."""

    def __init__(self, session: Session, jobs: Jobs) -> None:
        super().__init__(session, jobs, "compare_view")
        self.comparison: Comparison | None = None

        self.old_side = SideCombo(session, "old_side")
        self.new_side = SideCombo(session, "new_side")
        self.compare_button = push_button(self.tr("Compare"), self.run, "compare_button", default=True)
        self.export_workbook_button = push_button(self.tr("Export workbook…"), lambda: self.export("xlsx"))
        self.export_pdf_button = push_button(self.tr("Export PDF…"), lambda: self.export("pdf"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Old list:")))
        bar.addWidget(self.old_side)
        bar.addWidget(QLabel("→"))
        bar.addWidget(QLabel(self.tr("New list:")))
        bar.addWidget(self.new_side)
        bar.addWidget(self.compare_button)
        bar.addStretch(1)
        bar.addWidget(self.export_workbook_button)
        bar.addWidget(self.export_pdf_button)

        self.summary = summary_label("compare_summary", self.tr(
            "Choose the old and the new list, then press Compare. A workbook is compared as it would be imported,"
            " without importing it."))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("compare_tabs")
        self.licence_tree = self._tree()
        self.power_tree = self._tree()
        self.tabs.addTab(self.licence_tree, self.tr("Licence items"))
        self.tabs.addTab(self.power_tree, self.tr("Powers"))
        page_layout(self, bar, self.summary, self.tabs, grows=self.tabs)
        self.session.records_changed.connect(self._records_changed)
        self._reload_sides()
        if self.old_side.count() > 2:  # the newest version against the working list: the usual question
            self.old_side.setCurrentIndex(1)
        self._show(None)

    def _tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName("changes_tree")
        tree.setColumnCount(6)
        tree.setHeaderLabels([self.tr("Item name"), self.tr("Department"), self.tr("Code"), self.tr("What changed"), self.tr("Before"),
                              self.tr("After")])
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(False)
        tree.setWordWrap(True)
        header = tree.header()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((330, 170, 140, 110, 240)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return tree

    def _records_changed(self, changes: OpChanges) -> None:
        if changes.touches(VERSIONS):
            self._reload_sides()

    def _reload_sides(self) -> None:
        self.old_side.reload()
        self.new_side.reload()

    # ------------------------------------------------------------------ comparing
    def compare_sides(self, old: Side, new: Side) -> None:
        """Set both sides and compare (the versions dialog's "compare with current list")."""
        self._reload_sides()
        self.old_side.set_side(old)
        self.new_side.set_side(new)
        self.run()

    def run(self) -> None:
        """Compare the chosen sides on the writer; the result replaces what is shown."""
        old, new = self.old_side.side(), self.new_side.side()
        if old == new:
            prompts.warn(self, self.tr("Choose two different lists to compare."))
            return
        self.compare_button.setEnabled(False)

        def work(library: Library, task: Task) -> Comparison:
            sides = []
            for side in (old, new):
                if isinstance(side, Path):
                    from lawgov_desktop.importers.compare_file import workbook_snapshot

                    task.report(0, 0, self.tr("Reading %1").replace("%1", side.name))
                    sides.append(workbook_snapshot(library, side))
                else:
                    sides.append(side)
            task.report(0, 0, self.tr("Comparing the lists"))
            return library.versions.compare(sides[0], sides[1])

        self.jobs.submit(work, self.tr("Comparing the lists"), self._show,
                         on_error=lambda _error: self.compare_button.setEnabled(True))

    def _show(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        self.compare_button.setEnabled(True)
        for button in (self.export_workbook_button, self.export_pdf_button):
            button.setEnabled(comparison is not None)
        self.licence_tree.clear()
        self.power_tree.clear()
        if comparison is None:
            return
        counts = comparison.counts()
        for index, (tree, kind, key, labels, changes) in enumerate((
                (self.licence_tree, LICENCE, "licence_items", LICENCE_CHANGE_KINDS, comparison.licences),
                (self.power_tree, POWER, "powers", POWER_CHANGE_KINDS, comparison.powers))):
            compared = kind in comparison.compared
            self._fill(tree, labels, counts[key], changes)
            total = sum(counts[key].values())
            title = self.tr("Licence items") if index == 0 else self.tr("Powers")
            self.tabs.setTabText(index, f"{title}（{total}）" if compared else f"{title}（{self.tr('not compared')}）")
            self.tabs.setTabEnabled(index, compared)
        if LICENCE not in comparison.compared:
            self.tabs.setCurrentIndex(1)
        self.summary.setText(self._summary_html(comparison))

    def _summary_html(self, comparison: Comparison) -> str:
        counts = comparison.counts()
        lines = [f"<b>{self.tr('Old list:')}</b> {comparison.old_label}　→　<b>{self.tr('New list:')}</b> {comparison.new_label}"]
        for kind, key, labels, title in ((LICENCE, "licence_items", LICENCE_CHANGE_KINDS, self.tr("Licence items")),
                                         (POWER, "powers", POWER_CHANGE_KINDS, self.tr("Powers"))):
            if kind in comparison.compared:
                figures = "，".join(f"{labels[name]} <b>{number}</b>" for name, number in counts[key].items())
                lines.append(f"{title}：{figures}")
        if comparison.is_empty():
            lines.append(self.tr("The two lists agree in every compared field."))
        return "<br>".join(lines)

    def _fill(self, tree: QTreeWidget, labels: dict[str, str], counts: dict[str, int],
              changes: list[LicenceChange] | list[PowerChange]) -> None:
        bold = QFont(tree.font())
        bold.setBold(True)
        for kind, label in labels.items():
            group = QTreeWidgetItem([f"{label}（{counts[kind]}）"])
            group.setData(0, Qt.ItemDataRole.UserRole, kind)
            group.setFont(0, bold)
            group.setForeground(0, QBrush(QColor(KIND_COLOURS.get(kind, "#222"))))
            group.setFirstColumnSpanned(True)
            tree.addTopLevelItem(group)
            if not counts[kind]:
                group.setForeground(0, QBrush(QColor("#999")))
            for change in changes:
                if change.kind == kind:
                    item = self._change_item(change)
                    group.addChild(item)
                    item.setExpanded(item.childCount() > 0)  # a changed item shows its fields, old → new
            group.setExpanded(0 < counts[kind] <= EXPANDED_GROUP)

    def _change_item(self, change: LicenceChange | PowerChange) -> QTreeWidgetItem:
        what, before, after = "", "", ""
        if isinstance(change, LicenceChange) and change.kind == "moved":
            what, before, after = self.tr("Department"), change.old_department or "", change.department
        elif isinstance(change, PowerChange) and change.regions:
            what = self.tr("Receiving townships")
            places = "、".join(change.regions)
            before, after = (places, "") if change.kind == "taken_back" else ("", places)
        if len(change.changes) == 1 and not what:
            only = change.changes[0]
            what, before, after = only.label, only.old or "", only.new or ""
        item = QTreeWidgetItem([change.name, change.department, change.code or "", what, before, after])
        for column in (4, 5):
            item.setToolTip(column, item.text(column))
        if len(change.changes) > 1 or (what and change.changes and what != change.changes[0].label):
            item.setText(3, what or self.tr("%1 fields").replace("%1", str(len(change.changes))))
            for field_change in change.changes:
                child = QTreeWidgetItem(["", "", "", field_change.label, field_change.old or "",
                                         field_change.new or ""])
                for column in (4, 5):
                    child.setToolTip(column, child.text(column))
                item.addChild(child)
        return item

    # ------------------------------------------------------------------ exports
    def export(self, fmt: str) -> None:
        """The 清单调整对照表 as a workbook ("xlsx") or PDF ("pdf"), written on the writer."""
        comparison = self.comparison
        if comparison is None:
            return
        from lawgov_desktop.exporters.model import safe_filename

        suffix = f".{fmt}"
        name = safe_filename(f"清单调整对照表（{comparison.old_label}→{comparison.new_label}）") + suffix
        filters = self.tr("Excel workbook (*.xlsx)") if fmt == "xlsx" else self.tr("PDF file (*.pdf)")
        path = choose_save_path(self, self.tr("Export the comparison"), name, filters, suffix)
        if path is None:
            return
        font = settings.catalogue_font() or None

        def work(_library: Any, task: Task) -> list[str]:
            from lawgov_desktop.exporters.comparison import write_comparison_pdf, write_comparison_workbook

            task.report(0, 0, self.tr("Writing %1").replace("%1", path.name))
            if fmt == "xlsx":
                write_comparison_workbook(comparison, path)
                return []
            return write_comparison_pdf(comparison, path, font_path=font).warnings

        def done(warnings: list[str]) -> None:
            self.jobs.status(self.tr("Exported to %1").replace("%1", str(path)))
            if warnings:
                prompts.warn(self, "\n".join(warnings))

        self.jobs.submit(work, self.tr("Exporting the comparison"), done)
