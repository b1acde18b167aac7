"""Helpers the window tests share."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from lawgov_desktop.core.queries import ListFilter
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


def form_renaming(view, old: str, new: str):  # noqa: ANN001, ANN201
    """The form of the list's record named ``old``, open with ``new`` typed as its name (not saved)."""
    view.select_id(view.session.library.lists.query(view.spec.kind, ListFilter(text=old)).rows[0]["id"])
    dialog = view.edit_current()
    dialog.widgets["name"].setText("")
    type_text(dialog.widgets["name"], new)
    return dialog
