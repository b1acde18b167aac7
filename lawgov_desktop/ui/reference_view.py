"""对照上级清单: check the city's licence list against a provincial or national list, or a county's
list against the city's.

Item names are uniform nationwide, so the check (``library.references.check_reference``) reports city items
whose name matches no upper item — with the closest upper names, usually the typo or the old
name — upper items the city list lacks, and matched items whose competent department,
implementing authority or cited laws differ.  An upper list is imported from its workbook once
(``importers.reference_list``, on the writer) and kept under a name — with a region when it is a
county's list, which is then checked against the city's and may not go beyond it; the check runs
on the writer too (close-name suggestions over thousands of items take a moment), and its
findings export as a workbook.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QWidget,
)

from lawgov_desktop.core.changes import VERSIONS, OpChanges
from lawgov_desktop.core.reference_check import ReferenceCheck, cited_titles

from . import prompts
from .jobs import Jobs, ReportPage
from .session import Session
from .versions import VersionCombo
from .widgets import (
    choose_save_path,
    choose_workbook,
    fill_findings,
    findings_table,
    page_layout,
    push_button,
    summary_label,
)

if TYPE_CHECKING:
    from lawgov_desktop.core.library import Library
    from lawgov_desktop.core.progress import Task


def ask_reference_name(parent: QWidget, suggested: str) -> str | None:
    """The name an imported upper list is kept under (tests replace this)."""
    title = QCoreApplication.translate("Reference", "Import an upper list")
    label = QCoreApplication.translate("Reference", "Name of the upper list (e.g. Guangdong 2022 edition):")
    name, accepted = QInputDialog.getText(parent, title, label, text=suggested)
    return name.strip() if accepted and name.strip() else None


def ask_reference_region(parent: QWidget, regions: list[tuple[str, int]]) -> tuple[bool, int | None]:
    """Whose list is imported: an upper list (None) or a region's below the city, checked against
    the city's; (False, None) when the clerk cancels (tests replace this)."""
    upper = QCoreApplication.translate("Reference", "An upper list (provincial or national)")
    label = QCoreApplication.translate("Reference", "Whose list is it? A county's list is checked against the"
                                                    " city's and may not go beyond it.")
    choice, accepted = QInputDialog.getItem(parent, QCoreApplication.translate("Reference", "Import an upper list"),
                                            label, [upper, *(name for name, _id in regions)], 0, False)
    if not accepted:
        return False, None
    return True, dict(regions).get(choice)


def _regions_below_the_city(tree: list[dict[str, Any]], depth: int = 0) -> list[tuple[str, int]]:
    """The regions under the root (the city), indented by level, as (label, id)."""
    found: list[tuple[str, int]] = []
    for node in tree:
        if depth:
            found.append(("\u3000" * (depth - 1) + node["name"], node["id"]))
        found.extend(_regions_below_the_city(node["children"], depth + 1))
    return found


