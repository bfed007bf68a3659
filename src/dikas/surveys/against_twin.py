"""Answers against the twin's indicators: do people mark places where the twin says so?

For a map question with ``compare_with: [indicator, …]``, per unit of a level (postal areas
by default): the places marked per km² (answer density) beside each named indicator, which is
either an indicator stored in the twin's ``indicators`` table at that level (latest year,
all residents) or a column of the level's layer (``heat_exposure_index`` of the grid). The
association is Spearman's rank correlation (:func:`scipy.stats.spearmanr`) with a two-sided
permutation p-value: the answer densities are shuffled ``permutations`` times with a seeded
generator, and ``p = (1 + #{|rho*| ≥ |rho|}) / (1 + permutations)``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from dikas.surveys.definition import Survey
from dikas.twin.schema import LEVELS
from dikas.twin.store import Twin

PERMUTATIONS = 9999
"""Shuffles of the permutation test."""
SEED = 18
"""Seed of the permutation test (results are reproducible)."""


def spearman_permutation(
    x: np.ndarray, y: np.ndarray, *, permutations: int = PERMUTATIONS, seed: int = SEED
) -> tuple[float, float]:
    """Spearman's rho of ``x`` and ``y`` and its two-sided permutation p-value."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    rho = float(stats.spearmanr(x, y).statistic)
    if not np.isfinite(rho):
        return float("nan"), float("nan")
    rx, ry = stats.rankdata(x), stats.rankdata(y)
    rx, ry = rx - rx.mean(), ry - ry.mean()
    scale = np.sqrt((rx**2).sum() * (ry**2).sum())
    rng = np.random.default_rng(seed)
    shuffled = np.array([rng.permutation(ry) for _ in range(permutations)])
    null = shuffled @ rx / scale
    extreme = int((np.abs(null) >= abs(rho) - 1e-12).sum())
    return rho, (1 + extreme) / (1 + permutations)


def indicator_values(twin: Twin, indicator: str, level: str) -> pd.Series | None:
    """``indicator`` per unit of ``level`` from the twin (``None`` when it has none)."""
    stored = twin.indicators(indicator=indicator, level=level)
    if not stored.empty:
        if "population_group" in stored.columns:
            group = stored["population_group"]
            stored = stored[group.isna() | (group == "all")]
        if "year" in stored.columns and stored["year"].notna().any():
            stored = stored[stored["year"] == stored["year"].max()]
        return stored.groupby(stored["unit_id"].astype(str))["value"].mean()
    spec = LEVELS[level]
    if spec.layer and twin.has_layer(spec.layer) and indicator in twin.columns(spec.layer):
        year = max(twin.years(spec.layer)) if spec.yearly else None
        frame = twin.read(spec.layer, year=year, columns=[spec.key, indicator])
        return pd.Series(
            pd.to_numeric(frame[indicator], errors="coerce").to_numpy(),
            index=frame[spec.key].astype(str),
        )
    return None


def unit_sizes_km2(twin: Twin, level: str) -> pd.Series:
    """Land of each unit of ``level`` in km²."""
    spec = LEVELS[level]
    assert spec.layer is not None
    year = f" WHERE year = (SELECT max(year) FROM {spec.layer})" if spec.yearly else ""
    rows = twin.sql(
        f"SELECT {spec.key} AS unit, ST_Area(geometry) / 1e6 AS km2 FROM {spec.layer}{year}"
    )
    return pd.Series(rows["km2"].to_numpy(float), index=rows["unit"].astype(str))


def against_twin(
    survey: Survey,
    answers: pd.DataFrame,
    twin: Twin,
    *,
    level: str = "areas",
    permutations: int = PERMUTATIONS,
    seed: int = SEED,
) -> list[dict[str, Any]]:
    """For each map question with ``compare_with``: per unit density and indicator, and
    each indicator's rank correlation with the density."""
    spec = LEVELS[level]
    if spec.layer is None or not twin.has_layer(spec.layer):
        return []
    sizes = unit_sizes_km2(twin, level)
    out = []
    for question in survey.questions:
        if not question.is_map or not question.compare_with:
            continue
        places = answers[(answers["question_id"] == question.id) & answers["parent_id"].isna()]
        counts = places[spec.key].dropna().astype(str).value_counts()
        density = counts.reindex(sizes.index, fill_value=0) / sizes.replace(0, np.nan)
        comparisons = []
        for indicator in question.compare_with:
            values = indicator_values(twin, indicator, level)
            if values is None:
                comparisons.append({"indicator": indicator, "available": False})
                continue
            both = pd.DataFrame({"density": density, "value": values}).dropna()
            rho, p = (
                spearman_permutation(
                    both["density"].to_numpy(),
                    both["value"].to_numpy(),
                    permutations=permutations,
                    seed=seed,
                )
                if len(both) >= 3
                else (float("nan"), float("nan"))
            )
            comparisons.append(
                {
                    "indicator": indicator,
                    "available": True,
                    "units": len(both),
                    "spearman_rho": rho,
                    "p_value": p,
                    "values": both["value"].to_dict(),
                }
            )
        out.append(
            {
                "question": question.id,
                "level": level,
                "places": {str(k): int(v) for k, v in counts.items()},
                "density_per_km2": density.dropna().to_dict(),
                "comparisons": comparisons,
            }
        )
    return out
