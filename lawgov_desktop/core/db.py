"""Opening a LawGov database: choosing the file, refusing foreign files, migrating old ones.

Run-time access goes through the standard ``sqlite3`` module: it costs nothing to import (the
window's first page appears before SQLModel or Alembic would have loaded) and bulk imports use
``executemany`` at full speed.  The schema itself is declared once in ``core/models.py`` and
applied by Alembic migrations under ``database/migrations``; Alembic is imported only when a file
is created or needs migrating.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from urllib.parse import unquote, urlparse

from .errors import DatabaseError
from .paths import DB_ENV, default_database, shipped_dir

APPLICATION = "lawgov-desktop"
# The newest migration this program knows.  tests/core/test_db.py checks it equals Alembic's head.
SCHEMA_HEAD = "0005"
BUSY_TIMEOUT_MS = 10_000
_SQLITE_MAGIC = b"SQLite format 3\x00"


def resolve_location(db: str | os.PathLike[str] | None = None) -> Path:
    """The database file from ``--db``, else ``LAWGOV_DB``, else the per-user default.

    A SQLAlchemy URL (``sqlite:///C:/lists/city.sqlite3``) is accepted as well as a path.
    """
    raw = os.fspath(db) if db is not None else os.environ.get(DB_ENV) or None
    if raw is None:
        return default_database()
    if "://" in raw:
        url = urlparse(raw)
        if not url.scheme.startswith("sqlite"):
            raise DatabaseError(f"暂不支持“{url.scheme}”数据库，请使用 SQLite 数据库文件。")
        path = unquote(raw.split(":///", 1)[1]) if ":///" in raw else ""
        if not path or path == ":memory:":
            raise DatabaseError("数据库地址中没有文件路径。")
        return Path(path)
    return Path(raw).expanduser()


def make_folder(path: Path) -> None:
    """Create the folder that will hold the database ``path`` (a first start has none yet).

    Says plainly why it cannot be done — no permission, a file in the way, a read-only medium —
    naming the folder and what the clerk can do, instead of failing later at the lock or the file.
    """
    folder = path.parent
    elsewhere = "换一个位置（用 --db 或环境变量 LAWGOV_DB 指定数据库文件）"
    permission = f"请{elsewhere}，或请管理员为该文件夹授予写入权限。"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        reason = f"该位置（或上级位置）已有同名文件，不是文件夹。请移走或改名这个文件，或{elsewhere}。"
    except PermissionError:
        reason = f"没有在这里创建文件夹的权限。{permission}"
    except OSError as error:
        reason = (f"磁盘是只读的。请{elsewhere}。" if error.errno == errno.EROFS
                  else f"{error.strerror or error}。{permission}")
    else:
        if os.access(folder, os.W_OK):
            return
        reason = f"没有写入这个文件夹的权限。{permission}"
    raise DatabaseError(f"无法创建或写入数据文件夹“{folder}”：{reason}")


def read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` strictly read-only, safe for spaces and Chinese characters."""
    return path.resolve().as_uri() + "?mode=ro"


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection with the PRAGMAs every LawGov connection has.

    Autocommit mode: the library opens its own ``BEGIN IMMEDIATE`` transactions, so two writers
    wait for each other (up to the busy timeout) instead of failing half-way.
    """
    if read_only:
        conn = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None,
                               timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if not read_only:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
    return conn


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


def _alembic_config(path: Path):  # noqa: ANN202 - alembic is imported lazily
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(shipped_dir("database") / "migrations"))
    config.set_main_option("sqlalchemy.url", "sqlite:///" + str(path))
    return config


def known_revisions() -> set[str]:
    """Every revision among the shipped migrations (imports Alembic: call only off the fast path)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(Path("unused")))
    return {rev.revision for rev in script.walk_revisions()}


def upgrade(path: Path) -> None:
    """Apply every pending migration to ``path``."""
    from alembic import command

    command.upgrade(_alembic_config(path), "head")


def prepare(path: Path, *, create: bool = True) -> bool:
    """Make ``path`` a current LawGov database; returns True when it was newly created.

    A missing (or empty) file is created with the reference regions loaded; an older schema is
    backed up and migrated; a newer schema or a foreign file is refused untouched.
    """
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        if not create:
            raise DatabaseError(f"数据库文件“{path}”不存在。")
        make_folder(path)
        try:
            upgrade(path)
        except Exception as exc:  # a half-made file must not be mistaken for a database later
            path.unlink(missing_ok=True)
            raise DatabaseError(f"无法创建数据库“{path}”：{exc}") from exc
        from .reference import load_reference_regions

        conn = connect(path)
        try:
            load_reference_regions(conn)
        finally:
            conn.close()
        return True
    revision = schema_revision(path)
    if revision == SCHEMA_HEAD:
        return False
    if revision not in known_revisions():
        raise DatabaseError(
            f"数据库“{path.name}”由更新版本的 LawGov 创建（结构版本 {revision}），"
            "请升级本程序后再打开；文件未作任何改动。"
        )
    from .backup import make_backup

    make_backup(path, f"before-migrate-{revision}")
    upgrade(path)
    return False


def explain_database_error(exc: BaseException) -> str | None:
    """A clerk's explanation of a SQLite error that escaped the library (None: not one)."""
    if not isinstance(exc, sqlite3.Error):
        return None
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "数据库正被其他程序（或另一个 LawGov 窗口）写入，请稍后再试。"
    if "disk is full" in text or "full" in text:
        return "磁盘空间不足，数据库无法写入；请清理磁盘后再试，已有数据未受影响。"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return "数据库文件已损坏，请从备份恢复（文件未被改动）。"
    if "readonly" in text or "read-only" in text:
        return "数据库文件是只读的（或所在文件夹不可写），不能保存修改。"
    return f"数据库出错：{exc}"


def highest_id_sql(table: str) -> str:
    """SQL for the highest id ``table`` has ever used, deleted rows included (AUTOINCREMENT's
    record), for code that assigns ids itself: a deleted record's id must stay free for undo."""
    return (f"max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0),"
            f" coalesce((SELECT max(id) FROM {table}), 0))")
