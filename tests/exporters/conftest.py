"""Fixtures for the exporter tests (helpers live in pdf_helpers.py and library_data.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from library_data import new_library
from pdf_helpers import make_spec

from lawgov_desktop.core.library import Library
from lawgov_desktop.exporters.model import CatalogueSpec


@pytest.fixture
def spec() -> CatalogueSpec:
    return make_spec()


@pytest.fixture(scope="module")
def module_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Library]]:
    """Opens a fresh database in a new folder named after its argument, for a test module to fill
    once and share: building the lists costs more than most of the tests. Closed after the module."""
    opened: list[Library] = []

    def open_library(folder: str) -> Library:
        opened.append(new_library(tmp_path_factory.mktemp(folder) / "lists.sqlite3"))
        return opened[-1]

    yield open_library
    for library in opened:
        library.close()
