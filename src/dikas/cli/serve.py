"""``dikas serve``: the web API and the map app for one twin, in one process."""

from __future__ import annotations

import os
from pathlib import Path

import click

from dikas.cli.options import twin_argument
from dikas.errors import ParameterError
from dikas.settings import load_settings


@click.command()
@twin_argument
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to listen on (127.0.0.1: this machine only).",
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port."
)
@click.option(
    "--comments",
    "community",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite file for comments and users (default: TWIN.community.sqlite next to the twin).",
)
@click.option(
    "--min-count",
    type=click.IntRange(1),
    default=None,
    help="Suppress person counts below this at cell/building level "
    "(default: $DIKAS_MIN_COUNT or 10).",
)
@click.option(
    "--threads",
    type=click.IntRange(1, 64),
    default=8,
    show_default=True,
    help="Threads serving requests.",
)
@click.option(
    "--seed-tiles",
    type=click.IntRange(0),
    default=10_000,
    show_default=True,
    help="Vector tiles of the opening area rendered in the background at start-up "
    "(0: render tiles only when asked for).",
)
@click.option(
    "--public-url",
    default=None,
    metavar="URL",
    help="Base URL people reach the server at, e.g. https://twin.example.org "
    "(behind a reverse proxy); absolute links start with it and sign-in "
    "accepts only its origin (default: $DIKAS_PUBLIC_URL, else the listening "
    "address).",
)
@click.option(
    "--trusted-host",
    "trusted_hosts",
    multiple=True,
    metavar="NAME",
    help="Host name requests must be addressed to (repeatable; *.example.org "
    "allowed); others get 400 (default: any).",
)
@click.option(
    "--proxy-headers",
    is_flag=True,
    help="Take the client address and scheme from X-Forwarded-For/-Proto, sent by "
    "a reverse proxy at one of --forwarded-allow-ips.",
)
@click.option(
    "--forwarded-allow-ips",
    default="127.0.0.1",
    show_default=True,
    metavar="IPS",
    help="Comma-separated addresses of the reverse proxies whose X-Forwarded-* "
    "headers are trusted (with --proxy-headers).",
)
def serve(
    twin: Path,
    host: str,
    port: int,
    community: Path | None,
    min_count: int | None,
    threads: int,
    seed_tiles: int,
    public_url: str | None,
    trusted_hosts: tuple[str, ...],
    proxy_headers: bool,
    forwarded_allow_ips: str,
) -> None:
    """Serve TWIN as a web API (OpenAPI docs at /docs) and the 3D map app at /.

    Access tokens are signed with $DIKAS_SECRET_KEY (at least 32 characters), else with a
    random key kept in COMMENTS.key (mode 0600).

    With $DIKAS_COMMUNITY_DB set to a postgresql:// URL, comments, users and scenario runs
    live in that PostgreSQL database (upgraded to the newest schema at start), so several
    `dikas serve` processes can share them; give them the same $DIKAS_SECRET_KEY or
    COMMENTS.key.
    """
    import uvicorn

    from dikas.api.app import create_app
    from dikas.api.retention import Retention
    from dikas.api.security import normalise_public_url
    from dikas.api.settings import ApiSettings

    # without a public URL, links use the listening address and sign-in accepts the
    # server's own origin (so http://localhost:PORT works as well as 127.0.0.1)
    public_url = public_url or os.environ.get("DIKAS_PUBLIC_URL") or None
    public = normalise_public_url(public_url) if public_url else None
    if not twin.is_file():
        raise ParameterError(f"twin {str(twin)!r}: file not found (build one with `dikas build`)")
    from dikas.twin.store import Twin

    with Twin.open(twin) as opened:  # damaged pages: one line now, not 500s while serving
        opened.verify()
    settings = ApiSettings(
        twin_path=twin,
        community_path=community,
        min_count=load_settings(min_count=min_count).min_count,
        preload=True,
        seed_tiles=seed_tiles,
        threads=threads,
        auth_secret=os.environ.get("DIKAS_SECRET_KEY") or None,
        public_url=public,
        trusted_hosts=trusted_hosts,
        community_db=os.environ.get("DIKAS_COMMUNITY_DB") or None,
        retention=Retention.from_env(),
    )
    app = create_app(settings)
    click.echo(
        f"DikaS serving {twin} at http://{host}:{port}/ (API docs: "
        f"http://{host}:{port}/docs); press Ctrl+C to stop",
        err=True,
    )
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        proxy_headers=proxy_headers,
        forwarded_allow_ips=forwarded_allow_ips,
    )
