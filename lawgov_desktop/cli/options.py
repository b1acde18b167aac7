"""Arguments several commands share: record kinds, list filters, name-or-id references, JSON out."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from lawgov_desktop.core.errors import NotFoundError
from lawgov_desktop.core.fields import (
    BATCH,
    DELEGATION,
    DEPARTMENT,
    IMPORTS,
    KIND_LABELS,
    LICENCE,
    PART_LABELS,
    POWER,
    REGION,
    RESPONSIBILITY,
    STATUSES,
    part_from_text,
)
from lawgov_desktop.core.laws import article_refs
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.core.records import Records

from .errors import UsageError
from .table import format_page

# argparse's sub-command container; it has no public name, commands receive it in add_parser().
SubParsers = argparse._SubParsersAction

# Every spelling a command accepts for a kind; the first of each is the canonical CLI name.
KIND_NAMES: dict[str, tuple[str, ...]] = {
    LICENCE: ("items", "item", "licence", "licences", "license", "licenses"),
    POWER: ("powers", "power"),
    DELEGATION: ("delegations", "delegation"),
    DEPARTMENT: ("departments", "department"),
    RESPONSIBILITY: ("responsibilities", "responsibility", "权责清单"),
    REGION: ("regions", "region"),
    BATCH: ("batches", "batch"),
    IMPORTS: ("imports", "import"),
}
LIST_KINDS = (LICENCE, POWER, DEPARTMENT, REGION, BATCH, IMPORTS)


def kind_type(allowed: tuple[str, ...]) -> Callable[[str], str]:
    """An argparse ``type`` that turns any spelling of an allowed kind into the library's kind."""
    lookup = {name: kind for kind in allowed for name in KIND_NAMES[kind]}

    def convert(text: str) -> str:
        if text in lookup:
            return lookup[text]
        names = "、".join(KIND_NAMES[kind][0] for kind in allowed)
        raise argparse.ArgumentTypeError(f"未知的类型“{text}”，可用：{names}")

    return convert


def kind_help(allowed: tuple[str, ...]) -> str:
    """"items（行政许可事项）、powers（…）" for a help text."""
    return "、".join(f"{KIND_NAMES[kind][0]}（{KIND_LABELS.get(kind, '导入记录')}）" for kind in allowed)


# Filter options: destination → (option, the list kinds it narrows).
_FILTERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "departments": ("--department", (LICENCE, POWER)),
    "parts": ("--part", (LICENCE,)),
    "levels": ("--level", (LICENCE, DEPARTMENT)),
    "statuses": ("--status", (LICENCE, POWER)),
    "power_types": ("--type", (POWER,)),
    "batches": ("--batch", (POWER,)),
    "regions": ("--region", (POWER, DEPARTMENT, REGION)),
    "sub_items": ("--sub-items", (LICENCE, POWER)),
    "laws": ("--law", (LICENCE, POWER)),
    "article": ("--article", (LICENCE, POWER)),
}


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """The filters of the window's list views, as options (repeatable ones may be given twice)."""
    parser.add_argument("--search", "-s", default="", metavar="TEXT", help="在所有可见字段中查找（1 个字以上）")
    parser.add_argument("--department", dest="departments", action="append", default=[], metavar="NAME",
                        help="主管部门（全称或简称，可重复）")
    parts = "、".join(f"{key}={label}" for key, label in PART_LABELS.items())
    parser.add_argument("--part", dest="parts", action="append", default=[], metavar="PART",
                        help=f"清单部分（可重复）：{parts}，也可写中文")
    parser.add_argument("--level", dest="levels", action="append", default=[], metavar="LEVEL", help="行使层级（可重复）")
    parser.add_argument("--status", dest="statuses", action="append", default=[], metavar="STATUS", help="状态：" + "、".join(STATUSES))
    parser.add_argument("--type", dest="power_types", action="append", default=[], metavar="TYPE",
                        help="职权类型，如 行政处罚（可重复）")
    parser.add_argument("--batch", dest="batches", action="append", default=[], metavar="NAME",
                        help="批次，如 第一批（可重复）")
    parser.add_argument("--region", dest="regions", action="append", default=[], metavar="NAME",
                        help="承接区划，含其下所有镇街（可重复）")
    parser.add_argument("--sub-items", action="store_true", help="事项连同子项一起列出")
    parser.add_argument("--law", dest="laws", action="append", default=[], metavar="TITLE",
                        help="引用这部法律法规的事项（全称或简称，可重复），如 食品安全法")
    parser.add_argument("--article", metavar="ARTICLE", help="与 --law 一起：只列引用该条的事项，如 第三十五条")


