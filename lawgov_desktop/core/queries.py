"""Filtered, sorted, paged reads of the lists, with the exact total: what every view shows.

Plain SQL over ``sqlite3`` so that the window's first page needs no heavy import.  Each query
selects one page of ids and base columns in SQL (filter, order, limit) and then fills in the
aggregates (sub-item counts, receiving townships, batches) for those rows only.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from .citation_rows import RECORD_COLUMNS
from .dialect import SQLITE, dialect_of
from .errors import LawGovError
from .fields import BATCH, DEPARTMENT, IMPORTS, LICENCE, POWER, REGION
from .kinds import DOCUMENT_NUMBER, KINDS, LINE, MULTILINE, ROW_VERSION, Field
from .search import search_words


@dataclass
class ListFilter:
    """What the clerk narrowed a list to; the same object drives views, catalogues and exports."""

    text: str = ""
    department_ids: tuple[int, ...] = ()
    parts: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    power_types: tuple[str, ...] = ()
    batch_ids: tuple[int, ...] = ()
    region_ids: tuple[int, ...] = ()
    version_id: int | None = None
    include_sub_items: bool = False
    law_ids: tuple[int, ...] = ()  # items and powers citing one of these laws (依据：食品安全法)
    law_article: int | None = None  # …in this article of it (第三十五条 → 35)

    def is_empty(self) -> bool:
        """True when nothing narrows the list (the version alone does not count)."""
        return not any((self.text.strip(), self.department_ids, self.parts, self.levels, self.statuses,
                        self.power_types, self.batch_ids, self.region_ids, self.law_ids))

    def to_json(self) -> str:
        """Text form for saved filters."""
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ListFilter:
        """The filter saved by ``to_json``; unknown keys from other versions are ignored."""
        data = json.loads(text)
        known = {f.name for f in fields(cls)}
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known}
        return cls(**values)


@dataclass
class Page:
    """One page of rows and the exact number of rows the filter selects."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    total: int = 0
    offset: int = 0


def _stored(kind: str, alias: str) -> str:
    """The kind's stored columns as a select list ("li.name, li.department_id, …"), and the row
    version an edit in the list's cells is saved with (``core.conflicts``)."""
    return ", ".join(f"{alias}.{key}" for key in (*KINDS[kind].columns, ROW_VERSION))


# Texts a clerk reads in Chinese sort in pinyin order, as Excel and WPS sort them; codes, dates and
# numbers as they are.
_PINYIN_RULES = (LINE, MULTILINE, DOCUMENT_NUMBER)


def _sort_expression(f: Field, alias: str) -> str:
    """What orders a list by a field: its stored pinyin key (indexed) where it keeps one, the pinyin
    function over other texts, the column itself otherwise."""
    if f.sort_column:
        return f"{alias}.{f.sort_column}"
    if f.rule in _PINYIN_RULES:
        return SQLITE.pinyin_order(f"{alias}.{f.key}")
    return f"{alias}.{f.key}"


def _sortable(kind: str, alias: str, **others: str) -> dict[str, str]:
    """Sortable columns of a list: the key the client names → the SQL that orders by it; every
    stored column of the kind, its id, and ``others`` (joined names, the shipped order)."""
    description = KINDS[kind]
    return {**{f.key: _sort_expression(f, alias) for f in description.fields if f.stored}, "id": f"{alias}.id",
            **others}


# A joined department or region sorts by its name's stored pinyin key.
_DEPARTMENT_NAME_KEY = KINDS[DEPARTMENT].sort_columns["name"]
_REGION_NAME_KEY = KINDS[REGION].sort_columns["name"]
# An item's 序号 sorts by its place in the list ("10" after "9"); departments have no order of their own.
_LICENCE_SORT = _sortable(LICENCE, "li", sequence="li.position", department=f"d.{_DEPARTMENT_NAME_KEY}",
                          updated_at="li.updated_at")
