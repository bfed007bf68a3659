"""Climate indicators as one Python call: what ``dikas climate heat|vulnerability|flood|green``
computes.

Each function reads its inputs from a twin (grid cells of the city only, postal areas of one
year, building footprints), computes per ``level`` and returns an
:class:`~dikas.twin.indicator_batch.IndicatorBatch`: ``rows`` are exactly what the command
stores, ``units`` the per-unit table the command prints or writes (``--json``, ``--out``)
before the publication rule, indexed by the level's unit key, with geometry and a ``reason``
for units without a value. Publish it with :func:`dikas.twin.privacy.publish`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import geopandas as gpd
import pandas as pd

from dikas.climate.config import VulnerabilityConfig, load_config
from dikas.climate.flood import flood_exposure, missing_hazard_message, read_hazard
from dikas.climate.green import (
    area_green_shares,
    distance_to_green,
    green_shares,
    hot_and_green_poor,
)
from dikas.climate.heat import area_heat_exposure, heat_exposure, hottest_cells
from dikas.climate.interpolation import AGGREGATION
from dikas.climate.overlap import HeatVulnerabilityOverlap, heat_vulnerability_overlap
from dikas.climate.robustness import rank_robustness
from dikas.climate.twin_io import (
    HEAT_RASTER,
    read_areas,
    read_buildings,
    read_grid,
    read_parks,
    surveyed_area,
)
from dikas.climate.vulnerability import raw_indicators, vulnerability_index
from dikas.errors import MissingColumnError, MissingDataError, ParameterError
from dikas.params import P, coerce_params
from dikas.settings import TWIN_CRS
from dikas.twin.aggregation import areal_overlay, recorded
from dikas.twin.indicator_batch import IndicatorBatch, long_rows
from dikas.twin.schema import unit_key
from dikas.twin.store import Twin
from dikas.twin.zonal import PixelRule


@dataclass(frozen=True)
class HeatParams:
    """Parameters of :func:`compute_heat` (the defaults of ``dikas climate heat``)."""

    level: Literal["buildings", "grid", "areas"] = "areas"
    year: int | None = None
    """Year of the postal-area statistics (default: the latest in the twin)."""
    threshold: float = 0.5
    """Heat index above which a pixel counts in ``heat_share_above``."""
    pixel_rule: PixelRule = "centre"
    """Pixel-centre inclusion (``centre``) or exact coverage fractions (``coverage``)."""


@dataclass(frozen=True)
class VulnerabilityParams:
    """Parameters of :func:`compute_vulnerability` (``dikas climate vulnerability``)."""

    level: Literal["grid", "areas"] = "areas"
    year: int | None = None
    config: str | None = None
    """Vulnerability configuration YAML (default: the shipped one)."""
    normalization: Literal["minmax", "zscore"] | None = None
    """Override the configuration's normalization."""
    draws: int = 200
    """Monte Carlo runs for rank robustness."""
    seed: int = 0
    top: int = 10
    """Postal areas listed in the heat-vulnerable residents summary."""
    dask_address: str | None = None


@dataclass(frozen=True)
class FloodParams:
    """Parameters of :func:`compute_flood` (``dikas climate flood``)."""

    level: Literal["buildings", "grid", "areas"] = "areas"
    year: int | None = None
    config: str | None = None
    hazard: str | None = None
    """Flood hazard polygons (any vector format); default: the twin's ``flood_zones``."""
    class_column: str = "return_period"
    vulnerable_quantile: float = 0.8
    """Cells with a flood index at or above this quantile hold the vulnerable residents."""


@dataclass(frozen=True)
class GreenParams:
    """Parameters of :func:`compute_green` (``dikas climate green``)."""

    level: Literal["buildings", "grid", "areas"] = "areas"
    year: int | None = None
    config: str | None = None


LEVELS = {
    "heat": ("buildings", "grid", "areas"),
    "vulnerability": ("grid", "areas"),
    "flood": ("buildings", "grid", "areas"),
    "green": ("buildings", "grid", "areas"),
}


def _params(kind: type[P], params: P | Mapping[str, Any] | None, family: str) -> P:
    value = coerce_params(kind, params)
    level: str = value.level  # type: ignore[attr-defined]
    if level not in LEVELS[family]:
        raise ParameterError(f"{family} is computed per {', '.join(LEVELS[family])}, not {level!r}")
    return value


