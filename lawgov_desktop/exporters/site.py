"""The public web list (公示): a static site of the catalogues, searchable, that needs no server.

``write_site`` writes into a folder:

- ``index.html`` — the counts per department and per type (行政许可, 行政处罚 …), each department
  linking to its page, and a search box over every item;
- ``department-001.html`` … — one page per department, its catalogues as ruled tables (a main
  item's cells spanning the rows of its sub-items, as in the PDF), printable on A4;
- ``data.js`` — every item's name, sub-items, code, type and department as JSON assigned to a
  global, so the search works from file:// (where browsers refuse ``fetch``) as from a web server;
- ``search.js`` and ``style.css`` — plain JavaScript and CSS; nothing is loaded from elsewhere.

Search finds any substring (one character or more) of an item's name, its sub-items' names or its
code, ignoring case and full-/half-width differences, and marks the term in the rows it shows (a
page opened as ``index.html?q=食品`` starts with that search); a keystroke over 100,000 items answers well
within 100 ms in Chromium (each longer term filters the previous matches, and at most
``RESULT_LIMIT`` rows are drawn).

``published_catalogues`` says what the site holds when ``lawgov export site`` and the window make
it from the library: every department's lists, one page each.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

from lawgov_desktop.core.fields import KIND_LABELS, LICENCE, POWER, POWER_TYPES, power_type_order
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.progress import NO_TASK, Task, check_cancelled
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.exporters.catalogue import (
    _city_name,
    _official_name,
    department_catalogues,
    responsibility_catalogues,
)
from lawgov_desktop.exporters.model import (
    CENTRED_COLUMNS,
    CatalogueRow,
    CatalogueSpec,
    ExportError,
    catalogue_title,
    column_label,
    column_widths,
    export_file,
    item_block,
    section_heading,
)

DEFAULT_TITLE = "事项清单公示"
RESULT_LIMIT = 100


@dataclass
class SiteResult:
    """What was written: the index page to open, and how many department pages and items."""

    index: Path
    departments: int
    items: int


def write_site(
    specs: Sequence[CatalogueSpec],
    folder: str | os.PathLike[str],
    *,
    title: str | None = None,
    task: Task = NO_TASK,
) -> SiteResult:
    """Write the site for ``specs`` into ``folder`` (made if missing; its parent must exist).

    Specs with the same ``group_label`` (a department's licence list and its 权责清单) share one
    department page.  Each file is replaced atomically, the index last; pages of departments no
    longer listed are left alone but nothing links to them.
    """
    if not specs:
        raise ExportError("没有可导出的清单。")
    target = Path(folder)
    if not target.parent.is_dir():
        raise ExportError(f"文件夹“{target.parent}”不存在。")
    target.mkdir(exist_ok=True)
    site_title = title or DEFAULT_TITLE
    total = sum(len(section.rows) for spec in specs for section in spec.sections)
    published = specs[0].print_date or date.today()
    # Every page is made before any is written: a cancel leaves the folder as it was.
    files: dict[str, str] = {}
    items: list[list[object]] = []
    departments = []
    for number, (name, group) in enumerate(_group_by_department(specs).items()):
        page = f"department-{number + 1:03d}.html"
        first_item = len(items)
        for spec in group:
            items.extend(_search_items(spec, number))
        files[page] = _department_page(name, group, site_title, first_item, task)
        task.report(len(items), total, f"正在生成公示网页：{name}")
        departments.append({"name": name, "page": page, "count": sum(spec.item_count for spec in group),
                            "types": _type_counts(group)})
    data = {"title": site_title, "limit": RESULT_LIMIT, "departments": departments, "items": items}
    files["data.js"] = f"window.LAWGOV_SITE = {json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n"
    files["search.js"] = _SEARCH_JS
    files["style.css"] = _STYLE_CSS
    files["index.html"] = _index_page(site_title, departments, specs, published)  # last: the site is complete
    for name, text in files.items():
        _write(target / name, text)
    task.report(total, total, "已完成公示网页")
    return SiteResult(target / "index.html", len(departments), len(items))


def published_catalogues(library: Library, task: Task = NO_TASK) -> list[CatalogueSpec]:
    """What a 公示 site publishes: each department's 行政许可事项清单 and, when the library holds
    powers, its 权责清单 (every power by type), both on the department's one page.

    Townships' 赋权事项目录 go to the townships as attachments (``export pdf --township``), not here.
    """
    has = {kind: library.lists.query(kind, ListFilter(), limit=0).total > 0 for kind in (LICENCE, POWER)}
    if not any(has.values()):
        raise ExportError("清单中还没有行政许可事项或权责事项，无法生成公示网站。")
    specs: list[CatalogueSpec] = []
    if has[LICENCE]:
        # A licence list is grouped under the department's stored name, a 权责清单 under its official one
        # ("市市场监督管理局" → "汕尾市市场监督管理局"): the site names both the official way, on one page.
        city = _city_name(library)
        for spec in department_catalogues(library, task=task):
            spec.group_label = _official_name(city, spec.group_label or spec.title)
            specs.append(spec)
    if has[POWER]:
        specs.extend(responsibility_catalogues(library, task=task))
    return specs


def site_title(library: Library) -> str:
    """The title a site made from the library has unless the clerk gives one: "汕尾市事项清单公示"."""
    return f"{_city_name(library)}{DEFAULT_TITLE}"


def item_type(spec: CatalogueSpec, row: CatalogueRow) -> str:
    """The type an item is counted under: 行政许可 for a licence item, a power's own type, or the
    list's kind when a power has none."""
    if spec.kind == LICENCE:
        return POWER_TYPES[0]
    return row.values.get("power_type") or KIND_LABELS.get(spec.kind, spec.kind)


# --------------------------------------------------------------------------- data


def _group_by_department(specs: Sequence[CatalogueSpec]) -> dict[str, list[CatalogueSpec]]:
    groups: dict[str, list[CatalogueSpec]] = {}
    for spec in specs:
        groups.setdefault(spec.group_label or spec.title, []).append(spec)
    return groups


def _search_items(spec: CatalogueSpec, department: int) -> list[list[object]]:
    """[department, name, sub-items, code, type] per item, in page order (its index is its anchor)."""
    return [[department, row.values.get("name", ""), "；".join(s["sub_item"] for s in row.sub_rows if s.get("sub_item")),
             row.values.get("code", ""), item_type(spec, row)]
            for section in spec.sections for row in section.rows]


def _type_counts(group: Sequence[CatalogueSpec]) -> dict[str, int]:
    """Items per type; a power listed in two batches counts once, as in the catalogue's total."""
    counts: Counter[str] = Counter()
    for spec in group:
        seen: set[tuple[str, str, str]] = set()
        for section in spec.sections:
            for row in section.rows:
                kind = item_type(spec, row)
                key = (kind, row.values.get("code", ""), row.values.get("name", ""))
                if key not in seen:
                    seen.add(key)
                    counts[kind] += 1
    return dict(counts)


def _write(path: Path, text: str) -> None:
    with export_file(path) as temp:
        temp.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- pages


def _page(title: str, body: str, *, search: bool = False) -> str:
    scripts = '<script src="data.js"></script>\n<script src="search.js"></script>\n' if search else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{escape(title)}</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n"
        "<a class=\"skip no-print\" href=\"#main\">跳到正文</a>\n"
        f"{body}\n{scripts}</body>\n</html>\n"
    )


