"""The organisers' raw export of a survey: one row per answer, with the place drawn (in
WGS84), the units it was linked to, and the survey's attribution and licence on every row.

GeoPackage (QGIS/GDAL read it; layer ``survey_answers``), CSV (geometry as WKT) or XLSX
(openpyxl; sheets ``answers`` and ``about``). Raw places identify people's haunts: this
export is for organisers only (the API puts it behind the organiser/moderator role).
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from dikas.errors import ParameterError
from dikas.surveys.store import StoredSurvey, SurveyStore

FORMATS = ("gpkg", "csv", "xlsx")
"""Export formats."""


def answer_table(stored: StoredSurvey, store: SurveyStore) -> gpd.GeoDataFrame:
    """Every answer of the survey joined with its response, attribution and licence."""
    survey = stored.survey
    answers = store.answers(survey.id)
    responses = store.responses(survey.id)
    table = answers.merge(responses, on="response_id", how="left")
    table.insert(0, "survey_id", survey.id)
    table["value"] = [
        None if v is None else (v if isinstance(v, str) else json.dumps(v)) for v in table["value"]
    ]
    table["attribution"] = survey.attribution
    table["licence"] = survey.licence
    geometry = [None if w is None else shapely.from_wkt(w) for w in table.pop("geometry")]
    return gpd.GeoDataFrame(table, geometry=geometry, crs="EPSG:4326")


def write_export(stored: StoredSurvey, store: SurveyStore, out: Path, fmt: str) -> int:
    """Write the export to ``out``; the number of answer rows."""
    if fmt not in FORMATS:
        raise ParameterError(f"format {fmt!r}: choose one of {', '.join(FORMATS)}")
    table = answer_table(stored, store)
    out = Path(out)
    if fmt == "gpkg":
        # GDAL needs at least one geometry type; area-only answers keep a NULL geometry
        table.to_file(out, layer="survey_answers", driver="GPKG", engine="pyogrio")
    elif fmt == "csv":
        plain = pd.DataFrame(table.drop(columns="geometry"))
        plain["geometry_wkt"] = [None if g is None else g.wkt for g in table.geometry]
        plain.to_csv(out, index=False)
    else:
        from openpyxl import Workbook

        plain = pd.DataFrame(table.drop(columns="geometry"))
        plain["geometry_wkt"] = [None if g is None else g.wkt for g in table.geometry]
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "answers"
        sheet.append(list(plain.columns))
        for row in plain.itertuples(index=False):
            sheet.append(
                [None if pd.isna(v) else (v.item() if hasattr(v, "item") else v) for v in row]
            )
        about = book.create_sheet("about")
        for key, value in (
            ("survey", stored.survey.id),
            ("version", stored.survey.version),
            ("title", stored.survey.title["en"]),
            ("attribution", stored.survey.attribution),
            ("licence", stored.survey.licence),
        ):
            about.append([key, value])
        book.save(out)
    return len(table)
