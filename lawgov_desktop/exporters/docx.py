"""Catalogues as Word documents: the attachment a clerk pastes into a 红头文件 and edits there.

The same ``CatalogueSpec`` the PDF prints becomes a .docx that reads like the PDF: "附件N", the
title with its version and count, part or batch headings "一、…（共N项）", one ruled table per
section whose header row repeats on every page, a main item's cells merged down the rows of its
sub-items, and "第 X 页 共 Y 页" with the version name in the footer.  Several departments make one
document, each from a new page under its own heading (Word's navigation pane lists them).

Fonts are named as offices name them — 仿宋_GB2312 for the body, 方正小标宋简体 for the title, 黑体
for headings — with the font table's alternative names (仿宋, 黑体) for PCs that lack them; Word and
WPS substitute what is missing, nothing is embedded.  A draft carries a diagonal watermark
("征求意见稿", "草稿" …) in the page header, the way Word's own 水印 is stored.

Speed: python-docx's table API looks every cell up again on each access (quadratic in rows), so
the body is written as WordprocessingML text and parsed once per catalogue; python-docx does the
package, styles, sections, header and footer.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm
from lxml import etree

from lawgov_desktop.core.progress import NO_TASK, Task, check_cancelled
from lawgov_desktop.exporters.model import (
    CENTRED_COLUMNS,
    LANDSCAPE,
    MARGINS,
    PORTRAIT,
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

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
# What Word and WPS look for when the named font is missing (the font table's w:altName).
FONT_ALTERNATIVES = {BODY_FONT: "仿宋", TITLE_FONT: "黑体"}

_TWIPS_PER_POINT = 20
_A4_MM = (210, 297)
_CELL_MARGIN = 60  # twips (3 pt) left and right, as the PDF's cell padding: 序号 fits on one line
_CELL_MARGIN_VERTICAL = 40  # twips (2 pt) above and below a cell's text
_RULE = 4  # eighths of a point: 0.5 pt rules
_HEADER_FILL = "EDEDED"
_PROGRESS_EVERY = 200
# Characters XML 1.0 cannot hold (workbook cells sometimes carry them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Paragraph styles: id -> (name a clerk sees in Word, font, size in points or None for the table
# size, alignment, outline level or None, keep with next paragraph).
_STYLES = {
    "LawGovAttachment": ("附件标注", HEADING_FONT, 16, "left", None, True),
    "LawGovTitle": ("清单标题", TITLE_FONT, 22, "center", 0, True),
    "LawGovCount": ("事项数", BODY_FONT, 14, "center", None, True),
    "LawGovSection": ("部分标题", HEADING_FONT, 16, "left", 1, True),
    "LawGovHeader": ("表头", HEADING_FONT, None, "center", None, False),
    "LawGovCell": ("表格正文", BODY_FONT, None, "left", None, False),
    "LawGovCellCentre": ("表格正文居中", BODY_FONT, None, "center", None, False),
    "LawGovFooter": ("页脚", BODY_FONT, 10.5, "center", None, False),
}
# Space before and after a paragraph of a style, in twips.
_SPACING = {"LawGovTitle": (0, 120), "LawGovCount": (0, 240), "LawGovSection": (200, 120),
            "LawGovAttachment": (0, 120)}


def write_catalogue_docx(
    catalogues: CatalogueSpec | Sequence[CatalogueSpec],
    path: str | os.PathLike[str],
    *,
    orientation: str | None = None,
    watermark: str | None = None,
    title: str | None = None,
    attachment_label: str | None = None,
    task: Task = NO_TASK,
) -> Path:
    """Write one catalogue, or several departments' as one document, to ``path`` atomically.

    ``orientation`` (``LANDSCAPE``/``PORTRAIT``) defaults to the first catalogue's; ``watermark``
    marks a draft on every page; ``title`` heads a document of several departments; the attachment
    label defaults to the first catalogue's and prints once, at the top.
    """
    specs = [catalogues] if isinstance(catalogues, CatalogueSpec) else list(catalogues)
    if not specs:
        raise ExportError("没有可导出的清单。")
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(f"文件夹“{target.parent}”不存在。")
    first = specs[0]
    page = _Page(orientation or first.orientation)
    document = _new_document(page, first.font_size, title or first.title)
    if watermark:
        _add_watermark(document, watermark, page)
    progress = _Progress(task, sum(len(s.rows) for spec in specs for s in spec.sections))
    label = attachment_label if attachment_label is not None else first.attachment_label
    opening = _paragraph("LawGovAttachment", label) if label else ""
    if title and len(specs) > 1:
        opening += _paragraph("LawGovTitle", title)
    for number, spec in enumerate(specs):
        if number:
            _add_section_break(document)
        if number == 0 or spec.version_label != specs[number - 1].version_label:
            _set_footer(document, spec.version_label, page)
        _append_body(document, (opening if number == 0 else "") + _catalogue_xml(spec, page, progress))
    _append_body(document, f"<w:p><w:pPr>{_HAIRLINE}</w:pPr></w:p>")  # Word ends a body with a paragraph
    with export_file(target) as temp:
        document.save(str(temp))
    task.report(progress.total, progress.total, "已完成 Word 文档")
    return target


# --------------------------------------------------------------------------- document and page


class _Page:
    """A4 in the chosen orientation with the PDF's margins, in twips."""

    def __init__(self, orientation: str) -> None:
        self.orientation = PORTRAIT if orientation == PORTRAIT else LANDSCAPE
        short, long = _A4_MM
        self.width_mm, self.height_mm = (short, long) if self.orientation == PORTRAIT else (long, short)
        self.margins_mm = MARGINS[self.orientation]  # top, right, bottom, left
        _top, right, _bottom, left = self.margins_mm
        self.text_width = int(Mm(self.width_mm - left - right).twips)


