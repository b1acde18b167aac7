"""The first start on a new PC, as a clerk makes it: the real ``lawgov-desktop`` entry point in a
brand-new home with no data folder, no settings and no XDG variables.  The window must come up (the
process keeps running and the database exists) — and where it cannot, the program must say why in a
message box and on stderr, never exit silently."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lawgov_desktop.ui import app, prompts

STARTED = "from lawgov_desktop.ui.app import main; raise SystemExit(main())"


def _clerk_environment(home: Path) -> dict[str, str]:
    """What a desktop shortcut gives the program on a new PC: a home and a PATH, nothing of ours."""
    keep = {"PATH", "LANG", "SYSTEMROOT", "WINDIR", "TEMP", "TMP"}
    env = {name: value for name, value in os.environ.items() if name in keep}
    env.update(HOME=str(home), USERPROFILE=str(home), QT_QPA_PLATFORM="offscreen")
    return env


def _start_window(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", STARTED, *args], env=_clerk_environment(home), cwd=home,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _window_came_up(process: subprocess.Popen[str], database: Path, seconds: float = 20) -> None:
    """The window is up when the database exists and the process is still running a while later."""
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline and not database.exists():
            assert process.poll() is None, f"exited with {process.returncode}: {process.communicate()[1]}"
            time.sleep(0.2)
        assert database.exists(), f"no database at {database} after {seconds} s"
        time.sleep(2)
        assert process.poll() is None, f"exited with {process.returncode}: {process.communicate()[1]}"
    finally:
        process.kill()
        process.communicate()


@pytest.mark.skipif(sys.platform != "linux", reason="the per-user data folder checked is Linux's")
def test_first_start_in_a_brand_new_home_opens_the_window_on_the_default_database(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    assert not (home / ".local").exists()
    _window_came_up(_start_window(home), home / ".local" / "share" / "LawGovDesktop" / "lawgov.sqlite3")


def test_first_start_with_a_database_in_a_folder_that_does_not_exist_yet(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    database = home / "新建文件夹" / "下级" / "清单.sqlite3"
    _window_came_up(_start_window(home, "--db", str(database)), database)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages the window would have shown in a box."""
    messages: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda parent, error: messages.append(str(error)))
    return messages


def test_a_file_in_the_way_of_the_data_folder_is_named_in_a_box_and_on_stderr(
        qapp, tmp_path: Path, shown: list[str], capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    (tmp_path / "数据").write_text("not a folder")
    assert app.main(["--db", str(tmp_path / "数据" / "清单.sqlite3")]) != 0
    err = capsys.readouterr().err
    assert len(shown) == 1 and str(tmp_path / "数据") in shown[0] and "已有同名文件" in shown[0]
    assert shown[0] in err


@pytest.mark.parametrize(("failure", "reason"), [
    (PermissionError(errno.EACCES, "Permission denied"), "没有在这里创建文件夹的权限"),
    (OSError(errno.EROFS, "Read-only file system"), "磁盘是只读的"),
])
def test_a_folder_that_cannot_be_made_is_named_in_a_box_and_on_stderr(
        qapp, tmp_path: Path, shown: list[str], capsys: pytest.CaptureFixture[str],  # noqa: ANN001
        monkeypatch: pytest.MonkeyPatch, failure: OSError, reason: str) -> None:
    """No permission and read-only media are simulated: the tests may run as root."""
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise failure

    monkeypatch.setattr(Path, "mkdir", refuse)
    assert app.main(["--db", str(tmp_path / "新建" / "清单.sqlite3")]) != 0
    assert len(shown) == 1 and reason in shown[0] and str(tmp_path / "新建") in shown[0]
    assert shown[0] in capsys.readouterr().err


def test_a_refused_database_is_said_in_a_box_and_on_stderr(
        qapp, tmp_path: Path, shown: list[str], capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    foreign = tmp_path / "别的文件.sqlite3"
    foreign.write_bytes(b"PK\x03\x04 a workbook, not a database")
    assert app.main(["--db", str(foreign)]) != 0
    assert len(shown) == 1 and shown[0] in capsys.readouterr().err
    assert foreign.read_bytes() == b"PK\x03\x04 a workbook, not a database"


def test_an_unsupported_address_is_said_in_a_box_and_on_stderr(
        qapp, shown: list[str], capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    assert app.main(["--db", "mysql://server/lists"]) != 0
    assert len(shown) == 1 and shown[0] in capsys.readouterr().err


def test_a_defect_while_opening_still_leaves_a_message(
        qapp, tmp_path: Path, shown: list[str], capsys: pytest.CaptureFixture[str],  # noqa: ANN001
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self, path, *, create=True):  # noqa: ANN001, ANN202
        raise RuntimeError("模拟的程序错误")

    monkeypatch.setattr(app.Launcher, "open", broken)
    assert app.main(["--db", str(tmp_path / "a.sqlite3")]) == 1
    assert len(shown) == 1 and "模拟的程序错误" in shown[0] and shown[0] in capsys.readouterr().err
