"""Benchmark: a 50,000-row power workbook imported end to end by ``lawgov import`` in a fresh process.

Prints JSON with, from the same run: the wall time of ``lawgov import`` (a new process, new
database already created), of python-calamine alone reading the same file (a new process), of
openpyxl's read-only mode alone (a new process), the peak memory of the import, and where the
import's time goes (read, shape, plan/validate, write, index) measured in-process.
Targets: import ≤ 3× calamine alone, ≤ 0.5× openpyxl read-only alone, memory < 500 MB.

    .venv/bin/python bench/bench_import.py [--rows 50000]
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

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from window_data import DOMAINS, LAWS, OFFENCES, SUBJECTS  # noqa: E402

DEPARTMENTS = ("市市场监督管理局", "市生态环境局", "市城市管理和综合执法局", "市自然资源局", "市农业农村局",
               "市海洋与渔业局", "市卫生健康局", "市应急管理局", "城区住房和城乡建设局", "海丰县市场监督管理局")
STREETS = ("田墘街道", "东洲街道", "遮浪街道", "城区香洲街道", "城区捷胜镇", "海丰县梅陇镇", "陆丰市碣石镇")
HEADER = ("序号", "事项编码", "事项名称", "职权类型", "执法领域", "实施依据", "处罚种类及幅度", "原实施主体",
          "承接主体", "下放方式", "生效时间", "文号", "备注")


def write_workbook(path: Path, rows: int, seed: int = 11) -> None:
    """A power list in three batch sheets, codes stored as numbers, several townships per cell."""
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


def timed_process(code: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(code, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed: {code}\n{result.stderr}")
    return elapsed, result.stdout


CALAMINE = ("import sys, python_calamine; wb = python_calamine.CalamineWorkbook.from_path(sys.argv[1]);"
            " print(sum(len(wb.get_sheet_by_name(n).to_python()) for n in wb.sheet_names))")
OPENPYXL = ("import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True);"
            " print(sum(1 for ws in wb.worksheets for _ in ws.iter_rows(values_only=True)))")
IMPORT = ("import resource, sys; from lawgov_desktop.cli.main import main; code = main(sys.argv[1:]);"
          " print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024); sys.exit(code)")


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
        lib.apply_import(plan.changes, progress=lambda done, total, message: marks.append(
            (message, time.perf_counter())))
        end = time.perf_counter()
    boundaries = [*marks, ("end", end)]
    for (message, at), (_, until) in zip(boundaries, boundaries[1:], strict=False):
        figures[f"apply: {message}"] = until - at
    figures["apply_total"] = end - start
    return {key: round(value, 3) for key, value in figures.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    # An installed program has its bytecode compiled (pip and PyInstaller do it); a source checkout
    # run with PYTHONDONTWRITEBYTECODE would compile every module in the timed process instead.
    compileall.compile_dir(str(ROOT / "lawgov_desktop"), quiet=1)
    folder = Path(tempfile.mkdtemp(prefix="lawgov-import-bench-"))
    book = folder / f"赋权清单 {args.rows}.xlsx"
    write_workbook(book, args.rows)
    python = sys.executable
    calamine_s, calamine_rows = timed_process([python, "-c", CALAMINE, str(book)])
    openpyxl_s, _ = timed_process([python, "-c", OPENPYXL, str(book)])
    db = folder / "import.sqlite3"
    timed_process([python, "-m", "lawgov_desktop.cli", "--db", str(db), "init"])
    import_s, output = timed_process([python, "-c", IMPORT, "--db", str(db), "import", str(book), "--json"])
    *report, peak = output.strip().splitlines()
    result = json.loads("\n".join(report))
    breakdown = phases(book, folder / "phases.sqlite3")
    print(json.dumps({
        "benchmark": "lawgov import of a power workbook, fresh process",
        "rows": args.rows,
        "file_mb": round(book.stat().st_size / 1e6, 1),
        "import_seconds": round(import_s, 2),
        "calamine_alone_seconds": round(calamine_s, 2),
        "openpyxl_read_only_alone_seconds": round(openpyxl_s, 2),
        "ratio_to_calamine": round(import_s / calamine_s, 2),
        "ratio_to_openpyxl": round(import_s / openpyxl_s, 2),
        "targets": {"ratio_to_calamine": 3.0, "ratio_to_openpyxl": 0.5, "peak_memory_mb": 500},
        "peak_memory_mb": int(peak),
        "imported": {k: result[k] for k in ("inserted", "updated", "unchanged")} | {"rejected": len(result["rejected"])},
        "calamine_rows": int(calamine_rows),
        "phases_seconds": breakdown,
        "bench_process_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
