"""``lawgov-desktop --self-test`` passes on a sound installation and fails loudly on a broken one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

STEPS = ("database", "import", "pdf", "resources", "window")


def _run(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LAWGOV_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)


def test_self_test_passes_every_step_and_leaves_no_trace(tmp_path: Path) -> None:
    result = _run("import sys; from lawgov_desktop.ui.app import main; sys.exit(main(['--self-test']))", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    for step in STEPS:
        assert f"ok   {step} (" in result.stdout
    assert "self-test passed" in result.stdout
    assert "14 rows" in result.stdout  # the first page holds the imported licence items
    assert not (tmp_path / "data").exists()  # the clerk's data folder is never touched


def test_self_test_fails_when_the_shipped_migrations_are_missing(tmp_path: Path) -> None:
    code = ("import sys; from pathlib import Path; import lawgov_desktop.core.schema as schema;"
            f" schema.shipped_dir = lambda name: Path({str(tmp_path / 'nowhere')!r}) / name;"
            " from lawgov_desktop.ui.app import main; sys.exit(main(['--self-test']))")
    result = _run(code, tmp_path)
    assert result.returncode == 1
    assert "FAIL database" in result.stdout and "self-test FAILED" in result.stdout
    assert "ok   window" not in result.stdout
