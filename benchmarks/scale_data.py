"""Seeded enlargements of the staged demo data: the whole demo city tiled n×n.

Used by ``benchmarks/scale.py``. A size ``k`` (1, 4, 16, 64) is an ``n×n`` tiling with
``n = sqrt(k)``. Tile ``t = (i, j)`` is a copy of every tiled dataset translated by
``(i·W, j·H)`` metres in EPSG:3067, where ``W×H`` is the extent of the union of the tiled
datasets (the capital-region population grid is the largest), rounded up to 250 m, so copies
never overlap and each tile is "the demo city" once more:

* the OSM PBF: nodes, then ways, then relations (ids stay sorted), ids offset per type by
  ``t·(max id + 1)``, coordinates shifted (pyosmium ``SimpleWriter``);
* the GTFS feed: ``min(k, gtfs_cap)`` copies, copy ``c`` on tile ``c``; every id column
  (stops, parent stations, routes, trips, shapes, blocks, fares) gets the suffix ``~c``,
  stop and shape coordinates shifted;
* the population grid, the two attribute grids and the four Paavo postal-area files:
  shifted copies with new ids (grid ``id`` + ``~t`` or + ``t·10^7`` when numeric; postal codes ``tt`` + last 3 digits).

Every other catalog dataset (CityGML tiles, the heat raster, the postal-area land cover) is
linked unchanged into the mirror, so it covers tile 0 only. The catalog YAML is the demo
catalog with the enlarged files' ``mirror_path`` and ``sha256``. The seed only decides
nothing random today (the tiling is deterministic); it is recorded for reproducibility.
"""

from __future__ import annotations

import hashlib
import io
import math
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import osmium
import pandas as pd
import yaml
from pyproj import Transformer

CELL_M = 250.0
GTFS_ID_COLUMNS = (
    "stop_id",
    "parent_station",
    "route_id",
    "trip_id",
    "shape_id",
    "block_id",
    "from_stop_id",
    "to_stop_id",
    "fare_id",
    "from_route_id",
    "to_route_id",
    "from_trip_id",
    "to_trip_id",
    "zone_id",
    "origin_id",
    "destination_id",
    "contains_id",
)
"""GTFS columns holding ids that must stay unique per copy."""
DEMO_CATALOG = Path(__file__).resolve().parents[1] / "src/dikas/sources/catalogs/helsinki-demo.yaml"

TILED_DATASETS = {
    "osm_inner_city": "osm",
    "hsl_gtfs": "gtfs",
    "hsy_population_grid_2021": "grid",
    "hsy_age_heat_grid": "attribute_grid",
    "hsy_landcover_grid": "attribute_grid",
    "paavo_2020": "paavo",
    "paavo_2021": "paavo",
    "paavo_2022": "paavo",
    "paavo_2023": "paavo",
}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def tile_offsets(size: int, step: tuple[float, float]) -> list[tuple[float, float]]:
    """Metre offsets of the ``size`` tiles (row-major over an ``n×n`` square)."""
    n = math.isqrt(size)
    if n * n != size:
        raise ValueError(f"size {size} is not a square (1, 4, 16, 64...)")
    return [(i * step[0], j * step[1]) for j in range(n) for i in range(n)]


def tile_step(data_dir: Path, datasets: dict[str, dict]) -> tuple[float, float]:
    """Width and height (m, EPSG:3067) of the union of the tiled vector datasets."""
    bounds = []
    for name, kind in TILED_DATASETS.items():
        if kind in ("grid", "attribute_grid", "paavo"):
            frame = gpd.read_file(data_dir / datasets[name]["mirror_path"])
            if frame.crs is None:
                frame = frame.set_crs(datasets[name]["crs"])
            bounds.append(frame.to_crs(3067).total_bounds)
    box = np.array(bounds)
    width = box[:, 2].max() - box[:, 0].min()
    height = box[:, 3].max() - box[:, 1].min()
    return (
        math.ceil(width / CELL_M) * CELL_M + CELL_M,
        math.ceil(height / CELL_M) * CELL_M + CELL_M,
    )


