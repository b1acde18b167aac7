"""The single background writer: every change to the database runs here, one after another.

SQLite connections belong to one thread, so the writer thread opens its own ``Library``.  Work is
a plain function ``fn(library, progress)``; the GUI thread never waits for it.  While it runs, a
100 ms timer reads the latest progress into a progress dialog (shown only if the work lasts), and
Cancel sets a flag the work checks between batches.  Results and errors come back by queued
signal and are handed to the callbacks on the GUI thread.  Because writes wait in the writer, a
``lawgov`` import holding the database lock never freezes the window.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from lawgov_desktop.core.errors import Cancelled, LawGovError
from lawgov_desktop.core.library import Library

Work = Callable[[Library, "Progress"], Any]
Done = Callable[[Any], None]
Failed = Callable[[LawGovError], None]


class Progress:
    """What long work reports and what Cancel tells it; read and written from two threads."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self.text = ""
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int, text: str = "") -> None:
        """Report progress (the library's ``progress`` callback signature)."""
        self.done, self.total, self.text = done, total, text

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """True once Cancel was pressed."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if Cancel was pressed (call between batches)."""
        if self.cancelled:
            raise Cancelled()


@dataclass
class _Task:
    number: int
    work: Work
    label: str
    on_done: Done | None
    on_error: Failed | None
    quiet: bool = False
    progress: Progress = field(default_factory=Progress)


class _Worker(QObject):
    """Lives in the writer thread; owns the writer's ``Library``."""

    finished = Signal(int, object, object)  # task number, result, error

    def __init__(self, path: Path, read_only: bool) -> None:
        super().__init__()
        self._path = path
        self._read_only = read_only
        self._library: Library | None = None

    @Slot(object)
    def run(self, task: _Task) -> None:
        try:
            if self._library is None:  # checks the file's integrity before the first write
                self._library = Library(self._path, create=False, read_only=self._read_only)
            result, error = task.work(self._library, task.progress), None
        except LawGovError as exc:
            result, error = None, exc
        except Exception as exc:  # a bug must not kill the writer; report it like an error
            result, error = None, LawGovError(f"{type(exc).__name__}: {exc}")
        self.finished.emit(task.number, result, error)

    @Slot()
    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None


class Writer(QObject):
    """Runs work on the writer thread, in order, with a progress dialog for the long ones."""

    _submit = Signal(object)
    _close = Signal()

    def __init__(self, path: Path, parent: QObject | None = None, *, read_only: bool = False) -> None:
        """``read_only`` gives a worker for long reads (exports) when the database is open read-only."""
        super().__init__(parent)
        self._numbers = itertools.count(1)
        self._pending: dict[int, _Task] = {}
        self._thread = QThread()
        self._thread.setObjectName("lawgov-writer")
        self._worker = _Worker(path, read_only)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._close.connect(self._worker.close)
        self._worker.finished.connect(self._finished)
        self._thread.start()
        self._dialog: QProgressDialog | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._poll)

    @property
    def busy(self) -> bool:
        """True while work is queued or running."""
        return bool(self._pending)

    def submit(self, work: Work, label: str = "", *, on_done: Done | None = None,
               on_error: Failed | None = None, quiet: bool = False) -> Progress:
        """Queue ``work``; ``on_done(result)`` or ``on_error(error)`` runs on the GUI thread.

        ``quiet`` work (the check and backup at start) never shows the progress dialog.  The
        returned ``Progress`` is the work's: its ``cancel()`` is what the dialog's Cancel calls.
        """
        task = _Task(next(self._numbers), work, label, on_done, on_error, quiet)
        self._pending[task.number] = task
        if len(self._pending) == 1:
            self._timer.start()
        self._submit.emit(task)
        return task.progress

    def shutdown(self) -> None:
        """Finish queued work, close the writer's connection and stop the thread."""
        if not self._thread.isRunning():
            return
        self._close.emit()
        self._thread.quit()
        self._thread.wait()
        self._timer.stop()

    @Slot(int, object, object)
    def _finished(self, number: int, result: Any, error: LawGovError | None) -> None:
        task = self._pending.pop(number, None)
        if not self._pending:
            self._timer.stop()
            self._hide_dialog()
        if task is None:
            return
        if error is None:
            if task.on_done:
                task.on_done(result)
        elif task.on_error:
            task.on_error(error)

    def _poll(self) -> None:
        task = next(iter(self._pending.values()), None)
        if task is None or task.quiet:
            return
        if self._dialog is None:
            self._dialog = QProgressDialog(self._parent_widget())
            self._dialog.setWindowTitle(self.tr("Working"))
            self._dialog.setMinimumDuration(400)
            self._dialog.setAutoClose(False)
            self._dialog.setAutoReset(False)
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        progress = task.progress
        if self._dialog.wasCanceled() and not progress.cancelled:
            progress.cancel()
            self._dialog.setLabelText(self.tr("Cancelling…"))
            return
        self._dialog.setLabelText(progress.text or task.label)
        self._dialog.setMaximum(max(progress.total, 0))
        self._dialog.setValue(min(progress.done, progress.total) if progress.total else 0)

    def _hide_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _parent_widget(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None
