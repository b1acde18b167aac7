"""The citation rows: the laws each legal-basis cell cites, parsed once when the record is written
and kept, so "which items cite this law" is an index read instead of a scan of every cell.

The store calls :meth:`CitationRows.refresh` wherever it rewrites a record's search rows (every
create, update, undo, import, merge and saved version passes there); deletes need no call, the
rows go with their record by cascade.  A title no law of the library answers to becomes a law of
its own with status unknown: the library starts from the titles the lists cite (``core.laws``
completes it from a catalogue).  Which fields are legal bases is said once, in ``core.kinds``
(``Field.citations``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .citations import (
    Citation,
    LawIndex,
    amended_titles,
    is_amendment,
    parse_citations,
    title_key,
    unparsed_parts,
)
from .clock import now_text
from .dialect import dialect_of
from .fields import LICENCE, POWER
from .kinds import KINDS, TABLES

# The column of a citation row naming its record, by kind: the rows go with the record by cascade.
RECORD_COLUMNS = {LICENCE: "licence_id", POWER: "power_id"}
_CHUNK = 2000
_YEAR = re.compile(r"(?:19|20)\d\d(?=年)")


@dataclass(frozen=True)
class CellRow:
    """One row a legal-basis cell gives: a cited law (and one of its articles), or unparsed text."""

    position: int
    title: str | None
    level: str | None = None
    article: int | None = None
    paragraph: int | None = None
    item: int | None = None
    article_text: str | None = None
    edition_year: int | None = None
    quoted: str | None = None
    unparsed: str | None = None


def edition_year(citation: Citation) -> int | None:
    """The latest year the note after the title names (（2009年…通过，2021年…修正） → 2021): the
    edition the list cites, older than the law's latest amendment when the list is out of date."""
    years = [int(year) for year in _YEAR.findall(citation.note)] if citation.note else []
    return max(years) if years else None


@lru_cache(maxsize=4096)  # a basis is often written alike in many rows (sub-items, a saved version)
def cell_rows(text: str) -> tuple[tuple[Citation, ...], tuple[CellRow, ...]]:
    """The citations of one cell and the rows that keep them: one per cited article (one without
    an article for a law cited whole), then one per part of the text that cites nothing."""
    citations = parse_citations(text)
    rows: list[CellRow] = []
    for position, citation in enumerate(citations):
        common = {"position": position, "title": citation.title, "level": citation.level,
                  "edition_year": edition_year(citation), "quoted": citation.provision or None}
        if not citation.articles:
            rows.append(CellRow(**common))
        for ref in citation.articles:
            rows.append(CellRow(**common, article=ref.article, paragraph=ref.paragraph, item=ref.item,
                                article_text=str(ref)))
    for part in unparsed_parts(text, citations):
        rows.append(CellRow(position=len(citations), title=None, unparsed=part))
    return tuple(citations), tuple(rows)


def short_titles(value: str | None) -> list[str]:
    """A law's stored short titles."""
    return list(json.loads(value or "[]"))


