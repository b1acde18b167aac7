"""Checking a list against its upper list: the city's against a provincial or national one, a county's
against the city's.

Item names and legal bases are uniform nationwide: a lower list may not rename an item.  So the
check matches the lower list's main items to upper items by exact name (spaces, full-width forms
and a trailing "*" aside) and reports lower items no upper item has (with the three closest upper
names, usually the typo or the old name), upper items the lower list lacks, and for each matched
pair what the provinces require to agree: the competent department (主管部门), the implementing
authority (实施机关) and the set of laws the legal basis cites (名称和设定依据须一致; articles aside,
short and full titles of one law alike, ``citations.title_key``).

Which list is the lower one comes from the regions' parent chain.  An upper list stored without a
region (a province's, the nation's) is above the working list, which is the city's — the root of
the region tree.  A list stored with a region under the city (海丰县's list, sent in by the
county) is below: it is checked against the list of its region's parent — the working list when
the parent is the city, else the list stored for the parent region — and a lower item the upper
list lacks is 超出上级清单 (a lower list may not go beyond the upper one), not a renamed item.

Departments differ in level by nature (省发展改革委 above 市发改局), so they are compared by their
core: the region or level in front and the 局/委/厅/办 ending removed, then equal, one a
subsequence of the other (发改 in 发展和改革), or alike by ``difflib``.  Every name and alias of the
working list's department is tried.  Implementing authorities are compared the same way, each
authority a cell names (bracketed notes and generic level words such as 县级以上…主管部门 aside).
A flagged pair is a place to look, not a verdict.

The upper list itself is read from a workbook by ``importers/reference_list.py`` and stored here
in ``reference_list``/``reference_item``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .changes import UPPER_LISTS
from .citations import parse_citations
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
# An implementing-authority cell names one authority or several, with notes in brackets; generic
# authorities carry a level (县级以上人民政府…主管部门) that says nothing of which office it is.
_AUTHORITY_SEPARATORS = re.compile(r"[、，,；;/\n]+")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_AUTHORITY_LEVEL = re.compile(r"^(?:(?:国家|省|自治区|市|州|县|区|乡|镇)级(?:以上)?(?:地方)?(?:人民政府)?|各级(?:人民政府)?)")
_AUTHORITY_SUFFIX = re.compile(r"(?:行政)?(?:主管部门|管理部门|部门|机关|机构)$")
WORKING_LIST = "当前清单"


@dataclass
class CityItem:
    """A main item of the checked (lower) list as the check reports it."""

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
    """A lower item whose competent department does not look like the upper list's."""

    name: str
    department: str
    upper_department: str


@dataclass
class AuthorityDifference:
    """A lower item naming an implementing authority (实施机关) the upper item does not name."""

    name: str
    authority: str
    upper_authority: str


@dataclass
class BasisDifference:
    """A lower item whose legal basis cites another set of laws than the upper item's: the laws
    only one side cites, each as that side writes its title."""

    name: str
    department: str
    only_ours: list[str]
    only_upper: list[str]


