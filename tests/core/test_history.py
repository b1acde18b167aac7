"""The change history for the window: filters by record, user, action and dates; any single change
can be reverted on its own."""

from __future__ import annotations

import json

import pytest

from lawgov_desktop.core.errors import LawGovError, ValidationError
from lawgov_desktop.core.kinds import ROW_VERSION
from lawgov_desktop.core.library import Library


def _set_times(lib: Library, times: dict[int, str]) -> None:
    with lib.store.transaction() as conn:
        conn.executemany("UPDATE change_log SET at = ? WHERE id = ?", [(at, cid) for cid, at in times.items()])


def test_filters_by_user_action_entity_and_record(lib, city):
    other = Library(lib.location, user="县司法局张三")
    try:
        other.records.update("licence", city["food"], {"remark": "县里改的"})
    finally:
        other.close()
    by_user = lib.history.change_log(user="县司法局张三")
    assert by_user.total == 1 and by_user.rows[0]["action"] == "update"
    assert lib.history.change_log(action="update").total == 1
    assert lib.history.change_log(entity="delegation").total == 4
    record = lib.history.change_log(entity="licence", entity_id=city["food"])
    assert [row["action"] for row in record.rows] == ["update", "create"]
    assert lib.history.change_log(user="测试员", action="update").total == 0
    assert lib.history.change_log_users() == ["县司法局张三", "测试员"]


def test_date_range_is_inclusive_of_both_days(lib, city):
    entries = [row["id"] for row in lib.history.change_log(limit=100).rows]
    _set_times(lib, dict.fromkeys(entries, "2024-01-01T09:00:00+08:00"))
    _set_times(lib, {entries[0]: "2024-05-03T08:00:00+08:00", entries[1]: "2024-05-01T23:59:59+08:00",
                     entries[2]: "2024-04-30T23:59:59+08:00"})
    assert [row["id"] for row in lib.history.change_log(since="2024-05-01", until="2024-05-02").rows] == [entries[1]]
    assert lib.history.change_log(since="2024-05-01").total == 2
    assert lib.history.change_log(until="2024-04-30").total == lib.history.change_log().total - 2
    with pytest.raises(ValidationError):
        lib.history.change_log(since="五月一日")


def _state(lib: Library) -> dict[str, list[tuple]]:
    """Every record as stored (aliases by content: their row ids carry no meaning), but for its row
    version, which counts writes: an undo is one more (test_row_versions)."""
    conn = lib.store.conn
    state = {table: [tuple(value for key, value in dict(row).items() if key != ROW_VERSION)
                     for row in conn.execute(f"SELECT * FROM {table} ORDER BY id")]
             for table in ("licence_item", "power", "delegation", "department", "region", "batch")}
    state["aliases"] = conn.execute("SELECT department_id, alias FROM department_alias ORDER BY 1, 2").fetchall()
    return state


def test_every_single_change_can_be_reverted_on_its_own(lib, city):
    """Each kind of change, made and reverted alone, gives back exactly the state before it."""
    changes = [
        lambda: lib.records.update("licence", city["food"], {"remark": "新备注", "level": "市级"}),
        lambda: lib.records.update("department", city["fgj"], {"aliases": "发改局"}),
        lambda: lib.records.delete("licence", city["hezhun"]),  # with its sub-item
        lambda: lib.records.delete("power", city["power"]),  # with three delegations
        lambda: lib.records.create("region", {"name": "捷胜镇", "kind": "town", "parent": "城区"}),
        lambda: lib.records.update("batch", city["batch2"], {"name": "第二批（补充）"}),
        lambda: lib.records.delete("delegation", lib.records.delegations(city["power2"])[0]["id"]),
    ]
    for change in changes:
        before = _state(lib)
        change()
        entry = lib.history.change_log(limit=1).rows[0]
        lib.history.revert_change(entry["id"])
        assert _state(lib) == before, entry["summary"]
        assert lib.history.change_log(entity=entry["entity"], entity_id=entry["entity_id"]).rows[1]["reverted_by"]
    assert lib.backups.check_integrity().ok


def test_one_change_out_of_a_bulk_operation(lib, city):
    lib.records.bulk_update("licence", [city["food"], city["school"]], {"remark": "批量"})
    entry = lib.history.change_log(entity="licence", entity_id=city["school"], action="update").rows[0]
    lib.history.revert_change(entry["id"])
    assert lib.records.get("licence", city["school"])["remark"] == "省政府规章设定"
    assert lib.records.get("licence", city["food"])["remark"] == "批量"


def test_a_change_that_can_no_longer_be_reverted_says_why(lib, city):
    delegation = lib.records.delegations(city["power2"])[0]["id"]
    lib.records.delete("delegation", delegation)
    entry = lib.history.change_log(limit=1).rows[0]
    lib.records.delete("power", city["power2"])
    before = _state(lib)
    with pytest.raises(LawGovError, match="涉及的记录已被删除"):
        lib.history.revert_change(entry["id"])
    assert _state(lib) == before
    assert json.loads(entry["before_json"])["power_id"] == city["power2"]
