"""Legal-basis cells read as citations, on the text real lists hold.

A sample of the 克拉玛依市 权责清单 cells, checked by hand citation by citation, is kept in
tests/core/data/citations_karamay.json; where the workbooks are beside the repository the sample is
checked against them and every legal-basis cell of them is parsed.  Unit tests cover each written
form on its own.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from lawgov_desktop.core.citations import (
    ArticleRef,
    Citation,
    LawIndex,
    amended_titles,
    is_amendment,
    parse_citations,
    title_key,
    unparsed_parts,
)

SHARED = Path(__file__).resolve().parents[3] / "shared" / "real-lists"
KARAMAY = SHARED / "karamay"
NATIONAL_LAWS = SHARED / "laws" / "national-laws.csv"
SAMPLE = json.loads((Path(__file__).parent / "data" / "citations_karamay.json").read_text(encoding="utf-8"))
needs_real_lists = pytest.mark.skipif(not KARAMAY.is_dir() or not NATIONAL_LAWS.is_file(),
                                      reason="shared/real-lists is not beside the repository")
# Headers of the legal-basis columns (实施依据, 设定和实施依据, 责任事项依据…): short, ending in 依据.
BASIS_HEADER = re.compile(r"^\S{0,10}依据$")


def legal_basis_cells(folder: Path) -> Iterator[tuple[str, str, int, int, str]]:
    """(workbook, sheet, row, column, text) of every filled legal-basis cell of the workbooks in
    ``folder``, rows and columns counted from 1; read by content (two .xlsx there are old .xls)."""
    for path in sorted(folder.iterdir()):
        with path.open("rb") as handle:
            book = CalamineWorkbook.from_filelike(handle)
            for sheet in book.sheet_names:
                rows = book.get_sheet_by_name(sheet).to_python()
                columns = {index for row in rows[:6] for index, value in enumerate(row)
                           if BASIS_HEADER.match(str(value).strip())}
                for number, row in enumerate(rows, 1):
                    for index in sorted(columns & set(range(len(row)))):
                        text = str(row[index])
                        if text.strip() and not BASIS_HEADER.match(text.strip()):
                            yield path.name, sheet, number, index + 1, text


def national_titles() -> set[str]:
    with NATIONAL_LAWS.open(encoding="utf-8") as handle:
        return {row["标题"] for row in csv.DictReader(handle)}


def national_catalogue() -> LawIndex:
    return LawIndex.from_titles(national_titles())


def summary(citation: Citation) -> dict[str, object]:
    """A citation as the sample writes it."""
    return {"title": citation.title, "level": citation.level,
            "articles": [[ref.article, ref.paragraph, ref.item] for ref in citation.articles],
            "chapters": list(citation.chapters), "amended_by": list(citation.amended_by),
            "note_starts": citation.note[:12], "provision_starts": citation.provision[:12]}


def row_and_column(cell: str) -> tuple[int, int]:
    """A cell name as row and column numbers: E54 → (54, 5)."""
    letters, digits = re.fullmatch(r"([A-Z]+)(\d+)", cell).groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return int(digits), column


# -- the hand-checked sample of real cells -------------------------------------------------------


@pytest.mark.parametrize("cell", SAMPLE["cells"], ids=lambda cell: f"{cell['workbook'][:12]}-{cell['sheet']}-{cell['cell']}")
def test_real_cells_give_the_citations_checked_by_hand(cell: dict) -> None:
    citations = parse_citations(cell["text"])
    assert [summary(citation) for citation in citations] == cell["citations"]
    assert unparsed_parts(cell["text"], citations) == cell["unparsed"]
    for citation in citations:
        start, end = citation.span
        assert cell["text"][start:end].strip() == cell["text"][start:end]
        assert citation.key == title_key(citation.title)


def test_the_sample_covers_the_forms_the_lists_use() -> None:
    citations = [citation for cell in SAMPLE["cells"] for citation in cell["citations"]]
    assert len(SAMPLE["cells"]) >= 40
    assert {citation["level"] for citation in citations} >= {"法律", "法规", "规章", "规范性文件", "国务院决定", None}
    assert any(len(cell["citations"]) >= 4 for cell in SAMPLE["cells"])
    assert any(paragraph is not None and item is not None for citation in citations
               for _, paragraph, item in citation["articles"])
    assert any(citation["chapters"] for citation in citations)
    assert any(citation["amended_by"] for citation in citations)
    assert any(cell["unparsed"] for cell in SAMPLE["cells"])


@needs_real_lists
def test_the_sample_is_the_text_the_workbooks_hold() -> None:
    for cell in SAMPLE["cells"]:
        with (KARAMAY / cell["workbook"]).open("rb") as handle:
            rows = CalamineWorkbook.from_filelike(handle).get_sheet_by_name(cell["sheet"]).to_python()
        row, column = row_and_column(cell["cell"])
        assert rows[row - 1][column - 1] == cell["text"], cell["cell"]
        assert cell["header"] in [str(heading[column - 1]).strip() for heading in rows[:6]]


@needs_real_lists
def test_every_legal_basis_cell_of_the_real_workbooks_parses() -> None:
    """All 3,269 legal-basis cells: only three hold text outside any citation (a heading pasted into
    the column twice, and an article whose law is on another row), and every title that an exact
    match (after a leading 中华人民共和国) finds in the national catalogue resolves, wherever it stands."""
    titles = national_titles()
    catalogue = LawIndex.from_titles(titles)
    unparsed, citations, cells = [], [], 0
    for workbook, _, row, _, text in legal_basis_cells(KARAMAY):
        found = parse_citations(text)
        cells += 1
        citations += found
        unparsed += [(workbook, row, part[:20]) for part in unparsed_parts(text, found)]
        for title in re.findall(r"《([^《》]*)》", text):
            if title.removeprefix("中华人民共和国") in titles:
                assert catalogue.resolve(title) is not None, title
    assert cells == 3269
    assert unparsed == [("克拉玛依市住房和城乡建设局2024年权责清单.xls", 1, "住房和城乡建设系统区地县三级权责清单指导")] * 2 + [
        ("附件：克拉玛依市财政局2025年权责清单 (1).xlsx", 12, "第七十八条：采购代理机构在代理政府采购业")]
    resolved = [citation for citation in citations if catalogue.resolve(citation.title)]
    assert len(citations) > 4000
    assert len(resolved) / len(citations) > 0.7
    assert all(citation.title and citation.span[0] < citation.span[1] for citation in citations)


# -- titles, levels and articles in each written form ---------------------------------------------


def test_several_laws_run_together_or_on_separate_lines() -> None:
    together = parse_citations("《中华人民共和国行政许可法》第三十条、《食品经营许可管理办法》第二条；《城镇燃气管理条例》")
    assert [(c.title, c.articles) for c in together] == [
        ("中华人民共和国行政许可法", (ArticleRef(30),)), ("食品经营许可管理办法", (ArticleRef(2),)),
        ("城镇燃气管理条例", ())]
    text = "《食品安全法》第35条\n《城镇燃气管理条例》第十五条：从事燃气经营活动的，应当依法取得许可。"
    lines = parse_citations(text)
    assert [(c.key, c.articles, c.provision) for c in lines] == [
        ("食品安全法", (ArticleRef(35),), ""),
        ("城镇燃气管理条例", (ArticleRef(15),), "从事燃气经营活动的，应当依法取得许可。")]
    assert [c.span for c in lines] == [(0, text.index("\n")), (text.index("《城镇"), len(text))]


def test_a_title_may_hold_another_in_any_bracket() -> None:
    text = ("《广东省实施《中华人民共和国人民防空法》办法》第十六条：从事相关经营活动，应当依法取得许可。\n"
            "《广东省实施〈中华人民共和国人民防空法〉办法》第十七条\n《广东省实施<人民防空法>办法》第十八条")
    citations = parse_citations(text)
    assert [c.title for c in citations] == ["广东省实施《中华人民共和国人民防空法》办法",
                                            "广东省实施〈中华人民共和国人民防空法〉办法", "广东省实施<人民防空法>办法"]
    assert len({c.key for c in citations}) == 1
    assert citations[0].key != title_key("中华人民共和国人民防空法")


def test_article_paragraph_and_item_in_every_form() -> None:
    def refs(written: str) -> list[tuple[int, int | None, int | None]]:
        (citation,) = parse_citations(f"《中华人民共和国食品安全法》{written}：……")
        return [(ref.article, ref.paragraph, ref.item) for ref in citation.articles]

    assert refs("第三十五条") == [(35, None, None)]
    assert refs("第三十五条第二款") == [(35, 2, None)]
    assert refs("第五十八条第（二）项") == [(58, None, 2)]
    assert refs("第十二条第一款第（三）项") == [(12, 1, 3)]
    assert refs("第十二条第一款第三项") == [(12, 1, 3)]
    assert refs("第十条（三）") == [(10, None, 3)]
    assert refs("第三十条、第三十四条、第六十一条") == [(30, None, None), (34, None, None), (61, None, None)]
    assert refs("第三十九条至第四十二条") == [(39, None, None), (40, None, None), (41, None, None), (42, None, None)]
    assert refs("第三十九至第四十一条、第五十九条") == [(39, None, None), (40, None, None), (41, None, None),
                                                  (59, None, None)]
    assert refs("第二十三条第（三）项至第（五）项") == [(23, None, 3), (23, None, 4), (23, None, 5)]
    assert refs("第四十九条第一、三款") == [(49, 1, None), (49, 3, None)]
    assert refs("第七十八条第一款第一、三项") == [(78, 1, 1), (78, 1, 3)]
    assert refs("第十六条第七项、第八项") == [(16, None, 7), (16, None, 8)]
    assert refs("第二十七第二款") == [(27, 2, None)]  # the 条 left out
    assert refs("第一百零三条") == [(103, None, None)]
    assert refs("第35条第2款") == [(35, 2, None)]
    assert refs("第３５条") == [(35, None, None)]  # full-width digits
    assert refs("第一百二十条、三十二条") == [(120, None, None), (32, None, None)]


def test_articles_on_the_lines_below_belong_to_the_law_above() -> None:
    text = ("【规章】《汽车销售管理办法》(2017年4月商务部令2017年第1号)\n"
            "    第七条第二款：县级以上地方商务主管部门依据本办法进行监督管理。\n"
            "    第二十九条：县级以上地方商务主管部门应当实施日常监督检查。\n"
            "    第二款：监督检查可以采取下列措施。")
    (citation,) = parse_citations(text)
    assert citation.articles == (ArticleRef(7, 2), ArticleRef(29), ArticleRef(29, 2))
    assert citation.provision.startswith("县级以上地方商务主管部门依据本办法进行监督管理。")
    assert citation.provision.endswith("监督检查可以采取下列措施。")


@pytest.mark.parametrize("tag", ["法律", "行政法规", "地方性法规", "部门规章", "地方政府规章", "国务院决定", "规范性文件",
                                 "法规", "规章"])
def test_level_tags_real_files_carry(tag: str) -> None:
    (citation,) = parse_citations(f"【{tag}】《某某管理条例》（2019年修订）\n第三条：……")
    assert citation.level == tag
    assert citation.title == "某某管理条例"
    assert citation.note == "2019年修订"
    assert citation.span[0] == 0


def test_the_quoted_provision_follows_the_articles() -> None:
    (citation,) = parse_citations("【法律】《中华人民共和国旅游法》（2018年10月26日修正）\n"
                                  "    第九十五条第一款：违反本法规定，未经许可经营旅行社业务的，由旅游主管部门责令改正。")
    assert citation.provision == "违反本法规定，未经许可经营旅行社业务的，由旅游主管部门责令改正。"
    assert parse_citations("《城镇燃气管理条例》\n全文适用")[0].provision == "全文适用"


def test_laws_named_inside_a_provision_or_a_note_are_not_citations_of_their_own() -> None:
    text = ("【规章】《订户订购进口出版物管理办法》（2011年3月17日通过）\n"
            "    第十条：未经批准，擅自从事进口出版物的订户订购业务，按照《出版管理条例》第六十一条处罚。\n"
            "    （三）《资质认定书》使用合规情况；\n"
            "    第九十三条：……依照【法律】《中华人民共和国畜牧法》的有关规定处罚。\n"
            "（一）《种畜禽生产经营许可证申请表》；")
    (citation,) = parse_citations(text)
    assert citation.title == "订户订购进口出版物管理办法"
    assert citation.articles == (ArticleRef(10), ArticleRef(93))
    assert "《出版管理条例》第六十一条" in citation.provision


def test_titles_closed_twice_or_too_early_are_read_as_meant() -> None:
    closed_twice = parse_citations("【法规】《报废机动车回收管理办法》》（2019年）\n    第四条第二款：……\n"
                                   "【规章】《报废机动车回收管理办法》实施细则》（商务部令2020年第2号）\n    第五条第一款：……")
    assert [c.key for c in closed_twice] == ["报废机动车回收管理办法", "报废机动车回收管理办法实施细则"]


# What a test checks of the one citation read from a text: its description → (text, attributes).
ONE_CITATION = {
    "chapters-are-cited-as-chapters": (
        "【法律】《中华人民共和国行政处罚法》（2021年1月22日修订）\n   第五章、第六章、第七章。",
        {"chapters": (5, 6, 7), "articles": (), "provision": ""}),
    "an-untagged-citation-has-no-level-and-a-year-in-brackets-is-no-tag": (
        "《新疆维吾尔自治区人民防空工程建设行政审批管理规定》（新国动规【2023】2号）第十一条：……",
        {"level": None, "note": "新国动规【2023】2号", "articles": (ArticleRef(11),)}),
    "amendment-decisions-named-in-the-note-are-kept-with-the-law": (
        "【法规】《中华人民共和国测量标志保护条例》（1996年9月4日由国务院令203号发布，根据2011年1月8日"
        "《国务院关于废止和修改部分行政法规的决定》修订。）\n    第二十二条：测量标志受国家保护。",
        {"title": "中华人民共和国测量标志保护条例", "amended_by": ("国务院关于废止和修改部分行政法规的决定",),
         "articles": (ArticleRef(22),)}),
    "a-tag-before-the-history-of-the-law-it-names": (
        "【部令】根据2017年3月1日国务院令第676号《国务院关于废止和修改部分行政法规的决定》第二次修正的"
        "《城市市容和环境卫生管理条例》:第十一条“大型户外广告的设置必须征得同意。”",
        {"title": "城市市容和环境卫生管理条例", "articles": (ArticleRef(11),),
         "amended_by": ("国务院关于废止和修改部分行政法规的决定",)}),
    "a-title-opened-with-the-wrong-bracket": (
        "【法规】（禁止使用童工规定》（2002年10月1日国务院令第364号公布）\n    第四条：……",
        {"title": "禁止使用童工规定", "articles": (ArticleRef(4),)}),
    "a-title-written-twice": (
        "【规章】《住宅室内装饰装修管理办法》《住宅室内装饰装修管理办法》（2002年）\n    第三十五条：……",
        {"note": "2002年", "articles": (ArticleRef(35),)}),
    "a-tag-that-lost-its-opening-bracket": (
        "法律】《中华人民共和国测绘法》（1992年）\n    第四十六条：……",
        {"level": "法律", "key": "测绘法"}),
    "a-title-without-brackets-around-a-quoted-law": (
        "【法规】新疆维吾尔自治区实施《中华人民共和国野生动物保护法》办法(1991年11月2日通过)\n第三十五条：……",
        {"title": "新疆维吾尔自治区实施《中华人民共和国野生动物保护法》办法", "articles": (ArticleRef(35),)}),
}


@pytest.mark.parametrize(("text", "expected"), ONE_CITATION.values(), ids=ONE_CITATION)
def test_one_citation_is_read_as_meant(text: str, expected: dict[str, object]) -> None:
    (citation,) = parse_citations(text)
    assert {name: getattr(citation, name) for name in expected} == expected


def test_text_outside_every_citation_is_listed() -> None:
    text = "住房和城乡建设系统区地县三级权责清单指导目录"
    assert parse_citations(text) == []
    assert unparsed_parts(text, []) == [text]
    text = "依据国务院令第412号。\n1.《中华人民共和国行政许可法》第三十条"
    citations = parse_citations(text)
    assert [c.key for c in citations] == ["行政许可法"]
    assert unparsed_parts(text, citations) == ["依据国务院令第412号。\n1."]
    assert unparsed_parts("", []) == []


def test_article_refs_read_back_as_the_laws_write_them() -> None:
    assert str(ArticleRef(35)) == "第三十五条"
    assert str(ArticleRef(12, 1, 3)) == "第十二条第一款第（三）项"
    assert str(ArticleRef(103, 10)) == "第一百零三条第十款"
    assert str(ArticleRef(210)) == "第二百一十条"
    assert sorted([ArticleRef(12, 1), ArticleRef(3), ArticleRef(12)]) == [ArticleRef(3), ArticleRef(12), ArticleRef(12, 1)]


# -- title keys, amendment decisions and the catalogue ---------------------------------------------


def test_short_and_full_titles_share_a_key_and_an_implementing_measure_keeps_its_own() -> None:
    assert title_key("食品安全法") == title_key("中华人民共和国食品安全法") == "食品安全法"
    assert title_key("中华人民共和国 食品安全法") == title_key("中华人民共和国食品安全法　") == "食品安全法"
    assert title_key("单用途商业预付卡管理办法（试行）") == title_key("单用途商业预付卡管理办法(试行)")
    assert title_key("新疆维吾尔自治区实施<中华人民共和国野生动物保护法>办法（修正）") == \
        title_key("新疆维吾尔自治区实施〈中华人民共和国野生动物保护法〉办法")
    assert title_key("广东省实施〈中华人民共和国人民防空法〉办法") == title_key("广东省实施＜人民防空法＞办法")
    assert title_key("广东省实施〈中华人民共和国人民防空法〉办法") != title_key("中华人民共和国人民防空法")
    assert title_key("ＡＢＣ管理条例（２０１９年修订）") == "ABC管理条例"


def test_amendment_decisions_are_recognised_and_linked_to_what_they_amend() -> None:
    assert is_amendment("全国人民代表大会常务委员会关于修改〈中华人民共和国食品安全法〉的决定")
    assert amended_titles("全国人民代表大会常务委员会关于修改〈中华人民共和国食品安全法〉的决定") == ["中华人民共和国食品安全法"]
    assert amended_titles("关于修改<中华人民共和国野生动物保护法>等十五部法律的决定") == ["中华人民共和国野生动物保护法"]
    assert amended_titles("住房城乡建设部关于修改＜勘察设计注册工程师管理规定＞等11个部门规章的决定") == ["勘察设计注册工程师管理规定"]
    assert is_amendment("国务院关于修改和废止部分行政法规的决定")
    assert amended_titles("国务院关于修改和废止部分行政法规的决定") == []
    assert amended_titles("刑法修正案（十一）") == ["刑法"]
    assert not is_amendment("国务院关于取消和下放一批行政许可事项的决定")
    assert not is_amendment("中华人民共和国食品安全法")
    assert amended_titles("中华人民共和国食品安全法") == []


def test_the_index_resolves_every_writing_of_a_catalogued_law() -> None:
    index = LawIndex([("中华人民共和国食品安全法", ["食品安全法"]), ("行政许可法", []),
                      ("处方药与非处方药分类管理办法（试行）", []), ("人民防空法", [])])
    assert len(index) == 4
    assert index.resolve("食品安全法") == index.resolve("中华人民共和国 食品安全法") == "中华人民共和国食品安全法"
    assert index.resolve("中华人民共和国行政许可法") == "行政许可法"
    assert index.resolve("处方药与非处方药分类管理办法") == "处方药与非处方药分类管理办法（试行）"
    assert index.resolve("广东省实施〈中华人民共和国人民防空法〉办法") is None
    assert index.resolve("城镇燃气管理条例") is None


def test_a_typing_error_is_listed_with_the_title_it_meant() -> None:
    index = LawIndex.from_titles(["行政许可法", "行政处罚法", "行政强制法", "食品安全法"])
    assert index.resolve("中华人民共和国行政许可发") is None
    assert index.closest("中华人民共和国行政许可发", limit=2)[0] == ("行政许可法", 1)
    assert index.closest("中华人民共和国海洋中华人民共和国环境保护法") != []
    assert index.closest("") == []


@needs_real_lists
def test_the_national_catalogue_resolves_short_and_full_titles() -> None:
    catalogue = national_catalogue()
    assert catalogue.resolve("中华人民共和国行政处罚法") == "行政处罚法"
    assert catalogue.resolve("中华人民共和国陆生野生动物保护实施条例") == "陆生野生动物保护实施条例"
    assert catalogue.resolve("中华人民共和国海洋中华人民共和国环境保护法") == "海洋环境保护法"
    assert catalogue.resolve("新疆维吾尔自治区实施〈中华人民共和国人民防空法〉办法") is None
    assert catalogue.closest("中华人民共和国行政许可发")[0] == ("行政许可法", 1)