@dataclass
class ReferenceCheck:
    """The outcome of checking a list against its upper list.

    ``list_label`` names the checked (lower) list and ``upper_label`` the upper one.  For a list
    stored under a region below the city, ``lower_region``/``upper_region`` name the two regions
    and its items the upper list lacks are in ``beyond_upper``; otherwise they are in ``unmatched``.
    """

    reference: str
    list_label: str
    checked: int
    upper_label: str = ""
    lower_region: str | None = None
    upper_region: str | None = None
    unmatched: list[CityItem] = field(default_factory=list)
    missing: list[UpperItem] = field(default_factory=list)
    department_differences: list[DepartmentDifference] = field(default_factory=list)
    authority_differences: list[AuthorityDifference] = field(default_factory=list)
    basis_differences: list[BasisDifference] = field(default_factory=list)
    beyond_upper: list[CityItem] = field(default_factory=list)

    def heading(self) -> str:
        """What was checked against what: the first line of every report of the check."""
        if self.lower_region:
            return (f"{self.lower_region}的清单“{self.list_label}”的 {self.checked} 项许可事项对照上级"
                    f"{self.upper_region}的清单“{self.upper_label}”（下级清单不得超出上级清单）：")
        return f"{self.list_label}的 {self.checked} 项许可事项对照上级清单“{self.reference}”："

    def summary(self) -> str:
        """The counts of each kind of finding, in words."""
        first = (f"{FINDINGS['beyond_upper']} {len(self.beyond_upper)} 项" if self.lower_region
                 else f"名称与上级清单不一致 {len(self.unmatched)} 项")
        return (f"{first}，上级清单有而本清单没有 {len(self.missing)} 项，主管部门可能不一致 "
                f"{len(self.department_differences)} 项。{FINDINGS['authority_differences']} "
                f"{len(self.authority_differences)} 项，{FINDINGS['basis_differences']} {len(self.basis_differences)} 项。")

    def to_json(self) -> dict[str, Any]:
        """The document ``lawgov check --json`` prints."""
        findings = {key: [asdict(item) for item in getattr(self, key)] for key in FINDINGS}
        return {"reference": self.reference, "list": self.list_label, "upper": self.upper_label,
                "lower_region": self.lower_region, "upper_region": self.upper_region, "checked": self.checked,
                "counts": {key: len(items) for key, items in findings.items()}, **findings}


# The kinds of finding in the order every report lists them, each with its name for people.
FINDINGS = {"unmatched": "名称在上级清单中找不到", "missing": "上级清单有而本清单没有",
            "department_differences": "主管部门可能不一致", "authority_differences": "实施机关不一致",
            "basis_differences": "设定依据不一致", "beyond_upper": "超出上级清单"}


@dataclass
class _Item:
    """One main item of either side, with what the pairwise rules compare."""

    name: str
    department: str | None
    department_names: list[str]  # the department's name and aliases (the working list knows them)
    sequence: str | None
    code: str | None
    legal_basis: str | None
    authority: str | None


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


def authorities(text: str) -> list[str]:
    """The authorities an implementing-authority cell names, as offices:
    "县级以上人民政府市场监管部门（含分局）、海丰县市场监督管理局" → [市场监管, 海丰县市场监督管理局]."""
    parts = (_AUTHORITY_LEVEL.sub("", name_key(part)) for part in _AUTHORITY_SEPARATORS.split(_BRACKETED.sub("", text)))
    return [_AUTHORITY_SUFFIX.sub("", part) or part for part in parts if part]


def authorities_agree(ours: str, upper: str) -> bool:
    """Whether every authority ``ours`` names is one ``upper`` names (a level apart: 省 and 市 offices
    of one kind agree); an empty side says nothing, so it agrees."""
    upper_offices = authorities(upper)
    return not upper_offices or all(any(departments_alike([office], other) for other in upper_offices)
                                    for office in authorities(ours))


def cited_laws(text: str | None) -> dict[str, str]:
    """The laws a legal-basis cell cites: ``title_key`` → the title as first written."""
    laws: dict[str, str] = {}
    for citation in parse_citations(text or ""):
        laws.setdefault(citation.key, citation.title)
    return laws


def basis_difference(name: str, department: str, ours: str | None, upper: str | None) -> BasisDifference | None:
    """The laws only one side cites, or None when both cite the same set — or when either side
    cites no law it can be read as (a missing or free-text basis is no set to compare)."""
    our_laws, upper_laws = cited_laws(ours), cited_laws(upper)
    if not our_laws or not upper_laws or our_laws.keys() == upper_laws.keys():
        return None
    return BasisDifference(name, department, [title for key, title in our_laws.items() if key not in upper_laws],
                           [title for key, title in upper_laws.items() if key not in our_laws])


