"""Another clerk's change on a server database, in this window within a second (LISTEN/NOTIFY).

Each commit on a server sends a notice on ``CHANGES_CHANNEL`` saying which lists and records it
changed and who made it (``core.store``, ``core.changes.to_notice``).  A thread of its own holds one
connection that LISTENs, waiting for notices a quarter of a second at a time so that closing the
window never waits long.  Each notice reaches the GUI thread with the server process that sent it:
the session drops its own writer's notices and announces the others like its own writes.  A lost
connection is said once and tried again with growing pauses; when it is back every list reads
again, since the notices sent meanwhile were missed.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from lawgov_desktop.core import postgres
from lawgov_desktop.core.changes import OpChanges
from lawgov_desktop.core.errors import DatabaseError
from lawgov_desktop.core.location import CHANGES_CHANNEL, ServerAddress

from .kinds import LIST_SPECS

# How long one wait for notices lasts: the longest a notice or a stop request waits for the thread.
WAIT_SECONDS = 0.25
# Pauses between attempts to reach a server that dropped the connection: doubling up to the last.
FIRST_PAUSE_SECONDS = 0.5
LONGEST_PAUSE_SECONDS = 8.0


class ChangeListener(QThread):
    """Listens for the server's change notices and hands them to the GUI thread."""

    notice = Signal(int, str)  # the sending server process (backend pid), the notice's JSON
    connection_lost = Signal()
    reconnected = Signal()

    def __init__(self, address: ServerAddress, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lawgov-listener")
        self._address = address
        self._stopping = threading.Event()
        self.listening = threading.Event()  # set while LISTEN is in force (tests wait for it)

    def stop(self) -> None:
        """End the thread (within ``WAIT_SECONDS``) and close its connection."""
        self._stopping.set()
        self.wait()

    def run(self) -> None:  # noqa: D102 - QThread's entry point
        pause = FIRST_PAUSE_SECONDS
        lost = False
        while not self._stopping.is_set():
            try:
                conn = postgres.connect(self._address, read_only=True)
            except DatabaseError:
                if not lost:
                    self.connection_lost.emit()
                    lost = True
                self._stopping.wait(pause)
                pause = min(pause * 2, LONGEST_PAUSE_SECONDS)
                continue
            try:
                conn.execute(f"LISTEN {CHANGES_CHANNEL}")
                self.listening.set()
                if lost:
                    self.reconnected.emit()
                    lost = False
                pause = FIRST_PAUSE_SECONDS
                while not self._stopping.is_set():
                    for notify in conn.raw.notifies(timeout=WAIT_SECONDS):
                        self.notice.emit(notify.pid, notify.payload)
            except postgres.POSTGRES.Error:
                self.listening.clear()
                if not lost:
                    self.connection_lost.emit()
                    lost = True
            finally:
                conn.close()


def news_of(user: str, changes: OpChanges) -> str:
    """The status line for another clerk's change: who, and which lists (those of the records
    changed, else every list it touched)."""
    named = [spec for spec in LIST_SPECS if changes.ids(spec.kind)] or [
        spec for spec in LIST_SPECS if changes.touches(spec.kind)]
    lists = "、".join(QCoreApplication.translate("Nav", spec.title) for spec in named)
    return (QCoreApplication.translate("LiveChanges", "Refreshed: %1 changed %2")
            .replace("%1", user or "?").replace("%2", lists or QCoreApplication.translate("LiveChanges", "the lists")))
