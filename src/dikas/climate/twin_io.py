"""Reading the climate inputs from a twin.

Units are indexed by their twin key: ``cell_id`` (grid), ``postal_code`` (areas),
``building_id`` (buildings). Grid cells outside the city (``in_city`` false) are left out
so that normalization and ranks refer to the city's own cells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import geopandas as gpd
import shapely

from dikas.errors import TwinError
from dikas.twin.schema import unit_key
from dikas.twin.store import Twin

HEAT_RASTER = "heat_exposure"


def read_grid(twin: Twin) -> gpd.GeoDataFrame:
    """The city's grid cells, indexed by ``cell_id``."""
    grid = twin.read("grid")
    if "in_city" in grid.columns:
        grid = grid[grid["in_city"].fillna(False).astype(bool)]
    if grid.empty:
        raise TwinError(f"twin {str(twin.path)!r}: the grid layer has no cells in the city")
    return grid.set_index(unit_key("grid"))


def read_areas(twin: Twin, *, year: int | None = None) -> tuple[gpd.GeoDataFrame, int]:
    """Postal areas of ``year`` (default: the latest), indexed by ``postal_code``."""
    years = twin.years("areas")
    if not years:
        raise TwinError(f"twin {str(twin.path)!r}: the areas layer has no years")
    chosen = years[-1] if year is None else year
    return twin.read("areas", year=chosen).set_index(unit_key("areas")), chosen


def read_buildings(twin: Twin, *, residential_pattern: str | None = None) -> gpd.GeoDataFrame:
    """Building footprints indexed by ``building_id``, optionally only the homes."""
    if not twin.has_layer("buildings"):
        raise TwinError(f"twin {str(twin.path)!r}: no buildings layer")
    buildings = twin.read("buildings", columns=["building_id", "use", "postal_code"])
    buildings = buildings.set_index(unit_key("buildings"))
    if residential_pattern is not None:
        homes = (
            buildings["use"]
            .fillna("")
            .astype(str)
            .str.contains(re.compile(residential_pattern), regex=True)
        )
        buildings = buildings[homes]
    return buildings


def read_parks(twin: Twin, *, service_types: Sequence[str]) -> gpd.GeoDataFrame:
    """Parks and green areas from the ``services`` layer."""
    if not twin.has_layer("services"):
        raise TwinError(f"twin {str(twin.path)!r}: no services layer to find parks in")
    services = twin.read("services", columns=["service_id", "service_type", "name"])
    parks = services[services["service_type"].isin(list(service_types))]
    if parks.empty:
        raise TwinError(
            f"twin {str(twin.path)!r}: no service of type "
            f"{', '.join(service_types)} (parks) in the services layer"
        )
    return parks


def surveyed_area(twin: Twin) -> shapely.Geometry | None:
    """Where the twin's OSM features were surveyed: the bounding box of its street network.

    Services (parks included) come from the same OSM extract as the streets, so distances to
    the nearest park mean nothing outside this box; ``None`` when the twin has no network.
    """
    if not twin.has_layer("network_edges"):
        return None
    extent = twin.extent("network_edges")
    return None if extent is None else shapely.box(*extent)
