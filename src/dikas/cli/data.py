"""``dikas data``: list and fetch the catalog's datasets."""

from __future__ import annotations

from pathlib import Path

import click

from dikas.cli.options import city_option, data_dir_option, resolve_city
from dikas.progress import track
from dikas.settings import load_settings
from dikas.sources.catalog import load_catalog
from dikas.sources.fetch import fetch, locate


@click.group()
def data() -> None:
    """The data catalog: what a city's twin is built from."""


@data.command("list")
@city_option
@data_dir_option
def list_datasets(city: str | None, data_dir: Path | None) -> None:
    """Show every dataset, its licence and whether it is in the mirror, cached or missing."""
    settings = load_settings(data_dir=data_dir)
    catalog = load_catalog(resolve_city(city, settings))
    click.echo(f"{catalog.title}: {len(catalog.datasets)} datasets "
               f"(mirror: {settings.data_dir or '-'}, cache: {settings.cache_dir})")
    for dataset in catalog.datasets:
        found = locate(dataset, settings)
        status = found.origin if dataset.downloadable else "service only"
        click.echo(f"  {dataset.name:<26} {status:<12} {dataset.licence:<10} {dataset.title}")
    click.echo(f"Attribution: {catalog.attribution}")


@data.command("fetch")
@city_option
@data_dir_option
def fetch_datasets(city: str | None, data_dir: Path | None) -> None:
    """Download every missing dataset into the cache and verify all sha256 checksums."""
    settings = load_settings(data_dir=data_dir)
    catalog = load_catalog(resolve_city(city, settings))
    downloadable = [d for d in catalog.datasets if d.downloadable]
    for dataset in track(downloadable, "fetching"):
        path = fetch(dataset, settings)
        click.echo(f"  ok  {dataset.name:<26} {path}")
    click.echo(f"{len(downloadable)} datasets verified.")
