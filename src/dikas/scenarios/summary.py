"""What a what-if means, in plain words: sentences and a labelled table, in fi/sv/en.

A scenario's diff (:class:`dikas.scenarios.run.ScenarioResult`, ``diff["city"]``) holds rows
``indicator, measure, population_group, before, after, change`` with code names. This module
turns it into what a planner or a resident reads:

* **sentences** such as "+1,240 residents within a 15-minute walk of a health station, of
  them 310 in the lowest income class", numbers written the way the language writes them
  (:func:`dikas.i18n.format_number`);
* a **table** by population group with a label, a unit, the indicator's direction (is higher
  better or worse) and ``better``: ``True`` when the change goes the good way, ``False`` when
  it goes the bad way, ``None`` when nothing changed or the indicator has no direction;
* **no_change**: nothing the scenario recomputed moved (the map app then shows a "no change"
  state, not a −1…1 legend).

Person counts are modelled (postal-area groups spread over cells), so they are stated as whole
persons; a count or a change of a count between 1 and ``min_count`` − 1 is never stated as a
number ("fewer than 10"), whatever the level.

Labels, units and directions come from :func:`_describe`, the one place to swap for the
indicator registry when it lands.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dikas.i18n import N_, format_number, normalize, translator

DOMAIN = "scenarios"
HIGHER_IS_BETTER = "higher_is_better"
LOWER_IS_BETTER = "lower_is_better"
KEYS = ("indicator", "measure", "population_group")
TOLERANCE = 1e-12
"""Changes smaller than this (floating-point noise) count as no change."""
MAX_SENTENCES = 8
"""A summary says the largest few things; the table holds the rest."""
MAX_ACCESS_SENTENCES = 4
"""At most this many of them about walking access, so other families get a word in."""

SERVICE_NAMES: dict[str, str] = {
    "swimming_hall": N_("swimming hall"),
    "school": N_("school"),
    "daycare": N_("daycare"),
    "health_station": N_("health station"),
    "hospital": N_("hospital"),
    "library": N_("library"),
    "grocery": N_("grocery store"),
    "pharmacy": N_("pharmacy"),
    "sports_centre": N_("sports centre"),
    "park": N_("park"),
    "playground": N_("playground"),
    "elderly_service": N_("service for older people"),
}
"""Service type → its name in a label (no article)."""
SERVICE_PHRASES: dict[str, str] = {
    "swimming_hall": N_("a swimming hall"),
    "school": N_("a school"),
    "daycare": N_("a daycare centre"),
    "health_station": N_("a health station"),
    "hospital": N_("a hospital"),
    "library": N_("a library"),
    "grocery": N_("a grocery store"),
    "pharmacy": N_("a pharmacy"),
    "sports_centre": N_("a sports centre"),
    "park": N_("a park"),
    "playground": N_("a playground"),
    "elderly_service": N_("a service for older people"),
}
"""Service type → its name inside a sentence (with the article English and Swedish need)."""
OTHER_SERVICE = N_("service")
OTHER_SERVICE_PHRASE = N_("a service")
GROUP_LABELS: dict[str, str] = {
    "all": N_("All residents"),
    "age_0_6": N_("Children aged 0–6"),
    "age_75_plus": N_("People aged 75 and over"),
    "lowest_income": N_("Lowest income class"),
    "middle_income": N_("Middle income class"),
    "highest_income": N_("Highest income class"),
    "unemployed": N_("Unemployed"),
    "renter_households": N_("Households renting their home"),
    "income_classes": N_("Income classes"),
    "age_0_9_and_70_plus": N_("Children under 10 and people aged 70 and over"),
}
"""Population group → its label."""
UNITS: dict[str, str] = {
    "share": N_("%"),
    "minutes": N_("min"),
    "count": N_("residents"),
    "index": N_("index"),
    "rate": N_("per hour"),
}
"""Kind of value → its unit as a reader sees it."""


@dataclass(frozen=True)
class Description:
    """How a measure of a scenario indicator is shown to a person."""

    label: str
    """What is measured, translated."""
    kind: str
    """``share`` (a fraction, shown as %), ``count`` (persons), ``minutes``, ``index``,
    ``rate`` (per hour)."""
    direction: str | None
    """:data:`HIGHER_IS_BETTER`, :data:`LOWER_IS_BETTER` or ``None`` (neither)."""
    unit: str
    """The unit, translated."""
    service: str | None = None
    """The service type of an accessibility indicator."""


def _minutes_of(measure: str) -> str:
    match = re.search(r"_(\d+(?:\.\d+)?)min$", measure)
    return match.group(1) if match else ""


def _describe(indicator: str, measure: str, lang: str) -> Description:
    """Label, kind, unit and direction of ``indicator`` / ``measure`` in ``lang``.

    The one lookup of labels and directions (to be replaced by the indicator registry).
    """
    _ = translator(lang, DOMAIN)

    def make(
        label: str, kind: str, direction: str | None, service: str | None = None
    ) -> Description:
        return Description(label, kind, direction, _(UNITS[kind]), service)

    if indicator.startswith("access_walk_"):
        service = indicator.removeprefix("access_walk_")
        name = _(SERVICE_NAMES.get(service, OTHER_SERVICE))
        name = name[:1].upper() + name[1:]
        minutes = _minutes_of(measure)
        if measure.startswith("coverage_"):
            return make(
                _("{service}: share within a {minutes}-minute walk").format(
                    service=name, minutes=minutes
                ),
                "share",
                HIGHER_IS_BETTER,
                service,
            )
        if measure.startswith("residents_within_"):
            return make(
                _("{service}: residents within a {minutes}-minute walk").format(
                    service=name, minutes=minutes
                ),
                "count",
                HIGHER_IS_BETTER,
                service,
            )
        if measure == "mean_minutes":
            return make(
                _("{service}: mean walking time").format(service=name),
                "minutes",
                LOWER_IS_BETTER,
                service,
            )
        if measure == "gini_minutes":
            return make(
                _("{service}: inequality of walking time (Gini)").format(service=name),
                "index",
                LOWER_IS_BETTER,
                service,
            )
    if indicator == "segregation":
        labels = {
            "dissimilarity": N_("Segregation: dissimilarity index"),
            "isolation": N_("Segregation: isolation index"),
            "entropy": N_("Segregation: entropy index"),
            "multigroup_dissimilarity": N_("Segregation: multigroup dissimilarity index"),
        }
        if measure in labels:
            return make(_(labels[measure]), "index", LOWER_IS_BETTER)
        if measure == "group_share":
            return make(_("Share of the group"), "share", None)
    if indicator == "heat":
        if measure == "hot_residents":
            return make(_("Residents of the hottest cells"), "count", LOWER_IS_BETTER)
        if measure == "heat_vulnerable_residents":
            return make(
                _("Heat-vulnerable residents of the hottest cells"), "count", LOWER_IS_BETTER
            )
        if measure == "population_weighted_heat":
            return make(_("Mean heat exposure of residents"), "index", LOWER_IS_BETTER)
    if indicator == "flood" and measure == "exposed_residents":
        return make(_("Residents in flood hazard areas"), "count", LOWER_IS_BETTER)
    if indicator == "transit":
        if measure == "departures_per_hour":
            return make(
                _("Public transport departures per hour near home"), "rate", HIGHER_IS_BETTER
            )
        frequent = re.fullmatch(r"share_(\d+(?:\.\d+)?)_per_hour", measure)
        if frequent:
            return make(
                _("Share with at least {n} departures per hour near home").format(
                    n=frequent.group(1)
                ),
                "share",
                HIGHER_IS_BETTER,
            )
    return make(_("Other measure"), "index", None)


def _group_label(group: str, lang: str) -> str:
    _ = translator(lang, DOMAIN)
    if group in GROUP_LABELS:
        return _(GROUP_LABELS[group])
    hazard = re.fullmatch(r"class_(.+)", group)
    if hazard:
        return _("Hazard class {name}").format(name=hazard.group(1))
    return _("Other group")


def _changed(value: float | None) -> bool:
    return value is not None and not math.isnan(value) and abs(value) > TOLERANCE


def _better(change: float | None, direction: str | None) -> bool | None:
    if direction is None or not _changed(change):
        return None
    assert change is not None
    return (change > 0) == (direction == HIGHER_IS_BETTER)


@dataclass(frozen=True)
class _Writer:
    """Numbers as ``lang`` writes them, with small person counts withheld."""

    lang: str
    min_count: int

    @property
    def _(self) -> Callable[[str], str]:
        return translator(self.lang, DOMAIN)

    def small(self, value: float) -> bool:
        """A person count that is not stated as a number (0 < count < ``min_count``)."""
        return 0 < abs(round(value)) < self.min_count

    def value(self, value: float | None, kind: str) -> str:
        if value is None or math.isnan(value):
            return "–"
        if kind == "count" and self.small(value):
            return self._("fewer than {n}").format(n=self.min_count)
        return self._magnitude(value, kind) + self._unit(kind)

    def change(self, value: float | None, kind: str) -> str:
        if value is None or math.isnan(value):
            return "–"
        if not _changed(value) or (kind == "count" and round(value) == 0):
            return self._magnitude(0.0, kind) + self._unit(kind, change=True)
        sign = "+" if value > 0 else "\u2212"
        if kind == "count" and self.small(value):
            return sign + self._("fewer than {n}").format(n=self.min_count)
        return sign + self._magnitude(abs(value), kind, change=True) + self._unit(kind, change=True)

    def count(self, value: float) -> str:
        """A person count on its own (no sign, no unit)."""
        if self.small(value):
            return self._("fewer than {n}").format(n=self.min_count)
        return format_number(round(abs(value)), self.lang)

    def _magnitude(self, value: float, kind: str, *, change: bool = False) -> str:
        if kind == "share":
            return format_number(value * 100, self.lang, decimals=1)
        if kind == "count":
            return format_number(round(value), self.lang)
        if kind == "index":
            return format_number(value, self.lang, decimals=3)
        return format_number(value, self.lang, decimals=1)

    def _unit(self, kind: str, *, change: bool = False) -> str:
        if kind == "share":
            if change:
                return "\u00a0" + self._("pp")
            return "%" if self.lang == "en" else "\u00a0%"
        if kind in ("minutes", "rate"):
            return "\u00a0" + self._(UNITS[kind])
        return ""


def _rows(diff: Mapping[str, Any] | Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    rows = diff.get("city", []) if isinstance(diff, Mapping) else diff
    return [r for r in rows if r.get("indicator") is not None]


def _number(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def _table_row(row: Mapping[str, Any], writer: _Writer) -> dict[str, Any]:
    description = _describe(str(row["indicator"]), str(row["measure"]), writer.lang)
    before, after, change = (_number(row.get(k)) for k in ("before", "after", "change"))
    kind = description.kind
    if kind == "count":  # whole persons; small counts withheld
        before, after, change = (
            None if v is None or writer.small(v) else float(round(v))
            for v in (before, after, change)
        )
    return {
        "indicator": row["indicator"],
        "measure": row["measure"],
        "population_group": row["population_group"],
        "label": description.label,
        "group": _group_label(str(row["population_group"]), writer.lang),
        "unit": description.unit,
        "kind": kind,
        "direction": description.direction,
        "before": before,
        "after": after,
        "change": change,
        "better": _better(_number(row.get("change")), description.direction),
        "before_text": writer.value(_number(row.get("before")), kind),
        "after_text": writer.value(_number(row.get("after")), kind),
        "change_text": writer.change(_number(row.get("change")), kind),
    }


def summary_table(
    diff: Mapping[str, Any] | Iterable[Mapping[str, Any]], *, lang: str = "en", min_count: int = 10
) -> list[dict[str, Any]]:
    """The city rows of ``diff`` labelled: one row per indicator, measure and group.

    Values stay numbers (fractions for shares); ``*_text`` hold them written for ``lang``.
    """
    writer = _Writer(normalize(lang), min_count)
    return [_table_row(row, writer) for row in _rows(diff)]


def _join(phrases: list[str], writer: _Writer) -> str:
    """``a, b and c`` in the writer's language."""
    _ = writer._
    if len(phrases) == 1:
        return phrases[0]
    return _("{items} and {last}").format(items=", ".join(phrases[:-1]), last=phrases[-1])


