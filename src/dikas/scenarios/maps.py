"""Difference maps: the change of an indicator per postal area, one PNG each.

Drawn on :class:`matplotlib.figure.Figure` without pyplot (no backend chosen at import)."""

from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
from matplotlib.colors import TwoSlopeNorm
from matplotlib.figure import Figure

from dikas.credits import add_credit
from dikas.scenarios.run import ScenarioResult

MAP_MEASURES = {
    "coverage_15min": "all",
    "mean_minutes": "all",
    "population_weighted_heat": "all",
    "hot_residents": "all",
    "group_share": "lowest_income",
    "departures_per_hour": "all",
    "exposed_residents": None,
}
"""Measures mapped, with the population group shown (None: every group)."""


def difference_maps(
    result: ScenarioResult,
    areas: gpd.GeoDataFrame,
    directory: Path,
    *,
    limit: int = 12,
    credit: str = "",
) -> list[Path]:
    """Draw the per-area change of each mapped measure that moved somewhere.

    ``areas`` holds the postal-area polygons (``postal_code``). Blue is a decrease, red an
    increase, centred on zero. Returns the written files.
    """
    directory.mkdir(parents=True, exist_ok=True)
    rows = result.areas_frame()
    if rows.empty:
        return []
    rows = rows[rows["change"].notna() & (rows["change"].astype(float) != 0)]
    written: list[Path] = []
    polygons = areas[["postal_code", "geometry"]].drop_duplicates("postal_code")
    for (indicator, measure, group), part in rows.groupby(
        ["indicator", "measure", "population_group"], sort=True
    ):
        if measure not in MAP_MEASURES or MAP_MEASURES[measure] not in (None, group):
            continue
        frame = polygons.merge(part[["postal_code", "change"]], on="postal_code", how="left")
        frame["change"] = frame["change"].astype(float)
        span = float(frame["change"].abs().max())
        figure = Figure(figsize=(7, 6))
        axis = figure.subplots()
        polygons.plot(ax=axis, color="#eeeeee", edgecolor="white", linewidth=0.3)
        frame.dropna(subset=["change"]).plot(
            column="change",
            ax=axis,
            cmap="RdBu_r",
            legend=True,
            edgecolor="white",
            linewidth=0.3,
            norm=TwoSlopeNorm(vcenter=0.0, vmin=-span, vmax=span),
        )
        axis.set_title(f"{result.name}\n{indicator} · {measure} · {group}: change", fontsize=9)
        axis.set_axis_off()
        add_credit(figure, credit, width=110)
        name = re.sub(r"[^A-Za-z0-9_]+", "_", f"{indicator}_{measure}_{group}") + ".png"
        path = directory / name
        figure.savefig(path, dpi=120, bbox_inches="tight")
        written.append(path)
        if len(written) >= limit:
            break
    return written
