"""Substring search for Chinese text over SQLite FTS5.

Chinese has no spaces, and FTS5's trigram tokenizer finds nothing under three characters.  So the
library writes each searchable text as a sequence of overlapping character pairs plus the last
character of each run ("市场监管" → "市场 场监 监管 管") into a ``unicode61`` FTS5 table with a
one-character prefix index.  Then:

* a 1-character term ``c`` is the prefix query ``c*`` (every occurrence of ``c`` starts a pair
  or is the last character of its run);
* an n-character term is the phrase of its n-1 pairs, which matches exactly where the term
  occurs as a substring (the trailing single characters keep phrases from running across runs).

Runs are split at anything that is not a letter or digit, so punctuation never joins two fields.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_RUN = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """Fold full-width forms and case so that ＡＢ, ab and AB search alike."""
    return unicodedata.normalize("NFKC", text).lower()


def _runs(text: str) -> list[str]:
    return _RUN.findall(normalise(text))


def index_text(values: Iterable[object]) -> str:
    """The FTS body for a record: pair tokens of every non-empty value."""
    tokens: list[str] = []
    for value in values:
        if value is None or value == "":
            continue
        for run in _runs(str(value)):
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
            tokens.append(run[-1])
    return " ".join(tokens)


def match_expression(term: str) -> str | None:
    """The FTS5 MATCH expression for a search box text, or None when it holds nothing searchable.

    Words separated by spaces must all occur (AND), each as a substring.
    """
    clauses = []
    for run in _runs(term):
        if len(run) == 1:
            clauses.append(f'"{run}"*')
        else:
            pairs = " ".join(run[i : i + 2] for i in range(len(run) - 1))
            clauses.append(f'"{pairs}"')
    return " AND ".join(clauses) if clauses else None
