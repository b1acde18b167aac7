"""Hostile workbooks through the whole import, each in its own process so that its peak memory
(``resource.getrusage``) and time can be bounded: a zip bomb expanding to gigabytes, a bomb that
only declares gigabytes, an XML external entity, "billion laughs", a million tiny shared strings
and a value in the sheet's last cell.  Each is refused with the clear message or read, within
the bounds, and a refused file leaves the database byte for byte as it was."""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("resource")  # getrusage: POSIX

ROOT = Path(__file__).resolve().parents[2]
MAX_SECONDS = 20.0
MAX_PEAK_MB = 300  # a refused file peaks at about 30 MB, a million shared strings at about 80 MB
SHEET = "xl/worksheets/sheet1.xml"
MAIN_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'

# Runs in a grandchild: import one file, report the outcome and the time.
WORKER = """
import json, sys, time
from lawgov_desktop.core.errors import LawGovError
from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.plan import import_file
started = time.perf_counter()
with Library(sys.argv[1], user="测试员") as lib:
    try:
        result = import_file(lib, sys.argv[2])
        outcome, message = "imported", f"{result.inserted} inserted, {len(result.rejected)} rejected"
    except LawGovError as error:
        outcome, message = "refused", str(error)
print(json.dumps({"outcome": outcome, "message": message, "seconds": time.perf_counter() - started}))
"""
# Runs the worker and adds its peak resident size.  Linux keeps ru_maxrss across exec, so a child
# of the (large) test process would report the test process's size; the worker is forked from
# this small launcher instead and measured with RUSAGE_CHILDREN.
LAUNCHER = """
import json, resource, subprocess, sys
worker = subprocess.run([sys.executable, "-c", sys.argv[1], *sys.argv[2:]], capture_output=True, check=True)
report = json.loads(worker.stdout)
kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
report["peak_mb"] = kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024
print(json.dumps(report))
"""


def _licence_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["序号", "主管部门", "事项名称", "行使层级"])
    book.active.append([1, "汕尾市发展和改革局", "企业投资项目核准", "市级"])
    book.save(path)
    return path


def _rewrite(source: Path, target: Path, change: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change.get(info.filename, zin.read(info.filename)))
        for name in set(change) - set(zin.namelist()):
            zout.writestr(name, change[name])
    return target


def _bomb(folder: Path, base: Path) -> Path:
    """A real bomb: the sheet part inflates to 2 GiB of zeros from a file of a few megabytes."""
    path = folder / "炸弹.xlsx"
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for info in zin.infolist():
            if info.filename != SHEET:
                zout.writestr(info.filename, zin.read(info.filename))
        with zout.open(SHEET, "w", force_zip64=True) as stream:
            stream.write(b'<?xml version="1.0"?><worksheet ' + MAIN_NS + b"><sheetData>")
            block = b" " * (16 * 1024 * 1024)
            for _ in range(128):
                stream.write(block)
    return path


def _declared_bomb(folder: Path, base: Path) -> Path:
    data = bytearray(base.read_bytes())
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        struct.pack_into("<I", data, position + 24, 0xB0000000)  # each entry claims 2.9 GB
        position = data.find(b"PK\x01\x02", position + 4)
    path = folder / "声明巨大.xlsx"
    path.write_bytes(bytes(data))
    return path


def _xxe(folder: Path, base: Path) -> Path:
    with zipfile.ZipFile(base) as archive:
        body = archive.read(SHEET).split(b"?>", 1)[-1]
    prolog = b'<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    return _rewrite(base, folder / "外部实体.xlsx", {SHEET: prolog + body.replace(b"<v>", b"<v>&xxe;", 1)})


def _laughs(folder: Path, base: Path) -> Path:
    entities = b'<!ENTITY a0 "lol">' + b"".join(b'<!ENTITY a%d "%s">' % (i, b"&a%d;" % (i - 1) * 10)
                                                  for i in range(1, 10))
    sst = (b'<?xml version="1.0"?><!DOCTYPE sst [' + entities + b"]><sst " + MAIN_NS
           + b' count="1" uniqueCount="1"><si><t>&a9;</t></si></sst>')
    return _rewrite(base, folder / "十亿笑声.xlsx", {"xl/sharedStrings.xml": sst})


def _million_strings(folder: Path, base: Path) -> Path:
    sst = io.BytesIO()
    sst.write(b'<?xml version="1.0" encoding="UTF-8"?><sst ' + MAIN_NS + b' count="1000004" uniqueCount="1000004">')
    for header in ("主管部门", "事项名称", "汕尾市发展和改革局", "企业投资项目核准"):
        sst.write(b"<si><t>" + header.encode() + b"</t></si>")
    sst.write(b"<si><t>x</t></si>" * 1_000_000)
    sst.write(b"</sst>")
    sheet = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet ' + MAIN_NS + b"><sheetData>"
             b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
             b'<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row></sheetData></worksheet>')
    with zipfile.ZipFile(base) as archive:
        types = archive.read("[Content_Types].xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    if b"sharedStrings" not in types:
        types = types.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                              b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        rels = rels.replace(b"</Relationships>", b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats'
                            b'.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                            b"</Relationships>")
    return _rewrite(base, folder / "百万字符串.xlsx", {SHEET: sheet, "xl/sharedStrings.xml": sst.getvalue(),
                                                     "[Content_Types].xml": types,
                                                     "xl/_rels/workbook.xml.rels": rels})


def _last_cell(folder: Path, base: Path) -> Path:
    with zipfile.ZipFile(base) as archive:
        xml = archive.read(SHEET)
    xml = xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'
                                       b"</row></sheetData>")
    return _rewrite(base, folder / "最后一格.xlsx", {SHEET: xml})


HOSTILE = {  # builder → the outcome expected and a fragment of the message
    "bomb": (_bomb, "refused", "压缩炸弹"),
    "declared_bomb": (_declared_bomb, "refused", "压缩炸弹"),
    "xxe": (_xxe, "refused", "DOCTYPE"),
    "billion_laughs": (_laughs, "refused", "DOCTYPE"),
    "million_shared_strings": (_million_strings, "imported", "1 inserted"),
    "last_cell": (_last_cell, "refused", "数据范围异常大"),
}


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from lawgov_desktop.core.library import Library

    path = tmp_path_factory.mktemp("hostile") / "blank.sqlite3"
    Library(path).close()
    return path


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_workbook_is_refused_or_read_within_time_and_memory(name, blank, tmp_path):
    build, expected, fragment = HOSTILE[name]
    hostile = build(tmp_path, _licence_workbook(tmp_path / "清单.xlsx"))
    database = tmp_path / "lawgov.sqlite3"
    shutil.copyfile(blank, database)
    before = database.read_bytes()
    environment = {**{k: v for k, v in os.environ.items() if not k.startswith("LAWGOV_")}, "PYTHONPATH": str(ROOT)}
    child = subprocess.run([sys.executable, "-c", LAUNCHER, WORKER, str(database), str(hostile)], capture_output=True,
                           cwd=ROOT, env=environment, timeout=120, check=False)
    assert child.returncode == 0, child.stderr.decode("utf-8", "replace")
    report = json.loads(child.stdout)
    print(f"{name}: {hostile.stat().st_size / 1e6:.1f} MB file, {report}")
    assert report["outcome"] == expected and fragment in report["message"]
    assert report["seconds"] < MAX_SECONDS and report["peak_mb"] < MAX_PEAK_MB
    if expected == "refused":
        assert database.read_bytes() == before
