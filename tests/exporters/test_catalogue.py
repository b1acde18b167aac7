"""Catalogues built from the library: titles, sections, columns, and the PDFs they make."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from library_data import HOUSING, MARKET, build_department, build_lists, new_library
from pdf_helpers import compact, dark_pixel_share, embedded_font_files, needs_font, needs_pdftoppm, page_texts

from lawgov_desktop.core.errors import Cancelled
from lawgov_desktop.core.fields import LICENCE
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.exporters.catalogue import (
    POWER_COLUMNS,
    CatalogueOptions,
    book_title,
    department_catalogues,
    licence_catalogue,
    power_catalogue,
)
from lawgov_desktop.exporters.model import ExportError
from lawgov_desktop.exporters.pdf import write_catalogue, write_catalogue_book, write_catalogues_to_folder

BIG = "市卫生健康局"
HEADER = "序号事项名称子项实施机关设定和实施依据行使层级备注"


@pytest.fixture(scope="module")
def library(module_library):
    library = module_library("catalogue")
    build_lists(library)
    library.names = build_department(library, BIG, 60)
    return library


def department_filter(library, name):
    return ListFilter(department_ids=(library.records.find_department(name),))


def test_department_catalogue_title_sections_and_sub_items(library):
    spec = licence_catalogue(library, department_filter(library, BIG))
    assert spec.title == "汕尾市卫生健康局行政许可事项清单"
    assert spec.version_label == "2022年版"
    assert spec.item_count == 60
    assert [(s.heading, len(s.rows)) for s in spec.sections] == [
        ("中央层面设定的行政许可事项", 57), ("地方性法规、省政府规章设定的行政许可事项", 3)]
    assert "department" not in spec.columns  # one department: its name is in the title
    first = spec.sections[0].rows[0]
    assert [sub["sub_item"] for sub in first.sub_rows] == [f"{first.values['name']}（{k}）" for k in ("新办", "变更", "延续")]


def test_part_and_filtered_catalogues_name_the_list(library):
    part = licence_catalogue(library, ListFilter(parts=("local",)))
    assert part.title == "汕尾市地方性法规、省政府规章设定的行政许可事项清单"
    assert part.columns[:2] == ["sequence", "department"]  # several departments: a column says whose
    view = licence_catalogue(library, ListFilter(text="食品", levels=("市级",), department_ids=(
        library.records.find_department(MARKET), library.records.find_department(HOUSING))))
    assert view.title == "汕尾市行政许可事项清单"
    assert {row.values["name"] for s in view.sections for row in s.rows} == {"食品经营许可", "食品小作坊登记"}


def test_options_override_title_columns_layout_and_version(library):
    options = CatalogueOptions(columns=["sequence", "name"], orientation="portrait", attachment_label="附件3",
                               title="自定标题", version_label="", print_date=date(2022, 10, 1))
    spec = licence_catalogue(library, department_filter(library, MARKET), options)
    assert (spec.title, spec.columns, spec.orientation, spec.attachment_label, spec.version_label) == (
        "自定标题", ["sequence", "name"], "portrait", "附件3", None)


def test_no_rows_is_a_clear_error(library):
    with pytest.raises(ExportError, match="没有符合条件"):
        licence_catalogue(library, ListFilter(text="没有这种事项"))
    with pytest.raises(ExportError, match="没有符合条件"):
        power_catalogue(library, ListFilter(power_types=("行政裁决",)))


def test_cancel_stops_reading(library):
    with pytest.raises(Cancelled):
        licence_catalogue(library, task=SimpleNamespace(report=lambda *_: None, cancelled=True))


def test_reads_in_pages_through_the_library(library, monkeypatch):
    monkeypatch.setattr("lawgov_desktop.exporters.catalogue.PAGE_SIZE", 7)
    calls = []
    original = type(library.lists).query

    def spy(self, kind, flt=None, **kwargs):
        calls.append((kind, kwargs["offset"], kwargs["limit"]))
        return original(self, kind, flt, **kwargs)

    monkeypatch.setattr(type(library.lists), "query", spy)
    spec = licence_catalogue(library, department_filter(library, BIG))
    assert spec.item_count == 60
    assert [c for c in calls if c[0] == LICENCE] == [(LICENCE, offset, 7) for offset in range(0, 63, 7)]


def test_township_list_groups_by_batch_and_keeps_its_own_delegations(library):
    spec = power_catalogue(library, ListFilter(region_ids=(library.records.find_region("遮浪街道"),)))
    assert spec.title == "遮浪街道赋权事项目录"
    assert "receiving" not in spec.columns  # a street's own list: every row is handed to it
    assert [(s.heading, [r.values["code"] for r in s.rows]) for s in spec.sections] == [
        ("第一批", ["014400001"]), ("第二批", ["034400001"])]


def test_zone_list_includes_its_streets(library):
    spec = power_catalogue(library, ListFilter(region_ids=(library.records.find_region("红海湾经济开发试验区"),)))
    assert spec.title == "红海湾经济开发试验区赋权事项目录"
    first = {r.values["code"]: r.values["receiving"] for r in spec.sections[0].rows}
    assert first == {"014400001": "田墘街道、东洲街道、遮浪街道", "024400001": "田墘街道"}
    assert spec.item_count == 3  # 024400001 is in both batches but is one power


def test_department_power_list_by_batch(library):
    spec = power_catalogue(library, department_filter(library, HOUSING))
    assert spec.title == "汕尾市住房和城乡建设局赋权事项目录"
    assert [(s.heading, [r.values["code"] for r in s.rows]) for s in spec.sections] == [
        ("第一批", ["024400001"]), ("第二批", ["024400001"]), ("未分批次", ["044400001"])]
    assert spec.sections[1].rows[0].values["mode"] == "委托实施"
    assert spec.item_count == 2


@needs_font
def test_department_pdf_has_every_item_header_on_each_page_and_page_count(library, tmp_path):
    spec = licence_catalogue(library, department_filter(library, BIG), CatalogueOptions(attachment_label="附件1"))
    path = tmp_path / "dept.pdf"
    result = write_catalogue(spec, path)
    texts = [compact(text) for text in page_texts(path)]
    assert result.pages == len(texts) > 2
    everything = "".join(texts)
    for name in library.names:
        assert name in everything
    assert "附件1" in texts[0] and "汕尾市卫生健康局行政许可事项清单（2022年版）" in texts[0] and "（共60项）" in texts[0]
    for number, text in enumerate(texts, start=1):
        assert HEADER in text
        assert f"第{number}页共{len(texts)}页" in text
    assert embedded_font_files(path)


@needs_font
@needs_pdftoppm
def test_first_page_renders(library, tmp_path):
    path = tmp_path / "dept.pdf"
    write_catalogue(licence_catalogue(library, department_filter(library, BIG)), path)
    assert 0.005 < dark_pixel_share(path) < 0.5


@needs_font
def test_township_pdf_prints_batches_in_order(library, tmp_path):
    path = tmp_path / "street.pdf"
    write_catalogue(power_catalogue(library, ListFilter(region_ids=(library.records.find_region("东洲街道"),))), path)
    text = compact("".join(page_texts(path)))
    assert "东洲街道赋权事项目录" in text and "（共2项）" in text
    assert text.index("第一批（共1项）") < text.index("对未取得食品经营许可") < text.index("第二批（共1项）") \
        < text.index("对违法建设行为的处罚")
    assert "对违法占用土地的行政检查" not in text


def test_all_departments_folder_has_one_safe_file_each(library, tmp_path):
    library.records.create("department", {"name": "市人防办/民防局"})
    library.records.create("licence", {"department": "市人防办/民防局", "name": "人防工程拆除审批"})
    try:
        specs = department_catalogues(library)
        results = write_catalogues_to_folder(specs, tmp_path)
        names = sorted(path.name for path in tmp_path.iterdir())
        assert names == sorted(f"{s.group_label.replace('/', '_')}.pdf" for s in specs)
        assert "市人防办_民防局.pdf" in names and len(results) == 4
        assert [s.title for s in specs][:2] == ["汕尾市市场监督管理局行政许可事项清单", "汕尾市住房和城乡建设局行政许可事项清单"]
    finally:
        library.records.delete("licence", library.lists.query("licence", ListFilter(text="人防工程拆除审批")).rows[0]["id"])
        library.records.delete("department", library.records.find_department("市人防办/民防局"))


@needs_font
def test_all_departments_book(library, tmp_path):
    specs = department_catalogues(library)
    title = book_title(library, specs)
    assert title == "汕尾市行政许可事项清单（2022年版）"
    path = tmp_path / "book.pdf"
    write_catalogue_book(specs, path, title=title)
    first = compact(page_texts(path)[0])
    assert "目录" in first and all(spec.group_label in first for spec in specs)


def test_a_saved_version_prints_under_its_name(library):
    version = library.versions.save_version("2022年9月版")
    try:
        flt = ListFilter(department_ids=(library.records.find_department(BIG),), version_id=version)
        spec = licence_catalogue(library, flt)
        assert spec.version_label == "2022年9月版" and spec.item_count == 60
    finally:
        library.versions.delete_version(version)


@pytest.fixture
def responsibilities(tmp_path):
    library = new_library(tmp_path / "responsibilities.sqlite3")
    library.records.create("department", {"name": MARKET})
    library.records.create("power", {"name": "食品经营许可", "department": MARKET, "power_type": "行政许可",
                             "duties": "受理责任", "accountability_cases": "不予受理的"})
    yield library
    library.close()


CHOSEN = ["sequence", "name", "duties", "accountability_cases"]


def test_a_power_catalogue_carries_the_responsibility_columns_the_clerk_chooses(responsibilities):
    assert power_catalogue(responsibilities).columns == list(POWER_COLUMNS)  # not printed unless chosen
    spec = power_catalogue(responsibilities, None, CatalogueOptions(columns=CHOSEN))
    [row] = spec.sections[0].rows
    assert (row.values["duties"], row.values["accountability_cases"]) == ("受理责任", "不予受理的")


@needs_font
def test_the_responsibility_columns_print_under_their_labels(responsibilities, tmp_path):
    path = tmp_path / "powers.pdf"
    write_catalogue(power_catalogue(responsibilities, None, CatalogueOptions(columns=CHOSEN)), path)
    text = compact("".join(page_texts(path)))
    assert "部门职责" in text and "追责情形" in text and "受理责任" in text and "不予受理的" in text
