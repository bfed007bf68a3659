"""Reader for a 2D building register layer (``Rakennukset_alue_rekisteritiedot``).

The first catalogs' city publishes on its open WFS (the catalogs' ``building_register``)
building footprints with register attributes as
``avoindata:Rakennukset_alue_rekisteritiedot``. Field names as requested by public clients
of that layer (``propertyName=vtj_prt,tyyppi,tila,i_raktilav,i_nkoord,i_ekoord,i_kokala,
i_kerrosala,i_kerrlkm,i_kellarala,i_huoneistojen_lkm,d_ashuoala,c_valmpvm,
c_kiinteistotunnus,c_hissi,katunimi_suomi,osoitenumero,postinumero,…``). The layer has no
height attribute. The use fields ``c_kayttark`` (use code) and ``kayttotarkoitus`` (use
text) are read when present.

The output has the columns of the twin's ``buildings`` layer (as
:mod:`dikas.sources.citygml` produces them), in EPSG:3067:

=================  ==========================================================
``building_id``    ``vtj_prt``, else the feature's ``id``/row number
``source``         ``"building_register"``
``permanent_id``   ``vtj_prt``
``height_m``       NA (not in the register)
``floors``         ``i_kerrlkm``; ``0`` means "not recorded" and becomes NA
``use``            ``kayttotarkoitus`` (NA when absent)
``use_code``       ``c_kayttark`` (NA when absent)
``year_built``     first four-digit year in ``c_valmpvm`` (completion date)
``floor_area_m2``  ``i_kerrosala`` (``0`` becomes NA)
``address``        ``katunimi_suomi`` + ``osoitenumero``
``roof_type``      NA
``ground_z``       NA
=================  ==========================================================
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.errors import DataError
from dikas.sources.citygml import COLUMNS
from dikas.sources.vector import GeometryReport, clean_geometries, read_vector, to_twin_crs

SOURCE = "building_register"


def _number(frame: pd.DataFrame, column: str, *, zero_is_missing: bool) -> pd.Series:
    if column not in frame.columns:
        return pd.Series(np.nan, index=frame.index)
    values = pd.to_numeric(frame[column], errors="coerce")
    if zero_is_missing:
        values = values.mask(values == 0)
    return values.mask(values < 0)


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series(pd.NA, index=frame.index, dtype="string")
    values = frame[column].astype("string").str.strip()
    return values.mask(values == "")


def read_building_register(
    path: Path | str, *, dataset: str | None = None, assumed_crs: str | None = None
) -> tuple[gpd.GeoDataFrame, GeometryReport]:
    """Read register footprints into the ``buildings`` layer columns (module doc)."""
    frame = read_vector(path, dataset=dataset)
    known = {"vtj_prt", "i_kerrlkm", "c_valmpvm", "i_kerrosala", "katunimi_suomi"}
    if not known & set(frame.columns):
        raise DataError(
            "no building register fields (vtj_prt, i_kerrlkm, c_valmpvm, …); "
            "not a building register layer?",
            dataset=dataset,
            path=path,
        )
    frame = to_twin_crs(frame, dataset=dataset, path=path, assumed_crs=assumed_crs)
    frame, report = clean_geometries(frame, dataset=dataset, path=path)
    permanent = _text(frame, "vtj_prt")
    fallback = (
        frame["id"].astype("string")
        if "id" in frame.columns
        else pd.Series(
            [f"{SOURCE}.{i + 1}" for i in range(len(frame))], index=frame.index, dtype="string"
        )
    )
    street, number = _text(frame, "katunimi_suomi"), _text(frame, "osoitenumero")
    address = (street + " " + number.fillna("")).str.strip().mask(street.isna())
    years = _text(frame, "c_valmpvm").str.extract(r"(\d{4})", expand=False)
    out = pd.DataFrame(
        {
            "building_id": permanent.fillna(fallback),
            "source": SOURCE,
            "permanent_id": permanent,
            "height_m": np.nan,
            "floors": _number(frame, "i_kerrlkm", zero_is_missing=True).round(),
            "use": _text(frame, "kayttotarkoitus"),
            "use_code": _text(frame, "c_kayttark"),
            "year_built": pd.to_numeric(years, errors="coerce"),
            "floor_area_m2": _number(frame, "i_kerrosala", zero_is_missing=True),
            "address": address,
            "roof_type": pd.NA,
            "ground_z": np.nan,
        },
        index=frame.index,
    )
    if out["building_id"].duplicated().any():
        duplicate = out.loc[out["building_id"].duplicated(), "building_id"].iloc[0]
        raise DataError(f"duplicate building id {duplicate!r}", dataset=dataset, path=path)
    out = out.astype(
        {
            "building_id": "string",
            "source": "string",
            "permanent_id": "string",
            "height_m": "Float64",
            "floors": "Int64",
            "use": "string",
            "use_code": "string",
            "year_built": "Int64",
            "floor_area_m2": "Float64",
            "address": "string",
            "roof_type": "string",
            "ground_z": "Float64",
        }
    )
    return gpd.GeoDataFrame(
        out[list(COLUMNS)], geometry=frame.geometry.to_numpy(), crs=frame.crs
    ), report
