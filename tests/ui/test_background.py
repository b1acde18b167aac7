"""The background writer and the Qt work-arounds it relies on."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from lawgov_desktop.core.errors import Cancelled, LawGovError
from lawgov_desktop.core.progress import check_cancelled
from lawgov_desktop.ui.tasks import DatabaseWorker


class _Sender(QObject):
    fired = Signal(str)


def test_void_calls_and_emits_cannot_use_up_none_and_true(qapp) -> None:  # noqa: ANN001
    """PySide6 6.12.0 on Python 3.11 drops a reference per call; the window must survive a long day."""
    import lawgov_desktop.ui  # noqa: F401 - applies the protection

    sender = _Sender()
    sender.fired.connect(lambda _text: None)
    for _ in range(200_000):
        sender.setObjectName("x")
        sender.fired.emit("x")
    assert sys.getrefcount(None) > 0 and sys.getrefcount(True) > 0


def test_work_runs_on_the_writer_thread_in_order(qapp, db_path: Path, qtbot) -> None:  # noqa: ANN001
    writer = DatabaseWorker(db_path)
    seen: list[tuple[str, bool]] = []
    try:
        for name in ("first", "second"):
            writer.submit(lambda library, _progress, n=name: (n, threading.current_thread() is threading.main_thread()),
                          on_done=seen.append)
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
        assert seen == [("first", False), ("second", False)]
        assert not writer.busy
    finally:
        writer.shutdown()


def test_cancel_stops_long_work_and_errors_come_back(qapp, db_path: Path, qtbot) -> None:  # noqa: ANN001
    writer = DatabaseWorker(db_path)
    errors: list[LawGovError] = []
    started = threading.Event()

    def long_work(_library, task) -> None:  # noqa: ANN001
        started.set()
        for step in range(500):
            task.report(step, 500, "正在处理")
            check_cancelled(task)
            time.sleep(0.01)

    try:
        writer.submit(long_work, "long", on_error=errors.append)
        qtbot.waitUntil(started.is_set, timeout=3000)
        qtbot.waitUntil(lambda: writer._dialog is not None, timeout=3000)  # polled every 100 ms
        writer._dialog.cancel()
        qtbot.waitUntil(lambda: bool(errors), timeout=3000)
        assert isinstance(errors[0], Cancelled)
        writer.submit(lambda _library, _progress: 1 / 0, "bug", on_error=errors.append)
        qtbot.waitUntil(lambda: len(errors) == 2, timeout=3000)
        assert "ZeroDivisionError" in str(errors[1])
    finally:
        writer.shutdown()
