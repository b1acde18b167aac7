"""Printable catalogue PDFs that look like the attachments of an official notice.

A4 (landscape by default), GB/T 9704-style margins, "附件N" at the top left in 黑体, the title
centred with its version and count, part headings with their counts, a ruled table whose header
row repeats on every page, Chinese line wrapping in every cell, and "第 X 页 共 Y 页" plus the print
date in the footer.  A main item's cells span the rows of its sub-items.

Speed (bench/bench_pdf.py: within 1.3× a bare LongTable): a section is a header plus tables of
about 40 rows cut between items, the header repeated as a page-top flowable, because reportlab
re-derives every span of a table at each page split (quadratic for one long table).  Items taller
than a page (a 30,000-character legal basis, a hundred sub-items) get a table of their own that
reportlab splits inside rows; that mode is slower, so it is used only where the text length says
it may be needed, and a layout error retries with it everywhere.

Page totals and table-of-contents page numbers are only known at the end: ``_DeferredCanvas``
keeps every page until ``save`` and then stamps the footers, TOC numbers and bookmarks, so a
book needs one layout pass, not several.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab.lib.textsplit as _textsplit
import reportlab.platypus.paragraph as _paragraph
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    LongTable,
    PageBreak,
    PageTemplate,
    Paragraph,
    SetPageTopFlowables,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError

from lawgov_desktop.core.progress import NO_TASK, Task, TaskPart, check_cancelled
from lawgov_desktop.exporters.fonts import BODY, HEADING, ResolvedFont, resolve_font
from lawgov_desktop.exporters.model import (
    CELL_PADDING,
    CENTRED_COLUMNS,
    MARGINS,
    PORTRAIT,
    CatalogueSection,
    CatalogueSpec,
    ExportError,
    column_label,
    column_widths,
    export_file,
    item_block,
    numeral,
    safe_filename,
    section_heading,
)

# reportlab's CJK wrapping keeps Japanese closing punctuation off the start of a line but not the
# Chinese full-width ，：；！？》” — without this, cells show lines starting with "：".  It lets
# such a mark hang past the line end, so cell styles keep a little right indent for it.
_NO_LINE_START = "，：；！？》”’〉"
for _module in (_textsplit, _paragraph):
    _module.ALL_CANNOT_START += "".join(c for c in _NO_LINE_START if c not in _module.ALL_CANNOT_START)
# Nor does it keep an opening mark off the end of a line: "审批（" / "新办）" in every 子项 cell.
_NO_LINE_END = "（《“‘〈【〔「『("
_reportlab_dumb_split = _textsplit.dumbSplit


def _dumb_split(word: str, widths: list[float], max_widths: float | list[float]) -> list[list]:
    """reportlab's CJK line split, with an opening mark at a line end carried to the next line.

    Replaces ``textsplit.dumbSplit``, which the fast path of CJK paragraphs (one fragment per
    paragraph, as every cell is) calls; the rest of the text is split again from the mark.
    """
    max_widths = list(max_widths) if isinstance(max_widths, (list, tuple)) else [max_widths]
    lines = _reportlab_dumb_split(word, widths, max_widths)
    position = 0
    for index, (extra, text) in enumerate(lines[:-1]):
        end = word.find(text, position) + len(text)
        position = end
        if len(text) > 1 and text[-1] in _NO_LINE_END:
            head = [*lines[:index], [extra + widths[end - 1], text[:-1]]]
            rest = _dumb_split(word[end - 1:], widths[end - 1:], max_widths[len(head):] or max_widths[-1:])
            return head + rest
    return lines


_textsplit.dumbSplit = _dumb_split
_HEADING_ROOM = 110  # points: a part heading starts a new page unless it and a few rows fit
_TALL_FRACTION = 0.6  # an item estimated taller than this share of the frame may not fit a page
_CHUNK_ROWS = 40
_RULE = 0.6
_PADDING = [
    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
]
_RULES = [("GRID", (0, 0), (-1, -1), _RULE, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *_PADDING]


@dataclass
class PdfResult:
    """What was written, for the status bar and the CLI: pages, the font used, warnings to show."""

    path: Path
    pages: int
    font: ResolvedFont
    warnings: list[str] = field(default_factory=list)


def write_catalogue(
    spec: CatalogueSpec,
    path: str | os.PathLike[str],
    task: Task = NO_TASK,
    *,
    watermark: str | None = None,
) -> PdfResult:
    """Write one catalogue (a department's list, a part, a filtered view) to ``path`` atomically.

    ``watermark`` ("征求意见稿", "草稿" …) marks a draft diagonally on every page."""
    layout = _Layout(spec, watermark)
    total = _count_table_rows([spec])
    tracker = _Tracker(task, total, spec.group_label or spec.title)
    story = [*_attachment(spec.attachment_label, layout), *_catalogue_story(spec, layout, tracker)]
    pages = _build(path, story, layout, tracker, spec.title)
    return PdfResult(Path(path), pages, layout.body_font, layout.warnings)


def write_catalogue_book(
    specs: Sequence[CatalogueSpec],
    path: str | os.PathLike[str],
    *,
    title: str,
    attachment_label: str | None = None,
    task: Task = NO_TASK,
    watermark: str | None = None,
) -> PdfResult:
    """One file for several departments: a table of contents, then each catalogue from a new page.

    Page layout (orientation, font, date) comes from the first spec; the specs' own attachment
    labels are ignored, ``attachment_label`` is printed once on the first page.  The footer names
    the version the departments share (none when they differ).
    """
    if not specs:
        raise ExportError("没有可导出的清单。")
    layout = _Layout(specs[0], watermark)
    versions = {spec.version_label for spec in specs}
    layout.version_label = versions.pop() if len(versions) == 1 else None
    tracker = _Tracker(task, _count_table_rows(specs), title)
    story: list[Flowable] = [*_attachment(attachment_label, layout)]
    story.append(Paragraph(_markup(title), layout.styles["title"]))
    story.append(Paragraph("目　录", layout.styles["toc_title"]))
    for number, spec in enumerate(specs):
        label = f"{numeral(number)}、{spec.group_label or spec.title}（共{spec.item_count}项）"
        story.append(_TocLine(f"dept{number}", label, layout))
    for number, spec in enumerate(specs):
        story.append(PageBreak())
        story.append(_Anchor(f"dept{number}", spec.group_label or spec.title))
        story.extend(_catalogue_story(spec, layout, tracker))
    pages = _build(path, story, layout, tracker, title)
    return PdfResult(Path(path), pages, layout.body_font, layout.warnings)


def write_catalogues_to_folder(
    specs: Sequence[CatalogueSpec],
    folder: str | os.PathLike[str],
    task: Task = NO_TASK,
    *,
    watermark: str | None = None,
) -> list[PdfResult]:
    """One PDF per spec, named after its department (``group_label``) made safe as a file name.

    Cancelling stops before the next file; files already finished are complete and stay, the one
    being written is discarded.
    """
    target = Path(folder)
    if not target.is_dir():
        raise ExportError(f"文件夹“{target}”不存在。")
    grand_total = _count_table_rows(specs)
    done_before = 0
    used: set[str] = set()
    results = []
    for number, spec in enumerate(specs, start=1):
        check_cancelled(task)
        name = _unique(safe_filename(spec.group_label or spec.title), used)
        rows = _count_table_rows([spec])
        step = f"正在生成第 {number}/{len(specs)} 个部门…"
        part = TaskPart(task, done_before, grand_total, step)
        results.append(write_catalogue(spec, target / f"{name}.pdf", part, watermark=watermark))
        done_before += rows
    return results


# --------------------------------------------------------------------------- layout and styles


class _Layout:
    """Page geometry, fonts and paragraph styles shared by every part of one PDF."""

    def __init__(self, spec: CatalogueSpec, watermark: str | None = None) -> None:
        self.kind = spec.kind
        self.watermark = (watermark or "").strip()
        self.version_label = spec.version_label  # printed in the footer
        self.page_size = A4 if spec.orientation == PORTRAIT else landscape(A4)
        top, right, bottom, left = (m * mm for m in MARGINS[spec.orientation])
        self.margins = (top, right, bottom, left)
        self.frame_width = self.page_size[0] - left - right
        self.frame_height = self.page_size[1] - top - bottom
        self.print_date = spec.print_date or date.today()
        self.body_font = resolve_font(spec.font_path, role=BODY)
        heading = resolve_font(None, role=HEADING)
        self.heading_font = heading if heading.embedded or not self.body_font.embedded else self.body_font
        self.warnings = _font_warnings(spec.font_path, self.body_font)
        self.font_size = spec.font_size
        self.styles = _styles(self.body_font.name, self.heading_font.name, spec.font_size)


def _font_warnings(preferred: str | None, font: ResolvedFont) -> list[str]:
    warnings = []
    for path, reason in font.skipped:
        if preferred and path == str(preferred):
            warnings.append(f"首选字体“{Path(path).name}”不可用（{reason}），已改用"
                            f"“{Path(font.path).name if font.path else font.name}”。")
    if font.warning:
        warnings.append(font.warning)
    return warnings


def _styles(body: str, heading: str, size: float) -> dict[str, ParagraphStyle]:
    def style(name: str, font: str, font_size: float, leading: float, align: int = TA_LEFT,
              **extra: float) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=font_size, leading=leading,
                              alignment=align, wordWrap="CJK", **extra)

    leading = round(size * 1.35, 1)
    hang = size * 0.6  # room for a hanging full-width mark, whose ink sits in the left of its box
    return {
        "cell": style("cell", body, size, leading, rightIndent=hang),
        "cell_centre": style("cell_centre", body, size, leading, TA_CENTER),
        "header": style("header", heading, size, leading, TA_CENTER),
        "attachment": style("attachment", heading, 16, 22, spaceAfter=4),
        "title": style("title", heading, 20, 28, TA_CENTER, spaceBefore=2, spaceAfter=2),
        "count": style("count", body, 12, 18, TA_CENTER, spaceAfter=10),
        "section": style("section", heading, 13, 20, spaceBefore=8, spaceAfter=5),
        "toc_title": style("toc_title", heading, 16, 24, TA_CENTER, spaceBefore=14, spaceAfter=12),
        "toc": style("toc", body, 12, 22),
        "empty": style("empty", body, size, leading),
    }


# --------------------------------------------------------------------------- story


def _attachment(label: str | None, layout: _Layout) -> list[Flowable]:
    return [Paragraph(_markup(label), layout.styles["attachment"])] if label else []


def _catalogue_story(spec: CatalogueSpec, layout: _Layout, tracker: _Tracker) -> list[Flowable]:
    title = _markup(spec.title)
    if spec.version_label and spec.version_label not in spec.title:
        version = f"（{spec.version_label}）"
        style = layout.styles["title"]
        one_line = stringWidth(spec.title + version, style.fontName, style.fontSize) <= layout.frame_width
        # Too long for one line: keep "（2022年版）" whole on the second line rather than split it.
        title += ("" if one_line else "<br/>") + _markup(version)
    story: list[Flowable] = [
        Paragraph(title, layout.styles["title"]),
        Paragraph(f"（共{spec.item_count}项）", layout.styles["count"]),
    ]
    widths = column_widths(spec.columns, layout.frame_width, layout.font_size, spec.kind, spec.weights)
    for number, section in enumerate(spec.sections):
        if section.heading:
            # Not keepWithNext: reportlab would keep the heading with the whole (long) table.
            story.append(CondPageBreak(_HEADING_ROOM))
            story.append(_section_heading(section, number, layout))
        if not section.rows:
            story.append(Paragraph("本部分无事项。", layout.styles["empty"]))
            continue
        story.extend(_section_flowables(spec, section, widths, layout, tracker))
    return story


def _section_heading(section: CatalogueSection, number: int, layout: _Layout) -> Paragraph:
    return Paragraph(_markup(section_heading(section, number)), layout.styles["section"])


def _section_flowables(spec: CatalogueSpec, section: CatalogueSection, widths: list[float],
                       layout: _Layout, tracker: _Tracker) -> list[Flowable]:
    """The ruled table of one section, as a header plus tables of about ``_CHUNK_ROWS`` rows.

    reportlab recomputes every span of a table each time it splits it at a page end, which makes
    one long spanned table quadratic (5× slower at 1,000 items).  So the rows go into chunks cut
    between items, and the header is not a repeated table row but a page-top flowable that
    reportlab puts at the top of every page while the section runs.
    """
    columns = spec.columns
    styles = [layout.styles["cell_centre"] if c in CENTRED_COLUMNS else layout.styles["cell"] for c in columns]
    flowables: list[Flowable] = [_header_table(spec, widths, layout),
                                 SetPageTopFlowables([_header_table(spec, widths, layout)])]
    texts: list[list[str | None]] = []  # None marks a cell covered by a span
    spans: list[tuple[int, int, int]] = []  # (column, first row, last row) within the chunk
    for sequence, row in enumerate(section.rows, start=1):
        tracker.story_row()
        block, block_spans = item_block(row, columns, sequence)
        if _estimated_height(block, block_spans, widths, layout) > _TALL_FRACTION * layout.frame_height:
            # An item that may not fit on a page gets a table of its own that splits inside rows.
            if texts:
                flowables.append(_chunk_table(texts, spans, styles, widths, split_rows=False))
                texts, spans = [], []
            flowables.append(_tall_item_table(block, block_spans, styles, widths))
            continue
        first = len(texts)
        spans.extend((column, first + start, first + end) for column, start, end in block_spans)
        texts.extend(block)
        if len(texts) >= _CHUNK_ROWS:
            flowables.append(_chunk_table(texts, spans, styles, widths, split_rows=False))
            texts, spans = [], []
    if texts:
        flowables.append(_chunk_table(texts, spans, styles, widths, split_rows=False))
    flowables.append(SetPageTopFlowables([]))
    return flowables


def _header_table(spec: CatalogueSpec, widths: list[float], layout: _Layout) -> Table:
    header = [Paragraph(_markup(column_label(spec, c)), layout.styles["header"])
              for c in spec.columns]
    table = Table([header], colWidths=widths)
    table.setStyle(TableStyle([*_RULES, ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#EDEDED"))]))
    return table


def _chunk_table(texts: list[list[str | None]], spans: list[tuple[int, int, int]],
                 styles: list[ParagraphStyle], widths: list[float], split_rows: bool) -> _CatalogueTable:
    data: list[list[object]] = []
    for text_row in texts:
        cells: list[object] = []
        for text, style in zip(text_row, styles, strict=True):
            cells.append(_cell(text, style, split_rows))
        data.append(cells)
    commands = [*_RULES, *(("SPAN", (column, first), (column, last)) for column, first, last in spans)]
    return _CatalogueTable(data, widths, commands, split_rows=split_rows)


def _tall_item_table(block: list[list[str | None]], spans: list[tuple[int, int, int]],
                     styles: list[ParagraphStyle], widths: list[float]) -> _CatalogueTable:
    """An item that may not fit on one page: split between and inside rows, without spans.

    reportlab cannot split a span across pages reliably, so the main item's cells print once in
    its first row and the rules between its sub-item rows are left out in those columns — it reads
    as merged, and every row boundary stays a place to break the page.
    """
    merged = {column for column, _, _ in spans}
    per_row = [c for c in range(len(widths)) if c not in merged]
    last = len(block) - 1
    commands: list[tuple] = [
        *_PADDING,
        ("LINEBEFORE", (0, 0), (-1, -1), _RULE, colors.black),
        ("LINEAFTER", (-1, 0), (-1, -1), _RULE, colors.black),
        ("LINEABOVE", (0, 0), (-1, 0), _RULE, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), _RULE, colors.black),
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), _RULE, colors.black),
        ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), _RULE, colors.black),
    ]
    commands.extend(("LINEBELOW", (c, r), (c, r), _RULE, colors.black) for r in range(last) for c in per_row)
    data = [[_cell(text, style, True) for text, style in zip(row, styles, strict=True)] for row in block]
    return _CatalogueTable(data, widths, commands, split_rows=True)


def _cell(text: str | None, style: ParagraphStyle, as_list: bool) -> object:
    """A cell's flowables: one Paragraph per line of the text.

    Separate paragraphs rather than <br/>: reportlab wraps a one-fragment paragraph on a fast
    path, and markup breaks send it to a slow one (2× for a catalogue whose legal bases list
    several laws on separate lines).  Lists are what in-row splitting needs anyway.
    """
    if not text:
        return ""
    lines = [line for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    if not lines:
        return ""
    if len(lines) == 1 and not as_list:
        return Paragraph(escape(lines[0]), style)
    return [Paragraph(escape(line), style) for line in lines]


def _estimated_height(block: list[list[str | None]], spans: list[tuple[int, int, int]],
                      widths: list[float], layout: _Layout) -> float:
    """A quick upper-ish estimate of a block's height, to decide whether rows may need splitting."""
    size = layout.font_size
    leading = size * 1.35

    def cell_height(text: str, width: float) -> float:
        per_line = max(1, int((width - 2 * CELL_PADDING) / size))
        lines = sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        return lines * leading + 6

    row_heights = [max(cell_height(t, w) for t, w in zip(r, widths, strict=True) if t is not None)
                   for r in block]
    span_heights = [cell_height(block[0][column] or "", widths[column]) for column, _, _ in spans]
    return max([sum(row_heights), *span_heights])


def _markup(text: str) -> str:
    """Cell text as reportlab paragraph markup: escaped, line breaks kept."""
    return escape(str(text)).replace("\r\n", "\n").replace("\n", "<br/>")


def _unique(name: str, used: set[str]) -> str:
    candidate, counter = name, 2
    while candidate.casefold() in used:
        candidate = f"{name}（{counter}）"
        counter += 1
    used.add(candidate.casefold())
    return candidate


def _count_table_rows(specs: Sequence[CatalogueSpec]) -> int:
    return sum(max(1, len(row.sub_rows)) for spec in specs for s in spec.sections for row in s.rows)


# --------------------------------------------------------------------------- building


class _CatalogueTable(LongTable):
    """A chunk of section rows; the own class lets progress count the rows of each page's fragment.

    Fragments made by reportlab's split call ``__init__`` with Table's own arguments, so ours are
    optional.
    """

    def __init__(self, data: list, widths: list[float] | None = None, commands: list | None = None,
                 split_rows: bool = False, **kwargs: object) -> None:
        if commands is None:  # a fragment made by reportlab's split
            super().__init__(data, **kwargs)
            return
        super().__init__(data, colWidths=widths, splitInRow=1 if split_rows else 0)
        # reportlab loses text when it splits a middle-aligned cell inside a row: align to the top.
        self.setStyle(TableStyle([*commands, ("VALIGN", (0, 0), (-1, -1), "TOP")] if split_rows else commands))
        self.commands = commands

    def with_row_splitting(self) -> _CatalogueTable:
        """The same table with cells wrapped in lists, which reportlab can split inside a row."""
        data = [[[cell] if isinstance(cell, Paragraph) else cell for cell in row] for row in self._cellvalues]
        return _CatalogueTable(data, self._argW, self.commands, split_rows=True)


class _Tracker:
    """Progress and cancel for one export: rows prepared, then rows laid out page by page."""

    def __init__(self, task: Task, total: int, name: str) -> None:
        self.task, self.total, self.name = task, max(total, 1), name
        self.prepared = 0
        self.laid_out = 0

    def story_row(self) -> None:
        check_cancelled(self.task)
        self.prepared += 1
        if self.prepared % 200 == 0:
            self.task.report(0, self.total, f"正在准备“{self.name}”")

    def page_done(self, rows: int, page: int) -> None:
        check_cancelled(self.task)
        self.laid_out = min(self.total, self.laid_out + rows)
        self.task.report(self.laid_out, self.total, f"正在排版“{self.name}”第 {page} 页")


class _Document(BaseDocTemplate):
    def __init__(self, filename: str, layout: _Layout, tracker: _Tracker, title: str) -> None:
        top, right, bottom, left = layout.margins
        super().__init__(filename, pagesize=layout.page_size, topMargin=top, rightMargin=right,
                         bottomMargin=bottom, leftMargin=left, title=title, author="",
                         creator="LawGov Desktop", subject=title)
        frame = Frame(left, bottom, layout.frame_width, layout.frame_height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                            onPage=lambda canvas, _doc: _draw_watermark(canvas, layout))])
        self.tracker = tracker

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _CatalogueTable):
            self.tracker.page_done(len(flowable._cellvalues), self.page)


