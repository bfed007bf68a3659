"""The twin's indicator levels and the key that identifies a unit at each level.

One home for "which layer is a level and what is its unit id": every module that turns a
level name into a layer, a key column or a privacy class reads it from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from dikas.errors import ParameterError


@dataclass(frozen=True)
class Level:
    """A spatial level indicators are computed and published at."""

    name: str
    """The level's name as users and the ``indicators`` table spell it (``areas``, ``grid``)."""
    layer: str | None
    """The twin layer holding its units (``None`` for the city as a whole)."""
    key: str
    """The column identifying a unit in that layer."""
    fine_grained: bool
    """Whether units are small enough for person counts to identify people."""
    yearly: bool = False
    """Whether the layer holds one row per unit and year (Paavo's postal areas)."""


LEVELS: dict[str, Level] = {
    "areas": Level("areas", "areas", "postal_code", fine_grained=False, yearly=True),
    "districts": Level("districts", "districts", "district_id", fine_grained=False),
    "grid": Level("grid", "grid", "cell_id", fine_grained=True),
    "buildings": Level("buildings", "buildings", "building_id", fine_grained=True),
    "city": Level("city", None, "unit_id", fine_grained=False),
}
"""Every level, by name."""

UNIT_KEYS: dict[str, str] = {name: level.key for name, level in LEVELS.items()}
"""Level name → unit key column."""

FINE_GRAINED_LEVELS = frozenset(name for name, level in LEVELS.items() if level.fine_grained)
"""Levels whose units are small enough for counts to identify people."""


def level(name: str) -> Level:
    """The level called ``name``; a :class:`ParameterError` naming the known ones otherwise."""
    try:
        return LEVELS[name]
    except KeyError:
        raise ParameterError(f"unknown level {name!r} (known: {', '.join(LEVELS)})") from None


def unit_key(name: str) -> str:
    """The unit key column of level ``name``."""
    return level(name).key
