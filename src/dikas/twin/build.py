"""Building a twin from a city's catalog: sources → one DuckDB file.

The build writes to a temporary file beside the target and renames it into place only when
every step succeeded, so an existing twin is never touched by a failed build. Each layer is
produced by the reader its catalog entries' ``format`` names; nothing here is city-specific.
``layers=`` builds only some layers and the ones they need (``areas`` needs only the Paavo
datasets); only the datasets those layers read are fetched.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.errors import DataError, MissingDataError, ParameterError
from dikas.progress import step
from dikas.settings import Settings
from dikas.sources.acquire import Part, acquire
from dikas.sources.catalog import Catalog, Dataset
from dikas.sources.citygml import read_citygml
from dikas.sources.gtfs import read_gtfs
from dikas.sources.hsy_grid import read_age_grid, read_population_grid
from dikas.sources.http import HttpClient
from dikas.sources.landcover import read_landcover_areas
from dikas.sources.osm_features import read_osm_buildings, read_osm_landcover, read_osm_services
from dikas.sources.osm_network import street_network_parts
from dikas.sources.paavo import read_paavo
from dikas.sources.raster import read_raster
from dikas.twin.groups import store_population_groups
from dikas.twin.links import link_by_largest_overlap, link_to_units, transfer_attributes
from dikas.twin.locking import held_exclusively
from dikas.twin.source_coverage import coverage_layer
from dikas.twin.store import Twin
from dikas.twin.tempfiles import disk_full, is_disk_full, owned, remove_stale, sigterm_exits
from dikas.twin.zonal import PixelRule, RasterBand, zonal_statistics

CELL_AREA_M2 = 250.0 * 250.0
OVERLAP_SHARE = 0.5
CELL_IN_CITY = 0.5
"""A cell links to a postal area when at least this share of it lies in the areas."""
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
    parts: dict[str, list[Part]]
    show_progress: bool
    summary: BuildSummary
    service_date: dt.date | None = None

    def datasets(self, fmt: str) -> list[Dataset]:
        return [d for d in self.catalog.by_format(fmt) if self.parts.get(d.name)]

    def path(self, dataset: Dataset) -> Path:
        """The one local file of a single-part dataset."""
        return self.parts[dataset.name][0].path

    def yearly(self, dataset: Dataset) -> list[tuple[int, Path]]:
        """(year, file) pairs: a service's yearly parts, or a pinned file's catalog years."""
        pairs = []
        for part in self.parts[dataset.name]:
            if part.year is not None:
                pairs.append((part.year, part.path))
            else:
                pairs.extend((year, part.path) for year in dataset.years)
        return sorted(pairs)

    def save(
        self,
        layer: str,
        frame: pd.DataFrame | None,
        datasets: list[Dataset],
        *,
        repaired: int = 0,
        notes: str = "",
        rows: int | None = None,
    ) -> None:
        """Write ``frame`` as ``layer`` (``None``: already written in batches, ``rows`` of
        them) and its provenance."""
        if frame is not None:
            self.twin.write_layer(layer, frame)
            rows = len(frame)
        if rows is None:
            raise ValueError(f"layer {layer!r} saved without a frame or a row count")
        fetches = [
            asdict(part.lock)
            for d in datasets
            for part in self.parts.get(d.name, [])
            if part.lock is not None
        ]
        self.twin.write_provenance(
            layer,
            datasets=[asdict(d) for d in datasets],
            row_count=rows,
            repaired_geometries=repaired,
            notes=notes,
            fetches=fetches,
        )
        self.summary.rows[layer] = rows


def resolve_inputs(catalog: Catalog, settings: Settings) -> dict[str, Path]:
    """Verified local paths of every obtainable dataset (single-part datasets)."""
    return {name: parts[0].path for name, parts in acquire(catalog, settings).items() if parts}


def build_twin(
    catalog: Catalog,
    settings: Settings,
    out: Path | str,
    *,
    show_progress: bool = True,
    layers: Iterable[str] | None = None,
    endpoints: Mapping[str, str] | None = None,
    years: Sequence[int] | None = None,
    frozen: bool = False,
    refresh: bool = False,
    service_date: dt.date | None = None,
    client: HttpClient | None = None,
) -> BuildSummary:
    """Build the twin of ``catalog``'s city into ``out`` (atomically replaced on success).

    Parameters
    ----------
    layers
        Build only these layers and the layers they need (default: every layer the
        catalog's datasets can make). See :data:`LAYERS`.
    endpoints
        ``dataset name → base URL`` replacing the catalog's service URL (a proxy, a mirror,
        a test server); the request stays the same.
    years
        Only these years of yearly service layers (default: every year the service offers).
    frozen
        Use only files already fetched and locked (or pinned files in the mirror/cache): no
        network, so the build can be reproduced byte for byte.
    service_date
        The GTFS service day to keep (default: the next weekday).
    """
    started = time.perf_counter()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    steps = _select_steps(layers)
    formats = {fmt for _, _, _, fmts in steps for fmt in fmts}
    wanted = [d.name for d in catalog.datasets if d.format in formats]
    with step("data: mirror / cache / services (sha256 or lock file)", enabled=show_progress):
        parts = acquire(
            catalog,
            settings,
            names=wanted,
            endpoints=endpoints,
            years=years,
            frozen=frozen,
            refresh=refresh,
            show_progress=show_progress,
            service_date=service_date,
            client=client,
        )
    build_id = uuid.uuid4().hex[:12]
    tmp = out.with_name(f".{out.name}.{build_id}.tmp")
    summary = BuildSummary(path=out, build_id=build_id)
    # leftovers of killed builds go; SIGTERM and a full disk clean up and say one line
    remove_stale(out)
    unchanged = f"{out} is unchanged" if out.exists() else f"no {out} was written"
    try:
        with (
            sigterm_exits(f"dikas: error: build of {out} stopped by SIGTERM; {unchanged}"),
            owned(tmp),
        ):
            with Twin.create(tmp, city=catalog.city, build_id=build_id) as twin:
                store_population_groups(twin, catalog.population_groups)
                ctx = _Context(
                    catalog,
                    settings,
                    twin,
                    parts,
                    show_progress,
                    summary,
                    service_date=service_date,
                )
                for _, description, builder, _ in steps:
                    with step(description, enabled=show_progress):
                        builder(ctx)
                with step("coverage: where each source reaches", enabled=show_progress):
                    _coverage(ctx)
            with held_exclusively(out):  # a command storing results finishes first
                os.replace(tmp, out)
    except Exception as exc:
        if is_disk_full(exc, out.parent):
            raise disk_full(f"building {out}", out.parent) from exc
        raise
    summary.seconds = time.perf_counter() - started
    return summary


def _select_steps(
    layers: Iterable[str] | None,
) -> list[tuple[str, str, Callable[[_Context], None], tuple[str, ...]]]:
    """The build steps for ``layers`` and everything they need, in build order."""
    if layers is None:
        return [(name, *LAYERS[name]) for name in LAYERS]
    requested = list(layers)
    unknown = [name for name in requested if name not in LAYERS]
    if unknown:
        raise ParameterError(
            f"unknown layer {unknown[0]!r} for --layers; known: {', '.join(LAYERS)}"
        )
    chosen: set[str] = set()
    pending = list(requested)
    while pending:
        name = pending.pop()
        if name not in chosen:
            chosen.add(name)
            pending.extend(NEEDS.get(name, ()))
    return [(name, *LAYERS[name]) for name in LAYERS if name in chosen]


# -- layer builders ----------------------------------------------------------------------------
def _areas(ctx: _Context) -> None:
    if not ctx.datasets("paavo"):
        raise MissingDataError(
            f"catalog {ctx.catalog.city!r} has no 'paavo' dataset: the areas layer is required"
        )
    frames, repaired, used = [], 0, []
    for dataset in ctx.datasets("paavo"):
        for year, path in ctx.yearly(dataset):
            frame, report = read_paavo(path, year=year, dataset=dataset.name)
            frames.append(frame)
            repaired += report.repaired
        used.append(dataset)
    areas = pd.concat(frames, ignore_index=True)
    if "municipality" not in areas and len(ctx.catalog.municipalities) == 1:
        areas["municipality"] = ctx.catalog.municipalities[0].code
    ctx.save(
        "areas",
        gpd.GeoDataFrame(areas, geometry="geometry", crs=frames[0].crs),
        used,
        repaired=repaired,
        notes="year taken from the catalog entry, not the file's "
        "'year' column; Paavo -1 (protected) stored as NULL",
    )


def _without_unknown_location(
    grid: gpd.GeoDataFrame, dataset: Dataset
) -> tuple[gpd.GeoDataFrame, pd.DataFrame | None]:
    """The grid without the producer's unknown-location cell, and that cell's residents."""
    if dataset.unknown_location is None:
        return grid, None
    import shapely

    x, y = dataset.unknown_location
    hit = shapely.contains_xy(grid.geometry.to_numpy(), x, y)
    if not hit.any():
        return grid, None
    unlocated = pd.DataFrame(
        {
            "cell_id": grid.loc[hit, "cell_id"].to_numpy(),
            "inhabitants": grid.loc[hit, "inhabitants"].to_numpy(),
            "source": dataset.name,
            "reason": "residents of unknown location (producer's convention)",
        }
    )
    return grid.loc[~hit].reset_index(drop=True), unlocated


def _latest_areas(ctx: _Context, *columns: str) -> gpd.GeoDataFrame:
    """The latest year's postal areas: ``postal_code``, the ``columns`` it has, geometry."""
    years = ctx.twin.years("areas")
    have = [c for c in columns if c in ctx.twin.columns("areas")]
    return ctx.twin.read("areas", year=years[-1], columns=["postal_code", *have, "geometry"])


