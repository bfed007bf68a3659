"""Who moves into (or out of) a housing development, in the twin's own categories.

A development's residents go into the grid cell containing it and into that cell's postal
area, for the scenario year. They are split into the categories the twin counts:

* **age**: Paavo age bands (``age_0_2`` … ``age_85_plus``) by ``age_shares``; on the grid
  the bands are spread over the decade bands (``age_0_9`` … ``age_80_plus``) in proportion
  to the years they share (ages uniform within a band);
* **income class** of adults (Paavo counts incomes of residents aged 18+): adults × the
  ``income_shares`` into ``lowest/middle/highest_income_inhabitants`` and
  ``adults_income_total``;
* **tenure** of households: one household per dwelling, split by ``tenure_shares`` into
  ``owner_occupied/rented/other_tenure_households``. With ``social_rental_share`` *s*, a
  share *s* of the dwellings is rented (social rental) and the other dwellings follow the
  area's tenure shares;
* other person counts of the area that the accessibility groups use (``unemployed``) grow in
  proportion to the area's current rate per inhabitant.

**Defaults**: shares that are not given are the development's postal area's current shares
(its own age, income and tenure mix), or the city's where the area's counts are protected
(NULL). Removing housing takes residents away with the area's shares.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dikas.errors import ConfigError
from dikas.twin.groups import ALL

INCOME_COLUMNS = {
    "lowest": "lowest_income_inhabitants",
    "middle": "middle_income_inhabitants",
    "highest": "highest_income_inhabitants",
}
TENURE_COLUMNS = {
    "owner_occupied": "owner_occupied_households",
    "rented": "rented_households",
    "other": "other_tenure_households",
}
RATE_COLUMNS = ("unemployed",)
"""Area person counts that scale with the number of residents."""
ADULT_AGE = 18
_MAX_AGE = 100


@dataclass(frozen=True)
class Composition:
    """What a development adds (negative: removes).

    Attributes
    ----------
    cell_id, postal_code
        Where it is.
    areas
        Increments of ``areas`` columns (Paavo variables) for the scenario year.
    grid
        Increments of ``grid`` columns (``inhabitants`` and the decade age bands).
    groups
        Increments of the accessibility population groups (``all`` and the twin's
        ``access`` groups, :meth:`dikas.scenarios.state.CityState.access_groups`).
    """

    cell_id: object
    postal_code: str
    areas: Mapping[str, float]
    grid: Mapping[str, float]
    groups: Mapping[str, float]


def age_range(column: str) -> tuple[int, int]:
    """Years ``[start, end)`` of an age column (``age_7_12`` → (7, 13), ``age_85_plus`` →
    (85, 100))."""
    match = re.fullmatch(r"age_(\d+)_(\d+|plus)", column)
    if match is None:
        raise ConfigError(f"not an age band: {column!r}")
    start = int(match.group(1))
    end = _MAX_AGE if match.group(2) == "plus" else int(match.group(2)) + 1
    return start, end


def age_columns(columns: Iterable[object]) -> list[str]:
    """The age-band columns among ``columns``, youngest first."""
    bands = [str(c) for c in columns if re.fullmatch(r"age_\d+_(\d+|plus)", str(c))]
    return sorted(bands, key=lambda c: age_range(c)[0])


def band_overlap(source: list[str], target: list[str]) -> np.ndarray:
    """``(len(source), len(target))`` shares of each source band's years in each target band."""
    matrix = np.zeros((len(source), len(target)))
    for i, s in enumerate(source):
        s0, s1 = age_range(s)
        for j, t in enumerate(target):
            t0, t1 = age_range(t)
            matrix[i, j] = max(0, min(s1, t1) - max(s0, t0)) / (s1 - s0)
    return matrix


def _shares(values: pd.Series, fallback: pd.Series, what: str) -> pd.Series:
    """``values`` normalized to sum 1, or ``fallback`` normalized where values are missing."""
    for candidate in (values, fallback):
        numbers = pd.to_numeric(candidate, errors="coerce")
        if numbers.notna().all() and numbers.sum() > 0:
            return numbers / numbers.sum()
    raise ConfigError(f"no {what} shares in the twin's areas; give them in the edit")


