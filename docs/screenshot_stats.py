"""Open the window on a demo database with one of the report pages on screen, for the README's screenshots.

    docs/screenshot.sh docs/screenshot-stats.png 8 \
        .venv/bin/python docs/screenshot_stats.py /tmp/stats-demo.sqlite3 stats 1

The database is bench/window_data.py's real-looking demo list, plus a few items set by provincial
rules and a saved "2022年版" followed by this year's adjustment, so every page has something to show.
The second argument names the page: stats (default), compare or reference, or a list kind; a third
picks the statistics tab (1: licence items by department, as in the README).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.window_data import build_demo  # noqa: E402
from docs.screenshot_window import run_window  # noqa: E402
from lawgov_desktop.core.library import Library  # noqa: E402
from lawgov_desktop.ui.main_window import MainWindow  # noqa: E402

LOCAL_ITEMS = (
    ("市人民防空办公室", "市人防办", "防空地下室易地建设审批"),
    ("市人民防空办公室", "市人防办", "拆除人民防空工程审批"),
    ("市交通运输局", "市交通局", "港口岸线使用审批"),
    ("市海洋与渔业局", "市海渔局", "渔业船舶船名核定"),
    ("市水务局", "", "河道管理范围内特定活动审批"),
)


def build(path: Path) -> None:
    """The demo list, a saved 2022 version, then this year's changes."""
    path.unlink(missing_ok=True)
    build_demo(path)
    with Library(path) as lib:
        for department, alias, name in LOCAL_ITEMS:
            if lib.records.find_department(department) is None:
                lib.records.create("department", {"name": department, "aliases": alias, "level": "市级"})
            lib.records.create("licence", {"department": department, "name": name, "part": "local", "level": "市级",
                                   "legal_basis": "《广东省人民防空工程管理规定》"})
        lib.versions.save_version("2022年版", "2022年10月公布")
        first = lib.lists.query("licence", limit=1).rows[0]
        lib.records.update("licence", first["id"], {"level": "县级", "remark": "2023年调整为县级实施"})
        last = lib.lists.query("licence", sort="position", descending=True, limit=1).rows[0]
        lib.records.delete("licence", last["id"])
        lib.records.create("licence", {"department": "市市场监督管理局", "name": "食品经营许可", "part": "central",
                               "level": "县级", "legal_basis": "《中华人民共和国食品安全法》"})


def show(window: MainWindow, page: str, tab: int | None) -> None:
    """A report page (on its ``tab`` when given) or a list."""
    if window.reports.owns(page):
        shown = window.reports.show(page)
        if tab is not None:
            shown.tabs.setCurrentIndex(tab)
    else:
        window.show_list(page)


def main() -> int:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/stats-demo.sqlite3")
    page = sys.argv[2] if len(sys.argv) > 2 else "stats"
    tab = int(sys.argv[3]) if len(sys.argv) > 3 else None
    build(path)
    return run_window(path, lambda window: show(window, page, tab), size=(1560, 940))


if __name__ == "__main__":
    sys.exit(main())
