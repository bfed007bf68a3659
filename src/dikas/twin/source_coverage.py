"""Where each source reaches: the twin's ``coverage`` layer.

An indicator is only meaningful where its inputs exist: walk times where the street network
was extracted, transit times where the feed has stops, service counts where the register
or OSM data covers, heat where the raster has pixels. Each coverage row is a (multi)polygon
made of the grid cells a source reaches, so the map and reports can draw it and indicator
outputs can say "outside coverage" instead of "suppressed" for units outside it.

Rules (cells of the 250 m grid; every distance is from the cell centre):

* ``street_network`` — a network node within :data:`SNAP_DISTANCE_M` (the distance origins
  are snapped to in accessibility computations);
* ``transit`` — inside the street network's reach and a stop within
  :data:`STOP_DISTANCE_M`;
* ``services`` (one row per ``source`` value) — register services: the postal areas of the
  municipalities their units lie in; OSM services: the street network's reach (the OSM
  extract);
* ``buildings`` (per ``source``) — cells holding at least one building of that source;
* ``heat`` — cells with raster pixels; ``grid`` and ``areas`` — the layers themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.spatial import cKDTree

from dikas.settings import TWIN_CRS
from dikas.sources.catalog import Dataset
from dikas.twin.schema import FINE_GRAINED_LEVELS, LEVELS, unit_key
from dikas.twin.store import Twin

SNAP_DISTANCE_M = 500.0
"""Cells farther than this from every street-network node are outside its reach."""

STOP_DISTANCE_M = 1000.0
"""Cells farther than this from every stop are outside the timetable's reach."""

COVERAGE_KINDS = ("areas", "grid", "street_network", "transit", "services", "buildings", "heat")


def _union(geometries: Iterable[shapely.Geometry]) -> shapely.Geometry:
    return shapely.union_all(np.asarray(list(geometries), dtype=object), grid_size=0.01)


def _within(points: np.ndarray, targets: np.ndarray, distance: float) -> np.ndarray:
    if len(targets) == 0 or len(points) == 0:
        return np.zeros(len(points), dtype=bool)
    nearest, _ = cKDTree(targets).query(points, k=1, distance_upper_bound=distance)
    return np.isfinite(nearest)


def _xy(frame: gpd.GeoDataFrame) -> np.ndarray:
    return np.column_stack([frame.geometry.x.to_numpy(), frame.geometry.y.to_numpy()])


def coverage_layer(twin: Twin, *, datasets: Iterable[Dataset] = ()) -> gpd.GeoDataFrame:
    """One row per source reach: ``kind``, ``source``, ``layer``, ``description``, ``area_km2``.

    ``datasets`` (the catalog's) only name the sources in the ``source`` column.
    """
    by_format: dict[str, list[str]] = {}
    for dataset in datasets:
        by_format.setdefault(dataset.format, []).append(dataset.name)
    names = {fmt: ", ".join(found) for fmt, found in by_format.items()}
    rows: list[dict[str, object]] = []

    def add(
        kind: str, layer: str, source: str, description: str, geometry: shapely.Geometry
    ) -> None:
        if geometry is None or geometry.is_empty:
            return
        rows.append(
            {
                "kind": kind,
                "layer": layer,
                "source": source,
                "description": description,
                "area_km2": geometry.area / 1e6,
                "geometry": geometry,
            }
        )

    if twin.has_layer("areas"):
        years = twin.years("areas")
        areas = twin.read("areas", year=years[-1] if years else None)
        add(
            "areas",
            "areas",
            names.get("paavo", "areas"),
            "postal areas with statistics",
            _union(areas.geometry),
        )
    if not twin.has_layer("grid"):
        return _frame(rows)
    grid = twin.read("grid", columns=["cell_id", "geometry"])
    cells = grid.geometry.to_numpy()
    centres = np.column_stack([grid.geometry.centroid.x, grid.geometry.centroid.y])
    add("grid", "grid", names.get("hsy_grid", "grid"), "population grid cells", _union(cells))
    network = np.zeros(len(grid), dtype=bool)
    if twin.has_layer("network_nodes"):
        # coordinates straight from DuckDB: no shapely point per node (millions in a region)
        nodes = twin.sql("SELECT ST_X(geometry) AS x, ST_Y(geometry) AS y FROM network_nodes")
        network = _within(centres, nodes[["x", "y"]].to_numpy(dtype=float), SNAP_DISTANCE_M)
        add(
            "street_network",
            "network_edges",
            names.get("osm_pbf", "osm"),
            f"cells within {SNAP_DISTANCE_M:.0f} m of the walk and bike network",
            _union(cells[network]),
        )
    if twin.has_layer("stops"):
        stops = twin.read("stops", columns=["geometry"])
        transit = network & _within(centres, _xy(stops), STOP_DISTANCE_M)
        add(
            "transit",
            "stops",
            names.get("gtfs", "gtfs"),
            f"street-network cells within {STOP_DISTANCE_M:.0f} m of a stop",
            _union(cells[transit]),
        )
    if twin.has_layer("services"):
        _service_rows(twin, add, cells[network])
    if twin.has_layer("buildings"):
        buildings = twin.read("buildings", columns=["source", "cell_id"])
        for source, group in buildings.groupby("source"):
            held = grid["cell_id"].isin(set(group["cell_id"].dropna()))
            add(
                "buildings",
                "buildings",
                str(source),
                f"cells with {source} buildings",
                _union(cells[held.to_numpy()]),
            )
    if twin.has_layer("heat"):
        heat = twin.read("heat")
        valid = heat[(heat["unit_level"] == "grid") & (heat["valid_pixels"] > 0)]
        held = grid["cell_id"].isin(set(valid["unit_id"]))
        add(
            "heat",
            "heat",
            names.get("raster", "raster"),
            "cells with heat-raster pixels",
            _union(cells[held.to_numpy()]),
        )
    return _frame(rows)


