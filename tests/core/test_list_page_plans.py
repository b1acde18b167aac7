"""A page of a long list reads the list's index in order on both engines, instead of sorting the
whole list for fifty rows (on a 100,000-record server that sort was most of a search's time:
bench/bench_server.py).  PostgreSQL's planner takes only ``=`` as fixing a column, so the
library names the columns its filter holds at NULL first in the ORDER BY, and asks for the working
list with ``version_id IS NULL`` (IS NOT DISTINCT FROM could use no index)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter


def _statements(lib: Library, monkeypatch: pytest.MonkeyPatch, action: Callable[[], object]) -> list[tuple[str, list[Any]]]:
    """The SQL (and, on a server, the parameters) ``action`` sends through the library's connection."""
    seen: list[tuple[str, list[Any]]] = []
    if lib.store.dialect.name == "sqlite":  # parameters already in the traced text
        lib.store.conn.set_trace_callback(lambda sql: seen.append((sql, [])))
        try:
            action()
        finally:
            lib.store.conn.set_trace_callback(None)
        return seen
    connection_class = type(lib.store.conn)
    execute = connection_class.execute

    def recording(self: Any, sql: str, params: Any = ()) -> Any:
        seen.append((sql, list(params)))
        return execute(self, sql, params)

    with monkeypatch.context() as patch:
        patch.setattr(connection_class, "execute", recording)
        action()
    return seen


def _page_statement(lib: Library, monkeypatch: pytest.MonkeyPatch, kind: str, flt: ListFilter,
                    sort: str) -> tuple[str, list[Any]]:
    """The SQL (and parameters) of the page ``lib.lists.query`` fetches."""
    seen = _statements(lib, monkeypatch, lambda: lib.lists.query(kind, flt, sort=sort, limit=50))
    return next((sql, params) for sql, params in seen if "ORDER BY" in sql and "LIMIT" in sql)


@pytest.mark.parametrize(("kind", "sort", "index"), [("licence", "position", "ix_licence_item_list"),
                                                      ("licence", "name", "ix_licence_item_name_sort"),
                                                      ("power", "position", "ix_power_list")])
def test_a_page_of_the_working_list_reads_its_index_in_order(
        lib: Library, city: dict[str, int], monkeypatch: pytest.MonkeyPatch, kind: str, sort: str, index: str) -> None:
    sql, params = _page_statement(lib, monkeypatch, kind, ListFilter(), sort)
    if lib.store.dialect.name == "sqlite":
        plan = " ".join(str(row[-1]) for row in lib.store.conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert index in plan and "TEMP B-TREE" not in plan
        return
    conn = lib.store.conn
    # A test's table is tiny, so the planner would read it whole; without scans and sorts to fall
    # back on, it shows whether the index alone can give the page in order.
    for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
        conn.execute(f"SET {setting} = off")
    try:
        plan = "\n".join(row[0] for row in conn.execute("EXPLAIN " + sql, params).fetchall())
    finally:
        conn.execute("RESET ALL")
    assert f"Index Scan using {index}" in plan, plan
    assert not re.search(r"(?<!Incremental )Sort  \(cost", plan), plan  # the whole list sorted


def test_a_one_character_word_is_found_by_the_characters_index_alone() -> None:
    """Counting a common character (市 in most records) no longer reads every matching row's text."""
    from lawgov_desktop.core.postgres import PostgresDialect

    clause, params = PostgresDialect.text_search("licence_search", "li", ["市"])
    assert "strpos" not in clause and params == [["市"]]
    clause, params = PostgresDialect.text_search("licence_search", "li", ["市场", "局"])
    assert clause.count("strpos") == 1 and params == [["场", "局", "市"], "市 场"]


@pytest.mark.parametrize("kind", ["licence", "power"])
def test_the_total_of_a_list_counts_its_records_without_joining_their_departments(
        lib: Library, city: dict[str, int], monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """Every record has its department, so the join that adds its name only slowed the count: ten
    times on a 100,000-record server (it joined every record), the window's first total included."""
    page = lib.lists.query(kind, ListFilter(text="市"), limit=1)
    seen = _statements(lib, monkeypatch, lambda: lib.lists.query(kind, ListFilter(text="市"), limit=1))
    count = next(sql for sql, _ in seen if "count(*)" in sql and "parent_id IS NULL" in sql)
    assert "JOIN department" not in count
    assert page.total == sum(1 for row in lib.lists.query(kind, ListFilter(text="市"), limit=1000).rows) > 0


def test_many_rows_go_in_at_once_with_any_text(lib: Library) -> None:
    """dialect.insert_rows (COPY on a server) writes texts COPY would escape (tab, line break, backslash) as given."""
    department = lib.records.create("department", {"name": "市司法局"})
    texts = ["a\tb", "第一行\n第二行", "反斜杠\\N", "\\", "", None]
    with lib.store.transaction() as conn:
        lib.store.dialect.insert_rows(conn, "department_alias", ("department_id", "alias"),
                                      [(department, f"别名{number}{text or ''}") for number, text in enumerate(texts)])
    stored = [row[0] for row in lib.store.conn.execute(
        "SELECT alias FROM department_alias WHERE department_id = ? ORDER BY alias", (department,)).fetchall()]
    assert stored == sorted(f"别名{number}{text or ''}" for number, text in enumerate(texts))
