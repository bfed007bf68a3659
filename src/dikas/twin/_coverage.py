"""Compiled kernels for exact pixel coverage: edge pixels and clipped areas.

Exact-coverage zonal statistics need ``|P ∩ box|`` for every pixel on a polygon's edge;
all other pixels of the polygon's bounding box are wholly inside or outside, decided by
their centre. :func:`edge_pixels` walks every ring segment through the pixel grid and
returns the pixels it crosses (no box geometries are built).
GEOS overlay (``shapely.intersection``) is general but slow for hundreds of thousands of
tiny boxes; clipping each ring against the box's four half-planes (Sutherland–Hodgman)
and taking the shoelace area is exact for a convex clip window even when the ring is not
convex (the degenerate edges it leaves along the window have zero area). Holes are
subtracted. Tested against ``shapely.intersection`` areas.
"""

from __future__ import annotations

import numba
import numpy as np
import shapely


@numba.njit(cache=True)
def _clip(
    xs: np.ndarray,
    ys: np.ndarray,
    n: int,
    axis: int,
    value: float,
    keep_above: bool,
    out_x: np.ndarray,
    out_y: np.ndarray,
) -> int:
    """Clip the closed ring ``xs[:n], ys[:n]`` to one half-plane; returns the new length."""
    m = 0
    for i in range(n):
        j = n - 1 if i == 0 else i - 1
        cx, cy = xs[i], ys[i]
        px, py = xs[j], ys[j]
        c = cx if axis == 0 else cy
        p = px if axis == 0 else py
        c_in = c >= value if keep_above else c <= value
        p_in = p >= value if keep_above else p <= value
        if c_in != p_in:
            t = (value - p) / (c - p)
            out_x[m] = px + t * (cx - px)
            out_y[m] = py + t * (cy - py)
            m += 1
        if c_in:
            out_x[m] = cx
            out_y[m] = cy
            m += 1
    return m


@numba.njit(cache=True)
def _clipped_ring_area(
    xs: np.ndarray, ys: np.ndarray, xmin: float, ymin: float, xmax: float, ymax: float
) -> float:
    n = xs.shape[0]
    size = 2 * n + 8
    ax, ay = np.empty(size), np.empty(size)
    bx, by = np.empty(size), np.empty(size)
    ax[:n], ay[:n] = xs, ys
    n = _clip(ax, ay, n, 0, xmin, True, bx, by)
    n = _clip(bx, by, n, 0, xmax, False, ax, ay)
    n = _clip(ax, ay, n, 1, ymin, True, bx, by)
    n = _clip(bx, by, n, 1, ymax, False, ax, ay)
    area = 0.0
    for i in range(n):  # shoelace relative to the box corner, against cancellation
        j = n - 1 if i == 0 else i - 1
        area += (ax[j] - xmin) * (ay[i] - ymin) - (ax[i] - xmin) * (ay[j] - ymin)
    return abs(area) / 2.0


@numba.njit(cache=True)
def _clipped_areas(
    coords: np.ndarray,
    rings: np.ndarray,
    parts: np.ndarray,
    geoms: np.ndarray,
    geom_of: np.ndarray,
    xmin: np.ndarray,
    ymin: np.ndarray,
    xmax: np.ndarray,
    ymax: np.ndarray,
) -> np.ndarray:
    out = np.zeros(geom_of.shape[0])
    for k in range(geom_of.shape[0]):
        g = geom_of[k]
        total = 0.0
        for part in range(geoms[g], geoms[g + 1]):
            for ring in range(parts[part], parts[part + 1]):
                start, end = rings[ring], rings[ring + 1] - 1  # drop the closing vertex
                area = _clipped_ring_area(
                    coords[start:end, 0], coords[start:end, 1], xmin[k], ymin[k], xmax[k], ymax[k]
                )
                total += area if ring == parts[part] else -area
        out[k] = total
    return out


