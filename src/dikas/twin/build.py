"""Building a twin from a city's catalog: sources → one DuckDB file.

The build writes to a temporary file beside the target and renames it into place only when
every step succeeded, so an existing twin is never touched by a failed build. Each layer is
produced by the reader its catalog entries' ``format`` names; nothing here is city-specific.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.errors import MissingDataError
from dikas.progress import step
from dikas.settings import Settings
from dikas.sources.acquire import acquire
from dikas.sources.catalog import Catalog, Dataset
from dikas.sources.citygml import read_citygml
from dikas.sources.gtfs import read_gtfs
from dikas.sources.hsy_grid import read_age_grid, read_population_grid
from dikas.sources.landcover import read_landcover_areas
from dikas.sources.osm_features import read_osm_buildings, read_osm_landcover, read_osm_services
from dikas.sources.osm_network import read_street_network
from dikas.sources.paavo import read_paavo
from dikas.sources.raster import read_raster
from dikas.twin.links import link_to_units, transfer_attributes
from dikas.twin.store import Twin
from dikas.twin.tempfiles import disk_full, is_disk_full, owned, remove_stale, sigterm_exits
from dikas.twin.zonal import RasterBand, zonal_statistics

CELL_AREA_M2 = 250.0 * 250.0
OVERLAP_SHARE = 0.5
"""An OSM building overlapping a CityGML footprint by more than this share is a duplicate."""


@dataclass
class BuildSummary:
    """What a build produced: rows per layer and elapsed seconds."""

    path: Path
    build_id: str
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass
class _Context:
    catalog: Catalog
    settings: Settings
    twin: Twin
    paths: dict[str, Path]
    show_progress: bool
    summary: BuildSummary

    def datasets(self, fmt: str) -> list[Dataset]:
        return [d for d in self.catalog.by_format(fmt) if d.name in self.paths]

    def save(self, layer: str, frame: pd.DataFrame, datasets: list[Dataset], *,
             repaired: int = 0, notes: str = "") -> None:
        self.twin.write_layer(layer, frame)
        self.twin.write_provenance(layer, datasets=[asdict(d) for d in datasets],
                                   row_count=len(frame), repaired_geometries=repaired,
                                   notes=notes)
        self.summary.rows[layer] = len(frame)


def resolve_inputs(catalog: Catalog, settings: Settings) -> dict[str, Path]:
    """Verified local paths of every obtainable dataset (single-part datasets)."""
    return {name: parts[0].path for name, parts in acquire(catalog, settings).items()
            if parts}


def build_twin(catalog: Catalog, settings: Settings, out: Path | str, *,
               show_progress: bool = True) -> BuildSummary:
    """Build the twin of ``catalog``'s city into ``out`` (atomically replaced on success)."""
    started = time.perf_counter()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with step("checking data files (mirror / cache / download, sha256)", enabled=show_progress):
        paths = resolve_inputs(catalog, settings)
    build_id = uuid.uuid4().hex[:12]
    tmp = out.with_name(f".{out.name}.{build_id}.tmp")
    summary = BuildSummary(path=out, build_id=build_id)
    # leftovers of killed builds go; SIGTERM and a full disk clean up and say one line
    remove_stale(out)
    unchanged = f"{out} is unchanged" if out.exists() else f"no {out} was written"
    try:
        with sigterm_exits(f"dikas: error: build of {out} stopped by SIGTERM; {unchanged}"), \
                owned(tmp):
            with Twin.create(tmp, city=catalog.city, build_id=build_id) as twin:
                ctx = _Context(catalog, settings, twin, paths, show_progress, summary)
                for description, builder in _STEPS:
                    with step(description, enabled=show_progress):
                        builder(ctx)
            os.replace(tmp, out)
    except Exception as exc:
        if is_disk_full(exc, out.parent):
            raise disk_full(f"building {out}", out.parent) from exc
        raise
    summary.seconds = time.perf_counter() - started
    return summary


