"""``dikas build``, ``dikas info`` and ``dikas export``: make, inspect and share a twin."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import geopandas as gpd
import pandas as pd

from dikas.cli.options import (
    catalog_option,
    city_option,
    data_dir_option,
    endpoint_option,
    frozen_option,
    json_option,
    refresh_option,
    resolve_city,
    service_date_option,
    twin_argument,
    years_option,
)
from dikas.errors import ParameterError
from dikas.settings import load_settings
from dikas.sources.catalog import load_catalog
from dikas.twin.build import LAYERS, build_twin
from dikas.twin.pending import read_pending
from dikas.twin.privacy import publish
from dikas.twin.store import Twin
from dikas.twin.tempfiles import disk_full, is_disk_full
from dikas.twin.wide_indicators import EXPORT_LEVELS, keep_booleans, wide_layers

EXPORT_FORMATS = {"gpkg": "GPKG", "geojson": "GeoJSON", "parquet": None, "csv": None}
INDICATOR_COLUMNS_TABLE = "indicator_columns"
"""The GeoPackage table describing each exported indicator column."""


@click.command()
@city_option
@data_dir_option
@catalog_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default="twin.duckdb",
    show_default=True,
    help="Twin file to write (replaced only on success).",
)
@click.option(
    "--layers",
    default=None,
    metavar="LAYER,...",
    help="Build only these layers and what they need (e.g. areas,grid; areas needs "
    f"only the Paavo data). Known: {', '.join(LAYERS)}.",
)
@endpoint_option
@years_option
@frozen_option
@refresh_option
@service_date_option
def build(
    city: str | None,
    data_dir: Path | None,
    catalog_file: Path | None,
    out: Path,
    layers: str | None,
    endpoints: dict[str, str],
    years: tuple[int, ...] | None,
    frozen: bool,
    refresh: bool,
    service_date: dt.date,
) -> None:
    """Build a city's social digital twin from its data catalog.

    Pinned files come from the mirror or cache; live services are fetched (or reused from
    the lock file) as `dikas data fetch` does. `--frozen` uses only locked copies.
    """
    settings = load_settings(data_dir=data_dir)
    catalog = (
        load_catalog(path=catalog_file)
        if catalog_file
        else load_catalog(resolve_city(city, settings))
    )
    chosen = [name.strip() for name in layers.split(",") if name.strip()] if layers else None
    summary = build_twin(
        catalog,
        settings,
        out,
        layers=chosen,
        endpoints=endpoints,
        years=years,
        frozen=frozen,
        refresh=refresh,
        service_date=service_date,
    )
    click.echo(f"Built {summary.path} (build {summary.build_id}) in {summary.seconds:.1f} s:")
    for layer, rows in summary.rows.items():
        click.echo(f"  {layer:<22} {rows:>9,}")


def layer_disk_bytes(twin: Twin) -> dict[str, int]:
    """Bytes of the twin file each layer's stored column data occupies
    (:meth:`dikas.twin.store.Twin.layer_disk_bytes`)."""
    return twin.layer_disk_bytes()


def describe(twin: Twin) -> dict[str, Any]:
    """Layers, row counts, years, extents, size on disk and provenance, as plain data."""
    provenance = twin.provenance().set_index("layer") if twin.provenance().size else None
    disk = layer_disk_bytes(twin)
    layers = {}
    for layer in twin.layers():
        entry: dict[str, object] = {
            "rows": twin.count(layer),
            "years": twin.years(layer),
            "extent": twin.extent(layer),
            "disk_bytes": disk.get(layer, 0),
        }
        if provenance is not None and layer in provenance.index:
            record = provenance.loc[layer]
            entry.update(
                datasets=json.loads(record["datasets"]),
                sha256=json.loads(record["sha256"]),
                licence=record["licence"],
                attribution=record["attribution"],
                built_at=record["built_at"],
                repaired_geometries=int(record["repaired_geometries"]),
                notes=record["notes"],
            )
        layers[layer] = entry
    info = {k: str(v) for k, v in twin.build_info().items()}
    return {"path": str(twin.path), **info, "layers": layers}


@click.command()
@twin_argument
@json_option
def info(twin: Path, as_json: bool) -> None:
    """Print a twin's layers, row counts, size on disk, years, extent and provenance.

    A layer's size is the DuckDB blocks holding its column data (shared blocks split).
    """
    with Twin.open(twin) as opened:
        description = describe(opened)
        attribution = opened.attribution()
    if as_json:
        click.echo(json.dumps(description, indent=2, default=str))
        return
    click.echo(
        f"{description['path']}: city {description['city']}, build "
        f"{description['build_id']} at {description['built_at']}, dikas "
        f"{description['code_version']}, {description['crs']}"
    )
    for layer, entry in description["layers"].items():
        years = entry["years"]
        span = f" years {years[0]}–{years[-1]}" if years else ""
        sources = ", ".join(entry.get("datasets", [])) or "derived"
        click.echo(
            f"  {layer:<20} {entry['rows']:>9,} rows {entry['disk_bytes'] / 1e6:>8.1f} MB"
            f"{span}  [{sources}]"
        )
    click.echo("Sources:")
    for piece in filter(None, attribution.split("; ")):
        click.echo(f"  {piece}")


@click.command()
@twin_argument
@click.option("--layer", default=None, help="Layer to export.")
@click.option(
    "--indicators",
    "with_indicators",
    is_flag=True,
    help="Export the stored indicators instead: one GeoPackage layer per level and "
    "year, one column per indicator and population group, and a table "
    f"{INDICATOR_COLUMNS_TABLE!r} describing every column.",
)
@click.option(
    "--level",
    type=click.Choice(list(EXPORT_LEVELS)),
    default=None,
    help="With --indicators: only this level (default: every level with indicators).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(EXPORT_FORMATS)),
    default=None,
    help="File format (required with --layer; --indicators writes GeoPackage).",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--year", type=int, default=None, help="Only this year of a yearly layer.")
def export(
    twin: Path,
    layer: str | None,
    with_indicators: bool,
    level: str | None,
    fmt: str | None,
    out: Path,
    year: int | None,
) -> None:
    """Export a layer to a file GDAL/QGIS opens (GeoPackage, GeoJSON, GeoParquet, CSV), or
    with --indicators the stored indicators as wide GeoPackage layers.

    Person counts below the privacy threshold, and the age bands (or totals) that would reveal
    them, are blanked for grid and building layers.
    """
    if with_indicators:
        if layer is not None:
            raise ParameterError("give either --layer or --indicators, not both")
        if fmt not in (None, "gpkg"):
            raise ParameterError("--indicators writes a GeoPackage (--format gpkg)")
        _export_indicators(twin, out, level=level, year=year)
        return
    if layer is None or fmt is None:
        raise ParameterError("export needs --layer and --format (or --indicators)")
    if level is not None:
        raise ParameterError("--level goes with --indicators")
    settings = load_settings()
    with Twin.open(twin) as opened:
        frame = opened.read(layer, year=year)
    frame = publish(frame, level=layer, min_count=settings.min_count)
    if fmt in ("gpkg", "geojson") and not isinstance(frame, gpd.GeoDataFrame):
        raise ParameterError(f"layer {layer!r} has no geometry; use --format parquet or csv")

    def write(tmp: str) -> None:
        if fmt == "parquet":
            frame.to_parquet(tmp)
        elif fmt == "csv":
            table = frame.to_wkt() if isinstance(frame, gpd.GeoDataFrame) else frame
            table.to_csv(tmp, index=False)
        else:
            target = keep_booleans(frame.to_crs(4326) if fmt == "geojson" else frame)
            target.to_file(tmp, driver=EXPORT_FORMATS[str(fmt)], layer=layer, engine="pyogrio")

    _write_replacing(out, str(fmt), write, what=f"exporting {layer!r} to {out}")
    click.echo(f"Wrote {len(frame):,} features of {layer!r} to {out}")


def _write_replacing(out: Path, suffix: str, write: Callable[[str], None], *, what: str) -> None:
    """Write through a temporary file beside ``out``, renamed over it only on success."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=f".{suffix}")
    os.close(fd)
    os.unlink(tmp)
    try:
        write(tmp)
        os.replace(tmp, out)
    except Exception as exc:
        if is_disk_full(exc, out.parent):
            raise disk_full(what, out.parent) from exc
        raise
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _export_indicators(twin: Path, out: Path, *, level: str | None, year: int | None) -> None:
    import pyogrio

    with Twin.open(twin) as opened:
        layers = wide_layers(opened, levels=[level] if level else None, year=year)

    def write(tmp: str) -> None:
        for wide in layers:
            when = f", {wide.year}" if wide.year is not None else ""
            pyogrio.write_dataframe(
                wide.frame,
                tmp,
                layer=wide.name,
                driver="GPKG",
                layer_options={"DESCRIPTION": f"DikaS indicators: {wide.level}{when}"},
            )
        described = pd.concat([wide.columns for wide in layers], ignore_index=True)
        pyogrio.write_dataframe(described, tmp, layer=INDICATOR_COLUMNS_TABLE, driver="GPKG")

    _write_replacing(out, "gpkg", write, what=f"exporting indicators to {out}")
    for wide in layers:
        count = int((wide.columns["source"] == "indicator").sum())
        click.echo(
            f"Wrote {len(wide.frame):,} units × {count} indicator columns to layer "
            f"{wide.name!r} of {out}"
        )


@click.command(name="load-indicators")
@twin_argument
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def load_indicators(twin: Path, files: tuple[Path, ...]) -> None:
    """Store indicator values a command kept in side FILES because TWIN stayed busy.

    Each file is removed once its values are stored (storing one twice changes nothing:
    values replace those with the same key).
    """
    batches = [(path, read_pending(path)) for path in files]
    with Twin.open(twin, read_only=False) as opened:
        for path, rows in batches:
            written = opened.write_indicators(rows)
            click.echo(f"Stored {written:,} indicator values from {path} in {twin}")
    for path, _ in batches:
        path.unlink(missing_ok=True)
