"""Legal-basis cells read as citations: which law, which articles, what the list quotes of them.

An item exists because a law sets it, yet the lists keep the basis as free text
(【法律】《中华人民共和国食品安全法》（2009年…通过，2021年…修正）\\n 第三十五条：国家对食品生产经营实行许可制度…).
When a law is amended or repealed the office must find every item that cites it, so the text is
parsed into structured citations: the title as written and a key under which the short and the
full title of one law meet, the level tag, the articles (条/款/项 as numbers), the provenance note
in brackets after the title and the quoted provision.  What parses as no citation is kept, so it can
be listed for a clerk to correct.

Pure functions over the standard library only: the importer parses every cell of a workbook, and
the command line imports this module, so it must stay cheap to import and to run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache, total_ordering

# -- numbers -------------------------------------------------------------------------------------

_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                   "八": 8, "九": 9}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMBER = r"[0-9０-９]+|[零〇一二三四五六七八九十百千两]+"


def _number(written: str) -> int:
    """第三十五条 → 35, 第一百零三条 → 103, 第35条 and full-width 第３５条 → 35."""
    if written[0] not in _CHINESE_DIGITS and written[0] not in _CHINESE_UNITS:
        return int(unicodedata.normalize("NFKC", written))
    total = current = 0
    previous_was_digit = False
    for char in written:
        if char in _CHINESE_DIGITS:
            # 一〇三 (written digit by digit) reads positionally; 一百零三 does too after 零.
            current = current * 10 + _CHINESE_DIGITS[char] if previous_was_digit else _CHINESE_DIGITS[char]
            previous_was_digit = True
        else:
            total += (current or 1) * _CHINESE_UNITS[char]
            current = 0
            previous_was_digit = False
    return total + current


def _chinese(number: int) -> str:
    """35 → 三十五, 103 → 一百零三, 10 → 十: article numbers as the laws write them."""
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    if number < 20:
        return "十" + (digits[number - 10] if number > 10 else "")
    text, zero_pending = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            text += ("零" if zero_pending else "") + digits[digit] + unit
            zero_pending = False
        elif text:
            zero_pending = True
    return text


# -- the structured values -----------------------------------------------------------------------


@total_ordering
@dataclass(frozen=True)
class ArticleRef:
    """One cited provision: 第十二条第一款第（三）项 is ArticleRef(12, 1, 3); they sort as the law runs
    (a whole article before its paragraphs)."""

    article: int
    paragraph: int | None = None
    item: int | None = None

    def __lt__(self, other: ArticleRef) -> bool:
        return ((self.article, self.paragraph or 0, self.item or 0)
                < (other.article, other.paragraph or 0, other.item or 0))

    def __str__(self) -> str:
        text = f"第{_chinese(self.article)}条"
        if self.paragraph is not None:
            text += f"第{_chinese(self.paragraph)}款"
        if self.item is not None:
            text += f"第（{_chinese(self.item)}）项"
        return text


@dataclass(frozen=True)
class Citation:
    """One law cited in a legal-basis cell, with what the cell says of it.

    ``title`` is as written between 《》; ``key`` is ``title_key(title)``, the same for the short and
    the full title of one law.  ``level`` is the tag before it (法律, 法规, 规章… as the file writes it,
    None if untagged).  ``note`` is the bracketed provenance after the title (promulgation,
    amendments); ``amended_by`` the amendment decisions that note names.  ``chapters`` are whole
    chapters cited (第五章、第六章…).  ``provision`` is the text quoted after the articles.  ``span``
    is (start, end) of the whole citation in the cell.
    """

    title: str
    key: str
    level: str | None
    articles: tuple[ArticleRef, ...]
    chapters: tuple[int, ...]
    note: str
    amended_by: tuple[str, ...]
    provision: str
    span: tuple[int, int]


# -- titles --------------------------------------------------------------------------------------

_PRC = "中华人民共和国"
# Brackets, quotes and spaces that differ between two writings of one title (after NFKC, which
# already turns full-width forms into half-width ones: （）→(), ＜＞→<>, full-width digits → digits).
_KEY_NOISE = re.compile(r"[\s《》〈〉<>«»‹›「」『』“”‘’\"'·]")
# A trailing edition remark: 《…办法（修正）》, 《…条例(2019年修订)》 name the same law.
_EDITION = re.compile(r"\((?:\d{4}年)?(?:第?[一二三四五六七八九十]+次)?(?:修正|修订|修改)?(?:本|文本|版)?\)$")
_TRIAL = "(试行)"
# Titles that only refer back to the law of the sentence (按《条例》第五十条规定): never a citation of
# their own unless a level tag stands before them.
_BACK_REFERENCES = frozenset({"法", "本法", "条例", "本条例", "办法", "本办法", "规定", "本规定", "细则",
                              "实施细则", "决定", "本决定", "规则", "本规则"})
_AMENDMENT = re.compile(r"关于.*(?:修改|修正|废止).*的?决定|修正案")
_INNER_TITLE = re.compile(r"[〈<＜《]([^〈〉<>＜＞《》]+)[〉>＞》]")
_AMENDMENT_SERIES = re.compile(r"^(.+?)修正案")


@lru_cache(maxsize=8192)  # a list cites a few hundred laws thousands of times
def title_key(title: str) -> str:
    """The key under which one law's writings meet.

    《食品安全法》 and 《中华人民共和国食品安全法》 share a key, as do full- and half-width forms,
    spaces, 〈〉 / <> / 《》 inside a title and a trailing edition remark (（修正）, （2019年修订）);
    《广东省实施〈中华人民共和国人民防空法〉办法》 keeps its own key, not the 人民防空法's.
    """
    key = _KEY_NOISE.sub("", unicodedata.normalize("NFKC", title)).replace(_PRC, "")
    return _EDITION.sub("", key) or key


def is_amendment(title: str) -> bool:
    """Whether the title is an amendment decision (关于修改〈…〉的决定, 关于修改和废止部分行政法规的决定,
    刑法修正案（十一）) rather than a law in force of its own."""
    return _AMENDMENT.search(unicodedata.normalize("NFKC", title)) is not None


def amended_titles(title: str) -> list[str]:
    """The laws an amendment decision names as amended, as written inside it.

    关于修改〈中华人民共和国野生动物保护法〉等十五部法律的决定 → [中华人民共和国野生动物保护法];
    刑法修正案（十一） → [刑法]; a decision naming none (修改部分行政法规) → [] — the laws it amended
    are known only from the citations whose notes name it.
    """
    if not is_amendment(title):
        return []
    named = _INNER_TITLE.findall(title)
    if named:
        return named
    series = _AMENDMENT_SERIES.match(unicodedata.normalize("NFKC", title).strip())
    return [series.group(1)] if series and "关于" not in series.group(1) else []


# -- reading a cell ------------------------------------------------------------------------------

_SPACE = " \t\u3000\xa0"
# 【法律】; at a line's start also 法律】 with its 【 lost.
_LEVEL_TAG = re.compile(r"[【\[［〖][ \t\u3000]*([\u4e00-\u9fff]{1,8})[ \t\u3000]*[】\]］〗]")
_TAG_LOST_BRACKET = re.compile(r"[ \t\u3000]*([\u4e00-\u9fff]{1,8})】")
# The usual head and note, read by one expression each; anything else takes the general way.
_COMMON_HEAD = re.compile(r"[【\[［〖]([\u4e00-\u9fff]{1,8})[】\]］〗][ \t\u3000]*《([^《》\n]+)》(?![^\s《》（）()，。；、：:,;【】]{0,8}》)")
_COMMON_NOTE = re.compile(r"[ \t\u3000]*[（(]([^（）()\n]*)[）)](?![ \t\u3000]*[（(])")
_CANDIDATE = re.compile(r"[【\[［〖《】]")
# What a cited law's title ends with (a form or a certificate in 《》 ends otherwise), before any
# bracketed remark: 法, 条例, 办法, 规定, 决定, 通知, 修正案…
_LAW_ENDINGS = (r"(?:法|条例|办法|规定|细则|决定|通知|意见|规范|规则|标准|公告|批复|清单|目录|纲要|解释|修正案|令|函"
                r"|方案|规划|制度|章程|守则|准则|要点|程序)")
_LAW_LIKE = re.compile(_LAW_ENDINGS + r"(?:\([^()]*\))*$")
_TITLE_BRACKET = re.compile(r"[《》]")
# 《报废机动车回收管理办法》实施细则》: a title closed too early and closed again a few characters on.
_BROKEN_TAIL = re.compile(r"[^\s《》（）()，。；、：:,;【】]{1,8}》")
# What a line may hold before a citation's title: numbering (1. （一） ①) and a leading 根据/依据.
_LINE_LEAD = re.compile(r"\s*(?:(?:\d+[.．、]|[（(][0-9一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、"
                        r"|[①-⑳])\s*)?(?:根据|依据|依照|按照)?\s*$")
# Before a level tag in the middle of a line: the end of a sentence or a wide gap (cells merged).
_TAG_AFTER = re.compile(r"(?:[。；;.]|[ \t\u3000]{2})[ \t\u3000]*$")
# What may stand between one citation's head and the next title when several are run together.
_RUN_TOGETHER = re.compile(r"[\s、，,；;。和及与]*")
# After a title that starts a citation: nothing, a note, articles, a separator or the next law.
_FOLLOWERS = "\n\r（(第【《、，,；;。：:"
_NOTE_BRACKET = re.compile(r"[（()）]")
_NOTE_TITLE = re.compile(r"《([^《》]+)》")
# A title written without 《》 after its tag ends at its note or at the first punctuation; it is the
# part up to the last law-like ending after any 《》 inside (关于印发《…》的通知新政发〔2021〕58号).
_BARE_TITLE_END = re.compile(r"[（(\n，,。；;：:]")
_LAW_LIKE_ENDING = re.compile(_LAW_ENDINGS)
_NOT_A_TITLE_START = re.compile(r"[0-9０-９]|根据|依据|依照|按照")
_BETWEEN_NOTE_AND_ARTICLES = re.compile(r"[\s：:，,。；;]*")
_LEADING_NOISE = re.compile(r"^[\s：:，,。；;]+")
_REF_TOKEN = re.compile(rf"[ \t\u3000]*(?:(?P<di>第)|(?P<num>{_NUMBER})|[（(](?P<pnum>{_NUMBER})[）)]"
                        r"|(?P<unit>条|款|项|章|节|部分)|(?P<sep>[、，,和及与])|(?P<range>至|到|～|~|—|－|-))")
# The common references, read without the general reader: 第三十五条, 第三十五条第二款, lists of them
# (第三十条、第三十四条) and of chapters (第五章、第六章), then nothing the general reader would take.
_SIMPLE_END = rf"(?![、，,和及与至到～~—－\-第（(项款条章]|{_NUMBER})"
_SIMPLE_ARTICLES = re.compile(rf"[ \t\u3000]*第(?:{_NUMBER})条(?:第(?:{_NUMBER})款)?"
                              rf"(?:、第(?:{_NUMBER})条(?:第(?:{_NUMBER})款)?)*{_SIMPLE_END}")
_SIMPLE_ARTICLE = re.compile(rf"第({_NUMBER})条(?:第({_NUMBER})款)?")
_SIMPLE_CHAPTERS = re.compile(rf"[ \t\u3000]*第(?:{_NUMBER})章(?:、第(?:{_NUMBER})章)*{_SIMPLE_END}")
_SIMPLE_CHAPTER = re.compile(rf"第({_NUMBER})章")
# Articles opening a line below the title, or after a full stop and a space (…予以处罚。 第十二条：…).
_MORE_ARTICLES = re.compile(r"\n[ \t\u3000]*(?=第)|。[ \t\u3000]+(?=第)")
_RANGE_LIMIT = 200
# Left between citations, these are layout, not text that failed to parse.
_GAP_NOISE = re.compile(r"^[\s、，,；;。.：:（）()0-9一二三四五六七八九十①-⑳]*(?:根据|依据|依照|按照)?[\s：:]*$")


def _title_end(text: str, start: int) -> int:
    """Index just after the 》 closing the title opened at ``start`` (nested 《》 allowed), -1 if none
    closes it on its line.  A title closed twice (《…办法》实施细则》) runs to the second 》."""
    line_end = text.find("\n", start)
    if line_end < 0:
        line_end = len(text)
    depth, end = 0, -1
    for bracket in _TITLE_BRACKET.finditer(text, start, line_end):
        depth += 1 if bracket.group() == "《" else -1
        if depth == 0:
            end = bracket.end()
            break
    if end < 0:
        first_close = text.find("》", start, line_end)
        if first_close < 0:
            return -1
        end = first_close + 1
    tail = _BROKEN_TAIL.match(text, end)
    return tail.end() if tail else end


_SKIPPERS = {characters: re.compile(f"[{re.escape(characters)}]*")
             for characters in (_SPACE, _SPACE + "\n\r", "》")}


def _skip(text: str, position: int, characters: str) -> int:
    """The first index from ``position`` on whose character is not one of ``characters`` (one of
    the runs skipped: spaces, spaces and line breaks, stray 》)."""
    return _SKIPPERS[characters].match(text, position).end()


@dataclass
class _Head:
    """The start of one citation: where it begins, its tag and where its title lies."""

    start: int
    level: str | None
    title: str
    after_title: int
    preamble: str = ""  # 【部令】2017年3月1日国务院令第676号《…》: what stands between tag and title


def _tagged_title(text: str, tag: re.Match[str], previous_head_end: int) -> _Head | None:
    """The title after a level tag that begins a citation: in 《》, opened by a wrong bracket
    (（禁止使用童工规定》), bare up to its note (新疆维吾尔自治区实施《中华人民共和国人民防空法》办法（…）)
    or the first law named on the tag's line (【部令】2017年…国务院令第676号《…条例》第三十三条)."""
    line_start = text.rfind("\n", 0, tag.start()) + 1
    before = text[line_start:tag.start()]
    if not (_LINE_LEAD.match(before) or _TAG_AFTER.search(before) or _run_together(text, previous_head_end, tag.start())):
        return None  # 依照【法律】《…》的有关规定处罚: a law named inside a quoted provision
    position = _skip(text, tag.end(), _SPACE + "\n\r")
    repeated = _LEVEL_TAG.match(text, position)
    if repeated and repeated.group(1) == tag.group(1):  # 【法律】【法律】《…》
        position = _skip(text, repeated.end(), _SPACE)
    if position >= len(text):
        return None
    level = tag.group(1)
    if text[position] == "《":
        end = _title_end(text, position)
        if end < 0:
            return None
        return _Head(tag.start(), level, text[position + 1:end - 1].strip(), _skip(text, end, "》"))
    if text[position] in "（(〈<「“":
        close = text.find("》", position, position + 60)
        if close > 0 and "《" not in text[position:close] and "\n" not in text[position:close]:
            return _Head(tag.start(), level, text[position + 1:close].strip(), close + 1)
    bare_end = _bare_title_end(text, position)
    if bare_end > 0:
        return _Head(tag.start(), level, text[position:bare_end].strip(), bare_end)
    line_end = text.find("\n", position)
    for opening in re.finditer("《", text[position:line_end if line_end >= 0 else len(text)]):
        start = position + opening.start()
        end = _title_end(text, start)
        title = text[start + 1:end - 1].strip() if end > 0 else ""
        if title and not is_amendment(title):
            return _Head(tag.start(), level, title, _skip(text, end, "》"), text[position:start].strip())
    return None


