"""Opening databases: creation, PRAGMAs, migrations, and refusing what is not ours untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from lawgov_desktop.core import db, dialect, schema
from lawgov_desktop.core.backup import backup_folder
from lawgov_desktop.core.errors import DatabaseError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.location import ServerAddress
from lawgov_desktop.core.models import SQLModel
from lawgov_desktop.core.queries import ListFilter


def test_schema_head_matches_the_migrations() -> None:
    script = ScriptDirectory.from_config(schema.alembic_config(Path("unused")))
    assert script.get_current_head() == schema.SCHEMA_HEAD


def _schema_differences(url: str) -> list:
    """What the migrated schema at ``url`` has that the models lack, or the other way round."""
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "include_object": lambda obj, name, type_, reflected, compare_to: not (
                type_ == "table" and name.startswith(("licence_search", "power_search", "pinyin_token")))})
        differences = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    return differences


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    Library(path).close()
    assert _schema_differences(f"sqlite:///{path}") == []


def test_migrated_server_schema_matches_the_models(server_database: ServerAddress) -> None:
    """The same revision chain gives a PostgreSQL database the models' schema, text in byte order."""
    Library(server_database, user="测试员").close()
    assert _schema_differences(server_database.sqlalchemy_url()) == []
    from lawgov_desktop.core import postgres

    conn = postgres.connect(server_database)
    try:
        collations = {row[0] for row in conn.execute(
            "SELECT DISTINCT coalesce(collation_name, 'default') FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')")}
        assert collations == {"C"}
        assert conn.execute("SELECT pinyin_key('市发展和改革局') < pinyin_key('市交通运输局')").fetchone()[0]
        # the planner knows how few (version, parent) pairs a list has (migration 0010)
        assert {row[0] for row in conn.execute("SELECT stxname FROM pg_statistic_ext")} >= {
            "st_licence_item_list", "st_power_list"}
    finally:
        conn.close()


def test_server_pinyin_function_equals_sort_key(server_database: ServerAddress) -> None:
    """Columns without a stored key sort on the server by the SQL ``pinyin_key`` exactly as by
    ``sort_key`` in SQLite: the same key for Chinese, digits, Latin, full-width and symbols."""
    from lawgov_desktop.core import postgres
    from lawgov_desktop.core.collation import sort_key

    Library(server_database, user="测试员").close()
    texts = ["市发展和改革局", "ＡＢＣ１２３ 汕尾", "长安 银行", "《食品安全法》第三十五条", "", "Zz-9", "曾参"]
    conn = postgres.connect(server_database)
    try:
        for text in texts:
            assert conn.execute("SELECT pinyin_key(?)", (text,)).fetchone()[0] == sort_key(text), text
    finally:
        conn.close()


def test_new_database_has_reference_regions_and_pragmas(tmp_path: Path) -> None:
    lib = Library(tmp_path / "x.sqlite3")
    names = {row["name"]: row for row in lib.lists.query("region", limit=100).rows}
    assert names["汕尾市"]["code"] == "441500"
    assert names["红海湾经济开发试验区"]["code"] is None
    assert names["田墘街道"]["parent"] == "红海湾经济开发试验区"
    assert lib.records.find_region("红海湾开发区") == names["红海湾经济开发试验区"]["id"]
    assert lib.store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert lib.store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert lib.store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == dialect.BUSY_TIMEOUT_MS
    assert lib.created is True
    lib.close()


def test_location_from_env_url_and_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAWGOV_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("LAWGOV_DB", raising=False)
    assert db.resolve_location() == tmp_path / "data" / "lawgov.sqlite3"
    monkeypatch.setenv("LAWGOV_DB", str(tmp_path / "env.sqlite3"))
    assert db.resolve_location() == tmp_path / "env.sqlite3"
    assert db.resolve_location(f"sqlite:///{tmp_path}/url.sqlite3") == tmp_path / "url.sqlite3"
    assert db.resolve_location("postgresql://clerk@server:5433/lists") == ServerAddress(
        host="server", port=5433, database="lists", user="clerk")
    with pytest.raises(DatabaseError, match="不支持“mysql”"):
        db.resolve_location("mysql://server/lists")