_POWER_SORT = _sortable(POWER, "p", sequence="p.position", department=f"d.{_DEPARTMENT_NAME_KEY}",
                        updated_at="p.updated_at")
_DEPARTMENT_SORT = _sortable(DEPARTMENT, "dp", region=f"r.{_REGION_NAME_KEY}", position="dp.id")
_REGION_SORT = _sortable(REGION, "r", parent=f"pr.{_REGION_NAME_KEY}")
_BATCH_SORT = _sortable(BATCH, "b")
_IMPORT_SORT = {"at": "ir.id", "position": "ir.id", "file_name": SQLITE.pinyin_order("ir.file_name"),
                "kind": "ir.kind", "id": "ir.id"}


def extra_from_json(text: str | None) -> dict[str, str]:
    """A power's extra columns ({header: value}) from their stored JSON ({} when it has none)."""
    return json.loads(text) if text else {}


def _placeholders(values: tuple[Any, ...]) -> str:
    return ",".join("?" * len(values))


def region_descendants(conn: sqlite3.Connection, region_ids: tuple[int, ...]) -> list[int]:
    """The regions and every region under them (a zone and its streets)."""
    if not region_ids:
        return []
    sql = (f"WITH RECURSIVE sub(id) AS (SELECT id FROM region WHERE id IN ({_placeholders(region_ids)})"
           " UNION SELECT r.id FROM region r JOIN sub ON r.parent_id = sub.id) SELECT id FROM sub")
    return [row[0] for row in conn.execute(sql, region_ids)]


def _within_regions(conn: sqlite3.Connection, column: str, region_ids: tuple[int, ...], where: list[str],
                    params: list[Any]) -> None:
    """Narrow ``column`` to the chosen regions and everything under them (a zone and its streets)."""
    if region_ids:
        regions = tuple(region_descendants(conn, region_ids))
        where.append(f"{column} IN ({_placeholders(regions)})")
        params.extend(regions)


def _order(sort: str, descending: bool, columns: dict[str, str], tiebreak: str, fixed: tuple[str, ...] = ()) -> str:
    """The ORDER BY of a list; ``fixed`` names columns the filter holds at one value (IS NULL) first,
    which orders nothing but lets PostgreSQL walk the list's index (version_id, parent_id, sort
    column) for a page instead of sorting the whole list: its planner takes only ``=`` as fixing a column."""
    if sort not in columns:
        raise LawGovError(f"不能按“{sort}”排序。")
    direction = "DESC" if descending else "ASC"
    return ", ".join(f"{column} {direction}" for column in (*fixed, columns[sort], tiebreak))


def _text_clause(conn: sqlite3.Connection, table: str, alias: str, text: str, where: list[str],
                 params: list[Any]) -> None:
    words = search_words(text)
    if words:
        clause, values = dialect_of(conn).text_search(table, alias, words)
        where.append(clause)
        params.extend(values)


def _item_where(conn: sqlite3.Connection, alias: str, search_table: str, flt: ListFilter,
                chosen: tuple[tuple[str, tuple[Any, ...]], ...]) -> tuple[list[str], list[Any]]:
    """What narrows licence items and powers alike: the version, main items only, the text, and the
    values chosen for columns (departments and ``chosen``: (column, values) pairs)."""
    # "= ?" and "IS NULL", not "IS ?": PostgreSQL's IS NOT DISTINCT FROM can use no index.
    where = [f"{alias}.version_id IS NULL" if flt.version_id is None else f"{alias}.version_id = ?"]
    params: list[Any] = [] if flt.version_id is None else [flt.version_id]
    if not flt.include_sub_items:
        where.append(f"{alias}.parent_id IS NULL")
    for column, values in (("department_id", flt.department_ids), *chosen):
        if values:
            where.append(f"{alias}.{column} IN ({_placeholders(values)})")
            params.extend(values)
    if flt.law_ids:  # through the citation rows kept per record (core.citation_rows)
        column = RECORD_COLUMNS[LICENCE if alias == "li" else POWER]
        article = "" if flt.law_article is None else " AND c.article = ?"
        where.append(f"{alias}.id IN (SELECT c.{column} FROM citation c WHERE c.law_id IN"
                     f" ({_placeholders(flt.law_ids)}){article})")
        params.extend((*flt.law_ids, *(() if flt.law_article is None else (flt.law_article,))))
    _text_clause(conn, search_table, alias, flt.text, where, params)
    return where, params


