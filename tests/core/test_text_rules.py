"""One set of text rules: a value typed in a form, given to ``lawgov add``/``edit`` or read from a
workbook is stored the same way.

The property test generates every text-ish field kind as clerks write it (names and one-line
texts with stray and full-width spaces, free texts with line breaks, codes, document numbers in
every bracket form with random spaces, dates in every accepted spelling), stores one power and
one delegation through each path into its own copy of the same database, and compares the rows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawgov_desktop.cli.main import main
from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.plan import ImportOptions, import_file

USER = "测试员"
DEPARTMENT = "市发改局"
TOWNSHIP = "田墘街道"
POWER_COLUMNS = ("code", "name", "domain", "legal_basis", "penalty_range", "remark")
DELEGATION_COLUMNS = ("effective_date", "document_number", "document_number_raw")
HEADER = {"code": "事项编码", "name": "事项名称", "domain": "执法领域", "legal_basis": "实施依据",
          "penalty_range": "处罚种类及幅度", "remark": "备注", "department": "原实施主体",
          "receiving": "承接主体", "effective_date": "生效时间", "document_number": "文号"}
# What a placeholder record holds before ``update``/``edit`` writes the generated values.
PLACEHOLDER = {"code": "X0", "name": "待改事项", "domain": "待改", "legal_basis": "待改", "penalty_range": "待改",
               "remark": "待改", "effective_date": "2000-01-01", "document_number": "待改〔2000〕1号"}

SPACES = " \u3000\u00a0\t"
CN_DIGITS = "〇一二三四五六七八九"
BRACKETS = ("〔〕", "﹝﹞", "()", "（）", "[]", "【】", "［］")

space = st.text(alphabet=SPACES, max_size=3)
# Words that cannot be read as a heading ("一、"), a subtotal or a header of the list.
word = st.text(alphabet="对违法行为的处罚检查食品药品市场监管法条例规定ABCxyz《》：；，。", min_size=1, max_size=8)


@st.composite
def one_line(draw: st.DrawFn) -> str:
    """A name or short text: words joined by runs of odd spaces, padded with spaces."""
    words = draw(st.lists(word, min_size=1, max_size=4))
    inner = "".join(w + draw(space) for w in words[:-1]) + words[-1]
    return draw(space) + "对" + inner + draw(space)


@st.composite
def free_text(draw: st.DrawFn) -> str:
    """A legal basis or remark: lines with padding, blank lines and any line break."""
    lines = draw(st.lists(st.one_of(one_line(), space), min_size=1, max_size=4))
    breaks = [draw(st.sampled_from(("\n", "\r\n", "\n\n", "\n \u3000\n"))) for _ in lines[1:]]
    return lines[0] + "".join(b + line for b, line in zip(breaks, lines[1:], strict=True))


digits = st.text(alphabet="0123456789", min_size=1, max_size=12)
# Codes with leading zeros, or as a CSV saved from Excel writes a long one ("4.4E+17").
code = st.builds(lambda pad, written, tail: pad + written + tail,
                 space, st.one_of(digits, st.builds("{}.{}E+{}".format, st.integers(1, 9), digits,
                                                    st.integers(12, 17))), space)


@st.composite
def document_number(draw: st.DrawFn) -> str:
    """汕府函〔2022〕45号 in any bracket pair, with spaces anywhere a clerk puts them."""
    opening, closing = draw(st.sampled_from(BRACKETS))
    parts = (draw(st.sampled_from(("汕府函", "粤府", "汕法治办", "汕尾市府办"))), opening,
             str(draw(st.integers(1990, 2030))), closing, str(draw(st.integers(1, 300))), "号")
    return draw(space) + "".join(part + draw(space) for part in parts)


def _cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 30 → 三十 as dates are written in Chinese."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else CN_DIGITS[tens]) + "十" if tens else "") + (CN_DIGITS[ones] if ones else "")


def _full_width(s: str) -> str:
    return s.translate(str.maketrans("0123456789", "０１２３４５６７８９"))


SPELLINGS: tuple[Callable[[dt.date], str], ...] = (
    lambda d: d.isoformat(),
    lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d.year}.{d.month:02}.{d.day:02}",
    lambda d: f"{d.year}{d.month:02}{d.day:02}",
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{d.year} 年 {d.month} 月 {d.day} 日",
    lambda d: _full_width(f"{d.year}年{d.month}月{d.day}日"),
    lambda d: "".join(CN_DIGITS[int(c)] for c in str(d.year)) + f"年{_cn_number(d.month)}月{_cn_number(d.day)}日",
)
date_text = st.builds(lambda day, spell, pad: pad + spell(day) + pad,
                      st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), st.sampled_from(SPELLINGS), space)

record = st.fixed_dictionaries({
    "code": code, "name": one_line(), "domain": one_line(), "legal_basis": free_text(),
    "penalty_range": free_text(), "remark": free_text(), "effective_date": date_text,
    "document_number": document_number(),
})


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database knowing the department (by its alias) and the shipped township."""
    path = tmp_path_factory.mktemp("text-rules") / "template.sqlite3"
    with Library(path, user=USER) as lib:
        lib.records.create("department", {"name": "汕尾市发展和改革局", "aliases": DEPARTMENT})
    return path


@pytest.fixture(autouse=True)
def _user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAWGOV_USER", USER)
    monkeypatch.delenv("LAWGOV_DB", raising=False)


def _copy(template: Path, folder: Path, name: str) -> Path:
    target = folder / f"{name}.sqlite3"
    shutil.copyfile(template, target)
    return target


