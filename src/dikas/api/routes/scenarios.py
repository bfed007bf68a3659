"""What-if scenarios run through :func:`dikas.scenarios.run_scenario`.

The body is a scenario as in ``dikas scenario run`` YAML, as JSON. Requests may not name
files on the server (``base_twin``, ``polygon_file``: give polygons inline), may hold at most
:data:`MAX_EDITS` edits and may nest at most :data:`MAX_DEPTH` levels. A run's id is the first
16 hex digits of the scenario's sha256, so the same scenario is computed once; the newest
``ApiSettings.max_scenarios`` runs, at most ``ApiSettings.max_scenario_bytes`` of them, are
kept for their shareable URLs.

Every run comes with a ``summary`` in the reader's language (``?lang=fi|sv|en``, else the
``Accept-Language`` header): plain sentences, a labelled before/after/change table by
population group and ``no_change`` (:mod:`dikas.scenarios.summary`). It is computed on each
request from the stored diff, so one stored run serves every language.

Runs need no sign-in (the map app lets anyone try a what-if) and are bounded per client
instead (:mod:`dikas.api.limits`): ``ApiSettings.scenario_slots`` run at once, one client
holds at most one of them, a client starts at most ``scenario_runs_per_window`` runs per
``scenario_window_s``, and each run is stopped after ``scenario_timeout_s`` seconds
(:mod:`dikas.api.runner`). Refusals are 429 with ``Retry-After``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from dikas.api.context import ApiContext
from dikas.api.errors import TooLargeError
from dikas.api.routes.deps import Language, client_key, context, request_language
from dikas.errors import ParameterError

router = APIRouter(prefix="/api", tags=["Scenarios"])
MAX_EDITS = 20
MAX_DEPTH = 12
"""Deepest nesting of a scenario body (a GeoJSON polygon edit is 8 levels deep)."""
FORBIDDEN_KEYS = frozenset({"base_twin", "polygon_file"})
"""Keys that would make the server read files named by the client."""


def _forbidden(value: object) -> set[str]:
    """Forbidden keys anywhere in a JSON value, refusing (413) values nested deeper than
    :data:`MAX_DEPTH` before looking further (iterative: a deep body cannot exhaust the
    stack)."""
    found: set[str] = set()
    pending: list[tuple[object, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if not isinstance(item, dict | list):
            continue
        if depth > MAX_DEPTH:
            raise TooLargeError(f"scenario nests deeper than {MAX_DEPTH} levels")
        children = item.values() if isinstance(item, dict) else item
        if isinstance(item, dict):
            found.update(k for k in item if k in FORBIDDEN_KEYS)
        pending.extend((child, depth + 1) for child in children)
    return found


def _normalise(scenario: dict[str, Any]) -> dict[str, Any]:
    """Accept the map app's GeoJSON polygons: a GeoJSON ``Polygon`` becomes its outer ring of
    ``[lon, lat]`` pairs (what :mod:`dikas.scenarios.spec` takes); ``add_housing`` is placed
    at its ``lon``/``lat`` (the app sends the polygon's centroid), so its polygon is dropped."""
    edits = scenario.get("edits")
    if not isinstance(edits, list):
        return scenario
    out = []
    for edit in edits:
        if isinstance(edit, dict) and len(edit) == 1:
            ((keyword, options),) = edit.items()
            if isinstance(options, dict) and isinstance(options.get("polygon"), dict):
                options = dict(options)
                polygon = options.pop("polygon")
                if keyword != "add_housing":
                    if polygon.get("type") != "Polygon":
                        raise ParameterError(f"{keyword}: polygon must be a GeoJSON Polygon")
                    options["polygon"] = polygon.get("coordinates", [[]])[0]
                edit = {keyword: options}
        out.append(edit)
    return {**scenario, "edits": out}


def _maps(diff: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, float]]:
    """Per-area change of each measure, keyed ``indicator|measure|population_group``."""
    maps: dict[str, dict[str, float]] = defaultdict(dict)
    for row in diff.get("areas", []):
        if row.get("change") is not None:
            key = f"{row['indicator']}|{row['measure']}|{row['population_group']}"
            maps[key][str(row["postal_code"])] = float(row["change"])
    return dict(maps)


SCENARIO_ID = r"^[0-9a-f]{16}$"


class SummaryRow(BaseModel):
    """One indicator, measure and population group of a what-if, labelled."""

    model_config = ConfigDict(extra="forbid")
    indicator: str
    measure: str
    population_group: str
    label: str = Field(description="What is measured, in the summary's language")
    group: str = Field(description="The population group, in the summary's language")
    unit: str
    kind: Literal["share", "count", "minutes", "index", "rate"] = Field(
        description="share: a fraction (shown in %); count: persons; minutes; index; rate "
        "(per hour)"
    )
    direction: Literal["higher_is_better", "lower_is_better"] | None
    before: float | None
    after: float | None
    change: float | None
    better: bool | None = Field(
        description="Whether the change goes the good way (null: no "
        "change, or the measure has no direction)"
    )
    before_text: str
    after_text: str
    change_text: str


class Summary(BaseModel):
    """What a what-if means, in plain words."""

    model_config = ConfigDict(extra="forbid")
    language: Language
    sentences: list[str]
    no_change: bool = Field(description="True when nothing the scenario recomputed moved")
    table: list[SummaryRow]


