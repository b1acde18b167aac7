"""Clerks working at once never lose each other's work: two libraries on one database (two
connections, as two clerks' windows), on SQLite and on the test PostgreSQL server.

Every record row carries a row version counted up by a trigger; a save or delete made with the
version the clerk's editor loaded is refused when another clerk saved or deleted the record
meanwhile, with their values beside the clerk's; imports and bulk changes are one transaction that
readers never wait for, and on a server two imports at once are serialised with a clear message.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from lawgov_desktop.core.errors import ConflictError, LawGovError
from lawgov_desktop.core.imports import IMPORT_BUSY, ImportChanges
from lawgov_desktop.core.library import Library


@pytest.fixture
def other(lib: Library) -> Iterator[Library]:
    """A second clerk on the same database (their own connection)."""
    library = Library(lib.location, user="李四")
    yield library
    library.close()


@pytest.fixture
def item(lib: Library) -> int:
    department = lib.records.create("department", {"name": "汕尾市市场监督管理局", "aliases": ["市市场监管局"]})
    lib.records.create("department", {"name": "汕尾市发展和改革局"})
    return lib.records.create("licence", {"name": "食品经营许可", "department_id": department, "part": "central",
                                          "remark": "原备注", "certificate": "食品经营许可证"})


def _version(library: Library, item_id: int) -> int:
    return int(library.records.get("licence", item_id)["row_version"])


def _log_count(library: Library) -> int:
    return library.store.count("SELECT count(*) FROM change_log")


def test_every_update_counts_the_row_version_up_whatever_writes_it(lib: Library, item: int) -> None:
    assert _version(lib, item) == 1
    lib.records.update("licence", item, {"remark": "改一"})
    assert _version(lib, item) == 2
    lib.records.update("licence", item, {"remark": "改一"})  # nothing changed: nothing written
    assert _version(lib, item) == 2
    with lib.store.transaction() as conn:  # a write path that never heard of row versions
        conn.execute("UPDATE licence_item SET remark = ?, row_version = 1 WHERE id = ?", ("直接改", item))
    assert _version(lib, item) == 3
    lib.history.revert_operation(lib.history.last_operation())
    assert _version(lib, item) == 4
    department = lib.records.get("licence", item)["department_id"]
    assert lib.records.get("department", department)["row_version"] == 1


def test_a_save_of_a_record_changed_meanwhile_is_refused_with_both_values(lib: Library, other: Library,
                                                                          item: int) -> None:
    loaded = lib.records.get("licence", item)
    other.records.update("licence", item, {"remark": "李四的备注", "department": "汕尾市发展和改革局"})
    entries = _log_count(lib)
    with pytest.raises(ConflictError) as refused:
        lib.records.update("licence", item, {"remark": "我的备注", "department": "市市场监管局",
                                             "certificate": "食品经营许可证"}, row_version=loaded["row_version"])
    conflict = refused.value
    assert conflict.row_version == loaded["row_version"] + 1 and not conflict.deleted
    assert conflict.changed_by == "李四" and conflict.changed_at
    assert "李四" in str(conflict) and "食品经营许可" in str(conflict)
    fields = {field.key: field for field in conflict.fields}
    assert (fields["remark"].label, fields["remark"].theirs, fields["remark"].mine) == ("备注", "李四的备注", "我的备注")
    assert (fields["department_id"].theirs_text, fields["department_id"].mine_text) == (
        "汕尾市发展和改革局", "市市场监管局")
    assert fields["remark"].differs and not fields["certificate"].differs
    # nothing written: their values stand, and the log has no entry of the refused save
    now = lib.records.get("licence", item)
    assert (now["remark"], now["row_version"]) == ("李四的备注", conflict.row_version)
    assert _log_count(lib) == entries


def _conflict(lib: Library, other: Library, item: int) -> ConflictError:
    loaded = _version(lib, item)
    other.records.update("licence", item, {"remark": "李四的备注"})
    with pytest.raises(ConflictError) as refused:
        lib.records.update("licence", item, {"remark": "我的备注"}, row_version=loaded)
    return refused.value


@pytest.mark.parametrize(("decision", "kept"), [("mine", "我的备注"), ("theirs", "李四的备注"),
                                                ("merged", "李四的备注；我的备注")])
def test_the_clerk_keeps_mine_takes_theirs_or_merges(lib: Library, other: Library, item: int, decision: str,
                                                     kept: str) -> None:
    conflict = _conflict(lib, other, item)
    decided = {"mine": {"remark": "我的备注"}, "theirs": {}, "merged": {"remark": "李四的备注；我的备注"}}[decision]
    lib.records.update("licence", item, decided, row_version=conflict.row_version)
    assert lib.records.get("licence", item)["remark"] == kept
    assert other.records.get("licence", item)["remark"] == kept


def test_a_third_change_while_the_clerk_decides_is_refused_again(lib: Library, other: Library, item: int) -> None:
    conflict = _conflict(lib, other, item)
    other.records.update("licence", item, {"remark": "李四又改了"})
    with pytest.raises(ConflictError) as again:
        lib.records.update("licence", item, {"remark": "我的备注"}, row_version=conflict.row_version)
    assert again.value.fields[0].theirs == "李四又改了"
    assert again.value.row_version == conflict.row_version + 1


def test_a_save_of_a_record_deleted_meanwhile_keeps_the_clerks_values_in_the_refusal(
        lib: Library, other: Library, item: int) -> None:
    loaded = _version(lib, item)
    other.records.delete("licence", item)
    with pytest.raises(ConflictError) as refused:
        lib.records.update("licence", item, {"remark": "我的备注", "name": "食品经营许可（新）"}, row_version=loaded)
    conflict = refused.value
    assert conflict.deleted and conflict.row_version is None
    assert "已被李四" in str(conflict) and "删除" in str(conflict)
    assert {field.key: field.mine_text for field in conflict.fields} == {"remark": "我的备注",
                                                                         "name": "食品经营许可（新）"}
    assert lib.store.count("SELECT count(*) FROM licence_item") == 0


def test_a_delete_of_a_record_changed_meanwhile_is_refused_and_the_record_stays(
        lib: Library, other: Library, item: int) -> None:
    loaded = _version(lib, item)
    other.records.update("licence", item, {"remark": "李四的备注"})
    with pytest.raises(ConflictError) as refused:
        lib.records.delete("licence", item, row_version=loaded)
    assert "已被李四" in str(refused.value) and "未删除" in str(refused.value)
    assert other.records.get("licence", item)["remark"] == "李四的备注"
    lib.records.delete("licence", item, row_version=refused.value.row_version)  # the clerk still wants it gone
    assert lib.store.count("SELECT count(*) FROM licence_item") == 0


def test_callers_without_a_loaded_version_write_as_before(lib: Library, other: Library, item: int) -> None:
    """The command line and internal callers (undo, merges, bulk changes) name no version."""
    other.records.update("licence", item, {"remark": "李四的备注"})
    lib.records.update("licence", item, {"remark": "命令行"})
    assert other.records.get("licence", item)["remark"] == "命令行"
    assert lib.records.bulk_update("licence", [item], {"remark": "批量"}) == 1


def _import(department: int, name: str) -> ImportChanges:
    return ImportChanges(kind="licence", file_name=f"{name}.xlsx", file_sha256="0" * 64, sheet=None, mode="add",
                         inserts=[{"name": name, "department_id": department, "part": "central"}], inserted=1)


class _HeldOpen:
    """A task that holds an import's transaction open at its last step until released."""

    def __init__(self) -> None:
        self.writing = threading.Event()
        self.release = threading.Event()

    def report(self, done: int, total: int, text: str) -> None:
        if done == total:
            self.writing.set()
            assert self.release.wait(30)

    @property
    def cancelled(self) -> bool:
        return False


