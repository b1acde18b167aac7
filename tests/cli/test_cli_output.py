"""Output helpers: CJK-aware tables and trees, display values, the progress bar."""

from __future__ import annotations

import io

from lawgov_desktop.cli.labels import display, title
from lawgov_desktop.cli.progress import ProgressBar
from lawgov_desktop.cli.table import fit, format_table, format_tree, text_width


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_text_width_counts_wide_characters_twice() -> None:
    assert text_width("abc") == 3
    assert text_width("汉字") == 4
    assert text_width("ＡＢ") == 4  # full-width Latin
    assert text_width("e\u0301") == 1  # combining accent takes no column


def test_table_columns_line_up_with_chinese_text() -> None:
    lines = format_table(["名称", "n"], [["汕尾市发展和改革局", "1"], ["ab", "22"]])
    second_column = [text_width(line[: line.rindex(" ") + 1]) for line in lines]
    assert len(set(second_column)) == 1, lines
    assert lines[1].startswith("------------------  ")


def test_long_cells_are_cut_except_in_the_last_column() -> None:
    long_text = "设" * 50
    lines = format_table(["a", "b"], [[long_text, long_text]], max_width=10)
    first, last = lines[2].split("  ", 1)
    assert first == "设" * 3 + "..." and text_width(first) <= 10
    assert last.strip() == long_text
    assert fit("一\n二", 10) == "一 二"


def test_tree_draws_branches() -> None:
    tree = [{"name": "市", "children": [{"name": "区", "children": [{"name": "街", "children": []}]},
                                        {"name": "县", "children": []}]}]
    assert format_tree(tree, lambda node: node["name"]) == ["市", "├─ 区", "│  └─ 街", "└─ 县"]


def test_titles_and_display_values() -> None:
    assert title("licence", "department_id") == "主管部门"
    assert title("power", "department") == "原实施主体"
    assert title("licence", "parent_id") == "所属主项" and title("region", "parent_id") == "上级区划"
    assert title("delegation", "region") == "承接主体"
    assert display("part", "local") == "地方性法规、省政府规章设定"
    assert display("kind", "zone") == "功能区"
    assert display("at", "2022-10-01T09:30:00+08:00") == "2022-10-01 09:30:00"
    assert display("aliases", ["甲", "乙"]) == "甲、乙" and display("name", None) == ""


def test_progress_bar_draws_only_on_a_terminal() -> None:
    terminal = Terminal()
    with ProgressBar(terminal, width=10, interval=0) as bar:
        bar.report(5, 10, "正在读取")
        bar.report(10, 10, "正在读取")
    output = terminal.getvalue()
    assert "\r正在读取" in output and "[#####.....]  50% 5/10" in output
    assert "[##########] 100% 10/10" in output and output.endswith("\n")
    pipe = io.StringIO()
    with ProgressBar(pipe, interval=0) as bar:
        bar.report(1, 2, "x")
    assert pipe.getvalue() == ""


def test_progress_bar_throttles_but_always_shows_completion() -> None:
    terminal = Terminal()
    bar = ProgressBar(terminal, width=4, interval=3600)
    bar.report(1, 4, "")
    bar.report(2, 4, "")
    bar.report(4, 4, "")
    output = terminal.getvalue()
    assert "1/4" in output and "2/4" not in output and "4/4" in output
