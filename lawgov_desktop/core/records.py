"""Records of the working lists: reading one, finding by name, creating, changing, deleting, merging.

Every change is validated with a Chinese message per field, runs in one transaction of the
store, keeps the search rows current and is written to the change log with the record before and
after.  What each kind is made of — its fields, references, choices, defaults, what sub-items
inherit, what goes with a delete and what keeps one from happening — is read from
``core/kinds.py``; the few rules particular to one kind (a licence item's name unique in its
department, a power's code unique among main items, no region under its own descendant) are
small functions registered in ``_KIND_RULES``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from . import queries
from .clock import now_text
from .conflicts import check_row_version
from .errors import LawGovError, NotFoundError, ValidationError
from .fields import DEPARTMENT, LICENCE, POWER, REGION, part_from_text
from .kinds import (
    ALIASES,
    BATCH,
    CODE,
    DATE,
    DELEGATION,
    DOCUMENT_NUMBER,
    JSON,
    KINDS,
    MULTILINE,
    NEXT_POSITION,
    NUMBER,
    RECORD_KINDS,
    REFERENCE,
    TABLES,
    Field,
    RecordKind,
)
from .layouts import field_label
from .queries import extra_from_json
from .text import code_text, normalise_doc_number, parse_date, text

if TYPE_CHECKING:
    from .safety import Backups
    from .store import Store

# Editable columns of each record kind, in the order forms show them.
COLUMNS: dict[str, tuple[str, ...]] = {key: kind.columns for key, kind in KINDS.items()}
# What messages call a power's extra columns (those the program does not know, each kept under its
# own header as {header: value}).
EXTRA_LABEL = "其他列"
# Choices a clerk may also write in words of their own ("中央层面设定的事项" for central).
_CHOICE_READERS: dict[str, Callable[[str], str | None]] = {"part": part_from_text}


def clean_text(value: object, *, multiline: bool = False) -> str | None:
    """A field as stored: trimmed by the shared rules (:func:`.text.text`), empty meaning absent."""
    return text(value, multiline=multiline) or None


def extra_to_json(extra: dict[str, Any] | str | None) -> str | None:
    """The stored form of a power's extra columns: {header: value} as JSON in the columns' order,
    headers and values trimmed like any field, empty ones left out; None when nothing is left.

    Takes the dict or its JSON text (the command line's ``--extra``); anything else is a ValueError.
    """
    if isinstance(extra, str):
        extra = json.loads(extra) if extra.strip() else None
    if extra is None:
        return None
    if not isinstance(extra, dict):
        raise ValueError(extra)
    cleaned = {header: value for key, raw in extra.items()
               if (header := clean_text(key)) and (value := clean_text(raw, multiline=True))}
    return json.dumps(cleaned, ensure_ascii=False) if cleaned else None


def parse_date_text(value: object) -> str | None:
    """The stored (ISO) form of a date in any spelling the importer reads; None if empty.

    Raises ValueError when the value is not a date, so the form can say which field is wrong.
    """
    parsed, problem = parse_date(value)
    if parsed is None and problem is not None:
        raise ValueError(problem)
    return parsed.isoformat() if parsed else None


def name_key(name: str) -> str:
    """The form in which two spellings of a name compare equal (spaces, full-width, case)."""
    return "".join(unicodedata.normalize("NFKC", name).split()).lower()


def _json_field(kind: RecordKind) -> Field | None:
    return next((f for f in kind.fields if f.rule == JSON), None)


def _with_extra(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    """A row as the library hands it out: extra columns (``extra``) as a dict, not JSON text."""
    json_field = _json_field(KINDS[kind])
    if json_field is not None:
        record[json_field.key.removesuffix("_json")] = extra_from_json(record.pop(json_field.key))
    return record


def check_kind(kind: str) -> None:
    """Refuse a kind the library does not know."""
    if kind not in RECORD_KINDS:
        raise LawGovError(f"未知的记录类型“{kind}”。")


class Records:
    """Reading and changing the records of every kind (``library.records``)."""

    def __init__(self, store: Store, backups: Backups) -> None:
        self.store = store
        self.backups = backups

    # ----------------------------------------------------------------------------- reading
    def get(self, kind: str, record_id: int) -> dict[str, Any]:
        """One record with the names of what it references and, for kinds that have them, its
        aliases, sub-items and main item (a power also its delegations)."""
        check_kind(kind)
        description = KINDS[kind]
        row = self.store.conn.execute(f"SELECT * FROM {description.table} WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"未找到{description.label}（编号 {record_id}）。")
        record = _with_extra(kind, description.record(row))
        for f in description.fields:
            if f.rule == REFERENCE and f.by_name:
                record[f.by_name] = self.store.name_of(TABLES[f.reference], record[f.key])
        if description.sub_items:
            record["sub_items"] = [_with_extra(kind, description.record(r)) for r in self.store.conn.execute(
                f"SELECT * FROM {description.table} WHERE parent_id = ? ORDER BY position, id", (record_id,))]
            if record["parent_id"]:
                record["main_item"] = self.store.name_of(description.table, record["parent_id"])
        if kind == POWER:
            record["delegations"] = self.delegations(record_id)
        if description.alias_table:
            record["aliases"] = self.store.aliases(kind, record_id)
        return record

    def delegations(self, power_id: int) -> list[dict[str, Any]]:
        """The delegations of one power with region and batch names, in batch order."""
        return [dict(r) for r in self.store.conn.execute(
            "SELECT dl.*, r.name AS region, b.name AS batch FROM delegation dl"
            " JOIN region r ON r.id = dl.region_id LEFT JOIN batch b ON b.id = dl.batch_id"
            " WHERE dl.power_id = ? ORDER BY b.position, r.position, dl.id", (power_id,))]

    def region_tree(self) -> list[dict[str, Any]]:
        """The region tree as nested dicts."""
        return queries.region_tree(self.store.conn)

    def find_department(self, name: str) -> int | None:
        """A department by full name or alias, tolerant of spaces and full-width forms."""
        return self._find_named(DEPARTMENT, name)

    def find_region(self, name: str) -> int | None:
        """A region by name or alias; "红海湾经济开发试验区田墘街道" resolves through its prefix."""
        found = self._find_named(REGION, name)
        if found is not None:
            return found
        key = name_key(name)
        for prefix_id, prefix in self._region_names():
            if key.startswith(prefix) and len(key) > len(prefix):
                child = self._find_named(REGION, key[len(prefix):], parent_id=prefix_id)
                if child is not None:
                    return child
        return None

    def find_batch(self, name: str) -> int | None:
        """A batch by name."""
        row = self.store.conn.execute("SELECT id FROM batch WHERE name = ?", (clean_text(name),)).fetchone()
        return row[0] if row else None

    def find_power(self, name_or_code: str) -> int | None:
        """A power of the working list by code or exact name."""
        row = self.store.conn.execute(
            "SELECT id FROM power WHERE version_id IS NULL AND (code = ? OR name = ?) ORDER BY id LIMIT 1",
            (name_or_code, name_or_code)).fetchone()
        return row[0] if row else None

    def delete_impact(self, kind: str, record_id: int) -> dict[str, int]:
        """What else a delete takes with it, by Chinese label: {"子项": 3}."""
        self.get(kind, record_id)
        description = KINDS[kind]
        impact = {part.label: self.store.count(f"SELECT count(*) FROM {TABLES[part.kind]} WHERE {part.where}",
                                               *(record_id,) * part.where.count("?"))
                  for part in description.belongings}
        if description.alias_table:
            impact["别名"] = self.store.count(
                f"SELECT count(*) FROM {description.alias_table} WHERE {description.alias_column} = ?", record_id)
        return impact

    def in_use(self, kind: str, record_id: int) -> bool:
        """Whether other records still use this one (a delete would be refused); a record that is
        gone counts as in use (there is nothing to delete)."""
        description = KINDS[kind]
        if not self.store.conn.execute(f"SELECT 1 FROM {description.table} WHERE id = ?", (record_id,)).fetchone():
            return True
        return any(self.store.conn.execute(f"SELECT 1 FROM {guard.table} WHERE {guard.column} = ? LIMIT 1",
                                           (record_id,)).fetchone() for guard in description.guards)

    # ----------------------------------------------------------------------------- writing
    def create(self, kind: str, data: dict[str, Any], *, verb: str = "新增", import_id: int | None = None) -> int:
        """Validate and insert one record; returns its id.  An import logs it with its own ``verb``
        ("导入时新增") and id."""
        check_kind(kind)
        values, aliases = self._prepare(kind, data, existing=None)
        label = KINDS[kind].label
        with self.store.operation(f"新增{label}"):
            record_id = self._insert(kind, values, aliases)
            after = self.store.snapshot(kind, record_id)
            self.store.log("create", kind, record_id, f"{verb}{label}“{self.store.title(kind, after)}”",
                           None, after, import_id)
        return record_id

    def update(self, kind: str, record_id: int, changes: dict[str, Any], *,
               row_version: int | None = None) -> dict[str, Any]:
        """Validate and apply changes to one record; returns the changed fields (old, new).

        ``row_version``: the version the clerk's editor loaded; when another clerk saved or deleted
        the record since, ConflictError (``core.conflicts``) and nothing is written.
        """
        check_kind(kind)
        if row_version is not None:
            with self.store.operation(f"修改{KINDS[kind].label}"):
                check_row_version(self.store, kind, record_id, row_version, changes, self.field_label)
                return self.update(kind, record_id, changes)
        before = self.store.snapshot(kind, record_id)
        _check_writable(before)
        values, aliases = self._prepare(kind, changes, existing=before)
        changed = {key: (before.get(key), value) for key, value in values.items() if before.get(key) != value}
        if aliases is not None and sorted(aliases) != sorted(before.get("aliases", [])):
            changed["aliases"] = (before.get("aliases", []), aliases)
        if not changed:
            return {}
        with self.store.operation(f"修改{KINDS[kind].label}"):
            column_changes = {key: new for key, (_, new) in changed.items() if key != "aliases"}
            fields_text = "、".join(self.field_label(kind, key) for key in changed)
            self.write_update(kind, record_id, before, column_changes, aliases, "修改", f"：{fields_text}")
        return changed

    def bulk_update(self, kind: str, record_ids: Iterable[int], changes: dict[str, Any]) -> int:
        """Apply the same changes to many records as one undoable step; returns how many changed."""
        ids = list(record_ids)
        changed = 0
        self.backups.backup_before_bulk("before-bulk-update")
        with self.store.operation(f"批量修改{len(ids)}项{KINDS[kind].label}"):
            for record_id in ids:
                if self.update(kind, record_id, changes):
                    changed += 1
        return changed

    def delete(self, kind: str, record_id: int, *, row_version: int | None = None) -> dict[str, Any]:
        """Delete one record and what belongs to it (sub-items, delegations, aliases).

        A department or region still used by other records is refused with the counts.
        ``row_version`` as for :meth:`update`: a record changed since the clerk saw it stays.
        """
        check_kind(kind)
        if row_version is not None:
            with self.store.operation(f"删除{KINDS[kind].label}"):
                check_row_version(self.store, kind, record_id, row_version, None, self.field_label)
                return self.delete(kind, record_id)
        before = self.store.snapshot(kind, record_id)
        _check_writable(before)
        self._check_deletable(kind, record_id, before)
        with self.store.operation(f"删除{KINDS[kind].label}"):
            self.delete_logged(kind, before, f"删除{KINDS[kind].label}“{self.store.title(kind, before)}”")
        return before

    def delete_many(self, kind: str, record_ids: Iterable[int]) -> int:
        """Delete several records as one undoable step; returns how many."""
        ids = list(record_ids)
        with self.store.operation(f"删除{len(ids)}项"):
            for record_id in ids:
                self.delete(kind, record_id)
        return len(ids)

    def delete_logged(self, kind: str, before: dict[str, Any], summary: str, import_id: int | None = None) -> None:
        """Delete a record whose snapshot is ``before``, keep the search rows current and log it."""
        self.store.conn.execute(f"DELETE FROM {TABLES[kind]} WHERE id = ?", (before["id"],))
        self.store.after_delete(kind, before)
        self.store.log("delete", kind, before["id"], summary, before, None, import_id)

    def merge_departments(self, keep_id: int, absorb_id: int) -> dict[str, int]:
        """Merge ``absorb`` into ``keep``: its records move, its names become aliases of ``keep``.

        Logged as ordinary updates and a delete under one operation, so undo restores all of it.
        Rows of saved versions move too (a version is read-only for clerks, but the department is
        one record; its old name stays findable as an alias).
        """
        if keep_id == absorb_id:
            raise ValidationError({"department_id": "不能把部门合并到它自己。"})
        keep = self.get(DEPARTMENT, keep_id)
        absorb = self.get(DEPARTMENT, absorb_id)
        self.backups.backup_before_bulk("before-merge")
        with self.store.operation(f"合并部门“{absorb['name']}”到“{keep['name']}”"):
            moved = {}
            for kind in (LICENCE, POWER):
                rows = self.store.conn.execute(f"SELECT id, version_id FROM {TABLES[kind]} WHERE department_id = ?",
                                               (absorb_id,)).fetchall()
                for record_id, version_id in rows:
                    if version_id is None:
                        self.update(kind, record_id, {"department_id": keep_id})
                    else:
                        self.write_update(kind, record_id, self.store.snapshot(kind, record_id),
                                          {"department_id": keep_id}, None, "合并部门时移动历史版本", "")
                moved[kind] = sum(1 for _, version_id in rows if version_id is None)
            new_aliases = sorted({*keep["aliases"], absorb["name"], *absorb["aliases"]})
            self.delete(DEPARTMENT, absorb_id)
            self.update(DEPARTMENT, keep_id, {"aliases": new_aliases})
        return moved

    # ----------------------------------------------------------------------------- for undo and imports
    def write_update(self, kind: str, record_id: int, before: dict[str, Any], columns: dict[str, Any],
                     aliases: list[str] | None, verb: str, detail: str) -> None:
        """Write column values and aliases, keep the index current and log before/after."""
        if columns:
            columns.setdefault("updated_at", now_text())
            columns.update(KINDS[kind].sort_keys(columns))
            assignments = ", ".join(f"{key} = ?" for key in columns)
            self.store.conn.execute(f"UPDATE {TABLES[kind]} SET {assignments} WHERE id = ?",
                                    [*columns.values(), record_id])
        if aliases is not None:
            self.replace_aliases(kind, record_id, aliases)
        self.store.after_change(kind, record_id, before)
        after = self.store.snapshot(kind, record_id)
        self.store.log("update", kind, record_id,
                       f"{verb}{KINDS[kind].label}“{self.store.title(kind, after)}”{detail}", before, after)

    def restore(self, kind: str, snapshot: dict[str, Any]) -> None:
        """Re-insert a deleted record with its own id, aliases and what belonged to it."""
        values = {key: snapshot.get(key) for key in COLUMNS[kind]}
        values["created_at"] = snapshot.get("created_at")
        values["updated_at"] = snapshot.get("updated_at") or now_text()
        self._insert_row(kind, {"id": snapshot["id"], **values})
        if snapshot.get("aliases"):
            self.replace_aliases(kind, snapshot["id"], snapshot["aliases"])
        for part in KINDS[kind].belongings:  # in order: a power's sub-items before the delegations
            for row in snapshot.get(part.key, []):
                self._insert_row(part.kind, row)
        self.store.after_change(kind, snapshot["id"], None)
        sub_items = self.store.sub_item_ids(kind, snapshot)
        if sub_items:
            self.store.reindex(kind, sub_items)
        after = self.store.snapshot(kind, snapshot["id"])
        self.store.log("create", kind, snapshot["id"], f"恢复{KINDS[kind].label}“{self.store.title(kind, after)}”",
                       None, after)

    def replace_aliases(self, kind: str, record_id: int, aliases: list[str]) -> None:
        """Make ``aliases`` the other names of a record; one already another record's is refused."""
        description = KINDS[kind]
        for alias in aliases:
            other = self._find_named(kind, alias)
            if other is not None and other != record_id:
                owner = self.store.name_of(description.table, other)
                raise ValidationError({"aliases": f"简称“{alias}”已属于“{owner}”。"})
        table, column = description.alias_table, description.alias_column
        self.store.conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (record_id,))
        self.store.conn.executemany(f"INSERT INTO {table} ({column}, alias) VALUES (?, ?)",
                                    [(record_id, alias) for alias in aliases])

    def field_label(self, kind: str, key: str) -> str:
        """What a message calls a field of ``kind``."""
        labels = {"department_id": "主管部门" if kind == LICENCE else "部门", "region_id": "区划",
                  "batch_id": "批次", "parent_id": "所属主项" if KINDS[kind].sub_items else "上级区划",
                  "extra_json": EXTRA_LABEL, "aliases": "简称", "power_id": "执法事项",
                  "name": "名称" if kind in (REGION, BATCH) else None,
                  "kind": "区划类型", "published_on": "发布日期"}
        return labels.get(key) or field_label(kind if kind != DELEGATION else POWER, key)

    # ----------------------------------------------------------------------------- internals
    def _insert(self, kind: str, values: dict[str, Any], aliases: list[str] | None) -> int:
        stamp = now_text()
        row = {key: values.get(key) for key in COLUMNS[kind] if key in values}
        row.setdefault("created_at", stamp)
        row.setdefault("updated_at", stamp)
        new_id = self._insert_row(kind, row)
        if aliases:
            self.replace_aliases(kind, new_id, aliases)
        self.store.after_change(kind, new_id, None)
        return new_id

    def _insert_row(self, kind: str, row: dict[str, Any]) -> int:
        row = {**row, **KINDS[kind].sort_keys(row)}
        columns = ", ".join(row)
        new_id = int(self.store.conn.execute(
            f"INSERT INTO {TABLES[kind]} ({columns}) VALUES ({', '.join('?' * len(row))}) RETURNING id",
            list(row.values())).fetchone()[0])
        if "id" in row:  # a record brought back by undo keeps its id: no new record may take it
            self.store.dialect.ids_assigned(self.store.conn, TABLES[kind])
        return new_id

    def _check_deletable(self, kind: str, record_id: int, before: dict[str, Any]) -> None:
        description = KINDS[kind]
        counts = [(self.store.count(f"SELECT count(*) FROM {guard.table} WHERE {guard.column} = ?", record_id),
                   guard.label) for guard in description.guards]
        if any(number for number, _ in counts):
            raise LawGovError(description.guard_message.format(
                name=before["name"], counts="、".join(f"{number} {label}" for number, label in counts)))

    def _find_named(self, kind: str, name: str, parent_id: int | None = None) -> int | None:
        description = KINDS[kind]
        table, alias_table, alias_column = description.table, description.alias_table, description.alias_column
        wanted = clean_text(name)
        if not wanted:
            return None
        scope = " AND parent_id = ?" if parent_id is not None else ""
        extra = (parent_id,) if parent_id is not None else ()
        conn = self.store.conn
        row = conn.execute(f"SELECT id FROM {table} WHERE name = ?{scope}", (wanted, *extra)).fetchone()
        if row:
            return row[0]
        row = conn.execute(
            f"SELECT a.{alias_column} FROM {alias_table} a JOIN {table} t ON t.id = a.{alias_column}"
            f" WHERE a.alias = ?{scope.replace('parent_id', 't.parent_id')}", (wanted, *extra)).fetchone()
        if row:
            return row[0]
        key = name_key(wanted)
        candidates = conn.execute(
            f"SELECT id, name FROM {table} WHERE 1=1{scope}"
            f" UNION ALL SELECT a.{alias_column}, a.alias FROM {alias_table} a JOIN {table} t"
            f" ON t.id = a.{alias_column} WHERE 1=1{scope.replace('parent_id', 't.parent_id')}",
            (*extra, *extra)).fetchall()
        for record_id, candidate in candidates:
            if name_key(candidate) == key:
                return record_id
        return None

    def _region_names(self) -> list[tuple[int, str]]:
        """Every region name and alias as (id, key), longest first, for prefix resolution."""
        rows = self.store.conn.execute("SELECT id, name FROM region UNION ALL SELECT region_id, alias FROM region_alias")
        return sorted(((rid, name_key(name)) for rid, name in rows), key=lambda pair: -len(pair[1]))

    def _finder(self, kind: str) -> Callable[[str], int | None]:
        """How a reference to a record of ``kind`` given by name is looked up."""
        return {DEPARTMENT: self.find_department, REGION: self.find_region, BATCH: self.find_batch,
                POWER: self.find_power}[kind]

    def _resolve_references(self, kind: str, values: dict[str, Any], errors: dict[str, str]) -> None:
        """Turn names given for references (``department``, ``region``…) into their id columns."""
        for f in KINDS[kind].fields:
            if f.rule != REFERENCE or not f.by_name or f.by_name not in values:
                continue
            name = clean_text(values.pop(f.by_name))
            if not name:
                values[f.key] = None
                continue
            found = self._finder(f.reference)(name)
            if found is None:
                noun = KINDS[f.reference].noun
                errors[f.key] = f"未找到{noun}“{name}”，请先添加该{noun}或检查名称、简称。"
            else:
                values[f.key] = found

    def _prepare(self, kind: str, data: dict[str, Any],
                 existing: dict[str, Any] | None) -> tuple[dict[str, Any], list[str] | None]:
        """Clean, resolve and validate input; raises ValidationError with a message per field."""
        description = KINDS[kind]
        values = dict(data)
        errors: dict[str, str] = {}
        aliases = values.pop(ALIASES, None)
        if isinstance(aliases, str):
            aliases = [a for a in re.split(r"[、,，;；\n]", aliases)]
        if aliases is not None:
            aliases = sorted({a for a in (clean_text(x) for x in aliases) if a})
        self._resolve_references(kind, values, errors)
        json_field = _json_field(description)
        if json_field is not None:
            given_as = json_field.key.removesuffix("_json")
            if given_as in values or json_field.key in values:
                try:
                    values[json_field.key] = extra_to_json(values.pop(given_as, values.get(json_field.key)))
                except ValueError:
                    errors[json_field.key] = f"“{EXTRA_LABEL}”应是“表头: 内容”形式的 JSON 对象。"
                    values.pop(json_field.key, None)
        unknown = set(values) - set(COLUMNS[kind])
        if unknown:
            raise ValidationError({key: f"{description.label}没有“{key}”这一项。" for key in sorted(unknown)})
        for key in list(values):
            self._clean(kind, description.field(key), values, errors)
        merged = {**(existing or {}), **values}
        if existing is None:
            self._apply_defaults(description, merged, values)
        for column, label in description.required.items():
            if merged.get(column) in (None, "") and column not in errors:
                errors[column] = f"请填写“{label}”。"
        self._check_fields(description, merged, values, errors)
        own_id = existing["id"] if existing else -1
        if description.sub_items and merged.get("parent_id"):
            self._validate_parent(kind, merged["parent_id"], own_id, errors)
        rule = _KIND_RULES.get(kind)
        if rule is not None:
            rule(self, merged, errors, own_id, existing)
        if errors:
            raise ValidationError(errors)
        return values, aliases

    def _clean(self, kind: str, f: Field | None, values: dict[str, Any], errors: dict[str, str]) -> None:
        """One given value as stored, by its field's rule."""
        if f is None or f.rule == JSON:
            return
        value = values[f.key]
        if f.rule in (REFERENCE, NUMBER):
            if value in (None, ""):
                values[f.key] = None
            else:
                try:
                    values[f.key] = int(value)
                except (TypeError, ValueError):
                    errors[f.key] = f"“{self.field_label(kind, f.key)}”必须是数字编号。"
        elif f.rule == CODE:
            values[f.key] = code_text(value) or None
        else:
            values[f.key] = clean_text(value, multiline=f.rule == MULTILINE)

    def _apply_defaults(self, description: RecordKind, merged: dict[str, Any], values: dict[str, Any]) -> None:
        """A sub-item takes its main item's inherited fields; then each field's default."""
        inherited = description.inherited
        if description.sub_items and inherited and merged.get("parent_id"):
            parent = self.store.conn.execute(f"SELECT {', '.join(inherited)} FROM {description.table} WHERE id = ?",
                                             (merged["parent_id"],)).fetchone()
            if parent:
                for key in inherited:
                    if merged.get(key) is None:
                        merged[key] = values[key] = parent[key]
        for f in description.fields:
            if f.default is not None and merged.get(f.key) is None:
                merged[f.key] = values[f.key] = (
                    self.store.count(f"SELECT coalesce(max({f.key}), 0) + 1 FROM {description.table}")
                    if f.default == NEXT_POSITION else f.default)

    def _check_fields(self, description: RecordKind, merged: dict[str, Any], values: dict[str, Any],
                      errors: dict[str, str]) -> None:
        """Closed choices, dates and document numbers, as each field's description says."""
        for f in description.fields:
            value = merged.get(f.key)
            if f.choices and not f.open_choices and value not in {stored for stored, _ in f.choices}:
                if value is None and not f.required:
                    continue
                read = _CHOICE_READERS.get(f.key)
                resolved = next((stored for stored, shown in f.choices if shown == value), None) or (
                    read(value) if read and value else None)
                if resolved is not None:
                    values[f.key] = merged[f.key] = resolved
                else:
                    errors[f.key] = f"“{f.label}”应为：" + "、".join(shown for _, shown in f.choices) + "。"
            elif f.rule == DATE:
                try:
                    parsed = parse_date_text(value)
                    if f.key in values:
                        values[f.key] = parsed
                except ValueError:
                    errors[f.key] = f"{f.label}“{value}”无法识别，请写成 2022-10-01。"
            elif f.rule == DOCUMENT_NUMBER and values.get(f.key):
                values[f.key], raw = normalise_doc_number(values[f.key])
                if description.field(f"{f.key}_raw") is not None:
                    values.setdefault(f"{f.key}_raw", raw)

    def _validate_parent(self, kind: str, parent_id: int, own_id: int, errors: dict[str, str]) -> None:
        """A sub-item hangs under a main item of the working list; a main item with sub-items of its
        own cannot become one (two levels, as the lists are published)."""
        table = TABLES[kind]
        conn = self.store.conn
        parent = conn.execute(f"SELECT parent_id, version_id FROM {table} WHERE id = ?", (parent_id,)).fetchone()
        if parent is None or parent["version_id"] is not None:
            errors["parent_id"] = "所属主项不存在。"
        elif parent["parent_id"] is not None or parent_id == own_id:
            errors["parent_id"] = "子项只能挂在主项下，不能挂在另一个子项下。"
        elif conn.execute(f"SELECT 1 FROM {table} WHERE parent_id = ? LIMIT 1", (own_id,)).fetchone():
            errors["parent_id"] = "该事项自己有子项，不能再挂到其他主项下。"


