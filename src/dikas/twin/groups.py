"""A twin's population groups: who its indicators count, as the city's catalog defines them.

The groups (their ids, labels in Finnish, Swedish and English, columns, totals, levels and
uses) live in the catalog's ``population_groups:`` section, nowhere in code. The builder
stores the catalog's groups in the twin (table ``population_groups``), so a twin built from
any catalog file carries its own; a twin without that table (built before it existed) reads
them from the shipped catalog named in its ``build_info`` (``city``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from dikas.errors import ConfigError, ParameterError
from dikas.sources.catalog import PopulationGroup, available_cities, load_catalog, population_group
from dikas.twin.schema import LEVELS
from dikas.twin.store import Twin

TABLE = "population_groups"
"""The twin table holding the groups the twin was built with."""
ALL = "all"
"""The whole population (not a catalog group: every unit has it)."""
_LISTS = ("columns", "levels", "uses")


def check_levels(groups: Iterable[PopulationGroup], where: str) -> None:
    """A :class:`ConfigError` naming ``where`` when a group names a level the twin lacks."""
    for group in groups:
        unknown = [lv for lv in group.levels if lv not in LEVELS]
        if unknown:
            raise ConfigError(
                f"{where}: population group {group.id!r} has unknown level(s) "
                f"{', '.join(unknown)}; known: {', '.join(LEVELS)}"
            )


def store_population_groups(twin: Twin, groups: Sequence[PopulationGroup]) -> None:
    """Write ``groups`` into the twin (what :func:`population_groups` reads back)."""
    check_levels(groups, f"twin {str(twin.path)!r}")
    records = [group.as_record() for group in groups]
    frame = pd.DataFrame(
        {
            "position": range(len(records)),
            "id": [r["id"] for r in records],
            "labels": [
                json.dumps(r["labels"], ensure_ascii=False, sort_keys=True) for r in records
            ],
            **{key: [json.dumps(r[key]) for r in records] for key in _LISTS},
            "total": pd.Series([r["total"] for r in records], dtype="object"),
        },
        columns=["position", "id", "labels", *_LISTS, "total"],
    )
    twin.write_layer(TABLE, frame)


def population_groups(twin: Twin) -> tuple[PopulationGroup, ...]:
    """The population groups of ``twin``, in catalog order.

    From the twin's own ``population_groups`` table when it has one, else from the shipped
    catalog named in its ``build_info``; a :class:`ConfigError` when neither exists.
    """
    where = f"twin {str(twin.path)!r}"
    if twin.has_layer(TABLE):
        frame = twin.read(TABLE).sort_values("position")
        groups = tuple(
            population_group(
                {
                    "id": row["id"],
                    "labels": json.loads(row["labels"]),
                    "column": json.loads(row["columns"]),
                    "levels": json.loads(row["levels"]),
                    "uses": json.loads(row["uses"]),
                    "total": None if pd.isna(row["total"]) else row["total"],
                },
                where,
            )
            for _, row in frame.iterrows()
        )
    else:
        city = str(twin.build_info().get("city", ""))
        if city not in available_cities():
            raise ConfigError(
                f"{where}: no population groups (the twin has no "
                f"{TABLE!r} table and {city!r} is no shipped catalog); rebuild "
                "it with `dikas build`"
            )
        groups = load_catalog(city).population_groups
    check_levels(groups, where)
    return groups


def group(twin: Twin, group_id: str) -> PopulationGroup:
    """The population group ``group_id`` of ``twin``; a :class:`ParameterError` naming the
    known ones otherwise."""
    groups = population_groups(twin)
    for candidate in groups:
        if candidate.id == group_id:
            return candidate
    raise ParameterError(
        f"unknown population group {group_id!r} (known: {', '.join(g.id for g in groups)})"
    )


def used_for(
    groups: Iterable[PopulationGroup], use: str, *, level: str | None = None
) -> tuple[PopulationGroup, ...]:
    """The groups with ``use`` among their uses (and ``level`` among their levels)."""
    return tuple(g for g in groups if use in g.uses and (level is None or level in g.levels))


def column_sums(groups: Iterable[PopulationGroup]) -> dict[str, tuple[str, ...]]:
    """Group id → the columns summed into it (what :mod:`dikas.accessibility.population`
    takes)."""
    return {g.id: g.columns for g in groups}


def labels(groups: Iterable[PopulationGroup], language: str = "en") -> Mapping[str, str]:
    """Group id → its label in ``language``."""
    return {g.id: g.label(language) for g in groups}