class ScenarioRun(BaseModel):
    """A scenario run: the diff, per-area changes, the resolved edits and the summary."""

    model_config = ConfigDict(extra="allow")
    id: str
    name: str
    diff: dict[str, list[dict[str, Any]]]
    maps: dict[str, dict[str, float]]
    edits: list[dict[str, Any]]
    recomputed: list[str]
    provenance: dict[str, str]
    submitted: dict[str, Any]
    summary: Summary


class ComparisonRow(BaseModel):
    """One indicator, measure and group of two runs side by side."""

    model_config = ConfigDict(extra="forbid")
    indicator: str
    measure: str
    population_group: str
    label: str
    group: str
    unit: str
    kind: Literal["share", "count", "minutes", "index", "rate"]
    direction: Literal["higher_is_better", "lower_is_better"] | None
    before: float | None
    before_text: str
    after_a: float | None
    change_a: float | None
    better_a: bool | None
    after_text_a: str | None
    change_text_a: str | None
    after_b: float | None
    change_b: float | None
    better_b: bool | None
    after_text_b: str | None
    change_text_b: str | None


class Comparison(BaseModel):
    """Two stored runs side by side."""

    model_config = ConfigDict(extra="forbid")
    language: Language
    a: dict[str, str] = Field(description="id and name of the first run")
    b: dict[str, str] = Field(description="id and name of the second run")
    same_base: bool = Field(
        description="Whether both runs start from the same twin and year "
        "(otherwise their before values differ)"
    )
    table: list[ComparisonRow]


def _with_summary(body: dict[str, Any], ctx: ApiContext, language: str) -> dict[str, Any]:
    from dikas.scenarios.summary import summarize

    return {
        **body,
        "summary": summarize(body["diff"], lang=language, min_count=ctx.settings.min_count),
    }


LangQuery = Annotated[
    Language | None,
    Query(description="Language of the summary (default: from Accept-Language, else English)"),
]


@router.post(
    "/scenarios",
    status_code=201,
    response_model=ScenarioRun,
    summary="Run a scenario (the JSON form of a `dikas scenario run` YAML file)",
)
def run(
    ctx: Annotated[ApiContext, Depends(context)],
    request: Request,
    scenario: Annotated[dict[str, Any], Body()],
    response: Response,
    lang: LangQuery = None,
) -> dict[str, Any]:
    from dikas.scenarios import load_scenario, run_scenario

    forbidden = _forbidden(scenario)
    if forbidden:
        raise ParameterError(
            f"scenarios sent to the server may not name files "
            f"({', '.join(sorted(forbidden))}); give polygons inline"
        )
    edits = scenario.get("edits")
    if isinstance(edits, list) and len(edits) > MAX_EDITS:
        raise ParameterError(f"at most {MAX_EDITS} edits per scenario, not {len(edits)}")
    spec = load_scenario(_normalise(scenario))
    scenario_id = spec.sha256[:16]
    language = request_language(lang, request)
    try:
        return _with_summary(ctx.community.scenario(scenario_id), ctx, language)
    except LookupError:
        pass
    client = client_key(request, ctx)
    with ctx.scenario_slots.hold(client):
        ctx.scenario_runs.hit(client)
        timeout = ctx.settings.scenario_timeout_s
        if timeout is None:
            result = run_scenario(ctx.twin_file, spec).to_dict()
        else:
            from dikas.api.runner import run_in_child

            result = run_in_child(ctx.twin_file, spec, timeout_s=timeout)
    body = {
        "id": scenario_id,
        "name": result["name"],
        "diff": result["diff"],
        "maps": _maps(result["diff"]),
        "edits": result["edits"],
        "recomputed": result["recomputed"],
        "provenance": {k: v for k, v in result["provenance"].items() if k != "base_twin"},
        # as posted (outlines, capacities): what a shared URL restores into the editor
        "submitted": scenario,
    }
    if ctx.community.save_scenario(
        scenario_id,
        body["name"],
        body,
        keep=ctx.settings.max_scenarios,
        max_bytes=ctx.settings.max_scenario_bytes,
    ):
        response.headers["Location"] = f"/api/scenarios/{scenario_id}"
    return _with_summary(body, ctx, language)


@router.get(
    "/scenarios/compare",
    response_model=Comparison,
    summary="Two stored scenario runs side by side (the summary table with two after-columns)",
)
def compare(
    ctx: Annotated[ApiContext, Depends(context)],
    request: Request,
    a: Annotated[str, Query(pattern=SCENARIO_ID, description="Id of the first run")],
    b: Annotated[str, Query(pattern=SCENARIO_ID, description="Id of the second run")],
    lang: LangQuery = None,
) -> dict[str, Any]:
    from dikas.scenarios.summary import compare_summaries

    language = request_language(lang, request)
    first, second = ctx.community.scenario(a), ctx.community.scenario(b)
    base = ("base_build_id", "year")
    same = all(first["provenance"].get(k) == second["provenance"].get(k) for k in base)
    return {
        "language": language,
        "a": {"id": a, "name": first["name"]},
        "b": {"id": b, "name": second["name"]},
        "same_base": same,
        "table": compare_summaries(
            first["diff"], second["diff"], lang=language, min_count=ctx.settings.min_count
        ),
    }


@router.get(
    "/scenarios/{scenario_id}", response_model=ScenarioRun, summary="A scenario run, by its id"
)
def get(
    scenario_id: str,
    ctx: Annotated[ApiContext, Depends(context)],
    request: Request,
    lang: LangQuery = None,
) -> dict[str, Any]:
    return _with_summary(ctx.community.scenario(scenario_id), ctx, request_language(lang, request))
