"""``lawgov check --reference NAME`` and ``lawgov check --licences``: checks of the city's lists.

``--reference`` checks the licence list against an upper list: city items whose name no upper
item has (with the closest upper names), upper items the city list lacks, and items whose
competent department, implementing authority or cited laws differ from the upper list's; a
county's list stored under its region is checked against the city's, and its items the city
lacks go beyond the upper list.  ``--licences`` checks that nothing outside the licence catalogue
is licensed (清单之外不得实施许可): the 行政许可 of the departments' 权责清单 against the catalogue,
both ways, with the closest names.  ``--export`` writes either check as a workbook.  ``--citations``
checks the cited laws as they stand (``cmd_laws.citation_check``).
"""

from __future__ import annotations

import argparse
from itertools import groupby
from pathlib import Path
from typing import Any, TextIO

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.licence_check import LicenceCheck, LicenceFinding, check_licences
from lawgov_desktop.core.reference_check import FINDINGS, CityItem, ReferenceCheck, basis_difference_text

from .cmd_laws import citation_check
from .errors import UsageError
from .options import SubParsers, resolve_reference, resolve_version, write_json


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``check (--reference NAME | --licences | --citations) [--of VERSION] [--json] [--export FILE.xlsx]``."""
    parser = commands.add_parser("check", help="对照上级清单核对许可事项，或核对权责清单中的行政许可是否都在许可清单内",
                                 description="对照上级清单逐项核对许可事项的名称、主管部门、实施机关和设定依据"
                                             "（名称和设定依据须与上级清单一致；县区清单对照市清单时，不得超出市清单）；"
                                             "或核对各部门权责清单中的行政许可与许可事项清单是否一致"
                                             "（清单之外不得实施许可：同一部门、名称一致）。")
    check = parser.add_mutually_exclusive_group(required=True)
    check.add_argument("--reference", metavar="NAME", help="上级清单名称（lawgov reference import 导入）")
    check.add_argument("--licences", action="store_true", help="核对权责清单中的行政许可与许可事项清单")
    check.add_argument("--citations", action="store_true",
                       help="核对引用的法律法规：已废止、已修改、尚未生效，或不在法律法规目录中（lawgov laws）")
    parser.add_argument("--of", metavar="VERSION", default="current", help="核对哪个版本（默认当前清单）")
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    parser.add_argument("--export", metavar="FILE", help="把核对结果导出为 .xlsx 工作簿")
    parser.set_defaults(run=run)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Run the check and print it (and with ``--licences --export``, write the workbook)."""
    target = Path(args.export) if args.export else None
    if target is not None and target.suffix.lower() != ".xlsx":
        raise UsageError("核对结果只能导出为 .xlsx 工作簿。")
    version_id = resolve_version(library, args.of)
    if args.citations:
        if target is not None:
            raise UsageError("引用核对不能导出；受影响事项可用“lawgov laws affected TITLE --xlsx FILE”导出。")
        return citation_check(library, version_id, args.json, out)
    if not args.licences:
        reference = library.references.check_reference(resolve_reference(library, args.reference), version_id)
        _write(out, args.json, reference.to_json(), check_lines(reference))
        if target is not None:
            from lawgov_desktop.exporters.reference_check import write_reference_check_workbook

            _exported(out, args.json, write_reference_check_workbook(reference, target))
        return 0
    result = check_licences(library, version_id)
    _write(out, args.json, result.to_json(), licence_lines(result))
    if target is not None:
        from lawgov_desktop.exporters.licence_check import write_licence_check_workbook

        _exported(out, args.json, write_licence_check_workbook(result, target))
    return 0


def _exported(out: TextIO, as_json: bool, target: Path) -> None:
    if not as_json:
        out.write(f"已导出核对结果：{target}\n")


def _write(out: TextIO, as_json: bool, document: dict[str, Any], lines: list[str]) -> None:
    if as_json:
        write_json(out, document)
    else:
        out.write("\n".join(lines) + "\n")


def check_lines(result: ReferenceCheck) -> list[str]:
    """The check in words, one line per finding."""
    lines = [result.heading(), result.summary()]
    if result.beyond_upper:
        lines.append(f"{FINDINGS['beyond_upper']}（{result.lower_region}的清单有、上级{result.upper_region}的清单没有，"
                     "下级清单不得超出上级清单）：")
        lines.extend(_unmatched_line(item) for item in result.beyond_upper)
    if result.unmatched:
        lines.append("名称在上级清单中找不到：")
        lines.extend(_unmatched_line(item) for item in result.unmatched)
    if result.missing:
        lines.append("上级清单有而本清单没有：")
        lines.extend(f"  {item.sequence + '. ' if item.sequence else ''}{item.name}"
                     f"{'（' + item.department + '）' if item.department else ''}" for item in result.missing)
    if result.department_differences:
        lines.append("主管部门可能不一致：")
        lines.extend(f"  {item.name}：本清单 {item.department}，上级清单 {item.upper_department}"
                     for item in result.department_differences)
    if result.authority_differences:
        lines.append(f"{FINDINGS['authority_differences']}：")
        lines.extend(f"  {item.name}：本清单 {item.authority}，上级清单 {item.upper_authority}"
                     for item in result.authority_differences)
    if result.basis_differences:
        lines.append(f"{FINDINGS['basis_differences']}（引用的法律法规不同，条款不计）：")
        lines.extend(f"  {item.name}（{item.department}）：{basis_difference_text(item)}" for item in result.basis_differences)
    return lines


def _unmatched_line(item: CityItem) -> str:
    close = f"；相近的上级事项：{'、'.join(item.suggestions)}" if item.suggestions else "；上级清单中没有相近的名称"
    return f"  {item.name}（{item.department}）{close}"


def licence_lines(result: LicenceCheck) -> list[str]:
    """The licence check in words: the summary, then each finding with its closest names; items of
    departments without a 权责清单 one line per department, so they do not bury the rest."""
    lines = [f"{result.list_label}：{result.summary()}"]
    if result.outside:
        lines.append("清单外的许可（权责清单列为行政许可，本部门的许可事项清单中没有这个名称）：")
        lines.extend(_finding_line(finding, "许可事项", "许可事项清单") for finding in result.outside)
    if result.unlisted:
        lines.append("清单内未列入权责清单（许可事项清单中有，本部门权责清单的行政许可中没有这个名称）：")
        lines.extend(_finding_line(finding, "权责清单事项", "权责清单") for finding in result.unlisted)
    if result.not_imported:
        lines.append("部门未导入权责清单（这些部门还没有任何权责事项，其许可事项未核对）：")
        for department, findings in groupby(result.not_imported, key=lambda finding: finding.department):
            names = [finding.name for finding in findings]
            lines.append(f"  {department}（{len(names)} 项）：{'、'.join(names)}")
    return lines


def _finding_line(finding: LicenceFinding, other: str, other_list: str) -> str:
    close = (f"；相近的{other}：{finding.closest_text('、')}" if finding.closest
             else f"；{other_list}中没有相近的名称")
    return f"  {finding.name}（{finding.department}）{close}"
