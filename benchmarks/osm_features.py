"""Time DikaS's pyosmium readers against GDAL's OSM driver (pyogrio) on the same PBF file.

Both sides produce EPSG:3067 frames: GDAL reads the ``multipolygons`` (and, for services,
``points``) layer, filters on the same tags and projects. GDAL's side does less work (no tag
mapping, no repair of self-intersecting ways), so the ratio is an upper bound of our overhead.

Usage::

    python benchmarks/osm_features.py [PBF] [--repeat N]

Default PBF: ``$DIKAS_DATA_DIR/greenpaths2_osm/helsinki_centre_20240815.osm.pbf``.
"""

from __future__ import annotations

import argparse
import os
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import pyogrio

from dikas.sources.osm_features import read_osm_buildings, read_osm_services

_DEFAULT = (
    Path(os.environ.get("DIKAS_DATA_DIR", Path(__file__).resolve().parents[2] / "shared" / "data"))
    / "greenpaths2_osm"
    / "helsinki_centre_20240815.osm.pbf"
)
_SERVICE_AMENITIES = (
    "school",
    "kindergarten",
    "library",
    "hospital",
    "pharmacy",
    "clinic",
    "doctors",
    "social_facility",
)


def gdal_buildings(path: Path) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = pyogrio.read_dataframe(
            path, layer="multipolygons", on_invalid="ignore", where="building IS NOT NULL"
        )
    return len(frame.to_crs(3067))


def gdal_services(path: Path) -> int:
    amenities = ", ".join(f"'{a}'" for a in _SERVICE_AMENITIES)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        polygons = pyogrio.read_dataframe(
            path,
            layer="multipolygons",
            on_invalid="ignore",
            where=f"amenity IN ({amenities}) OR leisure IN ('park', 'playground', "
            "'sports_centre', 'swimming_pool') OR shop IN ('supermarket', "
            "'convenience', 'grocery')",
        )
        points = pyogrio.read_dataframe(
            path,
            layer="points",
            where="other_tags LIKE '%\"amenity\"=>%' OR other_tags LIKE '%\"leisure\"=>%' "
            "OR other_tags LIKE '%\"shop\"=>%'",
        )
    polygons = polygons.to_crs(3067)
    return len(polygons.representative_point()) + len(points.to_crs(3067))


def best_of(function: Callable[[Path], int], path: Path, repeat: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = function(path)
        times.append(time.perf_counter() - start)
    return min(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pbf", nargs="?", type=Path, default=_DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cases = [
        ("buildings", lambda p: len(read_osm_buildings(p)), gdal_buildings),
        ("services", lambda p: len(read_osm_services(p)), gdal_services),
    ]
    print(f"file: {args.pbf} ({args.pbf.stat().st_size / 1e6:.1f} MB), best of {args.repeat}")
    for name, ours, peer in cases:
        our_time, our_rows = best_of(ours, args.pbf, args.repeat)
        peer_time, peer_rows = best_of(peer, args.pbf, args.repeat)
        print(
            f"{name:10s} dikas {our_time:6.2f} s ({our_rows} rows)   "
            f"gdal {peer_time:6.2f} s ({peer_rows} rows)   "
            f"ratio dikas/gdal {our_time / peer_time:5.2f}"
        )


if __name__ == "__main__":
    main()
