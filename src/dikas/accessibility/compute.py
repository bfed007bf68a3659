"""Accessibility as one Python call: what ``dikas access measures`` and ``dikas equity`` compute.

:func:`compute_access` gives every 250 m cell's minutes to the nearest (and *n*-th nearest)
service of each type, services within the threshold, gravity accessibility and 2SFCA /
E2SFCA, plus each postal area's inhabitant-weighted mean of its cells, as an
:class:`~dikas.twin.indicator_batch.IndicatorBatch` holding exactly the rows the command
stores. :func:`compute_equity` gives coverage, mean time and inequality by population group.
Cells the street network does not reach stay in the batch's ``units`` with a ``reason``.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.accessibility.areas import area_measures
from dikas.accessibility.equity import summarize_equity
from dikas.accessibility.indicators import to_indicator_rows
from dikas.accessibility.locations import destinations_from_twin, near_network, origins_from_twin
from dikas.accessibility.matrix import DEFAULT_CHUNK_SIZE, twin_travel_times
from dikas.accessibility.measures import (
    DEFAULT_GRAVITY_BETA,
    capacities,
    measure_table,
    nearest_travel_time,
)
from dikas.accessibility.network import StreetNetwork
from dikas.accessibility.population import (
    ALL,
    PopulationGroups,
    groups_per_area,
    groups_per_cell,
)
from dikas.errors import DataError, MissingColumnError, ParameterError
from dikas.params import P, coerce_params
from dikas.progress import step
from dikas.settings import load_settings
from dikas.twin.aggregation import population_weighted_by_postal_code
from dikas.twin.indicator_batch import IndicatorBatch
from dikas.twin.schema import unit_key
from dikas.twin.store import Twin

DEFAULT_SERVICE_TYPES = ("health_station", "school", "daycare", "library", "grocery", "park")
"""Service types analysed when none are named."""
SNAP_MARGIN_M = 500.0
"""Twin origins farther than this outside the street network's extent are left out."""
MODES = ("walk", "bike", "transit")
SOURCE_LAYERS = ("grid", "services", "network_edges")
Mode = Literal["walk", "bike", "transit"]


@dataclass(frozen=True)
class AccessParams:
    """Parameters of :func:`compute_access` (the defaults of ``dikas access measures``)."""

    mode: Mode = "walk"
    """Travel mode: ``walk``, ``bike`` or ``transit``."""
    service_types: tuple[str, ...] = ()
    """Service types; empty: those of :data:`DEFAULT_SERVICE_TYPES` the twin has."""
    n: int = 3
    """Also the time to the *n*-th nearest service."""
    threshold_min: float = 15.0
    """Minutes for cumulative opportunities and the 2SFCA catchment."""
    beta: float = DEFAULT_GRAVITY_BETA
    """Gravity decay per minute (negative exponential)."""
    max_time_min: float = 60.0
    """Longest travel time searched, minutes."""
    departure: dt.datetime | None = None
    """Transit only: first departure (default 08:00 on the feed's busiest weekday)."""
    window_min: int = 60
    """Transit only: departure window in minutes (median time)."""
    speed_mps: float | None = None
    """Walking or cycling speed in m/s (default walk 1.2, bike 4.2)."""
    chunk_size: int = DEFAULT_CHUNK_SIZE
    """Origins per chunk (one task each on Dask)."""
    dask_address: str | None = None
    """A Dask scheduler (``tcp://HOST:PORT``) to run the matrix on."""


@dataclass(frozen=True)
class EquityParams:
    """Parameters of :func:`compute_equity` (the defaults of ``dikas equity``)."""

    modes: tuple[Mode, ...] = ("walk",)
    """Travel modes."""
    service_types: tuple[str, ...] = ()
    """Service types; empty: those of :data:`DEFAULT_SERVICE_TYPES` the twin has."""
    threshold_min: float = 15.0
    """Coverage threshold in minutes (the "15-minute city")."""
    units: Literal["grid", "areas"] = "grid"
    """Population units: 250 m cells (groups spread from postal areas) or postal areas."""
    year: int | None = None
    """Year of the postal-area statistics (default: the latest)."""
    max_time_min: float = 60.0
    departure: dt.datetime | None = None
    window_min: int = 60
    chunk_size: int = DEFAULT_CHUNK_SIZE
    dask_address: str | None = None


