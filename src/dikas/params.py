"""Parameters of the ``compute_*`` functions: a frozen dataclass, or a plain dict of its fields.

Every compute function takes its parameters as one frozen dataclass with the command line's
defaults (``AccessParams(mode="bike")``), or as a mapping of some of its fields
(``{"mode": "bike"}``), or ``None`` for all defaults. :func:`coerce_params` turns any of these
into the dataclass and names unknown keys, so a misspelt parameter is an error and never
silently the default.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, TypeVar

from dikas.errors import ParameterError

P = TypeVar("P")


def coerce_params(kind: type[P], params: P | Mapping[str, Any] | None) -> P:
    """``params`` as an instance of the dataclass ``kind``.

    A mapping is checked against ``kind``'s fields (unknown keys raise a
    :class:`ParameterError` naming them and the known ones); sequences given for tuple
    fields are made tuples, so the result stays hashable and frozen.
    """
    if params is None:
        return kind()
    if isinstance(params, kind):
        return params
    if not isinstance(params, Mapping):
        raise ParameterError(f"{kind.__name__} or a dict expected, not {type(params).__name__}")
    fields = {f.name: f for f in dataclasses.fields(kind)}  # type: ignore[arg-type]
    unknown = [str(k) for k in params if k not in fields]
    if unknown:
        raise ParameterError(
            f"unknown {kind.__name__} parameter(s) "
            f"{', '.join(map(repr, unknown))}; known: {', '.join(fields)}"
        )
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
    return kind(**values)


def as_dict(params: object) -> dict[str, Any]:
    """The fields of a parameter dataclass as a plain dict (for provenance)."""
    if not dataclasses.is_dataclass(params) or isinstance(params, type):
        raise TypeError("as_dict() should be called on dataclass instances")
    return dataclasses.asdict(params)