def _fixed(alias: str, flt: ListFilter) -> tuple[str, ...]:
    """The columns ``_item_where`` holds at one value, in the order of the lists' indexes."""
    return (f"{alias}.version_id",) if flt.include_sub_items else (f"{alias}.version_id", f"{alias}.parent_id")


def _licence_where(conn: sqlite3.Connection, flt: ListFilter) -> tuple[str, list[Any]]:
    where, params = _item_where(conn, "li", "licence_search", flt,
                                (("part", flt.parts), ("level", flt.levels), ("status", flt.statuses)))
    return " AND ".join(where), params


def _power_where(conn: sqlite3.Connection, flt: ListFilter) -> tuple[str, list[Any]]:
    where, params = _item_where(conn, "p", "power_search", flt, (("power_type", flt.power_types), ("status", flt.statuses)))
    delegation_terms: list[str] = []
    _within_regions(conn, "dl.region_id", flt.region_ids, delegation_terms, params)
    if flt.batch_ids:
        delegation_terms.append(f"dl.batch_id IN ({_placeholders(flt.batch_ids)})")
        params.extend(flt.batch_ids)
    if delegation_terms:
        where.append("p.id IN (SELECT dl.power_id FROM delegation dl WHERE "
                     + " AND ".join(delegation_terms) + ")")
    return " AND ".join(where), params


def _like(text: str) -> str:
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _page(conn: sqlite3.Connection, select: str, source: str, where: list[str], params: list[Any],
          order: str, offset: int, limit: int, count_source: str | None = None) -> Page:
    """Count every row the filter selects, then fetch one ordered page of them; ``count_source`` is
    the same rows without the joins that only add columns (PostgreSQL would join every row to count)."""
    condition = f"WHERE {' AND '.join(where) or '1=1'}"
    base = f"FROM {source} {condition}"
    total = conn.execute(f"SELECT count(*) FROM {count_source or source} {condition}", params).fetchone()[0]
    rows = conn.execute(f"SELECT {select} {base} ORDER BY {order} LIMIT ? OFFSET ?",
                        [*params, limit, offset]).fetchall()
    return Page([dict(row) for row in rows], total, offset)


def _like_any(text: str, expressions: tuple[str, ...]) -> tuple[list[str], list[Any]]:
    """The where terms and parameters of a substring match over a few short columns (departments,
    regions: no index needed); none for an empty text.  The caller may add terms of its own."""
    if not text.strip():
        return [], []
    return (["(" + " OR ".join(f"{e} LIKE ? ESCAPE '\\'" for e in expressions) + ")"],
            [_like(text)] * len(expressions))


def query_licence(conn: sqlite3.Connection, flt: ListFilter, sort: str = "position",
                  descending: bool = False, offset: int = 0, limit: int = 50) -> Page:
    """Licence items (main items unless ``include_sub_items``), each with its sub-item count."""
    where, params = _licence_where(conn, flt)
    page = _items_page(conn, LICENCE, "licence_item", "li", where, params,
                       _order(sort, descending, _LICENCE_SORT, "li.id", _fixed("li", flt)), offset, limit)
    counts = _sub_item_counts(conn, "licence_item", page)
    for row in page.rows:
        row["sub_item_count"] = counts.get(row["id"], 0)
    return page