def _config(path: str | None) -> VulnerabilityConfig:
    return load_config(Path(path) if path is not None else None)


def _units(
    table: pd.DataFrame, units: gpd.GeoDataFrame, level: str, indicators: Mapping[str, str]
) -> gpd.GeoDataFrame:
    """``table`` with the units' geometry and ``no_data`` where a unit has no indicator."""
    key = unit_key(level)
    frame = table.copy()
    frame.index = frame.index.rename(key)
    values = frame[list(dict.fromkeys(indicators.values()))].apply(pd.to_numeric, errors="coerce")
    frame["reason"] = pd.Series(None, index=frame.index, dtype=object).mask(
        ~values.notna().any(axis=1), "no_data"
    )
    geometry = units.geometry.reindex(frame.index)
    return gpd.GeoDataFrame(frame, geometry=geometry.to_numpy(), crs=units.crs)


def aggregated_parameters(parameters: Mapping[str, object], level: str) -> dict[str, object]:
    """``parameters`` plus the family's aggregation method where values were aggregated from
    cells (above the grid and buildings; see :data:`dikas.climate.interpolation.AGGREGATION`)."""
    return {**parameters, **recorded(AGGREGATION, level)}


def _batch(
    family: str,
    table: pd.DataFrame,
    units: gpd.GeoDataFrame,
    indicators: Mapping[str, str],
    *,
    level: str,
    year: int | None,
    method: str,
    parameters: Mapping[str, object],
    source_layers: list[str],
    summary: Mapping[str, object],
) -> IndicatorBatch:
    rows = long_rows(
        table,
        indicators,
        level=level,
        year=year,
        method=method,
        parameters=aggregated_parameters(parameters, level),
        source_layers=source_layers,
    )
    return IndicatorBatch(
        family=family,
        level=level,
        year=year,
        rows=rows,
        units=_units(table, units, level, indicators),
        parameters=dict(parameters),
        source_layers=tuple(source_layers),
        method=method,
        summary=summary,
    )


def compute_heat(
    twin: Twin, params: HeatParams | Mapping[str, Any] | None = None
) -> IndicatorBatch:
    """Heat exposure per unit: mean, max and share of pixels above the threshold.

    Zonal statistics of the twin's heat-exposure raster per building, cell or postal area
    (areas: residents' exposure, the cells' means areally weighted by population), and the
    residents of the hottest decile of cells. ``summary["lines"]`` is what the command prints.

    Example::

        batch = dikas.compute_heat(twin, {"level": "areas"})
        batch.value("heat_mean", "00100")
    """
    p = _params(HeatParams, params, "heat")
    with twin.raster(HEAT_RASTER) as raster:
        grid = read_grid(twin)
        cell_heat = heat_exposure(grid, raster, threshold=p.threshold, pixel_rule=p.pixel_rule)
        population = "inhabitants"
        hottest = hottest_cells(cell_heat.frame["heat_mean"], grid[population])
        used_year = None
        if p.level == "buildings":
            units = read_buildings(twin)
            table = heat_exposure(
                units, raster, threshold=p.threshold, pixel_rule=p.pixel_rule
            ).frame
        elif p.level == "grid":
            units = grid
            table = cell_heat.frame.assign(
                inhabitants=grid[population], hottest_decile=hottest.cells
            )
        else:
            units, used_year = read_areas(twin, year=p.year)
            table = area_heat_exposure(
                units,
                grid,
                raster,
                population=population,
                cell_heat=cell_heat.frame["heat_mean"],
                threshold=p.threshold,
                pixel_rule=p.pixel_rule,
            ).frame
            hot = grid[["geometry"]].assign(inhabitants=grid[population].where(hottest.cells, 0.0))
            table["hottest_decile_residents"] = areal_overlay(
                hot, units, population=population, extensive=["inhabitants"]
            )["inhabitants"]
    indicators = {
        f"heat_{c.removeprefix('heat_')}": c
        for c in table.columns
        if c.startswith("heat_") or c == "hottest_decile_residents"
    }
    parameters = {
        "threshold": p.threshold,
        "pixel_rule": p.pixel_rule,
        "raster": HEAT_RASTER,
        "hottest_cutoff": hottest.cutoff,
    }
    lines = [
        f"{len(table):,} {p.level}: mean heat {table['heat_mean'].mean():.3f}",
        f"residents in the hottest decile of cells (heat ≥ {hottest.cutoff:.3f}): "
        f"{hottest.residents:,.0f} ({hottest.share:.1%})",
    ]
    return _batch(
        "heat",
        table,
        units,
        indicators,
        level=p.level,
        year=used_year,
        method="zonal_statistics",
        parameters=parameters,
        source_layers=["rasters", "grid", p.level],
        summary={"lines": lines},
    )


