"""The wheel carries everything the program needs: installed without the source tree, it works.

The wheel is built from a copy of the tracked sources, installed with ``--no-deps`` into a fresh
virtual environment that sees the test environment's third-party packages (through a ``.pth``
line) but not this checkout, and the installed commands run from another folder: ``lawgov
--version``, ``lawgov init`` (Alembic migrations and reference regions from the package) and
``lawgov-desktop --self-test`` (workbook import, PDF, translations, icon and the window).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from lawgov_desktop import __version__

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("database", "resources")
# Sources of the translations are for translators; the program loads the compiled .qm.
NOT_SHIPPED_SUFFIXES = (".pyc", ".ts")


def _source_files() -> list[str]:
    """Every file the program needs, as its path inside the installed package."""
    names = [str(path.relative_to(ROOT)) for path in (ROOT / "lawgov_desktop").rglob("*.py")]
    for folder in SHIPPED:
        names += [f"lawgov_desktop/{path.relative_to(ROOT)}" for path in (ROOT / folder).rglob("*")
                  if path.is_file() and "__pycache__" not in path.parts and path.suffix not in NOT_SHIPPED_SUFFIXES]
    return [name.replace(os.sep, "/") for name in names]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the sources (the build leaves nothing in the checkout)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("lawgov_desktop", *SHIPPED):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(out)],
                   check=True, capture_output=True, timeout=300)
    (built,) = out.glob("lawgov_desktop-*.whl")
    return built


def test_the_wheel_holds_every_module_migration_and_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = sorted(set(_source_files()) - names)
    assert not missing, "add these folders to [tool.setuptools] packages in pyproject.toml:\n" + "\n".join(missing)
    assert "lawgov_desktop/resources/translations/qtbase_zh_CN.qm" in names


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_installed_wheel_works_without_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True, timeout=300)
    # Third-party packages come from the test environment; this checkout stays invisible.
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     tmp_path, dict(os.environ)).strip())
    (site / "third_party.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "LAWGOV_DB")}
    env.update(QT_QPA_PLATFORM="offscreen", LAWGOV_DATA_DIR=str(work / "data"), LAWGOV_USER="installer")
    where = _run([str(python), "-c", "import lawgov_desktop; from lawgov_desktop.core.paths import shipped_dir;"
                  " print(lawgov_desktop.__file__); print(shipped_dir('database')); print(shipped_dir('resources'))"],
                 work, env).split()
    assert all(Path(path).resolve().is_relative_to(site.resolve()) for path in where), where

    assert __version__ in _run([str(bin_dir / "lawgov"), "--version"], work, env)
    _run([str(bin_dir / "lawgov"), "--db", "city.sqlite3", "init"], work, env)
    assert (work / "city.sqlite3").stat().st_size > 0
    report = _run([str(bin_dir / "lawgov-desktop"), "--self-test"], work, env)
    assert "self-test passed" in report
    assert f"shipped data from {site.resolve() / 'lawgov_desktop' / 'database'}" in report, report
