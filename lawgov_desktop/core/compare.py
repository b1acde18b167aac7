"""Comparing two lists (清单调整对照表): what the yearly adjustment added, removed, changed and moved.

Both sides are a ``ListSnapshot``: plain records with department, region and batch *names*, read
from the database (the working list or a saved version) here, or from a workbook by
``importers/compare_file.py``.  Records are matched like the importer matches them: by item code
when the code is unambiguous, else by name and department; an item without a code whose name was
changed is matched last, within its department, by how much of its name is still there (and by
its place among that department's leftovers when two names are alike), so a rename is one change
old → new rather than one item added and one removed.  Licence items come out as added,
removed, changed (field by field, old → new) or moved (same name and code, another competent
department); powers as added, removed or changed, and their delegations as newly delegated (a new
power, or a power delegated for the first time), extended (more townships, or 部分 → 全部) or taken
back (收回, or a township that is no longer there).

Only the fields both sides know are compared: a workbook without a 备注 column does not erase
every remark.  Sequence numbers and the list year are not compared — they change for every item
when one item is inserted or a new year begins, and would drown the real changes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from typing import Any

from .fields import LICENCE, POWER
from .kinds import JSON, KINDS, LICENCE_KIND, NUMBER, POWER_KIND, REFERENCE, RecordKind
from .layouts import field_label
from .records import name_key  # names match as the importer matches them

TAKEN_BACK = "收回"
WHOLE_SCOPE = "全部"
# How alike two names of one department must be (difflib's ratio) for an item without a code to
# count as renamed: "特种设备使用登记" → "特种设备使用登记（含变更）" is 0.76, two different items of
# one bureau ("对违法建设的处罚", "对违规停放共享单车的处罚") 0.5.
RENAME_SIMILARITY = 0.6
# Numbers that change for every item when one is inserted or a new year begins.
_NOT_COMPARED = frozenset({"sequence", "list_year"})


def _compared(kind: RecordKind) -> tuple[str, ...]:
    """The values of a kind a comparison looks at, in the kind's order (ids and positions are the
    database's business; a power's department is compared by name, a licence item's is a move)."""
    return tuple(f.key for f in kind.fields
                 if f.stored and f.rule not in (REFERENCE, NUMBER, JSON) and f.key not in _NOT_COMPARED)


# Fields compared, in the order a change lists them.
LICENCE_COMPARED = (*_compared(LICENCE_KIND), "sub_items")
POWER_COMPARED = (*_compared(POWER_KIND), "department", "sub_items")
LICENCE_CHANGE_KINDS = {"added": "新增事项", "removed": "取消事项", "changed": "变更事项",
                        "moved": "调整主管部门"}
POWER_CHANGE_KINDS = {"delegated": "新增下放", "extended": "扩大范围", "taken_back": "收回",
                      "added": "新增事项", "removed": "取消事项", "changed": "变更事项"}
_SUB_ITEMS_LABEL = "子项"
# Compared fields a record keeps outside ``values``.
NOT_VALUES = frozenset({"name", "department", "sub_items"})


@dataclass
class Delegated:
    """One delegation as a list states it: to a township, in a batch, with a scope and change kind."""

    region: str
    batch: str | None = None
    scope: str | None = None
    change_kind: str | None = None


@dataclass
class LicenceRecord:
    """A main licence item in comparable form: field values as text, sub-items by name."""

    name: str
    department: str
    values: dict[str, str | None] = field(default_factory=dict)
    sub_items: tuple[str, ...] = ()

    @property
    def code(self) -> str | None:
        """The item code, the first key records are matched by."""
        return self.values.get("code")


