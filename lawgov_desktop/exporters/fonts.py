"""Find a Chinese TrueType font reportlab can embed, and say so plainly when there is none.

Order: the font chosen in Preferences → the system's fonts (Windows SimSun/FangSong/SimHei/YaHei;
Linux AR PL, WenQuanYi, then whatever ``fc-list`` knows for Chinese) → reportlab's built-in
STSong-Light, which is *not* embedded, with a warning the window and CLI show.  A candidate that
fails (missing, CFF outlines such as Noto CJK, no Chinese glyphs) is skipped and its reason kept in
``ResolvedFont.skipped`` — never a silent fallback, never black boxes.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

BODY = "body"
HEADING = "heading"

FALLBACK_FONT = "STSong-Light"
FALLBACK_WARNING = "未找到可嵌入的中文字体，PDF 将依赖阅读器的字体"

# Characters every catalogue prints; a font lacking any of them would print boxes.
_PROBE = "事项名称设定和实施依据第页共主管部门许可证"

_WINDOWS_BODY = ("simsun.ttc", "simfang.ttf", "simhei.ttf", "msyh.ttc", "simkai.ttf")
_WINDOWS_HEADING = ("simhei.ttf", "msyh.ttc", "simsun.ttc", "simfang.ttf")
# Where Linux keeps font files (each distribution files them in its own sub-folders).
_LINUX_FONT_ROOTS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
_LINUX_BODY = ("uming.ttc", "wqy-zenhei.ttc", "wqy-microhei.ttc", "ukai.ttc")
_LINUX_HEADING = ("wqy-zenhei.ttc", "wqy-microhei.ttc", "uming.ttc", "ukai.ttc")

_registered: dict[str, str] = {}  # font file path -> registered reportlab font name
_unusable: dict[str, str] = {}  # font file path -> why it cannot be used (loading is slow)


@dataclass(frozen=True)
class ResolvedFont:
    """The font a PDF will use; ``warning`` is for the clerk, ``skipped`` for diagnosis."""

    name: str
    path: str | None
    embedded: bool
    warning: str | None = None
    skipped: tuple[tuple[str, str], ...] = field(default=())


def resolve_font(
    preferred: str | os.PathLike[str] | None = None,
    *,
    role: str = BODY,
    candidates: Iterable[str | os.PathLike[str]] | None = None,
) -> ResolvedFont:
    """Register and return the first usable font: ``preferred``, then ``candidates``.

    ``candidates`` defaults to the system's Chinese fonts for ``role`` (body text prefers 宋体,
    headings prefer 黑体); tests pass their own list.
    """
    search = system_font_candidates(role) if candidates is None else [str(c) for c in candidates]
    ordered = ([str(preferred)] if preferred else []) + [c for c in search if c != str(preferred)]
    skipped: list[tuple[str, str]] = []
    for path in ordered:
        reason = _try_register(path)
        if reason is None:
            return ResolvedFont(_registered[path], path, True, None, tuple(skipped))
        skipped.append((path, reason))
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
    return ResolvedFont(FALLBACK_FONT, None, False, fallback_warning(skipped), tuple(skipped))


def fallback_warning(skipped: Sequence[tuple[str, str]]) -> str:
    """The clerk's warning when no font could be embedded, naming every font tried and why it
    was skipped — the only way to tell a missing font from a damaged or unusable one."""
    if not skipped:
        return (f"{FALLBACK_WARNING}（本机没有找到中文 TrueType 字体；请安装中文字体，"
                "如文泉驿正黑 fonts-wqy-zenhei，或在首选项中选择字体文件）")
    tried = "；".join(f"{path}：{reason}" for path, reason in skipped)
    return f"{FALLBACK_WARNING}（已尝试：{tried}）"


def system_font_candidates(role: str = BODY) -> list[str]:
    """Chinese TrueType font files on this machine, best first for ``role``."""
    if os.name == "nt":
        windir = os.environ.get("WINDIR", r"C:\Windows")
        folders = [Path(windir) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        names = _WINDOWS_HEADING if role == HEADING else _WINDOWS_BODY
        return _existing(folders, names)
    names = _LINUX_HEADING if role == HEADING else _LINUX_BODY
    found = _known_font_files(names)
    rank = {name: index for index, name in enumerate(names)}
    extra = sorted(
        (p for p in _fontconfig_chinese_files() if p not in found),
        key=lambda p: (rank.get(Path(p).name, len(rank)), p),
    )
    return found + extra


def _existing(folders: Sequence[Path], names: Sequence[str]) -> list[str]:
    return [str(folder / name) for name in names for folder in folders if (folder / name).is_file()]


def _known_font_files(names: Sequence[str]) -> list[str]:
    """The files called ``names`` anywhere under the font folders, in the order of ``names``.

    Found by walking the folders, not by asking fontconfig, so the result never depends on how
    quickly ``fc-list`` answers (slow while it builds its cache on a first run).
    """
    wanted = {name: index for index, name in enumerate(names)}
    found = [path for path in _font_files(_LINUX_FONT_ROOTS) if os.path.basename(path) in wanted]
    return sorted(found, key=lambda path: (wanted[os.path.basename(path)], path))


@functools.cache
def _font_files(roots: tuple[str, ...]) -> tuple[str, ...]:
    """Every file under the font folders, walked once per process (an export resolves two fonts,
    a folder export two per file)."""
    found = []
    for root in roots:
        for folder, _dirs, files in os.walk(os.path.expanduser(root)):
            found.extend(os.path.join(folder, name) for name in files)
    return tuple(dict.fromkeys(found))


@functools.cache
def _fontconfig_chinese_files() -> tuple[str, ...]:
    """Font files fontconfig says cover Chinese; .otf files are left out (CFF, not embeddable).

    Asked once per process: ``fc-list`` takes milliseconds, and a folder export resolves the
    font for every file.
    """
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return ()
    try:
        output = subprocess.run(
            [fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    files = {line.split(":", 1)[0].strip() for line in output.splitlines() if line.strip()}
    return tuple(sorted(f for f in files if f.lower().endswith((".ttf", ".ttc"))))


def _try_register(path: str) -> str | None:
    """Register ``path`` with reportlab; return None on success, else why it cannot be used."""
    if path in _registered:
        return None
    if path in _unusable:
        return _unusable[path]
    try:
        reason = _load(path)
    except (OSError, MemoryError) as error:  # passing trouble (a busy disk, memory): try again next time
        return f"读取失败：{error}"
    if reason is not None and Path(path).is_file():
        _unusable[path] = reason
    return reason


def _load(path: str) -> str | None:
    if not Path(path).is_file():
        return "文件不存在"
    if path.lower().endswith(".otf"):
        return "OpenType/CFF 字体无法嵌入"
    name = "LawGov-" + hashlib.sha1(path.encode("utf-8")).hexdigest()[:10]
    try:
        font = TTFont(name, path, subfontIndex=0)
    except (OSError, MemoryError):
        raise
    except Exception as error:  # reportlab raises TTFError, struct.error, IndexError ...
        return f"无法加载：{error}"
    missing = [ch for ch in _PROBE if ord(ch) not in font.face.charToGlyph]
    if missing:
        return "字体不含中文字形"
    pdfmetrics.registerFont(font)
    _registered[path] = name
    return None