def compute_vulnerability(
    twin: Twin, params: VulnerabilityParams | Mapping[str, Any] | None = None
) -> IndicatorBatch:
    """Social vulnerability indices (heat, flood) with Monte Carlo rank robustness.

    For every index of the configuration: the index, its rank, the median rank and 5–95 %
    rank band over ``draws`` perturbed weightings, the probability of being in the top
    decile and whether a unit is a robust hot spot. With a heat index, ``summary["overlap"]``
    holds the cells both hot and heat-vulnerable and the postal areas with most such
    residents; ``summary["lines"]`` is what the command prints.

    Example::

        batch = dikas.compute_vulnerability(twin, {"level": "areas"})
        batch.value("vulnerability_heat", "00100")      # the stored value
        batch.units.loc["00100", "heat_index"]          # the same, from the table
    """
    p = _params(VulnerabilityParams, params, "vulnerability")
    config = _config(p.config)
    grid = read_grid(twin)
    areas, used_year = read_areas(twin, year=p.year)
    units = grid if p.level == "grid" else areas
    raw = raw_indicators(grid, areas, config, level=p.level)
    table = pd.DataFrame({"population": raw["population"]}, index=raw.index)
    parts, params_by_index, indicators = [], {}, {}
    for name in config.index_names:
        index = vulnerability_index(
            raw, config, index=name, level=p.level, normalization=p.normalization
        )
        robust = rank_robustness(
            raw, config, index=name, draws=p.draws, seed=p.seed, dask_address=p.dask_address
        )
        table[f"{name}_index"] = index.frame["index"]
        table[f"{name}_rank"] = index.frame["rank"]
        for column in ("median_rank", "rank_p05", "rank_p95", "top_decile_probability"):
            table[f"{name}_{column}"] = robust.frame[column]
        table[f"{name}_robust_hotspot"] = robust.frame["robust_hotspot"]
        for group in index.group_weights:
            table[f"{name}_{group}"] = index.frame[f"group_{group}"]
        params_by_index[name] = {
            **index.parameters,
            "robustness": robust.parameters,
            "mean_spearman": robust.mean_spearman,
        }
        columns = {
            f"vulnerability_{name}": f"{name}_index",
            f"vulnerability_{name}_rank": f"{name}_rank",
            f"vulnerability_{name}_top_decile_probability": f"{name}_top_decile_probability",
        }
        indicators.update(columns)
        parts.append(
            long_rows(
                table,
                columns,
                level=p.level,
                year=used_year,
                method="social_vulnerability_index",
                parameters=aggregated_parameters(
                    {**params_by_index[name], "config": config.path}, p.level
                ),
                source_layers=["grid", "areas"],
            )
        )
    lines = [
        f"{table[f'{n}_index'].notna().sum():,} {p.level} units with a {n} index; "
        f"{int(table[f'{n}_robust_hotspot'].sum())} robust top-decile hot spots; "
        f"mean Spearman vs baseline {params_by_index[n]['mean_spearman']:.3f}"
        for n in config.index_names
    ]
    summary: dict[str, object] = {}
    if "heat" in config.index_names:
        overlap, more = _heat_overlap(grid, areas, config, normalization=p.normalization, top=p.top)
        lines += more
        summary["overlap"] = overlap
    summary["lines"] = lines
    return IndicatorBatch(
        family="vulnerability",
        level=p.level,
        year=used_year,
        rows=pd.concat(parts, ignore_index=True),
        units=_units(table, units, p.level, indicators),
        parameters={"indices": params_by_index, "config": config.path},
        source_layers=("grid", "areas"),
        method="social_vulnerability_index",
        summary=summary,
    )