def _params(kind: type[P], params: P | Mapping[str, Any] | None) -> P:
    value = coerce_params(kind, params)
    for mode in getattr(value, "modes", ()) or (getattr(value, "mode", "walk"),):
        if mode not in MODES:
            raise ParameterError(f"unknown mode {mode!r}; use {', '.join(MODES)}")
    return value


def grid_origins(twin: Twin) -> tuple[gpd.GeoDataFrame, list[str]]:
    """The grid cells' centroids near the street network, and a note on those left out."""
    origins, _ = origins_from_twin(twin, "grid")
    extent = twin.extent("network_edges")
    notes = []
    if extent is not None:
        kept = near_network(origins, extent, margin_m=SNAP_MARGIN_M)
        if len(kept) < len(origins):
            notes.append(
                f"{len(origins) - len(kept)} of {len(origins)} grid origins lie "
                f"outside the street network's extent and are left out"
            )
        origins = kept
    return origins, notes


def unsnapped_notes(frame: pd.DataFrame) -> list[str]:
    """One line per role (origins, destinations) naming the points not on the network."""
    notes = []
    for role in ("origins", "destinations"):
        missing = frame.attrs.get(f"unsnapped_{role}", [])
        if missing:
            shown = ", ".join(map(str, missing[:5])) + (" …" if len(missing) > 5 else "")
            notes.append(
                f"{len(missing)} {role} could not be snapped to the network "
                f"(no travel times): {shown}"
            )
    return notes


def read_matrix(path: Path) -> pd.DataFrame:
    """A travel-time table written by ``dikas access matrix`` (or r5py)."""
    if not path.is_file():
        raise DataError("file does not exist", path=path)
    frame = pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path)
    missing = [c for c in ("from_id", "to_id", "travel_time") if c not in frame.columns]
    if missing:
        raise MissingColumnError(f"travel-time table lacks column(s) {missing}", path=path)
    return frame


def _service_types(twin: Twin, named: Sequence[str]) -> tuple[str, ...]:
    if named:
        return tuple(named)
    available = set(twin.read("services", columns=["service_type"])["service_type"])
    return tuple(t for t in DEFAULT_SERVICE_TYPES if t in available)