def _import_in_background(lib: Library, changes: ImportChanges, task: _HeldOpen) -> dict[str, Any]:
    """Another clerk's import, held open at its last step (a library per thread, as the window's writer)."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            with Library(lib.location, user="李四") as library:
                outcome["id"] = library.imports.apply_import(changes, task)
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
            outcome["error"] = exc
        finally:
            task.writing.set()

    outcome["thread"] = threading.Thread(target=run)
    outcome["thread"].start()
    assert task.writing.wait(30)
    return outcome


def test_readers_are_not_blocked_by_an_open_import(lib: Library, item: int) -> None:
    department = lib.records.get("licence", item)["department_id"]
    task = _HeldOpen()
    running = _import_in_background(lib, _import(department, "药品零售企业许可"), task)
    try:
        assert "error" not in running
        # the import has written its rows and not committed: another clerk reads the list as it was
        assert lib.lists.query("licence").total == 1
        assert lib.records.get("licence", item)["name"] == "食品经营许可"
    finally:
        task.release.set()
        running["thread"].join(30)
    assert "error" not in running, running.get("error")
    assert lib.lists.query("licence").total == 2


# Only on a server: SQLite serialises writers itself (the second import waits for BEGIN IMMEDIATE).
@pytest.mark.parametrize("lib", ["postgresql"], indirect=True)
def test_two_imports_at_once_on_a_server_are_serialised_with_a_clear_message(lib: Library, item: int) -> None:
    department = lib.records.get("licence", item)["department_id"]
    task = _HeldOpen()
    running = _import_in_background(lib, _import(department, "药品零售企业许可"), task)
    try:
        entries = _log_count(lib)
        with pytest.raises(LawGovError) as refused:
            lib.imports.apply_import(_import(department, "医疗器械经营许可"))
        assert str(refused.value) == IMPORT_BUSY
        assert _log_count(lib) == entries
    finally:
        task.release.set()
        running["thread"].join(30)
    assert "error" not in running, running.get("error")
    lib.imports.apply_import(_import(department, "医疗器械经营许可"))  # once the first is in, the second goes
    assert sorted(row["name"] for row in lib.lists.query("licence").rows) == [
        "医疗器械经营许可", "药品零售企业许可", "食品经营许可"]


def test_a_conflict_names_references_choices_and_extra_columns_as_the_clerk_reads_them(
        lib: Library, other: Library, item: int) -> None:
    department = lib.records.get("licence", item)["department_id"]
    power = lib.records.create("power", {"name": "对无证经营的处罚", "department_id": department,
                                         "extra": {"备案情况": "已备案"}})
    loaded = lib.records.get("power", power)["row_version"]
    other.records.update("power", power, {"extra": {"备案情况": "未备案"}, "department": "汕尾市发展和改革局"})
    with pytest.raises(ConflictError) as refused:
        lib.records.update("power", power, {"extra": '{"备案情况": "待备案"}', "department_id": department},
                           row_version=loaded)
    texts = {field.key: (field.theirs_text, field.mine_text) for field in refused.value.fields}
    assert texts == {"extra_json": ("备案情况：未备案", "备案情况：待备案"),
                     "department_id": ("汕尾市发展和改革局", "汕尾市市场监督管理局")}
    loaded = lib.records.get("licence", item)["row_version"]
    other.records.update("licence", item, {"part": "local"})
    with pytest.raises(ConflictError) as refused:
        lib.records.update("licence", item, {"part": "central"}, row_version=loaded)
    [part] = refused.value.fields
    assert (part.label, part.theirs_text, part.mine_text) == ("部分", "地方性法规、省政府规章设定", "中央层面设定")
