"""The layer and no-circle rules (import-linter, pyproject.toml) and the lint rules (ruff), checked with the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    result = subprocess.run([sys.executable, "-c", "from importlinter.cli import lint_imports_command;"
                             " lint_imports_command()"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_window_helpers_take_no_main_window() -> None:
    """Only the program's start (and its self-test) builds the main window; every other module of
    the window gets the session, a parent widget and the callbacks it needs.  The small helpers
    (``ui.widgets``) import no other module of the window, so anything can use them."""
    graph = grimp.build_graph("lawgov_desktop")
    assert graph.find_modules_that_directly_import("lawgov_desktop.ui.main_window") == {
        "lawgov_desktop.ui.app", "lawgov_desktop.ui.self_test"}
    assert not {module for module in graph.find_modules_directly_imported_by("lawgov_desktop.ui.widgets")
                if module.startswith("lawgov_desktop.ui.")}


def test_ruff_is_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_read_path_stays_light() -> None:
    """The window's first page goes through core.library: it must not pull in SQLModel or Alembic."""
    code = ("import sys, lawgov_desktop.core.library, lawgov_desktop.core.queries;"
            " heavy = [m for m in ('sqlmodel', 'alembic', 'pydantic', 'sqlalchemy', 'openpyxl', 'reportlab')"
            " if m in sys.modules]; print(','.join(heavy))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_command_line_start_stays_light() -> None:
    """Every `lawgov` command loads the parser of all commands: reportlab and openpyxl load only
    when a command exports, SQLModel and Alembic only when a database is created or migrated."""
    code = ("import sys, lawgov_desktop.cli.main;"
            " heavy = [m for m in ('sqlmodel', 'alembic', 'pydantic', 'sqlalchemy', 'openpyxl', 'reportlab')"
            " if m in sys.modules]; print(','.join(heavy))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