@numba.njit(cache=True)
def _edge_pixels(
    coords: np.ndarray,
    rings: np.ndarray,
    parts: np.ndarray,
    geoms: np.ndarray,
    origin_x: float,
    pixel_w: float,
    origin_y: float,
    pixel_h: float,
    width: int,
    height: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    out_g, out_r, out_c = [], [], []
    for g in range(geoms.shape[0] - 1):
        for part in range(geoms[g], geoms[g + 1]):
            for ring in range(parts[part], parts[part + 1]):
                for k in range(rings[ring], rings[ring + 1] - 1):
                    u0 = (coords[k, 0] - origin_x) / pixel_w
                    v0 = (coords[k, 1] - origin_y) / pixel_h
                    u1 = (coords[k + 1, 0] - origin_x) / pixel_w
                    v1 = (coords[k + 1, 1] - origin_y) / pixel_h
                    for col in range(int(np.floor(min(u0, u1))), int(np.floor(max(u0, u1))) + 1):
                        if col < 0 or col >= width:
                            continue
                        if u0 == u1:
                            va, vb = v0, v1
                        else:  # the segment's row span inside this column
                            ta = min(max((col - u0) / (u1 - u0), 0.0), 1.0)
                            tb = min(max((col + 1 - u0) / (u1 - u0), 0.0), 1.0)
                            va, vb = v0 + ta * (v1 - v0), v0 + tb * (v1 - v0)
                        lo = max(int(np.floor(min(va, vb))), 0)
                        hi = min(int(np.floor(max(va, vb))), height - 1)
                        for row in range(lo, hi + 1):
                            out_g.append(g)
                            out_r.append(row)
                            out_c.append(col)
    return (
        np.array(out_g, dtype=np.int64),
        np.array(out_r, dtype=np.int64),
        np.array(out_c, dtype=np.int64),
    )


def edge_pixels(
    polygons: np.ndarray, transform: tuple[float, ...], shape: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(polygon, row, col)`` of every pixel a polygon's boundary passes through.

    ``transform`` is the north-up affine ``(a, b, c, d, e, f)`` of the raster and
    ``shape`` its ``(height, width)``. Pixels the boundary only touches may be included;
    they are then clipped exactly, so the result stays exact. Duplicates are possible.
    """
    a, _, c, _, e, f = transform
    _, coords, (rings, parts, geoms) = shapely.to_ragged_array(_as_multipolygons(polygons))
    return _edge_pixels(
        np.ascontiguousarray(coords, dtype="float64"),
        rings.astype("int64"),
        parts.astype("int64"),
        geoms.astype("int64"),
        c,
        a,
        f,
        e,
        shape[1],
        shape[0],
    )


def clipped_areas(
    polygons: np.ndarray,
    which: np.ndarray,
    xmin: np.ndarray,
    ymin: np.ndarray,
    xmax: np.ndarray,
    ymax: np.ndarray,
) -> np.ndarray:
    """``|polygons[which[k]] ∩ box(xmin[k], ymin[k], xmax[k], ymax[k])|`` for every ``k``.

    Non-polygonal parts (lines, points in a GeometryCollection) have no area and are dropped.
    """
    if len(which) == 0:
        return np.zeros(0)
    used, geom_of = np.unique(which, return_inverse=True)
    _, coords, (rings, parts, geoms) = shapely.to_ragged_array(_as_multipolygons(polygons[used]))
    return _clipped_areas(
        np.ascontiguousarray(coords, dtype="float64"),
        rings.astype("int64"),
        parts.astype("int64"),
        geoms.astype("int64"),
        geom_of.astype("int64"),
        np.asarray(xmin, "float64"),
        np.asarray(ymin, "float64"),
        np.asarray(xmax, "float64"),
        np.asarray(ymax, "float64"),
    )


def _as_multipolygons(geometries: np.ndarray) -> np.ndarray:
    """The geometries as MultiPolygons (vectorized for plain Polygons)."""
    out = np.empty(len(geometries), dtype=object)
    types = shapely.get_type_id(geometries)
    single = types == shapely.GeometryType.POLYGON
    if single.any():
        out[single] = shapely.multipolygons(geometries[single], indices=np.arange(single.sum()))
    multi = types == shapely.GeometryType.MULTIPOLYGON
    out[multi] = geometries[multi]
    for k in np.flatnonzero(~single & ~multi):
        out[k] = _as_multipolygon(geometries[k])
    return out


def _as_multipolygon(geometry: shapely.Geometry | None) -> shapely.MultiPolygon:
    if geometry is None or geometry.is_empty:
        return shapely.MultiPolygon()
    if geometry.geom_type == "MultiPolygon":
        return geometry
    if geometry.geom_type == "Polygon":
        return shapely.MultiPolygon([geometry])
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.MultiPolygon([q for p in parts for q in shapely.get_parts(p)])
