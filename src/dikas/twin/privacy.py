"""Small-count protection for everything a twin publishes.

Person counts below the configured threshold (``DIKAS_MIN_COUNT``, default 10) can identify
people at cell and building level. Publishing code (exports, the web API, the map, reports)
passes frames through :func:`suppress_small_counts` which blanks such counts, on top of the
producers' own suppression (already NULL in the twin).
"""

from __future__ import annotations

import re

import pandas as pd

FINE_GRAINED_LEVELS = frozenset({"grid", "buildings"})
"""Layers whose units are small enough for counts to identify people."""

_PERSON_COUNT = re.compile(r"^(inhabitants|residents|population|attribute_grid_inhabitants"
                           r"|age_\d+_(\d+|plus))$")


def person_count_columns(frame: pd.DataFrame) -> list[str]:
    """Columns that hold counts of persons."""
    return [c for c in frame.columns if _PERSON_COUNT.match(str(c))]


def suppress_small_counts(frame: pd.DataFrame, *, level: str, min_count: int) -> pd.DataFrame:
    """Blank person counts in ``(0, min_count)`` for fine-grained levels; returns a copy.

    Zero stays zero (no one lives there, nobody is identified); any positive count below the
    threshold becomes NULL.
    """
    if level not in FINE_GRAINED_LEVELS:
        return frame
    out = frame.copy()
    for column in person_count_columns(out):
        values = pd.to_numeric(out[column], errors="coerce")
        out[column] = values.mask((values > 0) & (values < min_count))
    return out
