"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

from dikas.settings import Settings
from dikas.sources.catalog import default_city

city_option = click.option(
    "--city", default=None,
    help="Data catalog to use (see `dikas data list --cities`); default: $DIKAS_CITY, else the "
         "offline demo when a data mirror is configured, else the whole city from the "
         "producers' services.")
data_dir_option = click.option(
    "--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Local mirror of the data files (default: $DIKAS_DATA_DIR); replaces downloading.")
twin_argument = click.argument("twin", type=click.Path(dir_okay=False, path_type=Path))
json_option = click.option("--json", "as_json", is_flag=True,
                           help="Print machine-readable JSON on stdout.")


def resolve_city(city: str | None, settings: Settings) -> str:
    """``--city`` as given, or the default catalog, announced on stderr with the reason."""
    if city:
        return city
    chosen, reason = default_city(offline=settings.data_dir is not None and
                                  settings.data_dir.is_dir())
    click.echo(f"Using the {chosen!r} catalog: {reason} (choose another with --city).",
               err=True)
    return chosen


def _dask_address(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from dikas.cluster import resolve_address

    return resolve_address(value)


dask_option = click.option(
    "--dask", "dask_address", default=None, metavar="tcp://HOST:PORT",
    callback=_dask_address,
    help="Run the heavy step's chunks on this Dask scheduler (default: "
         "$DIKAS_DASK_SCHEDULER, else locally; --dask '' forces a local run).")