def _build(path: str | os.PathLike[str], story: list[Flowable], layout: _Layout,
           tracker: _Tracker, title: str) -> int:
    """Lay out ``story`` into ``path`` via a temporary file; returns the page count."""
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(f"文件夹“{target.parent}”不存在。")
    with export_file(target) as temp:
        doc = _Document(str(temp), layout, tracker, title)
        try:
            doc.build(list(story), canvasmaker=_canvas_maker(layout))
        except LayoutError:
            # The height estimate missed a row taller than a page: split rows everywhere.
            _force_row_splitting(story)
            tracker.laid_out = 0
            doc = _Document(str(temp), layout, tracker, title)
            doc.build(list(story), canvasmaker=_canvas_maker(layout))
    tracker.task.report(tracker.total, tracker.total, f"已完成“{tracker.name}”")
    return doc.canv.page_total


_WATERMARK_GREY = colors.Color(0.5, 0.5, 0.5, alpha=0.28)
_WATERMARK_MAX_SIZE = 110  # points: "草稿" stays a mark, not a wall


def _draw_watermark(canvas: Canvas, layout: _Layout) -> None:
    """A draft's mark ("征求意见稿") corner to corner under the page's text, so that a copy sent
    out for comment is never taken for the final list and the table stays readable through it."""
    if not layout.watermark:
        return
    width, height = layout.page_size
    font = layout.heading_font.name
    size = min(_WATERMARK_MAX_SIZE, 0.7 * math.hypot(width, height) / stringWidth(layout.watermark, font, 1))
    canvas.saveState()
    canvas.setFillColor(_WATERMARK_GREY)
    canvas.setFont(font, size)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))
    canvas.drawCentredString(0, -size * 0.35, layout.watermark)
    canvas.restoreState()