def _grid(ctx: _Context) -> None:
    datasets = ctx.datasets("hsy_grid")
    base = next((d for d in datasets if d.role == "base"), None)
    if base is None:
        return
    # A service offering several vintages: the cells are the latest one.
    vintages = ctx.yearly(base)
    vintage, path = vintages[-1] if vintages else (None, ctx.path(base))
    grid, report = read_population_grid(path, dataset=base.name, assumed_crs=base.crs)
    grid = grid.reset_index(drop=True)
    notes = [f"cells and inhabitants from {base.name} ({vintage or '?'})"]
    grid, unlocated = _without_unknown_location(grid, base)
    if unlocated is not None:
        ctx.save(
            "unlocated_residents",
            unlocated,
            [base],
            notes="residents the producer could not place, kept out of the grid; add "
            "them to grid totals where a city total needs everyone",
        )
        notes.append(
            f"{int(unlocated['inhabitants'].sum()):,} residents of unknown location "
            f"(cell {unlocated['cell_id'].iloc[0]}) kept out of the cells, in the "
            "unlocated_residents table"
        )
    repaired = report.repaired
    # Attribute grids in catalog order; the later (more specific) one wins where both cover.
    for dataset in [d for d in datasets if d.role == "attributes"]:
        extra, rep = read_age_grid(ctx.path(dataset), dataset=dataset.name, assumed_crs=dataset.crs)
        repaired += rep.repaired
        extra = extra.rename(columns={"inhabitants": "attribute_grid_inhabitants"})
        columns = [c for c in extra.columns if c != "geometry"]
        aligned, unmatched = transfer_attributes(grid, extra, columns)
        for column in columns:
            if column in grid:
                grid[column] = aligned[column].where(aligned[column].notna(), grid[column])
            else:
                grid[column] = aligned[column]
        notes.append(
            f"{', '.join(c for c in columns if c != 'attribute_grid_inhabitants')} "
            f"from {dataset.name} ({unmatched} of its cells outside the base grid)"
        )
    if "age_suppressed" in grid:
        grid["age_suppressed"] = grid["age_suppressed"].astype("boolean")
    # A cell belongs to the postal area it overlaps most when it lies mostly in the city's
    # areas (its centre may be in the sea), else to the area holding its centre (a coastal
    # cell that is mostly sea).
    areas = _latest_areas(ctx)
    majority = link_by_largest_overlap(grid, areas, unit_id="postal_code", min_share=CELL_IN_CITY)
    grid["postal_code"] = majority.fillna(link_to_units(grid, areas, unit_id="postal_code"))
    grid["in_city"] = grid["postal_code"].notna()
    ctx.save(
        "grid",
        grid,
        [base, *[d for d in datasets if d.role == "attributes"]],
        repaired=repaired,
        notes="; ".join(notes)
        + "; age bands NULL where HSY suppressed them (all fields 99); occupancy_rate "
        "NULL where HSY wrote its sentinel 999999999 (occupancy_rate_sentinel); cells "
        "linked to the postal area they overlap most when at least half of the cell "
        "lies in the areas, else to the area holding the cell's centre",
    )


