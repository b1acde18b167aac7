"""``lawgov list … --law TITLE [--article …]``: the records citing a law, as in the window's search
by law (依据：食品安全法) and its 依据法律 facet."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lawgov_desktop.core.library import Library

Runner = Callable[..., Any]  # the run_cli fixture of tests/cli/conftest.py


@pytest.fixture
def lawgov(run_cli: Runner, sample_db: Path) -> Runner:
    """The sample database with the food safety law cited by a licence item and a power."""
    with Library(sample_db, user="测试员") as library:
        library.records.update("licence", 4, {"legal_basis": "【法律】《中华人民共和国食品安全法》第三十五条第一款"})
        library.records.update("power", 1, {"legal_basis": "《食品安全法》第一百二十二条"})

    def run(*args: str) -> Any:
        return run_cli(*args, db=sample_db)

    return run


def ids(result: Any) -> list[int]:
    assert result.code == 0, result.err
    return [row["id"] for row in json.loads(result.out)["rows"]]


def test_list_the_records_citing_a_law_or_one_of_its_articles(lawgov: Runner) -> None:
    assert ids(lawgov("list", "licence", "--law", "食品安全法", "--json")) == [4]
    assert ids(lawgov("list", "power", "--law", "中华人民共和国食品安全法", "--json")) == [1]
    assert ids(lawgov("list", "licence", "--law", "食品安全法", "--article", "第三十五条", "--json")) == [4]
    assert ids(lawgov("list", "licence", "--law", "食品安全法", "--article", "36", "--json")) == []


def test_an_unknown_law_or_an_article_alone_is_refused(lawgov: Runner) -> None:
    unknown = lawgov("list", "licence", "--law", "没有这部法")
    assert unknown.code != 0 and "法律法规库中没有“没有这部法”" in unknown.err
    alone = lawgov("list", "licence", "--article", "第三十五条")
    assert alone.code != 0 and "--article 需与 --law 一起使用" in alone.err
    assert lawgov("list", "departments", "--law", "食品安全法").code != 0
