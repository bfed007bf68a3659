"""``dikas access matrix`` and ``dikas access measures``: travel times and accessibility."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Sequence
from pathlib import Path

import click
import geopandas as gpd
import pandas as pd

import dikas
from dikas.accessibility.compute import (
    DEFAULT_SERVICE_TYPES,
    MODES,
    SNAP_MARGIN_M,
    AccessParams,
    compute_access,
    grid_origins,
    read_matrix,
    unsnapped_notes,
)
from dikas.accessibility.locations import (
    TWIN_DESTINATIONS,
    TWIN_ORIGINS,
    destinations_from_twin,
    locations_from_file,
    near_network,
    origins_from_twin,
)
from dikas.accessibility.matrix import DEFAULT_CHUNK_SIZE, twin_travel_times
from dikas.accessibility.measures import DEFAULT_GRAVITY_BETA
from dikas.accessibility.network import StreetNetwork
from dikas.cli.options import dask_option
from dikas.errors import ParameterError
from dikas.progress import step
from dikas.twin.indicator_batch import IndicatorBatch
from dikas.twin.store import Twin

__all__ = ["DEFAULT_SERVICE_TYPES", "MODES", "access", "read_matrix"]

twin_option = click.option(
    "--twin",
    "twin_path",
    required=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The twin file (built by `dikas build`).",
)
mode_option = click.option(
    "--mode", type=click.Choice(MODES), default="walk", show_default=True, help="Travel mode."
)
departure_option = click.option(
    "--departure",
    type=click.DateTime(["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]),
    default=None,
    help="Transit only: first departure, local time of the feed (2022-02-22T08:00); "
    "default 08:00 on the feed's busiest weekday.",
)
window_option = click.option(
    "--window",
    "window_min",
    type=click.IntRange(1),
    default=60,
    show_default=True,
    help="Transit only: departure window in minutes (median time).",
)
speed_option = click.option(
    "--speed",
    "speed_mps",
    type=float,
    default=None,
    help="Walking or cycling speed in m/s (default walk 1.2, bike 4.2).",
)
chunk_option = click.option(
    "--chunk-size",
    type=click.IntRange(1),
    default=DEFAULT_CHUNK_SIZE,
    show_default=True,
    help="Origins per chunk (one task each on Dask).",
)


@click.group()
def access() -> None:
    """Travel-time matrices and accessibility to services (walk, bike, transit)."""


def load_origins(twin: Twin, spec: str, id_column: str | None) -> tuple[gpd.GeoDataFrame, str]:
    """``grid``/``buildings`` from the twin (near the street network), or a file."""
    if spec == "grid":
        origins, notes = grid_origins(twin)
        for note in notes:
            click.echo(f"· {note}", err=True)
        return origins, "cell_id"
    if spec in TWIN_ORIGINS:
        origins, column = origins_from_twin(twin, spec)
        extent = twin.extent("network_edges")
        if extent is not None:
            kept = near_network(origins, extent, margin_m=SNAP_MARGIN_M)
            if len(kept) < len(origins):
                click.echo(
                    f"· {len(origins) - len(kept)} of {len(origins)} {spec} origins lie "
                    f"outside the street network's extent and are left out",
                    err=True,
                )
            origins = kept
        return origins, column
    if id_column is None:
        raise ParameterError("--origin-id is required when --origins is a file")
    return locations_from_file(spec, id_column=id_column), id_column


def load_destinations(
    twin: Twin, spec: str, id_column: str | None, service_types: Sequence[str]
) -> tuple[gpd.GeoDataFrame, str]:
    """``services``/``stops`` from the twin, or a file."""
    if spec in TWIN_DESTINATIONS:
        return destinations_from_twin(twin, spec, service_types=service_types)
    if id_column is None:
        raise ParameterError("--destination-id is required when --destinations is a file")
    if service_types:
        raise ParameterError("--service-type applies to --destinations services only")
    return locations_from_file(spec, id_column=id_column), id_column


def write_table(frame: pd.DataFrame, out: Path) -> None:
    """Write a table as Parquet (``.parquet``) or CSV (anything else)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix == ".parquet":
        frame.to_parquet(out, index=False)
    else:
        frame.to_csv(out, index=False)


def _report(frame: pd.DataFrame) -> None:
    for note in unsnapped_notes(frame):
        click.echo(f"· {note}", err=True)


