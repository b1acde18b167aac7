"""Who may do what on a server database is decided by the server (issue 15 item 5): an administrator
sets the roles up, a county's editor changes the county's records only — refused by PostgreSQL
itself, whether the clerk uses psql or the program — and a reader writes nothing.

Every test runs on its own database with roles of its own prefix (roles are the whole server's,
so several test runs on one server never meet), dropped afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import psycopg
import pytest
from server import drop_roles, fresh_database

from lawgov_desktop.core.errors import DatabaseError, ValidationError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.location import ServerAddress
from lawgov_desktop.core.postgres import explain_database_error
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.core.server_admin import ServerAdmin
from lawgov_desktop.importers.plan import import_file

REFUSED = "您没有修改这条记录的权限（服务器只允许您修改本辖区的记录），数据未作任何改动。"
NOT_ALLOWED = "您的数据库账号无权做这项修改"


@dataclass
class Office:
    """A database set up with roles: a 海丰县 editor, a reader, and records of two counties."""

    admin: ServerAddress  # the server's superuser, who ran setup
    prefix: str
    editor: ServerAddress
    reader: ServerAddress
    ids: dict[str, int]


@pytest.fixture
def office() -> Iterator[Office]:
    prefix = f"lgt{uuid.uuid4().hex[:8]}"
    try:
        with fresh_database() as address:
            with Library(address, user="管理员") as library:
                create = library.records.create
                create("region", {"name": "海城镇", "kind": "town", "parent": "海丰县"})
                create("region", {"name": "河田镇", "kind": "town", "parent": "陆河县"})
                ids = {
                    "haifeng_department": create("department", {"name": "海丰县市场监督管理局", "region": "海丰县"}),
                    "luhe_department": create("department", {"name": "陆河县市场监督管理局", "region": "陆河县"}),
                    "city_department": create("department", {"name": "汕尾市市场监督管理局", "region": "汕尾市"}),
                }
                ids["haifeng_item"] = create("licence", {"name": "食品经营许可", "part": "central",
                                                         "department_id": ids["haifeng_department"]})
                ids["luhe_item"] = create("licence", {"name": "药品零售许可", "part": "central",
                                                      "department_id": ids["luhe_department"]})
                ids["haifeng_power"] = create("power", {"code": "H001", "name": "对无证经营的处罚",
                                                        "power_type": "行政处罚",
                                                        "department_id": ids["haifeng_department"]})
                ids["luhe_power"] = create("power", {"code": "L001", "name": "对违法广告的处罚",
                                                     "power_type": "行政处罚", "department_id": ids["luhe_department"]})
                ids["haifeng_delegation"] = create("delegation", {"power": "H001", "region": "海城镇"})
                ids["luhe_delegation"] = create("delegation", {"power": "L001", "region": "河田镇"})
            with ServerAdmin(address) as admin:
                admin.setup(prefix)
                admin.grant(f"{prefix}_haifeng", "editor", ["海丰县"], password="haifeng-pw")
                admin.grant(f"{prefix}_viewer", "reader", password="viewer-pw")
            yield Office(address, prefix, login(address, f"{prefix}_haifeng", "haifeng-pw"),
                         login(address, f"{prefix}_viewer", "viewer-pw"), ids)
    finally:
        drop_roles(prefix)


def login(address: ServerAddress, user: str, password: str) -> ServerAddress:
    return replace(address, user=user, password=password)


def psql(address: ServerAddress, statement: str) -> subprocess.CompletedProcess[str]:
    """Run one statement with the psql client as the address's user (the password from PGPASSWORD)."""
    program = shutil.which("psql")
    if program is None:
        if os.environ.get("CI"):
            pytest.fail("psql is required in CI")
        pytest.skip("no psql client")
    env = {**os.environ, "PGPASSWORD": address.password or "", "PGCONNECT_TIMEOUT": "10"}
    return subprocess.run([program, "-X", "-At", "-v", "ON_ERROR_STOP=1", "-h", address.host, "-p", str(address.port),
                           "-U", address.user or "", "-d", address.database, "-c", statement],
                          capture_output=True, text=True, env=env, timeout=60, check=False)


