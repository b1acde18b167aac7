"""``lawgov import``, ``imports`` and ``undo-import``: results, JSON, strictness, bad files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.plan import ImportOptions
from lawgov_desktop.importers.preview import preview_import, template_mapping

Runner = Callable[..., Any]  # the lawgov fixture of tests/cli/conftest.py
HEADER = ["序号", "事项编码", "事项名称", "职权类型", "原实施主体", "承接主体", "生效时间", "文号"]


def power_workbook(path: Path, *, with_bad_row: bool = False) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "第三批"
    sheet.append(["汕尾市第三批镇街赋权事项目录"])
    sheet.append(HEADER)
    sheet.append([1, "P009", "对擅自设置户外广告的处罚", "行政处罚", "市市场监管局", "田墘街道、东洲街道",
                  "2023年1月1日", "汕府函(2023)5号"])
    sheet.append([2, "P010", "对露天焚烧秸秆的处罚", "行政处罚", "城区生态环境分局", "城区香洲街道",
                  "2023.1.1", None])
    if with_bad_row:
        sheet.append([3, "P011", None, "行政处罚", "市市场监管局", "遮浪街道", None, None])
    book.save(path)
    return path


def test_import_json_and_history(lawgov: Runner, tmp_path: Path) -> None:
    path = power_workbook(tmp_path / "第三批 赋权.xlsx", with_bad_row=True)
    result = lawgov("import", str(path), "--json")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert {k: document[k] for k in ("kind", "inserted", "updated", "unchanged")} == \
        {"kind": "power", "inserted": 2, "updated": 0, "unchanged": 0}
    assert document["rejected"] == [{"sheet": "第三批", "row": 5, "reason": "缺少必填项：事项名称"}]
    assert any("城区生态环境分局" in w for w in document["warnings"])
    listed = json.loads(lawgov("list", "powers", "--batch", "第三批", "--json").out)
    assert listed["total"] == 2
    history = lawgov("imports")
    assert "第三批 赋权.xlsx" in history.out and "赋权执法事项" in history.out
    stats = json.loads(lawgov("stats", "--json").out)
    assert stats["powers"]["batches"]["第三批"] == 2


def test_dry_run_writes_nothing(lawgov: Runner, sample_db: Path, tmp_path: Path) -> None:
    before = sample_db.read_bytes()
    result = lawgov("import", str(power_workbook(tmp_path / "x.xlsx")), "--dry-run")
    assert result.code == 0 and "检查（未写入）" in result.out and "新增 2" in result.out
    assert json.loads(lawgov("imports", "--json").out)["total"] == 0
    assert sample_db.read_bytes() == before


def test_dry_run_says_what_became_of_each_sheet_as_the_import_wizard_does(lawgov: Runner, tmp_path: Path) -> None:
    path = power_workbook(tmp_path / "x.xlsx", with_bad_row=True)
    book = openpyxl.load_workbook(path)
    book.create_sheet("填表说明").append(["请按模板填写，不要改动表头。"])
    book.create_sheet("空表")
    book.save(path)
    lines = lawgov("import", str(path), "--dry-run").out.splitlines()
    assert lines[0] == "检查（未写入）“x.xlsx”的赋权执法事项：新增 2 项，更新 0 项，未变 0 项，拒绝 1 行。"
    assert lines[1] == "  工作表“第三批”：表头在第 2 行，2 项"
    assert lines[2].startswith("  工作表“填表说明”：已跳过：")
    assert lines[3] == "  工作表“空表”：已跳过：空白工作表"
    assert lines[4] == "  拒绝：工作表“第三批”第5行：缺少必填项：事项名称"


def test_a_template_the_wizard_would_use_is_named(lawgov: Runner, sample_db: Path, tmp_path: Path) -> None:
    path = power_workbook(tmp_path / "x.xlsx")
    with Library(sample_db, user="测试员") as library:  # the columns as detected, saved as the wizard saves them
        preview = preview_import(library, path, ImportOptions())
        assert preview.signature is not None
        library.imports.save_mapping_template("自动保存：第三批", "power", preview.signature,
                                              template_mapping(preview.columns))
    hint = lawgov("import", str(path), "--dry-run").out.splitlines()[-1]
    assert "“自动保存：第三批”" in hint and "--mapping 自动保存：第三批" in hint
    by_template = lawgov("import", str(path), "--dry-run", "--mapping", "自动保存：第三批")
    assert by_template.code == 0, by_template.err
    assert "新增 2 项" in by_template.out and "提示：已为相同表头保存" not in by_template.out


def test_strict_refuses_the_whole_file(lawgov: Runner, tmp_path: Path) -> None:
    result = lawgov("import", str(power_workbook(tmp_path / "x.xlsx", with_bad_row=True)), "--strict")
    assert result.code == 1 and result.out == ""
    assert result.err.count("\n") == 1 and "严格模式" in result.err and "未导入任何数据" in result.err
    assert json.loads(lawgov("list", "powers", "--search", "户外广告", "--json").out)["total"] == 0


def test_undo_import(lawgov: Runner, tmp_path: Path) -> None:
    lawgov("import", str(power_workbook(tmp_path / "x.xlsx")))
    result = lawgov("undo-import", "1")
    assert result.code == 0 and "移除 2 项" in result.out
    assert json.loads(lawgov("list", "powers", "--search", "户外广告", "--json").out)["total"] == 0
    assert "未找到批次" in lawgov("list", "powers", "--batch", "第三批").err  # the batch it created went too
    again = lawgov("undo-import", "1")
    assert again.code == 1 and "已于" in again.err
    assert lawgov("undo-import", "99").code == 1


@pytest.mark.parametrize(("content", "message"), [
    (b"", "空的"),
    (b"hello, this is text", "不是可导入"),
    (b"PK\x03\x04truncated", "文件"),
])
def test_bad_files_exit_non_zero_with_one_line(lawgov: Runner, sample_db: Path, tmp_path: Path,
                                               content: bytes, message: str) -> None:
    path = tmp_path / "坏 文件.xlsx"
    path.write_bytes(content)
    before = sample_db.read_bytes()
    result = lawgov("import", str(path))
    assert result.code == 1 and result.err.count("\n") == 1
    assert "坏 文件.xlsx" in result.err and message in result.err and "Traceback" not in result.err
    assert sample_db.read_bytes() == before


def test_a_folder_and_a_missing_file(lawgov: Runner, tmp_path: Path) -> None:
    assert "文件夹" in lawgov("import", str(tmp_path)).err
    assert "不存在" in lawgov("import", str(tmp_path / "nope.xlsx")).err


def county_licences(path: Path) -> Path:
    """A county's licence list whose department column has a header the program does not know."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "责任单位", "事项名称", "设定依据", "备注", "子项"])
    sheet.append([1, "市发改局", "企业投资项目核准", "《企业投资项目核准和备案管理条例》", "县区填报", None])
    sheet.append([2, "市市场监管局", "食品经营许可", "《食品安全法》", None, "食品经营许可证核发"])
    sheet.append([None, "市市场监管局", "食品经营许可", "《食品安全法》", None, "食品经营许可证延续"])
    book.save(path)
    return path


