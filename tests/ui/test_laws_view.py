"""法律法规 in the window: the law page (list, search, edit, import), the search and facet by law in
the lists, the marks of records citing a changed law with their counts on the statistics page, and
the 受影响事项 report on a real Karamay workbook."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from ui_helpers import type_text, wait_idle

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.importers.plan import import_file
from lawgov_desktop.ui import affected_view, laws_view
from lawgov_desktop.ui.affected_view import AffectedDialog
from lawgov_desktop.ui.laws_view import LawsView
from lawgov_desktop.ui.list_view import ListView, law_search
from lawgov_desktop.ui.main_window import MainWindow
from lawgov_desktop.ui.report_pages import LAWS
from lawgov_desktop.ui.stats_view import StatsView

REAL = Path(__file__).resolve().parents[3] / "shared" / "real-lists"
FORESTRY = REAL / "karamay" / "克拉玛依市林业和草原系统2024年地县两级权责清单指导目录.xls"
FOOD = "中华人民共和国食品安全法"


@pytest.fixture()
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """The window's test lists (six licence items citing 《中华人民共和国行政许可法》) and the food safety
    law cited by a licence item and a power of two departments, by its full and its short title."""
    path = tmp_path / "lists.sqlite3"
    shutil.copy(template_db, path)
    with Library(path, user="tester") as lib:
        lib.records.create("licence", {"department": "市市场监督管理局", "name": "食品经营许可",
                                       "legal_basis": f"【法律】《{FOOD}》第三十五条第一款"})
        lib.records.create("power", {"department": "市生态环境局", "name": "对餐饮油烟的检查",
                                     "legal_basis": "《食品安全法》第五十六条"})
    return path


def laws_page(window: MainWindow) -> LawsView:
    window.reports.laws_action.trigger()
    page = window.stack.currentWidget()
    assert isinstance(page, LawsView) and page is window.reports.page(LAWS)
    return page


def titles(page: LawsView) -> list[str]:
    return [page.table.item(row, 0).text() for row in range(page.table.rowCount())]


def test_the_law_page_lists_searches_and_edits_a_law(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    page = laws_page(window)
    assert window.navigation.currentItem().text() == "法律法规"
    assert titles(page) == ["中华人民共和国行政许可法", FOOD]  # most cited first
    assert [page.table.item(0, column).text() for column in (2, 6, 7)] == ["", "未知", "6"]
    assert page.table.item(1, 7).text() == "2"
    assert "法律法规库中有 2 部法律法规" in page.summary.text()

    type_text(page.search, "食品安全")
    qtbot.waitUntil(lambda: titles(page) == [FOOD])
    page.search.clear()
    page.status.setCurrentIndex(page.status.findData("已废止"))
    assert titles(page) == []
    page.status.setCurrentIndex(0)

    assert not page.edit_button.isEnabled()
    assert page.select_title(FOOD) and page.edit_button.isEnabled()
    dialog = page.edit_current()
    assert dialog is not None and dialog.title.text() == FOOD
    dialog.status.setCurrentIndex(dialog.status.findData("已被修改"))
    dialog.level.setText("法律")
    dialog.promulgated.setText("2009年2月28日")
    dialog.short_titles.setPlainText("食品安全法")
    dialog.amendments.setPlainText("2015-04-24 修订\n2021-04-29 第二次修正")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_idle(qtbot, window.session)
    law = window.session.library.laws.get(FOOD)
    assert (law["status"], law["level"], law["promulgated"], law["short_titles"]) == (
        "已被修改", "法律", "2009-02-28", ["食品安全法"])
    assert law["amendments"] == [{"date": "2015-04-24", "title": "修订"}, {"date": "2021-04-29", "title": "第二次修正"}]
    assert not dialog.isVisible()
    # the page read again, and marking the law amended opened its 受影响事项 report
    assert page.table.item(titles(page).index(FOOD), 6).text() == "已被修改"
    qtbot.waitUntil(lambda: isinstance(getattr(page, "report_dialog", None), AffectedDialog))
    assert page.report_dialog.report.law["title"] == FOOD
    assert page.report_dialog.tree.topLevelItemCount() == 2


def test_a_wrong_date_is_shown_in_the_form(window: MainWindow, qtbot, messages: list[str]) -> None:  # noqa: ANN001
    page = laws_page(window)
    page.select_title(FOOD)
    dialog = page.edit_current()
    dialog.effective.setText("明年")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_idle(qtbot, window.session)
    assert dialog.isVisible() and dialog.error.isVisible() and dialog.error.text()
    assert messages == []  # shown at the form only
    assert window.session.library.laws.get(FOOD)["effective"] is None


def test_a_catalogue_of_laws_is_imported_from_the_page(window: MainWindow, qtbot, tmp_path: Path,  # noqa: ANN001
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    catalogue = tmp_path / "laws.csv"
    catalogue.write_text("标题,制定机关,法律性质,时效性,公布日期,施行日期\n"
                         f"{FOOD},全国人民代表大会常务委员会,法律,已被修改,2021-04-29,2021-04-29\n"
                         "中华人民共和国行政许可法,全国人民代表大会常务委员会,法律,现行有效,2019-04-23,2019-04-23\n"
                         "中华人民共和国安全生产法,全国人民代表大会常务委员会,法律,现行有效,2021-06-10,2021-09-01\n",
                         encoding="utf-8")
    page = laws_page(window)
    monkeypatch.setattr(laws_view, "choose_workbook", lambda *_args: catalogue)
    page.import_button.click()
    wait_idle(qtbot, window.session)
    message = window.statusBar().currentMessage()
    assert message.startswith("新增 1 部法律法规，更新 2 部")
    assert message.endswith(f"清单引用的 1 部法律法规现已被修改、废止或尚未生效：《{FOOD}》。选中后点击“受影响事项…”"
                            "查看引用它的事项。")
    assert len(titles(page)) == 3
    row = titles(page).index(FOOD)
    assert [page.table.item(row, column).text() for column in (3, 4, 6)] == [
        "全国人民代表大会常务委员会", "2021-04-29", "已被修改"]


def test_titles_matching_no_law_and_texts_citing_none_are_listed(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    window.session.submit(lambda library, _task: library.records.create("power", {
        "department": "市生态环境局", "name": "对违规排污的处罚",
        "legal_basis": "市政府有关文件精神\n《中华人民共和国行证许可法》第十二条"}), "")
    wait_idle(qtbot, window.session)
    window.session.submit(lambda library, _task: library.laws.import_catalogue(
        [{"title": "中华人民共和国行政许可法"}, {"title": FOOD}]), "")
    wait_idle(qtbot, window.session)
    page = laws_page(window)
    assert page.tabs.tabText(1) == "未匹配法律法规库的引用标题"
    page.tabs.setCurrentIndex(1)  # the closest titles are found on the writer
    wait_idle(qtbot, window.session)
    assert page.tabs.tabText(1) == "未匹配法律法规库的引用标题（1）"
    assert [page.unresolved.item(0, column).text() for column in range(3)] == [
        "中华人民共和国行证许可法", "1", "中华人民共和国行政许可法"]
    page.tabs.setCurrentIndex(2)
    assert [page.unparsed.item(0, column).text() for column in range(3)] == ["赋权执法事项", "对违规排污的处罚", "实施依据"]
    assert page.unparsed.item(0, 3).text() == "市政府有关文件精神"


def test_the_search_by_law_reads_titles_and_articles() -> None:
    assert law_search("依据：食品安全法") == ("食品安全法", None, "")
    assert law_search("依据:《食品安全法》 第三十五条") == ("食品安全法", "第三十五条", "")
    assert law_search("依据：食品安全法第三十五条第一款 经营") == ("食品安全法", "第三十五条", "经营")
    assert law_search("食品安全法") is None


def search(view: ListView, text: str) -> int:
    view.search.clear()
    type_text(view.search, text)
    view.apply_filter()
    return view.model.total


def test_the_search_and_the_facet_by_law_narrow_the_lists(window: MainWindow) -> None:
    licences = window.show_list("licence")
    assert licences.model.total == 7
    assert search(licences, "依据：食品安全法") == 1
    assert licences.model.row_at(0)["name"] == "食品经营许可"
    assert search(licences, "依据:中华人民共和国食品安全法 第三十五条") == 1
    assert search(licences, "依据：食品安全法 第九十九条") == 0
    assert search(licences, "依据：行政许可法 投资") == 2  # the law, then ordinary search words
    assert search(licences, "依据：没有这部法") == 0
    powers = window.show_list("power")
    assert search(powers, "依据：食品安全法 第五十六条") == 1

    licences = window.show_list("licence")
    licences.search.clear()
    law_id = window.session.library.laws.find("食品安全法")
    facet = licences.facets.combos["law"]
    assert facet.summary() == "依据法律：全部"
    facet.set_selected((law_id,))
    assert licences.model.total == 1 and licences.current_filter().law_ids == (law_id,)
    assert facet.summary() == f"依据法律：{FOOD}（2）"
    # the filter is kept, and shown again, as a saved filter
    flt = ListFilter(law_ids=(law_id,), law_article=35)
    licences.set_filter(flt)
    assert licences.search.text() == f"依据：{FOOD} 第三十五条"
    assert licences.current_filter().law_ids == (law_id,) and licences.current_filter().law_article == 35
    assert licences.model.total == 1
    # a search for a law not in the library, kept with its article, comes back without an error (as the whole list)
    assert search(licences, "依据：没有这部法 第三条") == 0
    licences.set_filter(licences.current_filter())
    assert licences.search.text() == "" and licences.model.total == 7


def test_a_repealed_law_marks_its_citing_records_and_is_counted(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    licences = window.show_list("licence")
    name_column = next(n for n, column in enumerate(licences.spec.columns) if column.key == "name")
    search(licences, "食品经营")
    index = licences.model.index(0, name_column)
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    window.session.submit(lambda library, _task: library.laws.update(FOOD, {"status": "已废止"}), "")
    wait_idle(qtbot, window.session)
    index = licences.model.index(0, name_column)  # the list read again when the law changed
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert index.data(Qt.ItemDataRole.ToolTipRole) == f"食品经营许可\n引用已废止的法律法规：《{FOOD}》"
    assert licences.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None  # the name only
    search(licences, "排污许可")
    assert licences.model.index(0, name_column).data(Qt.ItemDataRole.DecorationRole) is None

    window.reports.stats_action.trigger()
    stats = window.stack.currentWidget()
    assert isinstance(stats, StatsView)
    assert stats.citations.text().startswith("引用已废止法律法规的：许可事项 1 项，执法事项 1 项；"
                                             "引用已被修改法律法规的：许可事项 0 项，执法事项 0 项；")
    assert stats.citations.text().endswith("有 1 个引用标题未匹配法律法规库中的法律法规。")
    # a saved version: its own marks; the titles matching no law are the working list's only
    window.session.submit(lambda library, _task: library.versions.save_version("2024年版"), "",
                          on_done=stats.versions.set_version)
    wait_idle(qtbot, window.session)
    stats.reload()
    assert stats.citations.text() == ("引用已废止法律法规的：许可事项 1 项，执法事项 1 项；"
                                      "引用已被修改法律法规的：许可事项 0 项，执法事项 0 项；"
                                      "引用尚未生效法律法规的：许可事项 0 项，执法事项 0 项")


@pytest.fixture()
def forestry(tmp_path: Path) -> Path:
    """The real 林业和草原系统 权责清单 of Karamay (two levels, four departments) imported as a clerk would."""
    path = tmp_path / "forestry.sqlite3"
    with Library(path, user="tester") as lib:
        import_file(lib, FORESTRY)
    return path


def test_the_affected_report_of_a_real_workbook_by_department(launcher, forestry: Path, qtbot,  # noqa: ANN001
                                                              messages: list[str], tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """森林病虫害防治条例 as counted by hand in the workbook's cells (tests/importers/test_law_list.py)."""
    window = launcher.open(forestry)
    qtbot.waitExposed(window)
    page = laws_page(window)
    type_text(page.search, "森林病虫害")
    qtbot.waitUntil(lambda: page.select_title("森林病虫害防治条例"))
    page.affected_button.click()
    wait_idle(qtbot, window.session)
    dialog = page.report_dialog
    tree = dialog.tree
    departments = [tree.topLevelItem(n).text(0) for n in range(tree.topLevelItemCount())]
    assert departments == ["克拉玛依市林业和草原局（2）", "克拉玛依市自然资源局各区自然资源分局（2）",
                           "县市区林业和草原局（1）", "地州市林业和草原局（1）"]
    first = tree.topLevelItem(0)
    assert [first.child(n).text(4) for n in range(first.childCount())] == ["第二十二条", "第二十一条"]
    assert tree.topLevelItem(2).child(0).text(0) == "责令限期除治,代为除治森林病虫害"
    assert tree.topLevelItem(2).child(0).text(4) == "第五条第二款、第二十五条"
    assert "执法事项 6 项，涉及 4 个部门" in dialog.summary.text()

    dialog.save_filter_button.click()
    wait_idle(qtbot, window.session)
    law_id = window.session.library.laws.find("森林病虫害防治条例")
    for kind in ("licence", "power"):
        assert window.session.library.lists.saved_filters(kind)["依据：森林病虫害防治条例"].law_ids == (law_id,)

    target = tmp_path / "受影响事项.xlsx"
    monkeypatch.setattr(affected_view, "choose_save_path", lambda *_args: target)
    dialog.export("xlsx")
    wait_idle(qtbot, window.session)
    sheet = load_workbook(target)["受影响事项"]
    names = [row[3] for row in sheet.iter_rows(values_only=True)]
    assert names.count("责令限期除治,代为除治森林病虫害") == 2

    dialog.show_powers.click()
    powers = window.current_view()
    assert powers.spec.kind == "power" and powers.model.total == 6
    assert not messages
