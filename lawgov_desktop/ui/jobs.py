"""Long work a page or a menu starts that is no undoable change: a comparison, a check, an export.

It runs through ``Session.submit`` — on the writer, in order with the changes, or on the session's
reader for a database open read-only — with the worker's progress dialog and Cancel.  A cancelled
job ends with a note in the status line, a failed one with the library's message.  The report
pages and the File menu's printing share one ``Jobs``; each page is a ``ReportPage`` that gets the
session and the jobs, nothing of the window — what a page asks of the window comes as a callback
(``OpenList``: the statistics open the list behind a figure).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from lawgov_desktop.core.errors import Cancelled, LawGovError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.progress import Task, TaskState
from lawgov_desktop.core.queries import ListFilter

from . import prompts
from .session import Session

OpenList = Callable[[str, ListFilter], object]  # show a list narrowed to exactly this filter


class Jobs(QObject):
    """Runs long work for one window and tells the clerk how it ended."""

    def __init__(self, session: Session, parent: QWidget, status: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.session = session
        self._parent = parent
        self._status = status

    def submit(self, work: Callable[[Library, Task], Any], label: str, on_done: Callable[[Any], None],
               on_error: Callable[[LawGovError], None] | None = None) -> TaskState:
        """Run ``work``; ``on_error`` (if given) runs before Cancel is noted or the error shown."""

        def failed(error: LawGovError) -> None:
            if on_error is not None:
                on_error(error)
            if isinstance(error, Cancelled):
                self.status(self.tr("Cancelled."))
            else:
                prompts.warn(self._parent, error)

        return self.session.submit(work, label, on_done=on_done, on_error=failed)

    def status(self, text: str) -> None:
        """A passing note in the status line ("已导出到 …")."""
        self._status(text)

    def write_file(self, path: Path, write: Callable[[Path], object], label: str) -> None:
        """Write ``path`` on the writer (a check's findings exported), then say where it went."""

        def work(_library: Library, task: Task) -> None:
            task.report(0, 0, self.tr("Writing %1").replace("%1", path.name))
            write(path)

        self.submit(work, label, lambda _none: self.status(self.tr("Exported to %1").replace("%1", str(path))))


class ReportPage(QWidget):
    """A page of the side navigation that is no list: its session, its jobs, an (empty) status text."""

    def __init__(self, session: Session, jobs: Jobs, name: str) -> None:
        super().__init__()
        self.session = session
        self.jobs = jobs
        self.setObjectName(name)
        self.status_text = ""
