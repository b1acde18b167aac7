"""The import wizard, offscreen, from the file choice to the summary and back out of the history."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QComboBox, QFileDialog

from lawgov_desktop.cli.cmd_import import report_lines
from lawgov_desktop.core.kinds import ROW_VERSION
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.progress import TaskState
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.importers.plan import ImportOptions
from lawgov_desktop.importers.preview import preview_import
from lawgov_desktop.ui import prompts
from lawgov_desktop.ui.import_wizard import COLUMNS, FILE, PREVIEW, SUMMARY, ImportWizard
from lawgov_desktop.ui.kinds import IMPORTS
from lawgov_desktop.ui.main_window import MainWindow

COUNTY_BUREAU = "汕尾市城区教育局"
HEADER = ("序号", "主管部门", "事项名称", "子项", "办理机构", "设定和实施依据", "备注")


def county_workbook(path: Path) -> Path:
    """A county's licence list as clerks make them: title rows, a part row, the department merged
    down, a main item merged over its sub-items, an unknown county bureau, one bad row, a footnote."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "许可清单"
    sheet.append(["附件1"])
    sheet.append(["城区行政许可事项清单"])
    sheet.merge_cells("A2:G2")
    sheet.append(["填报单位：（盖章）"])
    sheet.append(HEADER)
    sheet.append(["一、中央层面设定的行政许可事项"])
    sheet.merge_cells("A5:G5")
    sheet.append(["1", "市发展和改革局", "企业投资项目核准", None, "城区发改局", "《企业投资项目核准和备案管理条例》", None])
    sheet.append(["2", None, "固定资产投资项目节能审查", None, "城区发改局", "《中华人民共和国行政许可法》", None])
    sheet.merge_cells("B6:B7")
    sheet.append(["3", "城区教育局", "民办学校设立审批", "筹设", "城区教育局", "《中华人民共和国民办教育促进法》", None])
    sheet.append([None, None, None, "正式设立", "城区教育局", "《中华人民共和国民办教育促进法》", None])
    sheet.merge_cells("B8:B9")
    sheet.merge_cells("C8:C9")
    sheet.append(["4", "市生态环境局", None, None, "城区环保", None, "=待补充"])
    sheet["G10"].data_type = "s"  # typed text that looks like a formula
    sheet.append(["注：本表由城区司法局汇总。"])
    sheet.merge_cells("A11:G11")
    notes = book.create_sheet("填表说明")
    notes.append(["请按模板填写，不要改动表头。"])
    book.save(path)
    return path


@pytest.fixture()
def county_db(db_path: Path) -> Path:
    """The test database plus the county bureau the workbook names by its short form."""
    with Library(db_path, user="tester") as lib:
        lib.records.create("department", {"name": COUNTY_BUREAU, "level": "县级"})
    return db_path


@pytest.fixture()
def workbook(tmp_path: Path) -> Path:
    folder = tmp_path / "城区 报送"
    folder.mkdir()
    return county_workbook(folder / "城区许可清单.xlsx")


def wait_ready(qtbot, wizard: ImportWizard, step: int) -> None:  # noqa: ANN001
    """Until the wizard's background work is done and it shows ``step``."""
    qtbot.waitUntil(lambda: not wizard.busy and wizard.step == step, timeout=10000)


def start(window: MainWindow, qtbot, path: Path, monkeypatch: pytest.MonkeyPatch) -> ImportWizard:  # noqa: ANN001
    """File → Import workbook… and pick ``path`` in the file dialog."""
    chosen: list[str] = []

    def get_open_file_name(_parent, _caption, folder, _filters):  # noqa: ANN001, ANN202
        chosen.append(folder)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open_file_name)
    window.import_action.trigger()
    wizard = window.import_wizard
    assert wizard is not None and wizard.step == FILE
    wizard.findChild(type(wizard.next_button), "browse").click()
    wait_ready(qtbot, wizard, COLUMNS)
    window.last_import_dialog_folder = chosen[0]
    return wizard


def mapping(wizard: ImportWizard) -> dict[str, str]:
    table = wizard.mapping_table
    return {table.item(row, 1).text(): table.cellWidget(row, 2).currentData() for row in range(table.rowCount())}


def names(wizard: ImportWizard) -> dict[str, QComboBox]:
    table = wizard.names_table
    return {table.item(row, 1).text(): table.cellWidget(row, 3) for row in range(table.rowCount())}


def to_summary(wizard: ImportWizard, qtbot) -> None:  # noqa: ANN001
    wizard.next_button.click()  # 导入
    wait_ready(qtbot, wizard, SUMMARY)


