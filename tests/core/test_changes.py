"""What a write changed (OpChanges), derived from the change log: the window refreshes exactly these lists."""

from __future__ import annotations

from lawgov_desktop.core.changes import (
    EVERYTHING,
    IMPORTS,
    MAPPING_TEMPLATES,
    NOTHING,
    SAVED_FILTERS,
    UPPER_LISTS,
    VERSIONS,
    changes_of_operation,
    lists_changed_by,
)
from lawgov_desktop.core.imports import ImportChanges
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter


def test_nothing_written_nothing_changed(lib, city):
    lib.close()
    reopened = type(lib)(lib.location)
    try:
        assert reopened.last_changes == NOTHING and not reopened.last_changes
    finally:
        reopened.close()


def test_a_new_sub_item_changes_its_list_its_main_item_and_the_departments_counts(lib, city):
    sub = lib.records.create("licence", {"name": "企业投资项目核准（内资）", "parent_id": city["hezhun"]})
    changes = lib.last_changes
    assert changes.lists == {"licence", "department"}
    assert changes.ids("licence") == {sub, city["hezhun"]}
    assert changes.touches("department") and not changes.touches("power")


def test_a_renamed_department_changes_the_lists_that_show_its_name(lib, city):
    lib.records.update("department", city["scj"], {"name": "汕尾市市场监管局"})
    changes = lib.last_changes
    assert {"department", "licence", "power"} <= changes.lists
    assert changes.ids("department") == {city["scj"]}
    assert changes.ids("licence") == frozenset()  # its rows changed somewhere: read the list again


def test_a_delegation_changes_its_power_and_the_batch_list(lib, city):
    lib.records.create("delegation", {"power_id": city["power2"], "region": "田墘街道", "batch": "第二批"})
    changes = lib.last_changes
    assert {"delegation", "power", "batch", "region"} <= changes.lists
    assert city["power2"] in changes.ids("power")


def test_a_deleted_power_names_its_delegations(lib, city):
    delegations = {row["id"] for row in lib.records.delegations(city["power"])}
    lib.records.delete("power", city["power"])
    changes = lib.last_changes
    assert changes.ids("power") == {city["power"]} and changes.ids("delegation") == delegations
    assert changes.touches("batch")


def test_a_bulk_change_and_its_undo_are_one_change_each(lib, city):
    ids = [city["food"], city["school"]]
    lib.records.bulk_update("licence", ids, {"remark": "统一备注"})
    bulk = lib.last_changes
    assert bulk.ids("licence") == set(ids) and bulk.operation == lib.history.last_operation()
    assert changes_of_operation(lib.store.conn, bulk.operation) == bulk
    lib.history.revert_operation(bulk.operation)
    assert lib.last_changes.ids("licence") == set(ids) and lib.last_changes.operation != bulk.operation


def test_versions_imports_and_unlogged_lists(lib, city):
    lib.versions.save_version("2024年版")
    assert {VERSIONS, "licence", "power"} <= lib.last_changes.lists
    lib.lists.save_filter("licence", "市级", ListFilter(text="市"))
    assert lib.last_changes.lists == {SAVED_FILTERS}
    lib.imports.save_mapping_template("县里的表", "licence", "事项名称|主管部门", {"事项名称": "name"})
    assert lib.last_changes.lists == {MAPPING_TEMPLATES}
    lib.references.save_reference("省清单", [{"name": "食品经营许可"}])
    assert lib.last_changes.lists == {UPPER_LISTS}
    changes = ImportChanges(kind="department", file_name="部门.xlsx", file_sha256="0" * 64, sheet=None, mode="add",
                            inserts=[{"name": "汕尾市档案局"}], inserted=1)
    lib.imports.apply_import(changes)
    assert {IMPORTS, "department", "licence", "power"} <= lib.last_changes.lists
    assert lib.last_changes.ids("department") == {lib.records.find_department("汕尾市档案局")}


def test_every_kind_changes_at_least_the_lists_the_window_used_to_list_by_hand():
    by_hand = {  # the window's former AFFECTS table
        "licence": {"licence", "department"},
        "power": {"power", "department", "batch"},
        "delegation": {"power", "batch"},
        "department": {"department", "licence", "power"},
        "region": {"region", "department", "power"},
        "batch": {"batch", "power"},
    }
    for kind, lists in by_hand.items():
        assert lists <= lists_changed_by(kind), kind


def test_a_restored_backup_changes_every_list(tmp_path):
    # SQLite only: a server database is never replaced by a backup (test_backup checks the refusal)
    with Library(tmp_path / "清单.sqlite3", user="测试员") as lib:
        department = lib.records.create("department", {"name": "海丰县教育局"})
        copy = lib.backups.backup()
        lib.records.delete("department", department)
        lib.backups.restore(copy)
        assert lib.last_changes == EVERYTHING
