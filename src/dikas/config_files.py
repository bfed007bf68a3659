"""Reading the YAML configurations users write (vulnerability and index configurations):
one way to read a file, refuse what is not a mapping and turn a validation error into one
line naming the file and the key."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from dikas.errors import ConfigError

M = TypeVar("M", bound=BaseModel)


def read_mapping(source: Path, *, what: str) -> dict[str, Any]:
    """The YAML mapping in ``source``; a :class:`ConfigError` naming it (as ``what``) when it
    cannot be read, is not YAML or is not a mapping."""
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read {what} {str(source)!r}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: expected a mapping at the top level")
    return raw


def validate(model: type[M], raw: dict[str, Any], source: Path) -> M:
    """``raw`` checked against ``model``; the first problem as ``FILE: key.path: message``."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        message = " ".join(str(first["msg"]).split())
        raise ConfigError(f"{source}: {where + ': ' if where else ''}{message}") from exc
