"""Hostile and damaged files through the WHOLE import into a database: every outcome is a clean
import or a clear ``LawGovError`` (never another exception, never a hang), and on every failure the
database is unchanged, record for record and byte for byte.

Workbooks are generated with real header names and messy values (known and unknown departments,
township lists, codes as numbers, formula-like and path-like text, control characters), written
as .xlsx or CSV, then optionally mutated byte by byte or inside one XML part, and imported with a
random mode and strictness.  A successful import must leave a sound file whose full check passes.

LAWGOV_FUZZ_EXAMPLES sets the number of cases per test (default 25; raise it for a long run).
"""

from __future__ import annotations

import faulthandler
import hashlib
import io
import os
import shutil
import sqlite3
import uuid
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lawgov_desktop.core.errors import LawGovError
from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.plan import MODES, ImportOptions, import_file

EXAMPLES = int(os.environ.get("LAWGOV_FUZZ_EXAMPLES", "25"))
HANG_SECONDS = 120  # a case still running after this is a hang: dump the stacks and fail the run
FUZZ = settings(max_examples=EXAMPLES, deadline=20_000, derandomize=False,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])

HEADER_SETS = (
    ["序号", "主管部门", "事项名称", "子项", "实施机关", "设定和实施依据", "行使层级", "事项编码", "备注"],
    ["序 号", "部门", "许可事项名称", "子项名称", "审批机关", "依据", "层级", "基本编码"],
    ["事项编码", "事项名称", "职权类型", "原实施主体", "承接主体", "批次", "生效时间", "文号", "下放方式"],
    ["部门名称", "简称", "层级", "所属区划", "统一社会信用代码", "备注"],
)
VALUES = ("汕尾市发展和改革局", "市发改局", "市发改局 ", "海丰县教育局", "不存在的局", "田墘街道、东洲街道", "城区捷胜镇",
          "红海湾经济开发试验区田墘街道", "第一批", "第二批", "行政处罚", "行政许可", "市级", "县级", "2022年10月1日",
          "2022/13/45", "汕府〔2022〕1号", "(2022)", "中央层面设定", "一、中央层面设定的行政许可事项（共3项）", "合计",
          "=cmd|' /C calc'!A0", "+1+1", "@SUM(1)", "../../x", "CON", "a:b", "\\\\server\\share", "依法下放", "全部")
cell = st.one_of(st.none(), st.sampled_from(VALUES), st.text(max_size=40),
                 st.integers(min_value=-(10**19), max_value=10**19), st.floats(allow_nan=True), st.dates())
grid = st.tuples(st.sampled_from(HEADER_SETS), st.integers(0, 3),
                 st.lists(st.lists(cell, max_size=10), max_size=30))
edits = st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=10)
options = st.builds(ImportOptions, mode=st.sampled_from(MODES), strict=st.booleans())


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small city: departments with aliases, an item with a sub-item, a power handed to streets."""
    path = tmp_path_factory.mktemp("fuzz-db") / "template.sqlite3"
    with Library(path, user="测试员") as lib:
        lib.records.create("department", {"name": "汕尾市发展和改革局", "aliases": "市发改局"})
        lib.records.create("department", {"name": "海丰县教育局", "region": "海丰县"})
        main = lib.records.create("licence", {"name": "企业投资项目核准", "department": "市发改局", "code": "000172001000"})
        lib.records.create("licence", {"name": "企业投资项目核准（外资）", "parent_id": main})
        lib.records.create("batch", {"name": "第一批"})
        power = lib.records.create("power", {"name": "对违法占道的处罚", "code": "330217001000", "department": "市发改局"})
        lib.records.create("delegation", {"power_id": power, "region": "田墘街道", "batch": "第一批"})
    return path


def _cell_value(value: object) -> object:
    if isinstance(value, str):  # openpyxl refuses control characters; a real file holds them escaped
        return "".join(ch for ch in value if ch >= " " or ch in "\n\t")
    if isinstance(value, float) and value != value:
        return None
    return value


def _table(spec: tuple[list[str], int, list[list[object]]]) -> list[list[object]]:
    headers, title_rows, body = spec
    return [["附件1"], ["汕尾市行政许可事项清单"], ["填报单位：（盖章）"]][:title_rows] + [list(headers), *body]


def _xlsx(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if _cell_value(value) is not None:
                book.active.cell(row=r, column=c, value=_cell_value(value))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv(rows: list[list[object]], encoding: str) -> bytes:
    lines = [",".join('"' + str(v).replace('"', '""') + '"' if v is not None else "" for v in row) for row in rows]
    return "\r\n".join(lines).encode(encoding, errors="replace")


def _mutate(data: bytes, changes: list[tuple[int, int]]) -> bytes:
    mutated = bytearray(data)
    for position, value in changes:
        if mutated:
            mutated[position % len(mutated)] = value
    return bytes(mutated)


def _records(path: Path) -> str:
    """A digest of every row of every table, FTS shadow tables included."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
        for table in tables:
            for row in conn.execute(f"SELECT * FROM \"{table}\" ORDER BY 1"):
                digest.update(repr(tuple(row)).encode())
        return digest.hexdigest()
    finally:
        conn.close()


