"""Indicators the map can colour by: Paavo variables and shares of them (areas), grid and
building attributes, and everything stored in the twin's ``indicators`` table.

Class breaks for the legend come in two flavours: quantiles (equal counts per class) and
natural breaks (Fisher–Jenks, minimising within-class variance; Jenks 1977). Fisher–Jenks is
O(n²k), so for more than :data:`JENKS_SAMPLE` values it runs on that many evenly spaced
order statistics of the data, which keeps the result deterministic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import mapclassify
import numpy as np
import pandas as pd

from dikas.errors import ConfigError, ParameterError
from dikas.sources.catalog import PopulationGroup
from dikas.twin.groups import population_groups
from dikas.twin.privacy import FINE_GRAINED_LEVELS, counts_people, publish, with_person_counts
from dikas.twin.schema import LEVELS as TWIN_LEVELS
from dikas.twin.schema import UNIT_KEYS, unit_key
from dikas.twin.source_coverage import coverage_kind, units_outside
from dikas.twin.store import Twin
from dikas.vocabulary import describe

LEVELS = tuple(name for name, level in TWIN_LEVELS.items() if level.layer is not None)
"""The levels the map colours (every level with a layer of units)."""
N_CLASSES = 5
JENKS_SAMPLE = 1000
NOT_INDICATORS = frozenset(
    {
        "year",
        "postal_code",
        "cell_id",
        "building_id",
        "in_city",
        "age_suppressed",
        "x_coordinate",
        "y_coordinate",
        "permanent_id",
        "use_code",
        "ground_z",
        "source",
        "address",
        "name",
        "tags",
        "use",
        "roof_type",
    }
)
"""Numeric-looking columns that are identifiers or coordinates, not indicators."""

SHARES: dict[str, str] = {
    "share:unemployed/employed+unemployed": "Unemployment rate",
    "share:basic_education/adults_education_total": "Share of adults with basic education only",
    "share:higher_university_degree/adults_education_total": "Share of adults with a higher "
    "university degree",
    "share:one_person_households/households_total": "Share of one-person households",
    "share:households_with_children/households_total": "Share of households with children",
    "share:pensioners/inhabitants_total": "Share of pensioners",
    "share:children_0_14/inhabitants_total": "Share of children aged 0–14",
}
"""Ready-made shares listed in ``/api/meta`` besides those of the population groups
(:func:`group_shares`); any ``share:A/B[+C…]`` of area columns works."""


def _share_label(group_label: str) -> str:
    """``Share of adults in …`` from a group label ``Adults in …``."""
    return f"Share of {group_label[:1].lower()}{group_label[1:]}"


def group_shares(groups: list[PopulationGroup] | tuple[PopulationGroup, ...]) -> dict[str, str]:
    """``share:column/total`` → label of each areas-level population group of one column
    with a total (the twin's catalog defines them, :mod:`dikas.twin.groups`)."""
    return {
        f"share:{g.columns[0]}/{g.total}": _share_label(g.label("en"))
        for g in groups
        if "areas" in g.levels and len(g.columns) == 1 and g.total is not None
    }


def ready_made_shares(twin: Twin) -> dict[str, str]:
    """The shares ``/api/meta`` lists: the twin's population groups', then :data:`SHARES`.

    A twin without population groups (built from a catalog that defines none, or before
    catalogs did) lists :data:`SHARES` only.
    """
    try:
        groups = population_groups(twin)
    except ConfigError:
        groups = ()
    return {**group_shares(groups), **SHARES}


_SHARE = re.compile(r"^share:([a-z0-9_]+)/([a-z0-9_+]+)$")


@dataclass(frozen=True)
class IndicatorInfo:
    """One indicator the map can show."""

    name: str
    level: str
    years: tuple[int, ...]
    label: str
    unit: str
    population_groups: tuple[str, ...] = ("all",)

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "level": self.level,
            "years": list(self.years),
            "label": self.label,
            "unit": self.unit,
            "population_groups": list(self.population_groups),
        }


@dataclass(frozen=True)
class IndicatorValues:
    """Values of one indicator for every unit of a level (``NaN``: missing or suppressed)."""

    indicator: str
    level: str
    year: int | None
    population_group: str
    values: pd.Series
    suppressed: frozenset[str] = frozenset()
    """Units blanked under the privacy threshold (not merely missing)."""

    @property
    def coverage(self) -> str | None:
        """The coverage kind the values need (see :mod:`dikas.twin.source_coverage`)."""
        return coverage_kind(self.indicator)


