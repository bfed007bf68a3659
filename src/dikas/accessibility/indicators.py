"""Accessibility results as rows of the twin's long ``indicators`` table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from dikas.accessibility.areas import AGGREGATION
from dikas.twin.aggregation import recorded


def indicator_name(mode: str, measure: str, service_type: str) -> str:
    """``access_{mode}_{measure}_{service_type}``, e.g. ``access_walk_nearest_1_school``."""
    return f"access_{mode}_{measure}_{service_type}"


def to_indicator_rows(
    table: pd.DataFrame,
    *,
    mode: str,
    service_type: str,
    level: str,
    method: str,
    parameters: Mapping[str, object],
    source_layers: Sequence[str],
    year: int | None = None,
) -> pd.DataFrame:
    """Long rows (``indicator, level, unit_id, year, value, method, parameters,
    source_layers``) from a measure table indexed by unit id, one column per measure.

    Units without a value (e.g. no service reachable) keep a row with a missing value, so
    a map shows them as "not reached" rather than leaving them out. Rows above the grid
    record the family's :data:`~dikas.accessibility.areas.AGGREGATION` as ``aggregation``.
    """
    long = (
        table.rename_axis("unit_id")
        .reset_index()
        .melt(id_vars="unit_id", var_name="measure", value_name="value")
    )
    long["indicator"] = [indicator_name(mode, m, service_type) for m in long["measure"]]
    long["level"] = level
    long["year"] = year
    long["method"] = method
    aggregated = recorded(AGGREGATION, level)
    long["parameters"] = [
        dict(parameters, measure=m, mode=mode, service_type=service_type, **aggregated)
        for m in long["measure"]
    ]
    long["source_layers"] = [list(source_layers)] * len(long)
    return long[
        ["indicator", "level", "unit_id", "year", "value", "method", "parameters", "source_layers"]
    ]
