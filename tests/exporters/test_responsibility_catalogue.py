"""The printed 权责清单: a section per power type in the standard order with its count, sub-items
under their item, the responsibility columns, a book with a part per department; and the
departments' 权责清单 sentences in the statistics workbook and one-page PDF."""

from __future__ import annotations

import openpyxl
import pytest
from pdf_helpers import compact, needs_font, page_texts
from pypdf import PdfReader
from responsibility_data import (
    ACCOUNTABILITY,
    ARCHIVES,
    ARCHIVES_SUMMARY,
    HOUSING,
    HOUSING_SUMMARY,
    RESPONSIBILITY_TEXT,
    SUB_ITEMS,
    build_responsibility_lists,
)

from lawgov_desktop.core.fields import RESPONSIBILITY
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.core.summary import responsibility_lines, summary_paragraph
from lawgov_desktop.exporters.catalogue import (
    RESPONSIBILITY_COLUMNS,
    CatalogueOptions,
    book_title,
    printable_fields,
    responsibility_catalogue,
    responsibility_catalogues,
)
from lawgov_desktop.exporters.model import ExportError
from lawgov_desktop.exporters.pdf import write_catalogue, write_catalogue_book
from lawgov_desktop.exporters.statistics import write_stats_pdf, write_stats_workbook

HEADER = "序号事项名称子项名称实施依据承办机构实施层级责任事项内容追责情形"
SECTIONS = ("一、行政许可（共2项）", "二、行政处罚（共2项）", "三、行政检查（共1项）", "四、其他行政权力（共1项）")


@pytest.fixture(scope="module")
def library(module_library):
    library = module_library("responsibility")
    build_responsibility_lists(library)
    return library


def housing(library) -> ListFilter:
    return ListFilter(department_ids=(library.records.find_department(HOUSING),))


def test_a_department_list_has_a_section_per_type_in_the_standard_order(library):
    spec = responsibility_catalogue(library, housing(library))
    assert (spec.title, spec.kind, spec.item_count) == ("汕尾市住房和城乡建设局权责清单", RESPONSIBILITY, 6)
    assert [(section.heading, len(section.rows)) for section in spec.sections] == [
        ("行政许可", 2), ("行政处罚", 2), ("行政检查", 1), ("其他行政权力", 1)]
    assert spec.columns == list(RESPONSIBILITY_COLUMNS)
    licence = spec.sections[0].rows[0]
    assert licence.values["name"] == "建筑工程施工许可" and licence.values["handling_office"] == "建筑市场监管科"
    assert licence.sub_rows == [{"sub_item": SUB_ITEMS[0]}, {"sub_item": SUB_ITEMS[1], "level": "县市区级"}]


def test_a_list_without_sub_items_leaves_out_their_column_unless_chosen(library):
    archives = ListFilter(department_ids=(library.records.find_department(ARCHIVES),))
    spec = responsibility_catalogue(library, archives)
    assert "sub_item" not in spec.columns and [s.heading for s in spec.sections] == ["行政处罚", "其他行政权力"]
    chosen = ["sequence", "name", "sub_item", "code", "duties"]
    assert responsibility_catalogue(library, archives, CatalogueOptions(columns=chosen)).columns == chosen
    assert "affiliation" not in {spec.key for spec in printable_fields(RESPONSIBILITY)}  # not kept
    with pytest.raises(ExportError, match="没有符合条件的权责事项"):
        responsibility_catalogue(library, ListFilter(text="不存在的事项"))


def test_several_departments_print_as_the_citys_list_with_a_department_column(library):
    spec = responsibility_catalogue(library)
    assert spec.title == "汕尾市权责清单" and spec.columns[:3] == ["sequence", "department", "name"]
    assert [(s.heading, len(s.rows)) for s in spec.sections] == [
        ("行政许可", 2), ("行政处罚", 3), ("行政检查", 1), ("其他行政权力", 2)]
    only = responsibility_catalogue(library, ListFilter(power_types=("行政许可",)))  # one department's powers
    assert only.title == "汕尾市住房和城乡建设局权责清单"


def test_a_saved_version_prints_under_its_name_with_its_own_sub_items(library):
    version = library.versions.save_version("2024年版")
    try:
        spec = responsibility_catalogue(library, ListFilter(department_ids=housing(library).department_ids,
                                                            version_id=version))
        assert (spec.title, spec.version_label, spec.item_count) == ("汕尾市住房和城乡建设局权责清单", "2024年版", 6)
        assert [sub["sub_item"] for sub in spec.sections[0].rows[0].sub_rows] == list(SUB_ITEMS)
        assert {s.version_label for s in responsibility_catalogues(library, ListFilter(version_id=version))} == {
            "2024年版"}
    finally:
        library.versions.delete_version(version)
    assert responsibility_catalogue(library, housing(library)).version_label is None  # the working list


