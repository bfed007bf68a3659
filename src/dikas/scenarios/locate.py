"""Where an edit happens: points and polygons in the twin's CRS (EPSG:3067).

A point is ``lon``/``lat`` (WGS 84), ``x``/``y`` (EPSG:3067) or a building ``address``
(case-insensitive match against the twin's ``buildings.address``; the footprint's
representative point). A polygon is a vector file (any CRS GDAL knows; all its polygons are
merged) or an inline ring of lon/lat pairs.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely
from pyproj import Transformer

from dikas.errors import ConfigError, DataError
from dikas.scenarios.spec import Location, PolygonLocation
from dikas.settings import TWIN_CRS

_FROM_WGS84 = Transformer.from_crs("EPSG:4326", TWIN_CRS, always_xy=True)
_TO_WGS84 = Transformer.from_crs(TWIN_CRS, "EPSG:4326", always_xy=True)


def point_of(location: Location, *, addresses: pd.DataFrame | None = None) -> shapely.Point:
    """The location as a point in EPSG:3067.

    ``addresses`` (``address``, ``geometry``) is needed only for address locations.
    """
    if location.lon is not None and location.lat is not None:
        x, y = _FROM_WGS84.transform(location.lon, location.lat)
        return shapely.Point(x, y)
    if location.x is not None and location.y is not None:
        return shapely.Point(location.x, location.y)
    wanted = str(location.address).strip().casefold()
    if addresses is None or addresses.empty:
        raise ConfigError(
            f"address {location.address!r}: the twin has no building addresses; "
            f"give lon/lat instead"
        )
    found = addresses[addresses["address"].astype(str).str.strip().str.casefold() == wanted]
    if found.empty:
        raise ConfigError(
            f"address {location.address!r} matches no building of the twin; give lon/lat instead"
        )
    return shapely.unary_union(found.geometry.to_numpy()).representative_point()


def to_lon_lat(point: shapely.Point) -> tuple[float, float]:
    """WGS 84 coordinates of an EPSG:3067 point, rounded to ~1 cm."""
    lon, lat = _TO_WGS84.transform(point.x, point.y)
    return round(float(lon), 7), round(float(lat), 7)


def extent_text(bounds: tuple[float, float, float, float]) -> str:
    """EPSG:3067 bounds as "lon a–b, lat c–d" (WGS 84, 3 decimals): where a twin reaches,
    in words an error message can give a person."""
    lon0, lat0 = _TO_WGS84.transform(bounds[0], bounds[1])
    lon1, lat1 = _TO_WGS84.transform(bounds[2], bounds[3])
    return f"lon {lon0:.3f}–{lon1:.3f}, lat {lat0:.3f}–{lat1:.3f}"


def polygon_of(spec: PolygonLocation, *, base_dir: Path) -> shapely.Geometry:
    """The edit's polygon in EPSG:3067 (a file's polygons merged into one geometry)."""
    if spec.polygon is not None:
        ring = [_FROM_WGS84.transform(lon, lat) for lon, lat in spec.polygon]
        polygon = shapely.make_valid(shapely.Polygon(ring))
    else:
        path = Path(str(spec.polygon_file))
        path = path if path.is_absolute() else base_dir / path
        if not path.is_file():
            raise ConfigError(f"polygon file {str(path)!r} does not exist")
        try:
            frame = gpd.read_file(path)
        except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as error:
            raise DataError(f"cannot read polygons ({error})", path=path) from None
        if frame.crs is None:
            raise DataError("the polygon file has no CRS", path=path)
        frame = frame[frame.geometry.notna() & ~frame.geometry.is_empty].to_crs(TWIN_CRS)
        if frame.empty or not frame.geom_type.isin(["Polygon", "MultiPolygon"]).all():
            raise DataError("the file must hold polygons", path=path)
        polygon = shapely.make_valid(shapely.unary_union(frame.geometry.to_numpy()))
    if polygon.is_empty or polygon.area <= 0:
        raise ConfigError("the greening polygon is empty")
    return polygon
