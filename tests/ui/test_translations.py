"""Translations are complete: every ``tr()`` string of the window has its Chinese, the compiled
.qm matches the .ts, the English build shows English source strings, and dates and counts are
written the way the interface language writes them."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from lawgov_desktop.ui import kinds

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "lawgov_zh_CN.ts"
TOOLS = Path(sys.executable).parent
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _messages(ts: Path) -> dict[tuple[str, str], tuple[str | None, str]]:
    """(context, source) → (translation type, translated text) of a .ts file."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()) if translation is not None else ""
            found[(name, message.findtext("source") or "")] = (
                translation.get("type") if translation is not None else "unfinished", text)
    return found


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], tuple[str | None, str]]:
    """What lupdate finds in the window's sources today."""
    ts = tmp_path_factory.mktemp("lupdate") / "check_zh_CN.ts"
    sources = sorted(str(path) for path in (ROOT / "lawgov_desktop" / "ui").glob("*.py"))
    subprocess.run([str(TOOLS / "pyside6-lupdate"), *sources, "-ts", str(ts)], check=True, capture_output=True,
                   timeout=120)
    return _messages(ts)


def test_every_window_string_has_a_finished_chinese_translation(extracted) -> None:  # noqa: ANN001
    shipped = _messages(TS)
    missing = [f"{context}: {source!r}" for (context, source) in extracted
               if shipped.get((context, source), ("unfinished", ""))[0] in ("unfinished", "obsolete", "vanished")
               or not shipped[(context, source)][1].strip()]
    assert not missing, (f"{len(missing)} strings untranslated in {TS.name} (run pyside6-lupdate over "
                         "lawgov_desktop/ui, translate, pyside6-lrelease):\n" + "\n".join(missing))


def test_source_strings_are_english_so_the_english_build_is_complete(extracted) -> None:  # noqa: ANN001
    """Chinese examples inside an English sentence are fine ("e.g. 附件1"); Chinese-only strings are not."""
    chinese = [f"{context}: {source!r}" for (context, source) in extracted
               if CJK.search(source) and not LATIN_WORD.search(CJK.sub("", source))]
    assert not chinese, "source strings must be English (the Chinese goes in the .ts):\n" + "\n".join(chinese)


def test_compiled_translation_matches_its_source(tmp_path: Path) -> None:
    built = tmp_path / "lawgov_zh_CN.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(TS), "-qm", str(built)], check=True, capture_output=True,
                   timeout=120)
    assert built.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run pyside6-lrelease on the .ts"


@pytest.mark.parametrize(("language", "day", "moment", "number"), [
    ("zh_CN", "2022/10/1", "2022/10/1 09:05", "12,345"),
    ("en_US", "10/1/2022", "10/1/2022 9:05", "12,345"),
    ("de_DE", "01.10.2022", "01.10.2022 09:05", "12.345"),
])
def test_dates_and_counts_follow_the_interface_language(app, language: str, day: str, moment: str,  # noqa: ANN001
                                                        number: str) -> None:
    QLocale.setDefault(QLocale(language))
    assert kinds.date("2022-10-01") == day
    assert kinds.timestamp("2022-10-01T09:05:33").startswith(moment)
    assert kinds.count(12345) == number
    assert kinds.nonzero(0) == ""
    licence_count = next(column for column in kinds.DEPARTMENT_SPEC.columns if column.key == "licence_count")
    assert licence_count.text({"licence_count": 12345}) == number
    assert kinds.date("2022年") == "2022年"  # text that is not a date stays as typed
