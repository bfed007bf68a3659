"""Small-count protection for everything a twin publishes.

Person counts below the configured threshold (``DIKAS_MIN_COUNT``, default 10) can identify
people at cell and building level. Publishing code (exports, the web API, the map, reports)
passes frames through :func:`suppress_small_counts` which blanks such counts (primary
suppression), on top of the producers' own suppression (already NULL in the twin).

Blanking each count on its own is not enough where counts add up: a cell's age bands sum to
its resident total, so a single blanked band is the total minus the shown bands, and several
blanked bands holding few people bound each other. Within such a group the function therefore
blanks further bands (complementary, or secondary, suppression) until what is published, read
by someone who knows this rule, narrows no blanked band below the whole range ``1 ..
min_count - 1`` it could have had anyway. Which band is blanked next depends only on which bands
are zero or blank, never on their sizes, so the choice itself tells nothing. The decision
depends on the whole row, so callers publishing only some columns read them together with
:func:`with_person_counts` and select afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from dikas.twin.schema import FINE_GRAINED_LEVELS

__all__ = [
    "BAND_TOTALS",
    "FINE_GRAINED_LEVELS",
    "counts_people",
    "person_count_columns",
    "publish",
    "suppress_small_counts",
    "with_person_counts",
]

_PERSON_COUNT = re.compile(
    r"^(inhabitants|population|attribute_grid_inhabitants"
    r"|age_\d+_(\d+|plus)"
    r"|(vulnerable_|hottest_decile_|hot_green_poor_)?residents(_.+)?)$"
)
"""Person counts: residents, age bands, and the climate indicators' resident counts (those
of the hottest decile, the hot and green-poor cells, and per flood class: ``residents_100``,
``vulnerable_residents_100``)."""
_AGE_BAND = re.compile(r"^age_(\d+)_(\d+|plus)$")
_COUNT_NAME = re.compile(r"(^|_)(residents|inhabitants|population|persons|people)$")

BAND_TOTALS = ("attribute_grid_inhabitants", "inhabitants")
"""Candidates for the total the age bands add up to, the first present wins: HSY's attribute
grid publishes its bands with their own resident count (``attribute_grid_inhabitants``), whereas
``inhabitants`` there comes from the base grid, another count that only roughly matches."""


def person_count_columns(frame: pd.DataFrame) -> list[str]:
    """Columns that hold counts of persons."""
    return [c for c in frame.columns if _PERSON_COUNT.match(str(c))]


def counts_people(indicator: str) -> bool:
    """Whether a stored indicator's name says it counts people (``*_residents``,
    ``inhabitants``, ``age_20_29`` …), so the small-count rule applies to its values."""
    return bool(_COUNT_NAME.search(indicator) or _PERSON_COUNT.match(indicator))


def with_person_counts(columns: Sequence[str], available: Iterable[object]) -> list[str]:
    """``columns`` followed by every person count among ``available`` (a layer's columns).

    Whether one count is blanked depends on the other counts of its row, so a caller that
    publishes a subset of a layer reads these columns, suppresses, then selects its subset.
    """
    counts = [str(c) for c in available if _PERSON_COUNT.match(str(c))]
    return list(dict.fromkeys([*columns, *counts]))


def suppress_small_counts(
    frame: pd.DataFrame, *, level: str, min_count: int, counts: Sequence[str] = ()
) -> pd.DataFrame:
    """Blank person counts that identify people at fine-grained levels; returns a copy.

    Zero stays zero (no one lives there, nobody is identified); any positive count below
    ``min_count`` becomes NULL, and so do the age bands (or, failing those, the total) that
    would let a blanked band be recovered or narrowed (:func:`_complementary`). ``frame``
    must hold whole rows: all person counts of the layer, not just those the caller publishes.
    ``counts`` names further columns holding person counts whose names do not say so (the
    ``value`` column of a stored indicator that :func:`counts_people`); they are blanked
    on their own, being no parts of a sum.
    """
    if level not in FINE_GRAINED_LEVELS:
        return frame
    out = frame.copy()
    for column in dict.fromkeys([*person_count_columns(out), *counts]):
        values = pd.to_numeric(out[column], errors="coerce")
        out[column] = values.mask((values > 0) & (values < min_count))
    bands = _age_bands(out.columns)
    total = next((c for c in BAND_TOTALS if c in out.columns), None)
    if bands and total is not None:
        values = frame[bands].apply(pd.to_numeric, errors="coerce").to_numpy(float)
        hidden, total_hidden = _complementary(
            values, out[bands].isna().to_numpy(), out[total].to_numpy(float), min_count
        )
        out[bands] = out[bands].mask(hidden)
        out[total] = out[total].mask(total_hidden)
    return out


def _age_bands(columns: Iterable[object]) -> list[str]:
    """Age-band columns youngest first: the order complementary bands are picked in, so the
    same row gets the same cells blanked whatever order a caller's columns come in."""
    bands = [str(c) for c in columns if _AGE_BAND.match(str(c))]
    return sorted(bands, key=lambda c: int(_AGE_BAND.match(c).group(1)))  # type: ignore[union-attr]


def _complementary(
    values: np.ndarray, hidden: np.ndarray, total: np.ndarray, min_count: int
) -> tuple[np.ndarray, np.ndarray]:
    """Cells to hide so that no row's blanked bands can be narrowed: ``(bands, total)`` masks.

    ``values`` are each row's bands as stored (NaN: NULL at the source), ``hidden`` those
    blanked so far (the primary ones and the source NULLs) and ``total`` the published total
    they add up to (NaN: blanked). While a row is :func:`_exposed`, the band
    :func:`_next_complement` names is hidden too; a row with no positive band left to hide hides
    its total, which leaves nothing to subtract from.
    """
    primary = hidden & ~np.isnan(values)
    hidden, total = hidden.copy(), total.copy()
    while (exposed := _exposed(values, primary, hidden, total, min_count)).any():
        band, has_band = _next_complement(values, primary, hidden)
        rows = np.flatnonzero(exposed & has_band)
        hidden[rows, band[rows]] = True
        total[exposed & ~has_band] = np.nan
    return hidden, np.isnan(total)


def _exposed(
    values: np.ndarray, primary: np.ndarray, hidden: np.ndarray, total: np.ndarray, min_count: int
) -> np.ndarray:
    """Rows where what is shown, and the rule, narrow a primary band below ``1 .. min_count-1``.

    An onlooker who knows the rule knows that a primary band holds ``1 .. m-1`` people (``m`` =
    ``min_count``), a complementary one at least ``m`` (it was positive and not small) and a
    band NULL at the source at least 0, and that the hidden bands hold ``S`` = the total minus
    the shown bands. With ``L`` and ``U`` the sums of all hidden bands' lower and upper bounds
    (``U`` unbounded once a complementary or NULL band is hidden), every primary band lies in
    ``[max(1, S - U + m-1), min(m-1, S - L + 1)]``: the whole range while ``S - L >= m-2`` and
    ``U - S >= m-2``. The rule asks one person more, ``S - L >= m-1``, because the onlooker
    also knows that a row given a further complement was exposed before it. At the bar
    ``m-2`` a primary band of ``m-1`` would clear it alone (the other hidden bands at their
    minimums), so a further complement would rule that value out; at ``m-1`` any value of the
    band, the others at their minimums, leaves the row exposed until its last complement, so
    every value stays possible (the tests check this by brute force).

    Where the stored bands do not add up to the total (HSY's grid falls 1-7 persons short in
    a few cells), ``S`` lies somewhere between the hidden bands' stored sum (NULL bands counted
    as empty) and the total minus the shown bands, depending on what an onlooker assumes; both
    conditions are checked at their unfavourable end, so they hold for every ``S`` in between.
    A blanked total is never exposed: each shown band is 0 or at least ``m``, and so is their
    sum; a total NULL at the source was not hidden for being small.
    """
    shown_sum = np.where(hidden, 0.0, values).sum(axis=1)
    stored = np.where(hidden & ~np.isnan(values), values, 0.0).sum(axis=1)
    low, high = np.fmin(stored, total - shown_sum), np.fmax(stored, total - shown_sum)
    complements = hidden & ~primary & ~np.isnan(values)
    least = primary.sum(axis=1) + complements.sum(axis=1) * min_count
    most = np.where(
        (hidden & ~primary).any(axis=1), np.inf, primary.sum(axis=1) * (min_count - 1.0)
    )
    narrowed = (low - least < min_count - 1) | (most - high < min_count - 2)
    return ~np.isnan(total) & primary.any(axis=1) & narrowed


def _next_complement(
    values: np.ndarray, primary: np.ndarray, hidden: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's next band to hide and whether it has one: ``(column, found)``.

    The shown positive band nearest in age to the row's youngest primary band, the younger of
    two equally near. Only which bands are zero or hidden enters, never their sizes, so seeing
    which band was hidden tells nothing about how many people it or its neighbours hold
    (picking the smallest band, say, would tell that it is no larger than any shown one).
    """
    position = np.arange(values.shape[1])
    first = primary.argmax(axis=1)[:, None]
    distance = 2 * np.abs(position - first) + (position > first)
    candidates = ~hidden & (values > 0)
    ranked = np.where(candidates, distance, np.iinfo(distance.dtype).max)
    return ranked.argmin(axis=1), np.asarray(candidates.any(axis=1))


def publish(
    frame: pd.DataFrame, *, level: str, min_count: int | None = None, counts: Sequence[str] = ()
) -> pd.DataFrame:
    """The one publication rule: what any output may show of ``frame`` at ``level``.

    Every output (CLI, API, map, reports, exports, surveys) passes the frames it publishes
    through this function. At fine-grained levels person counts in ``(0, min_count)`` and the
    counts that would reveal them are blanked (:func:`suppress_small_counts`); other levels
    pass unchanged. ``min_count`` defaults to the configured threshold (``DIKAS_MIN_COUNT``);
    ``counts`` names further person-count columns (see :func:`suppress_small_counts`).
    """
    if min_count is None:
        from dikas.settings import load_settings

        min_count = load_settings().min_count
    return suppress_small_counts(frame, level=level, min_count=min_count, counts=counts)


def blanked_respondent_counts(
    counts: pd.Series, min_count: int, *, total_public: bool = True
) -> pd.Series:
    """Which units of a table of respondent counts (survey answers by cell or area) to blank.

    Positive counts below ``min_count`` are blanked at every level (answers are about people,
    so even postal areas count as fine-grained). When the table's total is public, a lone
    blanked unit could be recovered by subtraction, so while the blanked units hold fewer
    than ``min_count`` respondents together the shown unit with the fewest is blanked too.
    Returns a boolean mask over ``counts``.
    """
    hide = (counts > 0) & (counts < min_count)
    if total_public:
        while hide.any() and counts[hide].sum() < min_count and (~hide & (counts > 0)).any():
            shown = counts[~hide & (counts > 0)]
            hide[shown.idxmin()] = True
    return hide
