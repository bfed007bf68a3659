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
    require_columns,
    to_number,
    to_twin_crs,
)

PROTECTED_VALUE = -1
"""Statistics Finland's marker for values withheld for privacy."""

KEY_COLUMNS = ("postal_code", "name")

WFS_KEY_COLUMNS = {
    "postinumeroalue": "postal_code",
    "nimi": "name",
    "namn": "name_sv",
    "kunta": "municipality",
}
"""Statistics Finland's WFS (``postialue:pno_tilasto_YYYY``) key property → twin column."""


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
        raise ParameterError(
            f"unknown column(s) {', '.join(map(repr, unknown))}; "
            "use a snake_case name or a Paavo code (see `dikas info`)"
        )
    return resolved


def read_paavo(
    path: Path | str, *, year: int, dataset: str | None = None
) -> tuple[gpd.GeoDataFrame, GeometryReport]:
    """Read one Paavo year into the ``areas`` layer schema (EPSG:3067).

    Two schemas are accepted:

    * the PxWeb export with English labels (``postal_code``, ``name``, ``Inhabitants,
      total (HE)`` …), as in the staged files;
    * Statistics Finland's WFS ``postialue:pno_tilasto_YYYY`` (geo.stat.fi GeoServer),
      whose properties are the Paavo short codes (``he_vakiy`` …) plus
      ``postinumeroalue``, ``nimi``, ``namn`` (Swedish name), ``kunta`` (municipality code)
      and ``vuosi``. ``namn`` and ``kunta`` are kept as ``name_sv`` and ``municipality``.
      The field list is Statistics Finland's Paavo documentation ("Paavo – open data by
      postal code area", variables by short code), as also used by public clients of
      ``https://geo.stat.fi/geoserver/postialue/wfs``.

    Either way ``-1`` (protected) becomes missing and the year is the catalog's.
    """
    variables = paavo_variables()
    frame = read_vector(path, dataset=dataset)
    if "postinumeroalue" in frame.columns:
        require_columns(
            frame, ["postinumeroalue", "nimi", variables[0].code], dataset=dataset, path=path
        )
        source_of = {v.name: v.code for v in variables}
        frame = frame.rename(columns=WFS_KEY_COLUMNS)
        extra = [c for c in ("name_sv", "municipality") if c in frame.columns]
        if "municipality" in frame.columns:
            frame["municipality"] = frame["municipality"].astype(str).str.zfill(3)
    else:
        require_columns(frame, [*KEY_COLUMNS, variables[0].label], dataset=dataset, path=path)
        source_of = {v.name: v.label for v in variables}
        extra = []
    present = [v for v in variables if source_of[v.name] in frame.columns]
    if len(present) < len(variables) // 2:
        raise DataError(
            f"only {len(present)} of {len(variables)} Paavo variables found; "
            "not a Paavo 12f7 file?",
            dataset=dataset,
            path=path,
        )
    frame = to_number(
        frame,
        [source_of[v.name] for v in present],
        dataset=dataset,
        path=path,
        missing_values=[PROTECTED_VALUE],
    )
    frame = frame.rename(columns={source_of[v.name]: v.name for v in present})
    frame["postal_code"] = frame["postal_code"].astype(str).str.zfill(5)
    if frame["postal_code"].duplicated().any():
        raise DataError("duplicate postal codes", dataset=dataset, path=path)
    frame["year"] = int(year)
    frame = to_twin_crs(frame, dataset=dataset, path=path)
    frame, report = clean_geometries(frame, dataset=dataset, path=path)
    columns = ["postal_code", "year", "name", *extra, *[v.name for v in present], "geometry"]
    return gpd.GeoDataFrame(frame[columns], geometry="geometry", crs=frame.crs), report
