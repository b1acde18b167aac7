"""The layer rule of ARCHITECTURE.md (import-linter) and the lint rules (ruff), checked with the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    result = subprocess.run([sys.executable, "-c", "from importlinter.cli import lint_imports_command;"
                             " lint_imports_command()"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


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
