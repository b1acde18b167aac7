"""Word catalogues: read back with python-docx, and converted to PDF by LibreOffice as Word would print."""

from __future__ import annotations

import os
import subprocess
from types import SimpleNamespace

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from external_tools import LIBREOFFICE, PDFTOTEXT, require_tool
from library_data import MARKET, MULTI_LINE_BASIS, build_lists, new_library
from pdf_helpers import compact, licence_row, make_spec

from lawgov_desktop.core.errors import Cancelled
from lawgov_desktop.core.fields import POWER
from lawgov_desktop.core.layouts import field_label
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.exporters import model as model_module
from lawgov_desktop.exporters.catalogue import licence_catalogue
from lawgov_desktop.exporters.docx import BODY_FONT, HEADING_FONT, TITLE_FONT, write_catalogue_docx
from lawgov_desktop.exporters.model import PORTRAIT, CatalogueRow, CatalogueSection, ExportError

W_VAL = qn("w:val")


def spec_with_sub_items(rows_per_part: int = 40):
    spec = make_spec(rows_per_part)
    spec.sections[0].rows[3] = licence_row("特种设备使用登记", 3, ["特种设备使用登记（新办）", "特种设备使用登记（变更）"])
    return spec


def all_names(spec):
    names = []
    for section in spec.sections:
        for row in section.rows:
            names.append(row.values["name"])
            names.extend(sub["sub_item"] for sub in row.sub_rows if sub.get("sub_item"))
    return names


def cell_texts(document):
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def test_every_item_is_in_a_table_per_section_under_a_repeating_header(tmp_path):
    spec = spec_with_sub_items()
    path = write_catalogue_docx(spec, tmp_path / "清单.docx")
    document = docx.Document(str(path))
    assert len(document.tables) == len(spec.sections)
    texts = cell_texts(document)
    for name in all_names(spec):
        assert name in texts
    labels = [field_label(spec.kind, column) for column in spec.columns]
    for table, section in zip(document.tables, spec.sections, strict=True):
        rows = table._tbl.tr_lst
        assert [cell.text for cell in table.rows[0].cells] == labels
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None  # repeats at the top of every page
        assert all(row.trPr is None or row.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])
        sequences = [row.cells[0].text for row in table.rows[1:]]
        assert list(dict.fromkeys(sequences)) == [str(n) for n in range(1, len(section.rows) + 1)]


def test_sub_items_are_rows_and_the_main_item_cells_are_merged_down(tmp_path):
    spec = spec_with_sub_items()
    table = docx.Document(str(write_catalogue_docx(spec, tmp_path / "a.docx"))).tables[0]
    first, second = table._tbl.tr_lst[4], table._tbl.tr_lst[5]  # item 4's two sub-item rows
    sub_item = spec.columns.index("sub_item")

    def merge(tr, column):
        found = tr.tc_lst[column].tcPr.find(qn("w:vMerge"))
        return None if found is None else found.get(W_VAL, "continue")

    assert [tc.xpath("string(.)") for tc in (first.tc_lst[sub_item], second.tc_lst[sub_item])] == [
        "特种设备使用登记（新办）", "特种设备使用登记（变更）"]
    for column, key in enumerate(spec.columns):
        if key == "sub_item":
            assert merge(first, column) is None and merge(second, column) is None
        else:
            assert (merge(first, column), merge(second, column)) == ("restart", "continue")
    assert first.tc_lst[spec.columns.index("name")].xpath("string(.)") == "特种设备使用登记"
    assert second.tc_lst[spec.columns.index("name")].xpath("string(.)") == ""


def test_attachment_title_version_count_and_numbered_headings(tmp_path):
    spec = make_spec(40)
    paragraphs = [p.text for p in docx.Document(str(write_catalogue_docx(spec, tmp_path / "a.docx"))).paragraphs]
    assert paragraphs[:4] == ["附件1", "汕尾市市场监督管理局行政许可事项清单（2022年版）", f"（共{spec.item_count}项）",
                              "一、中央层面设定的行政许可事项（共40项）"]
    assert "二、地方性法规、省政府规章设定的行政许可事项（共5项）" in paragraphs


def test_power_batches_keep_their_own_numbering(tmp_path):
    rows = [CatalogueRow({"code": f"0{i}", "name": f"对违法行为的处罚{i}", "power_type": "行政处罚",
                          "department": "城区市场监督管理局", "receiving": "田墘街道、东洲街道"}) for i in range(6)]
    spec = make_spec(kind=POWER, title="红海湾经济开发试验区田墘街道赋权执法事项清单",
                     columns=["sequence", "code", "name", "power_type", "department", "receiving"],
                     sections=[CatalogueSection("第一批", rows[:4]), CatalogueSection("第二批", rows[4:])])
    document = docx.Document(str(write_catalogue_docx(spec, tmp_path / "p.docx")))
    paragraphs = [p.text for p in document.paragraphs]
    assert "第一批（共4项）" in paragraphs and "第二批（共2项）" in paragraphs
    assert [c.text for c in document.tables[0].rows[0].cells][-2:] == ["原实施主体", "承接主体"]


