"""Programs some exporter tests drive (LibreOffice, Chromium): found, or the test is skipped — but
not in CI, where a missing program fails the test, so a CI that forgot to install it cannot pass
by skipping.  CI sets CI=true (or CI=1); .ci/run installs the Debian packages named here.
"""

from __future__ import annotations

import os
import shutil

import pytest

LIBREOFFICE = (("soffice", "libreoffice"), "libreoffice-writer-nogui")
CHROMIUM = (("chromium", "chromium-browser", "google-chrome"), "chromium")
PDFTOTEXT = (("pdftotext",), "poppler-utils")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_tool(tool: tuple[tuple[str, ...], str]) -> str:
    """The path of the first of the tool's program names on PATH; otherwise skip, or fail in CI."""
    names, package = tool
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    message = f"{names[0]} is not installed (Debian package {package})"
    if in_ci():
        pytest.fail(f"{message}: CI must install it, a skipped test would hide the gap")
    pytest.skip(message)
