"""The table models: Qt's model tester on every list, paging, sorting in SQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.ui.kinds import DELEGATION_COLUMNS, LIST_SPECS, SUB_ITEM_COLUMNS
from lawgov_desktop.ui.main_window import MainWindow
from lawgov_desktop.ui.table_model import PagedTableModel, RowsModel

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def paged_model(library: Library, kind: str, calls: list[tuple] | None = None, page_size: int = 3):
    spec = next(spec for spec in LIST_SPECS if spec.kind == kind)

    def fetch(flt, sort, descending, offset, limit):  # noqa: ANN001, ANN202
        if calls is not None:
            calls.append((sort, descending, offset, limit))
        return library.lists.query(kind, flt, sort=sort, descending=descending, offset=offset, limit=limit)

    return PagedTableModel(spec.columns, fetch, page_size=page_size, max_pages=2)


@pytest.mark.parametrize("kind", [spec.kind for spec in LIST_SPECS])
def test_every_list_model_passes_the_model_tester(app, db_path: Path, kind: str) -> None:
    with Library(db_path) as library:
        model = paged_model(library, kind)
        tester = QAbstractItemModelTester(model, FATAL)
        model.reload()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                model.data(model.index(row, column))
        model.sort(0, Qt.SortOrder.DescendingOrder)
        model.set_filter(ListFilter(text="市"))
        model.sort(-1)
        assert tester is not None


def test_children_and_region_tree_models_pass_the_model_tester(window: MainWindow) -> None:
    sub_items = RowsModel(SUB_ITEM_COLUMNS)
    QAbstractItemModelTester(sub_items, FATAL)
    sub_items.set_rows([{"id": 1, "name": "食品生产许可证核发"}, {"id": 2, "name": "食品生产许可证变更"}])
    delegations = RowsModel(DELEGATION_COLUMNS)
    QAbstractItemModelTester(delegations, FATAL)
    delegations.set_rows([{"id": 1, "region": "田墘街道", "batch": "第一批"}])
    view = window.show_list("region")
    QAbstractItemModelTester(view.tree_model, FATAL)
    view.reload()
    assert view.tree_model.rowCount() == 1  # 汕尾市 at the root


def test_rows_are_read_a_page_at_a_time_and_the_total_is_exact(app, db_path: Path) -> None:
    with Library(db_path) as library:
        calls: list[tuple] = []
        model = paged_model(library, "licence", calls)
        model.reload()
        assert model.rowCount() == 6 and calls == [(None, False, 0, 3)]
        assert model.data(model.index(5, 3)) == "建设项目环境影响评价文件审批"
        assert calls[-1] == (None, False, 3, 3)
        model.data(model.index(4, 3))
        assert len(calls) == 2  # the page is cached
        assert model.data(model.index(6, 3)) is None  # past the end asks nothing
        assert len(calls) == 2


def test_sorting_by_a_header_orders_in_sql_and_unsortable_columns_keep_the_order(app, db_path: Path) -> None:
    with Library(db_path) as library:
        calls: list[tuple] = []
        model = paged_model(library, "licence", calls, page_size=50)
        model.reload()
        name_column = [column.key for column in model.columns].index("name")
        model.sort(name_column, Qt.SortOrder.DescendingOrder)
        assert calls[-1] == ("name", True, 0, 50)
        expected = [row["name"] for row in library.lists.query("licence", sort="name", descending=True).rows]
        assert [model.row_at(row)["name"] for row in range(model.rowCount())] == expected
        count_column = [column.key for column in model.columns].index("sub_item_count")
        model.sort(count_column)
        assert calls[-1] == ("name", True, 0, 50) and model.sort_state == (name_column, True)