def no_data_reasons(twin: Twin, result: IndicatorValues) -> dict[str, list[str]]:
    """Why each unit of the level without a value has none: reason → unit ids.

    ``suppressed`` (a person count under the privacy threshold), ``outside_coverage``
    (outside the reach of the indicator's source, see :mod:`dikas.twin.source_coverage`),
    ``not_computed`` (inside the reach, but the stored indicator has no row for the unit)
    and ``no_data`` (the value is missing in the source).
    """
    values = result.values
    missing = set(values.index[~np.isfinite(values.to_numpy(float))].astype(str))
    key = UNIT_KEYS.get(result.level)
    if key is not None and twin.has_layer(result.level):
        years = twin.years(result.level)
        units = twin.read(result.level, year=years[-1] if years else None, columns=[key])
        missing |= set(units[key].astype(str)) - set(values.index.astype(str))
    if not missing:
        return {}
    kind = result.coverage
    outside = units_outside(twin, level=result.level, kind=kind) if kind else set()
    computed = set(values.index.astype(str))
    reasons: dict[str, list[str]] = {}
    for unit in sorted(missing):
        if unit in result.suppressed:
            reason = "suppressed"
        elif unit in outside:
            reason = "outside_coverage"
        elif unit not in computed:
            reason = "not_computed"
        else:
            reason = "no_data"
        reasons.setdefault(reason, []).append(unit)
    return reasons


def _numeric_columns(twin: Twin, layer: str) -> list[str]:
    if not twin.has_layer(layer):
        return []
    return [c for c in twin.numeric_columns(layer) if c not in NOT_INDICATORS]


def indicator_catalog(twin: Twin) -> list[IndicatorInfo]:
    """Every indicator available in the twin, by level, labelled in English by the
    indicator registry (``/api/registry`` has them in fi/sv/en with units and directions)."""
    out: list[IndicatorInfo] = []
    area_years = tuple(twin.years("areas")) if twin.has_layer("areas") else ()
    area_columns = _numeric_columns(twin, "areas")
    for column in area_columns:
        out.append(IndicatorInfo(column, "areas", area_years, _label(column), ""))
    for name, label in ready_made_shares(twin).items():
        numerator, denominators = _share_parts(name)
        if all(c in area_columns for c in (numerator, *denominators)):
            out.append(IndicatorInfo(name, "areas", area_years, _label(name) or label, "share"))
    for layer in ("districts", "grid", "buildings"):
        for column in _numeric_columns(twin, layer):
            out.append(IndicatorInfo(column, layer, (), _label(column), ""))
    stored = twin.indicators()
    if not stored.empty:
        stored = stored[stored["level"].isin(LEVELS)]
        for (name, level), rows in stored.groupby(["indicator", "level"], sort=True):
            years = tuple(sorted(int(y) for y in rows["year"].dropna().unique()))
            groups = tuple(sorted(rows["population_group"].fillna("all").unique()))
            out.append(IndicatorInfo(str(name), str(level), years, _label(str(name)), "", groups))
    return out


def _label(name: str) -> str:
    return describe(name, "en").label


def _share_parts(name: str) -> tuple[str, list[str]]:
    match = _SHARE.match(name)
    if match is None:
        raise ParameterError(
            f"share indicators look like share:numerator/denominator, not {name!r}"
        )
    return match.group(1), match.group(2).split("+")


def indicator_values(
    twin: Twin,
    *,
    indicator: str,
    level: str,
    year: int | None,
    population_group: str = "all",
    min_count: int,
) -> IndicatorValues:
    """Values of ``indicator`` at ``level`` (and ``year`` for yearly indicators).

    Areas default to the latest Paavo year. At grid and building level, person counts in
    ``(0, min_count)`` and the counts that would reveal them come back as ``NaN``, decided on
    the unit's whole row as everywhere else (:func:`dikas.twin.privacy.publish`), as do small
    stored indicators whose name says they count people (``*_residents`` …).
    """
    if level not in LEVELS:
        raise ParameterError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    stored = twin.indicators(indicator=indicator, level=level)
    if not stored.empty:
        return _stored_values(
            stored,
            indicator=indicator,
            level=level,
            year=year,
            population_group=population_group,
            min_count=min_count,
        )
    if population_group != "all":
        raise ParameterError(f"indicator {indicator!r} has no population groups")
    if level == "areas":
        return _area_values(twin, indicator, year)
    key = unit_key(level)
    if indicator not in _numeric_columns(twin, level):
        raise ParameterError(
            f"no indicator {indicator!r} at level {level!r} (see /api/meta for the list)"
        )
    # The whole row's counts decide what is blanked, whichever one column is asked for.
    frame = twin.read(level, columns=with_person_counts([key, indicator], twin.columns(level)))
    raw = pd.DataFrame(frame.drop(columns="geometry"))
    frame = publish(raw, level=level, min_count=min_count)
    values = pd.Series(
        pd.to_numeric(frame[indicator], errors="coerce").to_numpy(float),
        index=frame[key].astype(str),
        name=indicator,
    )
    blanked = frame[indicator].isna().to_numpy() & raw[indicator].notna().to_numpy()
    return IndicatorValues(
        indicator, level, None, "all", values, frozenset(frame.loc[blanked, key].astype(str))
    )


