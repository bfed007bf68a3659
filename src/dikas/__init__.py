"""DikaS: the social dimension of a city's digital twin.

The package follows one data flow, visible in its folders:
``sources`` → ``twin`` → indicators (``segregation``, ``accessibility``, ``climate``)
→ ``scenarios`` → outputs (``cli``, ``api``, ``report``).

Everything the command line computes is one call away, with the same numbers::

    import dikas
    twin = dikas.open("twin.duckdb")
    batch = dikas.compute_vulnerability(twin, {"level": "areas"})
    batch.value("vulnerability_heat", "00100")

The ``compute_*`` functions are imported on first use (no import-time work).
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dikas.accessibility.compute import compute_access, compute_equity
    from dikas.climate.compute import (
        compute_flood,
        compute_green,
        compute_heat,
        compute_vulnerability,
    )
    from dikas.segregation.compute import (
        compute_local_segregation,
        compute_segregation,
        compute_segregation_trend,
    )
    from dikas.twin.store import Twin

COMPUTE_FUNCTIONS = {
    "compute_access": "dikas.accessibility.compute",
    "compute_equity": "dikas.accessibility.compute",
    "compute_segregation": "dikas.segregation.compute",
    "compute_local_segregation": "dikas.segregation.compute",
    "compute_segregation_trend": "dikas.segregation.compute",
    "compute_heat": "dikas.climate.compute",
    "compute_vulnerability": "dikas.climate.compute",
    "compute_flood": "dikas.climate.compute",
    "compute_green": "dikas.climate.compute",
}
"""The package's compute functions and the module each lives in."""

try:
    __version__ = version("dikas")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"


def open(path: str, *, read_only: bool = True) -> Twin:
    """Open a twin file and return a :class:`dikas.twin.store.Twin`."""
    from dikas.twin.store import Twin

    return Twin.open(path, read_only=read_only)


def __getattr__(name: str) -> Any:
    """``dikas.compute_access`` and the other compute functions, imported when first used."""
    if name in COMPUTE_FUNCTIONS:
        return getattr(import_module(COMPUTE_FUNCTIONS[name]), name)
    raise AttributeError(f"module 'dikas' has no attribute {name!r}")


__all__ = [
    "__version__",
    "compute_access",
    "compute_equity",
    "compute_flood",
    "compute_green",
    "compute_heat",
    "compute_local_segregation",
    "compute_segregation",
    "compute_segregation_trend",
    "compute_vulnerability",
    "open",
]
