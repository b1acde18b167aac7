"""The first run: an empty database greets the clerk with three ways to start.

A new clerk opens the program on a database with no licence item, power or department; an empty
table explains nothing.  The welcome offers to import the county's workbook (the import wizard),
to try the program on a sample database, or to start from scratch.  It does not come back once
the database has data or the clerk chose to start empty (remembered per database file), and it
leaves by itself once records arrive (an import through Ctrl+I, a record typed in).

The sample database is built from a generated sample list of Shanwei (``importers.sample``)
into ``示例数据库.sqlite3`` in the user's data folder, next to the sample workbooks themselves so
the clerk can practise importing them.  It is marked inside the file (``core.sample``); its
window says [示例数据] in the title and the status line, so nobody prints it as the city's list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QMainWindow, QVBoxLayout, QWidget

from lawgov_desktop.core.errors import LawGovError
from lawgov_desktop.core.paths import data_dir
from lawgov_desktop.core.sample import is_empty, is_sample

from . import prompts, settings
from .session import Session
from .widgets import run_off_gui_thread

ImportWorkbook = Callable[[], object]  # the window's File → Import workbook
OpenDatabase = Callable[[Path], None]  # open another database in the window's place

SAMPLE_DATABASE = "示例数据库.sqlite3"


def sample_database_path() -> Path:
    """Where the sample database lives: the user's data folder, never the program's."""
    return data_dir() / SAMPLE_DATABASE


class WelcomeDialog(QDialog):
    """Three ways to start an empty database; not modal, so the window stays usable behind it."""

    def __init__(self, window: QWidget, session: Session, import_workbook: ImportWorkbook,
                 open_database: OpenDatabase) -> None:
        super().__init__(window)
        self.window_ = window
        self.session = session
        self._import_workbook = import_workbook
        self._open_database = open_database
        self.setObjectName("welcome")
        self.setWindowTitle(self.tr("Welcome to LawGov Desktop"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        intro = QLabel(self.tr("<h3>This database is still empty</h3>"
                               "<p>How would you like to start?</p>"))
        intro.setWordWrap(True)
        self.import_button = self._choice(
            self.tr("Import a workbook…"),
            self.tr("Read a licence list, a department's list of powers and responsibilities or a delegation list "
                    "from Excel or WPS (.xlsx, .xls, .et, .ods, .csv)."))
        self.sample_button = self._choice(
            self.tr("Open the sample database"),
            self.tr("Try the program on a made-up list of Shanwei, clearly marked as sample data. "
                    "This database stays empty."))
        self.blank_button = self._choice(
            self.tr("Start empty"),
            self.tr("Enter records by hand, or import later with File → Import workbook."))
        self.import_button.clicked.connect(self.import_workbook)
        self.sample_button.clicked.connect(self.open_sample)
        self.blank_button.clicked.connect(self.start_empty)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button in (self.import_button, self.sample_button, self.blank_button):
            layout.addWidget(button)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.import_button.setFocus()  # Enter imports: what most first runs are for
        window.installEventFilter(self)  # leaves with its window (another database opened, quit)
        session.records_changed.connect(self._records_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Close together with the window it greets."""
        if watched is self.window_ and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def _records_changed(self) -> None:
        """An import (or any write) filled the database: nothing left to welcome the clerk to."""
        try:
            empty = is_empty(self.session.library)
        except LawGovError:
            return
        if not empty:
            self.close()

    def _choice(self, text: str, description: str) -> QCommandLinkButton:
        button = QCommandLinkButton(text, description, self)
        button.setAutoDefault(False)
        return button

    def import_workbook(self) -> None:
        """The import wizard, on this database."""
        self.close()
        self._import_workbook()

    def open_sample(self) -> None:
        """Build the sample database (once) and open it in this window's place."""
        path = sample_database_path()
        if not path.exists():
            from lawgov_desktop.importers.sample import build_sample_database

            try:
                run_off_gui_thread(self.tr("Building the sample database…"), lambda: build_sample_database(path))
            except LawGovError as error:
                prompts.warn(self, error)
                return
        self.close()
        self._open_database(path)

    def start_empty(self) -> None:
        """Remember the choice for this database and get out of the way."""
        settings.decline_welcome(self.session.location)
        self.close()


def greet(window: QMainWindow, session: Session, import_workbook: ImportWorkbook,
          open_database: OpenDatabase) -> WelcomeDialog | None:
    """Mark a sample database's window, or welcome the clerk to an empty database (the dialog)."""
    if is_sample(session.library):
        mark = QCoreApplication.translate("WelcomeDialog", " [sample data]")
        window.setWindowTitle(window.windowTitle() + mark)
        label = QLabel(mark.strip())
        label.setObjectName("sample_label")
        label.setStyleSheet("color: #c8102e; font-weight: bold")
        window.statusBar().addPermanentWidget(label)
        return None
    if session.read_only or settings.welcome_declined(session.location):
        return None
    try:
        if not is_empty(session.library):
            return None
    except LawGovError:  # a damaged file: the start-up check offers the backup, no welcome
        return None
    dialog = WelcomeDialog(window, session, import_workbook, open_database)
    dialog.show()
    return dialog