class _Shift:
    """lon/lat → shifted lon/lat through EPSG:3067."""

    def __init__(self) -> None:
        self.forward = Transformer.from_crs("EPSG:4326", "EPSG:3067", always_xy=True)
        self.back = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)

    def __call__(
        self, lon: np.ndarray, lat: np.ndarray, dx: float, dy: float
    ) -> tuple[np.ndarray, np.ndarray]:
        x, y = self.forward.transform(lon, lat)
        return self.back.transform(np.asarray(x) + dx, np.asarray(y) + dy)


def tile_osm(src: Path, dst: Path, offsets: list[tuple[float, float]]) -> dict[str, int]:
    """Write ``len(offsets)`` shifted copies of ``src`` into one sorted PBF ``dst``."""
    nodes: list[tuple[int, list]] = []
    node_ids, lons, lats = [], [], []
    ways: list[tuple[int, list[int], list]] = []
    relations: list[tuple[int, list[tuple[str, int, str]], list]] = []
    for obj in osmium.FileProcessor(str(src)):
        tags = [(tag.k, tag.v) for tag in obj.tags]
        if isinstance(obj, osmium.osm.Node):
            node_ids.append(obj.id)
            lons.append(obj.location.lon if obj.location.valid() else np.nan)
            lats.append(obj.location.lat if obj.location.valid() else np.nan)
            nodes.append((obj.id, tags))
        elif isinstance(obj, osmium.osm.Way):
            ways.append((obj.id, [n.ref for n in obj.nodes], tags))
        elif isinstance(obj, osmium.osm.Relation):
            relations.append((obj.id, [(m.type, m.ref, m.role) for m in obj.members], tags))
    step = {
        "n": max(node_ids) + 1,
        "w": max(w[0] for w in ways) + 1,
        "r": max((r[0] for r in relations), default=0) + 1,
    }
    shift = _Shift()
    lon0, lat0 = np.array(lons), np.array(lats)
    if dst.exists():
        dst.unlink()
    writer = osmium.SimpleWriter(str(dst))
    try:
        for t, (dx, dy) in enumerate(offsets):
            lon, lat = shift(lon0, lat0, dx, dy)
            base = t * step["n"]
            for (ident, tags), x, y in zip(nodes, lon.tolist(), lat.tolist(), strict=True):
                writer.add_node(
                    osmium.osm.mutable.Node(
                        id=ident + base, location=osmium.osm.Location(x, y), tags=tags, version=1
                    )
                )
        for t in range(len(offsets)):
            base, nbase = t * step["w"], t * step["n"]
            for ident, refs, tags in ways:
                writer.add_way(
                    osmium.osm.mutable.Way(
                        id=ident + base, nodes=[r + nbase for r in refs], tags=tags, version=1
                    )
                )
        for t in range(len(offsets)):
            for ident, members, tags in relations:
                writer.add_relation(
                    osmium.osm.mutable.Relation(
                        id=ident + t * step["r"],
                        tags=tags,
                        version=1,
                        members=[(kind, ref + t * step[kind], role) for kind, ref, role in members],
                    )
                )
    finally:
        writer.close()
    k = len(offsets)
    return {"nodes": len(nodes) * k, "ways": len(ways) * k, "relations": len(relations) * k}


def tile_gtfs(src: Path, dst: Path, offsets: list[tuple[float, float]]) -> dict[str, int]:
    """Write a GTFS zip with one renamed, shifted copy of ``src`` per offset."""
    shift = _Shift()
    counts: dict[str, int] = {}
    with zipfile.ZipFile(src) as archive, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for name in archive.namelist():
            table = pd.read_csv(archive.open(name), dtype=str, keep_default_na=False)
            if name in ("agency.txt", "feed_info.txt", "calendar.txt", "calendar_dates.txt"):
                out.writestr(name, table.to_csv(index=False))
                continue
            copies = []
            for c, (dx, dy) in enumerate(offsets):
                copy = table.copy()
                for column in GTFS_ID_COLUMNS:
                    if column in copy and c:
                        filled = copy[column] != ""
                        copy.loc[filled, column] = copy.loc[filled, column] + f"~{c}"
                for lon_col, lat_col in (
                    ("stop_lon", "stop_lat"),
                    ("shape_pt_lon", "shape_pt_lat"),
                ):
                    if lon_col in copy and c:
                        filled = copy[lon_col] != ""
                        lon, lat = shift(
                            copy.loc[filled, lon_col].astype(float).to_numpy(),
                            copy.loc[filled, lat_col].astype(float).to_numpy(),
                            dx,
                            dy,
                        )
                        copy.loc[filled, lon_col] = np.round(lon, 7).astype(str)
                        copy.loc[filled, lat_col] = np.round(lat, 7).astype(str)
                copies.append(copy)
            merged = pd.concat(copies, ignore_index=True)
            counts[name] = len(merged)
            buffer = io.StringIO()
            merged.to_csv(buffer, index=False)
            out.writestr(name, buffer.getvalue())
    return counts