def _bare_title_end(text: str, position: int) -> int:
    """Where a title written without 《》 from ``position`` ends, -1 if no title stands there."""
    stop = _BARE_TITLE_END.search(text, position)
    bare = text[position:stop.start() if stop else len(text)]
    if _NOT_A_TITLE_START.match(bare) or bare.count("《") > 1:
        return -1
    inner_end = bare.rfind("》") + 1
    if inner_end and not bare[inner_end:].strip():
        return position + inner_end
    endings = [found.end() for found in _LAW_LIKE_ENDING.finditer(bare, inner_end)]
    if not endings or endings[-1] > 80:
        return -1
    return position + endings[-1]


def _untagged_title(text: str, start: int, previous_head_end: int) -> _Head | None:
    """The title at ``start`` if it begins a citation: first on its line, or run together with the
    citation before it, and followed by what follows a cited law (not 《资质认定书》使用…)."""
    end = _title_end(text, start)
    if end < 0:
        return None
    title = text[start + 1:end - 1].strip()
    key = title_key(title)
    if key in _BACK_REFERENCES or not _LAW_LIKE.search(key):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    if not _run_together(text, previous_head_end, start) and not _LINE_LEAD.match(text[line_start:start]):
        return None
    after_title = _skip(text, end, "》")
    after = _skip(text, after_title, _SPACE)
    if after < len(text) and text[after] not in _FOLLOWERS:
        return None
    return _Head(start, None, title, after_title)


