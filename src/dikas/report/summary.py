"""The one-page summary of a report: sentences written from the numbers, in its language.

For each headline figure of an area: its level against the city (higher, lower or about the
same, and whether that is better or worse where the registry gives a direction), its
direction since the first year with data, and its rank of N among the city's areas. For the
city: each figure's level and change since the first year. "About the same" means within
:data:`SAME_WITHIN` (relative) of the other value.
"""

from __future__ import annotations

from typing import Any

from dikas.i18n import format_year, translator
from dikas.report.profile import Profile
from dikas.vocabulary import format_value

SAME_WITHIN = 0.02
"""Relative difference under which two values count as about the same."""
HEADLINE = (
    "inhabitants_total",
    "median_income",
    "low_income_share",
    "unemployment_rate",
    "higher_education_share",
)
"""The figures the summary speaks of, in order."""


def compare(value: float, other: float) -> str:
    """``higher``, ``lower`` or ``same`` (within :data:`SAME_WITHIN` of ``other``)."""
    scale = max(abs(other), abs(value), 1e-12)
    if abs(value - other) <= SAME_WITHIN * scale:
        return "same"
    return "higher" if value > other else "lower"


def _trend(profile: Profile, name: str, trends: list[dict[str, Any]]) -> tuple[int, float] | None:
    points = [(int(t["year"]), t.get(name)) for t in trends if t.get(name) is not None]
    if len(points) < 2 or points[0][0] == profile.year:
        return None
    return points[0][0], float(points[0][1])  # type: ignore[arg-type]


def area_sentences(profile: Profile, language: str) -> list[str]:
    """The summary of an area profile: per headline figure, one paragraph of sentences (its
    level against the city, its change since the first year, its rank of N)."""
    _ = translator(language, "reports")
    out: list[str] = []
    figures = {f["name"]: f for f in profile.key_figures}
    for name in HEADLINE:
        figure = figures.get(name)
        if figure is None or figure["value"] is None:
            continue
        value, city = float(figure["value"]), figure.get("city_value")
        label = str(figure["label"])
        text = format_value(name, value, language)
        said: list[str] = []
        if name == "inhabitants_total":
            said.append(
                _("{area} has {value} inhabitants ({year}).").format(
                    area=profile.name,
                    value=format_value(name, value, language, with_unit=False),
                    year=format_year(profile.year),
                )
            )
        elif city is not None:
            relation = compare(value, float(city))
            city_text = format_value(name, city, language)
            template = {
                "higher": _("{label}: {value}, higher than in the city as a whole ({city})."),
                "lower": _("{label}: {value}, lower than in the city as a whole ({city})."),
                "same": _("{label}: {value}, about the same as in the city as a whole ({city})."),
            }[relation]
            sentence = template.format(label=label, value=text, city=city_text)
            direction = figure.get("direction")
            if relation != "same" and direction in ("higher_better", "higher_worse"):
                better = (relation == "higher") == (direction == "higher_better")
                sentence += " " + (
                    _("That is better than the city average.")
                    if better
                    else _("That is worse than the city average.")
                )
            said.append(sentence)
        trend = _trend(profile, name, profile.trends)
        if trend is not None:
            first_year, first = trend
            change = compare(value, first)
            first_text = format_value(name, first, language)
            said.append(
                {
                    "higher": _("Since {year} it has risen from {first}."),
                    "lower": _("Since {year} it has fallen from {first}."),
                    "same": _("Since {year} it has stayed about the same ({first})."),
                }[change].format(year=format_year(first_year), first=first_text)
            )
        if figure.get("rank") is not None and figure.get("rank_of"):
            said.append(
                _("Rank {rank} of {count} postal areas (1 = highest value).").format(
                    rank=figure["rank"], count=figure["rank_of"]
                )
            )
        out.append(" ".join(said))
    return out


def city_sentences(profile: Profile, language: str) -> list[str]:
    """The summary of the city profile: each headline figure and its change since the first
    year."""
    _ = translator(language, "reports")
    out: list[str] = []
    figures = {f["name"]: f for f in profile.key_figures}
    for name in HEADLINE:
        figure = figures.get(name)
        if figure is None or figure["value"] is None:
            continue
        value = float(figure["value"])
        sentence = _("{label}: {value} in {year}.").format(
            label=figure["label"],
            value=format_value(name, value, language),
            year=format_year(profile.year),
        )
        trend = _trend(profile, name, profile.trends)
        if trend is not None:
            first_year, first = trend
            sentence += " " + {
                "higher": _("Since {year} it has risen from {first}."),
                "lower": _("Since {year} it has fallen from {first}."),
                "same": _("Since {year} it has stayed about the same ({first})."),
            }[compare(value, first)].format(
                year=format_year(first_year), first=format_value(name, first, language)
            )
        out.append(sentence)
    return out
