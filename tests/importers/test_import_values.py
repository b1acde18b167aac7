"""Each value normaliser on the ways clerks actually write things."""

from __future__ import annotations

import datetime as dt

import pytest

from lawgov_desktop.core.text import (
    cell_text,
    code_lost_digits,
    code_text,
    normalise_doc_number,
    parse_date,
    text,
)
from lawgov_desktop.importers.values import header_key, split_regions


@pytest.mark.parametrize(("value", "expected"), [
    ("  市发改局\u3000", "市发改局"),
    ("\ufeff市发改局\u200b", "市发改局"),
    ("港口经营许可（含  危险货物）", "港口经营许可（含 危险货物）"),
    ("事项\n名称", "事项 名称"),
    (12.0, "12"),
    (None, ""),
    ("   ", ""),
])
def test_text_single_line(value, expected):
    assert text(value) == expected


def test_text_multiline_keeps_one_law_per_line():
    assert text(" 《A法》第一条\r\n\r\n  《B条例》  第二条 \n", multiline=True) == "《A法》第一条\n《B条例》 第二条"
    assert text("《A法》《B法》", multiline=True) == "《A法》《B法》"


@pytest.mark.parametrize(("value", "expected"), [
    (123456789012345678, "123456789012345678"),
    (1.2345678901234568e17, "123456789012345680"),
    (12.0, "12"),
    (1.5, "1.5"),
    (1e-05, "0.00001"),
    ("00123", "00123"),
    (" 00123 ", "00123"),
    ("4.4E+17", "440000000000000000"),
    ("1、729", "1、729"),
    (float("nan"), ""),
    (None, ""),
])
def test_code_text_never_scientific(value, expected):
    assert code_text(value) == expected


def test_code_lost_digits_flags_long_numbers_only():
    assert code_lost_digits(1.2345678901234568e17)
    assert code_lost_digits("4.4E+17")
    assert not code_lost_digits(441500.0)
    assert not code_lost_digits(123456789012345678)  # an int read exactly (CSV/ODS text)
    assert not code_lost_digits("440000000000000123")


def test_cell_text_is_what_excel_shows():
    assert cell_text(dt.datetime(2022, 10, 1)) == "2022-10-01"
    assert cell_text(dt.datetime(2022, 10, 1, 8, 30)) == "2022-10-01 08:30:00"
    assert cell_text(3.0) == "3"


@pytest.mark.parametrize("value", [
    "2022年10月1日", "2022.10.1", "2022-10-01", "2022/10/1", "2022 年 10 月 1 日", "二〇二二年十月一日",
    "20221001", 20221001, "2022-10-01 00:00:00", "２０２２年１０月１日", dt.date(2022, 10, 1),
    dt.datetime(2022, 10, 1, 9, 0),
])
def test_parse_date_accepts_the_usual_spellings(value):
    assert parse_date(value) == (dt.date(2022, 10, 1), None)


def test_parse_date_month_only_and_bad_values_warn():
    assert parse_date("2022年10月") == (dt.date(2022, 10, 1), "日期“2022年10月”只写到月份，按当月1日处理")
    assert parse_date("不详") == (None, "无法识别的日期“不详”")
    assert parse_date("2022-02-30") == (None, "日期不存在“2022-02-30”")
    assert parse_date(44835) == (None, "无法识别的日期“44835”")  # a serial in a non-date cell
    assert parse_date("99999999999999999999-1-1")[0] is None
    assert parse_date(None) == (None, None)
    assert parse_date("  ") == (None, None)


@pytest.mark.parametrize("written", [
    "汕府函〔2022〕39号", "汕府函(2022)39号", "汕府函（2022）39号", "汕府函[2022]39号", "汕府函【2022】39号",
    "汕府函［2022］39号", "汕府函﹝2022﹞39号", "汕府函 （2022） 39 号",
])
def test_doc_numbers_become_hexagonal_brackets(written):
    assert normalise_doc_number(written) == ("汕府函〔2022〕39号", written.strip())


def test_doc_number_brackets_not_around_a_year_are_kept():
    assert normalise_doc_number("粤府函〔2020〕136号（附件）")[0] == "粤府函〔2020〕136号（附件）"


@pytest.mark.parametrize(("cell", "names"), [
    ("田墘街道、东洲街道、遮浪街道", ["田墘街道", "东洲街道", "遮浪街道"]),
    ("田墘街道，东洲街道", ["田墘街道", "东洲街道"]),
    ("田墘街道,东洲街道", ["田墘街道", "东洲街道"]),
    ("田墘街道；东洲街道;遮浪街道", ["田墘街道", "东洲街道", "遮浪街道"]),
    ("田墘街道\n东洲街道\r\n遮浪街道", ["田墘街道", "东洲街道", "遮浪街道"]),
    ("田墘街道 东洲街道\u3000遮浪街道", ["田墘街道", "东洲街道", "遮浪街道"]),
    ("田墘街道/东洲街道", ["田墘街道", "东洲街道"]),
    ("红海湾经济开发试验区田墘街道、城区捷胜镇", ["红海湾经济开发试验区田墘街道", "城区捷胜镇"]),
    ("东洲街道（限渔港、码头），遮浪街道。", ["东洲街道（限渔港、码头）", "遮浪街道"]),
    ("田墘街道、田墘街道、、", ["田墘街道"]),
    (None, []),
])
def test_split_regions(cell, names):
    assert split_regions(cell) == names


@pytest.mark.parametrize(("header", "key"), [
    ("项 目 名 称", "项目名称"),
    ("备    注", "备注"),
    ("事项\n名称", "事项名称"),
    ("＊事项名称", "事项名称"),
    ("*事项名称", "事项名称"),
    ("处罚行为（违法行为）", "处罚行为(违法行为)"),
    ("中央行政许可事项清单（２０２２年版）序号", "中央行政许可事项清单(2022年版)序号"),
    ("【承接主体】", "(承接主体)"),
    ("\u3000序号\u3000", "序号"),
    (None, ""),
])
def test_header_key(header, key):
    assert header_key(header) == key
