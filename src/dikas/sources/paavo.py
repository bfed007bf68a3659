"""Reader for Statistics Finland's Paavo (open data by postal code area).

The files carry Paavo variables under their English PxWeb labels. The reader renames them
to stable snake_case names listed in ``paavo_variables.csv`` (label, name, Paavo code), so
code and users may use either the readable name (``inhabitants_total``) or the Paavo code
(``he_vakiy``). The year is taken from the catalog entry (file), never from the file's
``year`` column, which is known to be wrong upstream. Statistics Finland's protection
marker ``-1`` becomes a missing value.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import geopandas as gpd

from dikas.errors import DataError, ParameterError
from dikas.sources.vector import (
    GeometryReport,
    clean_geometries,
    read_vector,
    to_number,
    to_twin_crs,
)

PROTECTED_VALUE = -1
"""Statistics Finland's marker for values withheld for privacy."""

KEY_COLUMNS = ("postal_code", "name")


@dataclass(frozen=True)
class PaavoVariable:
    """One Paavo variable: its PxWeb English label, snake_case name and Paavo code."""

    label: str
    name: str
    code: str


@cache
def paavo_variables() -> tuple[PaavoVariable, ...]:
    """The documented label → name → code mapping shipped with the package."""
    text = (resources.files("dikas.sources") / "paavo_variables.csv").read_text("utf-8")
    return tuple(PaavoVariable(**row) for row in csv.DictReader(text.splitlines()))


def code_aliases() -> dict[str, str]:
    """Paavo short code → snake_case column name (``he_vakiy`` → ``inhabitants_total``)."""
    return {v.code: v.name for v in paavo_variables()}


def resolve_column(name: str) -> str:
    """The twin column for a snake_case name or a Paavo code; unknown names pass through."""
    return code_aliases().get(name, name)


def require_known(names: list[str], available: list[str]) -> list[str]:
    """Resolve aliases and raise :class:`ParameterError` for columns the layer lacks."""
    resolved = [resolve_column(n) for n in names]
    unknown = [n for n, r in zip(names, resolved, strict=True) if r not in available]
    if unknown:
        raise ParameterError(f"unknown column(s) {', '.join(map(repr, unknown))}; "
                             "use a snake_case name or a Paavo code (see `dikas info`)")
    return resolved


def read_paavo(path: Path | str, *, year: int, dataset: str | None = None
               ) -> tuple[gpd.GeoDataFrame, GeometryReport]:
    """Read one Paavo year into the ``areas`` layer schema (EPSG:3067)."""
    variables = paavo_variables()
    labels = [v.label for v in variables]
    frame = read_vector(path, dataset=dataset, required=[*KEY_COLUMNS, labels[0]])
    present = [v for v in variables if v.label in frame.columns]
    if len(present) < len(variables) // 2:
        raise DataError(f"only {len(present)} of {len(variables)} Paavo variables found; "
                        "not a Paavo 12f7 file?", dataset=dataset, path=path)
    frame = to_number(frame, [v.label for v in present], dataset=dataset, path=path,
                      missing_values=[PROTECTED_VALUE])
    frame = frame.rename(columns={v.label: v.name for v in present})
    frame["postal_code"] = frame["postal_code"].astype(str).str.zfill(5)
    if frame["postal_code"].duplicated().any():
        raise DataError("duplicate postal codes", dataset=dataset, path=path)
    frame["year"] = int(year)
    frame = to_twin_crs(frame, dataset=dataset, path=path)
    frame, report = clean_geometries(frame, dataset=dataset, path=path)
    columns = ["postal_code", "year", "name", *[v.name for v in present], "geometry"]
    return gpd.GeoDataFrame(frame[columns], geometry="geometry", crs=frame.crs), report
