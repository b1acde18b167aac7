"""Run the window for a screenshot, the one way every docs screenshot script opens it: each script
only builds its database and puts its screen up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lawgov_desktop.ui.app import Launcher, create_application
from lawgov_desktop.ui.main_window import MainWindow


def run_window(path: Path, arrange: Callable[[MainWindow], object], size: tuple[int, int] | None = None) -> int:
    """Open the window on ``path`` (``size`` pixels at the top left when given), let ``arrange`` put
    the screen up, and run until the screenshot tool closes it; 1 when the database does not open."""
    app = create_application()
    launcher = Launcher()
    window = launcher.open(path)
    if window is None:
        return 1
    if size is not None:
        window.setGeometry(20, 20, *size)
    arrange(window)
    try:
        return app.exec()
    finally:
        launcher.release()
