"""Font resolution: preferred → system → STSong-Light with a warning; failures are recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_helpers import compact, embedded_font_files, make_spec, needs_font, page_texts

from lawgov_desktop.exporters import fonts
from lawgov_desktop.exporters.fonts import (
    FALLBACK_FONT,
    FALLBACK_WARNING,
    HEADING,
    fallback_warning,
    resolve_font,
)
from lawgov_desktop.exporters.pdf import write_catalogue

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@needs_font
def test_system_font_is_found_and_embedded():
    font = resolve_font()
    assert font.embedded and font.warning is None
    assert Path(font.path).suffix.lower() in {".ttf", ".ttc"}


@needs_font
def test_heading_role_prefers_a_hei_font():
    assert resolve_font(role=HEADING).embedded


@needs_font
def test_missing_preferred_font_is_skipped_with_its_reason_and_reported(tmp_path):
    missing = str(tmp_path / "simfang.ttf")
    font = resolve_font(missing)
    assert font.embedded and font.path != missing
    assert font.skipped[0] == (missing, "文件不存在")
    result = write_catalogue(make_spec(2, font_path=missing), tmp_path / "a.pdf")
    assert any("首选字体“simfang.ttf”不可用" in w for w in result.warnings)


def test_unloadable_and_otf_files_are_skipped(tmp_path):
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font at all" * 10)
    otf = tmp_path / "NotoSansCJK-Regular.otf"
    otf.write_bytes(b"OTTO")
    font = resolve_font(candidates=[broken, otf])
    reasons = dict(font.skipped)
    assert reasons[str(broken)].startswith("无法加载")
    assert reasons[str(otf)] == "OpenType/CFF 字体无法嵌入"
    assert font.name == FALLBACK_FONT


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans not installed")
def test_font_without_chinese_glyphs_is_skipped():
    font = resolve_font(candidates=[DEJAVU])
    assert dict(font.skipped)[str(DEJAVU)] == "字体不含中文字形"


def test_no_font_falls_back_to_stsong_with_a_visible_warning(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "system_font_candidates", lambda role="body": [])
    font = resolve_font()
    assert (font.name, font.embedded, font.warning) == (FALLBACK_FONT, False, fallback_warning([]))
    assert font.warning.startswith(FALLBACK_WARNING) and "fonts-wqy-zenhei" in font.warning
    path = tmp_path / "a.pdf"
    result = write_catalogue(make_spec(2), path)
    assert fallback_warning([]) in result.warnings
    assert not embedded_font_files(path)
    assert "食品经营许可0" in compact(page_texts(path)[0])


def test_the_fallback_warning_names_every_font_tried_and_why(tmp_path, monkeypatch):
    broken = tmp_path / "坏字体.ttf"
    broken.write_bytes(b"not a font")
    otf = tmp_path / "NotoSansCJK.otf"
    otf.write_bytes(b"OTTO")
    monkeypatch.setattr(fonts, "system_font_candidates", lambda role="body": [str(broken), str(otf)])
    warning = resolve_font().warning
    assert warning.startswith(FALLBACK_WARNING)
    assert f"{broken}：无法加载" in warning and f"{otf}：OpenType/CFF 字体无法嵌入" in warning


def test_a_passing_read_failure_is_not_remembered(tmp_path, monkeypatch):
    """A font that could not be read once (a busy network drive, memory) is tried again next time."""
    font_file = resolve_font().path
    calls = []

    def flaky(name, path, subfontIndex=0):  # noqa: N803 - reportlab's keyword
        calls.append(path)
        raise OSError("设备暂时不可用")

    monkeypatch.setattr(fonts, "_registered", {})
    monkeypatch.setattr(fonts, "_unusable", {})
    monkeypatch.setattr(fonts, "TTFont", flaky)
    first = resolve_font(candidates=[font_file])
    assert not first.embedded and "读取失败" in first.warning
    monkeypatch.undo()
    monkeypatch.setattr(fonts, "_registered", {})
    assert resolve_font(candidates=[font_file]).embedded


@needs_font
def test_system_fonts_are_found_without_fontconfig_in_any_subfolder(tmp_path, monkeypatch):
    """fc-list may be missing or slow (building its cache on a first run): the font files are
    still found by walking the font folders, wherever the distribution files them."""
    nested = tmp_path / "fonts" / "truetype" / "某发行版" / "wqy"
    nested.mkdir(parents=True)
    (nested / "wqy-zenhei.ttc").symlink_to(resolve_font().path)
    monkeypatch.setattr(fonts, "_LINUX_FONT_ROOTS", (str(tmp_path / "fonts"),))
    monkeypatch.setattr(fonts, "_fontconfig_chinese_files", lambda: ())
    assert fonts.system_font_candidates() == [str(nested / "wqy-zenhei.ttc")]