def compute_access(
    twin: Twin,
    params: AccessParams | Mapping[str, Any] | None = None,
    *,
    travel_times: pd.DataFrame | None = None,
) -> IndicatorBatch:
    """Accessibility of every grid cell to each service type, and per postal area.

    Per cell and service type: minutes to the nearest and the *n*-th nearest service,
    services within the threshold (capacities where known, else counts), gravity
    accessibility, and 2SFCA / enhanced 2SFCA with the cells' inhabitants as demand; each
    postal area gets the inhabitant-weighted mean of its cells' values
    (:mod:`dikas.accessibility.areas`). ``travel_times`` (``from_id, to_id, travel_time``)
    replaces the routed grid × services matrix.

    Returns a batch at level ``grid`` whose ``rows`` are what ``dikas access measures``
    stores (cells, then the areas' means, at level ``areas``); ``units`` holds every grid
    cell (``{service_type}_{measure}`` columns, geometry) with ``reason``
    ``outside_coverage`` (beyond the street network) or ``unreachable`` (no service within
    ``max_time_min``); ``summary["by_service_type"]`` the residents' median time and share
    within the threshold, ``summary["notes"]`` what was left out.

    Example::

        batch = dikas.compute_access(twin, {"mode": "bike", "service_types": ["library"]})
        batch.value("access_bike_nearest_1_library", "00100")   # a postal area's mean
    """
    p = _params(AccessParams, params)
    types = _service_types(twin, p.service_types)
    origins, notes = grid_origins(twin)
    services, _ = destinations_from_twin(twin, "services", service_types=types)
    linked = "postal_code" in twin.columns("grid")
    grid = twin.read(
        "grid", columns=["cell_id", "inhabitants"] + (["postal_code"] if linked else [])
    )
    if travel_times is None:
        with (
            step(f"{p.mode} travel times, {len(origins)} cells × {len(services)} services"),
            warnings.catch_warnings(),
        ):
            warnings.simplefilter("ignore", UserWarning)  # listed in the notes
            travel_times = twin_travel_times(
                twin,
                p.mode,
                origins,
                services,
                origin_id="cell_id",
                destination_id="service_id",
                max_time_min=p.max_time_min,
                speed_mps=p.speed_mps,
                departure=p.departure,
                window_min=p.window_min,
                chunk_size=p.chunk_size,
                dask_address=p.dask_address,
            )
        notes += unsnapped_notes(travel_times)
    if not linked:
        notes.append("the grid has no postal_code links: measures stored for cells only")
    demand = grid.set_index("cell_id")["inhabitants"].astype(float).fillna(0.0)
    parameters = {
        "threshold_min": p.threshold_min,
        "beta": p.beta,
        "n": p.n,
        "max_time_min": p.max_time_min,
        "speed_mps": p.speed_mps,
        "departure": p.departure.isoformat() if p.departure else None,
        "window_min": p.window_min if p.mode == "transit" else None,
    }
    tables, rows, summary = [], [], []
    for service_type in types:
        of_type = services[services["service_type"] == service_type]
        table = measure_table(
            travel_times[travel_times["to_id"].isin(of_type["service_id"])],
            n=p.n,
            threshold_min=p.threshold_min,
            beta=p.beta,
            supply=capacities(of_type, id_column="service_id"),
            demand=demand,
        )
        rows.append(
            _indicator_rows(
                table,
                grid if linked else None,
                mode=p.mode,
                service_type=service_type,
                parameters=parameters,
            )
        )
        tables.append(table.add_prefix(f"{service_type}_"))
        weights = demand.reindex(table.index).fillna(0.0)
        within = (table["nearest_1"] <= p.threshold_min).to_numpy()
        summary.append(
            {
                "service_type": service_type,
                "services": len(of_type),
                "median_nearest_min": weighted_median(table["nearest_1"], weights),
                f"inhabitants_within_{p.threshold_min:g}_min": weights[within].sum()
                / max(weights.sum(), 1e-9),
            }
        )
    units = _access_units(twin, tables, origins, types)
    return IndicatorBatch(
        family="access",
        level="grid",
        year=None,
        rows=pd.concat(rows, ignore_index=True),
        units=units,
        parameters={"mode": p.mode, "service_types": list(types), **parameters},
        source_layers=SOURCE_LAYERS,
        method=f"dikas.accessibility ({p.mode})",
        summary={"by_service_type": pd.DataFrame(summary), "notes": notes},
    )


def _access_units(
    twin: Twin, tables: list[pd.DataFrame], origins: gpd.GeoDataFrame, types: Sequence[str]
) -> gpd.GeoDataFrame:
    """Every grid cell with its measures and why a cell has none."""
    cells = twin.read("grid", columns=["cell_id"]).set_index(unit_key("grid"))
    wide = pd.concat(tables, axis=1) if tables else pd.DataFrame(index=cells.index)
    units = cells.join(wide.rename_axis(unit_key("grid")), how="left")
    nearest = [f"{t}_nearest_1" for t in types if f"{t}_nearest_1" in units.columns]
    reached = units[nearest].notna().any(axis=1) if nearest else pd.Series(False, units.index)
    routed = units.index.isin(origins["cell_id"])
    reason = pd.Series("outside_coverage", index=units.index, dtype=object)
    reason.loc[routed] = "unreachable"
    units["reason"] = reason.mask(reached, None)
    return units


