"""Rows pasted from Excel or WPS: tab-separated text with Excel's quoting, or an HTML table."""

from __future__ import annotations

from pathlib import Path

from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.pasted import read_pasted, with_header, write_pasted
from lawgov_desktop.importers.plan import ImportOptions, plan_import
from lawgov_desktop.importers.readers import read_workbook

EXCEL_TEXT = ('序号\t主管部门\t事项名称\t设定和实施依据\r\n'
              '1\t市生态环境局\t排污许可\t"《甲法》第一条\n《乙条例》"\r\n'
              '2\t市生态环境局\t"含""引号""的事项"\t\r\n')


def test_tab_separated_text_with_excel_quoting() -> None:
    sheet = read_pasted(EXCEL_TEXT)
    assert sheet is not None
    assert sheet.rows == [["序号", "主管部门", "事项名称", "设定和实施依据"],
                          ["1", "市生态环境局", "排污许可", "《甲法》第一条\n《乙条例》"],
                          ["2", "市生态环境局", '含"引号"的事项']]


def test_an_html_table_with_merged_cells_line_breaks_and_entities() -> None:
    html = ("<html><head><style>td {mso-number-format:'\\@'}</style></head><body><table>"
            "<col width=80><tr><td rowspan=2>市生态环境局</td><td>排污&amp;许可</td>"
            "<td>《甲法》<br style='mso-data-placement:same-cell'>《乙条例》\n  第二条</td></tr>"
            "<tr><td colspan=2>合并的两格</td></tr></table><table><tr><td>第二个表</td></tr></table>")
    sheet = read_pasted("ignored\ttext", html)
    assert sheet is not None
    assert sheet.rows == [["市生态环境局", "排污&许可", "《甲法》\n《乙条例》 第二条"],
                          ["市生态环境局", "合并的两格", "合并的两格"]]


def test_what_is_no_table_reads_as_none() -> None:
    assert read_pasted("一个词") is None
    assert read_pasted("") is None
    assert read_pasted("\r\n\t\r\n") is None
    assert read_pasted("一列\r\n两行") is not None  # a single column copied from a sheet is a table


def test_a_block_without_header_gets_the_visible_columns_headers(tmp_path: Path) -> None:
    block = read_pasted("市生态环境局\t辐射安全许可\r\n市发展和改革局\t企业投资项目核准\r\n")
    assert block is not None
    headed = with_header(block, ["主管部门", "事项名称"])
    assert headed.rows[0] == ["主管部门", "事项名称"] and len(headed.rows) == 3
    already = read_pasted(EXCEL_TEXT)
    assert already is not None and with_header(already, ["主管部门", "事项名称"]) is already


def test_the_kept_file_reads_back_and_plans_like_a_workbook(tmp_path: Path) -> None:
    sheet = read_pasted(EXCEL_TEXT)
    assert sheet is not None
    path = write_pasted(sheet, tmp_path / "粘贴的内容.csv")
    assert read_workbook(path).sheets[0].rows == sheet.rows
    with Library(tmp_path / "lists.sqlite3", user="tester") as library:
        plan = plan_import(library, path, ImportOptions(kind="licence"))
    assert [(row.name, row.action) for row in plan.rows] == [("排污许可", "new"), ('含"引号"的事项', "new")]
    assert [name.name for name in plan.unresolved] == ["市生态环境局"]


def test_rows_without_a_part_leave_the_stored_items_part_alone(tmp_path: Path) -> None:
    """A block pasted under 主管部门/事项名称 says nothing of the part: an item already under 地方性法规
    stays there, and only a new item goes under 其他."""
    path = write_pasted(read_pasted("主管部门\t事项名称\t备注\r\n市生态环境局\t排污许可\t已核对\r\n"
                                    "市生态环境局\t辐射安全许可\t\r\n"), tmp_path / "粘贴的内容.csv")
    with Library(tmp_path / "lists.sqlite3", user="tester") as library:
        library.records.create("department", {"name": "市生态环境局"})
        library.records.create("licence", {"name": "排污许可", "department": "市生态环境局", "part": "local"})
        plan = plan_import(library, path, ImportOptions(kind="licence"))
        assert [(row.name, row.action, row.changes) for row in plan.rows] == [
            ("排污许可", "changed", {"remark": (None, "已核对")}), ("辐射安全许可", "new", {})]
        assert plan.changes.inserts[0]["part"] == "other"
