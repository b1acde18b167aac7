"""The departments' 权责清单 on the command line: ``lawgov stats`` states each list's size, and
``lawgov export pdf --responsibility-list`` prints a department's list (or every department's)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from lawgov_desktop.core.library import Library

HOUSING = "市住房和城乡建设局"
HOUSING_LINE = "市住房和城乡建设局权责清单共3项，其中行政许可1项、行政处罚1项、其他行政权力1项（另有子项2项）。"


def pdf_pages(path: Path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in PdfReader(str(path)).pages]


@pytest.fixture
def lists(blank_db: Path) -> Path:
    """Two departments' 权责清单, their powers created out of the standard order."""
    with Library(blank_db, user="测试员") as library:
        library.records.create("department", {"name": HOUSING, "aliases": "市住建局"})
        library.records.create("department", {"name": "市档案局"})
        for name, power_type in (("房屋建筑工程竣工验收备案", "其他行政权力"), ("对违法建设的处罚", "行政处罚"),
                                 ("建筑工程施工许可", "行政许可")):
            power = library.records.create("power", {"department": HOUSING, "name": name, "power_type": power_type,
                                             "handling_office": "建筑市场监管科", "level": "地州市级",
                                             "responsibility": "受理责任：公示依据、条件。",
                                             "accountability_cases": "对符合法定条件的申请不予受理的。"})
        for sub in ("建筑工程施工许可证核发", "建筑工程施工许可证变更"):
            library.records.create("power", {"parent_id": power, "name": sub})
        library.records.create("power", {"department": "市档案局", "name": "档案移交接收", "power_type": "其他行政权力"})
    return blank_db


def test_stats_state_each_departments_list_in_text_and_json(run_cli, lists: Path) -> None:
    lines = run_cli("stats", db=lists).out.splitlines()
    start = lines.index("各部门权责清单（子项另计）：")
    assert lines[start + 1:start + 3] == [f"  {HOUSING_LINE}", "  市档案局权责清单共1项，其中其他行政权力1项。"]
    document = json.loads(run_cli("stats", "--json", db=lists).out)
    assert list(document["powers"]["by_type"]) == ["行政许可", "行政处罚", "其他行政权力"]
    housing = document["breakdowns"]["power_departments"][0]
    assert housing["summary"] == "共3项，其中行政许可1项、行政处罚1项、其他行政权力1项（另有子项2项）"
    assert (housing["types"], housing["sub_items"]) == ({"行政许可": 1, "行政处罚": 1, "其他行政权力": 1}, 2)


def test_a_departments_list_by_power_type_with_its_sub_items(run_cli, lists: Path, tmp_path: Path) -> None:
    path = tmp_path / "住建.pdf"
    result = run_cli("export", "pdf", "--responsibility-list", "--department", "市住建局", "-o", str(path), db=lists)
    assert result.code == 0, result.err
    [page] = pdf_pages(path)
    assert page.startswith("汕尾市住房和城乡建设局权责清单（共3项）一、行政许可（共1项）"
                           "序号事项名称子项名称实施依据承办机构实施层级责任事项内容追责情形1建筑工程施工许可建筑工程施工许可证核发")
    assert page.index("建筑工程施工许可证变更") < page.index("二、行政处罚（共1项）") < page.index("三、其他行政权力（共1项）")
    assert "档案移交接收" not in page


def test_chosen_columns_are_the_lists_own_labels(run_cli, lists: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    result = run_cli("export", "pdf", "--responsibility-list", "--department", HOUSING,
                     "--columns", "序号,事项名称,子项名称,责任主体,追责情形", "-o", str(path), db=lists)
    assert result.code == 0, result.err
    assert "序号事项名称子项名称承办机构追责情形1建筑工程施工许可" in pdf_pages(path)[0]
    wrong = run_cli("export", "pdf", "--responsibility-list", "--columns", "序号,隶属机构", "-o", str(path), db=lists)
    assert wrong.code == 2 and wrong.err.startswith("用法错误：未知的列“隶属机构”，可用：序号、职权编码、事项名称、子项名称")


def test_every_departments_list_in_a_book_or_a_folder(run_cli, lists: Path, tmp_path: Path) -> None:
    book = tmp_path / "权责清单.pdf"
    result = run_cli("export", "pdf", "--responsibility-list", "--all-departments", "-o", str(book), db=lists)
    assert result.code == 0, result.err
    pages = pdf_pages(book)
    assert pages[0].startswith("汕尾市权责清单目录一、汕尾市住房和城乡建设局（共3项）") and "二、汕尾市档案局（共1项）" in pages[0]
    assert any(page.startswith("汕尾市档案局权责清单（共1项）一、其他行政权力（共1项）") for page in pages)
    folder = tmp_path / "各部门"
    result = run_cli("export", "pdf", "--responsibility-list", "--all-departments", "--folder", "-o", str(folder),
                     db=lists)
    assert result.code == 0, result.err
    assert sorted(path.name for path in folder.iterdir()) == ["汕尾市住房和城乡建设局.pdf", "汕尾市档案局.pdf"]


@pytest.mark.parametrize(("args", "message"), [
    (["--kind", "items"], "用法错误：--responsibility-list 印部门的权责清单"),
    (["--township", "田墘街道"], "用法错误：--responsibility-list 印部门的权责清单"),
])
def test_the_responsibility_list_is_a_list_of_powers_by_department(run_cli, lists: Path, tmp_path: Path,
                                                                   args: list[str], message: str) -> None:
    path = tmp_path / "out.pdf"
    result = run_cli("export", "pdf", "--responsibility-list", *args, "-o", str(path), db=lists)
    assert result.code == 2 and result.err.startswith(message) and not path.exists()