def _indicator_rows(
    table: pd.DataFrame,
    grid: pd.DataFrame | None,
    *,
    mode: str,
    service_type: str,
    parameters: Mapping[str, object],
) -> pd.DataFrame:
    """Indicator rows of one service type: every cell, and (when ``grid`` links cells to
    postal areas) every area as the inhabitant-weighted mean of its cells.

    Cells keep rows without a value ("not reached"); areas without a valued, inhabited cell
    get no row (:func:`dikas.accessibility.areas.area_measures`).
    """
    method = f"dikas.accessibility ({mode})"
    sources = list(SOURCE_LAYERS)
    cells = to_indicator_rows(
        table,
        mode=mode,
        service_type=service_type,
        level="grid",
        method=method,
        parameters=parameters,
        source_layers=sources,
    )
    if grid is None:
        return cells
    areas = to_indicator_rows(
        area_measures(table, grid),
        mode=mode,
        service_type=service_type,
        level="areas",
        method=f"{method}, inhabitant-weighted mean of grid cells",
        parameters=dict(
            parameters,
            aggregation="inhabitant_weighted_mean",
            weight="grid.inhabitants",
            link="grid.postal_code",
        ),
        source_layers=sources,
    )
    return pd.concat([cells, areas.dropna(subset=["value"])], ignore_index=True)


def weighted_median(values: pd.Series, weights: pd.Series) -> float:
    """The weighted median of ``values`` (``NaN`` and zero weights left out)."""
    keep = values.notna() & (weights > 0)
    if not keep.any():
        return float("nan")
    order = np.argsort(values[keep].to_numpy())
    x = values[keep].to_numpy()[order]
    cumulative = np.cumsum(weights[keep].to_numpy()[order])
    return float(x[np.searchsorted(cumulative, cumulative[-1] / 2)])


# -- equity ----------------------------------------------------------------------------------
EQUITY_MEASURES = ("population", "mean_time", "coverage", "gini", "theil")
"""Per-group values blanked for groups under the privacy threshold."""


def compute_equity(
    twin: Twin,
    params: EquityParams | Mapping[str, Any] | None = None,
    *,
    travel_times: Mapping[str, pd.DataFrame] | None = None,
) -> IndicatorBatch:
    """Accessibility by population group: coverage, mean time and inequality indices.

    For each mode and service type: the share of each group (all, ages 0–6 and 75+, income
    classes, unemployed, renter households) within the threshold of the nearest service,
    the group's mean travel time, and Gini, Theil, Palma and the income concentration index
    of travel time. Groups smaller than ``DIKAS_MIN_COUNT`` show no values.
    ``travel_times`` maps a mode to a precomputed grid × services matrix.

    Returns a batch at level ``city``: ``rows`` hold ``equity_{mode}_{service_type}_{measure}``
    per population group, ``summary["groups"]`` the table ``dikas equity --json`` prints
    under ``groups`` and ``summary["city"]`` the inequality indices (``city``).
    """
    p = _params(EquityParams, params)
    files = dict(travel_times or {})
    modes = tuple(dict.fromkeys((*p.modes, *files)))
    min_count = load_settings().min_count
    frames, city_rows = [], []
    origins, notes = grid_origins(twin)
    types = _service_types(twin, p.service_types)
    services, _ = destinations_from_twin(twin, "services", service_types=types)
    grid = twin.read("grid", columns=["cell_id", "inhabitants", "postal_code"])
    years = twin.years("areas")
    if p.year is not None and p.year not in years:
        raise ParameterError(f"no postal-area statistics for {p.year}; years: {years}")
    year = p.year or max(years)
    areas = twin.read("areas", year=year)
    groups = groups_per_cell(grid, areas) if p.units == "grid" else groups_per_area(areas)
    for mode in modes:
        if mode in files:
            matrix = files[mode]
        else:
            network = StreetNetwork.from_twin(twin, mode) if mode != "transit" else None  # type: ignore[arg-type]
            with (
                step(f"{mode} travel times, {len(origins)} cells × {len(services)} services"),
                warnings.catch_warnings(),
            ):
                warnings.simplefilter("ignore", UserWarning)
                matrix = twin_travel_times(
                    twin,
                    mode,
                    origins,
                    services,
                    origin_id="cell_id",
                    destination_id="service_id",
                    max_time_min=p.max_time_min,
                    departure=p.departure,
                    window_min=p.window_min,
                    chunk_size=p.chunk_size,
                    dask_address=p.dask_address,
                    network=network,
                )
        for service_type in types:
            ids = services.loc[services["service_type"] == service_type, "service_id"]
            nearest = nearest_travel_time(matrix[matrix["to_id"].isin(ids)])
            table, city = _equity_summary(nearest, groups, grid, p.threshold_min)
            frames.append(_private(table.assign(mode=mode, service_type=service_type), min_count))
            city_rows.append({"mode": mode, "service_type": service_type, **city})
    table = pd.concat(frames).reset_index()
    city_table = pd.DataFrame(city_rows)
    parameters = {
        "modes": list(modes),
        "service_types": list(types),
        "threshold_min": p.threshold_min,
        "units": p.units,
        "max_time_min": p.max_time_min,
        "window_min": p.window_min,
        "departure": p.departure.isoformat() if p.departure else None,
    }
    return IndicatorBatch(
        family="equity",
        level="city",
        year=year,
        rows=_equity_rows(table, city_table, year=year, parameters=parameters),
        units=pd.DataFrame(
            {"reason": pd.Series(dtype=object)}, index=pd.Index([], name=unit_key("city"))
        ),
        parameters=parameters,
        source_layers=("areas", "grid", "services", "network_edges"),
        method="dikas.accessibility.equity",
        summary={"groups": table, "city": city_table, "notes": notes},
    )


