"""Multiscalar segregation profiles: an aspatial index of distance-smoothed counts per band.

For each bandwidth ``h``, every unit's counts are replaced by the kernel-weighted sum of the
counts around it (its "egohood"), rounded to whole people, and the index is computed on those
local environments (Reardon et al. 2008, "The geographic scale of metropolitan racial
segregation", *Demography* 45(3); Knaap, Rey & Cortes' ``compute_multiscalar_profile``).
The kernel is PySAL's default, triangular on centroid distance: ``w_ij = 1 − d_ij / h`` for
``d_ij < h`` and ``w_ii = 1``. Band 0 is the index of the raw counts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.spatial import cKDTree

from dikas.errors import ParameterError
from dikas.progress import track
from dikas.segregation.indices import Counts, compute_index, definition, evaluate, observed_values
from dikas.segregation.units import TwoGroupCounts


def triangular_kernel(centroids: np.ndarray, bandwidth: float) -> sparse.csr_array:
    """Sparse triangular kernel weights within ``bandwidth`` with a unit diagonal."""
    tree = cKDTree(centroids)
    distances = tree.sparse_distance_matrix(tree, bandwidth, output_type="coo_matrix")
    weights = 1 - np.clip(distances.data / bandwidth, 0, 1)
    off = distances.row != distances.col
    kernel = sparse.coo_array(
        (weights[off], (distances.row[off], distances.col[off])), shape=distances.shape
    ).tocsr()
    kernel.eliminate_zeros()
    return sparse.csr_array(kernel + sparse.eye_array(len(centroids), format="csr"))


def multiscalar_profile(
    name: str, counts: Counts, distances: Sequence[float], **parameters: object
) -> pd.Series:
    """The index ``name`` at band 0 and each distance (CRS units), as a Series by distance.

    Only aspatial indices make sense here (the smoothing is the spatial part).
    """
    index = definition(name)
    if index.spatial:
        raise ParameterError(f"{name!r} is already spatial; profile an aspatial index")
    if counts.geography is None:
        raise ParameterError("a multiscalar profile needs units with geometries")
    if any(d <= 0 for d in distances):
        raise ParameterError("profile distances must be positive")
    values = {0.0: compute_index(name, counts, **parameters).statistic}
    used = {**index.defaults, **parameters}
    if isinstance(counts, TwoGroupCounts):
        columns = np.column_stack([counts.group, counts.total])
    else:
        columns = observed_values(counts)[0]
    for distance in track(distances, f"profile of {name}"):
        local = np.round(triangular_kernel(counts.geography.centroids, float(distance)) @ columns)
        smoothed = (local[:, 0], local[:, 1]) if isinstance(counts, TwoGroupCounts) else (local,)
        with np.errstate(divide="ignore", invalid="ignore"):
            values[float(distance)] = float(evaluate(index, counts, smoothed, used))
    series = pd.Series(values, name=name)
    series.index.name = "distance"
    return series
