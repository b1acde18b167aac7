"""Fixtures for the exporter tests (helpers live in pdf_helpers.py)."""

from __future__ import annotations

import pytest
from pdf_helpers import make_spec

from lawgov_desktop.exporters.model import CatalogueSpec


@pytest.fixture
def spec() -> CatalogueSpec:
    return make_spec()