def _index_page(title: str, departments: list[dict], specs: Sequence[CatalogueSpec], published: date) -> str:
    types = sorted({kind for department in departments for kind in department["types"]}, key=power_type_order)
    versions = "、".join(dict.fromkeys(spec.version_label for spec in specs if spec.version_label))
    total = sum(department["count"] for department in departments)
    head = "".join(f"<th scope=\"col\">{escape(kind)}</th>" for kind in types)
    rows = []
    for department in departments:
        cells = "".join(f"<td class=\"number\">{department['types'].get(kind, 0)}</td>" for kind in types)
        rows.append(f"<tr><th scope=\"row\"><a href=\"{department['page']}\">{escape(department['name'])}</a></th>"
                    f"{cells}<td class=\"number\">{department['count']}</td></tr>")
    type_totals = "".join(
        f"<td class=\"number\">{sum(d['types'].get(kind, 0) for d in departments)}</td>" for kind in types)
    about = f"共 {len(departments)} 个部门、{total} 项" + (f"；版本：{escape(versions)}" if versions else "")
    body = f"""<header>
<h1>{escape(title)}</h1>
<p>{about}；发布日期：{published.year}年{published.month}月{published.day}日</p>
</header>
<main id="main">
<section class="no-print" aria-labelledby="search-heading">
<h2 id="search-heading">查找事项</h2>
<form role="search" onsubmit="return false">
<label for="search">按事项名称、子项名称或编码查找（输入一个字即可）：</label>
<input id="search" type="search" autocomplete="off" spellcheck="false">
</form>
<noscript><p>查找需要启用 JavaScript；也可从下方的部门列表逐一查看全部事项。</p></noscript>
<p id="search-status" role="status" aria-live="polite"></p>
<table id="results" hidden>
<caption>查找结果</caption>
<colgroup><col style="width:30%"><col style="width:30%"><col style="width:12%"><col style="width:10%">
<col style="width:18%"></colgroup>
<thead><tr><th scope="col">事项名称</th><th scope="col">子项</th><th scope="col">编码</th>
<th scope="col">类型</th><th scope="col">部门</th></tr></thead>
<tbody id="results-body"></tbody>
</table>
</section>
<section aria-labelledby="departments-heading">
<h2 id="departments-heading">各部门事项数</h2>
<table id="departments">
<caption>各部门、各类型事项数（点击部门名称查看清单）</caption>
<thead><tr><th scope="col">部门</th>{head}<th scope="col">合计</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
<tfoot><tr><th scope="row">合计</th>{type_totals}<td class="number">{total}</td></tr></tfoot>
</table>
</section>
</main>"""
    return _page(title, body, search=True)


