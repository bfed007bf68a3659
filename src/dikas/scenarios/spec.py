"""Scenario files: a name, optionally a base twin, and a list of edits to the city.

A scenario is YAML (or an equivalent mapping)::

    name: Jätkäsaari health station and new homes
    base_twin: twin.duckdb            # optional; relative to the scenario file
    year: 2023                        # optional; the postal-area year edited (default: latest)
    edits:
      - add_service: {service_type: health_station, lon: 24.913, lat: 60.157, capacity: 20000}
      - add_housing: {lon: 24.917, lat: 60.155, dwellings: 800, residents: 1500,
                      social_rental_share: 0.3}
      - greening: {polygon_file: park.geojson, canopy_increase: 0.2}

Every edit is a one-key mapping; its options are validated here, once, so that a typo or an
impossible value is one clear :class:`~dikas.errors.ConfigError` line naming the edit.
Locations are ``lon``/``lat`` (WGS 84), ``x``/``y`` (the twin's EPSG:3067) or an
``address`` matched against the twin's building addresses.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from dikas.errors import ConfigError

Share = Annotated[float, Field(ge=0.0, le=1.0)]
MAX_RESIDENTS = 100_000
"""Most residents (and dwellings) one housing edit may add or remove: a whole new district,
not more (larger numbers only make the run costly and the result meaningless)."""
MAX_CAPACITY = 1_000_000.0
"""Largest capacity (supply, e.g. patients) of one new service."""


class _Edit(BaseModel):
    # numbers must be finite: JSON bodies may carry NaN and Infinity
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Location(_Edit):
    """A point given as lon/lat (WGS 84), x/y (EPSG:3067) or a building address."""

    lon: float | None = Field(default=None, ge=-180, le=180)
    lat: float | None = Field(default=None, ge=-90, le=90)
    x: float | None = None
    y: float | None = None
    address: str | None = None

    @model_validator(mode="after")
    def _one_location(self) -> Location:
        given = [
            self.lon is not None and self.lat is not None,
            self.x is not None and self.y is not None,
            self.address is not None,
        ]
        half = (self.lon is None) != (self.lat is None) or (self.x is None) != (self.y is None)
        if half or sum(given) != 1:
            raise ValueError("give exactly one location: lon and lat, x and y, or address")
        return self


class AddService(Location):
    """A new service of ``service_type`` (capacity: its supply, e.g. patients)."""

    service_type: str
    name: str | None = None
    capacity: float | None = Field(default=None, ge=0, le=MAX_CAPACITY)
    service_id: str | None = None


class RemoveService(_Edit):
    """Remove the service ``service_id``."""

    service_id: str


class MoveService(Location):
    """Move the service ``service_id`` to a new location."""

    service_id: str


class AddHousing(Location):
    """A housing development at a location (or the centroid of a polygon).

    ``age_shares`` use the Paavo age bands (``age_0_2`` … ``age_85_plus``); ``income_shares``
    the income classes of adults (``lowest``, ``middle``, ``highest``); ``tenure_shares`` the
    households' tenure (``owner_occupied``, ``rented``, ``other``). Shares not given are the
    development's postal area's current shares; ``social_rental_share`` is the share of
    dwellings that are social rental (counted as rented).
    """

    dwellings: int = Field(ge=0, le=MAX_RESIDENTS)
    residents: int = Field(ge=0, le=MAX_RESIDENTS)
    name: str | None = None
    social_rental_share: Share | None = None
    age_shares: dict[str, Share] | None = None
    income_shares: dict[Literal["lowest", "middle", "highest"], Share] | None = None
    tenure_shares: dict[Literal["owner_occupied", "rented", "other"], Share] | None = None


class PolygonLocation(_Edit):
    """A polygon from a vector file or inline coordinates (lon/lat rings, WGS 84)."""

    polygon_file: str | None = None
    polygon: list[list[float]] | None = None

    @model_validator(mode="after")
    def _one_polygon(self) -> PolygonLocation:
        if (self.polygon_file is None) == (self.polygon is None):
            raise ValueError("give exactly one of polygon_file or polygon (lon/lat pairs)")
        if self.polygon is not None and (
            len(self.polygon) < 3 or any(len(p) != 2 for p in self.polygon)
        ):
            raise ValueError("polygon needs at least three [lon, lat] pairs")
        return self


class RemoveHousing(Location):
    """Remove ``residents`` (and ``dwellings``) at a location, e.g. a demolition."""

    residents: int = Field(gt=0, le=MAX_RESIDENTS)
    dwellings: int = Field(default=0, ge=0, le=MAX_RESIDENTS)


class Greening(PolygonLocation):
    """Raise tree canopy within a polygon by ``canopy_increase`` (share of land, 0–1).

    The cooling model's parameters default to :data:`dikas.scenarios.cooling.DEFAULT_COOLING`.
    """

    canopy_increase: float = Field(gt=0.0, le=1.0)
    cooling_per_canopy: float | None = Field(default=None, ge=0.0)
    spillover_share: Share | None = None


class AddStop(Location):
    """A new stop on ``route_id``, served between ``after_stop_id`` and the next stop."""

    route_id: str
    after_stop_id: str
    stop_id: str | None = None
    stop_name: str | None = None


class ChangeFrequency(_Edit):
    """Run ``route_id`` ``factor`` times as often (headways divided by ``factor``)."""

    route_id: str
    factor: float = Field(gt=1.0, le=20.0)


class RemoveRoute(_Edit):
    """Remove a route and all its trips."""

    route_id: str


EDIT_TYPES: dict[str, type[_Edit]] = {
    "add_service": AddService,
    "remove_service": RemoveService,
    "move_service": MoveService,
    "add_housing": AddHousing,
    "remove_housing": RemoveHousing,
    "greening": Greening,
    "add_stop": AddStop,
    "change_frequency": ChangeFrequency,
    "remove_route": RemoveRoute,
}
"""Edit keyword → its options."""

Edit = (
    AddService
    | RemoveService
    | MoveService
    | AddHousing
    | RemoveHousing
    | Greening
    | AddStop
    | ChangeFrequency
    | RemoveRoute
)


class FloodHazard(_Edit):
    """A flood hazard polygon layer to count flood-exposed residents with."""

    file: str
    class_column: str


@dataclass(frozen=True)
class Scenario:
    """A validated scenario.

    Attributes
    ----------
    name
        Human-readable name.
    edits
        The edits, in file order (they are applied in this order).
    base_twin
        The twin the scenario was written for, if the file names one.
    year
        Postal-area year edited and evaluated (``None``: the twin's latest).
    flood_hazard
        Optional hazard layer for the flood-exposure indicators.
    base_dir
        Directory relative paths in the scenario resolve against.
    sha256
        Hash of the scenario file's bytes (of the canonical JSON for a mapping).
    """

    name: str
    edits: tuple[Edit, ...]
    base_twin: Path | None
    year: int | None
    flood_hazard: FloodHazard | None
    base_dir: Path
    sha256: str

    def resolve(self, path: str) -> Path:
        """A path from the scenario, relative to the scenario file's directory."""
        candidate = Path(path)
        return candidate if candidate.is_absolute() else self.base_dir / candidate

    def to_mapping(self) -> dict[str, Any]:
        """The scenario as plain data, as it would be written to YAML."""
        data: dict[str, Any] = {"name": self.name}
        if self.base_twin is not None:
            data["base_twin"] = str(self.base_twin)
        if self.year is not None:
            data["year"] = self.year
        if self.flood_hazard is not None:
            data["flood_hazard"] = self.flood_hazard.model_dump()
        data["edits"] = [{edit_keyword(e): e.model_dump(exclude_none=True)} for e in self.edits]
        return data


def edit_keyword(edit: _Edit) -> str:
    """The scenario-file keyword of an edit (``add_service``, ``greening``...)."""
    return next(k for k, v in EDIT_TYPES.items() if type(edit) is v)


def _first_error(error: ValidationError) -> str:
    detail = error.errors()[0]
    where = ".".join(str(p) for p in detail["loc"] if p != "__root__")
    message = detail["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def _parse_edit(position: int, item: object) -> Edit:
    label = f"edit {position + 1}"
    if not isinstance(item, Mapping) or len(item) != 1:
        raise ConfigError(
            f"scenario {label}: each edit is a one-key mapping such as "
            f"'add_service: {{...}}'; known edits: {', '.join(EDIT_TYPES)}"
        )
    keyword, options = next(iter(item.items()))
    if keyword not in EDIT_TYPES:
        raise ConfigError(
            f"scenario {label}: unknown edit {keyword!r}; known edits: {', '.join(EDIT_TYPES)}"
        )
    if not isinstance(options, Mapping):
        raise ConfigError(f"scenario {label} ({keyword}): options must be a mapping")
    try:
        return EDIT_TYPES[keyword].model_validate(dict(options))  # type: ignore[return-value]
    except ValidationError as error:
        raise ConfigError(f"scenario {label} ({keyword}): {_first_error(error)}") from None


def scenario_from_mapping(
    data: Mapping[str, Any], *, base_dir: Path | None = None, sha256: str | None = None
) -> Scenario:
    """Validate a scenario given as a mapping (relative paths resolve against ``base_dir``).

    ``sha256`` defaults to the hash of the mapping's canonical JSON (sorted keys).
    """
    if not isinstance(data, Mapping):
        raise ConfigError("a scenario must be a mapping with 'name' and 'edits'")
    unknown = sorted(
        set(data) - {"name", "base_twin", "year", "edits", "flood_hazard", "description"}
    )
    if unknown:
        raise ConfigError(
            f"scenario: unknown key(s) {', '.join(unknown)}; expected name, "
            f"base_twin, year, flood_hazard, description, edits"
        )
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError("scenario: 'name' must be a non-empty string")
    edits = data.get("edits")
    if not isinstance(edits, list) or not edits:
        raise ConfigError("scenario: 'edits' must be a non-empty list")
    year = data.get("year")
    if year is not None and not isinstance(year, int):
        raise ConfigError("scenario: 'year' must be an integer")
    flood = None
    if data.get("flood_hazard") is not None:
        try:
            flood = FloodHazard.model_validate(data["flood_hazard"])
        except ValidationError as error:
            raise ConfigError(f"scenario flood_hazard: {_first_error(error)}") from None
    parsed = tuple(_parse_edit(i, item) for i, item in enumerate(edits))
    if sha256 is None:
        canonical = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
        sha256 = hashlib.sha256(canonical.encode()).hexdigest()
    base = data.get("base_twin")
    return Scenario(
        name=name.strip(),
        edits=parsed,
        base_twin=Path(base) if base else None,
        year=year,
        flood_hazard=flood,
        base_dir=base_dir or Path.cwd(),
        sha256=sha256,
    )


def load_scenario(source: Scenario | Mapping[str, Any] | Path | str) -> Scenario:
    """A validated :class:`Scenario` from a YAML file, a mapping or a scenario.

    Raises :class:`~dikas.errors.ConfigError` with one line naming the problem.
    """
    if isinstance(source, Scenario):
        return source
    if isinstance(source, Mapping):
        return scenario_from_mapping(source)
    path = Path(source)
    if not path.is_file():
        raise ConfigError(f"scenario file {str(path)!r} does not exist")
    content = path.read_bytes()
    try:
        data = yaml.safe_load(content.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ConfigError(f"scenario file {str(path)!r}: not valid YAML ({first})") from None
    try:
        return scenario_from_mapping(
            data, base_dir=path.resolve().parent, sha256=hashlib.sha256(content).hexdigest()
        )
    except ConfigError as error:
        raise ConfigError(f"scenario file {str(path)!r}: {error}") from None