def admin_value(office: Office, statement: str, *params: object) -> object:
    with psycopg.connect(**office.admin.connect_arguments()) as conn:
        return conn.execute(statement, params).fetchone()[0]


def test_psql_county_editor_cannot_change_another_countys_record(office: Office) -> None:
    ids = office.ids
    refused = psql(office.editor, f"UPDATE licence_item SET name = '改名' WHERE id = {ids['luhe_item']}")
    assert refused.returncode != 0
    assert "row-level security" in refused.stderr
    assert admin_value(office, "SELECT name FROM licence_item WHERE id = %s", ids["luhe_item"]) == "药品零售许可"

    deleted = psql(office.editor, f"DELETE FROM power WHERE id = {ids['luhe_power']}")
    assert deleted.returncode != 0 and "row-level security" in deleted.stderr
    inserted = psql(office.editor, "INSERT INTO licence_item (name, department_id, part, status)"
                                   f" VALUES ('新事项', {ids['luhe_department']}, 'central', '有效')")
    assert inserted.returncode != 0 and "violates row-level security policy" in inserted.stderr
    moved = psql(office.editor, f"UPDATE licence_item SET department_id = {ids['luhe_department']}"
                                f" WHERE id = {ids['haifeng_item']}")
    assert moved.returncode != 0 and "violates row-level security policy" in moved.stderr
    city = psql(office.editor, f"UPDATE department SET remark = 'x' WHERE id = {ids['city_department']}")
    assert city.returncode != 0, "the city is above the county: not the county editor's"

    # a temporary table comes first in a session's search path: a forged grant there changes nothing
    forged = psql(office.editor, "CREATE TEMP TABLE lawgov_grant AS SELECT current_user::text AS role_name,"
                                 " id AS region_id FROM region;"
                                 " CREATE TEMP TABLE region AS SELECT id, NULL::integer AS parent_id FROM public.region;"
                                 f" UPDATE licence_item SET name = '改名' WHERE id = {ids['luhe_item']}")
    assert forged.returncode != 0 and "row-level security" in forged.stderr

    own = psql(office.editor, f"UPDATE licence_item SET name = '食品经营许可（改）' WHERE id = {ids['haifeng_item']}")
    assert own.returncode == 0, own.stderr
    assert "UPDATE 1" in own.stdout
    assert admin_value(office, "SELECT count(*) FROM licence_item WHERE department_id = %s",
                       ids["luhe_department"]) == 1


def test_library_editor_keeps_working_within_the_county_and_is_told_when_refused(office: Office) -> None:
    ids = office.ids
    with Library(office.editor) as library:
        assert library.user == f"{office.prefix}_haifeng"
        new_item = library.records.create("licence", {"name": "小餐饮登记", "part": "central",
                                                      "department_id": ids["haifeng_department"]})
        library.records.update("licence", ids["haifeng_item"], {"remark": "县里核对过"})
        library.records.create("department", {"name": "海丰县海城镇人民政府", "region": "海城镇"})
        library.history.revert_operation(library.history.last_operation())
        assert {row["user"] for row in library.history.change_log().rows} == {f"{office.prefix}_haifeng", "管理员"}
        library.lists.save_filter("licence", "本县", ListFilter(department_ids=(ids["haifeng_department"],)))
        assert [row["id"] for row in library.lists.query("licence", ListFilter(text="小餐饮")).rows] == [new_item]
        assert library.records.bulk_update("licence", [ids["haifeng_item"], new_item], {"remark": "批量"}) == 2

        log_size = admin_value(office, "SELECT count(*) FROM change_log")
        for attempt in (lambda: library.records.update("licence", ids["luhe_item"], {"name": "改名"}),
                        lambda: library.records.delete("licence", ids["luhe_item"]),
                        lambda: library.records.update("licence", new_item,
                                                       {"department_id": ids["luhe_department"]}),
                        lambda: library.records.create("licence", {"name": "越权事项", "part": "central",
                                                                   "department_id": ids["luhe_department"]}),
                        lambda: library.records.bulk_update("licence", [new_item, ids["luhe_item"]],
                                                            {"remark": "一并改"})):
            with pytest.raises(psycopg.errors.InsufficientPrivilege) as refusal:
                attempt()
            assert explain_database_error(refusal.value) == REFUSED
        assert admin_value(office, "SELECT count(*) FROM change_log") == log_size
        assert library.records.get("licence", ids["luhe_item"])["name"] == "药品零售许可"
        assert library.records.get("licence", new_item)["department_id"] == ids["haifeng_department"]
        assert library.records.get("licence", new_item)["remark"] == "批量", "the refused bulk change left it"


