"""``dikas climate``: heat, social vulnerability, flood and green infrastructure per unit.

Every command reads a twin (``--twin``), computes per ``--level`` (buildings, 250 m
grid cells or postal areas), stores the results in the twin's ``indicators`` table with
their parameters (``--no-store`` to skip) and prints a summary, a table (``--out FILE``:
.csv, .parquet, .gpkg or .geojson) or JSON records keyed by the unit id (``--json``).
Person counts below ``DIKAS_MIN_COUNT`` are blanked in cell and building outputs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import click
import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.cli.options import dask_option
from dikas.climate.config import VulnerabilityConfig, load_config
from dikas.climate.flood import flood_exposure, missing_hazard_message, read_hazard
from dikas.climate.green import (
    area_green_shares,
    distance_to_green,
    green_shares,
    hot_and_green_poor,
)
from dikas.climate.heat import area_heat_exposure, heat_exposure, hottest_cells
from dikas.climate.interpolation import cells_to_areas
from dikas.climate.maps import heat_vulnerability_map
from dikas.climate.overlap import heat_vulnerability_overlap
from dikas.climate.robustness import rank_robustness
from dikas.climate.twin_io import (
    HEAT_RASTER,
    UNIT_KEYS,
    IndicatorBatch,
    indicator_batch,
    read_areas,
    read_buildings,
    read_grid,
    read_parks,
    surveyed_area,
)
from dikas.climate.vulnerability import raw_indicators, vulnerability_index
from dikas.errors import MissingColumnError, MissingDataError, ParameterError
from dikas.settings import TWIN_CRS, load_settings
from dikas.twin.store import Twin
from dikas.twin.zonal import PixelRule

TABLE_FORMATS = (".csv", ".parquet", ".gpkg", ".geojson")

twin_option = click.option("--twin", "twin_path", required=True,
                           type=click.Path(dir_okay=False, path_type=Path),
                           help="The twin file (DuckDB) to read and store results in.")
year_option = click.option("--year", type=int, default=None,
                           help="Year of the postal-area statistics (default: latest in the twin).")
config_option = click.option("--config", "config_path", default=None,
                             type=click.Path(dir_okay=False, path_type=Path),
                             help="Vulnerability configuration YAML (default: the shipped one).")
out_option = click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
                          help="Write the per-unit table to FILE (.csv, .parquet, .gpkg, .geojson).")
json_option = click.option("--json", "as_json", is_flag=True,
                           help="Print a JSON list of records keyed by the unit id on stdout.")
store_option = click.option("--store/--no-store", default=True, show_default=True,
                            help="Store the results as indicators in the twin.")


def level_option(choices: Sequence[str], default: str):
    """``--level`` restricted to the levels a command supports."""
    return click.option("--level", type=click.Choice(list(choices)), default=default,
                        show_default=True, help="Units to report: " + ", ".join(choices) + ".")


@click.group()
def climate() -> None:
    """Climate risk = hazard × exposure × vulnerability, per building, cell and postal area."""


# -- heat ----------------------------------------------------------------------------------
@climate.command()
@twin_option
@level_option(("buildings", "grid", "areas"), "areas")
@year_option
@click.option("--threshold", type=float, default=0.5, show_default=True,
              help="Heat index above which a pixel counts in heat_share_above.")
@click.option("--pixel-rule", type=click.Choice(["centre", "coverage"]), default="centre",
              show_default=True, help="Pixel-centre inclusion or exact coverage fractions.")
@out_option
@json_option
@store_option
def heat(twin_path: Path, level: str, year: int | None, threshold: float, pixel_rule: PixelRule,
         out: Path | None, as_json: bool, store: bool) -> None:
    """Heat exposure (mean, max, share above threshold) per unit and residents in the hottest decile."""
    with Twin.open(twin_path) as twin, twin.raster(HEAT_RASTER) as raster:
        grid = read_grid(twin)
        cell_heat = heat_exposure(grid, raster, threshold=threshold, pixel_rule=pixel_rule)
        population = "inhabitants"
        hottest = hottest_cells(cell_heat.frame["heat_mean"], grid[population])
        used_year = None
        if level == "buildings":
            units = read_buildings(twin)
            table = heat_exposure(units, raster, threshold=threshold, pixel_rule=pixel_rule).frame
        elif level == "grid":
            units = grid
            table = cell_heat.frame.assign(inhabitants=grid[population],
                                           hottest_decile=hottest.cells)
        else:
            units, used_year = read_areas(twin, year=year)
            table = area_heat_exposure(units, grid, raster, population=population,
                                       cell_heat=cell_heat.frame["heat_mean"], threshold=threshold,
                                       pixel_rule=pixel_rule).frame
            hot = grid[["geometry"]].assign(inhabitants=grid[population].where(hottest.cells, 0.0))
            table["hottest_decile_residents"] = cells_to_areas(
                hot, units, population=population, extensive=["inhabitants"])["inhabitants"]
    indicators = {f"heat_{c.removeprefix('heat_')}": c for c in table.columns
                  if c.startswith("heat_") or c == "hottest_decile_residents"}
    parameters = {"threshold": threshold, "pixel_rule": pixel_rule, "raster": HEAT_RASTER,
                  "hottest_cutoff": hottest.cutoff}
    batch = indicator_batch(table, indicators, level=level, year=used_year, method="zonal_statistics",
                            parameters=parameters, source_layers=["rasters", "grid", level])
    _finish(twin_path, batch, store, table, units, level=level, out=out, as_json=as_json,
            summary=[f"{len(table):,} {level}: mean heat {table['heat_mean'].mean():.3f}",
                     f"residents in the hottest decile of cells (heat ≥ {hottest.cutoff:.3f}): "
                     f"{hottest.residents:,.0f} ({hottest.share:.1%})"])


# -- vulnerability -------------------------------------------------------------------------
@climate.command()
@twin_option
@level_option(("grid", "areas"), "areas")
@year_option
@config_option
@click.option("--normalization", type=click.Choice(["minmax", "zscore"]), default=None,
              help="Override the configuration's normalization.")
@click.option("--draws", type=click.IntRange(1, 10_000), default=200, show_default=True,
              help="Monte Carlo runs for rank robustness.")
@click.option("--seed", type=int, default=0, show_default=True, help="Monte Carlo seed.")
@dask_option
@click.option("--top", type=click.IntRange(1), default=10, show_default=True,
              help="Postal areas listed in the heat-vulnerable residents table.")
@click.option("--map", "map_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write a PNG map of heat, vulnerability and their overlap.")
@out_option
@json_option
@store_option
def vulnerability(twin_path: Path, level: str, year: int | None, config_path: Path | None,
                  normalization: str | None, draws: int, seed: int,
                  dask_address: str | None, top: int,
                  map_path: Path | None, out: Path | None, as_json: bool, store: bool) -> None:
    """Social vulnerability indices (heat, flood) with rank robustness and hot spots."""
    config = load_config(config_path)
    with Twin.open(twin_path) as twin:
        grid = read_grid(twin)
        areas, used_year = read_areas(twin, year=year)
        credit = twin.attribution(["areas", "grid", "rasters", "heat"])
    units = grid if level == "grid" else areas
    raw = raw_indicators(grid, areas, config, level=level)
    table = pd.DataFrame({"population": raw["population"]}, index=raw.index)
    batches, params = [], {}
    for name in config.index_names:
        index = vulnerability_index(raw, config, index=name, level=level,
                                    normalization=normalization)
        robust = rank_robustness(raw, config, index=name, draws=draws, seed=seed,
                                 dask_address=dask_address)
        table[f"{name}_index"] = index.frame["index"]
        table[f"{name}_rank"] = index.frame["rank"]
        for column in ("median_rank", "rank_p05", "rank_p95", "top_decile_probability"):
            table[f"{name}_{column}"] = robust.frame[column]
        table[f"{name}_robust_hotspot"] = robust.frame["robust_hotspot"]
        for group in index.group_weights:
            table[f"{name}_{group}"] = index.frame[f"group_{group}"]
        params[name] = {**index.parameters, "robustness": robust.parameters,
                        "mean_spearman": robust.mean_spearman}
        columns = {f"vulnerability_{name}": f"{name}_index",
                   f"vulnerability_{name}_rank": f"{name}_rank",
                   f"vulnerability_{name}_top_decile_probability": f"{name}_top_decile_probability"}
        batches.append(indicator_batch(table, columns, level=level, year=used_year,
                                       method="social_vulnerability_index",
                                       parameters={**params[name], "config": config.path},
                                       source_layers=["grid", "areas"]))
    summary = [f"{table[f'{n}_index'].notna().sum():,} {level} units with a {n} index; "
               f"{int(table[f'{n}_robust_hotspot'].sum())} robust top-decile hot spots; "
               f"mean Spearman vs baseline {params[n]['mean_spearman']:.3f}"
               for n in config.index_names]
    if "heat" in config.index_names:
        summary += _heat_overlap(grid, areas, config, normalization=normalization, top=top,
                                 map_path=map_path, credit=credit)
    _finish(twin_path, IndicatorBatch(pd.concat([b.frame for b in batches], ignore_index=True)),
            store, table, units, level=level, out=out, as_json=as_json, summary=summary)


def _heat_overlap(grid: gpd.GeoDataFrame, areas: gpd.GeoDataFrame, config: VulnerabilityConfig, *,
                  normalization: str | None, top: int, map_path: Path | None,
                  credit: str) -> list[str]:
    """Cells both hot and heat-vulnerable; the postal areas with most such residents."""
    if "heat_exposure_index" not in grid.columns:
        return ["no heat_exposure_index in the grid: overlap table skipped"]
    raw = raw_indicators(grid, areas, config, level="grid")
    index = vulnerability_index(raw, config, index="heat", level="grid", normalization=normalization)
    overlap = heat_vulnerability_overlap(grid, areas, heat=grid["heat_exposure_index"],
                                         index=index.frame["index"],
                                         population=config.population["grid"])
    if map_path is not None:
        heat_vulnerability_map(grid, areas, overlap, map_path, credit=credit)
    names = areas["name"] if "name" in areas.columns else pd.Series("", index=areas.index)
    lines = [f"postal areas with the most heat-vulnerable residents (cells in the top "
             f"{1 - overlap.quantile:.0%} of both heat and heat vulnerability):"]
    for code, row in overlap.areas.head(top).iterrows():
        lines.append(f"  {code} {names.get(code, ''):<24} {row['heat_vulnerable_residents']:>8,.0f}"
                     f" of {row['residents']:>8,.0f} residents ({row['heat_vulnerable_share']:.0%})")
    return lines


# -- flood ---------------------------------------------------------------------------------
@climate.command()
@twin_option
@level_option(("buildings", "grid", "areas"), "areas")
@year_option
@config_option
@click.option("--hazard", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Flood hazard polygons (any vector format) with a class column.")
@click.option("--class-column", default="return_period", show_default=True,
              help="Hazard column with the return period or depth class.")
@click.option("--vulnerable-quantile", type=click.FloatRange(0, 1, max_open=True), default=0.8,
              show_default=True,
              help="Cells with a flood index at or above this quantile hold the vulnerable residents.")
@out_option
@json_option
@store_option
def flood(twin_path: Path, level: str, year: int | None, config_path: Path | None,
          hazard: Path | None, class_column: str, vulnerable_quantile: float, out: Path | None,
          as_json: bool, store: bool) -> None:
    """Buildings, residents and vulnerable residents in each flood hazard class.

    Without --hazard, the twin's own `flood_zones` layer (built from the catalog's hazard
    services) is used.
    """
    config = load_config(config_path)
    with Twin.open(twin_path) as twin:
        if hazard is None:
            if not twin.has_layer("flood_zones"):
                raise MissingDataError(missing_hazard_message(config))
            zones = twin.read("flood_zones")
            if class_column not in zones:
                raise ParameterError(f"the twin's flood_zones have no column {class_column!r}; "
                                     f"columns: {', '.join(map(str, zones.columns))}")
            zones = zones[zones[class_column].notna()]
            hazard_name = "flood_zones (twin)"
        else:
            zones = read_hazard(hazard, class_column=class_column, crs=TWIN_CRS)
            hazard_name = hazard.name
        grid = read_grid(twin)
        areas, used_year = read_areas(twin, year=year)
        buildings = read_buildings(twin) if twin.has_layer("buildings") else None
    raw = raw_indicators(grid, areas, config, level="grid")
    index = vulnerability_index(raw, config, index="flood", level="grid")
    result = flood_exposure(zones, class_column=class_column, cells=grid,
                            population=config.population["grid"], buildings=buildings,
                            areas=areas, flood_index=index.frame["index"],
                            vulnerable_quantile=vulnerable_quantile)
    long = {"grid": result.cells, "areas": result.areas, "buildings": result.buildings}[level]
    table = _wide_by_class(long, level)
    units = {"grid": grid, "areas": areas, "buildings": buildings}[level]
    if units is None:
        raise ParameterError("the twin has no buildings layer; use --level grid or areas")
    summary = [f"flood hazard {hazard_name}, classes by {class_column!r}:"]
    for hazard_class, row in result.by_class.iterrows():
        summary.append(f"  {hazard_class!s:>10}: {int(row['buildings']):>7,} buildings, "
                       f"{row['residents']:>9,.0f} residents, "
                       f"{row['vulnerable_residents']:>9,.0f} vulnerable residents")
    batch = indicator_batch(table, {f"flood_{c}": c for c in table.columns}, level=level,
                            year=used_year, method="flood_exposure",
                            parameters={"hazard": str(hazard or "flood_zones"),
                                        "class_column": class_column,
                                        "vulnerable_quantile": vulnerable_quantile},
                            source_layers=["grid", "areas", "buildings"])
    _finish(twin_path, batch, store, table, units.loc[units.index.isin(table.index)], level=level,
            out=out, as_json=as_json, summary=summary)


def _wide_by_class(long: pd.DataFrame, level: str) -> pd.DataFrame:
    """One row per unit, one column per measure and class (``residents_100`` …)."""
    measures = [c for c in ("residents", "vulnerable_residents", "buildings", "overlap_share")
                if c in long.columns and not (level == "grid" and c == "overlap_share")]
    if long.empty:
        return pd.DataFrame(index=pd.Index([], name=UNIT_KEYS[level]))
    wide = long.pivot_table(index="unit", columns="hazard_class", values=measures, aggfunc="sum")
    wide.columns = [f"{measure}_{hazard_class}" for measure, hazard_class in wide.columns]
    wide.index.name = UNIT_KEYS[level]
    return wide


# -- green ---------------------------------------------------------------------------------
@climate.command()
@twin_option
@level_option(("buildings", "grid", "areas"), "areas")
@year_option
@config_option
@out_option
@json_option
@store_option
def green(twin_path: Path, level: str, year: int | None, config_path: Path | None,
          out: Path | None, as_json: bool, store: bool) -> None:
    """Tree canopy and vegetation shares, distance to parks, hot and green-poor cells."""
    config = load_config(config_path)
    settings = config.green
    with Twin.open(twin_path) as twin:
        grid = read_grid(twin)
        areas, used_year = read_areas(twin, year=year)
        parks = read_parks(twin, service_types=settings.park_service_types)
        surveyed = surveyed_area(twin)
        homes = read_buildings(twin, residential_pattern=settings.residential_use_pattern) \
            if level == "buildings" else None
    population = config.population["grid"]
    if "heat_exposure_index" not in grid.columns:
        raise MissingColumnError("the twin's grid lacks heat_exposure_index (rebuild the twin "
                                 "with the heat-exposure grid)")
    cells = green_shares(grid)
    populated = grid[population].fillna(0) > 0
    cells["distance_to_green_m"] = distance_to_green(grid.geometry.centroid[populated], parks,
                                                     surveyed=surveyed)
    cells["inhabitants"] = grid[population]
    selected = hot_and_green_poor(grid["heat_exposure_index"], cells["tree_canopy_share"],
                                  grid[population], hot_quantile=settings.hot_quantile,
                                  poor_quantile=settings.green_poor_quantile)
    cells["hot_and_green_poor"] = selected.cells
    if level == "grid":
        table, units = cells, grid
    elif level == "buildings":
        if homes is None or homes.empty:
            raise ParameterError("no residential building in the twin (see green.residential_use_pattern)")
        table = pd.DataFrame({"distance_to_green_m": distance_to_green(homes, parks,
                                                                       surveyed=surveyed)})
        units = homes
    else:
        table = area_green_shares(grid, areas, population=population)
        with_distance = grid[["geometry", population]].assign(d=cells["distance_to_green_m"])
        table["distance_to_green_m"] = cells_to_areas(with_distance, areas, population=population,
                                                      intensive_by_population=["d"])["d"]
        hot = grid[["geometry", population]].assign(r=grid[population].where(selected.cells, 0.0))
        table["hot_green_poor_residents"] = cells_to_areas(hot, areas, population=population,
                                                           extensive=["r"])["r"]
        units = areas
    indicators = {f"green_{c}": c for c in table.columns if c not in ("inhabitants",)}
    batch = indicator_batch(table, indicators, level=level, year=used_year,
                            method="green_infrastructure",
                            parameters={"park_service_types": list(settings.park_service_types),
                                        "hot_quantile": settings.hot_quantile,
                                        "green_poor_quantile": settings.green_poor_quantile},
                            source_layers=["grid", "services", level])
    _finish(twin_path, batch, store, table, units, level=level, out=out, as_json=as_json,
            summary=[f"{len(table):,} {level}: median distance to green "
                     f"{table['distance_to_green_m'].median():,.0f} m over the "
                     f"{int(table['distance_to_green_m'].notna().sum()):,} units inside the "
                     "area the park data covers",
                     f"{int(selected.cells.sum())} populated cells are hot (heat ≥ "
                     f"{selected.heat_cutoff:.3f}) and green-poor (canopy ≤ "
                     f"{selected.canopy_cutoff:.1%}), home to {selected.residents:,.0f} residents"])


# -- shared output -------------------------------------------------------------------------
COUNT_COLUMNS = ("population", "inhabitants", "residents", "vulnerable_residents",
                 "hottest_decile_residents", "hot_green_poor_residents")


def _protect(table: pd.DataFrame, level: str) -> pd.DataFrame:
    """Blank person counts in (0, min_count) at cell and building level."""
    if level not in ("grid", "buildings"):
        return table
    min_count = load_settings().min_count
    out = table.copy()
    for column in out.columns:
        if column in COUNT_COLUMNS or any(column.startswith(f"{c}_") for c in COUNT_COLUMNS):
            values = pd.to_numeric(out[column], errors="coerce")
            out[column] = values.mask((values > 0) & (values < min_count))
    return out


def _finish(twin_path: Path, batch: IndicatorBatch, store: bool, table: pd.DataFrame,
            units: gpd.GeoDataFrame, *, level: str, out: Path | None, as_json: bool,
            summary: list[str]) -> None:
    """Store indicators, then write the table, JSON records or the summary."""
    if store and not batch.frame.empty:
        with Twin.open(twin_path, read_only=False) as twin:
            batch.store(twin)
    public = _protect(table, level)
    public.index.name = UNIT_KEYS[level]
    if out is not None:
        _write_table(public, units, out)
    if as_json:
        records = json.loads(public.reset_index().to_json(orient="records"))
        click.echo(json.dumps(records, ensure_ascii=False))
        return
    for line in summary:
        click.echo(line)
    if out is not None:
        click.echo(f"wrote {len(public):,} rows to {out}")


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