def _access_sentences(
    rows: dict[tuple[str, str, str], Mapping[str, Any]], writer: _Writer
) -> list[tuple[float, str]]:
    """One sentence per distinct change of the residents within walking distance; services
    whose numbers are the same (a housing edit moves them all alike) share one sentence."""
    _ = writer._
    out: list[tuple[float, str]] = []
    same: dict[tuple[int, int, str], list[str]] = {}
    services = sorted({k[0] for k in rows if k[0].startswith("access_walk_")})
    for indicator in services:
        service = indicator.removeprefix("access_walk_")
        phrase = _(SERVICE_PHRASES.get(service, OTHER_SERVICE_PHRASE))
        counted = [
            k
            for k in rows
            if k[0] == indicator and k[1].startswith("residents_within_") and k[2] == "all"
        ]
        change = _number(rows[counted[0]].get("change")) if counted else None
        if counted and change is not None and round(change) != 0:
            lowest = rows.get((indicator, counted[0][1], "lowest_income"))
            low = _number(lowest.get("change")) if lowest else None
            low_kept = (
                round(low)
                if low is not None and round(low) != 0 and (low > 0) == (change > 0)
                else 0
            )
            same.setdefault((round(change), low_kept, _minutes_of(counted[0][1])), []).append(
                phrase
            )
            continue
        row = rows.get((indicator, "mean_minutes", "all"))
        if row is not None and _changed(_number(row.get("change"))):
            sentence = _generic(row, writer)
            if sentence is not None:
                out.append((0.0, sentence))
    for (change, low, minutes), phrases in same.items():
        service = _join(phrases, writer)
        if writer.small(change):
            text = (
                _("Fewer than {n} residents gain a {minutes}-minute walk to {service}")
                if change > 0
                else _("Fewer than {n} residents lose a {minutes}-minute walk to {service}")
            ).format(n=writer.min_count, minutes=minutes, service=service)
        else:
            text = _("{change} residents within a {minutes}-minute walk of {service}").format(
                change=writer.change(float(change), "count"), minutes=minutes, service=service
            )
        if low:
            text += _(", of them {count} in the lowest income class").format(
                count=writer.count(float(low))
            )
        out.append((float(abs(change)), text))
    return out


