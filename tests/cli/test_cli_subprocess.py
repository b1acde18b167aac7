"""``python -m lawgov_desktop.cli`` in a real process: pipes, encodings, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def lawgov(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the command line as a clerk's shell would, with stdout and stderr as pipes."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("LAWGOV_", "PYTHONIO"))}
    environment.update({"LAWGOV_USER": "测试员", "PYTHONPATH": str(ROOT), **(env or {})})
    return subprocess.run([sys.executable, "-m", "lawgov_desktop.cli", *args], input=stdin, capture_output=True,
                          cwd=ROOT, env=environment, timeout=60, check=False)


def test_version_in_a_subprocess() -> None:
    result = lawgov("--version")
    assert result.returncode == 0
    assert result.stdout.decode() == "lawgov 0.1.0\n"


def test_chinese_output_survives_a_pipe_with_an_ascii_locale(sample_db: Path) -> None:
    result = lawgov("--db", str(sample_db), "list", "items", "--json", env={"LANG": "C", "LC_ALL": "C"})
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    document = json.loads(result.stdout.decode("utf-8"))
    assert document["total"] == 4 and document["rows"][0]["name"] == "企业投资项目核准"


def test_errors_are_one_utf8_line_without_traceback(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_bytes(b"just text")
    result = lawgov("--db", str(target), "list", "items", env={"LC_ALL": "C"})
    assert result.returncode == 1
    assert result.stdout == b""
    err = result.stderr.decode("utf-8")
    assert len(err.splitlines()) == 1 and "不是 LawGov 数据库" in err and "Traceback" not in err
    assert target.read_bytes() == b"just text"


@pytest.mark.parametrize("args", [["nonsense"], ["list"], ["list", "items", "--limit", "x"]])
def test_usage_errors_exit_2_in_one_line(sample_db: Path, args: list[str]) -> None:
    result = lawgov("--db", str(sample_db), *args)
    assert result.returncode == 2
    assert len(result.stderr.decode("utf-8").splitlines()) == 1


def test_delete_from_a_script_needs_yes_and_env_selects_database(sample_db: Path) -> None:
    refused = lawgov("delete", "licence", "1", stdin=b"y\n", env={"LAWGOV_DB": str(sample_db)})
    assert refused.returncode == 2
    assert refused.stderr.decode("utf-8").strip() == "用法错误：删除需要确认：请加 --yes"
    deleted = lawgov("delete", "licence", "1", "--yes", env={"LAWGOV_DB": str(sample_db)})
    assert deleted.returncode == 0
    log = json.loads(lawgov("--db", str(sample_db), "log", "--limit", "1", "--json").stdout)
    assert log["rows"][0]["action"] == "delete" and log["rows"][0]["user"] == "测试员"


def test_init_then_add_in_fresh_processes(tmp_path: Path) -> None:
    database = tmp_path / "数据 库" / "lawgov.sqlite3"
    assert lawgov("--db", str(database), "init").returncode == 0
    added = lawgov("--db", str(database), "add", "department", "--name", "汕尾市教育局")
    assert added.returncode == 0 and added.stdout.decode().strip() == "1"
