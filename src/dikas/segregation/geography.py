"""The fixed spatial structure of a set of units, computed once and shared by every index.

Spatial indices need the units' areas, centroids, contiguity, graph distances and proximity
matrices. None of these depend on the population counts, so a :class:`Geography` computes each one lazily, the first
time an index asks for it, and keeps it. A whole suite of indices and every permutation of an
inference run then reuse the same matrices instead of rebuilding them (PySAL rebuilds them for
each index and each simulated data set, which is where most of its time goes).

Contiguity follows libpysal's vertex rule exactly (``libpysal.weights.Queen`` /
``Rook.from_dataframe``): two polygons are queen neighbours when they share a vertex with
identical coordinates, and rook neighbours when they share an edge between two consecutive
vertices. It is computed here with sparse incidence matrices rather than Python sets.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import shapely
from scipy import sparse

from dikas.errors import ParameterError
from dikas.segregation import _kernels

MAX_DENSE_UNITS = 20_000
"""Largest number of units for which ``n × n`` matrices (3.2 GB of float64) are built."""


@dataclass(frozen=True, eq=False)
class Geography:
    """Polygons of the units in a projected CRS, with lazily computed spatial structure.

    Attributes
    ----------
    geometries
        Shapely polygons, one per unit, in the order of the units' counts.
    crs
        The CRS of the geometries (any pyproj-compatible value); distances and areas are in
        its units.
    """

    geometries: np.ndarray
    crs: object = None
    _derived: dict[Hashable, Any] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.geometries)

    def require_dense(self, what: str) -> None:
        """Refuse ``n × n`` structures for more than :data:`MAX_DENSE_UNITS` units."""
        if len(self) > MAX_DENSE_UNITS:
            raise ParameterError(
                f"{what} needs an n × n matrix; {len(self)} units exceed the "
                f"limit of {MAX_DENSE_UNITS} (aggregate the units first)"
            )

    def cached(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """A parameterised derived structure (e.g. a proximity matrix), built once per key."""
        if key not in self._derived:
            self._derived[key] = build()
        return self._derived[key]

    def subset(self, positions: np.ndarray) -> Geography:
        """The geography of the units at ``positions`` (repeats allowed, as in a bootstrap)."""
        return Geography(self.geometries[positions], self.crs)

    @cached_property
    def areas(self) -> np.ndarray:
        """Area of each unit in CRS units (m² in EPSG:3067)."""
        return shapely.area(self.geometries)

    @cached_property
    def centroids(self) -> np.ndarray:
        """``(n, 2)`` centroid coordinates."""
        return shapely.get_coordinates(shapely.centroid(self.geometries))

    @cached_property
    def queen(self) -> sparse.csr_array:
        """Binary queen contiguity (shared vertex), libpysal's rule, diagonal empty."""
        coords, owner = shapely.get_coordinates(self.geometries, return_index=True)
        _, vertex = np.unique(coords, axis=0, return_inverse=True)
        return _shared_feature_adjacency(owner, vertex.ravel(), len(self))

    @cached_property
    def rook(self) -> sparse.csr_array:
        """Binary rook contiguity (shared edge of two consecutive vertices), libpysal's rule."""
        coords, owner = shapely.get_coordinates(self.geometries, return_index=True)
        same = owner[:-1] == owner[1:]
        start, end = coords[:-1][same], coords[1:][same]
        # An edge is the lexicographically sorted pair of its end points, as in libpysal.
        swap = (start[:, 0] > end[:, 0]) | ((start[:, 0] == end[:, 0]) & (start[:, 1] > end[:, 1]))
        low = np.where(swap[:, None], end, start)
        high = np.where(swap[:, None], start, end)
        _, edge = np.unique(np.hstack([low, high]), axis=0, return_inverse=True)
        return _shared_feature_adjacency(owner[:-1][same], edge.ravel(), len(self))

    @cached_property
    def shared_boundary(self) -> sparse.csr_array:
        """Length of the common boundary of rook neighbours (PySAL's length-weighted W)."""
        upper = sparse.triu(self.rook, k=1).tocoo()
        lengths = shapely.length(
            shapely.intersection(self.geometries[upper.row], self.geometries[upper.col])
        )
        half = sparse.coo_array((lengths, (upper.row, upper.col)), shape=(len(self),) * 2)
        return (half + half.T).tocsr()

    @cached_property
    def hops(self) -> np.ndarray:
        """Shortest-path length in queen steps between all units; ``-1`` if unreachable."""
        self.require_dense("the graph distance between all units")
        queen = self.queen
        return _kernels.all_pairs_hops(
            queen.indptr.astype(np.int64), queen.indices.astype(np.int64)
        )


def _shared_feature_adjacency(owner: np.ndarray, feature: np.ndarray, n: int) -> sparse.csr_array:
    """Units sharing at least one feature (vertex or edge id) are neighbours."""
    incidence = sparse.csr_array(
        (np.ones(len(owner)), (owner, feature)),
        shape=(n, int(feature.max()) + 1 if len(feature) else 0),
    )
    incidence.data[:] = 1.0
    shared = (incidence @ incidence.T).tocsr()
    shared.setdiag(0)
    shared.eliminate_zeros()
    shared.data[:] = 1.0
    return shared