def _generic(row: Mapping[str, Any], writer: _Writer) -> str | None:
    """ "label (group): before → after" or, for counts, "label: +change"; ``None`` when the
    change does not show at the precision the numbers are written with."""
    _ = writer._
    description = _describe(str(row["indicator"]), str(row["measure"]), writer.lang)
    label = description.label
    group = str(row["population_group"])
    if group != "all":
        name = _group_label(group, writer.lang)
        label = _("{label} ({group})").format(label=label, group=name[:1].lower() + name[1:])
    change = _number(row.get("change"))
    if description.kind == "count":
        assert change is not None
        if round(change) == 0:
            return None
        if writer.small(change):
            return (
                _("{label}: up by fewer than {n}")
                if change > 0
                else _("{label}: down by fewer than {n}")
            ).format(label=label, n=writer.min_count)
        return _("{label}: {change}").format(label=label, change=writer.change(change, "count"))
    before = writer.value(_number(row.get("before")), description.kind)
    after = writer.value(_number(row.get("after")), description.kind)
    if before == after:
        return None
    return _("{label}: {before} → {after}").format(label=label, before=before, after=after)


FAMILY_ORDER = ("transit", "heat", "flood", "segregation")
GENERIC_GROUPS = {
    "transit": ("all",),
    "heat": ("all", "age_0_9_and_70_plus"),
    "flood": None,
    "segregation": ("lowest_income", "income_classes"),
}
"""Which groups' changes a sentence states, per family (None: every group)."""


