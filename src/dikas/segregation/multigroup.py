"""Multigroup indices: counts ``n_ik`` of ``K`` mutually exclusive groups per unit.

Notation: ``t_i = Σ_k n_ik``, ``T = Σ_i t_i``, ``p_ik = n_ik / t_i``, ``P_k = Σ_i n_ik / T``
and the interaction (Simpson) index ``I = Σ_k P_k (1 − P_k)``. Definitions are PySAL
``segregation`` 2.5's (``segregation.multigroup``), after Reardon & Firebaugh (2002),
"Measures of multigroup segregation", *Sociological Methodology* 32, 33–67, unless stated.
"""

from __future__ import annotations

import numpy as np


def _shares(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """``t_i``, ``p_ik`` (0 for an empty unit, as in PySAL), ``P_k`` and ``T``."""
    t = counts.sum(axis=1)
    T = counts.sum()
    p = np.divide(counts, t[:, None], out=np.zeros(counts.shape), where=t[:, None] > 0)
    return t, p, counts.sum(axis=0) / T, T


def multigroup_dissimilarity(counts: np.ndarray) -> float:
    """Multigroup dissimilarity ``D = Σ_i Σ_k t_i |p_ik − P_k| / (2 T I)`` (Sakoda 1981)."""
    t, p, P, T = _shares(counts)
    interaction = (P * (1 - P)).sum()
    return float((np.abs(p - P) * t[:, None]).sum() / (2 * T * interaction))


def multigroup_gini(counts: np.ndarray) -> float:
    """Multigroup Gini ``G = Σ_k Σ_i Σ_j t_i t_j |p_ik − p_jk| / (2 T² I)``.

    Each group's double sum is evaluated in ``O(n log n)`` by sorting its shares (see
    :func:`dikas.segregation.singlegroup.gini`).
    """
    t, p, P, T = _shares(counts)
    interaction = (P * (1 - P)).sum()
    total = 0.0
    for k in range(counts.shape[1]):
        order = np.argsort(p[:, k], kind="stable")
        ts, ps = t[order], p[order, k]
        before_t = np.cumsum(ts) - ts
        before_tp = np.cumsum(ts * ps) - ts * ps
        total += 2 * (ts * (ps * before_t - before_tp)).sum()
    return float(total / (2 * T**2 * interaction))


def multigroup_information_theory(counts: np.ndarray) -> float:
    """Information theory index ``H = Σ_i Σ_k t_i p_ik ln(p_ik / P_k) / (T E)``.

    ``E = Σ_k P_k ln(1/P_k)`` is the city's entropy; terms with ``p_ik = 0`` are zero.
    Theil (1972); Reardon & Firebaugh (2002).
    """
    t, p, P, T = _shares(counts)
    E = (P * np.log(1 / P)).sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.nansum(t[:, None] * p * np.log(p / P)) / (T * E))


def multigroup_normalized_exposure(counts: np.ndarray) -> float:
    """Normalized exposure ``P = Σ_i Σ_k t_i (p_ik − P_k)² / (T (1 − P_k))`` (James 1986)."""
    t, p, P, T = _shares(counts)
    return float(((t[:, None] * (p - P) ** 2) / (1 - P)).sum() / T)


def multigroup_squared_coefficient_of_variation(counts: np.ndarray) -> float:
    """Squared coefficient of variation ``C = Σ_i Σ_k t_i (p_ik − P_k)² / (T (K − 1) P_k)``."""
    t, p, P, T = _shares(counts)
    K = counts.shape[1]
    return float(((t[:, None] * (p - P) ** 2) / (T * (K - 1) * P)).sum())


def multigroup_relative_diversity(counts: np.ndarray) -> float:
    """Relative diversity ``R = Σ_i Σ_k t_i (p_ik − P_k)² / (T I)`` (Carlson 1992)."""
    t, p, P, T = _shares(counts)
    interaction = (P * (1 - P)).sum()
    return float((t[:, None] * (p - P) ** 2).sum() / (T * interaction))


def multigroup_diversity(counts: np.ndarray, *, normalized: bool = False) -> float:
    """Diversity (entropy of the city's composition) ``E = −Σ_k P_k ln P_k``.

    Divided by ``ln K`` when ``normalized`` (PySAL's default: not normalized).
    """
    P = counts.sum(axis=0) / counts.sum()
    E = -(P * np.log(P)).sum()
    return float(E / np.log(counts.shape[1]) if normalized else E)


def simpsons_interaction(counts: np.ndarray) -> float:
    """Simpson's interaction ``I = Σ_k P_k (1 − P_k)``: chance two random people differ."""
    P = counts.sum(axis=0) / counts.sum()
    return float((P * (1 - P)).sum())


def simpsons_concentration(counts: np.ndarray) -> float:
    """Simpson's concentration ``λ = Σ_k P_k²``: chance two random people share a group."""
    P = counts.sum(axis=0) / counts.sum()
    return float((P * P).sum())
