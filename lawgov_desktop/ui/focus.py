"""A visible focus ring: where the keyboard is after Tab, on lists, buttons and facets.

Fusion marks the focused list or button so faintly (a pale current-cell outline, a slightly bluer
border) that a clerk who tabs from the search box cannot see where Space or Enter will act.  One
``QFocusFrame`` in the highlight colour follows the keyboard focus to the widgets that lack a
clear mark of their own; line edits keep Fusion's highlighted border, and a click moves focus
without a ring (the pointer shows where the clerk is).  The ring is drawn above the window's
widgets (as macOS draws it), not inside the list's parent, which would cut it off at the edges
of a splitter pane.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFocusFrame,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)
from shiboken6 import isValid

# The widgets that get the ring; line edits, spin boxes and text fields show focus themselves.
RINGED = (QAbstractItemView, QAbstractButton, QComboBox)


class _AboveWidgets(QProxyStyle):
    """The application's style, with the focus frame drawn over the widgets around it."""

    def styleHint(self, hint: QStyle.StyleHint, option: QStyleOption | None = None,  # noqa: N802 - Qt API
                  widget: QWidget | None = None, data: object = None) -> int:
        if hint == QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1
        return super().styleHint(hint, option, widget, data)


class FocusRing(QObject):
    """Draws the ring around the widget the keyboard moved the focus to."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.frame: QFocusFrame | None = None
        self._style = _AboveWidgets()
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        by_keyboard = new is not None and new.window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        target = new if by_keyboard and isinstance(new, RINGED) else None
        if self.frame is None or not isValid(self.frame):  # it lives with the ringed widget's parent
            if target is None:
                return
            self.frame = QFocusFrame()
            self.frame.setObjectName("focus_ring")
            self.frame.setStyle(self._style)
            palette = self.frame.palette()
            palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.Highlight))
            self.frame.setPalette(palette)
        self.frame.setWidget(target)

    def widget(self) -> QWidget | None:
        """The widget ringed now (None: no ring on screen)."""
        return self.frame.widget() if self.frame is not None and isValid(self.frame) else None


def show_keyboard_focus(app: QApplication) -> FocusRing:
    """Ring the focused list, button or facet after Tab (once per application)."""
    ring = app.findChild(FocusRing)
    return ring if isinstance(ring, FocusRing) else FocusRing(app)
