"""Area and cell profiles: an area's key figures against the whole city, its age pyramid,
income and education, access to services, heat, vulnerability and trends.

City and district values aggregate the same quantity over every area of the year (of the
district: the areas lying mostly inside it): shares are ratios of totals (Σ numerator /
Σ denominator), averages and medians are weighted means of the area values (the city median
is not recoverable from area medians; the weighted mean of medians approximates it). Stored
area indicators are compared with their inhabitant-weighted city mean (counts of people with
their city sum), never with a plain mean of areas. Every key figure carries its rank among
the city's areas (1 = the highest value) and the registry's direction, so "k of N" can be
read as better or worse. Labels come from the indicator registry (:mod:`dikas.vocabulary`)
in the profile's language. Cell profiles publish through :func:`dikas.twin.privacy.publish`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from dikas.errors import ParameterError
from dikas.twin.privacy import counts_people, publish
from dikas.twin.source_coverage import reach_of_area
from dikas.twin.store import Twin
from dikas.vocabulary import describe


class ProfileNotFoundError(LookupError, ParameterError):
    """The requested area or cell is not in the twin."""


@dataclass(frozen=True)
class Ratio:
    """``Σ numerators / Σ denominators`` of a unit (and of the city)."""

    numerators: tuple[str, ...]
    denominators: tuple[str, ...]


@dataclass(frozen=True)
class WeightedMean:
    """The unit's own value; the city value weights unit values by ``weight``."""

    column: str
    weight: str


@dataclass(frozen=True)
class Figure:
    """A key figure of an area profile."""

    name: str
    label: str
    formula: Ratio | WeightedMean


AREA_FIGURES = (
    Figure("inhabitants_total", "Inhabitants", Ratio(("inhabitants_total",), ())),
    Figure("average_age", "Average age", WeightedMean("average_age", "inhabitants_total")),
    Figure(
        "median_income",
        "Median income of adults (€/year)",
        WeightedMean("median_income", "adults_income_total"),
    ),
    Figure(
        "unemployment_rate", "Unemployment rate", Ratio(("unemployed",), ("employed", "unemployed"))
    ),
    Figure(
        "low_income_share",
        "Share of adults in the lowest income class",
        Ratio(("lowest_income_inhabitants",), ("adults_income_total",)),
    ),
    Figure(
        "higher_education_share",
        "Share of adults with a university degree",
        Ratio(("lower_university_degree", "higher_university_degree"), ("adults_education_total",)),
    ),
    Figure(
        "elderly_share",
        "Share of inhabitants aged 65+",
        Ratio(
            ("age_65_69", "age_70_74", "age_75_79", "age_80_84", "age_85_plus"),
            ("inhabitants_total",),
        ),
    ),
    Figure(
        "children_share",
        "Share of children aged 0–14",
        Ratio(("children_0_14",), ("inhabitants_total",)),
    ),
    Figure(
        "rented_share",
        "Share of rented households",
        Ratio(("rented_households",), ("households_total",)),
    ),
)
TREND_FIGURES = (
    "inhabitants_total",
    "median_income",
    "unemployment_rate",
    "low_income_share",
    "higher_education_share",
)
INCOME_SHARES = {
    "lowest_share": "lowest_income_inhabitants",
    "middle_share": "middle_income_inhabitants",
    "highest_share": "highest_income_inhabitants",
}
EDUCATION_SHARES = {
    "basic_share": "basic_education",
    "matriculation_share": "matriculation",
    "vocational_share": "vocational_diploma",
    "lower_university_share": "lower_university_degree",
    "higher_university_share": "higher_university_degree",
}
CELL_AREA_M2 = 250.0 * 250.0
MODES = ("walk", "bike", "transit")
_AGE_BAND = re.compile(r"^age_(\d+)_(\d+|plus)$")


