"""``lawgov check --reference``: the rules the provinces apply — cited laws, implementing authorities — and a
county's list that goes beyond the city's, in text, JSON and the exported workbook."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from lawgov_desktop.core.library import Library

Runner = Callable[..., Any]  # the run_cli fixture of tests/cli/conftest.py
HEADER = ("序号", "主管部门", "事项名称", "实施机关", "设定和实施依据")


def _workbook(path: Path, rows: list[tuple[object, ...]]) -> str:
    book = openpyxl.Workbook()
    for row in (HEADER, *rows):
        book.active.append(list(row))
    book.save(path)
    return str(path)


@pytest.fixture
def lawgov(run_cli: Runner, sample_db: Path, tmp_path: Path) -> Runner:
    """The sample list with the bases and authorities of two items, the province's list and 海丰县's."""
    with Library(sample_db, user="测试员") as library:
        rows = {row["name"]: row["id"] for row in library.imports.rows_for_matching("licence")}
        library.records.update("licence", rows["企业投资项目核准"], {
            "legal_basis": "【行政法规】《企业投资项目核准和备案管理条例》第三条", "implementing_authority": "市发展改革局"})
        library.records.update("licence", rows["食品生产许可"], {
            "legal_basis": "《中华人民共和国食品安全法》第三十五条", "implementing_authority": "市公安局"})

    def run(*args: str) -> Any:
        return run_cli(*args, db=sample_db)

    province = _workbook(tmp_path / "province.xlsx", [
        (1, "省发展改革委", "企业投资项目核准", "省发展改革委；地级以上市发展改革部门",
         "《企业投资项目核准和备案管理条例》\n《国务院关于投资体制改革的决定》"),
        (2, "省市场监管局", "食品生产许可", "县级以上市场监督管理部门", "《食品安全法》第三十六条")])
    county = _workbook(tmp_path / "county.xlsx", [
        (1, "海丰县市场监督管理局", "食品生产许可", "海丰县市场监督管理局", "《食品安全法》"),
        (2, "海丰县农业农村局", "海丰县渔船停泊许可", "海丰县农业农村局", None)])
    assert run("reference", "import", province, "--name", "广东省2022年版").code == 0
    imported = run("reference", "import", county, "--name", "海丰县2023年版", "--region", "海丰")
    assert imported.code == 0, imported.err
    return run


def test_text_names_the_laws_only_one_side_cites_and_the_authority_that_differs(lawgov: Runner) -> None:
    text = lawgov("check", "--reference", "广东省2022年版").out.splitlines()
    assert text[1] == ("名称与上级清单不一致 2 项，上级清单有而本清单没有 0 项，主管部门可能不一致 0 项。"
                       "实施机关不一致 1 项，设定依据不一致 1 项。")
    assert text[text.index("实施机关不一致：") + 1] == "  食品生产许可：本清单 市公安局，上级清单 县级以上市场监督管理部门"
    assert text[text.index("设定依据不一致（引用的法律法规不同，条款不计）：") + 1] == (
        "  企业投资项目核准（汕尾市发展和改革局）：仅上级清单引用《国务院关于投资体制改革的决定》")


def test_a_county_list_is_checked_against_the_city_list(lawgov: Runner, tmp_path: Path) -> None:
    text = lawgov("check", "--reference", "海丰县2023年版").out.splitlines()
    assert text[0] == "海丰县的清单“海丰县2023年版”的 2 项许可事项对照上级汕尾市的清单“汕尾市当前清单”（下级清单不得超出上级清单）："
    assert text[1].startswith("超出上级清单 1 项，")
    assert text[2:4] == ["超出上级清单（海丰县的清单有、上级汕尾市的清单没有，下级清单不得超出上级清单）：",
                         "  海丰县渔船停泊许可（海丰县农业农村局）；上级清单中没有相近的名称"]
    document = json.loads(lawgov("check", "--reference", "海丰县2023年版", "--json").out)
    assert (document["lower_region"], document["upper_region"], document["upper"]) == ("海丰县", "汕尾市", "汕尾市当前清单")
    assert document["counts"]["beyond_upper"] == 1 and document["counts"]["unmatched"] == 0
    assert document["beyond_upper"][0]["name"] == "海丰县渔船停泊许可"
    listing = json.loads(lawgov("reference", "list", "--json").out)
    assert [(row["name"], row["region"]) for row in listing] == [("广东省2022年版", None), ("海丰县2023年版", "海丰县")]
    assert lawgov("reference", "import", str(tmp_path / "county.xlsx"), "--name", "某镇", "--region", "无此区").code == 1


def test_json_and_the_exported_workbook_carry_the_new_findings(lawgov: Runner, tmp_path: Path) -> None:
    document = json.loads(lawgov("check", "--reference", "广东省2022年版", "--json").out)
    assert document["basis_differences"] == [{"name": "企业投资项目核准", "department": "汕尾市发展和改革局",
                                              "only_ours": [], "only_upper": ["国务院关于投资体制改革的决定"]}]
    assert document["authority_differences"][0]["authority"] == "市公安局"
    target = tmp_path / "核对.xlsx"
    result = lawgov("check", "--reference", "广东省2022年版", "--export", str(target))
    assert result.code == 0 and result.out.endswith(f"已导出核对结果：{target}\n")
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["说明", "名称在上级清单中找不到", "实施机关不一致", "设定依据不一致"]
    assert book["说明"]["A4"].value.startswith("名称与上级清单不一致 2 项")
    assert [list(row) for row in book["设定依据不一致"].iter_rows(values_only=True)] == [
        ["事项名称", "主管部门", "仅本清单引用", "仅上级清单引用"],
        ["企业投资项目核准", "汕尾市发展和改革局", None, "《国务院关于投资体制改革的决定》"]]
    county = tmp_path / "县.xlsx"
    assert lawgov("check", "--reference", "海丰县2023年版", "--export", str(county)).code == 0
    assert openpyxl.load_workbook(county).sheetnames[:2] == ["说明", "超出上级清单"]
