"""The explicit list of global indices: name → kernel, kind, default parameters, PySAL twin.

Names are the ones the CLI prints and the twin stores. :data:`TWO_GROUP_SUITE` and
:data:`MULTIGROUP_SUITE` are the indices computed by default, in this order, with PySAL's
default parameters; the ``*_corrected`` variants are computed only when asked for by name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

import numpy as np

from dikas.segregation import multigroup, singlegroup, spatial


@dataclass(frozen=True)
class IndexDefinition:
    """How to compute one global index.

    Attributes
    ----------
    name
        Public name (snake_case).
    kernel
        ``kernel(x, t[, geography], **parameters)`` for two-group indices,
        ``kernel(counts, **parameters)`` for multigroup ones.
    kind
        ``"two_group"`` or ``"multigroup"``.
    spatial
        Whether the kernel needs the units' geography.
    vectorized
        Whether the kernel accepts counts of shape ``(n, B)`` and returns ``B`` values.
    defaults
        PySAL's default parameters.
    pysal_class
        The class implementing the same definition in ``segregation`` (dotted path).
    """

    name: str
    kernel: Callable[..., float | np.ndarray]
    kind: Literal["two_group", "multigroup"]
    spatial: bool = False
    vectorized: bool = False
    defaults: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    pysal_class: str | None = None


def _two(
    name: str,
    kernel: Callable[..., float | np.ndarray],
    pysal: str | None,
    *,
    spatial: bool = False,
    vectorized: bool = False,
    **defaults: object,
) -> IndexDefinition:
    return IndexDefinition(
        name,
        kernel,
        "two_group",
        spatial,
        vectorized,
        MappingProxyType(defaults),
        pysal and f"singlegroup.{pysal}",
    )


def _multi(
    name: str, kernel: Callable[..., float], pysal: str, **defaults: object
) -> IndexDefinition:
    return IndexDefinition(
        name,
        kernel,
        "multigroup",
        defaults=MappingProxyType(defaults),
        pysal_class=f"multigroup.{pysal}",
    )


_DEFINITIONS = (
    _two("dissimilarity", singlegroup.dissimilarity, "Dissim"),
    _two("gini", singlegroup.gini, "Gini"),
    _two("entropy", singlegroup.entropy, "Entropy"),
    _two("isolation", singlegroup.isolation, "Isolation"),
    _two("interaction", singlegroup.interaction, "Interaction"),
    _two("atkinson", singlegroup.atkinson, "Atkinson", b=0.5),
    _two("delta", singlegroup.delta, "Delta", spatial=True),
    _two("correlation_ratio", singlegroup.correlation_ratio, "CorrelationR"),
    _two(
        "relative_concentration",
        singlegroup.relative_concentration,
        "RelativeConcentration",
        spatial=True,
    ),
    _two(
        "absolute_centralization",
        singlegroup.absolute_centralization,
        "AbsoluteCentralization",
        spatial=True,
    ),
    _two(
        "relative_clustering",
        spatial.relative_clustering,
        "RelativeClustering",
        spatial=True,
        vectorized=True,
        alpha=0.6,
        beta=0.5,
    ),
    _two(
        "spatial_dissimilarity",
        spatial.spatial_dissimilarity,
        "SpatialDissim",
        spatial=True,
        standardize=False,
    ),
    _two(
        "spatial_proximity_profile",
        spatial.spatial_proximity_profile,
        "SpatialProxProf",
        spatial=True,
        vectorized=True,
        m=1000,
    ),
    _two(
        "distance_decay_isolation",
        spatial.distance_decay_isolation,
        "DistanceDecayIsolation",
        spatial=True,
        vectorized=True,
        alpha=0.6,
        beta=0.5,
    ),
    _two(
        "distance_decay_interaction",
        spatial.distance_decay_interaction,
        "DistanceDecayInteraction",
        spatial=True,
        vectorized=True,
        alpha=0.6,
        beta=0.5,
    ),
    _two(
        "boundary_spatial_dissimilarity",
        spatial.boundary_spatial_dissimilarity,
        "BoundarySpatialDissim",
        spatial=True,
        standardize=True,
    ),
    _two(
        "relative_clustering_corrected",
        spatial.relative_clustering_corrected,
        None,
        spatial=True,
        vectorized=True,
        alpha=0.6,
        beta=0.5,
    ),
    _two(
        "distance_decay_isolation_corrected",
        spatial.distance_decay_isolation_corrected,
        None,
        spatial=True,
        vectorized=True,
        alpha=0.6,
        beta=0.5,
    ),
    _two(
        "distance_decay_interaction_corrected",
        spatial.distance_decay_interaction_corrected,
        None,
        spatial=True,
        vectorized=True,
        alpha=0.6,
        beta=0.5,
    ),
    _two(
        "boundary_spatial_dissimilarity_corrected",
        spatial.boundary_spatial_dissimilarity_corrected,
        None,
        spatial=True,
        standardize=True,
    ),
    _multi("multigroup_dissimilarity", multigroup.multigroup_dissimilarity, "MultiDissim"),
    _multi("multigroup_gini", multigroup.multigroup_gini, "MultiGini"),
    _multi(
        "multigroup_information_theory", multigroup.multigroup_information_theory, "MultiInfoTheory"
    ),
    _multi(
        "multigroup_normalized_exposure",
        multigroup.multigroup_normalized_exposure,
        "MultiNormExposure",
    ),
    _multi(
        "multigroup_squared_coefficient_of_variation",
        multigroup.multigroup_squared_coefficient_of_variation,
        "MultiSquaredCoefVar",
    ),
    _multi(
        "multigroup_relative_diversity",
        multigroup.multigroup_relative_diversity,
        "MultiRelativeDiversity",
    ),
    _multi(
        "multigroup_diversity", multigroup.multigroup_diversity, "MultiDiversity", normalized=False
    ),
    _multi("simpsons_interaction", multigroup.simpsons_interaction, "SimpsonsInteraction"),
    _multi("simpsons_concentration", multigroup.simpsons_concentration, "SimpsonsConcentration"),
)

INDICES: Mapping[str, IndexDefinition] = MappingProxyType({d.name: d for d in _DEFINITIONS})
"""Every global index by name."""

TWO_GROUP_SUITE: tuple[str, ...] = tuple(
    d.name for d in _DEFINITIONS if d.kind == "two_group" and d.pysal_class
)
"""The two-group indices computed by default (those with a PySAL counterpart)."""

MULTIGROUP_SUITE: tuple[str, ...] = tuple(d.name for d in _DEFINITIONS if d.kind == "multigroup")
"""The multigroup indices computed by default."""