def _buildings(ctx: _Context) -> None:
    parts, used, repaired = [], [], 0
    if ctx.datasets("building_register"):
        from dikas.sources.building_register import read_building_register

        for dataset in ctx.datasets("building_register"):
            frame, report = read_building_register(ctx.path(dataset), dataset=dataset.name)
            parts.append(frame)
            repaired += report.repaired
            used.append(dataset)
    for dataset in ctx.datasets("citygml"):
        parts.append(read_citygml(ctx.path(dataset), dataset=dataset.name))
        used.append(dataset)
    official = pd.concat(parts, ignore_index=True) if parts else None
    for dataset in ctx.datasets("osm_pbf"):
        osm = read_osm_buildings(ctx.path(dataset), dataset=dataset.name)
        repaired += int(osm.attrs.get("repaired", 0))
        if official is not None and len(osm):
            osm = _drop_duplicates_of(osm, official)
        parts.append(osm)
        used.append(dataset)
    if not parts:
        return
    buildings = gpd.GeoDataFrame(
        pd.concat(parts, ignore_index=True), geometry="geometry", crs=parts[0].crs
    )
    buildings = _link(ctx, buildings)
    ctx.save(
        "buildings",
        buildings,
        used,
        repaired=repaired,
        notes="CityGML LoD2 footprints; OSM buildings overlapping a CityGML footprint by "
        f"more than {OVERLAP_SHARE:.0%} dropped as duplicates",
    )