@dataclass
class PowerRecord:
    """A power in comparable form, with its delegations and its sub-items by name."""

    name: str
    department: str
    values: dict[str, str | None] = field(default_factory=dict)
    delegations: list[Delegated] = field(default_factory=list)
    sub_items: tuple[str, ...] = ()

    @property
    def code(self) -> str | None:
        """The power code, the first key records are matched by."""
        return self.values.get("code")

    def active(self) -> dict[str, Delegated]:
        """Townships the power is handed to and not taken back from (as ``core/stats.py`` counts)."""
        taken_back = {d.region for d in self.delegations if d.change_kind == TAKEN_BACK}
        active: dict[str, Delegated] = {}
        for delegation in self.delegations:
            if delegation.change_kind != TAKEN_BACK and delegation.region not in taken_back:
                known = active.get(delegation.region)
                if known is None or delegation.scope == WHOLE_SCOPE:
                    active[delegation.region] = delegation
        return active


@dataclass
class ListSnapshot:
    """One side of a comparison.  ``licences``/``powers`` is None when the side does not hold that
    list (a workbook of powers only); ``*_fields`` are the fields the side states."""

    label: str
    licences: list[LicenceRecord] | None = None
    powers: list[PowerRecord] | None = None
    licence_fields: frozenset[str] = frozenset(LICENCE_COMPARED)
    power_fields: frozenset[str] = frozenset(POWER_COMPARED)
    has_delegations: bool = True


@dataclass
class FieldChange:
    """One field of one record, before and after."""

    field: str
    label: str
    old: str | None
    new: str | None


@dataclass
class LicenceChange:
    """A licence item that was added, removed, changed or moved to another department."""

    kind: str  # added, removed, changed, moved
    name: str
    department: str
    code: str | None = None
    part: str | None = None
    old_department: str | None = None
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        """新增事项, 取消事项, 变更事项 or 调整主管部门."""
        return LICENCE_CHANGE_KINDS[self.kind]


@dataclass
class PowerChange:
    """A power whose record or delegations changed; ``regions`` are the townships concerned."""

    kind: str  # delegated, extended, taken_back, added, removed, changed
    name: str
    department: str
    code: str | None = None
    regions: list[str] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        """新增下放, 扩大范围, 收回, 新增事项, 取消事项 or 变更事项."""
        return POWER_CHANGE_KINDS[self.kind]


@dataclass
class Comparison:
    """Everything that changed from ``old_label`` to ``new_label``."""

    old_label: str
    new_label: str
    licences: list[LicenceChange] = field(default_factory=list)
    powers: list[PowerChange] = field(default_factory=list)
    compared: tuple[str, ...] = (LICENCE, POWER)

    def counts(self) -> dict[str, dict[str, int]]:
        """How many entries of each kind, every kind present (0 when none)."""
        licence = {kind: 0 for kind in LICENCE_CHANGE_KINDS}
        for change in self.licences:
            licence[change.kind] += 1
        power = {kind: 0 for kind in POWER_CHANGE_KINDS}
        for power_change in self.powers:
            power[power_change.kind] += 1
        return {"licence_items": licence, "powers": power}

    def is_empty(self) -> bool:
        """True when the two lists are the same in every compared field."""
        return not self.licences and not self.powers

    def to_json(self) -> dict[str, Any]:
        """The document ``lawgov diff --json`` prints."""
        return {"old": self.old_label, "new": self.new_label, "compared": list(self.compared),
                "counts": self.counts(),
                "licence_items": [asdict(change) for change in self.licences],
                "powers": [asdict(change) for change in self.powers]}