def _items_page(conn: sqlite3.Connection, kind: str, table: str, alias: str, where: str, params: list[Any],
                order: str, offset: int, limit: int) -> Page:
    """A page of licence items or powers: their stored columns, department name, version and time."""
    return _page(
        conn,
        f"{alias}.id, {_stored(kind, alias)}, d.name AS department, {alias}.version_id, {alias}.updated_at",
        f"{table} {alias} JOIN department d ON d.id = {alias}.department_id", [where], params, order, offset, limit,
        count_source=f"{table} {alias}")  # every record has its department (NOT NULL, a foreign key)


def _sub_item_counts(conn: sqlite3.Connection, table: str, page: Page) -> dict[int, int]:
    """How many sub-items each main item on the page has (none listed: none)."""
    ids = tuple(row["id"] for row in page.rows)
    if not ids:
        return {}
    return dict(conn.execute(
        f"SELECT parent_id, count(*) FROM {table} WHERE parent_id IN ({_placeholders(ids)}) GROUP BY parent_id",
        ids).fetchall())


def query_power(conn: sqlite3.Connection, flt: ListFilter, sort: str = "position",
                descending: bool = False, offset: int = 0, limit: int = 50) -> Page:
    """Powers (main items unless ``include_sub_items``), each with its sub-item count, its extra
    columns as ``extra`` and its receiving townships and batches joined for display."""
    where, params = _power_where(conn, flt)
    page = _items_page(conn, POWER, "power", "p", where, params, _order(sort, descending, _POWER_SORT, "p.id", _fixed("p", flt)),
                       offset, limit)
    ids = tuple(row["id"] for row in page.rows)
    for row in page.rows:
        row["extra"] = extra_from_json(row.pop("extra_json"))
    if ids:
        counts = _sub_item_counts(conn, "power", page)
        receiving: dict[int, list[str]] = {}
        batches: dict[int, list[str]] = {}
        for power_id, region, batch in conn.execute(
            "SELECT dl.power_id, r.name, b.name FROM delegation dl JOIN region r ON r.id = dl.region_id"
            " LEFT JOIN batch b ON b.id = dl.batch_id"
            f" WHERE dl.power_id IN ({_placeholders(ids)}) ORDER BY dl.power_id, b.position, r.position, r.id",
            ids,
        ):
            names = receiving.setdefault(power_id, [])
            if region not in names:
                names.append(region)
            batch_names = batches.setdefault(power_id, [])
            if batch and batch not in batch_names:
                batch_names.append(batch)
        for row in page.rows:
            row["sub_item_count"] = counts.get(row["id"], 0)
            row["receiving"] = "、".join(receiving.get(row["id"], []))
            row["batches"] = "、".join(batches.get(row["id"], []))
    return page


def query_department(conn: sqlite3.Connection, flt: ListFilter, sort: str = "name",
                     descending: bool = False, offset: int = 0, limit: int = 50) -> Page:
    """Departments with their aliases and how many items and powers they hold."""
    where, params = _like_any(
        flt.text, ("dp.name",
                   f"(SELECT {dialect_of(conn).joined('alias')} FROM department_alias WHERE department_id = dp.id)"))
    if flt.levels:
        where.append(f"dp.level IN ({_placeholders(flt.levels)})")
        params.extend(flt.levels)
    _within_regions(conn, "dp.region_id", flt.region_ids, where, params)
    return _page(
        conn,
        f"dp.id, {_stored(DEPARTMENT, 'dp')}, r.name AS region,"
        f" (SELECT {dialect_of(conn).joined('alias', '、')} FROM department_alias a WHERE a.department_id = dp.id)"
        " AS aliases,"
        " (SELECT count(*) FROM licence_item li WHERE li.department_id = dp.id AND li.version_id IS NULL"
        "  AND li.parent_id IS NULL) AS licence_count,"
        " (SELECT count(*) FROM power p WHERE p.department_id = dp.id AND p.version_id IS NULL"
        "  AND p.parent_id IS NULL) AS power_count",
        "department dp LEFT JOIN region r ON r.id = dp.region_id", where, params,
        _order(sort, descending, _DEPARTMENT_SORT, "dp.id"), offset, limit)


