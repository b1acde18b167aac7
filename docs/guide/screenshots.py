"""Open the window with one screen of the user guide on show, for its screenshots.

    docs/screenshot.sh docs/guide/images/welcome.png 6 \
        .venv/bin/python docs/guide/screenshots.py welcome /tmp/guide-shots

Screens: welcome (an empty database), main (the sample database), import (the import wizard on
the sample licence workbook, over an empty county database), print (the print preview of one
department's catalogue), compare (the sample list saved as 2022年版, then changed, compared with
the current list), backups (the 备份与恢复 window).  Everything is built afresh in FOLDER, with
private settings, so the pictures show what a clerk sees on a first start.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from docs.screenshot_window import run_window  # noqa: E402
from lawgov_desktop.core.library import Library  # noqa: E402
from lawgov_desktop.core.queries import ListFilter  # noqa: E402
from lawgov_desktop.importers.sample import build_sample_database, write_sample_workbooks  # noqa: E402
from lawgov_desktop.ui.main_window import MainWindow  # noqa: E402

SCREENS = ("welcome", "main", "import", "print", "compare", "backups")


def prepare(screen: str, folder: Path) -> Path:
    """The database the screen is shown on."""
    if screen in ("welcome", "import"):
        path = folder / "海丰县清单.sqlite3"
        Library(path).close()
        return path
    path = build_sample_database(folder / "data" / "示例数据库.sqlite3")
    if screen == "compare":
        with Library(path) as lib:
            lib.versions.save_version("2022年版", "2022年10月公布")
            food = lib.lists.query("licence", ListFilter(text="食品生产许可"), limit=1).rows[0]
            lib.records.update("licence", food["id"], {"level": "县级", "remark": "2023年调整为县级实施"})
            lib.records.delete("licence", lib.lists.query("licence", ListFilter(text="农药经营许可"), limit=1).rows[0]["id"])
            lib.records.create("licence", {"department": "市市场监督管理局", "name": "食品经营许可", "part": "central",
                                   "level": "县级", "legal_basis": "《中华人民共和国食品安全法》"})
    return path


def show(screen: str, window: MainWindow, folder: Path) -> None:
    """Bring the screen up once the window is on screen."""
    if screen == "import":
        window.import_workbook(write_sample_workbooks(folder / "工作簿")[0])
    elif screen == "print":
        view = window.show_list("licence")
        department = window.session.library.records.find_department("市市场监督管理局")
        view.set_filter(ListFilter(department_ids=(department,)))
        window.printing.preview()
    elif screen == "compare":
        page = window.reports.show("compare")
        versions = window.session.library.versions.all_versions()
        page.compare_sides(versions[-1]["id"], None)
    elif screen == "backups":
        window.safety.backup_now()
        QTimer.singleShot(1500, window.safety.show_backups)


def main() -> int:
    screen = sys.argv[1] if len(sys.argv) > 1 else "main"
    folder = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/guide-shots") / screen
    if screen not in SCREENS:
        print(f"screen must be one of {', '.join(SCREENS)}", file=sys.stderr)
        return 2
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    os.environ["LAWGOV_DATA_DIR"] = str(folder / "data")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    path = prepare(screen, folder)
    return run_window(path, lambda window: QTimer.singleShot(500, lambda: show(screen, window, folder)),
                      size=(1400, 860))


if __name__ == "__main__":
    sys.exit(main())
