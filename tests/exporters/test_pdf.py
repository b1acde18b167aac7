"""PDF catalogues: read back with pypdf, rendered with pdftoppm."""

from __future__ import annotations

import os
import re
from datetime import date
from types import SimpleNamespace

import pytest
from pdf_helpers import (
    compact,
    dark_pixel_share,
    embedded_font_files,
    licence_row,
    make_spec,
    needs_font,
    needs_pdftoppm,
    page_texts,
)
from pypdf import PdfReader

from lawgov_desktop.core.errors import Cancelled
from lawgov_desktop.core.fields import POWER
from lawgov_desktop.exporters import pdf as pdf_module
from lawgov_desktop.exporters.model import CatalogueRow, CatalogueSection, ExportError
from lawgov_desktop.exporters.pdf import write_catalogue, write_catalogue_book, write_catalogues_to_folder

pytestmark = needs_font


def all_names(spec):
    return [row.values["name"] for section in spec.sections for row in section.rows]


def test_department_catalogue_reads_back(spec, tmp_path):
    path = tmp_path / "清单.pdf"
    result = write_catalogue(spec, path)
    texts = page_texts(path)
    assert result.pages == len(texts) > 1
    assert result.font.embedded and result.warnings == []
    everything = compact("".join(texts))
    for name in all_names(spec):
        assert name in everything
    first = compact(texts[0])
    assert first.startswith("附件1")
    assert "汕尾市市场监督管理局行政许可事项清单（2022年版）" in first
    assert f"（共{spec.item_count}项）" in first
    assert "一、中央层面设定的行政许可事项（共40项）" in first
    assert "二、地方性法规、省政府规章设定的行政许可事项（共5项）" in everything


def test_header_and_page_footer_on_every_page(spec, tmp_path):
    path = tmp_path / "a.pdf"
    write_catalogue(spec, path)
    texts = page_texts(path)
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert "序号" in text and "事项名称" in text and "设定和实施依据" in text
        assert f"第 {number} 页 共 {total} 页" in text
    today = date.today()
    assert f"打印日期：{today.year}年{today.month}月{today.day}日" in texts[0]


def test_font_is_embedded(spec, tmp_path):
    path = tmp_path / "a.pdf"
    write_catalogue(spec, path)
    assert embedded_font_files(path)


@needs_pdftoppm
def test_first_page_is_not_blank(spec, tmp_path):
    path = tmp_path / "a.pdf"
    write_catalogue(spec, path)
    share = dark_pixel_share(path, page=1)
    assert 0.005 < share < 0.5  # text and rules, neither blank nor a black block


def test_portrait_pages(spec, tmp_path):
    spec.orientation = "portrait"
    path = tmp_path / "a.pdf"
    write_catalogue(spec, path)
    box = PdfReader(str(path)).pages[0].mediabox
    assert float(box.width) < float(box.height)


def test_landscape_is_default(spec, tmp_path):
    path = tmp_path / "a.pdf"
    write_catalogue(spec, path)
    box = PdfReader(str(path)).pages[0].mediabox
    assert float(box.width) > float(box.height)


def test_thirty_thousand_character_cell_splits_across_pages(tmp_path):
    long_text = "起" + "《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。" * 834 + "止"
    assert len(long_text) >= 30_000
    row = licence_row("超长依据事项", 1)
    row.values.update(legal_basis=long_text, level="")  # no cell text drawn beside it to interleave
    spec = make_spec(3)
    spec.sections[0].rows.insert(1, row)
    path = tmp_path / "long.pdf"
    result = write_catalogue(spec, path)
    texts = [compact(t) for t in page_texts(path)]
    assert result.pages > 10
    everything = "".join(re.sub(r"序号事项名称子项实施机关设定和实施依据行使层级备注|第\d+页共\d+页打印日期：\d+年\d+月\d+日2022年版", "", t)
                         for t in texts)
    assert "起《中华人民共和国食品安全法》" in everything and "许可制度。止" in everything
    other_rows = spec.item_count - 1
    assert everything.count("国家对食品生产经营实行许可制度") == 834 + other_rows  # nothing lost
    for name in all_names(spec):
        assert name in everything
    footer_and_header = len("序号事项名称子项实施机关设定和实施依据行使层级备注第1页共1页打印日期：2026年11月26日2022年版")
    assert all(len(text) > footer_and_header + 20 for text in texts)  # no empty continuation page


def test_row_splitting_fallback_when_the_estimate_misses(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "_TALL_FRACTION", 1000.0)  # the estimate now never says "tall"
    row = licence_row("超长依据事项", 1)
    row.values["legal_basis"] = "依据条文内容。" * 3000
    spec = make_spec(2)
    spec.sections[0].rows.append(row)
    path = tmp_path / "long.pdf"
    result = write_catalogue(spec, path)
    assert result.pages > 3
    assert "超长依据事项" in compact("".join(page_texts(path)))


def test_sub_items_grouped_under_their_item(tmp_path):
    spec = make_spec(4)
    spec.sections[0].rows[1] = licence_row("建筑工程施工许可", 2, ["新办", "变更", "延续", "注销"])
    path = tmp_path / "a.pdf"
    write_catalogue(spec, path)
    text = compact(page_texts(path)[0])
    assert text.count("建筑工程施工许可") == 1  # the main cells span the sub-item rows
    positions = [text.index(s) for s in ("新办", "变更", "延续", "注销")]
    assert positions == sorted(positions)


