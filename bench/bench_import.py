"""Benchmark: importing workbooks end to end, against the raw work any importer must at least do.

Prints one JSON document. Everything in it is measured in the same run (the machine is noisy; the
ratios are what count), each timed program in a fresh process:

* A generated 50,000-row power workbook (``--rows``): the wall time of ``lawgov import`` (new
  database already created), of python-calamine alone reading the file, of openpyxl's read-only
  mode alone, and of the *raw pipeline* — python-calamine reading the file plus one bare
  ``executemany`` of its data rows into a plain SQLite table with two indexes (name, department),
  a file-backed database in WAL mode with ``synchronous=FULL`` like the product, one transaction,
  no validation, no search index.  Also the peak memory of the import, and where its time goes
  (read, shape, plan/validate, write, index) measured in-process.
* The real 权责清单 workbooks in ``/work/shared/real-lists/karamay/`` (``--real-dir``; read in
  place, never copied; ``--skip-real`` leaves them out): one process opens a new, empty database (made beforehand with
  ``lawgov init``) with ``Library`` and calls ``import_file`` for each file in turn, against one process reading the
  same files with python-calamine.  Per file: the import time or the error it raised, and the
  calamine time.  A file the importer cannot handle yet is reported, not fatal.

Targets: power workbook ``lawgov import`` ≤ 2× the raw pipeline and peak memory < 500 MB;
the real workbooks imported in one process ≤ 3× calamine reading them in one process (only
meaningful when every file imported).  The older ratios to calamine and openpyxl alone are still
reported for the power workbook.

    .venv/bin/python bench/bench_import.py [--rows 50000] [--repeat 1] [--skip-real] [--real-dir DIR]
"""

from __future__ import annotations

import argparse
import compileall
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
REAL_DIR = Path("/work/shared/real-lists/karamay")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from window_data import DOMAINS, LAWS, OFFENCES, SUBJECTS  # noqa: E402

DEPARTMENTS = ("市市场监督管理局", "市生态环境局", "市城市管理和综合执法局", "市自然资源局", "市农业农村局",
               "市海洋与渔业局", "市卫生健康局", "市应急管理局", "城区住房和城乡建设局", "海丰县市场监督管理局")
STREETS = ("田墘街道", "东洲街道", "遮浪街道", "城区香洲街道", "城区捷胜镇", "海丰县梅陇镇", "陆丰市碣石镇")
HEADER = ("序号", "事项编码", "事项名称", "职权类型", "执法领域", "实施依据", "处罚种类及幅度", "原实施主体",
          "承接主体", "下放方式", "生效时间", "文号", "备注")
TITLE_ROWS = 2  # each generated sheet: a title row, then the header row, then data rows


def write_workbook(path: Path, rows: int, seed: int = 11) -> None:
    """A power list in three batch sheets, codes stored as numbers, several townships per cell."""
    import openpyxl

    rng = random.Random(seed)
    book = openpyxl.Workbook(write_only=True)
    per_sheet = rows // 3
    index = 0
    for batch in ("第一批", "第二批", "第三批"):
        sheet = book.create_sheet(batch)
        sheet.append([f"汕尾市{batch}镇街赋权事项目录"])
        sheet.append(list(HEADER))
        count = per_sheet if batch != "第三批" else rows - 2 * per_sheet
        for _ in range(count):
            index += 1
            laws = "\n".join(f"《{law}》第{rng.randint(2, 90)}条" for law in rng.sample(LAWS, 2))
            sheet.append([
                index, 4415000000000 + index, f"对{rng.choice(SUBJECTS)}{rng.choice(OFFENCES)}的行政处罚（{index}）",
                "行政处罚", rng.choice(DOMAINS), laws, "责令改正，处一千元以上一万元以下罚款",
                rng.choice(DEPARTMENTS), "、".join(rng.sample(STREETS, rng.randint(1, 3))), "依法下放",
                "2022年10月1日", "汕府函(2022)136号", None,
            ])
    book.save(path)