def _equity_summary(
    nearest: pd.Series, groups: PopulationGroups, grid: pd.DataFrame, threshold_min: float
) -> tuple[pd.DataFrame, dict[str, float]]:
    # Only units the matrix covers: the network's extent, not the whole region.
    if groups.level == "areas":
        nearest = population_weighted_by_postal_code(nearest, grid)
    counts = groups.counts.loc[groups.counts.index.intersection(nearest.index)]
    summary = summarize_equity(
        nearest, counts, population=ALL, income=groups.income, threshold_min=threshold_min
    )
    return summary.table, dict(summary.city)


def _private(table: pd.DataFrame, min_count: int) -> pd.DataFrame:
    """Groups with fewer people than the threshold show no values (city-level groups)."""
    small = table["population"] < min_count
    table = table.copy()
    table.loc[small, list(EQUITY_MEASURES)] = float("nan")
    return table


def _equity_rows(
    groups: pd.DataFrame, city: pd.DataFrame, *, year: int, parameters: Mapping[str, object]
) -> pd.DataFrame:
    rows = []
    for record in groups.to_dict(orient="records"):
        for measure in ("population", "mean_time", "coverage"):
            rows.append(
                {
                    "indicator": f"equity_{record['mode']}_{record['service_type']}_{measure}",
                    "population_group": str(record["group"]),
                    "value": record[measure],
                }
            )
    for record in city.to_dict(orient="records"):
        for measure, value in record.items():
            if measure not in ("mode", "service_type"):
                rows.append(
                    {
                        "indicator": f"equity_{record['mode']}_{record['service_type']}_{measure}",
                        "population_group": ALL,
                        "value": value,
                    }
                )
    frame = pd.DataFrame(rows, columns=["indicator", "population_group", "value"])
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    frame = frame[np.isfinite(frame["value"].astype(float))].reset_index(drop=True)
    frame["level"] = "city"
    frame["unit_id"] = "all"
    frame["year"] = year
    frame["method"] = "dikas.accessibility.equity"
    frame["parameters"] = [dict(parameters)] * len(frame)
    frame["source_layers"] = [["areas", "grid", "services", "network_edges"]] * len(frame)
    return frame
