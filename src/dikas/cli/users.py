"""``dikas users``: accounts of stakeholders and moderators who may comment on the map."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from dikas.api.community import Community
from dikas.api.settings import community_path_for
from dikas.cli.options import twin_argument
from dikas.errors import ParameterError

community_option = click.option(
    "--comments", "community", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="SQLite file for comments and users (default: TWIN.community.sqlite).")


def _community(twin: Path, community: Path | None) -> Community:
    """The community store of TWIN: PostgreSQL when $DIKAS_COMMUNITY_DB is set, else the
    SQLite file."""
    return Community(community or community_path_for(twin),
                     database=os.environ.get("DIKAS_COMMUNITY_DB") or None)


@click.group()
def users() -> None:
    """Manage who may comment (passwords are stored as scrypt hashes)."""


@users.command("add")
@twin_argument
@click.argument("name")
@click.option("--role", type=click.Choice(["stakeholder", "moderator"]), default="stakeholder",
              show_default=True, help="Moderators may also hide comments.")
@click.option("--password-stdin", is_flag=True,
              help="Read the password from the first line of standard input (for scripts) "
                   "instead of prompting for it twice without echo.")
@click.option("--password", "password_argument", default=None, hidden=True,
              help="Refused: a password on the command line is visible to other users.")
@community_option
def add(twin: Path, name: str, role: str, password_stdin: bool, password_argument: str | None,
        community: Path | None) -> None:
    """Create account NAME for TWIN's map (or reset its password and role; either signs
    out every session of NAME). The password (at least 8 characters) is prompted for without
    echo, or read from standard input with --password-stdin; never given as an argument."""
    if password_argument is not None:
        raise ParameterError("--password is not accepted (the command line is visible to "
                             "other users); use --password-stdin or the prompt")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise ParameterError("--password-stdin: no password on standard input")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    user = _community(twin, community).add_user(name, password, role=role)
    click.echo(f"user {user.username!r} ({user.role}) saved")


@users.command("remove")
@twin_argument
@click.argument("name")
@community_option
def remove(twin: Path, name: str, community: Path | None) -> None:
    """Delete account NAME (its comments stay)."""
    _community(twin, community).remove_user(name)
    click.echo(f"user {name!r} removed")


@users.command("list")
@twin_argument
@community_option
def list_users(twin: Path, community: Path | None) -> None:
    """List accounts and their roles."""
    for user in _community(twin, community).users():
        click.echo(f"{user.username}\t{user.role}")


@users.command("migrate")
def migrate() -> None:
    """Upgrade the PostgreSQL community database ($DIKAS_COMMUNITY_DB) to the newest schema
    (`dikas serve` does it at start too; a SQLite file needs no migrations)."""
    from dikas.api.community_migrations import head, upgrade
    from dikas.api.community_store import is_database_url, redact_url

    url = os.environ.get("DIKAS_COMMUNITY_DB") or ""
    if not is_database_url(url):
        raise ParameterError("dikas users migrate: set DIKAS_COMMUNITY_DB to a postgresql:// "
                             "URL (a SQLite community file needs no migrations)")
    version = upgrade(url)
    click.echo(f"community database {redact_url(url)} at version {version} "
               f"(newest: {head()})")
