"""Results as rows of the twin's long ``indicators`` table (see docs/twin-schema.md)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from dikas.segregation.indices import IndexSuite
from dikas.segregation.inference import NullTest
from dikas.segregation.local import LocalMeasures
from dikas.segregation.registry import INDICES

LOCAL_COLUMNS = (
    "share",
    "location_quotient",
    "local_entropy",
    "moran_i",
    "moran_p",
    "gi_star_z",
    "gi_star_p",
)


def global_indicator_rows(
    suite: IndexSuite,
    *,
    population_group: str,
    year: int | None,
    source_layers: Sequence[str],
    unit_level: str,
    tests: Mapping[str, NullTest] | None = None,
) -> pd.DataFrame:
    """One ``level="city"`` row per index (and per p-value when ``tests`` are given)."""
    excluded = [{"unit_id": e.unit_id, "reason": e.reason} for e in suite.excluded]
    rows = []
    for name, result in suite.results.items():
        parameters = {
            **result.parameters,
            "units": unit_level,
            "n_units": result.n_units,
            "excluded": excluded,
        }
        method = (
            f"dikas.segregation: {name}, definition of PySAL segregation "
            f"{INDICES[name].pysal_class or '(corrected variant)'}"
        )
        rows.append(
            {
                "indicator": f"segregation_{name}",
                "value": result.statistic,
                "parameters": parameters,
                "method": method,
            }
        )
        if tests and name in tests:
            test = tests[name]
            rows.append(
                {
                    "indicator": f"segregation_{name}_p_value",
                    "value": test.p_value,
                    "parameters": {
                        **parameters,
                        "null": test.null,
                        "iterations": len(test.simulated),
                    },
                    "method": f"two-sided p-value under the {test.null} null",
                }
            )
    frame = pd.DataFrame(rows)
    frame["level"] = "city"
    frame["unit_id"] = "all"
    frame["year"] = year
    frame["population_group"] = population_group
    frame["source_layers"] = [list(source_layers)] * len(frame)
    return frame


def local_indicator_rows(
    measures: LocalMeasures,
    *,
    level: str,
    year: int | None,
    population_group: str,
    source_layers: Sequence[str],
) -> pd.DataFrame:
    """One row per unit and local measure (units without values are left out)."""
    layer = measures.layer
    frames = []
    for column in LOCAL_COLUMNS:
        values = layer[["unit_id", column]].rename(columns={column: "value"})
        values = values[np.isfinite(values["value"].astype(float))]
        frames.append(values.assign(indicator=f"segregation_local_{column}"))
    frame = pd.concat(frames, ignore_index=True)
    frame["level"] = level
    frame["year"] = year
    frame["population_group"] = population_group
    frame["method"] = "dikas.segregation.local_measures (queen contiguity)"
    frame["parameters"] = [dict(measures.parameters)] * len(frame)
    frame["source_layers"] = [list(source_layers)] * len(frame)
    return frame
