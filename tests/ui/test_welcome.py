"""First run: an empty database greets the clerk; the sample database is built, opened and marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.sample import is_sample
from lawgov_desktop.ui.app import Launcher
from lawgov_desktop.ui.welcome import SAMPLE_DATABASE, WelcomeDialog


def _welcome() -> WelcomeDialog | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, WelcomeDialog) and w.isVisible()]
    return found[0] if found else None


@pytest.fixture()
def empty_db(tmp_path: Path) -> Path:
    path = tmp_path / "county.sqlite3"
    Library(path, user="tester").close()
    return path


def test_an_empty_database_is_welcomed_until_the_clerk_starts_empty(launcher: Launcher, empty_db: Path,
                                                                     qtbot) -> None:  # noqa: ANN001
    window = launcher.open(empty_db)
    dialog = _welcome()
    assert dialog is not None and dialog.parentWidget() is window
    assert dialog.windowTitle() == "欢迎使用 LawGov 清单管理"
    assert [b.text() for b in (dialog.import_button, dialog.sample_button, dialog.blank_button)] == [
        "导入工作簿…", "打开示例数据库", "从空白开始"]
    qtbot.mouseClick(dialog.blank_button, Qt.MouseButton.LeftButton)
    assert _welcome() is None
    launcher.open(empty_db)  # the same file again: the choice is remembered
    assert _welcome() is None


def test_a_database_with_lists_is_not_welcomed(window) -> None:  # noqa: ANN001
    assert _welcome() is None
    assert window.findChild(QLabel, "sample_label") is None
    assert "[示例数据]" not in window.windowTitle()


def test_import_opens_the_import_wizard(launcher: Launcher, empty_db: Path, qtbot) -> None:  # noqa: ANN001
    window = launcher.open(empty_db)
    qtbot.mouseClick(_welcome().import_button, Qt.MouseButton.LeftButton)
    assert _welcome() is None
    assert window.import_wizard is not None and window.import_wizard.isVisible()
    window.import_wizard.close()


def test_sample_database_is_built_in_the_data_folder_opened_and_marked(
        launcher: Launcher, empty_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        qtbot) -> None:  # noqa: ANN001
    monkeypatch.setenv("LAWGOV_DATA_DIR", str(tmp_path / "data"))
    launcher.open(empty_db)
    qtbot.mouseClick(_welcome().sample_button, Qt.MouseButton.LeftButton)
    sample = tmp_path / "data" / SAMPLE_DATABASE
    window = launcher.window
    assert window.session.path == sample.resolve()
    assert window.windowTitle().endswith("[示例数据]")
    assert window.findChild(QLabel, "sample_label").text() == "[示例数据]"
    assert window.current_view().model.total == 14
    assert sorted(p.name for p in (tmp_path / "data" / "示例清单").iterdir()) == [
        "示例_行政许可事项清单.xlsx", "示例_镇街赋权事项目录.xlsx"]
    assert is_sample(window.session.library)
    with Library(empty_db, user="tester") as county:  # the clerk's own database stays empty
        assert county.lists.query("licence", limit=0).total == 0



def test_the_welcome_leaves_once_an_import_fills_the_database(launcher: Launcher, empty_db: Path,
                                                               qtbot) -> None:  # noqa: ANN001
    window = launcher.open(empty_db)
    assert _welcome() is not None

    def imported(library: Library) -> None:  # what an import writes: a department and its items
        library.records.create("department", {"name": "市教育局"})
        library.records.create("licence", {"name": "民办学校办学许可", "department": "市教育局"})

    window.session.change("导入工作簿", imported)
    qtbot.waitUntil(lambda: _welcome() is None, timeout=5000)
    assert window.current_view().model.total == 1
