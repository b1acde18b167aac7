"""Read a department's 权责清单 (its list of powers and responsibilities) into records.

The layouts departments publish differ from the licence catalogue and the delegation list: one
sheet per power type ("行政许可（11项）") or one big sheet; a record whose 序号 and name are merged
down over rows holding parts of its duties; sub-items one per row (序号 blank, name blank or
repeated) or several numbered entries in one cell ("1.新设采矿权审批   2.采矿权延续登记"); "无" for
none; 序号 "2,3" for one item; a sentence in the 序号 column as a footnote; the department only in
the title or the file name.  The header, the columns and the conversion of cells are the shared
ones of ``shaping.py``; this module decides which rows make an item, a sub-item or the rest of the
record above.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lawgov_desktop.core import fields as f
from lawgov_desktop.core.records import name_key
from lawgov_desktop.core.text import text

# 序号 of an item: a number, or several ("2,3", "4、5"), as the cell or the parser wrote it.
_NUMBERED = re.compile(r"^\s*\d+(?:\.0+)?\s*(?:[,，、;；/-]\s*\d+(?:\.0+)?\s*)*[.．、]?\s*$")
# A sheet named by its type and count: "行政许可（11项）", "行政征收（ 1 项）", "其他行政权力".
_TYPE_SHEET = re.compile(r"^\s*(?P<type>[^（(\d]+?)\s*(?:[（(]\s*(?:共\s*)?(?P<count>\d+)\s*项?\s*[)）])?\s*$")
# "1." "2、" "(3)" "4）" opening an entry of a sub-item cell.
_ENTRY_MARK = re.compile(r"(?:^|(?<=[\s；;。，,]))[(（]?(?P<n>\d{1,2})\s*[.．、)）]\s*")
_NONE = {"无", "无子项", "/", "-", "—", "——", "否", "空"}
# Where the name of a department ends in a title or a file name.
_DEPARTMENT_END = re.compile(r"^(?P<name>.+?(?:委员会|办公室|局|厅|委|办|中心|院|署|系统|站|队|所|处))")
_YEAR = re.compile(r"\d{4}\s*年度?")
_LIST_WORDS = ("权责清单", "权力清单", "责任清单", "权力和责任清单", "权责事项")
_LEVEL_SHEET = re.compile(r"级$")


@dataclass(frozen=True)
class SheetType:
    """What a sheet's name says: the power type of its rows and the count it states."""

    power_type: str | None
    stated_count: int | None


def sheet_type(sheet_name: str) -> SheetType:
    """The type and count a sheet-per-type workbook writes in the sheet name, if any."""
    match = _TYPE_SHEET.match(sheet_name or "")
    if match is None:
        return SheetType(None, None)
    power_type, known = f.power_type_from_text(match.group("type"))
    if not known:
        return SheetType(None, None)
    count = match.group("count")
    return SheetType(power_type, int(count) if count else None)


# The number a heading row opens with: "一、", "（二）", "第三部分" (the shaper tells heading rows by it).
HEADING_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)\s*")
_HEADING_COUNT = re.compile(r"[(（]\s*(?:共\s*)?(\d+)\s*项?\s*[)）]\s*$")


def heading_type(line: str) -> SheetType:
    """What a heading row inside one big sheet says ("一、行政许可（共17项）"), like a sheet's name."""
    count = _HEADING_COUNT.search(line)
    bare = _HEADING_COUNT.sub("", HEADING_NUMBER.sub("", line))
    power_type, known = f.power_type_from_text(bare)
    if not known:
        return SheetType(None, None)
    return SheetType(power_type, int(count.group(1)) if count else None)


def is_numbered(sequence: str) -> bool:
    """True for an item's 序号 ("12", "2,3"); False for a sentence written in that column."""
    return bool(_NUMBERED.match(sequence))


def split_sub_items(value: object) -> list[str]:
    """The sub-items one cell names: "无" none, "1.… 2.…" each entry, otherwise the one text.

    Entries are numbered in order from the first mark at the start of the cell, separated by line
    breaks, runs of spaces or punctuation; a number inside a name ("5.5米以下") is not an entry
    mark because the marks must count on in order.
    """
    raw = text(value, multiline=True)
    compact = "".join(raw.split())
    if not compact or compact in _NONE:
        return []
    first = _ENTRY_MARK.match(raw.lstrip())
    if first is None:
        return [_entry(raw)]
    marks = []
    expected = int(first.group("n"))  # a row of its own may go on counting: "2.建筑业企业资质审批"
    for match in _ENTRY_MARK.finditer(raw):
        if int(match.group("n")) == expected:
            marks.append(match)
            expected += 1
    ends = [m.start() for m in marks[1:]] + [len(raw)]
    entries = [_entry(raw[mark.end():end]) for mark, end in zip(marks, ends, strict=True)]
    return [entry for entry in entries if entry]


