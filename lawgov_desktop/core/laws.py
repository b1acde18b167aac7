"""The law library (``library.laws``): the laws the lists cite, their status, and every licence
item and power a law change touches.

The library starts from the titles the lists cite (``core.citation_rows`` makes a law of status
unknown for each title no law answers to) and is completed from a catalogue of laws (the national
laws and regulations database's export, read by ``importers.law_list``) or by hand.  Importing a
catalogue merges by title key, so 《食品安全法》 cited in a list and 中华人民共和国食品安全法 in the
catalogue become one law, and a cited writing that resolves to a catalogue law another way
(a （试行） left out, a short title) is folded into that law.

From the citations kept per record it answers: which records cite a law (``affected``, the
受影响事项 report, optionally narrowed to an article), which cite a law repealed, amended since the
edition they name or not yet in force (``marks``), and which cited titles match no catalogue law,
with the closest titles (``unresolved``).  Edits of laws are not written to the change log: they
describe the laws, not the lists, and are not undone with the lists' undo.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .citation_rows import RECORD_COLUMNS, short_titles
from .citations import ArticleRef, LawIndex, parse_citations, title_key
from .clock import now_text
from .errors import NotFoundError, ValidationError
from .fields import LICENCE, POWER
from .kinds import TABLES
from .store import Store
from .text import parse_date
from .text import text as clean_text

# What OpChanges names when the laws change (the window's law page refreshes on it).
LAWS = "laws"
CURRENT, AMENDED, REPEALED, NOT_YET = "现行有效", "已被修改", "已废止", "尚未生效"
STATUSES = (CURRENT, AMENDED, REPEALED, NOT_YET)
UNKNOWN_LABEL = "未知"
# How catalogues write a law's validity (时效性 / 效力): the four statuses of the law databases.
_STATUS_WRITINGS = {
    CURRENT: ("现行有效", "有效", "现行", "生效"),
    AMENDED: ("已被修改", "已修改", "被修改", "修改", "已修正", "已修订"),
    REPEALED: ("已废止", "废止", "已失效", "失效", "已撤销"),
    NOT_YET: ("尚未生效", "尚未施行", "未生效", "待生效"),
}
_STATUS_OF = {writing: status for status, writings in _STATUS_WRITINGS.items() for writing in writings}
# Law fields a clerk or a catalogue sets (dates as ISO text).
EDITABLE = ("title", "level", "issuing_body", "promulgated", "effective", "status", "short_titles", "amendments")
_DATES = ("promulgated", "effective")
# Why a record is marked, by the status of a law it cites.
MARK_REASONS = {REPEALED: "引用已废止的法律法规", AMENDED: "引用已被修改的法律法规",
                NOT_YET: "引用尚未生效的法律法规"}
OUTDATED_REASON = "引用的版本早于最新修改"


def law_status(written: object) -> str:
    """The status a catalogue's 时效性 cell means ('' when it says none); refused if unknown."""
    value = clean_text(written)
    if not value:
        return ""
    status = _STATUS_OF.get(value.replace(" ", ""))
    if status is None:
        raise ValidationError({"status": f"无法识别的时效性“{value}”，应为{'、'.join(STATUSES)}之一。"})
    return status


def _iso_date(value: object, label: str) -> str | None:
    date, warning = parse_date(value)
    if date is None and warning:
        raise ValidationError({label: warning})
    return date.isoformat() if date else None


def article_refs(written: str | int) -> tuple[ArticleRef, ...]:
    """The provisions an article filter names: 35, "35", 第三十五条, 第三十五条第二款…"""
    if isinstance(written, int) or str(written).strip().isdigit():
        return (ArticleRef(int(written)),)
    text = str(written).strip()
    found = parse_citations(f"《甲法》{text if text.startswith('第') else '第' + text}")
    refs = found[0].articles if found else ()
    if not refs:
        raise ValidationError({"article": f"无法识别的条款“{written}”，例如：第三十五条、第三十五条第二款。"})
    return refs


def _covers(wanted: ArticleRef, article: int | None, paragraph: int | None, item: int | None) -> bool:
    """Whether a cited provision touches the wanted one (a whole article cited covers its paragraphs)."""
    if article != wanted.article:
        return False
    if wanted.paragraph is not None and paragraph is not None and paragraph != wanted.paragraph:
        return False
    return not (wanted.item is not None and item is not None and item != wanted.item)