def test_footer_numbers_pages_with_fields_and_names_the_version(tmp_path):
    document = docx.Document(str(write_catalogue_docx(make_spec(5), tmp_path / "a.docx")))
    footer = document.sections[0].footer._element
    instructions = [field.get(qn("w:instr")).strip() for field in footer.iter(qn("w:fldSimple"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert compact(footer.xpath("string(.)")) == "第1页共1页2022年版"  # field results are placeholders


def test_fonts_are_named_as_offices_name_them(tmp_path):
    document = docx.Document(str(write_catalogue_docx(make_spec(5), tmp_path / "a.docx")))

    def east_asian_font(style_id):
        style = document.styles.element.xpath(f"w:style[@w:styleId='{style_id}']")[0]
        return style.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia"))

    assert east_asian_font("LawGovCell") == BODY_FONT == "仿宋_GB2312"
    assert east_asian_font("LawGovTitle") == TITLE_FONT == "方正小标宋简体"
    assert east_asian_font("LawGovHeader") == east_asian_font("LawGovSection") == HEADING_FONT == "黑体"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:rFonts')}").get(qn("w:eastAsia")) == BODY_FONT
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:eastAsia")) == "zh-CN"
    fonts = document.part.part_related_by(RELATIONSHIP_TYPE.FONT_TABLE).blob.decode("utf-8")
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in fonts
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="黑体"/>' in fonts


@pytest.mark.parametrize("orientation", ["landscape", PORTRAIT])
def test_page_is_a4_and_the_columns_fit_it(tmp_path, orientation):
    document = docx.Document(str(write_catalogue_docx(make_spec(5), tmp_path / "a.docx", orientation=orientation)))
    section = document.sections[0]
    size = sorted([round(section.page_width.mm), round(section.page_height.mm)])
    assert size == [210, 297]
    assert (section.page_width > section.page_height) == (orientation == "landscape")
    text_width = docx.shared.Length(section.page_width - section.left_margin - section.right_margin)
    for table in document.tables:
        widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iter(qn("w:gridCol"))]
        assert abs(sum(widths) - text_width.twips) <= len(widths)  # rounding only
        assert widths[0] == min(widths)  # 序号 narrow
        assert widths[make_spec().columns.index("legal_basis")] == max(widths)


def test_watermark_marks_a_draft_on_every_page(tmp_path):
    draft = docx.Document(str(write_catalogue_docx(make_spec(5), tmp_path / "d.docx", watermark="征求意见稿")))
    header = draft.sections[0].header._element
    paths = header.xpath(".//*[local-name()='textpath' and @string]")
    assert [p.get("string") for p in paths] == ["征求意见稿"]
    assert "rotation:315" in header.xpath(".//*[local-name()='shape']")[0].get("style")
    assert header.xpath(".//*[local-name()='shape']")[0].get("id").startswith("PowerPlusWaterMarkObject")
    specs = [make_spec(3, group_label=f"部门{i}", version_label=f"{2022 + i}年版") for i in range(2)]
    book = docx.Document(str(write_catalogue_docx(specs, tmp_path / "b.docx", watermark="草稿")))
    assert book.sections[1].header.is_linked_to_previous  # the second department shows the first's header
    assert book.sections[0].header._element.xpath(".//*[local-name()='textpath']/@string") == ["草稿"]
    final = docx.Document(str(write_catalogue_docx(make_spec(5), tmp_path / "f.docx")))
    assert not final.sections[0].header._element.xpath(".//*[local-name()='textpath']")


def test_several_departments_each_from_a_new_page_under_their_heading(tmp_path):
    specs = [make_spec(6 + 3 * i, title=f"汕尾市部门{i}行政许可事项清单", group_label=f"部门{i}",
                       version_label="2023年版" if i == 2 else "2022年版") for i in range(3)]
    path = write_catalogue_docx(specs, tmp_path / "book.docx", title="汕尾市行政许可事项清单")
    document = docx.Document(str(path))
    assert len(document.sections) == 3
    assert [s.start_type for s in document.sections[1:]] == [docx.enum.section.WD_SECTION.NEW_PAGE] * 2
    titles = [p.text for p in document.paragraphs if p.style.style_id == "LawGovTitle"]
    assert titles == ["汕尾市行政许可事项清单", *(f"汕尾市部门{i}行政许可事项清单（{s.version_label}）"
                                          for i, s in enumerate(specs))]
    assert [p.text for p in document.paragraphs].count("附件1") == 1
    assert len(document.tables) == 6
    texts = cell_texts(document)
    for spec in specs:
        for name in all_names(spec):
            assert name in texts
    footers = [compact(s.footer._element.xpath("string(.)")) for s in document.sections]
    assert footers == ["第1页共1页2022年版", "第1页共1页2022年版", "第1页共1页2023年版"]
    assert document.sections[1].footer.is_linked_to_previous  # same version: the first section's footer


def test_library_catalogue_multi_line_cells_and_sub_items_with_their_own_cells(tmp_path):
    library = new_library(tmp_path / "lists.sqlite3")
    try:
        build_lists(library)
        spec = licence_catalogue(library, ListFilter(department_ids=(library.records.find_department(MARKET),)))
    finally:
        library.close()
    document = docx.Document(str(write_catalogue_docx(spec, tmp_path / "market.docx")))
    texts = cell_texts(document)
    for name in all_names(spec):
        assert name in texts
    assert MULTI_LINE_BASIS in texts  # one paragraph per line, read back joined by line breaks
    assert "=SUM(A1)" in texts


def test_text_that_is_not_xml_is_written_literally_or_dropped(tmp_path):
    spec = make_spec(2)
    spec.sections[0].rows[0].values["name"] = "A<b>&B</b>许可\x0b"
    texts = cell_texts(docx.Document(str(write_catalogue_docx(spec, tmp_path / "a.docx"))))
    assert "A<b>&B</b>许可" in texts


def test_progress_and_cancel_leave_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "a.docx"
    calls = []
    write_catalogue_docx(make_spec(400), path, task=SimpleNamespace(
        report=lambda d, t, m: calls.append((d, t)), cancelled=False))
    assert [d for d, _ in calls] == sorted(d for d, _ in calls) and calls[-1] == (450, 450)
    path.write_bytes(b"old good file")

    class CancelAfterFirstReport:
        cancelled = False

        def report(self, done, total, text):
            self.cancelled = True

    with pytest.raises(Cancelled):
        write_catalogue_docx(make_spec(400), path, task=CancelAfterFirstReport())
    assert path.read_bytes() == b"old good file"
    assert os.listdir(tmp_path) == ["a.docx"]


def test_errors_name_the_folder_or_the_empty_selection(tmp_path):
    with pytest.raises(ExportError, match="不存在"):
        write_catalogue_docx(make_spec(2), tmp_path / "missing" / "a.docx")
    with pytest.raises(ExportError, match="没有可导出的清单"):
        write_catalogue_docx([], tmp_path / "a.docx")


def test_a_file_held_open_gives_a_plain_message(tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError("locked")

    monkeypatch.setattr(model_module, "atomic_write", refuse)
    with pytest.raises(ExportError, match="正被其他程序打开"):
        write_catalogue_docx(make_spec(2), tmp_path / "a.docx")


def test_libreoffice_opens_it_and_prints_every_item(tmp_path):
    soffice = require_tool(LIBREOFFICE)
    pdftotext = require_tool(PDFTOTEXT)
    specs = [spec_with_sub_items(60), make_spec(8, title="汕尾市住房和城乡建设局行政许可事项清单",
                                                group_label="市住房和城乡建设局")]
    path = write_catalogue_docx(specs, tmp_path / "清单.docx", watermark="草稿")
    profile = (tmp_path / "profile").as_uri()  # its own profile: a running LibreOffice would take the job
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "清单.pdf"
    text = subprocess.run([pdftotext, "-raw", str(pdf), "-"], check=True, capture_output=True, text=True,
                          timeout=60).stdout
    pages = text.split("\f")[:-1]
    everything = compact(text)
    for spec in specs:
        for name in all_names(spec):
            assert name in everything
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in compact(page)
        assert "序号事项名称" in compact(page)  # the header row repeated on every page


def test_a_title_too_long_for_a_line_keeps_its_version_whole_on_the_next(tmp_path):
    spec = make_spec(2, title="汕尾市红海湾经济开发试验区城市管理和综合执法局行政许可事项清单")
    path = write_catalogue_docx(spec, tmp_path / "a.docx", orientation=PORTRAIT)
    title = docx.Document(str(path)).paragraphs[1]
    assert [run.text for run in title.runs] == [spec.title, "\n", "（2022年版）"]  # python-docx reads w:br as \n
    short = make_spec(2)
    wide = docx.Document(str(write_catalogue_docx(short, tmp_path / "b.docx"))).paragraphs[1]
    assert [run.text for run in wide.runs] == [f"{short.title}（2022年版）"]  # fits a landscape line
