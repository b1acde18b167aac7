"""Chinese substring search: 1-, 2- and 3+-character terms, through the FTS5 pair index."""

from __future__ import annotations

import sqlite3

import pytest

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.core.search import BOUNDARY, index_text, match_expression


def test_index_text_writes_characters_and_boundaries() -> None:
    b = BOUNDARY
    assert index_text(["市场监管", None, "", "《食品》"]) == f"市 场 监 管 {b} 食 品 {b}"


def test_match_expression_is_a_phrase_of_characters() -> None:
    assert match_expression("市") == '"市"'
    assert match_expression("市场监管") == '"市 场 监 管"'
    assert match_expression("食品 许可") == '"食 品" AND "许 可"'
    assert match_expression("汕府函〔2022〕") == '"汕 府 函" AND "2 0 2 2"'
    assert match_expression("《》 ,") is None


def test_full_width_and_case_fold() -> None:
    assert match_expression("ＡＢＣ１") == match_expression("abc1")
    assert index_text(["ＡＢ"]) == "a b"


@pytest.fixture
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 0')")
    texts = ["食品经营许可", "市场监督管理局", "药品经营", "对违法建设的处罚", "经营", "品", "许可，食品"]
    conn.executemany("INSERT INTO t (rowid, body) VALUES (?, ?)",
                     [(i, index_text([text])) for i, text in enumerate(texts, 1)])
    return conn


def _found(conn: sqlite3.Connection, term: str) -> list[int]:
    return [r[0] for r in conn.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid",
                                       (match_expression(term),))]


@pytest.mark.parametrize(("term", "expected"), [
    ("品", [1, 3, 6, 7]),         # one character, including at the end of a text and alone
    ("营", [1, 3, 5]),
    ("经营", [1, 3, 5]),          # two characters
    ("品经营", [1, 3]),            # three
    ("食品经营许可", [1]),          # the whole text
    ("监督管理", [2]),
    ("许可食品", []),              # never across punctuation (row 7 is "许可，食品")
    ("可市", []),                  # never across two texts
])
def test_substring_semantics(fts: sqlite3.Connection, term: str, expected: list[int]) -> None:
    assert _found(fts, term) == expected


def test_no_match_across_fields(lib: Library) -> None:
    lib.records.create("department", {"name": "市林业局"})
    lib.records.create("licence", {"name": "林木采伐许可", "department": "市林业局", "remark": "证核发"})
    assert lib.lists.query("licence", ListFilter(text="可证")).total == 0
    assert lib.lists.query("licence", ListFilter(text="许可")).total == 1


@pytest.mark.parametrize(("term", "names"), [
    ("核", ["企业投资项目核准"]),
    ("食", ["食品经营许可"]),
    ("许可", ["食品经营许可", "民办学校办学许可"]),
    ("投资项目", ["企业投资项目核准"]),
    ("外资", ["企业投资项目核准"]),                 # a sub-item's name finds its main item
    ("发改", ["企业投资项目核准"]),                 # the department's name is searchable
    ("食品经营许可证", ["食品经营许可"]),            # the certificate field
    ("000172", ["企业投资项目核准"]),               # a code substring
    ("行政许可法", []),
])
def test_library_search_terms(lib: Library, city: dict[str, int], term: str, names: list[str]) -> None:
    page = lib.lists.query("licence", ListFilter(text=term))
    assert sorted(row["name"] for row in page.rows) == sorted(names)
    assert page.total == len(names)


def test_search_follows_edits_and_deletes(lib: Library, city: dict[str, int]) -> None:
    lib.records.update("licence", city["food"], {"name": "食品生产许可", "certificate": None})
    assert lib.lists.query("licence", ListFilter(text="经营")).total == 0
    assert lib.lists.query("licence", ListFilter(text="生产")).total == 1
    lib.records.update("department", city["scj"], {"name": "汕尾市市场监管总局"})
    assert lib.lists.query("licence", ListFilter(text="总局")).total == 1
    lib.records.delete("licence", city["food"])
    assert lib.lists.query("licence", ListFilter(text="生产")).total == 0


def test_power_search_covers_receiving_townships_and_documents(lib: Library, city: dict[str, int]) -> None:
    assert [r["id"] for r in lib.lists.query("power", ListFilter(text="遮浪")).rows] == [city["power"]]
    assert lib.lists.query("power", ListFilter(text="136")).total == 1
    assert lib.lists.query("power", ListFilter(text="处罚")).total == 2
