"""The change history as the window's history view filters it: by record, user, action, dates, text.

Times in ``change_log.at`` are local ISO-8601 text ("2024-05-01T09:30:00+08:00"), so a date
range is a text range: from the start of ``since`` to the end of ``until``, both inclusive.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from typing import Any

from .errors import ValidationError
from .queries import Page


def _day(value: date | str, field: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise ValidationError({field: f"日期“{value}”无法识别，请写成 2024-05-01。"}) from exc


def change_log_page(conn: sqlite3.Connection, *, entity: str | None = None, entity_id: int | None = None,
                    user: str | None = None, action: str | None = None, since: date | str | None = None,
                    until: date | str | None = None, text: str = "", offset: int = 0,
                    limit: int = 100) -> Page:
    """One page of the history, newest first, with the exact number of matching entries."""
    where = ["1=1"]
    params: list[Any] = []
    for column, value in (("entity", entity), ("entity_id", entity_id), ("user", user), ("action", action)):
        if value not in (None, ""):
            where.append(f"{column} = ?")
            params.append(value)
    if since:
        where.append("at >= ?")
        params.append(_day(since, "since").isoformat())
    if until:
        where.append("at < ?")
        params.append((_day(until, "until") + timedelta(days=1)).isoformat())
    if text.strip():
        where.append("(summary LIKE ? OR user LIKE ?)")
        params.extend([f"%{text.strip()}%"] * 2)
    clause = " AND ".join(where)
    total = conn.execute(f"SELECT count(*) FROM change_log WHERE {clause}", params).fetchone()[0]
    rows = conn.execute(f"SELECT * FROM change_log WHERE {clause} ORDER BY id DESC LIMIT ? OFFSET ?",
                        [*params, limit, offset]).fetchall()
    return Page([dict(row) for row in rows], total, offset)


def change_log_users(conn: sqlite3.Connection) -> list[str]:
    """Everyone who appears in the history, for the user filter's choices."""
    return [row[0] for row in conn.execute("SELECT DISTINCT user FROM change_log ORDER BY user")]
