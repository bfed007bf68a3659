"""``dikas equity``: who reaches services within 15 minutes, by population group."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click
import pandas as pd

import dikas
from dikas.accessibility.compute import EquityParams, compute_equity
from dikas.cli.access import (
    DEFAULT_SERVICE_TYPES,
    MODES,
    chunk_option,
    dask_option,
    departure_option,
    read_matrix,
    twin_option,
    window_option,
    write_table,
)
from dikas.credits import add_credit
from dikas.errors import ParameterError


def _matrix_files(values: tuple[str, ...]) -> dict[str, Path]:
    files = {}
    for value in values:
        mode, sep, path = value.partition("=")
        if not sep or mode not in MODES:
            raise ParameterError(
                f"--matrix takes MODE=FILE with MODE in {', '.join(MODES)}, not {value!r}"
            )
        files[mode] = Path(path)
    return files


@click.command()
@twin_option
@click.option(
    "--mode",
    "modes",
    type=click.Choice(MODES),
    multiple=True,
    help="Travel mode (repeatable; default walk, plus every mode given a --matrix).",
)
@click.option(
    "--matrix",
    "matrix_specs",
    multiple=True,
    metavar="MODE=FILE",
    help="A precomputed grid × services table for MODE (from `dikas access matrix "
    "--origins grid --destinations services`).",
)
@click.option(
    "--service-type",
    "service_types",
    multiple=True,
    help=f"Service type (repeatable; default {', '.join(DEFAULT_SERVICE_TYPES)}).",
)
@click.option(
    "--threshold",
    "threshold_min",
    type=float,
    default=15.0,
    show_default=True,
    help="Coverage threshold in minutes (the '15-minute city').",
)
@click.option(
    "--units",
    type=click.Choice(["grid", "areas"]),
    default="grid",
    show_default=True,
    help="Population units: 250 m cells (groups spread from "
    "postal areas by inhabitants) or postal areas.",
)
@click.option(
    "--year",
    type=int,
    default=None,
    help="Year of the postal-area statistics (default: the latest).",
)
@click.option(
    "--max-time",
    "max_time_min",
    type=float,
    default=60.0,
    show_default=True,
    help="Longest travel time searched, minutes.",
)
@departure_option
@window_option
@chunk_option
@dask_option
@click.option(
    "--chart",
    type=click.Path(dir_okay=False, path_type=Path),
    default="equity.png",
    show_default=True,
    help="Chart of coverage by group.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the table (.parquet or CSV).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON on stdout.")
def equity(
    twin_path: Path,
    modes: tuple[str, ...],
    matrix_specs: tuple[str, ...],
    service_types: tuple[str, ...],
    threshold_min: float,
    units: str,
    year: int | None,
    max_time_min: float,
    departure: dt.datetime | None,
    window_min: int,
    chunk_size: int,
    dask_address: str | None,
    chart: Path,
    out: Path | None,
    as_json: bool,
) -> None:
    """Accessibility by population group: coverage, mean time and inequality indices.

    For each mode and service type: the share of each group (all, ages 0–6 and 75+, income
    classes, unemployed, renter households) within the threshold of the nearest service, the
    group's mean travel time, and Gini, Theil, Palma and the income concentration index of
    travel time. Groups smaller than DIKAS_MIN_COUNT are not shown.
    """
    files = _matrix_files(matrix_specs)
    params = EquityParams(
        modes=modes or ("walk",),  # type: ignore[arg-type]
        service_types=service_types,
        threshold_min=threshold_min,
        units=units,  # type: ignore[arg-type]
        year=year,
        max_time_min=max_time_min,
        departure=departure,
        window_min=window_min,
        chunk_size=chunk_size,
        dask_address=dask_address,
    )
    matrices = {mode: read_matrix(path) for mode, path in files.items()}
    with dikas.open(str(twin_path)) as twin:
        batch = compute_equity(twin, params, travel_times=matrices)
        credit = twin.attribution(["areas", "grid", "services", "network_edges", "stops"])
    for note in batch.summary["notes"]:  # type: ignore[attr-defined]
        click.echo(f"· {note}", err=True)
    table: pd.DataFrame = batch.summary["groups"]
    city: pd.DataFrame = batch.summary["city"]
    _print(table, city, threshold_min, as_json)
    equity_chart(table, chart, threshold_min, credit=credit)
    click.echo(f"Wrote the chart to {chart}", err=as_json)
    if out is not None:
        write_table(table, out)


def equity_json(table: pd.DataFrame, city: pd.DataFrame) -> str:
    """What ``dikas equity --json`` prints."""
    return json.dumps(
        {"groups": table.to_dict(orient="records"), "city": city.to_dict(orient="records")},
        default=str,
    )


def _print(table: pd.DataFrame, city: pd.DataFrame, threshold_min: float, as_json: bool) -> None:
    if as_json:
        click.echo(equity_json(table, city))
        return
    coverage = table.pivot_table(
        index=["mode", "service_type"], columns="group", values="coverage", sort=False
    )
    mean_time = table.pivot_table(
        index=["mode", "service_type"], columns="group", values="mean_time", sort=False
    )
    fmt = "{:.2f}".format
    click.echo(f"Share of each group within {threshold_min:g} min of the nearest service:")
    click.echo(coverage.to_string(float_format=fmt))
    click.echo("\nMean travel time to the nearest service (min):")
    click.echo(mean_time.to_string(float_format=fmt))
    click.echo(
        "\nInequality of travel time (whole population; concentration index > 0: "
        "the better-off travel longer):"
    )
    click.echo(city.to_string(index=False, float_format="{:.3f}".format))


def equity_chart(table: pd.DataFrame, path: Path, threshold_min: float, *, credit: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    modes = list(dict.fromkeys(table["mode"]))
    fig, axes = plt.subplots(len(modes), 1, figsize=(12, 3.6 * len(modes)), squeeze=False)
    for ax, mode in zip(axes[:, 0], modes, strict=True):
        pivot = table[table["mode"] == mode].pivot_table(
            index="service_type", columns="group", values="coverage", sort=False
        )
        pivot.plot.bar(ax=ax, width=0.8, rot=0)
        ax.set_ylim(0, 1)
        ax.set_ylabel(f"share within {threshold_min:g} min")
        ax.set_xlabel("")
        ax.set_title(f"{mode}: who reaches each service within {threshold_min:g} minutes")
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    add_credit(fig, credit)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
