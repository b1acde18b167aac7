"""Substring search for Chinese text over SQLite FTS5.

Chinese has no spaces, and FTS5's trigram tokenizer finds nothing under three characters.  So the
library writes each searchable text into a ``unicode61`` FTS5 table with a space between every
character: each character is a token, with its position.  Then a term of any length is the
phrase of its characters ("市场监管" → ``"市 场 监 管"``), which matches exactly where the term
occurs as a substring, and a one-character term is a plain token lookup.

Punctuation and the boundaries between fields are written as one private-use character, itself
a token, so a phrase never runs across two fields or across a 、 or 》.  Building the text is a
few C-level string operations per record, fast enough to index 50,000 records in well under a
second; the phrase queries stay in the low milliseconds over 100,000 records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

BOUNDARY = "\ue000"
_NOT_WORD = re.compile(r"[\W_]+")
# Full-width letters and digits (Ａ１) search like their ASCII forms; the tokenizer folds case.
# Full-width punctuation (：，) needs no folding — it becomes a boundary either way — and looking
# only for letters and digits spares translating nearly every legal text, which has a "：".
_FOLD = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5F)}
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def normalise(text: str) -> str:
    """Fold full-width letters and digits and case, so ＡＢ, ab and AB search alike."""
    if _FULL_WIDTH.search(text):  # rare, and translate() is slow on long Chinese text
        text = text.translate(_FOLD)
    return text.lower()


def index_text(values: Iterable[object]) -> str:
    """The FTS body for a record: every character a token, punctuation and field ends a boundary."""
    joined = BOUNDARY.join(str(value) for value in values if value is not None and value != "")
    return " ".join(_NOT_WORD.sub(BOUNDARY, normalise(joined)))


def search_words(term: str) -> list[str]:
    """The words of a search box text: separated by spaces or punctuation, each must occur (AND)
    as a substring; none when it holds nothing searchable."""
    return [word for word in _NOT_WORD.split(normalise(term)) if word]


def match_expression(term: str) -> str | None:
    """The FTS5 MATCH expression for a search box text (every word as a phrase of its characters),
    or None when it holds nothing searchable."""
    words = search_words(term)
    return " AND ".join('"' + " ".join(word) + '"' for word in words) if words else None
