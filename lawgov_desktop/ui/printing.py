"""File → print preview, print, save as PDF or Word, the public website, Excel, and every department's list.

What is printed is what the clerk is looking at: the window (``Lists``) says which list is on
screen and hands its ``current_filter()`` to ``exporters.catalogue`` unchanged (for powers, a township picked in the 承接主体 facet prints that
township's list by batch; the 权责清单 action prints the same powers by power type, a department's
own list when the view is narrowed to it).  Reading the list and writing files run through the
window's ``Jobs`` — on the writer, or for a database open read-only on the session's reader — with
progress and Cancel, so the window never waits.  The builder runs first and its title, version and
columns fill the options dialog; the clerk's changes are applied to that same catalogue, so nothing
is read twice.  A draft's mark chosen there (征求意见稿, 草稿 …) goes to the writer with it.  The
public website is every department's lists, whatever the view (``exporters.site``).  reportlab,
python-docx, openpyxl and QtPdf are imported when an action is first used, not before the first paint.
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from lawgov_desktop.core.errors import LawGovError
from lawgov_desktop.core.fields import LICENCE, POWER, RESPONSIBILITY
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.progress import Task, TaskState
from lawgov_desktop.core.queries import ListFilter

from . import prompts, settings
from .jobs import Jobs
from .session import Session
from .widgets import choose_folder, choose_save_path, make_action

if TYPE_CHECKING:
    from lawgov_desktop.exporters.model import CatalogueSpec
    from lawgov_desktop.exporters.pdf import PdfResult
    from lawgov_desktop.exporters.site import SiteResult

    from .print_options import BatchDialog
    from .print_preview import PrintPreview

PRINTABLE = (LICENCE, POWER)


def copy_file(source: Path, target: Path) -> Path:
    """Copy the previewed PDF to where the clerk saves it, atomically like every export."""
    from lawgov_desktop.core.atomic import atomic_write

    with atomic_write(target) as temp:
        shutil.copyfile(source, temp)
    return target


def temporary_folder() -> Path:
    """A private folder for a generated preview; removed when the preview closes or at exit."""
    folder = Path(tempfile.mkdtemp(prefix="lawgov-print-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


class Lists(Protocol):
    """What printing asks of the window: the list on screen, and what a list is narrowed to."""

    def current_kind(self) -> str | None:
        """The kind of the list or page on screen."""

    def list_filter(self, kind: str) -> ListFilter:
        """The filter the clerk built in the list of ``kind`` (empty for a list not opened yet)."""

    def list_order(self, kind: str) -> tuple[str | None, bool]:
        """The field the list of ``kind`` is sorted by (None: its own order) and whether descending."""


class PrintActions(QObject):
    """The File menu's printing and export commands for one main window."""

    def __init__(self, session: Session, jobs: Jobs, parent: QWidget, lists: Lists) -> None:
        super().__init__(parent)
        self.session = session
        self.jobs = jobs
        self.window = parent
        self.lists = lists
        self.job: TaskState | None = None  # the running work's task: Cancel goes here
        self.options_dialog: QDialog | None = None  # the choices dialog open now
        self.preview_window: PrintPreview | None = None
        self.preview_action = make_action(parent, self.tr("Print pre&view…"), self.preview, "Ctrl+Shift+P")
        self.print_action = make_action(parent, self.tr("&Print…"), self.print_catalogue,
                                        QKeySequence.StandardKey.Print)
        self.export_pdf_action = make_action(parent, self.tr("Export P&DF…"), self.export_pdf)
        self.export_word_action = make_action(parent, self.tr("Export &Word…"), self.export_word)
        self.export_site_action = make_action(parent, self.tr("Export the public web pa&ges…"), self.export_site)
        self.export_excel_action = make_action(parent, self.tr("Export E&xcel…"), self.export_excel)
        self.responsibility_action = make_action(parent, self.tr("Preview the responsibility &list (权责清单)…"),
                                                 self.preview_responsibility_list)
        self.batch_action = make_action(parent, self.tr("Print or export &every department's list…"), self.batch)

    def actions(self) -> list[QAction]:
        """The menu entries, in menu order."""
        return [self.preview_action, self.print_action, self.export_pdf_action, self.export_word_action,
                self.export_site_action, self.export_excel_action, self.responsibility_action, self.batch_action]

    def update_actions(self) -> None:
        """Catalogues exist for licence items and powers (and the 权责清单 for powers); the other
        lists have nothing to print.  The website is every list's, from any page."""
        kind = self.lists.current_kind()
        for action in (self.preview_action, self.print_action, self.export_pdf_action, self.export_word_action,
                       self.export_excel_action):
            action.setEnabled(kind in PRINTABLE)
        self.responsibility_action.setEnabled(kind == POWER)

    # ------------------------------------------------------------------ what is printed
    def _target(self) -> tuple[str, ListFilter] | None:
        kind = self.lists.current_kind()
        if kind not in PRINTABLE:
            return None
        return kind, self.lists.list_filter(kind)

    # ------------------------------------------------------------------ background work
    def _submit(self, work: Callable[[Library, Task], Any], label: str,
                on_done: Callable[[Any], None]) -> None:
        """Run through the jobs; ``job`` is the running work's task until it ends."""

        def done(result: Any) -> None:
            self.job = None
            on_done(result)

        def failed(_error: LawGovError) -> None:
            self.job = None

        self.job = self.jobs.submit(work, label, done, on_error=failed)

    def _status(self, text: str) -> None:
        self.jobs.status(text)

    def _show_warnings(self, results: Sequence[PdfResult]) -> None:
        """The PDF is written, but a missing embedded font must not go unnoticed."""
        warnings = dict.fromkeys(warning for result in results for warning in result.warnings)
        if warnings:
            _to_stderr(warnings)
            prompts.warn(self.window, "\n".join(warnings))

    def _open_dialog(self, dialog: QDialog) -> None:
        """Show a choices dialog window-modally; it is deleted once answered (``accepted`` comes first)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        self.options_dialog = dialog
        dialog.open()

    def _dialog_closed(self) -> None:
        self.options_dialog = None

    # ------------------------------------------------------------------ one catalogue
    def _choose_layout(self, ok_text: str, then: Callable[[CatalogueSpec, str | None], None],
                       responsibility_list: bool = False) -> None:
        """Build the catalogue of the current view (or its powers' 权责清单), then let the clerk adjust
        it in the options dialog; ``then`` gets it and the draft mark chosen (None for the final list)."""
        target = self._target()
        if target is None:
            return
        kind, flt = target
        font = settings.catalogue_font() or None
        sort, descending = self.lists.list_order(kind)  # printed as sorted on screen (by pinyin for Chinese)

        def build(library: Library, task: Task) -> CatalogueSpec:
            from lawgov_desktop.exporters.catalogue import (
                CatalogueOptions,
                licence_catalogue,
                power_catalogue,
                responsibility_catalogue,
            )

            make = (responsibility_catalogue if responsibility_list
                    else power_catalogue if kind == POWER else licence_catalogue)
            return make(library, flt, CatalogueOptions(font_path=font, sort=sort, descending=descending), task)

        def ask(spec: CatalogueSpec) -> None:
            from .print_options import CatalogueOptionsDialog

            dialog = CatalogueOptionsDialog(spec, ok_text, self.window)
            dialog.accepted.connect(lambda: then(dialog.chosen_spec(), dialog.layout_options.watermark()))
            self._open_dialog(dialog)

        self._submit(build, self.tr("Reading the list"), ask)

    def _write_pdf(self, spec: CatalogueSpec, watermark: str | None, path: Path,
                   then: Callable[[PdfResult], None]) -> None:
        def write(_library: Library, task: Task) -> PdfResult:
            from lawgov_desktop.exporters.pdf import write_catalogue

            return write_catalogue(spec, path, task, watermark=watermark)

        self._submit(write, self.tr("Generating the PDF"), then)

    def _write_temporary(self, spec: CatalogueSpec, watermark: str | None, then: Callable[[PdfResult], None]) -> None:
        from lawgov_desktop.exporters.model import safe_filename

        self._write_pdf(spec, watermark, temporary_folder() / f"{safe_filename(spec.title)}.pdf", then)

    def preview(self) -> None:
        """Ctrl+Shift+P: the real pages of the catalogue of the current view."""
        self._choose_layout(self.tr("Preview"), self._preview_spec)

    def preview_responsibility_list(self) -> None:
        """The 权责清单 of the powers in view, previewed; the preview prints it or saves it as a PDF."""
        self._choose_layout(self.tr("Preview"), self._preview_spec, responsibility_list=True)

    def _preview_spec(self, spec: CatalogueSpec, watermark: str | None) -> None:
        self._write_temporary(spec, watermark, lambda result: self._open_preview(spec, result))

    def _open_preview(self, spec: CatalogueSpec, result: PdfResult) -> None:
        from .print_preview import PrintPreview

        try:
            _to_stderr(result.warnings)
            preview = PrintPreview(result.path, spec.title, result.warnings, self.window)
        except OSError as error:
            prompts.warn(self.window, error)
            return
        preview.finished.connect(lambda _result: self._preview_closed(preview, result.path.parent))
        preview.save_requested.connect(lambda: self._save_copy(result.path))
        self.preview_window = preview
        preview.show()

    def _preview_closed(self, preview: PrintPreview, folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        if self.preview_window is preview:
            self.preview_window = None

    def print_catalogue(self) -> None:
        """Ctrl+P: generate the catalogue, then Qt's print dialog."""
        self._choose_layout(self.tr("Print…"),
                            lambda spec, watermark: self._write_temporary(spec, watermark, self._print_file))

    def _print_file(self, result: PdfResult) -> None:
        from .print_preview import load_document, print_with_dialog

        self._show_warnings([result])
        try:
            document = load_document(result.path)
        except OSError as error:
            prompts.warn(self.window, error)
            return
        try:
            pages = print_with_dialog(document, self.window)
        finally:
            document.close()
            shutil.rmtree(result.path.parent, ignore_errors=True)
        if pages:
            self._status(self.tr("Sent %1 pages to the printer.").replace("%1", str(pages)))

    def export_pdf(self) -> None:
        """Save the catalogue of the current view as a PDF file."""
        self._choose_layout(self.tr("Save…"), self._save_spec)

    def _save_spec(self, spec: CatalogueSpec, watermark: str | None) -> None:
        from lawgov_desktop.exporters.model import safe_filename

        path = choose_save_path(self.window, self.tr("Save as PDF"), f"{safe_filename(spec.title)}.pdf",
                                self.tr("PDF files (*.pdf)"), ".pdf")
        if path is not None:
            self._write_pdf(spec, watermark, path, self._saved)

    def _saved(self, result: PdfResult) -> None:
        self._status(self.tr("Saved “%1” (%2 pages).").replace("%1", str(result.path)).replace(
            "%2", str(result.pages)))
        self._show_warnings([result])

    def _save_copy(self, source: Path) -> None:
        """The preview's "Save as PDF": the very pages on screen, copied on the worker."""
        path = choose_save_path(self.preview_window or self.window, self.tr("Save as PDF"), source.name,
                                self.tr("PDF files (*.pdf)"), ".pdf")
        if path is None:
            return
        self._submit(lambda _library, _task: copy_file(source, path), self.tr("Saving the PDF"),
                     lambda saved: self._status(self.tr("Saved “%1”.").replace("%1", str(saved))))

    # ------------------------------------------------------------------ Word and the website
    def export_word(self) -> None:
        """Save the catalogue of the current view as a Word document, the attachment a notice is drafted with."""
        self._choose_layout(self.tr("Save…"), self._save_word)

    def _save_word(self, spec: CatalogueSpec, watermark: str | None) -> None:
        from lawgov_desktop.exporters.model import safe_filename

        path = choose_save_path(self.window, self.tr("Save as Word document"), f"{safe_filename(spec.title)}.docx",
                                self.tr("Word documents (*.docx)"), ".docx")
        if path is None:
            return

        def write(_library: Library, task: Task) -> Path:
            from lawgov_desktop.exporters.docx import write_catalogue_docx

            return write_catalogue_docx(spec, path, watermark=watermark, task=task)

        self._submit(write, self.tr("Generating the Word document"), self._saved_word)

    def _saved_word(self, path: Path) -> None:
        self._status(self.tr("Saved “%1”.").replace("%1", str(path)))

    def export_site(self) -> None:
        """Every department's lists as the static website published for the public (公示), into a folder."""
        folder = choose_folder(self.window, self.tr("Folder for the public website (its pages are written into it)"))
        if folder is None:
            return

        def write(library: Library, task: Task) -> SiteResult:
            from lawgov_desktop.exporters.site import published_catalogues, site_title, write_site

            return write_site(published_catalogues(library, task), folder, title=site_title(library), task=task)

        def done(result: SiteResult) -> None:
            self._status(self.tr("Wrote the website into “%1”: %2 departments, %3 items; open index.html.").replace(
                "%1", str(result.index.parent)).replace("%2", str(result.departments)).replace(
                "%3", str(result.items)))

        self._submit(write, self.tr("Generating the website"), done)

    # ------------------------------------------------------------------ workbooks
    def export_excel(self) -> None:
        """The current view, or the whole list, as a workbook the importer reads back."""
        target = self._target()
        if target is None:
            return
        kind, flt = target
        if flt.is_empty():
            self._export_excel(kind, flt)
            return
        from .print_options import ExportScopeDialog

        library = self.session.library
        dialog = ExportScopeDialog(library.lists.query(kind, flt, limit=0).total,
                                   library.lists.query(kind, ListFilter(), limit=0).total, self.window)
        dialog.accepted.connect(lambda: self._export_excel(kind, flt if dialog.current.isChecked() else ListFilter()))
        self._open_dialog(dialog)

    def _export_excel(self, kind: str, flt: ListFilter) -> None:
        name = self.tr("Licence items") if kind == LICENCE else self.tr("Delegated powers")
        path = choose_save_path(self.window, self.tr("Export to Excel"), f"{name}.xlsx",
                                self.tr("Excel workbooks (*.xlsx)"), ".xlsx")
        if path is None:
            return
        sort, descending = self.lists.list_order(kind)  # rows as sorted on screen, as in print

        def write(library: Library, task: Task) -> tuple[Path, int, int]:
            from lawgov_desktop.exporters.catalogue import export_sheets
            from lawgov_desktop.exporters.xlsx import write_workbook

            sheets = export_sheets(library, kind, flt, None, task, sort=sort, descending=descending)
            written = write_workbook(sheets, path, task)
            return written, len(sheets), sum(len(sheet.rows) for sheet in sheets)

        def done(outcome: tuple[Path, int, int]) -> None:
            written, sheets, rows = outcome
            self._status(self.tr("Exported “%1”: %2 sheets, %3 rows.").replace("%1", str(written)).replace(
                "%2", str(sheets)).replace("%3", str(rows)))

        self._submit(write, self.tr("Exporting to Excel"), done)

    # ------------------------------------------------------------------ every department
    def batch(self) -> None:
        """Every department's licence list or 权责清单: a PDF each into a folder, one book with contents,
        or one Word document."""
        from .print_options import BatchDialog

        filters = {LICENCE: self.lists.list_filter(LICENCE), RESPONSIBILITY: self.lists.list_filter(POWER)}
        dialog = BatchDialog({kind for kind, flt in filters.items() if not flt.is_empty()}, self.window)
        dialog.accepted.connect(lambda: self._batch(dialog, filters[dialog.list_kind()]))
        self._open_dialog(dialog)

    def _batch(self, dialog: BatchDialog, view_filter: ListFilter) -> None:
        one_file, word = dialog.book.isChecked(), dialog.word.isChecked()
        responsibility = dialog.list_kind() == RESPONSIBILITY
        flt = view_filter if dialog.only_filtered.isChecked() else ListFilter()
        options, title, watermark = dialog.options(), dialog.book_title(), dialog.layout_options.watermark()
        name = title or (self.tr("Responsibility lists of every department") if responsibility
                         else self.tr("Licence lists of every department"))
        if word:
            target = choose_save_path(self.window, self.tr("Save as Word document"), f"{name}.docx",
                                      self.tr("Word documents (*.docx)"), ".docx")
        elif one_file:
            target = choose_save_path(self.window, self.tr("Save the book as"), f"{name}.pdf",
                                      self.tr("PDF files (*.pdf)"), ".pdf")
        else:
            target = choose_folder(self.window, self.tr("Folder for the departments' PDF files"))
        if target is None:
            return

        def write(library: Library, task: Task) -> list[PdfResult] | Path:
            from lawgov_desktop.exporters.catalogue import (
                book_title,
                department_catalogues,
                responsibility_catalogues,
            )
            from lawgov_desktop.exporters.pdf import write_catalogue_book, write_catalogues_to_folder

            every = responsibility_catalogues if responsibility else department_catalogues
            specs = every(library, flt, options, task)
            if word:
                from lawgov_desktop.exporters.docx import write_catalogue_docx

                return write_catalogue_docx(specs, target, title=title or book_title(library, specs),
                                            watermark=watermark, task=task)
            if not one_file:
                return write_catalogues_to_folder(specs, target, task, watermark=watermark)
            return [write_catalogue_book(specs, target, title=title or book_title(library, specs),
                                         attachment_label=options.attachment_label, task=task, watermark=watermark)]

        def done(results: list[PdfResult] | Path) -> None:
            if isinstance(results, Path):
                self._saved_word(results)
            elif one_file:
                self._saved(results[0])
            else:
                self._status(self.tr("Wrote %1 PDF files into “%2”.").replace("%1", str(len(results))).replace(
                    "%2", str(target)))
                self._show_warnings(results)

        self._submit(write, self.tr("Generating the departments' lists"), done)


def _to_stderr(warnings: Iterable[str]) -> None:
    """Font warnings also go to stderr, where IT looks when a clerk reports a PDF without its font."""
    for warning in warnings:
        print(f"警告：{warning}", file=sys.stderr)
