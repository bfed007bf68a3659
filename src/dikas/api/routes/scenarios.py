"""What-if scenarios run through :func:`dikas.scenarios.run_scenario`.

The body is a scenario as in ``dikas scenario run`` YAML, as JSON. Requests may not name
files on the server (``base_twin``, ``polygon_file``: give polygons inline), may hold at most
:data:`MAX_EDITS` edits, and only one scenario runs at a time (429 while busy). A run's id is
the first 16 hex digits of the scenario's sha256, so the same scenario is computed once; the
newest ``ApiSettings.max_scenarios`` runs are kept for their shareable URLs.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Response

from dikas.api.context import ApiContext
from dikas.api.errors import BusyError
from dikas.api.routes.deps import context
from dikas.errors import ParameterError

router = APIRouter(prefix="/api", tags=["Scenarios"])
MAX_EDITS = 20
FORBIDDEN_KEYS = frozenset({"base_twin", "polygon_file"})
"""Keys that would make the server read files named by the client."""
_running = threading.Semaphore(1)


def _forbidden(value: object) -> set[str]:
    if isinstance(value, dict):
        found = {k for k in value if k in FORBIDDEN_KEYS}
        return found.union(*(_forbidden(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_forbidden(v) for v in value))
    return set()


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
            (keyword, options), = edit.items()
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


@router.post("/scenarios", status_code=201,
             summary="Run a scenario (the JSON form of a `dikas scenario run` YAML file)")
def run(ctx: Annotated[ApiContext, Depends(context)],
        scenario: Annotated[dict[str, Any], Body()], response: Response) -> dict[str, Any]:
    from dikas.scenarios import load_scenario, run_scenario

    forbidden = _forbidden(scenario)
    if forbidden:
        raise ParameterError(f"scenarios sent to the server may not name files "
                             f"({', '.join(sorted(forbidden))}); give polygons inline")
    edits = scenario.get("edits")
    if isinstance(edits, list) and len(edits) > MAX_EDITS:
        raise ParameterError(f"at most {MAX_EDITS} edits per scenario, not {len(edits)}")
    spec = load_scenario(_normalise(scenario))
    scenario_id = spec.sha256[:16]
    try:
        return ctx.community.scenario(scenario_id)
    except LookupError:
        pass
    if not _running.acquire(blocking=False):
        raise BusyError("another scenario is running; try again in a moment")
    try:
        result = run_scenario(ctx.settings.twin_path, spec).to_dict()
    finally:
        _running.release()
    body = {"id": scenario_id, "name": result["name"], "diff": result["diff"],
            "maps": _maps(result["diff"]), "edits": result["edits"],
            "recomputed": result["recomputed"],
            "provenance": {k: v for k, v in result["provenance"].items() if k != "base_twin"},
            # as posted (outlines, capacities): what a shared URL restores into the editor
            "submitted": scenario}
    ctx.community.save_scenario(scenario_id, body["name"], body,
                                keep=ctx.settings.max_scenarios)
    response.headers["Location"] = f"/api/scenarios/{scenario_id}"
    return body


@router.get("/scenarios/{scenario_id}", summary="A scenario run, by its id")
def get(scenario_id: str, ctx: Annotated[ApiContext, Depends(context)]) -> dict[str, Any]:
    return ctx.community.scenario(scenario_id)
