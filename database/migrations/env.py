"""Alembic environment: runs the migrations on the connection the library hands over."""

from __future__ import annotations

from alembic import context

from lawgov_desktop.core.models import SQLModel

# Tables the migrations make by raw SQL, outside the models: the search rows (FTS5 in SQLite,
# arrays of characters on a server) and a server's table of pinyin sort tokens.
RAW_TABLE_PREFIXES = ("licence_search", "power_search", "pinyin_token")


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001
    """Leave the tables made by raw SQL out of comparisons with the models."""
    return not (type_ == "table" and name and name.startswith(RAW_TABLE_PREFIXES))


def pin_byte_order(connection) -> None:  # noqa: ANN001
    """On a server, text columns compare byte by byte (collation "C"), as SQLite's do: the same
    order on both engines, whatever locale the server's database was created with."""
    from sqlalchemy import text

    if connection.dialect.name == "sqlite":
        return
    if connection.execute(text("SELECT datcollate IN ('C', 'POSIX') FROM pg_database"
                               " WHERE datname = current_database()")).scalar():
        return
    columns = connection.execute(text(
        "SELECT table_name, column_name, data_type FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')"
        " AND collation_name IS DISTINCT FROM 'C'")).fetchall()
    for table, column, data_type in columns:
        connection.execute(text(f'ALTER TABLE {table} ALTER COLUMN "{column}" TYPE {data_type} COLLATE "C"'))


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        # No pool: the connection closes with the migration (a server must not keep it open).
        engine = create_engine(context.config.get_main_option("sqlalchemy.url"), poolclass=NullPool)
        with engine.begin() as connection:
            _run(connection)
    else:
        _run(connection)


def _run(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()
        pin_byte_order(connection)


run_migrations()
