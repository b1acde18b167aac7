"""The one set of text rules for every way a value enters the library.

A record typed in the window's forms, given to the ``lawgov`` command line or read from a
workbook must be stored the same way, or the same document number or name becomes two.  So the
library and the importer both normalise through these pure functions: trimming and whitespace
(one-line fields vs fields whose line breaks mean something), codes, dates as clerks write them,
and document numbers with the year in 〔〕 however it was bracketed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from .kinds import CODE, DATE, DOCUMENT_NUMBER, KINDS, MULTILINE


def _keys_following(rule: str) -> frozenset[str]:
    """The fields of any kind that follow ``rule`` (the kinds say which rule each field follows)."""
    return frozenset(f.key for kind in KINDS.values() for f in kind.fields if f.rule == rule)


# Fields whose line breaks mean something (several laws or duties, one per line); others, incl.
# the short responsibility details (承办机构, 层级, 层级范围), are one line.
MULTILINE_FIELDS = _keys_following(MULTILINE)
# Fields holding codes or sequence numbers: digits as written, never "12.0" or "1.2E+17".
CODE_FIELDS = _keys_following(CODE)
DATE_FIELDS = _keys_following(DATE)
DOCUMENT_NUMBER_FIELDS = _keys_following(DOCUMENT_NUMBER)

# Characters str.strip() leaves alone but that are invisible in a cell.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_WHITESPACE_RUN = re.compile(r"\s{2,}|[^\S ]")
_ANY_WHITESPACE = re.compile(r"\s+")
# Exponent bounded: "1E999999" is not a code, and expanding it would cost a million digits.
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:\.\d+)?[eE][+-]?\d{1,2}$")
# Excel keeps 15 significant digits: integral numbers from here up may have lost their tail.
_EXCEL_EXACT_LIMIT = 10**15


def cell_text(value: object) -> str:
    """Any cell value as plain text as a clerk reads it: no "12.0", no "1.2e+17", no "00:00:00"."""
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def text(value: object, *, multiline: bool = False) -> str:
    """Trimmed text of a cell or a form field.

    Names and departments (``multiline=False``) become one line with whitespace runs collapsed to a
    single space, so "市发改局 " and "市发改局" match.  Long texts such as legal bases keep their
    line breaks (one law per line is meaningful) but lose blank lines and per-line padding.
    """
    if value is None:
        return ""
    # str.strip() already removes all Unicode whitespace, incl. U+3000 and U+00A0.
    s = (value if type(value) is str else cell_text(value)).strip()
    if s and (s[0] in _INVISIBLE or s[-1] in _INVISIBLE):
        s = s.strip(_INVISIBLE).strip()
    if not s:
        return ""
    if multiline and ("\n" in s or "\r" in s):
        lines = (_ANY_WHITESPACE.sub(" ", line.strip()) for line in s.splitlines())
        return "\n".join(line for line in lines if line)
    return _ANY_WHITESPACE.sub(" ", s) if _WHITESPACE_RUN.search(s) else s


def code_text(value: object) -> str:
    """A code or sequence number as text: never "1.23E+17", never "12.0".

    Numbers stored as numbers give their integer digits; text cells keep leading zeros.  A text
    cell holding scientific notation (a CSV saved from Excel) is expanded to digits; see
    :func:`code_lost_digits` for the warning that goes with it.
    """
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        return cell_text(value)
    s = text(value)
    if _SCIENTIFIC.match(s):
        try:
            number = Decimal(s)
        except InvalidOperation:
            return s
        if number == number.to_integral_value():
            return str(int(number))
        return format(number, "f")
    return s


def code_lost_digits(value: object) -> bool:
    """True when a code reached us as a number too long for Excel to have kept exactly.

    Excel stores numbers as doubles with 15 significant digits, so an 18-digit code typed into a
    number cell already ends in zeros in the file: nothing can restore it, the clerk must check.
    """
    if isinstance(value, float):
        return value == value and abs(value) >= _EXCEL_EXACT_LIMIT
    if isinstance(value, str):
        # Excel wrote what it displayed: the digits beyond the mantissa are gone.
        return bool(_SCIENTIFIC.match(value.strip()))
    return False


_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}


def _cn_number(s: str) -> int | None:
    """"二〇二二" → 2022, "十" → 10, "二十一" → 21, "31" → 31; None when not a number."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _CN_DIGITS.get(tens) if tens else 1
        o = _CN_DIGITS.get(ones) if ones else 0
        return None if t is None or o is None else t * 10 + o
    digits = [_CN_DIGITS.get(ch) for ch in s]
    if not digits or any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


_NUM = r"([0-9]{1,4}|[〇零○Ｏ一二三四五六七八九十]{1,4})"
_DATE_FULL = re.compile(rf"^{_NUM}\s*[年./\-]\s*{_NUM}\s*[月./\-]\s*{_NUM}\s*[日号]?(?:[\sT].*)?$")
_DATE_MONTH = re.compile(rf"^{_NUM}\s*[年./\-]\s*{_NUM}\s*月?(?:份)?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(value: object) -> tuple[dt.date | None, str | None]:
    """A date from a date cell or a string as clerks write it; returns (date, warning).

    Accepts 2022-10-01, 2022/10/1, 2022.10.1, 2022年10月1日, 二〇二二年十月一日, 20221001, and
    2022年10月 (taken as the first of the month, with a warning).  Plain numbers are not taken as
    Excel serial dates: a real date cell already arrives as a date, and guessing would turn a
    sequence number into 1900-something.  Unreadable text gives (None, warning).
    """
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    s = code_text(value) if isinstance(value, (int, float)) else text(value)
    if not s:
        return None, None
    compact = unicodedata.normalize("NFKC", s)
    month_only = False
    if (m := _DATE_COMPACT.match(compact)) or (m := _DATE_FULL.match(compact)):
        parts = m.groups()
    elif m := _DATE_MONTH.match(compact):
        parts = (*m.groups(), "1")
        month_only = True
    else:
        return None, f"无法识别的日期“{s}”"
    year, month, day = (_cn_number(p) for p in parts)
    if year is None or month is None or day is None:
        return None, f"无法识别的日期“{s}”"
    try:
        date = dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None, f"日期不存在“{s}”"
    if month_only:
        return date, f"日期“{s}”只写到月份，按当月1日处理"
    return date, None


_YEAR_BRACKETS = re.compile(r"[〔\[［【(（﹝〈<《{｛]\s*(\d{4})\s*[〕\]］】)）﹞〉>》}｝]")


def normalise_doc_number(value: object) -> tuple[str, str]:
    """Document number with the year in 〔〕 as GB/T 9704 writes it; returns (normalised, original).

    "汕府函（2022）39 号", "汕府函[2022]39号" and "汕府函【2022】39号" all become
    "汕府函〔2022〕39号", so the same document is one document however it was typed.
    """
    original = text(value)
    normalised = _YEAR_BRACKETS.sub(r"〔\1〕", original)
    normalised = _ANY_WHITESPACE.sub("", normalised)
    return normalised, original
