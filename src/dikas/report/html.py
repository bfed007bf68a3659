"""Self-contained A4 HTML reports of an area or of the whole city, in Finnish, Swedish or
English.

Everything is inline (CSS, SVG charts, PNG maps as data URIs), so the file can be mailed or
archived and opened offline, and prints on A4 (``@page { size: A4 }``; :mod:`dikas.report.pdf`
prints it with Chromium). The first page is a summary written from the numbers
(:mod:`dikas.report.summary`) with the key figures against the district and the city; then a
choropleth map with legend, scale bar and north arrow, population charts, the indicators
relevant to the unit grouped by challenge (labels, units and formats from the indicator
registry), trends over every year, where each source reaches, and the sources once. The city
report adds the segregation indices stored for the city and their trend.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from html import escape
from typing import Any

import pandas as pd

from dikas import __version__
from dikas.errors import ParameterError
from dikas.i18n import format_date, format_number, format_year, normalize, translator
from dikas.report import charts
from dikas.report.profile import (
    AREA_FIGURES,
    TREND_FIGURES,
    Profile,
    area_profile,
    city_profile,
)
from dikas.report.summary import area_sentences, city_sentences
from dikas.twin.store import Twin
from dikas.vocabulary import (
    challenge_labels,
    describe,
    format_value,
    no_data_reasons,
    population_group_label,
)

MAP_INDICATOR = "share:lowest_income_inhabitants/adults_income_total"
"""What the report's map shows (the registry's share of adults with low income)."""
MAP_FIGURE = "low_income_share"
MODES = ("walk", "bike", "transit")
STYLE = """
@page{size:A4;margin:14mm 14mm 16mm 14mm}
body{font-family:"DejaVu Sans",system-ui,-apple-system,"Segoe UI",sans-serif;max-width:182mm;
margin:0 auto;padding:0;color:#1a1a1a;line-height:1.4;font-size:10.5pt}
h1{margin:0 0 .2rem;font-size:20pt}h2{border-bottom:1px solid #bbb;padding-bottom:.15rem;
margin-top:1.4rem;font-size:13pt;break-after:avoid}h3{font-size:11pt;margin:1rem 0 .3rem;
break-after:avoid}table{border-collapse:collapse;margin:.4rem 0;width:100%;
table-layout:auto}td,th{padding:.2rem .45rem;border-bottom:1px solid #e3e3e3;
text-align:right;vertical-align:top;overflow-wrap:anywhere}td:first-child,th:first-child{
text-align:left}td+td{white-space:nowrap}th{font-weight:600;background:#f4f4f4}.muted{color:#555;font-size:.9em}
.summary li{margin:.25rem 0}.page{break-after:page}img,svg{max-width:100%;height:auto}
figure{margin:.4rem 0;break-inside:avoid}table,tr{break-inside:avoid}
@media screen{body{margin:1.5rem auto;padding:0 1rem}}
"""


def _table(header: list[str], rows: list[list[str]], *, caption: str | None = None) -> str:
    head = "".join(f"<th scope='col'>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    cap = f"<caption class='muted'>{escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class _Report:
    """What every section needs: the twin, the profile, the language and its ``_``."""

    def __init__(self, twin: Twin, profile: Profile, language: str, min_count: int) -> None:
        self.twin = twin
        self.profile = profile
        self.language = language
        self.min_count = min_count
        self._ = translator(language, "reports")

    def value(self, name: str, value: Any) -> str:
        return escape(format_value(name, value, self.language))

    def km(self, metres: float) -> str:
        if metres >= 1000:
            return f"{format_number(metres / 1000, self.language)} km"
        return f"{format_number(metres, self.language)} m"


def _key_figures(r: _Report, *, city_only: bool) -> str:
    _ = r._
    profile = r.profile
    has_district = profile.district is not None
    if city_only:
        return _table(
            [_("Figure"), _("Value")],
            [[escape(f["label"]), r.value(f["name"], f["value"])] for f in profile.key_figures],
        )
    header = [_("Figure"), profile.name]
    if has_district:
        header.append(
            _("District: {name}").format(name=profile.district["name"] if profile.district else "")
        )
    header += [_("City"), _("Rank")]
    rows = []
    for f in profile.key_figures:
        row = [escape(f["label"]), r.value(f["name"], f["value"])]
        if has_district:
            row.append(r.value(f["name"], f.get("district_value")))
        rank = (
            _("{rank} of {count}").format(rank=f["rank"], count=f["rank_of"])
            if f.get("rank")
            else "–"
        )
        row += [r.value(f["name"], f["city_value"]), escape(rank)]
        rows.append(row)
    note = _(
        "Rank 1 is the highest value among the city's postal areas. City values are "
        "ratios of city totals or inhabitant-weighted means, not means of areas."
    )
    if has_district:
        note += " " + _("The district value covers the postal areas lying mostly in the district.")
    return _table(header, rows) + f"<p class='muted'>{escape(note)}</p>"


def _map(r: _Report, *, area: str | None) -> str:
    _ = r._
    twin, profile = r.twin, r.profile
    areas = twin.read("areas", year=profile.year)
    low = pd.to_numeric(areas["lowest_income_inhabitants"], errors="coerce")
    total = pd.to_numeric(areas["adults_income_total"], errors="coerce")
    areas["_shade"] = low / total.where(total > 0)
    buildings = streets = None
    if area and twin.has_layer("buildings") and "postal_code" in twin.columns("buildings"):
        buildings = twin.read("buildings", columns=["building_id"], where={"postal_code": area})
    if area and twin.has_layer("network_edges"):
        minx, miny, maxx, maxy = areas[areas["postal_code"] == area].total_bounds
        pad = max(maxx - minx, maxy - miny) * 0.9
        streets = twin.read(
            "network_edges", columns=[], bbox=(minx - pad, miny - pad, maxx + pad, maxy + pad)
        )
    info = describe(MAP_INDICATOR, r.language)
    uri = charts.choropleth(
        areas,
        "_shade",
        legend_title=info.label,
        format_tick=lambda v: format_value(MAP_INDICATOR, v, r.language),
        no_data=no_data_reasons(r.language, min_count=r.min_count)["no_data"],
        north=_("N"),
        km=r.km,
        highlight=area,
        streets=streets,
        buildings=buildings,
    )
    caption = (
        _("{indicator} by postal area, {year}; {area} outlined in blue.").format(
            indicator=info.label, year=format_year(profile.year), area=profile.name
        )
        if area
        else _("{indicator} by postal area, {year}.").format(
            indicator=info.label, year=format_year(profile.year)
        )
    )
    return (
        f"<figure><img alt='{escape(caption)}' src='{uri}'>"
        f"<figcaption class='muted'>{escape(caption)}</figcaption></figure>"
    )


def _population(r: _Report, *, unit_label: str, with_city: bool) -> str:
    _ = r._
    profile = r.profile
    city = _("City") if with_city else None
    parts = [
        "<h3>" + escape(_("Age structure")) + "</h3>",
        charts.age_pyramid(
            profile.age_pyramid,
            unit_label=unit_label,
            city_label=city,
            axis_label=_("% of inhabitants"),
            title=_("Age structure"),
        ),
    ]
    if profile.income:
        labels = {
            "lowest_share": _("Lowest income class"),
            "middle_share": _("Middle income class"),
            "highest_share": _("Highest income class"),
        }
        parts += [
            "<h3>" + escape(_("Income classes of adults")) + "</h3>",
            charts.share_bars(
                profile.income,
                labels,
                unit_label=unit_label,
                city_label=city,
                title=_("Income classes of adults"),
            ),
            _share_table(r, profile.income, labels, unit_label, with_city),
        ]
    if profile.education:
        labels = {
            "basic_share": _("Basic education"),
            "matriculation_share": _("Matriculation examination"),
            "vocational_share": _("Vocational qualification"),
            "lower_university_share": _("Lower university degree"),
            "higher_university_share": _("Higher university degree"),
        }
        parts += [
            "<h3>" + escape(_("Education of adults")) + "</h3>",
            charts.share_bars(
                profile.education,
                labels,
                unit_label=unit_label,
                city_label=city,
                title=_("Education of adults"),
            ),
            _share_table(r, profile.education, labels, unit_label, with_city),
        ]
    return "\n".join(parts)


def _share_table(
    r: _Report, shares: dict[str, Any], labels: dict[str, str], unit_label: str, with_city: bool
) -> str:
    def pct(v: Any) -> str:
        return escape(format_number(v, r.language, decimals=1, percent=True))

    if not with_city:
        return _table(
            ["", unit_label],
            [[escape(text), pct(shares.get(key))] for key, text in labels.items() if key in shares],
        )
    rows = [
        [escape(text), pct(shares.get(key)), pct(shares["city"].get(key))]
        for key, text in labels.items()
        if key in shares
    ]
    return _table(["", unit_label, r._("City")], rows)


def _accessibility(r: _Report) -> str:
    _ = r._
    profile = r.profile
    rows = []
    for entry in profile.accessibility:
        if all(entry.get(f"{m}_min") is None for m in MODES):
            continue
        name = f"access_walk_nearest_1_{entry['service_type']}"
        service = describe(name, r.language).label.split(":")[0]
        rows.append([escape(service)] + [r.value(name, entry.get(f"{m}_min")) for m in MODES])
    if not rows:
        return f"<p class='muted'>{escape(_no_accessibility(r))}</p>"
    header = [_("Service"), _("Walking"), _("Cycling"), _("Public transport")]
    return _table(header, rows, caption=_("Travel time to the nearest service")) + _coverage_note(r)


def _coverage_note(r: _Report) -> str:
    """Which share of the area's inhabitants its accessibility values stand for, where the
    street network does not reach all of them."""
    partial = {
        mode: share for mode, share in r.profile.accessibility_coverage.items() if share < 0.995
    }
    if not partial:
        return ""
    modes = {"walk": r._("walking"), "bike": r._("cycling"), "transit": r._("public transport")}
    shares = ", ".join(
        f"{format_number(share, r.language, percent=True)} ({modes[mode]})"
        for mode, share in partial.items()
    )
    return (
        "<p class='muted'>"
        + escape(
            r._(
                "These values average the cells the street network reaches: {shares} of the area's "
                "inhabitants."
            ).format(shares=shares)
        )
        + "</p>"
    )


def _no_accessibility(r: _Report) -> str:
    """Why an area shows no accessibility, from the levels the twin stores ``access_*``
    indicators at: none (never computed), cells only (computed before area values were
    stored), or areas too (then no inhabited cell of this area was routed and reached a
    service)."""
    levels = r.twin.indicator_levels("access_")
    if "areas" in levels:
        return r._(
            "No accessibility values for this area: none of its inhabited cells lies "
            "within the street network's extent and reaches a service."
        )
    if "grid" in levels:
        return r._(
            "Accessibility is stored for grid cells only; rerun the accessibility "
            "measures to add postal-area values."
        )
    return r._("No accessibility indicators in this twin yet.")


def _relevant(entry: dict[str, Any]) -> bool:
    """Stored indicators a reader of an area report needs: described by the registry, not
    a test statistic, and not an access measure (those have their own table)."""
    name = str(entry["id"])
    return (
        bool(entry["known"])
        and entry["value"] is not None
        and not name.startswith("access_")
        and not name.endswith(("_p", "_p_value"))
    )


def _by_challenge(r: _Report) -> str:
    _ = r._
    stored = [e for e in r.profile.stored if _relevant(e)]
    names = challenge_labels(r.language)
    parts = []
    for challenge, title in names.items():
        chosen = [e for e in stored if e["challenge"] == challenge]
        body = ""
        if challenge == "access":
            body = _accessibility(r)
        elif chosen:
            body = _table(
                [_("Indicator"), _("Year"), r.profile.name, _("City")],
                [
                    [
                        escape(e["label"]),
                        escape(format_year(e["year"])) if e["year"] else "–",
                        r.value(e["id"], e["value"]),
                        r.value(e["id"], e["city_value"]),
                    ]
                    for e in chosen
                ],
            )
        if body:
            parts += [f"<h3>{escape(title)}</h3>", body]
    if not parts:
        return ""
    return (
        "<h2>"
        + escape(_("Indicators by challenge"))
        + "</h2>\n"
        + "\n".join(parts)
        + "<p class='muted'>"
        + escape(
            _(
                "City values of stored indicators are "
                "inhabitant-weighted means over the city's "
                "postal areas (sums for counts of people)."
            )
        )
        + "</p>"
    )


def _trends(r: _Report, *, unit_label: str, with_city: bool) -> str:
    _ = r._
    profile = r.profile
    names = [f.name for f in AREA_FIGURES if f.name in TREND_FIGURES]
    labels = {f["name"]: f["label"] for f in profile.key_figures}
    city_by_year = {t["year"]: t for t in profile.city_trends}
    series = []
    shown = []
    for name in names:
        points = [t for t in profile.trends if t.get(name) is not None]
        if not points:
            continue
        shown.append(name)
        info = describe(name, r.language)

        def tick(v: float, percent: bool = info.percent) -> str:
            return format_number(v, r.language, decimals=0, percent=percent)

        series.append(
            {
                "label": labels.get(name, info.label),
                "years": [int(t["year"]) for t in points],
                "values": [t[name] for t in points],
                "city_values": [city_by_year.get(t["year"], {}).get(name) for t in points]
                if with_city
                else None,
                "format": tick,
            }
        )
    if not series:
        return ""
    chart = charts.trend_lines(
        series,
        unit_label=unit_label,
        city_label=_("City") if with_city else None,
        title=_("Trends"),
    )
    header = [_("Year"), *[s["label"] for s in series]]
    rows = [
        [escape(format_year(t["year"]))] + [r.value(n, t.get(n)) for n in shown]
        for t in profile.trends
    ]
    note = _("Axes start at zero.")
    return (
        f"<h2>{escape(_('Trends'))}</h2>{chart}{_table(header, rows)}"
        f"<p class='muted'>{escape(note)}</p>"
    )


def _segregation(r: _Report) -> str:
    """The segregation indices stored for the city: one row per index and population
    group, one column per year, and a chart where there is more than one year."""
    _ = r._
    rows = r.twin.indicators(level="city")
    if rows.empty:
        return (
            "<h2>"
            + escape(_("Segregation indices"))
            + "</h2><p class='muted'>"
            + escape(_("No segregation indices are stored for the city yet."))
            + "</p>"
        )
    rows = rows[rows["indicator"].str.startswith("segregation_")]
    values = rows[~rows["indicator"].str.endswith("_p_value")]
    p_values = rows[rows["indicator"].str.endswith("_p_value")]
    years = sorted(int(y) for y in values["year"].dropna().unique())
    table_rows = []
    for (name, group), chunk in values.groupby(
        ["indicator", "population_group"], sort=True, dropna=False
    ):
        by_year = {
            int(y): v for y, v in zip(chunk["year"], chunk["value"], strict=True) if pd.notna(y)
        }
        p = p_values[
            (p_values["indicator"] == f"{name}_p_value") & (p_values["population_group"] == group)
        ]
        p_text = (
            escape(format_number(float(p["value"].iloc[-1]), r.language, decimals=3))
            if not p.empty
            else "–"
        )
        table_rows.append(
            [
                escape(describe(str(name), r.language).label),
                escape(population_group_label(str(group), r.language)),
            ]
            + [r.value(str(name), by_year.get(y)) for y in years]
            + [p_text]
        )
    header = [_("Index"), _("Population group"), *[format_year(y) for y in years], _("p-value")]
    out = [
        "<h2>" + escape(_("Segregation indices")) + "</h2>",
        _table(header, table_rows),
        "<p class='muted'>"
        + escape(
            _(
                "Indices range from 0 (the group is spread evenly over the postal areas) "
                "upwards; the p-value is the chance of as much segregation arising by chance "
                "(permutation test)."
            )
        )
        + "</p>",
    ]
    if len(years) >= 2:
        headline = values[values["indicator"] == "segregation_dissimilarity"]
        series = []
        for group, chunk in headline.groupby("population_group", sort=True):
            chunk = chunk.dropna(subset=["year"]).sort_values("year")
            series.append(
                {
                    "label": population_group_label(str(group), r.language),
                    "years": [int(y) for y in chunk["year"]],
                    "values": [float(v) for v in chunk["value"]],
                    "city_values": None,
                    "format": lambda v: format_number(v, r.language, decimals=2),
                }
            )
        if series:
            out.append(
                charts.trend_lines(
                    series,
                    unit_label=describe("segregation_dissimilarity", r.language).label,
                    city_label=None,
                    title=_("Dissimilarity index over the years"),
                )
            )
    else:
        out.append(
            "<p class='muted'>"
            + escape(
                _("Only one year of indices is stored ({year}); a trend needs two or more.").format(
                    year=", ".join(format_year(y) for y in years) or "–"
                )
            )
            + "</p>"
        )
    return "\n".join(out)


def _data_reach(r: _Report) -> str:
    """Per kind of source, the share of the area's inhabitants inside its reach (where a
    kind has several sources, the widest reach)."""
    _ = r._
    if not r.profile.data_reach:
        return ""
    kinds = {
        "street_network": _("Street network for walking and cycling"),
        "transit": _("Public transport stops"),
        "services": _("Service locations"),
        "buildings": _("Buildings"),
        "heat": _("Heat data"),
        "areas": _("Postal code area statistics"),
        "grid": _("Population grid"),
    }
    shares: dict[str, float] = {}
    for row in r.profile.data_reach:
        kind = str(row["kind"])
        shares[kind] = max(shares.get(kind, 0.0), float(row["inhabitant_share"]))
    rows = [
        [
            escape(kinds.get(kind, _("Other source"))),
            escape(format_number(share, r.language, percent=True)),
        ]
        for kind, share in shares.items()
    ]
    return (
        "<h2>"
        + escape(_("Where the data reaches"))
        + "</h2>"
        + _table([_("Source reach"), _("Inhabitants inside")], rows)
        + "<p class='muted'>"
        + escape(
            _(
                "Indicators of units outside a source's reach are left out (outside "
                "coverage), never shown as zero."
            )
        )
        + "</p>"
    )


_YEAR_SUFFIX = re.compile(r"^(.*?)\s*\((\d{4})\)$")


def source_lines(attributions: list[str]) -> list[str]:
    """Every source once: attributions split at ``;``, repeats dropped, and the same source
    for several years written once with its years (``… (2020, 2021)``)."""
    years: dict[str, list[str]] = {}
    for attribution in attributions:
        for part in (p.strip() for p in attribution.split(";")):
            if not part:
                continue
            match = _YEAR_SUFFIX.match(part)
            name, year = (match.group(1), match.group(2)) if match else (part, None)
            found = years.setdefault(name, [])
            if year and year not in found:
                found.append(year)
    return [
        f"{name} ({', '.join(sorted(found))})" if found else name for name, found in years.items()
    ]


def _sources(r: _Report) -> str:
    """Every source once (:func:`source_lines`), with its licence where not already said."""
    _ = r._
    provenance = r.twin.provenance()
    if provenance.empty:
        return "<p class='muted'>" + escape(_("The twin records no provenance.")) + "</p>"
    lines = source_lines([str(a) for a in provenance["attribution"].dropna()])
    licences = sorted({str(x) for x in provenance["licence"].dropna() if str(x)})
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    note = _("Licences: {licences}.").format(licences=", ".join(licences)) if licences else ""
    return f"<ul>{items}</ul><p class='muted'>{escape(note)}</p>"


def city_name(city: str, language: str) -> str | None:
    """The city of catalog ``city`` as ``language`` names it (its municipalities' names in
    that language, from the catalog); ``None`` where no shipped catalog has that name."""
    from dikas.sources.catalog import available_cities, load_catalog

    if city not in available_cities():
        return None
    municipalities = load_catalog(city).municipalities
    names = [m.names.get(normalize(language), m.name) for m in municipalities]
    return ", ".join(names) or None


def build_report(
    twin: Twin,
    *,
    area: str | None = None,
    year: int | None = None,
    min_count: int = 10,
    language: str = "en",
) -> str:
    """The HTML report of postal area ``area`` (or of the whole city when ``None``) in
    ``language`` (fi, sv or en).

    An empty or blank ``area`` is refused (it names no area, and is not the city either).
    """
    if area is not None and not area.strip():
        raise ParameterError(
            "report area is empty: give a postal code, or no area for the city report"
        )
    language = normalize(language)
    profile = (
        area_profile(twin, area, year=year, language=language, min_count=min_count)
        if area
        else city_profile(twin, year=year, language=language)
    )
    info = twin.build_info()
    if area and language == "sv" and profile.name_sv:
        profile = replace(profile, name=profile.name_sv)
    elif not area:
        profile = replace(
            profile, name=city_name(str(info.get("city", "")), language) or profile.name
        )
    r = _Report(twin, profile, language, min_count)
    _ = r._
    unit_label = profile.name
    title = (
        _("Area report: {name} ({code})").format(name=profile.name, code=area)
        if area
        else _("City report: {name}").format(name=profile.name)
    )
    district = ""
    if profile.district:
        district = " · " + escape(_("District: {name}").format(name=profile.district["name"]))
    sentences = area_sentences(profile, language) if area else city_sentences(profile, language)
    generated = format_date(datetime.now(UTC), language)
    first = [
        f"<section class='page'><h1>{escape(title)}</h1>",
        "<p class='muted'>"
        + escape(_("Figures for {year}").format(year=format_year(profile.year)))
        + district
        + " · "
        + escape(
            _("Generated {date} from twin {build}").format(
                date=generated, build=str(info.get("build_id", ""))
            )
        )
        + "</p>",
        "<h2>" + escape(_("Summary")) + "</h2>",
        "<ul class='summary'>" + "".join(f"<li>{escape(s)}</li>" for s in sentences) + "</ul>",
        "<h2>" + escape(_("Key figures")) + "</h2>",
        _key_figures(r, city_only=not area),
        "</section>",
    ]
    sections = [
        *first,
        "<h2>" + escape(_("Map")) + "</h2>",
        _map(r, area=area),
        "<h2>" + escape(_("Population")) + "</h2>",
        _population(r, unit_label=unit_label, with_city=bool(area)),
    ]
    if area:
        sections += [
            _by_challenge(r),
            _trends(r, unit_label=unit_label, with_city=True),
            _data_reach(r),
        ]
    else:
        sections += [_segregation(r), _trends(r, unit_label=unit_label, with_city=False)]
    sections += [
        "<h2>" + escape(_("Sources and methods")) + "</h2>",
        _sources(r),
        "<p class='muted'>"
        + escape(
            _(
                "Figures come from Statistics Finland's postal code area statistics (Paavo) and "
                "the other sources above. Person counts below {min_count} are never shown at "
                "cell or building level."
            ).format(min_count=min_count)
        )
        + " "
        + escape(_("DikaS {version}.").format(version=__version__))
        + "</p>",
    ]
    body = "\n".join(s for s in sections if s)
    return (
        f"<!DOCTYPE html><html lang='{language}'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )
