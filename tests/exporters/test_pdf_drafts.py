"""A PDF marked as a draft (征求意见稿, 草稿 …) on every page, and the version named in its footer."""

from __future__ import annotations

import re

from pdf_helpers import compact, make_spec, needs_font, page_texts
from pypdf import PdfReader

from lawgov_desktop.exporters.pdf import write_catalogue, write_catalogue_book, write_catalogues_to_folder

pytestmark = needs_font


def test_every_page_of_a_draft_carries_the_watermark_under_the_table(tmp_path):
    path = tmp_path / "draft.pdf"
    result = write_catalogue(make_spec(60), path, watermark="征求意见稿")
    texts = page_texts(path)
    assert result.pages == len(texts) > 1
    for text in texts:
        assert "征求意见稿" in compact(text)
    # Drawn before anything else, in large type: the table prints over it, not under it.
    content = PdfReader(str(path)).pages[0].get_contents().get_data()
    sizes = [float(size) for size in re.findall(rb"([\d.]+) Tf", content)]
    assert sizes.index(max(sizes)) == 1 and max(sizes) > 50  # 0 is reportlab's empty text preamble
    assert "征求意见稿" not in compact("".join(page_texts(write_catalogue(make_spec(60), tmp_path / "f.pdf").path)))


def test_a_book_and_a_folder_carry_the_clerks_own_text(tmp_path):
    specs = [make_spec(30, group_label=f"部门{i}") for i in range(2)]
    write_catalogue_book(specs, tmp_path / "book.pdf", title="汕尾市行政许可事项清单", watermark="内部讨论稿")
    texts = page_texts(tmp_path / "book.pdf")
    assert len(texts) > 3 and all("内部讨论稿" in compact(text) for text in texts)
    results = write_catalogues_to_folder(specs, tmp_path, watermark="草稿")
    assert all("草稿" in compact(text) for result in results for text in page_texts(result.path))


def test_the_footer_names_the_version_on_every_page(tmp_path):
    path = tmp_path / "a.pdf"
    write_catalogue(make_spec(60, version_label="2024年9月版"), path)
    texts = page_texts(path)
    # The title names it on the first page; every later page has it from the footer only.
    assert len(texts) > 1 and all("2024年9月版" in text for text in texts[1:])
    same = [make_spec(20, group_label=f"部门{i}") for i in range(2)]
    write_catalogue_book(same, tmp_path / "same.pdf", title="书")
    assert all("2022年版" in text for text in page_texts(tmp_path / "same.pdf"))
    mixed = [make_spec(20, group_label="甲"), make_spec(20, group_label="乙", version_label="2023年版")]
    write_catalogue_book(mixed, tmp_path / "mixed.pdf", title="书")
    assert "2022年版" not in page_texts(tmp_path / "mixed.pdf")[0]  # the contents page: no one version
