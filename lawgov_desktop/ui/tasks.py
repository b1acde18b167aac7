"""A database worker: a thread of its own with its own ``Library`` that runs work one job after another.

The session's worker is the window's writer: every change to the database runs there, in order.
A database open read-only has none, and long reads (exports, checks) get a read-only worker instead.
SQLite connections belong to one thread, so the worker's thread opens its own ``Library``.  Work is
a plain function ``fn(library, task)`` given a ``core.progress.TaskState``; the GUI thread never
waits for it.  While it runs, a 100 ms timer reads the task's latest report into a progress dialog
(shown only if the work lasts), and Cancel cancels the task, which the work checks between batches.
Results and errors come back by queued signal and are handed to the callbacks on the GUI thread.
Because writes wait in the writer, a ``lawgov`` import holding the database lock never freezes the
window.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from lawgov_desktop.core.errors import LawGovError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.location import Location
from lawgov_desktop.core.progress import Task, TaskState

Work = Callable[[Library, Task], Any]
Done = Callable[[Any], None]
Failed = Callable[[LawGovError], None]


@dataclass
class _Job:
    number: int
    work: Work
    label: str
    on_done: Done | None
    on_error: Failed | None
    quiet: bool = False
    state: TaskState = field(default_factory=TaskState)


class _InThread(QObject):
    """Lives in the worker's thread; owns the worker's ``Library``."""

    finished = Signal(int, object, object)  # job number, result, error

    def __init__(self, location: Location, read_only: bool) -> None:
        super().__init__()
        self._location = location
        # The server processes this thread's connections have had: notices they send are ours.
        self.backend_pids: set[int] = set()
        self._read_only = read_only
        self._library: Library | None = None

    @Slot(object)
    def run(self, job: _Job) -> None:
        try:
            if self._library is None:  # checks the file's integrity before the first write
                self._library = Library(self._location, create=False, read_only=self._read_only)
            self._note_connection()
            result, error = job.work(self._library, job.state), None
            self._note_connection()  # a connection the server dropped is opened again inside
        except LawGovError as exc:
            result, error = None, exc
        except Exception as exc:  # a bug must not kill the worker; report it like an error
            explained = self._library.store.dialect.explain(exc) if self._library is not None else None
            result, error = None, LawGovError(explained or f"{type(exc).__name__}: {exc}")
        self.finished.emit(job.number, result, error)

    def _note_connection(self) -> None:
        if self._library is not None and self._library.path is None:
            self.backend_pids.add(self._library.store.conn.backend_pid)

    @Slot()
    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None


class DatabaseWorker(QObject):
    """Runs work on its own thread, in order, with a progress dialog for the long ones."""

    _submit = Signal(object)
    _close = Signal()

    def __init__(self, location: Location, parent: QObject | None = None, *, read_only: bool = False) -> None:
        """``read_only`` gives a worker for long reads (exports) when the database is open read-only."""
        super().__init__(parent)
        self._numbers = itertools.count(1)
        self._pending: dict[int, _Job] = {}
        self._thread = QThread()
        self._thread.setObjectName("lawgov-reader" if read_only else "lawgov-writer")
        self._in_thread = _InThread(location, read_only)
        self._in_thread.moveToThread(self._thread)
        self._submit.connect(self._in_thread.run)
        self._close.connect(self._in_thread.close)
        self._in_thread.finished.connect(self._finished)
        self._thread.start()
        self._dialog: QProgressDialog | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._poll)

    @property
    def backend_pids(self) -> set[int]:
        """On a server: the server processes of this worker's connection so far (its notices)."""
        return self._in_thread.backend_pids

    @property
    def busy(self) -> bool:
        """True while work is queued or running."""
        return bool(self._pending)

    def submit(self, work: Work, label: str = "", *, on_done: Done | None = None,
               on_error: Failed | None = None, quiet: bool = False) -> TaskState:
        """Queue ``work``; ``on_done(result)`` or ``on_error(error)`` runs on the GUI thread.

        ``quiet`` work (the check and backup at start) never shows the progress dialog.  The
        returned ``TaskState`` is the work's: its ``cancel()`` is what the dialog's Cancel calls.
        """
        job = _Job(next(self._numbers), work, label, on_done, on_error, quiet)
        self._pending[job.number] = job
        if len(self._pending) == 1:
            self._timer.start()
        self._submit.emit(job)
        return job.state

    def shutdown(self) -> None:
        """Finish queued work, close the worker's connection and stop the thread."""
        if not self._thread.isRunning():
            return
        self._close.emit()
        self._thread.quit()
        self._thread.wait()
        self._timer.stop()

    @Slot(int, object, object)
    def _finished(self, number: int, result: Any, error: LawGovError | None) -> None:
        job = self._pending.pop(number, None)
        if not self._pending:
            self._timer.stop()
            self._hide_dialog()
        if job is None:
            return
        if error is None:
            if job.on_done:
                job.on_done(result)
        elif job.on_error:
            job.on_error(error)

    def _poll(self) -> None:
        job = next(iter(self._pending.values()), None)
        if job is None or job.quiet:
            return
        if self._dialog is None:
            self._dialog = QProgressDialog(self._parent_widget())
            self._dialog.setWindowTitle(self.tr("Working"))
            self._dialog.setMinimumDuration(400)
            self._dialog.setAutoClose(False)
            self._dialog.setAutoReset(False)
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        state = job.state
        if self._dialog.wasCanceled() and not state.cancelled:
            state.cancel()
            self._dialog.setLabelText(self.tr("Cancelling…"))
            return
        self._dialog.setLabelText(state.text or job.label)
        self._dialog.setMaximum(max(state.total, 0))
        self._dialog.setValue(min(state.done, state.total) if state.total else 0)

    def _hide_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _parent_widget(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None
