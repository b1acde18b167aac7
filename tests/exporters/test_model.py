"""Plain-data helpers shared by the exporters: file names, flattening."""

from __future__ import annotations

import pytest

from lawgov_desktop.exporters.model import (
    CatalogueRow,
    CatalogueSection,
    CatalogueSpec,
    flatten_licence_rows,
    licence_part_heading,
    safe_filename,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("市发展和改革局", "市发展和改革局"),
    ("../../etc/passwd", "etc_passwd"),
    ("城区\\海丰县/陆河县", "城区_海丰县_陆河县"),
    ('a<b>c:d"e|f?g*h', "a_b_c_d_e_f_g_h"),
    ("CON", "_CON"),
    ("lpt1.txt", "_lpt1.txt"),
    ("  名称。 ", "名称。"),
    ("name...", "name"),
    ("\x00\x1f", "未命名"),
    ("", "未命名"),
])
def test_safe_filename(text, expected):
    assert safe_filename(text) == expected


def test_safe_filename_caps_length():
    assert len(safe_filename("局" * 500)) == 80


def test_flatten_gives_the_main_item_a_row_and_repeats_its_cells_per_sub_item():
    rows = flatten_licence_rows([CatalogueRow({"name": "甲", "code": "1", "remark": "注"},
                                              [{"sub_item": "a"}, {"sub_item": "b"}])])
    assert rows == [{"name": "甲", "code": "1", "remark": "注"},
                    {"name": "甲", "code": "1", "sub_item": "a"}, {"name": "甲", "code": "1", "sub_item": "b"}]


def test_item_count_counts_items_not_sub_items():
    spec = CatalogueSpec("t", ["name"], [CatalogueSection(None, [
        CatalogueRow({"name": "甲"}, [{"sub_item": "a"}, {"sub_item": "b"}]), CatalogueRow({"name": "乙"})])])
    assert spec.item_count == 2


def test_part_heading():
    assert licence_part_heading("central") == "中央层面设定的行政许可事项"