def _entry(value: str) -> str:
    return " ".join(value.split()).strip(" ；;。，,、")


def department_from_title(*texts: str | None) -> str | None:
    """The department a title or a file name names ("克拉玛依市住房和城乡建设局2024年权责清单.xls")."""
    for value in texts:
        if not value:
            continue
        s = re.sub(r"\.[A-Za-z]{2,4}$", "", value.strip())
        s = re.sub(r"^附\s*件\s*\d*\s*[:：、]?", "", s)
        s = re.sub(r"\s*[（(]\d+[)）]\s*$", "", s)
        s = _YEAR.sub("", s)
        for word in _LIST_WORDS:
            if word in s:
                s = s.split(word, 1)[0]
        s = "".join(s.split())
        match = _DEPARTMENT_END.match(s)
        if match:
            return match.group("name")
    return None


@dataclass
class ResponsibilityRow:
    """One data row of a 权责清单 sheet: its row number, converted values and raw texts."""

    row_number: int
    values: dict[str, object]
    original: dict[str, str]


@dataclass
class GroupedItem:
    """An item read from one or more rows, with its sub-items (each a row's values and name)."""

    row_number: int
    values: dict[str, object]
    original: dict[str, str]
    sub_items: list[ResponsibilityRow]


# Fields that name the record and decide grouping; never joined from a continuation row.
_IDENTITY = ("sequence", "name", "sub_item", "power_type", "code")


def group_rows(rows: Iterable[ResponsibilityRow], *, sheet_name: str,
               warnings: list[str]) -> list[GroupedItem]:
    """Items and sub-items from the data rows, by the rules of published 权责清单.

    An item is a row whose 序号 is a number (or "2,3"), or a row with a blank 序号 whose name is
    filled and differs from the item above.  A row with a blank 序号 that repeats the item's name
    or leaves it blank holds sub-items when 子项名称 is filled, otherwise it is the rest of the
    record above (what merged cells or a long text spread over several rows), joined in order.
    A sentence in the 序号 column is a footnote.
    """
    items: list[GroupedItem] = []
    current: GroupedItem | None = None
    target: dict[str, object] | None = None  # the record continuation rows add to
    footnotes = []
    for row in rows:
        values = row.values
        sequence = text(values.get("sequence"))
        name = text(values.get("name"))
        if sequence and not is_numbered(sequence):
            footnotes.append(row.row_number)
            continue
        starts_item = bool(sequence) or bool(name and (current is None or name_key(name) != name_key(
            text(current.values.get("name")))))
        entries = split_sub_items(values.get("sub_item"))
        if starts_item:
            own = {k: v for k, v in values.items() if k != "sub_item"}
            current = GroupedItem(row.row_number, own, {k: v for k, v in row.original.items() if k != "sub_item"}, [])
            items.append(current)
            target = current.values
            for entry in entries:  # sub-items named on the item's own row share its other cells
                current.sub_items.append(ResponsibilityRow(row.row_number, {"name": entry}, {"name": entry}))
            continue
        if current is None:
            warnings.append(f"工作表“{sheet_name}”第{row.row_number}行在第一项之前，没有事项名称，已跳过")
            continue
        if entries:
            own = {k: v for k, v in values.items() if k not in ("sequence", "name", "sub_item")}
            for entry in entries:
                sub = ResponsibilityRow(row.row_number, {**own, "name": entry}, {**row.original, "name": entry})
                current.sub_items.append(sub)
                target = sub.values
            continue
        assert target is not None
        _join_into(target, values)
    if footnotes:
        rows_text = "、".join(str(n) for n in footnotes[:5]) + ("等" if len(footnotes) > 5 else "")
        warnings.append(f"工作表“{sheet_name}”第{rows_text}行的序号栏是说明文字，按注释处理，未作为事项导入")
    return items


def _join_into(target: dict[str, object], values: Mapping[str, object]) -> None:
    """The rest of a record on the next row: each text added on a new line, the extra columns too."""
    for key, value in values.items():
        if key in _IDENTITY or value in (None, ""):
            continue
        if key == "extra":
            extra = target.setdefault("extra", {})
            assert isinstance(extra, dict) and isinstance(value, dict)
            for header, cell in value.items():
                extra[header] = _joined(extra.get(header), cell)
            continue
        target[key] = _joined(target.get(key), value)


def _joined(old: object, new: object) -> object:
    if old in (None, ""):
        return new
    old_text, new_text = text(old, multiline=True), text(new, multiline=True)
    if new_text in old_text.split("\n"):
        return old
    return f"{old_text}\n{new_text}"


def level_from_sheet(sheet_name: str) -> str | None:
    """A guidance catalogue's sheet per level ("地州级", "区县级") names the level of its powers."""
    compact = "".join((sheet_name or "").split())
    return compact if _LEVEL_SHEET.search(compact) and len(compact) <= 6 else None
