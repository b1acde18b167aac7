"""Turn a raw sheet grid into records: find the header, map columns to fields, read the rows.

Hand-made lists put a title, "附件1" and "填报单位" above the header, spread the header over two or
three merged rows, merge the department and the main item down over many rows, insert part rows
("一、…（共439项）") and subtotal rows, and end with footnotes.  This module undoes all of that and
gives plain records with Chinese warnings and rejected rows; matching them against the database is
``plan.py``'s job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from lawgov_desktop.core import fields as f
from lawgov_desktop.core.errors import ImportFileError
from lawgov_desktop.core.layouts import FIELDS_BY_KIND
from lawgov_desktop.core.records import name_key
from lawgov_desktop.core.text import (
    CODE_FIELDS,
    DATE_FIELDS,
    DOCUMENT_NUMBER_FIELDS,
    MULTILINE_FIELDS,
    cell_text,
    code_lost_digits,
    code_text,
    normalise_doc_number,
    parse_date,
    text,
)
from lawgov_desktop.importers import responsibilities
from lawgov_desktop.importers.readers import Sheet
from lawgov_desktop.importers.values import header_key, split_regions

HEADER_SCAN_ROWS = 30
MAX_HEADER_ROWS = 3
MAX_HEADER_COLUMNS = 200
MIN_HEADER_MATCHES = 2

# Fields of which every matching column is read, the values joined one per line (设定依据 and
# 实施依据 are both the legal basis); another field reads its best-matching column only.
JOINED_FIELDS = frozenset({*MULTILINE_FIELDS, "handling_office", "level_scope"})
LIST_FIELDS = frozenset({"receiving", "aliases"})
# A 权责清单 column kept under its own header is mapped to "extra:<header>" (detected, or by hand).
EXTRA_FIELD = "extra:"

_BATCH = re.compile(r"第\s*([一二三四五六七八九十0-9]{1,3})\s*批")
_COUNT = re.compile(r"共\s*(\d+)\s*(?:项|个|条)")
_SUBHEADING = re.compile(r"^[(（][一二三四五六七八九十]+[)）]")
_FOOTNOTE = re.compile(r"^(?:注|说明|备注|附注)\s*[0-9一二三四五六七八九十]*\s*[:：]")
_SUBTOTAL = re.compile(r"^(?:合计|小计|总计|共计)")
_ATTACHMENT = re.compile(r"^附\s*件\s*[0-9一二三四五六七八九十]*$")
_FORM_LINE = re.compile(r"^(?:填报|报送|制表|编制)(?:单位|人|日期|时间)|盖章|^(?:日期|时间)\s*[:：]|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_BRACKETED = re.compile(r"\([^()]*\)")


@dataclass(slots=True)
class ParsedRecord:
    """One record read from a sheet: normalised fields, the raw cell texts, and sub-items."""

    row_number: int  # 1-based, as Excel shows it
    fields: dict[str, object]
    original: dict[str, str] = field(default_factory=dict)
    sub_items: list[ParsedRecord] = field(default_factory=list)


@dataclass
class RowProblem:
    """A row that could not become a record, with the reason in Chinese and its raw cells."""

    sheet: str
    row: int  # 1-based
    reason: str
    cells: list[object] = field(default_factory=list)


@dataclass
class ShapedSheet:
    """The outcome of reading one sheet, ready for matching against the library."""

    sheet_name: str
    kind: str
    header_row_index: int  # 0-based index of the first header row
    header_rows: int
    columns: dict[int, str]  # column index → field key
    headers: dict[int, str]  # column index → header text as shown (group/sub joined by "/")
    unmapped_headers: list[str]
    confidence: float
    records: list[ParsedRecord]
    warnings: list[str]
    rejected: list[RowProblem]
    title: str | None = None
    batch: str | None = None
    part: str | None = None  # part named above the header, if any
    stated_total: int | None = None  # "（共210项）" in the title


@dataclass
class _Band:
    start: int
    height: int
    keys: dict[int, list[str]]  # column → header_key of each band row (deduplicated)
    texts: dict[int, str]  # column → display text


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, dict[str, str]]:
    """header_key(synonym) → {kind: field key}, from the shared vocabulary."""
    table: dict[str, dict[str, str]] = {}
    for kind, specs in FIELDS_BY_KIND.items():
        for spec in specs:
            for header in (spec.label, *spec.headers):
                table.setdefault(header_key(header), {})[kind] = spec.key
    return table


@lru_cache(maxsize=1)
def _contained_synonyms() -> tuple[str, ...]:
    """Synonyms long enough to be recognised inside a longer header, longest first."""
    return tuple(sorted((k for k in _synonyms() if len(k) >= 4), key=len, reverse=True))


def _exact_match(parts: list[str], table: Mapping[str, dict[str, str]]) -> dict[str, str] | None:
    """Kinds → field for a column's header parts: whole text, then each row bottom-up, then
    without bracketed notes ("承接主体（镇街）")."""
    if not parts:
        return None
    joined = "".join(parts)
    for candidate in (joined, *reversed(parts)):
        if candidate in table:
            return table[candidate]
    for candidate in (joined, *reversed(parts)):
        stripped = _BRACKETED.sub("", candidate)
        if stripped and stripped in table:
            return table[stripped]
    return None


def _loose_match(parts: list[str]) -> dict[str, str] | None:
    """A known header inside a longer one ("实施依据（法律法规名称及条款）说明") as a last resort."""
    joined = "".join(parts)
    for synonym in _contained_synonyms():
        if synonym in joined:
            return _synonyms()[synonym]
    return None


def _header_grid(sheet: Sheet, limit: int) -> list[list[object]]:
    """The top rows with every merged range expanded, so a group header covers its columns."""
    grid = [list(row[:MAX_HEADER_COLUMNS]) for row in sheet.rows[:limit]]
    for r1, c1, r2, c2 in sheet.merged:
        if r1 >= limit or c1 >= MAX_HEADER_COLUMNS:
            continue
        value = sheet.value(r1, c1)
        if value is None:
            continue
        for r in range(r1, min(r2, limit - 1) + 1):
            row = grid[r]
            last = min(c2, MAX_HEADER_COLUMNS - 1)
            if len(row) <= last:
                row.extend([None] * (last + 1 - len(row)))
            for c in range(c1, last + 1):
                row[c] = value
    return grid


def _band(grid: list[list[object]], start: int, height: int,
          cells: dict[object, tuple[str, str]] | None = None) -> _Band:
    """The header texts of rows ``start``…``start + height``; ``cells`` remembers each cell's key
    and text across the candidate bands of one sheet (long data cells cost a normalisation each)."""
    keys: dict[int, list[str]] = {}
    texts: dict[int, str] = {}
    rows = grid[start:start + height]
    width = max((len(row) for row in rows), default=0)
    cells = {} if cells is None else cells
    for col in range(width):
        col_keys: list[str] = []
        col_texts: list[str] = []
        for row in rows:
            value = row[col] if col < len(row) else None
            known = cells.get(value)
            if known is None:
                known = cells[value] = (header_key(value), "".join(text(value).split()))
            key = known[0]
            if key and (not col_keys or col_keys[-1] != key):
                col_keys.append(key)
                col_texts.append(known[1])
        if col_keys:
            keys[col] = col_keys
            texts[col] = "/".join(col_texts)
    return _Band(start, height, keys, texts)


def mapping_headers(mapping: Mapping[object, str] | None, kind: str | None) -> dict[str, dict[str, str]]:
    """The header texts of a mapping (a saved template, ``--map``) as synonyms for finding the header,
    so that a header only the clerk's mapping names is still found — here and in the wizard's columns."""
    custom: dict[str, dict[str, str]] = {}
    for key, field_key in (mapping or {}).items():
        if isinstance(key, str) and field_key:
            kinds = [kind] if kind else [k for k, specs in FIELDS_BY_KIND.items()
                                         if any(spec.key == field_key for spec in specs)]
            custom[header_key(key)] = {k: field_key for k in kinds}
    return custom


def find_header(sheet: Sheet, extra: Mapping[str, dict[str, str]] | None = None) -> _Band | None:
    """The header band: the 1–3 rows among the first 30 whose columns match the most synonyms.

    Ties go to the shorter band (a title or the first data row adds nothing) and then the higher
    one.  A group header ("赋权事项" merged over "事项名称" and "事项编码") wins with its sub-row
    because only together do their columns match.
    """
    table = {**_synonyms(), **(extra or {})}
    limit = min(len(sheet.rows), HEADER_SCAN_ROWS + MAX_HEADER_ROWS)
    grid = _header_grid(sheet, limit)
    cells: dict[object, tuple[str, str]] = {}
    best: tuple[int, int, int] | None = None
    best_band = None
    for start in range(min(len(grid), HEADER_SCAN_ROWS)):
        if not any(v is not None for v in grid[start]):
            continue
        for height in range(1, MAX_HEADER_ROWS + 1):
            if start + height > len(grid):
                break
            band = _band(grid, start, height, cells)
            score = sum(1 for parts in band.keys.values() if _exact_match(parts, table))
            rank = (score, -height, -start)
            if score >= MIN_HEADER_MATCHES and (best is None or rank > best):
                best, best_band = rank, band
    if best_band is None:
        return None
    # Merged cells copy "序号" down into the last header row, so that row alone matches as well as
    # the whole band; rows above joined to it by a vertical merge are header rows too.
    start, height = best_band.start, best_band.height
    while height < MAX_HEADER_ROWS and start > 0 and any(
            r1 < start <= r2 for r1, _c1, r2, _c2 in sheet.merged):
        start -= 1
        height += 1
    return best_band if start == best_band.start else _band(grid, start, height, cells)


def header_signature(sheet: Sheet) -> str:
    """The detected header texts as one stable string, to offer a saved mapping template again
    for workbooks with the same headers (e.g. each county's own layout)."""
    band = find_header(sheet)
    if band is None:  # headers nobody recognises are exactly what templates are for: use the first row
        first = next((row for row in sheet.rows if any(cell not in (None, "") for cell in row)), None)
        if first is None:
            raise ImportFileError(_NO_HEADER, sheet=sheet.name)
        return "|".join(header_key(cell) if cell is not None else "" for cell in first)
    width = max(band.keys, default=-1) + 1
    return "|".join("/".join(band.keys.get(col, [])) for col in range(width))


_NO_HEADER = ("未找到可识别的表头：前30行中没有“事项名称”“主管部门”“承接主体”“部门名称”等列名。"
              "请确认选对了工作表，或手工指定各列对应的字段")


def _kind_scores(band: _Band, table: Mapping[str, dict[str, str]]) -> dict[str, tuple[bool, float]]:
    """How well each kind explains the header: first whether its required columns are all there,
    then a score where a synonym only one kind uses counts fully and a shared one ("事项名称",
    "备注", "实施单位") a little."""
    scores = dict.fromkeys(FIELDS_BY_KIND, 0.0)
    found: dict[str, set[str]] = {kind: set() for kind in FIELDS_BY_KIND}
    for parts in band.keys.values():
        match = _exact_match(parts, table) or _loose_match(parts)
        if match:
            weight = 1.0 if len(match) == 1 else 0.4
            for kind, field_key in match.items():
                if kind in scores:
                    scores[kind] += weight
                    found[kind].add(field_key)
    return {kind: (all(spec.key in found[kind] for spec in FIELDS_BY_KIND[kind] if spec.required),
                   scores[kind]) for kind in scores}


def _looks_like_responsibility_list(band: _Band, table: Mapping[str, dict[str, str]], sheet_name: str) -> bool:
    """A 权责清单: a power type column (权力类型/职权类型) or a sheet named by type, and no
    township column (a delegation list also has 职权类型, but says to whom each power goes)."""
    found = set()
    for parts in band.keys.values():
        match = _exact_match(parts, table) or _loose_match(parts) or {}
        if f.RESPONSIBILITY in match:
            found.add(match[f.RESPONSIBILITY])
        if match.get(f.POWER) == "receiving":
            return False
    typed = "power_type" in found or responsibilities.sheet_type(sheet_name).power_type is not None
    return typed and "name" in found and bool(found & {"department", "affiliation", "handling_office"})


def _batch_name(value: str) -> str | None:
    """"第2批" and "第二批" are the same batch: numerals are written the Chinese way."""
    m = _BATCH.search(value)
    if not m:
        return None
    number = m.group(1)
    if number.isdigit():
        n = int(number)
        digits = "零一二三四五六七八九"
        if n < 10:
            number = digits[n]
        elif n < 100:
            number = ("" if n < 20 else digits[n // 10]) + "十" + (digits[n % 10] if n % 10 else "")
    return f"第{number}批"


class _Shaper:
    """One pass over one sheet; kept as an object only to share state between small steps."""

    def __init__(self, sheet: Sheet, kind: str | None, mapping: Mapping[object, str] | None,
                 file_name: str | None) -> None:
        self.sheet = sheet
        self.file_name = file_name
        self.warnings: list[str] = []
        self.rejected: list[RowProblem] = []
        self.notes = _CellNotes(sheet.name)
        custom = mapping_headers(mapping, kind)
        self.table = {**_synonyms(), **custom}
        band = find_header(sheet, custom)
        if band is None:
            raise self._error(_NO_HEADER)
        self.band = band
        scores = _kind_scores(band, self.table)
        is_responsibility_list = _looks_like_responsibility_list(band, self.table, sheet.name)
        # The kind asked for (``--kind items`` takes a 权责清单's licence items into the catalogue).
        self.requested_kind = kind
        if kind is None:
            others = {k: score for k, score in scores.items() if k != f.RESPONSIBILITY}
            kind = f.RESPONSIBILITY if is_responsibility_list else max(others, key=lambda k: others[k])
            if scores[kind][1] == 0:
                raise self._error(_NO_HEADER)
        elif kind not in FIELDS_BY_KIND:
            raise self._error(f"不支持的清单类型“{kind}”")
        elif kind in (f.LICENCE, f.POWER) and is_responsibility_list and not scores[kind][0]:
            kind = f.RESPONSIBILITY  # a 权责清单 read as powers, or for its licence items
        self.kind = kind
        self.specs = {spec.key: spec for spec in FIELDS_BY_KIND[kind]}
        self.notes.labels = {spec.key: spec.label for spec in self.specs.values()}
        self.ignored: set[int] = set()  # columns a mapping says not to import
        self.columns = self._map_columns(mapping)
        # Power columns nobody maps are kept under their own header (col → header text).
        self.extra_columns: dict[int, str] = {}
        if kind == f.RESPONSIBILITY or (kind == f.POWER and mapping is None):
            self._responsibility_columns(mapping is not None)
        # Share of header columns understood, lowered when another kind explains them as well.
        runner_up = max((score for k, score in scores.items() if k != kind), default=(False, 0.0))
        mapped_share = len(self.columns) / max(len(band.keys), 1)
        self.confidence = round(mapped_share * (0.6 if runner_up >= scores[kind] else 1.0), 2)
        missing = [spec.label for spec in self.specs.values()
                   if spec.required and spec.key not in self.columns.values()]
        if missing:
            raise self._error(
                f"缺少必需的列：{'、'.join(missing)}（作为{f.KIND_LABELS[kind]}读取；"
                f"识别到的表头：{'、'.join(band.texts.values())}）")

    def _error(self, message: str) -> ImportFileError:
        return ImportFileError(message, file=self.file_name, sheet=self.sheet.name)

    def _map_columns(self, mapping: Mapping[object, str] | None) -> dict[int, str]:
        band, kind = self.band, self.kind
        columns: dict[int, str] = {}
        strength: dict[str, int] = {}
        if mapping is not None:
            wanted = {header_key(k) if isinstance(k, str) else k: v for k, v in mapping.items()}
            for col, parts in band.keys.items():
                for candidate in (col, "".join(parts), *reversed(parts)):
                    if candidate in wanted:
                        if wanted[candidate]:
                            columns[col] = wanted[candidate]
                        else:
                            self.ignored.add(col)
                        break
            for key, field_key in wanted.items():
                if isinstance(key, int) and field_key:
                    columns[key] = field_key
            unknown = sorted(key for key in set(columns.values()) - set(self.specs)
                             if not (kind == f.RESPONSIBILITY and key.startswith(EXTRA_FIELD)))
            if unknown:
                raise self._error(f"列对应关系中有{f.KIND_LABELS[kind]}没有的字段：{'、'.join(unknown)}")
            return dict(sorted(columns.items()))
        for col, parts in sorted(band.keys.items()):
            exact = _exact_match(parts, self.table)
            match = exact if exact and kind in exact else _loose_match(parts)
            if not match or kind not in match:
                continue
            field_key = match[kind]
            level = 1 if exact else 0
            if field_key in strength and field_key not in JOINED_FIELDS:
                if kind == f.RESPONSIBILITY and columns.get(col - 1) == field_key and band.keys.get(col - 1) == parts:
                    continue  # one header over two columns: ``_responsibility_columns`` reads the second
                if level <= strength[field_key]:
                    first = next(c for c, k in columns.items() if k == field_key)
                    self.warnings.append(
                        f"工作表“{self.sheet.name}”第{column_letter(col)}列“{band.texts[col]}”与第"
                        f"{column_letter(first)}列都像“{self.specs[field_key].label}”，只读取了第{column_letter(first)}列")
                    continue
                columns = {c: k for c, k in columns.items() if k != field_key}
            columns[col] = field_key
            strength[field_key] = max(level, strength.get(field_key, 0))
        return dict(sorted(columns.items()))

    def _responsibility_columns(self, mapped_by_hand: bool) -> None:
        """A 权责清单's second column under one header (实施层级及权限 written twice, or merged over
        two columns with the second cell blank) is the rest of that field: for the level, what the
        level may do.  Columns with a header nobody knows are kept as extra fields; columns with
        no header at all (helper columns) are ignored."""
        band = self.band
        if mapped_by_hand:  # extra columns the mapping names, under the header it gives
            self.extra_columns = {col: key.removeprefix(EXTRA_FIELD) for col, key in self.columns.items()
                                  if key.startswith(EXTRA_FIELD)}
            self.columns = {col: key for col, key in self.columns.items() if col not in self.extra_columns}
        width = max((len(row) for row in self.sheet.rows[band.start:band.start + band.height]), default=0)
        for col in range(1, width):
            left = self.columns.get(col - 1)
            if left is None or col in self.ignored or col in self.extra_columns:
                continue
            same_header = col in band.keys and band.keys[col] == band.keys.get(col - 1)
            blank_beside_pair = col not in band.keys and "及" in band.texts.get(col - 1, "")
            if (same_header or blank_beside_pair) and (col not in self.columns or self.columns[col] == left):
                self.columns[col] = "level_scope" if left == "level" else left
        self.columns = dict(sorted(self.columns.items()))
        if not mapped_by_hand:
            self.extra_columns = {col: band.texts[col] for col in sorted(band.keys) if col not in self.columns}

    def shape(self) -> ShapedSheet:
        band = self.band
        title, part, batch, stated_total, opening = self._above_header()
        data_start = band.start + band.height
        if self.kind == f.RESPONSIBILITY:
            return self._shape_responsibilities(title, data_start, part, opening)
        rows = self._filled_rows(data_start)
        records = self._read_rows(rows, data_start, part, batch, opening)
        if stated_total is not None and stated_total != len(records):
            self.warnings.append(
                f"工作表“{self.sheet.name}”标题写明共{stated_total}项，实际读到{len(records)}项")
        self._report_formulas(data_start)
        self.warnings.extend(self.notes.messages())
        unmapped = [band.texts[col] for col in sorted(band.keys) if col not in self.columns]
        return ShapedSheet(
            sheet_name=self.sheet.name, kind=self.kind, header_row_index=band.start,
            header_rows=band.height, columns=self.columns,
            headers={col: band.texts.get(col, "") for col in self.columns},
            unmapped_headers=unmapped, confidence=self.confidence, records=records,
            warnings=self.warnings, rejected=self.rejected, title=title, batch=batch, part=part,
            stated_total=stated_total)

    def _shape_responsibilities(self, title: str | None, data_start: int, part: str | None,
                                opening: tuple[int, str, int] | None) -> ShapedSheet:
        """A 权责清单 sheet: rows grouped into items and sub-items by ``responsibilities.group_rows``
        (merged cells are not copied down: a blank 序号 and name is what marks the rest of a
        record), the type from the cell or the sheet's name, the department from 行使主体, else
        隶属机构, else the title or the file name."""
        rows = self.sheet.rows
        plan, _sections = self._classify(rows, data_start, part, opening)
        keys = list(self.columns.values())
        cells_by_column = self._convert_columns(rows, plan)
        duplicated = {key for key in keys if keys.count(key) > 1}
        data_rows = []
        for (index, _part, _open), entries in zip(plan, zip(*cells_by_column, strict=True), strict=True):
            values = {key: entry[0] for key, entry in zip(keys, entries, strict=True) if entry[0] is not None}
            original = {key: entry[2] for key, entry in zip(keys, entries, strict=True) if entry[0] is not None}
            if duplicated:
                _join_duplicates(values, original, keys, entries, duplicated)
            row = rows[index]
            extra = {header: text(row[col], multiline=True) for col, header in self.extra_columns.items()
                     if col < len(row) and text(row[col])}
            if extra:
                values["extra"] = extra
            if values:
                data_rows.append(responsibilities.ResponsibilityRow(index + 1, values, original))
        items = responsibilities.group_rows(data_rows, sheet_name=self.sheet.name, warnings=self.warnings)
        by_sheet = responsibilities.sheet_type(self.sheet.name)
        headings = self._type_headings(rows, data_start, {index for index, _part, _open in plan})
        sheet_level = responsibilities.level_from_sheet(self.sheet.name)
        fallback_department = responsibilities.department_from_title(title, self.file_name)
        unknown_types: dict[str, int] = {}
        records = []
        for item in items:
            values = dict(item.values)
            self._settle_department(values, fallback_department)
            heading = headings.get(item.row_number - 1)
            power_type = text(values.get("power_type")) or (heading[0].power_type if heading else None) \
                or by_sheet.power_type
            if heading:
                heading[2].append(item.row_number)
            if power_type:
                power_type, known = f.power_type_from_text(power_type)
                values["power_type"] = power_type
                if not known:
                    unknown_types.setdefault(power_type, item.row_number)
            if sheet_level and not values.get("level"):
                values["level"] = sheet_level
            record = ParsedRecord(item.row_number, values, item.original)
            seen: set[str] = set()
            for sub in item.sub_items:
                name = text(sub.values.get("name"))
                if name_key(name) in seen:  # merged rows repeating a sub-item
                    continue
                seen.add(name_key(name))
                sub_values = {key: value for key, value in sub.values.items()
                              if value not in (None, "") and (key == "name" or value != values.get(key))}
                if "department" in sub_values:
                    self._settle_department(sub_values, None)
                if "power_type" in sub_values:
                    sub_values["power_type"] = f.power_type_from_text(text(sub_values["power_type"]))[0]
                record.sub_items.append(ParsedRecord(sub.row_number, sub_values, sub.original))
            records.append(record)
        for power_type, row_number in unknown_types.items():
            self.warnings.append(f"工作表“{self.sheet.name}”第{row_number}行等的权力类型“{power_type}”不是十类标准类型之一，"
                                 "已按原文保留")
        for stated, heading_row, counted in {id(h): h for h in headings.values()}.values():
            if stated.stated_count is not None and stated.stated_count != len(counted):
                self.warnings.append(f"工作表“{self.sheet.name}”第{heading_row}行写明{stated.power_type}共"
                                     f"{stated.stated_count}项，实际读到{len(counted)}项")
        if by_sheet.stated_count is not None and by_sheet.stated_count != len(records):
            self.warnings.append(f"工作表“{self.sheet.name}”名称写明{by_sheet.stated_count}项，实际读到{len(records)}项")
        self.warnings.extend(self.notes.messages())
        if self.requested_kind == f.LICENCE:
            records = _licence_items(records)
        unmapped = [self.band.texts[col] for col in sorted(self.band.keys)
                    if col not in self.columns and col not in self.extra_columns]
        columns = {**self.columns, **{col: f"{EXTRA_FIELD}{header}" for col, header in self.extra_columns.items()}}
        return ShapedSheet(
            sheet_name=self.sheet.name, kind=self.requested_kind if self.requested_kind == f.LICENCE else self.kind,
            header_row_index=self.band.start, header_rows=self.band.height, columns=dict(sorted(columns.items())),
            headers={col: self.band.texts.get(col, "") for col in columns}, unmapped_headers=unmapped,
            confidence=self.confidence, records=records, warnings=self.warnings, rejected=self.rejected,
            title=title, stated_total=by_sheet.stated_count)

    @staticmethod
    def _type_headings(rows: list[list[object]], data_start: int, data_rows: set[int],
                       ) -> dict[int, tuple[responsibilities.SheetType, int, list[int]]]:
        """One big sheet divided by heading rows ("一、行政许可（共17项）"): for each data row, the
        heading above it — its type and count, its row number, and the items counted under it."""
        found: dict[int, tuple[responsibilities.SheetType, int, list[int]]] = {}
        current = None
        for index in range(data_start, len(rows)):
            if index in data_rows:
                if current is not None:
                    found[index] = current
                continue
            filled = [value for value in rows[index] if value not in (None, "")]
            if filled and all(value == filled[0] for value in filled):
                said = responsibilities.heading_type(text(filled[0]))
                if said.power_type:
                    current = (said, index + 1, [])
        return found

    @staticmethod
    def _settle_department(values: dict[str, object], fallback: str | None) -> None:
        """行使主体's first line names the department (the trimmed cell), else 隶属机构, else the
        title's department; what else the cell said stays with the record as an extra field."""
        written = text(values.get("department"), multiline=True) or text(values.get("affiliation"), multiline=True)
        first = next((line.strip() for line in written.split("\n") if line.strip()), "") or (fallback or "")
        if first:
            values["department"] = first
        else:
            values.pop("department", None)
        if written and written != first:
            extra = values.setdefault("extra", {})
            assert isinstance(extra, dict)
            extra.setdefault("行使主体", written)

    def _above_header(self) -> tuple[str | None, str | None, str | None, int | None,
                                      tuple[int, str, int] | None]:
        """Title, part, batch, grand total and an opening part heading with its count, from the
        rows above the header (and the batch from the sheet name first)."""
        title = part = None
        stated_total = None
        opening = None
        batch = _batch_name(self.sheet.name)
        for index, row in enumerate(self.sheet.rows[:self.band.start]):
            for value in row:
                s = text(value)
                if not s or _ATTACHMENT.match(s) or _FORM_LINE.search(s):
                    continue
                count = _COUNT.search(s)
                if title is None and len(s) >= 4:
                    title = s
                    stated_total = int(count.group(1)) if count else None
                elif count and (responsibilities.HEADING_NUMBER.match(s) or f.part_from_text(s)):
                    opening = (index + 1, s, int(count.group(1)))
                part = f.part_from_text(s) or part
                batch = batch or _batch_name(s)
        return title, part, batch, stated_total, opening

    def _filled_rows(self, data_start: int) -> list[list[object]]:
        """Rows with each vertically merged range's value copied down (department, main item…).

        A row that holds nothing of its own — only the lower halves of ranges merged over it and
        the row above, as when every cell of a record spans two rows — stays empty: copying into
        it would read the record twice.
        """
        source = self.sheet.rows
        rows = list(source)
        copied: set[int] = set()
        for r1, c1, r2, _c2 in self.sheet.merged:
            if r2 <= r1 or r1 < data_start:
                continue
            value = self.sheet.value(r1, c1)
            if value is None:
                continue
            for r in range(r1 + 1, min(r2, len(rows) - 1) + 1):
                if r not in copied:
                    rows[r] = list(source[r])
                    copied.add(r)
                row = rows[r]
                if len(row) <= c1:
                    row.extend([None] * (c1 + 1 - len(row)))
                row[c1] = value
        for r in copied:
            if not any(cell is not None for cell in source[r]):
                rows[r] = []
        return rows

    def _read_rows(self, rows: list[list[object]], data_start: int, part: str | None,
                   batch: str | None, opening: tuple[int, str, int] | None) -> list[ParsedRecord]:
        """Classify the rows, convert the data cells column by column, then build the records."""
        plan, sections = self._classify(rows, data_start, part, opening)
        keys = list(self.columns.values())
        cells_by_column = self._convert_columns(rows, plan)
        duplicated = {key for key in keys if keys.count(key) > 1}
        list_keys = [key for key in dict.fromkeys(keys) if key in LIST_FIELDS]
        required = [spec for spec in self.specs.values() if spec.required]
        required_keys = {spec.key for spec in required}
        groups = _LicenceGroups(self) if self.kind == f.LICENCE else None
        flat: list[ParsedRecord] = []
        for (index, row_part, open_sections), entries in zip(plan, zip(*cells_by_column, strict=True), strict=True):
            values = {key: entry[0] for key, entry in zip(keys, entries, strict=True) if entry[0] is not None}
            if not values:
                continue
            original = {key: entry[2] for key, entry in zip(keys, entries, strict=True) if entry[0] is not None}
            if duplicated:
                _join_duplicates(values, original, keys, entries, duplicated)
            for key in list_keys:  # lists are shared by the cache: each record gets its own
                if key in values:
                    values[key] = list(values[key])
            if groups is not None:
                if row_part and "part" not in values:
                    values["part"] = row_part
                entries = responsibilities.split_sub_items(values["sub_item"]) if "sub_item" in values else []
                if "sub_item" in values and not entries:  # "无": no sub-item
                    del values["sub_item"]
                elif len(entries) == 1:
                    values["sub_item"] = entries[0]  # without its number: "2.易地建设审批"
                if "sub_item" in values and "name" not in values:
                    groups.inherit_main(values)
            elif self.kind == f.POWER:
                if batch and "batch" not in values:
                    values["batch"] = batch
                if "sub_item" in values:  # a power's sub-item row, as our own export writes it
                    entries = responsibilities.split_sub_items(values["sub_item"])
                    if entries:
                        values["sub_item"] = " ".join(entries)
                    else:
                        del values["sub_item"]
                if self.extra_columns:
                    row = rows[index]
                    extra = {header: text(row[col], multiline=True) for col, header in self.extra_columns.items()
                             if col < len(row) and row[col] is not None and text(row[col])}
                    if extra:
                        values["extra"] = extra
            if not required_keys <= values.keys():
                missing = [spec.label for spec in required if spec.key not in values]
                self.rejected.append(RowProblem(self.sheet.name, index + 1,
                                                f"缺少必填项：{'、'.join(missing)}", list(rows[index])))
                continue
            record = ParsedRecord(index + 1, values, original)
            if groups is not None:
                starts_item = False
                # A cell naming several sub-items ("1.… 2.…") gives one record each.
                for entry in entries if len(entries) > 1 else [None]:
                    one = record if entry is None else ParsedRecord(index + 1, {**values, "sub_item": entry}, original)
                    starts_item = groups.add(one, rows[index]) or starts_item
            else:
                flat.append(record)
                starts_item = True
            if starts_item:
                for section in open_sections:
                    section[3] += 1
        for row_number, heading, stated, seen in sections:
            if stated != seen:
                self.warnings.append(f"工作表“{self.sheet.name}”第{row_number}行“{heading}”写明共{stated}项，"
                                     f"实际读到{seen}项")
        return groups.finish() if groups is not None else flat

    def _classify(self, rows: list[list[object]], data_start: int, part: str | None,
                  opening: tuple[int, str, int] | None,
                  ) -> tuple[list[tuple[int, str | None, tuple[list, ...]]], list[list]]:
        """Data rows as (index, part in force, open counted headings); headings, subtotals,
        footnotes, empty rows and repeated header rows are consumed here.

        A heading is a row with one text (usually merged across): "一、…（共439项）" opens a
        counted section at level 1, "（一）…（共20项）" at level 2; each section is
        [row number, heading, stated count, items seen].
        """
        name_col = next((c for c, k in self.columns.items() if k == "name"), None)
        name_header = header_key(self.band.texts.get(name_col, "")) if name_col is not None else ""
        sections: list[list] = []
        open_by_level: dict[int, list] = {}
        if opening is not None:
            open_by_level[1] = [*opening, 0]
            sections.append(open_by_level[1])
        open_now: tuple[list, ...] = tuple(open_by_level.values())
        plan = []
        in_footnotes = False
        for index in range(data_start, len(rows)):
            row = rows[index]
            filled = [v for v in row if v is not None]
            if not filled:
                continue
            if any(type(v) is str and _SUBTOTAL.match(v.lstrip()) for v in filled[:3]):
                continue
            first = filled[0]
            if all(v == first for v in filled):
                line = text(first)
                if in_footnotes or _FOOTNOTE.match(line):
                    in_footnotes = True
                    continue
                if responsibilities.HEADING_NUMBER.match(line) or f.part_from_text(line) or _COUNT.search(line):
                    level = 2 if _SUBHEADING.match(line) else 1
                    for closed in [lv for lv in open_by_level if lv >= level]:
                        del open_by_level[closed]
                    if (m := _COUNT.search(line)) is not None:
                        open_by_level[level] = [index + 1, line, int(m.group(1)), 0]
                        sections.append(open_by_level[level])
                    open_now = tuple(open_by_level.values())
                    if self.kind == f.LICENCE:
                        part = f.part_from_text(line) or part
                    continue
            if name_col is not None and _is_repeated_header(row, name_col, name_header):
                continue
            plan.append((index, part, open_now))
        return plan, sections

    def _convert_columns(self, rows: list[list[object]],
                         plan: list[tuple[int, str | None, tuple[list, ...]]]) -> list[list[tuple]]:
        """Each mapped column's cells of the data rows as (value or None, warning, raw text).

        Column by column so that each distinct value is normalised once and the per-cell work is
        a dictionary lookup inside a comprehension: this is the hot loop of an import.
        """
        width = max(self.columns) + 1
        data_rows = [rows[index] for index, _part, _sections in plan]
        # One transpose in C instead of a bounds check per cell.
        by_column = list(zip(*(row[:width] if len(row) >= width else row + [None] * (width - len(row))
                               for row in data_rows), strict=True)) if data_rows else []
        result = []
        for col, key in self.columns.items():
            column = _Column(_converter(key))
            seen, convert = column.seen, column.convert
            entries = [seen.get(v) or convert(v) for v in by_column[col]] if by_column else []
            if column.warned:
                for (index, _part, _sections), entry in zip(plan, entries, strict=True):
                    if entry[1]:
                        self.notes.add(key, entry[1], index + 1)
            result.append(entries)
        return result

    def _report_formulas(self, data_start: int) -> None:
        for row, col in self.sheet.formulas_without_value:
            if row >= data_start and col in self.columns:
                label = self.specs[self.columns[col]].label
                self.warnings.append(
                    f"工作表“{self.sheet.name}”第{row + 1}行“{label}”列是公式且没有计算结果"
                    "（请在 Excel/WPS 中打开并保存一次），已按空白处理")


class _LicenceGroups:
    """Licence lists: rows with the same department and main item name form one main item; rows
    with a sub-item become its sub-items.  Returns True from ``add`` when a new main item starts,
    which is what part headings count."""

    def __init__(self, shaper: _Shaper) -> None:
        self.shaper = shaper
        self.records: list[ParsedRecord] = []
        self.by_key: dict[tuple[object, object], ParsedRecord] = {}
        self.from_sub_rows: set[int] = set()
        self.last: ParsedRecord | None = None

    def inherit_main(self, values: dict[str, object]) -> None:
        """A sub-item row left the main item blank (not merged): it belongs to the item above."""
        if self.last is not None:
            for key in ("name", "department"):
                if key not in values and key in self.last.fields:
                    values[key] = self.last.fields[key]

    def add(self, record: ParsedRecord, cells: list[object]) -> bool:
        key = (record.fields.get("department"), record.fields.get("name"))
        main = self.by_key.get(key)
        if "sub_item" in record.fields:
            if main is None:
                main = ParsedRecord(record.row_number, {}, {})
                self.by_key[key] = main
                self.records.append(main)
                self.from_sub_rows.add(id(main))
                self.last = main
                main.sub_items.append(record)
                return True
            main.sub_items.append(record)
            return False
        if main is not None:
            self.shaper.rejected.append(RowProblem(
                self.shaper.sheet.name, record.row_number,
                f"与第{main.row_number}行重复（主管部门和事项名称都相同）", list(cells)))
            return False
        self.by_key[key] = record
        self.records.append(record)
        self.last = record
        return True

    def finish(self) -> list[ParsedRecord]:
        """A main item read only from its sub-item rows keeps the fields all of them agree on
        (what the merged cells said), without the sub-item name itself."""
        for main in self.records:
            if id(main) not in self.from_sub_rows:
                continue
            first, *others = main.sub_items
            for key, value in first.fields.items():
                if key != "sub_item" and all(o.fields.get(key) == value for o in others):
                    main.fields[key] = value
                    if key in first.original:
                        main.original[key] = first.original[key]
            if "legal_basis" not in main.fields:
                # Each sub-item row cites its own laws: the main item cites them all, once each.
                laws = dict.fromkeys(str(sub.fields["legal_basis"]) for sub in main.sub_items
                                     if sub.fields.get("legal_basis"))
                if laws:
                    main.fields["legal_basis"] = "\n".join(laws)
        return self.records


def _licence_items(records: list[ParsedRecord]) -> list[ParsedRecord]:
    """A 权责清单's 行政许可 items as licence catalogue records: 主管部门 and 实施机关 from 行使主体,
    设定和实施依据 from 实施依据, the sub-items with them."""
    items = []
    for record in records:
        if record.fields.get("power_type") != "行政许可":
            continue
        values = {key: record.fields[key] for key in ("sequence", "name", "department", "legal_basis", "code",
                                                      "remark") if record.fields.get(key) not in (None, "")}
        if "department" in values:
            values["implementing_authority"] = values["department"]
        item = ParsedRecord(record.row_number, values, record.original)
        for sub in record.sub_items:
            sub_values = {"sub_item": sub.fields["name"]}
            if sub.fields.get("legal_basis"):
                sub_values["legal_basis"] = sub.fields["legal_basis"]
            item.sub_items.append(ParsedRecord(sub.row_number, sub_values, sub.original))
        items.append(item)
    return items


def column_letter(index: int) -> str:
    """Excel's letters for a 0-based column, as the clerk sees it: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _is_repeated_header(row: list[object], name_col: int, name_header: str) -> bool:
    """The header row again, as in lists pasted together from printed pages."""
    value = row[name_col] if name_col < len(row) else None
    return isinstance(value, str) and len(value) <= 2 * len(name_header) + 8 and \
        header_key(value) == name_header


class _Column:
    """The normaliser of one mapped column, remembering its results: list columns repeat the same
    department, township list, date or legal basis thousands of times.  ``seen`` is read directly
    by the conversion loop; ``convert`` fills it."""

    __slots__ = ("_normalise", "seen", "warned")

    def __init__(self, normalise: Callable[[object], tuple[object, str | None]]):
        self._normalise = normalise
        self.seen: dict[object, tuple[object, str | None, str]] = {None: _EMPTY}
        self.warned = False

    def convert(self, value: object) -> tuple[object, str | None, str]:
        """(normalised value or None when empty, warning or None, the cell's raw text)."""
        result, warning = self._normalise(value)
        if not result and result is not None:  # "" or []
            result = None
        if warning is not None:
            self.warned = True
        entry = self.seen[value] = (result, warning, value if type(value) is str else cell_text(value))
        return entry


_EMPTY: tuple[None, None, str] = (None, None, "")


def _join_duplicates(values: dict[str, object], original: dict[str, str], keys: list[str],
                     entries: tuple[tuple, ...], duplicated: set[str]) -> None:
    """Two columns of one field (设定依据 and 实施依据 both mean the legal basis): one per line."""
    for key in duplicated:
        parts = [entry for k, entry in zip(keys, entries, strict=True) if k == key and entry[0] is not None]
        if len(parts) > 1:
            first = parts[0][0]
            values[key] = ([name for entry in parts for name in entry[0]] if type(first) is list
                           else "\n".join(cell_text(entry[0]) for entry in parts))
            original[key] = "\n".join(entry[2] for entry in parts)


class _CellNotes:
    """Warnings about cell values, grouped by column and message so that 25,000 long codes give
    one line listing the first rows, not 25,000 lines."""

    SHOWN_ROWS = 10

    def __init__(self, sheet_name: str) -> None:
        self.sheet_name = sheet_name
        self.labels: dict[str, str] = {}
        self.rows: dict[tuple[str, str], list[int]] = {}

    def add(self, key: str, message: str, row_number: int) -> None:
        self.rows.setdefault((key, message), []).append(row_number)

    def messages(self) -> list[str]:
        result = []
        for (key, message), rows in self.rows.items():
            shown = "、".join(str(r) for r in rows[:self.SHOWN_ROWS])
            more = f"等{len(rows)}行" if len(rows) > self.SHOWN_ROWS else "行"
            result.append(f"工作表“{self.sheet_name}”第{shown}{more}“{self.labels.get(key, key)}”：{message}")
        return result


def _converter(key: str) -> Callable[[object], tuple[object, str | None]]:
    """The normaliser of one field, as (value, warning or None)."""
    if key in CODE_FIELDS:
        return _code
    if key in DATE_FIELDS:
        return parse_date
    if key in DOCUMENT_NUMBER_FIELDS:
        return lambda value: (normalise_doc_number(value)[0], None)
    if key in LIST_FIELDS:
        return lambda value: (split_regions(value), None)
    if key in MULTILINE_FIELDS:
        return lambda value: (text(value, multiline=True), None)
    if key == "part":
        return lambda value: (f.part_from_text(text(value)) or text(value), None)
    if key == "batch":
        return lambda value: (_batch_name(text(value)) or text(value), None)
    return lambda value: (text(value), None)


def _code(value: object) -> tuple[str, str | None]:
    result = code_text(value)
    if code_lost_digits(value):
        return result, ("编码是以数字保存的长编码，Excel 只保留15位有效数字，末尾数字可能已丢失，"
                        "请与原始编码核对（编码列应设为文本格式）")
    return result, None


def shape_sheet(sheet: Sheet, kind: str | None = None, mapping: Mapping[object, str] | None = None,
                *, file_name: str | None = None) -> ShapedSheet:
    """Read one sheet into records.

    ``kind`` (licence/power/department) overrides the detection; ``mapping`` (header text or
    column index → field key, as saved in a template) replaces the column detection, an empty
    field key meaning "ignore this column" and, for a 权责清单, "extra:<header>" keeping it as an
    extra field.  Raises :class:`ImportFileError` naming the file and
    sheet when no header is found or a required column is missing.
    """
    return _Shaper(sheet, kind, mapping, file_name).shape()
