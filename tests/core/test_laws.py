"""The law library (core/laws.py) and the citation rows kept with every record
(core/citation_rows.py): citations parsed once on every write path and kept, laws made from the
titles cited, a catalogue merged by title, the 受影响事项 report, marks and unresolved titles."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from lawgov_desktop.core import schema
from lawgov_desktop.core.errors import NotFoundError, ValidationError
from lawgov_desktop.core.laws import article_refs, law_status
from lawgov_desktop.core.library import Library

FOOD = ("【法律】《中华人民共和国食品安全法》（2009年2月28日通过，2015年4月24日修订）\n"
        "第三十五条第一款：国家对食品生产经营实行许可制度。")
FOOD_SHORT = "《食品安全法》第一百二十二条、第一百二十三条第一款第（二）项"
LICENSING = "【法律】《中华人民共和国行政许可法》第十二条\n【行政法规】《食品生产许可管理办法（试行）》"


def citation_rows(lib: Library, kind: str, record_id: int) -> list[tuple]:
    column = {"licence": "licence_id", "power": "power_id"}[kind]
    return [tuple(row) for row in lib.store.conn.execute(
        f"SELECT l.title, c.article, c.paragraph, c.item FROM citation c LEFT JOIN law l ON l.id = c.law_id"
        f" WHERE c.{column} = ? ORDER BY c.id", (record_id,))]


@pytest.fixture
def cited(lib: Library) -> dict[str, int]:
    """Two departments citing the food safety law by its full and its short title."""
    ids = {
        "scj": lib.records.create("department", {"name": "市市场监督管理局"}),
        "wsj": lib.records.create("department", {"name": "市卫生健康委员会"}),
    }
    ids["food_licence"] = lib.records.create("licence", {"name": "食品经营许可", "department": "市市场监督管理局",
                                                         "legal_basis": FOOD})
    ids["food_power"] = lib.records.create("power", {"name": "对未取得许可从事食品经营的处罚",
                                                     "department": "市市场监督管理局", "legal_basis": FOOD_SHORT})
    ids["health"] = lib.records.create("power", {"name": "对餐饮具集中消毒单位的检查", "department": "市卫生健康委员会",
                                                 "legal_basis": "《食品安全法》第五十六条",
                                                 "responsibility_basis": "《中华人民共和国行政许可法》第六十一条"})
    return ids


def test_citations_are_kept_when_a_record_is_created_edited_deleted_and_undone(lib: Library,
                                                                            cited: dict[str, int]) -> None:
    assert citation_rows(lib, "licence", cited["food_licence"]) == [("中华人民共和国食品安全法", 35, 1, None)]
    assert citation_rows(lib, "power", cited["food_power"]) == [
        ("中华人民共和国食品安全法", 122, None, None), ("中华人民共和国食品安全法", 123, 1, 2)]
    # the short and the full title are one law, made from the first title cited (status unknown)
    law = lib.laws.get("食品安全法")
    assert law["title"] == "中华人民共和国食品安全法" and law["status"] == "" and law["level"] == "法律"

    lib.records.update("licence", cited["food_licence"], {"legal_basis": LICENSING})
    assert citation_rows(lib, "licence", cited["food_licence"]) == [
        ("中华人民共和国行政许可法", 12, None, None), ("食品生产许可管理办法（试行）", None, None, None)]
    lib.history.revert_operation(lib.history.last_operation())
    assert citation_rows(lib, "licence", cited["food_licence"]) == [("中华人民共和国食品安全法", 35, 1, None)]

    lib.records.delete("power", cited["food_power"])
    assert citation_rows(lib, "power", cited["food_power"]) == []
    lib.history.revert_operation(lib.history.last_operation())
    assert len(citation_rows(lib, "power", cited["food_power"])) == 2


def test_text_that_cites_no_law_is_kept_and_listed(lib: Library, cited: dict[str, int]) -> None:
    lib.records.update("power", cited["health"], {"legal_basis": "市政府有关文件精神\n《食品安全法》第五十六条"})
    assert [(u["id"], u["text"]) for u in lib.laws.unparsed()] == [(cited["health"], "市政府有关文件精神")]


def test_a_saved_version_keeps_its_own_citations(lib: Library, cited: dict[str, int]) -> None:
    version = lib.versions.save_version("2024年版")
    lib.records.update("licence", cited["food_licence"], {"legal_basis": LICENSING})
    assert [r.id for r in lib.laws.affected("食品安全法").records if r.kind == "licence"] == []
    in_version = lib.laws.affected("食品安全法", version_id=version).records
    assert [r.name for r in in_version if r.kind == "licence"] == ["食品经营许可"]


def test_the_affected_report_names_every_record_by_department_with_its_articles(lib: Library,
                                                                             cited: dict[str, int]) -> None:
    report = lib.laws.affected("《中华人民共和国食品安全法》")
    assert {name: [(r.name, r.articles) for r in records] for name, records in report.by_department.items()} == {
        "市卫生健康委员会": [("对餐饮具集中消毒单位的检查", ["第五十六条"])],
        "市市场监督管理局": [("食品经营许可", ["第三十五条第一款"]),
                            ("对未取得许可从事食品经营的处罚", ["第一百二十二条", "第一百二十三条第一款第（二）项"])],
    }
    narrowed = lib.laws.affected("食品安全法", article="第一百二十三条")
    assert [r.id for r in narrowed.records] == [cited["food_power"]]
    assert lib.laws.affected("食品安全法", article="第三十五条第一款").as_dict()["licence_items"] == 1
    assert lib.laws.affected("食品安全法", article="第三十五条第二款").records == []
    with pytest.raises(NotFoundError, match="没有"):
        lib.laws.affected("中华人民共和国不存在法")


def test_a_catalogue_merges_short_and_full_titles_and_folds_other_writings(lib: Library,
                                                                           cited: dict[str, int]) -> None:
    before = lib.laws.get("食品安全法")["id"]
    lib.records.update("licence", cited["food_licence"], {"legal_basis": LICENSING})
    counts = lib.laws.import_catalogue([
        {"title": "食品安全法", "level": "法律", "status": "有效", "promulgated": "2021-04-29"},
        {"title": "中华人民共和国行政许可法", "level": "法律", "status": "现行有效", "promulgated": "2019年4月23日"},
        {"title": "食品生产许可管理办法", "level": "部门规章", "status": "已失效"},
    ])
    assert counts == {"added": 1, "updated": 2, "folded": 1}
    food = lib.laws.get("中华人民共和国食品安全法")
    assert food["id"] == before and food["status"] == "现行有效" and food["catalogued"] == 1
    assert food["title"] == "食品安全法"  # the catalogue's writing
    # the cited （试行） writing now names the catalogue's law, its citations moved there
    rules = lib.laws.get("食品生产许可管理办法（试行）")
    assert rules["title"] == "食品生产许可管理办法" and rules["short_titles"] == ["食品生产许可管理办法（试行）"]
    assert [r.id for r in lib.laws.affected("食品生产许可管理办法").records] == [cited["food_licence"]]
    assert lib.laws.get("行政许可法")["promulgated"] == "2019-04-23"
    # a record written later resolves to the same law, the catalogue's short writing too
    new = lib.records.create("licence", {"name": "食品生产许可", "department": "市市场监督管理局",
                                         "legal_basis": "《食品生产许可管理办法(试行)》第五条"})
    assert citation_rows(lib, "licence", new) == [("食品生产许可管理办法", 5, None, None)]


def test_marks_repealed_laws_and_editions_older_than_the_latest_amendment(lib: Library,
                                                                          cited: dict[str, int]) -> None:
    assert lib.laws.marks() == {}
    lib.laws.update("食品安全法", {"amendments": [{"date": "2021-04-29", "title": "关于修改〈道路交通安全法〉等八部法律的决定"}]})
    # the licence cites the 2015 edition in its note; the powers name no edition
    assert lib.laws.marks() == {("licence", cited["food_licence"]): [
        "引用的版本早于最新修改（引用2015年版本，最新2021年）：《中华人民共和国食品安全法》"]}
    lib.laws.update("行政许可法", {"status": "已废止"})
    assert lib.laws.marks()[("power", cited["health"])] == ["引用已废止的法律法规：《中华人民共和国行政许可法》"]


def test_titles_outside_the_catalogue_are_listed_with_the_closest(lib: Library, cited: dict[str, int]) -> None:
    lib.records.update("power", cited["health"], {"responsibility_basis": "【法律】《中华人民共和国行政许可发》第六十一条"})
    lib.laws.import_catalogue([{"title": "行政许可法"}, {"title": "食品安全法"}])
    unresolved = lib.laws.unresolved()
    assert [(u["title"], u["closest"]) for u in unresolved] == [
        ("中华人民共和国行政许可发", [{"title": "行政许可法", "distance": 1}])]  # 食品安全法 is too far
    version = lib.versions.save_version("2024年版")
    lib.records.update("power", cited["health"], {"responsibility_basis": None})
    assert lib.laws.unresolved() == []
    assert [u["title"] for u in lib.laws.unresolved(version_id=version)] == ["中华人民共和国行政许可发"]
    lib.history.revert_operation(lib.history.last_operation())
    assert lib.laws.coverage() == {"citations": 4, "resolved": 3, "unparsed_texts": 0, "laws": 3,
                                   "catalogued_laws": 2}


def test_amendment_decisions_are_laws_linked_to_the_laws_they_amend(lib: Library, cited: dict[str, int]) -> None:
    lib.records.update("licence", cited["food_licence"], {"legal_basis": (
        "《中华人民共和国食品安全法》（根据《全国人民代表大会常务委员会关于修改〈中华人民共和国产品质量法〉等五部法律的决定》修正）"
        "第三十五条\n《关于修改〈中华人民共和国道路交通安全法〉的决定》")})
    food = lib.laws.get("食品安全法")["id"]
    quality = lib.laws.get("产品质量法")
    traffic = lib.laws.get("道路交通安全法")
    decision = lib.laws.get("全国人民代表大会常务委员会关于修改〈中华人民共和国产品质量法〉等五部法律的决定")
    assert decision["level"] == "修改决定" and sorted(decision["amends"]) == sorted([food, quality["id"]])
    assert lib.laws.get("关于修改〈中华人民共和国道路交通安全法〉的决定")["amends"] == [traffic["id"]]


def test_editing_a_law_checks_what_it_is_given(lib: Library, cited: dict[str, int]) -> None:
    law = lib.laws.update("食品安全法", {"status": "已被修改", "level": "法律", "effective": "2015年10月1日",
                                         "short_titles": "食品安全法、食安法"})
    assert (law["status"], law["effective"], law["short_titles"]) == ("已被修改", "2015-10-01", ["食品安全法", "食安法"])
    assert lib.laws.get("《食安法》")["id"] == law["id"]
    assert [entry["title"] for entry in lib.laws.list(status="已被修改")] == ["中华人民共和国食品安全法"]
    assert [entry["cited_by"] for entry in lib.laws.list(search="食品安全")] == [3]
    with pytest.raises(ValidationError, match="时效性"):
        lib.laws.update("食品安全法", {"status": "还行"})
    with pytest.raises(ValidationError, match="日期"):
        lib.laws.update("食品安全法", {"promulgated": "去年"})
    with pytest.raises(ValidationError, match="相同"):
        lib.laws.update("食品安全法", {"title": "行政许可法"})
    renamed = lib.laws.update("行政许可法", {"title": "中华人民共和国行政许可法（试行）"})
    assert renamed["short_titles"] == ["中华人民共和国行政许可法"]
    new = lib.records.create("licence", {"name": "新事项", "department": "市市场监督管理局",
                                         "legal_basis": "《中华人民共和国行政许可法》第十二条"})
    assert citation_rows(lib, "licence", new) == [("中华人民共和国行政许可法（试行）", 12, None, None)]


def test_status_writings_and_article_filters() -> None:
    assert [law_status(w) for w in ("有效", "已失效", "已被修改", "尚未施行", "")] == [
        "现行有效", "已废止", "已被修改", "尚未生效", ""]
    assert [str(ref) for ref in article_refs("第三十五条第二款")] == ["第三十五条第二款"]
    assert [ref.article for ref in article_refs("35")] == [35]
    with pytest.raises(ValidationError, match="条款"):
        article_refs("前言")


def test_reindex_rebuilds_every_citation(lib: Library, cited: dict[str, int]) -> None:
    with lib.store.transaction():
        lib.store.conn.execute("DELETE FROM citation")
    lib.laws.reindex()
    assert len(citation_rows(lib, "power", cited["food_power"])) == 2


def test_migration_0007_fills_the_citations_of_existing_records(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "old.sqlite3"
    command.upgrade(schema.alembic_config(path), "0006")
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO department (name, created_at, updated_at) VALUES ('市林业局', 't', 't')")
    conn.execute("INSERT INTO power (name, department_id, status, position, created_at, updated_at, legal_basis)"
                 " VALUES ('对擅自砍伐林木的处罚', 1, '有效', 1, 't', 't', '《中华人民共和国森林法》第七十六条')")
    conn.commit()
    conn.close()
    with Library(path) as lib:
        assert citation_rows(lib, "power", 1) == [("中华人民共和国森林法", 76, None, None)]
