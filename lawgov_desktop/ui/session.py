"""One open database in the window: the reading library, the writer, undo/redo and change news.

Views read through ``session.library`` on the GUI thread (a page is a few milliseconds).  Every
change goes through ``session.change``: it runs on the background writer, and the library's
operation id of the change becomes a ``QUndoCommand`` whose undo and redo both call
``revert_operation`` — reverting an operation is itself an operation, so reverting that one again
is redo.  ``records_changed`` tells the views which lists to read again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from lawgov_desktop.core.errors import LawGovError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.progress import Task
from lawgov_desktop.core.safety import DamagedDatabaseError

from . import prompts
from .tasks import Writer

# Every list and page: a restore replaces all of them.
ALL_KINDS = ("licence", "power", "delegation", "department", "region", "batch", "imports", "version")


class OperationCommand(QUndoCommand):
    """One user action already done in the database; undo and redo revert its latest operation."""

    def __init__(self, session: Session, operation: str, text: str, kinds: tuple[str, ...]) -> None:
        super().__init__(text)
        self._session = session
        self._operation = operation
        self._done = True
        self.kinds = kinds

    def redo(self) -> None:
        if self._done:  # pushed after the change was made: nothing to do the first time
            return
        self._session.revert(self)

    def undo(self) -> None:
        self._done = False
        self._session.revert(self)

    def toggle(self, library: Library, _task: Task) -> str:
        """Revert the operation (runs on the writer thread, in order with other work)."""
        self._operation = library.history.revert_operation(self._operation)
        return self._operation


class Session(QObject):
    """The open database as the window sees it."""

    records_changed = Signal(list)  # kinds of records that changed ("licence", "power", …)
    read_only_changed = Signal()
    damaged = Signal(object)  # DamagedDatabaseError: the launcher offers the newest good backup

    def __init__(self, path: Path, *, read_only: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The reading library skips the integrity check; the writer's library runs it as the
        # writer's first task, started here so it overlaps building and painting the window and
        # precedes any write.  Damage comes back through ``damaged``.
        self.library = Library(path, read_only=read_only, verify=False)
        self.path = self.library.path
        self.read_only = read_only
        self.writer = None if read_only else Writer(self.path, self)
        if self.writer is not None:
            self.writer.submit(lambda _library, _task: None, self.tr("Checking the database"),
                               on_error=self._writer_unusable, quiet=True)
        self.undo_stack = QUndoStack(self)
        self._marker = self._change_marker()

    def start_background_work(self) -> None:
        """After the first paint: check the file and make the daily backup on the writer.

        The writer's library checks integrity when it opens, so no write can precede the check.
        """
        if self.writer is not None:
            self.writer.submit(lambda library, _task: library.backups.ensure_daily_backup(),
                               self.tr("Checking the database"), on_error=self._writer_unusable, quiet=True)

    def _writer_unusable(self, error: LawGovError) -> None:
        """The file failed its check (or cannot be written): keep it for reading only."""
        if self.writer is not None:
            self.writer.shutdown()
            self.writer = None
        self.read_only = True
        self.undo_stack.clear()
        self.read_only_changed.emit()
        if isinstance(error, DamagedDatabaseError):
            self.damaged.emit(error)
        else:
            prompts.warn(None, error)

    def close(self) -> None:
        """Stop the writer (after its queued work) and close both connections."""
        if self.writer is not None:
            self.writer.shutdown()
        self.library.close()

    # ------------------------------------------------------------------ writing
    def change(self, text: str, work: Callable[[Library], Any], kinds: Iterable[str], *,
               on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[LawGovError], bool] | None = None) -> None:
        """Run ``work(library)`` on the writer as one undoable step named ``text``.

        ``on_error`` may handle an error (e.g. show validation messages at the fields) by
        returning True; otherwise the error's message is shown.
        """
        if self.writer is None:
            prompts.warn(None, LawGovError(self.tr("The database is open read-only.")))
            return
        kinds = tuple(kinds)

        def run(library: Library, _task: Task) -> tuple[Any, str | None]:
            before = library.history.last_operation()
            result = work(library)
            after = library.history.last_operation()
            return result, after if after != before else None

        def done(outcome: tuple[Any, str | None]) -> None:
            result, operation = outcome
            if operation is not None:
                self.undo_stack.push(OperationCommand(self, operation, text, kinds))
            self._announce(kinds)
            if on_done:
                on_done(result)

        def failed(error: LawGovError) -> None:
            if on_error is None or not on_error(error):
                prompts.warn(None, error)

        self.writer.submit(run, text, on_done=done, on_error=failed)

    def run(self, text: str, work: Callable[[Library], Any], *,
            on_done: Callable[[Any], None] | None = None) -> None:
        """Write something that is not an undoable list change (a saved filter)."""
        if self.writer is None:
            return
        self.writer.submit(lambda library, _task: work(library), text, on_done=on_done,
                           on_error=lambda error: prompts.warn(None, error))

    def revert(self, command: OperationCommand) -> None:
        """Undo or redo ``command`` on the writer; a failure empties the undo history."""
        if self.writer is None:
            return

        def failed(error: LawGovError) -> None:
            self.undo_stack.clear()
            prompts.warn(None, error)
            self._announce(command.kinds)

        self.writer.submit(command.toggle, command.text(), on_done=lambda _op: self._announce(command.kinds),
                           on_error=failed)

    def announce(self, kinds: Iterable[str]) -> None:
        """Work submitted to the writer directly (an import, its undo) changed these lists."""
        self._announce(kinds)

    def _announce(self, kinds: Iterable[str]) -> None:
        """Tell the views what to read again; our own change is not news on the next focus."""
        self._marker = self._change_marker()
        self.records_changed.emit(list(kinds))

    # ------------------------------------------------------------------ outside changes
    def _change_marker(self) -> tuple[int, int]:
        page = self.library.history.change_log(limit=1)
        return (page.rows[0]["id"] if page.rows else 0, page.total)

    def changed_elsewhere(self) -> bool:
        """True when the change log moved since the last look (``lawgov`` on the command line)."""
        marker = self._change_marker()
        changed = marker != self._marker
        self._marker = marker
        return changed
