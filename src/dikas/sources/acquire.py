"""Getting every dataset of a catalog onto disk, whatever its source kind.

:func:`acquire` returns, per dataset, the local files (:class:`Part`) the readers turn into
twin layers: pinned files from the mirror or cache (verified against sha256), and files
fetched from live services (WFS, OGC API – Features, REST, OSM extracts, GTFS, rasters)
written atomically into the cache and recorded in the catalog's lock file.

Each source kind has one fetcher ``fetch_<kind>(dataset, ctx) -> list[Part]``; fetchers do
all network access through ``ctx.client`` and write results through :meth:`FetchContext.
store`, so retries, atomic writes, locking and ``--frozen`` work the same for every kind.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dikas.errors import ConfigError, FetchError, MissingDataError
from dikas.settings import Settings
from dikas.sources.catalog import Catalog, Dataset
from dikas.sources.http import HttpClient, Response
from dikas.sources.lock import LockEntry, LockFile

ALL_PARTS = "all"


@dataclass(frozen=True)
class Part:
    """One local file of a dataset: the whole dataset, or one year of a yearly layer."""

    dataset: str
    year: int | None
    path: Path
    origin: str
    """``mirror``, ``cache`` (pinned file or locked fetch reused) or ``fetched``."""
    lock: LockEntry | None = None

    @property
    def key(self) -> str:
        """The lock-file key of this part (``"all"`` or the year)."""
        return ALL_PARTS if self.year is None else str(self.year)


@dataclass
class FetchContext:
    """What a fetcher needs: the catalog, settings, the HTTP client and the user's choices."""

    catalog: Catalog
    settings: Settings
    client: HttpClient
    lock: LockFile
    endpoints: Mapping[str, str] = field(default_factory=dict)
    years: tuple[int, ...] | None = None
    frozen: bool = False
    refresh: bool = False
    show_progress: bool = True
    service_date: dt.date | None = None

    def base_url(self, dataset: Dataset) -> str:
        """The dataset's service URL, or the ``--endpoint DATASET=URL`` that replaces it."""
        url = self.endpoints.get(dataset.name) or dataset.source.url
        if not url:
            raise ConfigError(f"dataset {dataset.name!r}: no URL in the catalog")
        return url

    def dataset_dir(self, dataset: Dataset) -> Path:
        """The cache folder of one live dataset of this catalog."""
        return self.settings.cache_dir / self.catalog.city / dataset.name

    def cached(self, dataset: Dataset, year: int | None) -> Part | None:
        """The locked, intact cached part (``None`` when unlocked, missing or altered).

        Intact means the file is inside the cache, has the locked size and sha256. Fetchers
        reuse it unless ``refresh``; ``--frozen`` accepts nothing else.
        """
        key = ALL_PARTS if year is None else str(year)
        entry = self.lock.get(dataset.name, key)
        if entry is None:
            return None
        path = self.lock.file(entry)
        if path is None or not path.is_file():
            return None
        try:
            if path.stat().st_size != entry.bytes:
                return None
            from dikas.sources.fetch import sha256_of

            if sha256_of(path) != entry.sha256:
                return None
        except OSError:
            return None
        return Part(dataset.name, year, path, "cache", entry)

    def part_path(self, dataset: Dataset, year: int | None, suffix: str) -> Path:
        """Where one part of a live dataset is cached: ``<cache>/<city>/<dataset>/<key><suffix>``."""
        key = ALL_PARTS if year is None else str(year)
        return self.dataset_dir(dataset) / f"{key}{suffix}"

    def commit(
        self,
        dataset: Dataset,
        year: int | None,
        source: Path,
        *,
        suffix: str,
        url: str,
        request: Mapping[str, Any],
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Part:
        """Move the finished file ``source`` into the cache atomically and lock it.

        ``source`` must be on the cache's file system (a file in :meth:`dataset_dir`). The
        size and sha256 are taken before the rename, so a crash in between leaves a lock
        entry that no longer matches (and is fetched again), never a wrong "intact" part.
        """
        from dikas.sources.fetch import sha256_of

        target = self.part_path(dataset, year, suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        size, digest = source.stat().st_size, sha256_of(source)
        names = {k.lower(): v for k, v in (headers or {}).items()}
        key = ALL_PARTS if year is None else str(year)
        os.replace(source, target)
        entry = LockEntry(
            dataset=dataset.name,
            part=key,
            url=url,
            request=dict(request),
            fetched_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            bytes=size,
            sha256=digest,
            path=target.relative_to(self.lock.path.parent).as_posix(),
            etag=names.get("etag"),
            last_modified=names.get("last-modified"),
            extra=dict(extra or {}),
        )
        self.lock.put(entry)
        return Part(dataset.name, year, target, "fetched", entry)

    def store(
        self,
        dataset: Dataset,
        year: int | None,
        *,
        suffix: str,
        url: str,
        request: Mapping[str, Any],
        write: Callable[[Path], None],
        response: Response | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Part:
        """Write one part through ``write(tmp_path)``, then rename it into the cache and lock it.

        Nothing is left behind when ``write`` fails (or is interrupted); the previous cached
        file and its lock entry stay as they were.
        """
        folder = self.dataset_dir(dataset)
        folder.mkdir(parents=True, exist_ok=True)
        key = ALL_PARTS if year is None else str(year)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{key}.", suffix=".part")
        os.close(fd)
        try:
            write(Path(tmp))
            return self.commit(
                dataset,
                year,
                Path(tmp),
                suffix=suffix,
                url=url,
                request=request,
                headers=response.headers if response is not None else None,
                extra=extra,
            )
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)


Fetcher = Callable[[Dataset, FetchContext], list[Part]]


def lock_path(catalog: Catalog, settings: Settings) -> Path:
    """Where a catalog's lock file lives: ``<cache>/<city>/dikas-lock.json``."""
    return settings.cache_dir / catalog.city / "dikas-lock.json"


def _fetcher(kind: str) -> Fetcher:
    """The fetcher of one source kind (imported on use: each lives in its own module)."""
    if kind == "file":
        from dikas.sources.fetch import fetch_file

        return fetch_file
    if kind == "wfs":
        from dikas.sources.services.wfs import fetch_wfs

        return fetch_wfs
    if kind == "ogcapi":
        from dikas.sources.services.ogcapi import fetch_ogcapi

        return fetch_ogcapi
    if kind == "rest":
        from dikas.sources.services.rest import fetch_rest

        return fetch_rest
    if kind == "osm_extract":
        from dikas.sources.osm_extract import fetch_osm_extract

        return fetch_osm_extract
    if kind == "gtfs":
        from dikas.sources.services.download import fetch_gtfs

        return fetch_gtfs
    if kind == "raster":
        from dikas.sources.services.download import fetch_raster

        return fetch_raster
    raise ConfigError(f"unknown source kind {kind!r}")


def acquire(
    catalog: Catalog,
    settings: Settings,
    *,
    names: Iterable[str] | None = None,
    endpoints: Mapping[str, str] | None = None,
    years: Sequence[int] | None = None,
    frozen: bool = False,
    refresh: bool = False,
    show_progress: bool = True,
    service_date: dt.date | None = None,
    client: HttpClient | None = None,
) -> dict[str, list[Part]]:
    """Local files of the catalog's datasets (all, or ``names``), fetching what is missing.

    A required dataset that cannot be had raises; an optional one is left out.
    """
    wanted = set(names) if names is not None else None
    unknown = sorted(
        (set(endpoints or {}) | (wanted or set())) - {d.name for d in catalog.datasets}
    )
    if unknown:
        raise ConfigError(f"catalog {catalog.city!r} has no dataset {unknown[0]!r}")
    ctx = FetchContext(
        catalog=catalog,
        settings=settings,
        client=client or HttpClient(),
        lock=LockFile(lock_path(catalog, settings)),
        endpoints=dict(endpoints or {}),
        years=tuple(years) if years else None,
        frozen=frozen,
        refresh=refresh,
        show_progress=show_progress,
        service_date=service_date,
    )
    result: dict[str, list[Part]] = {}
    for dataset in catalog.datasets:
        if wanted is not None and dataset.name not in wanted:
            continue
        if not dataset.obtainable:
            continue
        try:
            parts = _fetcher(dataset.source.kind)(dataset, ctx)
        except (MissingDataError, FetchError) as error:
            if dataset.required:
                raise
            # an optional dataset (e.g. a hazard layer) that cannot be had is left out, and
            # the build says so; its layer is then absent, never partial
            print(
                f"dikas: warning: optional dataset {dataset.name!r} left out: {error}",
                file=sys.stderr,
            )
            continue
        result[dataset.name] = parts
    return result
