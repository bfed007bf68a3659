"""The parts of a twin a scenario edits, held in memory while edits are applied."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dikas.errors import ConfigError, ParameterError, TwinError
from dikas.scenarios.locate import extent_text, to_lon_lat
from dikas.sources.catalog import PopulationGroup
from dikas.sources.gtfs import GtfsFeed
from dikas.twin.groups import ALL, column_sums, population_groups, used_for
from dikas.twin.store import Twin


@dataclass
class CityState:
    """Editable copies of the twin's layers.

    Attributes
    ----------
    grid
        Every grid cell, indexed by ``cell_id``.
    areas
        Postal areas of ``year``.
    year
        The postal-area year edited.
    services
        The services layer.
    addresses
        Building ``address`` and footprint (only read when an edit gives an address).
    feed
        The GTFS feed (only read when a transit edit needs it).
    added_groups
        Population-group counts added by housing edits, per cell (``cell_id`` index).
    edited
        Names of the layers that edits changed.
    groups
        The twin's population groups (:func:`dikas.twin.groups.population_groups`).
    """

    grid: gpd.GeoDataFrame
    areas: gpd.GeoDataFrame
    year: int
    services: gpd.GeoDataFrame
    addresses: pd.DataFrame | None = None
    feed: GtfsFeed | None = None
    added_groups: pd.DataFrame = field(default_factory=pd.DataFrame)
    edited: set[str] = field(default_factory=set)
    groups: tuple[PopulationGroup, ...] = ()

    @classmethod
    def from_twin(
        cls, twin: Twin, *, year: int | None = None, addresses: bool = False, transit: bool = False
    ) -> CityState:
        """Read the layers scenarios edit from ``twin``."""
        for layer in ("grid", "areas", "services"):
            if not twin.has_layer(layer):
                raise TwinError(
                    f"twin {str(twin.path)!r}: no layer {layer!r}; scenarios need "
                    f"grid, areas and services"
                )
        years = twin.years("areas")
        if year is None:
            year = max(years)
        elif year not in years:
            raise ParameterError(f"the twin has no postal-area year {year}; years: {years}")
        grid = twin.read("grid").set_index("cell_id", drop=False)
        grid.index.name = None
        areas = twin.read("areas", year=year).reset_index(drop=True)
        areas["postal_code"] = areas["postal_code"].astype(str)
        services = twin.read("services").reset_index(drop=True)
        services["service_id"] = services["service_id"].astype(str)
        state = cls(
            grid=grid, areas=areas, year=year, services=services, groups=population_groups(twin)
        )
        if addresses and twin.has_layer("buildings"):
            state.addresses = twin.read("buildings", columns=["address", "geometry"])
        if transit:
            state.feed = GtfsFeed.from_twin(twin)
        return state

    def access_groups(self) -> dict[str, tuple[str, ...]]:
        """Group id → summed ``areas`` columns of the groups access is summarized for."""
        return column_sums(used_for(self.groups, "access", level="areas"))

    def group_names(self) -> tuple[str, ...]:
        """The whole population and the access groups: the columns of group counts."""
        return (ALL, *self.access_groups())

    def city_grid(self) -> gpd.GeoDataFrame:
        """The cells inside the city (``in_city``), indexed by ``cell_id``."""
        inside = (
            self.grid["in_city"].fillna(False).astype(bool)
            if "in_city" in self.grid
            else self.grid["postal_code"].notna()
        )
        return self.grid[inside & self.grid["postal_code"].notna()]

    def cell_at(self, point: shapely.Point) -> object:
        """The ``cell_id`` of the grid cell containing ``point``.

        The grid holds inhabited cells only; on empty land a new 250 m cell centred on the
        point is added, in the postal area containing the point, with the heat exposure of
        the nearest existing cell.
        """
        hits = self.grid.index[self.grid.geometry.intersects(point)]
        if len(hits):
            return hits[0]
        area = self.areas[self.areas.geometry.intersects(point)]
        if area.empty:
            lon, lat = to_lon_lat(point)
            raise ConfigError(
                f"the location (lon {lon:.4f}, lat {lat:.4f}) lies outside the "
                f"twin's postal areas, which cover "
                f"{extent_text(tuple(self.areas.total_bounds))}"
            )
        nearest = self.grid.index[int(np.argmin(self.grid.geometry.distance(point)))]
        cell_id = f"scenario_cell_{len(self.grid) + 1}"
        side = float(np.sqrt(self.grid.geometry.area.median()))
        row: dict[str, Any] = {
            c: (
                0.0
                if c in ("inhabitants",) or (c.startswith("age_") and c != "age_suppressed")
                else None
            )
            for c in self.grid.columns
            if c != "geometry"
        }
        row.update(
            {
                "cell_id": cell_id,
                "postal_code": str(area["postal_code"].iloc[0]),
                "in_city": True,
                "age_suppressed": False,
                "heat_exposure_index": self.grid.at[nearest, "heat_exposure_index"]
                if "heat_exposure_index" in self.grid
                else None,
            }
        )
        cell = gpd.GeoDataFrame(
            [row],
            index=[cell_id],
            crs=self.grid.crs,
            geometry=[
                shapely.box(
                    point.x - side / 2, point.y - side / 2, point.x + side / 2, point.y + side / 2
                )
            ],
        )
        self.grid = pd.concat([self.grid, cell[self.grid.columns]])
        return cell_id
