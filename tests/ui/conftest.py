"""Offscreen Qt, private settings and a small real-looking database for the window tests."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.location import ServerAddress
from lawgov_desktop.ui import i18n, prompts
from lawgov_desktop.ui.app import Launcher, create_application
from lawgov_desktop.ui.main_window import MainWindow

LICENCES = (
    ("市发展和改革局", "企业投资项目核准", "市级", ()),
    ("市发展和改革局", "固定资产投资项目节能审查", "市级", ()),
    ("市市场监督管理局", "食品生产许可", "市级", ("食品生产许可证核发", "食品生产许可证变更")),
    ("市市场监督管理局", "特种设备使用登记", "县级", ()),
    ("市生态环境局", "排污许可", "市级", ("排污许可证核发",)),
    ("市生态环境局", "建设项目环境影响评价文件审批", "市级", ()),
)
POWERS = (
    ("市城市管理和综合执法局", "对擅自设置大型户外广告的行政处罚", "行政处罚", ("田墘街道", "东洲街道")),
    ("市生态环境局", "对露天焚烧秸秆的行政处罚", "行政处罚", ("遮浪街道",)),
    ("市市场监督管理局", "对食品经营者未公示许可证的行政检查", "行政检查", ()),
)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once (creating a database runs the migrations); each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "lists.sqlite3"
    with Library(path, user="tester") as lib:
        fill_lists(lib)
    return path


def fill_lists(lib: Library) -> None:
    """The test lists: four departments, a batch, six licence items and three powers."""
    for name, aliases in (("市发展和改革局", "市发改局"), ("市市场监督管理局", "市市场监管局"),
                          ("市生态环境局", ""), ("市城市管理和综合执法局", "市城管执法局")):
        lib.records.create("department", {"name": name, "aliases": aliases, "level": "市级"})
    lib.records.create("batch", {"name": "第一批", "document_number": "汕府函〔2022〕45号"})
    for number, (department, name, level, subs) in enumerate(LICENCES, start=1):
        item = lib.records.create("licence", {"department": department, "name": name, "level": level,
                                      "sequence": str(number), "legal_basis": "《中华人民共和国行政许可法》"})
        for sub in subs:
            lib.records.create("licence", {"parent_id": item, "name": sub})
    for number, (department, name, kind, streets) in enumerate(POWERS, start=1):
        power = lib.records.create("power", {"department": department, "name": name, "power_type": kind,
                                     "sequence": str(number)})
        for street in streets:
            lib.records.create("delegation", {"power_id": power, "region": street, "batch": "第一批"})


@pytest.fixture()
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """A private copy of the template database."""
    path = tmp_path / "lists.sqlite3"
    shutil.copy(template_db, path)
    return path


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts with no remembered layout, language or recent files."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setenv("LAWGOV_USER", "tester")
    yield


@pytest.fixture()
def app(qapp: QApplication) -> QApplication:
    """The application with the Chinese translation installed, as a clerk starts it."""
    create_application()
    yield qapp
    i18n.install(qapp, "zh_CN")


@pytest.fixture(autouse=True)
def no_blocking_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box nobody answers would hang the run: fail instead, unless a test answers it."""
    def unexpected(*args: object) -> None:
        pytest.fail(f"unexpected question: {args}")

    for name in ("confirm", "ask_save", "ask_read_only"):
        monkeypatch.setattr(prompts, name, unexpected)


@pytest.fixture()
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Errors the window would have shown in a message box."""
    shown: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda _parent, error: shown.append(str(error)))
    return shown


@pytest.fixture()
def launcher(app: QApplication) -> Iterator[Launcher]:
    """Opens windows; closes them and releases the lock afterwards."""
    opened = Launcher()
    yield opened
    if opened.window is not None:
        opened.window.close()
    opened.release()


@pytest.fixture()
def window(launcher: Launcher, db_path: Path, messages: list[str], qtbot) -> MainWindow:  # noqa: ANN001
    """The main window on a private copy of the test database."""
    opened = launcher.open(db_path)
    assert opened is not None
    qtbot.waitExposed(opened)
    return opened


@pytest.fixture()
def server_window(launcher: Launcher, server_database: ServerAddress, messages: list[str],  # noqa: ANN001
                  qtbot) -> MainWindow:
    """The main window on a fresh database on the test PostgreSQL server holding the test lists."""
    with Library(server_database, user="tester") as lib:
        fill_lists(lib)
    opened = launcher.open(server_database)
    assert opened is not None
    qtbot.waitExposed(opened)
    return opened