def comparable_text(value: object) -> str | None:
    """A value as compared: whitespace (full-width too) collapsed, empty as None, lists joined."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = "、".join(str(v) for v in value if v not in (None, ""))
    text = " ".join(str(value).split())  # str.split() also splits at full-width spaces
    return text or None


# --------------------------------------------------------------------------- reading the database

_LICENCE_VALUES = tuple(key for key in LICENCE_COMPARED if key not in NOT_VALUES)
_POWER_VALUES = tuple(key for key in POWER_COMPARED if key not in NOT_VALUES)
_LICENCE_SQL = (
    f"SELECT li.id, li.parent_id, li.name, d.name, {', '.join('li.' + key for key in _LICENCE_VALUES)}"
    " FROM licence_item li JOIN department d ON d.id = li.department_id WHERE li.version_id IS ?"
    " ORDER BY li.position, li.id")
_POWER_SQL = (
    f"SELECT p.id, p.parent_id, p.name, d.name, {', '.join('p.' + key for key in _POWER_VALUES)} FROM power p"
    " JOIN department d ON d.id = p.department_id WHERE p.version_id IS ? ORDER BY p.position, p.id")
_DELEGATION_SQL = (
    "SELECT dl.power_id, r.name, b.name, dl.scope, dl.change_kind FROM delegation dl JOIN power p"
    " ON p.id = dl.power_id JOIN region r ON r.id = dl.region_id LEFT JOIN batch b ON b.id = dl.batch_id"
    " WHERE p.version_id IS ? ORDER BY b.position, dl.id")


def read_snapshot(conn: sqlite3.Connection, version_id: int | None, label: str) -> ListSnapshot:
    """The working list (``version_id`` None) or a saved version, in comparable form.

    Values stay as stored (the library cleans text on the way in); ``comparable_text`` is applied
    only where two values differ, which keeps reading 10,000 items a matter of milliseconds.
    """
    cursor = conn.cursor()
    cursor.row_factory = None
    mains, _ = _with_sub_items(cursor.execute(_LICENCE_SQL, (version_id,)), LicenceRecord, _LICENCE_VALUES)
    # A 权责清单's sub-items are compared as their power's sub-items, like a licence item's.
    powers, parents = _with_sub_items(cursor.execute(_POWER_SQL, (version_id,)), PowerRecord, _POWER_VALUES)
    for power_id, region, batch, scope, change_kind in cursor.execute(_DELEGATION_SQL, (version_id,)):
        power = powers.get(parents.get(power_id, power_id))
        if power is not None:
            power.delegations.append(Delegated(region, batch, scope, change_kind))
    return ListSnapshot(label, list(mains.values()), list(powers.values()))


def _with_sub_items(rows: Iterable[tuple], make: Callable[..., Any], columns: tuple[str, ...],
                    ) -> tuple[dict[int, Any], dict[int, int]]:
    """Main records by id from (id, parent_id, name, department, values…) rows, each with its
    sub-items' names; and each sub-item's main record id."""
    mains: dict[int, Any] = {}
    parents: dict[int, int] = {}
    subs: dict[int, list[str]] = {}
    for row in rows:
        if row[1] is not None:
            parents[row[0]] = row[1]
            subs.setdefault(row[1], []).append(row[2])
        else:
            mains[row[0]] = make(row[2], row[3], dict(zip(columns, row[4:], strict=True)))
    for parent_id, names in subs.items():
        if parent_id in mains:
            mains[parent_id].sub_items = tuple(names)
    return mains, parents


# --------------------------------------------------------------------------- comparing


def compare_snapshots(old: ListSnapshot, new: ListSnapshot) -> Comparison:
    """Every difference between two lists, in the new list's order (removed ones in the old's)."""
    result = Comparison(old.label, new.label)
    compared = []
    if old.licences is not None and new.licences is not None:
        fields = [key for key in LICENCE_COMPARED if key in old.licence_fields and key in new.licence_fields]
        result.licences = _compare_licences(old.licences, new.licences, fields)
        compared.append(LICENCE)
    if old.powers is not None and new.powers is not None:
        fields = [key for key in POWER_COMPARED if key in old.power_fields and key in new.power_fields]
        with_delegations = old.has_delegations and new.has_delegations
        result.powers = _compare_powers(old.powers, new.powers, fields, with_delegations)
        compared.append(POWER)
    result.compared = tuple(compared)
    return result


def _pairs(old: list[Any], new: list[Any]) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """Match records by unambiguous code, else by name and department, then renamed ones without a
    code (``_renamed``); returns the matched pairs in the new list's order, the old records left
    over and the new ones left over, each in list order."""
    old_codes: dict[str, list[int]] = {}
    by_name: dict[tuple[str, str], list[int]] = {}
    for index, record in enumerate(old):
        if record.code:
            old_codes.setdefault(record.code, []).append(index)
        by_name.setdefault((name_key(record.name), name_key(record.department)), []).append(index)
    new_codes = [record.code for record in new]
    new_code_count: dict[str, int] = {}
    for code in new_codes:
        if code:
            new_code_count[code] = new_code_count.get(code, 0) + 1
    taken: set[int] = set()
    pairs: list[tuple[Any, Any]] = []
    left_new: list[Any] = []
    for record, code in zip(new, new_codes, strict=True):
        found = None
        code_hits = old_codes.get(code or "", [])
        if len(code_hits) == 1 and new_code_count.get(code or "") == 1 and code_hits[0] not in taken:
            found = code_hits[0]
        else:
            candidates = by_name.get((name_key(record.name), name_key(record.department)), [])
            found = next((index for index in candidates if index not in taken), None)
        if found is None:
            left_new.append(record)
        else:
            taken.add(found)
            pairs.append((old[found], record))
    left_old = [record for index, record in enumerate(old) if index not in taken]
    renamed = _renamed(left_old, left_new)
    place = {id(record): index for index, record in enumerate(new)}
    pairs = sorted([*pairs, *renamed], key=lambda pair: place[id(pair[1])])  # the new list's order
    matched = {id(record) for pair in renamed for record in pair}
    return (pairs, [record for record in left_old if id(record) not in matched],
            [record for record in left_new if id(record) not in matched])


def _renamed(old: list[Any], new: list[Any]) -> list[tuple[Any, Any]]:
    """Pairs of leftover records without a code, of one department, whose names are alike enough
    to be one item renamed: the most alike first, then the nearest in the list's order."""
    new_by_department: dict[str, list[int]] = {}
    for new_place, record in enumerate(new):
        if not record.code:
            new_by_department.setdefault(name_key(record.department), []).append(new_place)
    candidates = []
    matcher = SequenceMatcher(autojunk=False)
    for old_place, record in enumerate(old):
        places = [] if record.code else new_by_department.get(name_key(record.department), [])
        matcher.set_seq2(name_key(record.name))
        for new_place in places:
            matcher.set_seq1(name_key(new[new_place].name))
            if matcher.real_quick_ratio() >= RENAME_SIMILARITY and matcher.quick_ratio() >= RENAME_SIMILARITY:
                similarity = matcher.ratio()
                if similarity >= RENAME_SIMILARITY:
                    candidates.append((-similarity, abs(old_place - new_place), old_place, new_place))
    pairs, old_taken, new_taken = [], set(), set()
    for _similarity, _distance, old_place, new_place in sorted(candidates):
        if old_place not in old_taken and new_place not in new_taken:
            old_taken.add(old_place)
            new_taken.add(new_place)
            pairs.append((old[old_place], new[new_place]))
    return pairs


