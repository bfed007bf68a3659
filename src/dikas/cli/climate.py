"""``dikas climate``: heat, social vulnerability, flood and green infrastructure per unit.

Every command reads a twin (``--twin``), computes per ``--level`` (buildings, 250 m
grid cells or postal areas), stores the results in the twin's ``indicators`` table with
their parameters (``--no-store`` to skip) and prints a summary, a table (``--out FILE``:
.csv, .parquet, .gpkg or .geojson) or JSON records keyed by the unit id (``--json``).
Person counts below ``DIKAS_MIN_COUNT`` are blanked in cell and building outputs
(:func:`dikas.twin.privacy.publish`). Python: ``dikas.compute_heat`` and the other
``compute_*`` functions of :mod:`dikas.climate.compute`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import click
import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.cli.options import dask_option, store_option, twin_option
from dikas.climate.compute import (
    FloodParams,
    GreenParams,
    HeatParams,
    VulnerabilityParams,
    compute_flood,
    compute_green,
    compute_heat,
    compute_vulnerability,
    vulnerability_map,
)
from dikas.errors import ParameterError
from dikas.twin.indicator_batch import IndicatorBatch
from dikas.twin.privacy import publish
from dikas.twin.schema import unit_key
from dikas.twin.store import Twin
from dikas.twin.zonal import PixelRule

TABLE_FORMATS = (".csv", ".parquet", ".gpkg", ".geojson")

year_option = click.option(
    "--year",
    type=int,
    default=None,
    help="Year of the postal-area statistics (default: latest in the twin).",
)
config_option = click.option(
    "--config",
    "config_path",
    default=None,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Vulnerability configuration YAML (default: the shipped one).",
)
out_option = click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the per-unit table to FILE (.csv, .parquet, .gpkg, .geojson).",
)
json_option = click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print a JSON list of records keyed by the unit id on stdout.",
)


def level_option(choices: Sequence[str], default: str):
    """``--level`` restricted to the levels a command supports."""
    return click.option(
        "--level",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help="Units to report: " + ", ".join(choices) + ".",
    )


@click.group()
def climate() -> None:
    """Climate risk = hazard × exposure × vulnerability, per building, cell and postal area."""


# -- heat ----------------------------------------------------------------------------------
@climate.command()
@twin_option
@level_option(("buildings", "grid", "areas"), "areas")
@year_option
@click.option(
    "--threshold",
    type=float,
    default=0.5,
    show_default=True,
    help="Heat index above which a pixel counts in heat_share_above.",
)
@click.option(
    "--pixel-rule",
    type=click.Choice(["centre", "coverage"]),
    default="centre",
    show_default=True,
    help="Pixel-centre inclusion or exact coverage fractions.",
)
@out_option
@json_option
@store_option
def heat(
    twin_path: Path,
    level: str,
    year: int | None,
    threshold: float,
    pixel_rule: PixelRule,
    out: Path | None,
    as_json: bool,
    store: bool,
) -> None:
    """Heat exposure (mean, max, share above threshold) per unit and residents in the hottest decile."""
    params = HeatParams(
        level=level,  # type: ignore[arg-type]
        year=year,
        threshold=threshold,
        pixel_rule=pixel_rule,
    )
    with Twin.open(twin_path) as twin:
        batch = compute_heat(twin, params)
    _finish(twin_path, batch, store, out=out, as_json=as_json)


# -- vulnerability -------------------------------------------------------------------------
@climate.command()
@twin_option
@level_option(("grid", "areas"), "areas")
@year_option
@config_option
@click.option(
    "--normalization",
    type=click.Choice(["minmax", "zscore"]),
    default=None,
    help="Override the configuration's normalization.",
)
@click.option(
    "--draws",
    type=click.IntRange(1, 10_000),
    default=200,
    show_default=True,
    help="Monte Carlo runs for rank robustness.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Monte Carlo seed.")
@dask_option
@click.option(
    "--top",
    type=click.IntRange(1),
    default=10,
    show_default=True,
    help="Postal areas listed in the heat-vulnerable residents table.",
)
@click.option(
    "--map",
    "map_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write a PNG map of heat, vulnerability and their overlap.",
)
@out_option
@json_option
@store_option
def vulnerability(
    twin_path: Path,
    level: str,
    year: int | None,
    config_path: Path | None,
    normalization: str | None,
    draws: int,
    seed: int,
    dask_address: str | None,
    top: int,
    map_path: Path | None,
    out: Path | None,
    as_json: bool,
    store: bool,
) -> None:
    """Social vulnerability indices (heat, flood) with rank robustness and hot spots."""
    params = VulnerabilityParams(
        level=level,  # type: ignore[arg-type]
        year=year,
        config=str(config_path) if config_path else None,
        normalization=normalization,  # type: ignore[arg-type]
        draws=draws,
        seed=seed,
        top=top,
        dask_address=dask_address,
    )
    with Twin.open(twin_path) as twin:
        batch = compute_vulnerability(twin, params)
        if map_path is not None:
            vulnerability_map(twin, batch, map_path)
    _finish(twin_path, batch, store, out=out, as_json=as_json)


# -- flood ---------------------------------------------------------------------------------
@climate.command()
@twin_option
@level_option(("buildings", "grid", "areas"), "areas")
@year_option
@config_option
@click.option(
    "--hazard",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Flood hazard polygons (any vector format) with a class column.",
)
@click.option(
    "--class-column",
    default="return_period",
    show_default=True,
    help="Hazard column with the return period or depth class.",
)
@click.option(
    "--vulnerable-quantile",
    type=click.FloatRange(0, 1, max_open=True),
    default=0.8,
    show_default=True,
    help="Cells with a flood index at or above this quantile hold the vulnerable residents.",
)
@out_option
@json_option
@store_option
def flood(
    twin_path: Path,
    level: str,
    year: int | None,
    config_path: Path | None,
    hazard: Path | None,
    class_column: str,
    vulnerable_quantile: float,
    out: Path | None,
    as_json: bool,
    store: bool,
) -> None:
    """Buildings, residents and vulnerable residents in each flood hazard class.

    Without --hazard, the twin's own `flood_zones` layer (built from the catalog's hazard
    services) is used.
    """
    params = FloodParams(
        level=level,  # type: ignore[arg-type]
        year=year,
        config=str(config_path) if config_path else None,
        hazard=str(hazard) if hazard else None,
        class_column=class_column,
        vulnerable_quantile=vulnerable_quantile,
    )
    with Twin.open(twin_path) as twin:
        batch = compute_flood(twin, params)
    _finish(twin_path, batch, store, out=out, as_json=as_json)


# -- green ---------------------------------------------------------------------------------
@climate.command()
@twin_option
@level_option(("buildings", "grid", "areas"), "areas")
@year_option
@config_option
@out_option
@json_option
@store_option
def green(
    twin_path: Path,
    level: str,
    year: int | None,
    config_path: Path | None,
    out: Path | None,
    as_json: bool,
    store: bool,
) -> None:
    """Tree canopy and vegetation shares, distance to parks, hot and green-poor cells."""
    params = GreenParams(
        level=level,  # type: ignore[arg-type]
        year=year,
        config=str(config_path) if config_path else None,
    )
    with Twin.open(twin_path) as twin:
        batch = compute_green(twin, params)
    _finish(twin_path, batch, store, out=out, as_json=as_json)


# -- shared output -------------------------------------------------------------------------
def _finish(
    twin_path: Path, batch: IndicatorBatch, store: bool, *, out: Path | None, as_json: bool
) -> None:
    """Store indicators, then write the published table, JSON records or the summary."""
    if store and not batch.rows.empty:
        with Twin.open(twin_path, read_only=False) as twin:
            batch.store(twin)
    public = published_table(batch)
    if out is not None:
        _write_table(public, batch.units, out)
    if as_json:
        click.echo(records_json(batch))
        return
    for line in batch.summary["lines"]:  # type: ignore[attr-defined]
        click.echo(line)
    if out is not None:
        click.echo(f"wrote {len(public):,} rows to {out}")


def published_table(batch: IndicatorBatch) -> pd.DataFrame:
    """The batch's per-unit table as it may be published (no geometry, no reason)."""
    table = pd.DataFrame(batch.units.drop(columns=["reason", "geometry"], errors="ignore"))
    public = publish(table, level=batch.level)
    public.index.name = unit_key(batch.level)
    return public


def records_json(batch: IndicatorBatch) -> str:
    """What a ``dikas climate … --json`` command prints: the published records."""
    records = json.loads(published_table(batch).reset_index().to_json(orient="records"))
    return json.dumps(records, ensure_ascii=False)


def _write_table(table: pd.DataFrame, units: gpd.GeoDataFrame, out: Path) -> None:
    suffix = out.suffix.lower()
    if suffix not in TABLE_FORMATS:
        raise ParameterError(f"--out must end in one of {', '.join(TABLE_FORMATS)}, not {suffix!r}")
    flat = table.reset_index()
    flat = flat.assign(**{c: flat[c].astype(float) for c in flat.columns if flat[c].dtype == bool})
    if suffix == ".csv":
        flat.to_csv(out, index=False)
    elif suffix == ".parquet":
        flat.to_parquet(out, index=False)
    else:
        geometry = units.geometry.reindex(table.index).to_numpy()
        frame = gpd.GeoDataFrame(flat, geometry=np.asarray(geometry), crs=units.crs)
        frame.to_file(out, driver="GPKG" if suffix == ".gpkg" else "GeoJSON")
