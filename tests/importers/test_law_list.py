"""Reading a catalogue of laws (importers/law_list.py) in every format, with the header synonyms
of the law databases' exports, and importing it into the law library."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_real_responsibility_lists import PUBLISHED, REAL
from workbook_builders import write_csv, write_ods, write_xls, write_xlsx

from lawgov_desktop.core.errors import ImportFileError
from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.law_list import read_law_list
from lawgov_desktop.importers.plan import import_file

NATIONAL = Path(__file__).resolve().parents[3] / "shared" / "real-lists" / "laws" / "national-laws.csv"

PROVINCIAL = [
    ["广东省地方性法规目录（2024年）", None, None, None, None, None],
    [None, None, None, None, None, None],
    ["序号", "法规 名称", "发布机关", "效力级别", "发布日期", "生效日期", "效力"],
    [1, "《广东省食品安全条例》", "广东省人民代表大会常务委员会", "地方性法规", dt.date(2016, 9, 29), "2016年12月1日",
     "现行有效"],
    [2, "广东省实施《中华人民共和国人民防空法》办法", "广东省人民代表大会常务委员会", "地方性法规",
     "1998.9.18", None, "已被修改"],
    [None, None, None, None, None, None, None],
    [3, "广东省城乡生活垃圾处理条例", None, "地方性法规", None, None, "尚未施行"],
]
EXPECTED = [
    {"title": "广东省食品安全条例", "issuing_body": "广东省人民代表大会常务委员会", "level": "地方性法规",
     "promulgated": "2016-09-29", "effective": "2016-12-01", "status": "现行有效"},
    {"title": "广东省实施《中华人民共和国人民防空法》办法", "issuing_body": "广东省人民代表大会常务委员会",
     "level": "地方性法规", "promulgated": "1998-09-18", "status": "已被修改"},
    {"title": "广东省城乡生活垃圾处理条例", "level": "地方性法规", "status": "尚未生效"},
]


@pytest.mark.parametrize("writer", [write_xlsx, write_xls, write_ods])
def test_a_workbook_with_a_title_block_and_other_headers_is_read(tmp_path: Path, writer) -> None:  # noqa: ANN001
    suffix = {write_xlsx: ".xlsx", write_xls: ".xls", write_ods: ".ods"}[writer]
    path = writer(tmp_path / f"法规目录{suffix}", {"目录": (PROVINCIAL, ["A1:G1"])})
    assert read_law_list(path) == EXPECTED


def test_a_gbk_csv_is_read(tmp_path: Path) -> None:
    rows = [["标题", "制定机关", "法律性质", "时效性", "公布日期", "施行日期"],
            ["中华人民共和国食品安全法", "全国人民代表大会常务委员会", "法律", "有效", "2021-04-29", "2021-04-29"]]
    path = write_csv(tmp_path / "laws.csv", rows, encoding="gbk")
    assert read_law_list(path) == [{"title": "中华人民共和国食品安全法", "issuing_body": "全国人民代表大会常务委员会",
                                    "level": "法律", "status": "现行有效", "promulgated": "2021-04-29",
                                    "effective": "2021-04-29"}]


def test_a_wrong_status_or_date_is_refused_naming_its_row(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", [["标题", "时效性"], ["食品安全法", "有效"], ["行政许可法", "大概有效"]])
    with pytest.raises(ImportFileError, match="第3行.*大概有效"):
        read_law_list(path)
    path = write_csv(tmp_path / "bad-date.csv", [["名称", "公布日期"], ["食品安全法", "去年"]])
    with pytest.raises(ImportFileError, match="第2行.*去年"):
        read_law_list(path)


def test_a_file_without_a_title_column_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "items.csv", [["事项名称", "主管部门"], ["食品经营许可", "市场监管局"]])
    with pytest.raises(ImportFileError, match="标题列"):
        read_law_list(path)


def test_the_national_catalogue_imports_and_short_titles_meet_full_ones(tmp_path: Path) -> None:
    entries = read_law_list(NATIONAL)
    assert len(entries) == 1068
    assert {entry["status"] for entry in entries} == {"现行有效", "已废止"}
    with Library(tmp_path / "laws.sqlite3", user="测试员") as lib:
        department = lib.records.create("department", {"name": "市市场监督管理局"})
        licence = lib.records.create("licence", {"name": "食品经营许可", "department_id": department,
                                                 "legal_basis": "《中华人民共和国食品安全法》第三十五条"})
        assert lib.laws.import_catalogue(entries) == {"added": 996, "updated": 1, "folded": 0}
        food = lib.laws.get("《中华人民共和国食品安全法》")
        assert (food["title"], food["level"], food["status"], food["promulgated"]) == (
            "食品安全法", "法律", "现行有效", "2021-04-29")
        assert [r.id for r in lib.laws.affected("食品安全法").records] == [licence]
        # the catalogue lists each edition: the latest describes the law, the earlier are its amendments
        sports = lib.laws.get("中华人民共和国体育法")
        assert (sports["status"], sports["promulgated"], sports["amendments"]) == (
            "现行有效", "2022-06-24", [{"date": "2016-11-07", "title": "体育法"}])
        assert lib.laws.import_catalogue(entries) == {"added": 0, "updated": 997, "folded": 0}
        assert lib.laws.coverage()["catalogued_laws"] == 997


@pytest.fixture(scope="module")
def karamay(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """Every published 克拉玛依市 权责清单 imported as a clerk would, then the national catalogue."""
    with Library(tmp_path_factory.mktemp("karamay") / "lists.sqlite3", user="测试员") as lib:
        for name in sorted(PUBLISHED):
            import_file(lib, REAL / name)
        lib.laws.import_catalogue(read_law_list(NATIONAL))
        yield lib


def _report(lib: Library, title: str) -> dict[str, list[tuple[str, list[str]]]]:
    return {department: [(record.name, record.articles) for record in records]
            for department, records in lib.laws.affected(title).by_department.items()}


def test_the_affected_report_on_the_real_lists_matches_the_hand_count(karamay: Library) -> None:
    """Checked by hand against the workbooks' cells: 农村土地承包法 is cited in two workbooks (农业农村局,
    its 行政许可 and 行政裁决 sheets; 林业和草原系统, both levels' 林地经营权审批 without an article);
    森林病虫害防治条例 on three rows of each level of the 林业和草原系统 list (109/122/140 and 109/125/146)."""
    assert _report(karamay, "中华人民共和国农村土地承包法") == {
        "克拉玛依市林业和草原局": [("工商企业等社会资 本通过流转取得林 地经营权审批", [])],
        "克拉玛依市自然资源局各区自然资源分局": [("工商企业等社会资 本通过流转取得林 地经营权审批", [])],
        "地州市农业农村局": [("工商企业等社会资本通过流转取得土地经营权审批", ["第四十五条"]),
                             ("农村土地承包经营纠纷仲裁", ["第五十一条"])],
    }
    pests = "对用带有危险性病虫害的林木种苗进行育苗或者造林的，发生森林病虫害不除治或者除治不力、隐瞒或者虚报森林病虫害情况造成森林病虫害蔓延成灾的处罚"
    award = "对在森林病虫害防治防治工作中作出显著成绩的单位和个人的奖励"
    treat = "责令限期除治,代为除治森林病虫害"
    assert _report(karamay, "森林病虫害防治条例") == {
        "克拉玛依市林业和草原局": [(pests, ["第二十二条"]), (award, ["第二十一条"])],
        "克拉玛依市自然资源局各区自然资源分局": [(pests, ["第二十二条"]), (award, ["第二十一条"])],
        "县市区林业和草原局": [(treat, ["第五条第二款", "第二十五条"])],
        "地州市林业和草原局": [(treat, ["第五条第二款", "第二十五条"])],
    }
    narrowed = karamay.laws.affected("森林病虫害防治条例", article="第五条")
    assert [record.name for record in narrowed.records] == [treat, treat]


def test_coverage_of_the_real_lists_against_the_national_catalogue(karamay: Library) -> None:
    figures = karamay.laws.coverage()
    # 4,283 citations on the day this was written, 3,104 of them resolved to a catalogue law
    assert figures["citations"] >= 4200
    assert figures["resolved"] / figures["citations"] >= 0.72
    assert figures["unparsed_texts"] <= 5
    assert figures["catalogued_laws"] == 997
    unresolved = {entry["title"] for entry in karamay.laws.unresolved()}
    assert "新疆维吾尔自治区实施<城乡规划法>办法" in unresolved  # a regional rule: a law of its own
    assert "中华人民共和国行政许可法" not in unresolved
