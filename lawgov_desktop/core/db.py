"""Opening a LawGov database: choosing the file or server, creating it, migrating an old one.

Run-time access goes through the standard ``sqlite3`` module (``core/dialect.py``) or, for an
office's server, psycopg (``core/postgres.py``): neither loads SQLModel or Alembic, so the window's
first page does not wait for them, and bulk imports use ``executemany`` at full speed.  Which schema
a database has and the migrations themselves are in ``core/schema.py``.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from .backup import make_backup
from .dialect import connect
from .errors import DatabaseError
from .location import SERVER_SCHEMES, Location, ServerAddress
from .paths import DB_ENV, default_database
from .schema import SCHEMA_HEAD, known_revisions, schema_revision, server_schema_revision, upgrade


def resolve_location(db: str | os.PathLike[str] | ServerAddress | None = None) -> Location:
    """The database from ``--db``, else ``LAWGOV_DB``, else the per-user default file.

    A server's URL (``postgresql://clerk@server:5432/lawgov``) names an office's shared database;
    a SQLAlchemy URL (``sqlite:///C:/lists/city.sqlite3``) is accepted as well as a path.
    """
    if isinstance(db, ServerAddress):
        return db
    raw = os.fspath(db) if db is not None else os.environ.get(DB_ENV) or None
    if raw is None:
        return default_database()
    if "://" in raw:
        url = urlparse(raw)
        if url.scheme in SERVER_SCHEMES:
            return ServerAddress.from_url(raw)
        if not url.scheme.startswith("sqlite"):
            raise DatabaseError(f"不支持“{url.scheme}”数据库：请使用 SQLite 数据库文件或 postgresql:// 服务器地址。")
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


def prepare(location: Location, *, create: bool = True) -> bool:
    """Make ``location`` a current LawGov database; returns True when it was newly created.

    A missing (or empty) file is created with the reference regions loaded; an older schema is
    backed up and migrated; a newer schema or a foreign file is refused untouched.
    """
    if isinstance(location, ServerAddress):
        return _prepare_server(location, create=create)
    path = location
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
    make_backup(path, f"before-migrate-{revision}")
    upgrade(path)
    return False


def _prepare_server(address: ServerAddress, *, create: bool) -> bool:
    """``prepare`` for a server database: an empty database gets the schema and the reference
    regions; an older schema is migrated in one transaction (the server keeps its own backups);
    a newer one is refused."""
    from . import postgres
    from .reference import load_reference_regions

    conn = postgres.connect(address)
    try:
        revision = server_schema_revision(conn, address)
        if revision == SCHEMA_HEAD:
            return False
        if revision is None and not create:
            raise DatabaseError(f"服务器数据库“{address.database}”还是空的。")
        if revision is not None and revision not in known_revisions():
            raise DatabaseError(
                f"服务器数据库“{address.database}”由更新版本的 LawGov 创建（结构版本 {revision}），"
                "请升级本程序后再连接；数据库未作任何改动。")
        try:
            upgrade(address)
        except Exception as exc:
            if "must be owner" in str(exc) or "permission denied" in str(exc):  # a clerk's login, not the owner's
                raise DatabaseError(
                    f"服务器数据库“{address.database}”的结构需要升级（结构版本 {revision or '空'} → {SCHEMA_HEAD}），"
                    "这须由管理员用新版程序运行 lawgov server setup；数据库未作任何改动。") from exc
            raise DatabaseError(f"无法在服务器上建立或升级数据库结构：{exc}") from exc
        if revision is None:
            load_reference_regions(conn)
        return revision is None
    finally:
        conn.close()
