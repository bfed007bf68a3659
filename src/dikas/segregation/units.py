"""Population counts per unit, validated once, with units that cannot enter an index set aside.

Every index reads its counts from a :class:`TwoGroupCounts` (a group and a total per unit) or
a :class:`MultiGroupCounts` (several group columns). Both are built from a (Geo)DataFrame by
:func:`two_group_counts` / :func:`multigroup_counts`, which check the columns and values and
**exclude units whose total is zero or missing**, listing them in ``excluded`` with the reason
instead of letting them turn an index into NaN further down. Postal area 00230 (no
inhabitants) is such a unit in Paavo data.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.errors import CRSError, DataError, MissingColumnError, ParameterError
from dikas.segregation.geography import Geography
from dikas.sources.paavo import resolve_column


@dataclass(frozen=True)
class ExcludedUnit:
    """A unit left out of the computation and why (``"zero total"``, ``"missing value"``)."""

    unit_id: str
    reason: str


@dataclass(frozen=True, eq=False)
class TwoGroupCounts:
    """A focal group and the total population of each unit.

    Attributes
    ----------
    group, total
        Counts per unit (float arrays); every ``total`` is positive and ``group <= total``.
    unit_ids
        Identifier of each unit (string), aligned with the counts.
    geography
        The units' polygons, or ``None`` for a plain table (aspatial indices only).
    excluded
        Units of the input that were left out, with the reason.
    group_name, total_name
        The input columns, kept for provenance.
    """

    group: np.ndarray
    total: np.ndarray
    unit_ids: np.ndarray
    geography: Geography | None
    excluded: tuple[ExcludedUnit, ...]
    group_name: str
    total_name: str

    @property
    def n_units(self) -> int:
        return len(self.total)


@dataclass(frozen=True, eq=False)
class MultiGroupCounts:
    """Counts of several mutually exclusive groups per unit (``counts`` is ``(n, K)``)."""

    counts: np.ndarray
    unit_ids: np.ndarray
    geography: Geography | None
    excluded: tuple[ExcludedUnit, ...]
    group_names: tuple[str, ...]

    @property
    def n_units(self) -> int:
        return self.counts.shape[0]


def two_group_counts(
    frame: pd.DataFrame, *, group: str, total: str, id_column: str | None = None
) -> TwoGroupCounts:
    """Validate ``group`` and ``total`` columns of ``frame`` and set aside unusable units.

    Parameters
    ----------
    frame
        One row per unit; a GeoDataFrame (projected CRS) enables the spatial indices.
    group, total
        Column names of the focal group's count and the unit's total population; Paavo
        codes (``hr_pi_tul``) stand for the twin's names (``lowest_income_inhabitants``).
    id_column
        Column identifying the units in reports (default: the frame's index).
    """
    group, total = resolve_columns(frame, [group, total])
    values = _numeric_columns(frame, [group, total])
    ids = _unit_ids(frame, id_column)
    missing = np.isnan(values).any(axis=1)
    zero = ~missing & (values[:, 1] == 0)
    keep = ~(missing | zero)
    if np.any(values[keep, 0] > values[keep, 1]):
        bad = ids[keep][values[keep, 0] > values[keep, 1]]
        raise DataError(f"column {group!r} exceeds {total!r} in units {', '.join(bad[:5])}")
    _require_some(keep, total)
    return TwoGroupCounts(
        group=values[keep, 0],
        total=values[keep, 1],
        unit_ids=ids[keep],
        geography=_geography(frame, keep),
        excluded=_excluded(ids, missing, zero),
        group_name=group,
        total_name=total,
    )


def multigroup_counts(
    frame: pd.DataFrame, *, groups: list[str] | tuple[str, ...], id_column: str | None = None
) -> MultiGroupCounts:
    """Validate several group columns; units whose groups sum to zero are set aside.

    Parameters
    ----------
    frame
        One row per unit; a GeoDataFrame (projected CRS) keeps the units' polygons.
    groups
        Two or more columns of mutually exclusive group counts.
    id_column
        Column identifying the units in reports (default: the frame's index).
    """
    if len(groups) < 2:
        raise ParameterError("multigroup indices need at least two group columns")
    groups = resolve_columns(frame, list(groups))
    values = _numeric_columns(frame, groups)
    ids = _unit_ids(frame, id_column)
    missing = np.isnan(values).any(axis=1)
    zero = ~missing & (values.sum(axis=1) == 0)
    keep = ~(missing | zero)
    _require_some(keep, "+".join(groups))
    return MultiGroupCounts(
        counts=values[keep],
        unit_ids=ids[keep],
        geography=_geography(frame, keep),
        excluded=_excluded(ids, missing, zero),
        group_names=tuple(groups),
    )


def resolve_columns(frame: pd.DataFrame, names: list[str]) -> list[str]:
    """The frame's columns for ``names``: a Paavo code (``hr_pi_tul``) stands for its twin
    name (``lowest_income_inhabitants``) where the frame has that column and not the code."""
    return [
        name
        if name in frame.columns or resolve_column(name) not in frame.columns
        else resolve_column(name)
        for name in names
    ]


def _numeric_columns(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    absent = [c for c in columns if c not in frame.columns]
    if absent:
        raise MissingColumnError(
            f"no column {', '.join(map(repr, absent))}; available: {', '.join(map(str, frame.columns))}"
        )
    try:
        values = frame[columns].apply(pd.to_numeric).to_numpy(dtype=float)
    except (TypeError, ValueError) as error:
        raise DataError(f"columns {columns} are not numeric: {error}") from None
    if np.any(values < 0):
        raise DataError(f"negative counts in {columns} (protected values must be missing, not -1)")
    return values


def _unit_ids(frame: pd.DataFrame, id_column: str | None) -> np.ndarray:
    if id_column is None:
        return frame.index.astype(str).to_numpy()
    if id_column not in frame.columns:
        raise MissingColumnError(f"no id column {id_column!r}")
    return frame[id_column].astype(str).to_numpy()


def _geography(frame: pd.DataFrame, keep: np.ndarray) -> Geography | None:
    if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry.name not in frame.columns:
        return None
    if frame.crs is None or not frame.crs.is_projected:
        raise CRSError(
            f"units need a projected CRS for areas and distances, got {frame.crs}; "
            "reproject first (e.g. to EPSG:3067)"
        )
    return Geography(frame.geometry.to_numpy()[keep], frame.crs)


def _excluded(ids: np.ndarray, missing: np.ndarray, zero: np.ndarray) -> tuple[ExcludedUnit, ...]:
    return tuple(
        [ExcludedUnit(str(i), "missing value") for i in ids[missing]]
        + [ExcludedUnit(str(i), "zero total") for i in ids[zero]]
    )


def _require_some(keep: np.ndarray, what: str) -> None:
    if keep.sum() < 2:
        raise DataError(f"fewer than two units with a positive {what}")