def test_a_region_covers_its_towns_and_a_delegation_follows_its_township(office: Office) -> None:
    ids = office.ids
    with Library(office.editor) as library:
        town = library.records.create("region", {"name": "梅陇镇", "kind": "town", "parent": "海丰县"})
        department = library.records.create("department", {"name": "梅陇镇人民政府", "region_id": town,
                                                           "aliases": ["梅陇镇政府"]})
        library.records.delete("department", department)  # its alias goes with it
        spare = library.records.create("region", {"name": "赤坑镇", "kind": "town", "parent": "海丰县",
                                                  "aliases": ["赤坑"]})
        library.records.delete("region", spare)
        library.records.update("delegation", ids["haifeng_delegation"], {"scope": "全镇"})
        library.records.create("delegation", {"power_id": ids["haifeng_power"], "region": "梅陇镇"})
        for attempt in (lambda: library.records.update("region", library.records.find_region("海丰县"),
                                                       {"remark": "县本身归市里管"}),
                        lambda: library.records.update("delegation", ids["luhe_delegation"], {"scope": "全镇"}),
                        lambda: library.records.create("delegation", {"power_id": ids["haifeng_power"],
                                                                      "region": "河田镇"}),
                        lambda: library.records.create("region", {"name": "新港镇", "kind": "town",
                                                                  "parent": "陆河县"})):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                attempt()


def test_reader_reads_everything_and_writes_nothing(office: Office) -> None:
    with Library(office.reader) as library:
        assert library.records.get("licence", office.ids["luhe_item"])["name"] == "药品零售许可"
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as refusal:
            library.records.update("licence", office.ids["luhe_item"], {"remark": "看看"})
        assert explain_database_error(refusal.value).startswith(NOT_ALLOWED)
    refused = psql(office.reader, "INSERT INTO saved_filter (kind, name, filter_json, created_at)"
                                  " VALUES ('licence', 'x', '{}', '2026-01-01')")
    assert refused.returncode != 0 and "permission denied" in refused.stderr
    assert psql(office.reader, "SELECT count(*) FROM licence_item").stdout.strip() == "2"


def test_the_change_log_is_signed_by_the_login_and_version_ids_are_the_admins(office: Office) -> None:
    forged = psql(office.editor, "INSERT INTO change_log (at, \"user\", action, entity, summary, operation)"
                                 " VALUES ('2026-01-01', '管理员', 'update', 'licence', '冒名', 'x')")
    assert forged.returncode != 0 and "violates row-level security policy" in forged.stderr
    rewritten = psql(office.editor, "UPDATE change_log SET summary = '改写历史'")
    assert rewritten.returncode != 0 and "permission denied" in rewritten.stderr
    moved = psql(office.editor, "SELECT setval('list_version_id_seq', 1000)")  # versions are the admins'
    assert moved.returncode != 0 and "permission denied" in moved.stderr
    assert psql(office.editor, "SELECT setval('licence_item_id_seq', 1000)").returncode == 0  # as an import does


def test_admin_logins_change_everything(office: Office) -> None:
    with ServerAdmin(office.admin) as admin:
        admin.grant(f"{office.prefix}_chief", "admin", password="chief-pw")
    with Library(login(office.admin, f"{office.prefix}_chief", "chief-pw")) as library:
        library.records.update("licence", office.ids["luhe_item"], {"remark": "市里改的"})
        library.records.update("region", library.records.find_region("海丰县"), {"remark": "县"})
        library.versions.save_version("2026年版")
    assert admin_value(office, "SELECT remark FROM licence_item WHERE id = %s", office.ids["luhe_item"]) == "市里改的"
    version = "INSERT INTO list_version (name, created_at, created_by) VALUES ('2027年版', '2027-01-01', '县局')"
    assert "permission denied" in psql(office.editor, version).stderr, "versions are the administrators'"


