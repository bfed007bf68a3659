"""Self-contained HTML reports of an area or of the whole city.

Everything is inline (CSS, SVG charts, a PNG map as a data URI), so the file can be mailed or
archived and opened offline. Contents: map, key figures against the city, age pyramid,
income, education, accessibility, heat and vulnerability, 2020–2023 trends, stored
indicators, and the sources and licences of every layer used.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from typing import Any

import pandas as pd

from dikas import __version__
from dikas.errors import ParameterError
from dikas.report import charts
from dikas.report.profile import (
    AREA_FIGURES,
    TREND_FIGURES,
    Profile,
    area_profile,
    city_profile,
)
from dikas.twin.store import Twin

INCOME_LABELS = {"lowest_share": "Lowest income", "middle_share": "Middle income",
                 "highest_share": "Highest income"}
EDUCATION_LABELS = {"basic_share": "Basic", "matriculation_share": "Matriculation",
                    "vocational_share": "Vocational", "lower_university_share": "Lower univ.",
                    "higher_university_share": "Higher univ."}
TREND_LABELS = {f.name: f.label for f in AREA_FIGURES if f.name in TREND_FIGURES}
STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#222;line-height:1.4}h1{margin-bottom:.2rem}h2{border-bottom:1px solid #ccc;
padding-bottom:.2rem;margin-top:2rem}table{border-collapse:collapse;margin:.5rem 0}
td,th{padding:.25rem .6rem;border-bottom:1px solid #e5e5e5;text-align:right}
td:first-child,th:first-child{text-align:left}.muted{color:#666;font-size:.9em}
img,svg{max-width:100%;height:auto}@media print{h2{page-break-after:avoid}}
"""


def format_value(name: str, value: Any) -> str:
    """Shares as percentages, large numbers with thousands separators, missing as '–'."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if isinstance(value, int | float):
        if "share" in name or "rate" in name:
            return f"{100 * value:.1f} %"
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.2f}"
    return escape(str(value))


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _key_figures(profile: Profile) -> str:
    rows = [[escape(f["label"]), format_value(f["name"], f["value"]),
             format_value(f["name"], f["city_value"])] for f in profile.key_figures]
    return _table(["Figure", profile.name, "City"], rows)


def _accessibility(profile: Profile, twin: Twin) -> str:
    rows = [[escape(e["service_type"].replace("_", " "))]
            + [format_value("min", e.get(f"{m}_min")) for m in ("walk", "bike", "transit")]
            for e in profile.accessibility
            if any(e.get(f"{m}_min") is not None for m in ("walk", "bike", "transit"))]
    if not rows:
        return f"<p class='muted'>{_no_accessibility(twin)}</p>"
    return (_table(["Service", "Walk (min)", "Bike (min)", "Transit (min)"], rows)
            + _coverage_note(profile.accessibility_coverage))


def _data_reach(profile: Profile) -> str:
    """Per source, the share of the area's inhabitants its data reaches (the twin's
    ``coverage`` layer): values outside a source's reach are missing, not suppressed."""
    if not profile.data_reach:
        return "<p class='muted'>The twin has no coverage layer (built before coverage).</p>"
    rows = [[escape(str(r["description"])), escape(str(r["source"])),
             f"{float(r['inhabitant_share']):.0%}"] for r in profile.data_reach]
    return (_table(["Source reach", "Dataset", "Inhabitants inside"], rows)
            + "<p class='muted'>Indicators of units outside a source's reach are left out "
              "(\"outside coverage\"), never shown as zero.</p>")


def _coverage_note(coverage: dict[str, float]) -> str:
    """Which share of the area's inhabitants its accessibility values stand for, where the
    street network does not reach all of them."""
    partial = {mode: share for mode, share in coverage.items() if share < 0.995}
    if not partial:
        return ""
    shares = ", ".join(f"{share:.0%} ({mode})" for mode, share in partial.items())
    return (f"<p class='muted'>These values average the cells the street network reaches: "
            f"{shares} of the area's inhabitants.</p>")


def _no_accessibility(twin: Twin) -> str:
    """Why an area shows no accessibility, from the levels the twin stores ``access_*``
    indicators at: none (never computed), cells only (computed before area values were
    stored), or areas too (then no inhabited cell of this area was routed and reached a
    service)."""
    levels: set[str] = set()
    if twin.has_layer("indicators"):
        levels = set(twin.sql("SELECT DISTINCT level FROM indicators "
                              "WHERE starts_with(indicator, 'access_')")["level"])
    if "areas" in levels:
        return ("No accessibility values for this area: none of its inhabited cells lies "
                "within the street network's extent and reaches a service.")
    if "grid" in levels:
        return ("Accessibility is stored for grid cells only; rerun "
                "<code>dikas access measures</code> to add postal-area values.")
    return ("No accessibility indicators in this twin yet (run "
            "<code>dikas access measures</code>).")


def _named_values(values: dict[str, Any] | None, empty: str) -> str:
    if not values:
        return f"<p class='muted'>{escape(empty)}</p>"
    rows = [[escape(name.replace("_", " ")), format_value("year", v.get("year")),
             format_value(name, v.get("value")), format_value(name, v.get("city_value"))]
            for name, v in values.items()]
    return _table(["Indicator", "Data year", "Value", "City"], rows)


