"""The 清单调整对照表: a comparison (``core/compare.py``) as a workbook and as a printable PDF.

The workbook is for working with: a notes sheet with what was compared and the counts, then one
row per changed field (the item's name repeated, so the clerk can filter and sort).  The PDF is an
attachment like the catalogues (``pdf.write_catalogue``: 附件 label, title, numbered sections with
their counts, the header on every page, 第 X 页 共 Y 页): one section per kind of change, and a
changed item's fields as rows under its name.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from lawgov_desktop.core.compare import (
    LICENCE_CHANGE_KINDS,
    POWER_CHANGE_KINDS,
    Comparison,
    FieldChange,
    LicenceChange,
    PowerChange,
)
from lawgov_desktop.core.fields import LICENCE, POWER
from lawgov_desktop.exporters.model import CatalogueRow, CatalogueSection, CatalogueSpec
from lawgov_desktop.exporters.pdf import PdfResult, write_catalogue
from lawgov_desktop.exporters.tables import ReportColumn, ReportTable, write_report_workbook

TITLE = "清单调整对照表"
_KIND_WORDS = {LICENCE: "行政许可事项", POWER: "赋权执法事项"}
_PDF_COLUMNS = ["sequence", "name", "department", "code", "field", "old", "new"]
_PDF_LABELS = {"name": "事项名称", "department": "部门", "code": "事项编码", "field": "调整内容", "old": "调整前",
               "new": "调整后"}
_PDF_WEIGHTS = {"name": 2.4, "department": 1.6, "code": 1.5, "field": 1.2, "old": 3.0, "new": 3.0}
_REGIONS = "承接主体"


def comparison_title(comparison: Comparison) -> str:
    """"清单调整对照表（2022年版 → 当前清单）"."""
    return f"{TITLE}（{comparison.old_label} → {comparison.new_label}）"


def comparison_notes(comparison: Comparison) -> list[str]:
    """What was compared and how many entries of each kind, in words."""
    counts = comparison.counts()
    notes = [f"原清单：{comparison.old_label}；新清单：{comparison.new_label}。"]
    for kind, key, labels in ((LICENCE, "licence_items", LICENCE_CHANGE_KINDS), (POWER, "powers", POWER_CHANGE_KINDS)):
        if kind in comparison.compared:
            figures = "，".join(f"{labels[name]} {number} 项" for name, number in counts[key].items())
            notes.append(f"{_KIND_WORDS[kind]}：{figures}。")
    if comparison.is_empty():
        notes.append("两份清单在比较的字段上完全一致。")
    return notes


def comparison_tables(comparison: Comparison) -> list[ReportTable]:
    """One table per list compared, one row per changed field (or per added/removed record)."""
    columns = [ReportColumn("序号", 6), ReportColumn("调整类型", 12), ReportColumn("事项名称", 36, True),
               ReportColumn("部门", 24, True), ReportColumn("事项编码", 20), ReportColumn("调整内容", 16, True),
               ReportColumn("调整前", 40, True), ReportColumn("调整后", 40, True)]
    tables = []
    if LICENCE in comparison.compared:
        tables.append(ReportTable("许可事项调整", columns, _flat_rows(comparison.licences)))
    if POWER in comparison.compared:
        tables.append(ReportTable("赋权事项调整", columns, _flat_rows(comparison.powers)))
    return tables


def write_comparison_workbook(comparison: Comparison, path: str | os.PathLike[str]) -> Path:
    """The 清单调整对照表 workbook."""
    return write_report_workbook(comparison_title(comparison), comparison_notes(comparison),
                                 comparison_tables(comparison), path)


def comparison_spec(comparison: Comparison, *, attachment_label: str | None = None, font_path: str | None = None,
                    print_date: date | None = None) -> CatalogueSpec:
    """The printed 清单调整对照表: a section per kind of change that has entries."""
    sections = []
    for kind, changes, labels in ((LICENCE, comparison.licences, LICENCE_CHANGE_KINDS),
                                  (POWER, comparison.powers, POWER_CHANGE_KINDS)):
        for name, label in labels.items():
            rows = [_catalogue_row(change) for change in changes if change.kind == name]
            if rows:
                sections.append(CatalogueSection(f"{_KIND_WORDS[kind]}{label}", rows))
    return CatalogueSpec(title=TITLE, columns=list(_PDF_COLUMNS), sections=sections, kind=LICENCE,
                         attachment_label=attachment_label,
                         version_label=f"{comparison.old_label} → {comparison.new_label}", font_path=font_path,
                         print_date=print_date, labels=dict(_PDF_LABELS), weights=dict(_PDF_WEIGHTS))


def write_comparison_pdf(comparison: Comparison, path: str | os.PathLike[str], *,
                         attachment_label: str | None = None, font_path: str | None = None,
                         print_date: date | None = None) -> PdfResult:
    """The 清单调整对照表 PDF."""
    spec = comparison_spec(comparison, attachment_label=attachment_label, font_path=font_path,
                           print_date=print_date)
    return write_catalogue(spec, path)


def _changes_of(change: LicenceChange | PowerChange) -> list[FieldChange]:
    """The rows under a change: its fields, the department it moved from, the townships concerned."""
    rows = list(change.changes)
    if isinstance(change, LicenceChange) and change.kind == "moved":
        rows.insert(0, FieldChange("department", "主管部门", change.old_department, change.department))
    if isinstance(change, PowerChange) and change.regions:
        regions = "、".join(change.regions)
        if change.kind == "taken_back":
            rows.insert(0, FieldChange("regions", _REGIONS, regions, "收回"))
        else:
            rows.insert(0, FieldChange("regions", _REGIONS, None, regions))
    return rows


def _flat_rows(changes: list[LicenceChange] | list[PowerChange]) -> list[list[object]]:
    rows: list[list[object]] = []
    for number, change in enumerate(changes, start=1):
        common = [number, change.kind_label, change.name, change.department, change.code or ""]
        fields = _changes_of(change) or [None]
        rows.extend([*common, *((item.label, item.old or "", item.new or "") if item else ("", "", ""))]
                    for item in fields)
    return rows


def _catalogue_row(change: LicenceChange | PowerChange) -> CatalogueRow:
    values = {"name": change.name, "department": change.department, "code": change.code or ""}
    return CatalogueRow(values, [{"field": item.label, "old": item.old or "", "new": item.new or ""}
                                 for item in _changes_of(change)])