def _refused_untouched(path: Path, match: str) -> None:
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match=match):
        Library(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "清单.xlsx"
    path.write_bytes(b"PK\x03\x04 not a database at all")
    _refused_untouched(path, "不是 LawGov 数据库")


def test_another_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('x')")
    conn.commit()
    conn.close()
    _refused_untouched(path, "不是 LawGov 数据库")
    assert not Path(str(path) + "-wal").exists()


def test_a_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    Library(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    _refused_untouched(path, "更新版本")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="文件夹"):
        Library(tmp_path)


def _old_database(path: Path, revision: str, power_id: int, *more_rows: str) -> None:
    """A database an older release left at schema ``revision``: 市林业局, 田墘街道, and power ``power_id``
    of 市林业局 handed to 田墘街道, then ``more_rows`` (INSERT statements in that revision's tables)."""
    from alembic import command

    command.upgrade(schema.alembic_config(path), revision)
    conn = sqlite3.connect(path)
    for statement in (
        "INSERT INTO department (name, created_at, updated_at) VALUES ('市林业局', 't', 't')",
        "INSERT INTO region (name, kind, position, created_at, updated_at) VALUES ('田墘街道', 'street', 1, 't', 't')",
        "INSERT INTO power (id, name, department_id, status, position, created_at, updated_at)"
        f" VALUES ({power_id}, '对擅自砍伐林木的处罚', 1, '有效', 1, 't', 't')",
        "INSERT INTO delegation (power_id, region_id, change_kind, created_at, updated_at)"
        f" VALUES ({power_id}, 1, '新增', 't', 't')",
        *more_rows,
    ):
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_an_older_database_is_backed_up_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _old_database(path, "0001", 1,
                  "INSERT INTO licence_item (part, department_id, name, status, position, created_at, updated_at)"
                  " VALUES ('central', 1, '林木采伐许可', '有效', 1, 't', 't')")
    assert schema.schema_revision(path) == "0001"

    with Library(path) as lib:
        assert schema.schema_revision(path) == schema.SCHEMA_HEAD
        assert [r["name"] for r in lib.lists.query("licence").rows] == ["林木采伐许可"]
        # rebuilding tables for AUTOINCREMENT (0004) must not cascade-delete the delegations
        assert [d["region"] for d in lib.records.delegations(1)] == ["田墘街道"]
        tables = "".join(r[0] for r in lib.store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'power'"))
        assert "AUTOINCREMENT" in tables
        lib.lists.save_filter("licence", "林业", ListFilter(text="林"))
        assert list(lib.lists.saved_filters("licence")) == ["林业"]
    backups = list(backup_folder(path).glob("*.sqlite3"))
    assert len(backups) == 1
    assert schema.schema_revision(backups[0]) == "0001"


def test_read_only_library_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    Library(path).close()
    with Library(path, read_only=True) as lib:
        assert lib.lists.query("region").total == 10
        with pytest.raises(DatabaseError, match="只读"):
            lib.records.create("department", {"name": "市林业局"})


def test_powers_gain_sub_items_and_the_responsibility_columns_keeping_their_rows(tmp_path: Path) -> None:
    """Migration 0005 rebuilds the power table: rows, ids, delegations and AUTOINCREMENT survive."""
    path = tmp_path / "old.sqlite3"
    _old_database(path, "0004", 7)
    with Library(path) as lib:
        assert [d["region"] for d in lib.records.delegations(7)] == ["田墘街道"]
        sql = lib.store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'power'").fetchone()[0]
        assert "AUTOINCREMENT" in sql
        with lib.store.transaction():
            lib.store.conn.execute("INSERT INTO power (parent_id, name, department_id, status, position, created_at,"
                             " updated_at, duties, extra_json) VALUES (7, '林木采伐', 1, '有效', 2, 't', 't', '受理',"
                             " '{}')")
            lib.store.conn.execute("DELETE FROM power WHERE id = 7")
        assert lib.store.conn.execute("SELECT count(*) FROM power").fetchone()[0] == 0  # sub-items go with their item
        assert lib.store.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'power'").fetchone()[0] == 8
