"""Programs some exporter tests drive (LibreOffice, Chromium): found, or the test is skipped — but
not in CI, where a missing program fails the test, so a CI that forgot to install it cannot pass
by skipping.  CI sets CI=true (or CI=1); .ci/run installs the Debian packages named here.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

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


# Typed into the site's search box one character at a time, as a person types; after each term
# the rows shown, the status line, the slowest keystroke (handler plus layout) and how long the page
# took to be ready for typing are kept.
_DRIVER = """<script>
(function () {
  var input = document.getElementById("search");
  var seen = [];
  var ready = performance.now();  // since navigation: data.js parsed and the search index built
  TERMS.forEach(function (term) {
    var slowest = 0;
    for (var end = 1; end <= term.length; end++) {
      input.value = term.slice(0, end);
      var start = performance.now();
      input.dispatchEvent(new Event("input", {bubbles: true}));
      void document.body.offsetHeight;
      slowest = Math.max(slowest, performance.now() - start);
    }
    var rows = document.querySelectorAll("#results-body tr");
    seen.push({term: term, slowest_ms: slowest, ready_ms: ready, status: document.getElementById("search-status").textContent,
               names: Array.prototype.map.call(rows, function (row) { return row.cells[0].textContent; }),
               links: Array.prototype.map.call(rows, function (row) { return row.querySelector("a").getAttribute("href"); })});
  });
  var out = document.createElement("pre");
  out.id = "driver-out";
  out.textContent = JSON.stringify(seen);
  document.body.appendChild(out);
}());
</script>
"""


def chromium_dom(chromium: str, page: Path, profile: Path, query: str = "") -> str:
    """The page's DOM after its scripts ran, from headless Chromium opening it from file://
    (with ``query``, e.g. "?q=食品", after its address)."""
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
               "--dump-dom", page.as_uri() + query]
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=120).stdout


def type_in_site_search(chromium: str, folder: Path, terms: list[str], profile: Path) -> list[dict]:
    """Type each term into the search box of the site in ``folder``; what each showed.

    The driver is the site's own index.html with a script added at its end, in the same folder,
    so it loads data.js and search.js exactly as the index does.
    """
    index = (folder / "index.html").read_text(encoding="utf-8")
    script = _DRIVER.replace("TERMS", json.dumps(terms, ensure_ascii=False))
    driver = folder / "search-driver.html"
    driver.write_text(index.replace("</body>", script + "</body>"), encoding="utf-8")
    try:
        dom = chromium_dom(chromium, driver, profile)
    finally:
        driver.unlink()
    found = re.search(r'<pre id="driver-out">(.*?)</pre>', dom, re.S)
    assert found, dom[-2000:]
    return json.loads(html.unescape(found.group(1)))