def _given(shares: Mapping[str, float], keys: list[str], what: str) -> pd.Series:
    unknown = sorted(set(shares) - set(keys))
    if unknown:
        raise ConfigError(f"unknown {what} share(s) {', '.join(unknown)}; use {', '.join(keys)}")
    total = sum(shares.values())
    if not np.isclose(total, 1.0, atol=1e-6):
        raise ConfigError(f"{what} shares must sum to 1, not {total:g}")
    return pd.Series({k: float(shares.get(k, 0.0)) for k in keys})


def compose(
    *,
    residents: float,
    dwellings: float,
    area: pd.Series,
    city: pd.Series,
    grid_age_columns: list[str],
    cell_id: object,
    groups: Mapping[str, Sequence[str]],
    age_shares: Mapping[str, float] | None = None,
    income_shares: Mapping[str, float] | None = None,
    tenure_shares: Mapping[str, float] | None = None,
    social_rental_share: float | None = None,
) -> Composition:
    """Split a development's residents and dwellings into the twin's categories.

    Parameters
    ----------
    residents, dwellings
        Added counts (negative to remove).
    area
        The postal area's row of the scenario year (the default shares).
    city
        Column sums over the city's areas (fallback shares for protected values).
    grid_age_columns
        The grid's decade age bands.
    cell_id
        The grid cell containing the development.
    groups
        Population group id → the ``areas`` columns summed into it (the twin's ``access``
        groups); each group grows by the increments of its columns.
    age_shares, income_shares, tenure_shares, social_rental_share
        The development's mix; see the module docstring for the defaults.
    """
    bands = age_columns(area.index)
    if age_shares is not None:
        ages = _given(age_shares, bands, "age")
    else:
        ages = _shares(area[bands], city[bands], "age")
    people = residents * ages
    adults = float(people[[b for b in bands if age_range(b)[0] >= ADULT_AGE]].sum())
    income_keys = list(INCOME_COLUMNS)
    income = (
        _given(income_shares, income_keys, "income")
        if income_shares is not None
        else _shares(
            area[list(INCOME_COLUMNS.values())].set_axis(income_keys),
            city[list(INCOME_COLUMNS.values())].set_axis(income_keys),
            "income",
        )
    )
    tenure = _tenure(area, city, tenure_shares, social_rental_share)

    changes: dict[str, float] = {
        "inhabitants_total": residents,
        "dwellings": dwellings,
        "households_total": dwellings,
        "adults_income_total": adults,
    }
    changes.update({b: float(people[b]) for b in bands})
    changes.update({INCOME_COLUMNS[k]: adults * float(income[k]) for k in income_keys})
    changes.update({TENURE_COLUMNS[k]: dwellings * float(tenure[k]) for k in TENURE_COLUMNS})
    for column in RATE_COLUMNS:
        if column in area.index:
            base = area if pd.notna(area[column]) and area["inhabitants_total"] > 0 else city
            changes[column] = residents * float(base[column]) / float(base["inhabitants_total"])

    to_grid = band_overlap(bands, grid_age_columns)
    grid = {"inhabitants": residents}
    grid.update(
        {c: float(v) for c, v in zip(grid_age_columns, people.to_numpy() @ to_grid, strict=True)}
    )
    added = {ALL: residents}
    added.update({name: sum(changes.get(c, 0.0) for c in cols) for name, cols in groups.items()})
    return Composition(
        cell_id=cell_id,
        postal_code=str(area["postal_code"]),
        areas=changes,
        grid=grid,
        groups=added,
    )


def _tenure(
    area: pd.Series,
    city: pd.Series,
    tenure_shares: Mapping[str, float] | None,
    social_rental_share: float | None,
) -> pd.Series:
    keys = list(TENURE_COLUMNS)
    if tenure_shares is not None:
        tenure = _given(tenure_shares, keys, "tenure")
        if social_rental_share is not None and social_rental_share > tenure["rented"] + 1e-9:
            raise ConfigError("social_rental_share exceeds the rented tenure share")
        return tenure
    local = _shares(
        area[list(TENURE_COLUMNS.values())].set_axis(keys),
        city[list(TENURE_COLUMNS.values())].set_axis(keys),
        "tenure",
    )
    if social_rental_share is None:
        return local
    social = pd.Series({"owner_occupied": 0.0, "rented": 1.0, "other": 0.0})
    return social_rental_share * social + (1.0 - social_rental_share) * local
