"""Chinese line breaking in catalogue cells: no opening mark left at the end of a line."""

from __future__ import annotations

import pytest
from pdf_helpers import needs_font
from reportlab.lib.textsplit import wordSplit

from lawgov_desktop.exporters import pdf  # noqa: F401  (installs the line-breaking rules)
from lawgov_desktop.exporters.fonts import resolve_font

SUB_ITEM = "互联网上网服务营业场所经营审批（新办）"


@needs_font
@pytest.mark.parametrize("width", range(40, 200, 5))
def test_opening_bracket_never_ends_a_line(width):
    lines = [text for _extra, text in wordSplit(SUB_ITEM, width, resolve_font().name, 10.5)]
    assert "".join(lines) == SUB_ITEM
    assert not any(line.endswith(("（", "《")) for line in lines[:-1])


@needs_font
def test_mark_moves_down_with_the_text_after_it():
    font = resolve_font().name
    lines = [text for _extra, text in wordSplit("《中华人民共和国食品安全法》《食品经营许可管理办法》", 80, font, 10.5)]
    assert "".join(lines) == "《中华人民共和国食品安全法》《食品经营许可管理办法》"
    assert all(not line.endswith("《") for line in lines)