class LawKeys:
    """Which law a cited title names, read from the law table: its title, its short titles, and the
    writings ``LawIndex`` lets meet (全称/简称, widths, 〈〉, （试行）).  Kept between writes while
    the table has not changed (its row count and latest change say so)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self._stamp: tuple[Any, ...] | None = None
        self._index = LawIndex(())
        self._ids: dict[str, int] = {}
        self._added: dict[str, int] = {}

    def _read_stamp(self) -> tuple[Any, ...]:
        return tuple(self.conn.execute("SELECT count(*), max(updated_at), max(id) FROM law").fetchone())

    def load(self) -> LawIndex:
        """The catalogue as the table holds it now (read again only if it changed)."""
        stamp = self._read_stamp()
        if stamp != self._stamp:
            rows = self.conn.execute("SELECT id, title, short_titles_json FROM law ORDER BY id").fetchall()
            self._index = LawIndex((row[1], short_titles(row[2])) for row in rows)
            self._ids = {row[1]: row[0] for row in rows}
            self._added = {}
            self._stamp = stamp
        return self._index

    def law_id(self, title: str) -> int | None:
        """The id of the law ``title`` names as last loaded (or remembered since), None if none."""
        added = self._added.get(title_key(title))
        if added is not None:
            return added
        found = self._index.resolve(title)
        return self._ids.get(found) if found else None

    def remember(self, title: str, law_id: int) -> None:
        """A law this connection just made: known without reading the table again."""
        self._added[title_key(title)] = law_id
        self._stamp = self._read_stamp()

    def forget(self) -> None:
        """Read the table again next time (after the library's own edits of laws)."""
        self._stamp = None


class CitationRows:
    """The citation rows of one connection."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.keys = LawKeys(conn)

    def refresh(self, kind: str, ids: list[int] | None, *, fresh: bool = False) -> None:
        """Parse the legal-basis cells of some (``ids``) or all (None) records of ``kind`` again and
        rewrite their rows (``fresh`` records, just inserted, have none to delete)."""
        if kind not in RECORD_COLUMNS:
            return
        column, fields = RECORD_COLUMNS[kind], KINDS[kind].citation_fields
        select = f"SELECT id, {', '.join(fields)} FROM {TABLES[kind]}"
        if ids is None:
            self.conn.execute(f"DELETE FROM citation WHERE {column} IS NOT NULL")
            self._write(kind, self.conn.execute(select + " ORDER BY id").fetchall())
            return
        for chunk in iter_chunks(ids):
            marks = ",".join("?" * len(chunk))
            if not fresh:
                self.conn.execute(f"DELETE FROM citation WHERE {column} IN ({marks})", chunk)
            self._write(kind, self.conn.execute(f"{select} WHERE id IN ({marks})", chunk).fetchall())

    def _write(self, kind: str, records: Iterable[Any]) -> None:
        column, fields = RECORD_COLUMNS[kind], KINDS[kind].citation_fields
        self.keys.load()
        rows: list[tuple[Any, ...]] = []
        decisions: dict[int, set[int]] = {}  # amendment decision → the laws it amends
        for record in records:
            for offset, field in enumerate(fields, 1):
                text = record[offset]
                if not text:
                    continue
                citations, cell = cell_rows(text)
                laws = [self.law_for(citation.title, citation.level) for citation in citations]
                for citation, law_id in zip(citations, laws, strict=True):
                    for decision in citation.amended_by:  # named in the note: it amended this law
                        decisions.setdefault(self.law_for(decision, None), set()).add(law_id)
                    for decision, decision_id in ((citation.title, law_id),
                                                  *((title, self.law_for(title, None)) for title in citation.amended_by)):
                        decisions.setdefault(decision_id, set()).update(
                            self.law_for(amended, None) for amended in amended_titles(decision))
                rows.extend((kind, record[0], field, row.position,
                             laws[row.position] if row.title is not None else None, row.title, row.level,
                             row.article, row.paragraph, row.item, row.article_text, row.edition_year,
                             row.quoted, row.unparsed) for row in cell)
        if rows:  # COPY on a server (dialect.insert_rows)
            dialect_of(self.conn).insert_rows(self.conn, "citation", (
                "kind", column, "field", "position", "law_id", "title", "level", "article", "paragraph", "item",
                "article_text", "edition_year", "quoted", "unparsed"), rows)
        for decision, amended in decisions.items():
            if amended:
                self.link_amendment(decision, amended)

    def law_for(self, title: str, level: str | None) -> int:
        """The id of the law ``title`` names, made (status unknown) if the library has none."""
        found = self.keys.law_id(title)
        if found is not None:
            return found
        stamp = now_text()
        row = self.conn.execute(
            "INSERT INTO law (title, title_key, short_titles_json, level, status, amendments_json, amends_json,"
            " catalogued, created_at, updated_at) VALUES (?, ?, '[]', ?, '', '[]', '[]', 0, ?, ?)"
            " ON CONFLICT (title_key) DO NOTHING RETURNING id",
            (title, title_key(title), "修改决定" if is_amendment(title) else level, stamp, stamp)).fetchone()
        if row is None:  # another writer made it since the keys were read
            row = self.conn.execute("SELECT id FROM law WHERE title_key = ?", (title_key(title),)).fetchone()
        self.keys.remember(title, int(row[0]))
        return int(row[0])

    def link_amendment(self, decision: int, amended: Iterable[int]) -> None:
        """Record that the amendment decision ``decision`` amends the laws ``amended``."""
        row = self.conn.execute("SELECT amends_json FROM law WHERE id = ?", (decision,)).fetchone()
        known = json.loads(row[0] or "[]")
        merged = sorted({*known, *(law for law in amended if law != decision)})
        if merged != known:
            self.conn.execute("UPDATE law SET amends_json = ? WHERE id = ?", (json.dumps(merged), decision))


def iter_chunks(values: list[int], size: int = _CHUNK) -> Iterator[list[int]]:
    """``values`` in slices small enough for one IN (…) list."""
    for start in range(0, len(values), size):
        yield values[start:start + size]
