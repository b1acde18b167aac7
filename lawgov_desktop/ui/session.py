"""One open database in the window: the reading library, the writer, undo/redo and change news.

Views read through ``session.library`` on the GUI thread (a page is a few milliseconds).  Work
that writes goes through ``session.submit``, or ``session.change`` for an undoable list change: it
runs on the background writer, and what it changed — the library's ``last_changes``, an
``OpChanges`` derived from the change log — goes out with ``records_changed``, so each view reads
again exactly when its list changed and no caller names the lists it touches.  An undoable
change's operation becomes a ``QUndoCommand`` whose undo and redo both call ``revert_operation``
— reverting an operation is itself an operation, so reverting that one again is redo.  A database
open read-only has no writer; long reads (exports, checks) then run on a reader of the session's own.
On a server database other clerks' commits arrive through ``live_changes`` and go out with
``records_changed`` as well, with a status line on ``news`` saying who changed what.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from lawgov_desktop.core.changes import EVERYTHING, NOTHING, OpChanges, from_notice
from lawgov_desktop.core.errors import LawGovError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.location import Location
from lawgov_desktop.core.progress import Task, TaskState
from lawgov_desktop.core.safety import DamagedDatabaseError

from . import prompts
from .tasks import DatabaseWorker

if TYPE_CHECKING:  # psycopg loads only when a server database is opened
    from .live_changes import ChangeListener

Work = Callable[[Library, Task], Any]


class OperationCommand(QUndoCommand):
    """One user action already done in the database; undo and redo revert its latest operation."""

    def __init__(self, session: Session, operation: str, text: str, changes: OpChanges) -> None:
        super().__init__(text)
        self._session = session
        self._operation = operation
        self._done = True
        self.changes = changes  # what the views read again should a revert fail

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

    records_changed = Signal(object)  # OpChanges: the lists and records a write changed
    news = Signal(str)  # a status line: another clerk's change on a server, the connection lost or back
    read_only_changed = Signal()
    damaged = Signal(object)  # DamagedDatabaseError: the launcher offers the newest good backup

    def __init__(self, location: Location, *, read_only: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The reading library skips the integrity check; the writer's library runs it as the
        # writer's first task, started here so it overlaps building and painting the window and
        # precedes any write.  Damage comes back through ``damaged``.
        self.library = Library(location, read_only=read_only, verify=False)
        # The workers get the location itself: a password typed in travels in memory only.
        self.location = self.library.location
        self.path = self.library.path  # the SQLite file; None on a server
        self.read_only = read_only
        self.writer = None if read_only else DatabaseWorker(self.location, self)
        self._reader: DatabaseWorker | None = None  # long reads of a read-only database
        if self.writer is not None:
            self.writer.submit(lambda _library, _task: None, self.tr("Checking the database"),
                               on_error=self._writer_unusable, quiet=True)
        self.undo_stack = QUndoStack(self)
        self.closed = False
        self._marker = self._change_marker()
        self._listener = self._listen() if self.path is None else None  # a server: other clerks' changes

    def start_background_work(self) -> None:
        """After the first paint: check the file and make the daily backup on the writer.

        The writer's library checks integrity when it opens, so no write can precede the check.
        """
        if self.writer is not None and self.path is not None:  # a server keeps its own backups
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
        """Stop the listener, the writer (after its queued work) and the reader, and close the connections."""
        if self._listener is not None:
            self._listener.stop()
        for worker in (self.writer, self._reader):
            if worker is not None:
                worker.shutdown()
        self._reader = None
        self.library.close()
        self.closed = True

    # ------------------------------------------------------------------ writing
    def submit(self, work: Work, label: str, *, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[LawGovError], None] | None = None, quiet: bool = False) -> TaskState:
        """Run ``work(library, task)`` on the writer, or on the reader when the database is open
        read-only; the views hear what it changed before ``on_done`` gets its result."""

        def done(result: Any, changes: OpChanges) -> None:
            if changes:
                self._announce(changes)
            if on_done is not None:
                on_done(result)

        return self._submit(work, label, done, on_error, quiet)

    def _submit(self, work: Work, label: str, on_done: Callable[[Any, OpChanges], None],
                on_error: Callable[[LawGovError], None] | None, quiet: bool = False) -> TaskState:
        """Run ``work`` and hand ``on_done`` its result and what it changed (``NOTHING`` if it wrote nothing)."""
        worker = self.writer
        if worker is None:
            if self._reader is None:
                self._reader = DatabaseWorker(self.location, self, read_only=True)
            worker = self._reader

        def run(library: Library, task: Task) -> tuple[Any, OpChanges]:
            before = library.last_changes
            result = work(library, task)
            after = library.last_changes
            return result, after if after is not before else NOTHING

        return worker.submit(run, label, on_done=lambda outcome: on_done(*outcome), on_error=on_error, quiet=quiet)

    def change(self, text: str, work: Callable[[Library], Any], *,
               on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[LawGovError], bool] | None = None) -> None:
        """Run ``work(library)`` on the writer as one undoable step named ``text``.

        ``on_error`` may handle an error (e.g. show validation messages at the fields) by
        returning True; otherwise the error's message is shown.
        """
        if self.writer is None:
            prompts.warn(None, LawGovError(self.tr("The database is open read-only.")))
            return

        def done(result: Any, changes: OpChanges) -> None:
            if changes.operation is not None:
                self.undo_stack.push(OperationCommand(self, changes.operation, text, changes))
            if changes:
                self._announce(changes)
            if on_done:
                on_done(result)

        def failed(error: LawGovError) -> None:
            if on_error is None or not on_error(error):
                prompts.warn(None, error)

        self._submit(lambda library, _task: work(library), text, done, failed)

    def run(self, text: str, work: Callable[[Library], Any], *,
            on_done: Callable[[Any], None] | None = None) -> None:
        """Write something that is not an undoable list change (a saved filter)."""
        if self.writer is None:
            return
        self.submit(lambda library, _task: work(library), text, on_done=on_done,
                    on_error=lambda error: prompts.warn(None, error))

    def revert(self, command: OperationCommand) -> None:
        """Undo or redo ``command`` on the writer; a failure empties the undo history."""
        if self.writer is None:
            return

        def failed(error: LawGovError) -> None:
            self.undo_stack.clear()
            prompts.warn(None, error)
            self._announce(command.changes)

        self.submit(command.toggle, command.text(), on_error=failed)

    def replaced(self) -> None:
        """The data was replaced (a backup restored): the undo history is no longer the data's, and
        every list and page reads again."""
        self.undo_stack.clear()
        self._announce(EVERYTHING)

    def _announce(self, changes: OpChanges) -> None:
        """Tell the views what to read again; our own change is not news on the next focus.

        Work the writer finished while the window closed reports back after the connection is
        closed: there is nothing left to read again then."""
        if self.closed:
            return
        self._marker = self._change_marker()
        self.records_changed.emit(changes)

    # ------------------------------------------------------------------ outside changes
    def _listen(self) -> ChangeListener:
        """Hear other clerks' commits on the server (``live_changes``)."""
        from .live_changes import ChangeListener

        listener = ChangeListener(self.location, self)
        listener.notice.connect(self._heard)
        listener.connection_lost.connect(self._connection_lost)
        listener.reconnected.connect(self._reconnected)
        listener.start()
        return listener

    def _heard(self, sender: int, payload: str) -> None:
        """A commit on the server: read again what another clerk changed; our own writes were
        announced when they finished."""
        if self.closed or self._sent_here(sender):
            return
        from .live_changes import news_of

        changes, user = from_notice(payload)
        self._announce(changes)
        self.news.emit(news_of(user, changes))

    def _sent_here(self, sender: int) -> bool:
        """Whether a server process that sent a notice is one of this window's connections."""
        workers = (worker for worker in (self.writer, self._reader) if worker is not None)
        return sender == self.library.store.conn.backend_pid or any(sender in w.backend_pids for w in workers)

    def _connection_lost(self) -> None:
        self.news.emit(self.tr("The connection to the server was lost. The program reconnects by itself; "
                               "open forms keep what you typed."))

    def _reconnected(self) -> None:
        """The server is reachable again: notices sent meanwhile were missed, so read everything."""
        self._announce(EVERYTHING)
        self.news.emit(self.tr("Connected to the server again; the lists were read again."))

    def _change_marker(self) -> tuple[int, int]:
        page = self.library.history.change_log(limit=1)
        return (page.rows[0]["id"] if page.rows else 0, page.total)

    def changed_elsewhere(self) -> bool:
        """True when the change log moved since the last look (``lawgov`` on the command line)."""
        marker = self._change_marker()
        changed = marker != self._marker
        self._marker = marker
        return changed
