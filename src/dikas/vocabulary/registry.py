"""The indicator registry: label, unit, direction, explanation and format of every indicator.

One place every user-facing surface (map, profiles, what-ifs, reports, API, CLI) reads, so no
code name (``access_bike_2sfca_15min_daycare``, ``hr_pi_tul``) reaches a person. The data is
in ``indicators.yaml`` (fixed indicators, units, challenges, levels, patterns for generated
names and the parts they are composed from) and ``paavo.csv`` (Statistics Finland's Paavo
variables in Finnish, Swedish and English).

Names the registry cannot describe get a humanized label with ``known=False``; the test suite
checks that every indicator a twin stores is known.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from importlib import resources
from typing import Any

import yaml

from dikas.i18n import LANGUAGES, format_number, format_year, normalize

DIRECTIONS = ("higher_better", "higher_worse", "neutral")
CHALLENGES = ("segregation", "access", "climate", "population")
_SHARE = re.compile(r"^share:([a-z0-9_]+)/([a-z0-9_+]+)$")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class IndicatorInfo:
    """What a person is told about one indicator, in one language."""

    id: str
    label: str
    unit: str
    """The unit as written in the language (``%``, ``€``, ``min``, ``henkilöä``)."""
    unit_id: str
    """The unit's language-neutral id (``percent``, ``euro``, ``minutes``, ``persons``)."""
    direction: str
    """``higher_better``, ``higher_worse`` or ``neutral``."""
    explanation: str
    challenge: str
    source: str
    """The producer of the data, in the language."""
    method_url: str
    """The method's documentation (a ``docs/*.md`` anchor)."""
    percent: bool
    """Values are fractions shown as percentages."""
    decimals: int
    language: str
    known: bool = True
    """False where the registry had no entry and the label is a humanized name."""
    year: bool = False
    """Values are calendar years (written without a thousands separator)."""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class _Entry:
    """An indicator's language-independent facts and its texts in every language."""

    label: Mapping[str, str]
    explanation: Mapping[str, str]
    unit: str
    direction: str
    challenge: str
    source: str
    method: str
    percent: bool = False
    decimals: int = 2
    year: bool = False
    known: bool = True