def _new_document(page: _Page, font_size: float, title: str) -> WordDocument:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT if page.orientation == PORTRAIT else WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    top, right, bottom, left = page.margins_mm
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    section.header_distance = section.footer_distance = Mm(min(top, bottom) / 2)
    _define_styles(document, font_size)
    _name_font_alternatives(document)
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = title, "", ""
    properties.comments, properties.keywords, properties.subject = "", "", ""
    return document


def _define_styles(document: WordDocument, font_size: float) -> None:
    """Chinese defaults (font, language, no spacing) and the catalogue's paragraph styles."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        styles.remove(defaults)
    styles.insert(0, parse_xml(
        f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>{_run_fonts(BODY_FONT)}"
        f"{_size(font_size)}<w:lang w:val=\"zh-CN\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        "<w:pPrDefault><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
        "</w:pPr></w:pPrDefault></w:docDefaults>"))
    for style_id, (name, font, size, align, outline, keep_next) in _STYLES.items():
        paragraph = (("<w:keepNext/>" if keep_next else "")
                     + "<w:spacing w:before=\"{}\" w:after=\"{}\"/>".format(*_SPACING.get(style_id, (0, 0)))
                     + f"<w:jc w:val=\"{align}\"/>"
                     + (f"<w:outlineLvl w:val=\"{outline}\"/>" if outline is not None else ""))
        styles.append(parse_xml(
            f"<w:style {nsdecls('w')} w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"{style_id}\">"
            f"<w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
            f"<w:pPr>{paragraph}</w:pPr><w:rPr>{_run_fonts(font)}{_size(size or font_size)}</w:rPr></w:style>"))


def _run_fonts(font: str) -> str:
    return f"<w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\" w:eastAsia=\"{font}\" w:cs=\"{font}\"/>"


def _size(points: float) -> str:
    half_points = round(points * 2)
    return f"<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/>"


def _name_font_alternatives(document: WordDocument) -> None:
    """Font-table entries so Word and WPS fall back to 仿宋 / 黑体 where the GB2312 fonts are missing.

    python-docx keeps the font table as raw bytes (no API), so its ``_blob`` is rewritten.
    """
    part = document.part.part_related_by(RELATIONSHIP_TYPE.FONT_TABLE)
    fonts = etree.fromstring(part.blob)
    for name, alternative in {**FONT_ALTERNATIVES, HEADING_FONT: None}.items():
        font = etree.SubElement(fonts, qn("w:font"), {qn("w:name"): name})
        if alternative:
            etree.SubElement(font, qn("w:altName"), {qn("w:val"): alternative})
        etree.SubElement(font, qn("w:charset"), {qn("w:val"): "86"})  # GB2312
        etree.SubElement(font, qn("w:family"), {qn("w:val"): "modern"})
        etree.SubElement(font, qn("w:pitch"), {qn("w:val"): "fixed"})
    part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)


def _set_footer(document: WordDocument, version: str | None, page: _Page) -> None:
    """"第 X 页 共 Y 页" centred (PAGE and NUMPAGES fields), the version name at the right."""
    footer = document.sections[-1].footer
    footer.is_linked_to_previous = False
    body = footer._element
    for old in body.findall(qn("w:p")):
        body.remove(old)
    tabs = (f"<w:tabs><w:tab w:val=\"center\" w:pos=\"{page.text_width // 2}\"/>"
            f"<w:tab w:val=\"right\" w:pos=\"{page.text_width}\"/></w:tabs>")
    field = "<w:fldSimple w:instr=\" {} \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
    runs = (_run("第 ") + field.format("PAGE") + _run(" 页 共 ") + field.format("NUMPAGES") + _run(" 页"))
    if version:
        runs = "<w:r><w:tab/></w:r>" + runs + "<w:r><w:tab/></w:r>" + _run(version)
    body.append(parse_xml(
        f"<w:p {nsdecls('w')}><w:pPr><w:pStyle w:val=\"LawGovFooter\"/>{tabs if version else ''}"
        f"<w:jc w:val=\"{'left' if version else 'center'}\"/></w:pPr>{runs}</w:p>"))


_VML = ('xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w10="urn:schemas-microsoft-com:office:word"')
# Word's text-watermark shape type (#136, "PowerPlusWaterMarkObject"), as Word itself writes it.
_WATERMARK_SHAPE_TYPE = (
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
    + "".join(f'<v:f eqn="{equation}"/>' for equation in (
        "sum #0 0 10800", "prod #0 2 1", "sum 21600 0 @1", "sum 0 0 @2", "sum 21600 0 @3", "if @0 @3 0",
        "if @0 21600 @1", "if @0 0 @2", "if @0 @4 21600", "mid @5 @6", "mid @8 @5", "mid @7 @8", "mid @6 @7",
        "sum @6 0 @5"))
    + '</v:formulas><v:path textpathok="t" o:connecttype="custom" '
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/>'
    '</v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
)


def _add_watermark(document: WordDocument, text: str, page: _Page) -> None:
    """A grey diagonal text behind every page, kept in the header as Word's 水印 is.

    The shape's id is the one Word gives its own watermarks, so 设计 › 水印 › 删除水印 in Word
    removes it once the draft becomes the final list.
    """
    header = document.sections[0].header
    header.is_linked_to_previous = False
    width = page.text_width / _TWIPS_PER_POINT * 0.8
    height = width / max(2, len(text))
    shape = (
        f'<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" '
        f'style="position:absolute;margin-left:0;margin-top:0;width:{width:.0f}pt;height:{height:.0f}pt;'
        'rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;'
        'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" '
        'fillcolor="silver" stroked="f"><v:fill opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;{HEADING_FONT}&quot;;font-size:1pt" string={quoteattr(_clean(text))}/>'
        '<w10:wrap anchorx="margin" anchory="margin"/></v:shape>'
    )
    body = header._element
    for old in body.findall(qn("w:p")):
        body.remove(old)
    body.append(parse_xml(
        f"<w:p {nsdecls('w')} {_VML}><w:r><w:rPr><w:noProof/></w:rPr>"
        f"<w:pict>{_WATERMARK_SHAPE_TYPE}{shape}</w:pict></w:r></w:p>"))


# A paragraph one twip high: the one after a table that ends a page would otherwise take a page.
_HAIRLINE = "<w:spacing w:line=\"20\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr>"


def _add_section_break(document: WordDocument) -> None:
    """Start a new page in a new Word section (its footer may name another version)."""
    document.add_section(WD_SECTION.NEW_PAGE)
    section_mark = document.element.body.sectPr.getprevious().pPr.sectPr
    for element in list(parse_xml(f"<w:pPr {nsdecls('w')}>{_HAIRLINE}</w:pPr>")):
        section_mark.addprevious(element)


def _append_body(document: WordDocument, xml: str) -> None:
    """Parse body XML once and put it before the document's final section properties.

    The parsed tree moves into the document whole and is unwrapped there: lxml moves one child at
    a time between documents some 400× slower (5 s for a 1,000-item catalogue).
    """
    wrapper = parse_xml(f"<w:body {nsdecls('w')}>{xml}</w:body>")
    document.element.body.sectPr.addprevious(wrapper)
    for element in list(wrapper):
        wrapper.addprevious(element)
    wrapper.getparent().remove(wrapper)


# --------------------------------------------------------------------------- catalogue body


class _Progress:
    """Items written, reported every ``_PROGRESS_EVERY``; a cancel is noticed at the next item."""

    def __init__(self, task: Task, total: int) -> None:
        self.task, self.total, self.done = task, total, 0

    def item(self) -> None:
        check_cancelled(self.task)
        self.done += 1
        if self.done % _PROGRESS_EVERY == 0:
            self.task.report(self.done, self.total, "正在生成 Word 文档")


def _catalogue_xml(spec: CatalogueSpec, page: _Page, progress: _Progress) -> str:
    parts = [_title_paragraph(spec, page),
             _paragraph("LawGovCount", f"（共{spec.item_count}项）")]
    points = column_widths(spec.columns, page.text_width / _TWIPS_PER_POINT, spec.font_size, spec.kind, spec.weights)
    widths = [int(width * _TWIPS_PER_POINT) for width in points]
    for number, section in enumerate(spec.sections):
        if section.heading:
            parts.append(_paragraph("LawGovSection", section_heading(section, number)))
        if not section.rows:
            parts.append(_paragraph("LawGovCell", "本部分无事项。"))
            continue
        parts.append(_table_xml(spec, section.rows, widths, progress))
    return "".join(parts)


def _title_paragraph(spec: CatalogueSpec, page: _Page) -> str:
    """The title; one too long for a line keeps "（2022年版）" whole on the second line."""
    title = catalogue_title(spec)
    size = _STYLES["LawGovTitle"][2]
    width = sum(size if unicodedata.east_asian_width(c) in "WF" else size / 2 for c in title)
    if title == spec.title or width * _TWIPS_PER_POINT <= page.text_width:
        return _paragraph("LawGovTitle", title)
    version = title[len(spec.title):]
    return (f"<w:p><w:pPr><w:pStyle w:val=\"LawGovTitle\"/></w:pPr>{_run(spec.title)}<w:r><w:br/></w:r>"
            f"{_run(version)}</w:p>")


def _table_xml(spec: CatalogueSpec, rows: Sequence[CatalogueRow], widths: list[int], progress: _Progress) -> str:
    """One section's table: a header row marked to repeat on each page, then each item's block."""
    side = f"w:val=\"single\" w:sz=\"{_RULE}\" w:space=\"0\" w:color=\"000000\""
    borders = "".join(f"<w:{edge} {side}/>" for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))
    parts = [
        f"<w:tbl><w:tblPr><w:tblW w:w=\"{sum(widths)}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
        f"<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
        f"<w:top w:w=\"{_CELL_MARGIN_VERTICAL}\" w:type=\"dxa\"/><w:left w:w=\"{_CELL_MARGIN}\" w:type=\"dxa\"/>"
        f"<w:bottom w:w=\"{_CELL_MARGIN_VERTICAL}\" w:type=\"dxa\"/><w:right w:w=\"{_CELL_MARGIN}\" w:type=\"dxa\"/>"
        "</w:tblCellMar></w:tblPr><w:tblGrid>",
        *(f"<w:gridCol w:w=\"{width}\"/>" for width in widths),
        "</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
        *(_cell(width, column_label(spec, column), "LawGovHeader",
                extra=f"<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{_HEADER_FILL}\"/>")
          for column, width in zip(spec.columns, widths, strict=True)),
        "</w:tr>",
    ]
    styles = ["LawGovCellCentre" if column in CENTRED_COLUMNS else "LawGovCell" for column in spec.columns]
    for sequence, row in enumerate(rows, start=1):
        progress.item()
        block, spans = item_block(row, spec.columns, sequence)
        merged = {column for column, _first, _last in spans}
        for index, texts in enumerate(block):
            parts.append("<w:tr>")
            for column, (text, width, style) in enumerate(zip(texts, widths, styles, strict=True)):
                merge = ""
                if column in merged:
                    merge = "<w:vMerge w:val=\"restart\"/>" if index == 0 else "<w:vMerge/>"
                parts.append(_cell(width, text or "", style, merge))
            parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def _cell(width: int, text: str, style: str, merge: str = "", extra: str = "") -> str:
    """A table cell: one paragraph per line of ``text`` (an empty one when there is none)."""
    lines = [line for line in text.replace("\r\n", "\n").split("\n") if line.strip()] or [""]
    paragraphs = "".join(_paragraph(style, line) for line in lines)
    return (f"<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{merge}{extra}"
            f"<w:vAlign w:val=\"center\"/></w:tcPr>{paragraphs}</w:tc>")


def _paragraph(style: str, text: str) -> str:
    return f"<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{_run(text) if text else ''}</w:p>"


def _run(text: str) -> str:
    return f"<w:r><w:t xml:space=\"preserve\">{escape(_clean(text))}</w:t></w:r>"


def _clean(text: str) -> str:
    return _NOT_XML.sub("", str(text))


__all__ = ["BODY_FONT", "HEADING_FONT", "TITLE_FONT", "write_catalogue_docx"]
