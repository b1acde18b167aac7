"""Faults of a shared database each get one clear message and lose nothing: a wrong password, an
unreachable server, a schema newer than the program, and the server stopped (immediate shutdown)
in the middle of an import, which leaves the import wholly undone."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from server import admin_address, admin_connection, fresh_database

from lawgov_desktop.core import postgres
from lawgov_desktop.core.errors import DatabaseError
from lawgov_desktop.core.imports import ImportChanges
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.location import ServerAddress


def test_a_wrong_password_is_named_as_such(server_database: ServerAddress,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    role = f"lawgov_clerk_{uuid.uuid4().hex[:8]}"
    with admin_connection() as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'right-one'")
    try:
        wrong = ServerAddress(**{**server_database.__dict__, "user": role, "password": "wrong-one"})
        with pytest.raises(DatabaseError, match="密码不正确"):
            Library(wrong)
        right = ServerAddress(**{**server_database.__dict__, "user": role, "password": "right-one"})
        conn = postgres.connect(right)  # the same role gets in with the right one
        conn.close()
    finally:
        with admin_connection() as conn:
            conn.execute(f"DROP ROLE {role}")


def test_an_unreachable_server_is_named_as_such() -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DatabaseError, match=f"无法连接数据库服务器 127.0.0.1:{port}"):
        Library(ServerAddress(host="127.0.0.1", port=port, database="lawgov", user="nobody"))


def test_a_schema_newer_than_the_program_is_refused_untouched(server_database: ServerAddress) -> None:
    Library(server_database, user="测试员").close()
    conn = postgres.connect(server_database)
    try:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
        with pytest.raises(DatabaseError, match="更新版本的 LawGov"):
            Library(server_database, user="测试员")
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999"
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == tables
    finally:
        conn.close()


def test_a_database_of_another_program_is_refused_untouched() -> None:
    """A database holding other tables (not ours) is never migrated into."""
    with fresh_database() as other:
        conn = postgres.connect(other)
        try:
            conn.execute("DROP TABLE lawgov_meta CASCADE")
            with pytest.raises(DatabaseError, match="不是 LawGov 数据库"):
                Library(other, user="测试员")
        finally:
            conn.close()


# -- the server stopped during an import ---------------------------------------------------------

def _binaries() -> Path:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not versions:
        pytest.fail("PostgreSQL's server programs are not installed (CI installs the postgresql package)")
    return versions[-1].parent


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the postgres user then."""
    if os.getuid() != 0:
        return command
    return ["su", "postgres", "-c", " ".join(f"'{part}'" for part in command)]


@contextmanager
def private_server() -> Iterator[tuple[ServerAddress, list[str], list[str]]]:
    """A server of this test's own (so stopping it disturbs no other test): its address and the
    commands that start it and stop it at once (``pg_ctl stop -m immediate``, as a crash would).
    Its folder is outside pytest's (which only root may enter) so the postgres user can use it."""
    folder = Path(tempfile.mkdtemp(prefix="lawgov-cluster-"))
    if os.getuid() == 0:
        shutil.chown(folder, "postgres")
    binaries = _binaries()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subprocess.run(_as_server_user([str(binaries / "initdb"), "-D", str(folder / "data"), "-U", "lawgov",
                                    "--auth=trust", "-E", "UTF8", "--no-sync"]),
                   check=True, capture_output=True)
    start = _as_server_user([str(binaries / "pg_ctl"), "-D", str(folder / "data"), "-w", "-l",
                             str(folder / "log"), "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1",
                             "start"])
    stop = _as_server_user([str(binaries / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "-w", "stop"])
    subprocess.run(start, check=True, capture_output=True)
    try:
        admin = ServerAddress(host="127.0.0.1", port=port, database="postgres", user="lawgov")
        conn = postgres.connect(admin)
        conn.execute("CREATE DATABASE lists")
        conn.close()
        yield ServerAddress(host="127.0.0.1", port=port, database="lists", user="lawgov"), start, stop
    finally:
        subprocess.run(stop, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


class _StopTheServer:
    """An import's task that stops the server once the import has begun writing rows."""

    def __init__(self, stop: list[str]) -> None:
        self.stop = stop
        self.stopped_at: str | None = None

    def report(self, done: int, total: int, text: str) -> None:
        if done >= 2 and self.stopped_at is None:
            self.stopped_at = text
            subprocess.run(self.stop, check=True, capture_output=True)

    @property
    def cancelled(self) -> bool:
        return False


def test_the_server_stopped_during_an_import_leaves_it_undone() -> None:
    with private_server() as (address, start, stop):
        library = Library(address, user="测试员")
        department = library.records.create("department", {"name": "汕尾市市场监督管理局"})
        library.records.create("power", {"name": "导入前已有的职权", "department_id": department})
        before = library.store.count("SELECT count(*) FROM power"), library.store.count("SELECT count(*) FROM change_log")
        inserts = [{"name": f"第{index}项职权", "department_id": department, "power_type": "行政处罚",
                    "legal_basis": "《中华人民共和国行政处罚法》第十条"} for index in range(5000)]
        changes = ImportChanges(kind="power", file_name="权责清单.xlsx", file_sha256="0" * 64, sheet="表1",
                                mode="merge", inserts=inserts, inserted=len(inserts))
        task = _StopTheServer(stop)
        with pytest.raises(Exception) as raised:  # noqa: PT011 - the connection's error, in whichever words
            library.imports.apply_import(changes, task)
        assert task.stopped_at is not None, "the server was not stopped during the import"
        message = postgres.explain_database_error(raised.value) or str(raised.value)
        assert "连接" in message or "服务器" in message
        subprocess.run(start, check=True, capture_output=True)
        reopened = Library(address, user="测试员")
        try:
            after = reopened.store.count("SELECT count(*) FROM power"), reopened.store.count("SELECT count(*) FROM change_log")
            assert after == before  # nothing of the import, not half of it
            assert reopened.store.count("SELECT count(*) FROM import_record") == 0
            assert reopened.store.count("SELECT count(*) FROM power_search") == before[0]
            reopened.imports.apply_import(changes)  # and the same import goes through once it is back
            assert reopened.store.count("SELECT count(*) FROM power") == before[0] + len(inserts)
        finally:
            reopened.close()


def test_the_admin_address_is_a_superuser() -> None:
    """The fault tests make roles and databases: the test server's role must be allowed to."""
    with admin_connection() as conn:
        assert conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]
    assert admin_address().user
