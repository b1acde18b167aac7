"""Lists sort Chinese names in pinyin order, as Excel and WPS do, from stored sort keys: every write
keeps a name's key current (create, edit, undo, restore, import, merge), and migration 0006 fills
the keys of a database made before them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from lawgov_desktop.core import schema
from lawgov_desktop.core.collation import sort_key
from lawgov_desktop.core.imports import ImportChanges
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter

# As a clerk typed them in; by code point 市交通运输局 comes first and 市发展和改革局 last.
DEPARTMENTS = ("市交通运输局", "市住房和城乡建设局", "市农业农村局", "市卫生健康局", "市发展和改革局")
PINYIN_ORDER = ["市发展和改革局", "市交通运输局", "市农业农村局", "市卫生健康局", "市住房和城乡建设局"]


def _stored_key(lib: Library, table: str, record_id: int) -> str:
    return lib.store.conn.execute(f"SELECT name_sort FROM {table} WHERE id = ?", (record_id,)).fetchone()[0]


def test_lists_sort_departments_and_names_in_pinyin_order(lib: Library) -> None:
    for department in DEPARTMENTS:
        lib.records.create("department", {"name": department})
        lib.records.create("licence", {"name": f"{department}的许可", "department": department})
        lib.records.create("power", {"name": f"{department}的处罚", "department": department})
    assert sorted(DEPARTMENTS) != PINYIN_ORDER  # code point order is not what a clerk expects
    names = [row["name"] for row in lib.lists.query("department", sort="name", limit=10).rows]
    assert names == PINYIN_ORDER
    descending = [row["name"] for row in lib.lists.query("department", sort="name", descending=True).rows]
    assert descending == PINYIN_ORDER[::-1]
    for kind in ("licence", "power"):
        by_department = [row["department"] for row in lib.lists.query(kind, sort="department").rows]
        assert by_department == PINYIN_ORDER, kind
        by_name = [row["name"] for row in lib.lists.query(kind, sort="name").rows]
        assert by_name == sorted(by_name, key=sort_key) and by_name[0].startswith("市发展和改革局"), kind
    # the list's own order (as published) stays the default
    assert [row["department"] for row in lib.lists.query("licence").rows] == list(DEPARTMENTS)


def test_texts_without_a_stored_key_sort_in_pinyin_order_too(lib: Library) -> None:
    department = lib.records.create("department", {"name": "市发展和改革局"})
    for authority in DEPARTMENTS:
        lib.records.create("licence", {"name": f"{authority}审批", "department_id": department,
                                       "implementing_authority": authority})
    rows = lib.lists.query("licence", ListFilter(), sort="implementing_authority").rows
    assert [row["implementing_authority"] for row in rows] == PINYIN_ORDER


def test_the_first_page_sorted_by_name_reads_an_index(lib: Library) -> None:
    query = ("SELECT li.id FROM licence_item li JOIN department d ON d.id = li.department_id"
             " WHERE li.version_id IS NULL AND li.parent_id IS NULL ORDER BY li.name_sort, li.id LIMIT 50")
    if lib.store.dialect.name == "sqlite":
        plan = " ".join(str(row[-1]) for row in lib.store.conn.execute("EXPLAIN QUERY PLAN " + query))
        assert "ix_licence_item_name_sort" in plan and "TEMP B-TREE" not in plan
    else:  # the planner reads a test's tiny table whole; the index must be there for the big ones
        definition = lib.store.conn.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_licence_item_name_sort'").fetchone()[0]
        assert "(version_id, parent_id, name_sort)" in definition


def test_editing_a_name_updates_its_key_and_undo_restores_it(lib: Library) -> None:
    department = lib.records.create("department", {"name": "市交通运输局"})
    item = lib.records.create("licence", {"name": "道路运输经营许可", "department_id": department})
    assert _stored_key(lib, "licence_item", item) == sort_key("道路运输经营许可")
    lib.records.update("licence", item, {"name": "出租汽车经营许可"})
    renamed_item = lib.history.last_operation()
    assert _stored_key(lib, "licence_item", item) == sort_key("出租汽车经营许可")
    lib.records.update("department", department, {"name": "市住房和城乡建设局"})
    renamed_department = lib.history.last_operation()
    assert _stored_key(lib, "department", department) == sort_key("市住房和城乡建设局")
    # the key is derived, never part of the record a clerk sees or the history compares
    assert "name_sort" not in lib.records.get("licence", item)
    assert all("name_sort" not in (entry["after_json"] or "") for entry in lib.history.change_log().rows)
    lib.history.revert_operation(renamed_department)
    assert _stored_key(lib, "department", department) == sort_key("市交通运输局")
    lib.history.revert_operation(renamed_item)
    assert _stored_key(lib, "licence_item", item) == sort_key("道路运输经营许可")


def test_a_deleted_record_restored_by_undo_gets_its_keys(lib: Library) -> None:
    department = lib.records.create("department", {"name": "市农业农村局"})
    item = lib.records.create("licence", {"name": "农药经营许可", "department_id": department})
    sub_item = lib.records.create("licence", {"name": "农药经营许可（限制使用）", "parent_id": item})
    lib.records.delete("licence", item)
    lib.history.revert_operation(lib.history.last_operation())
    assert _stored_key(lib, "licence_item", item) == sort_key("农药经营许可")
    assert _stored_key(lib, "licence_item", sub_item) == sort_key("农药经营许可（限制使用）")


def test_imports_write_the_keys_of_new_and_updated_rows(lib: Library) -> None:
    department = lib.records.create("department", {"name": "市卫生健康局"})
    changes = ImportChanges(kind="licence", file_name="清单.xlsx", file_sha256="0" * 64, sheet=None, mode="merge",
                            inserts=[{"name": "医疗机构执业登记", "department_id": department, "part": "central",
                                      "sub_items": [{"name": "医疗机构变更登记"}]}], inserted=1)
    lib.imports.apply_import(changes)
    rows = {row["name"]: row for row in lib.imports.rows_for_matching("licence")}
    for name, row in rows.items():
        assert row["name_sort"] == sort_key(name)
    main = rows["医疗机构执业登记"]["id"]
    lib.imports.apply_import(ImportChanges(kind="licence", file_name="清单2.xlsx", file_sha256="1" * 64, sheet=None,
                                           mode="merge", updates=[(main, {"name": "放射诊疗许可"})], updated=1))
    assert _stored_key(lib, "licence_item", main) == sort_key("放射诊疗许可")
    lib.imports.apply_import(ImportChanges(kind="department", file_name="部门.xlsx", file_sha256="2" * 64,
                                           sheet=None, mode="add", inserts=[{"name": "市发展和改革局"}], inserted=1))
    assert [row["name"] for row in lib.lists.query("department", sort="name").rows] == ["市发展和改革局", "市卫生健康局"]


def test_the_shipped_regions_and_saved_versions_have_keys(lib: Library) -> None:
    regions = lib.store.conn.execute("SELECT name, name_sort FROM region").fetchall()
    assert regions and all(key == sort_key(name) for name, key in regions)
    department = lib.records.create("department", {"name": "市交通运输局"})
    lib.records.create("licence", {"name": "道路运输经营许可", "department_id": department})
    version = lib.versions.save_version("2024年版")
    copied = lib.store.conn.execute("SELECT name_sort FROM licence_item WHERE version_id = ?", (version,)).fetchone()
    assert copied[0] == sort_key("道路运输经营许可")


def test_migration_fills_the_keys_of_a_database_made_before_them(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    from alembic import command

    command.upgrade(schema.alembic_config(path), "0005")
    conn = sqlite3.connect(path)
    for number, name in enumerate(DEPARTMENTS, start=1):
        conn.execute("INSERT INTO department (id, name, created_at, updated_at) VALUES (?, ?, 't', 't')",
                     (number, name))
        conn.execute("INSERT INTO licence_item (name, department_id, part, status, position, created_at, updated_at)"
                     " VALUES (?, ?, 'central', '有效', ?, 't', 't')", (f"{name}许可", number, number))
        conn.execute("INSERT INTO power (name, department_id, status, position, created_at, updated_at)"
                     " VALUES (?, ?, '有效', ?, 't', 't')", (f"{name}处罚", number, number))
    conn.execute("INSERT INTO batch (name, position, created_at, updated_at) VALUES ('第一批', 1, 't', 't')")
    conn.execute("INSERT INTO region (name, kind, position, created_at, updated_at) VALUES ('东洲街道', 'street', 1,"
                 " 't', 't')")
    conn.commit()
    conn.close()
    with Library(path) as lib:
        assert schema.schema_revision(path) == schema.SCHEMA_HEAD
        for table in ("department", "licence_item", "power", "batch", "region"):
            rows = lib.store.conn.execute(f"SELECT name, name_sort FROM {table}").fetchall()
            assert rows and all(key == sort_key(name) for name, key in rows), table
        assert [row["name"] for row in lib.lists.query("department", sort="name").rows] == PINYIN_ORDER
        assert [row["department"] for row in lib.lists.query("power", sort="department").rows] == PINYIN_ORDER


def test_statistics_rank_departments_with_equal_counts_in_pinyin_order(lib: Library) -> None:
    for department in DEPARTMENTS:
        lib.records.create("department", {"name": department})
        lib.records.create("licence", {"name": f"{department}许可", "department": department})
        lib.records.create("power", {"name": f"{department}处罚", "department": department})
    figures = lib.stats.compute()
    assert list(figures["licence_items"]["by_department"]) == PINYIN_ORDER
    assert list(figures["powers"]["by_department"]) == PINYIN_ORDER


def test_a_merge_and_its_undo_keep_the_keys(lib: Library) -> None:
    keep = lib.records.create("department", {"name": "市发展和改革局"})
    absorb = lib.records.create("department", {"name": "市物价局"})
    lib.records.create("licence", {"name": "价格认定", "department_id": absorb})
    lib.records.merge_departments(keep, absorb)
    assert [row["department"] for row in lib.lists.query("licence", sort="department").rows] == ["市发展和改革局"]
    lib.history.revert_operation(lib.history.last_operation())
    assert _stored_key(lib, "department", absorb) == sort_key("市物价局")
    assert [row["name"] for row in lib.lists.query("department", sort="name").rows] == ["市发展和改革局", "市物价局"]
