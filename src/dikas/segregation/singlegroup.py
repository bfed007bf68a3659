"""Two-group indices: a focal group ``x_i`` and a total ``t_i`` per unit.

Notation shared by every docstring: ``X = Σ x_i``, ``T = Σ t_i``, ``P = X / T``,
``p_i = x_i / t_i``, ``y_i = t_i − x_i`` (the rest of the population), ``Y = Σ y_i``,
``a_i`` the area of unit ``i`` and ``A = Σ a_i``. Observed units with ``t_i = 0`` are set
aside before (see :mod:`dikas.segregation.units`); simulated data sets can still empty a
unit, and then ``p_i = 0`` as in PySAL, so the unit adds nothing.

Definitions are those of PySAL ``segregation`` 2.5 (``segregation.singlegroup``), which
follow Massey & Denton (1988), "The dimensions of residential segregation", *Social Forces*
67(2), 281–315, unless another reference is given. Results agree with PySAL to 1e-9.
"""

from __future__ import annotations

import numpy as np

from dikas.errors import ParameterError
from dikas.segregation.geography import Geography


def share(x: np.ndarray, t: np.ndarray) -> np.ndarray:
    """``p_i = x_i / t_i``, 0 where ``t_i = 0`` (PySAL's convention)."""
    return np.divide(x, t, out=np.zeros(np.shape(x)), where=t > 0)


def dissimilarity(x: np.ndarray, t: np.ndarray) -> float:
    """Dissimilarity index ``D = Σ t_i |p_i − P| / (2 T P (1 − P))``.

    The share of the focal group that would have to move for every unit to have share ``P``.
    """
    T, P = t.sum(), x.sum() / t.sum()
    return float((t * np.abs(share(x, t) - P)).sum() / (2 * T * P * (1 - P)))


def gini(x: np.ndarray, t: np.ndarray) -> float:
    """Gini index ``G = Σ_i Σ_j t_i t_j |p_i − p_j| / (2 T² P (1 − P))``.

    Computed in ``O(n log n)`` by sorting the shares: for ascending ``p``,
    ``Σ_{i<j} t_i t_j (p_j − p_i) = Σ_j t_j (p_j C_j − D_j)`` with ``C_j = Σ_{i<j} t_i``
    and ``D_j = Σ_{i<j} t_i p_i``.
    """
    p = share(x, t)
    order = np.argsort(p, kind="stable")
    ts, ps = t[order], p[order]
    before_t = np.cumsum(ts) - ts
    before_tp = np.cumsum(ts * ps) - ts * ps
    pairs = (ts * (ps * before_t - before_tp)).sum()
    T, P = t.sum(), x.sum() / t.sum()
    return float(pairs / (T * T * P * (1 - P)))


def entropy(x: np.ndarray, t: np.ndarray) -> float:
    """Entropy (Theil's information theory) index ``H = Σ t_i (E − E_i) / (E T)``.

    ``E = P ln(1/P) + (1−P) ln(1/(1−P))`` is the city's entropy and ``E_i`` the same with
    ``p_i``; ``E_i = 0`` for units with only one group (Theil & Finizza 1971).
    """
    T, P = t.sum(), x.sum() / t.sum()
    p = share(x, t)
    E = P * np.log(1 / P) + (1 - P) * np.log(1 / (1 - P))
    with np.errstate(divide="ignore", invalid="ignore"):
        Ei = np.nan_to_num(p * np.log(1 / p) + (1 - p) * np.log(1 / (1 - p)))
    return float(np.nansum(t * (E - Ei) / (E * T)))


def isolation(x: np.ndarray, t: np.ndarray) -> float:
    """Isolation (exposure of the group to itself) ``xPx = Σ (x_i / X)(x_i / t_i)``."""
    return float(((x / x.sum()) * share(x, t)).sum())


def interaction(x: np.ndarray, t: np.ndarray) -> float:
    """Interaction (exposure of the group to the others) ``xPy = Σ (x_i / X)(y_i / t_i)``."""
    return float(((x / x.sum()) * share(t - x, t)).sum())


