"""对照上级清单核对 as a workbook: a notes sheet with what was checked and the counts, then one sheet
per kind of finding that has any, one row per item, for the departments to work through."""

from __future__ import annotations

import os
from pathlib import Path

from lawgov_desktop.core.reference_check import FINDINGS, CityItem, ReferenceCheck, cited_titles
from lawgov_desktop.exporters.tables import ReportColumn, ReportTable, write_report_workbook

TITLE = "对照上级清单核对"


def write_reference_check_workbook(result: ReferenceCheck, path: str | os.PathLike[str]) -> Path:
    """Write the check to ``path`` atomically; returns the path."""
    notes = [result.heading(), result.summary(),
             "名称按全角半角、空格和大小写统一后比较，须与上级清单完全一致；主管部门和实施机关按部门的核心名称比较"
             "（层级不同的同类部门视为一致）；设定依据比较引用的法律法规（简称与全称视为同一部法律，条款不计），"
             "一方没有可识别的法律法规时不比较。列出的是需要核实之处，不是结论。"]
    name_column = ReportColumn("事项名称", 40, True)
    candidates = [
        ReportTable(FINDINGS["beyond_upper"], [ReportColumn("序号", 6), name_column, ReportColumn("主管部门", 24, True),
                                               ReportColumn("相近的上级事项", 50, True)], _unmatched(result.beyond_upper)),
        ReportTable(FINDINGS["unmatched"], [ReportColumn("序号", 6), name_column, ReportColumn("主管部门", 24, True),
                                            ReportColumn("相近的上级事项", 50, True)], _unmatched(result.unmatched)),
        ReportTable(FINDINGS["missing"], [ReportColumn("上级序号", 8), name_column, ReportColumn("上级主管部门", 24, True),
                                          ReportColumn("事项编码", 20)],
                    [[item.sequence, item.name, item.department, item.code] for item in result.missing]),
        ReportTable(FINDINGS["department_differences"], [name_column, ReportColumn("本清单主管部门", 28, True),
                                                         ReportColumn("上级清单主管部门", 28, True)],
                    [[item.name, item.department, item.upper_department] for item in result.department_differences]),
        ReportTable(FINDINGS["authority_differences"], [name_column, ReportColumn("本清单实施机关", 36, True),
                                                        ReportColumn("上级清单实施机关", 36, True)],
                    [[item.name, item.authority, item.upper_authority] for item in result.authority_differences]),
        ReportTable(FINDINGS["basis_differences"], [name_column, ReportColumn("主管部门", 24, True),
                                                    ReportColumn("仅本清单引用", 45, True),
                                                    ReportColumn("仅上级清单引用", 45, True)],
                    [[item.name, item.department, cited_titles(item.only_ours, "\n"), cited_titles(item.only_upper, "\n")]
                     for item in result.basis_differences]),
    ]
    return write_report_workbook(f"{TITLE}（{result.list_label}）", notes,
                                 [table for table in candidates if table.rows], path)


def _unmatched(items: list[CityItem]) -> list[list[object]]:
    return [[item.sequence, item.name, item.department, "\n".join(item.suggestions)] for item in items]