def query_region(conn: sqlite3.Connection, flt: ListFilter, sort: str = "position",
                 descending: bool = False, offset: int = 0, limit: int = 50) -> Page:
    """Regions (flat, with parent name and aliases); ``region_tree`` gives the tree."""
    where, params = _like_any(
        flt.text, ("r.name", "r.code",
                   f"(SELECT {dialect_of(conn).joined('alias')} FROM region_alias WHERE region_id = r.id)"))
    _within_regions(conn, "r.id", flt.region_ids, where, params)
    return _page(
        conn,
        f"r.id, {_stored(REGION, 'r')}, pr.name AS parent,"
        f" (SELECT {dialect_of(conn).joined('alias', '、')} FROM region_alias a WHERE a.region_id = r.id) AS aliases",
        "region r LEFT JOIN region pr ON pr.id = r.parent_id", where, params,
        _order(sort, descending, _REGION_SORT, "r.id"), offset, limit)


def query_imports(conn: sqlite3.Connection, flt: ListFilter, sort: str = "at",
                  descending: bool = True, offset: int = 0, limit: int = 50) -> Page:
    """The import history, newest first."""
    where, params = _like_any(flt.text, ("ir.file_name", "ir.sheet"))
    return _page(
        conn,
        "ir.id, ir.at, ir.\"user\", ir.file_name, ir.file_sha256, ir.sheet, ir.kind, ir.mode, ir.inserted, ir.updated,"
        " ir.unchanged, ir.rejected, ir.warnings_json, ir.rejected_json, ir.undone_at, ir.backup_path",
        "import_record ir", where, params, _order(sort, descending, _IMPORT_SORT, "ir.id"), offset, limit)


def query_batch(conn: sqlite3.Connection, flt: ListFilter, sort: str = "position",
                descending: bool = False, offset: int = 0, limit: int = 50) -> Page:
    """Batches with the number of distinct powers delegated in each."""
    where, params = _like_any(flt.text, ("b.name",))
    return _page(
        conn,
        f"b.id, {_stored(BATCH, 'b')},"
        " (SELECT count(DISTINCT dl.power_id) FROM delegation dl WHERE dl.batch_id = b.id) AS power_count",
        "batch b", where, params, _order(sort, descending, _BATCH_SORT, "b.id"), offset, limit)


QUERIES = {
    LICENCE: query_licence,
    POWER: query_power,
    DEPARTMENT: query_department,
    REGION: query_region,
    IMPORTS: query_imports,
    BATCH: query_batch,
}


def query(conn: sqlite3.Connection, kind: str, flt: ListFilter | None = None, *, sort: str | None = None,
          descending: bool | None = None, offset: int = 0, limit: int = 50) -> Page:
    """One page of any list; ``sort`` defaults to the list's own order."""
    if kind not in QUERIES:
        raise LawGovError(f"未知的列表类型“{kind}”。")
    function = QUERIES[kind]
    kwargs: dict[str, Any] = {"offset": max(0, offset), "limit": max(0, limit)}
    if sort is not None:
        kwargs["sort"] = sort
    if descending is not None:
        kwargs["descending"] = descending
    return function(conn, flt or ListFilter(), **kwargs)


def region_tree(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """All regions as nested dicts (``children`` lists), roots first, in shipped order."""
    rows = [dict(row) for row in conn.execute(
        "SELECT r.id, r.name, r.code, r.kind, r.parent_id,"
        f" (SELECT {dialect_of(conn).joined('alias', '、')} FROM region_alias a WHERE a.region_id = r.id) AS aliases"
        " FROM region r ORDER BY r.position, r.id")]
    by_id = {row["id"]: {**row, "children": []} for row in rows}
    roots = []
    for row in rows:
        node = by_id[row["id"]]
        parent = by_id.get(row["parent_id"]) if row["parent_id"] else None
        (parent["children"] if parent else roots).append(node)
    return roots
