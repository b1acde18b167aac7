"""The progress and cancel protocol of long work (import, PDF batch, backup).

Long library functions take ``progress`` — a callable ``progress(done, total, message)`` or None
for "nobody is watching" — and ``cancel`` — None, a callable returning True, or an object with a
``cancelled`` attribute (the window's task, a ``threading.Event``-backed token).  They call
``check_cancel`` between batches, before anything is written, so a cancel leaves no trace.
"""

from __future__ import annotations

from collections.abc import Callable

from .errors import Cancelled

Progress = Callable[[int, int, str], None]


def report(progress: Progress | None, done: int, total: int, message: str) -> None:
    """Tell the watcher how far the work is, if anyone watches."""
    if progress is not None:
        progress(done, total, message)


def check_cancel(cancel: object) -> None:
    """Raise ``Cancelled`` when the user asked to stop."""
    if cancel is None:
        return
    stop = cancel() if callable(cancel) else getattr(cancel, "cancelled", False)
    if stop:
        raise Cancelled()
