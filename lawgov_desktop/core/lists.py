"""Reading the lists a page at a time, saved filters and rebuilding search rows (``library.lists``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import queries
from .changes import SAVED_FILTERS
from .clock import now_text
from .errors import DatabaseError, LawGovError, ValidationError
from .queries import ListFilter, Page
from .records import clean_text

if TYPE_CHECKING:
    from .store import Store


class Lists:
    """Pages of a list with their exact totals, filters kept under a name, and the search rows."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def query(self, kind: str, flt: ListFilter | None = None, *, sort: str | None = None,
              descending: bool | None = None, offset: int = 0, limit: int = 50) -> Page:
        """One page of a list plus its exact total (see ``core/queries.py``).

        A damaged page of the file surfaces here first (the window reads before it writes), so
        the database's own error becomes the clerk's message.
        """
        try:
            return queries.query(self.store.conn, kind, flt, sort=sort, descending=descending,
                                 offset=offset, limit=limit)
        except self.store.dialect.DatabaseError as exc:
            raise DatabaseError(self.store.dialect.explain(exc) or str(exc)) from exc

    def save_filter(self, kind: str, name: str, flt: ListFilter) -> None:
        """Remember a filter under a name (replacing one of the same name)."""
        name = clean_text(name) or ""
        if not name:
            raise ValidationError({"name": "请填写筛选条件的名称。"})
        with self.store.transaction():
            self.store.conn.execute(
                "INSERT INTO saved_filter (kind, name, filter_json, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(kind, name) DO UPDATE SET filter_json = excluded.filter_json",
                (kind, name, flt.to_json(), now_text()))
            self.store.touch(SAVED_FILTERS)

    def saved_filters(self, kind: str) -> dict[str, ListFilter]:
        """The saved filters of one list by name."""
        return {name: ListFilter.from_json(text) for name, text in self.store.conn.execute(
            "SELECT name, filter_json FROM saved_filter WHERE kind = ? ORDER BY name", (kind,))}

    def delete_saved_filter(self, kind: str, name: str) -> None:
        """Forget a saved filter."""
        with self.store.transaction():
            self.store.conn.execute("DELETE FROM saved_filter WHERE kind = ? AND name = ?", (kind, name))
            self.store.touch(SAVED_FILTERS)

    def reindex(self, kind: str, ids: Iterable[int] | None = None) -> None:
        """Rebuild the search rows of some (or all) licence items or powers."""
        if kind not in self.store.index.kinds:
            raise LawGovError(f"“{kind}”没有检索索引。")
        with self.store.transaction():
            self.store.reindex(kind, None if ids is None else list(ids))
