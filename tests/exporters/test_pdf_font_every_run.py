"""The PDF font is embedded in every run, not nine runs in ten: ``lawgov export pdf`` in 20 fresh
processes (new interpreter, new home, so no cache of ours or fontconfig's survives) must embed the
same Chinese TrueType font each time."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pdf_helpers import embedded_font_files, needs_font

from lawgov_desktop.importers.sample import build_sample_database

RUNS = 20


def _export(database: Path, folder: Path, run: int) -> tuple[int, str, set[str]]:
    home = folder / f"home{run}"
    home.mkdir()
    env = {name: value for name, value in os.environ.items() if name in {"PATH", "LANG", "SYSTEMROOT"}}
    env.update(HOME=str(home), LAWGOV_USER="测试员")
    pdf = folder / f"run{run}.pdf"
    done = subprocess.run([sys.executable, "-m", "lawgov_desktop.cli", "--db", str(database), "export", "pdf",
                           "-o", str(pdf)],
                          env=env, capture_output=True, text=True, timeout=120)
    return done.returncode, done.stderr, embedded_font_files(pdf) if pdf.exists() else set()


@needs_font
def test_every_fresh_process_embeds_the_chinese_font(tmp_path: Path) -> None:
    sample_db = build_sample_database(tmp_path / "示例.sqlite3")
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(lambda run: _export(sample_db, tmp_path, run), range(RUNS)))
    assert [(code, err) for code, err, _fonts in runs] == [(0, "")] * RUNS
    fonts = [found for _code, _err, found in runs]
    assert all(fonts) and all(found == fonts[0] for found in fonts), fonts
