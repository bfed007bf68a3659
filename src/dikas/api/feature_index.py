"""Items pages by bounding box and years, answered from arrays instead of a database query.

An OGC items page filtered by ``bbox`` (and ``datetime``) is the API's most frequent request.
DuckDB answers it in ≈ 3 ms, most of which is the fixed cost of planning a query; the same
selection over numpy arrays of each feature's bounds, then GEOS's exact intersection test on
the few candidates, takes a fraction of that. Pages with property filters still go to DuckDB
(:func:`dikas.api.features.select_features`); both give the same features in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from dikas.api.features import ItemsQuery


@dataclass(frozen=True)
class FeatureIndex:
    """A served layer's features in page order (by key, then year), with their WGS84 bounds.

    Attributes
    ----------
    bounds
        ``(n, 4)`` lon/lat bounds ``(west, south, east, north)``; rows without geometry are
        never selected.
    geometries
        WGS84 shapely geometries (``None`` where there is none).
    years
        Each feature's year in a yearly layer, else ``None``.
    features
        Each feature's finished GeoJSON text.
    keys
        Each feature's key value (to drop features by key, :meth:`without`).
    """

    bounds: np.ndarray
    geometries: np.ndarray
    years: np.ndarray | None
    features: np.ndarray
    keys: np.ndarray | None = None

    @classmethod
    def build(
        cls, data: pd.DataFrame, geometries: np.ndarray, features: list[str], *, key: str
    ) -> FeatureIndex:
        """Index a layer: ``data`` holds its properties (with ``key`` and, if yearly,
        ``year``), row by row with ``geometries`` (WGS84) and ``features``."""
        by = [key, "year"] if "year" in data.columns else [key]
        order = data.reset_index(drop=True).sort_values(by, kind="stable").index.to_numpy()
        geometries = geometries[order]
        bounds = shapely.bounds(geometries)  # NaN where there is no geometry
        years = data["year"].to_numpy()[order] if "year" in data.columns else None
        return cls(
            bounds=bounds,
            geometries=geometries,
            years=None if years is None else pd.to_numeric(years).astype(float),
            features=np.asarray(features, dtype=object)[order],
            keys=data[key].to_numpy()[order],
        )

    def extended(self, more: FeatureIndex) -> FeatureIndex:
        """This index with ``more``'s features after its own (their keys must sort after
        this index's, as new comment ids do, so that page order stays by key)."""
        years = (
            None
            if self.years is None or more.years is None
            else np.concatenate([self.years, more.years])
        )
        keys = (
            None
            if self.keys is None or more.keys is None
            else np.concatenate([self.keys, more.keys])
        )
        return FeatureIndex(
            bounds=np.concatenate([self.bounds, more.bounds]),
            geometries=np.concatenate([self.geometries, more.geometries]),
            years=years,
            features=np.concatenate([self.features, more.features]),
            keys=keys,
        )

    def without(self, keys: list[object]) -> FeatureIndex:
        """This index without the features whose key is one of ``keys``."""
        if self.keys is None:
            raise ValueError("this index was built without keys")
        keep = ~np.isin(self.keys, np.asarray(keys, dtype=self.keys.dtype))
        return FeatureIndex(
            bounds=self.bounds[keep],
            geometries=self.geometries[keep],
            years=None if self.years is None else self.years[keep],
            features=self.features[keep],
            keys=self.keys[keep],
        )

    def select(self, query: ItemsQuery) -> tuple[int, list[str]]:
        """``(numberMatched, features as GeoJSON text)`` of one page; ``query.properties``
        must be empty (property filters are DuckDB's)."""
        if query.properties:
            raise ValueError("property filters are answered by DuckDB, not the index")
        west, south, east, north = self.bounds.T
        keep = ~np.isnan(west)
        if query.bbox is not None:
            minlon, minlat, maxlon, maxlat = query.bbox
            keep &= (east >= minlon) & (west <= maxlon) & (north >= minlat) & (south <= maxlat)
        if query.years is not None and self.years is not None:
            start, stop = query.years
            if start is not None:
                keep &= self.years >= start
            if stop is not None:
                keep &= self.years <= stop
        rows = np.flatnonzero(keep)
        if query.bbox is not None and len(rows):
            rows = rows[shapely.intersects(self.geometries[rows], shapely.box(*query.bbox))]
        page = rows[query.offset : query.offset + query.limit]
        return len(rows), self.features[page].tolist()
