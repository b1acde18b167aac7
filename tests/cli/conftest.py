"""Fixtures for the command-line tests: a ``lawgov`` runner and small databases in tmp_path.

Creating a database runs the Alembic migrations (about half a second), so a blank and a sample
database are built once per session and copied into each test's own folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from lawgov_desktop.cli.main import main
from lawgov_desktop.core.library import Library

USER = "测试员"


@dataclass
class Result:
    """What one ``lawgov`` run left behind."""

    code: int
    out: str
    err: str


Runner = Callable[..., Result]  # the type of the run_cli and lawgov fixtures


def build_sample(library: Library) -> None:
    """Three departments with aliases, licence items in two parts (one with sub-items), two
    batches, and three powers: one handed to 红海湾's three streets, one to a street of 城区."""
    library.records.create("department", {"name": "汕尾市发展和改革局", "aliases": "市发改局、市发展改革局",
                                  "level": "市级", "region": "汕尾市"})
    library.records.create("department", {"name": "汕尾市市场监督管理局", "aliases": ["市市场监管局"], "level": "市级"})
    library.records.create("department", {"name": "汕尾市自然资源局", "aliases": "市自然资源局", "level": "市级"})
    main_item = library.records.create("licence", {"name": "企业投资项目核准", "department": "市发改局",
                                           "part": "central", "level": "市级", "code": "L001"})
    for name in ("企业投资项目核准（新建）", "企业投资项目核准（变更）"):
        library.records.create("licence", {"name": name, "parent_id": main_item})
    library.records.create("licence", {"name": "食品生产许可", "department": "市市场监管局", "part": "central",
                               "level": "市级"})
    library.records.create("licence", {"name": "特种设备安装改造维修许可", "department": "市市场监管局",
                               "part": "central", "level": "省级"})
    library.records.create("licence", {"name": "建设用地规划许可", "department": "市自然资源局", "part": "地方性法规、省政府规章设定",
                               "level": "市级"})
    library.records.create("region", {"name": "香洲街道", "kind": "street", "parent": "城区"})
    library.records.create("batch", {"name": "第一批", "document_number": "汕府〔2022〕1号"})
    library.records.create("batch", {"name": "第二批"})
    library.records.create("power", {"code": "P001", "name": "对未取得食品经营许可从事食品经营活动的处罚",
                             "power_type": "行政处罚", "department": "市市场监管局"})
    library.records.create("power", {"code": "P002", "name": "对违法占用土地的行政检查", "power_type": "行政检查",
                             "department": "市自然资源局"})
    library.records.create("power", {"code": "P003", "name": "对价格违法行为的处罚", "power_type": "行政处罚",
                             "department": "市发改局"})
    for street in ("田墘街道", "东洲街道", "遮浪街道"):
        library.records.create("delegation", {"power": "P001", "region": street, "batch": "第一批"})
    library.records.create("delegation", {"power": "P002", "region": "香洲街道", "batch": "第二批"})


@pytest.fixture(scope="session")
def template_dbs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A blank and a sample database, built once."""
    folder = tmp_path_factory.mktemp("templates")
    paths = {"blank": folder / "blank.sqlite3", "sample": folder / "sample.sqlite3"}
    Library(paths["blank"], user=USER).close()
    with Library(paths["sample"], user=USER) as library:
        build_sample(library)
    return paths


def _copy(template: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    target = folder / "lawgov.sqlite3"
    shutil.copyfile(template, target)
    return target


@pytest.fixture
def blank_db(template_dbs: dict[str, Path], tmp_path: Path) -> Path:
    """A new database holding only the shipped regions."""
    return _copy(template_dbs["blank"], tmp_path / "blank")


@pytest.fixture
def sample_db(template_dbs: dict[str, Path], tmp_path: Path) -> Path:
    """A database holding the records of ``build_sample``."""
    return _copy(template_dbs["sample"], tmp_path / "sample")


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Runner:
    """Run ``lawgov ARGS`` in-process; ``db=`` puts ``--db PATH`` in front of the command."""
    monkeypatch.setenv("LAWGOV_USER", USER)
    monkeypatch.delenv("LAWGOV_DB", raising=False)
    monkeypatch.delenv("LAWGOV_DEBUG", raising=False)

    def run(*args: str, db: Path | str | None = None) -> Result:
        capsys.readouterr()
        argv = (["--db", str(db)] if db is not None else []) + list(args)
        code = main(argv)
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


@pytest.fixture
def lawgov(run_cli: Runner, sample_db: Path) -> Runner:
    """``lawgov`` on this test's copy of the sample database."""

    def run(*args: str) -> Result:
        return run_cli(*args, db=sample_db)

    return run
