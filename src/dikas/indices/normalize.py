"""Putting indicators on one scale, oriented so that larger always means more need.

* ``minmax``: :math:`n = (x - \\min) / (\\max - \\min)` in [0, 1];
* ``zscore``: :math:`n = (x - \\bar x) / s` (population standard deviation);
* ``percentile``: the percentile rank :math:`n = (r - 1) / (N - 1)` with :math:`r` the rank
  among the :math:`N` units with a value, ties sharing the lowest rank (Excel's
  ``PERCENTRANK.INC``, as the CDC/ATSDR Social Vulnerability Index uses).

Missing values stay missing and do not count in :math:`N`; a constant column carries no
information and becomes 0. Orientation: direction +1 keeps :math:`n`; direction −1 gives
:math:`1 - n` for ``minmax`` and ``percentile`` and :math:`-n` for ``zscore``.
"""

from __future__ import annotations

import numpy as np
from scipy.stats import rankdata

from dikas.errors import ParameterError

NORMALIZATIONS: tuple[str, ...] = ("minmax", "zscore", "percentile")
"""Ways to put indicators on one scale: min–max to [0, 1], z-score, percentile rank."""


def percentile_rank(column: np.ndarray) -> np.ndarray:
    """``(rank − 1) / (N − 1)`` of the finite values of one column (ties: lowest rank)."""
    x = np.asarray(column, dtype="float64")
    out = np.full_like(x, np.nan)
    finite = np.isfinite(x)
    n = int(finite.sum())
    if n == 0:
        return out
    if n == 1:
        out[finite] = 0.0
        return out
    out[finite] = (rankdata(x[finite], method="min") - 1.0) / (n - 1.0)
    return out


def normalize(values: np.ndarray, method: str) -> np.ndarray:
    """Normalize each column of ``values`` across rows, ignoring NaN (see the module)."""
    if method not in NORMALIZATIONS:
        raise ParameterError(
            f"normalization must be one of {', '.join(NORMALIZATIONS)}, not {method!r}"
        )
    x = np.asarray(values, dtype="float64")
    finite = np.isfinite(x)
    out = np.full_like(x, np.nan)
    for j in range(x.shape[1]):
        col = x[finite[:, j], j]
        if col.size == 0:
            continue
        if method == "percentile":
            out[:, j] = percentile_rank(np.where(finite[:, j], x[:, j], np.nan))
            continue
        if method == "minmax":
            lo, spread = col.min(), col.max() - col.min()
        else:
            lo, spread = col.mean(), col.std()
        out[finite[:, j], j] = (col - lo) / spread if spread > 0 else 0.0
    return out


def orient(normalized: np.ndarray, directions: np.ndarray, method: str) -> np.ndarray:
    """Scores where larger always means more vulnerable (or more in need)."""
    negative = np.asarray(directions) < 0
    if method == "zscore":
        return np.where(negative, -normalized, normalized)
    return np.where(negative, 1.0 - normalized, normalized)


def oriented_scores(values: np.ndarray, directions: np.ndarray, method: str) -> np.ndarray:
    """Normalize raw values column-wise and orient them."""
    return orient(normalize(values, method), np.asarray(directions), method)
