"""Benchmark: catalogue PDFs against a bare reportlab LongTable of the same rows (prints JSON).

    .venv/bin/python bench/bench_pdf.py [--items 1000] [--repeat 3] [--departments 44]

The baseline gets the same rows (sub-items as rows), columns, column widths and embedded font,
with Paragraph cells (wordWrap='CJK') — a table without wrapping would not be a catalogue.
Target: write_catalogue takes at most 1.3× the baseline.

The ``*_library`` figures take the path the window and ``lawgov export`` take: the items are
imported into a database first (not timed), then read back through the library into specs and
written; the baseline for the all-departments batch is one bare LongTable file per department.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, TableStyle

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalogue_data import all_department_specs, build_library, department_spec  # noqa: E402
from common import median_pair, parse_arguments, seconds  # noqa: E402

from lawgov_desktop.core.layouts import field_label  # noqa: E402
from lawgov_desktop.core.queries import ListFilter  # noqa: E402
from lawgov_desktop.exporters.catalogue import department_catalogues, licence_catalogue  # noqa: E402
from lawgov_desktop.exporters.fonts import resolve_font  # noqa: E402
from lawgov_desktop.exporters.model import column_widths  # noqa: E402
from lawgov_desktop.exporters.pdf import (  # noqa: E402
    write_catalogue,
    write_catalogue_book,
    write_catalogues_to_folder,
)


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


def figures(ours: float, bare: float, **extra: object) -> dict[str, object]:
    return {**extra, "ours_s": round(ours, 3), "bare_longtable_s": round(bare, 3), "ratio": round(ours / bare, 3),
            "target_ratio": 1.3}


def main() -> None:
    args = parse_arguments(__doc__, repeat=3, items=1000, departments=44)

    font = resolve_font()  # load and register once, outside the timings
    spec = department_spec("市市场监督管理局", args.items)
    specs = all_department_specs(args.items, args.departments)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        pages = {}

        def ours_spec() -> None:
            pages["spec"] = write_catalogue(spec, out / "ours.pdf").pages

        ours, bare = median_pair(args.repeat, ours_spec, lambda: bare_longtable(spec, out / "bare.pdf", font.name))
        department = figures(ours, bare, items=spec.item_count, pages=pages["spec"],
                             table_rows=sum(max(1, len(r.sub_rows)) for s in spec.sections for r in s.rows))

        one = build_library([spec], out / "one.sqlite3")
        market = ListFilter(department_ids=(one.records.find_department("市市场监督管理局"),))

        def ours_library() -> None:
            pages["library"] = write_catalogue(licence_catalogue(one, market), out / "lib.pdf").pages

        ours, bare = median_pair(args.repeat, ours_library,
                                 lambda: bare_longtable(licence_catalogue(one, market), out / "bare.pdf", font.name))
        department_library = figures(ours, bare, pages=pages["library"])
        one.close()

        city = build_library(specs, out / "city.sqlite3")
        (out / "folder").mkdir()

        def ours_folder() -> None:
            pages["folder"] = sum(r.pages for r in write_catalogues_to_folder(department_catalogues(city),
                                                                              out / "folder"))

        def bare_folder() -> None:
            for number, department_spec_ in enumerate(department_catalogues(city)):
                bare_longtable(department_spec_, out / f"bare{number}.pdf", font.name)

        ours, bare = median_pair(args.repeat, ours_folder, bare_folder)
        folder_library = figures(ours, bare, departments=len(specs), items=sum(s.item_count for s in specs),
                                 files=len(specs), pages=pages["folder"])

        def ours_book() -> None:
            pages["book"] = write_catalogue_book(department_catalogues(city), out / "book.pdf",
                                                 title="汕尾市行政许可事项清单（2022年版）").pages

        book_seconds = seconds(ours_book)
        city.close()
    print(json.dumps({
        "font": font.path,
        "department_catalogue": department,
        "department_catalogue_library": department_library,
        "all_departments_folder_library": folder_library,
        "all_departments_book_library": {"pages": pages["book"], "seconds": round(book_seconds, 3)},
    }, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
