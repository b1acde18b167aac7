"""``lawgov export pdf|docx|site|xlsx``: the catalogues, the public site and workbooks, and every way the
command can fail."""

from __future__ import annotations

import re

import docx
import pytest
from docx.oxml.ns import qn
from openpyxl import load_workbook
from pypdf import PdfReader

from lawgov_desktop.exporters import fonts


def pdf_text(path):
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


def test_department_catalogue(lawgov, tmp_path):
    path = tmp_path / "市场监管.pdf"
    result = lawgov("export", "pdf", "--department", "市市场监管局", "--attachment", "2", "-o", str(path))
    assert result.code == 0, result.err
    assert result.out == f"已导出“{path}”（1 页）。\n"
    text = pdf_text(path)
    assert text.startswith("附件2汕尾市市场监督管理局行政许可事项清单")
    assert "食品生产许可" in text and "特种设备安装改造维修许可" in text and "企业投资项目核准" not in text


def test_part_catalogue_with_chosen_columns_portrait_and_title(lawgov, tmp_path):
    path = tmp_path / "a.pdf"
    result = lawgov("export", "pdf", "--part", "local", "--columns", "序号,主管部门,事项名称", "--portrait",
                    "--title", "地方设定事项", "-o", str(path))
    assert result.code == 0, result.err
    page = PdfReader(str(path)).pages[0]
    assert float(page.mediabox.width) < float(page.mediabox.height)
    text = pdf_text(path)
    assert "地方设定事项" in text and "序号主管部门事项名称" in text and "建设用地规划许可" in text
    assert "食品生产许可" not in text


def test_township_catalogue_groups_by_batch(lawgov, tmp_path):
    path = tmp_path / "田墘.pdf"
    result = lawgov("export", "pdf", "--township", "田墘街道", "-o", str(path))
    assert result.code == 0, result.err
    text = pdf_text(path)
    assert "田墘街道赋权事项目录" in text and "第一批（共1项）" in text
    assert "对未取得食品经营许可从事食品经营活动的处罚" in text and "对违法占用土地的行政检查" not in text


def test_department_power_list(lawgov, tmp_path):
    path = tmp_path / "p.pdf"
    assert lawgov("export", "pdf", "--kind", "powers", "--department", "市自然资源局", "-o", str(path)).code == 0
    assert "汕尾市自然资源局赋权事项目录" in pdf_text(path) and "第二批（共1项）" in pdf_text(path)


def test_all_departments_into_a_folder_and_a_book(lawgov, tmp_path):
    folder = tmp_path / "清单"
    result = lawgov("export", "pdf", "--all-departments", "--folder", "-o", str(folder))
    assert result.code == 0, result.err
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["汕尾市发展和改革局.pdf", "汕尾市市场监督管理局.pdf", "汕尾市自然资源局.pdf"])
    book = tmp_path / "book.pdf"
    assert lawgov("export", "pdf", "--all-departments", "-o", str(book)).code == 0
    assert "汕尾市行政许可事项清单目录" in pdf_text(book)


def test_xlsx_of_powers_reads_back(lawgov, run_cli, blank_db, tmp_path):
    path = tmp_path / "powers.xlsx"
    result = lawgov("export", "xlsx", "--kind", "powers", "-o", str(path))
    assert result.code == 0, result.err
    assert result.out == f"已导出“{path}”：3 个工作表，3 行。\n"
    assert load_workbook(path).sheetnames == ["第一批", "第二批", "未分批次"]
    imported = run_cli("import", str(path), "--kind", "powers", "--json", db=blank_db)
    assert imported.code == 0 and '"inserted": 3' in imported.out and '"rejected": []' in imported.out


def test_xlsx_of_a_filtered_licence_view(lawgov, tmp_path):
    path = tmp_path / "items.xlsx"
    assert lawgov("export", "xlsx", "--department", "市发改局", "-o", str(path)).code == 0
    rows = list(load_workbook(path)["中央层面设定"].iter_rows(min_row=2, values_only=True))
    assert [(row[4], row[5]) for row in rows] == [("企业投资项目核准", None), ("企业投资项目核准", "企业投资项目核准（新建）"),
                                                  ("企业投资项目核准", "企业投资项目核准（变更）")]


