"""``lawgov import``, ``imports`` and ``undo-import``: results, JSON, strictness, bad files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

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
