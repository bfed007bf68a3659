"""Combining oriented indicator scores into group scores and an index, for many weight
draws at once (the baseline is the draw of the configured weights).

Within a group *g* (indicator weights :math:`w_i`):

* ``mean``: :math:`G_{ug} = \\sum_{i \\in g} w_i s_{ui} / \\sum_{i \\in g} w_i` over the
  indicators the unit has (a missing indicator drops out, the weights renormalize);
* ``sum``: :math:`G_{ug} = \\sum_{i \\in g} w_i s_{ui}`, missing when any indicator is.

Across groups (group weights :math:`W_g`):

* ``mean``: :math:`V_u = \\sum_g W_g G_{ug} / \\sum_g W_g` (Climate Just);
* ``sum``: :math:`V_u = \\sum_g W_g G_{ug}` (CDC SVI: the sum of the theme sums);
* ``geometric``: :math:`V_u = \\prod_g G_{ug}^{W_g / \\sum W}` (zero when a group is zero;
  scores must be non-negative, so not after z-scores).

A unit lacking every indicator of some group gets no index (a partial index would not be
comparable with the others).
"""

from __future__ import annotations

import numpy as np


def group_scores(
    scores: np.ndarray, groups: np.ndarray, indicator_weights: np.ndarray, group: int, how: str
) -> np.ndarray:
    """``(units, draws)`` score of one group (NaN where the unit has none)."""
    present = np.isfinite(scores)
    filled = np.where(present, scores, 0.0)
    in_group = groups == group
    w = indicator_weights[:, in_group].T
    numerator = filled[:, in_group] @ w
    if how == "sum":
        complete = present[:, in_group].all(axis=1)
        return np.where(complete[:, None], numerator, np.nan)
    denominator = present[:, in_group].astype("float64") @ w
    has = denominator > 0
    return np.where(
        has, np.divide(numerator, denominator, out=np.zeros_like(numerator), where=has), np.nan
    )


def composite(
    scores: np.ndarray,
    groups: np.ndarray,
    indicator_weights: np.ndarray,
    group_weights: np.ndarray,
    *,
    within: str = "mean",
    across: str = "mean",
) -> np.ndarray:
    """``(units, draws)`` index values.

    Parameters
    ----------
    scores
        ``(units, indicators)`` oriented scores, NaN where missing.
    groups
        ``(indicators,)`` integer group of each indicator, ``0 … G−1``.
    indicator_weights
        ``(draws, indicators)`` weights.
    group_weights
        ``(draws, G)`` weights (a zero weight leaves the group out).
    within, across
        Aggregation within groups (``mean``, ``sum``) and across them (``mean``, ``sum``,
        ``geometric``).
    """
    if within == "mean" and across == "mean":
        return _weighted_mean_of_means(scores, groups, indicator_weights, group_weights)
    n_units, n_draws = scores.shape[0], indicator_weights.shape[0]
    used = [
        g
        for g in range(group_weights.shape[1])
        if (groups == g).any() and group_weights[:, g].any()
    ]
    total = np.zeros((n_units, n_draws)) if across != "geometric" else np.ones((n_units, n_draws))
    complete = np.ones((n_units, n_draws), dtype=bool)
    weight_sum = group_weights[:, used].sum(axis=1)[None, :] if used else np.ones((1, n_draws))
    for g in used:
        score = group_scores(scores, groups, indicator_weights, g, within)
        complete &= np.isfinite(score)
        score = np.where(np.isfinite(score), score, 0.0)
        weight = group_weights[:, g][None, :]
        if across == "geometric":
            total = total * np.power(np.maximum(score, 0.0), weight / weight_sum)
        elif across == "sum":
            total = total + weight * score
        else:
            total = total + weight * score / weight_sum
    return np.where(complete & bool(used), total, np.nan)


def _weighted_mean_of_means(
    scores: np.ndarray, groups: np.ndarray, indicator_weights: np.ndarray, group_weights: np.ndarray
) -> np.ndarray:
    """The Climate Just index: weighted mean of group means (the arithmetic of the climate
    vulnerability index, kept operation for operation so its values stay identical)."""
    present = np.isfinite(scores)
    filled = np.where(present, scores, 0.0)
    n_units, n_draws = scores.shape[0], indicator_weights.shape[0]
    total = np.zeros((n_units, n_draws))
    weight_sum = np.zeros((n_units, n_draws))
    complete = np.ones(n_units, dtype=bool)
    for g in range(group_weights.shape[1]):
        in_group = groups == g
        if not in_group.any() or not group_weights[:, g].any():
            continue
        complete &= present[:, in_group].any(axis=1)
        w = indicator_weights[:, in_group].T
        numerator = filled[:, in_group] @ w
        denominator = present[:, in_group].astype("float64") @ w
        has = denominator > 0
        group_score = np.divide(numerator, denominator, out=np.zeros_like(numerator), where=has)
        total += np.where(has, group_score * group_weights[:, g], 0.0)
        weight_sum += np.where(has, group_weights[:, g], 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where((weight_sum > 0) & complete[:, None], total / weight_sum, np.nan)