def _department_page(name: str, group: Sequence[CatalogueSpec], site_title: str, first_item: int,
                     task: Task) -> str:
    parts = [f"<nav class=\"no-print\" aria-label=\"位置\"><a href=\"index.html\">{escape(site_title)}</a>"
             f" › {escape(name)}</nav>\n<main id=\"main\">\n<h1>{escape(name)}</h1>"]
    anchor = first_item
    for catalogue, spec in enumerate(group):
        heading_id = f"c{catalogue}"
        parts.append(f"<h2 class=\"catalogue\" id=\"{heading_id}\">{escape(catalogue_title(spec))}</h2>\n"
                     f"<p class=\"count\">（共{spec.item_count}项）</p>")
        head = _table_head(spec)
        centred = [column in CENTRED_COLUMNS for column in spec.columns]
        for number, section in enumerate(spec.sections):
            if section.heading:
                heading_id = f"c{catalogue}s{number}"
                parts.append(f"<h3 id=\"{heading_id}\">{escape(section_heading(section, number))}</h3>")
            if not section.rows:
                parts.append("<p>本部分无事项。</p>")
                continue
            parts.append(f"<table class=\"catalogue\" aria-labelledby=\"{heading_id}\">\n{head}\n<tbody>")
            for sequence, row in enumerate(section.rows, start=1):
                check_cancelled(task)
                parts.append(_item_rows(row, spec.columns, sequence, f"i{anchor}", centred))
                anchor += 1
            parts.append("</tbody>\n</table>")
    parts.append("</main>")
    return _page(f"{name} - {site_title}", "\n".join(parts))


def _table_head(spec: CatalogueSpec) -> str:
    """Column widths in the PDF's proportions (so 序号 stays narrow and 设定依据 wide), and the header."""
    widths = column_widths(spec.columns, 1000.0, spec.font_size, spec.kind, spec.weights)
    columns = "".join(f"<col style=\"width:{width / 10:.1f}%\">" for width in widths)
    header = "".join(f"<th scope=\"col\">{escape(column_label(spec, c))}</th>"
                     for c in spec.columns)
    return f"<colgroup>{columns}</colgroup>\n<thead><tr>{header}</tr></thead>"