def list_filter(library: Library, kind: str, args: argparse.Namespace) -> ListFilter:
    """The ``ListFilter`` the options describe; names are resolved, misfits are refused."""
    for dest, (option, kinds) in _FILTERS.items():
        if getattr(args, dest) and kind not in kinds:
            raise UsageError(f"{option} 不能用于 {KIND_NAMES[kind][0]} 列表。")
    return ListFilter(
        text=args.search,
        department_ids=tuple(resolve(library, DEPARTMENT, name) for name in args.departments),
        parts=tuple(_part(text) for text in args.parts),
        levels=tuple(args.levels),
        statuses=tuple(args.statuses),
        power_types=tuple(args.power_types),
        batch_ids=tuple(resolve(library, BATCH, name) for name in args.batches),
        region_ids=tuple(resolve(library, REGION, name) for name in args.regions),
        include_sub_items=args.sub_items,
        law_ids=tuple(library.laws.get(title)["id"] for title in args.laws),
        law_article=_article(args),
    )


def _article(args: argparse.Namespace) -> int | None:
    """The article number of ``--article`` (第三十五条, 35), which narrows ``--law``."""
    if args.article is None:
        return None
    if not args.laws:
        raise UsageError("--article 需与 --law 一起使用。")
    return article_refs(args.article)[0].article


def _part(text: str) -> str:
    part = part_from_text(text)
    if part is None:
        choices = "、".join(f"{key}（{label}）" for key, label in PART_LABELS.items())
        raise UsageError(f"未知的清单部分“{text}”，可用：{choices}。")
    return part


_FINDERS: dict[str, Callable[[Records, str], int | None]] = {
    DEPARTMENT: Records.find_department,
    REGION: Records.find_region,
    BATCH: Records.find_batch,
}


def resolve(library: Library, kind: str, text: str) -> int:
    """A department, region or batch by name or alias, or by its number; unknown names fail clearly."""
    found = _or_numbered(_FINDERS[kind](library.records, text), text, lambda number: library.records.get(kind, number))
    if found is None:
        raise NotFoundError(f"未找到{KIND_LABELS[kind]}“{text}”，请检查名称或简称。")
    return found


# What names the working list where a saved version could be named (lawgov stats --of, diff A B).
CURRENT_NAMES = ("current", "当前", "当前清单")


def resolve_version(library: Library, text: str) -> int | None:
    """A saved version by name (or number); "current" means the working list (None)."""
    if text.strip() in CURRENT_NAMES:
        return None
    found = _or_numbered(library.versions.find_version(text), text, library.versions.version)
    if found is None:
        names = (version["name"] for version in library.versions.all_versions())
        raise unknown_name("清单版本", text, "已保存的版本", names, "（尚未保存任何版本）")
    return found


def resolve_reference(library: Library, name: str) -> int:
    """A stored upper list by name; an unknown name lists the known ones."""
    found = library.references.find_reference(name)
    if found is None:
        names = (row["name"] for row in library.references.upper_lists())
        raise unknown_name("上级清单", name, "已导入", names, "（尚未导入任何上级清单）")
    return found


def _or_numbered(found: int | None, text: str, record: Callable[[int], dict[str, Any]]) -> int | None:
    """What a name found, or else the record ``text`` numbers (a number that names none fails there)."""
    if found is None and text.strip().isdigit():
        return record(int(text))["id"]
    return found


def unknown_name(what: str, text: str, known: str, names: Iterable[str], none_yet: str) -> NotFoundError:
    """"未找到清单版本“X”；已保存的版本：A、B。": a wrong name answered with the names there are."""
    listed = "、".join(names) or none_yet
    return NotFoundError(f"未找到{what}“{text}”；{known}：{listed}。")


def add_list_and_delete(actions: SubParsers, listing: tuple[str, Callable[..., int]],
                        deleting: tuple[str, Callable[..., int]], name_help: str, asks: bool = False) -> None:
    """``list [--json]`` and ``delete NAME`` of a command that keeps named things (versions, upper
    lists), each a (help, run) pair; ``asks``: delete asks first unless given --yes."""
    lister = actions.add_parser("list", help=listing[0])
    lister.add_argument("--json", action="store_true", help="输出 JSON")
    lister.set_defaults(run=listing[1])
    delete = actions.add_parser("delete", help=deleting[0])
    delete.add_argument("name", metavar="NAME", help=name_help)
    if asks:
        delete.add_argument("--yes", "-y", action="store_true", help="不再询问，直接删除")
    delete.set_defaults(run=deleting[1])


def write_listing(out: TextIO, as_json: bool, rows: list[dict[str, Any]], headers: Sequence[str],
                  cells: Callable[[dict[str, Any]], list[str]], unit: str) -> int:
    """A ``list`` action's answer: the rows as JSON for programs, or as a table of ``cells`` for people."""
    if as_json:
        write_json(out, rows)
    else:
        out.write("\n".join(format_page(headers, (cells(row) for row in rows), len(rows), unit)) + "\n")
    return 0


def output_path(text: str | None, suffixes: tuple[str, ...], refusal: str) -> Path | None:
    """Where a command saves its table (``-o``, ``--export``), refused before any work is done when
    the file is of a type it cannot write."""
    if not text:
        return None
    target = Path(text)
    if target.suffix.lower() not in suffixes:
        raise UsageError(refusal)
    return target


def write_json(out: TextIO, document: Any) -> None:
    """JSON as people and programs both read it: Chinese kept as is, indented."""
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