@dataclass(frozen=True)
class Profile:
    """Everything the profile panel and the report show about one area or cell."""

    id: str
    name: str
    level: str
    year: int | None
    key_figures: list[dict[str, Any]]
    age_pyramid: list[dict[str, Any]]
    income: dict[str, Any] | None
    education: dict[str, Any] | None
    accessibility: list[dict[str, Any]]
    heat: dict[str, Any] | None
    vulnerability: dict[str, Any] | None
    trends: list[dict[str, Any]]
    greenery: list[dict[str, Any]] = field(default_factory=list)
    accessibility_coverage: dict[str, float] = field(default_factory=dict)
    data_reach: list[dict[str, Any]] = field(default_factory=list)
    """Per source (street network, timetable, heat raster, services…): the share of the
    area's inhabitants inside its reach (:func:`dikas.twin.source_coverage.reach_of_area`)."""
    district: dict[str, str] | None = None
    """The district (``id``, ``name``) the area lies mostly in, where the twin has districts."""
    city_trends: list[dict[str, Any]] = field(default_factory=list)
    """The city's value of each trend figure in every year (same keys as ``trends``)."""
    language: str = "en"
    name_sv: str | None = None
    stored: list[dict[str, Any]] = field(default_factory=list)
    """The unit's stored indicators (latest year each) with registry labels."""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (``NaN`` → ``None``)."""
        return _clean({k: getattr(self, k) for k in self.__dataclass_fields__})


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if value is None or value is pd.NA:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value


def _evaluate(
    formula: Ratio | WeightedMean, unit: pd.DataFrame, city: pd.DataFrame
) -> tuple[float | None, float | None]:
    if isinstance(formula, WeightedMean):
        if formula.column not in unit or formula.weight not in city:
            return None, None
        value = pd.to_numeric(unit[formula.column], errors="coerce").iloc[0]
        values = pd.to_numeric(city[formula.column], errors="coerce")
        weights = pd.to_numeric(city[formula.weight], errors="coerce")
        ok = values.notna() & weights.notna() & (weights > 0)
        city_value = (
            float((values[ok] * weights[ok]).sum() / weights[ok].sum()) if ok.any() else None
        )
        return value, city_value
    columns = (*formula.numerators, *formula.denominators)
    if any(c not in unit for c in columns):
        return None, None
    return _ratio(unit, formula), _ratio(city, formula)


def _ratio(frame: pd.DataFrame, formula: Ratio) -> float | None:
    data = frame[list(dict.fromkeys((*formula.numerators, *formula.denominators)))].apply(
        pd.to_numeric, errors="coerce"
    )
    complete = data.notna().all(axis=1)
    if not complete.any():
        return None
    numerator = data.loc[complete, list(formula.numerators)].to_numpy().sum()
    if not formula.denominators:
        return float(numerator)
    denominator = data.loc[complete, list(formula.denominators)].to_numpy().sum()
    return float(numerator / denominator) if denominator > 0 else None


def _shares(
    row: pd.DataFrame, city: pd.DataFrame, parts: dict[str, str], total: str
) -> dict[str, Any] | None:
    if total not in row or any(c not in row for c in parts.values()):
        return None
    unit: dict[str, Any] = {k: _ratio(row, Ratio((c,), (total,))) for k, c in parts.items()}
    unit["city"] = {k: _ratio(city, Ratio((c,), (total,))) for k, c in parts.items()}
    return unit


def _figure_entry(figure: Figure, language: str) -> dict[str, Any]:
    info = describe(figure.name, language)
    return {
        "name": figure.name,
        "label": info.label if info.known else figure.label,
        "unit": info.unit,
        "percent": info.percent,
        "decimals": info.decimals,
        "direction": info.direction,
    }


def rank_of(value: float | None, values: pd.Series) -> tuple[int | None, int]:
    """``(k, N)``: ``value``'s rank among the finite ``values`` (1 = the highest) and N."""
    finite = pd.to_numeric(values, errors="coerce").dropna()
    if value is None or value != value:
        return None, len(finite)
    return int((finite > value).sum()) + 1, len(finite)