def cited_titles(titles: list[str], separator: str = "") -> str:
    """Titles as a legal basis writes them: 《A》《B》."""
    return separator.join(f"《{title}》" for title in titles)


def basis_difference_text(difference: BasisDifference) -> str:
    """仅本清单引用《A》；仅上级清单引用《B》《C》 — a basis difference in one line."""
    sides = [(label, titles) for label, titles in (("本清单", difference.only_ours), ("上级清单", difference.only_upper))
             if titles]
    return "；".join(f"仅{label}引用{cited_titles(titles)}" for label, titles in sides)


def compare_lists(lower: list[_Item], upper: list[_Item], result: ReferenceCheck, *, beyond: bool) -> None:
    """Match ``lower`` to ``upper`` by name and fill ``result``'s findings: lower items the upper
    list lacks (``beyond``: as 超出上级清单), upper items the lower lacks, and each matched pair's
    department, implementing authority and cited laws."""
    upper_by_key: dict[str, _Item] = {}
    for item in upper:
        upper_by_key.setdefault(item_key(item.name), item)
    upper_names = list(dict.fromkeys(item.name for item in upper))
    unmatched = result.beyond_upper if beyond else result.unmatched
    found: set[str] = set()
    for item in lower:
        match = upper_by_key.get(item_key(item.name))
        department = item.department or ""
        if match is None:
            suggestions = difflib.get_close_matches(item.name, upper_names, n=SUGGESTIONS, cutoff=_SUGGESTION_CUTOFF)
            unmatched.append(CityItem(item.name, department, item.sequence, item.code, suggestions))
            continue
        found.add(item_key(item.name))
        if item.department and match.department and not any(
                departments_alike(item.department_names, upper_name) for upper_name in match.department_names):
            result.department_differences.append(DepartmentDifference(item.name, department, match.department))
        if item.authority and match.authority and not authorities_agree(item.authority, match.authority):
            result.authority_differences.append(AuthorityDifference(item.name, item.authority, match.authority))
        difference = basis_difference(item.name, department, item.legal_basis, match.legal_basis)
        if difference is not None:
            result.basis_differences.append(difference)
    result.missing = [UpperItem(item.name, item.department, item.sequence, item.code)
                      for key, item in upper_by_key.items() if key not in found]


