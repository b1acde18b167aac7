"""The program's own icon: a list document with a red seal, drawn once (``resources/icons/lawgov.svg``).

It is loaded from pixel-exact PNGs at every size a screen asks for (16 px at 100 % up to 64 px at
400 %), so it is sharp on high-DPI screens without depending on Qt's SVG plugins; ``lawgov.ico``
is the same set for the Windows executable.  Toolbar and menu icons are Qt's standard icons,
which follow the platform's style.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from lawgov_desktop.core.paths import shipped_dir

SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The application icon with one pixmap per size."""
    folder = shipped_dir("resources") / "icons"
    icon = QIcon()
    for size in SIZES:
        icon.addFile(str(folder / f"lawgov-{size}.png"))
    return icon
