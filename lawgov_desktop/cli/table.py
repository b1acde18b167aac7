"""Plain-text tables and trees that line up in a terminal even with Chinese text.

A CJK character takes two terminal columns (East Asian width W or F), so ``str.ljust`` would
misalign every column that holds Chinese; widths here are counted in terminal columns.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

MAX_CELL_WIDTH = 40
_ELLIPSIS = "..."  # ASCII: "…" is of ambiguous width and would break alignment in CJK terminals


def text_width(text: str) -> int:
    """Terminal columns ``text`` takes: 2 for wide CJK characters, 0 for combining marks."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def fit(text: str, width: int) -> str:
    """``text`` on one line, cut to at most ``width`` columns with a visible ellipsis."""
    text = " ".join(text.split())
    if text_width(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        char_width = text_width(char)
        if used + char_width > width - len(_ELLIPSIS):
            break
        kept.append(char)
        used += char_width
    return "".join(kept) + _ELLIPSIS


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` terminal columns."""
    return text + " " * max(0, width - text_width(text))


def format_table(headers: Sequence[str], rows: Iterable[Sequence[str]],
                 max_width: int = MAX_CELL_WIDTH) -> list[str]:
    """Lines of an aligned table: header, a rule, then one line per row.

    Cells are cut to ``max_width`` columns except in the last column, which needs no alignment
    after it and so is shown whole (a log summary, a list of townships).
    """
    last = len(headers) - 1
    cells = [[fit(cell, max_width if i < last else 10_000) for i, cell in enumerate(row)] for row in rows]
    heads = [fit(head, max_width) for head in headers]
    widths = [max([text_width(head), *(text_width(row[i]) for row in cells)]) for i, head in enumerate(heads)]
    lines = ["  ".join(pad(cell, widths[i]) for i, cell in enumerate(line)).rstrip()
             for line in (heads, *cells)]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return lines


def format_tree(roots: Sequence[dict[str, Any]], label: Callable[[dict[str, Any]], str]) -> list[str]:
    """Lines of a tree: each root flush left, its descendants drawn with ├─ / └─."""
    lines = []
    for root in roots:
        lines.append(label(root))
        lines.extend(_branches(root.get("children", []), label, ""))
    return lines


def _branches(nodes: Sequence[dict[str, Any]], label: Callable[[dict[str, Any]], str], prefix: str) -> list[str]:
    lines = []
    for index, node in enumerate(nodes):
        last = index == len(nodes) - 1
        lines.append(prefix + ("└─ " if last else "├─ ") + label(node))
        lines.extend(_branches(node.get("children", []), label, prefix + ("   " if last else "│  ")))
    return lines


def format_page(headers: Sequence[str], rows: Iterable[Sequence[str]], total: int, unit: str = "项") -> list[str]:
    """A table followed by "显示 n 项 / 共 N 项", so a clerk sees when a list was cut short."""
    cells = list(rows)
    return [*format_table(headers, cells), f"显示 {len(cells)} {unit} / 共 {total} {unit}"]