def _heat_overlap(
    grid: gpd.GeoDataFrame,
    areas: gpd.GeoDataFrame,
    config: VulnerabilityConfig,
    *,
    normalization: str | None,
    top: int,
) -> tuple[HeatVulnerabilityOverlap | None, list[str]]:
    """Cells both hot and heat-vulnerable; the postal areas with most such residents."""
    if "heat_exposure_index" not in grid.columns:
        return None, ["no heat_exposure_index in the grid: overlap table skipped"]
    raw = raw_indicators(grid, areas, config, level="grid")
    index = vulnerability_index(
        raw, config, index="heat", level="grid", normalization=normalization
    )
    overlap = heat_vulnerability_overlap(
        grid,
        areas,
        heat=grid["heat_exposure_index"],
        index=index.frame["index"],
        population=config.population["grid"],
    )
    names = areas["name"] if "name" in areas.columns else pd.Series("", index=areas.index)
    lines = [
        f"postal areas with the most heat-vulnerable residents (cells in the top "
        f"{1 - overlap.quantile:.0%} of both heat and heat vulnerability):"
    ]
    for code, row in overlap.areas.head(top).iterrows():
        lines.append(
            f"  {code} {names.get(code, ''):<24} "
            f"{row['heat_vulnerable_residents']:>8,.0f}"
            f" of {row['residents']:>8,.0f} residents "
            f"({row['heat_vulnerable_share']:.0%})"
        )
    return overlap, lines


def vulnerability_map(twin: Twin, batch: IndicatorBatch, path: Path) -> bool:
    """Draw the heat × vulnerability map of a :func:`compute_vulnerability` batch to ``path``
    (PNG); ``False`` where the grid has no heat index to overlap."""
    from dikas.climate.maps import heat_vulnerability_map

    overlap = batch.summary.get("overlap")
    if not isinstance(overlap, HeatVulnerabilityOverlap):
        return False
    grid = read_grid(twin)
    areas, _ = read_areas(twin, year=batch.year)
    credit = twin.attribution(["areas", "grid", "rasters", "heat"])
    heat_vulnerability_map(grid, areas, overlap, path, credit=credit)
    return True


def compute_flood(
    twin: Twin, params: FloodParams | Mapping[str, Any] | None = None
) -> IndicatorBatch:
    """Buildings, residents and vulnerable residents in each flood hazard class per unit.

    Without ``hazard``, the twin's own ``flood_zones`` layer is used. Columns of ``units``
    are ``{measure}_{class}`` (``residents_100``); only units touching a hazard zone are in it.
    """
    p = _params(FloodParams, params, "flood")
    config = _config(p.config)
    if p.hazard is None:
        if not twin.has_layer("flood_zones"):
            raise MissingDataError(missing_hazard_message(config))
        zones = twin.read("flood_zones")
        if p.class_column not in zones:
            raise ParameterError(
                f"the twin's flood_zones have no column {p.class_column!r}; "
                f"columns: {', '.join(map(str, zones.columns))}"
            )
        zones = zones[zones[p.class_column].notna()]
        hazard_name = "flood_zones (twin)"
    else:
        zones = read_hazard(Path(p.hazard), class_column=p.class_column, crs=TWIN_CRS)
        hazard_name = Path(p.hazard).name
    grid = read_grid(twin)
    areas, used_year = read_areas(twin, year=p.year)
    buildings = read_buildings(twin) if twin.has_layer("buildings") else None
    units = {"grid": grid, "areas": areas, "buildings": buildings}[p.level]
    if units is None:
        raise ParameterError("the twin has no buildings layer; use level grid or areas")
    raw = raw_indicators(grid, areas, config, level="grid")
    index = vulnerability_index(raw, config, index="flood", level="grid")
    result = flood_exposure(
        zones,
        class_column=p.class_column,
        cells=grid,
        population=config.population["grid"],
        buildings=buildings,
        areas=areas,
        flood_index=index.frame["index"],
        vulnerable_quantile=p.vulnerable_quantile,
    )
    long = {"grid": result.cells, "areas": result.areas, "buildings": result.buildings}[p.level]
    table = _wide_by_class(long, p.level)
    lines = [f"flood hazard {hazard_name}, classes by {p.class_column!r}:"]
    for hazard_class, row in result.by_class.iterrows():
        lines.append(
            f"  {hazard_class!s:>10}: {int(row['buildings']):>7,} buildings, "
            f"{row['residents']:>9,.0f} residents, "
            f"{row['vulnerable_residents']:>9,.0f} vulnerable residents"
        )
    return _batch(
        "flood",
        table,
        units.loc[units.index.isin(table.index)],
        {f"flood_{c}": c for c in table.columns},
        level=p.level,
        year=used_year,
        method="flood_exposure",
        parameters={
            "hazard": str(p.hazard or "flood_zones"),
            "class_column": p.class_column,
            "vulnerable_quantile": p.vulnerable_quantile,
        },
        source_layers=["grid", "areas", "buildings"],
        summary={"lines": lines, "by_class": result.by_class},
    )


