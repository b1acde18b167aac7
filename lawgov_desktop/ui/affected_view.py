"""受影响事项: every licence item and power citing a law (or one of its articles), by department,
with the provisions each cites — what the office hands the departments when a law is amended or
repealed.

The report (``core.laws.AffectedReport``) is read on the writer by the law page; this window shows
it as a tree (a department, its records), opens the lists narrowed to the law, keeps that
narrowing as a saved filter of both lists, and exports the report as a workbook or a PDF
(``exporters.affected``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QHBoxLayout, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from lawgov_desktop.core.fields import KIND_LABELS, LICENCE, POWER
from lawgov_desktop.core.kinds import KINDS
from lawgov_desktop.core.laws import AffectedReport, article_refs
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.exporters.affected import WHOLE_LAW, affected_notes, affected_title

from . import settings
from .jobs import Jobs, OpenList
from .kinds import field_title
from .session import Session
from .widgets import button_row, choose_save_path, push_button, summary_label

_WIDTHS = (430, 90, 120, 170)


def law_filter(report: AffectedReport) -> ListFilter:
    """The lists narrowed to what the report lists: records citing the law (in the article asked about)."""
    article = article_refs(report.article)[0].article if report.article else None
    return ListFilter(law_ids=(report.law["id"],), law_article=article)


def filter_name(report: AffectedReport) -> str:
    """The saved filter's name: the search a clerk would type for it (依据：《…》 第三十五条)."""
    return f"依据：{report.law['title']}" + (f" {report.article}" if report.article else "")


class AffectedDialog(QDialog):
    """The 受影响事项 report of one law, by department."""

    def __init__(self, report: AffectedReport, session: Session, jobs: Jobs, open_list: OpenList,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.session = session
        self.jobs = jobs
        self.open_list = open_list
        self.setObjectName("affected_dialog")
        self.setWindowTitle(affected_title(report))
        self.summary = summary_label("affected_summary", "<br>".join(affected_notes(report)))
        self.tree = QTreeWidget()
        self.tree.setObjectName("affected_tree")
        self.tree.setHeaderLabels([self.tr("Department / item"), self.tr("List"), self.tr("Code"),
                                   self.tr("Cited in"), self.tr("Cited provisions")])
        for department, records in report.by_department.items():
            top = QTreeWidgetItem([f"{department}（{len(records)}）"])
            for record in records:
                fields = "、".join(field_title(KINDS[record.kind].field(key)) for key in record.fields)
                articles = "、".join(record.articles) or WHOLE_LAW
                child = QTreeWidgetItem([record.name, KIND_LABELS[record.kind], record.code or "", fields, articles])
                for column in range(5):
                    child.setToolTip(column, child.text(column))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()
        for column, width in enumerate(_WIDTHS):
            self.tree.setColumnWidth(column, width)
        writable = not session.read_only
        self.save_filter_button = push_button(self.tr("Save as a saved filter"), self.save_filter,
                                              "save_affected_filter")
        self.save_filter_button.setEnabled(writable)
        self.show_licences = push_button(self.tr("Show in licence items"), lambda: self.show_list(LICENCE),
                                         "affected_licences")
        self.show_powers = push_button(self.tr("Show in powers"), lambda: self.show_list(POWER), "affected_powers")
        left = [self.show_licences, self.show_powers, self.save_filter_button,
                push_button(self.tr("Export workbook…"), lambda: self.export("xlsx"), "export_affected_xlsx"),
                push_button(self.tr("Export PDF…"), lambda: self.export("pdf"), "export_affected_pdf")]
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        row: QHBoxLayout = button_row(left, [push_button(self.tr("Close"), self.close, "close_affected")])
        layout.addLayout(row)
        self.resize(1000, 640)

    def show_list(self, kind: str) -> None:
        """The list of ``kind`` narrowed to the records citing the law."""
        self.open_list(kind, law_filter(self.report))

    def save_filter(self) -> None:
        """Keep the narrowing as a saved filter of the licence items and of the powers."""
        flt, name = law_filter(self.report), filter_name(self.report)

        def work(library: Library) -> None:
            for kind in (LICENCE, POWER):
                library.lists.save_filter(kind, name, flt)

        self.session.run(self.tr("Save filter"), work,
                         on_done=lambda _none: self.jobs.status(self.tr("Saved the filter %1").replace("%1", name)))

    def export(self, fmt: str) -> None:
        """The report as a workbook or a PDF (written on the writer)."""
        from lawgov_desktop.exporters.model import safe_filename

        filters = self.tr("Excel workbook (*.xlsx)") if fmt == "xlsx" else self.tr("PDF file (*.pdf)")
        path = choose_save_path(self, self.tr("Export the affected items"),
                                safe_filename(affected_title(self.report)) + f".{fmt}", filters, f".{fmt}")
        if path is None:
            return
        report, font = self.report, settings.catalogue_font() or None

        def write(target: Path) -> None:
            from lawgov_desktop.exporters.affected import write_affected_pdf, write_affected_workbook

            if fmt == "xlsx":
                write_affected_workbook(report, target)
            else:
                write_affected_pdf(report, target, font_path=font)

        self.jobs.write_file(path, write, self.tr("Exporting the affected items"))