# -- layer builders ----------------------------------------------------------------------------
def _areas(ctx: _Context) -> None:
    if not ctx.datasets("paavo"):
        raise MissingDataError(f"catalog {ctx.catalog.city!r} has no 'paavo' dataset: the "
                               "areas layer is required")
    frames, repaired, used = [], 0, []
    for dataset in ctx.datasets("paavo"):
        for year in dataset.years:
            frame, report = read_paavo(ctx.paths[dataset.name], year=year, dataset=dataset.name)
            frames.append(frame)
            repaired += report.repaired
        used.append(dataset)
    areas = pd.concat(frames, ignore_index=True)
    ctx.save("areas", gpd.GeoDataFrame(areas, geometry="geometry", crs=frames[0].crs), used,
             repaired=repaired, notes="year taken from the catalog entry, not the file's "
                                      "'year' column; Paavo -1 (protected) stored as NULL")


def _latest_areas(ctx: _Context) -> gpd.GeoDataFrame:
    years = ctx.twin.years("areas")
    return ctx.twin.read("areas", year=years[-1], columns=["postal_code", "geometry"])


def _grid(ctx: _Context) -> None:
    datasets = ctx.datasets("hsy_grid")
    base = next((d for d in datasets if d.role == "base"), None)
    if base is None:
        return
    grid, report = read_population_grid(ctx.paths[base.name], dataset=base.name,
                                        assumed_crs=base.crs)
    grid = grid.reset_index(drop=True)
    notes = [f"cells and inhabitants from {base.name} ({base.years[0] if base.years else '?'})"]
    repaired = report.repaired
    # Attribute grids in catalog order; the later (more specific) one wins where both cover.
    for dataset in [d for d in datasets if d.role == "attributes"]:
        extra, rep = read_age_grid(ctx.paths[dataset.name], dataset=dataset.name,
                                   assumed_crs=dataset.crs)
        repaired += rep.repaired
        extra = extra.rename(columns={"inhabitants": "attribute_grid_inhabitants"})
        columns = [c for c in extra.columns if c != "geometry"]
        aligned, unmatched = transfer_attributes(grid, extra, columns)
        for column in columns:
            if column in grid:
                grid[column] = aligned[column].where(aligned[column].notna(), grid[column])
            else:
                grid[column] = aligned[column]
        notes.append(f"{', '.join(c for c in columns if c != 'attribute_grid_inhabitants')} "
                     f"from {dataset.name} ({unmatched} of its cells outside the base grid)")
    if "age_suppressed" in grid:
        grid["age_suppressed"] = grid["age_suppressed"].astype("boolean")
    grid["postal_code"] = link_to_units(grid, _latest_areas(ctx), unit_id="postal_code")
    grid["in_city"] = grid["postal_code"].notna()
    ctx.save("grid", grid, [base, *[d for d in datasets if d.role == "attributes"]],
             repaired=repaired, notes="; ".join(notes) +
             "; age bands NULL where HSY suppressed them (all fields 99)")


def _buildings(ctx: _Context) -> None:
    parts, used, repaired = [], [], 0
    for dataset in ctx.datasets("citygml"):
        parts.append(read_citygml(ctx.paths[dataset.name], dataset=dataset.name))
        used.append(dataset)
    citygml = pd.concat(parts, ignore_index=True) if parts else None
    for dataset in ctx.datasets("osm_pbf"):
        osm = read_osm_buildings(ctx.paths[dataset.name], dataset=dataset.name)
        repaired += int(osm.attrs.get("repaired", 0))
        if citygml is not None and len(osm):
            osm = _drop_duplicates_of(osm, citygml)
        parts.append(osm)
        used.append(dataset)
    if not parts:
        return
    buildings = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry",
                                 crs=parts[0].crs)
    buildings = _link(ctx, buildings)
    ctx.save("buildings", buildings, used, repaired=repaired,
             notes="CityGML LoD2 footprints; OSM buildings overlapping a CityGML footprint by "
                   f"more than {OVERLAP_SHARE:.0%} dropped as duplicates")


