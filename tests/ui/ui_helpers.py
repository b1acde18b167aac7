"""Helpers the window tests share."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from lawgov_desktop.ui.session import Session


def type_text(widget: QWidget, text: str) -> None:
    """Type Chinese the way an input method does (qtbot.keyClicks aborts on non-Latin-1 text)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def wait_idle(qtbot, session: Session) -> None:  # noqa: ANN001
    """Until the background writer has finished everything queued."""
    assert session.writer is not None
    qtbot.waitUntil(lambda: not session.writer.busy, timeout=5000)
