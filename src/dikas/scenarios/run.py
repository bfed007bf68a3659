"""Running a scenario: edit a copy of the twin, recompute what the edits touch, diff.

:func:`run_scenario` reads the base twin read-only, applies the edits in memory in file
order and recomputes only the indicator families the edits affect:

==========================  =============================================================
edit                        recomputed
==========================  =============================================================
add/remove/move service     walking access to that service type (incremental, see
                            :mod:`dikas.scenarios.nearest`)
add/remove housing          access to every service type (same travel times, new
                            weights), segregation, heat, flood (and transit if edited)
greening                    heat
add_stop, change_frequency, departures per hour near home (transit)
remove_route
==========================  =============================================================

The base twin's layers and network are read once per process (:mod:`dikas.scenarios.base`).
The result holds "before", "after" and "change" for the city and per postal area. With
``out``, the edited layers and the diff go into a *copy* of the base twin (written to a
temporary file beside ``out`` and renamed on success), with the base twin's build id, the
scenario's hash and the code version in its ``scenario_info`` table.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.accessibility.locations import near_network
from dikas.accessibility.network import StreetNetwork
from dikas.accessibility.population import groups_per_cell
from dikas.climate.flood import read_hazard
from dikas.code_version import code_version
from dikas.errors import ConfigError, TwinError
from dikas.progress import step
from dikas.scenarios import evaluate, transit
from dikas.scenarios.base import BaseTwin, load_base
from dikas.scenarios.edits import apply_greening, apply_housing, apply_service_edit
from dikas.scenarios.locate import point_of
from dikas.scenarios.nearest import MAX_SNAP_DISTANCE_M, NearestServices, snap_origins
from dikas.scenarios.spec import (
    AddHousing,
    AddService,
    AddStop,
    ChangeFrequency,
    Greening,
    MoveService,
    RemoveHousing,
    RemoveRoute,
    RemoveService,
    Scenario,
    edit_keyword,
    load_scenario,
)
from dikas.scenarios.state import CityState
from dikas.settings import TWIN_CRS
from dikas.twin.store import Twin

SERVICE_EDITS = (AddService, RemoveService, MoveService)
HOUSING_EDITS = (AddHousing, RemoveHousing)
TRANSIT_EDITS = (AddStop, ChangeFrequency, RemoveRoute)
KEYS = ["indicator", "measure", "population_group"]


@dataclass(frozen=True)
class ScenarioResult:
    """What a scenario changes.

    Attributes
    ----------
    name
        The scenario's name.
    diff
        ``{"city": [...], "areas": [...]}``: rows with ``indicator``, ``measure``,
        ``population_group`` (and ``postal_code``), ``before``, ``after``, ``change``;
        plain JSON-able values (``None`` where undefined).
    edits
        One record per edit: its keyword and what it resolved to (ids, cells, counts).
    recomputed
        The indicator families that were recomputed.
    provenance
        ``base_build_id``, ``scenario_sha256``, ``code_version``, ``base_twin``,
        ``computed_at``.
    out
        The scenario twin written, if any.
    """

    name: str
    diff: Mapping[str, list[dict[str, Any]]]
    edits: tuple[Mapping[str, Any], ...]
    recomputed: tuple[str, ...]
    provenance: Mapping[str, str]
    out: Path | None = None
    timings: Mapping[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data."""
        return {
            "name": self.name,
            "provenance": dict(self.provenance),
            "edits": [dict(e) for e in self.edits],
            "recomputed": list(self.recomputed),
            "out": str(self.out) if self.out else None,
            "diff": dict(self.diff),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The result as a JSON document."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def city_frame(self) -> pd.DataFrame:
        """The city rows as a DataFrame."""
        return pd.DataFrame(self.diff["city"])

    def areas_frame(self) -> pd.DataFrame:
        """The postal-area rows as a DataFrame."""
        return pd.DataFrame(self.diff["areas"])


@dataclass
class _Context:
    """Everything the before/after evaluation shares."""

    state: CityState
    scenario: Scenario
    families: set[str]
    network: StreetNetwork | None = None
    origins: Any = None
    origin_ids: pd.Index | None = None
    base_groups: pd.DataFrame | None = None
    access: dict[str, NearestServices] = field(default_factory=dict)
    hot_cutoff: float | None = None
    hazard: gpd.GeoDataFrame | None = None
    day: Any = None


def _plan(scenario: Scenario, state: CityState) -> tuple[set[str], Counter[str]]:
    """Indicator families to recompute and service removals per type."""
    families: set[str] = set()
    removals: Counter[str] = Counter()
    types = dict(zip(state.services["service_id"], state.services["service_type"], strict=True))
    for edit in scenario.edits:
        if isinstance(edit, SERVICE_EDITS):
            service_type = (
                edit.service_type if isinstance(edit, AddService) else types.get(edit.service_id)
            )
            if service_type is None:
                raise ConfigError(f"no service with service_id {edit.service_id!r}")
            families.add(f"access:{service_type}")
            if not isinstance(edit, AddService):
                removals[service_type] += 1
        elif isinstance(edit, HOUSING_EDITS):
            families.update({"segregation", "heat", "housing"})
            if scenario.flood_hazard is not None:
                families.add("flood")
        elif isinstance(edit, Greening):
            families.add("heat")
        elif isinstance(edit, TRANSIT_EDITS):
            families.add("transit")
    if "housing" in families:
        families.discard("housing")
        families.update(f"access:{t}" for t in sorted(set(state.services["service_type"])))
    return families, removals


def _groups(ctx: _Context) -> pd.DataFrame:
    """Population-group counts of the origin cells, with the housing edits' additions."""
    assert ctx.base_groups is not None and ctx.origin_ids is not None
    groups = ctx.base_groups
    if not ctx.state.added_groups.empty:
        added = ctx.state.added_groups.reindex(ctx.origin_ids).fillna(0.0)
        groups = groups.add(added[list(ctx.state.group_names())], fill_value=0.0)
    return groups


def _evaluate(ctx: _Context) -> tuple[pd.DataFrame, pd.DataFrame]:
    """City and area rows of every family in the plan, for the state as it is now."""
    city, areas = [], []
    state = ctx.state
    if ctx.origin_ids is not None:
        groups = _groups(ctx)
        postal = state.grid["postal_code"].astype(str).reindex(ctx.origin_ids)
        for service_type, nearest in sorted(ctx.access.items()):
            minutes = pd.Series(nearest.minutes(), index=ctx.origin_ids)
            c, a = evaluate.access_rows(minutes, groups, postal, service_type=service_type)
            city.append(c)
            areas.append(a)
        if "transit" in ctx.families and state.feed is not None and ctx.network is not None:
            per_cell = pd.Series(
                transit.cell_departures(ctx.network, ctx.origins, state.feed, ctx.day),
                index=ctx.origin_ids,
            )
            c, a = transit.transit_service_rows(per_cell, groups, postal)
            city.append(c)
            areas.append(a)
    if "segregation" in ctx.families:
        c, a = evaluate.segregation_rows(state.areas, state.groups)
        city.append(c)
        areas.append(a)
    if "heat" in ctx.families and ctx.hot_cutoff is not None:
        c, a = evaluate.heat_rows(state.city_grid(), cutoff=ctx.hot_cutoff, groups=state.groups)
        city.append(c)
        areas.append(a)
    if "flood" in ctx.families and ctx.hazard is not None:
        assert ctx.scenario.flood_hazard is not None
        c, a = evaluate.flood_rows(
            state.city_grid(), ctx.hazard, class_column=ctx.scenario.flood_hazard.class_column
        )
        city.append(c)
        areas.append(a)
    return (
        pd.concat(city, ignore_index=True) if city else pd.DataFrame(columns=evaluate.CITY_COLUMNS),
        pd.concat(areas, ignore_index=True)
        if areas
        else pd.DataFrame(columns=evaluate.AREA_COLUMNS),
    )


def _diff(before: pd.DataFrame, after: pd.DataFrame, keys: list[str]) -> list[dict[str, Any]]:
    merged = before.rename(columns={"value": "before"}).merge(
        after.rename(columns={"value": "after"}), on=keys, how="outer", sort=False
    )
    merged["change"] = merged["after"] - merged["before"]
    records = []
    for row in merged[[*keys, "before", "after", "change"]].itertuples(index=False):
        record = {}
        for name, value in zip([*keys, "before", "after", "change"], row, strict=True):
            if isinstance(value, float | np.floating):
                value = None if math.isnan(value) else float(value)
            record[name] = value
        records.append(record)
    return records


def _prepare(ctx: _Context, base: BaseTwin, removals: Counter[str]) -> None:
    """Network, origins, base groups, nearest-service states, heat cut-off, hazard."""
    state = ctx.state
    needs_access = any(f.startswith("access:") for f in ctx.families) or "transit" in ctx.families
    for edit in ctx.scenario.edits:  # cells of housing on empty land exist from the start
        if isinstance(edit, HOUSING_EDITS):
            state.cell_at(point_of(edit, addresses=state.addresses))
    if needs_access:
        with step("street network and origins"):
            if base.network is None or base.network_extent is None:
                raise TwinError(
                    f"twin {str(base.path)!r}: no street network (network_nodes, network_edges)"
                )
            ctx.network = base.network
            extent = base.network_extent
            cells = state.city_grid()
            centroids = gpd.GeoDataFrame(
                {"cell_id": cells.index.to_numpy()},
                geometry=cells.geometry.centroid.to_numpy(),
                crs=TWIN_CRS,
            )
            centroids = near_network(centroids, extent, margin_m=MAX_SNAP_DISTANCE_M)
            ctx.origins, ctx.origin_ids = snap_origins(ctx.network, centroids, id_column="cell_id")
            base_areas = state.areas.drop(columns="geometry")
            groups = groups_per_cell(
                cells.reset_index(drop=True), base_areas, groups=state.access_groups()
            )
            ctx.base_groups = groups.counts.reindex(ctx.origin_ids).fillna(0.0)
    for family in sorted(ctx.families):
        if family.startswith("access:") and ctx.network is not None:
            service_type = family.split(":", 1)[1]
            services = state.services[state.services["service_type"] == service_type]
            with step(f"nearest {service_type} for {len(ctx.origins)} cells"):
                ctx.access[service_type] = NearestServices.compute(
                    ctx.network, ctx.origins, services, k=1 + removals[service_type]
                )
    if "heat" in ctx.families:
        grid = state.city_grid()
        ctx.hot_cutoff = evaluate.hot_cutoff(
            grid["heat_exposure_index"].astype(float), grid["inhabitants"].astype(float)
        )
    if "flood" in ctx.families and ctx.scenario.flood_hazard is not None:
        hazard = ctx.scenario.flood_hazard
        ctx.hazard = read_hazard(
            ctx.scenario.resolve(hazard.file), class_column=hazard.class_column, crs=TWIN_CRS
        )
    if "transit" in ctx.families and state.feed is not None:
        ctx.day = transit.service_day(state.feed)


def _apply(ctx: _Context) -> list[dict[str, Any]]:
    records = []
    state = ctx.state
    for edit in ctx.scenario.edits:
        if isinstance(edit, SERVICE_EDITS):
            record = apply_service_edit(state, edit, ctx.access)
        elif isinstance(edit, HOUSING_EDITS):
            record = apply_housing(state, edit)
        elif isinstance(edit, Greening):
            record = apply_greening(state, edit, base_dir=ctx.scenario.base_dir)
        else:
            record = _apply_transit(state, edit)
        records.append({"edit": edit_keyword(edit), **record})
    return records


def _apply_transit(
    state: CityState, edit: AddStop | ChangeFrequency | RemoveRoute
) -> dict[str, Any]:
    assert state.feed is not None
    state.edited.add("gtfs")
    if isinstance(edit, RemoveRoute):
        state.feed = transit.remove_route(state.feed, edit.route_id)
        return {"route_id": edit.route_id}
    if isinstance(edit, ChangeFrequency):
        state.feed = transit.change_frequency(state.feed, edit.route_id, edit.factor)
        return {"route_id": edit.route_id, "factor": edit.factor}
    point = point_of(edit, addresses=state.addresses)
    stop_id = edit.stop_id or f"scenario_stop_{len(state.feed.stops) + 1}"
    state.feed = transit.add_stop(
        state.feed,
        edit.route_id,
        after_stop_id=edit.after_stop_id,
        point=point,
        stop_id=stop_id,
        stop_name=edit.stop_name or "new stop",
    )
    return {"route_id": edit.route_id, "stop_id": stop_id}


def run_scenario(
    base_twin: Path | str,
    scenario: Scenario | Mapping[str, Any] | Path | str,
    *,
    out: Path | str | None = None,
) -> ScenarioResult:
    """Apply a scenario to a copy of ``base_twin`` and report what changes.

    Parameters
    ----------
    base_twin
        The twin to start from; it is opened read-only and never modified.
    scenario
        A :class:`Scenario`, a mapping or a YAML file (see :mod:`dikas.scenarios.spec`).
    out
        Where to write the scenario twin (a copy of the base with the edits and the diff).
    """
    spec = load_scenario(scenario)
    started = datetime.now(UTC)
    with step("reading the base twin"):
        base = load_base(
            base_twin,
            year=spec.year,
            addresses=any(getattr(e, "address", None) for e in spec.edits),
            transit=any(isinstance(e, TRANSIT_EDITS) for e in spec.edits),
        )
    info = base.build_info
    state = base.fresh_state()
    families, removals = _plan(spec, state)
    ctx = _Context(state=state, scenario=spec, families=families)
    _prepare(ctx, base, removals)
    with step("indicators before"):
        city_before, areas_before = _evaluate(ctx)
    with step(f"applying {len(spec.edits)} edits"):
        records = _apply(ctx)
    with step("indicators after"):
        city_after, areas_after = _evaluate(ctx)
    diff = {
        "city": _diff(city_before, city_after, KEYS),
        "areas": _diff(areas_before, areas_after, ["postal_code", *KEYS]),
    }
    provenance = {
        "base_twin": str(base_twin),
        "base_build_id": str(info["build_id"]),
        "scenario_sha256": spec.sha256,
        "code_version": code_version(),
        "computed_at": started.isoformat(timespec="seconds"),
        "year": str(state.year),
    }
    result = ScenarioResult(
        name=spec.name,
        diff=diff,
        edits=tuple(records),
        recomputed=tuple(sorted(families)),
        provenance=provenance,
        out=Path(out) if out is not None else None,
    )
    if out is not None:
        with step(f"writing the scenario twin {out}"):
            write_scenario_twin(Path(base_twin), Path(out), state, result, spec)
    return result


def write_scenario_twin(
    base: Path, out: Path, state: CityState, result: ScenarioResult, scenario: Scenario
) -> None:
    """Copy ``base`` to ``out`` with the edited layers, the diff and the provenance."""
    if out.resolve() == base.resolve():
        raise ConfigError("--out must differ from the base twin (the base is never modified)")
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix=".duckdb", dir=out.parent)
    os.close(handle)
    os.unlink(temporary)
    try:
        shutil.copy(base, temporary)
        with Twin.open(temporary, read_only=False) as twin:
            _write_layers(twin, state)
            twin.write_layer(
                "scenario_info",
                pd.DataFrame(
                    [
                        {
                            **result.provenance,
                            "name": result.name,
                            "scenario": json.dumps(scenario.to_mapping(), ensure_ascii=False),
                            "edits": json.dumps(
                                [dict(e) for e in result.edits], ensure_ascii=False
                            ),
                        }
                    ]
                ),
            )
            rows = [
                pd.DataFrame(result.diff["city"]).assign(level="city", postal_code=None),
                pd.DataFrame(result.diff["areas"]).assign(level="areas"),
            ]
            twin.write_layer("scenario_diff", pd.concat(rows, ignore_index=True))
        os.replace(temporary, out)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _write_layers(twin: Twin, state: CityState) -> None:
    if "services" in state.edited:
        twin.write_layer("services", state.services)
    if "grid" in state.edited:
        twin.write_layer("grid", state.grid.reset_index(drop=True))
    if "areas" in state.edited:
        others = twin.read("areas")
        others = others[others["year"] != state.year]
        edited = state.areas[others.columns]
        twin.write_layer("areas", pd.concat([others, edited], ignore_index=True))
    if "gtfs" in state.edited and state.feed is not None:
        twin.write_layer("stops", state.feed.stops)
        for name in ("routes", "trips", "stop_times", "frequencies"):
            twin.write_layer(f"gtfs_{name}", state.feed.tables[name])
