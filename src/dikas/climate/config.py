"""The vulnerability configuration: indicators, groups and weights, read from YAML.

The shipped default is ``vulnerability.yaml`` beside this module; its header documents
every field. Validation happens here, once, and a bad file raises one clear
:class:`~dikas.errors.ConfigError` line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from dikas.config_files import read_mapping, validate
from dikas.errors import ConfigError
from dikas.sources.paavo import resolve_column

Normalization = Literal["minmax", "zscore"]
NORMALIZATIONS: tuple[str, ...] = ("minmax", "zscore")
SOURCE_LEVELS: tuple[str, ...] = ("areas", "grid")


class _Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    description: str = ""
    group: str
    source: Literal["areas", "grid"]
    numerator: tuple[str, ...] = Field(min_length=1)
    denominator: tuple[str, ...] = ()
    direction: Literal[1, -1]
    weight: float = Field(gt=0)
    weights: Literal["population", "area"] = "population"
    fill_missing: float | None = None
    indices: tuple[str, ...] = Field(min_length=1)


class _FloodService(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    name: str
    url: str
    layers: str = ""
    producer: str = ""
    note: str = ""


class _Green(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    park_service_types: tuple[str, ...] = ("park",)
    residential_use_pattern: str = "(?i)residential|apartments|house|asuin"
    hot_quantile: float = Field(default=0.9, gt=0, lt=1)
    green_poor_quantile: float = Field(default=0.25, gt=0, lt=1)

    @field_validator("residential_use_pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {exc}") from exc
        return pattern


class _Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    normalization: Literal["minmax", "zscore"] = "minmax"
    min_population: float = Field(default=1, ge=0)
    population: dict[Literal["areas", "grid"], str]
    groups: dict[str, float]
    indicators: tuple[_Indicator, ...] = Field(min_length=1)
    flood_hazard_services: tuple[_FloodService, ...] = ()
    green: _Green = _Green()

    @field_validator("groups")
    @classmethod
    def _positive_groups(cls, groups: dict[str, float]) -> dict[str, float]:
        bad = [name for name, weight in groups.items() if weight <= 0]
        if bad:
            raise ValueError(f"group weights must be positive: {bad}")
        return groups

    @model_validator(mode="after")
    def _consistent(self) -> _Config:
        names = [i.name for i in self.indicators]
        duplicated = sorted({n for n in names if names.count(n) > 1})
        if duplicated:
            raise ValueError(f"indicator names must be unique: {duplicated}")
        unknown = sorted({i.group for i in self.indicators} - set(self.groups))
        if unknown:
            raise ValueError(f"indicators use groups not listed under 'groups': {unknown}")
        missing = sorted(set(SOURCE_LEVELS) - set(self.population))
        if missing:
            raise ValueError(f"'population' needs a column for {missing}")
        return self


@dataclass(frozen=True)
class Indicator:
    """One vulnerability indicator: where it comes from and how it counts.

    Attributes
    ----------
    name
        Identifier used in outputs (``vulnerability_<index>`` frames have a column of it).
    description
        Human-readable definition.
    group
        ``sensitivity``, ``ability``, ``exposure`` or any group named in the config.
    source
        Level where the columns exist: ``areas`` (postal areas) or ``grid`` (250 m cells).
    numerator, denominator
        Columns summed; the raw value is ``Σ numerator / Σ denominator`` (no denominator:
        ``Σ numerator``, an intensive value such as a median income).
    direction
        ``+1`` if larger raw values mean more vulnerable, ``-1`` otherwise.
    weight
        Weight within the group.
    weights
        How values (indicators without denominator) are averaged when moved from cells to
        areas: by ``population`` or by ``area``.
    fill_missing
        Value replacing missing source values (e.g. 0 for a land-cover surface the
        producer leaves empty where there is none); ``None`` keeps them missing.
    indices
        Hazard indices using this indicator (e.g. ``heat``, ``flood``).
    """

    name: str
    description: str
    group: str
    source: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    direction: int
    weight: float
    weights: str
    fill_missing: float | None
    indices: tuple[str, ...]

    @property
    def is_share(self) -> bool:
        """Whether the raw value is a ratio of counts (else an intensive value)."""
        return bool(self.denominator)

    @property
    def columns(self) -> tuple[str, ...]:
        """Every source column the indicator reads."""
        return tuple(dict.fromkeys(self.numerator + self.denominator))


@dataclass(frozen=True)
class FloodService:
    """An official flood-hazard service to fetch a hazard layer from."""

    name: str
    url: str
    layers: str
    producer: str
    note: str


@dataclass(frozen=True)
class GreenSettings:
    """Which services are parks, which buildings are homes, what is hot and green-poor."""

    park_service_types: tuple[str, ...]
    residential_use_pattern: str
    hot_quantile: float
    green_poor_quantile: float


@dataclass(frozen=True)
class VulnerabilityConfig:
    """A validated vulnerability configuration (see ``vulnerability.yaml``)."""

    normalization: str
    min_population: float
    population: dict[str, str]
    groups: dict[str, float]
    indicators: tuple[Indicator, ...]
    flood_hazard_services: tuple[FloodService, ...]
    green: GreenSettings
    path: str

    @property
    def index_names(self) -> tuple[str, ...]:
        """The hazard indices the configuration defines, in first-use order."""
        return tuple(dict.fromkeys(i for ind in self.indicators for i in ind.indices))

    def indicators_for(self, index: str) -> tuple[Indicator, ...]:
        """The indicators of one hazard index."""
        chosen = tuple(ind for ind in self.indicators if index in ind.indices)
        if not chosen:
            raise ConfigError(
                f"no indicator of {self.path} belongs to index {index!r}; "
                f"known indices: {', '.join(self.index_names)}"
            )
        return chosen


def _indicator(model: _Indicator) -> Indicator:
    """An indicator of the configuration, Paavo codes (``he_vakiy``) read as twin names."""
    fields = model.model_dump()
    if model.source == "areas":
        for key in ("numerator", "denominator"):
            fields[key] = tuple(resolve_column(c) for c in fields[key])
    return Indicator(**fields)


def default_config_path() -> Path:
    """The configuration shipped with DikaS."""
    return Path(str(files("dikas.climate") / "vulnerability.yaml"))


def load_config(path: str | Path | None = None) -> VulnerabilityConfig:
    """Read and validate a vulnerability configuration (default: the shipped one)."""
    source = Path(path) if path is not None else default_config_path()
    model = validate(_Config, read_mapping(source, what="vulnerability configuration"), source)
    return VulnerabilityConfig(
        normalization=model.normalization,
        min_population=model.min_population,
        population={
            str(level): resolve_column(column) if level == "areas" else column
            for level, column in model.population.items()
        },
        groups=dict(model.groups),
        indicators=tuple(_indicator(i) for i in model.indicators),
        flood_hazard_services=tuple(
            FloodService(name=s.name, url=s.url, layers=s.layers, producer=s.producer, note=s.note)
            for s in model.flood_hazard_services
        ),
        green=GreenSettings(**model.green.model_dump()),
        path=str(source),
    )
