"""Pictures: a map of LISA clusters and a chart of index values over the years (PNG or SVG).

Figures are :class:`matplotlib.figure.Figure` objects drawn without pyplot, so importing
this module selects no backend and keeps no global figure state."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from dikas.credits import add_credit
from dikas.errors import ParameterError

LISA_COLOURS = {
    "HH": "#d7191c",
    "HL": "#fdae61",
    "LH": "#abd9e9",
    "LL": "#2c7bb6",
    "not significant": "#eeeeee",
    "no neighbours": "#bdbdbd",
    "excluded": "#ffffff",
    "suppressed": "#ffffff",
}


def _check_suffix(path: Path) -> None:
    if path.suffix.lower() not in {".png", ".svg"}:
        raise ParameterError(f"picture {str(path)!r} must end in .png or .svg")


def lisa_map(layer: gpd.GeoDataFrame, path: Path, *, title: str, credit: str = "") -> Path:
    """Draw the ``lisa`` column of a local-measures layer as a categorical map."""
    _check_suffix(path)
    fig = Figure(figsize=(8, 8))
    ax = fig.subplots()
    present = [c for c in LISA_COLOURS if (layer["lisa"] == c).any()]
    for cluster in present:
        layer[layer["lisa"] == cluster].plot(
            ax=ax, color=LISA_COLOURS[cluster], edgecolor="#666666", linewidth=0.2
        )
    ax.legend(
        handles=[Patch(facecolor=LISA_COLOURS[c], edgecolor="#666666", label=c) for c in present],
        loc="lower right",
        title="LISA cluster",
    )
    ax.set_title(title)
    ax.set_axis_off()
    add_credit(fig, credit, width=110)
    fig.savefig(path, bbox_inches="tight", dpi=150)
    return path


def trend_chart(values: pd.DataFrame, path: Path, *, title: str, credit: str = "") -> Path:
    """One line per index over the years; ``values`` has a ``year`` index and index columns."""
    _check_suffix(path)
    fig = Figure(figsize=(9, 5))
    ax = fig.subplots()
    for column in values.columns:
        ax.plot(values.index, values[column], marker="o", label=column)
    ax.set_xticks(list(values.index))
    ax.set_xlabel("year")
    ax.set_ylabel("index value")
    ax.set_title(title)
    ax.legend(fontsize="small", ncol=2)
    ax.grid(alpha=0.3)
    add_credit(fig, credit, width=120)
    fig.savefig(path, bbox_inches="tight", dpi=150)
    return path
