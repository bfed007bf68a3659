"""The stored indicators as wide layers: one row per unit, one column per indicator and
population group, with the level's geometry and attributes (what QGIS users open).

The twin keeps indicators long (``indicator, level, unit_id, year, population_group,
value``). :func:`wide_layers` pivots them per level and year onto the level's layer (areas of
that year; undated indicators on the latest areas), giving every column a name that is safe
in a GeoPackage (lower-case ASCII letters, digits and ``_``, starting with a letter, at most
:data:`MAX_NAME` characters, unique in the layer) and a description row saying which
indicator and population group it holds, its label, method, unit and parameters. The layer's
own boolean columns stay booleans (nullable where the twin has NULLs). Everything passes
:func:`dikas.twin.privacy.publish` on whole rows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from dikas.errors import ParameterError, TwinError
from dikas.sources.paavo import paavo_variables
from dikas.twin.privacy import counts_people, publish
from dikas.twin.schema import LEVELS
from dikas.twin.schema import level as level_of
from dikas.twin.store import Twin

MAX_NAME = 60
"""Longest column name written (GeoPackage readers differ; 60 stays within all of them)."""
EXPORT_LEVELS = tuple(name for name, lvl in LEVELS.items() if lvl.layer is not None)
"""Levels with a layer to take geometry from."""
METADATA_COLUMNS = (
    "layer",
    "column",
    "source",
    "indicator",
    "population_group",
    "label",
    "method",
    "unit",
    "year",
    "parameters",
)
"""Columns of the companion table describing every exported column."""
UNITS = {
    "min": "min",
    "minutes": "min",
    "share": "share (0–1)",
    "m2": "m²",
    "m": "m",
    "km": "km",
    "count": "count",
    "residents": "persons",
    "inhabitants": "persons",
    "population": "persons",
    "persons": "persons",
    "people": "persons",
}
"""Unit read from a word of an indicator's name (the last word that names one; blank if
none: indices are unitless)."""


@dataclass(frozen=True)
class WideLayer:
    """One exported layer and the description of its columns."""

    name: str
    level: str
    year: int | None
    frame: gpd.GeoDataFrame
    columns: pd.DataFrame
    """One row per column: :data:`METADATA_COLUMNS`."""


def safe_name(text: str) -> str:
    """A GeoPackage-safe column name for ``text`` (not yet unique)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    name = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")
    if not name or not name[0].isalpha():
        name = f"c_{name}"
    return name[:MAX_NAME].rstrip("_")


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        suffix = f"_{n}"
        candidate = name[: MAX_NAME - len(suffix)] + suffix
        n += 1
    taken.add(candidate)
    return candidate


def _label(indicator: str) -> str:
    return indicator.replace("_", " ").strip().capitalize()


def _unit(indicator: str) -> str:
    return next((UNITS[w] for w in reversed(indicator.lower().split("_")) if w in UNITS), "")