def _unit_values(formula: Ratio | WeightedMean, frame: pd.DataFrame) -> pd.Series:
    """The figure's value of every area of ``frame`` (for ranks), as :func:`_evaluate`
    computes it for one area."""
    if isinstance(formula, WeightedMean):
        if formula.column not in frame:
            return pd.Series(dtype=float)
        return pd.to_numeric(frame[formula.column], errors="coerce").astype(float)
    columns = list(dict.fromkeys((*formula.numerators, *formula.denominators)))
    if any(c not in frame for c in columns):
        return pd.Series(dtype=float)
    data = frame[columns].apply(pd.to_numeric, errors="coerce").astype(float)
    complete = data.notna().all(axis=1)
    numerator = data[list(formula.numerators)].sum(axis=1)
    if not formula.denominators:
        return numerator.where(complete)
    denominator = data[list(formula.denominators)].sum(axis=1)
    return (numerator / denominator.where(denominator > 0)).where(complete)


def area_districts(twin: Twin, year: int) -> dict[str, dict[str, str]]:
    """Postal code → the district (``id``, ``name``) covering most of the area, where the
    twin has districts; a district's figures aggregate the areas assigned to it."""
    if not (twin.has_layer("districts") and twin.has_layer("areas")):
        return {}
    parents = twin.largest_overlap("areas", "postal_code", "districts", "district_id", year=year)
    names = twin.read("districts", columns=["district_id", "name"])
    name_of = dict(zip(names["district_id"].astype(str), names["name"].astype(str), strict=True))
    return {
        code: {"id": district, "name": name_of.get(district, district)}
        for code, district in parents.items()
    }


def area_profile(
    twin: Twin,
    postal_code: str,
    *,
    year: int | None = None,
    language: str = "en",
    min_count: int = 10,
) -> Profile:
    """The profile of one postal code area in ``year`` (default: the latest Paavo year),
    against its district (where the twin has districts) and the city, labelled in
    ``language``."""
    years = twin.years("areas")
    year = years[-1] if year is None and years else year
    if year not in years:
        raise ParameterError(f"areas have no year {year}; years: {years}")
    areas = pd.DataFrame(twin.read("areas").drop(columns="geometry"))
    areas["postal_code"] = areas["postal_code"].astype(str)
    city = areas[areas["year"] == year]
    row = city[city["postal_code"] == postal_code]
    if row.empty:
        raise ProfileNotFoundError(f"no area {postal_code!r} in {year}")
    districts = area_districts(twin, year)
    district = districts.get(postal_code)
    district_rows = None
    if district is not None:
        members = {c for c, d in districts.items() if d["id"] == district["id"]}
        district_rows = city[city["postal_code"].isin(members)]
    figures = []
    for figure in AREA_FIGURES:
        value, city_value = _evaluate(figure.formula, row, city)
        rank, of = rank_of(value, _unit_values(figure.formula, city))
        figure_entry: dict[str, Any] = {
            **_figure_entry(figure, language),
            "value": value,
            "city_value": city_value,
            "rank": rank,
            "rank_of": of,
        }
        if district_rows is not None:
            figure_entry["district_value"] = _evaluate(figure.formula, row, district_rows)[1]
        figures.append(figure_entry)
    income = _shares(row, city, INCOME_SHARES, "adults_income_total")
    if income is not None:
        for column in ("median_income", "average_income"):
            value, city_value = _evaluate(WeightedMean(column, "adults_income_total"), row, city)
            income[column] = value
            income["city"][column] = city_value
    trends, city_trends = [], []
    for trend_year in years:
        everyone = areas[areas["year"] == trend_year]
        rows = everyone[everyone["postal_code"] == postal_code]
        city_trends.append(
            {
                "year": trend_year,
                **{
                    f.name: _evaluate(f.formula, everyone.head(1), everyone)[1]
                    for f in AREA_FIGURES
                    if f.name in TREND_FIGURES
                },
            }
        )
        if rows.empty:
            continue
        entry: dict[str, Any] = {"year": trend_year}
        for figure in AREA_FIGURES:
            if figure.name in TREND_FIGURES:
                entry[figure.name] = _evaluate(figure.formula, rows, everyone)[0]
        trends.append(entry)
    stored = _stored(twin, "areas", postal_code, min_count=min_count, areas=areas)
    return Profile(
        id=postal_code,
        name=str(row["name"].iloc[0]) if "name" in row else postal_code,
        level="areas",
        year=year,
        key_figures=figures,
        age_pyramid=_age_pyramid(row, city),
        income=income,
        education=_shares(row, city, EDUCATION_SHARES, "adults_education_total"),
        accessibility=_accessibility(twin, stored, "areas"),
        heat=_area_heat(twin, postal_code, stored),
        vulnerability=_matching(stored, "vulnerab"),
        trends=trends,
        greenery=_greenery(twin, "areas", postal_code),
        accessibility_coverage=_accessibility_coverage(twin, postal_code),
        data_reach=reach_of_area(twin, column="postal_code", unit_id=postal_code),
        district=district,
        city_trends=city_trends,
        language=language,
        name_sv=_swedish_name(row),
        stored=_stored_list(stored, language),
    )


