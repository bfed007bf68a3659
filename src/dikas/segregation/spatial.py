"""Spatial two-group indices: contiguity, shared boundaries, graph and Euclidean distances.

Notation as in :mod:`dikas.segregation.singlegroup`. Distances are between unit centroids in
the CRS's units (metres in EPSG:3067); ``d_ij`` is that distance and ``s_j = Σ_k d_jk``.

PySAL ``segregation`` 2.5 defines some of these indices with known flaws. Each function
below follows PySAL by default, so that numbers match the reference library, and says what
the flaw is; the corrected variant is available by its own name (``*_corrected``).

Functions accept counts of shape ``(n,)`` or ``(n, B)`` (``B`` simulated data sets, one per
column) where the index is quadratic in the number of units, so that inference evaluates all
replicates with two matrix products instead of a loop.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from dikas.errors import ParameterError
from dikas.segregation import _kernels
from dikas.segregation.geography import Geography
from dikas.segregation.singlegroup import dissimilarity, share


def spatial_dissimilarity(
    x: np.ndarray, t: np.ndarray, geography: Geography, *, standardize: bool = False
) -> float:
    """Spatial dissimilarity ``SD = D − Σ_ij c_ij |p_i − p_j| / Σ_ij c_ij`` (Morrill 1991).

    ``c_ij`` is binary queen contiguity (PySAL's default weights), row-standardized when
    ``standardize`` is true. Morrill (1991), "On the measure of geographic segregation",
    *Geography Research Forum* 11, 25–36.
    """
    return dissimilarity(x, t) - _neighbour_contrast(share(x, t), geography.queen, standardize)


def boundary_spatial_dissimilarity(
    x: np.ndarray, t: np.ndarray, geography: Geography, *, standardize: bool = True
) -> float:
    """Boundary spatial dissimilarity: ``SD`` with ``c_ij`` the length of the shared boundary.

    Wong (1993), "Spatial indices of segregation", *Urban Studies* 30(3), 559–572. PySAL
    row-standardizes by default; a unit sharing no boundary with any other (an island, or a
    grid cell touching others only at corners) then has a zero row sum and PySAL's value is
    NaN. This function reproduces that; :func:`boundary_spatial_dissimilarity_corrected`
    leaves such units out of the boundary term.
    """
    weights = geography.shared_boundary
    if standardize and np.any(weights.sum(axis=1) == 0):
        return float("nan")
    return dissimilarity(x, t) - _neighbour_contrast(share(x, t), weights, standardize)


def boundary_spatial_dissimilarity_corrected(
    x: np.ndarray, t: np.ndarray, geography: Geography, *, standardize: bool = True
) -> float:
    """Boundary spatial dissimilarity where units without shared boundary add no term.

    Same as :func:`boundary_spatial_dissimilarity` except that rows of zero boundary length
    are left out of the row standardization instead of making the index NaN.
    """
    return dissimilarity(x, t) - _neighbour_contrast(
        share(x, t), geography.shared_boundary, standardize
    )


def _neighbour_contrast(p: np.ndarray, weights: sparse.csr_array, standardize: bool) -> float:
    """``Σ_ij c_ij |p_i − p_j| / Σ_ij c_ij`` over the non-zero weights."""
    coo = weights.tocoo()
    c = coo.data
    if standardize:
        row_sums = np.asarray(weights.sum(axis=1)).ravel()
        c = c / row_sums[coo.row]
    return float((c * np.abs(p[coo.row] - p[coo.col])).sum() / c.sum())


def spatial_proximity_profile(
    x: np.ndarray, t: np.ndarray, geography: Geography, *, m: int = 1000
) -> float | np.ndarray:
    """Spatial proximity profile index ``SPP`` (Hong, Rey & O'Sullivan 2014).

    For thresholds ``τ`` on a grid of ``m`` values in ``[0, 1]``, the units with ``p_i ≥ τ``
    form a set of ``k`` units; ``η_τ = (k² − k) / Σ_{i,j in set} δ_ij`` where ``δ_ij`` is the
    shortest path between ``i`` and ``j`` in queen contiguity steps. Then
    ``SPP = (P − (Σ_{τ<P} η_τ − Σ_{τ≥P} η_τ) / m) / (1 − P)``.

    As in PySAL, ``η_τ = 0`` where the set is empty, a single unit, or contains two units
    not connected by contiguity (the path length is then infinite); a unit with ``t_i = 0``
    (possible in simulated data) is in no set. Hong, Rey & O'Sullivan
    (2014), "Implementing spatial segregation measures in R", *PLoS ONE* 9(11).

    Each threshold's path sum is read from cumulative sums over units sorted by share, so the
    whole profile costs one pass over the pairs instead of one per threshold.
    """
    if m < 2:
        raise ParameterError(f"the profile needs at least two thresholds, got m={m}")
    x2, t2 = (x, t) if x.ndim == 2 else (x[:, None], t[:, None])
    p = (x2 / t2).T  # (B, n)
    orders = np.argsort(-p, axis=1, kind="stable")
    sums, unreachable = _kernels.prefix_pair_hops(geography.hops, orders.astype(np.int64))
    grid = np.linspace(0, 1, m)
    values = np.empty(p.shape[0])
    for b in range(p.shape[0]):
        pair_sums = 2 * np.cumsum(sums[b])
        blocked = np.cumsum(unreachable[b]) > 0
        sizes = np.searchsorted(-p[b, orders[b]], -grid, side="right")  # units with p >= τ
        k = sizes.astype(float)
        index = np.maximum(sizes - 1, 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            eta = (k * k - k) / pair_sums[index]
        eta[(sizes < 2) | blocked[index]] = 0.0
        P = x2[:, b].sum() / t2[:, b].sum()
        values[b] = (P - (eta[grid < P].sum() / m - eta[grid >= P].sum() / m)) / (1 - P)
    return float(values[0]) if x.ndim == 1 else values


def _pysal_proximity(geography: Geography, alpha: float, beta: float) -> np.ndarray:
    """PySAL's proximity ``c_ij = 1 − exp(−d_ij / s_j)``, ``c_ii = 1 − exp(−(α a_i)^β)``."""
    _check_decay(alpha, beta)
    geography.require_dense("a distance-decay proximity matrix")

    def build() -> np.ndarray:
        diagonal = 1 - np.exp(-((alpha * geography.areas) ** beta))
        return _kernels.pysal_proximity(np.ascontiguousarray(geography.centroids), diagonal)

    return geography.cached(("pysal_proximity", alpha, beta), build)


def _massey_denton_proximity(geography: Geography, alpha: float, beta: float) -> np.ndarray:
    """Massey & Denton's proximity ``c_ij = exp(−d_ij)``, ``d_ii = (α a_i)^β``, in km."""
    _check_decay(alpha, beta)
    geography.require_dense("a distance-decay proximity matrix")

    def build() -> np.ndarray:
        diagonal = np.exp(-((alpha * geography.areas / 1e6) ** beta))
        return _kernels.exponential_proximity(
            np.ascontiguousarray(geography.centroids), 1000.0, diagonal
        )

    return geography.cached(("massey_denton_proximity", alpha, beta), build)


def _check_decay(alpha: float, beta: float) -> None:
    if alpha < 0 or beta < 0:
        raise ParameterError(f"alpha and beta must be non-negative, got {alpha}, {beta}")


def distance_decay_isolation(
    x: np.ndarray, t: np.ndarray, geography: Geography, *, alpha: float = 0.6, beta: float = 0.5
) -> float | np.ndarray:
    """Distance-decay isolation as defined by PySAL: ``Σ_i (x_i/X) Σ_j K_ij x_j / t_j``.

    PySAL's ``K_ij = c_ij t_j / Σ_k c_jk t_k`` (normalized by the row of ``j``) with its
    proximity ``c_ij = 1 − exp(−d_ij / s_j)``, ``c_ii = 1 − exp(−(α a_i)^β)``, which grows
    with distance. Massey & Denton (1988) define ``K_ij = c_ij t_j / Σ_k c_ik t_k`` with
    ``c_ij = exp(−d_ij)``; see :func:`distance_decay_isolation_corrected`.
    """
    c = _pysal_proximity(geography, alpha, beta)
    return _column_dot(x / x.sum(axis=0), c @ (x / (c @ t)))


def distance_decay_interaction(
    x: np.ndarray, t: np.ndarray, geography: Geography, *, alpha: float = 0.6, beta: float = 0.5
) -> float | np.ndarray:
    """Distance-decay interaction as defined by PySAL: ``Σ_i (x_i/X) Σ_j K_ij y_j / t_j``.

    Same kernel and flaw as :func:`distance_decay_isolation`.
    """
    c = _pysal_proximity(geography, alpha, beta)
    return _column_dot(x / x.sum(axis=0), c @ ((t - x) / (c @ t)))


def distance_decay_isolation_corrected(
    x: np.ndarray, t: np.ndarray, geography: Geography, *, alpha: float = 0.6, beta: float = 0.5
) -> float | np.ndarray:
    """Distance-decay isolation of Massey & Denton (1988): ``Σ_i (x_i/X) Σ_j K_ij x_j/t_j``.

    ``K_ij = c_ij t_j / Σ_k c_ik t_k``, ``c_ij = exp(−d_ij)`` with distances in km and
    ``d_ii = (α a_i)^β`` (areas in km²). Needs a CRS in metres.
    """
    c = _massey_denton_proximity(geography, alpha, beta)
    return _column_dot(x / x.sum(axis=0), (c @ x) / (c @ t))


def distance_decay_interaction_corrected(
    x: np.ndarray, t: np.ndarray, geography: Geography, *, alpha: float = 0.6, beta: float = 0.5
) -> float | np.ndarray:
    """Distance-decay interaction of Massey & Denton (1988), kernel as in the isolation."""
    c = _massey_denton_proximity(geography, alpha, beta)
    return _column_dot(x / x.sum(axis=0), (c @ (t - x)) / (c @ t))


def relative_clustering(
    x: np.ndarray, t: np.ndarray, geography: Geography, *, alpha: float = 0.6, beta: float = 0.5
) -> float | np.ndarray:
    """Relative clustering as computed by PySAL: ``RCL = P_xx / P_yy − 1``.

    Massey & Denton define ``P_xx = Σ_ij x_i x_j c_ij / X²``; PySAL's code evaluates
    ``Σ_ij x_j² c_ij / X²`` (an elementwise product where an outer product was meant) with
    its proximity ``c`` of :func:`distance_decay_isolation`. This function reproduces PySAL;
    :func:`relative_clustering_corrected` implements the published definition.
    """
    c = _pysal_proximity(geography, alpha, beta)
    column_sums = c.sum(axis=0)
    y = t - x
    if x.ndim == 2:
        column_sums = column_sums[:, None]
    pxx = (x * x * column_sums).sum(axis=0) / x.sum(axis=0) ** 2
    pyy = (y * y * column_sums).sum(axis=0) / y.sum(axis=0) ** 2
    return _as_result(pxx / pyy - 1)


def relative_clustering_corrected(
    x: np.ndarray, t: np.ndarray, geography: Geography, *, alpha: float = 0.6, beta: float = 0.5
) -> float | np.ndarray:
    """Relative clustering of Massey & Denton (1988): ``RCL = P_xx / P_yy − 1``.

    ``P_xx = Σ_ij x_i x_j c_ij / X²`` (likewise ``P_yy``) with ``c_ij = exp(−d_ij)``,
    distances in km and ``d_ii = (α a_i)^β``.
    """
    c = _massey_denton_proximity(geography, alpha, beta)
    y = t - x
    pxx = _column_dot(x, c @ x) / x.sum(axis=0) ** 2
    pyy = _column_dot(y, c @ y) / y.sum(axis=0) ** 2
    return _as_result(pxx / pyy - 1)


def _column_dot(a: np.ndarray, b: np.ndarray) -> float | np.ndarray:
    return _as_result((a * b).sum(axis=0))


def _as_result(value: np.ndarray | np.floating) -> float | np.ndarray:
    return float(value) if np.ndim(value) == 0 else np.asarray(value)