def _force_row_splitting(story: list[Flowable]) -> None:
    for index, item in enumerate(story):
        if isinstance(item, _CatalogueTable) and not item.splitInRow:
            story[index] = item.with_row_splitting()


def _canvas_maker(layout: _Layout):
    def make(*args: object, **kwargs: object) -> _DeferredCanvas:
        return _DeferredCanvas(layout, *args, **kwargs)

    return make


class _DeferredCanvas(Canvas):
    """Holds pages until save, then stamps footers ("第 X 页 共 Y 页"), TOC numbers and bookmarks."""

    def __init__(self, layout: _Layout, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._layout = layout
        self._pages: list[dict] = []
        self._anchors: dict[str, tuple[int, float, str]] = {}  # key -> (page, y, title)
        self._toc_slots: list[tuple[int, str, float, float, float]] = []  # page, key, x0, x1, y
        self.page_total = 0  # known once saved

    def current_page(self) -> int:
        return len(self._pages) + 1

    def add_anchor(self, key: str, y: float, title: str) -> None:
        self._anchors[key] = (self.current_page(), y, title)

    def add_toc_slot(self, key: str, x0: float, x1: float, y: float) -> None:
        self._toc_slots.append((self.current_page(), key, x0, x1, y))

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = self._pages
        for number, state in enumerate(pages, start=1):
            self.__dict__.update(state)  # restores this page's drawing (and the attributes saved with it)
            self._stamp(number, len(pages))
            Canvas.showPage(self)
        self.page_total = len(pages)
        Canvas.save(self)

    def _stamp(self, number: int, total: int) -> None:
        layout = self._layout
        width, _height = layout.page_size
        _top, right, bottom, _left = layout.margins
        font = layout.body_font.name
        y = bottom / 2 - 3
        self.setFillColor(colors.black)
        self.setFont(font, 10.5)
        self.drawCentredString(width / 2, y, f"第 {number} 页 共 {total} 页")
        self.setFont(font, 9)
        day = layout.print_date
        self.drawRightString(width - right, y, f"打印日期：{day.year}年{day.month}月{day.day}日")
        if layout.version_label:
            self.drawString(layout.margins[3], y, layout.version_label)
        for key, (page, anchor_y, title) in self._anchors.items():
            if page == number:
                self.bookmarkHorizontal(key, 0, anchor_y)
                self.addOutlineEntry(title, key, level=0)
        for page, key, x0, x1, slot_y in self._toc_slots:
            if page == number and key in self._anchors:
                self._stamp_toc_number(key, x0, x1, slot_y)

    def _stamp_toc_number(self, key: str, x0: float, x1: float, y: float) -> None:
        font = self._layout.body_font.name
        text = str(self._anchors[key][0])
        self.setFont(font, 12)
        number_x = x1 - stringWidth(text, font, 12)
        dots = int((number_x - x0 - 10) / stringWidth("·", font, 12))
        if dots > 0:
            self.drawRightString(number_x - 4, y, "·" * dots)
        self.drawString(number_x, y, text)
        self.linkRect("", key, (x0, y - 4, x1, y + 12), relative=0, thickness=0, name=f"toc-{key}")


class _Anchor(Flowable):
    """An invisible mark where a department starts: the target of its TOC line and bookmark."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key, self.title = key, title
        self.width = self.height = 0

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        canvas.add_anchor(self.key, y + 20, self.title)

    def draw(self) -> None:
        pass


class _TocLine(Flowable):
    """A TOC entry; its dotted leader and page number are stamped when the canvas saves."""

    def __init__(self, key: str, text: str, layout: _Layout) -> None:
        super().__init__()
        self.key, self.text = key, text
        self.style = layout.styles["toc"]
        self.width = layout.frame_width
        self.height = self.style.leading

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        baseline = y + (self.height - self.style.fontSize) / 2
        canvas.setFont(self.style.fontName, self.style.fontSize)
        canvas.drawString(x + 24, baseline, self.text)
        text_end = x + 24 + stringWidth(self.text, self.style.fontName, self.style.fontSize)
        canvas.add_toc_slot(self.key, text_end, x + self.width - 24, baseline)

    def draw(self) -> None:
        pass


__all__ = [
    "PdfResult",
    "write_catalogue",
    "write_catalogue_book",
    "write_catalogues_to_folder",
]