def _service_rows(twin: Twin, add: object, network_cells: np.ndarray) -> None:
    services = twin.read("services", columns=["source", "postal_code"])
    for source, group in services.groupby("source"):
        if source == "osm":
            add(
                "services",
                "services",
                "osm",  # type: ignore[operator]
                "OSM points of interest: the reach of the OSM extract",
                _union(network_cells),
            )
            continue
        if not twin.has_layer("areas"):
            continue
        years = twin.years("areas")
        areas = twin.read("areas", year=years[-1] if years else None)
        if "municipality" not in areas:
            continue
        held = set(
            areas.loc[
                areas["postal_code"].isin(set(group["postal_code"].dropna())), "municipality"
            ].dropna()
        )
        add(
            "services",
            "services",
            str(source),  # type: ignore[operator]
            f"{source} units: the municipalities it covers ({', '.join(sorted(held))})",
            _union(areas.loc[areas["municipality"].isin(held), "geometry"]),
        )


def _frame(rows: list[dict[str, object]]) -> gpd.GeoDataFrame:
    columns = ["coverage_id", "kind", "layer", "source", "description", "area_km2", "geometry"]
    if not rows:
        return gpd.GeoDataFrame(columns=columns, geometry="geometry", crs=TWIN_CRS)
    frame = pd.DataFrame(rows)
    frame.insert(0, "coverage_id", [f"{r['kind']}:{r['source']}" for r in rows])
    return gpd.GeoDataFrame(frame[columns], geometry="geometry", crs=TWIN_CRS)


_INDICATOR_COVERAGE = (
    ("access_walk_", "street_network"),
    ("access_bike_", "street_network"),
    ("access_transit_", "transit"),
    ("heat_mean", "heat"),
    ("heat_max", "heat"),
    ("heat_share_above", "heat"),
    ("heat_hottest_", "heat"),
    ("heat_population_", "heat"),
)
"""Indicator name prefix → the coverage kind its values need (the zonal statistics of the
heat raster need its pixels; a grid's own heat attribute does not)."""

NO_DATA_REASONS = ("suppressed", "outside_coverage", "not_computed", "no_data")
"""Why a unit has no value: blanked under the privacy threshold, outside the reach of the
indicator's source, not computed for it, or missing in the source itself."""


def coverage_kind(indicator: str) -> str | None:
    """The coverage kind an indicator's values depend on (``None``: the unit layer itself)."""
    return next(
        (kind for prefix, kind in _INDICATOR_COVERAGE if indicator.startswith(prefix)), None
    )


def units_outside(twin: Twin, *, level: str, kind: str) -> set[str]:
    """Ids of the ``level`` units outside the reach of ``kind`` (empty without coverage).

    Grid cells and buildings are outside when their centre is; postal areas and districts
    when they do not touch the reach at all (their accessibility values average the cells
    inside, and profiles say which share of the inhabitants that is).
    """
    if not twin.has_layer("coverage") or not twin.has_layer(level):
        return set()
    coverage = twin.read("coverage")
    reach = coverage.loc[coverage["kind"] == kind, "geometry"]
    if reach.empty:
        return set()
    region = shapely.union_all(reach.to_numpy())
    if level not in LEVELS or LEVELS[level].layer is None:
        return set()
    key = unit_key(level)
    years = twin.years(level)
    units = twin.read(level, year=years[-1] if years else None, columns=[key, "geometry"])
    shapely.prepare(region)
    if level in FINE_GRAINED_LEVELS:
        centres = units.geometry.centroid
        inside = shapely.contains_xy(region, centres.x.to_numpy(), centres.y.to_numpy())
    else:
        inside = shapely.intersects(region, units.geometry.to_numpy())
    return set(units.loc[~inside, key].astype(str))


def reach_of_area(twin: Twin, *, column: str, unit_id: str) -> list[dict[str, object]]:
    """For one area, the share of its inhabitants inside each source's reach.

    ``column`` is the grid's link column (``postal_code``); the shares are the inhabitants
    of the area's cells whose centre lies inside each coverage row, over all its cells'
    inhabitants. Reports and profiles state these so a reader knows what a value stands for.
    """
    if not (
        twin.has_layer("coverage") and twin.has_layer("grid") and column in twin.columns("grid")
    ):
        return []
    grid = twin.read("grid", columns=[column, "inhabitants", "geometry"])
    cells = grid[grid[column].astype(str) == str(unit_id)]
    people = cells["inhabitants"].fillna(0).to_numpy(float)
    if cells.empty or people.sum() <= 0:
        return []
    centres = cells.geometry.centroid
    rows = []
    for row in twin.read("coverage").itertuples():
        if row.kind in ("areas", "grid"):
            continue
        inside = shapely.contains_xy(row.geometry, centres.x.to_numpy(), centres.y.to_numpy())
        rows.append(
            {
                "kind": row.kind,
                "source": row.source,
                "description": row.description,
                "inhabitant_share": float(people[inside].sum() / people.sum()),
            }
        )
    return rows
