"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

from dikas.settings import Settings
from dikas.sources.catalog import default_city

city_option = click.option(
    "--city",
    default=None,
    help="Data catalog to use (`dikas data catalogs` lists them); default: $DIKAS_CITY, else "
    "the offline demo when a data mirror is configured, else the whole city from the "
    "producers' services.",
)
data_dir_option = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Local mirror of the data files (default: $DIKAS_DATA_DIR); replaces downloading.",
)
twin_argument = click.argument("twin", type=click.Path(dir_okay=False, path_type=Path))
json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print machine-readable JSON on stdout."
)


def resolve_city(city: str | None, settings: Settings) -> str:
    """``--city`` as given, or the default catalog, announced on stderr with the reason."""
    if city:
        return city
    chosen, reason = default_city(
        offline=settings.data_dir is not None and settings.data_dir.is_dir()
    )
    click.echo(f"Using the {chosen!r} catalog: {reason} (choose another with --city).", err=True)
    return chosen


# -- fetching from live services (``dikas data fetch``, ``dikas build``) ----------------


def parse_endpoints(values: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``DATASET=URL`` pairs as a dict; a malformed pair raises :class:`click.BadParameter`."""
    import urllib.parse

    result: dict[str, str] = {}
    for value in values:
        name, sep, url = value.partition("=")
        name, url = name.strip(), url.strip()
        if not sep or not name or not url:
            raise click.BadParameter(f"{value!r} is not DATASET=URL")
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise click.BadParameter(f"{value!r}: {url!r} is not an http(s) URL")
        if name in result:
            raise click.BadParameter(f"dataset {name!r} is given twice")
        result[name] = url
    return result


def parse_years(value: str | None) -> tuple[int, ...] | None:
    """``"2022,2023"`` as ``(2022, 2023)``; ``None`` stays ``None`` (every year)."""
    if value is None or not value.strip():
        return None
    years = []
    for item in value.split(","):
        item = item.strip()
        if not (item.isdigit() and len(item) == 4):
            raise click.BadParameter(f"{item!r} is not a year (expected e.g. 2022,2023)")
        years.append(int(item))
    return tuple(sorted(set(years)))


def _endpoints_callback(
    ctx: click.Context, param: click.Parameter, value: tuple[str, ...]
) -> dict[str, str]:
    return parse_endpoints(value)


def _years_callback(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[int, ...] | None:
    return parse_years(value)


def _service_date_callback(ctx: click.Context, param: click.Parameter, value: object) -> object:
    import datetime as dt

    from dikas.sources.gtfs import next_weekday

    if value is None:
        return next_weekday(dt.date.today())
    return value.date() if isinstance(value, dt.datetime) else value


endpoint_option = click.option(
    "--endpoint",
    "endpoints",
    multiple=True,
    metavar="DATASET=URL",
    callback=_endpoints_callback,
    help="Fetch DATASET from URL instead of the catalog's service (keeps its request); repeatable.",
)
years_option = click.option(
    "--years",
    callback=_years_callback,
    default=None,
    metavar="YEAR,YEAR",
    help="Only these years of yearly layers (default: every year the catalog or service has).",
)
frozen_option = click.option(
    "--frozen",
    is_flag=True,
    help="Never touch the network: use only the mirror and locked, intact cached copies.",
)
refresh_option = click.option(
    "--refresh",
    is_flag=True,
    help="Ask the services again (conditional requests: unchanged data is not re-sent).",
)
service_date_option = click.option(
    "--service-date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    callback=_service_date_callback,
    metavar="YYYY-MM-DD",
    help="GTFS service day to keep (default: the next weekday).",
)
only_option = click.option(
    "--only",
    multiple=True,
    metavar="DATASET",
    help="Only this dataset (repeatable; default: every dataset of the catalog).",
)
catalog_option = click.option(
    "--catalog",
    "catalog_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A catalog YAML file instead of the shipped one for --city.",
)


def _dask_address(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from dikas.cluster import resolve_address

    return resolve_address(value)


dask_option = click.option(
    "--dask",
    "dask_address",
    default=None,
    metavar="tcp://HOST:PORT",
    callback=_dask_address,
    help="Run the heavy step's chunks on this Dask scheduler (default: "
    "$DIKAS_DASK_SCHEDULER, else locally; --dask '' forces a local run).",
)

twin_option = click.option(
    "--twin",
    "twin_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The twin file (DuckDB) to read and store results in.",
)
"""``--twin``: the twin an indicator command reads and stores its results in."""
store_option = click.option(
    "--store/--no-store",
    default=True,
    show_default=True,
    help="Store the results as indicators in the twin.",
)
"""``--store/--no-store``: whether an indicator command writes its results to the twin."""
