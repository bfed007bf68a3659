"""The declarative data catalog: which datasets a city's twin is built from.

A catalog is a YAML file shipped in ``dikas/sources/catalogs/<city>.yaml``; everything
city-specific (municipality codes, the area's bounding box, service URLs, layer names)
lives there, so adding a city means adding a catalog, not code.

Each dataset names a *format* (which reader turns its files into twin layers) and a
*source* (how its files are obtained). Source kinds:

``file``
    A pinned file: ``urls`` + ``sha256`` + ``mirror_path`` (the offline demo).
``wfs``
    WFS 2.0 GetFeature, paged with ``count``/``startIndex`` until a short page; a yearly
    layer's ``type_name`` holds ``{year}`` and its years come from GetCapabilities.
``ogcapi``
    OGC API – Features ``/collections/{id}/items`` following ``next`` links.
``rest``
    A JSON API whose pages carry a ``next`` URL (e.g. a city's service register).
``osm_extract``
    A large OpenStreetMap PBF, streamed and clipped to the catalog's area.
``gtfs``
    A GTFS feed; the build keeps the service day chosen by the user.
``raster``
    A GeoTIFF / COG over HTTP.

A catalog also defines the city's **population groups** (``population_groups:``): who the
equity summaries, segregation indices and scenario objectives count, with their labels in
Finnish, Swedish and English, the twin columns that hold them and what each is used for
(:class:`PopulationGroup`, read from a twin with :func:`dikas.twin.groups.population_groups`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dikas.errors import ConfigError

SOURCE_KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "file": ((), ("fields",)),
    "wfs": (
        ("url", "type_name"),
        (
            "years",
            "filter",
            "bbox",
            "srs_name",
            "page_size",
            "output_format",
            "sort_by",
            "version",
            "fields",
        ),
    ),
    "ogcapi": (("url", "collection"), ("years", "bbox", "limit", "crs", "params", "fields")),
    "rest": (
        ("url",),
        (
            "params",
            "results_key",
            "next_key",
            "count_key",
            "filter",
            "service_types",
            "municipalities",
            "service_tree",
        ),
    ),
    "osm_extract": (("url",), ("clip", "buffer_m")),
    "gtfs": (("url",), ("service_date",)),
    "raster": (("url",), ()),
}
"""Source kind → (required keys, optional keys) of its ``source:`` mapping. ``fields`` maps
a reader's field options to the producer's attribute names (e.g. ``id_field: tunnus``)."""


@dataclass(frozen=True)
class Source:
    """How a dataset's files are obtained: the kind and its kind-specific options.

    ``options`` holds the validated keys of the catalog's ``source:`` mapping other than
    ``kind`` and ``url`` (e.g. ``type_name``, ``years``, ``filter`` for ``wfs``).
    """

    kind: str = "file"
    url: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)

    def option(self, key: str, default: Any = None) -> Any:
        """One kind-specific option, or ``default`` when the catalog leaves it out."""
        return self.options.get(key, default)

    @property
    def live(self) -> bool:
        """Whether the dataset comes from a live service (no pinned checksum)."""
        return self.kind != "file"


@dataclass(frozen=True)
class Municipality:
    """A municipality the catalog covers: its official code and names per language."""

    code: str
    name: str
    names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Dataset:
    """One catalog entry: where its data comes from, what it is, and who must be credited."""

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
    source: Source = field(default_factory=Source)
    layers: tuple[str, ...] = ()
    """Twin layers this dataset feeds (``dikas build --layers`` uses it)."""
    unknown_location: tuple[float, float] | None = None
    """A point (twin CRS) inside the cell where the producer puts the residents whose
    location is unknown (HSY's grid has such a cell in the sea); that cell is not a place."""

    @property
    def downloadable(self) -> bool:
        """Whether the catalog names a pinned file (not only a web service) for this dataset."""
        return self.source.kind == "file" and bool(self.urls) and self.mirror_path is not None

    @property
    def obtainable(self) -> bool:
        """Whether DikaS can get this dataset's data: a pinned file or a declared service."""
        return self.downloadable or self.source.live


@dataclass(frozen=True)
class Catalog:
    """A city's datasets plus its name, CRS, municipalities, area and attribution line."""

    city: str
    title: str
    crs: str
    attribution: str
    datasets: tuple[Dataset, ...] = field(default_factory=tuple)
    municipalities: tuple[Municipality, ...] = ()
    bbox: tuple[float, float, float, float] | None = None
    """The catalog's area in the twin CRS (minx, miny, maxx, maxy): WFS/OGC bbox filters
    and the OSM clip use it."""
    source_file: str = ""
    population_groups: tuple[PopulationGroup, ...] = ()
    """Who the city's indicators count (see :class:`PopulationGroup`)."""

    def __getitem__(self, name: str) -> Dataset:
        for dataset in self.datasets:
            if dataset.name == name:
                return dataset
        raise ConfigError(f"catalog {self.city!r} has no dataset {name!r}")

    def by_format(self, fmt: str) -> list[Dataset]:
        """Datasets of one format (``paavo``, ``citygml``...), in catalog order."""
        return [d for d in self.datasets if d.format == fmt]

    @property
    def municipality_codes(self) -> tuple[str, ...]:
        """Official codes of the catalog's municipalities, in catalog order."""
        return tuple(m.code for m in self.municipalities)


GROUP_LANGUAGES = ("fi", "sv", "en")
"""Languages every population group is labelled in."""

GROUP_USES: dict[str, str] = {
    "access": "equity summaries of access to services, and what housing edits add",
    "segregation": "two-group segregation indices (group against its total)",
    "income_class": "the income classes of multigroup segregation, in order",
    "equity_objective": "residents weighed by the equity objective of site proposals",
    "heat_sensitive": "residents counted as heat-vulnerable in hot cells",
}
"""What a population group can be used for (its ``uses:``), and by what."""

_GROUP_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class PopulationGroup:
    """A population group the city's indicators count, as the catalog defines it."""

    id: str
    """The name stored in indicators' ``population_group`` (``lowest_income``)."""
    labels: Mapping[str, str]
    """What people read, per language (``fi``, ``sv``, ``en``)."""
    columns: tuple[str, ...]
    """The twin columns (snake_case) summed into the group's count."""
    total: str | None
    """The twin column the group is a part of (its share's denominator)."""
    levels: tuple[str, ...]
    """The levels whose layer holds the columns (``areas``, ``grid``)."""
    uses: tuple[str, ...] = ()
    """What the group is used for (keys of :data:`GROUP_USES`)."""

    def label(self, language: str = "en") -> str:
        """The group's label in ``language`` (English when the catalog lacks it)."""
        return str(self.labels.get(language) or self.labels["en"])

    def as_record(self) -> dict[str, object]:
        """A plain mapping of the group (what a twin stores)."""
        return {
            "id": self.id,
            "labels": dict(self.labels),
            "columns": list(self.columns),
            "total": self.total,
            "levels": list(self.levels),
            "uses": list(self.uses),
        }


def population_group(raw: Mapping[str, Any], where: str) -> PopulationGroup:
    """One ``population_groups:`` entry, validated; :class:`ConfigError` naming ``where``."""
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{where}: every population group must be a mapping")
    group_id = str(raw.get("id", ""))
    if not _GROUP_ID.match(group_id):
        raise ConfigError(f"{where}: population group id {group_id!r} must be snake_case")
    labels = raw.get("labels")
    missing = [
        lang for lang in GROUP_LANGUAGES if not isinstance(labels, Mapping) or not labels.get(lang)
    ]
    if missing:
        raise ConfigError(
            f"{where}: population group {group_id!r} lacks labels in {', '.join(missing)}"
        )
    column = raw.get("column")
    columns = [column] if isinstance(column, str) else list(column or [])
    if not columns or not all(isinstance(c, str) and c for c in columns):
        raise ConfigError(
            f"{where}: population group {group_id!r} needs 'column' (a twin "
            "column or a list of them)"
        )
    levels = raw.get("levels")
    if not isinstance(levels, list) or not levels:
        raise ConfigError(f"{where}: population group {group_id!r} needs 'levels' (a list)")
    uses = list(raw.get("uses") or [])
    unknown = sorted(set(uses) - set(GROUP_USES))
    if unknown:
        raise ConfigError(
            f"{where}: population group {group_id!r} has unknown use(s) "
            f"{', '.join(unknown)}; known: {', '.join(GROUP_USES)}"
        )
    extra = sorted(set(raw) - {"id", "labels", "column", "total", "levels", "uses"})
    if extra:
        raise ConfigError(
            f"{where}: population group {group_id!r} does not take {', '.join(extra)}"
        )
    total = raw.get("total")
    return PopulationGroup(
        id=group_id,
        labels={k: str(v) for k, v in labels.items()},  # type: ignore[union-attr]
        columns=tuple(columns),
        total=None if total is None else str(total),
        levels=tuple(str(v) for v in levels),
        uses=tuple(uses),
    )


def _population_groups(raw: object, source: str) -> tuple[PopulationGroup, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ConfigError(f"catalog {source}: 'population_groups' must be a list")
    groups = tuple(population_group(item, f"catalog {source}") for item in raw)
    ids = [g.id for g in groups]
    if len(set(ids)) != len(ids):
        raise ConfigError(f"catalog {source}: duplicate population group ids")
    return groups


_REQUIRED_KEYS = ("name", "title", "producer", "licence", "attribution", "format", "crs")


def available_cities() -> list[str]:
    """Names of the catalogs shipped with the package."""
    folder = resources.files("dikas.sources") / "catalogs"
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def _source(entry: Mapping[str, Any], where: str) -> Source:
    raw = entry.get("source")
    if raw is None:
        return Source()
    if not isinstance(raw, Mapping) or "kind" not in raw:
        raise ConfigError(f"{where}: 'source' must be a mapping with a 'kind'")
    kind = raw["kind"]
    if kind not in SOURCE_KINDS:
        raise ConfigError(
            f"{where}: unknown source kind {kind!r}; known: {', '.join(SOURCE_KINDS)}"
        )
    required, optional = SOURCE_KINDS[kind]
    missing = [k for k in required if not raw.get(k)]
    if missing:
        raise ConfigError(f"{where}: source kind {kind!r} needs {', '.join(missing)}")
    unknown = sorted(set(raw) - {"kind", *required, *optional})
    if unknown:
        raise ConfigError(f"{where}: source kind {kind!r} does not take {', '.join(unknown)}")
    options = {k: v for k, v in raw.items() if k not in ("kind", "url")}
    return Source(kind=kind, url=raw.get("url"), options=options)


def _floats(raw: object) -> tuple[float, ...]:
    """Every item of ``raw`` as a float; TypeError when ``raw`` is not iterable."""
    if not isinstance(raw, Iterable):
        raise TypeError(f"{type(raw).__name__} is not iterable")
    return tuple(float(v) for v in raw)


def _point(raw: object, where: str) -> tuple[float, float] | None:
    if raw is None:
        return None
    try:
        x, y = _floats(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: 'unknown_location' must be [x, y] in the twin CRS") from None
    return x, y


def _municipalities(raw: object, source: str) -> tuple[Municipality, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ConfigError(f"catalog {source}: 'city.municipalities' must be a list")
    result = []
    for item in raw:
        if not isinstance(item, Mapping) or "code" not in item or "name" not in item:
            raise ConfigError(f"catalog {source}: every municipality needs 'code' and 'name'")
        result.append(
            Municipality(
                code=str(item["code"]), name=str(item["name"]), names=dict(item.get("names") or {})
            )
        )
    return tuple(result)


def _bbox(raw: object, source: str) -> tuple[float, float, float, float] | None:
    if raw is None:
        return None
    try:
        values = _floats(raw)
    except (TypeError, ValueError):
        values = ()
    if len(values) != 4 or values[0] >= values[2] or values[1] >= values[3]:
        raise ConfigError(f"catalog {source}: 'city.bbox' must be [minx, miny, maxx, maxy]")
    return values


def _shipped_text(city: str) -> str:
    return (resources.files("dikas.sources") / "catalogs" / f"{city}.yaml").read_text("utf-8")


def default_city(*, offline: bool) -> tuple[str, str]:
    """The catalog to use when the user names none, and why.

    ``DIKAS_CITY`` wins; otherwise the shipped catalog marked ``default: offline`` when a
    local data mirror is configured (the pinned demo), else the one marked
    ``default: online`` (the whole city from the producers' services).
    """
    configured = os.environ.get("DIKAS_CITY")
    if configured:
        return configured, "DIKAS_CITY"
    wanted = "offline" if offline else "online"
    for city in available_cities():
        raw = yaml.safe_load(_shipped_text(city)) or {}
        if isinstance(raw, dict) and (raw.get("city") or {}).get("default") == wanted:
            reason = (
                "a local data mirror is configured (DIKAS_DATA_DIR / --data-dir)"
                if offline
                else "no local data mirror is configured"
            )
            return city, reason
    raise ConfigError(f"no shipped catalog is marked 'default: {wanted}'; name one with --city")


def load_catalog(city: str | None = None, *, path: Path | None = None) -> Catalog:
    """Load and validate a city's catalog (a shipped one, or any YAML file at ``path``).

    Without ``city`` and ``path``: :func:`default_city` for a machine without a mirror.
    """
    if path is None and city is None:
        city, _ = default_city(offline=False)
    if path is None:
        assert city is not None
        if city not in available_cities():
            raise ConfigError(
                f"no catalog for city {city!r}; known: {', '.join(available_cities())}"
            )
        text = _shipped_text(city)
        source = f"catalogs/{city}.yaml"
    else:
        try:
            text, source = Path(path).read_text("utf-8"), str(path)
        except OSError as exc:
            raise ConfigError(f"catalog {path}: cannot be read ({exc.strerror})") from exc
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
            raise ConfigError(
                f"catalog {source}: dataset {entry.get('name', '?')!r} lacks {missing}"
            )
        where = f"catalog {source}: dataset {entry['name']!r}"
        datasets.append(
            Dataset(
                name=entry["name"],
                title=entry["title"],
                producer=entry["producer"],
                licence=entry["licence"],
                attribution=entry["attribution"],
                format=entry["format"],
                crs=entry["crs"],
                years=tuple(entry.get("years") or ()),
                urls=tuple(entry.get("urls") or ()),
                sha256=entry.get("sha256"),
                mirror_path=entry.get("mirror_path"),
                official_service=entry.get("official_service"),
                required=bool(entry.get("required", True)),
                role=entry.get("role"),
                notes=entry.get("notes"),
                source=_source(entry, where),
                layers=tuple(entry.get("layers") or ()),
                unknown_location=_point(entry.get("unknown_location"), where),
            )
        )
    names = [d.name for d in datasets]
    if len(set(names)) != len(names):
        raise ConfigError(f"catalog {source}: duplicate dataset names")
    city_info = raw["city"]
    return Catalog(
        city=city_info["name"],
        title=city_info.get("title", city_info["name"]),
        crs=city_info.get("crs", "EPSG:3067"),
        attribution=raw.get("attribution", ""),
        datasets=tuple(datasets),
        municipalities=_municipalities(city_info.get("municipalities"), source),
        bbox=_bbox(city_info.get("bbox"), source),
        source_file=source,
        population_groups=_population_groups(raw.get("population_groups"), source),
    )
