"""Where a LawGov database is: a SQLite file on this PC, or a PostgreSQL server an office shares.

Kept apart from ``core/postgres.py`` so that reading ``--db`` costs no driver import: the window's
first page on a SQLite file never loads psycopg.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlparse

from .errors import DatabaseError

SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
# The channel on which a server database tells every open window of each commit (``NOTIFY``).
CHANGES_CHANNEL = "lawgov_changes"


@dataclass(frozen=True)
class ServerAddress:
    """Where a server database is: host, port, database and user (never a password on disk).

    ``password`` is only ever held in memory, when the clerk typed it in the window.
    """

    host: str = "localhost"
    port: int = 5432
    database: str = "lawgov"
    user: str | None = None
    password: str | None = None
    service: str | None = None

    @classmethod
    def from_url(cls, url: str) -> ServerAddress:
        """``postgresql://user@host:port/db`` (``postgres://`` too; ``?service=name`` names a
        service file entry)."""
        parsed = urlparse(url)
        if parsed.scheme not in SERVER_SCHEMES:
            raise DatabaseError(f"“{url}”不是 PostgreSQL 数据库地址（应以 postgresql:// 开头）。")
        query = dict(part.split("=", 1) for part in parsed.query.split("&") if "=" in part)
        try:
            port = parsed.port or 5432
        except ValueError as exc:
            raise DatabaseError(f"数据库地址“{url}”中的端口号无效。") from exc
        return cls(host=unquote(parsed.hostname or "") or "localhost", port=port,
                   database=unquote(parsed.path.lstrip("/")) or "lawgov",
                   user=unquote(parsed.username) if parsed.username else None,
                   password=unquote(parsed.password) if parsed.password else None,
                   service=query.get("service"))

    def with_password(self, password: str | None) -> ServerAddress:
        """The same address with a password typed in (kept in memory only)."""
        return replace(self, password=password)

    @property
    def url(self) -> str:
        """The address as a URL without the password (what ``--db`` and the window show)."""
        user = f"{quote(self.user)}@" if self.user else ""
        service = f"?service={quote(self.service)}" if self.service else ""
        return f"postgresql://{user}{self.host}:{self.port}/{quote(self.database)}{service}"

    def sqlalchemy_url(self) -> str:
        """The URL Alembic connects with (the password, if typed, only in memory)."""
        user = quote(self.user or "", safe="")
        password = f":{quote(self.password, safe='')}" if self.password else ""
        at = f"{user}{password}@" if user or password else ""
        service = f"?service={quote(self.service)}" if self.service else ""
        return f"postgresql+psycopg://{at}{self.host}:{self.port}/{quote(self.database)}{service}"

    def connect_arguments(self) -> dict[str, Any]:
        """libpq's keywords; what is not given libpq finds itself (PGPASSWORD, ~/.pgpass, PGSERVICE)."""
        arguments: dict[str, Any] = {"host": self.host, "port": self.port, "dbname": self.database,
                                     "application_name": "LawGov Desktop", "connect_timeout": 10}
        for key, value in (("user", self.user), ("password", self.password), ("service", self.service)):
            if value:
                arguments[key] = value
        return arguments

    def __str__(self) -> str:
        return self.url


# A database is a file or a server.
Location = Path | ServerAddress
