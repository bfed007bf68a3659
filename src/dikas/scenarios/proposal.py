"""Site proposals on a twin: demand, candidates and costs for :mod:`dikas.scenarios.optimize`,
and the result written as a scenario file that ``dikas scenario run`` accepts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import yaml

from dikas.accessibility.equity import palma_ratio
from dikas.accessibility.locations import near_network
from dikas.accessibility.population import groups_per_cell
from dikas.errors import DataError, ParameterError, TwinError
from dikas.progress import step
from dikas.scenarios.base import load_base
from dikas.scenarios.locate import to_lon_lat
from dikas.scenarios.nearest import (
    MAX_SNAP_DISTANCE_M,
    MS_PER_MIN,
    NearestServices,
    snap_origins,
)
from dikas.scenarios.optimize import Objective, Solution, solve
from dikas.settings import TWIN_CRS
from dikas.twin.groups import used_for


@dataclass(frozen=True)
class Proposal:
    """Proposed sites, ranked, with the objective before and after.

    ``palma`` holds the Palma ratio of walking time to the nearest service with residents
    ranked by their area's median income (:func:`dikas.accessibility.equity.palma_ratio`:
    the richest 10 %'s share of total travel time over the poorest 40 %'s), before and
    after, so every objective also reports its effect on access equity.
    """

    service_type: str
    objective: str
    sites: gpd.GeoDataFrame
    solution: Solution
    threshold_min: float
    palma: tuple[float, float] | None = None
    equity_groups: tuple[str, ...] = ()
    """Labels of the groups the equity objective weighs (the catalog's
    ``equity_objective`` groups)."""

    def to_scenario(self) -> dict[str, Any]:
        """The proposal as a scenario mapping (one ``add_service`` edit per site)."""
        unit = {
            "p-median": "resident-minutes",
            "coverage": "residents covered",
            "equity": f"residents covered ({' and '.join(self.equity_groups)})",
        }[self.objective]
        edits = []
        for row in self.sites.itertuples():
            lon, lat = to_lon_lat(row.geometry)
            edits.append(
                {
                    "add_service": {
                        "service_type": self.service_type,
                        "lon": lon,
                        "lat": lat,
                        "name": f"proposed site {row.rank}",
                    }
                }
            )
        return {
            "name": f"{len(edits)} new {self.service_type} sites ({self.objective})",
            "description": (
                f"{self.objective}: {self.solution.before:.1f} → "
                f"{self.solution.after:.1f} {unit}; method "
                f"{self.solution.method}; threshold {self.threshold_min:g} min"
                + (
                    f"; Palma ratio of walking time by income "
                    f"{self.palma[0]:.3f} → {self.palma[1]:.3f}"
                    if self.palma
                    else ""
                )
            ),
            "edits": edits,
        }

    def write(self, path: Path) -> None:
        """Write the scenario YAML."""
        path.write_text(
            yaml.safe_dump(self.to_scenario(), sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )


def _candidates(path: Path) -> gpd.GeoDataFrame:
    if not path.is_file():
        raise DataError("candidate file does not exist", path=path)
    frame = gpd.read_file(path)
    if frame.crs is None:
        raise DataError("candidate file has no CRS", path=path)
    frame = frame.to_crs(TWIN_CRS)
    frame["geometry"] = frame.geometry.representative_point()
    frame["candidate_id"] = (
        frame["candidate_id"].astype(str)
        if "candidate_id" in frame
        else [f"candidate_{i + 1}" for i in range(len(frame))]
    )
    return frame[["candidate_id", "geometry"]]


def propose_sites(
    twin_path: Path,
    *,
    service_type: str,
    add: int,
    objective: Objective,
    candidates: Path | None = None,
    threshold_min: float = 15.0,
    year: int | None = None,
) -> Proposal:
    """Propose ``add`` new sites of ``service_type`` on a twin (see :mod:`.optimize`)."""
    base = load_base(twin_path, year=year)
    state, network, extent = base.state, base.network, base.network_extent
    if network is None or extent is None:
        raise TwinError(f"twin {str(twin_path)!r}: no street network to plan on")
    cells = state.city_grid()
    points = gpd.GeoDataFrame(
        {"cell_id": cells.index.to_numpy()},
        geometry=cells.geometry.centroid.to_numpy(),
        crs=TWIN_CRS,
    )
    points = near_network(points, extent, margin_m=MAX_SNAP_DISTANCE_M)
    demand, demand_ids = snap_origins(network, points, id_column="cell_id")
    groups = groups_per_cell(
        cells.reset_index(drop=True),
        state.areas.drop(columns="geometry"),
        groups=state.access_groups(),
    )
    counts = groups.counts.reindex(demand_ids).fillna(0.0)
    weights_all = counts["all"].to_numpy(float)
    equity = [
        g
        for g in used_for(state.groups, "equity_objective", level="areas")
        if g.id in counts.columns
    ]
    if objective == "equity" and not equity:
        raise ParameterError(
            "the twin's catalog marks no population group for the equity "
            "objective (uses: equity_objective)"
        )
    weights = (
        counts[[g.id for g in equity]].sum(axis=1).to_numpy(float)
        if objective == "equity"
        else weights_all
    )
    services = state.services[state.services["service_type"] == service_type]
    if services.empty and service_type not in set(state.services["service_type"]):
        known = ", ".join(sorted(set(state.services["service_type"])))
        raise ParameterError(f"no services of type {service_type!r}; the twin has {known}")
    existing = NearestServices.compute(network, demand, services).minutes()
    existing = np.where(np.isnan(existing), np.inf, existing)
    sites = (
        _candidates(candidates)
        if candidates is not None
        else points.set_index("cell_id")
        .loc[demand_ids]
        .reset_index()
        .rename(columns={"cell_id": "candidate_id"})
    )
    snapped = network.snap(
        sites.geometry.reset_index(drop=True), max_distance_m=MAX_SNAP_DISTANCE_M
    )
    sites = sites.iloc[snapped.index.to_numpy()].reset_index(drop=True)
    if len(sites) < add:
        raise ParameterError(f"only {len(sites)} candidate sites lie on the network")
    with step(f"travel times {len(demand_ids)} demand cells × {len(sites)} candidates"):
        cost = network.travel_times_ms(demand, snapped) / MS_PER_MIN
    with step(f"solving the {objective} problem"):
        solution = solve(objective, cost, weights, existing, add, radius=threshold_min)
    palma = None
    income = groups.income.reindex(demand_ids).to_numpy(float)
    if np.isfinite(income).any():
        after = np.minimum(existing, cost[:, list(solution.chosen)].min(axis=1))
        palma = (_palma(existing, weights_all, income), _palma(after, weights_all, income))
    chosen = sites.iloc[list(solution.chosen)].copy()
    chosen.insert(0, "rank", np.arange(1, len(chosen) + 1))
    chosen["gain"] = solution.gains
    return Proposal(
        service_type=service_type,
        objective=objective,
        sites=gpd.GeoDataFrame(chosen, geometry="geometry", crs=TWIN_CRS),
        solution=solution,
        threshold_min=threshold_min,
        palma=palma,
        equity_groups=tuple(g.label("en") for g in equity),
    )


def _palma(minutes: np.ndarray, weights: np.ndarray, income: np.ndarray) -> float:
    reachable = np.isfinite(minutes) & np.isfinite(income)
    if not reachable.any() or not (weights[reachable] > 0).any():
        return float("nan")
    return palma_ratio(minutes[reachable], weights[reachable], rank_by=income[reachable])


def sites_table(proposal: Proposal) -> pd.DataFrame:
    """Ranked sites with lon/lat and marginal gain."""
    lon_lat = [to_lon_lat(g) for g in proposal.sites.geometry]
    return pd.DataFrame(
        {
            "rank": proposal.sites["rank"].to_numpy(),
            "candidate_id": proposal.sites["candidate_id"].to_numpy(),
            "lon": [p[0] for p in lon_lat],
            "lat": [p[1] for p in lon_lat],
            "gain": proposal.sites["gain"].to_numpy(),
        }
    )