def keep_booleans(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns holding only booleans (and NULLs) as ``bool`` (``boolean`` with NULLs)."""
    out = frame.copy()
    geometry = out.geometry.name if isinstance(out, gpd.GeoDataFrame) else None
    for column in out.columns:
        series = out[column]
        if column == geometry or series.dtype == bool:
            continue
        if series.dtype == object:
            present = series.dropna()
            if len(present) and present.map(lambda v: isinstance(v, bool)).all():
                out[column] = series.astype("boolean")
        if str(out[column].dtype) == "boolean" and not out[column].isna().any():
            out[column] = out[column].astype(bool)
    return out


def _units(twin: Twin, level: str, year: int | None) -> gpd.GeoDataFrame:
    spec = level_of(level)
    assert spec.layer is not None
    if not twin.has_layer(spec.layer):
        raise TwinError(f"twin {str(twin.path)!r}: no layer {spec.layer!r} for level {level!r}")
    chosen = None
    if spec.yearly:
        years = twin.years(spec.layer)
        chosen = year if year in years else (years[-1] if years else None)
    frame = twin.read(spec.layer, year=chosen)
    if "year" in frame.columns and spec.yearly:
        frame = frame.drop(columns=["year"])
    return frame


def wide_layers(
    twin: Twin,
    *,
    levels: Iterable[str] | None = None,
    year: int | None = None,
    min_count: int | None = None,
) -> list[WideLayer]:
    """Every (level, year) of the stored indicators as a :class:`WideLayer`.

    ``levels`` default to every level with indicators and a layer; ``year`` keeps only that
    year (undated indicators, e.g. of grid cells, are kept too: they have no other year).
    """
    stored = twin.indicators()
    wanted = list(levels) if levels is not None else list(EXPORT_LEVELS)
    for name in wanted:
        if level_of(name).layer is None:
            raise ParameterError(f"level {name!r} has no layer to export indicators on")
    stored = stored[stored["level"].isin(wanted)]
    if year is not None:
        stored = stored[stored["year"].isna() | (stored["year"] == year)]
    if stored.empty:
        scope = ", ".join(wanted) + (f", year {year}" if year is not None else "")
        raise ParameterError(
            f"twin {str(twin.path)!r} has no stored indicators for {scope}; "
            "compute some first (e.g. `dikas climate heat`)"
        )
    stored = stored.assign(population_group=stored["population_group"].fillna("all"))
    paavo_labels = {v.name: v.label for v in paavo_variables()}
    layers = []
    for (level, year_value), rows in stored.groupby(
        ["level", stored["year"].astype("Int64").fillna(-1)], sort=True
    ):
        dated = None if int(year_value) < 0 else int(year_value)
        layers.append(_wide_layer(twin, str(level), dated, rows, paavo_labels, min_count=min_count))
    return layers


def _wide_layer(
    twin: Twin,
    level: str,
    year: int | None,
    rows: pd.DataFrame,
    paavo_labels: dict[str, str],
    *,
    min_count: int | None,
) -> WideLayer:
    key = level_of(level).key
    name = f"{level}_{year}" if year is not None else level
    units = _units(twin, level, year)
    taken = {safe_name(str(c)) for c in units.columns}
    units = units.rename(
        columns={c: safe_name(str(c)) for c in units.columns if c != units.geometry.name}
    )
    safe_key = safe_name(key)
    described = [
        {
            "layer": name,
            "column": safe_name(str(c)),
            "source": "layer",
            "indicator": None,
            "population_group": None,
            "label": paavo_labels.get(str(c), _label(str(c))),
            "method": None,
            "unit": None,
            "year": year,
            "parameters": None,
        }
        for c in units.columns
        if c != units.geometry.name
    ]
    rows = rows.sort_values(["indicator", "population_group"])
    wide = rows.pivot_table(
        index="unit_id",
        columns=["indicator", "population_group"],
        values="value",
        aggfunc="last",
        dropna=False,
    )
    first = rows.drop_duplicates(["indicator", "population_group"]).set_index(
        ["indicator", "population_group"]
    )
    renamed = {}
    for indicator, group in wide.columns:
        base = indicator if group == "all" else f"{indicator}__{group}"
        column = _unique(safe_name(base), taken)
        renamed[(indicator, group)] = column
        info = first.loc[(indicator, group)]
        described.append(
            {
                "layer": name,
                "column": column,
                "source": "indicator",
                "indicator": indicator,
                "population_group": group,
                "label": _label(indicator)
                + ("" if group == "all" else f" ({_label(group).lower()})"),
                "method": info["method"],
                "unit": _unit(indicator),
                "year": year,
                "parameters": info["parameters"],
            }
        )
    wide.columns = [renamed[c] for c in wide.columns]
    units[safe_key] = units[safe_key].astype(str)
    frame = units.merge(wide, how="left", left_on=safe_key, right_index=True)
    frame = gpd.GeoDataFrame(frame, geometry=units.geometry.name, crs=units.crs)
    counts = [renamed[(i, g)] for i, g in renamed if counts_people(str(i))]
    frame = gpd.GeoDataFrame(
        publish(frame, level=level, min_count=min_count, counts=counts),
        geometry=units.geometry.name,
        crs=units.crs,
    )
    return WideLayer(
        name,
        level,
        year,
        keep_booleans(frame),
        pd.DataFrame(described, columns=list(METADATA_COLUMNS)).astype({"year": "Int64"}),
    )
