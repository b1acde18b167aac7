"""Which schema a LawGov file has, and the Alembic migrations that bring it to the newest.

The schema itself is declared once in ``core/models.py`` and applied by the migrations under
``database/migrations``; Alembic is imported only when a file is created or needs migrating.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .dialect import BUSY_TIMEOUT_MS, read_only_uri
from .errors import DatabaseError
from .location import Location, ServerAddress
from .paths import shipped_dir

APPLICATION = "lawgov-desktop"
# The newest migration this program knows.  tests/core/test_db.py checks it equals Alembic's head.
SCHEMA_HEAD = "0010"
_SQLITE_MAGIC = b"SQLite format 3\x00"


def schema_revision(path: Path) -> str:
    """The schema revision of an existing LawGov file; refuses any other file without writing.

    Reads through a read-only connection so that a foreign file is left exactly as it was.
    """
    if path.is_dir():
        raise DatabaseError(f"“{path}”是文件夹，不是数据库文件。")
    with path.open("rb") as handle:
        header = handle.read(len(_SQLITE_MAGIC))
    if header != _SQLITE_MAGIC:
        raise DatabaseError(f"文件“{path.name}”不是 LawGov 数据库（不是 SQLite 数据库文件），未作任何改动。")
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "lawgov_meta" not in tables or "alembic_version" not in tables:
                raise DatabaseError(f"文件“{path.name}”不是 LawGov 数据库，未作任何改动。")
            app = conn.execute("SELECT value FROM lawgov_meta WHERE key='application'").fetchone()
            if not app or app[0] != APPLICATION:
                raise DatabaseError(f"文件“{path.name}”不是 LawGov 数据库，未作任何改动。")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"无法读取数据库“{path.name}”：文件可能已损坏（{exc}）。") from exc
    if not row:
        raise DatabaseError(f"数据库“{path.name}”缺少结构版本信息，未作任何改动。")
    return str(row[0])


def server_schema_revision(conn: object, address: ServerAddress) -> str | None:
    """The schema revision of a server database (None: an empty database, ready to be made one);
    refuses a database holding other tables."""
    execute = conn.execute  # type: ignore[attr-defined]
    tables = {row[0] for row in execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
    if not tables:
        return None
    if "lawgov_meta" not in tables or "alembic_version" not in tables:
        raise DatabaseError(f"服务器数据库“{address.database}”中已有其他程序的数据表，不是 LawGov 数据库，未作任何改动。")
    app = execute("SELECT value FROM lawgov_meta WHERE key='application'").fetchone()
    row = execute("SELECT version_num FROM alembic_version").fetchone()
    if not app or app[0] != APPLICATION or not row:
        raise DatabaseError(f"服务器数据库“{address.database}”不是 LawGov 数据库，未作任何改动。")
    return str(row[0])


def alembic_config(location: Location):  # noqa: ANN201 - alembic is imported lazily
    """Alembic's configuration for migrating the database at ``location``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(shipped_dir("database") / "migrations"))
    url = location.sqlalchemy_url() if isinstance(location, ServerAddress) else "sqlite:///" + str(location)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # the ini format's escape
    return config


def known_revisions() -> set[str]:
    """Every revision among the shipped migrations (imports Alembic: call only off the fast path)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(Path("unused")))
    return {rev.revision for rev in script.walk_revisions()}


def upgrade(location: Location) -> None:
    """Apply every pending migration to the database at ``location`` (on a server, in one
    transaction: PostgreSQL changes its schema transactionally)."""
    from alembic import command

    command.upgrade(alembic_config(location), "head")
