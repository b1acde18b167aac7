"""Plain data the exporters take, and the progress/cancel conventions they share.

The library turns database records into these dataclasses; the exporters never query the
database, so they can be tested, benchmarked and run from the CLI with hand-made data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lawgov_desktop.core.errors import Cancelled, LawGovError
from lawgov_desktop.core.fields import LICENCE, PART_LABELS

LANDSCAPE = "landscape"
PORTRAIT = "portrait"

Progress = Callable[[int, int, str], None]
"""progress(done, total, message): called often; must be cheap and must not touch widgets."""


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

    ``columns`` are field keys of ``kind`` (core.fields) plus "sequence", which the PDF numbers
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

    @property
    def item_count(self) -> int:
        """Items, not rows: a main item with five sub-items counts once (the published count)."""
        return sum(len(section.rows) for section in self.sections)


@dataclass
class ExportSheet:
    """One worksheet of an Excel export: a part of a licence list, or a batch of powers.

    ``rows`` are flat: one dict per printed row, values str (lists are joined with "、").
    """

    name: str
    kind: str
    columns: list[str]
    rows: list[Mapping[str, Any]]


class ExportError(LawGovError):
    """The export file cannot be written (folder missing, file open in another program …)."""


def licence_part_heading(part: str) -> str:
    """The usual heading of a licence-list part: "中央层面设定的行政许可事项"."""
    return f"{PART_LABELS.get(part, part)}的行政许可事项"


def flatten_licence_rows(rows: Sequence[CatalogueRow]) -> list[dict[str, str]]:
    """One dict per sub-item with the main item's cells repeated, the layout the importer reads."""
    flat: list[dict[str, str]] = []
    for row in rows:
        if not row.sub_rows:
            flat.append(dict(row.values))
            continue
        for sub in row.sub_rows:
            merged = dict(row.values)
            merged.update({key: value for key, value in sub.items() if value not in (None, "")})
            flat.append(merged)
    return flat


def check_cancel(cancel: object) -> None:
    """Raise core.errors.Cancelled if ``cancel`` (a callable or an object with .cancelled) says so."""
    if cancel is None:
        return
    stop = cancel() if callable(cancel) else getattr(cancel, "cancelled", False)
    if stop:
        raise Cancelled()


def report(progress: Progress | None, done: int, total: int, message: str) -> None:
    """Call ``progress`` if there is one (exporters accept None for "nobody is watching")."""
    if progress is not None:
        progress(done, total, message)


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
