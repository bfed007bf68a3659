"""The survey report: who answered, how representative they are, and how the answers line
up with the twin's indicators, as one self-contained HTML page in Finnish, Swedish or English.

Every figure is the public one: units with fewer respondents than the privacy threshold are
blanked (the same rule as the API), raw places are never shown.
"""

from __future__ import annotations

import html
from typing import Any

from dikas.i18n import N_, format_number, translator
from dikas.surveys.against_twin import against_twin
from dikas.surveys.representativeness import publish, representativeness
from dikas.surveys.store import StoredSurvey, SurveyStore
from dikas.twin.store import Twin

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
    "padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;margin:1rem 0}"
    "th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:right}"
    "th:first-child,td:first-child{text-align:left}.flag{color:#a00000;font-weight:600}"
    ".muted{color:#555}"
)

LABELS = (
    N_("Respondents"),
    N_("Version"),
    N_("Areas and groups with fewer respondents than {n} are not shown."),
    N_("Who answered"),
    N_("Answers against the twin"),
    N_("No map question names indicators to compare with."),
    N_("Indicator"),
    N_("Areas"),
    N_("Rank correlation with places marked per km²"),
    N_("Permutation p-value"),
    N_("not in the twin"),
    N_("Representation score (lowest participation ÷ highest)"),
    N_("Unit"),
    N_("Residents"),
    N_("Per 1,000 residents"),
    N_("Weight"),
    N_("under-represented"),
    N_("Postal areas"),
    N_("fewer than the threshold"),
)
"""Every label of the report (translated when it is written)."""


def _e(value: object) -> str:
    return html.escape(str(value))


def survey_report(
    stored: StoredSurvey, store: SurveyStore, twin: Twin, *, language: str, min_count: int
) -> str:
    """The report of one survey as HTML."""
    _ = translator(language, "surveys")
    L = {label: _(label) for label in LABELS}
    survey = stored.survey
    answers = store.answers(survey.id)
    threshold = L["Areas and groups with fewer respondents than {n} are not shown."].format(
        n=min_count
    )
    parts = [
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{_e(survey.title[language])}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(survey.title[language])}</h1>",
        f"<p>{_e(L['Respondents'])}: {format_number(store.count(survey.id), language)}"
        f" · {_e(L['Version'])} {survey.version}</p>",
        f'<p class="muted">{_e(threshold)}</p>',
    ]
    if twin.has_layer("areas"):
        areas = twin.read("areas", year=max(twin.years("areas"))).drop(columns="geometry")
        result = publish(
            representativeness(survey, answers, areas, language=language), min_count=min_count
        )
        parts.append(f"<h2>{_e(L['Who answered'])}</h2>")
        for dimension in result["dimensions"]:
            parts.append(_dimension_table(dimension, language, L))
    parts.append(f"<h2>{_e(L['Answers against the twin'])}</h2>")
    comparisons = against_twin(survey, answers, twin) if twin.has_layer("areas") else []
    if not comparisons:
        parts.append(f"<p>{_e(L['No map question names indicators to compare with.'])}</p>")
    for item in comparisons:
        question = survey.question(item["question"])
        assert question is not None
        parts.append(
            f"<h3>{_e(question.text[language])}</h3><table><tr>"
            f"<th>{_e(L['Indicator'])}</th><th>{_e(L['Areas'])}</th>"
            f"<th>{_e(L['Rank correlation with places marked per km²'])}</th>"
            f"<th>{_e(L['Permutation p-value'])}</th></tr>"
        )
        for comparison in item["comparisons"]:
            name = question.compare_labels[comparison["indicator"]][language]
            if not comparison["available"]:
                parts.append(
                    f'<tr><td>{_e(name)}</td><td colspan="3">{_e(L["not in the twin"])}</td></tr>'
                )
                continue
            parts.append(
                f"<tr><td>{_e(name)}</td>"
                f"<td>{comparison['units']}</td>"
                f"<td>{format_number(comparison['spearman_rho'], language, decimals=2)}"
                f"</td><td>{format_number(comparison['p_value'], language, decimals=3)}"
                "</td></tr>"
            )
        parts.append("</table>")
    attribution = " · ".join(p for p in (survey.attribution, survey.licence) if p)
    if attribution:
        parts.append(f'<footer class="muted">{_e(attribution)}</footer>')
    parts.append("</body></html>")
    return "\n".join(parts)


def _dimension_table(dimension: dict[str, Any], language: str, L: dict[str, str]) -> str:
    title = L["Postal areas"] if dimension["dimension"] == "areas" else dimension["label"]
    score = dimension["score"]
    rows = [
        f"<h3>{_e(title)}</h3>",
        f"<p>{_e(L['Representation score (lowest participation ÷ highest)'])}: "
        f"{format_number(score, language, decimals=2)}</p>",
        f"<table><tr><th>{_e(L['Unit'])}</th><th>{_e(L['Residents'])}</th>"
        f"<th>{_e(L['Respondents'])}</th><th>{_e(L['Per 1,000 residents'])}</th>"
        f"<th>{_e(L['Weight'])}</th><th></th></tr>",
    ]
    for unit in dimension["units"]:
        flag = (
            f'<span class="flag">{_e(L["under-represented"])}</span>'
            if unit["under_represented"]
            else ""
        )
        respondents = (
            L["fewer than the threshold"]
            if unit["suppressed"]
            else format_number(unit["respondents"], language)
        )
        rows.append(
            f"<tr><td>{_e(unit['label'])}</td>"
            f"<td>{format_number(unit['residents'], language)}</td>"
            f"<td>{_e(respondents)}</td>"
            f"<td>{format_number(unit['per_1000'], language, decimals=2)}</td>"
            f"<td>{format_number(unit['weight'], language, decimals=2)}</td>"
            f"<td>{flag}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)