def _swedish_name(row: pd.DataFrame) -> str | None:
    if "name_sv" not in row:
        return None
    value = row["name_sv"].iloc[0]
    return None if value is None or pd.isna(value) or not str(value) else str(value)


def _stored_list(stored: pd.DataFrame, language: str) -> list[dict[str, Any]]:
    """Stored indicators of the unit with their registry description (for reports)."""
    out = []
    for r in stored.itertuples():
        info = describe(str(r.indicator), language)
        out.append(
            {
                "id": str(r.indicator),
                "label": info.label,
                "challenge": info.challenge,
                "value": r.value,
                "city_value": r.city_value,
                "year": None if pd.isna(r.year) else int(r.year),
                "known": info.known,
            }
        )
    return out


def compare_profiles(
    twin: Twin,
    ids: list[str],
    *,
    year: int | None = None,
    language: str = "en",
    min_count: int = 10,
) -> dict[str, Any]:
    """Two or more postal areas side by side: each key figure of every area with its rank,
    its district's value and the city's, and every area's trend series over all years."""
    if len(ids) < 2:
        raise ParameterError("compare needs two or more areas (ids=00100,00200)")
    if len(set(ids)) != len(ids):
        raise ParameterError("compare: an area is named twice")
    profiles = [
        area_profile(twin, code, year=year, language=language, min_count=min_count) for code in ids
    ]
    first = profiles[0]
    figures = []
    for position, figure in enumerate(first.key_figures):
        figures.append(
            {
                **{
                    k: figure[k]
                    for k in ("name", "label", "unit", "percent", "decimals", "direction")
                },
                "city_value": figure["city_value"],
                "values": {
                    p.id: {
                        k: p.key_figures[position].get(k)
                        for k in ("value", "rank", "rank_of", "district_value")
                    }
                    for p in profiles
                },
            }
        )
    return _clean(
        {
            "level": "areas",
            "year": first.year,
            "language": language,
            "units": [
                {"id": p.id, "name": p.name, "name_sv": p.name_sv, "district": p.district}
                for p in profiles
            ],
            "figures": figures,
            "trends": {p.id: p.trends for p in profiles},
            "city_trends": first.city_trends,
        }
    )


def _age_pyramid(row: pd.DataFrame, city: pd.DataFrame) -> list[dict[str, Any]]:
    bands = [c for c in row.columns if _AGE_BAND.match(c)]
    unit_total = pd.to_numeric(row[bands].iloc[0], errors="coerce").sum()
    city_totals = city[bands].apply(pd.to_numeric, errors="coerce").sum()
    out = []
    for band in bands:
        low, high = _AGE_BAND.match(band).groups()  # type: ignore[union-attr]
        value = pd.to_numeric(row[band], errors="coerce").iloc[0]
        out.append(
            {
                "band": f"{low}+" if high == "plus" else f"{low}–{high}",
                "value": value,
                "share": value / unit_total if unit_total > 0 else None,
                "city_share": city_totals[band] / city_totals.sum()
                if city_totals.sum() > 0
                else None,
            }
        )
    return out