def _drop_duplicates_of(osm: gpd.GeoDataFrame, reference: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    pairs = gpd.sjoin(osm[["geometry"]], reference[["geometry"]], predicate="intersects")
    if pairs.empty:
        return osm
    left = osm.geometry.loc[pairs.index].to_numpy()
    right = reference.geometry.iloc[pairs["index_right"].to_numpy()].to_numpy()
    overlap = np.array(
        [
            a.intersection(b).area / a.area if a.area else 0.0
            for a, b in zip(left, right, strict=True)
        ]
    )
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
    osm_parts, used = [], []
    for dataset in ctx.datasets("osm_pbf"):
        osm_parts.append(read_osm_services(ctx.path(dataset), dataset=dataset.name, outlines=True))
        used.append(dataset)
    osm = (
        gpd.GeoDataFrame(
            pd.concat(osm_parts, ignore_index=True), geometry="geometry", crs=osm_parts[0].crs
        )
        if osm_parts
        else None
    )
    outlines = None
    if osm is not None:
        outlines = osm.loc[osm["outline"].notna(), ["service_id", "outline"]]
        osm = osm.drop(columns=["outline"])
    registers = ctx.datasets("service_register")
    notes = (
        "OSM points of interest; service_type from sources/service_types.yaml; OSM has no "
        "capacities"
    )
    if registers:
        services, covered = _register_services(ctx, registers, osm)
        used = [*registers, *used]
        notes = (
            f"register units ({', '.join(d.name for d in registers)}) where the register "
            f"covers the municipality ({', '.join(covered)}) and type; OSM points of "
            "interest elsewhere; `source` says which"
        )
    elif osm is not None:
        services = osm
    else:
        return
    ctx.save("services", _link(ctx, services), used, notes=notes)
    if outlines is not None and len(outlines):
        kept = outlines[outlines["service_id"].isin(services["service_id"])]
        ctx.save(
            "service_outlines",
            gpd.GeoDataFrame(
                {"service_id": kept["service_id"].to_numpy()},
                geometry=list(kept["outline"]),
                crs=services.crs,
            ),
            [d for d in used if d.format == "osm_pbf"],
            notes="the OSM polygons of services that are areas (parks, sports grounds): "
            "walk and bike routing reaches them at their edge",
        )


def _register_services(
    ctx: _Context, registers: list[Dataset], osm: gpd.GeoDataFrame | None
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Register units where a register covers the municipality, OSM points elsewhere."""
    from dikas.sources.service_register import (
        merge_services,
        read_service_register,
        read_service_tree,
    )

    frames, covered = [], []
    for dataset in registers:
        tree_name = dataset.source.option("service_tree")
        tree = (
            read_service_tree(ctx.path(ctx.catalog[tree_name]), dataset=tree_name)
            if tree_name and ctx.parts.get(tree_name)
            else None
        )
        frames.append(
            read_service_register(
                ctx.path(dataset),
                service_types=dataset.source.option("service_types") or {},
                tree=tree,
                dataset=dataset.name,
            )
        )
        covered += [
            str(m)
            for m in (
                dataset.source.option("municipalities")
                or [m.name.lower() for m in ctx.catalog.municipalities]
            )
        ]
    register = gpd.GeoDataFrame(
        pd.concat(frames, ignore_index=True), geometry="geometry", crs=frames[0].crs
    )
    if osm is None:
        return register, covered
    # OSM points get their municipality from the postal areas, named as the register does.
    areas = _latest_areas(ctx, "municipality")
    if "municipality" not in areas:
        raise DataError(
            "the postal areas carry no municipality code, which a register of "
            "several municipalities needs (Paavo's `kunta`)",
            dataset=registers[0].name,
        )
    names = {m.code: m.name.lower() for m in ctx.catalog.municipalities}
    areas["municipality"] = areas["municipality"].map(names).fillna(areas["municipality"])
    regions = areas.dissolve(by="municipality").reset_index()[["municipality", "geometry"]]
    merged = merge_services(
        register.to_crs(osm.crs),
        osm,
        register_municipalities=covered,
        municipality_areas=regions.to_crs(osm.crs),
    )
    return merged, covered


def _landcover(ctx: _Context) -> None:
    datasets = ctx.datasets("osm_pbf")
    if not datasets:
        return
    parts = [read_osm_landcover(ctx.path(d), dataset=d.name) for d in datasets]
    landcover = gpd.GeoDataFrame(
        pd.concat(parts, ignore_index=True), geometry="geometry", crs=parts[0].crs
    )
    ctx.save(
        "landcover",
        landcover,
        datasets,
        repaired=sum(int(p.attrs.get("repaired", 0)) for p in parts),
        notes="OSM water and green areas (parks, woods, grass…) for the base map; "
        "tag rules in sources/osm_features.py LANDCOVER_KINDS",
    )


def _network(ctx: _Context) -> None:
    datasets = ctx.datasets("osm_pbf")
    if not datasets:
        return
    # Written in batches: the whole network never exists as one frame of shapely objects.
    rows = {"network_nodes": 0, "network_edges": 0}
    for dataset in datasets:
        parts = street_network_parts(ctx.path(dataset), dataset=dataset.name)
        for layer, batches in (
            ("network_nodes", parts.node_batches()),
            ("network_edges", parts.edge_batches()),
        ):
            for batch in batches:
                ctx.twin.write_layer(layer, batch, append=rows[layer] > 0)
                rows[layer] += len(batch)
        del parts
    ctx.save("network_nodes", None, datasets, rows=rows["network_nodes"])
    ctx.save(
        "network_edges",
        None,
        datasets,
        rows=rows["network_edges"],
        notes="ways split at intersections; walk/bike access and bike one-way rules from OSM tags",
    )


def _transit(ctx: _Context) -> None:
    for dataset in ctx.datasets("gtfs"):
        feed = read_gtfs(ctx.path(dataset), dataset=dataset.name)
        notes = "the feed as published"
        if dataset.source.live:
            from dikas.sources.gtfs import next_weekday, restrict_to_service_date

            day = ctx.service_date or next_weekday(dt.date.today())
            feed = restrict_to_service_date(feed, day)
            notes = f"trips running on the service day {day.isoformat()} only"
        ctx.save("stops", feed.stops, [dataset], notes=notes)
        for name, table in feed.tables.items():
            ctx.save(f"gtfs_{name}", table, [dataset], notes=notes)


def _rasters(ctx: _Context) -> None:
    for dataset in ctx.datasets("raster"):
        raster = read_raster(ctx.path(dataset), dataset=dataset.name)
        ctx.twin.write_raster(dataset.role or dataset.name, raster, source=dataset.name)
        ctx.summary.rows[f"raster:{dataset.role or dataset.name}"] = raster.valid_pixels


HEAT_THRESHOLD = 0.5
"""Pixels of the heat-exposure index above this count in ``heat_share_above``."""

_HEAT_RULES: dict[str, tuple[str, PixelRule]] = {
    "buildings": ("building_id", "coverage"),
    "grid": ("cell_id", "centre"),
}
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
        parts.append(
            pd.DataFrame(
                {
                    "unit_level": layer,
                    "unit_id": units[id_column].to_numpy(),
                    "heat_mean": stats["mean"].to_numpy(),
                    "heat_max": stats["max"].to_numpy(),
                    "heat_share_above": stats["share_above"].to_numpy(),
                    "valid_pixels": stats["valid_pixels"].to_numpy(),
                    "pixel_rule": rule,
                }
            )
        )
    if parts:
        ctx.save(
            "heat",
            pd.concat(parts, ignore_index=True),
            [raster],
            notes=f"zonal statistics of the heat-exposure raster in its own CRS; "
            f"share_above = share of pixels above {HEAT_THRESHOLD}; buildings use "
            "exact pixel coverage, cells pixel centres",
        )


def _greenery(ctx: _Context) -> None:
    parts, used = [], []
    for dataset in ctx.datasets("landcover_areas"):
        areas = read_landcover_areas(ctx.path(dataset), dataset=dataset.name)
        known = set(ctx.twin.read("areas", columns=["postal_code"])["postal_code"])
        areas = areas[areas["postal_code"].isin(known)]
        parts.append(
            pd.DataFrame(
                {
                    "unit_level": "areas",
                    "unit_id": areas["postal_code"],
                    "year": areas["year"],
                    "tree_canopy_share": areas["tree_canopy_share"],
                    "vegetation_share": areas["vegetation_share"],
                    "ndvi": areas["ndvi"],
                }
            )
        )
        used.append(dataset)
    grid = ctx.twin.read("grid") if ctx.twin.has_layer("grid") else pd.DataFrame()
    if "tree_cover_m2" in grid:
        covered = grid[grid["tree_cover_m2"].notna() | grid["vegetation_m2"].notna()]
        year = max(
            (y for d in ctx.datasets("hsy_grid") if d.role == "attributes" for y in d.years),
            default=None,
        )
        parts.append(
            pd.DataFrame(
                {
                    "unit_level": "grid",
                    "unit_id": covered["cell_id"],
                    "year": year,
                    "tree_canopy_share": covered["tree_cover_m2"].fillna(0) / CELL_AREA_M2,
                    "vegetation_share": covered["vegetation_m2"].fillna(0) / CELL_AREA_M2,
                    "ndvi": np.nan,
                }
            )
        )
        used.extend(d for d in ctx.datasets("hsy_grid") if d.role == "attributes")
    if parts:
        ctx.save(
            "greenery",
            pd.concat(parts, ignore_index=True),
            used,
            notes="shares of land area (postal areas, sea excluded) or of the 62,500 m² "
            "cell (grid); NDVI is the mean of a summer Sentinel-2 scene",
        )


def _districts(ctx: _Context) -> None:
    """The finest district division the catalog has, each district linked to the one above."""
    datasets = ctx.datasets("districts")
    if not datasets:
        return
    from dikas.sources.districts import LEVELS, level_of, read_districts

    by_level = sorted(datasets, key=lambda d: LEVELS.index(level_of(d.role or "basic")))
    frames, above, repaired = [], None, 0
    for dataset in by_level:
        frame, report = read_districts(
            ctx.path(dataset),
            level=dataset.role or "basic",
            dataset=dataset.name,
            parent=above,
            **dict(dataset.source.option("fields") or {}),
        )
        frames.append(frame)
        repaired += report.repaired
        above = frame
    districts = frames[-1]
    if len(frames) > 1:
        names = frames[-2].set_index("district_id")["name"]
        districts["parent_name"] = districts["parent_id"].map(names)
    notes = f"{districts['level'].iloc[0]} districts as published"
    if ctx.twin.has_layer("grid"):
        districts, notes = _district_population(ctx, districts)
    ctx.save("districts", districts, by_level, repaired=repaired, notes=notes)


_DISTRICT_COUNTS = (
    "inhabitants",
    "age_0_9",
    "age_10_19",
    "age_20_29",
    "age_30_39",
    "age_40_49",
    "age_50_59",
    "age_60_69",
    "age_70_79",
    "age_80_plus",
)


def _district_population(
    ctx: _Context, districts: gpd.GeoDataFrame
) -> tuple[gpd.GeoDataFrame, str]:
    """Sum the grid's counts into districts, each cell to the district it overlaps most."""
    grid = ctx.twin.read("grid")
    counts = [c for c in _DISTRICT_COUNTS if c in grid]
    districts = districts.reset_index(drop=True)
    owner = link_by_largest_overlap(grid, districts, unit_id="district_id")
    sums = grid[counts].groupby(owner.to_numpy()).sum(min_count=1)
    for column in counts:
        districts[column] = districts["district_id"].map(sums[column]) if len(sums) else np.nan
    ages = [c for c in counts if c != "inhabitants"]
    if ages:
        suppressed = (
            grid["age_suppressed"].fillna(False).astype(bool)
            if ("age_suppressed" in grid)
            else pd.Series(False, index=grid.index)
        )
        hidden = grid.loc[suppressed, "inhabitants"].groupby(owner[suppressed].to_numpy()).sum()
        districts["age_unknown_inhabitants"] = (
            districts["district_id"].map(hidden).fillna(0).astype("Int64")
        )
    return districts, (
        "inhabitants and age bands: sums of the HSY grid cells, each cell in "
        "the district it overlaps most; age_unknown_inhabitants live in cells "
        "whose age bands HSY suppressed"
    )


def _flood_zones(ctx: _Context) -> None:
    datasets = ctx.datasets("flood_hazard")
    if not datasets:
        return
    from dikas.sources.flood_zones import combine_flood_zones, read_flood_zones

    frames, repaired = [], 0
    for dataset in datasets:
        frame, report = read_flood_zones(
            ctx.path(dataset),
            layer_name=dataset.source.option("type_name") or dataset.role,
            dataset=dataset.name,
            **dict(dataset.source.option("fields") or {}),
        )
        frames.append(frame)
        repaired += report.repaired
    ctx.save(
        "flood_zones",
        combine_flood_zones(frames),
        datasets,
        repaired=repaired,
        notes="flood hazard zones per hazard and return period (from the layer names); "
        "`dikas climate flood` uses them when no --hazard file is given",
    )


def _coverage(ctx: _Context) -> None:
    frame = coverage_layer(ctx.twin, datasets=ctx.catalog.datasets)
    if len(frame):
        layers = set(frame["layer"])
        used = [
            d
            for d in ctx.catalog.datasets
            if ctx.parts.get(d.name) and set(d.layers or _FORMAT_LAYERS.get(d.format, ())) & layers
        ]
        ctx.save(
            "coverage",
            frame,
            used,
            notes="where each source reaches; indicators outside are NULL with the "
            "reason 'outside coverage'",
        )


LAYERS: dict[str, tuple[str, Callable[[_Context], None], tuple[str, ...]]] = {
    "areas": ("areas: Paavo postal-code statistics", _areas, ("paavo",)),
    "grid": ("grid: HSY 250 m cells with ages, heat and land cover", _grid, ("hsy_grid",)),
    "districts": ("districts: the city's statistical districts", _districts, ("districts",)),
    "buildings": (
        "buildings: register, CityGML LoD2 and OSM footprints",
        _buildings,
        ("building_register", "citygml", "osm_pbf"),
    ),
    "services": (
        "services: register units and OSM points with normalized types",
        _services,
        ("service_register", "service_tree", "osm_pbf"),
    ),
    "landcover": ("landcover: OSM water and green areas", _landcover, ("osm_pbf",)),
    "network": ("network: walk and bike streets from OSM", _network, ("osm_pbf",)),
    "transit": ("stops and timetables: GTFS", _transit, ("gtfs",)),
    "rasters": ("rasters: heat exposure", _rasters, ("raster",)),
    "heat": ("heat: heat exposure per building and cell", _heat, ("raster",)),
    "greenery": (
        "greenery: tree canopy, vegetation and NDVI",
        _greenery,
        ("landcover_areas", "hsy_grid"),
    ),
    "flood_zones": ("flood zones: hazard areas per return period", _flood_zones, ("flood_hazard",)),
}
"""Twin layer → (progress text, builder, the dataset formats it reads), in build order."""

NEEDS: dict[str, tuple[str, ...]] = {
    "grid": ("areas",),
    "districts": ("grid",),
    "buildings": ("areas", "grid"),
    "services": ("areas", "grid"),
    "heat": ("rasters", "grid"),
    "greenery": ("areas", "grid"),
}
"""Layers each layer reads while it is built (linked ids, zonal statistics, sums)."""

_FORMAT_LAYERS: dict[str, tuple[str, ...]] = {
    "paavo": ("areas",),
    "hsy_grid": ("grid",),
    "osm_pbf": ("network_edges", "services"),
    "gtfs": ("stops",),
    "service_register": ("services",),
    "citygml": ("buildings",),
    "building_register": ("buildings",),
    "raster": ("rasters", "heat"),
    "districts": ("districts",),
}
"""Which coverage rows a dataset of each format stands behind (for the layer's provenance)."""
