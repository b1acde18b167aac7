"""The one protocol of long work (import, export, PDF batch, printing): a ``Task``.

Long functions take one ``task`` parameter.  They tell it how far they are with
``task.report(done, total, text)`` and call ``check_cancelled(task)`` between batches, before anything
is written, so a cancel leaves no trace.  Callers nobody watches pass ``NO_TASK`` (the default); the
window hands a ``TaskState`` its progress dialog reads, the command line a terminal progress bar.
"""

from __future__ import annotations

import threading
from typing import Protocol

from .errors import Cancelled


class Task(Protocol):
    """What long work is handed: where to say how far it is, and whether the user asked to stop."""

    def report(self, done: int, total: int, text: str) -> None:
        """``done`` of ``total`` steps, ``text`` saying what is being done (total 0: unknown)."""

    @property
    def cancelled(self) -> bool:
        """True once the user asked to stop."""


class _Unwatched:
    """A task nobody watches and nobody can cancel."""

    def report(self, done: int, total: int, text: str) -> None:
        """Nobody listens."""

    @property
    def cancelled(self) -> bool:
        """Never."""
        return False


NO_TASK: Task = _Unwatched()


def check_cancelled(task: Task) -> None:
    """Raise ``Cancelled`` when the user asked to stop."""
    if task.cancelled:
        raise Cancelled()


class TaskState:
    """A task's latest report and its cancel flag, written by the work and read by a watcher in
    another thread (the window's progress dialog polls it)."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self.text = ""
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str) -> None:
        """Keep the latest report for the watcher."""
        self.done, self.total, self.text = done, total, text

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """True once ``cancel`` was called."""
        return self._cancel.is_set()


class TaskPart:
    """One part of a larger task (one file of a folder export): its steps counted after ``offset``
    steps of the whole ``total``, reported under the whole's ``text``; cancelled with the whole."""

    def __init__(self, whole: Task, offset: int, total: int, text: str) -> None:
        self.whole, self.offset, self.total, self.text = whole, offset, total, text

    def report(self, done: int, _total: int, _text: str) -> None:
        """Report the part's progress as the whole's."""
        self.whole.report(self.offset + done, self.total, self.text)

    @property
    def cancelled(self) -> bool:
        """Whether the whole was cancelled."""
        return self.whole.cancelled
