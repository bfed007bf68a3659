"""Walking legs where no street network is available: straight lines with a detour factor.

Used by the transit benchmark on areas the bundled OSM extracts do not cover and by tests;
indicator code uses :class:`dikas.accessibility.network.StreetNetwork`. Walking time is
``detour_factor · euclidean distance / speed``; the default 1.3 lies in the range of
network-to-straight-line ratios (circuity) measured for urban trips, about 1.2–1.4
(Levinson & El-Geneidy 2009, "The minimum circuity frontier and the journey to work",
Regional Science and Urban Economics 39(6)).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from dikas.errors import CRSError, MissingColumnError, ParameterError


@dataclass(frozen=True)
class StraightLineWalk:
    """Walking times along straight lines, with the interface of a street network.

    Attributes
    ----------
    speed_mps
        Walking speed (m/s); 1.2 as in :mod:`dikas.accessibility.network`.
    detour_factor
        Ratio of walked to straight-line distance.
    """

    speed_mps: float = 1.2
    detour_factor: float = 1.3

    def travel_time_matrix(
        self,
        origins: gpd.GeoDataFrame,
        destinations: gpd.GeoDataFrame,
        *,
        origin_id: str,
        destination_id: str,
        max_time_min: float | None = None,
    ) -> pd.DataFrame:
        """Walking times (minutes) between origins and destinations (polygons: centroids).

        Returns ``from_id``, ``to_id``, ``travel_time``; with ``max_time_min`` only the pairs
        within it (sparse), otherwise every pair.
        """
        if self.speed_mps <= 0 or self.detour_factor < 1:
            raise ParameterError("walking speed must be positive and the detour factor ≥ 1")
        for frame, column, role in (
            (origins, origin_id, "origins"),
            (destinations, destination_id, "destinations"),
        ):
            if column not in frame.columns:
                raise MissingColumnError(f"{role} lack id column {column!r}")
            if frame.crs is None or not frame.crs.is_projected:
                raise CRSError(f"{role} need a projected CRS in metres")
        destinations = destinations.to_crs(origins.crs)
        a = _coordinates(origins)
        b = _coordinates(destinations)
        metres_per_minute = self.speed_mps * 60 / self.detour_factor
        if max_time_min is None:
            rows = np.repeat(np.arange(len(a)), len(b))
            cols = np.tile(np.arange(len(b)), len(a))
        else:
            near = cKDTree(a).query_ball_tree(cKDTree(b), r=max_time_min * metres_per_minute)
            rows = np.repeat(np.arange(len(a)), [len(js) for js in near])
            cols = np.fromiter((j for js in near for j in js), dtype=np.int64, count=rows.size)
        distance = np.hypot(*(a[rows] - b[cols]).T) if len(rows) else np.zeros(0)
        return pd.DataFrame(
            {
                "from_id": origins[origin_id].to_numpy()[rows],
                "to_id": destinations[destination_id].to_numpy()[cols],
                "travel_time": distance / metres_per_minute,
            }
        )


def _coordinates(frame: gpd.GeoDataFrame) -> np.ndarray:
    points = frame.geometry.centroid
    return np.column_stack([points.x.to_numpy(), points.y.to_numpy()])