def _area_values(twin: Twin, indicator: str, year: int | None) -> IndicatorValues:
    years = twin.years("areas")
    if year is None:
        year = years[-1] if years else None
    elif year not in years:
        raise ParameterError(f"areas have no year {year}; years: {years}")
    columns = _numeric_columns(twin, "areas")
    if indicator.startswith("share:"):
        numerator, denominators = _share_parts(indicator)
        needed = list(dict.fromkeys([numerator, *denominators]))
    else:
        needed = [indicator]
    unknown = [c for c in needed if c not in columns]
    if unknown:
        raise ParameterError(
            f"no indicator {indicator!r} at level 'areas' (unknown column(s) "
            f"{', '.join(unknown)}; see /api/meta)"
        )
    frame = twin.read("areas", year=year, columns=["postal_code", *needed])
    data = frame[needed].apply(pd.to_numeric, errors="coerce").astype(float)
    if indicator.startswith("share:"):
        denominator = data[denominators].sum(axis=1, min_count=len(denominators))
        value = data[numerator] / denominator.where(denominator > 0)
    else:
        value = data[indicator]
    values = pd.Series(
        value.to_numpy(float), index=frame["postal_code"].astype(str), name=indicator
    )
    return IndicatorValues(indicator, "areas", year, "all", values)


def _stored_values(
    stored: pd.DataFrame,
    *,
    indicator: str,
    level: str,
    year: int | None,
    population_group: str,
    min_count: int,
) -> IndicatorValues:
    years = sorted(int(y) for y in stored["year"].dropna().unique())
    if year is None:
        year = years[-1] if years else None
    elif years and year not in years:
        raise ParameterError(f"indicator {indicator!r} has no year {year}; years: {years}")
    rows = stored if year is None or not years else stored[stored["year"] == year]
    groups = sorted(rows["population_group"].fillna("all").unique())
    if population_group not in groups:
        raise ParameterError(
            f"indicator {indicator!r} has no population group "
            f"{population_group!r}; groups: {groups}"
        )
    rows = rows[rows["population_group"].fillna("all") == population_group]
    values = pd.Series(
        pd.to_numeric(rows["value"], errors="coerce").to_numpy(float),
        index=rows["unit_id"].astype(str),
        name=indicator,
    )
    blanked: frozenset[str] = frozenset()
    if level in FINE_GRAINED_LEVELS and counts_people(indicator):
        published = publish(
            values.to_frame("value"), level=level, min_count=min_count, counts=["value"]
        )["value"]
        blanked = frozenset(values.index[(published.isna() & values.notna()).to_numpy()])
        values = published
    return IndicatorValues(
        indicator, level, year if years else None, population_group, values, blanked
    )


def class_breaks(values: pd.Series, *, k: int = N_CLASSES) -> dict[str, list[float]]:
    """Upper bounds of ``k`` quantile classes and ``k`` natural-breaks (Fisher–Jenks) classes."""
    data = values.to_numpy(float)
    data = data[np.isfinite(data)]
    k = min(k, len(np.unique(data)))
    if k < 2:
        return {
            "quantiles": [float(v) for v in np.unique(data)],
            "natural_breaks": [float(v) for v in np.unique(data)],
        }
    quantiles = mapclassify.Quantiles(data, k=k).bins
    sample = (
        data if len(data) <= JENKS_SAMPLE else np.quantile(data, np.linspace(0, 1, JENKS_SAMPLE))
    )
    jenks = mapclassify.FisherJenks(sample, k=k).bins
    return {"quantiles": [float(v) for v in quantiles], "natural_breaks": [float(v) for v in jenks]}
