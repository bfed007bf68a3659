"""Which indicators a twin holds, at which levels and for which years, described in a language.

The catalogue is what a picker lists: Paavo variables and the registry's ready-made shares
for postal areas, the numeric attributes of districts, grid cells and buildings, and every
indicator stored in the twin's ``indicators`` table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dikas.twin.store import Twin
from dikas.vocabulary.registry import IndicatorInfo, _data, describe

MAP_LEVELS = ("areas", "districts", "grid", "buildings")
"""Levels a map can colour (the city level holds one unit and is listed apart)."""
NOT_INDICATORS = frozenset(
    {
        "year",
        "postal_code",
        "cell_id",
        "building_id",
        "district_id",
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
        "name_sv",
        "tags",
        "use",
        "roof_type",
        "level",
        "parent_id",
        "parent_name",
        "municipality",
        "occupancy_rate_sentinel",
    }
)
"""Numeric-looking columns that are identifiers, flags or coordinates, not indicators."""
_SHARE = re.compile(r"^share:([a-z0-9_]+)/([a-z0-9_+]+)$")


@dataclass(frozen=True)
class CatalogueEntry:
    """One indicator of the twin: what it is and where and when it exists."""

    info: IndicatorInfo
    years: dict[str, list[int]] = field(default_factory=dict)
    """Level → the years it has values for (empty for undated values)."""
    population_groups: tuple[str, ...] = ("all",)

    @property
    def levels(self) -> list[str]:
        return list(self.years)

    def as_dict(self) -> dict[str, Any]:
        info = self.info
        return {
            "id": info.id,
            "label": info.label,
            "unit": info.unit,
            "unit_id": info.unit_id,
            "direction": info.direction,
            "explanation": info.explanation,
            "challenge": info.challenge,
            "source": info.source,
            "method_url": info.method_url,
            "percent": info.percent,
            "decimals": info.decimals,
            "year_values": info.year,
            "levels": self.levels,
            "years": self.years,
            "population_groups": list(self.population_groups),
        }


def numeric_columns(twin: Twin, layer: str) -> list[str]:
    """The layer's numeric columns that are indicators (not ids, flags or coordinates)."""
    if not twin.has_layer(layer):
        return []
    rows = twin.sql(f'DESCRIBE "{layer}"')
    numeric = rows["column_type"].str.contains("INT|DOUBLE|FLOAT|DECIMAL|REAL", regex=True)
    return [str(c) for c in rows.loc[numeric, "column_name"] if c not in NOT_INDICATORS]


def ready_made_shares() -> list[str]:
    """The shares the registry names (``share:numerator/denominator``), in its order."""
    return [name for name in _data()["indicators"] if name.startswith("share:")]


def catalogue(twin: Twin, language: str = "en") -> list[CatalogueEntry]:
    """Every indicator of ``twin`` described in ``language``, with its levels and years."""
    years: dict[str, dict[str, list[int]]] = {}
    groups: dict[str, set[str]] = {}

    def add(name: str, level: str, found: list[int], found_groups: set[str] | None = None) -> None:
        per_level = years.setdefault(name, {})
        per_level[level] = sorted(set(per_level.get(level, [])) | set(found))
        groups.setdefault(name, set()).update(found_groups or {"all"})

    area_years = twin.years("areas") if twin.has_layer("areas") else []
    area_columns = numeric_columns(twin, "areas")
    for column in area_columns:
        add(column, "areas", area_years)
    for share in ready_made_shares():
        match = _SHARE.match(share)
        assert match is not None
        if all(c in area_columns for c in [match.group(1), *match.group(2).split("+")]):
            add(share, "areas", area_years)
    for layer in ("districts", "grid", "buildings"):
        for column in numeric_columns(twin, layer):
            add(column, layer, [])
    stored = twin.indicators()
    if not stored.empty:
        for (name, level), rows in stored.groupby(["indicator", "level"], sort=True):
            found = sorted(int(y) for y in rows["year"].dropna().unique())
            add(
                str(name),
                str(level),
                found,
                {str(g) for g in rows["population_group"].fillna("all").unique()},
            )
    return [
        CatalogueEntry(
            describe(name, language),
            per_level,
            tuple(sorted(groups[name], key=lambda g: (g != "all", g))),
        )
        for name, per_level in years.items()
    ]