def _run_together(text: str, previous_head_end: int, start: int) -> bool:
    """Whether only separators stand between the last citation's head and ``start``."""
    return previous_head_end >= 0 and _RUN_TOGETHER.match(text, previous_head_end).end() >= start


def _level_tag(text: str, bracket: int) -> re.Match[str] | None:
    """The level tag at the bracket ``bracket`` opens or, first on its line, closes (法律】)."""
    if text[bracket] != "】":
        return _LEVEL_TAG.match(text, bracket)
    lost = _TAG_LOST_BRACKET.match(text, text.rfind("\n", 0, bracket) + 1)
    return lost if lost is not None and lost.end() == bracket + 1 else None


def _next_head(text: str, position: int, previous_head_end: int) -> _Head | None:
    """The next place at or after ``position`` where a citation begins."""
    for candidate in _CANDIDATE.finditer(text, position):
        start = candidate.start()
        if start == 0 or text[start - 1] == "\n":
            common = _COMMON_HEAD.match(text, start)
            if common is not None:  # 【法律】《…》 first on its line, the way most cells are written
                return _Head(start, common.group(1), common.group(2).strip(), common.end())
        if candidate.group() == "《":
            head = _untagged_title(text, candidate.start(), previous_head_end)
        else:
            head = None
            tag = _level_tag(text, start)
            if tag is not None:
                head = _tagged_title(text, tag, previous_head_end)
        if head is not None:
            return head
    return None


