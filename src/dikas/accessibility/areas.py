"""Accessibility per postal area, aggregated from the grid cells' measures.

Accessibility is computed per 250 m cell (:func:`dikas.accessibility.measures.measure_table`);
area profiles and maps need one value per postal area. Each cell belongs to the postal area
holding its representative point (the grid's ``postal_code``, see :mod:`dikas.twin.links`),
and an area's value is the inhabitant-weighted mean of its cells' values
(:func:`dikas.twin.aggregation.population_weighted_by_postal_code`, the family's
:data:`AGGREGATION`, recorded as ``aggregation`` in its indicators' parameters):

.. math:: x_a = \\sum_{c \\in a} p_c x_c \\Big/ \\sum_{c \\in a} p_c

over the cells *c* of area *a* that have a value :math:`x_c` and inhabitants :math:`p_c > 0`.
The area value is therefore what the average resident of the area experiences:

* ``nearest_*`` and ``mean_nearest_*`` (minutes): mean travel time of the residents who reach
  the service(s) within the search limit; residents of cells reaching none are left out, as
  in the scenarios' ``mean_minutes``, so compare with the cell map for unreached pockets;
* ``cumulative_*`` (services or capacity within the threshold) and ``gravity``: the mean
  number (or capacity, or decayed sum) of services a resident reaches;
* ``2sfca_*`` and ``e2sfca`` (supply per inhabitant): the mean supply-to-demand ratio a
  resident faces.

Weighting by inhabitants rather than by cell keeps empty forest or harbour cells from
pulling the area value. An area with no inhabited cell that has a value gets none.
"""

from __future__ import annotations

import pandas as pd

from dikas.twin.aggregation import (
    POPULATION_WEIGHTED_BY_POSTAL_CODE,
    population_weighted_by_postal_code,
)

AGGREGATION = POPULATION_WEIGHTED_BY_POSTAL_CODE
"""How the accessibility family brings cell values to postal areas."""


def area_measures(
    table: pd.DataFrame, grid: pd.DataFrame, *, population: str = "inhabitants"
) -> pd.DataFrame:
    """Inhabitant-weighted mean of every measure of ``table`` per postal area.

    ``table`` is a measure table indexed by cell id, one column per measure; ``grid`` holds
    ``cell_id``, ``postal_code`` and ``population`` for the cells. Returns one row per
    postal area (index ``postal_code``) with at least one measure, the same columns as
    ``table``; a measure no inhabited cell of the area has is ``NaN`` there.
    """
    columns = {
        name: population_weighted_by_postal_code(table[name], grid, population=population)
        for name in table.columns
    }
    frame = pd.DataFrame(columns, columns=list(table.columns))
    frame.index = frame.index.astype(str).rename("postal_code")
    return frame.dropna(how="all")