def summary_sentences(
    diff: Mapping[str, Any] | Iterable[Mapping[str, Any]], *, lang: str = "en", min_count: int = 10
) -> list[str]:
    """Plain-language sentences for the city rows of ``diff``, the largest changes first
    within each family (access, transit, heat, flood, segregation), at most
    :data:`MAX_SENTENCES`. A scenario that changes nothing gets one sentence saying so."""
    writer = _Writer(normalize(lang), min_count)
    rows = {tuple(str(r[k]) for k in KEYS): r for r in _rows(diff)}
    keyed: dict[tuple[str, str, str], Mapping[str, Any]] = {
        (k[0], k[1], k[2]): v for k, v in rows.items()
    }
    if not any(_changed(_number(r.get("change"))) for r in keyed.values()):
        _ = writer._
        return [_("Nothing changes: the edits move none of the indicators they affect.")]
    access = sorted(_access_sentences(keyed, writer), key=lambda item: -item[0])
    sentences = [text for _size, text in access][:MAX_ACCESS_SENTENCES]
    for family in FAMILY_ORDER:
        groups = GENERIC_GROUPS[family]
        for (indicator, measure, group), row in keyed.items():
            if indicator != family or measure == "group_share":
                continue
            if groups is not None and group not in groups:
                continue
            sentence = _generic(row, writer) if _changed(_number(row.get("change"))) else None
            if sentence is not None:
                sentences.append(sentence)
    if not sentences:
        _ = writer._
        return [
            _(
                "The edits change the indicators by less than the precision shown here; "
                "the table has the exact values."
            )
        ]
    return [s[:1].upper() + s[1:] for s in sentences[:MAX_SENTENCES]]


