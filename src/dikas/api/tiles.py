"""Mapbox Vector Tiles of served layers, encoded by DuckDB spatial's ``ST_AsMVT``.

Tiles use the XYZ scheme in Web Mercator (EPSG:3857); a tile's bounds are
``minx = -R + x·s``, ``maxy = R - y·s`` with ``R = 20037508.342789244`` m and ``s = 2R / 2^z``.
Geometries were reprojected once when the layer was loaded, so a tile is a bounding-box
filter plus ``ST_AsMVTGeom`` (clip and quantize to a 4096 grid with a 64-unit buffer).
"""

from __future__ import annotations

import duckdb

from dikas.errors import ParameterError

ORIGIN_SHIFT = 20037508.342789244
MAX_ZOOM = 22
EXTENT = 4096
BUFFER = 64


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """Web Mercator bounds ``(minx, miny, maxx, maxy)`` of XYZ tile ``z/x/y``."""
    if not 0 <= z <= MAX_ZOOM:
        raise ParameterError(f"zoom must be between 0 and {MAX_ZOOM}, not {z}")
    n = 2**z
    if not (0 <= x < n and 0 <= y < n):
        raise ParameterError(f"tile {z}/{x}/{y} does not exist (x and y must be in 0..{n - 1})")
    size = 2 * ORIGIN_SHIFT / n
    minx = -ORIGIN_SHIFT + x * size
    maxy = ORIGIN_SHIFT - y * size
    return minx, maxy - size, minx + size, maxy


def render_tile(
    cursor: duckdb.DuckDBPyConnection,
    layer: str,
    properties: list[str],
    *,
    z: int,
    x: int,
    y: int,
    year: int | None = None,
    only: tuple[str, tuple[str, ...]] | None = None,
) -> bytes:
    """The tile's MVT bytes for one layer (``b""`` when no feature touches it).

    ``only = (column, values)`` keeps just the features whose column is one of the values.
    """
    minx, miny, maxx, maxy = tile_bounds(z, x, y)
    pad = (maxx - minx) * BUFFER / EXTENT
    columns = "".join(f'"{p}", ' for p in properties)
    filters = " AND year = ?" if year is not None else ""
    params: list[object] = [minx, miny, maxx, maxy, minx - pad, maxx + pad, miny - pad, maxy + pad]
    if year is not None:
        params.append(year)
    if only is not None:
        column, values = only
        filters += f' AND "{column}" IN ({", ".join("?" for _ in values)})'
        params.extend(values)
    row = cursor.execute(
        f"SELECT ST_AsMVT(t, ?, {EXTENT}, 'geom') FROM ("
        f"SELECT {columns}ST_AsMVTGeom(__geom3857, ST_Extent(ST_MakeEnvelope(?, ?, ?, ?)), "
        f'{EXTENT}, {BUFFER}, true) AS geom FROM "{layer}" '
        f"WHERE __x1 >= ? AND __x0 <= ? AND __y1 >= ? AND __y0 <= ?{filters}) AS t "
        "WHERE geom IS NOT NULL HAVING count(*) > 0",
        [layer, *params],
    ).fetchone()
    return bytes(row[0]) if row and row[0] is not None else b""
