"""``lawgov server setup|grant|revoke|users``: what an office's administrator types, on a real
PostgreSQL server (the roles' row security itself is tested in tests/core/test_server_roles.py)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg
import pytest
from server import admin_address, admin_connection, drop_roles, fresh_database

from lawgov_desktop.core.location import ServerAddress

Runner = Callable[..., Any]  # the run_cli fixture of tests/cli/conftest.py


def admin_url(address: ServerAddress) -> str:
    """The address as the administrator types it (the test superuser's password inside)."""
    return f"postgresql://{address.user}:{address.password}@{address.host}:{address.port}/{address.database}"


@pytest.fixture
def prefix() -> Iterator[str]:
    """A role prefix of this test alone; its roles are dropped after the test's database."""
    name = f"lgc{uuid.uuid4().hex[:8]}"
    try:
        yield name
    finally:
        drop_roles(name)


@pytest.fixture
def new_database(prefix: str) -> Iterator[ServerAddress]:
    """The address of a database that does not exist yet (dropped afterwards, before the roles)."""
    address = replace(admin_address(), database=f"lawgov_t_{uuid.uuid4().hex[:12]}")
    try:
        yield address
    finally:
        with admin_connection() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{address.database}" WITH (FORCE)')


@pytest.fixture
def set_up(prefix: str, run_cli: Runner) -> Iterator[ServerAddress]:
    """A database after ``lawgov server setup``."""
    with fresh_database() as address:
        assert run_cli("server", "setup", "--role-prefix", prefix, "--db", admin_url(address)).code == 0
        yield address


def test_setup_creates_the_database_and_can_run_again(new_database: ServerAddress, prefix: str,
                                                      run_cli: Runner) -> None:
    url = admin_url(new_database)
    first = run_cli("server", "setup", "--create-database", "--role-prefix", prefix, db=url)
    assert first.code == 0, first.err
    assert f"已创建数据库“{new_database.database}”" in first.out
    assert "数据库结构已建立（含行政区划）" in first.out
    assert f"{prefix}_admin（管理员）、{prefix}_editor（编辑）、{prefix}_reader（只读）" in first.out
    assert "lawgov server grant 用户名 --role editor --region 辖区 --password-prompt" in first.out
    with psycopg.connect(**new_database.connect_arguments()) as conn:
        assert conn.execute("SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = %s",
                            (new_database.database,)).fetchone()[0] == "UTF8"
        assert conn.execute("SELECT count(*) FROM region").fetchone()[0] > 0

    again = run_cli("server", "setup", "--create-database", "--role-prefix", prefix, db=url)
    assert again.code == 0, again.err
    assert f"已有数据库“{new_database.database}”" in again.out and "数据库结构是最新的" in again.out


def test_an_administrator_without_superuser_rights_sets_the_office_up(new_database: ServerAddress, prefix: str,
                                                                      run_cli: Runner) -> None:
    """What the README tells an office: a login that may create databases and roles (not the
    server's superuser) creates the database, sets it up and adds a clerk."""
    chief = replace(new_database, user=f"{prefix}_chief", password="chief-pw")
    with admin_connection() as conn:
        conn.execute(f"CREATE ROLE \"{chief.user}\" LOGIN CREATEDB CREATEROLE PASSWORD 'chief-pw'")
    setup = run_cli("server", "setup", "--create-database", "--role-prefix", prefix, db=admin_url(chief))
    assert setup.code == 0, setup.err
    granted = run_cli("server", "grant", f"{prefix}_clerk", "--role", "editor", "--region", "海丰县", db=admin_url(chief))
    assert granted.code == 0, granted.err
    assert "未设置密码：请重新运行并加 --password-prompt" in granted.out
    with psycopg.connect(**chief.connect_arguments()) as conn:
        assert conn.execute("SELECT tableowner FROM pg_tables WHERE tablename = 'licence_item'").fetchone()[0] == \
            f"{prefix}_admin"
        conn.execute("INSERT INTO region (name, kind, parent_id, position, created_at, updated_at)"
                     " VALUES ('新区', 'district', NULL, 99, '2026-01-01', '2026-01-01')")  # an admin: reference data


def test_grant_with_a_typed_password_then_the_clerk_logs_in(set_up: ServerAddress, prefix: str, run_cli: Runner,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    typed = iter(["县里的密码", "县里的密码"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    user = f"{prefix}_zhang"
    granted = run_cli("server", "grant", user, "--role", "editor", "--region", "海丰县", "--region", "陆河",
                      "--password-prompt", "--db", admin_url(set_up))
    assert granted.code == 0, granted.err
    assert f"已新建登录账号“{user}”：编辑，辖区：海丰县、陆河。" in granted.out
    assert f"lawgov --db postgresql://{user}@{set_up.host}:{set_up.port}/{set_up.database}" in granted.out
    with psycopg.connect(**replace(set_up, user=user, password="县里的密码").connect_arguments()) as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == user

    listed = run_cli("--db", admin_url(set_up), "server", "users")  # --db before the command works too
    assert listed.code == 0, listed.err
    assert user in listed.out and "海丰县、陆河县" in listed.out and "共 1 个用户" in listed.out
    as_json = json.loads(run_cli("server", "users", "--json", db=admin_url(set_up)).out)
    assert as_json == [{"user": user, "role": "editor", "regions": ["海丰县", "陆河县"], "login": True}]

    reader = run_cli("server", "grant", user, "--role", "reader", db=admin_url(set_up))
    assert reader.code == 0 and f"用户“{user}”：只读。" in reader.out
    assert "未设置密码" not in reader.out, "an existing login keeps its password"
    revoked = run_cli("server", "revoke", user, db=admin_url(set_up))
    assert revoked.code == 0 and "登录账号保留" in revoked.out
    assert "共 0 个用户" in run_cli("server", "users", db=admin_url(set_up)).out


def test_grant_refusals_change_nothing(set_up: ServerAddress, prefix: str, run_cli: Runner,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    url = admin_url(set_up)
    user = f"{prefix}_li"
    typed = iter(["一", "二"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    mistyped = run_cli("server", "grant", user, "--role", "editor", "--region", "海丰县", "--password-prompt", db=url)
    assert (mistyped.code, mistyped.err.strip()) == (2, "用法错误：两次输入的密码不一致，未作任何改动。")
    no_region = run_cli("server", "grant", user, "--role", "editor", db=url)
    assert (no_region.code, no_region.err.strip()) == (2, "辖区：编辑须指定至少一个辖区。")
    unknown = run_cli("server", "grant", user, "--role", "editor", "--region", "火星县", db=url)
    assert unknown.code == 1 and "没有名为“火星县”的行政区划" in unknown.err
    wrong_role = run_cli("server", "grant", user, "--role", "boss", db=url)
    assert wrong_role.code == 2 and "“boss”无效" in wrong_role.err
    with psycopg.connect(**set_up.connect_arguments()) as conn:
        assert conn.execute("SELECT count(*) FROM pg_roles WHERE rolname = %s", (user,)).fetchone()[0] == 0
    assert "共 0 个用户" in run_cli("server", "users", db=url).out


def test_server_commands_need_a_server_database(run_cli: Runner, blank_db: Path, server_database: ServerAddress) -> None:
    on_file = run_cli("server", "users", db=blank_db)
    assert on_file.code == 2 and "lawgov server 只用于服务器数据库" in on_file.err
    before_setup = run_cli("server", "users", db=admin_url(server_database))
    assert before_setup.code == 1 and "尚未设置角色，请先运行 lawgov server setup" in before_setup.err
