"""The entry point: version, usage errors, choosing and refusing databases, ``init``."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from lawgov_desktop import __version__
from lawgov_desktop.cli.main import main


def assert_one_line_error(result, code: int = 1) -> None:
    """The error contract: nothing on stdout, one line on stderr, no traceback."""
    assert result.code == code
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert "Traceback" not in result.err


def test_version_prints_package_version(run_cli) -> None:
    result = run_cli("--version")
    assert result.code == 0
    assert result.out.strip() == f"lawgov {__version__}" == "lawgov 0.1.0"


def test_help_lists_every_command(run_cli) -> None:
    result = run_cli("--help")
    assert result.code == 0
    for command in ("init", "list", "show", "add", "edit", "delete", "merge-departments", "undo", "log", "stats"):
        assert command in result.out


def test_unknown_command_is_one_usage_line(run_cli, blank_db: Path) -> None:
    result = run_cli("frobnicate", db=blank_db)
    assert_one_line_error(result, code=2)
    assert "frobnicate" in result.err


def test_missing_command_is_a_usage_error(run_cli, blank_db: Path) -> None:
    assert_one_line_error(run_cli(db=blank_db), code=2)


def test_bad_option_value_is_a_usage_error(run_cli, sample_db: Path) -> None:
    result = run_cli("show", "licence", "abc", db=sample_db)
    assert_one_line_error(result, code=2)
    result = run_cli("list", "things", db=sample_db)
    assert_one_line_error(result, code=2)
    assert "items" in result.err


def test_missing_database_folder_is_refused_and_not_created(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "lawgov.sqlite3"
    result = run_cli("list", "items", db=target)
    assert_one_line_error(result)
    assert "不存在" in result.err and "lawgov" in result.err
    assert not target.parent.exists()


def test_a_file_that_is_not_a_database_is_left_untouched(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "清单.xlsx"
    content = b"PK\x03\x04 not a database at all" * 10
    target.write_bytes(content)
    for command in (["list", "items"], ["init"], ["stats"]):
        result = run_cli(*command, db=target)
        assert_one_line_error(result)
        assert "不是 LawGov 数据库" in result.err
    assert target.read_bytes() == content


def test_a_foreign_sqlite_file_is_left_untouched(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    content = target.read_bytes()
    result = run_cli("init", db=target)
    assert_one_line_error(result)
    assert "不是 LawGov 数据库" in result.err
    assert target.read_bytes() == content


def test_a_newer_schema_is_refused_untouched(run_cli, blank_db: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    shutil.copyfile(blank_db, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    content = newer.read_bytes()
    result = run_cli("list", "items", db=newer)
    assert_one_line_error(result)
    assert "更新版本" in result.err and "9999" in result.err
    assert newer.read_bytes() == content


def test_a_folder_given_as_database_is_refused(run_cli, tmp_path: Path) -> None:
    result = run_cli("list", "items", db=tmp_path)
    assert_one_line_error(result)
    assert "文件夹" in result.err


def test_init_creates_a_database_with_the_shipped_regions(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "新 文件夹" / "lawgov.sqlite3"
    result = run_cli("init", db=target)
    assert result.code == 0, result.err
    assert "已新建" in result.out and str(target) in result.out
    assert "行政区划 10 个" in result.out
    again = run_cli("init", db=target)
    assert again.code == 0 and "已就绪" in again.out and "行政区划 10 个" in again.out


def test_init_reports_what_an_existing_database_holds(run_cli, sample_db: Path) -> None:
    result = run_cli("init", db=sample_db)
    assert result.code == 0
    assert "行政许可事项 4 项（子项 2 项）" in result.out
    assert "赋权执法事项 3 项" in result.out and "批次 2 个" in result.out and "部门 3 个" in result.out


def test_init_where_no_folder_can_be_made_is_one_line(run_cli, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert_one_line_error(run_cli("init", db=blocker / "sub" / "lawgov.sqlite3"))


def test_database_from_environment_and_sqlite_url(run_cli, sample_db: Path, monkeypatch) -> None:
    monkeypatch.setenv("LAWGOV_DB", str(sample_db))
    from_env = run_cli("list", "departments")
    assert from_env.code == 0 and "共 3 项" in from_env.out
    monkeypatch.delenv("LAWGOV_DB")
    from_url = run_cli("list", "departments", db="sqlite:///" + str(sample_db))
    assert from_url.code == 0 and "共 3 项" in from_url.out


def test_unexpected_errors_are_one_line_unless_debugging(run_cli, sample_db: Path, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("lawgov_desktop.core.stats.Stats.compute", broken)
    result = run_cli("stats", db=sample_db)
    assert_one_line_error(result)
    assert "RuntimeError: boom" in result.err and "LAWGOV_DEBUG" in result.err


def test_debug_mode_shows_the_traceback(sample_db: Path, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("lawgov_desktop.core.stats.Stats.compute", broken)
    monkeypatch.setenv("LAWGOV_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        main(["--db", str(sample_db), "stats"])


def test_keyboard_interrupt_is_one_line(run_cli, sample_db: Path, monkeypatch) -> None:
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("lawgov_desktop.core.stats.Stats.compute", interrupted)
    result = run_cli("stats", db=sample_db)
    assert result.code == 130
    assert result.err.strip() == "已中断。"


def test_main_defaults_to_sys_argv(monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.argv", ["lawgov", "--version"])
    assert main() == 0
    assert capsys.readouterr().out.strip() == "lawgov 0.1.0"
