"""Benchmark: the public site of 100,000 records against writing the same rows as bare JSON (prints JSON).

    .venv/bin/python bench/bench_site.py [--items 100000] [--departments 44] [--repeat 3]

The baseline is ``json.dumps`` of every printed row (sub-items as rows, as the department pages
show them) written to one file: what any export of the data costs at least.  Targets: the site
builds in at most 10 s; a keystroke in its search answers in at most 100 ms in Chromium (when
Debian's chromium is installed: one- to three-character terms typed into the index page, each
keystroke timed with the layout it causes; also how long the index takes to be ready for typing).
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "exporters"))
from catalogue_data import all_department_specs  # noqa: E402
from common import median_pair, parse_arguments  # noqa: E402
from external_tools import type_in_site_search  # noqa: E402

from lawgov_desktop.exporters.site import write_site  # noqa: E402

TERMS = ["许", "食品", "经营许", "0001", "（新办）", "不存在的事项"]


def bare_json(specs, path: Path) -> None:
    rows = [{**row.values, **sub} for spec in specs for section in spec.sections for row in section.rows
            for sub in (row.sub_rows or [{}])]
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def main() -> None:
    args = parse_arguments(__doc__, repeat=3, items=100_000, departments=44)

    specs = all_department_specs(args.items, args.departments)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        ours, bare = median_pair(args.repeat, lambda: write_site(specs, out / "site"),
                                 lambda: bare_json(specs, out / "rows.json"))
        size = sum(path.stat().st_size for path in (out / "site").iterdir())
        figures: dict[str, object] = {
            "items": sum(spec.item_count for spec in specs), "departments": len(specs),
            "site_s": round(ours, 3), "bare_json_s": round(bare, 3), "ratio": round(ours / bare, 2),
            "target_site_s": 10, "site_mb": round(size / 2**20, 1),
            "data_js_mb": round((out / "site" / "data.js").stat().st_size / 2**20, 1),
        }
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium:
            typed = type_in_site_search(chromium, out / "site", TERMS, out / "profile")
            figures["keystroke_ms"] = {entry["term"]: round(entry["slowest_ms"], 1) for entry in typed}
            figures["page_ready_ms"] = round(typed[0]["ready_ms"])
            figures["matches"] = {entry["term"]: entry["status"] for entry in typed}
            figures["target_keystroke_ms"] = 100
        else:
            figures["keystroke_ms"] = "chromium not installed"
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
