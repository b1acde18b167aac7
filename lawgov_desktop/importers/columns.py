"""What each column of a workbook becomes, for the clerk to check and change: the import wizard's
mapping table and ``lawgov import --map``.

A column is told by its letter, its header, a few of its values (two columns both headed
实施层级及权限 look alike until one shows "地州市级" and the other a sentence) and the field the
importer reads it as.  When the sheet cannot be read as chosen (a required column missing) each
header's field is guessed from the vocabulary, so the clerk only finishes the mapping.  A mapping
made by hand is remembered under an automatic template name for the next file with the same headers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from lawgov_desktop.core.errors import ImportFileError
from lawgov_desktop.core.fields import RESPONSIBILITY
from lawgov_desktop.core.layouts import FIELDS_BY_KIND
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.text import text
from lawgov_desktop.importers.readers import Sheet, Workbook, has_cells
from lawgov_desktop.importers.shaping import (
    EXTRA_FIELD,
    ShapedSheet,
    column_letter,
    find_header,
    header_signature,
    mapping_headers,
)
from lawgov_desktop.importers.values import header_key

SAMPLES = 3  # values shown per column
SAMPLE_LENGTH = 18  # characters of each value shown
SAMPLE_ROWS = 1000  # data rows looked through for them
# Templates saved without the clerk naming them; one per header signature.
AUTO_TEMPLATE = "自动保存："
# What ``--map 救助渠道=extra`` (or the wizard's choice) keeps a 权责清单 column as.
EXTRA_NAMES = ("extra", "附加字段")
_LETTERS = re.compile(r"^[A-Za-z]{1,3}$")


@dataclass
class Column:
    """One header column: where it is, what it says, and what it is imported as."""

    index: int  # 0-based
    letter: str
    header: str  # as shown: a header over two rows is "组/列"
    field: str  # a field key, "extra:<header>" kept as an extra field, or "" not imported
    samples: list[str]


def primary_sheet(workbook: Workbook, name: str | None) -> Sheet | None:
    """The sheet whose columns are shown: the one named, else the first with a recognisable header,
    else the first with anything on it."""
    if name is not None:
        return next((sheet for sheet in workbook.sheets if sheet.name == name), None)
    filled = [sheet for sheet in workbook.sheets if has_cells(sheet)]
    return next((sheet for sheet in filled if find_header(sheet) is not None), filled[0] if filled else None)


def signature(sheet: Sheet | None) -> str | None:
    """What ``importers.plan.sheet_signature`` gives for this sheet, without reading the file again."""
    if sheet is None:
        return None
    try:
        return header_signature(sheet)
    except ImportFileError:
        return None


def read_columns(sheet: Sheet | None, shaped: ShapedSheet | None, kind: str | None,
                 mapping: Mapping[str | int, str] | None) -> tuple[str | None, list[Column]]:
    """The kind the fields belong to and the header columns in sheet order: as the importer read
    ``shaped`` when it could, else as ``mapping`` says or the headers suggest."""
    if sheet is None:
        return kind, []
    band = find_header(sheet, mapping_headers(mapping, kind))
    if band is None:
        return kind, []
    if shaped is not None:
        fields, kind = shaped.columns, shaped.kind
    else:
        kind = kind or likely_kind(list(band.texts.values()))
        chosen = {header_key(key) if isinstance(key, str) else key: value for key, value in (mapping or {}).items()}
        fields = {}
        for col, parts in band.keys.items():
            candidates = [candidate for candidate in (col, "".join(parts), *reversed(parts)) if candidate in chosen]
            fields[col] = chosen[candidates[0]] if candidates else guess_field(kind, band.texts[col])
    samples = _samples(sheet, band.start + band.height, sorted(band.texts))
    return kind, [Column(col, column_letter(col), header, fields.get(col, ""), samples[col])
                  for col, header in sorted(band.texts.items())]


def _samples(sheet: Sheet, start: int, columns: list[int]) -> dict[int, list[str]]:
    """The first few different values under each header, shortened; rows with a single filled
    cell (part headings, footnotes) are passed over."""
    found: dict[int, list[str]] = {col: [] for col in columns}
    open_columns = set(columns)
    for row in sheet.rows[start:start + SAMPLE_ROWS]:
        if not open_columns:
            break
        if sum(1 for cell in row if cell not in (None, "")) < 2:
            continue
        for col in list(open_columns):
            value = text(row[col]) if col < len(row) else ""
            if not value:
                continue
            shown = value if len(value) <= SAMPLE_LENGTH else value[:SAMPLE_LENGTH - 1] + "…"
            if shown not in found[col]:
                found[col].append(shown)
                if len(found[col]) == SAMPLES:
                    open_columns.discard(col)
    return found


def _header_fields(kind: str) -> dict[str, str]:
    return {header_key(header): spec.key for spec in FIELDS_BY_KIND[kind] for header in (spec.label, *spec.headers)}


def guess_field(kind: str | None, header: str) -> str:
    """The field a header names, when the importer could not read the sheet as a whole."""
    for candidate_kind in ([kind] if kind else list(FIELDS_BY_KIND)):
        known = _header_fields(candidate_kind)
        for part in (header.replace("/", ""), *reversed(header.split("/"))):
            if header_key(part) in known:
                return known[header_key(part)]
    return ""


def likely_kind(headers: list[str]) -> str:
    """The kind whose headers name most of these columns (to offer the right fields)."""
    return max(FIELDS_BY_KIND, key=lambda kind: sum(1 for header in headers
                                                     if header_key(header) in _header_fields(kind)))


def mapping_of(columns: list[Column]) -> dict[str | int, str]:
    """The mapping the importer takes for these columns: by header text (a two-row header also
    run together, as the importer matches it), and by column index where one header heads more
    than one column, so each keeps its own field."""
    repeated = Counter(header_key(column.header) for column in columns)
    mapping: dict[str | int, str] = {}
    for column in columns:
        if repeated[header_key(column.header)] > 1:
            mapping[column.index] = column.field
        for key in dict.fromkeys((column.header, column.header.replace("/", ""))):
            mapping.setdefault(key, column.field)
    return mapping


def columns_named(columns: list[Column], name: str) -> list[Column]:
    """The columns ``--map`` means by ``name``: those with this header (whole, run together, or
    its lower row), else the column with these letters ("G")."""
    wanted = header_key(name)
    named = [column for column in columns
             if wanted in (header_key(column.header), header_key(column.header.replace("/", "")),
                           header_key(column.header.split("/")[-1]))]
    if named or not _LETTERS.match(name):
        return named
    return [column for column in columns if column.letter == name.upper()]


def field_for(kind: str, name: str, header: str) -> str | None:
    """The field key ``name`` means for ``kind`` (its key or its label; "" not imported; "extra"
    for a 权责清单 column kept under ``header``); None when the kind has no such field."""
    name = name.strip()
    if not name:
        return ""
    if kind == RESPONSIBILITY and name in EXTRA_NAMES:
        return f"{EXTRA_FIELD}{header}"
    return next((spec.key for spec in FIELDS_BY_KIND[kind] if name in (spec.key, spec.label)), None)


def field_names(kind: str) -> list[str]:
    """The fields of ``kind`` as ``--map`` takes them: "key（label）"."""
    names = [f"{spec.key}（{spec.label}）" for spec in FIELDS_BY_KIND[kind]]
    if kind == RESPONSIBILITY:
        names.append(f"{EXTRA_NAMES[0]}（{EXTRA_NAMES[1]}，保留原表头）")
    return names


def preferred_template(templates: list[dict[str, object]]) -> str | None:
    """The template to apply to a new file with these headers: the mapping the clerk last made by
    hand for them, else the first one saved under a name."""
    names = [str(template["name"]) for template in templates]
    return next((name for name in names if name.startswith(AUTO_TEMPLATE)), names[0] if names else None)


def remember_mapping(library: Library, kind: str, header_signature: str, columns: list[Column]) -> str:
    """Save the mapping of ``columns`` as the automatic template for these headers (replacing the
    one saved before); returns its name, "自动保存：序号、事项名称、行使主体等"."""
    templates = library.imports.mapping_templates()
    own = [t["name"] for t in templates if t["header_signature"] == header_signature
           and t["name"].startswith(AUTO_TEMPLATE)]
    if own:
        name = own[0]
    else:
        headers = [column.header for column in columns if column.header]
        base = AUTO_TEMPLATE + "、".join(headers[:3]) + ("等" if len(headers) > 3 else "")
        taken = {t["name"] for t in templates}
        name = next(candidate for candidate in (base, *(f"{base}（{n}）" for n in range(2, len(taken) + 3)))
                    if candidate not in taken)
    mapping = {key: value for key, value in mapping_of(columns).items() if isinstance(key, str)}
    library.imports.save_mapping_template(name, kind, header_signature, mapping)
    return name
