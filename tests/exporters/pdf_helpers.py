"""Small catalogues and helpers to read PDFs back, shared by the exporter tests.

A module of its own, not conftest.py: tests/cli has a conftest too, and ``from conftest import``
would find whichever the session loaded first.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from lawgov_desktop.core.fields import CENTRAL, LOCAL
from lawgov_desktop.exporters.fonts import resolve_font
from lawgov_desktop.exporters.model import (
    CatalogueRow,
    CatalogueSection,
    CatalogueSpec,
    licence_part_heading,
)

HAS_PDFTOPPM = shutil.which("pdftoppm") is not None
HAS_EMBEDDABLE_FONT = resolve_font().embedded
needs_font = pytest.mark.skipif(not HAS_EMBEDDABLE_FONT, reason="no embeddable Chinese font installed")
needs_pdftoppm = pytest.mark.skipif(not HAS_PDFTOPPM, reason="poppler-utils (pdftoppm) not installed")

LICENCE_COLUMNS = ["sequence", "name", "sub_item", "implementing_authority", "legal_basis", "level", "remark"]
ITEM_NAMES = ["食品经营许可", "药品零售许可", "道路运输经营许可", "排污许可", "取水许可", "林木采伐许可",
              "娱乐场所经营审批", "燃气经营许可", "公共场所卫生许可", "出版物零售许可"]


def licence_row(name: str, index: int, sub_items: list[str] | None = None) -> CatalogueRow:
    values = {
        "department": "市市场监督管理局",
        "name": name,
        "implementing_authority": "市市场监督管理局",
        "legal_basis": f"《中华人民共和国食品安全法》第{index}条：国家对食品生产经营实行许可制度。",
        "level": "市级",
        "remark": "",
    }
    return CatalogueRow(values, [{"sub_item": s} for s in sub_items or []])


def make_spec(rows_per_part: int = 40, **overrides) -> CatalogueSpec:
    """A two-part department catalogue; names repeat the ITEM_NAMES with a number so all differ."""
    central = [licence_row(f"{ITEM_NAMES[i % 10]}{i}", i) for i in range(rows_per_part)]
    local = [licence_row(f"地方事项{i}", i) for i in range(max(1, rows_per_part // 8))]
    fields = {
        "title": "汕尾市市场监督管理局行政许可事项清单",
        "columns": LICENCE_COLUMNS,
        "sections": [CatalogueSection(licence_part_heading(CENTRAL), central),
                     CatalogueSection(licence_part_heading(LOCAL), local)],
        "attachment_label": "附件1",
        "version_label": "2022年版",
        "group_label": "市市场监督管理局",
    }
    fields.update(overrides)
    return CatalogueSpec(**fields)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def compact(text: str) -> str:
    """Text without whitespace: table cells wrap, so words may be split by line breaks."""
    return re.sub(r"\s+", "", text)


def embedded_font_files(path: Path) -> set[str]:
    """Base names of fonts that carry an embedded TrueType program (FontFile2)."""
    found = set()
    for page in PdfReader(str(path)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for item in descendants:
                descriptor = item.get("/FontDescriptor")
                if descriptor is not None and "/FontFile2" in descriptor.get_object():
                    found.add(str(font.get("/BaseFont")))
    return found


def dark_pixel_share(pdf: Path, page: int = 1, resolution: int = 50) -> float:
    """Render one page to greyscale PGM with pdftoppm and return the share of dark pixels."""
    pgm = subprocess.run(
        ["pdftoppm", "-gray", "-r", str(resolution), "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True, check=True, timeout=60,
    ).stdout
    magic, width, height, maxval, pixels = _parse_pgm(pgm)
    assert magic == b"P5" and maxval == 255
    return sum(1 for value in pixels if value < 128) / (width * height)


def _parse_pgm(data: bytes) -> tuple[bytes, int, int, int, bytes]:
    tokens: list[bytes] = []
    position = 0
    while len(tokens) < 4:
        while data[position:position + 1].isspace():
            position += 1
        if data[position:position + 1] == b"#":
            position = data.index(b"\n", position) + 1
            continue
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        tokens.append(data[position:end])
        position = end
    position += 1  # the single whitespace after maxval
    return tokens[0], int(tokens[1]), int(tokens[2]), int(tokens[3]), data[position:]
