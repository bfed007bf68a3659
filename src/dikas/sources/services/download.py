"""Single-file live sources: one resumable, conditional download per dataset part.

:func:`download_part` is what every fetcher that gets a whole file uses (GTFS feeds,
GeoTIFF rasters, the OSM extract before it is clipped): it reuses the locked cached copy, makes
a conditional request on ``--refresh`` (a 304 keeps the copy and renews its ``fetched_at``),
resumes an interrupted download, checks the body before it replaces anything, and records
the lock entry. ``--frozen`` never touches the network.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import urllib.parse
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from dikas.errors import DataError, FetchError, MissingDataError
from dikas.sources.acquire import ALL_PARTS, FetchContext, Part
from dikas.sources.catalog import Dataset
from dikas.sources.http import Progress, tqdm_progress, with_params

Check = Callable[[Path], None]
"""Validates a downloaded file before it is cached; raises :class:`DataError` if it is bad."""


def _label(dataset: Dataset, year: int | None) -> str:
    return dataset.name if year is None else f"{dataset.name} {year}"


def download_part(
    ctx: FetchContext,
    dataset: Dataset,
    url: str,
    *,
    year: int | None = None,
    suffix: str,
    request: Mapping[str, Any] | None = None,
    check: Check | None = None,
) -> Part:
    """One cached, locked file of ``dataset`` (the whole dataset or one ``year``).

    Parameters
    ----------
    url
        The resource (the catalog URL or the ``--endpoint`` that replaces it).
    suffix
        File name ending of the cached part (``.zip``, ``.tif``, ``.gml``...).
    request
        Query parameters sent with ``url``; recorded in the lock entry with it.
    check
        Validates the downloaded body before it replaces the cached copy; a
        :class:`DataError` leaves the previous file and lock entry untouched.

    Returns
    -------
    Part
        ``origin`` is ``cache`` (locked copy reused, or the server said 304) or ``fetched``.

    Raises
    ------
    MissingDataError
        ``--frozen`` and no intact locked copy.
    FetchError, DataError
        The service failed after retries, or the body is not the dataset.
    """
    request = dict(request or {})
    key = ALL_PARTS if year is None else str(year)
    cached = ctx.cached(dataset, year)
    if ctx.frozen:
        if cached is None:
            raise MissingDataError(
                f"--frozen and no locked copy of dataset {_label(dataset, year)!r}; "
                f"run dikas data fetch --city {ctx.catalog.city}"
            )
        return cached
    same_request = (
        cached is not None
        and cached.lock is not None
        and cached.lock.url == url
        and dict(cached.lock.request) == request
    )
    if same_request and not ctx.refresh:
        return cached  # type: ignore[return-value]
    conditional = cached.lock if same_request and cached is not None else None
    staging = ctx.dataset_dir(dataset) / f".{key}{suffix}.download"
    progress: Progress | None = None
    close: Callable[[], None] | None = None
    if ctx.show_progress:
        progress, close = tqdm_progress(_label(dataset, year))
    try:
        result = ctx.client.download(
            url,
            staging,
            dataset=dataset.name,
            params=request or None,
            etag=conditional.etag if conditional else None,
            last_modified=conditional.last_modified if conditional else None,
            progress=progress,
        )
    finally:
        if close is not None:
            close()
    if result.not_modified:
        if cached is None or cached.lock is None:
            raise FetchError(
                "server answered 304 Not Modified without a cached copy",
                dataset=dataset.name,
                url=result.url,
            )
        entry = dataclasses.replace(
            cached.lock, fetched_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        )
        ctx.lock.put(entry)
        return dataclasses.replace(cached, lock=entry)
    try:
        if check is not None:
            check(result.path)
        extra = {"final_url": result.final_url} if result.final_url != result.url else {}
        return ctx.commit(
            dataset,
            year,
            result.path,
            suffix=suffix,
            url=url,
            request=request,
            headers=result.headers,
            extra=extra,
        )
    finally:
        result.path.unlink(missing_ok=True)


def split_url(url: str) -> tuple[str, dict[str, str]]:
    """A catalog URL as (URL without query, its query parameters)."""
    parts = urllib.parse.urlsplit(url)
    params = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
    return urllib.parse.urlunsplit(parts._replace(query="")), params


def _resource(dataset: Dataset, ctx: FetchContext) -> tuple[str, dict[str, str]]:
    """The URL to download and the request: the catalog's query parameters are the request.

    An ``--endpoint`` replaces the catalog URL but keeps its query parameters (an API key
    parameter, a feed variant); the endpoint's own parameters win.
    """
    _, request = split_url(dataset.source.url or "")
    base, own = split_url(ctx.base_url(dataset))
    return base, {**request, **own}


def _head(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(16)


def check_gtfs(path: Path, *, dataset: str, url: str) -> None:
    """Raise a one-line :class:`DataError` unless ``path`` is a zip holding ``stops.txt``."""
    if not zipfile.is_zipfile(path):
        raise DataError(
            f"URL {url}: the body is not a GTFS zip (it starts with {_head(path)!r})",
            dataset=dataset,
        )
    try:
        with zipfile.ZipFile(path) as archive:
            names = {Path(n).name for n in archive.namelist()}
            broken = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise DataError(f"URL {url}: unreadable GTFS zip ({exc})", dataset=dataset) from exc
    if broken is not None:
        raise DataError(f"URL {url}: GTFS zip member {broken} is corrupt", dataset=dataset)
    if "stops.txt" not in names:
        raise DataError(f"URL {url}: the zip is not a GTFS feed (no stops.txt)", dataset=dataset)


def check_raster(path: Path, *, dataset: str, url: str) -> None:
    """Raise a one-line :class:`DataError` unless rasterio opens ``path`` with ≥ 1 band."""
    import rasterio
    from rasterio.errors import RasterioError

    try:
        with rasterio.open(path) as raster:
            if raster.count < 1 or raster.width < 1 or raster.height < 1:
                raise DataError(f"URL {url}: the raster has no pixels", dataset=dataset)
            if raster.crs is None:
                raise DataError(f"URL {url}: the raster has no CRS", dataset=dataset)
    except RasterioError as exc:
        raise DataError(
            f"URL {url}: the body is not a readable raster (it starts with {_head(path)!r})",
            dataset=dataset,
        ) from exc


def fetch_gtfs(dataset: Dataset, ctx: FetchContext) -> list[Part]:
    """The ``gtfs`` source kind: the feed's zip as one part (checked for ``stops.txt``)."""
    url, request = _resource(dataset, ctx)
    full = with_params(url, request)
    return [
        download_part(
            ctx,
            dataset,
            url,
            suffix=".zip",
            request=request,
            check=lambda path: check_gtfs(path, dataset=dataset.name, url=full),
        )
    ]


def fetch_raster(dataset: Dataset, ctx: FetchContext) -> list[Part]:
    """The ``raster`` source kind: a GeoTIFF / COG as one part (checked with rasterio)."""
    url, request = _resource(dataset, ctx)
    full = with_params(url, request)
    return [
        download_part(
            ctx,
            dataset,
            url,
            suffix=".tif",
            request=request,
            check=lambda path: check_raster(path, dataset=dataset.name, url=full),
        )
    ]
