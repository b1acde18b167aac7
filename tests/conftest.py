"""Fixtures every test folder may use: a database on each engine."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from server import drop_template, fresh_database

from lawgov_desktop.core.location import ServerAddress


@pytest.fixture
def server_database() -> Iterator[ServerAddress]:
    """A fresh LawGov database on the test PostgreSQL server."""
    with fresh_database() as address:
        yield address


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    drop_template()