@dataclass(slots=True)
class AffectedRecord:
    """A licence item or power citing the law, with the provisions it cites."""

    kind: str
    id: int
    name: str
    code: str | None
    department: str
    fields: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "name": self.name, "code": self.code,
                "department": self.department, "fields": self.fields, "articles": self.articles}


@dataclass
class AffectedReport:
    """The 受影响事项 report: the law, the article asked about, and the records by department."""

    law: dict[str, Any]
    article: str | None
    records: list[AffectedRecord]

    @property
    def by_department(self) -> dict[str, list[AffectedRecord]]:
        grouped: dict[str, list[AffectedRecord]] = {}
        for record in self.records:
            grouped.setdefault(record.department, []).append(record)
        return grouped

    def as_dict(self) -> dict[str, Any]:
        return {"law": self.law, "article": self.article,
                "licence_items": sum(1 for r in self.records if r.kind == LICENCE),
                "powers": sum(1 for r in self.records if r.kind == POWER),
                "departments": {name: [r.as_dict() for r in records]
                                for name, records in self.by_department.items()}}


def _law(row: Mapping[str, Any]) -> dict[str, Any]:
    law = dict(row)
    law["short_titles"] = short_titles(law.pop("short_titles_json"))
    law["amendments"] = json.loads(law.pop("amendments_json") or "[]")
    law["amends"] = json.loads(law.pop("amends_json") or "[]")
    return law


def latest_change(law: Mapping[str, Any]) -> str:
    """The date of the law's latest edition: promulgation or its latest amendment (ISO, '' if none)."""
    dates = [law.get("promulgated") or "", *(entry.get("date") or "" for entry in law.get("amendments", []))]
    return max(dates)


