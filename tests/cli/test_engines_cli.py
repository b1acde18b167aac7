"""A clerk's whole round on a server database gives what it gives on a SQLite file: importing real
权责清单 workbooks, statistics, lists and searches, a version and the comparison with it, undo,
history, and every export (Excel, PDF, Word, the public site) — the same figures, rows and pages."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from server import fresh_database

from lawgov_desktop.core.location import ServerAddress

REAL = Path(__file__).resolve().parents[3] / "shared" / "real-lists" / "karamay"
WORKBOOKS = ["克拉玛依市人力资源和社会保障局2024年权责清单.xls", "国动办权责清单公示.xlsx"]


def _cells(path: Path) -> list[list[object]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    return [[list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets]


def _pdf_text(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(path).pages]


def _docx_text(path: Path) -> list[str]:
    import docx

    document = docx.Document(str(path))
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def _round(run_cli, db: str, out: Path) -> dict[str, object]:  # noqa: ANN001 - the fixture's runner
    """Everything a clerk's round gives on the database ``db``, in comparable form."""
    out.mkdir()
    seen: dict[str, object] = {}
    assert run_cli("init", db=db).code == 0
    for name in WORKBOOKS:
        result = run_cli("import", str(REAL / name), db=db)
        assert result.code == 0, result.err
        seen[f"import {name}"] = result.out.replace(db, "DB")
    stats = run_cli("stats", "--json", db=db)
    assert stats.code == 0, stats.err
    seen["stats"] = json.loads(stats.out)
    for term in ("罚", "行政", "人力资源", "防空"):
        listing = run_cli("list", "powers", "--search", term, "--sort", "name", db=db)
        assert listing.code == 0, listing.err
        seen[f"list {term}"] = listing.out
    assert run_cli("version", "save", "2024年版", db=db).code == 0
    first = run_cli("list", "powers", "--sort", "name", db=db).out.splitlines()[2].split()[0]
    edited = run_cli("edit", "power", first, "--remark", "服务器上改的", db=db)
    assert edited.code == 0, edited.err
    diff = run_cli("diff", "2024年版", "current", "--json", db=db)
    assert diff.code == 0, diff.err
    seen["diff"] = json.loads(diff.out)
    assert run_cli("undo", db=db).code == 0
    seen["diff after undo"] = json.loads(run_cli("diff", "2024年版", "current", "--json", db=db).out)
    log = json.loads(run_cli("log", "--limit", "5", "--json", db=db).out)
    seen["log"] = [{key: entry[key] for key in ("action", "entity", "entity_id", "summary")} for entry in log["rows"]]
    for fmt, suffix in (("xlsx", "xlsx"), ("pdf", "pdf"), ("docx", "docx")):
        target = out / f"powers.{suffix}"
        arguments = (["export", fmt, "--responsibility-list", "--all-departments"] if fmt != "xlsx"
                     else ["export", fmt, "--kind", "powers"])
        result = run_cli(*arguments, "-o", str(target), db=db)
        assert result.code == 0, result.err
        produced = target if target.exists() else next(out.glob(f"*.{suffix}"))
        seen[fmt] = {"xlsx": _cells, "pdf": _pdf_text, "docx": _docx_text}[fmt](produced)
    site = run_cli("export", "site", "-o", str(out / "site"), db=db)
    assert site.code == 0, site.err
    seen["site"] = sorted(str(p.relative_to(out / "site")) for p in (out / "site").rglob("*") if p.is_file())
    return seen


def test_a_clerks_round_is_the_same_on_a_server(run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    on_file = _round(run_cli, str(tmp_path / "lists.sqlite3"), tmp_path / "file")
    with fresh_database() as address:
        if address.password:  # as a clerk's PGPASSWORD would carry it
            monkeypatch.setenv("PGPASSWORD", address.password)
        url = ServerAddress(**{**address.__dict__, "password": None}).url
        on_server = _round(run_cli, url, tmp_path / "server")
    assert on_file["stats"]["powers"]["total"] > 100  # the round did real work
    for key in on_file:
        assert on_server[key] == on_file[key], key