def _item_rows(row: CatalogueRow, columns: Sequence[str], sequence: int, anchor: str, centred: list[bool]) -> str:
    """An item's rows: its cells spanning its sub-items' rows where they do not differ."""
    block, spans = item_block(row, columns, sequence)
    span_of = {column: last - first + 1 for column, first, last in spans}
    rows = []
    for index, texts in enumerate(block):
        cells = []
        for column, text in enumerate(texts):
            if text is None:
                continue  # covered by the cell above
            span = span_of.get(column, 1)
            attributes = (f" rowspan=\"{span}\"" if span > 1 else "") + (" class=\"c\"" if centred[column] else "")
            lines = [escape(line) for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
            cells.append(f"<td{attributes}>{'<br>'.join(lines)}</td>")
        row_id = f" id=\"{anchor}\"" if index == 0 else ""
        rows.append(f"<tr{row_id}>{''.join(cells)}</tr>")
    return "\n".join(rows)


_STYLE_CSS = """\
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 1400px; padding: 0 1.5rem 3rem; color: #1a1a1a; background: #fff;
  font: 16px/1.6 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "SimSun", sans-serif; }
h1 { font-size: 1.75rem; margin: 1.5rem 0 .5rem; text-align: center; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
header p, .count { text-align: center; margin: 0 0 1rem; }
h2.catalogue { text-align: center; }
table.catalogue, #results { table-layout: fixed; }
#results td { overflow-wrap: anywhere; }
a { color: #0b4f9c; }
a:focus, input:focus { outline: 3px solid #f0a500; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .25rem .5rem; }
nav { margin: 1rem 0; }
label { display: block; margin-bottom: .25rem; }
input[type=search] { width: 100%; max-width: 40rem; font-size: 1.1rem; padding: .4rem .6rem; border: 1px solid #555;
  border-radius: 4px; box-sizing: border-box; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #444; padding: .3rem .45rem; vertical-align: middle; text-align: left; }
thead th { background: #ededed; text-align: center; }
td.c, td.number { text-align: center; }
tfoot th, tfoot td { font-weight: bold; }
#search-status { min-height: 1.6em; }
mark { background: #ffe38a; color: inherit; }
@media print {
  @page { size: A4 landscape; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .no-print { display: none !important; }
  a { color: inherit; text-decoration: none; }
  table { font-size: 9.5pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
"""

_SEARCH_JS = r"""// Search over every item of the site (window.LAWGOV_SITE from data.js): any substring of the
// name, the sub-items or the code, ignoring case and full-/half-width forms.
(function () {
  "use strict";
  var site = window.LAWGOV_SITE;
  var input = document.getElementById("search");
  if (!site || !input) { return; }
  var status = document.getElementById("search-status");
  var table = document.getElementById("results");
  var body = document.getElementById("results-body");
  var items = site.items;
  var normal = function (text) { return text.normalize("NFKC").toLowerCase(); };
  // One searchable text per item; the separator keeps a match from running across fields.
  var haystack = new Array(items.length);
  var everything = new Int32Array(items.length);
  for (var i = 0; i < items.length; i++) {
    haystack[i] = normal(items[i][1] + "\u0001" + items[i][2] + "\u0001" + items[i][3]);
    everything[i] = i;
  }
  // Matches go into one of two preallocated arrays, the other holding the previous term's: no
  // garbage to collect while typing.
  var buffers = [new Int32Array(items.length), new Int32Array(items.length)];
  var lastBuffer = 1;
  var lastTerm = "";
  var lastMatches = everything;

  // The text with the first place the term was found in it marked, where normalizing kept the
  // text's length (nearly always: full-width letters and digits keep theirs).
  function marked(parent, text, term) {
    var folded = term ? normal(text) : "";
    var at = folded.length === text.length ? folded.indexOf(term) : -1;
    if (at === -1) {
      parent.textContent = text;
      return;
    }
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + term.length);
    parent.appendChild(document.createTextNode(text.slice(0, at)));
    parent.appendChild(mark);
    parent.appendChild(document.createTextNode(text.slice(at + term.length)));
  }

  function cell(row, text, term, href) {
    var td = document.createElement("td");
    if (href) {
      var link = document.createElement("a");
      link.href = href;
      marked(link, text, term);
      td.appendChild(link);
    } else {
      marked(td, text, term);
    }
    row.appendChild(td);
  }

  function show(matches, term, folded) {
    var rows = document.createDocumentFragment();
    var shown = Math.min(matches.length, site.limit);
    for (var k = 0; k < shown; k++) {
      var item = items[matches[k]];
      var department = site.departments[item[0]];
      var row = document.createElement("tr");
      cell(row, item[1], folded, department.page + "#i" + matches[k]);
      cell(row, item[2], folded);
      cell(row, item[3], folded);
      cell(row, item[4], "");
      cell(row, department.name, "", department.page);
      rows.appendChild(row);
    }
    body.textContent = "";
    body.appendChild(rows);
    table.hidden = shown === 0;
    if (!term) {
      status.textContent = "";
    } else if (matches.length === 0) {
      status.textContent = "没有找到包含“" + term + "”的事项。";
    } else {
      status.textContent = "找到 " + matches.length + " 项" +
        (shown < matches.length ? "，显示前 " + shown + " 项，请输入更多字缩小范围。" : "。");
    }
  }

  function search() {
    var term = normal(input.value.trim());
    if (!term) {
      lastTerm = "";
      lastMatches = everything;
      show([], "", "");
      return;
    }
    // A term holding the previous one only narrows what that one found.
    var pool = term.indexOf(lastTerm) !== -1 ? lastMatches : everything;
    lastBuffer = 1 - lastBuffer;
    var found = buffers[lastBuffer];
    var count = 0;
    for (var k = 0; k < pool.length; k++) {
      if (haystack[pool[k]].indexOf(term) !== -1) { found[count++] = pool[k]; }
    }
    var matches = found.subarray(0, count);
    lastTerm = term;
    lastMatches = matches;
    show(matches, input.value.trim(), term);
  }

  input.addEventListener("input", search);
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    search();
  }
}());
"""


__all__ = ["DEFAULT_TITLE", "RESULT_LIMIT", "SiteResult", "item_type", "published_catalogues", "site_title", "write_site"]
