"""Files a clerk drops or picks are offered to the importer under every name a workbook goes by
(WPS saves .et); the reader then decides by content."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawgov_desktop.importers.readers import is_spreadsheet


@pytest.mark.parametrize("name", ["清单.xlsx", "清单.XLS", "清单.et", "清单.ett", "清单.xlt", "清单.ods", "清单.csv"])
def test_workbook_names_are_taken(name: str) -> None:
    assert is_spreadsheet(Path(name))


@pytest.mark.parametrize("name", ["通知.docx", "清单.pdf", "照片.png"])
def test_other_files_are_not(name: str) -> None:
    assert not is_spreadsheet(Path(name))