def _field_changes(old: dict[str, Any], new: dict[str, Any], fields: Iterable[str], kind: str) -> list[FieldChange]:
    """The fields whose values differ once whitespace is evened out (part keys shown as labels)."""
    changes = []
    for key in fields:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        before, after = comparable_text(before), comparable_text(after)
        if before != after:
            described = KINDS[kind].field(key)
            shown = dict(described.choices) if described else {}  # a part by its label, not its key
            before, after = shown.get(before or "", before), shown.get(after or "", after)
            label = _SUB_ITEMS_LABEL if key == "sub_items" else field_label(kind, key)
            changes.append(FieldChange(key, label, before, after))
    return changes


def _licence_values(record: LicenceRecord) -> dict[str, Any]:
    return {**record.values, "name": record.name, "sub_items": record.sub_items}


def _compare_licences(old: list[LicenceRecord], new: list[LicenceRecord], fields: list[str]) -> list[LicenceChange]:
    pairs, removed, added = _pairs(old, new)
    # Same name and code under another department: the item moved (the clerk's 调整主管部门).
    moved_from: dict[tuple[str, str | None], list[LicenceRecord]] = {}
    for record in removed:
        moved_from.setdefault((name_key(record.name), record.code), []).append(record)
    changes: list[LicenceChange] = []
    still_added = []
    for record in added:
        sources = moved_from.get((name_key(record.name), record.code))
        if sources:
            pairs.append((sources.pop(0), record))
        else:
            still_added.append(record)
    consumed = {id(old_record) for old_record, _ in pairs}
    for old_record, new_record in pairs:
        diffs = _field_changes(_licence_values(old_record), _licence_values(new_record), fields, LICENCE)
        moved = name_key(old_record.department) != name_key(new_record.department)
        if moved and name_key(old_record.name) == name_key(new_record.name):
            kind = "moved"
        elif moved:
            kind = "changed"
            diffs.insert(0, FieldChange("department", "主管部门", old_record.department, new_record.department))
        elif diffs:
            kind = "changed"
        else:
            continue
        changes.append(_licence_change(kind, new_record, diffs, old_record.department if moved else None))
    changes.extend(_licence_change("added", record, []) for record in still_added)
    changes.extend(_licence_change("removed", record, []) for record in removed if id(record) not in consumed)
    order = {"moved": 0, "changed": 0, "added": 1, "removed": 2}
    changes.sort(key=lambda change: order[change.kind])  # stable: list order within each group
    return changes


