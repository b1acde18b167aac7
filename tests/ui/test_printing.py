"""Printing from the window: preview of the real pages, printing, PDF, Word, website and Excel export, drafts,
batch, cancel."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from lawgov_desktop.core.fields import LICENCE
from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.plan import ImportOptions, import_file
from lawgov_desktop.ui import printing
from lawgov_desktop.ui.app import Launcher
from lawgov_desktop.ui.main_window import MainWindow
from lawgov_desktop.ui.print_preview import print_document, printer_for
from lawgov_desktop.ui.printing import PrintActions

TIMEOUT = 30000


def pdf_text(path: Path) -> str:
    """All text of a PDF without whitespace (cells wrap, so names may be split by line breaks)."""
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


def idle(qtbot, actions: PrintActions) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: actions.job is None, timeout=TIMEOUT)


def options_dialog(qtbot, actions: PrintActions) -> QDialog:  # noqa: ANN001
    """The options dialog that opens once the catalogue of the view is read."""
    qtbot.waitUntil(lambda: actions.options_dialog is not None and actions.options_dialog.isVisible(),
                    timeout=TIMEOUT)
    return actions.options_dialog


def market_options(qtbot, window: MainWindow, action) -> QDialog:  # noqa: ANN001
    """The options dialog of ``action`` on the licence list narrowed to the market department."""
    view = window.current_view()
    view.facets.combos["department"].set_selected((window.session.library.records.find_department("市市场监督管理局"),))
    action.trigger()
    return options_dialog(qtbot, window.printing)


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Answer the save dialog with ``path``; returns the suggested names it was asked with."""
    asked: list[str] = []

    def choose(_parent, _title, name, _filters, _suffix):  # noqa: ANN001, ANN202
        asked.append(name)
        return path

    monkeypatch.setattr(printing, "choose_save_path", choose)
    return asked


@pytest.fixture()
def long_window(launcher: Launcher, db_path: Path, messages: list[str], qtbot) -> MainWindow:  # noqa: ANN001
    """The window on a list of 66 items: enough for several printed pages."""
    with Library(db_path, user="tester") as lib:
        for number in range(60):
            lib.records.create("licence", {"department": "市生态环境局", "name": f"第{number + 1}号测试许可事项",
                                   "legal_basis": "《中华人民共和国环境保护法》第十九条、第二十条" * 3})
    opened = launcher.open(db_path)
    qtbot.waitExposed(opened)
    return opened


def open_preview(qtbot, window: MainWindow):  # noqa: ANN001, ANN201
    actions = window.printing
    actions.preview_action.trigger()
    dialog = options_dialog(qtbot, actions)
    dialog.accept()
    qtbot.waitUntil(lambda: actions.preview_window is not None, timeout=TIMEOUT)
    return actions.preview_window


def test_preview_shows_every_generated_page_and_no_font_warning(long_window: MainWindow, qtbot,  # noqa: ANN001
                                                               messages: list[str]) -> None:
    actions = long_window.printing
    actions.preview_action.trigger()
    dialog = options_dialog(qtbot, actions)
    assert dialog.layout_options.title.text() == "汕尾市行政许可事项清单"
    assert dialog.layout_options.chosen_columns() == ["sequence", "department", "name", "sub_item",
                                                      "implementing_authority", "legal_basis", "level", "remark"]
    dialog.accept()
    qtbot.waitUntil(lambda: actions.preview_window is not None, timeout=TIMEOUT)
    preview = actions.preview_window
    pages = len(PdfReader(str(preview.path)).pages)
    assert pages > 1 and preview.page_count() == pages
    assert preview.page_label.text() == f"第 1 页 共 {pages} 页"
    assert preview.warning.isHidden() and messages == []
    preview.go_to_page(pages - 1)
    qtbot.waitUntil(lambda: preview.page_label.text() == f"第 {pages} 页 共 {pages} 页", timeout=2000)
    assert not preview.next_action.isEnabled() and preview.previous_action.isEnabled()
    folder = preview.path.parent
    preview.close()
    assert not folder.exists() and actions.preview_window is None  # the temporary PDF goes with the preview


