"""The library: the one object the window and the command line call to read and change the lists.

Every change goes through here, is validated with a Chinese message per field, runs in one
``BEGIN IMMEDIATE`` transaction, keeps the search index current and is written to the change
log with the record before and after.  Changes made by one user action share an ``operation``
id, so a bulk change or a department merge is undone as one step (``revert_operation``).
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from . import db, queries, search
from .clock import current_user, now_text
from .errors import DatabaseError, LawGovError, NotFoundError, ValidationError
from .fields import (
    CHANGE_KINDS,
    DEFAULT_STATUS,
    DEPARTMENT,
    KIND_LABELS,
    LICENCE,
    PART_LABELS,
    PARTS,
    POWER,
    REGION,
    REGION_KINDS,
    RESPONSIBILITY_DETAIL_KEYS,
    STATUSES,
    field_label,
    part_from_text,
)
from .history import change_log_page
from .imports import ImportsMixin
from .kinds import BATCH, DELEGATION, KINDS, NUMBER, RECORD_KINDS, REFERENCE, TABLES
from .queries import ListFilter, Page, extra_from_json
from .reference_check import ReferenceChecksMixin
from .safety import SafetyMixin, opening_warnings
from .stats import compute_stats
from .text import CODE_FIELDS, MULTILINE_FIELDS, code_text, normalise_doc_number, parse_date, text
from .versions import VERSION, VersionsMixin

# Editable columns of each record kind, in the order forms show them.
COLUMNS: dict[str, tuple[str, ...]] = {key: kind.columns for key, kind in KINDS.items()}
_REQUIRED = {key: kind.required for key, kind in KINDS.items()}
_INTEGER_COLUMNS = {f.key for kind in KINDS.values() for f in kind.fields if f.rule in (REFERENCE, NUMBER)}
# What messages call a power's extra columns (those the program does not know, each kept under its
# own header as {header: value}).
EXTRA_LABEL = "其他列"
_DEPARTMENT_NAMES = ("d.name || ' ' || coalesce((SELECT group_concat(alias, ' ') FROM department_alias"
                     " WHERE department_id = d.id), '')")
_PART_LABEL = " ".join(f"WHEN '{key}' THEN '{label}'" for key, label in PART_LABELS.items())
# What the search box finds a record by: its visible fields, its department's names, a main item's
# sub-items, a power's receiving townships, batches and document numbers, and the values of its
# extra columns (each its own field, so a term never runs from one into the next).
_INDEX_SOURCES = {
    LICENCE: ("licence_search",
              f"SELECT li.id, li.name, li.sequence, li.code, {_DEPARTMENT_NAMES}, li.implementing_authority,"
              " li.legal_basis, li.level, li.certificate, li.remark, li.upper_ref, li.list_year,"
              f" CASE li.part {_PART_LABEL} END,"
              " (SELECT group_concat(s.name, ' ') FROM licence_item s WHERE s.parent_id = li.id)"
              " FROM licence_item li JOIN department d ON d.id = li.department_id", "li.id"),
    POWER: ("power_search",
            f"SELECT p.id, p.name, p.sequence, p.code, {_DEPARTMENT_NAMES}, p.power_type, p.domain, p.legal_basis,"
            f" p.penalty_range, p.remark, {', '.join('p.' + key for key in RESPONSIBILITY_DETAIL_KEYS)},"
            " (SELECT group_concat(value, ' ') FROM json_each(CASE WHEN json_valid(p.extra_json) THEN p.extra_json END)),"
            " (SELECT group_concat(s.name, ' ') FROM power s WHERE s.parent_id = p.id),"
            " (SELECT group_concat(r.name || ' ' || coalesce(b.name, '') || ' ' || coalesce(dl.document_number, ''),"
            " ' ') FROM delegation dl JOIN region r ON r.id = dl.region_id LEFT JOIN batch b ON b.id = dl.batch_id"
            " WHERE dl.power_id = p.id)"
            " FROM power p JOIN department d ON d.id = p.department_id", "p.id"),
}
_INDEX_CHUNK = 5000
# Where a change-log snapshot keeps a main item's sub-items (a power's "children" are its delegations).
_SUB_ITEMS_KEY = {LICENCE: "children", POWER: "sub_items"}


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
    cleaned = {header: text for key, value in extra.items()
               if (header := clean_text(key)) and (text := clean_text(value, multiline=True))}
    return json.dumps(cleaned, ensure_ascii=False) if cleaned else None


def parse_date_text(value: object) -> str | None:
    """The stored (ISO) form of a date in any spelling the importer reads; None if empty.

    Raises ValueError when the value is not a date, so the form can say which field is wrong.
    """
    parsed, problem = parse_date(value)
    if parsed is None and problem is not None:
        raise ValueError(problem)
    return parsed.isoformat() if parsed else None


def _with_extra(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    """A power row as the library hands it out: ``extra`` as a dict instead of its JSON text."""
    if kind == POWER:
        record["extra"] = extra_from_json(record.pop("extra_json"))
    return record


def name_key(text: str) -> str:
    """The form in which two spellings of a name compare equal (spaces, full-width, case)."""
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


class Library(ImportsMixin, SafetyMixin, VersionsMixin, ReferenceChecksMixin):
    """An open LawGov database.  One per thread: the window keeps one for reading on the GUI
    thread and one on its background writer."""

    TABLES = TABLES

    def __init__(self, location: str | Path | None = None, *, read_only: bool = False,
                 user: str | None = None, create: bool = True, verify: bool = True) -> None:
        self.path = db.resolve_location(location)
        self.read_only = read_only
        self.user = user or current_user()
        self.warnings = opening_warnings(self.path, read_only=read_only, verify=verify)
        if read_only:
            db.schema_revision(self.path)
        else:
            self.created = db.prepare(self.path, create=create)
        try:
            self.conn = db.connect(self.path, read_only=read_only)
        except sqlite3.Error as exc:
            raise DatabaseError(f"无法打开数据库“{self.path}”：{exc}") from exc
        self._depth = 0
        self._operation: str | None = None

    # ----------------------------------------------------------------------------- lifecycle
    def close(self) -> None:
        """Close the connection (checkpointing the WAL file)."""
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; nested uses join the outer one. Rolls back on any error."""
        if self.read_only:
            raise DatabaseError("数据库以只读方式打开，不能修改。")
        if self._depth == 0:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise DatabaseError(f"数据库正被其他程序写入，请稍后再试（{exc}）。") from exc
        self._depth += 1
        try:
            yield self.conn
        except BaseException as exc:
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.IntegrityError):  # e.g. undoing a change whose record is gone
                    raise LawGovError(f"无法保存：涉及的记录已被删除或已改变（{exc}），数据未作任何改动。") from exc
            raise
        self._depth -= 1
        if self._depth == 0:
            self.conn.execute("COMMIT")

    @contextmanager
    def operation(self, summary: str) -> Iterator[str]:
        """Group the changes made inside into one undoable user action; yields its id."""
        if self._operation is not None:
            yield self._operation
            return
        self._operation = uuid.uuid4().hex
        try:
            with self.transaction():
                yield self._operation
        finally:
            self._operation = None

    # ----------------------------------------------------------------------------- reading
    def query(self, kind: str, flt: ListFilter | None = None, *, sort: str | None = None,
              descending: bool | None = None, offset: int = 0, limit: int = 50) -> Page:
        """One page of a list plus its exact total (see ``core/queries.py``).

        A damaged page of the file surfaces here first (the window reads before it writes), so
        SQLite's own error becomes the clerk's message.
        """
        try:
            return queries.query(self.conn, kind, flt, sort=sort, descending=descending,
                                 offset=offset, limit=limit)
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(db.explain_database_error(exc) or str(exc)) from exc

    def get(self, kind: str, record_id: int) -> dict[str, Any]:
        """One record with display names and, for kinds that have them, aliases and children."""
        self._check_kind(kind)
        row = self.conn.execute(f"SELECT * FROM {TABLES[kind]} WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"未找到{KIND_LABELS[kind]}（编号 {record_id}）。")
        record = _with_extra(kind, dict(row))
        if kind in (LICENCE, POWER):
            record["department"] = self._name_of("department", record["department_id"])
            record["sub_items"] = [_with_extra(kind, dict(r)) for r in self.conn.execute(
                f"SELECT * FROM {TABLES[kind]} WHERE parent_id = ? ORDER BY position, id", (record_id,))]
            if record["parent_id"]:
                record["main_item"] = self._name_of(TABLES[kind], record["parent_id"])
        if kind == POWER:
            record["delegations"] = self.delegations(record_id)
        if kind == DELEGATION:
            record["region"] = self._name_of("region", record["region_id"])
            record["batch"] = self._name_of("batch", record["batch_id"]) if record["batch_id"] else None
            record["power"] = self._name_of("power", record["power_id"])
        if kind in (DEPARTMENT, REGION):
            record["aliases"] = self._aliases(kind, record_id)
        if kind == DEPARTMENT and record["region_id"]:
            record["region"] = self._name_of("region", record["region_id"])
        if kind == REGION and record["parent_id"]:
            record["parent"] = self._name_of("region", record["parent_id"])
        return record

    def delegations(self, power_id: int) -> list[dict[str, Any]]:
        """The delegations of one power with region and batch names, in batch order."""
        return [dict(r) for r in self.conn.execute(
            "SELECT dl.*, r.name AS region, b.name AS batch FROM delegation dl"
            " JOIN region r ON r.id = dl.region_id LEFT JOIN batch b ON b.id = dl.batch_id"
            " WHERE dl.power_id = ? ORDER BY b.position, r.position, dl.id", (power_id,))]

    def region_tree(self) -> list[dict[str, Any]]:
        """The region tree as nested dicts."""
        return queries.region_tree(self.conn)

    def stats(self, version_id: int | None = None) -> dict[str, Any]:
        """The report's figures (see ``core/stats.py`` for the counting rules)."""
        return compute_stats(self.conn, version_id)

    def change_log(self, *, entity: str | None = None, entity_id: int | None = None, user: str | None = None,
                   action: str | None = None, since: date | str | None = None, until: date | str | None = None,
                   text: str = "", offset: int = 0, limit: int = 100) -> Page:
        """The change history, newest first: per record, user, action, date range or text."""
        return change_log_page(self.conn, entity=entity, entity_id=entity_id, user=user, action=action,
                               since=since, until=until, text=text, offset=offset, limit=limit)

    def find_department(self, name: str) -> int | None:
        """A department by full name or alias, tolerant of spaces and full-width forms."""
        return self._find_named("department", "department_alias", "department_id", name)

    def find_region(self, name: str) -> int | None:
        """A region by name or alias; "红海湾经济开发试验区田墘街道" resolves through its prefix."""
        found = self._find_named("region", "region_alias", "region_id", name)
        if found is not None:
            return found
        key = name_key(name)
        for prefix_id, prefix in self._region_names():
            if key.startswith(prefix) and len(key) > len(prefix):
                child = self._find_named("region", "region_alias", "region_id", key[len(prefix):],
                                         parent_id=prefix_id)
                if child is not None:
                    return child
        return None

    def find_batch(self, name: str) -> int | None:
        """A batch by name."""
        row = self.conn.execute("SELECT id FROM batch WHERE name = ?", (clean_text(name),)).fetchone()
        return row[0] if row else None

    def delete_impact(self, kind: str, record_id: int) -> dict[str, int]:
        """What else a delete takes with it, by Chinese label: {"子项": 3}."""
        self.get(kind, record_id)
        count = self._count
        if kind == LICENCE:
            return {"子项": count("SELECT count(*) FROM licence_item WHERE parent_id = ?", record_id)}
        if kind == POWER:
            return {"子项": count("SELECT count(*) FROM power WHERE parent_id = ?", record_id),
                    "赋权承接": count("SELECT count(*) FROM delegation WHERE power_id IN"
                                  " (SELECT id FROM power WHERE id = ? OR parent_id = ?)", record_id, record_id)}
        if kind == DEPARTMENT:
            return {"别名": count("SELECT count(*) FROM department_alias WHERE department_id = ?", record_id)}
        if kind == REGION:
            return {"别名": count("SELECT count(*) FROM region_alias WHERE region_id = ?", record_id)}
        return {}

    # ----------------------------------------------------------------------------- writing
    def create(self, kind: str, data: dict[str, Any]) -> int:
        """Validate and insert one record; returns its id."""
        self._check_kind(kind)
        values, aliases = self._prepare(kind, data, existing=None)
        with self.operation(f"新增{KIND_LABELS[kind]}"), self.transaction():
            record_id = self._insert(kind, values, aliases)
            after = self._snapshot(kind, record_id)
            self._log("create", kind, record_id, f"新增{KIND_LABELS[kind]}“{self._title(kind, after)}”",
                      None, after)
        return record_id

    def update(self, kind: str, record_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        """Validate and apply changes to one record; returns the changed fields (old, new)."""
        self._check_kind(kind)
        before = self._snapshot(kind, record_id)
        self._check_writable(before)
        values, aliases = self._prepare(kind, changes, existing=before)
        changed = {key: (before.get(key), value) for key, value in values.items() if before.get(key) != value}
        if aliases is not None and sorted(aliases) != sorted(before.get("aliases", [])):
            changed["aliases"] = (before.get("aliases", []), aliases)
        if not changed:
            return {}
        with self.operation(f"修改{KIND_LABELS[kind]}"), self.transaction():
            column_changes = {key: new for key, (_, new) in changed.items() if key != "aliases"}
            fields_text = "、".join(self._field_label(kind, key) for key in changed)
            self._write_update(kind, record_id, before, column_changes, aliases, "修改", f"：{fields_text}")
        return changed

    def bulk_update(self, kind: str, record_ids: Iterable[int], changes: dict[str, Any]) -> int:
        """Apply the same changes to many records as one undoable step; returns how many changed."""
        ids = list(record_ids)
        changed = 0
        self._backup_before_bulk("before-bulk-update")
        with self.operation(f"批量修改{len(ids)}项{KIND_LABELS[kind]}"), self.transaction():
            for record_id in ids:
                if self.update(kind, record_id, changes):
                    changed += 1
        return changed

    def delete(self, kind: str, record_id: int) -> dict[str, Any]:
        """Delete one record and what belongs to it (sub-items, delegations, aliases).

        A department or region still used by other records is refused with the counts.
        """
        self._check_kind(kind)
        before = self._snapshot(kind, record_id)
        self._check_writable(before)
        self._check_deletable(kind, record_id, before)
        with self.operation(f"删除{KIND_LABELS[kind]}"), self.transaction():
            self.conn.execute(f"DELETE FROM {TABLES[kind]} WHERE id = ?", (record_id,))
            self._after_delete(kind, before)
            self._log("delete", kind, record_id, f"删除{KIND_LABELS[kind]}“{self._title(kind, before)}”",
                      before, None)
        return before

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
        self._backup_before_bulk("before-merge")
        with self.operation(f"合并部门“{absorb['name']}”到“{keep['name']}”"), self.transaction():
            moved = {}
            for kind in (LICENCE, POWER):
                rows = self.conn.execute(f"SELECT id, version_id FROM {TABLES[kind]} WHERE department_id = ?",
                                         (absorb_id,)).fetchall()
                for record_id, version_id in rows:
                    if version_id is None:
                        self.update(kind, record_id, {"department_id": keep_id})
                    else:
                        self._write_update(kind, record_id, self._snapshot(kind, record_id),
                                           {"department_id": keep_id}, None, "合并部门时移动历史版本", "")
                moved[kind] = sum(1 for _, version_id in rows if version_id is None)
            new_aliases = sorted({*keep["aliases"], absorb["name"], *absorb["aliases"]})
            self.delete(DEPARTMENT, absorb_id)
            self.update(DEPARTMENT, keep_id, {"aliases": new_aliases})
        return moved

    def revert_operation(self, operation: str) -> str:
        """Undo every change of one operation, newest first, as a new operation; returns its id
        (reverting that one again is redo)."""
        entries = [dict(row) for row in self.conn.execute(
            "SELECT * FROM change_log WHERE operation = ? ORDER BY id DESC", (operation,))]
        if not entries:
            raise NotFoundError("未找到要撤销的操作。")
        summary = entries[-1]["summary"]
        with self.operation(f"撤销：{summary}") as new_operation, self.transaction():
            for entry in entries:
                self._revert_entry(entry)
            self.conn.execute(
                "UPDATE change_log SET reverted_by = (SELECT min(id) FROM change_log WHERE operation = ?)"
                " WHERE operation = ?", (new_operation, operation))
        return new_operation

    def revert_change(self, change_id: int) -> str:
        """Undo one logged change (from the history window); returns the new operation id."""
        row = self.conn.execute("SELECT * FROM change_log WHERE id = ?", (change_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"未找到修改记录（编号 {change_id}）。")
        entry = dict(row)
        with self.operation(f"撤销：{entry['summary']}") as new_operation, self.transaction():
            self._revert_entry(entry)
            self.conn.execute("UPDATE change_log SET reverted_by = (SELECT min(id) FROM change_log"
                              " WHERE operation = ?) WHERE id = ?", (new_operation, change_id))
        return new_operation

    def last_operation(self) -> str | None:
        """The newest operation in the log (what Ctrl+Z undoes in a fresh window)."""
        row = self.conn.execute("SELECT operation FROM change_log ORDER BY id DESC LIMIT 1").fetchone()
        return row[0] if row else None

    def save_filter(self, kind: str, name: str, flt: ListFilter) -> None:
        """Remember a filter under a name (replacing one of the same name)."""
        name = clean_text(name) or ""
        if not name:
            raise ValidationError({"name": "请填写筛选条件的名称。"})
        with self.transaction():
            self.conn.execute(
                "INSERT INTO saved_filter (kind, name, filter_json, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(kind, name) DO UPDATE SET filter_json = excluded.filter_json",
                (kind, name, flt.to_json(), now_text()))

    def saved_filters(self, kind: str) -> dict[str, ListFilter]:
        """The saved filters of one list by name."""
        return {name: ListFilter.from_json(text) for name, text in self.conn.execute(
            "SELECT name, filter_json FROM saved_filter WHERE kind = ? ORDER BY name", (kind,))}

    def delete_saved_filter(self, kind: str, name: str) -> None:
        """Forget a saved filter."""
        with self.transaction():
            self.conn.execute("DELETE FROM saved_filter WHERE kind = ? AND name = ?", (kind, name))

    def reindex(self, kind: str, ids: Iterable[int] | None = None) -> None:
        """Rebuild the search rows of some (or all) licence items or powers."""
        if kind not in _INDEX_SOURCES:
            raise LawGovError(f"“{kind}”没有检索索引。")
        with self.transaction():
            self._reindex(kind, None if ids is None else list(ids))

    # ----------------------------------------------------------------------------- internals
    def _check_kind(self, kind: str) -> None:
        if kind not in RECORD_KINDS:
            raise LawGovError(f"未知的记录类型“{kind}”。")

    def _count(self, sql: str, *params: object) -> int:
        return int(self.conn.execute(sql, params).fetchone()[0])

    def _name_of(self, table: str, record_id: int | None) -> str | None:
        row = self.conn.execute(f"SELECT name FROM {table} WHERE id = ?", (record_id,)).fetchone()
        return row[0] if row else None

    def _aliases(self, kind: str, record_id: int) -> list[str]:
        table, column = (("department_alias", "department_id") if kind == DEPARTMENT
                         else ("region_alias", "region_id"))
        return [r[0] for r in self.conn.execute(
            f"SELECT alias FROM {table} WHERE {column} = ? ORDER BY alias", (record_id,))]

    def _find_named(self, table: str, alias_table: str, alias_column: str, name: str,
                    parent_id: int | None = None) -> int | None:
        text = clean_text(name)
        if not text:
            return None
        scope = " AND parent_id = ?" if parent_id is not None else ""
        extra = (parent_id,) if parent_id is not None else ()
        row = self.conn.execute(f"SELECT id FROM {table} WHERE name = ?{scope}", (text, *extra)).fetchone()
        if row:
            return row[0]
        row = self.conn.execute(
            f"SELECT a.{alias_column} FROM {alias_table} a JOIN {table} t ON t.id = a.{alias_column}"
            f" WHERE a.alias = ?{scope.replace('parent_id', 't.parent_id')}", (text, *extra)).fetchone()
        if row:
            return row[0]
        key = name_key(text)
        candidates = self.conn.execute(
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
        rows = self.conn.execute("SELECT id, name FROM region UNION ALL SELECT region_id, alias FROM region_alias")
        return sorted(((rid, name_key(name)) for rid, name in rows), key=lambda pair: -len(pair[1]))

    def _resolve_reference(self, values: dict[str, Any], errors: dict[str, str], key: str, column: str,
                           finder: Any, label: str, kind_label: str) -> None:
        """Turn a name given for ``key`` (department, region…) into the id column, or an error."""
        if key not in values:
            return
        name = clean_text(values.pop(key))
        if not name:
            values[column] = None
            return
        found = finder(name)
        if found is None:
            errors[column] = f"未找到{kind_label}“{name}”，请先添加该{kind_label}或检查名称、简称。"
        else:
            values[column] = found

    def _prepare(self, kind: str, data: dict[str, Any],
                 existing: dict[str, Any] | None) -> tuple[dict[str, Any], list[str] | None]:
        """Clean, resolve and validate input; raises ValidationError with a message per field."""
        values = dict(data)
        errors: dict[str, str] = {}
        aliases = values.pop("aliases", None)
        if isinstance(aliases, str):
            aliases = [a for a in re.split(r"[、,，;；\n]", aliases)]
        if aliases is not None:
            aliases = sorted({a for a in (clean_text(x) for x in aliases) if a})
        self._resolve_reference(values, errors, "department", "department_id", self.find_department,
                                "主管部门", "部门")
        if kind in (DEPARTMENT, DELEGATION):
            self._resolve_reference(values, errors, "region", "region_id", self.find_region, "区划", "区划")
        if kind == REGION:
            self._resolve_reference(values, errors, "parent", "parent_id", self.find_region, "上级区划", "区划")
        self._resolve_reference(values, errors, "batch", "batch_id", self.find_batch, "批次", "批次")
        if kind == DELEGATION and "power" in values:
            self._resolve_reference(values, errors, "power", "power_id", self._find_power, "执法事项",
                                    "执法事项")
        if kind == POWER and ("extra" in values or "extra_json" in values):
            try:
                values["extra_json"] = extra_to_json(values.pop("extra", values.get("extra_json")))
            except ValueError:
                errors["extra_json"] = f"“{EXTRA_LABEL}”应是“表头: 内容”形式的 JSON 对象。"
                values.pop("extra_json", None)
        unknown = set(values) - set(COLUMNS[kind])
        if unknown:
            raise ValidationError({key: f"{KIND_LABELS[kind]}没有“{key}”这一项。" for key in sorted(unknown)})
        for key in list(values):
            value = values[key]
            if key in _INTEGER_COLUMNS:
                if value in (None, ""):
                    values[key] = None
                else:
                    try:
                        values[key] = int(value)
                    except (TypeError, ValueError):
                        errors[key] = f"“{self._field_label(kind, key)}”必须是数字编号。"
            elif key in CODE_FIELDS:
                values[key] = code_text(value) or None
            elif key != "extra_json":
                values[key] = clean_text(value, multiline=key in MULTILINE_FIELDS)
        merged = {**(existing or {}), **values}
        if existing is None:
            self._apply_defaults(kind, merged, values)
        for column, label in _REQUIRED[kind].items():
            if merged.get(column) in (None, "") and column not in errors:
                errors[column] = f"请填写“{label}”。"
        self._validate_kind(kind, merged, values, errors, existing)
        if errors:
            raise ValidationError(errors)
        return values, aliases

    def _apply_defaults(self, kind: str, merged: dict[str, Any], values: dict[str, Any]) -> None:
        if kind in (LICENCE, POWER) and merged.get("parent_id"):
            inherited = ("part", "department_id") if kind == LICENCE else ("department_id",)
            parent = self.conn.execute(f"SELECT {', '.join(inherited)} FROM {TABLES[kind]} WHERE id = ?",
                                       (merged["parent_id"],)).fetchone()
            if parent:
                for key in inherited:
                    if merged.get(key) is None:
                        merged[key] = values[key] = parent[key]
        if kind in (LICENCE, POWER) and merged.get("status") is None:
            merged["status"] = values["status"] = DEFAULT_STATUS
        if kind == LICENCE and merged.get("part") is None:
            merged["part"] = values["part"] = "central"
        if kind == DELEGATION and merged.get("change_kind") is None:
            merged["change_kind"] = values["change_kind"] = "新增"
        if kind in (LICENCE, POWER, REGION, BATCH) and merged.get("position") is None:
            table = TABLES[kind]
            merged["position"] = values["position"] = self._count(
                f"SELECT coalesce(max(position), 0) + 1 FROM {table}")

    def _validate_kind(self, kind: str, merged: dict[str, Any], values: dict[str, Any],
                       errors: dict[str, str], existing: dict[str, Any] | None) -> None:
        own_id = existing["id"] if existing else -1
        if kind == LICENCE:
            part = merged.get("part")
            if part is not None and part not in PARTS:
                resolved = part_from_text(part)
                if resolved:
                    values["part"] = merged["part"] = resolved
                else:
                    errors["part"] = "“部分”应为：" + "、".join(PART_LABELS.values()) + "。"
            if merged.get("name") and merged.get("department_id") and "name" not in errors:
                duplicate = self.conn.execute(
                    "SELECT id FROM licence_item WHERE name = ? AND department_id = ? AND parent_id IS ?"
                    " AND version_id IS NULL AND id != ?",
                    (merged["name"], merged["department_id"], merged.get("parent_id"), own_id)).fetchone()
                if duplicate:
                    where = "该主项下已有同名子项" if merged.get("parent_id") else "该部门已有同名事项"
                    errors["name"] = f"{where}“{merged['name']}”。"
        if kind in (LICENCE, POWER) and merged.get("parent_id"):
            self._validate_parent(kind, merged["parent_id"], own_id, errors)
        if kind == POWER:
            if merged.get("code"):  # unique among main items, and among the sub-items of one main item
                duplicate = self.conn.execute(
                    "SELECT name FROM power WHERE code = ? AND parent_id IS ? AND version_id IS NULL AND id != ?",
                    (merged["code"], merged.get("parent_id"), own_id)).fetchone()
                if duplicate:
                    errors["code"] = f"事项编码“{merged['code']}”已被“{duplicate[0]}”使用。"
            if merged.get("parent_id") and merged.get("name") and "name" not in errors:
                duplicate = self.conn.execute(
                    "SELECT id FROM power WHERE name = ? AND parent_id = ? AND id != ?",
                    (merged["name"], merged["parent_id"], own_id)).fetchone()
                if duplicate:
                    errors["name"] = f"该主项下已有同名子项“{merged['name']}”。"
            elif not merged.get("code") and merged.get("name") and merged.get("department_id"):
                duplicate = self.conn.execute(
                    "SELECT id FROM power WHERE name = ? AND department_id = ? AND coalesce(code, '') = ''"
                    " AND parent_id IS NULL AND version_id IS NULL AND id != ?",
                    (merged["name"], merged["department_id"], own_id)).fetchone()
                if duplicate:
                    errors["name"] = f"该部门已有同名执法事项“{merged['name']}”。"
        if kind in (LICENCE, POWER) and merged.get("status") not in STATUSES:
            errors["status"] = "“状态”应为：" + "、".join(STATUSES) + "。"
        if kind == DELEGATION:
            if merged.get("change_kind") not in CHANGE_KINDS:
                errors["change_kind"] = "“调整类型”应为：" + "、".join(CHANGE_KINDS) + "。"
            try:
                values_date = parse_date_text(merged.get("effective_date"))
                if "effective_date" in values:
                    values["effective_date"] = values_date
            except ValueError:
                errors["effective_date"] = f"生效时间“{merged.get('effective_date')}”无法识别，请写成 2022-10-01。"
            if "document_number" in values and values["document_number"]:
                values["document_number"], raw = normalise_doc_number(values["document_number"])
                values.setdefault("document_number_raw", raw)
            if merged.get("power_id") and merged.get("region_id"):
                duplicate = self.conn.execute(
                    "SELECT 1 FROM delegation WHERE power_id = ? AND region_id = ? AND batch_id IS ? AND id != ?",
                    (merged["power_id"], merged["region_id"], merged.get("batch_id"), own_id)).fetchone()
                if duplicate:
                    errors["region_id"] = "该事项已在同一批次赋权给这个镇街。"
        if kind == DEPARTMENT and merged.get("name"):
            clash = self.find_department(merged["name"])
            if clash is not None and clash != own_id:
                errors["name"] = f"部门“{merged['name']}”已存在（或已是其他部门的简称）。"
        if kind == REGION:
            if merged.get("kind") not in REGION_KINDS:
                errors["kind"] = "“区划类型”应为：" + "、".join(REGION_KINDS.values()) + "。"
                for key, label in REGION_KINDS.items():
                    if merged.get("kind") == label:
                        values["kind"] = merged["kind"] = key
                        del errors["kind"]
                        break
            if merged.get("name"):
                clash = self.conn.execute(
                    "SELECT id FROM region WHERE name = ? AND parent_id IS ? AND id != ?",
                    (merged["name"], merged.get("parent_id"), own_id)).fetchone()
                if clash:
                    errors["name"] = f"同一上级下已有区划“{merged['name']}”。"
            if existing and merged.get("parent_id") and merged["parent_id"] in queries.region_descendants(
                    self.conn, (own_id,)):
                errors["parent_id"] = "上级区划不能是它自己或它的下级。"
        if kind == BATCH and merged.get("name"):
            clash = self.conn.execute("SELECT id FROM batch WHERE name = ? AND id != ?",
                                      (merged["name"], own_id)).fetchone()
            if clash:
                errors["name"] = f"批次“{merged['name']}”已存在。"

    def _validate_parent(self, kind: str, parent_id: int, own_id: int, errors: dict[str, str]) -> None:
        """A sub-item hangs under a main item of the working list; a main item with sub-items of its
        own cannot become one (two levels, as the lists are published)."""
        table = TABLES[kind]
        parent = self.conn.execute(f"SELECT parent_id, version_id FROM {table} WHERE id = ?",
                                   (parent_id,)).fetchone()
        if parent is None or parent["version_id"] is not None:
            errors["parent_id"] = "所属主项不存在。"
        elif parent["parent_id"] is not None or parent_id == own_id:
            errors["parent_id"] = "子项只能挂在主项下，不能挂在另一个子项下。"
        elif self.conn.execute(f"SELECT 1 FROM {table} WHERE parent_id = ? LIMIT 1", (own_id,)).fetchone():
            errors["parent_id"] = "该事项自己有子项，不能再挂到其他主项下。"

    def _find_power(self, text: str) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM power WHERE version_id IS NULL AND (code = ? OR name = ?) ORDER BY id LIMIT 1",
            (text, text)).fetchone()
        return row[0] if row else None

    def _check_writable(self, record: dict[str, Any]) -> None:
        if record.get("version_id") is not None:
            raise LawGovError("历史版本为只读，不能修改或删除。")

    def _check_deletable(self, kind: str, record_id: int, before: dict[str, Any]) -> None:
        count = self._count
        if kind == DEPARTMENT:
            items = count("SELECT count(*) FROM licence_item WHERE department_id = ?", record_id)
            powers = count("SELECT count(*) FROM power WHERE department_id = ?", record_id)
            if items or powers:
                raise LawGovError(f"部门“{before['name']}”下还有 {items} 项许可事项、{powers} 项执法事项，"
                                  "不能删除；可先把它合并到其他部门。")
        if kind == REGION:
            children = count("SELECT count(*) FROM region WHERE parent_id = ?", record_id)
            delegations = count("SELECT count(*) FROM delegation WHERE region_id = ?", record_id)
            departments = count("SELECT count(*) FROM department WHERE region_id = ?", record_id)
            if children or delegations or departments:
                raise LawGovError(f"区划“{before['name']}”下还有 {children} 个下级区划、{delegations} 条赋权、"
                                  f"{departments} 个部门，不能删除。")
        if kind == BATCH:
            used = count("SELECT count(*) FROM delegation WHERE batch_id = ?", record_id)
            if used:
                raise LawGovError(f"批次“{before['name']}”中还有 {used} 条赋权，不能删除。")

    def _insert(self, kind: str, values: dict[str, Any], aliases: list[str] | None,
                record_id: int | None = None) -> int:
        stamp = now_text()
        row = {key: values.get(key) for key in COLUMNS[kind] if key in values}
        if record_id is not None:
            row["id"] = record_id
        row.setdefault("created_at", stamp)
        row.setdefault("updated_at", stamp)
        columns = ", ".join(row)
        cursor = self.conn.execute(
            f"INSERT INTO {TABLES[kind]} ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
        new_id = int(cursor.lastrowid)
        if aliases:
            self._replace_aliases(kind, new_id, aliases)
        self._after_change(kind, new_id, None)
        return new_id

    def _replace_aliases(self, kind: str, record_id: int, aliases: list[str]) -> None:
        table, column = (("department_alias", "department_id") if kind == DEPARTMENT
                         else ("region_alias", "region_id"))
        for alias in aliases:
            other = self._find_named(TABLES[kind], table, column, alias)
            if other is not None and other != record_id:
                owner = self._name_of(TABLES[kind], other)
                raise ValidationError({"aliases": f"简称“{alias}”已属于“{owner}”。"})
        self.conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (record_id,))
        self.conn.executemany(f"INSERT INTO {table} ({column}, alias) VALUES (?, ?)",
                              [(record_id, alias) for alias in aliases])

    def _after_change(self, kind: str, record_id: int, before: dict[str, Any] | None) -> None:
        """Keep the search index current for the record and the rows that show its name."""
        if kind in (LICENCE, POWER):  # a main item is found by its sub-items' names
            parent = self.conn.execute(f"SELECT parent_id FROM {TABLES[kind]} WHERE id = ?",
                                       (record_id,)).fetchone()
            ids = [record_id] + ([parent[0]] if parent and parent[0] else [])
            if before and before.get("parent_id") and before["parent_id"] not in ids:
                ids.append(before["parent_id"])
            self._reindex(kind, ids)
        elif kind == DELEGATION:
            power = self.conn.execute("SELECT power_id FROM delegation WHERE id = ?", (record_id,)).fetchone()
            ids = [power[0]] if power else []
            if before and before.get("power_id") not in ids:
                ids.append(before["power_id"])
            self._reindex(POWER, ids)
        elif kind == DEPARTMENT and before and (
                before.get("name") != self._name_of("department", record_id)
                or before.get("aliases") != self._aliases(DEPARTMENT, record_id)):
            self._reindex(LICENCE, [r[0] for r in self.conn.execute(
                "SELECT id FROM licence_item WHERE department_id = ?", (record_id,))])
            self._reindex(POWER, [r[0] for r in self.conn.execute(
                "SELECT id FROM power WHERE department_id = ?", (record_id,))])
        elif kind in (REGION, BATCH) and before and before.get("name") != self._name_of(TABLES[kind], record_id):
            column = "region_id" if kind == REGION else "batch_id"
            self._reindex(POWER, [r[0] for r in self.conn.execute(
                f"SELECT DISTINCT power_id FROM delegation WHERE {column} = ?", (record_id,))])

    def _after_delete(self, kind: str, before: dict[str, Any]) -> None:
        if kind in (LICENCE, POWER):
            ids = [before["id"], *(sub["id"] for sub in before.get(_SUB_ITEMS_KEY[kind], []))]
            self.conn.executemany(f"DELETE FROM {_INDEX_SOURCES[kind][0]} WHERE rowid = ?", [(i,) for i in ids])
            if before.get("parent_id"):
                self._reindex(kind, [before["parent_id"]])
        elif kind == DELEGATION:
            self._reindex(POWER, [before["power_id"]])

    def _reindex(self, kind: str, ids: list[int] | None, *, fresh: bool = False) -> None:
        """Rewrite the search rows of some (``ids``) or all (None) licence items or powers.

        All deletes go before all inserts: FTS5 flushes its pending inserts at every delete, and
        interleaving them makes a bulk reindex several times slower.  ``fresh`` rows (just
        inserted by an import) have nothing to delete.
        """
        table, sql, id_column = _INDEX_SOURCES[kind]
        if ids is None:
            self.conn.execute(f"DELETE FROM {table}")
            chunks: list[list[int] | None] = [None]
        else:
            if not fresh:
                self.conn.executemany(f"DELETE FROM {table} WHERE rowid = ?", [(i,) for i in ids])
            chunks = [ids[i : i + _INDEX_CHUNK] for i in range(0, len(ids), _INDEX_CHUNK)]
        for chunk in chunks:
            where = "" if chunk is None else f" WHERE {id_column} IN ({','.join('?' * len(chunk))})"
            rows = self.conn.execute(sql + where, chunk or []).fetchall()
            self.conn.executemany(f"INSERT INTO {table} (rowid, body) VALUES (?, ?)",
                                  ((row[0], search.index_text(row[1:])) for row in rows))

    def _snapshot(self, kind: str, record_id: int) -> dict[str, Any]:
        """The record's own row plus what a delete would take with it, for the change log."""
        row = self.conn.execute(f"SELECT * FROM {TABLES[kind]} WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"未找到{KIND_LABELS[kind]}（编号 {record_id}）。")
        record = dict(row)
        if kind in (DEPARTMENT, REGION):
            record["aliases"] = self._aliases(kind, record_id)
        if kind == LICENCE:
            record["children"] = [dict(r) for r in self.conn.execute(
                "SELECT * FROM licence_item WHERE parent_id = ? ORDER BY id", (record_id,))]
        if kind == POWER:
            record["sub_items"] = [dict(r) for r in self.conn.execute(
                "SELECT * FROM power WHERE parent_id = ? ORDER BY id", (record_id,))]
            record["children"] = [dict(r) for r in self.conn.execute(
                "SELECT * FROM delegation WHERE power_id IN (SELECT id FROM power WHERE id = ? OR parent_id = ?)"
                " ORDER BY id", (record_id, record_id))]
        return record

    def _title(self, kind: str, record: dict[str, Any]) -> str:
        if kind == DELEGATION:
            return f"{self._name_of('power', record['power_id'])} → {self._name_of('region', record['region_id'])}"
        return str(record.get("name") or record.get("id"))

    def _field_label(self, kind: str, key: str) -> str:
        labels = {"department_id": "主管部门" if kind == LICENCE else "部门", "region_id": "区划",
                  "batch_id": "批次", "parent_id": "所属主项" if kind in (LICENCE, POWER) else "上级区划",
                  "extra_json": EXTRA_LABEL,
                  "aliases": "简称", "power_id": "执法事项", "name": "名称" if kind in (REGION, BATCH) else None,
                  "kind": "区划类型", "published_on": "发布日期"}
        return labels.get(key) or field_label(kind if kind != DELEGATION else POWER, key)

    def _log(self, action: str, kind: str, record_id: int | None, summary: str,
             before: dict[str, Any] | None, after: dict[str, Any] | None,
             import_id: int | None = None) -> None:
        self.conn.execute(
            "INSERT INTO change_log (at, user, action, entity, entity_id, summary, before_json, after_json,"
            " operation, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (now_text(), self.user, action, kind, record_id, summary,
             json.dumps(before, ensure_ascii=False) if before is not None else None,
             json.dumps(after, ensure_ascii=False) if after is not None else None,
             self._operation or uuid.uuid4().hex, import_id))

    def _revert_entry(self, entry: dict[str, Any]) -> None:
        kind, record_id = entry["entity"], entry["entity_id"]
        if kind == VERSION:
            return self._revert_version_entry(entry)
        before = json.loads(entry["before_json"]) if entry["before_json"] else None
        after = json.loads(entry["after_json"]) if entry["after_json"] else None
        exists = self.conn.execute(f"SELECT 1 FROM {TABLES[kind]} WHERE id = ?", (record_id,)).fetchone()
        if entry["action"] == "create" or (before is None and after is not None):
            if exists:
                self.delete(kind, record_id)
        elif entry["action"] == "delete" or (after is None and before is not None):
            if not exists:
                self._restore(kind, before)
        elif before is not None and after is not None:
            if not exists:
                raise LawGovError(f"“{self._title(kind, before)}”已被删除，不能撤销这次修改。")
            changes = {key: before.get(key) for key in COLUMNS[kind]
                       if key in after and before.get(key) != after.get(key)}
            if changes and before.get("updated_at"):
                changes["updated_at"] = before["updated_at"]  # the record as it was, time stamp included
            if before.get("aliases") != after.get("aliases") and kind in (DEPARTMENT, REGION):
                changes["aliases"] = before.get("aliases") or []
            self._apply_raw_update(kind, record_id, changes)

    def _apply_raw_update(self, kind: str, record_id: int, changes: dict[str, Any]) -> None:
        """Put back stored values without re-validating them (they were valid when logged)."""
        aliases = changes.pop("aliases", None)
        self._write_update(kind, record_id, self._snapshot(kind, record_id), changes, aliases, "撤销修改", "")

    def _write_update(self, kind: str, record_id: int, before: dict[str, Any], columns: dict[str, Any],
                      aliases: list[str] | None, verb: str, detail: str) -> None:
        """Write column values and aliases, keep the index current and log before/after."""
        if columns:
            columns.setdefault("updated_at", now_text())
            assignments = ", ".join(f"{key} = ?" for key in columns)
            self.conn.execute(f"UPDATE {TABLES[kind]} SET {assignments} WHERE id = ?",
                              [*columns.values(), record_id])
        if aliases is not None:
            self._replace_aliases(kind, record_id, aliases)
        self._after_change(kind, record_id, before)
        after = self._snapshot(kind, record_id)
        self._log("update", kind, record_id, f"{verb}{KIND_LABELS[kind]}“{self._title(kind, after)}”{detail}",
                  before, after)

    def _restore(self, kind: str, snapshot: dict[str, Any]) -> None:
        """Re-insert a deleted record with its own id, aliases and children."""
        values = {key: snapshot.get(key) for key in COLUMNS[kind]}
        values["created_at"] = snapshot.get("created_at")
        values["updated_at"] = snapshot.get("updated_at") or now_text()
        columns = ["id", *values]
        self.conn.execute(f"INSERT INTO {TABLES[kind]} ({', '.join(columns)}) VALUES"
                          f" ({', '.join('?' * len(columns))})", [snapshot["id"], *values.values()])
        if snapshot.get("aliases"):
            self._replace_aliases(kind, snapshot["id"], snapshot["aliases"])
        # A power's sub-items before the delegations, which may point at them.
        child_table = {LICENCE: "licence_item", POWER: "delegation"}.get(kind)
        for table, child in [*(("power", sub) for sub in snapshot.get("sub_items", [])),
                             *((child_table, child) for child in snapshot.get("children", []))]:
            columns = list(child)
            self.conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES"
                              f" ({', '.join('?' * len(columns))})", list(child.values()))
        self._after_change(kind, snapshot["id"], None)
        sub_items = snapshot.get(_SUB_ITEMS_KEY.get(kind, ""), [])
        if sub_items:
            self._reindex(kind, [sub["id"] for sub in sub_items])
        after = self._snapshot(kind, snapshot["id"])
        self._log("create", kind, snapshot["id"], f"恢复{KIND_LABELS[kind]}“{self._title(kind, after)}”",
                  None, after)
