"""Charts and maps of a report, drawn with matplotlib and inlined as SVG/PNG.

No remote tiles: maps show the twin's own polygons (postal areas, streets, buildings) as a
choropleth with its legend, a scale bar and a north arrow (the twin's CRS, ETRS-TM35FIN, is
in metres with grid north close to true north). Every text on a chart is passed in by the
caller, already translated. The Agg backend is chosen when a chart is drawn, not at import.
"""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

AREA_COLOUR = "#1b6ca8"
CITY_COLOUR = "#8c8c8c"
NO_DATA_COLOUR = "#e6e6e6"


def _pyplot() -> Any:
    """``matplotlib.pyplot`` on the Agg backend (no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _svg(figure: Figure, *, title: str) -> str:
    plt = _pyplot()
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(figure)
    text = buffer.getvalue()
    svg = text[text.index("<svg") :]
    # an accessible name for the chart (the report prints its data as a table beside it)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{_attr(title)}" ', 1)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def png_data_uri(figure: Figure, *, dpi: int = 130) -> str:
    """A figure as a ``data:image/png;base64,…`` URI (closes the figure)."""
    plt = _pyplot()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def nice_length(span_m: float) -> float:
    """A round scale-bar length (1, 2 or 5 × 10^k metres) of about a fifth of ``span_m``."""
    target = max(span_m / 5.0, 1.0)
    power = 10 ** math.floor(math.log10(target))
    return float(max(m * power for m in (1, 2, 5) if m * power <= target))


def _scale_bar(axes: Axes, *, language_km: Callable[[float], str]) -> None:
    x0, x1 = axes.get_xlim()
    y0, y1 = axes.get_ylim()
    length = nice_length(x1 - x0)
    left, bottom = x0 + 0.05 * (x1 - x0), y0 + 0.05 * (y1 - y0)
    axes.plot(
        [left, left + length], [bottom, bottom], color="black", linewidth=3, solid_capstyle="butt"
    )
    axes.text(
        left + length / 2,
        bottom + 0.015 * (y1 - y0),
        language_km(length),
        ha="center",
        va="bottom",
        fontsize=8,
    )


def _north_arrow(axes: Axes, *, north: str) -> None:
    axes.annotate(
        north,
        xy=(0.94, 0.95),
        xytext=(0.94, 0.83),
        xycoords="axes fraction",
        ha="center",
        va="center",
        fontsize=10,
        fontweight="bold",
        arrowprops={"facecolor": "black", "width": 3, "headwidth": 9},
    )


def choropleth(
    areas: gpd.GeoDataFrame,
    column: str,
    *,
    legend_title: str,
    format_tick: Callable[[float], str],
    no_data: str,
    north: str,
    km: Callable[[float], str],
    highlight: str | None = None,
    key: str = "postal_code",
    streets: gpd.GeoDataFrame | None = None,
    buildings: gpd.GeoDataFrame | None = None,
    classes: int = 5,
) -> str:
    """Areas coloured by ``column`` in quantile classes, with a legend (class ranges written
    by ``format_tick``, and a no-data entry), a scale bar and a north arrow; the
    ``highlight`` unit outlined and framed with its streets and buildings. PNG data URI."""
    plt = _pyplot()
    from matplotlib.patches import Patch

    figure, axes = plt.subplots(figsize=(7, 6.2))
    values = areas[column].astype(float)
    finite = values[np.isfinite(values)]
    colours = plt.get_cmap("YlOrRd")
    patches = []
    if len(finite.unique()) >= 2:
        edges = np.unique(np.quantile(finite, np.linspace(0, 1, classes + 1)))
        index = np.clip(np.searchsorted(edges, values, side="right") - 1, 0, len(edges) - 2)
        shades = [colours((i + 0.5) / (len(edges) - 1)) for i in range(len(edges) - 1)]
        face = [
            shades[i] if np.isfinite(v) else NO_DATA_COLOUR
            for i, v in zip(index, values, strict=True)
        ]
        patches = [
            Patch(
                facecolor=shades[i],
                edgecolor="white",
                label=f"{format_tick(edges[i])} – {format_tick(edges[i + 1])}",
            )
            for i in range(len(edges) - 1)
        ]
    else:
        face = [colours(0.5) if np.isfinite(v) else NO_DATA_COLOUR for v in values]
        if len(finite):
            patches = [Patch(facecolor=colours(0.5), label=format_tick(float(finite.iloc[0])))]
    from matplotlib.colors import to_hex

    areas.plot(ax=axes, color=[to_hex(c) for c in face], edgecolor="white", linewidth=0.4)
    if (~np.isfinite(values)).any():
        patches.append(Patch(facecolor=NO_DATA_COLOUR, edgecolor="#999999", label=no_data))
    if highlight is not None:
        chosen = areas[areas[key].astype(str) == highlight]
        if streets is not None and not streets.empty:
            streets.plot(ax=axes, color="#555555", linewidth=0.3, alpha=0.6)
        if buildings is not None and not buildings.empty:
            buildings.plot(ax=axes, color="#333333", linewidth=0)
        chosen.boundary.plot(ax=axes, color=AREA_COLOUR, linewidth=2.2)
        minx, miny, maxx, maxy = chosen.total_bounds
        if np.isfinite([minx, miny, maxx, maxy]).all():
            pad = max(maxx - minx, maxy - miny) * 0.8
            axes.set_xlim(minx - pad, maxx + pad)
            axes.set_ylim(miny - pad, maxy + pad)
    axes.set_aspect("equal")
    axes.set_axis_off()
    _scale_bar(axes, language_km=km)
    _north_arrow(axes, north=north)
    axes.legend(
        handles=patches,
        title=legend_title,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        frameon=False,
        fontsize=8,
        title_fontsize=9,
    )
    return png_data_uri(figure)


def age_pyramid(
    pyramid: list[dict[str, Any]],
    *,
    unit_label: str,
    city_label: str | None,
    axis_label: str,
    title: str,
) -> str:
    """Horizontal bars of the share of each age band, unit against city (without
    ``city_label``: the unit alone) (SVG)."""
    plt = _pyplot()
    bands = [e["band"] for e in pyramid]
    figure, axes = plt.subplots(figsize=(6, 0.22 * len(bands) + 1))
    positions = range(len(bands))
    unit = [(e["share"] or 0) * 100 for e in pyramid]
    city = [(e["city_share"] or 0) * 100 for e in pyramid]
    if city_label is None:
        axes.barh(list(positions), city, height=0.6, color=AREA_COLOUR, label=unit_label)
    else:
        axes.barh(
            [p + 0.2 for p in positions], unit, height=0.4, color=AREA_COLOUR, label=unit_label
        )
        axes.barh(
            [p - 0.2 for p in positions], city, height=0.4, color=CITY_COLOUR, label=city_label
        )
    axes.set_yticks(list(positions), bands)
    axes.set_xlabel(axis_label)
    axes.set_xlim(left=0)
    axes.legend(frameon=False)
    return _svg(figure, title=title)


def share_bars(
    shares: dict[str, Any],
    labels: dict[str, str],
    *,
    unit_label: str,
    city_label: str | None,
    title: str,
) -> str:
    """Grouped bars of shares (unit vs city; without ``city_label`` the unit alone), from
    0 % (SVG)."""
    plt = _pyplot()
    keys = [k for k in labels if k in shares]
    figure, axes = plt.subplots(figsize=(6, 2.8))
    positions = range(len(keys))
    if city_label is None:
        axes.bar(
            list(positions),
            [(shares[k] or 0) * 100 for k in keys],
            width=0.6,
            color=AREA_COLOUR,
            label=unit_label,
        )
    else:
        axes.bar(
            [p - 0.2 for p in positions],
            [(shares[k] or 0) * 100 for k in keys],
            width=0.4,
            color=AREA_COLOUR,
            label=unit_label,
        )
        axes.bar(
            [p + 0.2 for p in positions],
            [(shares["city"][k] or 0) * 100 for k in keys],
            width=0.4,
            color=CITY_COLOUR,
            label=city_label,
        )
    axes.set_xticks(list(positions), [labels[k] for k in keys], rotation=20, ha="right")
    axes.set_ylabel("%")
    axes.set_ylim(bottom=0)
    axes.legend(frameon=False)
    return _svg(figure, title=title)


def trend_lines(
    series: Sequence[dict[str, Any]], *, unit_label: str, city_label: str | None, title: str
) -> str:
    """One small chart per figure over the years, the unit's line and (when given) the
    city's, on an axis from zero (SVG). ``series`` items: ``label``, ``years``, ``values``,
    ``city_values`` and ``format`` (a value → text function for the axis)."""
    plt = _pyplot()
    from matplotlib.ticker import FuncFormatter

    count = max(len(series), 1)
    columns = min(count, 3)
    rows = math.ceil(count / columns)
    figure, grid = plt.subplots(rows, columns, figsize=(2.5 * columns, 2.2 * rows), squeeze=False)
    for axes, item in zip(grid.flat, series, strict=False):
        axes.plot(item["years"], item["values"], marker="o", color=AREA_COLOUR, label=unit_label)
        if city_label and item.get("city_values") is not None:
            axes.plot(
                item["years"],
                item["city_values"],
                marker=".",
                linestyle="--",
                color=CITY_COLOUR,
                label=city_label,
            )
        axes.set_title(item["label"], fontsize=8, wrap=True)
        axes.set_xticks(item["years"], [str(y) for y in item["years"]])
        shown = [*item["values"], *(item.get("city_values") or [])]
        finite = [float(v) for v in shown if v is not None and math.isfinite(float(v))]
        axes.set_ylim(bottom=0, top=max([*finite, 0.0]) * 1.15 or 1)
        formatter = item["format"]
        axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos, f=formatter: f(v)))
        axes.tick_params(labelsize=7)
    for axes in list(grid.flat)[len(series) :]:
        axes.set_axis_off()
    if series and city_label:
        grid.flat[0].legend(frameon=False, fontsize=7)
    figure.tight_layout()
    return _svg(figure, title=title)