def _stored_indicators(twin: Twin, *, level: str, unit_id: str) -> str:
    if not twin.has_layer("indicators"):
        return "<p class='muted'>No stored indicators.</p>"
    rows = twin.sql("SELECT indicator, year, population_group, value, method FROM indicators "
                    "WHERE level = ? AND unit_id = ? ORDER BY indicator, year, "
                    "population_group", [level, unit_id])
    if rows.empty:
        return "<p class='muted'>No stored indicators for this unit.</p>"
    return _table(["Indicator", "Year", "Group", "Value", "Method"],
                  [[escape(str(r.indicator)), format_value("year", r.year),
                    escape(str(r.population_group)), format_value(str(r.indicator), r.value),
                    escape(str(r.method))] for r in rows.itertuples()])


def _sources(twin: Twin) -> str:
    provenance = twin.provenance()
    if provenance.empty:
        return "<p class='muted'>The twin records no provenance.</p>"
    rows = [[escape(str(r.layer)), escape(str(r.licence)), escape(str(r.attribution))]
            for r in provenance.itertuples() if not str(r.layer).startswith("gtfs_")
            or r.layer == "gtfs_agency"]
    return _table(["Layer", "Licence", "Attribution"], rows)


def build_report(twin: Twin, *, area: str | None = None, year: int | None = None,
                 min_count: int = 10) -> str:
    """The HTML report of postal area ``area`` (or of the whole city when ``None``).

    An empty or blank ``area`` is refused (it names no area, and is not the city either).
    """
    if area is not None and not area.strip():
        raise ParameterError("report area is empty: give a postal code, or no area for the "
                             "city report")
    profile = area_profile(twin, area, year=year) if area else city_profile(twin, year=year)
    areas = twin.read("areas", year=profile.year)
    shade = None if area else "share_low_income"
    if shade:
        low = pd.to_numeric(areas["lowest_income_inhabitants"], errors="coerce")
        areas[shade] = low / pd.to_numeric(areas["adults_income_total"], errors="coerce")
    buildings = None
    if area and twin.has_layer("buildings") and "postal_code" in twin.columns("buildings"):
        buildings = twin.read("buildings", columns=["building_id"], where={"postal_code": area})
    streets = None
    if area and twin.has_layer("network_edges"):
        minx, miny, maxx, maxy = areas[areas["postal_code"] == area].total_bounds
        pad = max(maxx - minx, maxy - miny) * 0.3
        streets = twin.read("network_edges", columns=[],
                            bbox=(minx - pad, miny - pad, maxx + pad, maxy + pad))
    unit_label = profile.name if area else "City"
    map_uri = charts.area_map(areas, highlight=area, buildings=buildings, shade=shade,
                              streets=streets)
    info = twin.build_info()
    sections = [
        f"<h1>{escape(profile.name)}{f' ({escape(area)})' if area else ''}</h1>",
        f"<p class='muted'>DikaS report · twin {escape(str(info.get('build_id')))} built "
        f"{escape(str(info.get('built_at')))} · Paavo year {profile.year} · generated "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · dikas {__version__}</p>",
        "<h2>Map</h2>",
        f"<img alt='map of {escape(profile.name)}' src='"
        f"{map_uri}'>",
        "<p class='muted'>" + ("Share of adults in the lowest income class by postal area."
                               if shade else "The area (blue), its streets and buildings.") + "</p>",
        "<h2>Key figures</h2>", _key_figures(profile),
        "<h2>Age structure</h2>", charts.age_pyramid(profile.age_pyramid,
                                                     unit_label=unit_label),
    ]
    if profile.income:
        sections += ["<h2>Income</h2>",
                     charts.share_bars(profile.income, INCOME_LABELS, unit_label=unit_label)]
    if profile.education:
        sections += ["<h2>Education</h2>",
                     charts.share_bars(profile.education, EDUCATION_LABELS,
                                       unit_label=unit_label)]
    if area:
        sections += ["<h2>Access to services</h2>", _accessibility(profile, twin),
                     "<h2>Heat</h2>", _named_values(profile.heat, "No heat data."),
                     "<h2>Vulnerability</h2>",
                     _named_values(profile.vulnerability, "No vulnerability indicators yet "
                                                          "(run `dikas climate`)."),
                     "<h2>Where the data reaches</h2>", _data_reach(profile)]
    trend_rows = [[str(t["year"])] + [format_value(k, t.get(k)) for k in TREND_LABELS]
                  for t in profile.trends]
    sections += ["<h2>Trends</h2>", charts.trend_lines(profile.trends, TREND_LABELS),
                 _table(["Year", *TREND_LABELS.values()], trend_rows),
                 "<h2>Stored indicators</h2>",
                 _stored_indicators(twin, level="areas" if area else "city",
                                    unit_id=area or str(info.get("city", ""))),
                 "<h2>Sources and methods</h2>", _sources(twin),
                 f"<p class='muted'>Figures come from the twin's postal-area statistics "
                 f"(Statistics Finland Paavo). City shares are ratios of city totals; city "
                 f"averages and medians are weighted means of area values. Person counts "
                 f"below {min_count} are never shown at cell or building level.</p>"]
    body = "\n".join(sections)
    title = f"DikaS report – {profile.name}"
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
            f"<body>{body}</body></html>")
