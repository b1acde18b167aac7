"""``lawgov laws list|show|import|edit|affected``: the law library, and the items a law change touches.

The library starts from the titles the lists cite; ``laws import`` completes it from a catalogue
(the national laws and regulations database's export or any workbook with 标题/时效性/公布日期…
columns), ``laws edit`` describes a law by hand, and ``laws affected`` gives the 受影响事项 report:
every licence item and power citing the law (or an article of it), by department, as text, JSON,
a workbook or a PDF.  ``lawgov check --citations`` (``citation_check`` here) checks a version
against the laws as they stand.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from lawgov_desktop.core.laws import STATUSES, UNKNOWN_LABEL, AffectedReport, Laws
from lawgov_desktop.core.library import Library

from .errors import UsageError
from .options import SubParsers, output_path, resolve_version, write_json, write_listing

_KIND_WORDS = {"licence": "许可事项", "power": "执法事项"}
_EDITS = (("status", "时效性", f"时效性：{'、'.join(STATUSES)}"), ("level", "效力级别", "效力级别，如 法律、行政法规"),
          ("issuing_body", "制定机关", "制定机关"), ("promulgated", "公布日期", "公布日期，如 2021-04-29"),
          ("effective", "施行日期", "施行日期"), ("short_titles", "简称", "简称，多个用“、”隔开"),
          ("title", "标题", "标题"))


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``laws list [--status S] [--search TEXT] [--json]``, ``laws show TITLE``, ``laws import FILE``,
    ``laws edit TITLE --status …``, ``laws affected TITLE [--article A] [--of V] [--json] [--xlsx F] [--pdf F]``."""
    parser = commands.add_parser("laws", help="法律法规库：列出、查看、导入、修改法律法规，列出引用某部法律的事项",
                                 description="法律法规库从清单引用的法律法规开始（时效性未知），导入法律法规目录"
                                             "（标题、制定机关、法律性质、时效性、公布日期、施行日期）后补全；"
                                             "法律修改或废止时，用 laws affected 列出引用它的全部事项。")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, title="操作")
    lister = actions.add_parser("list", help="列出法律法规（引用次数多的在前）")
    lister.add_argument("--status", metavar="STATUS", help=f"只列出该时效性的：{'、'.join(STATUSES)}、{UNKNOWN_LABEL}")
    lister.add_argument("--search", metavar="TEXT", help="标题或简称中含有的文字")
    lister.add_argument("--json", action="store_true", help="输出 JSON")
    lister.set_defaults(run=_list)
    show = actions.add_parser("show", help="查看一部法律法规")
    show.add_argument("title", metavar="TITLE", help="标题或简称（如 食品安全法），或编号")
    show.add_argument("--json", action="store_true", help="输出 JSON")
    show.set_defaults(run=_show)
    load = actions.add_parser("import", help="导入法律法规目录（.xlsx/.xls/.ods/.csv）")
    load.add_argument("file", metavar="FILE", help="法律法规目录文件")
    load.set_defaults(run=_import)
    edit = actions.add_parser("edit", help="修改一部法律法规的时效性、效力级别、日期或简称")
    edit.add_argument("title", metavar="TITLE", help="标题或简称，或编号")
    for key, _, help_text in _EDITS:
        edit.add_argument(f"--{key.replace('_', '-')}", dest=f"set_{key}", metavar="VALUE", help=help_text)
    edit.set_defaults(run=_edit)
    affected = actions.add_parser("affected", help="列出引用某部法律法规（或其某条）的事项（受影响事项）")
    affected.add_argument("title", metavar="TITLE", help="标题或简称，或编号")
    affected.add_argument("--article", metavar="ARTICLE", help="只列出引用该条款的事项，如 第三十五条、第三十五条第二款")
    affected.add_argument("--of", metavar="VERSION", default="current", help="哪个版本（默认当前清单）")
    affected.add_argument("--json", action="store_true", help="输出 JSON")
    affected.add_argument("--xlsx", metavar="FILE", help="导出为 .xlsx 工作簿")
    affected.add_argument("--pdf", metavar="FILE", help="导出为 PDF")
    affected.set_defaults(run=_affected)
    return parser


def _status_text(law: dict[str, Any]) -> str:
    return law["status"] or UNKNOWN_LABEL


