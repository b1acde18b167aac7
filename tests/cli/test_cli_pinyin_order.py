"""``lawgov list --sort`` and ``lawgov export pdf --sort`` put Chinese in pinyin order, as Excel and WPS
sort it, not by code point."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from lawgov_desktop.core.library import Library

# As a clerk entered them (the list's own order); by code point 市交通运输局 would come first and
# 市发展和改革局 last.
ITEMS = (("市交通运输局", "交通许可"), ("市住房和城乡建设局", "住建许可"), ("市农业农村局", "农业许可"),
         ("市卫生健康局", "卫健许可"), ("市发展和改革局", "发改许可"))
PINYIN_ORDER = ["市发展和改革局", "市交通运输局", "市农业农村局", "市卫生健康局", "市住房和城乡建设局"]


@pytest.fixture
def five_departments(blank_db: Path) -> Path:
    with Library(blank_db) as library:
        for department, item in ITEMS:
            library.records.create("department", {"name": department})
            library.records.create("licence", {"name": item, "department": department, "part": "central"})
    return blank_db


def test_list_sorts_departments_and_items_by_department_in_pinyin_order(run_cli, five_departments) -> None:
    result = run_cli("list", "departments", "--sort", "name", "--json", db=five_departments)
    assert result.code == 0, result.err
    assert [row["name"] for row in json.loads(result.out)["rows"]] == PINYIN_ORDER
    result = run_cli("list", "items", "--sort", "department", "--json", db=five_departments)
    assert [row["department"] for row in json.loads(result.out)["rows"]] == PINYIN_ORDER
    result = run_cli("list", "items", "--sort", "department", "--desc", db=five_departments)
    lines = [line for line in result.out.splitlines() if "局" in line]
    assert [next(name for name in PINYIN_ORDER if name in line) for line in lines] == PINYIN_ORDER[::-1]
    unsorted = run_cli("list", "items", "--json", db=five_departments)  # the list's own order stays the default
    assert [row["department"] for row in json.loads(unsorted.out)["rows"]] == [d for d, _ in ITEMS]


def _pdf_text(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


def _order_in(text: str, names: list[str]) -> list[str]:
    return sorted(names, key=text.index)


def test_pdf_sorted_by_department_prints_in_pinyin_order(run_cli, five_departments, tmp_path: Path) -> None:
    path = tmp_path / "按部门.pdf"
    result = run_cli("export", "pdf", "--sort", "department", "-o", str(path), db=five_departments)
    assert result.code == 0, result.err
    text = _pdf_text(path)
    assert _order_in(text, PINYIN_ORDER) == PINYIN_ORDER
    assert _order_in(text, [item for _, item in ITEMS]) == ["发改许可", "交通许可", "农业许可", "卫健许可", "住建许可"]
    book = tmp_path / "全部部门.pdf"
    result = run_cli("export", "pdf", "--all-departments", "--sort", "department", "-o", str(book),
                     db=five_departments)
    assert result.code == 0, result.err
    assert _order_in(_pdf_text(book), PINYIN_ORDER) == PINYIN_ORDER
    unsorted = tmp_path / "清单顺序.pdf"
    assert run_cli("export", "pdf", "-o", str(unsorted), db=five_departments).code == 0
    assert _order_in(_pdf_text(unsorted), PINYIN_ORDER) == [d for d, _ in ITEMS]


def test_an_unknown_sort_field_is_refused(run_cli, five_departments, tmp_path: Path) -> None:
    result = run_cli("export", "pdf", "--sort", "colour", "-o", str(tmp_path / "x.pdf"), db=five_departments)
    assert result.code != 0 and "colour" in result.err
