"""Benchmark: catalogue PDFs against a bare reportlab LongTable of the same rows (prints JSON).

    .venv/bin/python bench/bench_pdf.py [--items 1000] [--repeat 3] [--departments 44]

The baseline gets the same rows (sub-items as rows), columns, column widths and embedded font,
with Paragraph cells (wordWrap='CJK') — a table without wrapping would not be a catalogue.
Target: write_catalogue takes at most 1.3× the baseline.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, TableStyle

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalogue_data import all_department_specs, department_spec  # noqa: E402

from lawgov_desktop.core.fields import field_label  # noqa: E402
from lawgov_desktop.exporters.fonts import resolve_font  # noqa: E402
from lawgov_desktop.exporters.pdf import column_widths, write_catalogue, write_catalogue_book  # noqa: E402


def bare_longtable(spec, path: Path, font_name: str) -> None:
    """The reference: one LongTable, header repeated, nothing else."""
    style = ParagraphStyle("cell", fontName=font_name, fontSize=spec.font_size,
                           leading=round(spec.font_size * 1.35, 1), wordWrap="CJK")
    data = [[Paragraph(field_label(spec.kind, c), style) for c in spec.columns]]
    for section in spec.sections:
        for number, row in enumerate(section.rows, start=1):
            for sub in row.sub_rows or [{}]:
                values = {**row.values, **sub, "sequence": str(number)}
                data.append([Paragraph(values.get(c, ""), style) for c in spec.columns])
    page = landscape(A4)
    width = page[0] - 50 * mm
    table = LongTable(data, colWidths=column_widths(spec.columns, width, spec.font_size, spec.kind), repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    doc = SimpleDocTemplate(str(path), pagesize=page, leftMargin=28 * mm, rightMargin=22 * mm,
                            topMargin=25 * mm, bottomMargin=22 * mm)
    doc.build([table])


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--departments", type=int, default=44)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    font = resolve_font()  # load and register once, outside the timings
    spec = department_spec("市市场监督管理局", args.items)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        ours, bare, pages = [], [], 0
        for _ in range(args.repeat):  # interleaved so both see the same machine state
            bare.append(timed(lambda: bare_longtable(spec, out / "bare.pdf", font.name)))
            result = None

            def run() -> None:
                nonlocal result
                result = write_catalogue(spec, out / "ours.pdf")

            ours.append(timed(run))
            pages = result.pages
        specs = all_department_specs(args.items, args.departments)
        book_result = None

        def run_book() -> None:
            nonlocal book_result
            book_result = write_catalogue_book(specs, out / "book.pdf", title="汕尾市行政许可事项清单（2022年版）")

        book_seconds = timed(run_book)
    print(json.dumps({
        "font": font.path,
        "department_catalogue": {
            "items": spec.item_count,
            "table_rows": sum(max(1, len(r.sub_rows)) for s in spec.sections for r in s.rows),
            "pages": pages,
            "write_catalogue_s": round(statistics.median(ours), 3),
            "bare_longtable_s": round(statistics.median(bare), 3),
            "ratio": round(statistics.median(ours) / statistics.median(bare), 3),
            "target_ratio": 1.3,
        },
        "all_departments_book": {
            "departments": len(specs),
            "items": sum(s.item_count for s in specs),
            "pages": book_result.pages,
            "seconds": round(book_seconds, 3),
        },
    }, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
