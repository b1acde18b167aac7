"""Crash safety: ``lawgov import`` and ``lawgov add`` killed with SIGKILL at moments spread over their
whole run leave the database as before or as after, never in between.

Each round starts from a fresh copy of the same database, starts the command in its own process
group, kills the group after a delay, then checks the file: ``integrity_check``, the record
counts (equal to the before or the after counts exactly), the import history (no record before,
one complete record after), and that every backup in the folder is sound (a backup killed half-way
must not look like a good one).  Delays are stratified over the measured run time, so early
rounds kill while the workbook is read, middle ones during the backup and the transaction, late
ones after the commit.

LAWGOV_KILL_ROUNDS sets the number of import kills (default 20); the ``add`` loop gets half as many.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and process groups are POSIX")

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = int(os.environ.get("LAWGOV_KILL_ROUNDS", "20"))
ROWS = 3000
COUNTED = ("licence_item", "department", "region", "import_record", "change_log", "licence_search")


def _environment() -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("LAWGOV_")}
    environment.update({"LAWGOV_USER": "测试员", "PYTHONPATH": str(ROOT)})
    return environment


def _command(database: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "lawgov_desktop.cli", "--db", str(database), *args]


def _large_workbook(path: Path) -> Path:
    """A licence list of ``ROWS`` rows from 20 departments the database does not know yet."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "许可事项"
    sheet.append(["序号", "主管部门", "事项名称", "子项", "实施机关", "设定和实施依据", "行使层级", "事项编码"])
    for index in range(ROWS):
        sheet.append([index + 1, f"汕尾市第{index % 20}局", f"许可事项{index // 3}", f"子项{index}", "市级部门",
                      "《中华人民共和国行政许可法》《广东省行政许可监督管理条例》", "市级", f"{index:012d}"])
    book.save(path)
    return path


def _state(database: Path) -> tuple[int, ...]:
    """The record counts, after ``integrity_check`` has passed (recovering the -wal like any opening)."""
    conn = sqlite3.connect(database)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COUNTED)
    finally:
        conn.close()


def _backups_are_sound(database: Path) -> None:
    for copy in database.parent.glob(f"{database.stem}-backups/*.sqlite3"):
        conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
        try:
            assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)], copy
        finally:
            conn.close()


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kill") / "template.sqlite3"
    subprocess.run(_command(path, "init"), env=_environment(), cwd=ROOT, check=True, capture_output=True)
    return path


def _fresh(template: Path, folder: Path) -> Path:
    folder.mkdir()
    database = folder / "lawgov.sqlite3"
    shutil.copyfile(template, database)
    return database


def _kill_after(command: list[str], delay: float) -> None:
    process = subprocess.Popen(command, env=_environment(), cwd=ROOT, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def test_killing_an_import_leaves_before_or_after(blank: Path, tmp_path: Path) -> None:
    workbook = _large_workbook(tmp_path / "全市清单.xlsx")
    before = _state(blank)
    reference = _fresh(blank, tmp_path / "reference")
    started = time.perf_counter()
    subprocess.run(_command(reference, "import", str(workbook)), env=_environment(), cwd=ROOT, check=True,
                   capture_output=True)
    duration = time.perf_counter() - started
    after = _state(reference)
    assert after[0] == 2 * ROWS and after[3] == 1
    rng = random.Random(int(os.environ.get("LAWGOV_KILL_SEED", "7")))
    outcomes = {"before": 0, "during the write": 0, "after": 0}
    for round_number in range(ROUNDS):
        database = _fresh(blank, tmp_path / f"round{round_number}")
        delay = (round_number + rng.random()) / ROUNDS * duration * 1.5  # past the end despite jitter
        _kill_after(_command(database, "import", str(workbook)), delay)
        wal = Path(f"{database}-wal")
        written = wal.exists() and wal.stat().st_size > 0  # pages of the transaction already on disk
        state = _state(database)
        assert state in (before, after), f"round {round_number} killed after {delay:.2f}s: {state}"
        outcomes["after" if state == after else "during the write" if written else "before"] += 1
        if state == after:
            conn = sqlite3.connect(database)
            history = conn.execute("SELECT inserted, undone_at FROM import_record").fetchall()
            conn.close()
            assert history == [(2 * ROWS, None)]
        _backups_are_sound(database)
    print(f"import killed {ROUNDS} times over {duration:.2f}s: {outcomes}")
    assert outcomes["after"] and outcomes["before"] + outcomes["during the write"]  # both sides of the commit


def test_killing_a_loop_of_adds_loses_nothing_committed(blank: Path, tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("LAWGOV_KILL_SEED", "7")))
    rounds = max(1, ROUNDS // 2)
    added = 0
    for round_number in range(rounds):
        database = _fresh(blank, tmp_path / f"round{round_number}")
        loop = " && ".join(" ".join([*map(_quote, _command(database, "add", "department")), "--name", f"部门{i}"])
                           for i in range(1, 40))
        _kill_after(["sh", "-c", loop], 0.3 + (round_number + rng.random()) / rounds * 2.0)
        _state(database)
        conn = sqlite3.connect(database)
        names = [row[0] for row in conn.execute("SELECT name FROM department ORDER BY id")]
        logged = conn.execute("SELECT count(*) FROM change_log WHERE entity = 'department' AND action = 'create'"
                              ).fetchone()[0]
        conn.close()
        assert names == [f"部门{i}" for i in range(1, len(names) + 1)]  # each add whole or absent, in order
        assert logged == len(names)  # and each one in the change log
        added += len(names)
    print(f"add loop killed {rounds} times; {added} adds committed and intact")
    assert added


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"
