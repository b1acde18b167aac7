"""The lists narrowed to the records citing a law (ListFilter.law_ids, optionally one article), on
both engines: the search by law and the 依据法律 facet of the window, saved filters of a law."""

from __future__ import annotations

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter

FOOD = "【法律】《中华人民共和国食品安全法》第三十五条第一款"


def test_records_citing_a_law_and_an_article(lib: Library) -> None:
    lib.records.create("department", {"name": "市市场监督管理局"})
    lib.records.create("department", {"name": "市卫生健康委员会"})
    licence = lib.records.create("licence", {"name": "食品经营许可", "department": "市市场监督管理局",
                                             "legal_basis": FOOD})
    lib.records.create("licence", {"name": "排污许可", "department": "市市场监督管理局",
                                   "legal_basis": "《中华人民共和国行政许可法》第十二条"})
    power = lib.records.create("power", {"name": "对餐饮具消毒的检查", "department": "市卫生健康委员会",
                                         "legal_basis": "《食品安全法》第五十六条",
                                         "responsibility_basis": "《食品安全法》第三十五条"})
    food = lib.laws.find("食品安全法")
    assert food is not None

    def ids(kind: str, flt: ListFilter) -> list[int]:
        return [row["id"] for row in lib.lists.query(kind, flt).rows]

    assert ids("licence", ListFilter(law_ids=(food,))) == [licence]
    assert ids("power", ListFilter(law_ids=(food,))) == [power]
    assert ids("power", ListFilter(law_ids=(food,), law_article=35)) == [power]  # any legal-basis field
    assert ids("power", ListFilter(law_ids=(food,), law_article=99)) == []
    assert ids("licence", ListFilter(text="排污", law_ids=(food,))) == []
    assert lib.lists.query("licence", ListFilter(law_ids=(food,))).total == 1
    assert not ListFilter(law_ids=(food,)).is_empty()
    assert ListFilter.from_json(ListFilter(law_ids=(food,), law_article=35).to_json()) == ListFilter(
        law_ids=(food,), law_article=35)
    version = lib.versions.save_version("2024年版")
    assert [row["name"] for row in lib.lists.query("licence", ListFilter(law_ids=(food,), version_id=version)).rows] \
        == ["食品经营许可"]


def test_the_marks_of_a_page_of_records(lib: Library) -> None:
    """What a list's page asks: the marks of its records alone, the same as the whole list's."""
    lib.records.create("department", {"name": "市市场监督管理局"})
    cited = [lib.records.create("licence", {"name": f"许可{n}", "department": "市市场监督管理局",
                                            "legal_basis": FOOD}) for n in range(3)]
    power = lib.records.create("power", {"name": "检查", "department": "市市场监督管理局", "legal_basis": FOOD})
    lib.laws.update("食品安全法", {"status": "已废止"})
    whole = lib.laws.marks()
    assert set(whole) == {*(("licence", n) for n in cited), ("power", power)}
    page = lib.laws.marks(only=("licence", cited[1:]))
    assert page == {("licence", n): whole[("licence", n)] for n in cited[1:]}
    assert lib.laws.marks(only=("power", [])) == {}
