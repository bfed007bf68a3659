"""Small-count protection for everything a twin publishes.

Person counts below the configured threshold (``DIKAS_MIN_COUNT``, default 10) can identify
people at cell and building level. Publishing code (exports, the web API, the map, reports)
passes frames through :func:`suppress_small_counts` which blanks such counts (primary
suppression), on top of the producers' own suppression (already NULL in the twin).

Blanking each count on its own is not enough where counts add up: a cell's age bands sum to
its resident total, so a single blanked band is the total minus the shown bands. Within such
a group the function therefore also blanks the smallest shown bands (complementary, or
secondary, suppression) until the blanked bands cannot be derived from the published values
by addition and subtraction. That decision depends on the whole row, so callers publishing
only some columns read them together with :func:`with_person_counts` and select afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

FINE_GRAINED_LEVELS = frozenset({"grid", "buildings"})
"""Layers whose units are small enough for counts to identify people."""

_PERSON_COUNT = re.compile(r"^(inhabitants|residents|population|attribute_grid_inhabitants"
                           r"|age_\d+_(\d+|plus))$")
_AGE_BAND = re.compile(r"^age_(\d+)_(\d+|plus)$")

BAND_TOTALS = ("attribute_grid_inhabitants", "inhabitants")
"""Candidates for the total the age bands add up to, the first present wins: HSY's attribute
grid publishes its bands with their own resident count (``attribute_grid_inhabitants``), whereas
``inhabitants`` there comes from the base grid, another count that only roughly matches."""


def person_count_columns(frame: pd.DataFrame) -> list[str]:
    """Columns that hold counts of persons."""
    return [c for c in frame.columns if _PERSON_COUNT.match(str(c))]


def with_person_counts(columns: Sequence[str], available: Iterable[object]) -> list[str]:
    """``columns`` followed by every person count among ``available`` (a layer's columns).

    Whether one count is blanked depends on the other counts of its row, so a caller that
    publishes a subset of a layer reads these columns, suppresses, then selects its subset.
    """
    counts = [str(c) for c in available if _PERSON_COUNT.match(str(c))]
    return list(dict.fromkeys([*columns, *counts]))


def suppress_small_counts(frame: pd.DataFrame, *, level: str, min_count: int) -> pd.DataFrame:
    """Blank person counts that identify people at fine-grained levels; returns a copy.

    Zero stays zero (no one lives there, nobody is identified); any positive count below
    ``min_count`` becomes NULL, and so do the age bands (or, failing those, the total) that
    would let a blanked band be recovered (:func:`_complementary`). ``frame`` must hold whole
    rows: all person counts of the layer, not just those the caller publishes.
    """
    if level not in FINE_GRAINED_LEVELS:
        return frame
    out = frame.copy()
    for column in person_count_columns(out):
        values = pd.to_numeric(out[column], errors="coerce")
        out[column] = values.mask((values > 0) & (values < min_count))
    bands = _age_bands(out.columns)
    total = next((c for c in BAND_TOTALS if c in out.columns), None)
    if bands and total is not None:
        values = frame[bands].apply(pd.to_numeric, errors="coerce").to_numpy(float)
        hidden, total_hidden = _complementary(values, out[bands].isna().to_numpy(),
                                              out[total].to_numpy(float), min_count)
        out[bands] = out[bands].mask(hidden)
        out[total] = out[total].mask(total_hidden)
    return out


def _age_bands(columns: Iterable[object]) -> list[str]:
    """Age-band columns youngest first: the order that breaks ties between equal bands, so
    the same row gets the same cells blanked whatever order a caller's columns come in."""
    bands = [str(c) for c in columns if _AGE_BAND.match(str(c))]
    return sorted(bands, key=lambda c: int(_AGE_BAND.match(c).group(1)))  # type: ignore[union-attr]


def _complementary(values: np.ndarray, hidden: np.ndarray, total: np.ndarray, min_count: int
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Cells to hide so that no row's hidden bands can be derived: ``(bands, total)`` masks.

    ``values`` are each row's bands as stored (NaN: NULL at the source), ``hidden`` those
    blanked so far and ``total`` the published total they add up to (NaN: blanked). While a
    row is :func:`_exposed`, its smallest shown positive band is hidden too; shown bands are
    at least ``min_count``, so one more lifts the hidden bands' sum to the threshold. A row
    with no positive band left to hide (its bands do not add up to its total) hides the total.
    """
    hidden, total = hidden.copy(), total.copy()
    while (exposed := _exposed(values, hidden, total, min_count)).any():
        candidates = np.where(hidden | ~(values > 0), np.inf, values)
        smallest = candidates.argmin(axis=1)
        has_band = np.isfinite(candidates.min(axis=1))
        rows = np.flatnonzero(exposed & has_band)
        hidden[rows, smallest[rows]] = True
        total[exposed & ~has_band] = np.nan
    return hidden, np.isnan(total)


def _exposed(values: np.ndarray, hidden: np.ndarray, total: np.ndarray, min_count: int
             ) -> np.ndarray:
    """Rows whose hidden bands the published total and bands give away.

    With the total shown, the hidden bands together hold the total minus the shown bands.
    That pins a band when it is the only one hidden, is itself a small count below
    ``min_count``, and pins them all when it is no more than their number (hidden bands are
    positive, so ``k`` of them holding ``k`` people are 1 each). Where the source's bands do
    not add up to its total, the difference still estimates the hidden bands, so it counts
    as exact, and the smaller of it and their true sum decides. A blanked total is never
    exposed: each shown band is 0 or at least ``min_count``, and so is their sum; a total
    NULL at the source was not hidden for being small.
    """
    count = hidden.sum(axis=1)
    derived = total - np.where(hidden, 0.0, values).sum(axis=1)
    held = np.fmin(derived, np.where(hidden, values, 0.0).sum(axis=1))
    return ~np.isnan(total) & (count > 0) & ((count == 1)
                                             | (held < np.maximum(min_count, count + 1)))
