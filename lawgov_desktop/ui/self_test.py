"""``lawgov-desktop --self-test``: prove that this installation works, end to end, without a clerk.

Office IT unzips the folder on a PC and runs the self-test; CI does the same on the built bundle
and on a wheel installed into a fresh environment.  Each step exercises what a broken package
would lose first: the migrations and reference regions (``database/``), the workbook importer
(openpyxl), the PDF writer and its Chinese font (reportlab), the translations (``resources/``) and
the window itself.  Everything happens in a temporary folder with private settings, so the
clerk's database, recent files and window layout are never touched.  The report goes to the
console, or to ``self-test.txt`` in the user's data folder when the program has no console
(the windowed Windows build).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QSettings
from PySide6.QtWidgets import QApplication

from lawgov_desktop import __version__
from lawgov_desktop.core import schema
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.paths import data_dir, shipped_dir

from . import i18n
from .icons import SIZES

WINDOW_TIMEOUT_MS = 20_000
# One of our strings and one of Qt's (standard buttons); kept out of lupdate's sight as data.
TRANSLATION_PROBES = (("MainWindow", "&File"), ("QPlatformTheme", "Cancel"))


class SelfTestError(Exception):
    """A step found the installation broken."""


class _Run:
    """The temporary database and folder the steps share, and the report they write."""

    def __init__(self, folder: Path, out: TextIO) -> None:
        self.folder = folder
        self.out = out
        self.database = folder / "self-test.sqlite3"
        self.imported = 0

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def step(self, name: str, work: Callable[[], str]) -> bool:
        started = time.perf_counter()
        try:
            detail = work()
        except Exception as exc:  # every failure is reported, then the run stops
            self.say(f"FAIL {name}: {type(exc).__name__}: {exc}")
            self.say(traceback.format_exc())
            return False
        self.say(f"ok   {name} ({(time.perf_counter() - started) * 1000:.0f} ms): {detail}")
        return True

    # ------------------------------------------------------------------ steps
    def create_database(self) -> str:
        migrations = shipped_dir("database")
        with Library(self.database, user="self-test") as library:
            regions = library.lists.query("region", limit=0).total
        revision = schema.schema_revision(self.database)
        if revision != schema.SCHEMA_HEAD or regions == 0:
            raise SelfTestError(f"schema {revision}, {regions} regions")
        return f"schema {revision}, {regions} reference regions, shipped data from {migrations}"

    def import_workbook(self) -> str:
        from lawgov_desktop.importers.sample import import_sample

        with Library(self.database, user="self-test") as library:
            results = import_sample(library, self.folder / "workbooks")
        rejected = sum(len(result.rejected) for result in results)
        self.imported = sum(result.inserted for result in results)
        if rejected or not self.imported:
            raise SelfTestError(f"{self.imported} records imported, {rejected} rows rejected")
        return f"{self.imported} records from {len(results)} generated workbooks"

    def write_pdf(self) -> str:
        from lawgov_desktop.exporters.catalogue import licence_catalogue
        from lawgov_desktop.exporters.pdf import write_catalogue

        with Library(self.database, user="self-test", read_only=True) as library:
            spec = licence_catalogue(library)
        result = write_catalogue(spec, self.folder / "catalogue.pdf")
        if result.pages < 1 or not result.path.read_bytes().startswith(b"%PDF"):
            raise SelfTestError(f"{result.path} is not a PDF")
        warnings = f", warnings: {'; '.join(result.warnings)}" if result.warnings else ""
        font = Path(result.font.path).name if result.font.path else result.font.name
        embedded = "embedded" if result.font.embedded else "not embedded"
        return f"{result.pages} page(s), font {font} ({embedded}){warnings}"

    def resources(self) -> str:
        app = QApplication.instance()
        i18n.install(app, "zh_CN")
        translated = [QCoreApplication.translate(context, text) for context, text in TRANSLATION_PROBES]
        untranslated = [text for (_context, text), result in zip(TRANSLATION_PROBES, translated, strict=True)
                        if result == text]
        if untranslated:
            raise SelfTestError(f"untranslated: {untranslated} (folder {i18n.translations_dir()})")
        sizes = app.windowIcon().availableSizes()
        if len(sizes) < len(SIZES):
            raise SelfTestError(f"application icon has {len(sizes)} of {len(SIZES)} sizes")
        return f"translations {' / '.join(translated)}, icon in {len(sizes)} sizes, from {shipped_dir('resources')}"

    def open_window(self) -> str:
        from .main_window import BACKGROUND_START_MS, MainWindow
        from .session import Session

        clock = QElapsedTimer()
        clock.start()
        window = MainWindow(Session(self.database))
        try:
            window.show()
            view = window.current_view()
            app = QApplication.instance()
            while view.model.rowCount() == 0 or not window.isVisible():
                if clock.elapsed() > WINDOW_TIMEOUT_MS:
                    raise SelfTestError("the first page did not appear")
                app.processEvents()
            if window.grab().isNull():
                raise SelfTestError("the window could not be painted")
            shown_ms = clock.elapsed()
            writer = window.session.writer
            while clock.elapsed() < BACKGROUND_START_MS * 2 or (writer is not None and writer.busy):
                if clock.elapsed() > WINDOW_TIMEOUT_MS:
                    raise SelfTestError("the start-up check and backup did not finish")
                app.processEvents()
            if window.session.read_only:
                raise SelfTestError("the start-up check left the database read-only")
        finally:
            window.close()
        return (f"first page of {view.model.total} rows painted {shown_ms} ms after opening; "
                f"{window.windowTitle()}")


def _report_stream() -> tuple[TextIO, Path | None]:
    """The console, or a file in the data folder when there is none (windowed build)."""
    if sys.stdout is not None:
        return sys.stdout, None
    path = data_dir() / "self-test.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("w", encoding="utf-8"), path


def run_self_test(create_application: Callable[[], QApplication]) -> int:
    """Run every step; 0 when all pass.  The window is drawn offscreen unless a platform is chosen.

    ``create_application`` is the program's own start (names, icon, language); it runs once the
    settings point into the temporary folder, so the clerk's settings are never read or written.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out, report_file = _report_stream()
    try:
        with tempfile.TemporaryDirectory(prefix="lawgov-self-test-", ignore_cleanup_errors=True) as folder:
            QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(folder) / "settings"))
            create_application()
            run = _Run(Path(folder), out)
            run.say(f"LawGov Desktop {__version__} self-test ({sys.executable})")
            steps = (("database", run.create_database), ("import", run.import_workbook),
                     ("pdf", run.write_pdf), ("resources", run.resources), ("window", run.open_window))
            passed = all(run.step(name, work) for name, work in steps)
            run.say("self-test passed" if passed else "self-test FAILED")
            return 0 if passed else 1
    finally:
        if report_file is not None:
            out.close()
