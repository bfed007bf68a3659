"""Applying scenario edits to a :class:`~dikas.scenarios.state.CityState`.

Each function changes exactly what its edit describes and returns a short, JSON-able record
of what it did (resolved ids and cells), kept in the scenario result.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.errors import ConfigError
from dikas.scenarios.cooling import CoolingModel, greening_effect
from dikas.scenarios.housing import age_columns, compose
from dikas.scenarios.locate import point_of, polygon_of, to_lon_lat
from dikas.scenarios.nearest import NearestServices
from dikas.scenarios.spec import (
    AddHousing,
    AddService,
    Greening,
    MoveService,
    RemoveHousing,
    RemoveService,
)
from dikas.scenarios.state import CityState


def _service_type_of(state: CityState, service_id: str) -> str:
    match = state.services.loc[state.services["service_id"] == service_id, "service_type"]
    if match.empty:
        raise ConfigError(f"no service with service_id {service_id!r} in the twin")
    return str(match.iloc[0])


def apply_service_edit(
    state: CityState,
    edit: AddService | RemoveService | MoveService,
    access: Mapping[str, NearestServices],
) -> dict[str, Any]:
    """Add, remove or move a service; update the nearest-service state of its type."""
    services = state.services
    state.edited.add("services")
    if isinstance(edit, RemoveService):
        service_type = _service_type_of(state, edit.service_id)
        state.services = services[services["service_id"] != edit.service_id].reset_index(drop=True)
        origins = access[service_type].remove(edit.service_id) if service_type in access else 0
        return {
            "service_id": edit.service_id,
            "service_type": service_type,
            "origins_affected": origins,
        }
    point = point_of(edit, addresses=state.addresses)
    if isinstance(edit, MoveService):
        service_type = _service_type_of(state, edit.service_id)
        service_id = edit.service_id
        at = services.index[services["service_id"] == service_id]
        services.loc[at, "geometry"] = gpd.GeoSeries([point] * len(at), index=at, crs=services.crs)
        removed = access[service_type].remove(service_id) if service_type in access else 0
    else:
        service_type = edit.service_type
        service_id = edit.service_id or f"scenario_{service_type}_{len(services) + 1}"
        if (services["service_id"] == service_id).any():
            raise ConfigError(f"service_id {service_id!r} already exists")
        row: dict[str, Any] = {c: None for c in services.columns if c != "geometry"}
        row.update(
            {
                "service_id": service_id,
                "service_type": service_type,
                "name": edit.name or f"new {service_type.replace('_', ' ')}",
                "capacity": edit.capacity,
                "source": "scenario",
            }
        )
        new = gpd.GeoDataFrame([row], geometry=[point], crs=services.crs)
        state.services = pd.concat([services, new[services.columns]], ignore_index=True)
        removed = 0
    added = 0
    if service_type in access:
        added = access[service_type].add(service_id, gpd.GeoSeries([point], crs=services.crs))
    lon, lat = to_lon_lat(point)
    return {
        "service_id": service_id,
        "service_type": service_type,
        "lon": lon,
        "lat": lat,
        "origins_affected": max(added, removed),
    }


def _city_sums(state: CityState) -> pd.Series:
    numeric = state.areas.drop(columns=["geometry"]).select_dtypes("number")
    return numeric.sum()


def apply_housing(state: CityState, edit: AddHousing | RemoveHousing) -> dict[str, Any]:
    """Add (or remove) residents and dwellings in a cell, its postal area and its groups."""
    point = point_of(edit, addresses=state.addresses)
    cell_id = state.cell_at(point)
    postal_code = str(state.grid.at[cell_id, "postal_code"])
    rows = state.areas.index[state.areas["postal_code"] == postal_code]
    if len(rows) != 1:
        raise ConfigError(f"postal area {postal_code} has no data for {state.year}")
    area = state.areas.loc[rows[0]]
    sign = -1.0 if isinstance(edit, RemoveHousing) else 1.0
    if sign < 0 and edit.residents > float(state.grid.at[cell_id, "inhabitants"] or 0.0):
        raise ConfigError(
            f"cannot remove {edit.residents} residents: the cell has "
            f"{state.grid.at[cell_id, 'inhabitants']:g}"
        )
    options: dict[str, Any] = {}
    if isinstance(edit, AddHousing):
        options = {
            "age_shares": edit.age_shares,
            "income_shares": edit.income_shares,
            "tenure_shares": edit.tenure_shares,
            "social_rental_share": edit.social_rental_share,
        }
    composition = compose(
        residents=sign * edit.residents,
        dwellings=sign * edit.dwellings,
        area=area,
        city=_city_sums(state),
        grid_age_columns=age_columns(state.grid.columns),
        cell_id=cell_id,
        groups=state.access_groups(),
        **options,
    )
    for column, change in composition.areas.items():
        if column in state.areas.columns:
            value = pd.to_numeric(pd.Series([state.areas.at[rows[0], column]]))[0]
            state.areas.at[rows[0], column] = (0.0 if pd.isna(value) else value) + change
    for column, change in composition.grid.items():
        value = state.grid.at[cell_id, column]
        state.grid.at[cell_id, column] = (0.0 if pd.isna(value) else float(value)) + change
    added = pd.DataFrame([composition.groups], index=[cell_id])[list(state.group_names())]
    state.added_groups = (
        added if state.added_groups.empty else state.added_groups.add(added, fill_value=0.0)
    )
    state.edited.update({"grid", "areas"})
    lon, lat = to_lon_lat(point)
    return {
        "cell_id": str(cell_id),
        "postal_code": postal_code,
        "lon": lon,
        "lat": lat,
        "residents": sign * edit.residents,
        "dwellings": sign * edit.dwellings,
        "groups": {k: round(float(v), 3) for k, v in composition.groups.items()},
    }


def apply_greening(state: CityState, edit: Greening, *, base_dir: Path) -> dict[str, Any]:
    """Raise canopy in a polygon and cool the cells by the cooling model."""
    polygon = polygon_of(edit, base_dir=base_dir)
    defaults = CoolingModel()
    model = CoolingModel(
        cooling_per_canopy=defaults.cooling_per_canopy
        if edit.cooling_per_canopy is None
        else edit.cooling_per_canopy,
        spillover_share=defaults.spillover_share
        if edit.spillover_share is None
        else edit.spillover_share,
    )
    grid = state.grid
    if "heat_exposure_index" not in grid or "tree_cover_m2" not in grid:
        raise ConfigError("greening needs the grid's heat_exposure_index and tree_cover_m2")
    effect = greening_effect(
        grid,
        polygon,
        canopy_increase=edit.canopy_increase,
        heat=grid["heat_exposure_index"],
        model=model,
    )
    changed = effect.canopy_change.gt(0) | effect.heat_change.fillna(0).lt(0)
    grid["tree_cover_m2"] = effect.tree_cover_m2.where(changed, grid["tree_cover_m2"])
    grid["heat_exposure_index"] = grid["heat_exposure_index"].astype(
        float
    ) + effect.heat_change.fillna(0.0)
    state.edited.add("grid")
    return {
        "cells_changed": int(changed.sum()),
        "area_m2": round(float(polygon.area), 1),
        "cooling_per_canopy": model.cooling_per_canopy,
        "spillover_share": model.spillover_share,
        "largest_heat_change": float(np.nan_to_num(effect.heat_change.min())),
    }
