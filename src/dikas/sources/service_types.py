"""The declarative mapping from OpenStreetMap tags to DikaS's normalized service types.

The rules live in a YAML file (the packaged default is ``service_types.yaml`` beside this
module; its comments document the format and the choices made for each type) so that a city
can adapt them without touching code. :func:`load_service_mapping` validates a file once;
:meth:`ServiceMapping.classify` then gives the service type of a tag dictionary, or ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from dikas.errors import ConfigError

DEFAULT_MAPPING_PATH = Path(__file__).with_name("service_types.yaml")


@dataclass(frozen=True)
class TagCondition:
    """One test on one tag: equality with any of ``values``, list membership or a regex.

    ``values`` empty with ``kind == "equals"`` means "the tag is present".
    """

    key: str
    kind: str  # "equals", "contains" or "matches"
    values: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None

    def holds(self, tags: Mapping[str, str]) -> bool:
        """Whether the tags satisfy this condition."""
        value = tags.get(self.key)
        if value is None:
            return False
        if self.kind == "matches":
            return self.pattern is not None and self.pattern.search(value) is not None
        if self.kind == "contains":
            return any(item.strip() in self.values for item in value.split(";"))
        return not self.values or value in self.values


@dataclass(frozen=True)
class Rule:
    """All of ``required`` hold and, when ``alternatives`` is not empty, one of them does."""

    required: tuple[TagCondition, ...]
    alternatives: tuple[tuple[TagCondition, ...], ...] = ()

    def matches(self, tags: Mapping[str, str]) -> bool:
        """Whether the tags satisfy this rule."""
        if not all(condition.holds(tags) for condition in self.required):
            return False
        return not self.alternatives or any(
            all(condition.holds(tags) for condition in group) for group in self.alternatives
        )


@dataclass(frozen=True)
class ServiceMapping:
    """Service types in priority order, each with the rules that select it."""

    types: tuple[tuple[str, tuple[Rule, ...]], ...]
    source: str

    @property
    def keys(self) -> tuple[str, ...]:
        """Tag keys a service carries at least one of, for pre-filtering a file.

        A rule needs every key under ``all``, so one key per rule (the first) suffices.
        """
        return tuple(sorted({rule.required[0].key for _, rules in self.types for rule in rules}))

    def classify(self, tags: Mapping[str, str]) -> str | None:
        """The first service type with a rule the tags satisfy, or ``None``."""
        for service_type, rules in self.types:
            if any(rule.matches(tags) for rule in rules):
                return service_type
        return None


def load_service_mapping(path: str | Path | None = None) -> ServiceMapping:
    """Read and validate a service-type mapping (the packaged default when ``path`` is None).

    Raises
    ------
    ConfigError
        The file is missing, not YAML, or breaks the format described in
        ``service_types.yaml``.
    """
    path = DEFAULT_MAPPING_PATH if path is None else Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"service mapping {str(path)!r}: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise ConfigError(
            f"service mapping {str(path)!r} is not valid YAML: {str(error).splitlines()[0]}"
        ) from None
    return parse_service_mapping(document, source=str(path))


def parse_service_mapping(document: object, *, source: str) -> ServiceMapping:
    """Validate an already-parsed mapping document (see ``service_types.yaml``)."""
    where = f"service mapping {source!r}"
    if not isinstance(document, dict) or not isinstance(document.get("service_types"), list):
        raise ConfigError(f"{where}: expected a 'service_types' list")
    types = []
    for position, entry in enumerate(document["service_types"], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("type"), str):
            raise ConfigError(f"{where}: entry {position} has no 'type'")
        rules = entry.get("rules")
        if not isinstance(rules, list) or not rules:
            raise ConfigError(f"{where}: type {entry['type']!r} has no 'rules' list")
        types.append(
            (
                entry["type"],
                tuple(_rule(rule, f"{where}, type {entry['type']!r}") for rule in rules),
            )
        )
    return ServiceMapping(types=tuple(types), source=source)


def _rule(rule: object, where: str) -> Rule:
    if not isinstance(rule, dict) or set(rule) - {"all", "any"} or "all" not in rule:
        raise ConfigError(f"{where}: a rule needs 'all' (and optionally 'any'), got {rule!r}")
    alternatives = rule.get("any", [])
    if not isinstance(alternatives, list):
        raise ConfigError(f"{where}: 'any' must be a list of conditions")
    return Rule(
        required=_conditions(rule["all"], where),
        alternatives=tuple(_conditions(group, where) for group in alternatives),
    )


def _conditions(conditions: object, where: str) -> tuple[TagCondition, ...]:
    if not isinstance(conditions, dict) or not conditions:
        raise ConfigError(f"{where}: conditions must be a non-empty mapping, got {conditions!r}")
    return tuple(_condition(str(key), value, where) for key, value in conditions.items())


def _condition(key: str, value: object, where: str) -> TagCondition:
    value = _scalar_text(value)
    if isinstance(value, list):
        value = [_scalar_text(v) for v in value]
    if value == "*":
        return TagCondition(key, "equals")
    if isinstance(value, str):
        return TagCondition(key, "equals", (value,))
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return TagCondition(key, "equals", tuple(value))
    if isinstance(value, dict) and len(value) == 1:
        ((operator, operand),) = value.items()
        if isinstance(operand, list):
            operand = [_scalar_text(v) for v in operand]
        else:
            operand = _scalar_text(operand)
        if operator == "contains":
            items = [operand] if isinstance(operand, str) else operand
            if isinstance(items, list) and items and all(isinstance(v, str) for v in items):
                return TagCondition(key, "contains", tuple(items))
        elif operator == "matches" and isinstance(operand, str):
            try:
                return TagCondition(key, "matches", (operand,), re.compile(operand, re.IGNORECASE))
            except re.error as error:
                raise ConfigError(f"{where}: bad regex {operand!r} for {key!r}: {error}") from None
    raise ConfigError(f"{where}: cannot read condition {key!r}: {value!r}")


def _scalar_text(value: object) -> object:
    """YAML reads ``yes``/``no`` as booleans and ``5`` as a number; OSM tags are text."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return str(value)
    return value
