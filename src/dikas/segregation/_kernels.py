"""Compiled loops behind the indices: graph distances, proximity profiles, local permutations.

Everything here is a pure function of numpy arrays, compiled with numba (``cache=True``, so
only the first run on a machine pays for compilation).
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange


@njit(parallel=True, cache=True)
def all_pairs_hops(indptr: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """Breadth-first search from every node of a CSR graph; ``-1`` marks unreachable pairs."""
    n = indptr.shape[0] - 1
    hops = np.full((n, n), -1, dtype=np.int32)
    for source in prange(n):
        row = hops[source]
        queue = np.empty(n, dtype=np.int64)
        row[source] = 0
        queue[0] = source
        head, tail = 0, 1
        while head < tail:
            node = queue[head]
            head += 1
            step = row[node] + 1
            for k in range(indptr[node], indptr[node + 1]):
                other = indices[k]
                if row[other] < 0:
                    row[other] = step
                    queue[tail] = other
                    tail += 1
    return hops


@njit(parallel=True, cache=True)
def prefix_pair_hops(hops: np.ndarray, orders: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For units taken in each row of ``orders``, hops to all earlier units.

    ``orders`` is ``(B, m)``, one ordering per data set. Returns ``(sums, unreachable)`` of
    the same shape: ``sums[b, r]`` is the sum of ``hops[orders[b, r], orders[b, s]]`` over
    ``s < r`` and ``unreachable[b, r]`` whether one of those pairs is not connected. All
    ``B × m`` rows run in one parallel loop, so many small data sets cost one launch.
    """
    replicates, m = orders.shape
    sums = np.zeros((replicates, m), dtype=np.float64)
    unreachable = np.zeros((replicates, m), dtype=np.bool_)
    for k in prange(replicates * m):
        b, r = k // m, k % m
        order = orders[b]
        row = hops[order[r]]
        total = 0
        blocked = False
        for s in range(r):
            h = row[order[s]]
            if h < 0:
                blocked = True
            else:
                total += h
        sums[b, r] = total
        unreachable[b, r] = blocked
    return sums, unreachable


@njit(parallel=True, cache=True)
def conditional_permutation_lags(
    z: np.ndarray,
    indptr: np.ndarray,
    indices: np.ndarray,
    weights: np.ndarray,
    permuted_ids: np.ndarray,
) -> np.ndarray:
    """Spatial lags of each unit under conditional randomization (Anselin 1995).

    For unit ``i`` with ``k`` neighbours, permutation ``p`` takes the values of the other
    units (``z`` without ``z[i]``) at positions ``permuted_ids[p, :k]`` as its neighbours,
    in the order of ``i``'s weights, the scheme of ``esda.crand``.
    """
    n = z.shape[0]
    permutations = permuted_ids.shape[0]
    lags = np.zeros((n, permutations))
    for i in prange(n):
        start, stop = indptr[i], indptr[i + 1]
        k = stop - start
        for p in range(permutations):
            total = 0.0
            for s in range(k):
                j = permuted_ids[p, s]
                if j >= i:  # skip unit i itself: positions index z without z[i]
                    j += 1
                total += z[j] * weights[start + s]
            lags[i, p] = total
    return lags


@njit(parallel=True, cache=True)
def pysal_proximity(xy: np.ndarray, diagonal: np.ndarray) -> np.ndarray:
    """``c_ij = 1 − exp(−d_ij / s_j)`` with ``s_j = Σ_k d_jk``; ``c_ii = diagonal[i]``."""
    n = xy.shape[0]
    sums = np.zeros(n)
    for j in prange(n):
        total = 0.0
        for k in range(n):
            total += np.sqrt((xy[j, 0] - xy[k, 0]) ** 2 + (xy[j, 1] - xy[k, 1]) ** 2)
        sums[j] = total
    proximity = np.empty((n, n))
    for i in prange(n):
        for j in range(n):
            d = np.sqrt((xy[i, 0] - xy[j, 0]) ** 2 + (xy[i, 1] - xy[j, 1]) ** 2)
            proximity[i, j] = 1.0 - np.exp(-(d / sums[j]))
        proximity[i, i] = diagonal[i]
    return proximity


@njit(parallel=True, cache=True)
def exponential_proximity(xy: np.ndarray, scale: float, diagonal: np.ndarray) -> np.ndarray:
    """``c_ij = exp(−d_ij / scale)``; ``c_ii = diagonal[i]``."""
    n = xy.shape[0]
    proximity = np.empty((n, n))
    for i in prange(n):
        for j in range(n):
            d = np.sqrt((xy[i, 0] - xy[j, 0]) ** 2 + (xy[i, 1] - xy[j, 1]) ** 2)
            proximity[i, j] = np.exp(-d / scale)
        proximity[i, i] = diagonal[i]
    return proximity
