"""The one-folder program office IT unzips: built with PyInstaller from build.spec, it passes its
own ``--self-test`` offscreen, stays lean and never keeps a database inside the folder.

Building takes about a minute, so it runs when ``LAWGOV_BUILD_BUNDLE=1`` (``.ci/run`` sets it).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NAME = "LawGovDesktop"
# The folder measured 167 MB on Linux (PySide6 6.12: Qt libraries 76 MB, of which ICU data 32 MB).
MAX_BUNDLE_MB = 220
MAX_START_TO_WINDOW_S = 10
LEFT_OUT = ("Qt6WebEngine", "Qt6Qml", "Qt6Quick", "Qt63D", "Qt6Multimedia", "libqgtk3", "tkinter", "pytest",
            "hypothesis")

pytestmark = pytest.mark.skipif(os.environ.get("LAWGOV_BUILD_BUNDLE") != "1",
                                reason="set LAWGOV_BUILD_BUNDLE=1 to build the PyInstaller folder (~1 min)")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/LawGovDesktop built from build.spec (the work folders stay out of the checkout)."""
    out = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                             "--distpath", str(out / "dist"), "--workpath", str(out / "work"), str(ROOT / "build.spec")],
                            cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    return out / "dist" / NAME


def _files(folder: Path) -> set[str]:
    """The folder's files (not the links PyInstaller makes to some of them)."""
    return {str(path.relative_to(folder)).replace(os.sep, "/") for path in folder.rglob("*")
            if path.is_file() and not path.is_symlink()}


def test_bundle_is_lean_and_carries_the_shipped_folders(bundle: Path) -> None:
    files = _files(bundle)
    size_mb = sum((bundle / name).stat().st_size for name in files) / 2**20
    print(f"\nbundle {bundle}: {size_mb:.0f} MB in {len(files)} files")
    assert size_mb < MAX_BUNDLE_MB
    internal = "_internal/lawgov_desktop"
    for needed in ("database/migrations/env.py", "database/migrations/versions/0001_initial_schema.py",
                   "database/reference/regions.csv", "resources/translations/lawgov_zh_CN.qm",
                   "resources/translations/qtbase_zh_CN.qm", "resources/icons/lawgov-32.png"):
        assert f"{internal}/{needed}" in files
    assert not [name for name in files if any(part in name for part in LEFT_OUT)]
    assert not [name for name in files if "/translations/" in name and not name.startswith(internal)]
    assert not [name for name in files if name.endswith((".sqlite3", ".ts"))]


def test_built_program_passes_its_self_test_offscreen(bundle: Path, tmp_path: Path) -> None:
    before = _files(bundle)
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "LAWGOV_DB")}
    env.update(QT_QPA_PLATFORM="offscreen", LAWGOV_DATA_DIR=str(tmp_path / "data"))
    started = time.perf_counter()
    process = subprocess.Popen([str(bundle / NAME), "--self-test"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    banner_s = None
    lines = []
    for line in process.stdout:
        banner_s = banner_s if banner_s is not None else time.perf_counter() - started
        lines.append(line)
    stderr = process.stderr.read() if process.stderr else ""
    report = "".join(lines)
    assert process.wait(timeout=120) == 0, report + stderr
    assert "self-test passed" in report
    assert f"shipped data from {bundle / '_internal' / 'lawgov_desktop' / 'database'}" in report
    painted = re.search(r"painted (\d+) ms after opening", report)
    assert painted and banner_s is not None
    # Start to window: the program's start-up (process start to the report's first line) plus
    # opening the database and painting the window's first page.
    start_to_window = banner_s + int(painted.group(1)) / 1000
    print(f"\nstart to window ≈ {start_to_window:.2f} s; self-test {time.perf_counter() - started:.1f} s\n{report}")
    assert start_to_window < MAX_START_TO_WINDOW_S
    assert _files(bundle) == before  # nothing (no database, no settings) is written into the folder