class References:
    """Upper lists stored in the database, and the check of a list against one (``library.references``).

    Upper lists are reference data, like mapping templates: storing or deleting one is not a
    change of the city's lists, so it is not in the change log (and not undone by Ctrl+Z).
    """

    def __init__(self, store: Store, versions: Versions) -> None:
        self.store = store
        self.versions = versions

    def save_reference(self, name: str, items: list[dict[str, Any]], level: str | None = None,
                       *, region_id: int | None = None, replace: bool = False) -> int:
        """Store an upper list under ``name`` (items: sequence, name, sub_item, department, code,
        legal_basis, implementing_authority); ``region_id`` marks a lower region's list (a county's,
        checked against the city's); ``replace`` overwrites a list of that name.  Returns its id."""
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
                "INSERT INTO reference_list (name, level, region_id, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                (name, clean_text(level), region_id, now_text())).fetchone()[0])
            self.store.touch(UPPER_LISTS)
            conn.executemany(
                "INSERT INTO reference_item (reference_id, sequence, name, sub_item, department, code, legal_basis,"
                " implementing_authority) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(reference_id, item.get("sequence"), item["name"], item.get("sub_item"), item.get("department"),
                  item.get("code"), item.get("legal_basis"), item.get("implementing_authority")) for item in items])
        return reference_id

    def upper_lists(self) -> list[dict[str, Any]]:
        """The stored upper lists with their number of main items and the region of a lower one."""
        return [dict(row) for row in self.store.conn.execute(
            "SELECT r.*, g.name AS region, (SELECT count(*) FROM reference_item i WHERE i.reference_id = r.id"
            " AND i.sub_item IS NULL) AS items FROM reference_list r LEFT JOIN region g ON g.id = r.region_id"
            " ORDER BY r.id")]

    def find_reference(self, name: str) -> int | None:
        """An upper list by name."""
        row = self.store.conn.execute("SELECT id FROM reference_list WHERE name = ?", (clean_text(name),)).fetchone()
        return row[0] if row else None

    def check_reference(self, reference_id: int, version_id: int | None = None) -> ReferenceCheck:
        """Check the working list (or a saved version) against upper list ``reference_id`` — or, when
        that list is a lower region's, check it against its upper list (module docstring)."""
        reference = self.store.conn.execute(
            "SELECT r.name, g.name, g.parent_id FROM reference_list r LEFT JOIN region g ON g.id = r.region_id"
            " WHERE r.id = ?", (reference_id,)).fetchone()
        if reference is None:
            raise NotFoundError(f"未找到上级清单（编号 {reference_id}）。")
        name, region, parent_id = reference
        label = WORKING_LIST if version_id is None else self.versions.version(version_id)["name"]
        if parent_id is None:  # above the city's list, or (stored under the city itself) beside it
            working = self._working_items(version_id)
            result = ReferenceCheck(name, label, len(working), upper_label=name)
            compare_lists(working, self._reference_items(reference_id), result, beyond=False)
            return result
        upper_region, grandparent_id = self.store.conn.execute(
            "SELECT name, parent_id FROM region WHERE id = ?", (parent_id,)).fetchone()
        if grandparent_id is None:  # the county's upper list is the city's: the working list
            upper, upper_label = self._working_items(version_id), f"{upper_region}{label}"
        else:
            upper_list = self.store.conn.execute(
                "SELECT id, name FROM reference_list WHERE region_id = ? ORDER BY id DESC", (parent_id,)).fetchone()
            if upper_list is None:
                raise NotFoundError(f"“{name}”是{region}的清单，其上级{upper_region}的清单尚未导入，无法核对。")
            upper, upper_label = self._reference_items(upper_list[0]), upper_list[1]
        lower = self._reference_items(reference_id)
        result = ReferenceCheck(name, name, len(lower), upper_label=upper_label, lower_region=region,
                                upper_region=upper_region)
        compare_lists(lower, upper, result, beyond=True)
        return result

    def _working_items(self, version_id: int | None) -> list[_Item]:
        """The main licence items of the working list or of a saved version, with their departments'
        names and aliases."""
        aliases: dict[int, list[str]] = {}
        for department_id, alias in self.store.conn.execute("SELECT department_id, alias FROM department_alias"):
            aliases.setdefault(department_id, []).append(alias)
        return [_Item(name, department, [department, *aliases.get(department_id, [])], sequence, code, basis, authority)
                for name, department, sequence, code, department_id, basis, authority in self.store.conn.execute(
                    "SELECT li.name, d.name, li.sequence, li.code, d.id, li.legal_basis, li.implementing_authority"
                    " FROM licence_item li JOIN department d ON d.id = li.department_id"
                    " WHERE li.version_id IS ? AND li.parent_id IS NULL ORDER BY li.position, li.id", (version_id,))]

    def _reference_items(self, reference_id: int) -> list[_Item]:
        """The main items of a stored list."""
        return [_Item(name, department, [department] if department else [], sequence, code, basis, authority)
                for name, department, sequence, code, basis, authority in self.store.conn.execute(
                    "SELECT name, department, sequence, code, legal_basis, implementing_authority FROM reference_item"
                    " WHERE reference_id = ? AND sub_item IS NULL ORDER BY id", (reference_id,))]

    def delete_reference(self, reference_id: int) -> None:
        """Forget an upper list."""
        if self.store.conn.execute("SELECT 1 FROM reference_list WHERE id = ?", (reference_id,)).fetchone() is None:
            raise NotFoundError(f"未找到上级清单（编号 {reference_id}）。")
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM reference_list WHERE id = ?", (reference_id,))
            self.store.touch(UPPER_LISTS)
