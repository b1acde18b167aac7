"""A command's output file is refused by its type before any work is done."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawgov_desktop.cli.errors import UsageError
from lawgov_desktop.cli.options import output_path


def test_output_path_takes_the_types_the_command_writes():
    assert output_path(None, (".xlsx", ".pdf"), "refused") is None
    assert output_path("表.XLSX", (".xlsx", ".pdf"), "refused") == Path("表.XLSX")


def test_output_path_refuses_another_type_with_the_commands_words():
    with pytest.raises(UsageError, match="对照表只能保存为"):
        output_path("表.docx", (".xlsx", ".pdf"), "对照表只能保存为 .xlsx 或 .pdf 文件。")