def test_the_font_warning_shows_as_a_bar_when_no_font_can_be_embedded(window: MainWindow, qtbot,  # noqa: ANN001
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from lawgov_desktop.exporters import fonts

    monkeypatch.setattr(fonts, "system_font_candidates", lambda role="body": [])
    preview = open_preview(qtbot, window)
    assert not preview.warning.isHidden()
    assert "未找到可嵌入的中文字体，PDF 将依赖阅读器的字体" in preview.warning.text()
    preview.close()


def test_printing_renders_the_pages_into_the_printer(long_window: MainWindow, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    preview = open_preview(qtbot, long_window)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_document(preview.document, printer) == preview.page_count()
    printed = PdfReader(str(tmp_path / "printed.pdf"))
    assert len(printed.pages) == preview.page_count()
    assert printed.pages[0].images  # each page is the rendered PDF page
    printer = printer_for(preview.document)  # what the print dialog starts from: A4 landscape, all pages
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_document(preview.document, printer) == 2
    assert len(PdfReader(str(tmp_path / "range.pdf")).pages) == 2
    reports: list[tuple[int, int, str]] = []
    printer.setOutputFileName(str(tmp_path / "cancelled.pdf"))
    cancelled = SimpleNamespace(report=lambda *report: reports.append(report), cancelled=True)
    assert print_document(preview.document, printer, cancelled) == 1  # stops after the page being printed
    assert reports == [(1, 2, "正在打印第 1/2 页…")]
    preview.close()


def test_save_as_pdf_writes_the_catalogue_of_the_view(window: MainWindow, qtbot, tmp_path: Path,  # noqa: ANN001
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    asked = save_to(monkeypatch, tmp_path / "清单.pdf")
    actions = window.printing
    dialog = market_options(qtbot, window, actions.export_pdf_action)
    assert dialog.layout_options.title.text() == "汕尾市市场监督管理局行政许可事项清单"
    dialog.layout_options.attachment.setText("2")
    dialog.accept()
    idle(qtbot, actions)
    assert asked == ["汕尾市市场监督管理局行政许可事项清单.pdf"]
    text = pdf_text(tmp_path / "清单.pdf")
    assert "附件2" in text and "食品生产许可" in text and "特种设备使用登记" in text
    assert "企业投资项目核准" not in text  # filtered out of the view, so not printed
    assert "已保存" in window.statusBar().currentMessage()


def test_a_township_picked_in_the_power_list_prints_that_townships_list(window: MainWindow, qtbot,  # noqa: ANN001
                                                                        tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    save_to(monkeypatch, tmp_path / "遮浪.pdf")
    view = window.show_list("power")
    view.facets.combos["region"].set_selected((window.session.library.records.find_region("遮浪街道"),))
    actions = window.printing
    actions.export_pdf_action.trigger()
    dialog = options_dialog(qtbot, actions)
    assert dialog.layout_options.title.text() == "遮浪街道赋权事项目录"
    dialog.accept()
    idle(qtbot, actions)
    text = pdf_text(tmp_path / "遮浪.pdf")
    assert "对露天焚烧秸秆的行政处罚" in text and "第一批" in text
    assert "对擅自设置大型户外广告的行政处罚" not in text


def test_the_preview_saves_the_pages_it_shows(window: MainWindow, qtbot, tmp_path: Path,  # noqa: ANN001
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    save_to(monkeypatch, tmp_path / "copy.pdf")
    preview = open_preview(qtbot, window)
    preview.save_action.trigger()
    idle(qtbot, window.printing)
    assert (tmp_path / "copy.pdf").read_bytes() == preview.path.read_bytes()
    preview.close()


def test_excel_export_reads_back_into_an_empty_database(window: MainWindow, qtbot, tmp_path: Path,  # noqa: ANN001
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    save_to(monkeypatch, tmp_path / "list.xlsx")
    window.printing.export_excel_action.trigger()
    idle(qtbot, window.printing)
    with Library(tmp_path / "empty.sqlite3", user="tester") as target:
        result = import_file(target, tmp_path / "list.xlsx", ImportOptions(kind=LICENCE))
        assert result.rejected == []
        imported = {row["name"]: row["sub_item_count"] for row in target.lists.query(LICENCE, limit=100).rows}
    original = {row["name"]: row["sub_item_count"] for row in window.session.library.lists.query(LICENCE, limit=100).rows}
    assert imported == original and len(imported) == 6


def test_excel_export_of_a_filtered_view_asks_view_or_whole_list(window: MainWindow, qtbot, tmp_path: Path,  # noqa: ANN001
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    save_to(monkeypatch, tmp_path / "view.xlsx")
    view = window.current_view()
    view.facets.combos["level"].set_selected(("县级",))
    window.printing.export_excel_action.trigger()
    dialog = options_dialog(qtbot, window.printing)
    assert "1" in dialog.current.text() and "6" in dialog.whole.text()
    dialog.accept()
    idle(qtbot, window.printing)
    rows = [row[0] for sheet in load_workbook(tmp_path / "view.xlsx") for row in sheet.iter_rows(min_row=2,
                                                                                                 values_only=True)]
    assert len(rows) == 1


def test_batch_writes_one_file_per_department(window: MainWindow, qtbot, tmp_path: Path,  # noqa: ANN001
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(printing, "choose_folder", lambda _parent, _title: folder)
    actions = window.printing
    actions.batch_action.trigger()
    options_dialog(qtbot, actions).accept()
    job = actions.job
    idle(qtbot, actions)
    assert sorted(path.name for path in folder.iterdir()) == ["市发展和改革局.pdf", "市市场监督管理局.pdf",
                                                              "市生态环境局.pdf"]
    assert "排污许可" in pdf_text(folder / "市生态环境局.pdf")
    assert job.text == "正在生成第 3/3 个部门…"


@pytest.mark.parametrize(("action", "suffix"), [("export_pdf_action", "pdf"), ("export_word_action", "docx")])
def test_cancel_leaves_no_file(window: MainWindow, qtbot, tmp_path: Path,  # noqa: ANN001
                               monkeypatch: pytest.MonkeyPatch, action: str, suffix: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    save_to(monkeypatch, folder / f"cancelled.{suffix}")
    actions = window.printing
    getattr(actions, action).trigger()
    dialog = options_dialog(qtbot, actions)
    gate = threading.Event()
    window.session.writer.submit(lambda _library, _progress: gate.wait(10), quiet=True)  # hold the worker
    dialog.accept()
    actions.job.cancel()  # what the progress dialog's Cancel does
    gate.set()
    idle(qtbot, actions)
    assert list(folder.iterdir()) == []  # neither the file nor a temporary one
    assert window.statusBar().currentMessage() == "已取消。"


def test_print_actions_only_for_lists_that_print(window: MainWindow) -> None:
    actions = window.printing
    assert actions.preview_action.isEnabled()
    window.show_list("department")
    assert not actions.preview_action.isEnabled() and not actions.export_excel_action.isEnabled()
    assert actions.batch_action.isEnabled()
    window.show_list("power")
    assert actions.print_action.isEnabled()


def test_the_font_chosen_in_preferences_is_the_one_the_pdf_asks_for(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    from lawgov_desktop.ui.dialogs import PreferencesDialog

    preferences = PreferencesDialog(window)
    preferences.font_path.setText("/nowhere/公文字体.ttf")
    preferences.accept()
    preview = open_preview(qtbot, window)
    assert not preview.warning.isHidden()
    assert "首选字体“公文字体.ttf”不可用" in preview.warning.text()
    preview.close()


def test_a_read_only_window_exports_on_a_reader_of_its_own(db_path: Path, app, qtbot, tmp_path: Path,  # noqa: ANN001
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from lawgov_desktop.ui.session import Session

    read_only = MainWindow(Session(db_path, read_only=True))
    try:
        save_to(monkeypatch, tmp_path / "read-only.xlsx")
        read_only.printing.export_excel_action.trigger()
        idle(qtbot, read_only.printing)
        assert (tmp_path / "read-only.xlsx").stat().st_size > 0
    finally:
        read_only.close()
    assert read_only.session._reader is None  # its thread stopped with the window


def docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return "".join(paragraph.text for paragraph in document.paragraphs) + "".join(cells)


def docx_watermarks(path: Path) -> list[str]:
    import docx

    header = docx.Document(str(path)).sections[0].header._element
    return header.xpath(".//*[local-name()='textpath']/@string")


def choose_mark(layout_options, text: str) -> None:  # noqa: ANN001
    """Pick a draft mark in the layout options: one offered, or "Other text" with ``text`` typed."""
    combo = layout_options.watermark_choice
    index = combo.findData(text)
    combo.setCurrentIndex(index if index >= 0 else combo.findData(None))
    if index < 0:
        layout_options.own_watermark.setText(text)


def test_export_word_writes_the_catalogue_of_the_view_with_the_draft_mark(window: MainWindow, qtbot,  # noqa: ANN001
                                                                          tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    asked = save_to(monkeypatch, tmp_path / "清单.docx")
    actions = window.printing
    dialog = market_options(qtbot, window, actions.export_word_action)
    assert dialog.layout_options.watermark() is None  # the final list unless the clerk marks a draft
    dialog.layout_options.attachment.setText("3")
    choose_mark(dialog.layout_options, "征求意见稿")
    dialog.accept()
    idle(qtbot, actions)
    assert asked == ["汕尾市市场监督管理局行政许可事项清单.docx"]
    text = docx_text(tmp_path / "清单.docx")
    assert text.startswith("附件3汕尾市市场监督管理局行政许可事项清单")
    assert "食品生产许可" in text and "特种设备使用登记" in text and "企业投资项目核准" not in text
    assert docx_watermarks(tmp_path / "清单.docx") == ["征求意见稿"]
    assert window.statusBar().currentMessage() == f"已保存“{tmp_path / '清单.docx'}”。"


def test_a_pdf_draft_carries_the_clerks_own_mark_on_every_page(long_window: MainWindow, qtbot,  # noqa: ANN001
                                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_to(monkeypatch, tmp_path / "draft.pdf")
    actions = long_window.printing
    actions.export_pdf_action.trigger()
    dialog = options_dialog(qtbot, actions)
    assert not dialog.layout_options.own_watermark.isEnabled()
    choose_mark(dialog.layout_options, "送审稿")
    assert dialog.layout_options.own_watermark.isEnabled()
    dialog.accept()
    idle(qtbot, actions)
    pages = [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(str(tmp_path / "draft.pdf")).pages]
    assert len(pages) > 1 and all("送审稿" in page for page in pages)


def test_export_website_writes_every_departments_lists_into_the_folder(window: MainWindow, qtbot,  # noqa: ANN001
                                                                       tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "公示"
    monkeypatch.setattr(printing, "choose_folder", lambda _parent, _title: folder)
    window.show_list("department")  # the website is every list's, whatever page is on screen
    actions = window.printing
    assert actions.export_site_action.isEnabled() and not actions.export_word_action.isEnabled()
    actions.export_site_action.trigger()
    idle(qtbot, actions)
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert "<h1>汕尾市事项清单公示</h1>" in index
    departments = re.findall(r'<a href="department-\d+\.html">([^<]+)</a>', index)
    assert "汕尾市市场监督管理局" in departments and "汕尾市生态环境局" in departments
    assert (folder / "data.js").exists() and (folder / "search.js").exists()
    message = window.statusBar().currentMessage()
    assert str(folder) in message and f"{len(departments)} 个部门" in message


def test_batch_writes_every_department_into_one_word_document(window: MainWindow, qtbot,  # noqa: ANN001
                                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = save_to(monkeypatch, tmp_path / "all.docx")
    actions = window.printing
    actions.batch_action.trigger()
    dialog = options_dialog(qtbot, actions)
    assert not dialog.layout_options.title.isEnabled()  # a folder of files has no title of its own
    dialog.word.setChecked(True)
    assert dialog.layout_options.title.isEnabled()
    choose_mark(dialog.layout_options, "草稿")
    dialog.accept()
    idle(qtbot, actions)
    assert asked == ["各部门行政许可事项清单.docx"]
    import docx

    titles = [p.text for p in docx.Document(str(tmp_path / "all.docx")).paragraphs if p.style.name == "清单标题"]
    assert titles[1:] == ["汕尾市发展和改革局行政许可事项清单", "汕尾市市场监督管理局行政许可事项清单",
                          "汕尾市生态环境局行政许可事项清单"]
    assert docx_watermarks(tmp_path / "all.docx") == ["草稿"]
