"""The 受影响事项 report as a workbook and a PDF: every licence item and power citing a law (or one
of its articles), by department, with the provisions each cites — what the office hands the
departments when the law is amended or repealed.  Written through the shared report table
(``tables``) and catalogue PDF (``pdf``) like the 清单调整对照表."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from lawgov_desktop.core.fields import KIND_LABELS, LICENCE
from lawgov_desktop.core.kinds import KINDS
from lawgov_desktop.core.laws import UNKNOWN_LABEL, AffectedRecord, AffectedReport
from lawgov_desktop.exporters.model import CatalogueRow, CatalogueSection, CatalogueSpec
from lawgov_desktop.exporters.pdf import PdfResult, write_catalogue
from lawgov_desktop.exporters.tables import ReportColumn, ReportTable, write_report_workbook

TITLE = "受影响事项"
SHEET = "受影响事项"
_PDF_COLUMNS = ["sequence", "kind", "name", "code", "fields", "articles"]
_PDF_LABELS = {"kind": "类别", "name": "事项名称", "code": "事项编码", "fields": "引用所在", "articles": "引用条款"}
_PDF_WEIGHTS = {"kind": 1.2, "name": 3.2, "code": 1.6, "fields": 1.4, "articles": 2.4}
WHOLE_LAW = "（未注明条款）"


def affected_title(report: AffectedReport) -> str:
    """"受影响事项（中华人民共和国食品安全法 第三十五条）"."""
    article = f" {report.article}" if report.article else ""
    return f"{TITLE}（{report.law['title']}{article}）"


def affected_notes(report: AffectedReport) -> list[str]:
    """The law as the library knows it and the counts, in words."""
    law = report.law
    described = "，".join(part for part in (
        f"效力级别：{law['level']}" if law.get("level") else "",
        f"时效性：{law['status'] or UNKNOWN_LABEL}",
        f"公布日期：{law['promulgated']}" if law.get("promulgated") else "",
        f"施行日期：{law['effective']}" if law.get("effective") else "") if part)
    counts = report.as_dict()
    return [f"法律法规：《{law['title']}》（{described}）。",
            f"引用{report.article or '该法律法规'}的事项："
            f"行政许可事项 {counts['licence_items']} 项，执法事项 {counts['powers']} 项，"
            f"涉及 {len(report.by_department)} 个部门。",
            "按各事项设定和实施依据、实施依据和责任事项依据中引用的法律法规统计；注明条款时，"
            "引用整条的事项也列入（引用第三十五条即涉及第三十五条第二款）。"]


def _fields_text(record: AffectedRecord) -> str:
    return "、".join(KINDS[record.kind].field(key).label for key in record.fields)


def _articles_text(record: AffectedRecord, separator: str) -> str:
    return separator.join(record.articles) or WHOLE_LAW


def affected_table(report: AffectedReport) -> ReportTable:
    """One row per record, departments in turn."""
    columns = [ReportColumn("序号", 6), ReportColumn("部门", 26, True), ReportColumn("类别", 14),
               ReportColumn("事项名称", 44, True), ReportColumn("事项编码", 20), ReportColumn("引用所在", 18, True),
               ReportColumn("引用条款", 36, True)]
    rows: list[list[object]] = [
        [number, record.department, KIND_LABELS[record.kind], record.name, record.code or "", _fields_text(record),
         _articles_text(record, "\n")] for number, record in enumerate(report.records, start=1)]
    return ReportTable(SHEET, columns, rows)


def write_affected_workbook(report: AffectedReport, path: str | os.PathLike[str]) -> Path:
    """The 受影响事项 workbook: notes, then one sheet with a row per record."""
    return write_report_workbook(affected_title(report), affected_notes(report), [affected_table(report)], path)


def affected_spec(report: AffectedReport, *, font_path: str | None = None,
                  print_date: date | None = None) -> CatalogueSpec:
    """The printed report: a section per department."""
    sections = [CatalogueSection(department, [CatalogueRow({
        "kind": KIND_LABELS[record.kind], "name": record.name, "code": record.code or "",
        "fields": _fields_text(record), "articles": _articles_text(record, "、")}) for record in records])
        for department, records in report.by_department.items()]
    return CatalogueSpec(title=TITLE, columns=list(_PDF_COLUMNS), sections=sections, kind=LICENCE,
                         version_label=report.law["title"] + (f" {report.article}" if report.article else ""),
                         font_path=font_path, print_date=print_date, labels=dict(_PDF_LABELS),
                         weights=dict(_PDF_WEIGHTS))


def write_affected_pdf(report: AffectedReport, path: str | os.PathLike[str], *, font_path: str | None = None,
                       print_date: date | None = None) -> PdfResult:
    """The 受影响事项 PDF."""
    return write_catalogue(affected_spec(report, font_path=font_path, print_date=print_date), path)
