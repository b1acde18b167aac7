"""A damaged .xls that makes calamine abort the whole process (a Rust panic inside a panic).

The file was found by fuzzing (tests/importers/test_fuzz_readers.py); the reader parses old Excel
files in a child process, so the program survives and the clerk gets the damaged-file message.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lawgov_desktop.core.errors import ImportFileError
from lawgov_desktop.importers.readers import read_workbook

DAMAGED = Path(__file__).resolve().parent.parent / "data" / "calamine-abort.xls"


def test_calamine_alone_aborts_on_this_file() -> None:
    """Keeps the fixture honest: if calamine stops aborting, this test says so."""
    result = subprocess.run([sys.executable, "-c", "import sys, python_calamine;"
                             " python_calamine.CalamineWorkbook.from_path(sys.argv[1])", str(DAMAGED)],
                            capture_output=True)
    assert result.returncode != 0


def test_the_reader_survives_it_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "县区 报送.xls"
    shutil.copyfile(DAMAGED, path)
    with pytest.raises(ImportFileError, match="县区 报送.xls"):
        read_workbook(path)


def test_one_worker_reads_the_files_of_a_session_and_a_crash_costs_only_that_worker(tmp_path: Path) -> None:
    """Starting a process per file cost more than reading a department's workbook: the worker is
    kept, and replaced after a file kills it."""
    from lawgov_desktop.importers import readers

    good = sorted((Path(__file__).resolve().parents[3] / "shared" / "real-lists" / "karamay").glob("*.xls"))[0]
    read_workbook(good)
    worker = readers._OLD_EXCEL_WORKER._pool
    assert worker is not None
    read_workbook(good)
    assert readers._OLD_EXCEL_WORKER._pool is worker
    path = tmp_path / "坏.xls"
    shutil.copyfile(DAMAGED, path)
    with pytest.raises(ImportFileError):
        read_workbook(path)
    assert read_workbook(good).sheets
    assert readers._OLD_EXCEL_WORKER._pool not in (None, worker)
