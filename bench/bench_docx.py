"""Benchmark: Word catalogues against the PDF of the same list in the same run (prints JSON).

    .venv/bin/python bench/bench_docx.py [--items 1000] [--departments 44] [--repeat 3]

Both writers get the same specs: a department's 1,000-item licence list, and every department
as one document (the PDF's book with its table of contents, the Word file with a section per
department).  Target: the Word export takes at most 1.5× the PDF export.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalogue_data import all_department_specs, department_spec  # noqa: E402
from common import median_pair, parse_arguments  # noqa: E402

from lawgov_desktop.exporters.docx import write_catalogue_docx  # noqa: E402
from lawgov_desktop.exporters.fonts import resolve_font  # noqa: E402
from lawgov_desktop.exporters.pdf import write_catalogue, write_catalogue_book  # noqa: E402

BOOK_TITLE = "汕尾市行政许可事项清单（2022年版）"


def figures(docx: float, pdf: float, docx_path: Path, **extra: object) -> dict[str, object]:
    return {**extra, "docx_s": round(docx, 3), "pdf_s": round(pdf, 3), "ratio": round(docx / pdf, 3),
            "target_ratio": 1.5, "docx_kb": round(docx_path.stat().st_size / 1024)}


def main() -> None:
    args = parse_arguments(__doc__, repeat=3, items=1000, departments=44)

    resolve_font()  # load and register the PDF's font once, outside the timings
    spec = department_spec("市市场监督管理局", args.items)
    specs = all_department_specs(args.items, args.departments)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        docx, pdf = median_pair(args.repeat, lambda: write_catalogue_docx(spec, out / "one.docx"),
                                lambda: write_catalogue(spec, out / "one.pdf"))
        department = figures(docx, pdf, out / "one.docx", items=spec.item_count)
        docx, pdf = median_pair(args.repeat, lambda: write_catalogue_docx(specs, out / "all.docx", title=BOOK_TITLE),
                                lambda: write_catalogue_book(specs, out / "all.pdf", title=BOOK_TITLE))
        book = figures(docx, pdf, out / "all.docx", departments=len(specs), items=sum(s.item_count for s in specs))
    print(json.dumps({"department_catalogue": department, "all_departments_one_document": book},
                     ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
