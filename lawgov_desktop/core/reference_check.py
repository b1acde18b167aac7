"""Checking the city list against an upper (provincial or national) list.

Item names and legal bases are uniform nationwide: a lower list may not rename an item.  So the
check matches city main items to upper items by exact name (spaces, full-width forms and a
trailing "*" aside) and reports city items no upper item has (with the three closest upper names,
usually the typo or the old name), upper items the city list lacks, and matched items whose
competent departments look different.

Departments differ in level by nature (省发展改革委 above 市发改局), so they are compared by their
core: the region or level in front and the 局/委/厅/办 ending removed, then equal, one a
subsequence of the other (发改 in 发展和改革), or alike by ``difflib``.  Every name and alias of the
city department is tried.  A flagged pair is a place to look, not a verdict.

The upper list itself is read from a workbook by ``importers/reference_list.py`` and stored here
in ``reference_list``/``reference_item``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .changes import UPPER_LISTS
from .clock import now_text
from .errors import NotFoundError, ValidationError
from .records import clean_text, name_key

if TYPE_CHECKING:
    from .store import Store
    from .versions import Versions

SUGGESTIONS = 3
_SUGGESTION_CUTOFF = 0.4
_DEPARTMENT_LIKENESS = 0.6
_DEPARTMENT_PREFIX = re.compile(r"^(?:中华人民共和国|国家|中央|[\u4e00-\u9fff]{2,5}?[省市县区]|[省市县区])")
_DEPARTMENT_SUFFIX = re.compile(r"(?:总局|委员会|办公室|局|委|厅|部|办|署)$")


@dataclass
class CityItem:
    """A city main item as the check reports it."""

    name: str
    department: str
    sequence: str | None = None
    code: str | None = None
    suggestions: list[str] = field(default_factory=list)


@dataclass
class UpperItem:
    """An upper list item as the check reports it."""

    name: str
    department: str | None = None
    sequence: str | None = None
    code: str | None = None


@dataclass
class DepartmentDifference:
    """A city item whose competent department does not look like the upper list's."""

    name: str
    department: str
    upper_department: str


@dataclass
class ReferenceCheck:
    """The outcome of checking a list against an upper list."""

    reference: str
    list_label: str
    checked: int
    unmatched: list[CityItem] = field(default_factory=list)
    missing: list[UpperItem] = field(default_factory=list)
    department_differences: list[DepartmentDifference] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The document ``lawgov check --json`` prints."""
        return {"reference": self.reference, "list": self.list_label, "checked": self.checked,
                "counts": {"unmatched": len(self.unmatched), "missing": len(self.missing),
                           "department_differences": len(self.department_differences)},
                "unmatched": [asdict(item) for item in self.unmatched],
                "missing": [asdict(item) for item in self.missing],
                "department_differences": [asdict(item) for item in self.department_differences]}


def item_key(name: str) -> str:
    """The form in which a city name and an upper name must agree (a trailing * is a marker)."""
    return name_key(name).rstrip("*＊")


def department_core(name: str) -> str:
    """省发展改革委 → 发展改革, 汕尾市发展和改革局 → 发展和改革, 市发改局 → 发改."""
    key = name_key(name)
    return _DEPARTMENT_SUFFIX.sub("", _DEPARTMENT_PREFIX.sub("", key, count=1)) or key


def departments_alike(names: list[str], upper: str) -> bool:
    """Whether one of a department's names and an upper department look like the same office."""
    upper_core = department_core(upper)
    for name in names:
        core = department_core(name)
        shorter, longer = sorted((core, upper_core), key=len)
        if core == upper_core or _is_subsequence(shorter, longer):
            return True
        if difflib.SequenceMatcher(None, core, upper_core).ratio() >= _DEPARTMENT_LIKENESS:
            return True
    return False