def _drop_duplicates_of(osm: gpd.GeoDataFrame, reference: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    pairs = gpd.sjoin(osm[["geometry"]], reference[["geometry"]], predicate="intersects")
    if pairs.empty:
        return osm
    left = osm.geometry.loc[pairs.index].to_numpy()
    right = reference.geometry.iloc[pairs["index_right"].to_numpy()].to_numpy()
    overlap = np.array([a.intersection(b).area / a.area if a.area else 0.0
                        for a, b in zip(left, right, strict=True)])
    duplicate = pairs.index[overlap > OVERLAP_SHARE].unique()
    return osm.drop(index=duplicate)


def _link(ctx: _Context, features: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    features = features.reset_index(drop=True)
    features["postal_code"] = link_to_units(features, _latest_areas(ctx), unit_id="postal_code")
    if ctx.twin.has_layer("grid"):
        grid = ctx.twin.read("grid", columns=["cell_id", "geometry"])
        features["cell_id"] = link_to_units(features, grid, unit_id="cell_id")
    return features


def _services(ctx: _Context) -> None:
    parts, used = [], []
    for dataset in ctx.datasets("osm_pbf"):
        parts.append(read_osm_services(ctx.paths[dataset.name], dataset=dataset.name))
        used.append(dataset)
    if not parts:
        return
    services = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry",
                                crs=parts[0].crs)
    ctx.save("services", _link(ctx, services), used,
             notes="OSM points of interest; service_type from sources/service_types.yaml; "
                   "OSM has no capacities")


def _landcover(ctx: _Context) -> None:
    datasets = ctx.datasets("osm_pbf")
    if not datasets:
        return
    parts = [read_osm_landcover(ctx.paths[d.name], dataset=d.name) for d in datasets]
    landcover = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry",
                                 crs=parts[0].crs)
    ctx.save("landcover", landcover, datasets,
             repaired=sum(int(p.attrs.get("repaired", 0)) for p in parts),
             notes="OSM water and green areas (parks, woods, grass…) for the base map; "
                   "tag rules in sources/osm_features.py LANDCOVER_KINDS")


def _network(ctx: _Context) -> None:
    datasets = ctx.datasets("osm_pbf")
    if not datasets:
        return
    nodes, edges = [], []
    for dataset in datasets:
        n, e = read_street_network(ctx.paths[dataset.name], dataset=dataset.name)
        nodes.append(n)
        edges.append(e)
    ctx.save("network_nodes", pd.concat(nodes, ignore_index=True), datasets)
    ctx.save("network_edges", pd.concat(edges, ignore_index=True), datasets,
             notes="ways split at intersections; walk/bike access and bike one-way rules "
                   "from OSM tags")


def _transit(ctx: _Context) -> None:
    for dataset in ctx.datasets("gtfs"):
        feed = read_gtfs(ctx.paths[dataset.name], dataset=dataset.name)
        ctx.save("stops", feed.stops, [dataset])
        for name, table in feed.tables.items():
            ctx.save(f"gtfs_{name}", table, [dataset])


def _rasters(ctx: _Context) -> None:
    for dataset in ctx.datasets("raster"):
        raster = read_raster(ctx.paths[dataset.name], dataset=dataset.name)
        ctx.twin.write_raster(dataset.role or dataset.name, raster, source=dataset.name)
        ctx.summary.rows[f"raster:{dataset.role or dataset.name}"] = raster.valid_pixels


HEAT_THRESHOLD = 0.5
"""Pixels of the heat-exposure index above this count in ``heat_share_above``."""

_HEAT_RULES = {"buildings": ("building_id", "coverage"), "grid": ("cell_id", "centre")}
"""Unit layer → (id column, pixel rule): footprints are small next to the ~30 m pixels, so
they use exact coverage fractions; 250 m cells use pixel centres (as rasterstats does)."""


