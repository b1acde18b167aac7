"""Alembic environment: runs the migrations on the connection the library hands over."""

from __future__ import annotations

from alembic import context

from lawgov_desktop.core.models import SQLModel

FTS_TABLE_PREFIXES = ("licence_search", "power_search")


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001
    """Leave the FTS5 search tables (created by raw SQL in the migrations) out of comparisons."""
    return not (type_ == "table" and name and name.startswith(FTS_TABLE_PREFIXES))


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
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


run_migrations()
