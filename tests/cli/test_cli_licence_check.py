"""``lawgov check --licences``: the licence powers of the 权责清单 against the licence catalogue."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from lawgov_desktop.core.library import Library

Runner = Callable[..., Any]  # the run_cli fixture of tests/cli/conftest.py


@pytest.fixture
def lawgov(run_cli: Runner, sample_db: Path) -> Runner:
    """The sample database with two 行政许可 in the 权责清单 and a department whose 权责清单 is not imported."""
    with Library(sample_db, user="测试员") as library:
        library.records.create("power", {"name": "企业投资项目核准", "power_type": "行政许可", "department": "市发改局"})
        library.records.create("power", {"name": "食品经营许可", "power_type": "行政许可", "department": "市市场监管局"})
        library.records.create("department", {"name": "汕尾市交通运输局"})
        library.records.create("licence", {"name": "道路运输经营许可", "department": "汕尾市交通运输局", "part": "central"})

    def run(*args: str) -> Any:
        return run_cli(*args, db=sample_db)

    return run


def test_text_names_each_finding_with_its_closest_names(lawgov: Runner) -> None:
    result = lawgov("check", "--licences")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == ("当前清单：权责清单中的行政许可 2 项，许可清单 5 项；清单外的许可 1 项，清单内未列入权责清单 3 项；"
                        "另有 1 项许可事项所属部门未导入权责清单。")
    assert "  食品经营许可（汕尾市市场监督管理局）；相近的许可事项：食品生产许可" in lines
    assert "  建设用地规划许可（汕尾市自然资源局）；权责清单中没有相近的名称" in lines
    assert lines[-1] == "  汕尾市交通运输局（1 项）：道路运输经营许可"


def test_json(lawgov: Runner) -> None:
    document = json.loads(lawgov("check", "--licences", "--json").out)
    assert document["counts"] == {"licence_powers": 2, "licence_items": 5, "outside": 1, "unlisted": 3,
                                  "not_imported": 1}
    assert document["outside"][0]["closest"] == [
        {"name": "食品生产许可", "department": "汕尾市市场监督管理局", "similarity": 0.67}]
    assert [finding["name"] for finding in document["unlisted"]] == [
        "食品生产许可", "特种设备安装改造维修许可", "建设用地规划许可"]


def test_export_writes_a_sheet_per_kind_of_finding(lawgov: Runner, tmp_path: Path) -> None:
    path = tmp_path / "许可清单核对.xlsx"
    result = lawgov("check", "--licences", "--export", str(path))
    assert result.code == 0, result.err
    assert result.out.endswith(f"已导出核对结果：{path}\n")
    book = load_workbook(path)
    assert book.sheetnames == ["说明", "清单外的许可", "未列入权责清单", "部门未导入权责清单"]
    assert book["说明"]["A1"].value == "许可清单核对"
    assert book["说明"]["A4"].value.startswith("权责清单中的行政许可 2 项")
    outside = [list(row) for row in book["清单外的许可"].iter_rows(values_only=True)]
    assert outside == [["序号", "部门", "权责清单中的事项名称", "事项编码", "相近的许可事项"],
                       [1, "汕尾市市场监督管理局", "食品经营许可", None, "食品生产许可"]]
    assert book["未列入权责清单"].max_row == 4
    assert book["部门未导入权责清单"]["C2"].value == "道路运输经营许可"


@pytest.mark.parametrize("args", [(), ("--licences", "--reference", "广东省2022年版"),
                                  ("--reference", "广东省2022年版", "--export", "a.pdf"),
                                  ("--licences", "--export", "a.pdf")])
def test_exactly_one_check_and_only_a_workbook_export(
        lawgov: Runner, args: tuple[str, ...]) -> None:
    assert lawgov("check", *args).code == 2