def tile_vector(
    src: Path, dst: Path, offsets: list[tuple[float, float]], *, kind: str, crs: str
) -> int:
    """Shifted copies of a grid / Paavo file with new ids, in the file's own CRS and driver."""
    frame = gpd.read_file(src)
    native = frame.crs or crs
    frame = frame.set_crs(native, allow_override=True)
    metric = frame.to_crs(3067)
    copies = []
    for t, (dx, dy) in enumerate(offsets):
        copy = metric.copy()
        copy["geometry"] = copy.geometry.translate(dx, dy)
        if kind == "paavo":
            copy["postal_code"] = (
                copy["postal_code"].astype(str).map(lambda code, t=t: f"{t:02d}{code[2:]}")
            )
        for column in ("id", "index"):
            if column in copy and t:
                copy[column] = _new_ids(copy[column], t)
        copies.append(copy)
    merged = gpd.GeoDataFrame(pd.concat(copies, ignore_index=True), crs=3067).to_crs(native)
    driver = "GPKG" if src.suffix == ".gpkg" else "GeoJSON"
    if dst.exists():
        dst.unlink()
    layer = {"layer": gpd.list_layers(src)["name"][0]} if driver == "GPKG" else {}
    merged.to_file(dst, driver=driver, **layer)
    return len(merged)


def _new_ids(ids: pd.Series, tile: int) -> pd.Series:
    """Ids of tile ``tile``'s copy: numbers + ``tile·10^7``, other ids + ``~tile``."""
    if pd.api.types.is_integer_dtype(ids):
        return ids + tile * 10_000_000
    return ids.astype(str) + f"~{tile}"


def enlarge(
    data_dir: Path, out_dir: Path, size: int, *, gtfs_cap: int = 16, seed: int = 0
) -> tuple[Path, dict[str, object]]:
    """Write the ``size``× mirror into ``out_dir``; return (catalog path, counts).

    Reuses a finished mirror of the same size (``out_dir/done`` present).
    """
    catalog_path = out_dir / "scale.yaml"
    counts_path = out_dir / "counts.yaml"
    if (out_dir / "done").exists():
        return catalog_path, yaml.safe_load(counts_path.read_text())
    out_dir.mkdir(parents=True, exist_ok=True)
    catalog = yaml.safe_load(DEMO_CATALOG.read_text())
    datasets = {d["name"]: d for d in catalog["datasets"]}
    step = tile_step(data_dir, datasets)
    offsets = tile_offsets(size, step)
    counts: dict[str, object] = {"size": size, "seed": seed, "tile_step_m": list(step)}
    for dataset in catalog["datasets"]:
        relative = dataset.get("mirror_path")
        if not relative:
            continue
        source = data_dir / relative
        target = out_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        kind = TILED_DATASETS.get(dataset["name"])
        if kind is None:
            if not target.exists():
                target.symlink_to(source)
            continue
        if kind == "osm":
            counts["osm"] = tile_osm(source, target, offsets)
        elif kind == "gtfs":
            counts["gtfs"] = tile_gtfs(source, target, offsets[: min(size, gtfs_cap)])
        else:
            counts[dataset["name"]] = tile_vector(
                source, target, offsets, kind=kind, crs=dataset["crs"]
            )
        dataset["sha256"] = sha256(target)
    catalog["city"]["name"] = f"scale-{size}x"
    catalog["city"]["title"] = f"Demo city tiled {math.isqrt(size)}x{math.isqrt(size)}"
    catalog_path.write_text(yaml.safe_dump(catalog, sort_keys=False, allow_unicode=True))
    counts_path.write_text(yaml.safe_dump(counts, sort_keys=False))
    (out_dir / "done").write_text("ok\n")
    return catalog_path, counts
