"""Print preview of a generated catalogue PDF, and printing its pages through Qt's print dialog.

The preview shows the very file that will be printed or saved (QtPdf renders its pages), not a
second rendering of the data, so what the clerk checks is what the director gets.  Printing draws
each PDF page as an image into the printer's painter: Qt has no way to hand a PDF to a printer,
and this keeps page range, copies and orientation in Qt's own dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMargins, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QProgressDialog,
    QSizePolicy,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from lawgov_desktop.core.progress import NO_TASK, Task

# Pages are drawn as images; above this resolution an A4 page image costs memory (600 dpi is
# 140 MB a page) without making 10.5 pt text any easier to read.
MAX_PRINT_DPI = 300
_ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
FIT_WIDTH, FIT_PAGE = "width", "page"
WARNING_STYLE = ("background: #fff3b0; color: #5c4400; border: 1px solid #e0c040; border-radius: 3px;"
                 " padding: 6px 10px;")


def load_document(path: Path, parent: QWidget | None = None) -> QPdfDocument:
    """Open a generated PDF; a file QtPdf cannot read is a bug in the exporter, so say so plainly."""
    document = QPdfDocument(parent)
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_:
        raise OSError(f"无法打开生成的 PDF“{path.name}”（{error.name}）。")
    return document


def page_numbers(printer: QPrinter, page_count: int) -> list[int]:
    """The 0-based pages to print: the dialog's range (1-based, 0 = unset) or all, copies included.

    When the printer cannot make copies itself, each copy is printed here, collated or not as
    chosen.
    """
    first, last = 1, page_count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), min(printer.toPage() or page_count, page_count)
    pages = list(range(first - 1, last))
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _ in range(copies)]


def print_document(document: QPdfDocument, printer: QPrinter, task: Task = NO_TASK) -> int:
    """Draw the chosen pages into ``printer``; returns the number of pages sent.

    Each page is rendered at the printer's resolution (at most ``MAX_PRINT_DPI``) and scaled to
    fit the printable area, centred, keeping its proportions.  Each page printed is reported to
    ``task``; once it is cancelled the printer job is aborted.
    """
    pages = page_numbers(printer, document.pageCount())
    painter = QPainter()
    if not pages or not painter.begin(printer):
        return 0
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    area = QRectF(0, 0, printer.width(), printer.height())
    try:
        for done, page in enumerate(pages):
            if done:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
            scale = min(area.width() / points.width(), area.height() / points.height())
            width, height = points.width() * scale, points.height() * scale
            painter.drawImage(QRectF((area.width() - width) / 2, (area.height() - height) / 2, width, height), image)
            task.report(done + 1, len(pages), QCoreApplication.translate("Printing", "Printing page %1 of %2…")
                        .replace("%1", str(done + 1)).replace("%2", str(len(pages))))
            if task.cancelled:
                printer.abort()
                return done + 1
    finally:
        painter.end()
    return len(pages)


def printer_for(document: QPdfDocument) -> QPrinter:
    """A printer set up like the document: A4, landscape when its first page is wider than tall."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    first = document.pagePointSize(0)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if first.width() > first.height()
                               else QPageLayout.Orientation.Portrait)
    printer.setDocName(document.metaData(QPdfDocument.MetaDataField.Title) or "LawGov")
    printer.setFromTo(1, document.pageCount())
    return printer


def print_with_dialog(document: QPdfDocument, parent: QWidget | None) -> int:
    """Qt's print dialog (printer, range, copies), then the pages with a progress dialog and Cancel."""
    printer = printer_for(document)
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, document.pageCount())
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return 0
    progress = _DialogTask(parent)
    try:
        return print_document(document, printer, progress)
    finally:
        progress.dialog.close()


