"""Schema migrations of the PostgreSQL community database (Alembic, scripts in
:mod:`dikas.api.migrations`).

:func:`upgrade` brings a database to the newest version; it runs when a
:class:`~dikas.api.community_store.PostgresStore` opens (so ``dikas serve`` upgrades at
start) and from ``dikas users migrate``. Running it on an up-to-date database changes
nothing. The SQLite store keeps its own ``CREATE TABLE IF NOT EXISTS`` schema.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dikas.api.errors import ServiceUnavailableError
from dikas.errors import ConfigError

SCRIPTS = Path(__file__).with_name("migrations")
"""The Alembic script folder (``env.py``, ``versions/``)."""


def _engine_url(url: str) -> str:
    """A ``postgresql://`` URL as SQLAlchemy names the psycopg 3 driver."""
    scheme, _, rest = url.partition("://")
    if scheme.lower() not in ("postgresql", "postgres") or not rest:
        raise ConfigError(f"community database {url.split('@')[-1]!r}: not a postgresql:// URL")
    return f"postgresql+psycopg://{rest}"


def _config(connection: Any) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    config.attributes["connection"] = connection
    return config


def _run(url: str, action: Any) -> Any:
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.pool import NullPool

    from dikas.api.community_store import redact_url

    engine = create_engine(_engine_url(url), poolclass=NullPool)
    what = "cannot connect"
    try:
        with engine.connect() as connection:
            what = "migration failed"
            return action(connection)
    except SQLAlchemyError as error:
        cause = str(getattr(error, "orig", None) or error).strip().splitlines()
        raise ServiceUnavailableError(
            f"community database {redact_url(url)}: {what} "
            f"({cause[0] if cause else type(error).__name__})"
        ) from error
    finally:
        engine.dispose()


def upgrade(url: str, *, revision: str = "head") -> str | None:
    """Upgrade the database at ``url`` to ``revision`` (the newest by default); returns the
    version it is at afterwards."""
    from alembic import command

    def action(connection: Any) -> str | None:
        command.upgrade(_config(connection), revision)
        connection.commit()
        return _current(connection)

    return _run(url, action)


def _current(connection: Any) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def current(url: str) -> str | None:
    """The version the database at ``url`` is at (``None``: not migrated yet)."""
    return _run(url, _current)


def head() -> str:
    """The newest version the shipped migrations define."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    return str(ScriptDirectory.from_config(config).get_current_head())
