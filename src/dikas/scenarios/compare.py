"""Scenarios side by side: the city-level change of each indicator per scenario."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from dikas.errors import TwinError
from dikas.scenarios.run import KEYS, ScenarioResult
from dikas.twin.store import Twin


def result_from_twin(path: Path) -> ScenarioResult:
    """The result stored in a scenario twin written by :func:`run_scenario`."""
    with Twin.open(path) as twin:
        if not twin.has_layer("scenario_info"):
            raise TwinError(f"twin {str(path)!r}: not a scenario twin (no scenario_info)")
        info = twin.read("scenario_info").iloc[0].to_dict()
        diff = twin.read("scenario_diff")
    diff = diff.astype(object).where(diff.notna(), None)
    city = diff[diff["level"] == "city"].drop(columns=["level", "postal_code"])
    areas = diff[diff["level"] == "areas"].drop(columns=["level"])
    provenance = {
        k: str(info[k])
        for k in (
            "base_twin",
            "base_build_id",
            "scenario_sha256",
            "code_version",
            "computed_at",
            "year",
        )
    }
    return ScenarioResult(
        name=str(info["name"]),
        diff={"city": city.to_dict("records"), "areas": areas.to_dict("records")},
        edits=tuple(json.loads(info["edits"])),
        recomputed=(),
        provenance=provenance,
        out=path,
    )


def compare_results(results: Sequence[ScenarioResult]) -> pd.DataFrame:
    """One row per (indicator, measure, group): ``before`` and each scenario's ``change``.

    Scenarios on the same base share ``before``; a scenario that did not recompute an
    indicator shows no change (NaN) for it.
    """
    frames = []
    names = [r.name for r in results]
    for position, result in enumerate(results):
        city = result.city_frame()
        label = result.name if names.count(result.name) == 1 else f"{result.name} ({position + 1})"
        frames.append(
            city.set_index(KEYS)[["before", "change"]].rename(
                columns={"change": label, "before": f"_before_{position}"}
            )
        )
    table = pd.concat(frames, axis=1)
    before_columns = [c for c in table.columns if str(c).startswith("_before_")]
    table.insert(0, "before", table[before_columns].bfill(axis=1).iloc[:, 0])
    return table.drop(columns=before_columns).reset_index()