def _note(text: str, position: int) -> tuple[str, int]:
    """The bracketed provenance after a title (one or more （…） groups) and where it ends."""
    common = _COMMON_NOTE.match(text, position)
    if common is not None:  # one bracket pair, nothing nested
        return common.group(1).strip(), common.end()
    notes = []
    while True:
        start = _skip(text, position, _SPACE)
        if start >= len(text) or text[start] not in "（(":
            return " ".join(notes), position
        depth, end = 0, -1
        line_end = text.find("\n", start)
        for bracket in _NOTE_BRACKET.finditer(text, start, line_end if line_end >= 0 else len(text)):
            depth += 1 if bracket.group() in "（(" else -1
            if depth == 0:
                end = bracket.end()
                break
        if end < 0:  # never closed: the note runs to the end of its line
            end = line_end if line_end >= 0 else len(text)
            notes.append(text[start + 1:end].strip())
            return " ".join(notes), end
        notes.append(text[start + 1:end - 1].strip())
        position = end


class _RefReader:
    """Reads 第三十条、第三十四条 / 第十二条第一款第（三）项 / 第五十八条第（二）项至第（四）项 /
    第五章、第六章 into ArticleRefs and chapters, starting from the provision cited before it (a
    line 第二款：… continues the article above)."""

    def __init__(self) -> None:
        self.context: ArticleRef | None = None
        self.refs: list[ArticleRef] = []
        self.chapters: list[int] = []
        self.group: list[int] = []  # indices of the refs the last unit produced
        self.last_unit: str | None = None
        self.separated = False

    def continue_after(self, context: ArticleRef | None) -> None:
        """Start a new run of references (a line below) that continues ``context``."""
        self.context = context
        self.group, self.last_unit, self.separated = [], None, False

    def read(self, text: str, position: int) -> int:
        """Read from ``position``; returns the end of the last complete reference (``position`` if none)."""
        simple = _SIMPLE_ARTICLES.match(text, position)
        if simple is not None:
            first = len(self.refs)
            for article, paragraph in _SIMPLE_ARTICLE.findall(simple.group()):
                self.refs.append(ArticleRef(_number(article), _number(paragraph) if paragraph else None))
            self.group, self.last_unit = list(range(first, len(self.refs))), "款" if paragraph else "条"
            return simple.end()
        simple = _SIMPLE_CHAPTERS.match(text, position)
        if simple is not None:
            self.chapters.extend(_number(chapter) for chapter in _SIMPLE_CHAPTER.findall(simple.group()))
            self.group, self.last_unit = [], "章"
            return simple.end()
        end = position
        numbers: list[tuple[int, bool]] = []  # (number, range from the one before)
        ranged = False
        previous = None  # kind of the last token
        while True:
            token = _REF_TOKEN.match(text, position)
            if token is None:
                break
            kind = token.lastgroup
            if kind in ("num", "pnum"):
                if previous in ("num", "pnum"):
                    break
                numbers.append((_number(token.group(kind)), ranged))
                ranged = False
            elif kind == "unit":
                if not numbers or not self._apply(token.group("unit"), numbers):
                    break
                numbers, end = [], token.end()
            elif kind == "di":
                if numbers and previous in ("num", "pnum"):  # 第二十七第二款: the 条 left out
                    if not self._apply("条", numbers):
                        break
                    numbers, end = [], token.start()
            elif kind == "sep":
                if not numbers:
                    self.separated = True
            elif kind == "range":
                ranged = True
            previous = kind
            position = token.end()
            if numbers and previous == "pnum" and self.last_unit in ("条", "款"):
                after = _REF_TOKEN.match(text, position)
                if after is None or after.lastgroup not in ("unit", "sep", "range", "num"):
                    self._apply("项", numbers)  # 第十条（三）: the item written without 第…项
                    numbers, end = [], position
        return end

    def _expand(self, numbers: list[tuple[int, bool]], unit: str) -> list[int]:
        expanded: list[int] = []
        for number, ranged in numbers:
            low = expanded[-1] if expanded else self._last_number(unit)
            if ranged and low is not None and 0 < number - low <= _RANGE_LIMIT:
                expanded.extend(range(low + 1, number + 1))
            else:
                expanded.append(number)
        return expanded

    def _last_number(self, unit: str) -> int | None:
        if self.last_unit != unit or not self.group:
            return None
        last = self.refs[self.group[-1]]
        return {"条": last.article, "款": last.paragraph, "项": last.item}.get(unit)

    def _apply(self, unit: str, numbers: list[tuple[int, bool]]) -> bool:
        values = self._expand(numbers, unit)
        if unit == "章":
            self.chapters.extend(values)
            self.group = []
        elif unit == "条":
            self.group = self._add([ArticleRef(number) for number in values])
        elif unit in ("款", "项"):
            parents = self._parents(unit)
            if parents is None:
                return False
            if unit == "款":
                made = [ArticleRef(parent.article, number) for parent in parents for number in values]
            else:
                made = [ArticleRef(parent.article, parent.paragraph, number)
                        for parent in parents for number in values]
            self.group = self._add(made)
        # 节 and 部分 only place the articles that follow; they cite nothing themselves.
        self.last_unit = unit
        self.separated = False
        return True

    def _parents(self, unit: str) -> list[ArticleRef] | None:
        """The provisions a 款 or 项 belongs to; refining the unit just read drops its bare refs."""
        finer = {"款": ("条",), "项": ("条", "款")}[unit]
        if self.group and not self.separated and self.last_unit in finer:
            parents = [self.refs[index] for index in self.group]
            del self.refs[self.group[0]:]
            return parents
        if self.group:
            unique = dict.fromkeys(ArticleRef(self.refs[index].article, self.refs[index].paragraph
                                              if unit == "项" else None) for index in self.group)
            return list(unique)
        if self.context is not None:
            return [ArticleRef(self.context.article, self.context.paragraph if unit == "项" else None)]
        return None

    def _add(self, made: list[ArticleRef]) -> list[int]:
        first = len(self.refs)
        self.refs.extend(made)
        return list(range(first, len(self.refs)))


