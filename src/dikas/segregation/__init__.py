"""Residential segregation: global indices, inference, local measures.

Definitions follow PySAL ``segregation`` (each function's docstring gives the formula and
the reference); values agree with it to 1e-9. Typical use::

    counts = two_group_counts(areas, group="lowest_income_inhabitants", total="adults_total",
                              id_column="postal_code")
    compute_indices(counts).statistics()          # every two-group index
    null_test("dissimilarity", counts, iterations=999, seed=0).p_value
    local_measures(areas, group=..., total=...).layer   # LQ, entropy, LISA, Gi*
"""

from dikas.segregation.indices import IndexResult, IndexSuite, compute_index, compute_indices
from dikas.segregation.inference import (
    bootstrap_index,
    compare_periods,
    null_test,
    null_tests,
)
from dikas.segregation.local import local_measures
from dikas.segregation.profile import multiscalar_profile
from dikas.segregation.registry import INDICES, MULTIGROUP_SUITE, TWO_GROUP_SUITE
from dikas.segregation.units import multigroup_counts, two_group_counts

__all__ = [
    "INDICES",
    "MULTIGROUP_SUITE",
    "TWO_GROUP_SUITE",
    "IndexResult",
    "IndexSuite",
    "bootstrap_index",
    "compare_periods",
    "compute_index",
    "compute_indices",
    "local_measures",
    "multigroup_counts",
    "multiscalar_profile",
    "null_test",
    "null_tests",
    "two_group_counts",
]
