"""Catalogues and export sheets built from the library: what the window and ``lawgov export`` print.

Every list is read through ``library.lists.query`` in pages of ``PAGE_SIZE``, in the list's own order,
with the same ``ListFilter`` the window's views use, so "print what I see" prints exactly the
filtered view and no SQL lives here.  A licence catalogue has a section per part (中央层面设定,
地方性法规、省政府规章设定 …) with sub-items grouped under their item; a power catalogue has a
section per batch (第一批, 第二批 …, then 未分批次), each power listing the townships it was
handed to in that batch; a 权责清单 has a section per power type in the standard order (行政许可,
行政处罚 …), each power with its sub-items under it and its responsibilities and accountability.
Department and township lists are these catalogues with a filter.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from lawgov_desktop.core.fields import (
    BATCH,
    KIND_LABELS,
    LICENCE,
    PART_LABELS,
    PARTS,
    POWER,
    RESPONSIBILITY,
    power_type_order,
)
from lawgov_desktop.core.kinds import (
    DELEGATION_KIND,
    LICENCE_KIND,
    POWER_KIND,
    RESPONSIBILITY_DETAIL_KEYS,
    Field,
)
from lawgov_desktop.core.layouts import FIELDS_BY_KIND, LICENCE_FIELDS, POWER_FIELDS, kind_field
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.progress import NO_TASK, Task, check_cancelled
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.exporters.model import (
    LANDSCAPE,
    CatalogueRow,
    CatalogueSection,
    CatalogueSpec,
    ExportError,
    ExportSheet,
    flatten_licence_rows,
    licence_part_heading,
)

PAGE_SIZE = 500
UNBATCHED = "未分批次"
UNTYPED = "未填权力类型"
BY_PART = "part"
BY_BATCH = "batch"

# Columns a printed catalogue shows unless the clerk chooses others.
LICENCE_COLUMNS = ("sequence", "name", "sub_item", "implementing_authority", "legal_basis", "level", "remark")
POWER_COLUMNS = ("sequence", "code", "name", "power_type", "department", "receiving", "mode", "remark")
RESPONSIBILITY_COLUMNS = ("sequence", "name", "sub_item", "legal_basis", "handling_office", "level", "responsibility",
                          "accountability_cases")
# 隶属机构 only tells the importer a power's department: it is not kept, so it cannot be printed.
_NOT_KEPT = {RESPONSIBILITY: {"affiliation"}}
# What a list's title calls it: "<department>行政许可事项清单", "<department>权责清单".
_LIST_NAMES = {LICENCE: "行政许可事项清单", RESPONSIBILITY: KIND_LABELS[RESPONSIBILITY]}
# Workbook columns: every field the importer knows, in its order.
LICENCE_SHEET_COLUMNS = [spec.key for spec in LICENCE_FIELDS]
POWER_SHEET_COLUMNS = [spec.key for spec in POWER_FIELDS]

# What a stored item fills of a workbook row: the layout's columns its kind keeps (a licence item's part
# is its section; a sub-item prints under its item's name and department).
_LICENCE_KEYS = tuple(spec.key for spec in LICENCE_FIELDS
                      if spec.key != "part" and kind_field(LICENCE_KIND, spec.key) is not None)
_SUB_ITEM_KEYS = tuple(key for key in _LICENCE_KEYS if key not in ("department", "name"))
_POWER_KEYS = tuple(spec.key for spec in POWER_FIELDS if kind_field(POWER_KIND, spec.key) is not None)
# A sub-item of a 权责清单 prints under its item's name, department and type; the rest it may have of its own.
_RESPONSIBILITY_SUB_KEYS = ("code", "legal_basis", *RESPONSIBILITY_DETAIL_KEYS, "remark")
# Power workbook columns written only when some row fills them: what a 权责清单 adds to a delegation list.
_OPTIONAL_POWER_COLUMNS = {"sub_item", *RESPONSIBILITY_DETAIL_KEYS}
# Row keys of a power's extra columns (columns the program does not know), before their header.
EXTRA_PREFIX = "extra:"
# A workbook row gives one set of these to all its townships, so rows split where they differ.
_DELEGATION_TERMS = tuple(spec.key for spec in POWER_FIELDS if spec.key not in (*_POWER_KEYS, "receiving")
                          and kind_field(DELEGATION_KIND, spec.key) is not None)
_YEAR = re.compile(r"^(\d{4})(?:年)?$")


@dataclass
class CatalogueOptions:
    """What the clerk chose for a printed catalogue; None means the list's own default.

    ``version_label`` None takes the version from the items' 清单版本 (2022 → "2022年版");
    "" prints none.  ``sort`` orders the rows (and a book's departments) as the window's list sorts
    them: its own order (None), or by name or department in pinyin order, as Excel and WPS.
    """

    columns: Sequence[str] | None = None
    orientation: str = LANDSCAPE
    attachment_label: str | None = None
    title: str | None = None
    version_label: str | None = None
    font_path: str | None = None
    font_size: float = 10.5
    print_date: date | None = None
    sort: str | None = None
    descending: bool = False


# --------------------------------------------------------------------------- catalogues


def licence_catalogue(library: Library, flt: ListFilter | None = None, options: CatalogueOptions | None = None,
                      task: Task = NO_TASK) -> CatalogueSpec:
    """The licence list the filter selects: one department's, one part's, or the window's view."""
    flt = _main_items(flt)
    items = list(_read(library, LICENCE, flt, task, options))
    if not items:
        raise ExportError("没有符合条件的行政许可事项，无法生成清单。")
    city = _city_name(library)
    if len(flt.department_ids) == 1:
        group = items[0]["department"]
        title = f"{_official_name(city, group)}{_LIST_NAMES[LICENCE]}"
    else:
        group = None
        title = f"{city}{_part_title(flt.parts)}{_LIST_NAMES[LICENCE]}"
    columns = _default_licence_columns(several_departments=group is None)
    return _spec(LICENCE, title, group, _licence_sections(library, items, task), columns, options,
                 _version_of(library, flt, items))


def department_catalogues(library: Library, flt: ListFilter | None = None,
                          options: CatalogueOptions | None = None, task: Task = NO_TASK) -> list[CatalogueSpec]:
    """Every department's licence list (within the filter), in the order the list names them.

    One pass over the list, not one query per department; for a book or a folder of files.
    """
    flt = _main_items(flt)
    departments = _by_department(library, LICENCE, flt, task, "没有符合条件的行政许可事项，无法生成清单。", options)
    city = _city_name(library)
    specs = []
    for items in departments:
        department = items[0]["department"]
        specs.append(_spec(LICENCE, f"{_official_name(city, department)}{_LIST_NAMES[LICENCE]}", department,
                           _licence_sections(library, items, task), _default_licence_columns(False), options,
                           _version_of(library, flt, items)))
    return specs


def power_catalogue(library: Library, flt: ListFilter | None = None, options: CatalogueOptions | None = None,
                    task: Task = NO_TASK) -> CatalogueSpec:
    """The delegated powers the filter selects, a section per batch.

    With a region in the filter (a street, or a zone and everything under it) only the
    delegations to that region count: the list a township receives.  With a department it is
    what that original department handed down.
    """
    flt = flt or ListFilter()
    scope = _DelegationScope(library, flt)
    by_batch: dict[str, list[CatalogueRow]] = {}
    powers = list(_read(library, POWER, flt, task, options))
    if not powers:
        raise ExportError("没有符合条件的赋权事项，无法生成目录。")
    for power in powers:
        check_cancelled(task)
        groups = scope.groups(power["id"], ("batch",)) or [[]]
        for delegations in groups:
            batch = delegations[0]["batch"] if delegations and delegations[0]["batch"] else UNBATCHED
            by_batch.setdefault(batch, []).append(CatalogueRow(_power_values(power, delegations)))
    order = [*scope.batch_names, UNBATCHED]
    sections = [CatalogueSection(name, by_batch[name]) for name in order if name in by_batch]
    city = _city_name(library)
    columns = list(POWER_COLUMNS)
    if len(flt.region_ids) == 1:
        group = scope.region_name
        if scope.is_township:
            columns.remove("receiving")
    elif len(flt.department_ids) == 1:
        group = _official_name(city, powers[0]["department"])
    else:
        group = f"{city}镇街"
    if len(flt.department_ids) == 1:
        columns.remove("department")
    spec = _spec(POWER, f"{group}赋权事项目录", group, sections, columns, options, None)
    spec.distinct_items = len(powers)
    return spec


def responsibility_catalogue(library: Library, flt: ListFilter | None = None,
                             options: CatalogueOptions | None = None, task: Task = NO_TASK) -> CatalogueSpec:
    """The 权责清单 of the powers the filter selects: a section per power type, sub-items under their item.

    One department's powers print as "<department>权责清单"; several departments' as the city's,
    with a 行使主体 column.
    """
    flt = _main_items(flt)
    powers = list(_read(library, POWER, flt, task, options))
    if not powers:
        raise ExportError("没有符合条件的权责事项，无法生成权责清单。")
    sections = _responsibility_sections(library, powers, task)
    columns = _responsibility_columns(sections)
    if len({power["department_id"] for power in powers}) == 1:
        group = _official_name(_city_name(library), powers[0]["department"])
    else:
        group = _city_name(library)
        columns.insert(1, "department")
    return _spec(RESPONSIBILITY, f"{group}{_LIST_NAMES[RESPONSIBILITY]}", group, sections, columns,
                 options, _version_of(library, flt, powers))


def responsibility_catalogues(library: Library, flt: ListFilter | None = None,
                              options: CatalogueOptions | None = None, task: Task = NO_TASK) -> list[CatalogueSpec]:
    """Every department's 权责清单 (within the filter), in the order the list names them: one pass
    over the list, for a book with a part per department or a folder of files."""
    flt = _main_items(flt)
    departments = _by_department(library, POWER, flt, task, "没有符合条件的权责事项，无法生成权责清单。", options)
    city = _city_name(library)
    specs = []
    for powers in departments:
        department = _official_name(city, powers[0]["department"])
        sections = _responsibility_sections(library, powers, task)
        specs.append(_spec(RESPONSIBILITY, f"{department}{_LIST_NAMES[RESPONSIBILITY]}", department, sections,
                           _responsibility_columns(sections), options, _version_of(library, flt, powers)))
    return specs


def book_title(library: Library, specs: Sequence[CatalogueSpec]) -> str:
    """The title of an all-departments book: "汕尾市行政许可事项清单（2022年版）", "汕尾市权责清单"."""
    versions = {spec.version_label for spec in specs}
    version = f"（{versions.pop()}）" if len(versions) == 1 and None not in versions else ""
    return f"{_city_name(library)}{_LIST_NAMES[specs[0].kind]}{version}"


def printable_fields(kind: str) -> tuple[Field, ...]:
    """The fields a printed list of ``kind`` can show as columns, in the list's own order."""
    return tuple(spec for spec in FIELDS_BY_KIND[kind] if spec.key not in _NOT_KEPT.get(kind, ()))


# --------------------------------------------------------------------------- workbooks


def export_sheets(library: Library, kind: str, flt: ListFilter | None = None, by: str | None = None,
                  task: Task = NO_TASK, *, sort: str | None = None, descending: bool = False) -> list[ExportSheet]:
    """The view (or, without a filter, the whole list) as worksheets the importer reads back, its rows
    in the list's own order or sorted as the window's list is (``sort``, by pinyin for Chinese).

    Licence items go a sheet per part, a main item's row followed by its sub-items' rows; powers
    a sheet per batch, a row per batch and set of delegation terms with its townships joined,
    followed by its sub-items' rows, with the columns of a 权责清单 and the extra columns (under
    their own headers) when some power has them.
    """
    from lawgov_desktop.exporters.xlsx import group_sheets  # openpyxl: only for a workbook

    by = by or (BY_BATCH if kind == POWER else BY_PART)
    if (kind, by) not in ((LICENCE, BY_PART), (POWER, BY_BATCH)):
        raise ExportError("行政许可事项按部分分表，赋权事项按批次分表。")
    headers: dict[str, str] = {}
    order = CatalogueOptions(sort=sort, descending=descending)
    if kind == LICENCE:
        items = [_licence_row(library, item) for item in _read(library, LICENCE, _main_items(flt), task, order)]
        rows = flatten_licence_rows(items)
        columns = LICENCE_SHEET_COLUMNS
    else:
        flt = _main_items(flt)
        scope = _DelegationScope(library, flt)
        rows = []
        for power in _read(library, POWER, flt, task, order):
            groups = scope.groups(power["id"], _DELEGATION_TERMS) or [[]]
            own = [{**_power_values(power, delegations), **_extra_cells(power)} for delegations in groups]
            rows.extend(own)
            if power["sub_item_count"]:
                rows.extend(_power_sub_rows(library, power["id"], own[0]))
        columns, headers = _power_sheet_columns(rows)
    if not rows:
        raise ExportError("没有符合条件的记录，无法导出。")
    return group_sheets(kind, columns, rows, by, default_name=UNBATCHED, headers=headers)


# --------------------------------------------------------------------------- reading


def _read(library: Library, kind: str, flt: ListFilter, task: Task,
          options: CatalogueOptions | None = None) -> Iterator[dict[str, Any]]:
    """Every row the filter selects, page by page in the order ``options`` chose (list order by default)."""
    order = options or CatalogueOptions()
    offset = 0
    while True:
        check_cancelled(task)
        page = library.lists.query(kind, flt, sort=order.sort, descending=order.descending, offset=offset,
                                   limit=PAGE_SIZE)
        yield from page.rows
        offset += len(page.rows)
        task.report(offset, page.total, "正在读取清单")
        if not page.rows or offset >= page.total:
            return


def _by_department(library: Library, kind: str, flt: ListFilter, task: Task, nothing: str,
                   options: CatalogueOptions | None) -> list[list[dict[str, Any]]]:
    """The rows the filter selects, one list per department in the order the rows name them (sorted
    by department: in pinyin order), read in one pass; ``nothing`` is the error when the filter
    selects none."""
    by_department: dict[int, list[dict[str, Any]]] = {}
    for row in _read(library, kind, flt, task, options):
        by_department.setdefault(row["department_id"], []).append(row)
    if not by_department:
        raise ExportError(nothing)
    return list(by_department.values())


def _main_items(flt: ListFilter | None) -> ListFilter:
    """The filter for main items only: sub-items print grouped under theirs, never as rows."""
    return replace(flt or ListFilter(), include_sub_items=False)


def _licence_row(library: Library, item: dict[str, Any]) -> CatalogueRow:
    """An item's cells (part in words) and, for each sub-item, the cells it fills itself."""
    values = {key: _text(item.get(key)) for key in _LICENCE_KEYS}
    values["part"] = PART_LABELS.get(item["part"], item["part"])
    sub_rows = []
    if item.get("sub_item_count"):
        for sub in library.records.get(LICENCE, item["id"])["sub_items"]:
            own = {key: text for key in _SUB_ITEM_KEYS if (text := _text(sub.get(key)))}
            sub_rows.append({**own, "sub_item": sub["name"]})
    return CatalogueRow(values, sub_rows)


def _licence_sections(library: Library, items: list[dict[str, Any]], task: Task) -> list[CatalogueSection]:
    by_part: dict[str, list[CatalogueRow]] = {}
    for item in items:
        check_cancelled(task)
        by_part.setdefault(item["part"], []).append(_licence_row(library, item))
    order = [part for part in PARTS if part in by_part] + [part for part in by_part if part not in PARTS]
    return [CatalogueSection(licence_part_heading(part), by_part[part]) for part in order]


def _responsibility_sections(library: Library, powers: list[dict[str, Any]],
                             task: Task) -> list[CatalogueSection]:
    """A section per power type, in the standard order (other types as written, then untyped)."""
    by_type: dict[str | None, list[CatalogueRow]] = {}
    for power in powers:
        check_cancelled(task)
        by_type.setdefault(power["power_type"] or None, []).append(_responsibility_row(library, power))
    return [CatalogueSection(kind or UNTYPED, by_type[kind]) for kind in sorted(by_type, key=power_type_order)]


def _responsibility_columns(sections: list[CatalogueSection]) -> list[str]:
    """The default columns; 子项名称 only when some power has sub-items (most lists have none)."""
    if any(row.sub_rows for section in sections for row in section.rows):
        return list(RESPONSIBILITY_COLUMNS)
    return [column for column in RESPONSIBILITY_COLUMNS if column != "sub_item"]


def _responsibility_row(library: Library, power: dict[str, Any]) -> CatalogueRow:
    """A power's cells and, for each sub-item, its name and the cells it fills itself."""
    values = {key: _text(power.get(key)) for key in _POWER_KEYS}
    sub_rows = []
    if power["sub_item_count"]:
        for sub in library.records.get(POWER, power["id"])["sub_items"]:
            own = {key: text for key in _RESPONSIBILITY_SUB_KEYS if (text := _text(sub.get(key)))}
            sub_rows.append({**own, "sub_item": sub["name"]})
    return CatalogueRow(values, sub_rows)


class _DelegationScope:
    """Which of a power's delegations a list shows: those inside the filter's regions and batches."""

    def __init__(self, library: Library, flt: ListFilter) -> None:
        self.library = library
        self.batch_ids = set(flt.batch_ids)
        self.batch_names = [row["name"] for row in _read(library, BATCH, ListFilter(), NO_TASK)]
        self.region_ids: set[int] | None = None
        self.region_name = ""
        self.is_township = False
        if flt.region_ids:
            self.region_ids = set()
            for node in _region_nodes(library.records.region_tree()):
                if node["id"] in flt.region_ids:
                    self.region_ids.update(n["id"] for n in _region_nodes([node]))
                    self.region_name = node["name"]
                    self.is_township = not node["children"]

    def groups(self, power_id: int, terms: Sequence[str]) -> list[list[dict[str, Any]]]:
        """The power's delegations in scope, grouped by the values of ``terms``, in batch order."""
        grouped: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
        for delegation in self.library.records.delegations(power_id):
            if self.region_ids is not None and delegation["region_id"] not in self.region_ids:
                continue
            if self.batch_ids and delegation["batch_id"] not in self.batch_ids:
                continue
            grouped.setdefault(tuple(delegation[term] for term in terms), []).append(delegation)
        return list(grouped.values())


def _region_nodes(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield node
        yield from _region_nodes(node["children"])


def _extra_cells(power: dict[str, Any]) -> dict[str, str]:
    return {EXTRA_PREFIX + header: value for header, value in power["extra"].items()}


def _power_sub_rows(library: Library, power_id: int, main: dict[str, str]) -> Iterator[dict[str, str]]:
    """A power's sub-items as a 权责清单 writes them: a row each with 序号 blank, the item's name,
    department and code (and its batch, to stay on its sheet), 子项名称 and the sub-item's own cells."""
    named = {key: main[key] for key in ("name", "department", "code", "batch") if main.get(key)}
    for sub in library.records.get(POWER, power_id)["sub_items"]:
        own = {key: text for key in _POWER_KEYS if key not in ("sequence", "name", "department")
               and (text := _text(sub.get(key)))}
        yield {**named, **own, **_extra_cells(sub), "sub_item": sub["name"]}


def _power_sheet_columns(rows: list[dict[str, str]]) -> tuple[list[str], dict[str, str]]:
    """The power workbook's columns: every field of a delegation list, the 权责清单's fields and
    子项名称 when some row fills them, then the extra columns; and the extra columns' headers."""
    filled = {key for row in rows for key, value in row.items() if value}
    columns = [key for key in POWER_SHEET_COLUMNS if key not in _OPTIONAL_POWER_COLUMNS or key in filled]
    extras = [key for key in dict.fromkeys(key for row in rows for key in row) if key.startswith(EXTRA_PREFIX)]
    return columns + extras, {key: key.removeprefix(EXTRA_PREFIX) for key in extras}


def _power_values(power: dict[str, Any], delegations: list[dict[str, Any]]) -> dict[str, str]:
    """A power's cells with the townships and terms of the given delegations, each joined by "、"."""
    values = {key: _text(power.get(key)) for key in _POWER_KEYS}
    values["receiving"] = _joined(d["region"] for d in delegations)
    for term in _DELEGATION_TERMS:
        values[term] = _joined(d[term] for d in delegations)
    return values


# --------------------------------------------------------------------------- titles and layout


def _spec(kind: str, title: str, group: str | None, sections: list[CatalogueSection], columns: list[str],
          options: CatalogueOptions | None, version: str | None) -> CatalogueSpec:
    """The spec of one list; ``options`` (title, columns, version…) win over what the list gives."""
    options = options or CatalogueOptions()
    if options.version_label is not None:
        version = options.version_label or None
    return CatalogueSpec(
        title=options.title or title, columns=list(options.columns or columns), sections=sections, kind=kind,
        attachment_label=options.attachment_label, version_label=version, group_label=group or title,
        orientation=options.orientation, font_path=options.font_path, font_size=options.font_size,
        print_date=options.print_date)


def _default_licence_columns(several_departments: bool) -> list[str]:
    columns = list(LICENCE_COLUMNS)
    if several_departments:
        columns.insert(1, "department")
    return columns


def _part_title(parts: tuple[str, ...]) -> str:
    return f"{PART_LABELS.get(parts[0], parts[0])}的" if len(parts) == 1 else ""


def _version_of(library: Library, flt: ListFilter, items: list[dict[str, Any]]) -> str | None:
    """The saved version's name when printing one, else "2022年版" from the items' most common
    清单版本 ("2022", "2022年" or already "2022年版"; powers have none)."""
    if flt.version_id is not None:
        return str(library.versions.version(flt.version_id)["name"])
    years = Counter(year for item in items if (year := _text(item.get("list_year"))))
    if not years:
        return None
    year = years.most_common(1)[0][0]
    match = _YEAR.match(year)
    return f"{match.group(1)}年版" if match else year


def _city_name(library: Library) -> str:
    """The city at the top of the region tree ("汕尾市"), which qualifies "市…局" names."""
    roots = library.records.region_tree()
    return roots[0]["name"] if roots else ""


def _official_name(city: str, department: str) -> str:
    """"市市场监督管理局" printed as "汕尾市市场监督管理局"; county and full names stay as they are."""
    if city and department.startswith("市") and not department.startswith(city):
        return city + department[1:]
    return department


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _joined(values: Iterator[object]) -> str:
    return "、".join(dict.fromkeys(text for value in values if (text := _text(value))))


__all__ = [
    "BY_BATCH",
    "BY_PART",
    "CatalogueOptions",
    "book_title",
    "department_catalogues",
    "export_sheets",
    "licence_catalogue",
    "power_catalogue",
    "printable_fields",
    "responsibility_catalogue",
    "responsibility_catalogues",
]
