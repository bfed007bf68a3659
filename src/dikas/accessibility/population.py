"""Population groups per grid cell or postal area, for equity summaries.

The grid has inhabitants per 250 m cell; the socio-economic groups (age, income class,
unemployment, tenure) come from postal areas. On the grid, each area's group counts are
spread over its cells in proportion to the cells' inhabitants (simple dasymetric mapping,
Mennis 2003, *Prof. Geographer* 55(1)):
:math:`g_c = g_a \\cdot p_c / \\sum_{c' \\in a} p_{c'}`. On postal areas, the counts are used
as they are and a cell's accessibility enters its area weighted by inhabitants.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from dikas.errors import MissingColumnError, ParameterError
from dikas.sources.catalog import available_cities, load_catalog

GroupColumns = Mapping[str, Sequence[str]]
"""Population group id → the ``areas`` columns (Paavo variables) summed into it: the
``access`` groups of the twin's catalog, ``column_sums(used_for(population_groups(twin),
"access"))`` (:mod:`dikas.twin.groups`)."""


def shipped_access_groups() -> dict[str, tuple[str, ...]]:
    """The ``access`` groups of the shipped catalogs (the first definition of an id wins).

    Only for callers that do not pass their twin's groups yet (``dikas equity``); everything
    that has a twin passes the groups of its catalog instead.
    """
    found: dict[str, tuple[str, ...]] = {}
    for city in available_cities():
        for group in load_catalog(city).population_groups:
            if "access" in group.uses and "areas" in group.levels:
                found.setdefault(group.id, group.columns)
    return found


ALL = "all"
"""Name of the whole-population group."""
INCOME_COLUMN = "median_income"
"""The ``areas`` column used as a unit's income level (Paavo ``hr_mtu``)."""


@dataclass(frozen=True)
class PopulationGroups:
    """Group counts per unit and the units' income level.

    Attributes
    ----------
    counts
        One column per group (``all`` first), one row per unit (``cell_id`` or
        ``postal_code``).
    income
        Median income of each unit's postal area.
    level
        ``"grid"`` or ``"areas"``.
    """

    counts: pd.DataFrame
    income: pd.Series
    level: str


def _area_counts(areas: pd.DataFrame, groups: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    missing = sorted({c for cols in groups.values() for c in cols} - set(areas.columns))
    if missing:
        raise MissingColumnError(f"areas lack column(s) {missing}")
    counts = pd.DataFrame(
        {
            name: areas[list(cols)].astype(float).fillna(0.0).sum(axis=1)
            for name, cols in groups.items()
        }
    )
    counts.index = areas["postal_code"].to_numpy()
    return counts


def groups_per_cell(
    grid: pd.DataFrame,
    areas: pd.DataFrame,
    *,
    groups: GroupColumns | None = None,
    population: str = "inhabitants",
) -> PopulationGroups:
    """Group counts per grid cell: ``all`` from the grid, the others spread from areas.

    ``grid`` needs ``cell_id``, ``postal_code`` and ``population``; ``areas`` one year of
    postal areas with ``postal_code``, :data:`INCOME_COLUMN` and the groups' columns. Cells
    outside every area get no group counts (they keep ``all``) and no income. ``groups``
    are the twin's (see :data:`GroupColumns`); without them, :func:`shipped_access_groups`.
    """
    groups = shipped_access_groups() if groups is None else groups
    for column in ("cell_id", "postal_code", population):
        if column not in grid.columns:
            raise MissingColumnError(f"grid lacks column {column!r}")
    if not areas["postal_code"].is_unique:
        raise ParameterError("areas must hold one year (postal codes repeat)")
    cells = grid[["cell_id", "postal_code", population]].copy()
    cells[population] = cells[population].astype(float).fillna(0.0)
    area_total = cells.groupby("postal_code")[population].transform("sum")
    share = (cells[population] / area_total).where(area_total > 0, 0.0).to_numpy()
    by_area = _area_counts(areas, groups).reindex(cells["postal_code"])
    counts = pd.DataFrame(
        by_area.to_numpy() * share[:, None],
        columns=by_area.columns,
        index=pd.Index(cells["cell_id"], name="cell_id"),
    ).fillna(0.0)
    counts.insert(0, ALL, cells[population].to_numpy())
    income = areas.set_index("postal_code")[INCOME_COLUMN].astype(float)
    cell_income = pd.Series(
        cells["postal_code"].map(income).to_numpy(float), index=counts.index, name="income"
    )
    return PopulationGroups(counts=counts, income=cell_income, level="grid")


def groups_per_area(
    areas: pd.DataFrame,
    *,
    groups: GroupColumns | None = None,
    population: str = "inhabitants_total",
) -> PopulationGroups:
    """Group counts per postal area, straight from the ``areas`` layer (``groups`` as in
    :func:`groups_per_cell`)."""
    groups = shipped_access_groups() if groups is None else groups
    if not areas["postal_code"].is_unique:
        raise ParameterError("areas must hold one year (postal codes repeat)")
    counts = _area_counts(areas, {ALL: (population,), **groups})
    counts.index.name = "postal_code"
    income = pd.Series(areas[INCOME_COLUMN].to_numpy(float), index=counts.index, name="income")
    return PopulationGroups(counts=counts, income=income, level="areas")
