"""What every ``compute_*(twin, params)`` call returns: an :class:`IndicatorBatch`.

A batch holds the values in the twin's long ``indicators`` format (ready to store, with
method, parameters and source layers), the wide frame behind them (one row per unit, keyed
by the level's unit id, with a ``reason`` column for units that have no value) and the
provenance of the computation. The CLI prints or stores it, the API and reports read it, and
scenarios compare two of them; none of them computes indicators another way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from dikas.twin.schema import level as level_of

if TYPE_CHECKING:
    from dikas.twin.store import Twin

REASONS = ("suppressed", "outside_coverage", "unreachable", "not_computed", "no_data")
"""Why a unit has no value: a person count under the privacy threshold, outside the source's
reach, no path within the limit, not part of the computation, missing in the source."""


@dataclass(frozen=True)
class IndicatorBatch:
    """One family's indicator values for one level (and year), with their provenance."""

    family: str
    """The indicator family (``access``, ``segregation``, ``vulnerability``, ...)."""
    level: str
    year: int | None
    rows: pd.DataFrame
    """Long rows: ``indicator, level, unit_id, year, population_group, value, method,
    parameters, source_layers`` (what :meth:`Twin.write_indicators` stores)."""
    units: pd.DataFrame
    """Wide frame indexed by the level's unit key: one column per indicator, ``reason`` for
    units without a value (see :data:`REASONS`), geometry where the level has one."""
    parameters: Mapping[str, object] = field(default_factory=dict)
    source_layers: tuple[str, ...] = ()
    method: str = ""
    summary: Mapping[str, object] = field(default_factory=dict)
    """Family-level results that are not per unit (a city-wide index, a test statistic)."""

    @property
    def indicators(self) -> list[str]:
        """Names of the indicators in the batch, in order of first appearance."""
        return list(dict.fromkeys(self.rows["indicator"])) if len(self.rows) else []

    def value(self, indicator: str, unit_id: str, *, population_group: str = "all") -> float | None:
        """One stored value, or ``None`` where the unit has none."""
        rows = self.rows
        hit = rows[
            (rows["indicator"] == indicator)
            & (rows["unit_id"] == str(unit_id))
            & (rows.get("population_group", "all") == population_group)
        ]
        return None if hit.empty else float(hit["value"].iloc[0])

    def store(self, twin: Twin) -> int:
        """Write the rows to a twin opened for writing; returns the rows written."""
        return twin.write_indicators(self.rows)


def long_rows(
    frame: pd.DataFrame,
    columns: Mapping[str, str],
    *,
    level: str,
    year: int | None,
    method: str,
    parameters: Mapping[str, object],
    source_layers: Sequence[str],
    population_group: str = "all",
) -> pd.DataFrame:
    """Long indicator rows: one per unit and ``indicator name → frame column``.

    ``frame`` is indexed by unit id. Missing and non-finite values are left out (the twin
    stores values, not gaps; the wide frame's ``reason`` says why a unit has none).
    """
    level_of(level)
    parts = []
    for indicator, column in columns.items():
        values = pd.to_numeric(frame[column], errors="coerce").astype("float64")
        values = values[np.isfinite(values)]
        parts.append(
            pd.DataFrame(
                {
                    "indicator": indicator,
                    "level": level,
                    "unit_id": values.index.astype(str),
                    "year": year,
                    "population_group": population_group,
                    "value": values.to_numpy(),
                    "method": method,
                }
            )
        )
    long = (
        pd.concat(parts, ignore_index=True)
        if parts
        else pd.DataFrame(
            columns=["indicator", "level", "unit_id", "year", "population_group", "value", "method"]
        )
    )
    long["parameters"] = [dict(parameters)] * len(long)
    long["source_layers"] = [list(source_layers)] * len(long)
    return long
