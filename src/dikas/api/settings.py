"""Settings of the web API: which twin, where comments live, privacy and request limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dikas.api.retention import Retention


def community_path_for(twin_path: Path) -> Path:
    """The comments/users database kept next to a twin (``twin.duckdb`` → ``twin.community.sqlite``).

    The server opens the twin read-only; everything people write goes to this separate file.
    """
    return twin_path.with_name(twin_path.stem + ".community.sqlite")


@dataclass(frozen=True)
class ApiSettings:
    """Everything :func:`dikas.api.app.create_app` needs, passed down explicitly.

    Attributes
    ----------
    twin_path
        The twin DuckDB file, opened read-only.
    community_path
        SQLite file holding stakeholder comments and user accounts (written by the server and
        by ``dikas users``); defaults to :func:`community_path_for` the twin.
    min_count
        Person counts below this are never served at cell or building level.
    auth_secret
        Key that signs access tokens (``DIKAS_SECRET_KEY``, at least 32 characters); ``None``
        keeps a random key in the file ``<community file>.key`` (mode 0600), so tokens survive
        restarts. Never in the community database.
    public_url
        Base URL the server is reached at (``--public-url``, ``DIKAS_PUBLIC_URL``), e.g.
        ``https://twin.example.org``: every absolute link the API writes starts with it.
        ``None`` uses the address the server listens on (never the request's ``Host``
        header, which the client chooses).
    trusted_hosts
        Host names (``Host`` header) accepted, e.g. ``twin.example.org`` or ``*.example.org``;
        empty accepts any (requests for other hosts get 400).
    token_ttl_s
        Lifetime of an access token.
    default_limit, max_limit
        Page size of OGC items when none is given, and the largest page accepted.
    max_isochrone_min
        Longest travel time an isochrone request may ask for (bounds request cost).
    max_body_bytes
        Largest JSON body accepted by write endpoints (comments, scenarios).
    web_dist
        Folder of the built map app (``index.html`` and assets); ``None`` uses the bundled one.
    preload
        Load (reproject) the map layers in a background thread at start-up, so the first
        visitor does not wait for them.
    seed_tiles
        After the preload, render up to this many vector tiles of the map's opening area
        (city-wide zooms first, up to street level) into the tile cache; 0 renders tiles only
        when asked for.
    max_scenarios
        Scenario runs kept for their shareable URLs (newest first); older ones answer 404.
    sign_in_attempts
        Failed sign-ins allowed per user name within ``sign_in_window_s`` before further
        attempts from clients that have failed are refused with 429 (each attempt costs a
        deliberately slow password hash); clients without failures may still sign in. A
        client address may fail twice as often (any names) before it is refused.
    threads
        Worker threads for blocking work (tile rendering, queries); ``None`` keeps AnyIO's
        default (40).
    scenario_slots
        Scenario runs at once; one client holds at most one slot, so with two or more
        slots no client can lock the others out.
    scenario_runs_per_window, scenario_window_s
        Scenario runs one client may start within the window (cached runs do not count).
    scenario_timeout_s
        Wall-clock limit of one scenario run (run in a child process that is killed after
        it); ``None`` runs scenarios in the request's thread without a limit.
    max_scenario_bytes
        Total size of the kept scenario runs (their JSON); the oldest go first.
    isochrones_per_minute, reports_per_minute
        Isochrone and report requests one client may make per minute.
    survey_submissions_per_hour
        Survey submissions one client (address) may send per hour (the address is counted
        in memory only, never stored).
    community_db
        ``postgresql://`` URL of a PostgreSQL database holding the comments, users and
        scenario runs instead of the SQLite file (``DIKAS_COMMUNITY_DB``; several server
        processes may share it); the key file stays next to :attr:`community_file`.
    retention
        How long comments, audit entries and invitations are kept (stated in the privacy
        notice; ``dikas users purge`` applies it). ``DIKAS_RETAIN_*_DAYS`` for ``dikas serve``.
    invitation_days
        Days an invitation made through the API stays valid.
    """

    twin_path: Path
    community_path: Path | None = None
    min_count: int = 10
    auth_secret: str | None = None
    public_url: str | None = None
    trusted_hosts: tuple[str, ...] = ()
    token_ttl_s: int = 8 * 3600
    default_limit: int = 100
    max_limit: int = 1000
    max_isochrone_min: float = 30.0
    max_body_bytes: int = 64_000
    web_dist: Path | None = None
    preload: bool = False
    seed_tiles: int = 0
    max_scenarios: int = 1000
    sign_in_attempts: int = 5
    sign_in_window_s: float = 300.0
    threads: int | None = None
    scenario_slots: int = 2
    scenario_runs_per_window: int = 10
    scenario_window_s: float = 600.0
    scenario_timeout_s: float | None = 120.0
    max_scenario_bytes: int = 200 * 2**20
    isochrones_per_minute: int = 60
    reports_per_minute: int = 30
    survey_submissions_per_hour: int = 30
    community_db: str | None = None
    retention: Retention = field(default_factory=Retention)
    invitation_days: int = 7

    @property
    def community_file(self) -> Path:
        """The community database actually used."""
        return self.community_path or community_path_for(Path(self.twin_path))
