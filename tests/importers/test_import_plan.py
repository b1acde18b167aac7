"""Importing into the library: matching, merge modes, dry run, strictness, atomicity and undo."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from workbook_builders import write_xlsx

from lawgov_desktop.core.errors import Cancelled, ImportFileError
from lawgov_desktop.core.kinds import ROW_VERSION
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.importers.plan import ImportOptions, import_file, plan_import

LICENCE_HEADER = ["序号", "主管部门", "事项名称", "子项", "实施机关", "设定和实施依据", "行使层级", "事项编码", "备注"]


def licence_book(path: Path, rows: list[list[object]], *, part_heading: str | None = None,
                 merged: list[str] | None = None) -> Path:
    """A licence list with a title, a part heading row and the given data rows (from row 5)."""
    lines: list[list[object]] = [["附件1"], ["汕尾市行政许可事项清单（2022年版）"], LICENCE_HEADER]
    if part_heading:
        lines.append([part_heading])
    lines.extend(rows)
    return write_xlsx(path, {"清单": (lines, merged or [])})


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    monkeypatch.setenv("LAWGOV_USER", "导入员")
    library = Library(tmp_path / "db.sqlite3")
    library.records.create("department", {"name": "汕尾市市场监督管理局", "aliases": "市市场监管局"})
    library.records.create("department", {"name": "汕尾市发展和改革局", "aliases": "市发改局"})
    yield library
    library.close()


def _dump(lib: Library) -> dict[str, list[dict]]:
    """Every row of every list table, for exact before/after comparisons — all but the row version,
    which every write moves on (an undo too: another clerk's open copy must count as outdated)."""
    tables = ("licence_item", "power", "delegation", "department", "department_alias", "region", "batch")
    return {t: [{k: v for k, v in dict(r).items() if k != ROW_VERSION}
                for r in lib.store.conn.execute(f"SELECT * FROM {t} ORDER BY id")] for t in tables}


def _central(tmp_path: Path, name: str = "v1.xlsx", **changes: object) -> Path:
    basis = changes.get("basis", "《中华人民共和国食品安全法》第三十五条")
    return licence_book(tmp_path / name, [
        [1, "市市场监管局", "食品经营许可", "食品经营许可证核发", "市市场监管局", basis, "市级", "330217000100", None],
        [None, None, None, "食品经营许可证延续", None, None, None, None, None],
        [2, "汕尾市发展和改革局", "企业投资项目核准", None, "市发改局", "《企业投资项目核准和备案管理条例》", "市级",
         "000172001000", changes.get("remark")],
        [3, "城区教育局", "民办学校办学许可", None, "城区教育局", "《中华人民共和国民办教育促进法》", "县级", None, None],
    ], part_heading="一、中央层面设定的行政许可事项（共3项）",
        merged=["A5:A6", "B5:B6", "C5:C6", "E5:E6", "F5:F6", "G5:G6", "H5:H6"])


def test_a_licence_list_comes_in_field_by_field(lib: Library, tmp_path: Path) -> None:
    result = import_file(lib, _central(tmp_path))
    assert (result.inserted, result.updated, result.unchanged, result.rejected) == (5, 0, 0, [])
    assert any("新建部门“城区教育局”（归属城区）" in w for w in result.warnings)
    items = {row["name"]: lib.records.get("licence", row["id"]) for row in lib.lists.query("licence", limit=10).rows}
    food = items["食品经营许可"]
    assert food["department"] == "汕尾市市场监督管理局"  # through its alias
    assert (food["part"], food["level"], food["code"], food["sequence"]) == ("central", "市级", "330217000100", "1")
    assert food["legal_basis"] == "《中华人民共和国食品安全法》第三十五条"
    assert [s["name"] for s in food["sub_items"]] == ["食品经营许可证核发", "食品经营许可证延续"]
    assert json.loads(food["source_json"]) == {"sheet": "清单", "row": 5}
    kept = lib.imports.imported_file_copy(lib.lists.query("imports").rows[0]["file_sha256"])
    assert kept is not None and kept.read_bytes() == (tmp_path / "v1.xlsx").read_bytes()
    school = items["民办学校办学许可"]
    department = lib.records.get("department", school["department_id"])
    assert (department["name"], department["level"], department["region"]) == ("城区教育局", "县级", "城区")
    assert lib.stats.compute()["licence_items"]["parts"]["central"] == {"items": 3, "departments": 3}
    assert lib.lists.query("licence", ListFilter(text="延续")).total == 1


def test_merge_updates_only_changed_fields_and_undo_restores_exactly(lib: Library, tmp_path: Path) -> None:
    import_file(lib, _central(tmp_path))
    before = _dump(lib)
    result = import_file(lib, _central(tmp_path, "v2.xlsx", remark="实行告知承诺"))
    assert (result.inserted, result.updated, result.unchanged) == (0, 1, 4)
    changed = lib.lists.query("licence", ListFilter(text="企业投资")).rows[0]
    assert changed["remark"] == "实行告知承诺"
    log = lib.history.change_log(entity="licence", entity_id=changed["id"]).rows[0]
    assert json.loads(log["before_json"])["remark"] is None and log["import_id"] == result.import_id
    version = lib.records.get("licence", changed["id"])[ROW_VERSION]
    lib.imports.undo_import(result.import_id)
    assert _dump(lib) == before
    assert lib.records.get("licence", changed["id"])[ROW_VERSION] > version
    with pytest.raises(Exception, match="已于"):
        lib.imports.undo_import(result.import_id)


def test_undo_of_a_first_import_removes_everything_it_created(lib: Library, tmp_path: Path) -> None:
    before = _dump(lib)
    result = import_file(lib, _central(tmp_path))
    lib.imports.undo_import(result.import_id)
    assert _dump(lib) == before
    assert lib.lists.query("licence", ListFilter(text="食品")).total == 0
    history = lib.lists.query("imports").rows[0]
    assert history["undone_at"] and history["file_name"] == "v1.xlsx" and len(history["file_sha256"]) == 64
    assert lib.history.change_log(text="撤销导入").total == 1


def test_append_rejects_existing_records(lib: Library, tmp_path: Path) -> None:
    import_file(lib, _central(tmp_path))
    result = import_file(lib, _central(tmp_path, "again.xlsx"), ImportOptions(mode="append"))
    assert result.inserted == 0 and len(result.rejected) == 3  # each main item with its sub-items
    assert all("追加方式" in r["reason"] for r in result.rejected)


def test_replace_a_part_keeps_the_other_parts(lib: Library, tmp_path: Path) -> None:
    import_file(lib, _central(tmp_path))
    local = licence_book(tmp_path / "local.xlsx", [
        [1, "市发改局", "地方事项甲", None, None, None, "市级", None, None],
    ], part_heading="二、地方性法规、省政府规章设定的行政许可事项（共1项）")
    import_file(lib, local)
    smaller = licence_book(tmp_path / "smaller.xlsx", [
        [1, "市市场监管局", "食品生产许可", None, None, None, "市级", None, None],
    ], part_heading="一、中央层面设定的行政许可事项（共1项）")
    result = import_file(lib, smaller, ImportOptions(mode="replace"))
    assert result.inserted == 1
    names = sorted(row["name"] for row in lib.lists.query("licence", limit=20).rows)
    assert names == ["地方事项甲", "食品生产许可"]
    assert lib.lists.query("licence", ListFilter(text="食品经营")).total == 0
    lib.imports.undo_import(result.import_id)
    assert sorted(row["name"] for row in lib.lists.query("licence", limit=20).rows) == \
        ["企业投资项目核准", "地方事项甲", "民办学校办学许可", "食品经营许可"]


def test_dry_run_and_strict_write_nothing(lib: Library, tmp_path: Path) -> None:
    before = _dump(lib)
    path = _central(tmp_path)
    result = import_file(lib, path, dry_run=True)
    assert result.dry_run and result.inserted == 5
    assert _dump(lib) == before
    with pytest.raises(ImportFileError, match="严格模式：有 1 行被拒绝"):
        import_file(lib, path, ImportOptions(strict=True))
    assert _dump(lib) == before
    assert lib.lists.query("imports").total == 0


def test_preview_lists_unresolved_names_and_a_choice_maps_them(lib: Library, tmp_path: Path) -> None:
    path = _central(tmp_path)
    plan = plan_import(lib, path)
    unresolved = {(u.kind, u.name): u for u in plan.unresolved}
    assert unresolved[("department", "城区教育局")].rows == [("清单", 8)]
    actions = [(row.row, row.action) for row in plan.rows]
    assert (8, "new") in actions
    mapped = ImportOptions(resolutions={("department", "城区教育局"): lib.records.find_department("市发改局")})
    import_file(lib, path, mapped)
    school = lib.lists.query("licence", ListFilter(text="民办")).rows[0]
    assert school["department"] == "汕尾市发展和改革局"
    assert lib.records.find_department("城区教育局") is None


def power_book(path: Path) -> Path:
    header = ["序号", "事项编码", "事项名称", "职权类型", "原实施主体", "承接主体", "生效时间", "文号"]
    first = [["汕尾市第一批镇街赋权事项目录"], header,
             [1, 330217001000, "对未取得食品经营许可从事食品经营活动的处罚", "行政处罚", "市市场监管局",
              "田墘街道、东洲街道，遮浪街道", dt.date(2022, 10, 1), "汕府函(2022)136号"],
             [2, "330217001001", "对违法建设的处罚", "行政处罚", "城区住建局", "城区捷胜镇", "2022年10月1日",
              "汕府函[2022]136号"]]
    second = [["第二批"], header,
              [1, 330217001000, "对未取得食品经营许可从事食品经营活动的处罚", "行政处罚", "市市场监管局",
               "红海湾经济开发区田墘街道", "2023.3.1", "汕府函〔2023〕12号"]]
    return write_xlsx(path, {"第一批": (first, []), "第二批": (second, [])})


def test_power_lists_with_a_sheet_per_batch(lib: Library, tmp_path: Path) -> None:
    result = import_file(lib, power_book(tmp_path / "赋权 清单.xlsx"))
    assert result.rejected == []
    food = lib.lists.query("power", ListFilter(text="食品经营")).rows[0]
    record = lib.records.get("power", food["id"])
    assert record["code"] == "330217001000"
    assert [(d["region"], d["batch"], d["effective_date"]) for d in record["delegations"]] == [
        ("田墘街道", "第一批", "2022-10-01"), ("东洲街道", "第一批", "2022-10-01"),
        ("遮浪街道", "第一批", "2022-10-01"), ("田墘街道", "第二批", "2023-03-01")]
    assert record["delegations"][0]["document_number"] == "汕府函〔2022〕136号"
    jiesheng = lib.records.find_region("捷胜镇")
    assert lib.records.get("region", jiesheng)["parent"] == "城区"
    stats = lib.stats.compute()["powers"]
    assert stats["total"] == 2
    assert stats["batches"] == {"第一批": 2, "第二批": 1}
    assert stats["regions"]["红海湾经济开发试验区"] == 1 and stats["regions"]["城区"] == 1


def test_cancel_leaves_nothing(lib: Library, tmp_path: Path) -> None:
    before = _dump(lib)

    class CancelOnThirdCheck:
        checks = 0

        def report(self, done: int, total: int, text: str) -> None:
            pass

        @property
        def cancelled(self) -> bool:
            self.checks += 1
            return self.checks >= 3

    with pytest.raises(Cancelled):
        import_file(lib, _central(tmp_path), task=CancelOnThirdCheck())
    assert _dump(lib) == before
    assert lib.lists.query("imports").total == 0


@pytest.mark.parametrize("content", [b"", b"not a workbook at all", b"PK\x03\x04broken"])
def test_bad_files_leave_the_database_as_it_was(lib: Library, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "坏 文件.xlsx"
    path.write_bytes(content)
    before = _dump(lib)
    with pytest.raises(ImportFileError, match="坏 文件.xlsx"):
        import_file(lib, path)
    assert _dump(lib) == before


def test_a_sheet_without_a_header_is_named(lib: Library, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", {"说明": ([["这是一份说明"], ["没有表格"]], [])})
    with pytest.raises(ImportFileError, match="说明"):
        import_file(lib, path)


def test_mapping_templates_are_saved_and_used(lib: Library, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "county.xlsx", {"Sheet1": ([
        ["编号", "单位", "审批项目", "办理依据"],
        [1, "市市场监管局", "食品经营许可", "《食品安全法》"],
    ], [])})
    mapping = {"单位": "department", "审批项目": "name", "办理依据": "legal_basis", "编号": "sequence"}
    from lawgov_desktop.importers.plan import sheet_signature

    signature = sheet_signature(path)
    lib.imports.save_mapping_template("海丰县模板", "licence", signature, mapping)
    assert [t["name"] for t in lib.imports.mapping_templates(signature)] == ["海丰县模板"]
    result = import_file(lib, path, ImportOptions(mapping_name="海丰县模板"))
    assert result.inserted == 1
    item = lib.lists.query("licence").rows[0]
    assert (item["name"], item["legal_basis"], item["sequence"]) == ("食品经营许可", "《食品安全法》", "1")


def test_the_same_power_again_without_townships_is_rejected_not_shown_as_a_change(lib: Library, tmp_path: Path) -> None:
    """A second row of the same power that names no township adds nothing: it is said, not
    previewed as "更新 … 承接" and then lost."""
    header = ["序号", "事项名称", "职权类型", "原实施主体", "承接主体"]
    book = write_xlsx(tmp_path / "赋权.xlsx", {"第一批": ([header, [1, "对甲的处罚", "行政处罚", "市市场监管局", "田墘街道"],
                                                        [2, "对甲的处罚", "行政处罚", "市市场监管局", None]], [])})
    plan = plan_import(lib, book)
    assert [(row.action, row.reason) for row in plan.rows if row.row == 3] == [
        ("rejected", "与本文件前面的一行是同一事项，且没有写明新的承接镇街")]
