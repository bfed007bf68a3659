"""Charts and the map image of a report, drawn with matplotlib and inlined as SVG/PNG.

No remote tiles: the map shows the twin's own polygons (postal areas and buildings).
"""

from __future__ import annotations

import base64
import io
from typing import Any

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

AREA_COLOUR = "#1b6ca8"
CITY_COLOUR = "#b0b0b0"


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def png_data_uri(figure: Figure, *, dpi: int = 110) -> str:
    """A figure as a ``data:image/png;base64,…`` URI (closes the figure)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def area_map(areas: gpd.GeoDataFrame, *, highlight: str | None,
             buildings: gpd.GeoDataFrame | None, shade: str | None = None,
             streets: gpd.GeoDataFrame | None = None) -> str:
    """The city's postal areas (shaded by ``shade`` when given), the report's area
    highlighted with its streets and buildings; returns a PNG data URI."""
    figure, axes = plt.subplots(figsize=(7, 6))
    if shade is not None and shade in areas:
        areas.plot(ax=axes, column=shade, cmap="viridis", legend=True, edgecolor="white",
                   linewidth=0.3, missing_kwds={"color": "#eeeeee"},
                   legend_kwds={"shrink": 0.6, "label": shade.replace("_", " ")})
    else:
        areas.plot(ax=axes, color="#eeeeee", edgecolor="#999999", linewidth=0.4)
    if highlight is not None:
        chosen = areas[areas["postal_code"] == highlight]
        chosen.plot(ax=axes, color=AREA_COLOUR, alpha=0.25, edgecolor=AREA_COLOUR, linewidth=1.5)
        if streets is not None and not streets.empty:
            streets.plot(ax=axes, color="#888888", linewidth=0.4)
        if buildings is not None and not buildings.empty:
            buildings.plot(ax=axes, color="#333333", linewidth=0)
        minx, miny, maxx, maxy = chosen.total_bounds
        if np.isfinite([minx, miny, maxx, maxy]).all():  # no such area: keep the city view
            pad = max(maxx - minx, maxy - miny) * 0.3
            axes.set_xlim(minx - pad, maxx + pad)
            axes.set_ylim(miny - pad, maxy + pad)
    axes.set_axis_off()
    axes.set_aspect("equal")
    return png_data_uri(figure)


def age_pyramid(pyramid: list[dict[str, Any]], *, unit_label: str) -> str:
    """Horizontal bars of the share of each age band, unit against city (SVG)."""
    bands = [e["band"] for e in pyramid]
    figure, axes = plt.subplots(figsize=(6, 0.25 * len(bands) + 1))
    positions = range(len(bands))
    unit = [(e["share"] or 0) * 100 for e in pyramid]
    city = [(e["city_share"] or 0) * 100 for e in pyramid]
    axes.barh([p + 0.2 for p in positions], unit, height=0.4, color=AREA_COLOUR,
              label=unit_label)
    axes.barh([p - 0.2 for p in positions], city, height=0.4, color=CITY_COLOUR, label="City")
    axes.set_yticks(list(positions), bands)
    axes.set_xlabel("% of inhabitants")
    axes.legend(frameon=False)
    return _svg(figure)


def share_bars(shares: dict[str, Any], labels: dict[str, str], *, unit_label: str) -> str:
    """Grouped bars of shares (unit vs city) (SVG)."""
    keys = [k for k in labels if k in shares]
    figure, axes = plt.subplots(figsize=(6, 2.8))
    positions = range(len(keys))
    axes.bar([p - 0.2 for p in positions], [(shares[k] or 0) * 100 for k in keys], width=0.4,
             color=AREA_COLOUR, label=unit_label)
    axes.bar([p + 0.2 for p in positions], [(shares["city"][k] or 0) * 100 for k in keys],
             width=0.4, color=CITY_COLOUR, label="City")
    axes.set_xticks(list(positions), [labels[k] for k in keys], rotation=20, ha="right")
    axes.set_ylabel("%")
    axes.legend(frameon=False)
    return _svg(figure)


def trend_lines(trends: list[dict[str, Any]], labels: dict[str, str]) -> str:
    """One small line chart per trend figure, over the years (SVG)."""
    keys = [k for k in labels if any(t.get(k) is not None for t in trends)]
    figure, axes_list = plt.subplots(1, max(len(keys), 1), figsize=(2.6 * max(len(keys), 1), 2.4),
                                     squeeze=False)
    for axes, key in zip(axes_list[0], keys, strict=False):
        years = [t["year"] for t in trends if t.get(key) is not None]
        values = [t[key] for t in trends if t.get(key) is not None]
        axes.plot(years, values, marker="o", color=AREA_COLOUR)
        axes.set_title(labels[key], fontsize=9)
        axes.set_xticks(years)
        axes.tick_params(labelsize=8)
    figure.tight_layout()
    return _svg(figure)