def _split(values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(power fields, delegation fields) of one generated record."""
    power = {key: values[key] for key in POWER_COLUMNS if key in values}
    return power, {key: values[key] for key in ("effective_date", "document_number")}


def _stored(path: Path) -> dict[str, Any]:
    """The power and its delegation as the database holds them."""
    with Library(path, user=USER) as lib:
        power = dict(lib.store.conn.execute(f"SELECT id, {', '.join(POWER_COLUMNS)} FROM power").fetchone())
        delegation = lib.store.conn.execute(f"SELECT {', '.join(DELEGATION_COLUMNS)} FROM delegation WHERE power_id = ?",
                                      (power.pop("id"),)).fetchone()
        return {**power, **dict(delegation)}


def by_library(path: Path, values: dict[str, Any]) -> None:
    """As the window's forms save a new record."""
    power, delegation = _split(values)
    with Library(path, user=USER) as lib:
        power_id = lib.records.create("power", {**power, "department": DEPARTMENT})
        lib.records.create("delegation", {**delegation, "power_id": power_id, "region": TOWNSHIP})


def by_library_update(path: Path, values: dict[str, Any]) -> None:
    """As the window's forms save an edited record."""
    power, delegation = _split(values)
    placeholder_power, placeholder_delegation = _split(PLACEHOLDER)
    with Library(path, user=USER) as lib:
        power_id = lib.records.create("power", {**placeholder_power, "department": DEPARTMENT})
        delegation_id = lib.records.create("delegation", {**placeholder_delegation, "power_id": power_id, "region": TOWNSHIP})
        lib.records.update("power", power_id, power)
        lib.records.update("delegation", delegation_id, delegation)


def _lawgov(path: Path, *args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--db", str(path), *args])
    assert code == 0, out.getvalue()
    return out.getvalue()


def _options(fields: dict[str, Any]) -> list[str]:
    # --key=value, so a value starting with "-" is never taken for an option.
    return [f"--{key.replace('_', '-')}={value}" for key, value in fields.items()]


def by_cli(path: Path, values: dict[str, Any]) -> None:
    """``lawgov add power …`` then ``lawgov add delegation …``."""
    power, delegation = _split(values)
    power_id = _lawgov(path, "add", "power", *_options({**power, "department": DEPARTMENT})).strip()
    _lawgov(path, "add", "delegation", *_options({**delegation, "power_id": power_id, "region": TOWNSHIP}))


def by_cli_edit(path: Path, values: dict[str, Any]) -> None:
    """``lawgov edit`` of records added with placeholder values."""
    power, delegation = _split(values)
    placeholder_power, placeholder_delegation = _split(PLACEHOLDER)
    power_id = _lawgov(path, "add", "power", *_options({**placeholder_power, "department": DEPARTMENT})).strip()
    delegation_id = _lawgov(path, "add", "delegation", *_options(
        {**placeholder_delegation, "power_id": power_id, "region": TOWNSHIP})).strip()
    _lawgov(path, "edit", "power", power_id, *_options(power))
    _lawgov(path, "edit", "delegation", delegation_id, *_options(delegation))


def by_import(path: Path, values: dict[str, Any], cells: dict[str, object] | None = None) -> None:
    """A one-row 赋权清单 workbook written with openpyxl; ``cells`` replaces values by typed cells."""
    row = {**values, "department": DEPARTMENT, "receiving": TOWNSHIP, **(cells or {})}
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([HEADER[key] for key in HEADER])
    sheet.append([row[key] for key in HEADER])
    workbook = path.with_suffix(".xlsx")
    book.save(workbook)
    with Library(path, user=USER) as lib:
        result = import_file(lib, workbook, ImportOptions(kind="power"))
    assert (result.inserted, result.rejected) == (1, []), result


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(values=record)
def test_forms_cli_and_import_store_every_field_alike(values: dict[str, Any], template: Path,
                                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("paths")
    stored = {}
    for name, store in (("library", by_library), ("library_update", by_library_update), ("cli", by_cli),
                        ("cli_edit", by_cli_edit), ("import", by_import)):
        path = _copy(template, folder, name)
        store(path, values)
        stored[name] = _stored(path)
    assert all(row == stored["library"] for row in stored.values()), stored


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(values=record, day=st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), as_number=st.booleans())
def test_a_date_cell_is_stored_as_the_date_typed(values: dict[str, Any], day: dt.date, as_number: bool,
                                                 template: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A real date cell (or 20221001 in a number cell) is the date a clerk types as 2022-10-01."""
    folder = tmp_path_factory.mktemp("cells")
    typed, imported = _copy(template, folder, "typed"), _copy(template, folder, "imported")
    by_library(typed, {**values, "effective_date": day.isoformat()})
    cell = int(day.strftime("%Y%m%d")) if as_number else day
    by_import(imported, values, {"effective_date": cell})
    assert _stored(imported) == _stored(typed)


@pytest.mark.parametrize("store", [by_library, by_cli, by_import])
def test_the_two_reported_cases(store: Callable[[Path, dict[str, Any]], None], template: Path,
                                tmp_path: Path) -> None:
    """"汕府函﹝2022﹞45号" and "汕府函〔2022〕 45 号" are one number; a date in Chinese numerals or
    as 20221001 is taken by the form and the command line as by the import."""
    for written, spelled in (("汕府函﹝2022﹞45号", "二〇二二年十月一日"), ("汕府函〔2022〕 45 号", "20221001")):
        path = _copy(template, tmp_path, f"{store.__name__}-{spelled}")
        store(path, {**PLACEHOLDER, "document_number": written, "effective_date": spelled})
        stored = _stored(path)
        assert (stored["document_number"], stored["effective_date"]) == ("汕府函〔2022〕45号", "2022-10-01")
        assert stored["document_number_raw"] == written
