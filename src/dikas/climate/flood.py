"""Flood exposure: buildings, residents and vulnerable residents in each hazard class.

Any flood hazard layer works: polygons with a class column (a return period such as
20/100/1000 years, or a water-depth class). Classes are counted independently: with
nested zones (the 1/1000 a zone contains the 1/100 a zone) a building in the 1/20 a zone
also counts in the 1/100 a and 1/1000 a classes, as in the published hazard maps.

* a building is exposed when its footprint intersects the class's zones;
* residents of a cell in a class are ``P_c · |c ∩ Z| / |c|`` (residents uniform within the
  250 m cell); summed per class and, through the cell's overlap with areas, per area;
* *vulnerable residents* are the residents of cells whose flood-vulnerability index is
  at or above its ``vulnerable_quantile`` (default: the most vulnerable fifth of cells).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from dikas.climate.config import VulnerabilityConfig
from dikas.errors import DataError, MissingColumnError, MissingDataError, ParameterError
from dikas.twin.aggregation import overlay_pieces


@dataclass(frozen=True)
class FloodExposure:
    """Who and what lies in each flood hazard class.

    Attributes
    ----------
    by_class
        One row per class: ``buildings``, ``residents``, ``vulnerable_residents``.
    cells
        Long frame ``(cell, hazard_class)`` → ``residents``, ``vulnerable_residents``,
        ``overlap_share`` for every cell touching a zone.
    buildings
        Long frame ``(building, hazard_class)`` → ``overlap_share`` of the footprint.
    areas
        Long frame ``(area, hazard_class)`` → ``residents``, ``vulnerable_residents``,
        ``buildings`` (None without areas).
    class_column
        The hazard layer's class column.
    vulnerable_quantile
        Quantile of the flood index above which a cell's residents count as vulnerable.
    """

    by_class: pd.DataFrame
    cells: pd.DataFrame
    buildings: pd.DataFrame
    areas: pd.DataFrame | None
    class_column: str
    vulnerable_quantile: float


def missing_hazard_message(config: VulnerabilityConfig) -> str:
    """One line telling the user that a hazard layer is needed and where to get one."""
    services = "; ".join(
        f"{s.name} by {s.producer} <{s.url}> ({s.layers})" for s in config.flood_hazard_services
    )
    return (
        "no flood hazard layer given: pass --hazard FILE (polygons with a return-period or "
        "depth-class column, named by --class-column). Official sources: "
        + (services or "none listed in the configuration")
    )


def read_hazard(path: str | Path, *, class_column: str, crs: str) -> gpd.GeoDataFrame:
    """Read a flood hazard polygon layer, keep its class column, transform to ``crs``."""
    source = Path(path)
    if not source.exists():
        raise MissingDataError(f"flood hazard file {str(source)!r} does not exist")
    try:
        hazard = gpd.read_file(source)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        raise DataError(
            f"cannot read as a vector layer ({exc})", dataset="flood hazard", path=source
        ) from exc
    if class_column not in hazard.columns:
        raise MissingColumnError(
            f"no column {class_column!r}; columns are "
            f"{', '.join(c for c in hazard.columns if c != 'geometry')}",
            dataset="flood hazard",
            path=source,
        )
    if hazard.crs is None:
        raise DataError("the layer has no CRS", dataset="flood hazard", path=source)
    hazard = hazard[hazard.geometry.notna() & ~hazard.geometry.is_empty]
    polygonal = hazard.geom_type.isin(["Polygon", "MultiPolygon"])
    if not polygonal.all():
        raise DataError("flood hazard zones must be polygons", dataset="flood hazard", path=source)
    return hazard[[class_column, "geometry"]].to_crs(crs)


def flood_exposure(
    hazard: gpd.GeoDataFrame,
    *,
    class_column: str,
    cells: gpd.GeoDataFrame,
    population: str,
    buildings: gpd.GeoDataFrame | None = None,
    areas: gpd.GeoDataFrame | None = None,
    flood_index: pd.Series | None = None,
    vulnerable_quantile: float = 0.8,
) -> FloodExposure:
    """Count buildings, residents and vulnerable residents in each hazard class.

    Parameters
    ----------
    hazard
        Zone polygons with ``class_column``.
    class_column
        Return period or depth class.
    cells
        Grid cells with the residents column ``population``.
    population
        Residents column of ``cells``.
    buildings
        Building footprints (optional).
    areas
        Postal areas for the per-area table (optional).
    flood_index
        Flood-vulnerability index per cell (indexed like ``cells``); without it
        ``vulnerable_residents`` is NaN.
    vulnerable_quantile
        Cells with an index at or above this quantile hold the vulnerable residents.
    """
    if class_column not in hazard.columns:
        raise MissingColumnError(f"the hazard layer lacks the class column {class_column!r}")
    if population not in cells.columns:
        raise MissingColumnError(f"the cell layer lacks the residents column {population!r}")
    if not 0 <= vulnerable_quantile < 1:
        raise ParameterError("vulnerable_quantile must be in [0, 1)")
    if hazard[class_column].isna().any():
        raise DataError(f"hazard zones without a value in {class_column!r}", dataset="flood hazard")
    zones = hazard[[class_column, "geometry"]].to_crs(cells.crs).dissolve(by=class_column)
    classes = zones.index.to_numpy()
    residents = cells[population].fillna(0).to_numpy(dtype="float64")
    vulnerable = _vulnerable_residents(residents, flood_index, cells.index, vulnerable_quantile)
    cell_area = cells.geometry.area.to_numpy()
    pieces = overlay_pieces(zones, cells)
    share = pieces["area"].to_numpy() / cell_area[pieces["target"].to_numpy()]
    cell_rows = pd.DataFrame(
        {
            "unit": cells.index.to_numpy()[pieces["target"]],
            "hazard_class": classes[pieces["source"]],
            "overlap_share": share,
            "residents": residents[pieces["target"]] * share,
            "vulnerable_residents": vulnerable[pieces["target"]] * share,
        }
    )
    building_rows = _building_rows(zones, buildings, classes)
    by_class = pd.DataFrame(index=pd.Index(classes, name="hazard_class"))
    by_class["buildings"] = (
        building_rows.groupby("hazard_class").size().reindex(classes, fill_value=0)
    )
    by_class["residents"] = (
        cell_rows.groupby("hazard_class")["residents"].sum().reindex(classes, fill_value=0.0)
    )
    by_class["vulnerable_residents"] = (
        cell_rows.groupby("hazard_class")["vulnerable_residents"].sum(min_count=1).reindex(classes)
    )
    area_rows = (
        None
        if areas is None
        else _area_rows(
            zones, cells, areas, residents, vulnerable, classes, buildings, building_rows
        )
    )
    return FloodExposure(
        by_class=by_class,
        cells=cell_rows,
        buildings=building_rows,
        areas=area_rows,
        class_column=class_column,
        vulnerable_quantile=vulnerable_quantile,
    )


def _vulnerable_residents(
    residents: np.ndarray, flood_index: pd.Series | None, index: pd.Index, quantile: float
) -> np.ndarray:
    if flood_index is None:
        return np.full_like(residents, np.nan)
    values = flood_index.reindex(index).to_numpy(dtype="float64")
    valid = np.isfinite(values)
    if not valid.any():
        return np.full_like(residents, np.nan)
    cutoff = np.quantile(values[valid], quantile)
    return np.where(valid & (values >= cutoff), residents, 0.0)


def _building_rows(
    zones: gpd.GeoDataFrame, buildings: gpd.GeoDataFrame | None, classes: np.ndarray
) -> pd.DataFrame:
    if buildings is None or buildings.empty:
        return pd.DataFrame({"unit": [], "hazard_class": [], "overlap_share": []})
    pieces = overlay_pieces(zones, buildings)
    footprint = buildings.to_crs(zones.crs).geometry.area.to_numpy()
    return pd.DataFrame(
        {
            "unit": buildings.index.to_numpy()[pieces["target"]],
            "hazard_class": classes[pieces["source"]],
            "overlap_share": pieces["area"].to_numpy() / footprint[pieces["target"].to_numpy()],
        }
    )


def _area_rows(
    zones: gpd.GeoDataFrame,
    cells: gpd.GeoDataFrame,
    areas: gpd.GeoDataFrame,
    residents: np.ndarray,
    vulnerable: np.ndarray,
    classes: np.ndarray,
    buildings: gpd.GeoDataFrame | None,
    building_rows: pd.DataFrame,
) -> pd.DataFrame:
    """Per (area, class): residents of the cell parts inside both the zone and the area."""
    areas = areas.to_crs(cells.crs)
    rows = []
    cell_area = cells.geometry.area.to_numpy()
    for position, hazard_class in enumerate(classes):
        zone = gpd.GeoDataFrame(geometry=[zones.geometry.iloc[position]], crs=zones.crs)
        zone_cells = gpd.overlay(
            cells[["geometry"]].assign(_cell=np.arange(len(cells))),
            zone,
            how="intersection",
            keep_geom_type=True,
        )
        if zone_cells.empty:
            continue
        pieces = overlay_pieces(zone_cells, areas)
        cell_of = zone_cells["_cell"].to_numpy()[pieces["source"]]
        share = pieces["area"].to_numpy() / cell_area[cell_of]
        frame = pd.DataFrame(
            {
                "unit": areas.index.to_numpy()[pieces["target"]],
                "residents": residents[cell_of] * share,
                "vulnerable_residents": vulnerable[cell_of] * share,
            }
        )
        summed = frame.groupby("unit").sum(min_count=1)
        summed["hazard_class"] = hazard_class
        rows.append(summed)
    result = (
        pd.concat(rows)
        if rows
        else pd.DataFrame({"residents": [], "vulnerable_residents": [], "hazard_class": []})
    )
    result.index.name = "unit"
    result = result.reset_index()
    if buildings is not None and not building_rows.empty:
        points = np.asarray(
            buildings.to_crs(areas.crs).geometry.representative_point().values, dtype=object
        )
        tree = shapely.STRtree(np.asarray(areas.geometry.values, dtype=object))
        point_pos, area_pos = tree.query(points, predicate="within")
        first = ~pd.Series(point_pos).duplicated().to_numpy()
        area_of = pd.Series(
            areas.index.to_numpy()[area_pos[first]],
            index=buildings.index.to_numpy()[point_pos[first]],
        )
        counts = (
            building_rows.assign(area=building_rows["unit"].map(area_of))
            .groupby(["area", "hazard_class"])
            .size()
            .rename("buildings")
        )
        result = result.merge(
            counts, left_on=["unit", "hazard_class"], right_index=True, how="left"
        )
        result["buildings"] = result["buildings"].fillna(0).astype("int64")
    return result
