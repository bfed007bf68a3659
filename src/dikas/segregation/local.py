"""Local measures of a group's share ``p_i = x_i / t_i``, returned as a layer that maps directly.

Per unit: the location quotient, the local (two-group) entropy, local Moran's I with its LISA
class and conditional-permutation p-value, and the Getis–Ord Gi* z-score. Spatial relations
are binary queen contiguity (libpysal's vertex rule), row-standardized for Moran's I as in
``esda.Moran_Local`` and with a unit self-weight for Gi* as in ``esda.G_Local(star=True)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy import sparse, stats

from dikas.errors import ParameterError
from dikas.segregation import _kernels
from dikas.segregation.units import ExcludedUnit, two_group_counts

LISA_CLASSES = ("HH", "LH", "LL", "HL")
"""Moran scatterplot quadrants 1–4 (esda's ``q``): unit value / neighbours' lag high or low."""


@dataclass(frozen=True)
class LocalMoran:
    """Local Moran's I of a variable (Anselin 1995, "Local indicators of spatial association")."""

    statistic: np.ndarray
    quadrant: np.ndarray
    p_value: np.ndarray
    permutations: int


@dataclass(frozen=True)
class LocalMeasures:
    """The local layer and what was left out of it."""

    layer: gpd.GeoDataFrame
    excluded: tuple[ExcludedUnit, ...]
    parameters: dict[str, object]


def location_quotient(x: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Location quotient ``LQ_i = (x_i / t_i) / (X / T)`` (Isard 1960): 1 = the city's share."""
    return (x / t) / (x.sum() / t.sum())


def local_entropy(x: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Two-group local entropy ``−Σ_k p_ik ln p_ik / ln 2`` (Reardon & O'Sullivan 2004, eq. 6).

    0 for a unit of one group only, 1 for an even mix; PySAL's ``MultiLocalEntropy`` with the
    group and the rest of the population as the two groups.
    """
    p = np.column_stack([x / t, 1 - x / t])
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.nansum(p * np.log(p) / np.log(2), axis=1)


def local_moran(
    y: np.ndarray, weights: sparse.csr_array, *, permutations: int = 999, seed: int | None = None
) -> LocalMoran:
    """Local Moran's I ``I_i = (n − 1) z_i Σ_j w_ij z_j / Σ_j z_j²`` with ``z`` standardized.

    ``weights`` are row-standardized here. p-values come from conditional randomization:
    unit ``i``'s neighbours are replaced by random other units (without ``i``), ``permutations``
    times, and ``p = (min(#{I* ≥ I}, B − #{I* ≥ I}) + 1) / (B + 1)`` (esda's "directed" rule).
    Units without neighbours have ``I_i = 0`` and p-value NaN.
    """
    weights = _row_standardized(weights)
    n = len(y)
    z = (y - y.mean()) / y.std()
    lag = weights @ z
    scaling = (n - 1) / (z * z).sum()
    statistic = scaling * z * lag
    quadrant = np.where(z > 0, np.where(lag > 0, 1, 4), np.where(lag > 0, 2, 3))
    cardinality = np.diff(weights.indptr)
    max_card = int(cardinality.max())
    rng = np.random.default_rng(seed)
    permuted = np.stack(
        [rng.choice(n - 1, size=max_card, replace=False) for _ in range(permutations)]
    ).astype(np.int64)
    p_value = conditional_p_values(z, weights, statistic, permuted, scaling)
    p_value[cardinality == 0] = np.nan
    return LocalMoran(statistic, quadrant, p_value, permutations)


def conditional_p_values(
    z: np.ndarray,
    weights: sparse.csr_array,
    statistic: np.ndarray,
    permuted_ids: np.ndarray,
    scaling: float,
) -> np.ndarray:
    """Pseudo p-values of local Moran's I for given permutations of the other units' ids."""
    lags = _kernels.conditional_permutation_lags(
        z,
        weights.indptr.astype(np.int64),
        weights.indices.astype(np.int64),
        weights.data.astype(float),
        permuted_ids,
    )
    simulated = scaling * z[:, None] * lags
    permutations = permuted_ids.shape[0]
    larger = (simulated >= statistic[:, None]).sum(axis=1)
    larger = np.minimum(larger, permutations - larger)
    return (larger + 1.0) / (permutations + 1.0)


def getis_ord_star(y: np.ndarray, weights: sparse.csr_array) -> np.ndarray:
    """Getis–Ord Gi* z-scores (Ord & Getis 1995), row-standardized weights with self-weight 1.

    ``G*_i = Σ_j w_ij y_j / Σ_j y_j``, ``E = W_i / n``,
    ``V = W_i (n − W_i) / (n − 1) / n² · s² / ȳ²`` with ``W_i = Σ_j w_ij`` and ``s²`` the
    population variance of ``y``; ``z = (G*_i − E) / √V``.
    """
    n = len(y)
    with_self = sparse.csr_array(weights + sparse.eye_array(n, format="csr"))
    with_self.data[:] = 1.0
    w = _row_standardized(with_self)
    statistic = (w @ y) / y.sum()
    cardinality = np.asarray(w.sum(axis=1)).ravel()
    mean = y.sum() / n
    variance = (y**2).sum() / n - mean**2
    expected_variance = cardinality * (n - cardinality) / (n - 1) / n**2 * variance / mean**2
    return (statistic - cardinality / n) / np.sqrt(expected_variance)


def local_measures(
    frame: gpd.GeoDataFrame,
    *,
    group: str,
    total: str,
    id_column: str | None = None,
    permutations: int = 999,
    significance: float = 0.05,
    seed: int | None = None,
) -> LocalMeasures:
    """All local measures of the share ``group / total`` as a GeoDataFrame, one row per unit.

    Columns: ``unit_id``, ``share``, ``location_quotient``, ``local_entropy``, ``moran_i``,
    ``moran_p``, ``lisa`` (``HH``, ``LL``, ``HL``, ``LH``, ``not significant``,
    ``no neighbours`` or ``excluded``), ``gi_star_z``, ``gi_star_p`` (two-sided, normal) and
    ``excluded`` (why a unit has no values: zero or missing total). Excluded units stay in
    the layer so that a map shows them.
    """
    if not isinstance(frame, gpd.GeoDataFrame):
        raise ParameterError("local measures need a GeoDataFrame of polygons")
    if not 0 < significance < 1:
        raise ParameterError(f"significance must be in (0, 1), got {significance}")
    counts = two_group_counts(frame, group=group, total=total, id_column=id_column)
    if counts.geography is None:
        raise ParameterError("local measures need polygons: the frame has no geometry column")
    x, t = counts.group, counts.total
    share = x / t
    queen = counts.geography.queen
    moran = local_moran(share, queen, permutations=permutations, seed=seed)
    gi = getis_ord_star(share, queen)
    lisa = np.where(
        moran.p_value < significance,
        np.array(LISA_CLASSES, dtype=object)[moran.quadrant - 1],
        "not significant",
    )
    lisa[np.isnan(moran.p_value)] = "no neighbours"
    values = pd.DataFrame(
        {
            "unit_id": counts.unit_ids,
            "share": share,
            "location_quotient": location_quotient(x, t),
            "local_entropy": local_entropy(x, t),
            "moran_i": moran.statistic,
            "moran_p": moran.p_value,
            "lisa": lisa,
            "gi_star_z": gi,
            "gi_star_p": 2 * stats.norm.sf(np.abs(gi)),
        }
    )
    ids = frame.index.astype(str) if id_column is None else frame[id_column].astype(str)
    layer = gpd.GeoDataFrame(
        {"unit_id": ids.to_numpy()}, geometry=frame.geometry.to_numpy(), crs=frame.crs
    ).merge(values, on="unit_id", how="left")
    reasons = {e.unit_id: e.reason for e in counts.excluded}
    layer["excluded"] = layer["unit_id"].map(reasons)
    layer.loc[layer["excluded"].notna(), "lisa"] = "excluded"
    parameters = {
        "group": group,
        "total": total,
        "weights": "queen",
        "permutations": permutations,
        "significance": significance,
        "seed": seed,
    }
    return LocalMeasures(layer, counts.excluded, parameters)


def _row_standardized(weights: sparse.csr_array) -> sparse.csr_array:
    row_sums = np.asarray(weights.sum(axis=1)).ravel()
    scale = np.divide(1.0, row_sums, out=np.zeros_like(row_sums), where=row_sums > 0)
    return sparse.csr_array(sparse.diags_array(scale) @ weights)
