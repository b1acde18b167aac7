"""Plain data the exporters take.

``exporters.catalogue`` turns library records into these dataclasses; the PDF and workbook
writers never query the database, so they can be tested and benchmarked with hand-made data.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from lawgov_desktop.core.atomic import atomic_write
from lawgov_desktop.core.errors import LawGovError
from lawgov_desktop.core.fields import LICENCE, PART_LABELS, POWER, RESPONSIBILITY
from lawgov_desktop.core.layouts import SUB_ITEM_REPEATS, field_label

LANDSCAPE = "landscape"
PORTRAIT = "portrait"


@dataclass
class CatalogueRow:
    """One item: its cells by field key, and its sub-items (each a dict of the cells that differ).

    A licence main item with sub-items prints as one block: cells equal for all sub-items span the
    block, the 子项 column (and any other column the sub-items fill differently) gets a row each.
    """

    values: dict[str, str]
    sub_rows: list[dict[str, str]] = field(default_factory=list)


@dataclass
class CatalogueSection:
    """A part of a list ("中央层面设定的行政许可事项") or a batch of powers ("第一批").

    ``heading`` is plain text; the PDF numbers it (一、二、…) and adds the count "（共N项）".
    """

    heading: str | None
    rows: list[CatalogueRow]


@dataclass
class CatalogueSpec:
    """Everything one printed catalogue needs.

    ``columns`` are field keys of ``kind``'s layout (core.layouts) plus "sequence", which the PDF numbers
    itself (1…N within each section).  ``group_label`` names the department or township: it is the
    table-of-contents entry of a book and the file name in a folder export.
    """

    title: str
    columns: list[str]
    sections: list[CatalogueSection]
    kind: str = LICENCE
    attachment_label: str | None = None
    version_label: str | None = None
    group_label: str | None = None
    orientation: str = LANDSCAPE
    font_path: str | None = None
    font_size: float = 10.5
    print_date: date | None = None
    distinct_items: int | None = None
    # Column headers and relative widths for columns that are not fields of ``kind`` (a
    # comparison's 调整前/调整后); they override the field's own label and weight.
    labels: dict[str, str] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)

    @property
    def item_count(self) -> int:
        """Items, not rows: a main item with five sub-items counts once (the published count).

        ``distinct_items`` overrides the sum when an item appears in several sections (a power
        delegated in two batches is one power).
        """
        if self.distinct_items is not None:
            return self.distinct_items
        return sum(len(section.rows) for section in self.sections)


@dataclass
class ExportSheet:
    """One worksheet of an Excel export: a part of a licence list, or a batch of powers.

    ``rows`` are flat: one dict per printed row, values str (lists are joined with "、").
    ``headers`` name the columns that are not fields of ``kind`` (a power's extra columns, kept
    under their own header).
    """

    name: str
    kind: str
    columns: list[str]
    rows: list[Mapping[str, Any]]
    headers: dict[str, str] = field(default_factory=dict)


class ExportError(LawGovError):
    """The export file cannot be written (folder missing, file open in another program …)."""


@contextmanager
def export_file(path: str | os.PathLike[str]) -> Iterator[Path]:
    """``atomic_write`` for an export: a file held open in Excel, WPS or a PDF viewer gives the clerk
    a clear message."""
    target = Path(path)
    try:
        with atomic_write(target) as temp:
            yield temp
    except PermissionError as error:
        raise ExportError(f"无法写入“{target.name}”：文件可能正被其他程序打开，请关闭后重试。") from error


def licence_part_heading(part: str) -> str:
    """The usual heading of a licence-list part: "中央层面设定的行政许可事项"."""
    return f"{PART_LABELS.get(part, part)}的行政许可事项"


def flatten_licence_rows(rows: Sequence[CatalogueRow]) -> list[dict[str, str]]:
    """Workbook rows the importer reads back exactly: the main item's own row, then one per sub-item.

    A sub-item row names its main item (department, name, part), repeats the main item's
    ``SUB_ITEM_REPEATS`` cells where it has none of its own, and carries its own cells.  The
    main item keeps a row of its own so that its values (a remark, a code) are not mistaken for
    the sub-items' or lost when the sub-items differ.
    """
    flat: list[dict[str, str]] = []
    for row in rows:
        flat.append(dict(row.values))
        named = {key: row.values[key] for key in ("part", "department", "name") if key in row.values}
        inherited = {key: row.values[key] for key in SUB_ITEM_REPEATS[LICENCE] if row.values.get(key)}
        for sub in row.sub_rows:
            flat.append({**named, **inherited, **{key: value for key, value in sub.items() if value}})
    return flat


_UNSAFE_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}


def safe_filename(text: str, *, default: str = "未命名", max_length: int = 80) -> str:
    """A file name (without folder or extension) made from workbook text, safe on Windows and Linux.

    Workbook content is never trusted as a path: separators, reserved characters and control
    characters become "_", leading dots and trailing dots/spaces go, Windows device names are
    prefixed, and the length is capped.
    """
    name = unicodedata.normalize("NFC", text or "")
    name = _UNSAFE_CHARS.sub("_", name)
    name = " ".join(name.split())
    name = name.strip(" ._")[:max_length].rstrip(" .")
    if not name:
        name = default
    if name.split(".")[0].upper() in _WINDOWS_RESERVED:
        name = "_" + name
    return name


# ------------------------------------------------------------------ the page every format shares
# Margins in mm (top, right, bottom, left).  Portrait is GB/T 9704-2012 (37 mm top, 28 mm binding
# edge); landscape keeps the binding edge and trims the rest so a wide table gets the room.
MARGINS = {PORTRAIT: (37, 26, 35, 28), LANDSCAPE: (25, 22, 22, 28)}
# Columns whose short values stand centred in their cells (PDF, Word and the web page alike).
CENTRED_COLUMNS = {"sequence", "level", "status", "list_year", "part", "power_type", "mode", "scope",
                   "batch", "effective_date", "change_kind", "department", "code", "upper_ref"}
_CHINESE_NUMERALS = "一二三四五六七八九十"
# Relative column widths; "sequence" gets a fixed narrow width instead.
_WEIGHTS = {
    "upper_ref": 1.3, "part": 1.3, "department": 1.6, "name": 2.2, "sub_item": 1.8,
    "implementing_authority": 2.0, "legal_basis": 5.2, "level": 1.3, "code": 1.9,
    "certificate": 1.5, "list_year": 1.0, "status": 0.9, "remark": 1.3,
    "power_type": 1.1, "domain": 1.2, "penalty_range": 3.0, "receiving": 2.0, "mode": 1.1,
    "scope": 0.9, "batch": 1.0, "effective_date": 1.3, "change_kind": 1.1,
    "document_number": 1.8,
}
# Power lists have no 设定和实施依据 column; their 事项名称 (the offence) is the long text, and so
# are the duties and accountability of a 权责清单 when the clerk prints them.
_POWER_WEIGHTS = {"name": 3.4, "department": 2.2, "receiving": 2.2, "handling_office": 1.6, "level_scope": 1.8,
                  "duties": 3.0, "responsibility": 3.0, "responsibility_basis": 3.0, "accountability_scope": 1.8,
                  "accountability_cases": 3.0}
# A 权责清单's long texts are its 实施依据 and its responsibilities and accountability (a few hundred
# characters each in the published lists); widths follow their usual lengths so that a row's
# columns end near the same height.
_RESPONSIBILITY_WEIGHTS = {**_POWER_WEIGHTS, "name": 2.0, "sub_item": 1.7, "legal_basis": 4.2,
                           "handling_office": 1.5, "level": 1.4, "responsibility": 3.2, "accountability_cases": 3.8}
_KIND_WEIGHTS = {POWER: _POWER_WEIGHTS, RESPONSIBILITY: _RESPONSIBILITY_WEIGHTS}
CELL_PADDING = 3.0  # points left and right of a cell's text


def numeral(index: int) -> str:
    """一, 二, … 十, 十一 … 九十九 for section and TOC numbering (index counts from 0)."""
    n = index + 1
    if n <= 10:
        return _CHINESE_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    prefix = "" if tens == 1 else _CHINESE_NUMERALS[tens - 1]
    return prefix + "十" + (_CHINESE_NUMERALS[ones - 1] if ones else "")


def section_heading(section: CatalogueSection, number: int) -> str:
    """A section's heading as every format prints it: numbered 一、二、… unless it is "第一批"-like or
    numbered already, with its count."""
    heading = section.heading or ""
    if not heading.startswith("第") and heading[:2] not in {f"{n}、" for n in _CHINESE_NUMERALS}:
        heading = f"{numeral(number)}、{heading}"
    return f"{heading}（共{len(section.rows)}项）"


def column_widths(columns: Sequence[str], available: float, font_size: float,
                  kind: str = LICENCE, overrides: Mapping[str, float] | None = None) -> list[float]:
    """Widths in points: 序号 just wide enough for its header, the rest shared by field weight
    (``overrides`` weighs columns that are not fields, or weighs fields differently)."""
    weight_of = {**_WEIGHTS, **_KIND_WEIGHTS.get(kind, {}), **(overrides or {})}
    sequence_width = 2 * font_size + 2 * CELL_PADDING + 4
    fixed = sequence_width * sum(1 for c in columns if c == "sequence")
    weights = [weight_of.get(c, 1.4) for c in columns if c != "sequence"]
    unit = (available - fixed) / sum(weights) if weights else 0
    return [sequence_width if c == "sequence" else weight_of.get(c, 1.4) * unit for c in columns]


def catalogue_title(spec: CatalogueSpec) -> str:
    """The title as printed: "…清单（2022年版）" unless the title already names its version."""
    if spec.version_label and spec.version_label not in spec.title:
        return f"{spec.title}（{spec.version_label}）"
    return spec.title


def column_label(spec: CatalogueSpec, column: str) -> str:
    """A column's header: the spec's own label (a comparison's 调整前) or the field's name."""
    return spec.labels.get(column) or field_label(spec.kind, column)


def item_block(row: CatalogueRow, columns: Sequence[str], sequence: int
               ) -> tuple[list[list[str | None]], list[tuple[int, int, int]]]:
    """The text rows of one item and its spans (column, first, last) relative to the block.

    A column spans the block when no sub-item has its own different value for it; 子项 never spans.
    """
    main = {**row.values, "sequence": str(sequence)}
    subs = row.sub_rows or [{}]
    if len(subs) == 1:
        merged = {**main, **{k: v for k, v in subs[0].items() if v}}
        return [[merged.get(c) or "" for c in columns]], []
    per_row = {c for c in columns if c == "sub_item"
               or any(sub.get(c) and sub.get(c) != main.get(c) for sub in subs)}
    block: list[list[str | None]] = []
    for index, sub in enumerate(subs):
        block.append([
            (sub.get(c) or main.get(c) or "") if c in per_row
            else ((main.get(c) or "") if index == 0 else None)
            for c in columns
        ])
    spans = [(i, 0, len(subs) - 1) for i, c in enumerate(columns) if c not in per_row]
    return block, spans
