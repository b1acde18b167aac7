"""Fixtures for the core tests: a fresh library on each engine (a file in a temporary folder, a
database on the test PostgreSQL server), and a small city."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from server import fresh_database

from lawgov_desktop.core.library import Library


@pytest.fixture(params=["sqlite", "postgresql"])
def lib(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    monkeypatch.setenv("LAWGOV_USER", "测试员")
    if request.param == "sqlite":
        library = Library(tmp_path / "城市 清单.sqlite3")
        yield library
        library.close()
        return
    monkeypatch.setenv("LAWGOV_DATA_DIR", str(tmp_path / "data"))  # a server's backups go to the user's folder
    with fresh_database() as address:
        library = Library(address, user="测试员")
        yield library
        library.close()


@pytest.fixture
def sqlite_lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    """A library in a SQLite file, for what only a file has (its locks, its pages, its copies)."""
    monkeypatch.setenv("LAWGOV_USER", "测试员")
    library = Library(tmp_path / "城市 清单.sqlite3")
    yield library
    library.close()


@pytest.fixture
def city(lib: Library) -> dict[str, int]:
    """Departments, licence items with sub-items, and one power handed to three streets."""
    ids = {
        "fgj": lib.records.create("department", {"name": "汕尾市发展和改革局", "aliases": "市发改局、市发展改革局",
                                         "level": "市级", "region": "汕尾市"}),
        "scj": lib.records.create("department", {"name": "汕尾市市场监督管理局", "aliases": ["市市场监管局"],
                                         "level": "市级"}),
        "hfjy": lib.records.create("department", {"name": "海丰县教育局", "level": "县级", "region": "海丰县"}),
    }
    ids["hezhun"] = lib.records.create("licence", {
        "name": "企业投资项目核准", "department": "市发改局", "part": "central", "level": "市级",
        "legal_basis": "《企业投资项目核准和备案管理条例》", "code": "000172001000", "sequence": "1"})
    ids["hezhun_sub"] = lib.records.create("licence", {"name": "企业投资项目核准（外资）", "parent_id": ids["hezhun"]})
    ids["food"] = lib.records.create("licence", {
        "name": "食品经营许可", "department": "市市场监管局", "part": "central", "level": "县级",
        "implementing_authority": "县级市场监管部门", "certificate": "食品经营许可证", "sequence": "2"})
    ids["school"] = lib.records.create("licence", {
        "name": "民办学校办学许可", "department": "海丰县教育局", "part": "local", "level": "县级",
        "sequence": "3", "remark": "省政府规章设定"})
    ids["batch1"] = lib.records.create("batch", {"name": "第一批", "document_number": "汕府〔2022〕1号"})
    ids["batch2"] = lib.records.create("batch", {"name": "第二批"})
    ids["power"] = lib.records.create("power", {
        "name": "对未取得食品经营许可从事食品经营活动的处罚", "code": "330217001000", "department": "市市场监管局",
        "power_type": "行政处罚", "domain": "市场监管"})
    for street in ("田墘街道", "东洲街道", "遮浪街道"):
        lib.records.create("delegation", {"power_id": ids["power"], "region": street, "batch": "第一批",
                                  "effective_date": "2022年10月1日", "document_number": "汕府函(2022)136号"})
    ids["power2"] = lib.records.create("power", {"name": "对违法占用城市道路的处罚", "department": "市发改局",
                                         "power_type": "行政处罚"})
    lib.records.create("delegation", {"power_id": ids["power2"], "region": "海丰县", "batch": "第二批"})
    return ids
