"""Data attribution on every picture: producers must be credited wherever data is shown."""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure


def add_credit(figure: Figure, credit: str, *, width: int = 160) -> None:
    """Write the data producers' attribution along the bottom edge of a figure."""
    if not credit:
        return
    text = "\n".join(textwrap.wrap(f"Data: {credit}", width=width))
    lines = text.count("\n") + 1
    figure.text(0.005, 0.005, text, fontsize=6.5, color="#555555", ha="left", va="bottom")
    if figure.get_layout_engine() is None:
        figure.subplots_adjust(bottom=max(figure.subplotpars.bottom, 0.04 * lines + 0.06))