def parse_citations(text: str) -> list[Citation]:
    """The citations of a legal-basis cell (设定和实施依据, 实施依据, 责任事项依据…), in order.

    A citation starts at a level tag (【法律】…) or at a title first on its line or run together with
    the one before (《A》第三条、《B》第五条); a title inside a note or a quoted provision (依照《条例》
    第十条) is part of that text, not a citation.  Each runs to the next one.
    """
    citations: list[Citation] = []
    head = _next_head(text, 0, -1)
    while head is not None:
        key = title_key(head.title)
        after_title = _skip(text, head.after_title, _SPACE)
        if text.startswith("《", after_title):  # 《建筑法》《建筑法》（…）: the title written twice
            repeated = _title_end(text, after_title)
            if repeated > 0 and title_key(text[after_title + 1:repeated - 1]) == key:
                head.after_title = _skip(text, repeated, "》")
        note, position = _note(text, head.after_title)
        if head.preamble:
            note = f"{head.preamble} {note}".rstrip()
        reader = _RefReader()
        articles_start = _BETWEEN_NOTE_AND_ARTICLES.match(text, position).end()
        articles_end = reader.read(text, articles_start)
        head_end = articles_end if articles_end > articles_start else position
        following = _next_head(text, head_end, head_end)
        end = following.start if following else len(text)
        for line in _MORE_ARTICLES.finditer(text, head_end, end):  # 第十六条第一款：… on lines below
            reader.continue_after(reader.refs[-1] if reader.refs else None)
            reader.read(text, line.end())
        provision = _LEADING_NOISE.sub("", text[head_end:end]).rstrip()
        end = head.start + len(text[head.start:end].rstrip())
        citations.append(Citation(
            title=head.title, key=key, level=head.level, articles=tuple(reader.refs),
            chapters=tuple(reader.chapters), note=note,
            amended_by=tuple(inner for inner in _note_titles(note) if is_amendment(inner)),
            provision=provision, span=(head.start, end)))
        head = following
    return citations