def _import_into_fresh_copy(template: Path, folder: Path, name: str, data: bytes, opts: ImportOptions) -> None:
    """Import ``data`` into a copy of the template; check the outcome as the module docstring says."""
    database = folder / f"{uuid.uuid4().hex}.sqlite3"
    shutil.copyfile(template, database)
    source = folder / name
    source.write_bytes(data)
    before_records, before_bytes = _records(database), database.read_bytes()
    faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
    try:
        with Library(database, user="测试员") as lib:
            try:
                result = import_file(lib, source, opts)
            except LawGovError as error:
                assert str(error) and "\n" not in str(error).strip()
                event(f"refused: {type(error).__name__}")
                failed = True
            else:
                failed = False
                event(f"imported: {result.kind}, {'some' if result.inserted + result.updated else 'no'} changes")
                assert result.import_id is not None
                assert lib.backups.check_integrity().ok
    finally:
        faulthandler.cancel_dump_traceback_later()
    if failed:
        assert _records(database) == before_records
        assert database.read_bytes() == before_bytes
    else:
        assert _records(database) != before_records or result.inserted + result.updated == 0


@FUZZ
@given(spec=grid, opts=options)
def test_generated_workbooks_import_or_fail_cleanly(template, tmp_path_factory, spec, opts):
    _import_into_fresh_copy(template, tmp_path_factory.mktemp("fuzz"), "生成.xlsx", _xlsx(_table(spec)), opts)


@FUZZ
@given(spec=grid, changes=edits, cut=st.none() | st.integers(0, 12_000), opts=options)
def test_mutated_workbook_bytes(template, tmp_path_factory, spec, changes, cut, opts):
    data = _mutate(_xlsx(_table(spec)), changes)
    _import_into_fresh_copy(template, tmp_path_factory.mktemp("fuzz"), "损坏.xlsx", data[:cut], opts)


@FUZZ
@given(spec=grid, part=st.sampled_from(["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml",
                                        "[Content_Types].xml", "xl/_rels/workbook.xml.rels"]),
       changes=edits, opts=options)
def test_mutated_xml_inside_a_sound_zip(template, tmp_path_factory, spec, part, changes, opts):
    target = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_xlsx(_table(spec)))) as zin, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, _mutate(data, changes) if info.filename == part else data)
    _import_into_fresh_copy(template, tmp_path_factory.mktemp("fuzz"), "部件损坏.xlsx", target.getvalue(), opts)


@FUZZ
@given(spec=grid, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]), changes=edits,
       opts=options)
def test_generated_and_mutated_csv(template, tmp_path_factory, spec, encoding, changes, opts):
    data = _mutate(_csv(_table(spec), encoding), changes)
    _import_into_fresh_copy(template, tmp_path_factory.mktemp("fuzz"), "生成.csv", data, opts)
