"""Open the window on a demo database with the change history or the backups window on screen.

    docs/screenshot.sh docs/screenshot-history.png 8 \
        .venv/bin/python docs/screenshot_history.py /tmp/history-demo.sqlite3 history

The database is bench/window_data.py's real-looking demo list, then a day of a clerk's (and a
colleague's) edits, a deletion and two backups, so both windows have something to show.
The last argument is history (default) or backups.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.window_data import build_demo  # noqa: E402
from docs.screenshot_window import run_window  # noqa: E402
from lawgov_desktop.core.library import Library  # noqa: E402
from lawgov_desktop.ui.main_window import MainWindow  # noqa: E402


def build(path: Path) -> None:
    """The demo list, a backup, then edits by two clerks."""
    path.unlink(missing_ok=True)
    shutil.rmtree(path.with_name(path.stem + "-backups"), ignore_errors=True)
    build_demo(path)
    with Library(path, user="李敏") as lib:
        lib.backups.backup(reason="daily")
        items = lib.lists.query("licence", limit=4).rows
        lib.records.update("licence", items[0]["id"], {"level": "县级", "remark": "2023年调整为县级实施"})
        lib.records.update("licence", items[1]["id"], {"legal_basis": "《中华人民共和国食品安全法》第三十五条"})
        lib.records.delete("licence", items[3]["id"])
    with Library(path, user="陈志强") as lib:
        department = lib.lists.query("department", limit=1).rows[0]
        lib.records.update("department", department["id"], {"remark": "2023年机构改革后更名", "credit_code": "11441500007185321X"})
        lib.backups.backup(reason="before-import")
        lib.records.update("licence", items[2]["id"], {"status": "暂停"})
        lib.history.revert_change(lib.history.change_log(entity="licence", entity_id=items[1]["id"], limit=1).rows[0]["id"])


def show(window: MainWindow, screen: str) -> None:
    """The backups window, or the history with one change selected."""
    if screen == "backups":
        window.safety.show_backups()
    else:
        history = window.safety.show_history()
        history.table.selectRow(4 if screen == "history" else 2)


def main() -> int:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/history-demo.sqlite3")
    screen = sys.argv[2] if len(sys.argv) > 2 else "history"
    os.environ.setdefault("LAWGOV_USER", "李敏")
    build(path)
    return run_window(path, lambda window: show(window, screen))


if __name__ == "__main__":
    sys.exit(main())
