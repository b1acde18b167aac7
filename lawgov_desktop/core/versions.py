"""Saved versions of the lists ("2022年版"): frozen, read-only copies the clerk can view and compare.

A version is a ``list_version`` row plus copies of the working licence items and powers (sub-items
pointing at the copied main items) and the powers' delegations, all with ``version_id`` set to it.  The copy
is a handful of ``INSERT … SELECT`` statements through a temporary old-id → new-id table, so saving
10,000 items costs milliseconds of SQL plus indexing them for search; the library already refuses
to edit or delete rows whose ``version_id`` is set.  Departments, regions and batches are shared
with the working list, not copied.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .backup import backup_folder, make_backup
from .clock import now_text
from .compare import Comparison, ListSnapshot, compare_snapshots, read_snapshot
from .errors import LawGovError, NotFoundError, ValidationError
from .fields import LICENCE, LIST_VERSION, POWER
from .kinds import TABLES
from .records import clean_text

if TYPE_CHECKING:
    from .store import Store

CURRENT_LABEL = "当前清单"
# Columns a copy does not take over as they are: its own id, the version, the parent (remapped),
# and the import (undoing an import must never touch a saved version).
_NOT_COPIED = {"id", "version_id", "parent_id", "power_id", "import_id"}
_COUNTS = (
    "(SELECT count(*) FROM licence_item WHERE version_id = v.id AND parent_id IS NULL) AS licence_items,"
    " (SELECT count(*) FROM licence_item WHERE version_id = v.id AND parent_id IS NOT NULL) AS sub_items,"
    " (SELECT count(*) FROM power WHERE version_id = v.id AND parent_id IS NULL) AS powers,"
    " (SELECT count(*) FROM delegation dl JOIN power p ON p.id = dl.power_id WHERE p.version_id = v.id)"
    " AS delegations"
)


class Versions:
    """Saving, listing, deleting and comparing versions of the lists (``library.versions``)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def save_version(self, name: str, remark: str | None = None) -> int:
        """Freeze the working lists under ``name``; returns the version's id."""
        name = clean_text(name) or ""
        if not name:
            raise ValidationError({"name": "请填写版本名称，例如“2022年版”。"})
        if self.find_version(name) is not None:
            raise ValidationError({"name": f"版本“{name}”已存在，请换一个名称。"})
        with self.store.operation(f"保存清单版本“{name}”"), self.store.transaction() as conn:
            version_id = int(conn.execute(
                "INSERT INTO list_version (name, created_at, created_by, remark) VALUES (?, ?, ?, ?) RETURNING id",
                (name, now_text(), self.store.user, clean_text(remark, multiline=True))).fetchone()[0])
            licence_ids = self._copy_working_rows("licence_item", version_id)
            power_ids = self._copy_working_rows("power", version_id)
            columns = _copied_columns(conn, "delegation")
            conn.execute(
                f"INSERT INTO delegation (power_id, {', '.join(columns)})"
                f" SELECT m.new_id, {', '.join('dl.' + c for c in columns)} FROM delegation dl"
                " JOIN temp.version_copy m ON m.old_id = dl.power_id")
            self.store.reindex(LICENCE, licence_ids, fresh=True)
            self.store.reindex(POWER, power_ids, fresh=True)
            after = self.version(version_id)
            self.store.log("create", LIST_VERSION, version_id,
                      f"保存清单版本“{name}”：许可事项 {after['licence_items']} 项，执法事项 {after['powers']} 项",
                      None, after)
        return version_id

    def all_versions(self) -> list[dict[str, Any]]:
        """Every saved version, oldest first, with its counts (main items, sub-items, powers…)."""
        return [dict(row) for row in self.store.conn.execute(
            f"SELECT v.*, {_COUNTS} FROM list_version v ORDER BY v.id")]

    def version(self, version_id: int) -> dict[str, Any]:
        """One saved version with its counts."""
        row = self.store.conn.execute(f"SELECT v.*, {_COUNTS} FROM list_version v WHERE v.id = ?",
                                (version_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"未找到清单版本（编号 {version_id}）。")
        return dict(row)

    def find_version(self, name: str) -> int | None:
        """A saved version by name (spaces as the clerk typed them do not matter)."""
        row = self.store.conn.execute("SELECT id FROM list_version WHERE name = ?", (clean_text(name),)).fetchone()
        return row[0] if row else None

    def delete_version(self, version_id: int) -> dict[str, Any]:
        """Delete a saved version and its copies, after a backup (it cannot be undone otherwise)."""
        before = self.version(version_id)
        make_backup(self.store.location, "before-delete-version")  # a copy even on a server: no undo
        with self.store.operation(f"删除清单版本“{before['name']}”"), self.store.transaction() as conn:
            for kind in self.store.index.kinds:
                self.store.index.remove(kind, [row[0] for row in conn.execute(
                    f"SELECT id FROM {TABLES[kind]} WHERE version_id = ?", (version_id,))])
            conn.execute("DELETE FROM list_version WHERE id = ?", (version_id,))  # rows go by cascade
            self.store.log("delete", LIST_VERSION, version_id, f"删除清单版本“{before['name']}”", before, None)
        return before

    def snapshot(self, version_id: int | None = None) -> ListSnapshot:
        """The working list (None) or a version in the comparable form ``compare`` takes."""
        label = CURRENT_LABEL if version_id is None else self.version(version_id)["name"]
        return read_snapshot(self.store.conn, version_id, label)

    def compare(self, old: int | None | ListSnapshot, new: int | None | ListSnapshot) -> Comparison:
        """What changed from ``old`` to ``new``: each a version id, None (the working list), or a
        snapshot made elsewhere (a workbook read by ``importers.compare_file``)."""
        before = old if isinstance(old, ListSnapshot) else self.snapshot(old)
        after = new if isinstance(new, ListSnapshot) else self.snapshot(new)
        return compare_snapshots(before, after)

    # ------------------------------------------------------------------------ internals
    def _copy_working_rows(self, table: str, version_id: int) -> list[int]:
        """Copy the working rows of ``table`` (licence items or powers) into the version, sub-items
        pointing at their copied main items; returns the new ids.

        The old → new ids stay in ``temp.version_copy`` for the next statement (delegations).
        """
        conn = self.store.conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS version_copy"
                     " (old_id INTEGER PRIMARY KEY, new_id INTEGER NOT NULL)")
        conn.execute("DELETE FROM temp.version_copy")
        conn.execute(f"INSERT INTO temp.version_copy (old_id, new_id) SELECT id,"
                     f" {self.store.dialect.highest_id_sql(table)} + row_number() OVER (ORDER BY id)"
                     f" FROM {table} WHERE version_id IS NULL")
        columns = _copied_columns(conn, table)
        conn.execute(
            f"INSERT INTO {table} (id, version_id, parent_id, {', '.join(columns)})"
            f" SELECT m.new_id, ?, parent.new_id, {', '.join('t.' + c for c in columns)}"
            f" FROM {table} t JOIN temp.version_copy m ON m.old_id = t.id"
            " LEFT JOIN temp.version_copy parent ON parent.old_id = t.parent_id"
            " WHERE t.version_id IS NULL", (version_id,))
        self.store.dialect.ids_assigned(conn, table)
        return [row[0] for row in conn.execute("SELECT new_id FROM temp.version_copy ORDER BY new_id")]

    def revert_entry(self, entry: dict[str, Any]) -> None:
        """Undo of a version's log entry: a saved version goes again; a deleted one cannot return."""
        if entry["action"] == "create":
            if self.store.conn.execute("SELECT 1 FROM list_version WHERE id = ?", (entry["entity_id"],)).fetchone():
                self.delete_version(entry["entity_id"])
            return
        name = json.loads(entry["before_json"] or "{}").get("name", "")
        folder = backup_folder(self.store.location).name
        raise LawGovError(f"已删除的清单版本“{name}”不能撤销恢复；删除前的备份在数据库旁的“{folder}”文件夹中。")


def _copied_columns(conn: Any, table: str) -> list[str]:
    """The columns of ``table`` a version copy takes over unchanged (all but ids and the import)."""
    columns = [column[0] for column in conn.execute(f"SELECT * FROM {table} LIMIT 0").description]
    return [column for column in columns if column not in _NOT_COPIED]
