"""``dikas users``: accounts of stakeholders, moderators and organisers who may comment on the
map; one-time invitations and password resets; the retention purge."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from dikas.api.community import (
    INVITATION_DAYS,
    MAX_INVITATION_DAYS,
    Community,
    OneTimeToken,
    User,
)
from dikas.api.retention import Retention
from dikas.api.security import ROLES
from dikas.api.settings import community_path_for
from dikas.cli.options import twin_argument
from dikas.errors import ParameterError

community_option = click.option(
    "--comments",
    "community",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite file for comments and users (default: TWIN.community.sqlite).",
)


def _community(twin: Path, community: Path | None) -> Community:
    """The community store of TWIN: PostgreSQL when $DIKAS_COMMUNITY_DB is set, else the
    SQLite file."""
    return Community(
        community or community_path_for(twin), database=os.environ.get("DIKAS_COMMUNITY_DB") or None
    )


@click.group()
def users() -> None:
    """Manage who may comment (passwords are stored as scrypt hashes)."""


@users.command("add")
@twin_argument
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice(ROLES),
    default="stakeholder",
    show_default=True,
    help="Moderators may also hide comments; organisers also invite people.",
)
@click.option(
    "--display-name",
    default=None,
    help="The name shown in public beside NAME's comments (default: NAME).",
)
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from the first line of standard input (for scripts) "
    "instead of prompting for it twice without echo.",
)
@click.option(
    "--password",
    "password_argument",
    default=None,
    hidden=True,
    help="Refused: a password on the command line is visible to other users.",
)
@community_option
def add(
    twin: Path,
    name: str,
    role: str,
    display_name: str | None,
    password_stdin: bool,
    password_argument: str | None,
    community: Path | None,
) -> None:
    """Create account NAME for TWIN's map (or reset its password and role; either signs
    out every session of NAME). The password (at least 8 characters) is prompted for without
    echo, or read from standard input with --password-stdin; never given as an argument."""
    if password_argument is not None:
        raise ParameterError(
            "--password is not accepted (the command line is visible to "
            "other users); use --password-stdin or the prompt"
        )
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise ParameterError("--password-stdin: no password on standard input")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    user = _community(twin, community).add_user(
        name, password, role=role, display_name=display_name
    )
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


def _print_link(made: OneTimeToken, public_url: str | None) -> None:
    """The token, and the app link carrying it when the public URL is known."""
    anchor = "invitation" if made.kind == "invite" else "reset"
    click.echo(f"token: {made.token}")
    if public_url:
        click.echo(f"link: {public_url.rstrip('/')}/#{anchor}={made.token}")
    click.echo(f"valid until {made.expires_at} (once)")


public_url_option = click.option(
    "--public-url",
    default=None,
    envvar="DIKAS_PUBLIC_URL",
    help="The server's public URL, to print the link (default: $DIKAS_PUBLIC_URL).",
)


@users.command("invite")
@twin_argument
@click.option(
    "--role",
    type=click.Choice(ROLES),
    default="stakeholder",
    show_default=True,
    help="The role the invited person gets.",
)
@click.option(
    "--days",
    type=click.IntRange(1, MAX_INVITATION_DAYS),
    default=INVITATION_DAYS,
    show_default=True,
    help="Days the invitation stays valid.",
)
@public_url_option
@community_option
def invite(
    twin: Path, role: str, days: int, public_url: str | None, community: Path | None
) -> None:
    """Print a one-time invitation: whoever opens the link (or sends the token to POST
    /api/auth/accept-invitation) chooses a user name, display name and password."""
    made = _community(twin, community).invite(role, created_by="command line", days=days)
    click.echo(f"invitation for a {role}")
    _print_link(made, public_url)


@users.command("reset")
@twin_argument
@click.argument("name")
@click.option(
    "--days",
    type=click.IntRange(1, MAX_INVITATION_DAYS),
    default=1,
    show_default=True,
    help="Days the reset link stays valid.",
)
@public_url_option
@community_option
def reset(twin: Path, name: str, days: int, public_url: str | None, community: Path | None) -> None:
    """Reset NAME's password: the old password and every session stop working now; print a
    one-time token (POST /api/auth/reset-password) with which NAME sets a new one."""
    organiser = User("command line", "organiser")
    made = _community(twin, community).reset_password(name, organiser=organiser, days=days)
    click.echo(f"password of {name!r} reset; its sessions are signed out")
    _print_link(made, public_url)


@users.command("purge")
@twin_argument
@click.option(
    "--comments-days",
    type=click.IntRange(1),
    default=None,
    help="Keep comments this many days (default: $DIKAS_RETAIN_COMMENTS_DAYS or "
    f"{Retention().comments_days}).",
)
@click.option(
    "--audit-days",
    type=click.IntRange(1),
    default=None,
    help="Keep audit log entries this many days (default: "
    f"$DIKAS_RETAIN_AUDIT_DAYS or {Retention().audit_days}).",
)
@click.option(
    "--invitations-days",
    type=click.IntRange(1),
    default=None,
    help="Keep expired or used invitations and reset tokens this many days "
    f"(default: $DIKAS_RETAIN_INVITATIONS_DAYS or {Retention().invitations_days}).",
)
@community_option
def purge(
    twin: Path,
    comments_days: int | None,
    audit_days: int | None,
    invitations_days: int | None,
    community: Path | None,
) -> None:
    """Delete comments, audit log entries and invitations older than the retention periods
    (the periods the privacy notice states)."""
    retention = Retention.from_env(
        comments_days=comments_days, audit_days=audit_days, invitations_days=invitations_days
    )
    done = _community(twin, community).purge(retention)
    click.echo(
        f"deleted {done['comments']} comments older than {retention.comments_days} "
        f"days, {done['audit']} audit entries older than {retention.audit_days} days, "
        f"{done['invitations']} invitations older than {retention.invitations_days} "
        "days"
    )


@users.command("migrate")
def migrate() -> None:
    """Upgrade the PostgreSQL community database ($DIKAS_COMMUNITY_DB) to the newest schema
    (`dikas serve` does it at start too; a SQLite file needs no migrations)."""
    from dikas.api.community_migrations import head, upgrade
    from dikas.api.community_store import is_database_url, redact_url

    url = os.environ.get("DIKAS_COMMUNITY_DB") or ""
    if not is_database_url(url):
        raise ParameterError(
            "dikas users migrate: set DIKAS_COMMUNITY_DB to a postgresql:// "
            "URL (a SQLite community file needs no migrations)"
        )
    version = upgrade(url)
    click.echo(f"community database {redact_url(url)} at version {version} (newest: {head()})")
