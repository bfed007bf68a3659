"""Nearest-service travel times that follow service edits without recomputing everything.

For every origin the state keeps the ``k`` nearest services (cost in integer ms, service id)
found by one k-nearest search (:meth:`StreetNetwork.nearest_ms`), and how many of those
entries are still certainly the true nearest ones (``depth``):

* **adding** a service runs one reverse shortest-path search from it, bounded by the worst
  cost still kept (:meth:`StreetNetwork.travel_times_ms` with ``limit_ms``), and inserts the
  new times: the ``depth`` nearest of a set plus one element are among the old ``depth``
  nearest and the new one, so nothing else can change. Only the new service's catchment is
  searched;
* **removing** a service deletes it from the lists; where it was among the kept entries,
  ``depth`` falls by one (the next one is then unknown);
* **moving** is a removal followed by an addition.

Starting from ``k = 1 + (removals planned)``, every origin keeps at least its true nearest
service, so the nearest times equal a full recomputation exactly (integer milliseconds;
``tests/scenarios/test_nearest.py`` checks equality).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dikas.accessibility.network import Snapped, StreetNetwork
from dikas.errors import ConfigError
from dikas.scenarios.locate import extent_text

MS_PER_MIN = 60_000.0
MAX_SNAP_DISTANCE_M = 500.0
"""Services and origins farther than this from the network cannot be routed."""


@dataclass
class NearestServices:
    """The mutable k-nearest state of one service type (see the module docstring).

    Attributes
    ----------
    network
        The street network searched.
    origins
        The snapped origins (all have a position on the network).
    costs
        ``(n_origins, k)`` costs in ms, ascending, ``inf`` padded.
    services
        ``(n_origins, k)`` service ids (``None`` padded).
    depth
        Per origin, how many leading entries are certainly its nearest services.
    """

    network: StreetNetwork
    origins: Snapped
    costs: np.ndarray
    services: np.ndarray
    depth: np.ndarray

    @classmethod
    def compute(
        cls, network: StreetNetwork, origins: Snapped, services: gpd.GeoDataFrame, *, k: int = 1
    ) -> NearestServices:
        """Full computation: one k-nearest search over all ``services`` (``service_id``)."""
        costs, sources = _k_nearest(network, origins, services, k=k)
        return cls(
            network=network,
            origins=origins,
            costs=costs,
            services=sources,
            depth=np.full(len(origins), k, np.int64),
        )

    @property
    def k(self) -> int:
        return self.costs.shape[1]

    def minutes(self) -> np.ndarray:
        """Travel time (minutes) to the nearest service per origin, ``NaN`` where none."""
        nearest = self.costs[:, 0] / MS_PER_MIN
        return np.where(np.isinf(nearest), np.nan, nearest)

    def add(self, service_id: object, point: gpd.GeoSeries) -> int:
        """Insert a new service at ``point``; returns the number of origins it got closer to.

        The search is bounded by the largest kept cost, so it stays within the catchment in
        which the new service can enter some origin's list.
        """
        snapped = self.network.snap(point, max_distance_m=MAX_SNAP_DISTANCE_M)
        if len(snapped) == 0:
            bounds = tuple(shapely.total_bounds(self.network.edge_geometry))
            raise ConfigError(
                f"service {service_id!r} is more than {MAX_SNAP_DISTANCE_M:g} m "
                f"from the street network, which covers {extent_text(bounds)}"
            )
        rows = np.arange(len(self.origins))
        kept = self.costs[rows, self.depth - 1]
        bound = float(kept.max()) if len(kept) else 0.0
        times = self.network.travel_times_ms(self.origins, snapped, limit_ms=bound)[:, 0]
        better = times < kept
        for row in np.flatnonzero(better):
            depth = self.depth[row]
            position = int(np.searchsorted(self.costs[row, :depth], times[row], side="right"))
            self.costs[row, position + 1 : depth] = self.costs[row, position : depth - 1].copy()
            self.services[row, position + 1 : depth] = self.services[
                row, position : depth - 1
            ].copy()
            self.costs[row, position] = times[row]
            self.services[row, position] = service_id
        return int(better.sum())

    def remove(self, service_id: object) -> int:
        """Delete a service; returns the number of origins whose lists held it."""
        held = (self.services == service_id) & (np.arange(self.k) < self.depth[:, None])
        for row, position in zip(*np.nonzero(held), strict=True):
            depth = self.depth[row]
            self.costs[row, position : depth - 1] = self.costs[row, position + 1 : depth].copy()
            self.services[row, position : depth - 1] = self.services[
                row, position + 1 : depth
            ].copy()
            self.costs[row, depth - 1] = np.inf
            self.services[row, depth - 1] = None
            self.depth[row] = depth - 1
        if (self.depth < 1).any():
            raise RuntimeError("nearest-service state exhausted: plan k from the removals")
        return int(held.any(axis=1).sum())


def _k_nearest(
    network: StreetNetwork, origins: Snapped, services: gpd.GeoDataFrame, *, k: int
) -> tuple[np.ndarray, np.ndarray]:
    ids = services["service_id"].to_numpy(object)
    snapped = network.snap(
        services.geometry.reset_index(drop=True), max_distance_m=MAX_SNAP_DISTANCE_M
    )
    n = len(origins)
    if len(snapped) == 0:
        return np.full((n, k), np.inf), np.full((n, k), None, object)
    costs, positions = network.nearest_ms(origins, snapped, n=k)
    labels = ids[snapped.index.to_numpy()]
    sources = np.full(positions.shape, None, object)
    found = positions >= 0
    sources[found] = labels[positions[found]]
    return costs, sources


def snap_origins(
    network: StreetNetwork, origins: gpd.GeoDataFrame, *, id_column: str
) -> tuple[Snapped, pd.Index]:
    """Snap origins once; returns the snapped points and their ids (unsnapped dropped)."""
    snapped = network.snap(
        origins.geometry.reset_index(drop=True), max_distance_m=MAX_SNAP_DISTANCE_M
    )
    ids = pd.Index(origins[id_column].to_numpy()[snapped.index.to_numpy()], name=id_column)
    return snapped, ids


def nearest_by_unit(state: NearestServices, origin_ids: pd.Index, units: pd.Index) -> pd.DataFrame:
    """Minutes to the nearest service for every unit of ``units``, none left out.

    ``origin_ids`` are the ids of the state's snapped origins (:func:`snap_origins`). Units
    that were not snapped (farther than :data:`MAX_SNAP_DISTANCE_M` from the network, or
    outside its extent) or reach no service keep their row with ``minutes`` missing and
    ``reason`` ``unreachable``; the others have ``reason`` missing.
    """
    minutes = pd.Series(state.minutes(), index=origin_ids, name="minutes")
    minutes = minutes[~minutes.index.duplicated()].reindex(units)
    reason = pd.Series(None, index=units, name="reason", dtype=object).mask(
        minutes.isna(), "unreachable"
    )
    return pd.DataFrame({"minutes": minutes, "reason": reason})