def _is_subsequence(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(char in remaining for char in short)


class References:
    """Upper lists stored in the database, and the check of a list against one (``library.references``).

    Upper lists are reference data, like mapping templates: storing or deleting one is not a
    change of the city's lists, so it is not in the change log (and not undone by Ctrl+Z).
    """

    def __init__(self, store: Store, versions: Versions) -> None:
        self.store = store
        self.versions = versions

    def save_reference(self, name: str, items: list[dict[str, Any]], level: str | None = None,
                       *, replace: bool = False) -> int:
        """Store an upper list under ``name`` (items: sequence, name, sub_item, department, code);
        ``replace`` overwrites a list of that name.  Returns its id."""
        name = clean_text(name) or ""
        if not name:
            raise ValidationError({"name": "请填写上级清单的名称，例如“广东省2022年版”。"})
        existing = self.find_reference(name)
        if existing is not None and not replace:
            raise ValidationError({"name": f"上级清单“{name}”已存在；如要更新，请先删除或选择覆盖。"})
        with self.store.transaction() as conn:
            if existing is not None:
                conn.execute("DELETE FROM reference_list WHERE id = ?", (existing,))
            reference_id = int(conn.execute(
                "INSERT INTO reference_list (name, level, created_at) VALUES (?, ?, ?)",
                (name, clean_text(level), now_text())).lastrowid)
            self.store.touch(UPPER_LISTS)
            conn.executemany(
                "INSERT INTO reference_item (reference_id, sequence, name, sub_item, department, code)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(reference_id, item.get("sequence"), item["name"], item.get("sub_item"), item.get("department"),
                  item.get("code")) for item in items])
        return reference_id

    def upper_lists(self) -> list[dict[str, Any]]:
        """The stored upper lists with their number of main items."""
        return [dict(row) for row in self.store.conn.execute(
            "SELECT r.*, (SELECT count(*) FROM reference_item i WHERE i.reference_id = r.id"
            " AND i.sub_item IS NULL) AS items FROM reference_list r ORDER BY r.id")]

    def find_reference(self, name: str) -> int | None:
        """An upper list by name."""
        row = self.store.conn.execute("SELECT id FROM reference_list WHERE name = ?", (clean_text(name),)).fetchone()
        return row[0] if row else None

    def check_reference(self, reference_id: int, version_id: int | None = None) -> ReferenceCheck:
        """Check the working list (or a saved version) against upper list ``reference_id``."""
        reference = self.store.conn.execute("SELECT name FROM reference_list WHERE id = ?", (reference_id,)).fetchone()
        if reference is None:
            raise NotFoundError(f"未找到上级清单（编号 {reference_id}）。")
        upper = [UpperItem(row[0], row[1], row[2], row[3]) for row in self.store.conn.execute(
            "SELECT name, department, sequence, code FROM reference_item WHERE reference_id = ?"
            " AND sub_item IS NULL ORDER BY id", (reference_id,))]
        upper_by_key: dict[str, UpperItem] = {}
        for item in upper:
            upper_by_key.setdefault(item_key(item.name), item)
        aliases: dict[int, list[str]] = {}
        for department_id, alias in self.store.conn.execute("SELECT department_id, alias FROM department_alias"):
            aliases.setdefault(department_id, []).append(alias)
        city = self.store.conn.execute(
            "SELECT li.name, d.name, li.sequence, li.code, d.id FROM licence_item li JOIN department d"
            " ON d.id = li.department_id WHERE li.version_id IS ? AND li.parent_id IS NULL"
            " ORDER BY li.position, li.id", (version_id,)).fetchall()
        label = "当前清单" if version_id is None else self.versions.version(version_id)["name"]
        result = ReferenceCheck(reference[0], label, len(city))
        upper_names = list(dict.fromkeys(item.name for item in upper))
        found: set[str] = set()
        for name, department, sequence, code, department_id in city:
            match = upper_by_key.get(item_key(name))
            if match is None:
                suggestions = difflib.get_close_matches(name, upper_names, n=SUGGESTIONS, cutoff=_SUGGESTION_CUTOFF)
                result.unmatched.append(CityItem(name, department, sequence, code, suggestions))
                continue
            found.add(item_key(name))
            names = [department, *aliases.get(department_id, [])]
            if match.department and not departments_alike(names, match.department):
                result.department_differences.append(DepartmentDifference(name, department, match.department))
        result.missing = [item for key, item in upper_by_key.items() if key not in found]
        return result

    def delete_reference(self, reference_id: int) -> None:
        """Forget an upper list."""
        if self.store.conn.execute("SELECT 1 FROM reference_list WHERE id = ?", (reference_id,)).fetchone() is None:
            raise NotFoundError(f"未找到上级清单（编号 {reference_id}）。")
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM reference_list WHERE id = ?", (reference_id,))
            self.store.touch(UPPER_LISTS)
