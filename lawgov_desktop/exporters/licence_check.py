"""The 许可清单核对 as a workbook: a notes sheet with the counts, then one sheet per kind of finding,
one row per power or item with its closest names, for the clerk to work through and hand on."""

from __future__ import annotations

import os
from pathlib import Path

from lawgov_desktop.core.licence_check import LicenceCheck, LicenceFinding
from lawgov_desktop.exporters.tables import ReportColumn, ReportTable, write_report_workbook

TITLE = "许可清单核对"
OUTSIDE_SHEET = "清单外的许可"
UNLISTED_SHEET = "未列入权责清单"
NOT_IMPORTED_SHEET = "部门未导入权责清单"


def write_licence_check_workbook(result: LicenceCheck, path: str | os.PathLike[str]) -> Path:
    """Write the check to ``path`` atomically; returns the path."""
    notes = [f"核对的清单：{result.list_label}。", result.summary(),
             "名称按全角半角、空格和大小写统一后比较，须与同一部门的名称完全一致；“相近名称”列出另一侧最相近的名称，"
             "其他部门的名称后注明部门。已取消的事项不参加核对。"]
    tables = [ReportTable(OUTSIDE_SHEET, _columns("权责清单中的事项名称", "相近的许可事项"), _rows(result.outside)),
              ReportTable(UNLISTED_SHEET, _columns("许可事项名称", "相近的权责清单事项"), _rows(result.unlisted)),
              ReportTable(NOT_IMPORTED_SHEET, _columns("许可事项名称", "相近的权责清单事项"),
                          _rows(result.not_imported))]
    title = TITLE if result.list_label == "当前清单" else f"{TITLE}（{result.list_label}）"
    return write_report_workbook(title, notes, tables, path)


def _columns(name: str, closest: str) -> list[ReportColumn]:
    return [ReportColumn("序号", 6), ReportColumn("部门", 24, True), ReportColumn(name, 40, True),
            ReportColumn("事项编码", 20), ReportColumn(closest, 60, True)]


def _rows(findings: list[LicenceFinding]) -> list[list[object]]:
    return [[number, finding.department, finding.name, finding.code, finding.closest_text("\n")]
            for number, finding in enumerate(findings, start=1)]