def run_process(code: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    result = subprocess.run(code, capture_output=True, text=True, cwd=ROOT)
    return time.perf_counter() - start, result


def timed_process(code: list[str], repeat: int = 1) -> tuple[float, str]:
    """The fastest of ``repeat`` runs and its output; a failure stops the benchmark."""
    best: tuple[float, str] | None = None
    for _ in range(repeat):
        elapsed, result = run_process(code)
        if result.returncode != 0:
            raise SystemExit(f"failed: {code}\n{result.stderr}")
        if best is None or elapsed < best[0]:
            best = (elapsed, result.stdout)
    assert best is not None
    return best


MAXRSS = "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024"
CALAMINE = ("import resource, sys, python_calamine; wb = python_calamine.CalamineWorkbook.from_path(sys.argv[1]);"
            " print(sum(len(wb.get_sheet_by_name(n).to_python()) for n in wb.sheet_names)); print(" + MAXRSS + ")")
OPENPYXL = ("import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True);"
            " print(sum(1 for ws in wb.worksheets for _ in ws.iter_rows(values_only=True)))")
IMPORT = ("import resource, sys; from lawgov_desktop.cli.main import main; code = main(sys.argv[1:]);"
          " print(" + MAXRSS + "); sys.exit(code)")
# The least any importer pays: read with calamine, one executemany into an indexed table, one transaction.
RAW_PIPELINE = f"""
import resource, sqlite3, sys, python_calamine
book, db, skip, width = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
wb = python_calamine.CalamineWorkbook.from_path(book)
conn = sqlite3.connect(db, isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("PRAGMA synchronous=FULL")
columns = ", ".join(f"c{{i}}" for i in range(width))
conn.execute(f"CREATE TABLE row_data (id INTEGER PRIMARY KEY, {{columns}})")
conn.execute("CREATE INDEX row_data_name ON row_data (c2)")
conn.execute("CREATE INDEX row_data_department ON row_data (c7)")
insert = f"INSERT INTO row_data ({{columns}}) VALUES ({{', '.join('?' * width)}})"
count = 0
conn.execute("BEGIN")
for name in wb.sheet_names:
    rows = wb.get_sheet_by_name(name).to_python()[skip:]
    conn.executemany(insert, (row[:width] for row in rows))
    count += len(rows)
conn.execute("COMMIT")
conn.close()
print(count)
print({MAXRSS})
"""
# The real workbooks read in one process; some ``.xlsx`` there are OLE2 .xls inside, which
# from_filelike detects by content.
REAL_CALAMINE = f"""
import json, resource, sys, time, python_calamine
files = []
for path in sys.argv[1:]:
    start = time.perf_counter()
    with open(path, "rb") as handle:
        wb = python_calamine.CalamineWorkbook.from_filelike(handle)
        rows = sum(len(wb.get_sheet_by_name(n).to_python()) for n in wb.sheet_names)
    files.append({{"seconds": time.perf_counter() - start, "rows": rows, "sheets": len(wb.sheet_names)}})
print(json.dumps({{"files": files, "peak_memory_mb": {MAXRSS}}}))
"""
# The real workbooks imported one after another into one new (empty) database, as a clerk would.
REAL_IMPORT = f"""
import json, resource, sys, time, traceback
start = time.perf_counter()
from lawgov_desktop.core.errors import LawGovError
from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.plan import import_file
imports_seconds = time.perf_counter() - start
start = time.perf_counter()
lib = Library(sys.argv[1])
open_seconds = time.perf_counter() - start
files = []
for path in sys.argv[2:]:
    start = time.perf_counter()
    try:
        result = import_file(lib, path)
    except LawGovError as exc:
        files.append({{"seconds": time.perf_counter() - start, "error": str(exc)}})
    except Exception as exc:  # the importer is being rewritten: a bug is reported, not fatal
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        files.append({{"seconds": time.perf_counter() - start, "error": f"{{type(exc).__name__}}: {{exc}}",
                      "unexpected": True, "at": f"{{frame.filename}}:{{frame.lineno}} in {{frame.name}}"}})
    else:
        files.append({{"seconds": time.perf_counter() - start, "kind": result.kind, "inserted": result.inserted,
                      "updated": result.updated, "unchanged": result.unchanged,
                      "rejected": len(result.rejected), "warnings": len(result.warnings)}})
lib.close()
print(json.dumps({{"module_imports_seconds": imports_seconds, "library_open_seconds": open_seconds, "files": files,
                  "peak_memory_mb": {MAXRSS},
                  "children_peak_memory_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024}}))
"""


def phases(path: Path, db: Path) -> dict[str, float]:
    """Where the time goes, measured in this process with the library's own progress reports."""
    from lawgov_desktop.core.library import Library
    from lawgov_desktop.importers import plan as planning
    from lawgov_desktop.importers.readers import read_workbook
    from lawgov_desktop.importers.shaping import shape_sheet

    figures: dict[str, float] = {}
    start = time.perf_counter()
    workbook = read_workbook(path)
    figures["read"] = time.perf_counter() - start
    start = time.perf_counter()
    for sheet in workbook.sheets:
        shape_sheet(sheet)
    figures["shape"] = time.perf_counter() - start
    with Library(db) as lib:
        start = time.perf_counter()
        plan = planning.plan_import(lib, path)
        figures["plan_and_validate_incl_read_shape"] = time.perf_counter() - start
        marks: list[tuple[str, float]] = []
        start = time.perf_counter()
        lib.imports.apply_import(plan.changes, SimpleNamespace(report=lambda done, total, text: marks.append(
            (text, time.perf_counter())), cancelled=False))
        end = time.perf_counter()
    boundaries = [*marks, ("end", end)]
    for (message, at), (_, until) in zip(boundaries, boundaries[1:], strict=False):
        figures[f"apply: {message}"] = until - at
    figures["apply_total"] = end - start
    return {key: round(value, 3) for key, value in figures.items()}


def target(measured: float, limit: float, note: str | None = None) -> dict[str, object]:
    entry: dict[str, object] = {"measured": measured, "target": limit, "met": measured <= limit}
    if note:
        entry["met"] = None
        entry["note"] = note
    return entry


def power_workbook(book: Path, folder: Path, rows: int, repeat: int) -> dict[str, object]:
    write_workbook(book, rows)
    python = sys.executable
    calamine_s, calamine_out = timed_process([python, "-c", CALAMINE, str(book)], repeat)
    calamine_rows, calamine_peak = calamine_out.split()
    openpyxl_s, _ = timed_process([python, "-c", OPENPYXL, str(book)], repeat)
    raw_runs = []
    for attempt in range(repeat):
        raw_db = folder / f"raw-{attempt}.sqlite3"
        raw_runs.append(timed_process([python, "-c", RAW_PIPELINE, str(book), str(raw_db), str(TITLE_ROWS),
                                       str(len(HEADER))]))
    raw_s, raw_out = min(raw_runs)
    raw_rows, raw_peak = raw_out.split()
    import_runs = []
    for attempt in range(repeat):
        db = folder / f"import-{attempt}.sqlite3"
        timed_process([python, "-m", "lawgov_desktop.cli", "--db", str(db), "init"])
        import_runs.append(timed_process([python, "-c", IMPORT, "--db", str(db), "import", str(book), "--json"]))
    import_s, output = min(import_runs)
    *report, peak = output.strip().splitlines()
    result = json.loads("\n".join(report))
    return {
        "rows": rows,
        "file_mb": round(book.stat().st_size / 1e6, 1),
        "import_seconds": round(import_s, 2),
        "raw_pipeline_seconds": round(raw_s, 2),
        "calamine_alone_seconds": round(calamine_s, 2),
        "openpyxl_read_only_alone_seconds": round(openpyxl_s, 2),
        "ratio_to_raw_pipeline": round(import_s / raw_s, 2),
        "ratio_to_calamine": round(import_s / calamine_s, 2),
        "ratio_to_openpyxl": round(import_s / openpyxl_s, 2),
        "peak_memory_mb": int(peak),
        "raw_pipeline_peak_memory_mb": int(raw_peak),
        "calamine_peak_memory_mb": int(calamine_peak),
        "imported": {k: result[k] for k in ("inserted", "updated", "unchanged")} | {"rejected": len(result["rejected"])},
        "calamine_rows": int(calamine_rows),
        "raw_pipeline_rows": int(raw_rows),
    }


def real_workbooks(folder: Path, real_dir: Path, repeat: int) -> dict[str, object]:
    files = sorted(p for p in real_dir.iterdir() if p.is_file())
    python = sys.executable
    paths = [str(p) for p in files]
    calamine_s, calamine_out = timed_process([python, "-c", REAL_CALAMINE, *paths], repeat)
    calamine = json.loads(calamine_out)
    runs = []
    for attempt in range(repeat):
        db = folder / f"real-{attempt}.sqlite3"  # created beforehand, as for the 50,000-row workbook
        timed_process([python, "-m", "lawgov_desktop.cli", "--db", str(db), "init"])
        elapsed, process = run_process([python, "-c", REAL_IMPORT, str(db), *paths])
        runs.append((elapsed, attempt, process))
    import_s, _, process = min(runs, key=lambda run: run[0])
    summary: dict[str, object] = {"folder": str(real_dir), "files_count": len(files)}
    if process.returncode != 0:  # the driver itself died: say why and keep the rest of the report
        tail = process.stderr.strip().splitlines()[-5:]
        return summary | {"import_process_failed": "\n".join(tail), "calamine_process_seconds": round(calamine_s, 2)}
    report = json.loads(process.stdout.strip().splitlines()[-1])
    per_file = []
    for path, read, imported in zip(files, calamine["files"], report["files"], strict=True):
        entry: dict[str, object] = {"file": path.name, "kb": round(path.stat().st_size / 1024),
                                    "calamine_rows": read["rows"], "calamine_seconds": round(read["seconds"], 3)}
        if "error" in imported:
            entry |= {"error": imported["error"], "failed_after_seconds": round(imported["seconds"], 3)}
            if imported.get("unexpected"):  # not a LawGovError: a bug, with where it was raised
                entry |= {"unexpected": True, "at": imported["at"].removeprefix(str(ROOT) + "/")}
        else:
            entry |= {"import_seconds": round(imported["seconds"], 3)}
            entry |= {k: imported[k] for k in ("kind", "inserted", "updated", "unchanged", "rejected", "warnings")}
        per_file.append(entry)
    failed = sum(1 for entry in per_file if "error" in entry)
    in_files = sum(f["seconds"] for f in report["files"])
    return summary | {
        "imported_files": len(files) - failed,
        "failed_files": failed,
        "import_process_seconds": round(import_s, 2),
        "calamine_process_seconds": round(calamine_s, 2),
        "ratio_to_calamine": round(import_s / calamine_s, 2),
        "import_in_process": {
            "module_imports_seconds": round(report["module_imports_seconds"], 3),
            "library_open_seconds": round(report["library_open_seconds"], 3),
            "files_seconds": round(in_files, 3),
        },
        "calamine_in_process_files_seconds": round(sum(f["seconds"] for f in calamine["files"]), 3),
        "peak_memory_mb": report["peak_memory_mb"],
        "children_peak_memory_mb": report["children_peak_memory_mb"],
        "files": per_file,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000, help="rows of the generated power workbook")
    parser.add_argument("--repeat", type=int, default=1, help="time each process this many times, keep the fastest")
    parser.add_argument("--skip-real", action="store_true", help="leave out the real workbooks")
    parser.add_argument("--real-dir", type=Path, default=REAL_DIR, help="folder of real workbooks (read only)")
    args = parser.parse_args()
    # An installed program has its bytecode compiled (pip and PyInstaller do it); a source checkout
    # run with PYTHONDONTWRITEBYTECODE would compile every module in the timed process instead.
    compileall.compile_dir(str(ROOT / "lawgov_desktop"), quiet=1)
    folder = Path(tempfile.mkdtemp(prefix="lawgov-import-bench-"))
    book = folder / f"赋权清单 {args.rows}.xlsx"
    power = power_workbook(book, folder, args.rows, max(1, args.repeat))
    targets: dict[str, object] = {
        "power_import_to_raw_pipeline": target(power["ratio_to_raw_pipeline"], 2.0),
        "power_peak_memory_mb": target(power["peak_memory_mb"], 500),
    }
    document: dict[str, object] = {
        "benchmark": "lawgov import, fresh processes, against raw baselines measured in the same run",
        "targets": targets,
        "power_workbook": power,
    }
    if args.skip_real:
        document["real_workbooks"] = "skipped (--skip-real)"
    elif not args.real_dir.is_dir():
        document["real_workbooks"] = f"skipped: {args.real_dir} not found"
    else:
        real = real_workbooks(folder, args.real_dir, max(1, args.repeat))
        document["real_workbooks"] = real
        if "ratio_to_calamine" in real:
            note = (f"{real['failed_files']} of {real['files_count']} files failed to import; the ratio leaves "
                    "their import work out" if real["failed_files"] else None)
            targets["real_import_to_calamine"] = target(real["ratio_to_calamine"], 3.0, note)
        else:
            targets["real_import_to_calamine"] = {"target": 3.0, "met": None, "note": "the import process failed"}
    # Last: on Linux a child's ru_maxrss starts from its parent's peak (exec keeps the high-water
    # mark), so the in-process breakdown, which grows this process, runs after every timed process.
    power["phases_seconds"] = phases(book, folder / "phases.sqlite3")
    document["bench_process_maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps(document, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
