"""``dikas data``: list the catalog's datasets and fetch them from their producers."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import click

from dikas.cli.options import (
    catalog_option,
    city_option,
    data_dir_option,
    endpoint_option,
    only_option,
    refresh_option,
    resolve_city,
    years_option,
)
from dikas.errors import ConfigError, DikasError, FetchError
from dikas.settings import load_settings
from dikas.sources.acquire import acquire, lock_path
from dikas.sources.catalog import Catalog, available_cities, default_city, load_catalog
from dikas.sources.http import HttpClient
from dikas.sources.lock import LockFile
from dikas.sources.status import dataset_status, format_age


@click.group()
def data() -> None:
    """The data catalog: what a city's twin is built from."""


@data.command("catalogs")
def list_catalogs() -> None:
    """List the shipped catalogs: name (for --city), title, municipalities, default use."""
    for city in available_cities():
        catalog = load_catalog(city)
        live = sum(d.source.live for d in catalog.datasets)
        codes = ", ".join(f"{m.name} {m.code}" for m in catalog.municipalities)
        click.echo(
            f"{city:<16} {catalog.title} — {codes}; {len(catalog.datasets)} datasets, "
            f"{live} from live services"
        )
    offline, _ = default_city(offline=True)
    online, _ = default_city(offline=False)
    click.echo(f"Default: {offline!r} with a data mirror, {online!r} without (or $DIKAS_CITY).")


def format_bytes(size: int) -> str:
    """A byte count for people: ``"1.9 MB"``."""
    value = float(size)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")


@data.command("list")
@city_option
@catalog_option
@data_dir_option
def list_datasets(city: str | None, catalog_file: Path | None, data_dir: Path | None) -> None:
    """Show every dataset: source kind, local status, age of the cached copy, licence.

    Status is ``mirror``, ``cache`` or ``missing`` for pinned files, ``locked`` (fetched and
    cached) or ``service`` (not fetched yet) for live services.
    """
    settings = load_settings(data_dir=data_dir)
    catalog = (
        load_catalog(path=catalog_file)
        if catalog_file
        else load_catalog(resolve_city(city, settings))
    )
    lock = LockFile(lock_path(catalog, settings))
    now = dt.datetime.now(dt.UTC)
    click.echo(
        f"{catalog.title}: {len(catalog.datasets)} datasets "
        f"(mirror: {settings.data_dir or '-'}, cache: {settings.cache_dir})"
    )
    for dataset in catalog.datasets:
        state = dataset_status(dataset, settings, lock)
        status = state.status
        if state.status == "locked" and state.parts > 1:
            status = f"locked ({state.parts} parts)"
        click.echo(
            f"  {dataset.name:<26} {dataset.source.kind:<11} {status:<17} "
            f"{format_age(state.fetched, now):<17} {dataset.licence:<10} {dataset.title}"
        )
    click.echo(f"Attribution: {catalog.attribution}")


def _wanted(catalog: Catalog, only: tuple[str, ...], endpoints: dict[str, str]) -> list[str]:
    names = [n.strip() for item in only for n in item.split(",") if n.strip()]
    known = {d.name for d in catalog.datasets}
    unknown = sorted((set(names) | set(endpoints)) - known)
    if unknown:
        raise ConfigError(f"catalog {catalog.city!r} has no dataset {unknown[0]!r}")
    return names


@data.command("fetch")
@city_option
@catalog_option
@data_dir_option
@endpoint_option
@years_option
@refresh_option
@only_option
def fetch_datasets(
    city: str | None,
    catalog_file: Path | None,
    data_dir: Path | None,
    endpoints: dict[str, str],
    years: tuple[int, ...] | None,
    refresh: bool,
    only: tuple[str, ...],
) -> None:
    """Get every obtainable dataset: pinned files verified, live services fetched and locked.

    Cached, locked copies are reused unless --refresh (then a conditional request asks
    whether the data changed). Interrupted downloads resume on the next run. One line per
    dataset: parts, bytes and where they came from; a failed dataset does not stop the rest.
    """
    settings = load_settings(data_dir=data_dir)
    catalog = (
        load_catalog(path=catalog_file)
        if catalog_file
        else load_catalog(resolve_city(city, settings))
    )
    names = _wanted(catalog, only, endpoints)
    client = HttpClient()
    failed: list[str] = []
    ready = 0
    for dataset in catalog.datasets:
        if names and dataset.name not in names:
            continue
        if not dataset.obtainable:
            click.echo(
                f"  --  {dataset.name:<26} no file or service to fetch "
                f"(get it from {dataset.official_service or 'its producer'})"
            )
            continue
        click.echo(f"· {dataset.name} ({dataset.source.kind}) …", err=True)
        try:
            parts = acquire(
                catalog,
                settings,
                names=[dataset.name],
                endpoints=endpoints,
                years=years,
                refresh=refresh,
                show_progress=True,
                client=client,
            )
        except DikasError as exc:
            failed.append(dataset.name)
            click.echo(f"  !!  {dataset.name:<26} failed: {exc}")
            continue
        got = parts.get(dataset.name)
        if not got:
            click.echo(f"  --  {dataset.name:<26} skipped (optional and not available)")
            continue
        ready += 1
        size = sum(p.path.stat().st_size for p in got)
        origins = ", ".join(
            f"{n} {o}" if len(got) > 1 else o
            for o, n in sorted(Counter(p.origin for p in got).items())
        )
        count = f"{len(got)} part{'s' if len(got) != 1 else ''}"
        click.echo(f"  ok  {dataset.name:<26} {count:<9} {format_bytes(size):>9}  {origins}")
    click.echo(f"{ready} datasets ready, {len(failed)} failed.")
    if failed:
        raise FetchError(f"{len(failed)} dataset(s) could not be fetched: {', '.join(failed)}")