def _check_writable(record: dict[str, Any]) -> None:
    if record.get("version_id") is not None:
        raise LawGovError("历史版本为只读，不能修改或删除。")


# ----------------------------------------------------------------------------- rules of one kind
def _licence_rules(records: Records, merged: dict[str, Any], errors: dict[str, str], own_id: int,
                   existing: dict[str, Any] | None) -> None:
    """A licence item's name is unique among its department's main items, or its main item's sub-items."""
    if merged.get("name") and merged.get("department_id") and "name" not in errors:
        duplicate = records.store.conn.execute(
            "SELECT id FROM licence_item WHERE name = ? AND department_id = ? AND parent_id IS ?"
            " AND version_id IS NULL AND id != ?",
            (merged["name"], merged["department_id"], merged.get("parent_id"), own_id)).fetchone()
        if duplicate:
            where = "该主项下已有同名子项" if merged.get("parent_id") else "该部门已有同名事项"
            errors["name"] = f"{where}“{merged['name']}”。"


def _power_rules(records: Records, merged: dict[str, Any], errors: dict[str, str], own_id: int,
                 existing: dict[str, Any] | None) -> None:
    """A power's code is unique among main items (and among one main item's sub-items); without a
    code, its name is unique among its department's main items or its main item's sub-items."""
    conn = records.store.conn
    if merged.get("code"):
        duplicate = conn.execute(
            "SELECT name FROM power WHERE code = ? AND parent_id IS ? AND version_id IS NULL AND id != ?",
            (merged["code"], merged.get("parent_id"), own_id)).fetchone()
        if duplicate:
            errors["code"] = f"事项编码“{merged['code']}”已被“{duplicate[0]}”使用。"
    if merged.get("parent_id") and merged.get("name") and "name" not in errors:
        duplicate = conn.execute("SELECT id FROM power WHERE name = ? AND parent_id = ? AND id != ?",
                                 (merged["name"], merged["parent_id"], own_id)).fetchone()
        if duplicate:
            errors["name"] = f"该主项下已有同名子项“{merged['name']}”。"
    elif not merged.get("code") and merged.get("name") and merged.get("department_id"):
        duplicate = conn.execute(
            "SELECT id FROM power WHERE name = ? AND department_id = ? AND coalesce(code, '') = ''"
            " AND parent_id IS NULL AND version_id IS NULL AND id != ?",
            (merged["name"], merged["department_id"], own_id)).fetchone()
        if duplicate:
            errors["name"] = f"该部门已有同名执法事项“{merged['name']}”。"