@needs_font
def test_the_pdf_has_the_sections_with_counts_sub_items_and_the_responsibility_columns(library, tmp_path):
    path = tmp_path / "住建局.pdf"
    result = write_catalogue(responsibility_catalogue(library, housing(library)), path)
    texts = [compact(text) for text in page_texts(path)]
    assert result.pages == len(texts) > 2  # long texts: several landscape pages
    text = "".join(texts)
    assert texts[0].startswith("汕尾市住房和城乡建设局权责清单（共6项）一、行政许可（共2项）" + HEADER)
    positions = [text.index(section) for section in SECTIONS]
    assert positions == sorted(positions)
    assert positions[0] < text.index(SUB_ITEMS[0]) < text.index(SUB_ITEMS[1]) < text.index("县市区级") < positions[1]
    for number, page in enumerate(texts, start=1):  # the header on every page, as the licence lists have it
        assert HEADER in page and f"第{number}页共{len(texts)}页" in page
    assert text.count(compact(RESPONSIBILITY_TEXT.splitlines()[0])) == 6 and text.count("建筑市场监管科") == 6
    # the last column, page after page, holds each item's 追责情形 whole and in order: wrapped, not cut
    assert last_column_text(path).replace("追责情形", "") == compact(ACCOUNTABILITY) * 6


def last_column_text(path) -> str:
    """The text of the paragraphs set in the last column (where the 追责情形 header cell starts),
    above the footer, in page order."""
    fragments: list[tuple[float, float, str]] = []  # (paragraph's left edge, baseline, text)

    def visit(text, cm, tm, _font, _size):  # noqa: ANN001, ANN202
        if text.strip():
            fragments.append((cm[4], tm[5] + cm[5], text))

    for page in PdfReader(str(path)).pages:
        page.extract_text(visitor_text=visit)
    start = next(left for left, _y, text in fragments if text.startswith("追责情形"))
    return compact("".join(text for left, y, text in fragments if left >= start - 0.5 and y > 50))


@needs_font
def test_every_departments_list_in_one_book_with_a_part_each(library, tmp_path):
    specs = responsibility_catalogues(library)
    assert [spec.title for spec in specs] == ["汕尾市住房和城乡建设局权责清单", "汕尾市档案局权责清单"]
    title = book_title(library, specs)
    assert title == "汕尾市权责清单"
    path = tmp_path / "book.pdf"
    write_catalogue_book(specs, path, title=title)
    texts = [compact(text) for text in page_texts(path)]
    assert "一、汕尾市住房和城乡建设局（共6项）" in texts[0] and "二、汕尾市档案局（共2项）" in texts[0]
    archives = next(page for page in texts if "汕尾市档案局权责清单（共2项）" in page)
    assert archives.index("一、行政处罚（共1项）") < archives.index("二、其他行政权力（共1项）")
    assert "子项名称" not in archives  # this department has no sub-items


def test_the_statistics_workbook_has_each_departments_list_per_type_and_its_sentence(library, tmp_path):
    stats = library.stats.compute()
    path = write_stats_workbook(stats, summary_paragraph(stats), tmp_path / "统计.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["各部门权责清单"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["部门", "简称", "行政许可", "行政处罚", "行政检查", "其他行政权力", "合计", "子项数", "权责清单"]
    assert rows[1] == [HOUSING, HOUSING, 2, 2, 1, 1, 6, 2, HOUSING_SUMMARY]
    assert rows[2] == [ARCHIVES, ARCHIVES, 0, 1, 0, 1, 2, 0, ARCHIVES_SUMMARY]


@needs_font
def test_the_one_page_statistics_pdf_ends_with_the_departments_sentences(library, tmp_path):
    stats = library.stats.compute()
    result = write_stats_pdf(stats, summary_paragraph(stats), tmp_path / "统计.pdf")
    [text] = page_texts(result.path)
    assert compact(text).endswith("各部门权责清单简称权责清单" + HOUSING + HOUSING_SUMMARY + ARCHIVES + ARCHIVES_SUMMARY)
    assert responsibility_lines(stats)[0] == f"{HOUSING}权责清单{HOUSING_SUMMARY}。"
