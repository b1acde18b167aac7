"""Cell normalisers only the importer needs: township lists in one cell and header texts.

The rules every field shares with the window and the command line (trimming, codes, dates,
document numbers) are in :mod:`lawgov_desktop.core.text`, so an imported value is stored as a
typed one is.
"""

from __future__ import annotations

import re
import unicodedata

from lawgov_desktop.core.text import cell_text, text

_SEPARATORS = set("、，,；;/／\n\r\t")
_OPEN = "（(【[［〔{｛《"
_CLOSE = "）)】]］〕}｝》"


def split_regions(value: object) -> list[str]:
    """Township names named in one cell, in order, without duplicates.

    Splits on 、，,；;/ line breaks and whitespace, but never inside brackets ("东洲街道（限渔港、
    码头）" stays one name).  Prefixes such as "红海湾经济开发试验区田墘街道" are kept: resolving
    them against the region tree is the library's job.
    """
    s = text(value, multiline=True)
    if not s:
        return []
    names: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in s:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in _SEPARATORS or ch.isspace()):
            names.append("".join(current))
            current = []
            continue
        current.append(ch)
    names.append("".join(current))
    seen: set[str] = set()
    result = []
    for name in names:
        name = name.strip().strip("。.")
        if name and name not in seen:
            seen.add(name)
            result.append(name)
    return result


_BRACKET_MAP = str.maketrans({"〔": "(", "〕": ")", "【": "(", "】": ")", "[": "(", "]": ")",
                              "{": "(", "}": ")", "〈": "(", "〉": ")", "﹝": "(", "﹞": ")"})
_HEADER_JUNK = re.compile(r"\s+|[*※★]")


def header_key(value: object) -> str:
    """Header text reduced to what identifies it: "项 目 名 称", "项目\\n名称", "＊项目名称" → "项目名称".

    NFKC turns full-width letters, digits and brackets into half-width ones; all whitespace
    (incl. U+3000 and line breaks) and required-field marks go; every bracket becomes ( ).
    """
    if value is None:
        return ""
    s = unicodedata.normalize("NFKC", cell_text(value))
    return _HEADER_JUNK.sub("", s).translate(_BRACKET_MAP)