class ReferenceView(ReportPage):
    """The upper-list page: pick (or import) an upper list and the list to check, then read the findings."""

    def __init__(self, session: Session, jobs: Jobs) -> None:
        super().__init__(session, jobs, "reference_view")
        self.result: ReferenceCheck | None = None

        self.references = QComboBox()
        self.references.setObjectName("reference_combo")
        self.references.setMinimumContentsLength(16)
        self.references.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.import_button = QPushButton(self.tr("Import an upper list…"))
        self.import_button.setObjectName("import_reference")
        self.import_button.clicked.connect(lambda: self.import_reference())
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete_reference)
        self.versions = VersionCombo(self.session.library)
        self.check_button = push_button(self.tr("Check"), self.run, "check_button", default=True)
        self.export_button = push_button(self.tr("Export workbook…"), self.export, "export_reference_check")
        self.export_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Upper list:")))
        bar.addWidget(self.references)
        bar.addWidget(self.import_button)
        bar.addWidget(self.delete_button)
        bar.addSpacing(24)
        bar.addWidget(QLabel(self.tr("City list:")))
        bar.addWidget(self.versions)
        bar.addWidget(self.check_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)

        self.summary = summary_label("check_summary")
        self.unmatched = findings_table([self.tr("No."), self.tr("City item name"), self.tr("Department"),
                                         self.tr("Closest upper items")])
        self.missing = findings_table([self.tr("Upper No."), self.tr("Upper item name"), self.tr("Upper department"),
                                       self.tr("Code")])
        self.departments = findings_table([self.tr("Item name"), self.tr("Department"), self.tr("Upper department")])
        self.authorities = findings_table([self.tr("Item name"), self.tr("Implementing authority"),
                                           self.tr("Upper implementing authority")])
        self.bases = findings_table([self.tr("Item name"), self.tr("Department"), self.tr("Laws only this list cites"),
                                     self.tr("Laws only the upper list cites")])
        self.beyond = findings_table([self.tr("No."), self.tr("Item name"), self.tr("Department"),
                                      self.tr("Closest upper items")])
        self.tabs = QTabWidget()
        self.tabs.setObjectName("check_tabs")
        for table in (self.unmatched, self.missing, self.departments, self.authorities, self.bases, self.beyond):
            self.tabs.addTab(table, "")
        self.tabs.setTabVisible(_BEYOND_TAB, False)
        self._tab_titles(None)
        page_layout(self, bar, self.summary, self.tabs, grows=self.tabs)
        self.session.records_changed.connect(self._records_changed)
        self.reload_references()

    def _records_changed(self, changes: OpChanges) -> None:
        if changes.touches(VERSIONS):
            self.versions.forget()

    def reload_references(self, select: int | None = None) -> None:
        """Offer the stored upper lists (with their item counts); ``select`` picks one."""
        chosen = select if select is not None else self.references.currentData()
        self.references.clear()
        for row in self.session.library.references.upper_lists():
            self.references.addItem(self.tr("%1 (%2 items)").replace("%1", row["name"]).replace(
                "%2", QLocale().toString(row["items"])), row["id"])
        self.references.setCurrentIndex(max(self.references.findData(chosen), 0))
        has = self.references.count() > 0
        self.check_button.setEnabled(has)
        self.delete_button.setEnabled(has and not self.session.read_only)
        self.import_button.setEnabled(not self.session.read_only)
        if not has:
            self.summary.setText(self.tr("No upper list yet. Import the provincial or national licence list (a workbook"
                                    " with 事项名称, 主管部门 …) to check the city's item names against it."))

    def _tab_titles(self, result: ReferenceCheck | None) -> None:
        counts = [len(findings) for findings in _findings(result)] if result else None
        missing = self.tr("Upper items this list lacks") if result and result.lower_region else self.tr(
            "Upper items the city lacks")
        for index, title in enumerate((self.tr("City items not in the upper list"), missing,
                                       self.tr("Departments that differ"), self.tr("Implementing authorities that differ"),
                                       self.tr("Legal bases that differ"), self.tr("Beyond the upper list"))):
            self.tabs.setTabText(index, f"{title}（{counts[index]}）" if counts else title)

    # ------------------------------------------------------------------ upper lists
    def import_reference(self, path: Path | None = None) -> None:
        """Read an upper list workbook and keep it under a name (on the writer)."""
        path = path or choose_workbook(self, self.tr("Upper list workbook"))
        if path is None:
            return
        name = ask_reference_name(self, path.stem)
        if name is None:
            return
        accepted, region_id = ask_reference_region(self, _regions_below_the_city(self.session.library.records.region_tree()))
        if not accepted:
            return
        replace = False
        if self.session.library.references.find_reference(name) is not None:
            if not prompts.confirm(self, self.tr("Import an upper list"),
                                   self.tr("An upper list named “%1” exists. Replace it?").replace("%1", name)):
                return
            replace = True

        def work(library: Library, task: Task) -> int:
            from lawgov_desktop.importers.reference_list import import_reference

            task.report(0, 0, self.tr("Reading %1").replace("%1", path.name))
            return import_reference(library, path, name, region_id=region_id, replace=replace)

        def done(reference_id: int) -> None:
            self.reload_references(reference_id)
            self.jobs.status(self.tr("Upper list “%1” imported.").replace("%1", name))

        self.jobs.submit(work, self.tr("Importing the upper list"), done)

    def delete_reference(self) -> None:
        """Forget the chosen upper list (asks first)."""
        reference_id = self.references.currentData()
        if reference_id is None or not prompts.confirm(
                self, self.tr("Delete upper list"),
                self.tr("Delete the upper list “%1”? The city's lists are not touched.").replace(
                    "%1", self.references.currentText())):
            return
        self.jobs.submit(lambda library, _task: library.references.delete_reference(reference_id),
                         self.tr("Deleting the upper list"), lambda _none: self.reload_references())

    # ------------------------------------------------------------------ the check
    def run(self) -> None:
        """Check the chosen city list against the chosen upper list (on the writer)."""
        reference_id, version_id = self.references.currentData(), self.versions.version_id()
        if reference_id is None:
            return
        self.check_button.setEnabled(False)
        self.jobs.submit(lambda library, _task: library.references.check_reference(reference_id, version_id),
                         self.tr("Checking against the upper list"), self._show,
                         on_error=lambda _error: self.check_button.setEnabled(True))

    def _show(self, result: ReferenceCheck) -> None:
        self.result = result
        self.check_button.setEnabled(True)
        fill_findings(self.unmatched, [[item.sequence, item.name, item.department, "；".join(item.suggestions)]
                                       for item in result.unmatched], (60, 320, 170))
        fill_findings(self.missing, [[item.sequence, item.name, item.department, item.code]
                                     for item in result.missing], (80, 340, 200))
        fill_findings(self.departments, [[item.name, item.department, item.upper_department]
                                         for item in result.department_differences], (340, 200))
        fill_findings(self.authorities, [[item.name, item.authority, item.upper_authority]
                                         for item in result.authority_differences], (300, 260))
        fill_findings(self.bases, [[item.name, item.department, cited_titles(item.only_ours), cited_titles(item.only_upper)]
                                   for item in result.basis_differences], (260, 170, 380))
        fill_findings(self.beyond, [[item.sequence, item.name, item.department, "；".join(item.suggestions)]
                                    for item in result.beyond_upper], (60, 320, 170))
        lower = result.lower_region is not None
        self.tabs.setTabVisible(_UNMATCHED_TAB, not lower)
        self.tabs.setTabVisible(_BEYOND_TAB, lower)
        self._tab_titles(result)
        self.export_button.setEnabled(True)
        if lower:
            text = (self.tr("Checked %1 items of <b>%2</b> (%3) against the list of %4, <b>%5</b>: %6 go beyond the"
                            " upper list, which a lower list may not; the upper list has %7 items this list lacks,"
                            " %8 departments differ.")
                    .replace("%1", str(result.checked)).replace("%2", escape(result.list_label))
                    .replace("%3", escape(result.lower_region or "")).replace("%4", escape(result.upper_region or ""))
                    .replace("%5", escape(result.upper_label)).replace("%6", str(len(result.beyond_upper)))
                    .replace("%7", str(len(result.missing))).replace("%8", str(len(result.department_differences))))
        else:
            text = (self.tr("Checked %1 items of <b>%2</b> against <b>%3</b>: %4 not in the upper list, the upper"
                            " list has %5 items the city lacks, %6 departments differ.")
                    .replace("%1", str(result.checked)).replace("%2", result.list_label)
                    .replace("%3", result.reference).replace("%4", str(len(result.unmatched)))
                    .replace("%5", str(len(result.missing)))
                    .replace("%6", str(len(result.department_differences))))
        self.summary.setText(text + self.tr(" %1 implementing authorities and %2 legal bases (the laws cited) differ.")
                             .replace("%1", str(len(result.authority_differences)))
                             .replace("%2", str(len(result.basis_differences))))
        findings = _findings(result)  # a lower list's items beyond the upper list come first
        self.tabs.setCurrentIndex(next((index for index in (_BEYOND_TAB, *range(_BEYOND_TAB))
                                        if findings[index] and self.tabs.isTabVisible(index)), 0))

    # ------------------------------------------------------------------ export
    def export(self) -> None:
        """The findings as a workbook (written on the writer)."""
        result = self.result
        if result is None:
            return
        from lawgov_desktop.exporters.model import safe_filename
        from lawgov_desktop.exporters.reference_check import TITLE

        path = choose_save_path(self, self.tr("Export the upper-list check"),
                                safe_filename(f"{TITLE}（{result.list_label}）") + ".xlsx",
                                self.tr("Excel workbook (*.xlsx)"), ".xlsx")
        if path is None:
            return

        def write(target: Path) -> None:
            from lawgov_desktop.exporters.reference_check import write_reference_check_workbook

            write_reference_check_workbook(result, target)

        self.jobs.write_file(path, write, self.tr("Exporting the upper-list check"))


# The tabs in the order of ``_findings``: names no upper item has are 超出上级清单 for a lower region's list.
_UNMATCHED_TAB, _BEYOND_TAB = 0, 5


def _findings(result: ReferenceCheck) -> tuple[list[Any], ...]:
    return (result.unmatched, result.missing, result.department_differences, result.authority_differences,
            result.basis_differences, result.beyond_upper)