def _stored(
    twin: Twin, level: str, unit_id: str, *, min_count: int = 10, areas: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Stored indicator rows of one unit (latest year per indicator, group 'all') with the
    city value: at area level the inhabitant-weighted mean over the city's areas (the sum for
    counts of people), elsewhere the median over the level's units. Counts of people are
    published through :func:`dikas.twin.privacy.publish` (blanked under ``min_count`` at cell
    and building level)."""
    rows = twin.unit_indicators(level, unit_id)
    if rows.empty:
        return pd.DataFrame(columns=["indicator", "year", "value", "city_value"])
    every = twin.unit_indicators(level)
    every = every[every["indicator"].isin(set(rows["indicator"]))]
    city = _city_values(every, level, areas)
    rows = rows.merge(city, on=["indicator", "year"], how="left")
    counted = rows["indicator"].map(counts_people).astype(bool)
    if counted.any():
        published = publish(
            pd.DataFrame({"residents": rows.loc[counted, "value"]}),
            level=level,
            min_count=min_count,
        )
        rows.loc[counted, "value"] = published["residents"]
    return rows.groupby("indicator", dropna=False).tail(1)


def _city_values(every: pd.DataFrame, level: str, areas: pd.DataFrame | None) -> pd.DataFrame:
    """``indicator, year, city_value`` of stored indicators (see :func:`_stored`)."""
    key = ["indicator", "year"]
    if every.empty:
        return pd.DataFrame(columns=[*key, "city_value"])
    frame = every.assign(year=every["year"].astype("Int64"))
    if level != "areas" or areas is None or "inhabitants_total" not in areas:
        out = frame.groupby(key, dropna=False)["value"].median().rename("city_value")
        return out.reset_index()
    weights = areas[["postal_code", "year", "inhabitants_total"]].copy()
    latest = int(weights["year"].max())
    weights["year"] = weights["year"].astype("Int64")
    frame["weight_year"] = (
        frame["year"].where(frame["year"].isin(set(weights["year"])), latest).astype("Int64")
    )
    frame = frame.merge(
        weights.rename(columns={"postal_code": "unit_id", "year": "weight_year"}),
        on=["unit_id", "weight_year"],
        how="left",
    )
    out = []
    for (name, year), group in frame.groupby(key, dropna=False):
        values = pd.to_numeric(group["value"], errors="coerce")
        city_value: float | None
        if counts_people(str(name)):
            city_value = float(values.sum())
        else:
            w = pd.to_numeric(group["inhabitants_total"], errors="coerce")
            ok = values.notna() & w.notna() & (w > 0)
            city_value = float((values[ok] * w[ok]).sum() / w[ok].sum()) if ok.any() else None
        out.append({"indicator": name, "year": year, "city_value": city_value})
    return pd.DataFrame(out, columns=[*key, "city_value"])


def _matching(stored: pd.DataFrame, pattern: str) -> dict[str, Any] | None:
    rows = stored[stored["indicator"].str.contains(pattern, regex=False)]
    if rows.empty:
        return None
    # the year says which data a value is (heat and vulnerability have their own vintages)
    return {
        str(r.indicator): {
            "value": r.value,
            "city_value": r.city_value,
            "year": None if pd.isna(r.year) else int(r.year),
        }
        for r in rows.itertuples()
    }


def _accessibility(twin: Twin, stored: pd.DataFrame, level: str) -> list[dict[str, Any]]:
    """Minutes to the nearest service of each type by mode, from ``access_{mode}_{measure}_
    {service_type}`` indicators (measure ``nearest_1``, else the first ``nearest*``)."""
    out = []
    for service_type in twin.service_types():
        entry: dict[str, Any] = {"service_type": service_type}
        for mode in MODES:
            prefix, suffix = f"access_{mode}_", f"_{service_type}"
            rows = stored[
                stored["indicator"].str.startswith(prefix)
                & stored["indicator"].str.endswith(suffix)
            ]
            measures = {
                name[len(prefix) : -len(suffix)]: value
                for name, value in zip(rows["indicator"], rows["value"], strict=True)
            }
            nearest = sorted(m for m in measures if m.startswith("nearest"))
            chosen = "nearest_1" if "nearest_1" in measures else (nearest[0] if nearest else None)
            entry[f"{mode}_min"] = measures[chosen] if chosen else None
        out.append(entry)
    return out


def _accessibility_coverage(twin: Twin, postal_code: str) -> dict[str, float]:
    """Per mode, the share of an area's inhabitants whose cell has accessibility values.

    An area's accessibility is the inhabitant-weighted mean of its cells that the street
    network reaches (:mod:`dikas.accessibility.areas`); where the network data stops short of
    the area, this says how many of its residents the value stands for.
    """
    covered, total = twin.access_reach(postal_code)
    if not covered or total is None or total <= 0:
        return {}
    return {mode: value / total for mode, value in covered.items() if mode in MODES}


def _weighted_heat(cells: pd.DataFrame) -> float | None:
    heat = pd.to_numeric(cells["heat_exposure_index"], errors="coerce")
    weights = pd.to_numeric(cells["inhabitants"], errors="coerce").fillna(0)
    ok = heat.notna()
    if not ok.any():
        return None
    if weights[ok].sum() > 0:
        return float((heat[ok] * weights[ok]).sum() / weights[ok].sum())
    return float(heat[ok].mean())


def _area_heat(twin: Twin, postal_code: str, stored: pd.DataFrame) -> dict[str, Any] | None:
    """Population-weighted mean heat exposure of the area's cells vs the city's."""
    out = _matching(stored, "heat") or {}
    if twin.has_layer("grid") and {
        "heat_exposure_index",
        "inhabitants",
        "postal_code",
        "in_city",
    } <= set(twin.columns("grid")):
        grid = pd.DataFrame(
            twin.read(
                "grid", columns=["postal_code", "in_city", "inhabitants", "heat_exposure_index"]
            )
        )
        city = grid[grid["in_city"].fillna(False).astype(bool)]
        out["heat_exposure_index"] = {
            "value": _weighted_heat(city[city["postal_code"] == postal_code]),
            "city_value": _weighted_heat(city),
        }
    return out or None


def _greenery(twin: Twin, level: str, unit_id: str) -> list[dict[str, Any]]:
    return twin.greenery_of(level, unit_id).to_dict("records")


def cell_profile(twin: Twin, cell_id: str, *, min_count: int, language: str = "en") -> Profile:
    """The profile of one grid cell; person counts below ``min_count``, and those that would
    reveal them, are null (decided on the cell's whole row)."""
    grid = pd.DataFrame(twin.read("grid").drop(columns="geometry"))
    row = grid[grid["cell_id"].astype(str) == cell_id]
    if row.empty:
        raise ProfileNotFoundError(f"no cell {cell_id!r}")
    row = publish(row, level="grid", min_count=min_count)
    city = grid[grid["in_city"].fillna(False).astype(bool)] if "in_city" in grid else grid
    figures = []
    populated = (
        city[pd.to_numeric(city.get("inhabitants"), errors="coerce") > 0]
        if "inhabitants" in city
        else city
    )
    for name, label, column, scale, reference in (
        ("inhabitants", "Inhabitants", "inhabitants", 1.0, populated),
        ("occupancy_rate", "Occupancy rate (%)", "occupancy_rate", 1.0, populated),
        ("heat_exposure_index", "Heat exposure index (0–1)", "heat_exposure_index", 1.0, city),
        ("tree_cover_share", "Tree cover share", "tree_cover_m2", CELL_AREA_M2, city),
        ("vegetation_share", "Vegetation share", "vegetation_m2", CELL_AREA_M2, city),
        ("water_share", "Water share", "water_m2", CELL_AREA_M2, city),
    ):
        if column not in row:
            continue
        value = pd.to_numeric(row[column], errors="coerce").iloc[0] / scale
        city_value = pd.to_numeric(reference[column], errors="coerce").median() / scale
        info = describe(name, language)
        figures.append(
            {
                "name": name,
                "label": info.label if info.known else label,
                "unit": info.unit,
                "percent": info.percent,
                "decimals": info.decimals,
                "direction": info.direction,
                "value": value,
                "city_value": city_value,
                "city_value_note": "median over the city's "
                + ("populated " if reference is populated else "")
                + "cells",
            }
        )
    suppressed = (
        bool(row["age_suppressed"].fillna(False).iloc[0]) if "age_suppressed" in row else False
    )
    pyramid = _age_pyramid(row, city)
    if suppressed:
        pyramid = [dict(entry, value=None, share=None) for entry in pyramid]
    stored = _stored(twin, "grid", cell_id, min_count=min_count)
    heat = _matching(stored, "heat") or {}
    if "heat_exposure_index" in row:
        heat["heat_exposure_index"] = {
            "value": pd.to_numeric(row["heat_exposure_index"], errors="coerce").iloc[0],
            "city_value": _weighted_heat(city) if "inhabitants" in city else None,
        }
    postal = row["postal_code"].iloc[0] if "postal_code" in row else None
    return Profile(
        id=cell_id,
        name=f"Cell {cell_id}" + (f" ({postal})" if isinstance(postal, str) else ""),
        level="grid",
        year=None,
        key_figures=figures,
        age_pyramid=pyramid,
        income=None,
        education=None,
        accessibility=_accessibility(twin, stored, "grid"),
        heat=heat or None,
        vulnerability=_matching(stored, "vulnerab"),
        trends=[],
        greenery=_greenery(twin, "grid", cell_id),
    )


def city_profile(twin: Twin, *, year: int | None = None, language: str = "en") -> Profile:
    """The whole city as one profile (every figure is the city value)."""
    years = twin.years("areas")
    year = years[-1] if year is None and years else year
    if year not in years:
        raise ParameterError(f"areas have no year {year}; years: {years}")
    areas = pd.DataFrame(twin.read("areas").drop(columns="geometry"))
    city = areas[areas["year"] == year]
    figures = []
    for figure in AREA_FIGURES:
        city_value = _evaluate(figure.formula, city.head(1), city)[1]
        figures.append(
            {**_figure_entry(figure, language), "value": city_value, "city_value": city_value}
        )
    trends = []
    for trend_year in years:
        rows = areas[areas["year"] == trend_year]
        trends.append(
            {
                "year": trend_year,
                **{
                    f.name: _evaluate(f.formula, rows.head(1), rows)[1]
                    for f in AREA_FIGURES
                    if f.name in TREND_FIGURES
                },
            }
        )
    pyramid = [
        dict(entry, value=None, share=entry["city_share"])
        for entry in _age_pyramid(city.head(1), city)
    ]
    income = _shares(city.head(1), city, INCOME_SHARES, "adults_income_total")
    education = _shares(city.head(1), city, EDUCATION_SHARES, "adults_education_total")
    city_name = str(twin.build_info().get("city", "city"))
    return Profile(
        id=city_name,
        name=city_name.capitalize(),
        level="city",
        year=year,
        key_figures=figures,
        age_pyramid=pyramid,
        income=income and {**income["city"], "city": income["city"]},
        education=education and {**education["city"], "city": education["city"]},
        accessibility=[],
        heat=None,
        vulnerability=None,
        trends=trends,
        city_trends=trends,
        language=language,
    )