def test_missing_font_is_a_warning_not_a_failure(lawgov, tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "system_font_candidates", lambda role="body": [])
    path = tmp_path / "a.pdf"
    result = lawgov("export", "pdf", "--department", "市市场监管局", "-o", str(path))
    assert result.code == 0
    assert result.err == f"警告：{fonts.fallback_warning([])}\n"
    assert path.exists()


@pytest.mark.parametrize(("args", "code", "message"), [
    (["pdf", "--department", "不存在的局"], 1, "错误：未找到部门“不存在的局”"),
    (["pdf", "--search", "没有这种事项"], 1, "错误：没有符合条件的行政许可事项"),
    (["xlsx", "--kind", "powers", "--type", "行政裁决"], 1, "错误：没有符合条件的记录"),
    (["pdf", "--township", "不存在街道"], 1, "错误：未找到行政区划“不存在街道”"),
    (["pdf", "--township", "田墘街道", "--kind", "items"], 2, "用法错误：--township 只用于赋权事项"),
    (["pdf", "--all-departments", "--kind", "powers"], 2, "用法错误：--all-departments 只用于行政许可事项"),
    (["pdf", "--folder"], 2, "用法错误：--one-file 和 --folder 需与 --all-departments 一起使用"),
    (["pdf", "--columns", "序号,名字"], 2, "用法错误：未知的列“名字”"),
    (["pdf", "--type", "行政处罚"], 2, "用法错误：--type 不能用于 items 列表"),
    (["docx", "--township", "田墘街道", "--kind", "items"], 2, "用法错误：--township 只用于赋权事项"),
    (["docx", "--all-departments", "--kind", "powers"], 2, "用法错误：--all-departments 只用于行政许可事项"),
    (["docx", "--columns", "序号,名字"], 2, "用法错误：未知的列“名字”"),
    (["docx", "--search", "没有这种事项"], 1, "错误：没有符合条件的行政许可事项"),
])
def test_errors_are_one_line(lawgov, tmp_path, args, code, message):
    path = tmp_path / f"out.{args[0]}"
    result = lawgov("export", *args, "-o", str(path))
    assert result.code == code
    assert result.err.startswith(message) and result.err.count("\n") == 1
    assert not path.exists()


def test_unwritable_path(lawgov, tmp_path):
    result = lawgov("export", "pdf", "-o", str(tmp_path / "没有这个文件夹" / "a.pdf"))
    assert result.code == 1 and result.err.startswith("错误：文件夹") and "不存在" in result.err


@pytest.mark.parametrize("fmt", ["pdf", "docx", "site", "xlsx"])
def test_output_is_required(lawgov, fmt):
    result = lawgov("export", fmt)
    assert result.code == 2 and "-o/--output" in result.err


