"""Clicking a column header of a list sorts Chinese in pinyin order, as Excel and WPS do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt

from lawgov_desktop.core.collation import sort_key
from lawgov_desktop.core.library import Library
from lawgov_desktop.ui import printing
from lawgov_desktop.ui.app import Launcher
from lawgov_desktop.ui.list_view import ListView
from lawgov_desktop.ui.main_window import MainWindow

# As a clerk entered them; by code point 市交通运输局 would come first and 市发展和改革局 last.
DEPARTMENTS = ("市交通运输局", "市住房和城乡建设局", "市农业农村局", "市卫生健康局", "市发展和改革局")
PINYIN_ORDER = ["市发展和改革局", "市交通运输局", "市农业农村局", "市卫生健康局", "市住房和城乡建设局"]


@pytest.fixture()
def five_departments(db_path: Path) -> Path:
    """The test database with an item of each of the five departments (市发展和改革局 is there already)."""
    with Library(db_path, user="tester") as lib:
        for department in DEPARTMENTS:
            if lib.records.find_department(department) is None:
                lib.records.create("department", {"name": department, "level": "市级"})
            lib.records.create("licence", {"name": f"{department[1:3]}审批", "department": department})
    return db_path


def click_header(qtbot, view: ListView, key: str) -> None:  # noqa: ANN001
    """Click the header of the column showing ``key``, as a clerk does."""
    header = view.table.horizontalHeader()
    column = next(number for number, column in enumerate(view.model.columns) if column.key == key)
    header.setSectionHidden(column, False)
    position = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)


def sorted_by_department(launcher: Launcher, path: Path, qtbot) -> MainWindow:  # noqa: ANN001
    """A window on ``path`` whose licence list the clerk sorted by clicking the 主管部门 header."""
    window = launcher.open(path)
    assert window is not None
    qtbot.waitExposed(window)
    view = window.view("licence")
    click_header(qtbot, view, "department")
    qtbot.waitUntil(lambda: view.model.sort_order == ("department", False), timeout=5000)
    return window


def column_values(view: ListView, key: str) -> list[str]:
    return [view.model.row_at(row)[key] for row in range(view.model.rowCount())]


def test_clicking_the_department_header_sorts_departments_in_pinyin_order(
        launcher: Launcher, five_departments: Path, messages: list[str], qtbot) -> None:  # noqa: ANN001
    window = launcher.open(five_departments)
    assert window is not None
    qtbot.waitExposed(window)
    view = window.view("licence")
    listed = list(dict.fromkeys(column_values(view, "department")))
    assert [name for name in listed if name in PINYIN_ORDER] != PINYIN_ORDER  # the list's own order first
    click_header(qtbot, view, "department")
    qtbot.waitUntil(lambda: view.model.sort_state[0] is not None and view.model.rowCount() > 0, timeout=5000)
    departments = column_values(view, "department")
    assert departments == sorted(departments, key=sort_key)
    assert [name for name in dict.fromkeys(departments) if name in PINYIN_ORDER] == PINYIN_ORDER
    click_header(qtbot, view, "department")  # a second click: descending
    qtbot.waitUntil(lambda: view.model.sort_state[1] is True, timeout=5000)
    descending = [name for name in dict.fromkeys(column_values(view, "department")) if name in PINYIN_ORDER]
    assert descending == PINYIN_ORDER[::-1]
    assert messages == []


def test_a_list_sorted_by_department_prints_in_that_order(
        launcher: Launcher, five_departments: Path, messages: list[str], qtbot, tmp_path: Path,  # noqa: ANN001
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(printing, "choose_save_path", lambda *_args: tmp_path / "按部门.pdf")
    actions = sorted_by_department(launcher, five_departments, qtbot).printing
    actions.export_pdf_action.trigger()
    qtbot.waitUntil(lambda: actions.options_dialog is not None and actions.options_dialog.isVisible(), timeout=30000)
    actions.options_dialog.accept()
    qtbot.waitUntil(lambda: actions.job is None and (tmp_path / "按部门.pdf").exists(), timeout=30000)
    text = re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in PdfReader(str(tmp_path / "按部门.pdf")).pages))
    items = [f"{department[1:3]}审批" for department in PINYIN_ORDER]
    assert sorted(items, key=text.index) == items
    assert messages == []


def test_a_list_sorted_by_department_exports_to_excel_in_that_order(
        launcher: Launcher, five_departments: Path, messages: list[str], qtbot, tmp_path: Path,  # noqa: ANN001
        monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    monkeypatch.setattr(printing, "choose_save_path", lambda *_args: tmp_path / "按部门.xlsx")
    window = sorted_by_department(launcher, five_departments, qtbot)
    window.printing.export_excel_action.trigger()
    qtbot.waitUntil(lambda: window.printing.job is None and (tmp_path / "按部门.xlsx").exists(), timeout=30000)
    cells = [str(cell) for sheet in load_workbook(tmp_path / "按部门.xlsx", read_only=True).worksheets
             for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    items = [f"{department[1:3]}审批" for department in PINYIN_ORDER]
    assert sorted(items, key=cells.index) == items
    assert messages == []
