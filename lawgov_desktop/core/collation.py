"""Chinese sort order as Excel and WPS give it: by pinyin, character by character.

Clerks compare the program's lists with the workbooks and printed lists they know, which are
sorted by pinyin (市发展和改革局 before 市交通运输局 before 市住房和城乡建设局), not by code point.
Like Windows' pinyin collation, each character is read in its most common reading (no phrase
guessing: 银行 sorts under "xing", as in Excel), then by tone, and characters read alike in
GB2312's order, as Windows gives each character a place of its own (工业 before 公安: 工 and 公
are both gōng); digits and Latin letters come before Chinese characters.  The key is plain text compared byte by byte, so it can be stored in
a column and indexed: sorting 100,000 records stays in SQL.  Stored keys are only as current as
these rules: a change to what ``sort_key`` returns needs a migration that writes the keys again
(as 0006 first wrote them).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Tone-marked vowels of the reading table, as (plain letter, tone).
_TONED = {
    **{ch: ("a", i + 1) for i, ch in enumerate("āáǎà")},
    **{ch: ("e", i + 1) for i, ch in enumerate("ēéěè")},
    **{ch: ("i", i + 1) for i, ch in enumerate("īíǐì")},
    **{ch: ("o", i + 1) for i, ch in enumerate("ōóǒò")},
    **{ch: ("u", i + 1) for i, ch in enumerate("ūúǔù")},
    **{ch: ("ü", i + 1) for i, ch in enumerate("ǖǘǚǜ")},
    "ü": ("ü", 5), "ń": ("n", 2), "ň": ("n", 3), "ǹ": ("n", 4), "ḿ": ("m", 2), "ê": ("e", 5),
}
# Each character's token ends below every letter and digit, so a reading sorts before the longer
# readings it begins (fa before fan) and "西安" (xi an) before "先" (xian).
_END = " "
# Character classes in the order Excel shows them: symbols, digits, Latin letters, Chinese.
_SYMBOL, _DIGIT, _LATIN, _CHINESE = "0", "1", "2", "3"


def _plain(reading: str) -> str:
    """A reading's letters as it sorts: ü as u (nü between nu and nuan, nüe after nuan), and
    after the letters a mark that puts lü after lu."""
    letters = "".join(_TONED.get(ch, (ch, 0))[0] for ch in reading)
    return letters.replace("ü", "u") + ("1" if "ü" in letters else "0")


def _gb2312_level_one() -> list[str]:
    """The 3,755 common characters in GB2312 order, which is pinyin order."""
    chars = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:  # the five unused places at the end of row 0xD7
                continue
    return chars


# What it costs, in _readings' choice, to read a common character other than by its first
# reading, and to leave it out of GB2312's order altogether (when no reading fits).
_OTHER_READING, _OUT_OF_ORDER = 1, 3


@lru_cache(maxsize=1)
def _readings() -> dict[int, str]:
    """Code point → the reading it sorts by, loaded on first use (the table is large).

    A character's first reading in the table, except for the common characters: Windows and
    WPS sort those in GB2312's order, so of their readings we choose, over all 3,755 at once,
    the ones that keep that order with the fewest departures from first readings (长 as cháng,
    还 as huán, 曾 as zēng, 剥 as bāo).
    """
    from pypinyin.pinyin_dict import pinyin_dict

    chosen = {point: text.split(",", 1)[0] for point, text in pinyin_dict.items()}
    common = [char for char in _gb2312_level_one() if ord(char) in pinyin_dict]
    # The cheapest ways to read the characters so far in order, by the key their last kept
    # reading sorts as: only states not beaten by a cheaper one with a smaller key are kept.
    front: dict[str, int] = {"": 0}
    steps: list[dict[str, tuple[str, str | None]]] = []  # per character: key -> (previous key, reading)
    for char in common:
        readings = pinyin_dict[ord(char)].split(",")
        options = [(_plain(r), r, _OTHER_READING * (i > 0)) for i, r in enumerate(readings)]
        reached: dict[str, tuple[int, str, str | None]] = {}
        for last, cost in front.items():
            for key, reading, extra in (*options, (last, None, _OUT_OF_ORDER)):
                if key >= last and (key not in reached or cost + extra < reached[key][0]):
                    reached[key] = (cost + extra, last, reading)
        # States far dearer than the cheapest never catch up in practice; dropping them keeps
        # the front to a few states per character.
        limit = min(state[0] for state in reached.values()) + 2 * _OUT_OF_ORDER
        front, cheapest = {}, None
        for key in sorted(reached):
            if reached[key][0] <= limit and (cheapest is None or reached[key][0] < cheapest):
                cheapest = front[key] = reached[key][0]
        steps.append({key: reached[key][1:] for key in front})
    key = min(front, key=front.__getitem__)
    for char, step in zip(reversed(common), reversed(steps), strict=True):
        key, reading = step[key]
        if reading is not None:
            chosen[ord(char)] = reading
    return chosen


@lru_cache(maxsize=1)
def _common_places() -> dict[str, int]:
    """A common character's place in GB2312 (the order Windows keeps among characters read alike)."""
    return {char: place for place, char in enumerate(_gb2312_level_one())}


# Characters outside the common ones come after them among those read alike, by code point.
_UNCOMMON_PLACE = 0x10000


@lru_cache(maxsize=65536)
def _token(char: str) -> str:
    """The sort token of one character: reading, tone, then its place among characters read alike
    (five hex digits, so keys still compare byte by byte)."""
    reading = _readings().get(ord(char))
    if reading is not None:
        tone = next((_TONED[ch][1] for ch in reading if _TONED.get(ch, ("", 5))[1] != 5), 5)
        place = _common_places().get(char, _UNCOMMON_PLACE + ord(char))
        return f"{_CHINESE}{_plain(reading)}{tone}{place:05x}{_END}"
    if char.isdigit():
        return f"{_DIGIT}{char}"
    if char.isalpha():
        return f"{_LATIN}{char.lower()}"
    return f"{_SYMBOL}{char}"


def character_tokens() -> list[tuple[str, str]]:
    """(character, sort token) for every character that has a reading, and every letter and digit
    below the Chinese block: the table from which a server database computes ``sort_key`` in SQL
    (the ``pinyin_key`` function, migration 0006); other characters sort as symbols there too."""
    chars = [chr(point) for point in _readings()]
    chars += [chr(point) for point in range(0x30, 0x3000)
              if chr(point).isalnum() and unicodedata.normalize("NFKC", chr(point)) == chr(point)]
    return [(char, _token(char)) for char in chars]


def sort_key(text: str | None) -> str:
    """The stored sort key of a text: empty for no text, so empty cells sort first, as in Excel.

    Full-width letters and digits sort as their plain forms (ＡＢＣ as ABC); spaces do not count.
    """
    if not text:
        return ""
    plain = unicodedata.normalize("NFKC", text)
    return "".join(_token(char) for char in plain if not char.isspace())
