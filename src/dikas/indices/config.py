"""Composite-index configurations: schema, validation and the shipped files.

A configuration is a YAML file (see ``configs/*.yaml``, whose headers document every field).
It is validated once, here; a bad file raises one :class:`~dikas.errors.ConfigError` line
naming the file and the key (``need.yaml: indicators.2.weight: Input should be greater than
0``). A configuration is named by its shipped name (``climate-just``) or by a path.

The indicator fields are those of the climate vulnerability configuration
(:class:`dikas.climate.config.Indicator`), so raw values are computed the same way
(:func:`dikas.climate.vulnerability.raw_indicators`) and the ``climate-just`` configuration
gives the vulnerability values exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from dikas.climate.config import FloodService, GreenSettings, Indicator, VulnerabilityConfig
from dikas.config_files import read_mapping, validate
from dikas.errors import ConfigError
from dikas.indices.normalize import NORMALIZATIONS

__all__ = [
    "AGGREGATIONS",
    "GROUP_AGGREGATIONS",
    "NORMALIZATIONS",
    "IndexConfig",
    "config_path",
    "load_index_config",
    "shipped_configs",
]

GROUP_AGGREGATIONS: tuple[str, ...] = ("mean", "sum")
"""Within a group: weighted mean (missing indicators drop out) or weighted sum (all needed)."""
AGGREGATIONS: tuple[str, ...] = ("mean", "sum", "geometric")
"""Across groups: weighted arithmetic mean, weighted sum, or weighted geometric mean."""


class _Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str = ""
    group: str
    source: Literal["areas", "grid"]
    numerator: tuple[str, ...] = Field(min_length=1)
    denominator: tuple[str, ...] = ()
    direction: Literal[1, -1]
    weight: float = Field(gt=0)
    weights: Literal["population", "area"] = "population"
    fill_missing: float | None = None
    indices: tuple[str, ...] = ()
    source_variable: str = ""


class _Title(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    en: str
    fi: str
    sv: str


class _Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    url: str = Field(pattern=r"^https?://")


class _LeftOut(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    indicator: str
    reason: str


class _Robustness(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    spread: float = Field(default=0.5, ge=0, lt=1)
    normalizations: tuple[Literal["minmax", "zscore", "percentile"], ...] = ()


class _Allocation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    population_weighted: bool = True


class _Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: _Title
    description: str = ""
    sources: tuple[_Source, ...] = Field(min_length=1)
    left_out: tuple[_LeftOut, ...] = ()
    normalization: Literal["minmax", "zscore", "percentile"] = "minmax"
    group_aggregation: Literal["mean", "sum"] = "mean"
    aggregation: Literal["mean", "sum", "geometric"] = "mean"
    rank_groups: bool = False
    percentile_index: bool = False
    min_population: float = Field(default=1, ge=0)
    population: dict[Literal["areas", "grid"], str]
    groups: dict[str, float]
    indicators: tuple[_Indicator, ...] = Field(min_length=1)
    robustness: _Robustness = _Robustness()
    allocation: _Allocation = _Allocation()

    @model_validator(mode="after")
    def _consistent(self) -> _Config:
        bad = [name for name, weight in self.groups.items() if weight <= 0]
        if bad:
            raise ValueError(f"group weights must be positive: {bad}")
        names = [i.name for i in self.indicators]
        duplicated = sorted({n for n in names if names.count(n) > 1})
        if duplicated:
            raise ValueError(f"indicator names must be unique: {duplicated}")
        unknown = sorted({i.group for i in self.indicators} - set(self.groups))
        if unknown:
            raise ValueError(f"indicators use groups not listed under 'groups': {unknown}")
        missing = sorted({"areas", "grid"} - set(self.population))
        if missing:
            raise ValueError(f"'population' needs a column for {missing}")
        if self.aggregation == "geometric" and self.normalization == "zscore":
            raise ValueError(
                "a geometric mean needs non-negative scores: use minmax or percentile normalization"
            )
        if self.aggregation == "geometric" and "zscore" in self.robustness.normalizations:
            raise ValueError("robustness.normalizations: zscore cannot feed a geometric mean")
        with_index = [bool(i.indices) for i in self.indicators]
        if any(with_index) and not all(with_index):
            raise ValueError("either every indicator lists its 'indices' or none does")
        return self


@dataclass(frozen=True)
class IndexConfig:
    """A validated composite-index configuration."""

    name: str
    titles: dict[str, str]
    """The configuration's title in each language (``en``, ``fi``, ``sv``)."""
    description: str
    sources: tuple[tuple[str, str], ...]
    """``(title, url)`` of each source of the method, indicators or weights."""
    left_out: tuple[tuple[str, str], ...]
    """``(indicator, reason)`` of each indicator of the original method not used here."""
    normalization: str
    group_aggregation: str
    aggregation: str
    rank_groups: bool
    """Whether group scores are reported as percentile ranks (CDC SVI themes)."""
    percentile_index: bool
    """Whether the index is the percentile rank of the aggregated score (CDC SVI)."""
    min_population: float
    population: dict[str, str]
    groups: dict[str, float]
    indicators: tuple[Indicator, ...]
    spread: float
    """Relative half-width of the Monte Carlo weight perturbation."""
    robustness_normalizations: tuple[str, ...]
    """Normalizations the Monte Carlo draws from (default: the configuration's own)."""
    population_weighted_allocation: bool
    path: str

    def title(self, language: str = "en") -> str:
        """The title in ``language`` (English for a language DikaS does not speak)."""
        return self.titles.get(language, self.titles["en"])

    @property
    def index_names(self) -> tuple[str, ...]:
        """The indices the configuration defines (one, named ``index``, if none is listed)."""
        names = tuple(dict.fromkeys(i for ind in self.indicators for i in ind.indices))
        return names or ("index",)

    def indicators_for(self, index: str | None = None) -> tuple[Indicator, ...]:
        """The indicators of one index (the first index when ``None``)."""
        chosen_index = index or self.index_names[0]
        if chosen_index not in self.index_names:
            raise ConfigError(
                f"{self.path}: no index {chosen_index!r}; this configuration "
                f"defines {', '.join(self.index_names)}"
            )
        if not any(i.indices for i in self.indicators):
            return self.indicators
        return tuple(i for i in self.indicators if chosen_index in i.indices)

    def vulnerability_config(self) -> VulnerabilityConfig:
        """The same indicators as a climate vulnerability configuration, for the raw values
        (:func:`dikas.climate.vulnerability.raw_indicators`)."""
        return VulnerabilityConfig(
            normalization=self.normalization if self.normalization != "percentile" else "minmax",
            min_population=self.min_population,
            population=dict(self.population),
            groups=dict(self.groups),
            indicators=self.indicators,
            flood_hazard_services=tuple[FloodService, ...](),
            green=GreenSettings(
                park_service_types=("park",),
                residential_use_pattern="",
                hot_quantile=0.9,
                green_poor_quantile=0.25,
            ),
            path=self.path,
        )


