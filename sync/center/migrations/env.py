"""Alembic environment for the center: always driven from sync.center.storage with a connection."""

from alembic import context

from sync.center.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
