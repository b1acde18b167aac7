"""清单之外不得实施许可: a department may only license what the licence catalogue lists for it.

The check reads both sides from one list (the working list or a saved version): the 行政许可 of
each department's 权责清单 (main powers of type 行政许可) and the catalogue's main licence items.
A power and an item agree when they belong to the same department and their names are equal
after ``name_key`` (full-width forms, spaces and case aside) — the catalogue's names are the
legal ones, so near misses are findings, and the closest names on the other side are listed
with each finding to show the typo, the old name or the department that holds the item.

Findings:

* 清单外的许可 — a licence power of a department whose name no catalogue item of that department has;
* 清单内未列入权责清单 — a catalogue item that no licence power of its department names;
* 部门未导入权责清单 — a catalogue item of a department with no power at all: its 权责清单 is
  most likely not imported yet, so these are kept apart instead of flooding the list above.

Rows marked 已取消 are left out on both sides: a cancelled catalogue item licenses nothing, and a
cancelled power is not exercised.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .records import name_key

if TYPE_CHECKING:
    from .library import Library

LICENCE_POWER_TYPE = "行政许可"
CANCELLED = "已取消"
CLOSEST = 3
# Likeness (difflib ratio) a close name needs: half the characters for the department's own names
# (sharing only a 许可/审批 ending is not enough); another department's name must be nearly the
# same, since a city has hundreds of names ending in 经营许可 and only a near twin says "filed there".
_SAME_DEPARTMENT_CUTOFF = 0.5
_OTHER_DEPARTMENT_CUTOFF = 0.7


@dataclass
class CloseName:
    """A name on the other side that looks like a finding's, and whose it is."""

    name: str
    department: str
    similarity: float


@dataclass
class LicenceFinding:
    """A licence power or catalogue item without its counterpart in the same department."""

    name: str
    department: str
    code: str | None = None
    closest: list[CloseName] = field(default_factory=list)

    def closest_text(self, separator: str = "；") -> str:
        """The closest names for people: another department's name carries that department."""
        return separator.join(close.name if close.department == self.department
                              else f"{close.name}（{close.department}）" for close in self.closest)


@dataclass
class LicenceCheck:
    """The outcome of checking the 权责清单's 行政许可 against the licence catalogue."""

    list_label: str
    licence_powers: int
    licence_items: int
    outside: list[LicenceFinding] = field(default_factory=list)
    unlisted: list[LicenceFinding] = field(default_factory=list)
    not_imported: list[LicenceFinding] = field(default_factory=list)

    def summary(self) -> str:
        """The line every report of the check starts with (the CLI's first line, the workbook's notes)."""
        line = (f"权责清单中的行政许可 {self.licence_powers} 项，许可清单 {self.licence_items} 项；"
                f"清单外的许可 {len(self.outside)} 项，清单内未列入权责清单 {len(self.unlisted)} 项")
        if self.not_imported:
            line += f"；另有 {len(self.not_imported)} 项许可事项所属部门未导入权责清单"
        return line + "。"

    def to_json(self) -> dict[str, Any]:
        """The document ``lawgov check --licences --json`` prints."""
        return {"list": self.list_label,
                "counts": {"licence_powers": self.licence_powers, "licence_items": self.licence_items,
                           "outside": len(self.outside), "unlisted": len(self.unlisted),
                           "not_imported": len(self.not_imported)},
                "outside": [asdict(finding) for finding in self.outside],
                "unlisted": [asdict(finding) for finding in self.unlisted],
                "not_imported": [asdict(finding) for finding in self.not_imported]}


@dataclass
class _Row:
    key: str
    name: str
    code: str | None
    department_id: int
    department: str


def check_licences(library: Library, version_id: int | None = None) -> LicenceCheck:
    """Check the working list (or saved version ``version_id``): its departments' licence powers
    against its licence catalogue, both ways."""
    powers = _rows(library, "SELECT p.name, p.code, d.id, d.name FROM power p JOIN department d"
                            " ON d.id = p.department_id WHERE p.version_id IS ? AND p.parent_id IS NULL"
                            " AND p.power_type = ? AND p.status != ? ORDER BY p.position, p.id",
                   (version_id, LICENCE_POWER_TYPE, CANCELLED))
    items = _rows(library, "SELECT li.name, li.code, d.id, d.name FROM licence_item li JOIN department d"
                           " ON d.id = li.department_id WHERE li.version_id IS ? AND li.parent_id IS NULL"
                           " AND li.status != ? ORDER BY li.position, li.id", (version_id, CANCELLED))
    with_powers = {row[0] for row in library.store.conn.execute(
        "SELECT DISTINCT department_id FROM power WHERE version_id IS ?", (version_id,))}
    label = "当前清单" if version_id is None else library.versions.version(version_id)["name"]
    result = LicenceCheck(label, len(powers), len(items))
    power_names = _distinct(powers)
    item_names = _distinct(items)
    for row in power_names.values():
        if (row.department_id, row.key) not in item_names:
            result.outside.append(_finding(row, item_names.values()))
    for row in item_names.values():
        if (row.department_id, row.key) not in power_names:
            findings = result.unlisted if row.department_id in with_powers else result.not_imported
            findings.append(_finding(row, power_names.values()))
    return result


def _rows(library: Library, sql: str, parameters: tuple[Any, ...]) -> list[_Row]:
    return [_Row(name_key(name), name, code, department_id, department)
            for name, code, department_id, department in library.store.conn.execute(sql, parameters)]


def _distinct(rows: list[_Row]) -> dict[tuple[int, str], _Row]:
    """One row per department and name (the first spelling), grouped by department in the order
    the list first names each department, so findings read department by department."""
    first_seen: dict[int, int] = {}
    for row in rows:
        first_seen.setdefault(row.department_id, len(first_seen))
    distinct: dict[tuple[int, str], _Row] = {}
    for row in sorted(rows, key=lambda row: first_seen[row.department_id]):
        distinct.setdefault((row.department_id, row.key), row)
    return distinct


def _finding(row: _Row, others: Iterable[_Row]) -> LicenceFinding:
    """``row`` with the closest names of ``others``: the identical name in another department
    first (the item is there), then the same department's names, then any department's, each
    by likeness."""
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(row.key)
    scored = []
    for other in others:
        elsewhere = other.department_id != row.department_id
        cutoff = _OTHER_DEPARTMENT_CUTOFF if elsewhere else _SAME_DEPARTMENT_CUTOFF
        matcher.set_seq1(other.key)
        if (matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff
                and (ratio := matcher.ratio()) >= cutoff):
            scored.append(((other.key != row.key, elsewhere, -ratio), ratio, other))
    scored.sort(key=lambda entry: entry[0])
    return LicenceFinding(row.name, row.department, row.code,
                          [CloseName(other.name, other.department, round(ratio, 2))
                           for _rank, ratio, other in scored[:CLOSEST]])
