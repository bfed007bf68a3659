"""The indicator registry: what every user-facing surface says about an indicator.

``describe(indicator, lang)`` gives its label, unit, direction, explanation, challenge, source
and method link in Finnish, Swedish or English; ``catalogue(twin, lang)`` lists a twin's
indicators with their levels and years; ``format_value`` writes a value with its unit.
"""

from dikas.vocabulary.catalogue import CatalogueEntry, catalogue
from dikas.vocabulary.registry import (
    CHALLENGES,
    DIRECTIONS,
    IndicatorInfo,
    challenge_labels,
    describe,
    format_value,
    is_known,
    label,
    level_labels,
    no_data_reasons,
    population_group_label,
    source_label,
)

__all__ = [
    "CHALLENGES",
    "DIRECTIONS",
    "CatalogueEntry",
    "IndicatorInfo",
    "catalogue",
    "challenge_labels",
    "describe",
    "format_value",
    "is_known",
    "label",
    "level_labels",
    "no_data_reasons",
    "population_group_label",
    "source_label",
]
