"""What one write changed, for the window to refresh exactly those views (Anki's ``OpChanges``).

Derived from the change log of the operation, so nobody keeps a hand-made list of which views an
action touches.  A record's change alters its own list, the lists whose rows show its name (a
renamed department changes the licence and power lists' rows: they reference it), and the lists
whose rows count it (a department's row counts its items: it is referenced by them).  Writes that
are not in the change log (saved filters, mapping templates, upper lists, backup settings) name
their list themselves (``Store.touch``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .fields import IMPORTS, LICENCE, LIST_VERSION, POWER
from .kinds import KINDS

# Lists that are not record kinds (saved versions and the import history are named in core.fields).
VERSIONS = LIST_VERSION
SAVED_FILTERS = "saved_filter"
MAPPING_TEMPLATES = "mapping_template"
UPPER_LISTS = "reference_list"
BACKUP_SETTINGS = "backup_settings"
# Change-log actions that log a whole import (its records are not logged one by one).
_WHOLE_LIST_ACTIONS = ("import", "undo_import")


def _referencing(kind: str) -> set[str]:
    """Kinds whose records name a record of ``kind`` (through a reference field)."""
    return {other.key for other in KINDS.values() for f in other.fields if f.reference == kind}


def _referenced(kind: str) -> set[str]:
    """Kinds a record of ``kind`` names, whose rows count it."""
    return {f.reference for f in KINDS[kind].fields if f.reference}


def lists_changed_by(kind: str) -> frozenset[str]:
    """The lists a change to a record of ``kind`` can alter: its own, those showing its name and
    those counting it, and what those rows count in turn (a deleted power takes its delegations,
    which the batch list counts)."""
    touched = {kind, *_referencing(kind), *_referenced(kind)}
    for other in _referencing(kind):
        touched |= _referenced(other)
    return frozenset(touched)


_LISTS_CHANGED_BY = {key: lists_changed_by(key) for key in KINDS}
# A saved version is a copy of the licence and power lists.
_LISTS_CHANGED_BY[VERSIONS] = frozenset({VERSIONS, LICENCE, POWER})


@dataclass(frozen=True)
class OpChanges:
    """The lists and records one operation changed.

    ``lists`` are the lists to read again ("licence", "power", "department", … and ``VERSIONS``,
    ``IMPORTS``, ``SAVED_FILTERS``, ``MAPPING_TEMPLATES``, ``UPPER_LISTS``, ``BACKUP_SETTINGS``).
    ``records`` holds, per list, the ids of records known to have changed (a sub-item's main item
    and a delegation's power included); a list in ``lists`` without ids there may have changed
    anywhere (names shown in its rows, counts, an import) and is best read again whole.
    """

    operation: str | None = None
    lists: frozenset[str] = frozenset()
    records: Mapping[str, frozenset[int]] = field(default_factory=lambda: MappingProxyType({}))

    def touches(self, *lists: str) -> bool:
        """Whether any of ``lists`` changed."""
        return not self.lists.isdisjoint(lists)

    def ids(self, kind: str) -> frozenset[int]:
        """The ids of changed records of ``kind`` (empty when none are known)."""
        return self.records.get(kind, frozenset())

    def __bool__(self) -> bool:
        return bool(self.lists)


NOTHING = OpChanges()


def make_changes(operation: str | None, lists: Iterable[str],
                 records: Mapping[str, Iterable[int]] | None = None) -> OpChanges:
    """An ``OpChanges`` from plain collections."""
    frozen = {kind: frozenset(ids) for kind, ids in (records or {}).items() if ids}
    return OpChanges(operation, frozenset(lists), MappingProxyType(frozen))


# A notice's payload stays under PostgreSQL's 8,000 bytes; more ids than this: reload the lists.
_NOTICE_IDS = 500


def to_notice(changes: OpChanges, user: str) -> str:
    """The JSON another clerk's window receives (``LISTEN``): who changed which lists and records."""
    records = {kind: sorted(ids) for kind, ids in changes.records.items()}
    if sum(len(ids) for ids in records.values()) > _NOTICE_IDS:
        records = {}
    return json.dumps({"user": user, "operation": changes.operation, "lists": sorted(changes.lists),
                       "records": records}, ensure_ascii=False)


def from_notice(payload: str) -> tuple[OpChanges, str]:
    """The changes and the user a notice names (see :func:`to_notice`)."""
    data = json.loads(payload)
    return make_changes(data.get("operation"), data.get("lists", []), data.get("records")), str(data.get("user", ""))


# Every list: what restoring a backup changes.
EVERYTHING = make_changes(None, [*KINDS, VERSIONS, IMPORTS, SAVED_FILTERS, MAPPING_TEMPLATES, UPPER_LISTS,
                                 BACKUP_SETTINGS])


def changes_of_entries(operation: str | None, entries: Iterable[Mapping[str, Any]],
                       extra_lists: Iterable[str] = ()) -> OpChanges:
    """Derive what changed from change-log rows (entity, entity_id, action, before/after JSON)."""
    lists: set[str] = set(extra_lists)
    records: dict[str, set[int]] = {}
    for entry in entries:
        kind = entry["entity"]
        lists |= _LISTS_CHANGED_BY.get(kind, {kind})
        if entry["action"] in _WHOLE_LIST_ACTIONS:
            lists.add(IMPORTS)
            continue
        if kind not in KINDS:
            continue
        ids = records.setdefault(kind, set())
        if entry["entity_id"] is not None:
            ids.add(entry["entity_id"])
        for image in (entry["before_json"], entry["after_json"]):
            _add_related(kind, json.loads(image) if image else None, records)
    return make_changes(operation, lists, records)


def _add_related(kind: str, snapshot: dict[str, Any] | None, records: dict[str, set[int]]) -> None:
    """Ids a snapshot names whose rows change with it: its main item, its sub-items, its power."""
    if not snapshot:
        return
    showing = (kind, *KINDS[kind].shown_in)
    for f in KINDS[kind].fields:
        value = snapshot.get(f.key)
        if f.reference in showing and value is not None:
            records.setdefault(f.reference, set()).add(value)
    for part in KINDS[kind].belongings:
        for row in snapshot.get(part.key, []):
            records.setdefault(part.kind, set()).add(row["id"])


def changes_of_operation(conn: sqlite3.Connection, operation: str,
                         extra_lists: Iterable[str] = ()) -> OpChanges:
    """What operation ``operation`` changed, from its change-log rows."""
    rows = conn.execute("SELECT entity, entity_id, action, before_json, after_json FROM change_log"
                        " WHERE operation = ?", (operation,)).fetchall()
    return changes_of_entries(operation, rows, extra_lists)
