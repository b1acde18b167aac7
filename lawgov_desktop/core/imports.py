"""Applying an import as one transaction, recording it in the history, and taking it back.

The importer (``importers/plan.py``) reads a workbook and decides what should change; this module
only carries out a finished ``ImportChanges`` inside the library: a backup of the file first,
then one write transaction that creates the missing regions, departments and
batches, deletes what a replace removes, updates changed records field by field, inserts the new
ones with ``executemany``, indexes them for search and writes the import history.  Updated and
deleted records are logged with their before-image and the import's id, and inserted rows carry
the import's id, so ``undo_import`` restores exactly the records as they were.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .atomic import atomic_write
from .backup import backup_folder, safety_backup
from .changes import MAPPING_TEMPLATES
from .clock import now_text
from .errors import LawGovError, NotFoundError
from .fields import DEPARTMENT, LICENCE, POWER
from .kinds import KINDS, LICENCE_KIND, POWER_KIND, TABLES
from .progress import NO_TASK, Task, check_cancelled

if TYPE_CHECKING:
    from .history import History
    from .records import Records
    from .store import Store

# What an import writes of an item: every column its kind describes, and where it came from.
_IMPORT_STAMPS = ("import_id", "source_json", "created_at", "updated_at")
_LICENCE_INSERT = ("id", *LICENCE_KIND.columns, *LICENCE_KIND.sort_columns.values(), *_IMPORT_STAMPS)
_POWER_INSERT = ("id", *POWER_KIND.columns, *POWER_KIND.sort_columns.values(), *_IMPORT_STAMPS)
# Another clerk's import holds the server's import lock (``dialect.try_import_lock``).
IMPORT_BUSY = "另一位同事正在导入数据，请稍后再试；本次导入未作任何改动。"
_DELEGATION_INSERT = ("power_id", "region_id", "batch_id", "mode", "scope", "effective_date", "change_kind",
                      "document_number", "document_number_raw", "remark", "import_id", "created_at", "updated_at")


@dataclass
class ImportChanges:
    """Everything one import will change, decided before anything is written.

    References to departments, regions and batches are either an existing id (``department_id``)
    or the name of one created by this import (``department_name``); rows of new records are
    plain dicts of column values (a power's extra columns as ``extra_json``, made by
    ``library.extra_to_json``), main items with their ``sub_items`` (rows of the same columns,
    department taken from the main item) and power rows with ``delegations``.  ``new_sub_items``
    are rows with the ``parent_id`` of an existing main item.
    """

    kind: str
    file_name: str
    file_sha256: str
    sheet: str | None
    mode: str
    source_path: Path | None = None
    mapping: dict[str, Any] = field(default_factory=dict)
    new_regions: list[dict[str, Any]] = field(default_factory=list)
    new_departments: list[dict[str, Any]] = field(default_factory=list)
    new_batches: list[str] = field(default_factory=list)
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    new_sub_items: list[dict[str, Any]] = field(default_factory=list)
    new_delegations: list[dict[str, Any]] = field(default_factory=list)
    deletes: list[int] = field(default_factory=list)
    delete_delegations: list[int] = field(default_factory=list)
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    # How many of the counts above are sub-items (new / changed / unchanged), said apart everywhere.
    sub_items: dict[str, int] = field(default_factory=lambda: {"new": 0, "changed": 0, "unchanged": 0})
    rejected: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class Imports:
    """Applying and undoing imports, what the importer matches against, and mapping templates
    (``library.imports``)."""

    def __init__(self, store: Store, records: Records, history: History) -> None:
        self.store = store
        self.records = records
        self.history = history

    def apply_import(self, changes: ImportChanges, task: Task = NO_TASK) -> int:
        """Carry out ``changes`` after backing up the file; returns the import's history id.

        Cancelling (or any error) before the commit leaves the database exactly as before.
        """
        check_cancelled(task)
        task.report(0, 5, "备份数据库")
        backup = safety_backup(self.store.location, "before-import")  # none on a server
        if changes.source_path is not None:
            self._keep_imported_file(changes.source_path, changes.file_sha256)
        stamp = now_text()
        summary = f"导入“{changes.file_name}”" + (f"（{changes.sheet}）" if changes.sheet else "")
        with self.store.operation(summary), self.store.transaction() as conn:
            if not self.store.dialect.try_import_lock(conn):  # two imports at once on a server: one waits
                raise LawGovError(IMPORT_BUSY)
            import_id = int(conn.execute(
                "INSERT INTO import_record (at, \"user\", file_name, file_sha256, sheet, kind, mode, mapping_json,"
                " warnings_json, rejected_json, backup_path, inserted, updated, unchanged, rejected)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0) RETURNING id",
                (stamp, self.store.user, changes.file_name, changes.file_sha256, changes.sheet, changes.kind,
                 changes.mode, json.dumps(changes.mapping, ensure_ascii=False),
                 json.dumps(changes.warnings, ensure_ascii=False),
                 json.dumps(changes.rejected, ensure_ascii=False), str(backup) if backup else None)).fetchone()[0])
            task.report(1, 5, "新建部门和区划")
            names = self._create_references(changes, import_id)
            check_cancelled(task)
            task.report(2, 5, "删除被替换的记录")
            # Delegations before the powers that lose them all, which would take them along.
            touched: set[int] = set()
            for delegation_id in changes.delete_delegations:
                before = self.store.snapshot("delegation", delegation_id)
                conn.execute("DELETE FROM delegation WHERE id = ?", (delegation_id,))
                self.store.log("delete", "delegation", delegation_id, "导入替换时删除赋权", before, None, import_id)
                touched.add(before["power_id"])
            for record_id in changes.deletes:
                if not self.store.count(f"SELECT count(*) FROM {TABLES[changes.kind]} WHERE id = ?", record_id):
                    continue  # a sub-item that went with its main item, in the main item's log entry
                before = self.store.snapshot(changes.kind, record_id)
                self.records.delete_logged(changes.kind, before, f"导入替换时删除“{before['name']}”", import_id)
            task.report(3, 5, "更新已有记录")
            touched.update(self._apply_updates(changes, import_id))
            check_cancelled(task)
            task.report(4, 5, "写入新记录")
            inserted_ids = self._insert_rows(changes, names, import_id, stamp)
            touched.update(row["parent_id"] for row in changes.new_sub_items)
            touched.update(row["power_id"] for row in changes.new_delegations)
            check_cancelled(task)
            task.report(5, 5, "建立检索索引")
            if changes.kind in self.store.index.kinds:
                self.store.reindex(changes.kind, sorted(touched - inserted_ids))
                self.store.reindex(changes.kind, sorted(inserted_ids), fresh=True)
            conn.execute(
                "UPDATE import_record SET inserted = ?, updated = ?, unchanged = ?, rejected = ? WHERE id = ?",
                (changes.inserted, changes.updated, changes.unchanged, len(changes.rejected), import_id))
            self.store.log("import", changes.kind, None,
                      f"{summary}：新增 {changes.inserted}，更新 {changes.updated}，未变 {changes.unchanged}，"
                      f"拒绝 {len(changes.rejected)}", None, None, import_id)
        return import_id

    def undo_import(self, import_id: int) -> dict[str, int]:
        """Restore the records exactly as they were before import ``import_id``.

        Inserted rows are removed, updated ones get their before-image back, deleted ones return
        with their ids, and what the import created (departments, regions, batches) goes if
        nothing else uses it.  Backs the file up first; returns counts of what was undone.
        """
        record = self.store.conn.execute("SELECT * FROM import_record WHERE id = ?", (import_id,)).fetchone()
        if record is None:
            raise NotFoundError(f"未找到导入记录（编号 {import_id}）。")
        if record["undone_at"]:
            raise LawGovError(f"第 {import_id} 次导入已于 {record['undone_at']} 撤销。")
        safety_backup(self.store.location, "before-undo-import")
        counts = {"removed": 0, "restored": 0}
        with self.store.operation(f"撤销导入“{record['file_name']}”"), self.store.transaction() as conn:
            kind = record["kind"]
            removed_licence = [r[0] for r in conn.execute(
                "SELECT id FROM licence_item WHERE import_id = ?", (import_id,))]
            removed_power = [r[0] for r in conn.execute("SELECT id FROM power WHERE import_id = ?", (import_id,))]
            touched_powers = {r[0] for r in conn.execute(
                "SELECT power_id FROM delegation WHERE import_id = ?", (import_id,))}
            touched_parents = {r[0] for r in conn.execute(
                "SELECT parent_id FROM licence_item WHERE import_id = ? AND parent_id IS NOT NULL", (import_id,))}
            touched_powers.update(r[0] for r in conn.execute(
                "SELECT parent_id FROM power WHERE import_id = ? AND parent_id IS NOT NULL", (import_id,)))
            conn.execute("DELETE FROM delegation WHERE import_id = ?", (import_id,))
            for table in ("licence_item", "power"):
                conn.execute(f"DELETE FROM {table} WHERE import_id = ? AND parent_id IS NOT NULL", (import_id,))
                conn.execute(f"DELETE FROM {table} WHERE import_id = ?", (import_id,))
            self.store.index.remove(LICENCE, removed_licence)
            self.store.index.remove(POWER, removed_power)
            counts["removed"] = len(removed_licence) + len(removed_power)
            entries = [dict(row) for row in conn.execute(
                "SELECT * FROM change_log WHERE import_id = ? AND action IN ('update', 'delete')"
                " ORDER BY id DESC", (import_id,))]
            for entry in entries:
                self.history.revert_entry(entry)
                counts["restored"] += 1
            created = [dict(row) for row in conn.execute(
                "SELECT * FROM change_log WHERE import_id = ? AND action = 'create' ORDER BY id DESC",
                (import_id,))]
            for entry in created:
                if not self.records.in_use(entry["entity"], entry["entity_id"]):
                    self.records.delete(entry["entity"], entry["entity_id"])
            touched_powers -= set(removed_power)
            touched_parents -= set(removed_licence)
            self.store.reindex(POWER, sorted(touched_powers))
            self.store.reindex(LICENCE, sorted(touched_parents))
            conn.execute("UPDATE import_record SET undone_at = ? WHERE id = ?", (now_text(), import_id))
            self.store.log("undo_import", kind, None,
                      f"撤销导入“{record['file_name']}”：移除 {counts['removed']} 项，恢复 {counts['restored']} 处",
                      None, None, import_id)
        return counts

    def rows_for_matching(self, kind: str) -> list[dict[str, Any]]:
        """Every working-list row of a kind, all columns, for matching an import against it.

        Powers carry ``delegations`` as (id, region_id, batch_id, change_kind) tuples; departments
        carry their ``aliases``.
        """
        rows = [dict(row) for row in self.store.conn.execute(
            f"SELECT * FROM {TABLES[kind]}" + (" WHERE version_id IS NULL" if kind in (LICENCE, POWER)
                                                     else ""))]
        if kind == POWER:
            by_power: dict[int, list[tuple[int, int, int | None, str]]] = {}
            for row in self.store.conn.execute("SELECT id, power_id, region_id, batch_id, change_kind FROM delegation"):
                by_power.setdefault(row[1], []).append((row[0], row[2], row[3], row[4]))
            for row in rows:
                row["delegations"] = by_power.get(row["id"], [])
        description = KINDS[kind]
        if description.alias_table:
            aliases: dict[int, list[str]] = {}
            for record_id, alias in self.store.conn.execute(
                    f"SELECT {description.alias_column}, alias FROM {description.alias_table}"):
                aliases.setdefault(record_id, []).append(alias)
            for row in rows:
                row["aliases"] = sorted(aliases.get(row["id"], []))
        return rows

    def region_names(self) -> list[dict[str, Any]]:
        """Every region with its aliases and kind, for placing new townships under their county."""
        return [dict(row) for row in self.store.conn.execute(
            f"SELECT r.id, r.name, r.kind, r.parent_id, (SELECT {self.store.dialect.joined('alias', '、')}"
            " FROM region_alias a WHERE a.region_id = r.id) AS aliases FROM region r ORDER BY r.position, r.id")]

    def save_mapping_template(self, name: str, kind: str, header_signature: str,
                              mapping: dict[str, str]) -> None:
        """Remember a hand-made column mapping (one per county, say) under a name."""
        if not name.strip():
            raise LawGovError("请填写映射模板的名称。")
        with self.store.transaction():
            self.store.touch(MAPPING_TEMPLATES)
            self.store.conn.execute(
                "INSERT INTO mapping_template (name, kind, header_signature, mapping_json, created_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET kind = excluded.kind,"
                " header_signature = excluded.header_signature, mapping_json = excluded.mapping_json",
                (name.strip(), kind, header_signature, json.dumps(mapping, ensure_ascii=False), now_text()))

    def mapping_templates(self, header_signature: str | None = None) -> list[dict[str, Any]]:
        """Saved mapping templates: all of them, or those made for sheets with these headers."""
        where, params = ("", ()) if header_signature is None else (" WHERE header_signature = ?", (header_signature,))
        rows = self.store.conn.execute(
            f"SELECT name, kind, header_signature, mapping_json FROM mapping_template{where} ORDER BY name", params)
        return [{"name": r[0], "kind": r[1], "header_signature": r[2], "mapping": json.loads(r[3])} for r in rows]

    def mapping_template(self, name: str) -> dict[str, Any]:
        """One saved template by name."""
        row = self.store.conn.execute("SELECT name, kind, header_signature, mapping_json FROM mapping_template"
                                " WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise NotFoundError(f"未找到映射模板“{name}”。")
        return {"name": row[0], "kind": row[1], "header_signature": row[2], "mapping": json.loads(row[3])}

    def imported_file_copy(self, file_sha256: str) -> Path | None:
        """The kept copy of an imported file (the audit trail of its original cells), if any."""
        folder = backup_folder(self.store.location) / "imports"
        return next(iter(sorted(folder.glob(f"{file_sha256}.*"))), None) if folder.is_dir() else None

    def _keep_imported_file(self, source: Path, file_sha256: str) -> None:
        if self.imported_file_copy(file_sha256) is not None:
            return
        folder = backup_folder(self.store.location) / "imports"
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_write(folder / f"{file_sha256}{source.suffix.lower()}") as temp:
            shutil.copyfile(source, temp)

    # ------------------------------------------------------------------------ internals
    def _create_references(self, changes: ImportChanges, import_id: int) -> dict[str, dict[str, int]]:
        """Create the regions, departments and batches the import needs; returns name → id maps."""
        names: dict[str, dict[str, int]] = {"region": {}, "department": {}, "batch": {}}
        for region in changes.new_regions:
            values = {key: region.get(key) for key in ("name", "kind", "parent_id", "code")}
            if values["parent_id"] is None and region.get("parent_name"):
                values["parent_id"] = names["region"][region["parent_name"]]
            names["region"][region["name"]] = self._create_logged("region", values, None, import_id)
        for department in changes.new_departments:
            values = {key: department.get(key) for key in ("name", "level", "region_id", "credit_code", "remark")}
            if values["region_id"] is None and department.get("region_name"):
                values["region_id"] = names["region"][department["region_name"]]
            names["department"][department["name"]] = self._create_logged(
                "department", values, department.get("aliases"), import_id)
        for batch in changes.new_batches:
            position = self.store.count("SELECT coalesce(max(position), 0) + 1 FROM batch")
            names["batch"][batch] = self._create_logged("batch", {"name": batch, "position": position}, None,
                                                        import_id)
        return names

    def _create_logged(self, kind: str, values: dict[str, Any], aliases: list[str] | None,
                       import_id: int) -> int:
        data = {**{k: v for k, v in values.items() if v is not None}, "aliases": aliases or []}
        return self.records.create(kind, data, verb="导入时新增", import_id=import_id)

    def _apply_updates(self, changes: ImportChanges, import_id: int) -> set[int]:
        table = TABLES[changes.kind]
        touched: set[int] = set()
        stamp = now_text()
        for record_id, new_values in changes.updates:
            aliases = new_values.pop("aliases", None) if KINDS[changes.kind].alias_table else None
            columns = list(new_values)
            before_row = self.store.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,)).fetchone()
            before = {key: before_row[key] for key in (*columns, "updated_at")}
            after = {**new_values, "updated_at": stamp}
            if aliases is not None:
                before["aliases"] = self.store.aliases(DEPARTMENT, record_id)
                after["aliases"] = aliases
                self.records.replace_aliases(DEPARTMENT, record_id, aliases)
            if columns:
                stored = {**new_values, **KINDS[changes.kind].sort_keys(new_values)}
                assignments = ", ".join(f"{key} = ?" for key in stored)
                self.store.conn.execute(f"UPDATE {table} SET {assignments}, updated_at = ? WHERE id = ?",
                                  [*stored.values(), stamp, record_id])
            labels = "、".join(self.records.field_label(changes.kind, key) for key in after if key != "updated_at")
            self.store.log("update", changes.kind, record_id, f"导入更新“{before_row['name']}”：{labels}",
                      before, after, import_id)
            touched.add(record_id)
            if KINDS[changes.kind].sub_items and before_row["parent_id"]:
                touched.add(before_row["parent_id"])
        return touched

    def _insert_rows(self, changes: ImportChanges, names: dict[str, dict[str, int]], import_id: int,
                     stamp: str) -> set[int]:
        """Insert the new records with ids assigned here (inside the write lock), so sub-items and
        delegations can point at their new parents in the same ``executemany``."""
        conn = self.store.conn

        def resolve(row: dict[str, Any], key: str) -> int | None:
            value = row.get(f"{key}_id")
            if value is None and row.get(f"{key}_name"):
                value = names[key][row[f"{key}_name"]]
            return value

        if changes.kind == DEPARTMENT:
            for row in changes.inserts:
                values = {k: row.get(k) for k in ("name", "level", "credit_code", "remark")}
                values["region_id"] = resolve(row, "region")
                self._create_logged("department", values, row.get("aliases"), import_id)
            return set()
        table = TABLES[changes.kind]
        next_id = self.store.count(f"SELECT {self.store.dialect.highest_id_sql(table)} + 1")
        position = self.store.count(f"SELECT coalesce(max(position), 0) + 1 FROM {table}")
        rows: list[tuple[Any, ...]] = []
        delegations: list[tuple[Any, ...]] = []
        inserted: set[int] = set()

        def delegation_tuple(power_id: int, item: dict[str, Any]) -> tuple[Any, ...]:
            # in the order of _DELEGATION_INSERT; written out because this runs once per township
            return (power_id, resolve(item, "region"), resolve(item, "batch"), item.get("mode"), item.get("scope"),
                    item.get("effective_date"), item.get("change_kind") or "新增", item.get("document_number"),
                    item.get("document_number_raw"), item.get("remark"), import_id, stamp, stamp)

        columns = _LICENCE_INSERT if changes.kind == LICENCE else _POWER_INSERT
        inherited = KINDS[changes.kind].inherited
        common = {"import_id": import_id, "created_at": stamp, "updated_at": stamp, "status": "有效"}
        for row in [*changes.inserts, *changes.new_sub_items]:
            main = {**common, **{k: v for k, v in row.items() if v is not None}, "id": next_id,
                    "department_id": resolve(row, "department"), "position": position}
            if main["department_id"] is None and main.get("parent_id"):  # a new sub-item of an existing item
                main["department_id"] = self.store.count(f"SELECT department_id FROM {table} WHERE id = ?",
                                                    main["parent_id"])
            family = [main, *({**common, **{k: v for k, v in sub.items() if v is not None},
                               **{key: main.get(key) for key in inherited},
                               "id": next_id + number, "parent_id": main["id"], "position": position + number}
                              for number, sub in enumerate(row.get("sub_items", []), start=1))]
            next_id += len(family)
            position += len(family)
            for values in family:
                values.update(KINDS[changes.kind].sort_keys(values))
                rows.append(tuple(values.get(column) for column in columns))
                delegations.extend(delegation_tuple(values["id"], item) for item in values.get("delegations", []))
                inserted.add(values["id"])
        delegations.extend(delegation_tuple(item["power_id"], item) for item in changes.new_delegations)
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                         rows)
        self.store.dialect.ids_assigned(conn, table)
        conn.executemany(f"INSERT INTO delegation ({', '.join(_DELEGATION_INSERT)}) VALUES"
                         f" ({', '.join('?' * len(_DELEGATION_INSERT))})", delegations)
        return inserted