def _heat(ctx: _Context) -> None:
    raster = next((d for d in ctx.datasets("raster") if d.role == "heat_exposure"), None)
    if raster is None:
        return
    with ctx.twin.raster("heat_exposure") as dataset:
        band = RasterBand.from_dataset(dataset)
    parts = []
    for layer, (id_column, rule) in _HEAT_RULES.items():
        if not ctx.twin.has_layer(layer):
            continue
        units = ctx.twin.read(layer, columns=[id_column])
        stats = zonal_statistics(units, band, threshold=HEAT_THRESHOLD, pixel_rule=rule).frame
        parts.append(pd.DataFrame({
            "unit_level": layer, "unit_id": units[id_column].to_numpy(),
            "heat_mean": stats["mean"].to_numpy(), "heat_max": stats["max"].to_numpy(),
            "heat_share_above": stats["share_above"].to_numpy(),
            "valid_pixels": stats["valid_pixels"].to_numpy(), "pixel_rule": rule}))
    if parts:
        ctx.save("heat", pd.concat(parts, ignore_index=True), [raster],
                 notes=f"zonal statistics of the heat-exposure raster in its own CRS; "
                       f"share_above = share of pixels above {HEAT_THRESHOLD}; buildings use "
                       "exact pixel coverage, cells pixel centres")


def _greenery(ctx: _Context) -> None:
    parts, used = [], []
    for dataset in ctx.datasets("landcover_areas"):
        areas = read_landcover_areas(ctx.paths[dataset.name], dataset=dataset.name)
        known = set(ctx.twin.read("areas", columns=["postal_code"])["postal_code"])
        areas = areas[areas["postal_code"].isin(known)]
        parts.append(pd.DataFrame({
            "unit_level": "areas", "unit_id": areas["postal_code"], "year": areas["year"],
            "tree_canopy_share": areas["tree_canopy_share"],
            "vegetation_share": areas["vegetation_share"], "ndvi": areas["ndvi"]}))
        used.append(dataset)
    grid = ctx.twin.read("grid") if ctx.twin.has_layer("grid") else pd.DataFrame()
    if "tree_cover_m2" in grid:
        covered = grid[grid["tree_cover_m2"].notna() | grid["vegetation_m2"].notna()]
        year = max((y for d in ctx.datasets("hsy_grid") if d.role == "attributes"
                    for y in d.years), default=None)
        parts.append(pd.DataFrame({
            "unit_level": "grid", "unit_id": covered["cell_id"], "year": year,
            "tree_canopy_share": covered["tree_cover_m2"].fillna(0) / CELL_AREA_M2,
            "vegetation_share": covered["vegetation_m2"].fillna(0) / CELL_AREA_M2,
            "ndvi": np.nan}))
        used.extend(d for d in ctx.datasets("hsy_grid") if d.role == "attributes")
    if parts:
        ctx.save("greenery", pd.concat(parts, ignore_index=True), used,
                 notes="shares of land area (postal areas, sea excluded) or of the 62,500 m² "
                       "cell (grid); NDVI is the mean of a summer Sentinel-2 scene")


_STEPS: list[tuple[str, Callable[[_Context], None]]] = [
    ("areas: Paavo postal-code statistics", _areas),
    ("grid: HSY 250 m cells with ages, heat and land cover", _grid),
    ("buildings: CityGML LoD2 and OSM footprints", _buildings),
    ("services: OSM points with normalized types", _services),
    ("landcover: OSM water and green areas", _landcover),
    ("network: walk and bike streets from OSM", _network),
    ("stops and timetables: GTFS", _transit),
    ("rasters: heat exposure", _rasters),
    ("heat: heat exposure per building and cell", _heat),
    ("greenery: tree canopy, vegetation and NDVI", _greenery),
]