def atkinson(x: np.ndarray, t: np.ndarray, *, b: float = 0.5) -> float:
    """Atkinson index ``A = 1 − P/(1−P) · |Σ (1−p_i)^(1−b) p_i^b t_i / (P T)|^(1/(1−b))``.

    ``b`` in ``[0, 1)`` weights under- (``b < 0.5``) or over-representation (``b > 0.5``) of
    the group; PySAL's default is ``b = 0.5``. Atkinson (1970), *J. Econ. Theory* 2, 244–263.
    """
    b = float(b)
    if not 0 <= b < 1:
        raise ParameterError(f"Atkinson's shape parameter b must be in [0, 1), got {b}")
    T, P = t.sum(), x.sum() / t.sum()
    p = share(x, t)
    inner = (((1 - p) ** (1 - b) * p**b * t) / (P * T)).sum()
    return float(1 - (P / (1 - P)) * abs(inner) ** (1 / (1 - b)))


def correlation_ratio(x: np.ndarray, t: np.ndarray) -> float:
    """Correlation ratio (eta², isolation corrected for composition) ``V = (xPx − P)/(1 − P)``."""
    P = x.sum() / t.sum()
    return float((isolation(x, t) - P) / (1 - P))


def delta(x: np.ndarray, t: np.ndarray, geography: Geography) -> float:
    """Delta (concentration) index ``DEL = ½ Σ |x_i / X − a_i / A|``.

    The share of the group that would have to move for its density to be uniform.
    """
    a = geography.areas
    return float(0.5 * np.abs(x / x.sum() - a / a.sum()).sum())


def relative_concentration(x: np.ndarray, t: np.ndarray, geography: Geography) -> float:
    """Relative concentration ``RCO`` (Massey & Denton 1988, eq. for RCO).

    ``RCO = [(Σ x_i a_i / X) / (Σ y_i a_i / Y) − 1] / [(Σ_{i≤n1} t_i a_i / T1) /
    (Σ_{i>n2} t_i a_i / T2) − 1]`` with units ordered by ascending area; ``n1`` is the
    number of smallest units whose cumulative population reaches ``X`` and ``n2`` is chosen
    the same way from the largest units, as in PySAL (its issue #43 discusses this choice).
    """
    a = geography.areas
    y = t - x
    X, Y, T = x.sum(), y.sum(), t.sum()
    asc = a.argsort()
    desc = (-a).argsort()
    n = len(t)
    n1 = np.where(~((np.cumsum(t[asc]) / T) < X / T))[0][0] + 1
    n2 = n - (np.where(~((np.cumsum(t[desc]) / T) < X / T))[0][0] + 1)
    T1, T2 = t[asc][:n1].sum(), t[asc][n2:].sum()
    ta = t[asc] * a[asc]
    numerator = ((x[asc] * a[asc] / X).sum()) / ((y[asc] * a[asc] / Y).sum()) - 1
    denominator = (ta[:n1].sum() / T1) / (ta[n2:].sum() / T2) - 1
    return float(numerator / denominator)


def absolute_centralization(x: np.ndarray, t: np.ndarray, geography: Geography) -> float:
    """Absolute centralization ``ACE = Σ X_{i−1} A_i − Σ X_i A_{i−1}``.

    Units are ordered by distance from the centre (PySAL's default: the mean of the unit
    centroids); ``X_i`` and ``A_i`` are the cumulative shares of the group and of the area.
    """
    cx = np.ascontiguousarray(geography.centroids[:, 0])
    cy = np.ascontiguousarray(geography.centroids[:, 1])
    dist = np.sqrt((cx - cx.mean()) ** 2 + (cy - cy.mean()) ** 2)
    order = dist.argsort()
    Xi = np.cumsum(x[order]) / x.sum()
    a = geography.areas
    Ai = np.cumsum(a[order]) / a.sum()
    return float((Xi[:-1] * Ai[1:]).sum() - (Xi[1:] * Ai[:-1]).sum())