def test_failed_export_leaves_the_previous_file(lawgov, tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF- good old file")
    assert lawgov("export", "pdf", "--search", "没有这种事项", "-o", str(path)).code == 1
    assert path.read_bytes() == b"%PDF- good old file"


def docx_text(path):
    document = docx.Document(str(path))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return "".join(paragraph.text for paragraph in document.paragraphs) + "".join(cells)


def test_docx_of_a_department_with_the_pdf_selectors_and_a_draft_mark(lawgov, tmp_path):
    path = tmp_path / "市场监管.docx"
    result = lawgov("export", "docx", "--department", "市市场监管局", "--attachment", "2", "--portrait",
                    "--columns", "序号,事项名称,实施层级", "--version-label", "2024年版", "--watermark", "征求意见稿",
                    "-o", str(path))
    assert result.code == 0, result.err
    assert result.out == f"已导出“{path}”（2 项）。\n"
    document = docx.Document(str(path))
    assert [p.text.replace("\n", "") for p in document.paragraphs[:2]] == [  # portrait: the version on a line of its own
        "附件2", "汕尾市市场监督管理局行政许可事项清单（2024年版）"]
    header_row = document.tables[0].rows[0]
    assert [cell.text for cell in header_row.cells] == ["序号", "事项名称", "行使层级"]
    assert header_row._tr.trPr.find(qn("w:tblHeader")) is not None
    assert "食品生产许可" in docx_text(path) and "企业投资项目核准" not in docx_text(path)
    section = document.sections[0]
    assert section.page_width < section.page_height
    assert section.header._element.xpath(".//*[local-name()='textpath']/@string") == ["征求意见稿"]
    assert "2024年版" in "".join(p.text for p in section.footer.paragraphs)


def test_docx_of_every_department_is_one_document_with_a_heading_each(lawgov, tmp_path):
    path = tmp_path / "all.docx"
    result = lawgov("export", "docx", "--all-departments", "--title", "全市清单", "-o", str(path))
    assert result.code == 0, result.err
    assert result.out == f"已导出“{path}”（3 个部门，4 项）。\n"
    titles = [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "清单标题"]
    assert titles == ["全市清单", "汕尾市发展和改革局行政许可事项清单", "汕尾市市场监督管理局行政许可事项清单",
                      "汕尾市自然资源局行政许可事项清单"]
    township = tmp_path / "田墘.docx"
    assert lawgov("export", "docx", "--township", "田墘街道", "-o", str(township)).code == 0
    assert "第一批（共1项）" in docx_text(township)
    responsibility = tmp_path / "权责.docx"
    assert lawgov("export", "docx", "--responsibility-list", "--department", "市自然资源局",
                  "-o", str(responsibility)).code == 0
    assert "汕尾市自然资源局权责清单" in docx_text(responsibility) and "行政检查（共1项）" in docx_text(responsibility)


def test_pdf_draft_carries_the_watermark_on_every_page(lawgov, tmp_path):
    book = tmp_path / "book.pdf"
    result = lawgov("export", "pdf", "--all-departments", "--watermark", "草稿", "--title", "全市清单", "-o", str(book))
    assert result.code == 0, result.err
    pages = [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(str(book)).pages]
    assert len(pages) == 4 and all("草稿" in page for page in pages)
    assert pages[0].count("全市清单") == 1 and "汕尾市发展和改革局行政许可事项清单" in pages[1]  # each keeps its title


def test_site_publishes_every_departments_lists_on_its_page(lawgov, tmp_path):
    folder = tmp_path / "公示"
    result = lawgov("export", "site", "--title", "汕尾市事项清单公示", "-o", str(folder))
    assert result.code == 0, result.err
    assert result.out == f"已生成公示网站“{folder / 'index.html'}”：3 个部门，7 项。\n"
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a href="department-\d+\.html">([^<]+)</a>', index) == [
        "汕尾市发展和改革局", "汕尾市市场监督管理局", "汕尾市自然资源局"]
    market = (folder / "department-002.html").read_text(encoding="utf-8")
    assert "汕尾市市场监督管理局行政许可事项清单" in market and "汕尾市市场监督管理局权责清单" in market
    assert "对未取得食品经营许可从事食品经营活动的处罚" in market


def test_site_of_short_department_names_keeps_one_page_per_department(run_cli, blank_db, tmp_path):
    assert run_cli("add", "department", "--name", "市市场监督管理局", db=blank_db).code == 0
    assert run_cli("add", "licence", "--name", "食品生产许可", "--department", "市市场监督管理局",
                   "--part", "central", db=blank_db).code == 0
    assert run_cli("add", "power", "--name", "对无证生产的处罚", "--power-type", "行政处罚",
                   "--department", "市市场监督管理局", db=blank_db).code == 0
    result = run_cli("export", "site", "-o", str(tmp_path / "site"), db=blank_db)
    assert result.code == 0, result.err
    assert "1 个部门，2 项" in result.out
    assert "<h1>汕尾市事项清单公示</h1>" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_site_of_an_empty_library_says_so(run_cli, blank_db, tmp_path):
    result = run_cli("export", "site", "-o", str(tmp_path / "site"), db=blank_db)
    assert result.code == 1 and result.err.startswith("错误：清单中还没有行政许可事项或权责事项")
    assert not (tmp_path / "site").exists()
