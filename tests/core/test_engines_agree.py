"""The same data on SQLite and on PostgreSQL gives the same answers: search finds any substring of
one character or more with the same totals and the same order, whatever column a list is sorted by."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from server import fresh_database

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter

DEPARTMENTS = ["汕尾市市场监督管理局", "汕尾市交通运输局", "海丰县教育局", "陆丰市住房和城乡建设局", "ＡＢＣ检测中心"]
WORDS = ["食品", "经营", "许可", "药品", "道路", "运输", "建设", "工程", "教育", "民办", "学校", "市场", "监督",
         "ABC", "Road", "１２３", "长安", "银行", "工业", "公安", "《食品安全法》", "第三十五条", "、", "（外资）"]
TERMS = ["品", "营", "市", "食品", "经营", "道路运输", "食品 许可", "abc", "ＡＢＣ", "road", "123", "长安银行",
         "《食品", "第三十五条", "外资", "许可，食品", "不存在的词", "学", "工", "安法"]
SORTS = ["position", "name", "department", "implementing_authority", "legal_basis", "code", "level", "id"]


def _fill(library: Library, seed: int = 7) -> None:
    """Two hundred licence items and sixty powers drawn from a fixed word list (same on each engine)."""
    rng = random.Random(seed)
    for name in DEPARTMENTS:
        library.records.create("department", {"name": name})
    taken: set[tuple[str, str]] = set()
    for index in range(200):
        words = rng.sample(WORDS, 3)
        name, department = "".join(words[:2]) + ("许可" if index % 3 else ""), rng.choice(DEPARTMENTS)
        if (name, department) in taken:  # one name per department
            continue
        taken.add((name, department))
        library.records.create("licence", {
            "name": name, "department": department,
            "part": rng.choice(["central", "local"]), "legal_basis": words[2] + rng.choice(WORDS),
            "implementing_authority": rng.choice(["", "市级", "县级市场部门", "ＡＢ部门", "各镇街"]),
            "code": f"{rng.randrange(1000):04d}", "level": rng.choice(["市级", "县级", ""]),
            "sequence": str(index + 1)})
    for index in range(60):
        name, department = "对" + "".join(rng.sample(WORDS, 2)) + "的处罚", rng.choice(DEPARTMENTS)
        if (name, department) in taken:
            continue
        taken.add((name, department))
        library.records.create("power", {
            "name": name, "department": department,
            "power_type": rng.choice(["行政处罚", "行政检查", "行政强制"]), "code": str(index)})


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, Library]]:
    file = Library(Path(tmp_path_factory.mktemp("engines")) / "same.sqlite3", user="测试员")
    _fill(file)
    with fresh_database() as address:
        server = Library(address, user="测试员")
        _fill(server)
        yield file, server
        server.close()
    file.close()


@pytest.mark.parametrize("term", TERMS)
def test_search_gives_the_same_totals_and_order(both: tuple[Library, Library], term: str) -> None:
    file, server = both
    for kind in ("licence", "power"):
        for sort in SORTS if kind == "licence" else ["position", "name", "department", "power_type"]:
            for descending in (False, True):
                pages = [library.lists.query(kind, ListFilter(text=term), sort=sort, descending=descending,
                                             limit=500) for library in (file, server)]
                assert pages[0].total == pages[1].total, (kind, sort)
                assert [row["id"] for row in pages[0].rows] == [row["id"] for row in pages[1].rows], (kind, sort)


def test_the_terms_do_find_something(both: tuple[Library, Library]) -> None:
    """The comparison above means something: one-character terms find many, a missing word none."""
    file, server = both
    totals = {term: server.lists.query("licence", ListFilter(text=term)).total for term in TERMS}
    assert totals["品"] > 20 and totals["食品 许可"] > 0 and totals["abc"] > 0 and totals["不存在的词"] == 0
    assert totals["ＡＢＣ"] == totals["abc"]


def test_department_and_region_lists_agree(both: tuple[Library, Library]) -> None:
    file, server = both
    for kind, sort in (("department", "name"), ("region", "position"), ("region", "name")):
        for text in ("", "市", "汕尾", "abc"):
            pages = [library.lists.query(kind, ListFilter(text=text), sort=sort, limit=500) for library in (file, server)]
            assert [row["id"] for row in pages[0].rows] == [row["id"] for row in pages[1].rows], (kind, text)
