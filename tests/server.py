"""A real PostgreSQL server for the tests: one migrated template database per run, and a fresh
copy of it per test (``CREATE DATABASE … TEMPLATE``: a tenth of a second instead of migrating).

Where the server is: ``LAWGOV_TEST_PG`` (a superuser's URL), by default the loopback server that
``.ci/run`` starts.  Without a server the PostgreSQL tests are skipped on a developer's PC and fail
in CI (``CI`` set), where a skipped test would hide a broken engine.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from lawgov_desktop.core.location import ServerAddress

DEFAULT_URL = "postgresql://lawgov_test:lawgov@127.0.0.1:5432/postgres"


def admin_address() -> ServerAddress:
    """The superuser connection the tests create their databases with."""
    return ServerAddress.from_url(os.environ.get("LAWGOV_TEST_PG", DEFAULT_URL))


def admin_connection():  # noqa: ANN201 - psycopg is imported lazily
    """An autocommit connection to the server's maintenance database, or skip/fail the test."""
    import psycopg

    try:
        return psycopg.connect(**admin_address().connect_arguments(), autocommit=True)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI and is not reachable: {exc}")
        pytest.skip(f"no PostgreSQL server for the tests ({exc})")


_template: list[str] = []


def template_name() -> str:
    """The migrated template database of this run (made on first use)."""
    if not _template:
        from lawgov_desktop.core.library import Library

        name = f"lawgov_tmpl_{uuid.uuid4().hex[:10]}"
        with admin_connection() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        address = ServerAddress(**{**admin_address().__dict__, "database": name})
        Library(address, user="测试员").close()
        _template.append(name)
    return _template[0]


@contextmanager
def fresh_database(*, migrated: bool = True) -> Iterator[ServerAddress]:
    """A new LawGov database on the server (``migrated=False``: an empty one), dropped afterwards."""
    template = f' TEMPLATE "{template_name()}"' if migrated else ""
    name = f"lawgov_t_{uuid.uuid4().hex[:12]}"
    with admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{name}"{template}')
    try:
        yield ServerAddress(**{**admin_address().__dict__, "database": name})
    finally:
        with admin_connection() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def drop_template() -> None:
    """Drop the run's template database (the session's end)."""
    if _template:
        with admin_connection() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{_template.pop()}" WITH (FORCE)')


def drop_roles(prefix: str) -> None:
    """Drop the roles a test made under ``prefix`` (roles are the whole server's; drop them after
    the test's database, where they held rights)."""
    with admin_connection() as conn:
        for (name,) in conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (f"{prefix}\\_%",)).fetchall():
            conn.execute(f'DROP ROLE "{name}"')
