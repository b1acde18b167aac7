"""Versions, the comparison page and the upper-list check in the window, on lists with known differences."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QTreeWidget
from ui_helpers import wait_idle

from lawgov_desktop.core.library import Library
from lawgov_desktop.ui import compare_view, prompts, reference_view
from lawgov_desktop.ui.compare_view import CompareView
from lawgov_desktop.ui.main_window import MainWindow
from lawgov_desktop.ui.reference_view import ReferenceView
from lawgov_desktop.ui.report_pages import COMPARE, REFERENCE


def workbook(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def groups(tree: QTreeWidget) -> dict[str, list[list[str]]]:
    """Kind of change → its rows (name, department, code, what, before, after)."""
    found = {}
    for number in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(number)
        found[group.data(0, 256)] = [[group.child(row).text(column) for column in range(6)]
                                     for row in range(group.childCount())]
    return found


@pytest.fixture()
def two_versions(db_path: Path) -> tuple[int, int]:
    """2022年版, then the adjustment (one of each change) saved as 2023年版 — before the window opens."""
    with Library(db_path, user="tester") as lib:
        old = lib.versions.save_version("2022年版")
        items = {row["name"]: row["id"] for row in lib.lists.query("licence", limit=100).rows}
        powers = {row["name"]: row["id"] for row in lib.lists.query("power", limit=100).rows}
        lib.records.update("licence", items["企业投资项目核准"], {"level": "县级"})
        lib.records.update("licence", items["特种设备使用登记"], {"department": "市生态环境局"})
        lib.records.delete("licence", items["建设项目环境影响评价文件审批"])
        lib.records.create("licence", {"department": "市生态环境局", "name": "危险废物经营许可", "level": "市级"})
        lib.records.create("delegation", {"power_id": powers["对露天焚烧秸秆的行政处罚"], "region": "东洲街道"})
        lib.records.create("delegation", {"power_id": powers["对擅自设置大型户外广告的行政处罚"], "region": "田墘街道",
                                  "change_kind": "收回"})
        lib.records.create("delegation", {"power_id": powers["对食品经营者未公示许可证的行政检查"], "region": "遮浪街道"})
        new = lib.versions.save_version("2023年版")
    return old, new


def test_save_a_version_list_it_and_show_it_read_only(window: MainWindow, qtbot,  # noqa: ANN001
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = window.reports.save_version()
    dialog.name.setText("2022年版")
    dialog.remark.setPlainText("10月公布")
    dialog.accept()
    wait_idle(qtbot, window.session)
    library = window.session.library
    assert [row["name"] for row in library.versions.all_versions()] == ["2022年版"] and dialog.saved_id is not None
    assert window.session.undo_stack.count() == 1

    again = window.reports.save_version()
    again.name.setText("2022年版")
    again.accept()
    wait_idle(qtbot, window.session)
    assert again.isVisible() and not again.error.isHidden() and "已存在" in again.error.text()
    again.reject()

    versions = window.reports.manage_versions()
    assert versions.table.rowCount() == 1
    row = [versions.table.item(0, column).text() for column in range(8)]
    assert row[0] == "2022年版" and row[2] == "tester" and row[3:7] == ["6", "3", "3", "3"] and row[7] == "10月公布"
    versions.show_version("licence")
    view = window.stack.currentWidget()
    assert view.spec.kind == "licence" and view.current_filter().version_id == dialog.saved_id
    assert view.read_only and view.version_badge.isVisibleTo(view) and view.model.total == 6
    assert not window.new_action.isEnabled() and not window.edit_action.isEnabled()
    assert view.edit_current() is None and view.new_record() is None
    assert not view.detail.add_child_button.isEnabled()
    view.version_combo.setCurrentIndex(0)  # back to the working list: editable again
    assert not view.read_only and window.new_action.isEnabled() and view.detail.add_child_button.isEnabled()

    versions = window.reports.manage_versions()
    monkeypatch.setattr(prompts, "confirm", lambda *_args: True)
    assert versions.delete_selected()
    wait_idle(qtbot, window.session)
    assert library.versions.all_versions() == [] and versions.table.rowCount() == 0 and not versions.empty.isHidden()


def test_two_versions_compare_with_the_right_counts_per_category(two_versions: tuple[int, int],
                                                                 window: MainWindow, qtbot) -> None:  # noqa: ANN001
    old, new = two_versions
    page = window.reports.show(COMPARE)
    assert isinstance(page, CompareView) and page.old_side.side() == new  # newest version vs. the working list
    page.compare_sides(old, new)
    wait_idle(qtbot, window.session)
    assert page.comparison is not None
    assert page.comparison.counts() == window.session.library.versions.compare(old, new).counts()
    licences = groups(page.licence_tree)
    assert {kind: len(rows) for kind, rows in licences.items()} == {"added": 1, "removed": 1, "changed": 1,
                                                                    "moved": 1}
    assert licences["changed"] == [["企业投资项目核准", "市发展和改革局", "", "行使层级", "市级", "县级"]]
    assert licences["moved"] == [["特种设备使用登记", "市生态环境局", "", "主管部门", "市市场监督管理局",
                                  "市生态环境局"]]
    assert [row[0] for row in licences["added"]] == ["危险废物经营许可"]
    assert [row[0] for row in licences["removed"]] == ["建设项目环境影响评价文件审批"]
    powers = groups(page.power_tree)
    assert {kind: len(rows) for kind, rows in powers.items()} == {"delegated": 1, "extended": 1, "taken_back": 1,
                                                                  "added": 0, "removed": 0, "changed": 0}
    assert powers["extended"][0][0] == "对露天焚烧秸秆的行政处罚" and powers["extended"][0][5] == "东洲街道"
    assert powers["taken_back"][0][0] == "对擅自设置大型户外广告的行政处罚" and powers["taken_back"][0][4] == "田墘街道"
    assert powers["delegated"][0][5] == "遮浪街道"
    assert page.tabs.tabText(0).endswith("（4）") and page.tabs.tabText(1).endswith("（3）")


def test_a_workbook_is_compared_with_the_database_before_importing_it(window: MainWindow, tmp_path: Path, qtbot,  # noqa: ANN001
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    county = workbook(tmp_path / "县里报来的清单.xlsx", ("序号", "主管部门", "事项名称"), [
        ("1", "市发改局", "企业投资项目核准"), ("2", "市发展和改革局", "固定资产投资项目节能审查"),
        ("3", "市市场监管局", "食品生产许可"), ("4", "市市场监督管理局", "特种设备使用登记"),
        ("5", "市生态环境局", "建设项目环境影响评价文件审批"), ("6", "市生态环境局", "危险废物经营许可")])
    page = window.reports.show(COMPARE)
    monkeypatch.setattr(compare_view, "choose_workbook", lambda *_args: county)
    files = page.new_side.count() - 1
    page.new_side.setCurrentIndex(files)
    page.new_side._activated(files)
    assert page.new_side.side() == county and page.old_side.side() is None
    page.run()
    wait_idle(qtbot, window.session)
    counts = page.comparison.counts()
    assert page.comparison.new_label == county.name and page.comparison.compared == ("licence",)
    assert counts["licence_items"] == {"added": 1, "removed": 1, "changed": 0, "moved": 0}  # short names are no move
    assert not page.tabs.isTabEnabled(1)
    assert [row[0] for row in groups(page.licence_tree)["removed"]] == ["排污许可"]

    for fmt, button in (("xlsx", page.export_workbook_button), ("pdf", page.export_pdf_button)):
        target = tmp_path / f"对照表.{fmt}"
        monkeypatch.setattr(compare_view, "choose_save_path", lambda *_args, target=target: target)
        button.click()
        wait_idle(qtbot, window.session)
        assert target.is_file() and target.stat().st_size > 0


def test_check_against_an_imported_upper_list(window: MainWindow, tmp_path: Path, qtbot,  # noqa: ANN001
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    upper = workbook(tmp_path / "广东省清单.xlsx", ("序号", "事项名称", "主管部门"), [
        ("1", "企业投资项目核准", "省发展改革委"), ("2", "固定资产投资项目节能审查意见", "省发展改革委"),
        ("3", "食品生产许可", "省市场监管局"), ("4", "特种设备使用登记", "省市场监管局"),
        ("5", "排污许可", "省生态环境厅"), ("6", "建设项目环境影响评价文件审批", "省公安厅"),
        ("7", "药品经营许可", "省药监局")])
    page = window.reports.show(REFERENCE)
    assert isinstance(page, ReferenceView) and not page.check_button.isEnabled()
    monkeypatch.setattr(reference_view, "choose_workbook", lambda *_args: upper)
    monkeypatch.setattr(reference_view, "ask_reference_name", lambda _parent, suggested: suggested)
    monkeypatch.setattr(reference_view, "ask_reference_region", lambda _parent, _regions: (True, None))
    page.import_button.click()
    wait_idle(qtbot, window.session)
    assert page.references.count() == 1 and page.check_button.isEnabled()
    page.check_button.click()
    wait_idle(qtbot, window.session)
    expected = window.session.library.references.check_reference(page.references.currentData())
    assert page.result == expected
    assert page.unmatched.rowCount() == 1 and page.unmatched.item(0, 1).text() == "固定资产投资项目节能审查"
    assert page.unmatched.item(0, 3).text().startswith("固定资产投资项目节能审查意见；")  # the closest first
    assert page.missing.rowCount() == 2 and page.departments.rowCount() == 1
    assert page.departments.item(0, 2).text() == "省公安厅"
    assert [page.tabs.tabText(n)[-3:] for n in range(3)] == ["（1）", "（2）", "（1）"]