def _delegation_rules(records: Records, merged: dict[str, Any], errors: dict[str, str], own_id: int,
                      existing: dict[str, Any] | None) -> None:
    """A power is delegated to a township once per batch."""
    if merged.get("power_id") and merged.get("region_id"):
        duplicate = records.store.conn.execute(
            "SELECT 1 FROM delegation WHERE power_id = ? AND region_id = ? AND batch_id IS ? AND id != ?",
            (merged["power_id"], merged["region_id"], merged.get("batch_id"), own_id)).fetchone()
        if duplicate:
            errors["region_id"] = "该事项已在同一批次赋权给这个镇街。"


def _department_rules(records: Records, merged: dict[str, Any], errors: dict[str, str], own_id: int,
                      existing: dict[str, Any] | None) -> None:
    """A department's name is no other department's name or alias."""
    if merged.get("name"):
        clash = records.find_department(merged["name"])
        if clash is not None and clash != own_id:
            errors["name"] = f"部门“{merged['name']}”已存在（或已是其他部门的简称）。"


def _region_rules(records: Records, merged: dict[str, Any], errors: dict[str, str], own_id: int,
                  existing: dict[str, Any] | None) -> None:
    """A region's name is unique under its parent, and no region is under its own descendant."""
    conn = records.store.conn
    if merged.get("name"):
        clash = conn.execute("SELECT id FROM region WHERE name = ? AND parent_id IS ? AND id != ?",
                             (merged["name"], merged.get("parent_id"), own_id)).fetchone()
        if clash:
            errors["name"] = f"同一上级下已有区划“{merged['name']}”。"
    if existing and merged.get("parent_id") and merged["parent_id"] in queries.region_descendants(conn, (own_id,)):
        errors["parent_id"] = "上级区划不能是它自己或它的下级。"


def _batch_rules(records: Records, merged: dict[str, Any], errors: dict[str, str], own_id: int,
                 existing: dict[str, Any] | None) -> None:
    """A batch's name is unique."""
    if merged.get("name"):
        clash = records.store.conn.execute("SELECT id FROM batch WHERE name = ? AND id != ?",
                                           (merged["name"], own_id)).fetchone()
        if clash:
            errors["name"] = f"批次“{merged['name']}”已存在。"


_KIND_RULES: dict[str, Callable[[Records, dict[str, Any], dict[str, str], int, dict[str, Any] | None], None]] = {
    LICENCE: _licence_rules, POWER: _power_rules, DELEGATION: _delegation_rules,
    DEPARTMENT: _department_rules, REGION: _region_rules, BATCH: _batch_rules,
}