def _note_titles(note: str) -> list[str]:
    """The titles a provenance note names in 《》 (amendment decisions, a repealed predecessor)."""
    return _NOTE_TITLE.findall(note) if "《" in note else []


def unparsed_parts(text: str, citations: list[Citation]) -> list[str]:
    """The text of a cell that belongs to no citation (numbering and punctuation aside), to be listed
    for a clerk: a basis with no title in 《》, a heading pasted into the column…"""
    parts, position = [], 0
    for citation in [*citations, None]:
        start, next_position = (citation.span if citation else (len(text), len(text)))
        gap = text[position:start].strip()
        if gap and not _GAP_NOISE.match(gap):
            parts.append(gap)
        position = next_position
    return parts


# -- resolving titles against a catalogue of laws ------------------------------------------------


def _edit_distance(first: str, second: str) -> int:
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


class LawIndex:
    """A catalogue of laws (each a title and its short titles) that cited titles resolve against.

    ``resolve`` finds the one entry a citation's title names, however it is written (full or short
    title, brackets, widths, spaces, an edition remark, （试行） left out); ``closest`` lists the
    entries nearest a title that matches none, so a typing error (《中华人民共和国行政许可发》) is
    shown with the law it meant.
    """

    _SHORTLIST = 30

    def __init__(self, catalogue: Iterable[tuple[str, Iterable[str]]]) -> None:
        self._by_key: dict[str, str] = {}
        fallbacks: dict[str, str] = {}
        for title, short_titles in catalogue:
            for written in (title, *short_titles):
                key = title_key(written)
                self._by_key.setdefault(key, title)
                trial_free = key.removesuffix(_TRIAL)
                fallbacks.setdefault(trial_free if trial_free != key else key + _TRIAL, title)
        for key, title in fallbacks.items():
            self._by_key.setdefault(key, title)
        self._titles = sorted(set(self._by_key.values()))
        self._keys = [title_key(title) for title in self._titles]
        self._by_character: dict[str, list[int]] = {}
        for index, key in enumerate(self._keys):
            for char in set(key):
                self._by_character.setdefault(char, []).append(index)

    @classmethod
    def from_titles(cls, titles: Iterable[str]) -> LawIndex:
        """A catalogue of titles without short titles (the national catalogue writes them short)."""
        return cls((title, ()) for title in titles)

    def __len__(self) -> int:
        return len(self._titles)

    def resolve(self, title: str) -> str | None:
        """The catalogue title that ``title`` names, or None if it names none."""
        return self._by_key.get(title_key(title))

    def closest(self, title: str, limit: int = 3) -> list[tuple[str, int]]:
        """The catalogue titles nearest ``title``, as (title, edit distance between their keys),
        nearest first; candidates are the titles sharing most characters with it."""
        key = title_key(title)
        shared: dict[int, int] = {}
        for char in set(key):
            for index in self._by_character.get(char, ()):
                shared[index] = shared.get(index, 0) + 1
        shortlist = sorted(shared, key=lambda index: -shared[index])[:self._SHORTLIST]
        ranked = sorted((_edit_distance(key, self._keys[index]), -shared[index], self._titles[index])
                        for index in shortlist)
        return [(found, distance) for distance, _, found in ranked[:limit]]
