"""Alembic migrations of the PostgreSQL community database (see
:mod:`dikas.api.community_migrations`)."""