class _DialogTask:
    """Printing's task: it runs on the GUI thread, so each report shows in a progress dialog at once
    and lets the dialog's Cancel through."""

    def __init__(self, parent: QWidget | None) -> None:
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(QCoreApplication.translate("Printing", "Printing"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)

    def report(self, done: int, total: int, text: str) -> None:
        """Show how far printing is, and handle the clicks meanwhile."""
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(text)
        QApplication.processEvents()

    @property
    def cancelled(self) -> bool:
        """Whether Cancel was pressed."""
        return self.dialog.wasCanceled()


class PrintPreview(QDialog):
    """The generated pages as they will print: navigation, zoom, print and save as PDF."""

    save_requested = Signal()

    def __init__(self, path: Path, title: str, warnings: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("print_preview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", title))
        self.path = path
        self.document = load_document(path, self)

        self.warning = QLabel("\n".join(f"⚠ {text}" for text in warnings))
        self.warning.setObjectName("font_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setVisible(bool(warnings))

        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setPageSpacing(16)
        self.view.setDocumentMargins(QMargins(28, 20, 28, 20))  # grey around the paper, as on a desk
        self.view.setStyleSheet("QPdfView { background: #8a8f96; }")
        self.view.setDocument(self.document)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_number)

        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        self.page_label.setMinimumWidth(self.page_label.fontMetrics().horizontalAdvance("第 888 页 共 888 页") + 16)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom = QComboBox()
        self.zoom.setObjectName("zoom")
        self.zoom.addItem(self.tr("Fit width"), FIT_WIDTH)
        self.zoom.addItem(self.tr("Whole page"), FIT_PAGE)
        for factor in _ZOOMS:
            self.zoom.addItem(f"{factor:.0%}", factor)
        self.zoom.currentIndexChanged.connect(self._zoom_chosen)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._toolbar())
        layout.addWidget(self.warning)
        layout.addWidget(self.view, 1)
        self._zoom_chosen()
        self._show_page_number()
        # Pages read best large: most of the screen, whatever size the main window has.
        screen = (parent.screen() if parent is not None else QApplication.primaryScreen()).availableGeometry()
        self.resize(screen.width() * 9 // 10, screen.height() * 9 // 10)
        self.move(screen.center() - self.rect().center())

    def _toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setObjectName("preview_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        icon = self.style().standardIcon
        pixmap = QStyle.StandardPixmap
        self.print_action = bar.addAction(QIcon.fromTheme(QIcon.ThemeIcon.DocumentPrint), self.tr("Print…"))
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_pages)
        self.save_action = bar.addAction(icon(pixmap.SP_DialogSaveButton), self.tr("Save as PDF…"))
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save_requested.emit)
        bar.addSeparator()
        self.previous_action = bar.addAction(icon(pixmap.SP_ArrowUp), self.tr("Previous page"))
        self.previous_action.setShortcut(QKeySequence(Qt.Key.Key_PageUp))
        self.previous_action.triggered.connect(lambda: self.go_to_page(self.current_page() - 1))
        bar.addWidget(self.page_label)
        self.next_action = bar.addAction(icon(pixmap.SP_ArrowDown), self.tr("Next page"))
        self.next_action.setShortcut(QKeySequence(Qt.Key.Key_PageDown))
        self.next_action.triggered.connect(lambda: self.go_to_page(self.current_page() + 1))
        bar.addSeparator()
        zoom_out = bar.addAction(self.tr("−"))
        zoom_out.setToolTip(self.tr("Zoom out"))
        zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        zoom_out.triggered.connect(lambda: self._step_zoom(-1))
        bar.addWidget(self.zoom)
        zoom_in = bar.addAction(self.tr("+"))
        zoom_in.setToolTip(self.tr("Zoom in"))
        zoom_in.setShortcut(QKeySequence.StandardKey.ZoomIn)
        zoom_in.triggered.connect(lambda: self._step_zoom(1))
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        close = bar.addAction(icon(pixmap.SP_DialogCloseButton), self.tr("Close"))
        close.triggered.connect(self.close)
        return bar

    # ------------------------------------------------------------------ pages and zoom
    def page_count(self) -> int:
        """Pages of the generated PDF."""
        return self.document.pageCount()

    def current_page(self) -> int:
        """The 0-based page at the top of the view."""
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        """Scroll to a page (0-based), clamped to the document."""
        page = max(0, min(page, self.page_count() - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
        self._show_page_number()

    def _show_page_number(self) -> None:
        page = self.current_page()
        self.page_label.setText(self.tr("Page %1 of %2").replace("%1", str(page + 1)).replace(
            "%2", str(self.page_count())))
        self.previous_action.setEnabled(page > 0)
        self.next_action.setEnabled(page < self.page_count() - 1)

    def _zoom_chosen(self) -> None:
        choice = self.zoom.currentData()
        if choice == FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(choice))

    def _step_zoom(self, step: int) -> None:
        """Zoom in or out from what is shown now (a fitted zoom counts as its current factor)."""
        factor = self.view.zoomFactor()
        larger = [index for index in range(2, self.zoom.count()) if self.zoom.itemData(index) > factor + 0.01]
        smaller = [index for index in range(2, self.zoom.count()) if self.zoom.itemData(index) < factor - 0.01]
        if step > 0 and larger:
            self.zoom.setCurrentIndex(larger[0])
        elif step < 0 and smaller:
            self.zoom.setCurrentIndex(smaller[-1])

    # ------------------------------------------------------------------ printing
    def print_pages(self) -> int:
        """Qt's print dialog, then the chosen pages."""
        return print_with_dialog(self.document, self)

    def done(self, result: int) -> None:
        """Let go of the file so its temporary folder can be removed (Windows keeps open files)."""
        self.view.setDocument(None)
        self.document.close()
        super().done(result)
