"""Benchmark: DikaS zonal statistics vs rasterstats and exactextract on the same inputs.

Times heat-raster zonal statistics for every building footprint and every 250 m cell, in
one process, against the reference of the same pixel rule:

* ``centre`` (pixel-centre inclusion) against ``rasterstats.zonal_stats`` (all_touched=False);
* ``coverage`` (exact coverage fractions) against ``exactextract.exact_extract``, if installed.

It checks that the results agree and prints the speed ratios. Inputs come from a twin
(``--twin``: layers ``grid`` and ``buildings`` and raster ``heat_exposure``) or from the data
mirror (``--data-dir``, default ``$DIKAS_DATA_DIR`` or ``../shared/data``: the HSY 2021 grid,
OSM buildings of inner Helsinki and the Helsinki heat raster).

    python benchmarks/climate.py [--twin twin.duckdb | --data-dir DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import rasterio
from rasterstats import zonal_stats

from dikas.twin.zonal import RasterBand, zonal_statistics


def _timed(function: Callable[[], object]) -> tuple[object, float]:
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def _inputs(args: argparse.Namespace, workdir: Path) -> tuple[dict[str, gpd.GeoDataFrame], Path]:
    if args.twin:
        from dikas.twin.store import Twin

        with Twin.open(args.twin) as twin, twin.raster("heat_exposure") as raster:
            raster_path = workdir / "heat.tif"
            profile = raster.profile
            with rasterio.open(raster_path, "w", **profile) as dst:
                dst.write(raster.read())
            layers = {
                "cells": twin.read("grid", columns=["cell_id"]),
                "buildings": twin.read("buildings", columns=["building_id"]),
            }
        return layers, raster_path
    from dikas.sources.osm_features import read_osm_buildings

    root = Path(
        args.data_dir
        or os.environ.get("DIKAS_DATA_DIR")
        or Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    cells = gpd.read_file(root / "pythongis_book" / "Population_grid_2021_HSY.gpkg")
    buildings = read_osm_buildings(root / "greenpaths2_osm" / "helsinki_centre_20240815.osm.pbf")
    return {"cells": cells, "buildings": buildings}, root / "r4c" / "urban_heat_exposure_index.tif"


def _compare(name: str, units: gpd.GeoDataFrame, raster_path: Path) -> None:
    with rasterio.open(raster_path) as dataset:
        band = RasterBand.from_dataset(dataset)
        in_raster_crs = units.to_crs(dataset.crs)
        print(f"\n{name}: {len(units):,} polygons, raster {dataset.width}×{dataset.height}")
        # centre rule vs rasterstats (polygons handed over already in the raster CRS)
        ours, t_ours = _timed(lambda: zonal_statistics(units, band).frame)
        reference, t_ref = _timed(
            lambda: pd.DataFrame(
                zonal_stats(in_raster_crs, str(raster_path), stats=["mean", "max", "count"])
            )
        )
        same = (
            ours["valid_pixels"].to_numpy() == reference["count"].to_numpy()
        ).all() and np.allclose(
            ours["mean"], reference["mean"].astype(float), rtol=1e-12, equal_nan=True
        )
        print(
            f"  centre   dikas {t_ours:8.3f} s | rasterstats {t_ref:8.2f} s | "
            f"ratio {t_ref / t_ours:7.1f}× | identical: {same}"
        )
        try:
            from exactextract import exact_extract
        except ImportError:
            print("  coverage exactextract not installed: skipped")
            return
        zonal_statistics(units.iloc[:1], band, pixel_rule="coverage")  # JIT warm-up, not timed
        ours, t_ours = _timed(lambda: zonal_statistics(units, band, pixel_rule="coverage").frame)
        reference, t_ref = _timed(
            lambda: exact_extract(dataset, in_raster_crs, ["mean", "max", "count"], output="pandas")
        )
        same = np.allclose(
            ours["valid_pixels"], reference["count"], rtol=1e-6, atol=1e-6
        ) and np.allclose(ours["mean"], reference["mean"], rtol=1e-6, equal_nan=True)
        print(
            f"  coverage dikas {t_ours:8.3f} s | exactextract {t_ref:7.2f} s | "
            f"ratio {t_ref / t_ours:7.2f}× | equal within 1e-6: {same}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--twin", type=Path, default=None)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help="Use only the first N polygons of each layer (rasterstats is slow).",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        layers, raster_path = _inputs(args, Path(tmp))
        for name, units in layers.items():
            units = units[units.geometry.notna() & ~units.geometry.is_empty]
            _compare(name, units.iloc[: args.limit] if args.limit else units, raster_path)


if __name__ == "__main__":
    main()