def test_users_grant_and_revoke(office: Office) -> None:
    prefix = office.prefix
    with ServerAdmin(office.admin) as admin:
        assert [(u.name, u.role, u.regions, u.can_login) for u in admin.users()] == [
            (f"{prefix}_haifeng", "editor", ("海丰县",), True), (f"{prefix}_viewer", "reader", (), True)]
        assert admin.grant(f"{prefix}_viewer", "editor", ["陆河", "海丰县"]) is False  # by alias too
        assert admin.users()[1].regions == ("海丰县", "陆河县")
        with pytest.raises(ValidationError):
            admin.grant(f"{prefix}_x", "editor")
        with pytest.raises(ValidationError):
            admin.grant(f"{prefix}_x", "reader", ["海丰县"])
        admin.revoke(f"{prefix}_haifeng")
        assert [u.name for u in admin.users()] == [f"{prefix}_viewer"]
    refused = psql(office.editor, f"UPDATE licence_item SET remark = 'x' WHERE id = {office.ids['haifeng_item']}")
    assert refused.returncode != 0, "a revoked editor changes nothing"
    with ServerAdmin(office.reader) as reader, pytest.raises(DatabaseError, match="无权管理这个数据库的用户和权限"):
        reader.grant(f"{prefix}_viewer", "admin")


def test_setup_again_after_a_migration_gives_new_tables_their_rights(office: Office) -> None:
    with psycopg.connect(**office.admin.connect_arguments(), autocommit=True) as conn:
        conn.execute("CREATE TABLE later_table (id integer PRIMARY KEY)")  # as a newer program's migration would
    assert psql(office.reader, "SELECT count(*) FROM later_table").returncode == 0
    with ServerAdmin(office.admin) as admin:
        admin.setup(office.prefix)
        with pytest.raises(DatabaseError):
            admin.setup("other")
    assert admin_value(office, "SELECT tableowner FROM pg_tables WHERE tablename = 'later_table'") == \
        f"{office.prefix}_admin"
    own = psql(office.editor, f"UPDATE licence_item SET remark = '再次设置后' WHERE id = {office.ids['haifeng_item']}")
    assert own.returncode == 0, own.stderr


def test_an_editor_imports_the_countys_workbook_and_undoes_it(office: Office, tmp_path: Path) -> None:
    own, other = tmp_path / "海丰县.csv", tmp_path / "陆河县.csv"
    own.write_text("序号,事项名称,主管部门,行使层级\n1,小作坊登记,海丰县市场监督管理局,县级\n"
                   "2,林木采伐许可,海丰县林业局,县级\n", encoding="utf-8")
    other.write_text("序号,事项名称,主管部门,行使层级\n1,药店登记,陆河县市场监督管理局,县级\n", encoding="utf-8")
    with Library(office.editor) as library:
        result = import_file(library, own)  # a new department of the county's comes with it
        assert result.inserted == 2
        imports = admin_value(office, "SELECT count(*) FROM import_record")
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as refusal:
            import_file(library, other)
        assert explain_database_error(refusal.value) == REFUSED
        assert admin_value(office, "SELECT count(*) FROM import_record") == imports
        assert library.imports.undo_import(result.import_id)["removed"] == 2
    assert admin_value(office, "SELECT count(*) FROM licence_item") == 2


def test_a_clerk_on_an_older_schema_is_told_the_administrator_must_upgrade(office: Office) -> None:
    """A clerk's newer program cannot migrate a database it does not own: one message says who can."""
    from lawgov_desktop.core import postgres
    from lawgov_desktop.core.schema import SCHEMA_HEAD, known_revisions

    older = max(revision for revision in known_revisions() if revision < SCHEMA_HEAD)
    conn = postgres.connect(office.admin)
    try:
        conn.execute("UPDATE alembic_version SET version_num = ?", (older,))
        with pytest.raises(DatabaseError, match="须由管理员用新版程序运行 lawgov server setup"):
            Library(office.editor)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == older
    finally:
        conn.close()