@functools.lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = (resources.files("dikas.vocabulary") / "indicators.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@functools.lru_cache(maxsize=1)
def _paavo() -> dict[str, dict[str, str]]:
    text = (resources.files("dikas.vocabulary") / "paavo.csv").read_text("utf-8")
    return {row["name"]: row for row in csv.DictReader(text.splitlines())}


def units() -> dict[str, dict[str, str]]:
    """Unit id → its symbol or word per language."""
    return dict(_data()["units"])


def challenge_labels(language: str) -> dict[str, str]:
    """Challenge id → its name in ``language``, in the order a picker lists them."""
    lang = normalize(language)
    return {key: texts[lang] for key, texts in _data()["challenges"].items()}


def level_labels(language: str) -> dict[str, str]:
    """Level id → its name in ``language``."""
    lang = normalize(language)
    return {key: texts[lang] for key, texts in _data()["levels"].items()}


def no_data_reasons(language: str, *, min_count: int = 10) -> dict[str, str]:
    """Why a unit has no value, per reason id, in ``language``."""
    lang = normalize(language)
    return {
        key: texts[lang].format(min_count=min_count)
        for key, texts in _data()["no_data_reasons"].items()
    }


def source_label(source: str, language: str) -> str:
    """The producer behind a registry source id, in ``language``."""
    return str(_data()["sources"][source][normalize(language)])


def _paavo_entry(name: str) -> _Entry | None:
    row = _paavo().get(name)
    if row is None:
        return None
    labels = {lang: row[lang] for lang in LANGUAGES}
    explanation = {
        "fi": f"{row['fi']} postinumeroalueella (Tilastokeskus, Paavo).",
        "sv": f"{row['sv']} i postnummerområdet (Statistikcentralen, Paavo).",
        "en": f"{row['en']} in the postal code area (Statistics Finland, Paavo).",
    }
    return _Entry(
        labels,
        explanation,
        row["unit"],
        row["direction"],
        "population",
        "paavo",
        "paavo",
        decimals=int(row["decimals"]),
    )


def _share_entry(name: str) -> _Entry | None:
    match = _SHARE.match(name)
    if match is None:
        return None
    parts = [_paavo_entry(c) for c in [match.group(1), *match.group(2).split("+")]]
    if any(p is None for p in parts):
        return None
    numerator, *denominators = [p for p in parts if p is not None]
    joiner = {"fi": " ja ", "sv": " och ", "en": " and "}
    labels = {}
    explanation = {}
    for lang in LANGUAGES:
        below = joiner[lang].join(d.label[lang].lower() for d in denominators)
        labels[lang] = {
            "fi": f"Osuus: {numerator.label[lang].lower()} / {below}",
            "sv": f"Andel: {numerator.label[lang].lower()} / {below}",
            "en": f"Share: {numerator.label[lang].lower()} / {below}",
        }[lang]
        explanation[lang] = {
            "fi": f"{numerator.label[lang]} osuutena ryhmästä {below}.",
            "sv": f"{numerator.label[lang]} som andel av {below}.",
            "en": f"{numerator.label[lang]} as a share of {below}.",
        }[lang]
    return _Entry(
        labels,
        explanation,
        "percent",
        "neutral",
        "population",
        "paavo",
        "shares",
        percent=True,
        decimals=1,
    )


def _part(kind: str, key: str) -> Mapping[str, Any] | None:
    parts = _data()["parts"].get(kind)
    if isinstance(parts, list):
        for rule in parts:
            match = re.match(rule["match"], key)
            if match:
                return {**rule, "_groups": match.groupdict()}
        return None
    if parts is None:
        return None
    return parts.get(key, parts.get("default"))


def _fill(template: str, values: Mapping[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _pattern_entry(name: str) -> _Entry | None:
    data = _data()
    for rule in data["patterns"]:
        match = re.match(rule["match"], name)
        if match is None:
            continue
        family = data["families"][rule["family"]]
        groups = {k: v or "" for k, v in match.groupdict().items()}
        facts: dict[str, Any] = {
            k: family[k] for k in ("unit", "direction", "decimals", "percent") if k in family
        }
        texts: dict[str, dict[str, str]] = {lang: dict(groups) for lang in LANGUAGES}
        for kind, key in groups.items():
            part = _part(kind, key)
            if part is None:
                if kind in data["parts"]:
                    return None  # a part the registry does not know: not this pattern
                continue
            labels = part.get("label", part)
            for lang in LANGUAGES:
                if isinstance(labels, Mapping) and lang in labels:
                    texts[lang][kind] = _fill(str(labels[lang]), part.get("_groups", {}))
                if "explanation" in part:
                    texts[lang][f"{kind}_explanation"] = _fill(
                        str(part["explanation"][lang]), part.get("_groups", {})
                    )
            facts.update(
                {k: part[k] for k in ("unit", "direction", "decimals", "percent") if k in part}
            )
            for extra in ("explanation", "direction", "format"):
                table = data["parts"].get(f"{kind}_{extra}")
                if not isinstance(table, Mapping):
                    continue
                value = table.get(key, table.get("default"))
                if value is None:
                    continue
                if extra == "explanation":
                    for lang in LANGUAGES:
                        texts[lang][f"{kind}_explanation"] = str(value[lang])
                elif extra == "direction":
                    facts["direction"] = value
                else:
                    facts.update(value)
        label = {lang: _capitalize(_fill(family["label"][lang], texts[lang])) for lang in LANGUAGES}
        explanation = {
            lang: _fill(family["explanation"][lang], texts[lang]).strip() for lang in LANGUAGES
        }
        if any(_PLACEHOLDER.search(t) for t in (*label.values(), *explanation.values())):
            return None
        return _Entry(
            label,
            explanation,
            str(facts.get("unit", "index")),
            str(facts.get("direction", "neutral")),
            family["challenge"],
            family["source"],
            family["method"],
            bool(facts.get("percent", False)),
            int(facts.get("decimals", 2)),
        )
    return None


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fixed_entry(name: str) -> _Entry | None:
    spec = _data()["indicators"].get(name)
    if spec is None:
        return None
    return _Entry(
        spec["label"],
        spec["explanation"],
        spec["unit"],
        spec["direction"],
        spec["challenge"],
        spec["source"],
        spec["method"],
        bool(spec.get("percent", False)),
        int(spec.get("decimals", 2)),
        bool(spec.get("year", False)),
    )


@functools.lru_cache(maxsize=4096)
def _entry(name: str) -> _Entry:
    for finder in (_fixed_entry, _paavo_entry, _share_entry, _pattern_entry):
        entry = finder(name)
        if entry is not None:
            return entry
    human = _capitalize(name.replace("share:", "").replace("_", " ").replace("/", " / "))
    return _Entry(
        {lang: human for lang in LANGUAGES},
        {lang: "" for lang in LANGUAGES},
        "index",
        "neutral",
        "population",
        "paavo",
        "paavo",
        known=False,
    )


def is_known(indicator: str) -> bool:
    """Whether the registry describes ``indicator`` (rather than humanizing its name)."""
    return _entry(indicator).known


def describe(indicator: str, language: str = "en") -> IndicatorInfo:
    """Everything a person is told about ``indicator``, in ``language`` (fi, sv or en)."""
    lang = normalize(language)
    entry = _entry(indicator)
    return IndicatorInfo(
        id=indicator,
        label=entry.label[lang],
        unit=units()[entry.unit][lang],
        unit_id=entry.unit,
        direction=entry.direction,
        explanation=entry.explanation[lang],
        challenge=entry.challenge,
        source=source_label(entry.source, lang),
        method_url=str(_data()["methods"][entry.method]),
        percent=entry.percent,
        decimals=entry.decimals,
        language=lang,
        known=entry.known,
        year=entry.year,
    )


def label(indicator: str, language: str = "en") -> str:
    """The indicator's label in ``language``."""
    return describe(indicator, language).label


def population_group_label(group: str | None, language: str = "en") -> str:
    """A population group (``lowest_income_inhabitants/adults_income_total``, ``all``) named
    in ``language``: the share's label where the registry has one, else its parts'."""
    lang = normalize(language)
    if not group or group == "all":
        return {"fi": "Kaikki asukkaat", "sv": "Alla invånare", "en": "All inhabitants"}[lang]
    share = f"share:{group}"
    if _fixed_entry(share) is not None or _share_entry(share) is not None:
        return label(share, lang)
    return label(group, lang)


def format_value(
    indicator: str, value: float | int | None, language: str = "en", *, with_unit: bool = True
) -> str:
    """``value`` of ``indicator`` written for a reader of ``language``: percentages from
    fractions, the registry's decimals, years without separators, the unit after the number
    (``14,4 %``, ``2 310 €``, ``12,5 min``)."""
    lang = normalize(language)
    info = describe(indicator, lang)
    if value is None or value != value:
        return "–"
    if info.year:
        return format_year(int(value))
    if info.percent:
        return format_number(float(value), lang, decimals=info.decimals, percent=True)
    text = format_number(float(value), lang, decimals=info.decimals)
    if not with_unit or info.unit_id in ("index", "probability", "rank"):
        return text
    return f"{text}\u00a0{info.unit}"
