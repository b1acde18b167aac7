"""许可清单核对: nothing outside the licence catalogue may be licensed (清单之外不得实施许可).

The page runs ``core.licence_check.check_licences`` on the writer (close-name suggestions over a
city's hundreds of names take a moment) and shows its three kinds of finding on tabs — licences a
department's 权责清单 lists that its catalogue lacks, catalogue items no 权责清单 lists, and items
of departments whose 权责清单 is not imported — each with the closest names on the other side.
The result exports as a workbook for the departments to work through.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget

from lawgov_desktop.core.changes import VERSIONS, OpChanges
from lawgov_desktop.core.licence_check import LicenceCheck, LicenceFinding, check_licences

from .jobs import Jobs, ReportPage
from .session import Session
from .versions import VersionCombo
from .widgets import choose_save_path, fill_findings, findings_table, page_layout, push_button, summary_label

if TYPE_CHECKING:
    from pathlib import Path

_WIDTHS = (50, 200, 320, 150)


class LicenceCheckView(ReportPage):
    """The licence check page: choose the list, check, read the findings, export them."""

    def __init__(self, session: Session, jobs: Jobs) -> None:
        super().__init__(session, jobs, "licence_check_view")
        self.result: LicenceCheck | None = None

        self.versions = VersionCombo(self.session.library)
        self.check_button = push_button(self.tr("Check"), self.run, "check_button", default=True)
        self.export_button = push_button(self.tr("Export workbook…"), self.export, "export_licence_check")
        self.export_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("List:")))
        bar.addWidget(self.versions)
        bar.addWidget(self.check_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)

        self.summary = summary_label("check_summary", self.tr(
            "Nothing outside the licence catalogue may be licensed. The check compares the administrative"
            " licences (行政许可) in each department's list of powers and responsibilities with the"
            " department's items in the licence catalogue: the names must be the same. Press Check."))
        self.outside = findings_table([self.tr("No."), self.tr("Department"),
                                       self.tr("Name in the responsibility list"), self.tr("Code"),
                                       self.tr("Closest catalogue items")])
        self.unlisted = findings_table([self.tr("No."), self.tr("Department"), self.tr("Catalogue item"),
                                        self.tr("Code"), self.tr("Closest responsibility list items")])
        self.not_imported = findings_table([self.tr("No."), self.tr("Department"), self.tr("Catalogue item"),
                                            self.tr("Code"), self.tr("Closest responsibility list items")])
        self.tabs = QTabWidget()
        self.tabs.setObjectName("check_tabs")
        for table in (self.outside, self.unlisted, self.not_imported):
            self.tabs.addTab(table, "")
            for column, width in enumerate(_WIDTHS):
                table.setColumnWidth(column, width)
        self._tab_titles(None)
        page_layout(self, bar, self.summary, self.tabs, grows=self.tabs)
        self.session.records_changed.connect(self._records_changed)

    def _records_changed(self, changes: OpChanges) -> None:
        if changes.touches(VERSIONS):
            self.versions.forget()

    def _tab_titles(self, result: LicenceCheck | None) -> None:
        counts = (len(result.outside), len(result.unlisted), len(result.not_imported)) if result else None
        titles = (self.tr("Licences outside the catalogue"),
                  self.tr("Catalogue items no responsibility list has"),
                  self.tr("Departments without a responsibility list"))
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, f"{title}（{counts[index]}）" if counts else title)

    # ------------------------------------------------------------------ the check
    def run(self) -> None:
        """Check the chosen list (on the writer)."""
        version_id = self.versions.version_id()
        self.check_button.setEnabled(False)
        self.jobs.submit(lambda library, _task: check_licences(library, version_id),
                         self.tr("Checking the licences"), self._show,
                         on_error=lambda _error: self.check_button.setEnabled(True))

    def _show(self, result: LicenceCheck) -> None:
        self.result = result
        self.check_button.setEnabled(True)
        self.export_button.setEnabled(True)
        for table, findings in ((self.outside, result.outside), (self.unlisted, result.unlisted),
                                (self.not_imported, result.not_imported)):
            fill_findings(table, _rows(findings), ())
        self._tab_titles(result)
        text = (self.tr("<b>%1</b>: %2 administrative licences in the responsibility lists, %3 items in the"
                        " licence catalogue; %4 licences outside the catalogue, %5 catalogue items no"
                        " responsibility list has.")
                .replace("%1", escape(result.list_label)).replace("%2", str(result.licence_powers))
                .replace("%3", str(result.licence_items)).replace("%4", str(len(result.outside)))
                .replace("%5", str(len(result.unlisted))))
        if result.not_imported:
            text += self.tr(" %1 more items belong to departments whose responsibility list is not"
                            " imported.").replace("%1", str(len(result.not_imported)))
        self.summary.setText(text)
        self.tabs.setCurrentIndex(next((index for index, findings in enumerate(
            (result.outside, result.unlisted, result.not_imported)) if findings), 0))

    # ------------------------------------------------------------------ export
    def export(self) -> None:
        """The findings as a workbook (written on the writer)."""
        result = self.result
        if result is None:
            return
        from lawgov_desktop.exporters.model import safe_filename

        path = choose_save_path(self, self.tr("Export the licence check"),
                                safe_filename(f"许可清单核对（{result.list_label}）") + ".xlsx",
                                self.tr("Excel workbook (*.xlsx)"), ".xlsx")
        if path is None:
            return

        def write(target: Path) -> None:
            from lawgov_desktop.exporters.licence_check import write_licence_check_workbook

            write_licence_check_workbook(result, target)

        self.jobs.write_file(path, write, self.tr("Exporting the licence check"))


def _rows(findings: list[LicenceFinding]) -> list[list[Any]]:
    return [[number, finding.department, finding.name, finding.code, finding.closest_text()]
            for number, finding in enumerate(findings, start=1)]
