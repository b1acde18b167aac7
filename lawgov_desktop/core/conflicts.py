"""Two clerks on one record: a save of what another clerk changed (or deleted) meanwhile is refused.

Every record row carries a row version (``kinds.ROW_VERSION``, counted up by a trigger with every
UPDATE).  An editor keeps the version it loaded and hands it to ``records.update`` or
``records.delete``; inside the write transaction :func:`check_row_version` reads the stored version
— on a server with ``SELECT … FOR UPDATE``, so no other save slips in between the check and the
write — and on a mismatch raises :class:`~.errors.ConflictError` with, per field the clerk changed,
the value stored now beside the clerk's, and who changed the record last and when (the change log).
Nothing is written; the window shows both and saves the clerk's decision with the new version.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from .errors import ConflictError, FieldConflict
from .kinds import JSON, KINDS, REFERENCE, ROW_VERSION, TABLES

if TYPE_CHECKING:
    from .store import Store

# What names a field in messages: records.field_label (kind, key) → "主管部门".
LabelOf = Callable[[str, str], str]


def check_row_version(store: Store, kind: str, record_id: int, loaded: int, mine: Mapping[str, Any] | None,
                      label_of: LabelOf) -> None:
    """Inside the write transaction: pass when the record still has the ``loaded`` version, else
    raise ConflictError comparing the stored values with ``mine`` (the clerk's changes; None for a
    delete)."""
    row = store.conn.execute(f"SELECT {ROW_VERSION} FROM {TABLES[kind]} WHERE id = ?{store.dialect.lock_rows}",
                             (record_id,)).fetchone()
    if row is not None and int(row[0]) == loaded:
        return
    raise conflict_error(store, kind, record_id, mine, label_of)


def conflict_error(store: Store, kind: str, record_id: int, mine: Mapping[str, Any] | None,
                   label_of: LabelOf) -> ConflictError:
    """The refusal of a save of ``mine`` (None: of a delete) to a record changed or deleted since it
    was loaded."""
    description = KINDS[kind]
    row = store.conn.execute(f"SELECT id FROM {description.table} WHERE id = ?", (record_id,)).fetchone()
    current = store.snapshot(kind, record_id) if row is not None else None
    last = store.conn.execute(
        "SELECT \"user\", at, before_json FROM change_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1",
        (kind, record_id)).fetchone()
    changed_by = str(last["user"]) if last and last["user"] else "其他同事"
    changed_at = str(last["at"])[:16].replace("T", " ") if last else ""
    before = json.loads(last["before_json"]) if last and last["before_json"] else {}
    title = store.title(kind, current) if current is not None else str(before.get("name") or record_id)
    fields = []
    for key, value in _by_column(kind, mine or {}).items():
        theirs = current.get(key) if current is not None else None
        fields.append(FieldConflict(key, label_of(kind, key), theirs, value, value_text(store, kind, key, theirs),
                                    value_text(store, kind, key, value)))
    when = f"于 {changed_at} " if changed_at else ""
    what = f"{description.label}“{title}”"
    if current is None:
        message = f"{what}已被{changed_by}{when}删除" + ("。" if mine is None else "，您的修改未能保存（内容仍在，可复制保留）。")
        return ConflictError(message, kind=kind, record_id=record_id, fields=fields, row_version=None,
                             changed_by=changed_by, changed_at=changed_at)
    message = f"{what}在您打开后已被{changed_by}{when}修改，" + (
        "未删除。" if mine is None else "您的修改未保存：请对照双方的值再保存。")
    return ConflictError(message, kind=kind, record_id=record_id, fields=fields,
                         row_version=int(current[ROW_VERSION]), changed_by=changed_by, changed_at=changed_at)


def _by_column(kind: str, mine: Mapping[str, Any]) -> dict[str, Any]:
    """The clerk's changes under the columns they change: a reference given by name ("department")
    under its id column, a power's extra columns under ``extra_json``."""
    columns = {f.by_name: f.key for f in KINDS[kind].fields if f.by_name}
    columns.update({f.key.removesuffix("_json"): f.key for f in KINDS[kind].fields if f.rule == JSON})
    return {columns.get(key, key): value for key, value in mine.items()}


def value_text(store: Store, kind: str, key: str, value: Any) -> str:
    """A stored or typed value as the clerk reads it: a reference's name, a choice's label, a list
    of names joined with "、", extra columns as "表头：内容" lines; "" for nothing."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, list):
        return "、".join(str(item) for item in value)
    described = KINDS[kind].field(key)
    if described is not None and described.rule == JSON:
        try:
            extra = json.loads(value) if isinstance(value, str) else value
        except ValueError:  # extra columns typed as text that is no JSON: shown as typed
            return str(value)
        return "\n".join(f"{header}：{text}" for header, text in extra.items())
    if described is not None and described.rule == REFERENCE and isinstance(value, int):
        return store.name_of(TABLES[described.reference or kind], value) or str(value)
    if described is not None and described.choices:
        return dict(described.choices).get(value, str(value))
    return str(value)
