"""The main window: side navigation, the lists, menus, toolbar and status line.

Lists are built when first shown, so starting the program reads one page of one list before the
first paint.  Menus and the navigation leave room for what later work adds (import wizard, print
preview, statistics, history, backups): each is one more action or navigation entry.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolBar,
)

from lawgov_desktop.core.changes import OpChanges
from lawgov_desktop.core.db import resolve_location
from lawgov_desktop.core.fields import DEPARTMENT, IMPORTS
from lawgov_desktop.core.laws import LAWS
from lawgov_desktop.core.queries import ListFilter

from . import settings
from .data_safety import SafetyActions
from .jobs import Jobs
from .kinds import BULK_FIELDS, LIST_SPECS
from .list_view import ListView
from .printing import PrintActions
from .report_pages import PAGES, ReportPages
from .session import Session
from .widgets import STATUS_MS, make_action

if TYPE_CHECKING:  # the dialogs are imported when first opened, not before the first paint
    from .dialogs import BulkEditDialog, MergeDepartmentsDialog
    from .import_wizard import ImportWizard

# The integrity check and the daily backup wait until the first page is on screen.
BACKGROUND_START_MS = 300


def _name_in_tooltip(action: QAction, text: str, named: str, name: str) -> None:
    """A fixed text on ``action`` (QUndoStack's actions would take the command's name) and the
    name in its tooltip."""
    action.setText(text)
    action.setToolTip(named.replace("%1", name) if name else "")


class MainWindow(QMainWindow):
    """One window on one open database."""

    open_requested = Signal(object, bool)  # a file's Path or a ServerAddress, create a new file

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("main_window")
        mode = self.tr(" [read-only]") if session.read_only else ""
        where = session.path.name if session.path is not None else str(session.location)  # a server: its address
        self.setWindowTitle(self.tr("LawGov Desktop — %1").replace("%1", where) + mode)
        self.views: dict[str, ListView] = {}
        self._closed = False
        self.import_wizard: ImportWizard | None = None
        self.setAcceptDrops(True)  # a workbook dropped on the window opens the import wizard

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMinimumWidth(130)
        icons = (QStyle.StandardPixmap.SP_FileDialogDetailedView, QStyle.StandardPixmap.SP_FileDialogListView,
                 QStyle.StandardPixmap.SP_DirHomeIcon, QStyle.StandardPixmap.SP_DirIcon,
                 QStyle.StandardPixmap.SP_FileDialogContentsView, QStyle.StandardPixmap.SP_DialogOpenButton)
        entries = [*((spec.kind, spec.title, icon) for spec, icon in zip(LIST_SPECS, icons, strict=True)), *PAGES]
        for kind, title, icon in entries:
            item = QListWidgetItem(self.style().standardIcon(icon), QCoreApplication.translate("Nav", title))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setSizeHint(item.sizeHint().expandedTo(self.navigation.fontMetrics().boundingRect("Ag").size()
                                                        * 2))
            self.navigation.addItem(item)
        self.stack = QStackedWidget()
        self.jobs = Jobs(session, self, self.show_status)  # comparisons, checks, exports
        # statistics, comparison, upper-list check; the 清单版本 menu
        self.reports = ReportPages(session, self.jobs, self, self.show_page, self.open_list)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([150, 1200])
        self.setCentralWidget(self.splitter)

        self.count_label = QLabel()
        self.statusBar().addWidget(self.count_label, 1)
        database = QLabel(str(session.location) + mode)
        database.setObjectName("database_label")
        self.statusBar().addPermanentWidget(database)

        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self.navigation.currentRowChanged.connect(self._navigate)
        self.session.records_changed.connect(self._records_changed)
        self.session.news.connect(self.show_status)
        self.session.read_only_changed.connect(self._update_actions)
        QApplication.instance().applicationStateChanged.connect(self._application_state)

        geometry = settings.load_state("main/geometry")
        if geometry is None:
            available = self.screen().availableGeometry()
            self.resize(min(1500, available.width() * 19 // 20), min(900, available.height() * 9 // 10))
        else:
            self.restoreGeometry(geometry)
        splitter_state = settings.load_state("main/splitter")
        if splitter_state is not None:
            self.splitter.restoreState(splitter_state)
        self.navigation.setCurrentRow(0)
        self.safety.show_warnings()
        QTimer.singleShot(BACKGROUND_START_MS, self.session.start_background_work)

    # ------------------------------------------------------------------ actions
    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                icon: QStyle.StandardPixmap | None = None) -> QAction:
        return make_action(self, text, slot, shortcut, self.style().standardIcon(icon) if icon is not None else None)

    def _make_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        self.new_database_action = self._action(self.tr("&New database…"), self.new_database)
        self.open_database_action = self._action(self.tr("&Open database…"), self.open_database,
                                                 QKeySequence.StandardKey.Open, pixmap.SP_DialogOpenButton)
        self.connect_server_action = self._action(self.tr("&Connect to a server database…"), self.connect_server)
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.new_action = self._action(self.tr("&New record…"), lambda: self.current_view().new_record(),
                                       QKeySequence.StandardKey.New, pixmap.SP_FileIcon)
        self.edit_action = self._action(self.tr("&Edit…"), lambda: self.current_view().edit_current(),
                                        "Return", pixmap.SP_FileDialogInfoView)
        self.delete_action = self._action(self.tr("&Delete…"), lambda: self.current_view().delete_selected(),
                                          QKeySequence.StandardKey.Delete, pixmap.SP_TrashIcon)
        self.bulk_action = self._action(self.tr("C&hange selected records…"), self.bulk_edit)
        self.copy_action = self._action(self.tr("&Copy"), self.copy_rows, QKeySequence.StandardKey.Copy)
        self.copy_header_action = self._action(self.tr("Copy &with header"), lambda: self.copy_rows(with_header=True),
                                               "Ctrl+Shift+C")
        self.paste_action = self._action(self.tr("Pa&ste"), self.paste_rows, QKeySequence.StandardKey.Paste)
        self.fill_down_action = self._action(self.tr("&Fill down"), lambda: self.current_view().cells.fill_down(),
                                             "Ctrl+D")
        self.merge_action = self._action(self.tr("&Merge departments…"), self.merge_departments)
        self.import_action = self._action(self.tr("&Import workbook…"), self.import_workbook, "Ctrl+I",
                                          pixmap.SP_ArrowDown)
        self.undo_import_action = self._action(self.tr("Undo this &import…"), self.undo_import)
        self.undo_action = self.session.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.setIcon(self.style().standardIcon(pixmap.SP_ArrowBack))
        self.redo_action = self.session.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence(QKeySequence.StandardKey.Redo)])
        self.redo_action.setIcon(self.style().standardIcon(pixmap.SP_ArrowForward))
        self.session.undo_stack.undoTextChanged.connect(self._show_undo_name)
        self.session.undo_stack.redoTextChanged.connect(self._show_redo_name)
        self._show_undo_name(self.session.undo_stack.undoText())
        self._show_redo_name(self.session.undo_stack.redoText())
        self.preferences_action = self._action(self.tr("&Preferences…"), self.preferences)
        self.refresh_action = self._action(self.tr("Refre&sh"), self.refresh, QKeySequence.StandardKey.Refresh,
                                           pixmap.SP_BrowserReload)
        self.refresh_action.setShortcuts([QKeySequence("F5")])
        self.find_action = self._action(self.tr("&Find"), lambda: self.current_view().focus_search(),
                                        QKeySequence.StandardKey.Find)
        self.about_action = self._action(self.tr("&About LawGov Desktop"),
                                         self.about)
        for action in (self.edit_action, self.delete_action, *self.cell_actions()):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _show_undo_name(self, name: str) -> None:
        """撤销 keeps its short text, so the toolbar does not grow with an item's name; the change
        it takes back is in the tooltip."""
        _name_in_tooltip(self.undo_action, self.tr("&Undo"), self.tr("Undo: %1"), name)

    def _show_redo_name(self, name: str) -> None:
        """重做 likewise."""
        _name_in_tooltip(self.redo_action, self.tr("&Redo"), self.tr("Redo: %1"), name)

    def _make_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_database_action)
        file_menu.addAction(self.open_database_action)
        file_menu.addAction(self.connect_server_action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        self.printing = PrintActions(self.session, self.jobs, self, self)
        file_menu.addActions(self.printing.actions())
        file_menu.addSeparator()
        self.safety = SafetyActions(self.session, self, self.current_record)  # backups, restore, change history
        file_menu.addActions(self.safety.file_actions())
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        for action in (self.undo_action, self.redo_action, None, *self.cell_actions(), None, self.new_action, self.edit_action,
                       self.delete_action, self.bulk_action, None, self.merge_action, self.undo_import_action, None,
                       self.preferences_action):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.safety.history_action)
        menu.addMenu(self.reports.menu)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _make_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.edit_action, self.delete_action, None, self.undo_action,
                       self.redo_action, None, self.refresh_action):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        self.addToolBar(toolbar)

    # ------------------------------------------------------------------ lists
    def view(self, kind: str) -> ListView:
        """The list of ``kind``, built and read on first use."""
        if kind not in self.views:
            spec = next(spec for spec in LIST_SPECS if spec.kind == kind)
            view = ListView(self.session, spec)
            view.status_changed.connect(self._status)
            view.selection_changed.connect(self._update_actions)
            view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            for action in (self.new_action, self.edit_action, self.delete_action, self.bulk_action,
                           self.merge_action, *self.cell_actions()):
                view.table.addAction(action)
            view.cells.message.connect(self.show_status)
            if kind == IMPORTS:
                view.table.addAction(self.undo_import_action)
            if spec.record_kind:
                view.table.addAction(self.safety.record_history_action)
            self.views[kind] = view
            self.stack.addWidget(view)
            view.reload()
        return self.views[kind]

    def current_view(self) -> ListView:
        """The list on screen."""
        return self.view(self.navigation.currentItem().data(Qt.ItemDataRole.UserRole))

    def current_kind(self) -> str | None:
        """The kind of the list or report page on screen."""
        item = self.navigation.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def list_filter(self, kind: str) -> ListFilter:
        """What the clerk narrowed the list of ``kind`` to (nothing, if it was not opened)."""
        view = self.views.get(kind)
        return view.current_filter() if view is not None else ListFilter()

    def list_order(self, kind: str) -> tuple[str | None, bool]:
        """How the clerk sorted the list of ``kind``: the field (None: its own order) and whether descending."""
        view = self.views.get(kind)
        return view.model.sort_order if view is not None else (None, False)

    def current_record(self) -> tuple[str, int] | None:
        """The kind and id of the record current in the list on screen (none on a report page)."""
        view = self.stack.currentWidget()
        if not isinstance(view, ListView) or not view.spec.record_kind:
            return None
        record_id = view.current_id()
        return (view.spec.record_kind, record_id) if record_id is not None else None

    def show_page(self, kind: str) -> None:
        """Switch to a list or report page (as a click in the navigation would)."""
        for row in range(self.navigation.count()):
            if self.navigation.item(row).data(Qt.ItemDataRole.UserRole) == kind:
                self.navigation.setCurrentRow(row)

    def show_list(self, kind: str) -> ListView:
        """Switch to a list (as a click in the navigation would)."""
        self.show_page(kind)
        return self.current_view()

    def open_list(self, kind: str, flt: ListFilter) -> ListView:
        """The list behind a figure or a version: switch to it and show exactly ``flt``."""
        view = self.show_list(kind)
        view.set_filter(flt)
        return view

    def show_status(self, text: str) -> None:
        """A passing note in the status line ("已导出到 …")."""
        self.statusBar().showMessage(text, STATUS_MS)

    def _navigate(self, row: int) -> None:
        if row < 0:
            return
        kind = self.navigation.item(row).data(Qt.ItemDataRole.UserRole)
        view = self.reports.page(kind) if self.reports.owns(kind) else self.view(kind)
        if self.stack.indexOf(view) < 0:
            self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        self.count_label.setText(view.status_text)
        self._update_actions()
        self.printing.update_actions()

    def _status(self, text: str) -> None:
        if self.sender() is self.stack.currentWidget():
            self.count_label.setText(text)

    def _update_actions(self) -> None:
        view = self.stack.currentWidget()
        if not isinstance(view, ListView):  # a report page: nothing to edit or search
            for action in (self.new_action, self.edit_action, self.delete_action, self.bulk_action,
                           self.merge_action, self.find_action, *self.cell_actions()):
                action.setEnabled(False)
            return
        self.find_action.setEnabled(True)
        writable = not view.read_only and view.spec.record_kind is not None
        has_selection = bool(view.selected_ids())
        self.new_action.setEnabled(writable)
        self.edit_action.setEnabled(writable and has_selection)
        self.delete_action.setEnabled(writable and has_selection)
        self.copy_action.setEnabled(has_selection)
        self.copy_header_action.setEnabled(has_selection)
        self.paste_action.setEnabled(not view.read_only)
        self.fill_down_action.setEnabled(writable and has_selection)
        self.bulk_action.setEnabled(writable and has_selection and view.spec.kind in BULK_FIELDS)
        self.merge_action.setEnabled(not self.session.read_only and view.spec.kind == DEPARTMENT)
        self.import_action.setEnabled(not self.session.read_only)
        self.undo_import_action.setEnabled(not self.session.read_only and view.spec.kind == IMPORTS
                                           and has_selection)
        for action in (self.undo_action, self.redo_action):
            action.setVisible(not self.session.read_only)

    def _records_changed(self, changes: OpChanges) -> None:
        for kind, view in self.views.items():
            if changes.touches(kind, LAWS):  # a law's status marks the records citing it
                view.reload()

    def refresh(self) -> None:
        """F5: read every open list again (changes made by ``lawgov`` on the command line)."""
        self.session.changed_elsewhere()
        for view in self.views.values():
            view.reload()

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive and self.session.changed_elsewhere():
            for view in self.views.values():
                view.reload()

    # ------------------------------------------------------------------ commands
    def bulk_edit(self) -> BulkEditDialog | None:
        """Set one field of all selected records."""
        view = self.current_view()
        ids = view.selected_ids()
        if not ids or view.spec.kind not in BULK_FIELDS:
            return None
        from .dialogs import BulkEditDialog

        dialog = BulkEditDialog(self.session, view.spec.kind, ids, self)
        dialog.open()
        return dialog

    def cell_actions(self) -> tuple[QAction, ...]:
        """Copy, paste and fill down: the list's Excel-like actions (编辑 menu, context menu, keys)."""
        return self.copy_action, self.copy_header_action, self.paste_action, self.fill_down_action

    def copy_rows(self, *, with_header: bool = False) -> None:
        """Ctrl+C (Ctrl+Shift+C with the header row): the selected rows for Excel, WPS or Word."""
        from .clipboard import copy_rows

        copied = copy_rows(self.current_view().table, with_header=with_header)
        if copied:
            self.show_status(self.tr("Copied %n row(s)", "", copied))

    def paste_rows(self) -> ImportWizard | None:
        """Ctrl+V: rows copied from a spreadsheet, through the import preview (one undo step)."""
        from .clipboard import PASTE_KINDS, pasted_file, undo_step_for

        view = self.current_view()
        if view.read_only or view.spec.kind not in PASTE_KINDS:
            self.show_status(self.tr("Rows cannot be pasted into this list."))
            return None
        path = pasted_file(view.spec.kind, view.model, view.table.horizontalHeader())
        if path is None:
            self.show_status(self.tr("The clipboard holds no table. Copy rows in Excel or WPS, then paste."))
            return None
        wizard = self.import_workbook(path, view.spec.kind)
        if wizard is not None:
            undo_step_for(self.session, wizard, path, self.tr("Paste rows"))
        return wizard

    def merge_departments(self) -> MergeDepartmentsDialog:
        """Merge the selected department into another."""
        view = self.current_view()
        selected = view.current_id() if view.spec.kind == DEPARTMENT else None
        from .dialogs import MergeDepartmentsDialog

        dialog = MergeDepartmentsDialog(self.session, selected, self)
        dialog.open()
        return dialog

    def import_workbook(self, path: Path | None = None, kind: str | None = None) -> ImportWizard | None:
        """Ctrl+I or a dropped file: the import wizard (one at a time); ``kind`` reads the file as that list."""
        from .import_wizard import open_wizard

        if self.import_wizard is not None and self.import_wizard.isVisible():
            self.import_wizard.raise_()
            self.import_wizard.activateWindow()
            if path is not None:
                self.import_wizard.open_file(path, kind)
            return self.import_wizard
        self.import_wizard = open_wizard(self, self.session, path, kind)
        return self.import_wizard

    def undo_import(self) -> None:
        """Take back the import selected in the import history."""
        view = self.current_view()
        import_id = view.current_id()
        if view.spec.kind != IMPORTS or import_id is None:
            return
        from .import_wizard import undo_import

        row = view.model.row_of(import_id)
        file_name = view.model.row_at(row)["file_name"] if row is not None else str(import_id)
        undo_import(self, self.session, import_id, file_name)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if not self.session.read_only and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.import_workbook(files[0])

    def preferences(self) -> None:
        """Language (and later: backups, fonts)."""
        from .dialogs import PreferencesDialog

        PreferencesDialog(self, self.session).exec()

    def about(self) -> None:
        """Version and database path."""
        from .dialogs import show_about

        show_about(self, str(self.session.location), self.session.read_only)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in settings.recent_databases():
            action = self.recent_menu.addAction(path)
            action.setData(path)
            action.triggered.connect(self._open_recent)
        self.recent_menu.setEnabled(True)

    def _open_recent(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.open_requested.emit(resolve_location(action.data()), False)

    def new_database(self) -> None:
        """Start an empty database file (the regions of Shanwei come with it)."""
        name, _ = QFileDialog.getSaveFileName(self, self.tr("New database"), self._file_folder(),
                                              self._file_filter())
        if name:
            self.open_requested.emit(Path(name), True)

    def open_database(self) -> None:
        """Open another database file in this window's place."""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"), self._file_folder(),
                                              self._file_filter())
        if name:
            self.open_requested.emit(Path(name), False)

    def connect_server(self) -> None:
        """Open an office's shared database on a PostgreSQL server in this window's place."""
        from .server_dialog import ServerDialog

        address = ServerDialog.ask(self)
        if address is not None:
            self.open_requested.emit(address, False)

    def _file_folder(self) -> str:
        """Where the file dialogs start: the open file's folder (the home folder on a server)."""
        return str(self.session.path.parent if self.session.path is not None else Path.home())

    def _file_filter(self) -> str:
        return self.tr("LawGov database (*.sqlite3 *.db);;All files (*)")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Remember the layout, let queued writes finish, close the database."""
        if self._closed:
            return
        self._closed = True
        settings.save_state("main/geometry", self.saveGeometry())
        settings.save_state("main/splitter", self.splitter.saveState())
        for view in self.views.values():
            view.save_state()
        QApplication.instance().applicationStateChanged.disconnect(self._application_state)
        self.session.records_changed.disconnect(self._records_changed)
        self.session.news.disconnect(self.show_status)
        self.session.read_only_changed.disconnect(self._update_actions)
        self.session.undo_stack.undoTextChanged.disconnect(self._show_undo_name)
        self.session.undo_stack.redoTextChanged.disconnect(self._show_redo_name)
        for view in self.views.values():
            view.selection_changed.disconnect(self._update_actions)
            view.status_changed.disconnect(self._status)
        self.safety.backup_on_close()
        self.session.close()
        super().closeEvent(event)