def _licence_change(kind: str, record: LicenceRecord, diffs: list[FieldChange],
                    old_department: str | None = None) -> LicenceChange:
    return LicenceChange(kind, record.name, record.department, record.code, record.values.get("part"),
                         old_department, diffs)


def _compare_powers(old: list[PowerRecord], new: list[PowerRecord], fields: list[str],
                    with_delegations: bool) -> list[PowerChange]:
    pairs, removed, added = _pairs(old, new)
    changes: list[PowerChange] = []
    for record in added:
        active = list(record.active()) if with_delegations else []
        changes.append(_power_change("delegated" if active else "added", record, active))
    for old_record, new_record in pairs:
        diffs = _field_changes(_power_values(old_record), _power_values(new_record), fields, POWER)
        if diffs:
            changes.append(_power_change("changed", new_record, [], diffs))
        if with_delegations:
            changes.extend(_delegation_changes(old_record, new_record))
    for record in removed:
        active = list(record.active()) if with_delegations else []
        changes.append(_power_change("taken_back" if active else "removed", record, active))
    return changes


def _power_values(record: PowerRecord) -> dict[str, Any]:
    return {**record.values, "name": record.name, "department": record.department, "sub_items": record.sub_items}


def _delegation_changes(old: PowerRecord, new: PowerRecord) -> list[PowerChange]:
    before, after = old.active(), new.active()
    if not before and after:
        return [_power_change("delegated", new, list(after))]
    changes = []
    more = [region for region in after if region not in before]
    widened = [FieldChange("scope", f"赋权范围（{region}）", before[region].scope, WHOLE_SCOPE)
               for region, delegation in after.items()
               if region in before and delegation.scope == WHOLE_SCOPE and before[region].scope != WHOLE_SCOPE]
    if more or widened:
        changes.append(_power_change("extended", new, more, widened))
    gone = [region for region in before if region not in after]
    if gone:
        changes.append(_power_change("taken_back", new, gone))
    return changes


def _power_change(kind: str, record: PowerRecord, regions: list[str],
                  diffs: list[FieldChange] | None = None) -> PowerChange:
    return PowerChange(kind, record.name, record.department, record.code, regions, diffs or [])
