"""A power's 权责清单 fields in the window: the detail pane, the list's columns, the form, the history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
from ui_helpers import type_text

from lawgov_desktop.core.fields import POWER
from lawgov_desktop.core.kinds import RESPONSIBILITY_DETAIL_KEYS, RESPONSIBILITY_DETAILS
from lawgov_desktop.core.layouts import field_label
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.ui import settings
from lawgov_desktop.ui.history_view import field_changes
from lawgov_desktop.ui.kinds import LICENCE_SPEC, POWER_SPEC, column_title
from lawgov_desktop.ui.main_window import MainWindow

DETAILS = {"handling_office": "执法监督科", "level": "市级", "level_scope": "负责本级",
           "duties": "1.受理责任\n2.审查责任", "responsibility": "依法受理", "responsibility_basis": "《行政许可法》第三十条",
           "accountability_scope": "承办人员", "accountability_cases": "不予受理的"}


@pytest.fixture()
def power_id(db_path: Path) -> int:
    """A power of the test database with all eight fields, two extra columns and two sub-items."""
    with Library(db_path, user="tester") as lib:
        power = lib.lists.query("power", ListFilter(text="露天焚烧")).rows[0]["id"]
        lib.records.update("power", power, {**DETAILS, "extra": {"救助渠道": "12345 热线", "诉求渠道": "信访"}})
        for name in ("秸秆焚烧（城区）", "秸秆焚烧（农村）"):
            lib.records.create("power", {"parent_id": power, "name": name})
    return power


def test_the_detail_pane_shows_every_field_each_extra_column_and_the_sub_items(
        window: MainWindow, power_id: int) -> None:
    view = window.show_list("power")
    view.select_id(power_id)
    text = view.detail.summary.text()
    for spec in RESPONSIBILITY_DETAILS:  # the Chinese labels, and the values with line breaks kept
        assert f">{spec.label}</td>" in text
    assert "1.受理责任<br>2.审查责任" in text
    assert ">救助渠道</td><td>12345 热线</td>" in text and ">诉求渠道</td><td>信访</td>" in text
    assert "<li>秸秆焚烧（城区）</li><li>秸秆焚烧（农村）</li>" in text
    assert view.model.rowCount() == 3  # sub-items are listed under their power, not in the list


def test_the_list_offers_the_fields_as_columns_hidden_until_chosen(window: MainWindow, power_id: int) -> None:
    view = window.show_list("power")
    header = view.table.horizontalHeader()
    shown = [column.key for number, column in enumerate(POWER_SPEC.columns) if not header.isSectionHidden(number)]
    assert shown == ["sequence", "code", "name", "power_type", "domain", "department", "receiving", "batches",
                     "legal_basis", "penalty_range", "status", "remark"]
    titles = {column.key: view.model.headerData(number, Qt.Orientation.Horizontal)
              for number, column in enumerate(POWER_SPEC.columns)}
    assert [titles[spec.key] for spec in RESPONSIBILITY_DETAILS] == [
        spec.label for spec in RESPONSIBILITY_DETAILS]
    number = [column.key for column in POWER_SPEC.columns].index("duties")
    header.setSectionHidden(number, False)
    row = next(row for row in range(view.model.rowCount()) if view.model.row_at(row)["id"] == power_id)
    assert view.model.index(row, number).data() == "1.受理责任；2.审查责任"
    sub_items = [column.key for column in POWER_SPEC.columns].index("sub_item_count")
    assert view.model.index(row, sub_items).data() == "2"


def test_a_layout_saved_for_other_columns_gives_way_to_the_defaults_and_a_choice_is_remembered(
        launcher, db_path: Path) -> None:  # noqa: ANN001
    for kind, count in (("power", 12), ("licence", len(LICENCE_SPEC.columns))):  # as saved before the change
        old = QTableView()
        old.setModel(QStandardItemModel(0, count))
        old.horizontalHeader().resizeSection(2, 345)
        settings.save_state(f"header/{kind}", old.horizontalHeader().saveState())
    window = launcher.open(db_path)
    assert window.show_list("licence").table.horizontalHeader().sectionSize(2) == 345  # its columns are the same
    header = window.show_list("power").table.horizontalHeader()
    keys = [column.key for column in POWER_SPEC.columns]
    assert header.sectionSize(2) == POWER_SPEC.columns[2].width
    assert [header.isSectionHidden(keys.index(key)) for key in RESPONSIBILITY_DETAIL_KEYS] == [True] * 8
    header.setSectionHidden(keys.index("duties"), False)
    header.resizeSection(2, 345)
    window.close()
    header = launcher.open(db_path).show_list("power").table.horizontalHeader()
    assert not header.isSectionHidden(keys.index("duties")) and header.isSectionHidden(keys.index("level"))
    assert header.sectionSize(2) == 345


def test_the_power_form_edits_the_eight_fields_and_fits_the_screen(window: MainWindow, power_id: int,
                                                                   qtbot) -> None:  # noqa: ANN001
    view = window.show_list("power")
    view.select_id(power_id)
    dialog = view.edit_current()
    assert all(key in dialog.widgets for key in RESPONSIBILITY_DETAIL_KEYS)
    assert dialog.widgets["duties"].toPlainText() == DETAILS["duties"]
    assert dialog.height() <= dialog.screen().availableGeometry().height() * 0.9
    dialog.widgets["accountability_cases"].clear()
    type_text(dialog.widgets["accountability_cases"], "超期办理的")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    record = window.session.library.records.get("power", power_id)
    assert record["accountability_cases"] == "超期办理的"
    assert record["extra"] == {"救助渠道": "12345 热线", "诉求渠道": "信访"}  # the form leaves them alone


def test_the_titles_are_the_fields_own_labels(app: QApplication) -> None:
    columns = {column.key: column for column in POWER_SPEC.columns}
    for key in RESPONSIBILITY_DETAIL_KEYS:
        assert column_title(columns[key]) == field_label(POWER, key)


def test_the_history_shows_each_extra_column_and_the_sub_items_by_name() -> None:
    before = {"name": "x", "duties": "旧", "extra_json": json.dumps({"救助渠道": "热线", "诉求渠道": "信访"}),
              "sub_items": [{"name": "甲"}], "children": []}
    after = {"name": "x", "duties": "新", "extra_json": json.dumps({"救助渠道": "热线", "备用渠道": "邮箱"}),
             "sub_items": [{"name": "甲"}, {"name": "乙"}], "children": []}
    rows = field_changes("power", before, after, lambda kind, record_id: str(record_id))
    assert ("部门职责", "旧", "新") in rows
    assert ("诉求渠道", "信访", "") in rows and ("备用渠道", "", "邮箱") in rows
    assert ("子项", "甲", "甲、乙") in rows
    assert not any(label in ("救助渠道", "extra_json", "sub_items") for label, _old, _new in rows)