@access.command("matrix")
@twin_option
@mode_option
@click.option(
    "--origins",
    "origins_spec",
    default="grid",
    show_default=True,
    help="grid, buildings, or a point/polygon file (polygons use centroids).",
)
@click.option("--origin-id", default=None, help="Id column of an --origins file.")
@click.option(
    "--destinations",
    "destinations_spec",
    default="services",
    show_default=True,
    help="services, stops, or a point/polygon file.",
)
@click.option("--destination-id", default=None, help="Id column of a --destinations file.")
@click.option(
    "--service-type",
    "service_types",
    multiple=True,
    help="Only services of this type (repeatable).",
)
@departure_option
@window_option
@click.option(
    "--max-time",
    "max_time_min",
    type=float,
    default=None,
    help="Longest travel time kept, minutes (longer: empty).",
)
@speed_option
@chunk_option
@dask_option
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output table (.parquet, or CSV): from_id, to_id, travel_time (minutes).",
)
@click.option(
    "--snap-report",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write where each origin and destination joins the (walk or bike) "
    "network: snap distance, walking time, or not snapped.",
)
def matrix(
    twin_path: Path,
    mode: str,
    origins_spec: str,
    origin_id: str | None,
    destinations_spec: str,
    destination_id: str | None,
    service_types: tuple[str, ...],
    departure: dt.datetime | None,
    window_min: int,
    max_time_min: float | None,
    speed_mps: float | None,
    chunk_size: int,
    dask_address: str | None,
    out: Path,
    snap_report: Path | None,
) -> None:
    """Travel times from every origin to every destination, like r5py's matrix.

    Times are in minutes; pairs not connected (or beyond --max-time) are empty. Origins or
    destinations farther than 500 m from the network are listed on stderr.
    """
    with dikas.open(str(twin_path)) as twin:
        origins, o_id = load_origins(twin, origins_spec, origin_id)
        destinations, d_id = load_destinations(
            twin, destinations_spec, destination_id, service_types
        )
        street_mode = "walk" if mode == "transit" else mode
        network = StreetNetwork.from_twin(twin, street_mode, speed_mps=speed_mps)  # type: ignore[arg-type]
        with (
            step(f"{mode} travel times, {len(origins)} origins × {len(destinations)} destinations"),
            warnings.catch_warnings(),
        ):
            warnings.simplefilter("ignore", UserWarning)  # _report lists unsnapped points
            frame = twin_travel_times(
                twin,
                mode,
                origins,
                destinations,
                origin_id=o_id,
                destination_id=d_id,
                max_time_min=max_time_min,
                departure=departure,
                window_min=window_min,
                chunk_size=chunk_size,
                dask_address=dask_address,
                network=network,
            )
        if snap_report is not None:
            report = pd.concat(
                [
                    network.snap_report(origins, id_column=o_id).assign(role="origin"),
                    network.snap_report(destinations, id_column=d_id).assign(role="destination"),
                ],
                ignore_index=True,
            )
            write_table(report, snap_report)
    _report(frame)
    write_table(frame, out)
    reached = frame["travel_time"].notna().mean() if len(frame) else 0.0
    click.echo(f"Wrote {len(frame):,} travel times ({reached:.0%} reached) to {out}")


@access.command("measures")
@twin_option
@mode_option
@click.option(
    "--matrix",
    "matrix_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Use this grid × services travel-time table instead of computing one.",
)
@click.option(
    "--service-type",
    "service_types",
    multiple=True,
    help=f"Service type (repeatable; default {', '.join(DEFAULT_SERVICE_TYPES)}).",
)
@click.option(
    "--n",
    "n_nearest",
    type=click.IntRange(1),
    default=3,
    show_default=True,
    help="Also report the time to the n-th nearest service.",
)
@click.option(
    "--threshold",
    "threshold_min",
    type=float,
    default=15.0,
    show_default=True,
    help="Minutes for cumulative opportunities and the 2SFCA catchment.",
)
@click.option(
    "--beta",
    type=float,
    default=DEFAULT_GRAVITY_BETA,
    show_default=True,
    help="Gravity decay per minute (negative exponential).",
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
@speed_option
@chunk_option
@dask_option
@click.option(
    "--store/--no-store",
    "--write/--no-write",
    "store",
    default=True,
    show_default=True,
    help="Store the measures in the twin's indicators table (level grid, and "
    "level areas as inhabitant-weighted means of the cells).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the measures as a table (.parquet or CSV).",
)
def measures(
    twin_path: Path,
    mode: str,
    matrix_path: Path | None,
    service_types: tuple[str, ...],
    n_nearest: int,
    threshold_min: float,
    beta: float,
    max_time_min: float,
    departure: dt.datetime | None,
    window_min: int,
    speed_mps: float | None,
    chunk_size: int,
    dask_address: str | None,
    store: bool,
    out: Path | None,
) -> None:
    """Accessibility of every grid cell to each service type.

    Per cell and type: minutes to the nearest and the n-th nearest service, services within
    the threshold (capacities where known, else counts), gravity accessibility, and 2SFCA /
    enhanced 2SFCA with the cells' inhabitants as demand. Each postal area also gets the
    inhabitant-weighted mean of its cells' values (Python: dikas.compute_access).
    """
    params = AccessParams(
        mode=mode,  # type: ignore[arg-type]
        service_types=service_types,
        n=n_nearest,
        threshold_min=threshold_min,
        beta=beta,
        max_time_min=max_time_min,
        departure=departure,
        window_min=window_min,
        speed_mps=speed_mps,
        chunk_size=chunk_size,
        dask_address=dask_address,
    )
    travel_times = read_matrix(matrix_path) if matrix_path is not None else None
    with dikas.open(str(twin_path)) as twin:
        batch = compute_access(twin, params, travel_times=travel_times)
    for note in batch.summary["notes"]:  # type: ignore[attr-defined]
        click.echo(f"· {note}", err=True)
    summary = batch.summary["by_service_type"]
    click.echo(summary.to_string(index=False, float_format="{:.2f}".format))  # type: ignore[attr-defined]
    if store:
        with dikas.open(str(twin_path), read_only=False) as twin:
            written = batch.store(twin)
        click.echo(f"Stored {written:,} indicator values in {twin_path}")
    if out is not None:
        measures_table = batch.units.drop(columns=["reason", "geometry"], errors="ignore")
        measures_table = measures_table[measures_table.index.isin(_routed(batch))]
        write_table(pd.DataFrame(measures_table).reset_index(), out)
        click.echo(f"Wrote the measures to {out}")


def _routed(batch: IndicatorBatch) -> set[str]:
    """Cells that were origins of the matrix (the rows ``--out`` has always written)."""
    return set(batch.rows.loc[batch.rows["level"] == "grid", "unit_id"])
