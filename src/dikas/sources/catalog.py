"""The declarative data catalog: which datasets a city's twin is built from.

A catalog is a YAML file shipped in ``dikas/sources/catalogs/<city>.yaml``; everything
city-specific lives there, so adding a city means adding a catalog, not code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from dikas.errors import ConfigError


@dataclass(frozen=True)
class Dataset:
    """One catalog entry: where a file comes from, what it is, and who must be credited."""

    name: str
    title: str
    producer: str
    licence: str
    attribution: str
    format: str
    crs: str
    years: tuple[int, ...] = ()
    urls: tuple[str, ...] = ()
    sha256: str | None = None
    mirror_path: str | None = None
    official_service: str | None = None
    required: bool = True
    role: str | None = None
    notes: str | None = None

    @property
    def downloadable(self) -> bool:
        """Whether the catalog names a file (not only a web service) for this dataset."""
        return bool(self.urls) and self.mirror_path is not None


@dataclass(frozen=True)
class Catalog:
    """A city's datasets plus its name, CRS and combined attribution line."""

    city: str
    title: str
    crs: str
    attribution: str
    datasets: tuple[Dataset, ...] = field(default_factory=tuple)

    def __getitem__(self, name: str) -> Dataset:
        for dataset in self.datasets:
            if dataset.name == name:
                return dataset
        raise ConfigError(f"catalog {self.city!r} has no dataset {name!r}")

    def by_format(self, fmt: str) -> list[Dataset]:
        """Datasets of one format (``paavo``, ``citygml``...), in catalog order."""
        return [d for d in self.datasets if d.format == fmt]


_REQUIRED_KEYS = ("name", "title", "producer", "licence", "attribution", "format", "crs")


def available_cities() -> list[str]:
    """Names of the catalogs shipped with the package."""
    folder = resources.files("dikas.sources") / "catalogs"
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir()
                  if p.name.endswith(".yaml"))


def load_catalog(city: str = "helsinki", *, path: Path | None = None) -> Catalog:
    """Load and validate a city's catalog (a shipped one, or any YAML file at ``path``)."""
    if path is None:
        if city not in available_cities():
            raise ConfigError(f"no catalog for city {city!r}; known: {', '.join(available_cities())}")
        text = (resources.files("dikas.sources") / "catalogs" / f"{city}.yaml").read_text("utf-8")
        source = f"catalogs/{city}.yaml"
    else:
        text, source = Path(path).read_text("utf-8"), str(path)
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"catalog {source}: not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(raw, dict) or "city" not in raw or "datasets" not in raw:
        raise ConfigError(f"catalog {source}: needs top-level 'city' and 'datasets'")
    datasets = []
    for entry in raw["datasets"]:
        missing = [k for k in _REQUIRED_KEYS if k not in entry]
        if missing:
            raise ConfigError(f"catalog {source}: dataset {entry.get('name', '?')!r} lacks {missing}")
        datasets.append(Dataset(
            name=entry["name"], title=entry["title"], producer=entry["producer"],
            licence=entry["licence"], attribution=entry["attribution"], format=entry["format"],
            crs=entry["crs"], years=tuple(entry.get("years") or ()),
            urls=tuple(entry.get("urls") or ()), sha256=entry.get("sha256"),
            mirror_path=entry.get("mirror_path"), official_service=entry.get("official_service"),
            required=bool(entry.get("required", True)), role=entry.get("role"),
            notes=entry.get("notes"),
        ))
    names = [d.name for d in datasets]
    if len(set(names)) != len(names):
        raise ConfigError(f"catalog {source}: duplicate dataset names")
    city_info = raw["city"]
    return Catalog(city=city_info["name"], title=city_info.get("title", city_info["name"]),
                   crs=city_info.get("crs", "EPSG:3067"), attribution=raw.get("attribution", ""),
                   datasets=tuple(datasets))
