"""Links between layers: every building and cell knows its postal area, every building its cell.

Buildings and services link by their representative point (always inside the feature), so
each is linked to exactly one unit even where it straddles a boundary. Cells link by largest
overlap (:func:`link_by_largest_overlap`): a 250 m cell is large next to the boundaries it
crosses, and its centre may lie in the sea or in a neighbour's area.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely


def link_to_units(
    features: gpd.GeoDataFrame,
    units: gpd.GeoDataFrame,
    *,
    unit_id: str,
    as_column: str | None = None,
) -> pd.Series:
    """The id of the unit containing each feature's representative point (NA outside all)."""
    points = gpd.GeoDataFrame(
        geometry=features.geometry.representative_point(), crs=features.crs, index=features.index
    )
    joined = gpd.sjoin(points, units[[unit_id, "geometry"]], how="left", predicate="within")
    joined = joined[~joined.index.duplicated(keep="first")]
    return joined[unit_id].reindex(features.index).rename(as_column or unit_id)


def transfer_attributes(
    target: gpd.GeoDataFrame, source: gpd.GeoDataFrame, columns: list[str]
) -> tuple[pd.DataFrame, int]:
    """Attributes of the ``source`` cell whose representative point lies in each target cell.

    Used to merge grids of the same 250 m lattice delivered in different CRSs; returns the
    attributes aligned to ``target`` and the number of source cells that matched no target.
    """
    points = gpd.GeoDataFrame(
        source[columns], geometry=source.geometry.representative_point(), crs=source.crs
    )
    joined = gpd.sjoin(points, target[["geometry"]], how="inner", predicate="within")
    joined = joined[~joined["index_right"].duplicated(keep="first")]
    aligned = joined.set_index("index_right")[columns].reindex(target.index)
    return aligned, len(source) - len(joined)


def link_by_largest_overlap(
    features: gpd.GeoDataFrame, units: gpd.GeoDataFrame, *, unit_id: str, min_share: float = 0.0
) -> pd.Series:
    """The id of the unit each polygon overlaps most (NA where it overlaps none).

    Unlike :func:`link_to_units` this keeps a cell that straddles a boundary, or whose
    centre lies in the sea or outside the unit layer, with the unit that holds most of it.
    With ``min_share``, a polygon whose overlap with all units together is a smaller share
    of its area stays unlinked (a cell mostly outside the city is not the city's).
    """
    pairs = gpd.sjoin(
        features[["geometry"]], units[[unit_id, "geometry"]], how="inner", predicate="intersects"
    )
    if pairs.empty:
        return pd.Series(pd.NA, index=features.index, name=unit_id, dtype="object")
    left = features.geometry.loc[pairs.index].to_numpy()
    right = units.geometry.iloc[pairs["index_right"].to_numpy()].to_numpy()
    pairs = pairs.assign(_overlap=shapely.area(shapely.intersection(left, right)))
    pairs = pairs[pairs["_overlap"] > 0]
    inside = pairs.groupby(level=0)["_overlap"].sum()
    share = inside / features.geometry.area.reindex(inside.index)
    keep = share.index[share >= min_share]
    pairs = pairs[pairs.index.isin(keep)]
    pairs = pairs.sort_values("_overlap", ascending=False, kind="stable")
    best = pairs[~pairs.index.duplicated(keep="first")][unit_id]
    return best.reindex(features.index).rename(unit_id)