def from_vulnerability_config(config: VulnerabilityConfig) -> IndexConfig:
    """A climate vulnerability configuration as a composite-index configuration: weighted
    means within and across groups (Climate Just), its normalization, its indicators."""
    return IndexConfig(
        name="climate-vulnerability",
        titles={
            "en": "Social vulnerability to climate change",
            "fi": "Sosiaalinen haavoittuvuus ilmastonmuutokselle",
            "sv": "Social sårbarhet för klimatförändringen",
        },
        description="",
        sources=(),
        left_out=(),
        normalization=config.normalization,
        group_aggregation="mean",
        aggregation="mean",
        rank_groups=False,
        percentile_index=False,
        min_population=config.min_population,
        population=dict(config.population),
        groups=dict(config.groups),
        indicators=config.indicators,
        spread=0.5,
        robustness_normalizations=("minmax", "zscore"),
        population_weighted_allocation=True,
        path=config.path,
    )


CONFIG_DIR = "configs"


def shipped_configs() -> dict[str, Path]:
    """Name → path of every configuration shipped with DikaS."""
    folder = Path(str(files("dikas.indices") / CONFIG_DIR))
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def config_path(config: str | Path) -> Path:
    """The file of a shipped configuration name, or ``config`` itself as a path."""
    shipped = shipped_configs()
    if isinstance(config, str) and config in shipped:
        return shipped[config]
    path = Path(config)
    if path.suffix not in (".yaml", ".yml") and not path.exists():
        raise ConfigError(
            f"unknown index configuration {str(config)!r} (shipped: "
            f"{', '.join(shipped)}; or give a YAML file)"
        )
    return path


def load_index_config(config: str | Path) -> IndexConfig:
    """Read and validate a configuration, by shipped name or path."""
    source = config_path(config)
    model = validate(_Config, read_mapping(source, what="index configuration"), source)
    indicators = tuple(
        Indicator(
            name=i.name,
            description=i.description,
            group=i.group,
            source=i.source,
            numerator=i.numerator,
            denominator=i.denominator,
            direction=i.direction,
            weight=i.weight,
            weights=i.weights,
            fill_missing=i.fill_missing,
            indices=i.indices,
        )
        for i in model.indicators
    )
    return IndexConfig(
        name=model.name,
        titles=model.title.model_dump(),
        description=model.description,
        sources=tuple((s.title, s.url) for s in model.sources),
        left_out=tuple((x.indicator, x.reason) for x in model.left_out),
        normalization=model.normalization,
        group_aggregation=model.group_aggregation,
        aggregation=model.aggregation,
        rank_groups=model.rank_groups,
        percentile_index=model.percentile_index,
        min_population=model.min_population,
        population={str(k): v for k, v in model.population.items()},
        groups=dict(model.groups),
        indicators=indicators,
        spread=model.robustness.spread,
        robustness_normalizations=model.robustness.normalizations or (model.normalization,),
        population_weighted_allocation=model.allocation.population_weighted,
        path=str(source),
    )