class Laws:
    """The law library on one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ----------------------------------------------------------------------------- reading
    def list(self, status: str | None = None, search: str | None = None) -> list[dict[str, Any]]:
        """The laws with how many records cite each, most cited first; ``status`` '' lists the
        unknown ones; ``search`` matches any part of a title or short title."""
        counts = self._citing_counts()
        laws = [_law(row) for row in self.store.conn.execute("SELECT * FROM law ORDER BY id")]
        if status is not None:
            wanted = "" if status in ("", UNKNOWN_LABEL) else law_status(status)
            laws = [law for law in laws if law["status"] == wanted]
        if search:
            needle = title_key(search)
            laws = [law for law in laws if any(needle in title_key(t) for t in (law["title"], *law["short_titles"]))]
        for law in laws:
            law["cited_by"] = counts.get(law["id"], 0)
        return sorted(laws, key=lambda law: (-law["cited_by"], law["title"]))

    def _citing_counts(self, version_id: int | None = None) -> dict[int, int]:
        """Per law, how many records of the working list (or of a saved version) cite it."""
        counts: dict[int, int] = {}
        version = "r.version_id IS NULL" if version_id is None else "r.version_id = ?"
        for kind, column in RECORD_COLUMNS.items():
            for law_id, count in self.store.conn.execute(
                    f"SELECT c.law_id, count(DISTINCT c.{column}) FROM citation c JOIN {TABLES[kind]} r"
                    f" ON r.id = c.{column} WHERE {version} AND c.law_id IS NOT NULL GROUP BY c.law_id",
                    () if version_id is None else (version_id,)):
                counts[law_id] = counts.get(law_id, 0) + count
        return counts

    def get(self, title_or_id: str | int) -> dict[str, Any]:
        """One law by id or by any of its titles (full or short, however written)."""
        law_id = self.find(title_or_id)
        if law_id is None:
            raise NotFoundError(f"法律法规库中没有“{title_or_id}”。")
        return _law(self.store.conn.execute("SELECT * FROM law WHERE id = ?", (law_id,)).fetchone())

    def find(self, title_or_id: str | int) -> int | None:
        """The id of the law named, None if none."""
        if isinstance(title_or_id, int) or str(title_or_id).isdigit():
            row = self.store.conn.execute("SELECT id FROM law WHERE id = ?", (int(title_or_id),)).fetchone()
            return row[0] if row else None
        keys = self.store.citations.keys
        keys.load()
        return keys.law_id(str(title_or_id).strip().strip("《》"))

    # ----------------------------------------------------------------------------- writing
    def update(self, title_or_id: str | int, values: Mapping[str, Any]) -> dict[str, Any]:
        """Describe a law by hand (status, level, dates, short titles…); returns it as stored."""
        law = self.get(title_or_id)
        columns = self._columns(values)
        if not columns:
            return law
        if columns.get("title_key", law["title_key"]) != law["title_key"] and "short_titles_json" not in columns:
            # renamed: the lists still cite it under its old title
            columns["short_titles_json"] = json.dumps([*law["short_titles"], law["title"]], ensure_ascii=False)
        with self.store.transaction():
            self._write(law["id"], {**columns, "catalogued": 1})
        return self.get(law["id"])

    def _columns(self, values: Mapping[str, Any]) -> dict[str, Any]:
        unknown = set(values) - set(EDITABLE)
        if unknown:
            raise ValidationError({key: f"法律法规没有“{key}”这一项。" for key in sorted(unknown)})
        columns: dict[str, Any] = {}
        for key, value in values.items():
            if key == "status":
                columns[key] = law_status(value)
            elif key in _DATES:
                columns[key] = _iso_date(value, key)
            elif key == "short_titles":
                written = value.replace("、", "\n").splitlines() if isinstance(value, str) else list(value)
                columns["short_titles_json"] = json.dumps(
                    [title for title in (clean_text(t).strip("《》") for t in written) if title], ensure_ascii=False)
            elif key == "amendments":
                columns["amendments_json"] = json.dumps(
                    [{"date": _iso_date(entry.get("date"), "amendments"), "title": clean_text(entry.get("title"))}
                     for entry in value], ensure_ascii=False)
            elif key == "title":
                title = clean_text(value).strip("《》")
                if not title:
                    raise ValidationError({"title": "请填写法律法规的标题。"})
                columns.update(title=title, title_key=title_key(title))
            else:
                columns[key] = clean_text(value) or None
        return columns

    def _write(self, law_id: int, columns: dict[str, Any]) -> None:
        columns = {**columns, "updated_at": now_text()}
        if "title_key" in columns:
            other = self.store.conn.execute("SELECT id, title FROM law WHERE title_key = ? AND id <> ?",
                                            (columns["title_key"], law_id)).fetchone()
            if other is not None:
                raise ValidationError({"title": f"标题与已有的“{other[1]}”相同。"})
        assignments = ", ".join(f"{key} = ?" for key in columns)
        self.store.conn.execute(f"UPDATE law SET {assignments} WHERE id = ?", [*columns.values(), law_id])
        self.store.citations.keys.forget()
        self.store.touch(LAWS)

    def import_catalogue(self, entries: Iterable[Mapping[str, Any]]) -> dict[str, int]:
        """Merge a catalogue of laws (dicts of ``EDITABLE`` keys, ``title`` required) into the library;
        returns how many laws were added, updated, and cited writings folded into a catalogue law."""
        counts = {"added": 0, "updated": 0, "folded": 0}
        with self.store.transaction():
            for columns in self._editions_merged(entries):
                columns["catalogued"] = 1
                existing = self.store.conn.execute("SELECT id, short_titles_json FROM law WHERE title_key = ?",
                                                   (columns["title_key"],)).fetchone()
                if existing is None:
                    stamp = now_text()
                    row = {"short_titles_json": "[]", "status": "", "amendments_json": "[]", "amends_json": "[]",
                           **columns, "created_at": stamp, "updated_at": stamp}
                    self.store.conn.execute(
                        f"INSERT INTO law ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
                    counts["added"] += 1
                else:
                    if "short_titles_json" in columns:  # keep the cited writings already known
                        columns["short_titles_json"] = json.dumps(sorted({
                            *short_titles(existing[1]), *json.loads(columns["short_titles_json"])}),
                            ensure_ascii=False)
                    self._write(existing[0], columns)
                    counts["updated"] += 1
            counts["folded"] = self._fold_cited_writings()
            self.store.citations.keys.forget()
            self.store.touch(LAWS)
        return counts

    def _editions_merged(self, entries: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """The catalogue's entries as columns, one per law: a catalogue lists each edition of a law
        (会计法 of 2017 and of 2024); the latest edition describes the law, the earlier ones'
        dates become its amendments."""
        editions: dict[str, list[dict[str, Any]]] = {}
        for entry in entries:
            columns = self._columns({key: value for key, value in entry.items() if value not in (None, "")})
            if "title" in columns:
                editions.setdefault(columns["title_key"], []).append(columns)
        merged = []
        for found in editions.values():
            found.sort(key=lambda columns: columns.get("promulgated") or "")
            latest = dict(found[-1])
            earlier = [{"date": columns["promulgated"], "title": columns["title"]}
                       for columns in found[:-1] if columns.get("promulgated")]
            if earlier:
                latest["amendments_json"] = json.dumps(earlier, ensure_ascii=False)
            merged.append(latest)
        return merged

    def _fold_cited_writings(self) -> int:
        """Fold each law known only from citations into the catalogue law it names another way
        (《行政许可法（试行）》 cited, 行政许可法 catalogued): its citations move, its title becomes a
        short title of that law."""
        conn = self.store.conn
        catalogue = conn.execute("SELECT id, title, short_titles_json FROM law WHERE catalogued = 1").fetchall()
        index = LawIndex((row[1], short_titles(row[2])) for row in catalogue)
        ids = {row[1]: (row[0], row[2]) for row in catalogue}
        folded = 0
        for stub_id, title in conn.execute("SELECT id, title FROM law WHERE catalogued = 0").fetchall():
            found = index.resolve(title)
            if found is None or ids[found][0] == stub_id:
                continue
            law_id, written = ids[found]
            conn.execute("UPDATE citation SET law_id = ? WHERE law_id = ?", (law_id, stub_id))
            titles = sorted({*short_titles(written), title})
            conn.execute("UPDATE law SET short_titles_json = ? WHERE id = ?",
                         (json.dumps(titles, ensure_ascii=False), law_id))
            ids[found] = (law_id, json.dumps(titles, ensure_ascii=False))
            for decision_id, amends in conn.execute("SELECT id, amends_json FROM law WHERE amends_json <> '[]'"
                                                    ).fetchall():
                moved = sorted({law_id if law == stub_id else law for law in json.loads(amends)})
                conn.execute("UPDATE law SET amends_json = ? WHERE id = ?", (json.dumps(moved), decision_id))
            conn.execute("DELETE FROM law WHERE id = ?", (stub_id,))
            folded += 1
        return folded

    def reindex(self) -> None:
        """Parse every legal-basis cell again (after the citation reader improved, say)."""
        with self.store.transaction():
            for kind in RECORD_COLUMNS:
                self.store.citations.refresh(kind, None)
            self.store.touch(LAWS)

    # ----------------------------------------------------------------------------- reports
    def affected(self, title_or_id: str | int, article: str | int | None = None,
                 version_id: int | None = None) -> AffectedReport:
        """Every licence item and power (of the working list, or of a saved version) citing the law,
        optionally only those citing ``article`` (第三十五条 covers 第三十五条第二款), by department."""
        law = self.get(title_or_id)
        wanted = article_refs(article) if article is not None else ()
        version = "r.version_id IS NULL" if version_id is None else "r.version_id = ?"
        params = (law["id"],) if version_id is None else (law["id"], version_id)
        # One statement, sorted by department, kind, record and the law's order of the articles, so
        # the rows arrive grouped as the report lists them.
        rows = self.store.conn.execute(" UNION ALL ".join(
            f"SELECT '{kind}', r.id, r.name, r.code, d.name, c.field, c.article, c.paragraph, c.item, c.article_text"
            f" FROM citation c JOIN {TABLES[kind]} r ON r.id = c.{column} JOIN department d ON d.id = r.department_id"
            f" WHERE c.law_id = ? AND {version}" for kind, column in RECORD_COLUMNS.items())
            + " ORDER BY 5, 1, 2, 6, 7, 8, 9", params * len(RECORD_COLUMNS)).fetchall()
        records: list[AffectedRecord] = []
        record = None
        for kind, record_id, name, code, department, field_key, art, paragraph, item, article_text in rows:
            if wanted and not any(_covers(ref, art, paragraph, item) for ref in wanted):
                continue
            if record is None or record.id != record_id or record.kind != kind:
                record = AffectedRecord(kind, record_id, name, code, department)
                records.append(record)
            if field_key not in record.fields:
                record.fields.append(field_key)
            if article_text and article_text not in record.articles:
                record.articles.append(article_text)
        return AffectedReport(law, " ".join(str(ref) for ref in wanted) or None, records)

    def marks(self, version_id: int | None = None,
              only: tuple[str, Sequence[int]] | None = None) -> dict[tuple[str, int], list[str]]:
        """Records citing a law repealed, amended since the edition they name, or not yet in force:
        (kind, id) → the reasons, each naming the law; ``only`` (kind, ids) asks about those records
        alone (a page of a list: the whole list's marks take a second at 100,000 records)."""
        laws = {row["id"]: _law(row) for row in self.store.conn.execute(
            "SELECT * FROM law WHERE status <> '' OR amendments_json <> '[]' OR promulgated IS NOT NULL")}
        marks: dict[tuple[str, int], list[str]] = {}
        for kind, column in RECORD_COLUMNS.items():
            if only is not None and (kind != only[0] or not only[1]):
                continue
            version = "r.version_id IS NULL" if version_id is None else "r.version_id = ?"
            among = "" if only is None else f" AND r.id IN ({', '.join('?' * len(only[1]))})"
            rows = self.store.conn.execute(
                f"SELECT DISTINCT r.id, c.law_id, c.edition_year FROM citation c"
                f" JOIN {TABLES[kind]} r ON r.id = c.{column} WHERE c.law_id IS NOT NULL AND {version}{among}",
                [*(() if version_id is None else (version_id,)), *(() if only is None else only[1])]).fetchall()
            for record_id, law_id, edition in rows:
                law = laws.get(law_id)
                if law is None:
                    continue
                reason = MARK_REASONS.get(law["status"])
                latest = latest_change(law)
                if reason is None and edition and latest and int(latest[:4]) > edition:
                    reason = f"{OUTDATED_REASON}（引用{edition}年版本，最新{latest[:4]}年）"
                if reason:
                    text = f"{reason}：《{law['title']}》"
                    found = marks.setdefault((kind, record_id), [])
                    if text not in found:
                        found.append(text)
        return marks

    def unresolved(self, limit: int = 3, version_id: int | None = None) -> list[dict[str, Any]]:
        """Cited titles that match no catalogue law, most cited first, with the catalogue titles
        close enough to be what a typing error meant (a quarter of the title's characters apart)."""
        conn = self.store.conn
        catalogue = conn.execute("SELECT title, short_titles_json FROM law WHERE catalogued = 1").fetchall()
        index = LawIndex((row[0], short_titles(row[1])) for row in catalogue)
        counts = self._citing_counts(version_id)
        found = []
        for law_id, title in conn.execute("SELECT id, title FROM law WHERE catalogued = 0").fetchall():
            if not counts.get(law_id):
                continue
            closest = index.closest(title, limit) if len(index) else []
            near = max(1, len(title_key(title)) // 4)  # farther, it names another law, not a typo of this one
            found.append({"id": law_id, "title": title, "cited_by": counts[law_id],
                          "closest": [{"title": t, "distance": d} for t, d in closest if d <= near]})
        return sorted(found, key=lambda entry: (-entry["cited_by"], entry["title"]))

    def unparsed(self, version_id: int | None = None) -> list[dict[str, Any]]:
        """Text of legal-basis cells that cites no law, per record, to be corrected by a clerk."""
        found = []
        for kind, column in RECORD_COLUMNS.items():
            version = "r.version_id IS NULL" if version_id is None else "r.version_id = ?"
            for record_id, name, field_key, text in self.store.conn.execute(
                    f"SELECT r.id, r.name, c.field, c.unparsed FROM citation c JOIN {TABLES[kind]} r"
                    f" ON r.id = c.{column} WHERE c.unparsed IS NOT NULL AND {version} ORDER BY r.id, c.id",
                    () if version_id is None else (version_id,)):
                found.append({"kind": kind, "id": record_id, "name": name, "field": field_key, "text": text})
        return found

    def coverage(self) -> dict[str, int]:
        """How far the working list's citations are known: citations stored, resolved to a catalogue
        law, texts left unparsed; laws in the library and from a catalogue."""
        cited: set[tuple[Any, ...]] = set()
        resolved: set[tuple[Any, ...]] = set()
        unparsed = 0
        for kind, column in RECORD_COLUMNS.items():
            for record_id, field_key, position, law_id, catalogued, text in self.store.conn.execute(
                    f"SELECT c.{column}, c.field, c.position, c.law_id, l.catalogued, c.unparsed FROM citation c"
                    f" JOIN {TABLES[kind]} r ON r.id = c.{column} LEFT JOIN law l ON l.id = c.law_id"
                    " WHERE r.version_id IS NULL"):
                if text is not None:
                    unparsed += 1
                elif law_id is not None:
                    cited.add((kind, record_id, field_key, position))
                    if catalogued:
                        resolved.add((kind, record_id, field_key, position))
        return {"citations": len(cited), "resolved": len(resolved), "unparsed_texts": unparsed,
                "laws": self.store.count("SELECT count(*) FROM law"),
                "catalogued_laws": self.store.count("SELECT count(*) FROM law WHERE catalogued = 1")}