def test_item_with_more_sub_items_than_a_page_holds(tmp_path):
    spec = make_spec(2)
    subs = [f"子项第{i}号" for i in range(150)]
    spec.sections[0].rows.append(licence_row("多子项事项", 3, subs))
    path = tmp_path / "a.pdf"
    result = write_catalogue(spec, path)
    everything = compact("".join(page_texts(path)))
    assert result.pages >= 4
    assert all(s in everything for s in subs)


def test_markup_characters_print_literally(tmp_path):
    spec = make_spec(1)
    spec.sections[0].rows[0].values["name"] = "A<b>&B</b>许可"
    path = tmp_path / "a.pdf"
    write_catalogue(spec, path)
    assert "A<b>&B</b>许可" in compact(page_texts(path)[0])


def test_power_catalogue_by_batch(tmp_path):
    rows = [CatalogueRow({"code": f"0{i}", "name": f"对违法行为的处罚{i}", "power_type": "行政处罚",
                          "department": "城区市场监督管理局", "receiving": "田墘街道、东洲街道"})
            for i in range(6)]
    spec = make_spec(kind=POWER, title="红海湾经济开发试验区田墘街道赋权执法事项清单",
                     columns=["sequence", "code", "name", "power_type", "department", "receiving"],
                     sections=[CatalogueSection("第一批", rows[:4]), CatalogueSection("第二批", rows[4:])])
    path = tmp_path / "p.pdf"
    write_catalogue(spec, path)
    text = compact(page_texts(path)[0])
    assert "第一批（共4项）" in text and "第二批（共2项）" in text
    assert "原实施主体" in text and "承接主体" in text


def test_progress_reaches_the_total(spec, tmp_path):
    calls = []
    write_catalogue(spec, tmp_path / "a.pdf", SimpleNamespace(report=lambda d, t, m: calls.append((d, t, m)),
                                                           cancelled=False))
    done = [d for d, _, _ in calls]
    assert done == sorted(done)
    assert calls[-1][0] == calls[-1][1] == 45


class CancelAfter:
    """A task that is cancelled after ``n`` progress reports."""

    def __init__(self, n: int) -> None:
        self.n, self.cancelled = n, False

    def report(self, done: int, total: int, text: str) -> None:
        self.n -= 1
        self.cancelled = self.n <= 0


def test_cancel_leaves_the_old_file_and_no_temporary(spec, tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF old good file")
    token = CancelAfter(2)
    with pytest.raises(Cancelled):
        write_catalogue(make_spec(200), path, token)
    assert path.read_bytes() == b"%PDF old good file"
    assert os.listdir(tmp_path) == ["a.pdf"]


def test_cancel_before_the_first_row_writes_nothing(spec, tmp_path):
    with pytest.raises(Cancelled):
        write_catalogue(spec, tmp_path / "a.pdf", SimpleNamespace(report=lambda *_: None, cancelled=True))
    assert os.listdir(tmp_path) == []


def test_book_has_contents_bookmarks_and_a_section_per_department(tmp_path):
    specs = [make_spec(6 + 3 * i, title=f"汕尾市部门{i}行政许可事项清单", group_label=f"部门{i}")
             for i in range(4)]
    path = tmp_path / "book.pdf"
    result = write_catalogue_book(specs, path, title="汕尾市行政许可事项清单（2022年版）",
                                  attachment_label="附件")
    reader = PdfReader(str(path))
    texts = page_texts(path)
    assert result.pages == len(texts)
    contents = compact(texts[0])
    assert contents.startswith("附件汕尾市行政许可事项清单（2022年版）目录")
    outline = {item.title: reader.get_destination_page_number(item) + 1 for item in reader.outline}
    assert list(outline) == [f"部门{i}" for i in range(4)]
    for i, spec in enumerate(specs):
        label = f"{'一二三四'[i]}、部门{i}（共{spec.item_count}项）"
        assert label in contents
        page = outline[f"部门{i}"]
        assert f"汕尾市部门{i}行政许可事项清单" in compact(texts[page - 1])
        assert re.search(rf"·+{page}(?!\d)", contents)  # the TOC line's page number
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 共 {len(texts)} 页" in text


def test_book_without_specs_is_refused(tmp_path):
    with pytest.raises(ExportError):
        write_catalogue_book([], tmp_path / "b.pdf", title="x")


def test_folder_export_uses_safe_unique_names(tmp_path):
    labels = ["市发改局", "../../etc/passwd", "城区/海丰县", "CON", "a:b*?<>|\"", "市发改局", "  ", "\x00"]
    specs = [make_spec(2, group_label=label) for label in labels]
    results = write_catalogues_to_folder(specs, tmp_path)
    names = sorted(os.listdir(tmp_path))
    assert len(names) == len(labels)
    assert all(r.path.parent == tmp_path for r in results)
    assert "市发改局.pdf" in names and "市发改局（2）.pdf" in names
    assert "_CON.pdf" in names and "城区_海丰县.pdf" in names
    for name in names:
        assert "/" not in name and "\\" not in name and not name.startswith(".")


def test_folder_export_progress_covers_all_files(tmp_path):
    specs = [make_spec(5, group_label=f"部门{i}") for i in range(3)]
    calls = []
    write_catalogues_to_folder(specs, tmp_path, SimpleNamespace(report=lambda d, t, m: calls.append((d, t)),
                                                                cancelled=False))
    assert calls[-1][0] == calls[-1][1] == sum(s.item_count for s in specs)


def test_missing_folder_is_a_clear_error(spec, tmp_path):
    with pytest.raises(ExportError, match="不存在"):
        write_catalogue(spec, tmp_path / "nope" / "a.pdf")
