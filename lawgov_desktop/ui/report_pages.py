"""The report pages of the side navigation (statistics, list comparison, upper-list check, licence
check) and the 清单版本 menu.

A page is built when it is first shown and its module imported then, so none of it — nor QtCharts,
openpyxl or reportlab — is on the path to the first paint.  Long work (a comparison, an export,
importing an upper list) runs on the session's writer, or for a database open read-only on a
reader of its own, behind the writer's progress dialog with Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QMenu, QStyle, QWidget

from lawgov_desktop.core.errors import Cancelled, LawGovError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter

from . import prompts
from .tasks import Progress, Writer

if TYPE_CHECKING:
    from .list_view import ListView
    from .main_window import MainWindow
    from .versions import SaveVersionDialog, VersionsDialog

STATS, COMPARE, REFERENCE, LICENCES = "stats", "compare", "reference", "licences"
PAGES = (
    (STATS, QT_TRANSLATE_NOOP("Nav", "Statistics"), QStyle.StandardPixmap.SP_FileDialogInfoView),
    (COMPARE, QT_TRANSLATE_NOOP("Nav", "List comparison"), QStyle.StandardPixmap.SP_BrowserReload),
    (REFERENCE, QT_TRANSLATE_NOOP("Nav", "Upper list check"), QStyle.StandardPixmap.SP_DialogApplyButton),
    (LICENCES, QT_TRANSLATE_NOOP("Nav", "Licence list check"), QStyle.StandardPixmap.SP_DialogOkButton),
)
STATUS_MS = 15000


def choose_workbook(parent: QWidget, title: str) -> Path | None:
    """Ask for a workbook to read (tests replace this)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getOpenFileName(
        parent, title, folder,
        QCoreApplication.translate("Reports", "Workbooks (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)"))
    return Path(chosen) if chosen else None


class ReportPage(QWidget):
    """What the pages share: the report pages object, the session, an (empty) status line text."""

    def __init__(self, reports: ReportPages, name: str) -> None:
        super().__init__()
        self.reports = reports
        self.session = reports.session
        self.setObjectName(name)
        self.status_text = ""


class ReportPages(QObject):
    """The statistics, comparison, upper-list and licence check pages of one main window, and the 清单版本 menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.pages: dict[str, QWidget] = {}
        self._reader: Writer | None = None
        for kind, title, icon in PAGES:
            item = QListWidgetItem(window.style().standardIcon(icon), QCoreApplication.translate("Nav", title))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setSizeHint(item.sizeHint().expandedTo(window.navigation.fontMetrics().boundingRect("Ag").size() * 2))
            window.navigation.addItem(item)
        self.save_version_action = window._action(self.tr("&Save the current list as a version…"), self.save_version)
        self.versions_action = window._action(self.tr("&Versions…"), self.manage_versions)
        self.stats_action = window._action(self.tr("S&tatistics"), lambda: self.show(STATS))
        self.compare_action = window._action(self.tr("&Compare lists…"), lambda: self.show(COMPARE))
        self.reference_action = window._action(self.tr("Check against an &upper list…"), lambda: self.show(REFERENCE))
        self.licences_action = window._action(self.tr("Check &licences against the catalogue…"),
                                              lambda: self.show(LICENCES))
        self.menu = QMenu(self.tr("List &versions"), window)
        self.menu.setObjectName("versions_menu")
        self.menu.addActions([self.save_version_action, self.versions_action])
        self.menu.addSeparator()
        self.menu.addActions([self.stats_action, self.compare_action, self.reference_action,
                              self.licences_action])
        self.menu.aboutToShow.connect(self._update_actions)
        window.installEventFilter(self)

    def _update_actions(self) -> None:
        self.save_version_action.setEnabled(not self.session.read_only)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Stop our reader thread when the window closes."""
        if watched is self.window and event.type() == QEvent.Type.Close and self._reader is not None:
            self._reader.shutdown()
            self._reader = None
        return False

    # ------------------------------------------------------------------ pages
    def owns(self, kind: str) -> bool:
        """True for the navigation entries of this object (not lists)."""
        return any(kind == page for page, _title, _icon in PAGES)

    def page(self, kind: str) -> QWidget:
        """The page of ``kind``, built on first use (its module is imported then)."""
        if kind not in self.pages:
            page: QWidget
            if kind == STATS:
                from .stats_view import StatsView

                page = StatsView(self)
            elif kind == COMPARE:
                from .compare_view import CompareView

                page = CompareView(self)
            elif kind == REFERENCE:
                from .reference_view import ReferenceView

                page = ReferenceView(self)
            else:
                from .licence_check_view import LicenceCheckView

                page = LicenceCheckView(self)
            self.pages[kind] = page
            self.window.stack.addWidget(page)
        return self.pages[kind]

    def show(self, kind: str) -> QWidget:
        """Switch to a page (as a click in the navigation would)."""
        for row in range(self.window.navigation.count()):
            if self.window.navigation.item(row).data(Qt.ItemDataRole.UserRole) == kind:
                self.window.navigation.setCurrentRow(row)
        return self.page(kind)

    def open_list(self, kind: str, flt: ListFilter) -> ListView:
        """The list behind a figure: switch to it and show exactly ``flt`` (a version read-only)."""
        view = self.window.show_list(kind)
        view.set_filter(flt)
        return view

    def status(self, text: str) -> None:
        """A passing note in the status line ("已导出到 …")."""
        self.window.statusBar().showMessage(text, STATUS_MS)

    # ------------------------------------------------------------------ background work
    def submit(self, work: Callable[[Library, Progress], Any], label: str, on_done: Callable[[Any], None],
               on_error: Callable[[LawGovError], None] | None = None) -> Progress:
        """Run ``work`` on the writer (or our read-only reader); Cancel ends quietly, errors are shown."""
        worker = self.session.writer
        if worker is None:
            if self._reader is None:
                self._reader = Writer(self.session.path, self, read_only=True)
            worker = self._reader

        def failed(error: LawGovError) -> None:
            if on_error is not None:
                on_error(error)
            if isinstance(error, Cancelled):
                self.status(self.tr("Cancelled."))
            else:
                prompts.warn(self.window, error)

        return worker.submit(work, label, on_done=on_done, on_error=failed)

    # ------------------------------------------------------------------ versions
    def save_version(self) -> SaveVersionDialog | None:
        """Freeze the working lists under a name ("2022年版")."""
        if self.session.read_only:
            return None
        from .versions import SaveVersionDialog

        dialog = SaveVersionDialog(self.session, self.window)
        dialog.open()
        return dialog

    def manage_versions(self) -> VersionsDialog:
        """The saved versions with their counts: show, compare or delete one."""
        from .versions import VersionsDialog

        dialog = VersionsDialog(self, self.window)
        dialog.open()
        return dialog