def _wide_by_class(long: pd.DataFrame, level: str) -> pd.DataFrame:
    """One row per unit, one column per measure and class (``residents_100`` …)."""
    measures = [
        c
        for c in ("residents", "vulnerable_residents", "buildings", "overlap_share")
        if c in long.columns and not (level == "grid" and c == "overlap_share")
    ]
    if long.empty:
        return pd.DataFrame(index=pd.Index([], name=unit_key(level)))
    wide = long.pivot_table(index="unit", columns="hazard_class", values=measures, aggfunc="sum")
    wide.columns = [f"{measure}_{hazard_class}" for measure, hazard_class in wide.columns]
    wide.index.name = unit_key(level)
    return wide


def compute_green(
    twin: Twin, params: GreenParams | Mapping[str, Any] | None = None
) -> IndicatorBatch:
    """Tree canopy and vegetation shares, distance to parks, hot and green-poor cells.

    Distances are measured only inside the area the park data covers (the street network's
    extent); elsewhere they are missing.
    """
    p = _params(GreenParams, params, "green")
    config = _config(p.config)
    settings = config.green
    grid = read_grid(twin)
    areas, used_year = read_areas(twin, year=p.year)
    parks = read_parks(twin, service_types=settings.park_service_types)
    surveyed = surveyed_area(twin)
    homes = (
        read_buildings(twin, residential_pattern=settings.residential_use_pattern)
        if p.level == "buildings"
        else None
    )
    population = config.population["grid"]
    if "heat_exposure_index" not in grid.columns:
        raise MissingColumnError(
            "the twin's grid lacks heat_exposure_index (rebuild the twin "
            "with the heat-exposure grid)"
        )
    cells = green_shares(grid)
    populated = grid[population].fillna(0) > 0
    cells["distance_to_green_m"] = distance_to_green(
        grid.geometry.centroid[populated], parks, surveyed=surveyed
    )
    cells["inhabitants"] = grid[population]
    selected = hot_and_green_poor(
        grid["heat_exposure_index"],
        cells["tree_canopy_share"],
        grid[population],
        hot_quantile=settings.hot_quantile,
        poor_quantile=settings.green_poor_quantile,
    )
    cells["hot_and_green_poor"] = selected.cells
    units: gpd.GeoDataFrame
    if p.level == "grid":
        table, units = cells, grid
    elif p.level == "buildings":
        if homes is None or homes.empty:
            raise ParameterError(
                "no residential building in the twin (see green.residential_use_pattern)"
            )
        table = pd.DataFrame(
            {"distance_to_green_m": distance_to_green(homes, parks, surveyed=surveyed)}
        )
        units = homes
    else:
        table = area_green_shares(grid, areas, population=population)
        with_distance = grid[["geometry", population]].assign(d=cells["distance_to_green_m"])
        table["distance_to_green_m"] = areal_overlay(
            with_distance, areas, population=population, intensive_by_population=["d"]
        )["d"]
        hot = grid[["geometry", population]].assign(r=grid[population].where(selected.cells, 0.0))
        table["hot_green_poor_residents"] = areal_overlay(
            hot, areas, population=population, extensive=["r"]
        )["r"]
        units = areas
    indicators = {f"green_{c}": c for c in table.columns if c not in ("inhabitants",)}
    lines = [
        f"{len(table):,} {p.level}: median distance to green "
        f"{table['distance_to_green_m'].median():,.0f} m over the "
        f"{int(table['distance_to_green_m'].notna().sum()):,} units inside the "
        "area the park data covers",
        f"{int(selected.cells.sum())} populated cells are hot (heat ≥ "
        f"{selected.heat_cutoff:.3f}) and green-poor (canopy ≤ "
        f"{selected.canopy_cutoff:.1%}), home to {selected.residents:,.0f} residents",
    ]
    return _batch(
        "green",
        table,
        units,
        indicators,
        level=p.level,
        year=used_year,
        method="green_infrastructure",
        parameters={
            "park_service_types": list(settings.park_service_types),
            "hot_quantile": settings.hot_quantile,
            "green_poor_quantile": settings.green_poor_quantile,
        },
        source_layers=["grid", "services", p.level],
        summary={"lines": lines},
    )
