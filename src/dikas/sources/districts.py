"""Reader for a city's statistical district divisions (major / basic / sub-districts).

The first catalogs' city publishes its divisions on its open WFS (the catalogs'
``districts_*`` datasets) as ``avoindata:Piirijako_suurpiiri``
(major districts), ``avoindata:Piirijako_peruspiiri`` (basic districts) and
``avoindata:Piirijako_osaalue`` (sub-districts), each with ``tunnus`` (the district
number), ``nimi_fi`` and ``nimi_se`` (Finnish and Swedish names) and, on most layers,
``kokotunnus`` (the full code). Layer and field names as used by the City's own importer
(the city's django-munigeo configuration: ``wfs_layer:
avoindata:Piirijako_suurpiiri``, ``name: {fi: nimi_fi, sv: nimi_se}``, ``origin_id:
tunnus``). The field names are options, so another city's layers read the same way.

Output, in EPSG:3067: ``district_id`` (the published number, as text; unique within a
level), ``name``, ``name_sv``, ``level`` (``major`` / ``basic`` / ``sub``), ``parent_id``
(the ``district_id`` of the next level up that contains the district's representative
point, when that level is given) and ``geometry``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import pandas as pd

from dikas.errors import DataError, ParameterError
from dikas.sources.vector import GeometryReport, clean_geometries, read_vector, to_twin_crs

LEVELS = ("major", "basic", "sub")
"""District levels from the coarsest down."""

LEVEL_ALIASES = {
    "suurpiiri": "major",
    "peruspiiri": "basic",
    "osaalue": "sub",
    "osa-alue": "sub",
    **{level: level for level in LEVELS},
}
"""Finnish division names (as in the layer names) → level."""

COLUMNS = ("district_id", "name", "name_sv", "level", "parent_id", "geometry")


def level_of(name: str) -> str:
    """The level of ``major``/``basic``/``sub`` or a division layer name such as
    ``avoindata:Piirijako_peruspiiri``."""
    key = name.rsplit(":", 1)[-1].lower().removeprefix("piirijako_")
    if key not in LEVEL_ALIASES:
        raise ParameterError(
            f"unknown district level {name!r}; use one of "
            f"{', '.join(LEVELS)} (or suurpiiri/peruspiiri/osaalue)"
        )
    return LEVEL_ALIASES[key]


def read_districts(
    path: Path | str,
    *,
    level: str,
    dataset: str | None = None,
    id_field: str = "tunnus",
    name_field: str = "nimi_fi",
    name_sv_field: str | None = "nimi_se",
    parent: gpd.GeoDataFrame | None = None,
    assumed_crs: str | None = None,
) -> tuple[gpd.GeoDataFrame, GeometryReport]:
    """Read one district level (see the module doc); ``parent`` links each to its parent."""
    level = level_of(level)
    frame = read_vector(path, dataset=dataset, required=[id_field, name_field])
    frame = to_twin_crs(frame, dataset=dataset, path=path, assumed_crs=assumed_crs)
    frame, report = clean_geometries(frame, dataset=dataset, path=path)
    ids = frame[id_field].astype(str).str.strip()
    if (ids == "").any() or frame[id_field].isna().any():
        raise DataError(f"districts without a {id_field!r}", dataset=dataset, path=path)
    if ids.duplicated().any():
        raise DataError(
            f"duplicate district {id_field!r} {ids[ids.duplicated()].iloc[0]!r}",
            dataset=dataset,
            path=path,
        )
    out = gpd.GeoDataFrame(
        {
            "district_id": ids.to_numpy(),
            "name": frame[name_field].astype(str).to_numpy(),
            "name_sv": (
                frame[name_sv_field].astype("string").to_numpy()
                if name_sv_field and name_sv_field in frame.columns
                else pd.array([pd.NA] * len(frame), dtype="string")
            ),
            "level": level,
            "parent_id": pd.array([pd.NA] * len(frame), dtype="string"),
        },
        geometry=frame.geometry.to_numpy(),
        crs=frame.crs,
    )
    if parent is not None:
        out["parent_id"] = assign_parents(out, parent)
    return out[list(COLUMNS)], report


def assign_parents(children: gpd.GeoDataFrame, parents: gpd.GeoDataFrame) -> pd.Series:
    """The ``district_id`` of the parent containing each child's representative point."""
    points = gpd.GeoDataFrame(
        {"_row": range(len(children))},
        geometry=children.geometry.representative_point().to_numpy(),
        crs=children.crs,
    )
    joined = gpd.sjoin(
        points,
        parents[["district_id", "geometry"]].to_crs(children.crs),
        predicate="within",
        how="left",
    )
    joined = joined.drop_duplicates("_row").sort_values("_row")
    return pd.Series(joined["district_id"].astype("string").to_numpy(), index=children.index)


def read_district_levels(
    paths: Mapping[str, Path | str], *, dataset: str | None = None, **fields: str
) -> gpd.GeoDataFrame:
    """Read several levels (level → file) into one frame, each linked to the level above."""
    frames = []
    above: gpd.GeoDataFrame | None = None
    given = {level_of(k): v for k, v in paths.items()}
    for level in LEVELS:
        if level not in given:
            continue
        frame, _ = read_districts(
            given[level], level=level, dataset=dataset, parent=above, **fields
        )
        frames.append(frame)
        above = frame
    if not frames:
        raise ParameterError("no district level given")
    return gpd.GeoDataFrame(
        pd.concat(frames, ignore_index=True), geometry="geometry", crs=frames[0].crs
    )