def is_no_change(diff: Mapping[str, Any] | Iterable[Mapping[str, Any]]) -> bool:
    """Whether no city row of ``diff`` changed (an empty diff changes nothing)."""
    return not any(_changed(_number(r.get("change"))) for r in _rows(diff))


def summarize(
    diff: Mapping[str, Any] | Iterable[Mapping[str, Any]], *, lang: str = "en", min_count: int = 10
) -> dict[str, Any]:
    """``{language, sentences, no_change, table}`` for a scenario's diff."""
    language = normalize(lang)
    return {
        "language": language,
        "sentences": summary_sentences(diff, lang=language, min_count=min_count),
        "no_change": is_no_change(diff),
        "table": summary_table(diff, lang=language, min_count=min_count),
    }


def compare_summaries(
    a: Mapping[str, Any], b: Mapping[str, Any], *, lang: str = "en", min_count: int = 10
) -> list[dict[str, Any]]:
    """Two scenario diffs side by side: one row per indicator, measure and group with the
    shared ``before`` and each scenario's ``after``, ``change`` and ``better`` (suffixes
    ``_a`` and ``_b``; ``None`` where a scenario did not recompute the indicator)."""
    writer = _Writer(normalize(lang), min_count)
    tables = {}
    for name, diff in (("a", a), ("b", b)):
        tables[name] = {tuple(str(r[k]) for k in KEYS): _table_row(r, writer) for r in _rows(diff)}
    keys = list(dict.fromkeys([*tables["a"], *tables["b"]]))
    out = []
    for key in keys:
        first = tables["a"].get(key) or tables["b"][key]
        row = {
            k: first[k]
            for k in (
                "indicator",
                "measure",
                "population_group",
                "label",
                "group",
                "unit",
                "kind",
                "direction",
                "before",
                "before_text",
            )
        }
        for name in ("a", "b"):
            side = tables[name].get(key)
            for field in ("after", "change", "better", "after_text", "change_text"):
                row[f"{field}_{name}"] = side[field] if side else None
        out.append(row)
    return out
