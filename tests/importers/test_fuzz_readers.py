"""Hostile and damaged files: generated and mutated workbooks and CSV either read or give a clear
ImportFileError, never another exception and never a hang.

LAWGOV_FUZZ_EXAMPLES sets the number of cases per test (default 60; CI may raise it).
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from workbook_builders import write_ods, write_xls

from lawgov_desktop.core.errors import ImportFileError
from lawgov_desktop.importers.readers import read_workbook
from lawgov_desktop.importers.shaping import shape_sheet

EXAMPLES = int(os.environ.get("LAWGOV_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=10_000,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

HEADERS = ["序号", "事项名称", "主管部门", "子项", "原实施主体", "承接主体", "事项编码", "生效时间", "文号",
           "部门名称", "备注", "一、中央层面设定（共3项）", "合计", "注：", "第二批"]
cell = st.one_of(
    st.none(),
    st.sampled_from(HEADERS),
    st.text(max_size=30),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
)
grid = st.lists(st.lists(cell, max_size=8), max_size=25)


def _xlsx_bytes(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                # openpyxl refuses control characters; a real file could hold them escaped.
                sheet.cell(row=r, column=c, value="".join(
                    ch for ch in value if ch >= " " or ch in "\n\t") if isinstance(value, str) else value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _read_and_shape(path: Path) -> None:
    """The whole database-free import of a file; only ImportFileError may come out."""
    try:
        workbook = read_workbook(path)
    except ImportFileError as error:
        assert str(error).startswith(f"文件“{path.name}”")
        return
    for sheet in workbook.sheets:
        try:
            shaped = shape_sheet(sheet, file_name=workbook.file_name)
        except ImportFileError as error:
            assert error.sheet == sheet.name
            continue
        for record in shaped.records:
            assert record.fields
            assert record.row_number > shaped.header_row_index


def _mutate(data: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    mutated = bytearray(data)
    for position, value in edits:
        if mutated:
            mutated[position % len(mutated)] = value
    return bytes(mutated[:cut] if cut is not None else mutated)


edits = st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=12)


@FUZZ
@given(rows=grid)
def test_generated_workbooks_read_and_shape(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("fuzz") / "生成.xlsx"
    path.write_bytes(_xlsx_bytes(rows))
    _read_and_shape(path)


def _workbook_bytes(rows: list[list[object]], fmt: str, folder: Path) -> bytes:
    if fmt == "xlsx":
        return _xlsx_bytes(rows)
    clean = [[v if not isinstance(v, str) else "".join(ch for ch in v if ch >= " ") for v in row]
             for row in rows] or [[None]]
    writer = write_xls if fmt == "xls" else write_ods
    return writer(folder / f"source.{fmt}", {"第一批": (clean, [])}).read_bytes()


@FUZZ
@given(rows=grid, fmt=st.sampled_from(["xlsx", "xls", "ods"]), edits=edits,
       cut=st.none() | st.integers(min_value=0, max_value=20_000))
def test_mutated_workbook_bytes(tmp_path_factory, rows, fmt, edits, cut):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / f"损坏.{fmt}"
    path.write_bytes(_mutate(_workbook_bytes(rows, fmt, folder), edits, cut))
    _read_and_shape(path)


@FUZZ
@given(rows=grid, part=st.sampled_from(["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml",
                                        "[Content_Types].xml", "xl/_rels/workbook.xml.rels"]),
       edits=edits, cut=st.none() | st.integers(min_value=0, max_value=4000))
def test_mutated_xml_parts_in_a_sound_zip(tmp_path_factory, rows, part, edits, cut):
    """Damage inside the XML (past the zip's CRC check) reaches the parser itself."""
    source = io.BytesIO(_xlsx_bytes(rows))
    target = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, _mutate(data, edits, cut) if info.filename == part else data)
    path = tmp_path_factory.mktemp("fuzz") / "部件损坏.xlsx"
    path.write_bytes(target.getvalue())
    _read_and_shape(path)


@FUZZ
@given(data=st.binary(max_size=3000) | st.text(max_size=600).map(lambda t: t.encode("gb18030")),
       suffix=st.sampled_from([".csv", ".xlsx", ".xls", ".ods", ".txt"]))
def test_arbitrary_bytes_under_any_name(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"任意 文件{suffix}"
    path.write_bytes(data)
    _read_and_shape(path)


@FUZZ
@given(rows=grid, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
       delimiter=st.sampled_from([",", "\t", ";"]))
def test_generated_csv(tmp_path_factory, rows, encoding, delimiter):
    lines = []
    for row in rows:
        lines.append(delimiter.join('"' + str(v).replace('"', '""') + '"' if v is not None else "" for v in row))
    path = tmp_path_factory.mktemp("fuzz") / "生成.csv"
    path.write_bytes("\r\n".join(lines).encode(encoding, errors="replace"))
    _read_and_shape(path)
