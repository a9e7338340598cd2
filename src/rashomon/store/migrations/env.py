"""Alembic's entry point for rashomon's store.

``rashomon.store.database.migrate`` runs it with an open connection in
``config.attributes["connection"]``; run by hand (``alembic -c …``), it connects to
``sqlalchemy.url`` instead. Either way the target is ``rashomon.store.schema.Base.metadata``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from rashomon.store.schema import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: object) -> None:
    # SQLite alters tables by copying them ("batch" mode); PostgreSQL alters in place.
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = engine_from_config(
        config.get_section(config.config_ini_section) or {},
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as fresh:
        _run(fresh)