def test_a_column_mapped_by_hand_on_the_command_line(lawgov: Runner, tmp_path: Path) -> None:
    path = county_licences(tmp_path / "县区.xlsx")
    assert "缺少必需的列：主管部门" in lawgov("import", str(path), "--dry-run").err
    by_key = lawgov("import", str(path), "--dry-run", "--map", "责任单位=department")
    assert by_key.code == 0, by_key.err
    assert by_key.out.splitlines()[0] == ("检查（未写入）“县区.xlsx”的行政许可事项：新增 1 项（另子项 2 项），更新 1 项，"
                                          "未变 0 项，拒绝 0 行。")
    result = lawgov("import", str(path), "--map", "责任单位=主管部门", "--map", "备注=", "--json")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert (document["inserted"], document["sub_items"]["new"]) == (3, 2)
    listed = json.loads(lawgov("list", "items", "--search", "企业投资项目核准", "--json").out)
    assert listed["rows"][0]["remark"] in (None, "")  # 备注 left out, the rest detected as before
    assert listed["rows"][0]["legal_basis"] == "《企业投资项目核准和备案管理条例》"


def test_map_errors_name_what_is_valid(lawgov: Runner, sample_db: Path, tmp_path: Path) -> None:
    path = county_licences(tmp_path / "县区.xlsx")
    before = sample_db.read_bytes()
    unknown_field = lawgov("import", str(path), "--map", "责任单位=单位")
    assert unknown_field.code == 2 and unknown_field.err.count("\n") == 1
    assert "行政许可事项没有字段“单位”" in unknown_field.err
    assert "department（主管部门）" in unknown_field.err and "name（事项名称）" in unknown_field.err
    unknown_header = lawgov("import", str(path), "--map", "单位=department")
    assert unknown_header.code == 2 and "没有表头为“单位”的列" in unknown_header.err and "责任单位" in unknown_header.err
    assert lawgov("import", str(path), "--map", "责任单位").code == 2
    wrong_kind = lawgov("import", str(path), "--kind", "responsibilities", "--map", "责任单位=主管部门")
    assert wrong_kind.code == 2 and "权责清单没有字段“主管部门”" in wrong_kind.err and "行使主体" in wrong_kind.err
    assert sample_db.read_bytes() == before


def test_map_with_kind_responsibilities_keeps_a_column_as_an_extra_field(lawgov: Runner, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["序号", "事项名称", "权力类型", "责任部门", "承办单位", "救助渠道"])
    book.active.append([1, "临时救助", "行政给付", "汕尾市发展和改革局", "社会救助科", "转介"])
    book.save(tmp_path / "民政.xlsx")
    result = lawgov("import", str(tmp_path / "民政.xlsx"), "--kind", "responsibilities", "--json",
                    "--map", "承办单位=隶属机构", "--map", "救助渠道=extra")
    assert result.code == 0, result.err
    assert json.loads(result.out)["kind"] == "responsibility"
    power = json.loads(lawgov("list", "powers", "--search", "临时救助", "--json").out)["rows"][0]
    shown = json.loads(lawgov("show", "power", str(power["id"]), "--json").out)
    assert shown["extra"] == {"救助渠道": "转介"}
