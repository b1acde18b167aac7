"""A terminal progress bar for long work: the command line's ``core.progress.Task``.

It draws on stderr and only when stderr is a terminal, so pipes, files and tests see nothing
and stdout stays clean for the command's real output.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .table import fit, pad


class ProgressBar:
    """A task whose reports draw a bar; use as a context manager so the bar's line is cleared at the end.

    Nothing cancels it: Ctrl+C interrupts the command, and the work leaves nothing half written.
    """

    def __init__(self, stream: TextIO | None = None, *, width: int = 30, interval: float = 0.1) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.width = width
        self.interval = interval
        self._last_draw = float("-inf")  # the first report always draws
        self._drawn = False

    def report(self, done: int, total: int, text: str) -> None:
        """Redraw at most every ``interval`` seconds, and always when the work is complete."""
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last_draw < self.interval and done < total:
            return
        self._last_draw = now
        share = min(1.0, done / total) if total > 0 else 0.0
        filled = int(share * self.width)
        bar = "#" * filled + "." * (self.width - filled)
        line = f"{pad(fit(text, 24), 24)} [{bar}] {share:4.0%} {done}/{total}"
        self.stream.write("\r" + line)
        self.stream.flush()
        self._drawn = True

    @property
    def cancelled(self) -> bool:
        """Never: see the class's note."""
        return False

    def finish(self) -> None:
        """End the bar's line so the next output starts on a fresh one."""
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.finish()
