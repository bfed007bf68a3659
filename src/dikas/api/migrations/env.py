"""Alembic environment of the community database: online upgrades only, on the connection
:func:`dikas.api.community_migrations.upgrade` passes in, under an advisory lock held until
the migration commits (server processes starting at once migrate one after the other)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

MIGRATION_LOCK = 0x64696B61  # "dika": any fixed number shared by every process
"""Key of the PostgreSQL advisory lock taken while migrating."""

if context.is_offline_mode():
    raise RuntimeError("community migrations run online only (dikas users migrate)")

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, transactional_ddl=True)
with context.begin_transaction():
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    context.run_migrations()