def _list(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    laws = library.laws.list(status=args.status, search=args.search)
    return write_listing(out, args.json, laws, ("编号", "标题", "效力级别", "时效性", "公布日期", "引用事项"),
                         lambda law: [str(law["id"]), law["title"], law["level"] or "", _status_text(law),
                                      law["promulgated"] or "", str(law["cited_by"])], "部")


def _show(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    law = library.laws.get(args.title)
    if args.json:
        write_json(out, law)
        return 0
    out.write("\n".join(law_lines(law, library.laws)) + "\n")
    return 0


def law_lines(law: dict[str, Any], laws: Laws) -> list[str]:
    """A law in words, with the titles it is cited by and how many records cite it."""
    cited_by = len(laws.affected(law["id"]).records)
    lines = [f"《{law['title']}》（编号 {law['id']}）",
             f"  时效性：{_status_text(law)}{'' if law['catalogued'] else '（未导入法律法规目录）'}"]
    lines.extend(f"  {label}：{law[key]}" for key, label in (
        ("level", "效力级别"), ("issuing_body", "制定机关"), ("promulgated", "公布日期"), ("effective", "施行日期"))
        if law.get(key))
    if law["short_titles"]:
        lines.append(f"  其他写法：{'、'.join(law['short_titles'])}")
    lines.extend(f"  修改：{entry['date'] or ''} {entry['title'] or ''}".rstrip() for entry in law["amendments"])
    lines.append(f"  引用它的事项：{cited_by} 项（lawgov laws affected {law['id']} 列出）")
    return lines


def _import(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    from lawgov_desktop.importers.law_list import read_law_list

    counts = library.laws.import_catalogue(read_law_list(args.file))
    coverage = library.laws.coverage()
    out.write(f"已导入法律法规目录：新增 {counts['added']} 部，更新 {counts['updated']} 部，"
              f"合并清单中的其他写法 {counts['folded']} 处。\n"
              f"清单引用 {coverage['citations']} 处，其中 {coverage['resolved']} 处对应目录中的法律法规。\n")
    return 0


def _edit(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    values = {key: getattr(args, f"set_{key}") for key, _, _ in _EDITS if getattr(args, f"set_{key}") is not None}
    if not values:
        raise UsageError("请至少指定一项要修改的内容，如 --status 已废止。")
    law = library.laws.update(args.title, values)
    out.write(f"已修改《{law['title']}》：{'，'.join(f'{label} {values[key]}' for key, label, _ in _EDITS if key in values)}。\n")
    return 0


def _affected(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    workbook = output_path(args.xlsx, (".xlsx",), "--xlsx 只能导出为 .xlsx 工作簿。")
    pdf = output_path(args.pdf, (".pdf",), "--pdf 只能导出为 .pdf 文件。")
    report = library.laws.affected(args.title, args.article, resolve_version(library, args.of))
    if args.json:
        write_json(out, report.as_dict())
    else:
        out.write("\n".join(affected_lines(report)) + "\n")
    if workbook is not None:
        from lawgov_desktop.exporters.affected import write_affected_workbook

        _exported(out, args.json, write_affected_workbook(report, workbook))
    if pdf is not None:
        from lawgov_desktop.exporters.affected import write_affected_pdf

        _exported(out, args.json, write_affected_pdf(report, pdf).path)
    return 0


def _exported(out: TextIO, as_json: bool, path: object) -> None:
    if not as_json:
        out.write(f"已导出：{path}\n")


def affected_lines(report: AffectedReport) -> list[str]:
    """The 受影响事项 report in words: the counts, then each department with its records."""
    counts = report.as_dict()
    article = f" {report.article}" if report.article else ""
    lines = [f"引用《{report.law['title']}》{article}的事项：许可事项 {counts['licence_items']} 项，"
             f"执法事项 {counts['powers']} 项，涉及 {len(report.by_department)} 个部门。"]
    for department, records in report.by_department.items():
        lines.append(f"{department}（{len(records)} 项）：")
        lines.extend(f"  [{_KIND_WORDS[record.kind]}] {record.name}：{'、'.join(record.articles) or '未注明条款'}"
                     for record in records)
    return lines


def citation_check(library: Library, version_id: int | None, as_json: bool, out: TextIO) -> int:
    """``lawgov check --citations``: the records citing a law repealed, amended since the edition they
    cite or not yet in force, cited titles matching no catalogue law (with the closest), and text of
    legal-basis cells that cites no law."""
    marks = library.laws.marks(version_id)
    unresolved = library.laws.unresolved(version_id=version_id)
    unparsed = library.laws.unparsed(version_id)
    records = _records(library, marks)
    if as_json:
        write_json(out, {"marked": [{"kind": kind, "id": record_id, "name": records[kind, record_id]["name"],
                                     "department": records[kind, record_id]["department"], "reasons": reasons}
                                    for (kind, record_id), reasons in marks.items()],
                         "unresolved": unresolved, "unparsed": unparsed})
        return 0
    lines = [f"引用核对：{len(marks)} 项事项引用的法律法规已废止、已修改或尚未生效；"
             f"{len(unresolved)} 部引用的法律法规不在法律法规目录中；{len(unparsed)} 处依据文字未能识别。"]
    if marks:
        lines.append("引用需核实的事项：")
        lines.extend(f"  [{_KIND_WORDS[kind]}] {records[kind, record_id]['name']}"
                     f"（{records[kind, record_id]['department']}）：{'；'.join(reasons)}"
                     for (kind, record_id), reasons in marks.items())
    if unresolved:
        lines.append("不在法律法规目录中的标题（引用事项数；相近的标题）：")
        lines.extend(f"  《{entry['title']}》（{entry['cited_by']} 项）"
                     + (f"；相近：{'、'.join(close['title'] for close in entry['closest'])}" if entry["closest"] else "")
                     for entry in unresolved)
    if unparsed:
        lines.append("未能识别的依据文字：")
        lines.extend(f"  [{_KIND_WORDS[entry['kind']]}] {entry['name']}：{entry['text']}" for entry in unparsed)
    out.write("\n".join(lines) + "\n")
    return 0


def _records(library: Library, marks: dict[tuple[str, int], list[str]]) -> dict[tuple[str, int], dict[str, Any]]:
    """The marked records by (kind, id); named with their department, as departments' lists name
    many items alike."""
    return {(kind, record_id): library.records.get(kind, record_id) for kind, record_id in marks}
