"""PNG maps of heat, vulnerability and their overlap.

Figures are built with :class:`matplotlib.figure.Figure` directly (no pyplot, no global
backend switch), so drawing works headless and touches no global state.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from dikas.climate.overlap import HeatVulnerabilityOverlap
from dikas.credits import add_credit

OVERLAP_COLOURS = {
    "neither": "#e8e8e8",
    "hot only": "#f4a582",
    "vulnerable only": "#92c5de",
    "hot and vulnerable": "#b2182b",
}


def heat_vulnerability_map(
    cells: gpd.GeoDataFrame,
    areas: gpd.GeoDataFrame,
    overlap: HeatVulnerabilityOverlap,
    path: Path | str,
    *,
    title: str = "Heat exposure and social vulnerability",
    credit: str = "",
) -> Path:
    """Three panels: cell heat, heat-vulnerability index, and their overlap classes."""
    frame = cells[["geometry"]].join(overlap.cells)
    category = ("neither", "hot only", "vulnerable only", "hot and vulnerable")
    code = frame["hot"].astype(int) + 2 * frame["vulnerable"].astype(int)
    frame["overlap"] = [category[c] for c in code]
    fig = Figure(figsize=(18, 6.5), layout="constrained")
    axes = fig.subplots(1, 3)
    panels = (
        ("heat", "Heat exposure (cell mean)", "inferno"),
        ("index", "Heat-vulnerability index", "viridis"),
    )
    for ax, (column, label, cmap) in zip(axes[:2], panels, strict=True):
        frame.plot(
            column=column,
            cmap=cmap,
            legend=True,
            ax=ax,
            missing_kwds={"color": "white"},
            legend_kwds={"shrink": 0.6},
        )
        ax.set_title(label)
    colours = ListedColormap([OVERLAP_COLOURS[c] for c in category])
    frame.assign(_code=code).plot(column="_code", cmap=colours, vmin=-0.5, vmax=3.5, ax=axes[2])
    axes[2].legend(
        handles=[Patch(color=OVERLAP_COLOURS[c], label=c) for c in category],
        loc="lower right",
        fontsize=8,
    )
    axes[2].set_title(f"Overlap (top {1 - overlap.quantile:.0%} of populated cells)")
    for ax in axes:
        areas.boundary.plot(ax=ax, color="#333333", linewidth=0.4)
        ax.set_axis_off()
    fig.suptitle(title)
    add_credit(fig, credit)
    out = Path(path)
    fig.savefig(out, dpi=120)
    return out