def snapshot(library: Library) -> tuple:
    """What an import could change, to compare before and after (all but the row versions, which
    every write — an undo too — moves on)."""
    rows = {kind: sorted(str(sorted((key, value) for key, value in row.items() if key != ROW_VERSION))
                         for row in library.lists.query(kind, ListFilter(), limit=1000).rows)
            for kind in ("licence", "department", "region", "imports")}
    return rows, library.history.change_log(limit=1).total


def test_import_from_file_choice_to_summary(county_db: Path, window: MainWindow, qtbot, workbook: Path,  # noqa: ANN001
                                            monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    wizard = start(window, qtbot, workbook, monkeypatch)

    sheets = [wizard.sheet_list.item(row).text() for row in range(wizard.sheet_list.count())]
    assert sheets[0] == "✔  许可清单 — 表头在第 4 行，3 项（另子项 2 项）"
    assert sheets[1].startswith("✘  填表说明")
    assert wizard.kind_combo.currentData() is None  # detected, and the combo says what it found
    assert wizard.kind_combo.currentText() == "按表头自动识别：行政许可事项清单"
    detected = mapping(wizard)
    assert detected["主管部门"] == "department" and detected["事项名称"] == "name"
    assert detected["子项"] == "sub_item" and detected["设定和实施依据"] == "legal_basis"
    assert detected["办理机构"] == ""  # not a header the importer knows: the clerk maps it

    wizard.set_column_field("办理机构", "implementing_authority")
    wait_ready(qtbot, wizard, COLUMNS)
    assert mapping(wizard)["办理机构"] == "implementing_authority"
    wizard.next_button.click()
    assert wizard.step == PREVIEW

    unknown = names(wizard)
    assert set(unknown) == {"城区教育局"}
    combo = unknown["城区教育局"]
    assert "新建部门" in combo.itemText(0)
    suggestion = next(i for i in range(combo.count()) if COUNTY_BUREAU in combo.itemText(i))
    combo.setCurrentIndex(suggestion)
    wait_ready(qtbot, wizard, PREVIEW)
    assert wizard.options.resolutions == {("department", "城区教育局"): window.session.library.records.find_department(
        COUNTY_BUREAU)}
    assert names(wizard)["城区教育局"].currentData() == wizard.options.resolutions[("department", "城区教育局")]
    # 企业投资项目核准 changed (basis, authority), 节能审查 changed (authority), 民办学校 + 2 sub-items new
    assert wizard.counts_label.text() == "新增 1 项（另子项 2 项） / 更新 2 项 / 未变 0 项 / 拒绝 1 行"
    changed = next(r for r in wizard.plan_model.rows if r.name == "企业投资项目核准")
    tooltip = wizard.plan_model.data(wizard.plan_model.index(wizard.plan_model.rows.index(changed), 3),
                                     Qt.ItemDataRole.ToolTipRole)
    assert "设定和实施依据：《中华人民共和国行政许可法》 → 《企业投资项目核准和备案管理条例》" in tooltip

    to_summary(wizard, qtbot)
    assert wizard.summary_counts.text() == "新增 1 项（另子项 2 项） / 更新 2 项 / 未变 0 项 / 拒绝 1 行"
    assert wizard.rejected_table.rowCount() == 1
    assert wizard.rejected_table.item(0, 1).text() == "10"
    assert "事项名称" in wizard.rejected_table.item(0, 2).text()

    library = window.session.library
    school = library.lists.query("licence", ListFilter(text="民办学校设立审批")).rows[0]
    assert school["department"] == COUNTY_BUREAU
    record = library.records.get("licence", school["id"])
    assert [sub["name"] for sub in record["sub_items"]] == ["筹设", "正式设立"]
    assert library.records.find_department("城区教育局") is None  # mapped, not created
    approval = library.records.get("licence", library.lists.query("licence", ListFilter(text="企业投资项目核准")).rows[0]["id"])
    assert approval["legal_basis"] == "《企业投资项目核准和备案管理条例》"
    assert approval["implementing_authority"] == "城区发改局"
    history = window.show_list(IMPORTS)
    assert history.model.total == 1 and history.model.row_at(0)["file_name"] == "城区许可清单.xlsx"

    target = tmp_path / "退回.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    wizard.export_button.click()
    qtbot.waitUntil(lambda: wizard.exported == target, timeout=10000)
    sheet = openpyxl.load_workbook(target)["许可清单"]
    assert [cell.value for cell in sheet[1]] == [*HEADER, "拒绝原因", "原行号"]
    row = [cell.value for cell in sheet[2]]
    assert row[:5] == ["4", "市生态环境局", None, None, "城区环保"]
    assert row[6] == "=待补充" and sheet.cell(2, 7).data_type == "s"  # text, never a formula
    assert "事项名称" in row[7] and row[8] == 10
    assert sheet.max_row == 2


def test_saved_template_is_offered_for_the_same_headers(window: MainWindow, qtbot, workbook: Path,  # noqa: ANN001
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = start(window, qtbot, workbook, monkeypatch)
    wizard.set_column_field("办理机构", "implementing_authority")
    wait_ready(qtbot, wizard, COLUMNS)
    monkeypatch.setattr("lawgov_desktop.ui.import_wizard.QInputDialog.getText", lambda *_args: ("城区模板", True))
    wizard.save_template_button.click()
    qtbot.waitUntil(lambda: wizard.template_combo.currentData() == "城区模板", timeout=5000)
    wizard.close()

    again = start(window, qtbot, workbook, monkeypatch)
    assert again is not wizard
    assert window.last_import_dialog_folder == str(workbook.parent)  # the folder is remembered
    assert again.template_combo.currentData() == "城区模板"
    assert "城区模板" in again.template_note.text()
    assert mapping(again)["办理机构"] == "implementing_authority"
    again.template_combo.setCurrentIndex(0)  # back to plain detection
    wait_ready(qtbot, again, COLUMNS)
    assert mapping(again)["办理机构"] == ""


def test_the_command_line_dry_run_counts_and_lists_the_sheets_as_the_wizard_does(  # noqa: ANN001
        county_db: Path, window: MainWindow, qtbot, workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = start(window, qtbot, workbook, monkeypatch)
    preview = preview_import(window.session.library, workbook, ImportOptions())
    assert preview.plan is not None
    lines = report_lines(workbook.name, "merge", preview.plan.result(dry_run=True), preview.sheets)
    in_wizard = [wizard.sheet_list.item(row).text().split(" — ", 1)[1] for row in range(wizard.sheet_list.count())]
    assert [line.split("：", 1)[1] for line in lines[1:1 + len(preview.sheets)]] == in_wizard
    assert re.findall(r"\d+", lines[0].split("：", 1)[1]) == re.findall(r"\d+", wizard.counts_label.text())


def test_kind_override_and_missing_column_let_the_clerk_map_by_hand(window: MainWindow, qtbot,  # noqa: ANN001
                                                                    tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "海丰县.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["序号", "责任单位", "事项名称", "设定依据"])
    book.active.append(["1", "市生态环境局", "排污许可", "《排污许可管理条例》"])
    book.save(path)
    wizard = start(window, qtbot, path, monkeypatch)
    assert "缺少必需的列：主管部门" in wizard.problem.text()
    assert not wizard.next_button.isEnabled()
    assert mapping(wizard)["责任单位"] == ""
    wizard.set_column_field("责任单位", "department")
    wait_ready(qtbot, wizard, COLUMNS)
    assert wizard.problem.isHidden() and wizard.next_button.isEnabled()
    wizard.next_button.click()
    assert wizard.counts_label.text() == "新增 0 项 / 更新 1 项 / 未变 0 项 / 拒绝 0 行"

    wizard.back_button.click()
    wizard.kind_combo.setCurrentIndex(wizard.kind_combo.findData("power"))
    wait_ready(qtbot, wizard, COLUMNS)
    assert "原实施主体" in wizard.problem.text()
    # the sheet list gives the same reason as the banner, for the kind chosen now
    assert wizard.sheet_list.item(0).text().startswith("✘  Sheet — 已跳过：缺少必需的列：原实施主体")
    assert "penalty_range" in {wizard.mapping_table.cellWidget(0, 2).itemData(i)
                               for i in range(wizard.mapping_table.cellWidget(0, 2).count())}


def test_append_mode_rejects_existing_rows_and_exports_their_cells_from_the_sheet(  # noqa: PLR0913
        county_db: Path, window: MainWindow, qtbot, workbook: Path,  # noqa: ANN001
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    wizard = start(window, qtbot, workbook, monkeypatch)
    wizard.next_button.click()
    wizard.findChild(type(wizard.strict_box).__mro__[1], "mode_append").click()
    wait_ready(qtbot, wizard, PREVIEW)
    assert "追加" in wizard.mode_note.text()
    assert wizard.counts_label.text() == "新增 1 项（另子项 2 项） / 更新 0 项 / 未变 0 项 / 拒绝 3 行"
    wizard.action_filter.setCurrentIndex(wizard.action_filter.findData("rejected"))
    assert {r.row for r in wizard.plan_model.rows} == {6, 7, 10}
    to_summary(wizard, qtbot)
    wizard.export_rejected(tmp_path / "追加被拒.xlsx")
    qtbot.waitUntil(lambda: wizard.exported is not None, timeout=10000)
    sheet = openpyxl.load_workbook(wizard.exported)["许可清单"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert [row[8] for row in rows] == [6, 7, 10]
    assert rows[1][:3] == ["2", "市发展和改革局", "固定资产投资项目节能审查"]  # merged department filled in
    assert "追加" in rows[0][7]


def test_strict_mode_refuses_the_whole_file(window: MainWindow, qtbot, workbook: Path,  # noqa: ANN001
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(window.session.library)
    wizard = start(window, qtbot, workbook, monkeypatch)
    wizard.next_button.click()
    wizard.strict_box.setChecked(True)
    wait_ready(qtbot, wizard, PREVIEW)
    assert "严格模式下不新建" in names(wizard)["城区教育局"].itemText(0)
    wizard.next_button.click()
    wait_ready(qtbot, wizard, PREVIEW)
    assert "严格模式" in wizard.problem.text() and "未导入任何数据" in wizard.problem.text()
    assert snapshot(window.session.library) == before


def test_cancel_during_apply_leaves_the_database_as_it_was(county_db: Path, window: MainWindow, qtbot,  # noqa: ANN001
                                                          workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = start(window, qtbot, workbook, monkeypatch)
    wizard.next_button.click()
    before = snapshot(window.session.library)
    reached, resume = threading.Event(), threading.Event()
    real_report = TaskState.report

    def report(task, done, total, text):  # noqa: ANN001, ANN202
        real_report(task, done, total, text)
        if done == 4:  # the new rows are being written inside the transaction
            reached.set()
            resume.wait(5)

    monkeypatch.setattr(TaskState, "report", report)
    wizard.next_button.click()
    qtbot.waitUntil(reached.is_set, timeout=10000)
    assert not wizard.close_button.isEnabled()
    wizard.cancel_apply_button.click()
    resume.set()
    wait_ready(qtbot, wizard, PREVIEW)
    assert "取消" in wizard.problem.text()
    assert snapshot(window.session.library) == before
    assert wizard.next_button.isEnabled()  # planned again: the clerk can try once more


def test_unreadable_file_shows_the_message_and_writes_nothing(window: MainWindow, qtbot, tmp_path: Path,  # noqa: ANN001
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(window.session.library)
    broken = tmp_path / "损坏的 清单.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not really a workbook")
    wizard = start_at_file(window, qtbot, broken, monkeypatch)
    assert wizard.problem.isVisible()
    assert "损坏的 清单.xlsx" in wizard.problem.text()
    assert not wizard.next_button.isEnabled()
    assert snapshot(window.session.library) == before


def start_at_file(window: MainWindow, qtbot, path: Path, monkeypatch: pytest.MonkeyPatch) -> ImportWizard:  # noqa: ANN001
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(path), ""))
    window.import_action.trigger()
    wizard = window.import_wizard
    assert wizard is not None
    wizard.choose_file()
    wait_ready(qtbot, wizard, FILE)
    return wizard


def drop(window: MainWindow, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_dropping_a_workbook_opens_the_wizard_and_other_files_get_a_message(  # noqa: ANN001
        window: MainWindow, qtbot, workbook: Path, tmp_path: Path, messages: list[str]) -> None:
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    letter = tmp_path / "通知.pdf"
    letter.write_bytes(b"%PDF-1.4")
    drop(window, letter)
    assert window.import_wizard is None
    assert "通知.pdf" in messages[0] and ".xlsx" in messages[0]
    drop(window, workbook)
    wizard = window.import_wizard
    assert wizard is not None and wizard.isVisible()
    wait_ready(qtbot, wizard, COLUMNS)
    assert wizard.path == workbook
    assert wizard.reading is not None and wizard.reading.plan is not None


def test_undo_of_the_import_from_the_history(county_db: Path, window: MainWindow, qtbot, workbook: Path,  # noqa: ANN001
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    library = window.session.library
    before = snapshot(library)[0]["licence"]
    wizard = start(window, qtbot, workbook, monkeypatch)
    wizard.next_button.click()
    to_summary(wizard, qtbot)
    wizard.close()
    assert library.lists.query("licence", ListFilter(text="民办学校设立审批")).total == 1

    history = window.show_list(IMPORTS)
    history.select_id(history.model.id_at(0))
    assert window.undo_import_action.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda _parent, _title, text: asked.append(text) or True)
    window.undo_import_action.trigger()
    assert "城区许可清单.xlsx" in asked[0]
    qtbot.waitUntil(lambda: bool(history.model.row_at(0)["undone_at"]), timeout=10000)
    assert snapshot(library)[0]["licence"] == before
    assert library.records.find_department("城区教育局") is None  # created by the import, gone with it


RESPONSIBILITY_HEADER = ("序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "实施层级及权限",
                         "实施层级及权限", "救助渠道", "备注")


def responsibility_workbook(path: Path) -> Path:
    """A department's 权责清单: 实施层级及权限 over two columns, a column of its own (救助渠道), two
    sub-items in one cell, and the department written the way the province's template writes it."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "权责清单"
    sheet.append(["克拉玛依市民政局2024年权责清单"])
    sheet.append(RESPONSIBILITY_HEADER)
    sheet.append([1, "最低生活保障审批", None, "行政给付", "《社会救助暂行办法》", "地州市民政局", "地州市级",
                  "负责本级最低生活保障对象的审核确认", "乡镇受理", None])
    sheet.append([2, "临时救助", "1.急难型临时救助 2.支出型临时救助", "行政给付", "《社会救助暂行办法》",
                  "地州市民政局", "地州市级", "负责本级临时救助的审批", "转介", "按年度核定"])
    sheet.append([3, "对养老机构的监督检查", None, "行政检查", "《养老机构管理办法》", "地州市民政局", "县市区级",
                  "负责辖区内养老机构的监督检查", None, None])
    book.save(path)
    return path


def column_rows(wizard: ImportWizard) -> dict[str, tuple[str, str, str]]:
    """Column letter → (header, what it is imported as, sample values) as the mapping table shows them."""
    table = wizard.mapping_table
    return {table.item(row, 0).text(): (table.item(row, 1).text(), table.cellWidget(row, 2).currentText(),
                                        table.item(row, 3).text()) for row in range(table.rowCount())}


def test_responsibility_list_shows_its_kind_columns_samples_and_counts(  # noqa: ANN001
        window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = start(window, qtbot, responsibility_workbook(tmp_path / "民政局权责清单.xlsx"), monkeypatch)
    assert wizard.kind_combo.currentText() == "按表头自动识别：权责清单"
    assert wizard.kind_combo.itemText(wizard.kind_combo.findData("responsibility")) == "权责清单"
    assert wizard.sheet_list.item(0).text() == "✔  权责清单 — 表头在第 2 行，3 项（另子项 2 项）"
    columns = column_rows(wizard)
    # the two columns headed 实施层级及权限 told apart by what they hold
    assert columns["G"] == ("实施层级及权限", "实施层级", "地州市级  |  县市区级")
    assert columns["H"][:2] == ("实施层级及权限", "实施权限")
    assert columns["H"][2].startswith("负责本级最低生活保障对象的审核确认  |  负责本级临时救助的审批")
    assert columns["I"] == ("救助渠道", "保留为附加字段“救助渠道”", "乡镇受理  |  转介")
    assert columns["C"][2] == "1.急难型临时救助 2.支出型临时…"  # long values shortened

    wizard.set_column_field("备注", "extra:备注")  # by hand: the other extra column stays one
    wait_ready(qtbot, wizard, COLUMNS)
    columns = column_rows(wizard)
    assert columns["I"][1] == "保留为附加字段“救助渠道”" and columns["J"][1] == "保留为附加字段“备注”"
    assert columns["H"][1] == "实施权限"

    wizard.next_button.click()
    assert wizard.counts_label.text() == "新增 3 项（另子项 2 项） / 更新 0 项 / 未变 0 项 / 拒绝 0 行"
    to_summary(wizard, qtbot)
    assert wizard.summary_counts.text() == "新增 3 项（另子项 2 项） / 更新 0 项 / 未变 0 项 / 拒绝 0 行"
    library = window.session.library
    relief = library.records.get("power", library.lists.query("power", ListFilter(text="临时救助")).rows[0]["id"])
    assert relief["extra"] == {"救助渠道": "转介", "备注": "按年度核定"}
    assert relief["level"] == "地州市级" and relief["level_scope"] == "负责本级临时救助的审批"
    assert [sub["name"] for sub in relief["sub_items"]] == ["急难型临时救助", "支出型临时救助"]


def test_a_mapping_made_by_hand_is_applied_to_the_next_file_with_the_same_headers(  # noqa: ANN001
        window: MainWindow, qtbot, workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = start(window, qtbot, workbook, monkeypatch)
    wizard.set_column_field("办理机构", "implementing_authority")
    wait_ready(qtbot, wizard, COLUMNS)
    wizard.next_button.click()
    to_summary(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.remembered_template is not None, timeout=5000)
    assert wizard.remembered_template == "自动保存：序号、主管部门、事项名称等"
    assert "下次导入相同表头的文件时自动套用" in wizard.summary_note.text()
    wizard.close()

    again = start(window, qtbot, workbook, monkeypatch)
    assert again.template_combo.currentData() == "自动保存：序号、主管部门、事项名称等"
    assert "上次" in again.template_note.text() and "不使用模板（按表头自动识别）" in again.template_note.text()
    assert mapping(again)["办理机构"] == "implementing_authority"
    again.next_button.click()
    to_summary(again, qtbot)  # applied as the template says: nothing new to remember
    assert again.remembered_template is None
    again.close()

    third = start(window, qtbot, workbook, monkeypatch)
    third.template_combo.setCurrentIndex(0)  # back to detection
    wait_ready(qtbot, third, COLUMNS)
    assert mapping(third)["办理机构"] == "" and third.template_note.text() == "有 1 个为相同表头保存的模板。"
    assert [t["name"] for t in window.session.library.imports.mapping_templates()] == ["自动保存：序号、主管部门、事项名称等"]


def test_an_unknown_name_can_be_created_under_the_name_the_clerk_types(  # noqa: ANN001
        window: MainWindow, qtbot, workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = window.session.library
    wizard = start(window, qtbot, workbook, monkeypatch)
    wizard.next_button.click()
    combo = names(wizard)["城区教育局"]
    asked: list[str] = []

    def get_text(_parent, _title, label, _echo, text):  # noqa: ANN001, ANN202
        asked.append(text)
        return "汕尾市城区教育局", True

    monkeypatch.setattr("lawgov_desktop.ui.import_wizard.QInputDialog.getText", get_text)
    combo.setCurrentIndex(combo.findText("以其他名称新建…"))
    wait_ready(qtbot, wizard, PREVIEW)
    assert asked == ["城区教育局"]
    assert wizard.options.renames == {("department", "城区教育局"): "汕尾市城区教育局"}
    combo = names(wizard)["城区教育局"]
    assert combo.currentText() == "新建为“汕尾市城区教育局”"
    assert "新建部门“城区教育局”" in combo.itemText(0)  # "as written" is still offered
    assert any("新建部门“汕尾市城区教育局”" in warning for warning in wizard.reading.plan.changes.warnings)

    to_summary(wizard, qtbot)
    school = library.lists.query("licence", ListFilter(text="民办学校设立审批")).rows[0]
    assert school["department"] == "汕尾市城区教育局"
    assert library.records.find_department("城区教育局") == library.records.find_department("汕尾市城区教育局")  # its alias
    wizard.close()

    history = window.show_list(IMPORTS)
    history.select_id(history.model.id_at(0))
    monkeypatch.setattr(prompts, "confirm", lambda *_args: True)
    window.undo_import_action.trigger()
    qtbot.waitUntil(lambda: bool(history.model.row_at(0)["undone_at"]), timeout=10000)
    assert library.records.find_department("汕尾市城区教育局") is None  # created by the import, gone with it
    assert library.records.find_department("城区教育局") is None


def test_typing_the_name_of_an_existing_record_maps_to_it(county_db: Path, window: MainWindow, qtbot,  # noqa: ANN001
                                                          workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = start(window, qtbot, workbook, monkeypatch)
    wizard.next_button.click()
    monkeypatch.setattr("lawgov_desktop.ui.import_wizard.QInputDialog.getText",
                        lambda *_args: (COUNTY_BUREAU, True))
    combo = names(wizard)["城区教育局"]
    combo.setCurrentIndex(combo.findText("以其他名称新建…"))
    wait_ready(qtbot, wizard, PREVIEW)
    bureau = window.session.library.records.find_department(COUNTY_BUREAU)
    assert wizard.options.resolutions == {("department", "城区教育局"): bureau} and not wizard.options.renames
    assert names(wizard)["城区教育局"].currentData() == bureau
