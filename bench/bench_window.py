"""How fast the window is on a 100,000-record database (issue 3's performance targets).

Measured in fresh subprocesses, offscreen:
* first paint: from process start to the first paint of the filled licence table, against a bare
  PySide6 window (QMainWindow with an empty QTableView) in the same run; target ratio <= 2.5;
* search: time from the debounce firing to the repainted table, for 1- to 4-character Chinese
  terms on the licence and power lists; target p95 <= 100 ms;
* scrolling the licence list from top to bottom a screenful at a time; target: no step > 100 ms;
* resident memory after all of that (``resource.getrusage``); target < 300 MB.

Usage: ``python bench/bench_window.py [--db PATH] [--runs N]`` (the database is built when PATH
does not exist yet; pass the same PATH again to skip the 10 s build).  Prints JSON.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from window_data import build_large  # noqa: E402

# Each child prints the wall-clock time of its first paint of a filled table, then quits.
_PAINT_PROBE = """
import time
from PySide6.QtCore import QObject, QEvent, QTimer
class PaintProbe(QObject):
    def __init__(self, app, table, need_rows):
        super().__init__()
        self.app, self.table, self.need_rows = app, table, need_rows
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and (not self.need_rows or self.table.model().rowCount() > 0):
            print(time.time(), flush=True)
            QTimer.singleShot(0, self.app.quit)
        return False
"""
_BARE = _PAINT_PROBE + """
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
window = QMainWindow()
table = QTableView()
window.setCentralWidget(table)
probe = PaintProbe(app, table, False)
table.viewport().installEventFilter(probe)
window.resize(1500, 900)
window.show()
app.exec()
"""
_OURS = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QTableView
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from lawgov_desktop.ui import app as program

class FirstFilledPaint(QObject):
    # The first paint of any table viewport that shows rows: the clerk sees the first page.
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            table = watched.parent()
            if isinstance(table, QTableView) and table.model() is not None and table.model().rowCount() > 0:
                print(time.time(), flush=True)
                QTimer.singleShot(0, table.window().close)
        return False

create_application = program.create_application
def create_with_probe(argv=None):
    qapp = create_application(argv)
    qapp._probe = FirstFilledPaint()
    qapp.installEventFilter(qapp._probe)
    return qapp
program.create_application = create_with_probe
program.main(["--db", sys.argv[1]])  # the real start: the same path as lawgov-desktop
"""
# Search, scroll and memory in one window, as a clerk's session would go.
_INTERACTIVE = """
import json, resource, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from lawgov_desktop.ui.app import Launcher, create_application
app = create_application()
launcher = Launcher()
window = launcher.open(Path(sys.argv[1]))
app.processEvents()
TERMS = {1: ["市", "证", "罚", "许", "条"], 2: ["食品", "排污", "处罚", "建设", "许可"],
         3: ["食品生", "安全法", "危险化", "对单位"], 4: ["食品生产", "中华人民", "道路运输", "违法建设"]}
searches = {}
for kind in ("licence", "power"):
    view = window.show_list(kind)
    app.processEvents()
    for length, terms in TERMS.items():
        for term in terms:
            for _ in range(3):
                view.search.setText(term)           # starts the 200 ms debounce
                start = time.perf_counter()
                view.search_timer.timeout.emit()    # the debounce fires
                view.table.viewport().repaint()     # the table as the clerk sees it
                searches.setdefault(length, []).append((time.perf_counter() - start) * 1000)
                app.processEvents()
    view.search.clear()
    view.apply_filter()
view = window.show_list("licence")
app.processEvents()
bar = view.table.verticalScrollBar()
steps, stall, position = 0, 0.0, 0
while True:
    start = time.perf_counter()
    bar.setValue(position)
    view.table.viewport().repaint()
    app.processEvents()
    stall = max(stall, (time.perf_counter() - start) * 1000)
    steps += 1
    if position >= bar.maximum():
        break
    position = min(bar.maximum(), position + bar.pageStep())
start = time.perf_counter()
bar.setValue(0)
view.table.viewport().repaint()
jump_top = (time.perf_counter() - start) * 1000
print(json.dumps({"searches": searches, "scroll_steps": steps, "scroll_max_stall_ms": stall,
                  "jump_to_top_ms": jump_top, "rows": view.model.total,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
window.close()
launcher.release()
"""


def _first_paint_ms(code: str, args: list[str]) -> float:
    """Milliseconds from starting a fresh Python to its first paint of a filled table."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.time()
    output = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True,
                            check=True, timeout=120).stdout
    return (float(output.strip().splitlines()[-1]) - start) * 1000


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "lawgov-bench-100k.sqlite3")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not args.db.exists():
        build_large(args.db)
    # An installed program has its bytecode compiled (pip and PyInstaller do it); a source checkout
    # run with PYTHONDONTWRITEBYTECODE would compile every module at each start instead.
    compileall.compile_dir(str(Path(__file__).resolve().parent.parent / "lawgov_desktop"), quiet=1)
    settings_dir = tempfile.mkdtemp(prefix="lawgov-bench-settings-")
    bare, ours = [], []
    for _ in range(args.runs):  # alternate, so both see the same machine load
        bare.append(_first_paint_ms(_BARE, []))
        ours.append(_first_paint_ms(_OURS, [str(args.db), settings_dir]))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = json.loads(subprocess.run([sys.executable, "-c", _INTERACTIVE, str(args.db), settings_dir], env=env,
                                       capture_output=True, text=True, check=True, timeout=600).stdout)
    searches = {int(length): times for length, times in result["searches"].items()}
    all_searches = [value for times in searches.values() for value in times]
    bare_ms, ours_ms = statistics.median(bare), statistics.median(ours)
    report = {
        "records": 100_000,
        "licence_rows_listed": result["rows"],
        "bare_window_first_paint_ms": round(bare_ms, 1),
        "window_first_page_paint_ms": round(ours_ms, 1),
        "first_paint_ratio": round(ours_ms / bare_ms, 2),
        "first_paint_runs_ms": {"bare": [round(v) for v in bare], "window": [round(v) for v in ours]},
        "search_p95_ms": round(_p95(all_searches), 1),
        "search_p95_ms_by_term_length": {length: round(_p95(times), 1) for length, times in sorted(searches.items())},
        "search_max_ms": round(max(all_searches), 1),
        "scroll_steps": result["scroll_steps"],
        "scroll_max_stall_ms": round(result["scroll_max_stall_ms"], 1),
        "jump_to_top_ms": round(result["jump_to_top_ms"], 1),
        "rss_mb": round(result["rss_mb"], 1),
    }
    report["targets_met"] = {
        "first_paint_ratio<=2.5": report["first_paint_ratio"] <= 2.5,
        "search_p95<=100ms": report["search_p95_ms"] <= 100,
        "scroll_stall<=100ms": report["scroll_max_stall_ms"] <= 100,
        "rss<300MB": report["rss_mb"] < 300,
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
