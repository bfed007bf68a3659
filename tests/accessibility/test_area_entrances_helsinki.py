"""On the demo twin: parks mapped as areas keep their outlines, and walking to the nearest
park at its edge never takes longer than walking to its point, for every grid cell."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from dikas.accessibility.locations import destinations_from_twin, origins_from_twin
from dikas.accessibility.network import StreetNetwork
from dikas.twin.store import Twin


def test_every_cell_reaches_its_nearest_park_at_the_edge_no_later(helsinki_twin: Path) -> None:
    with Twin.open(helsinki_twin) as twin:
        outlines = twin.read("service_outlines")
        network = StreetNetwork.from_twin(twin, "walk")
        origins, _ = origins_from_twin(twin, "grid")
        parks, _ = destinations_from_twin(twin, "services", service_types=["park"])
    assert set(outlines.geometry.geom_type) <= {"Polygon", "MultiPolygon"}
    assert parks["outline"].notna().sum() > 50  # most parks are mapped as areas
    options = {"origin_id": "cell_id", "destination_id": "service_id", "n": 1, "max_time_min": 60.0}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # cells outside the network's extract
        edge = network.nearest(origins, parks, **options)
        point = network.nearest(origins, parks.drop(columns=["outline"]), **options)
    merged = pd.merge(point, edge, on="from_id", how="left", suffixes=("_point", "_edge"))
    assert len(point) > 100  # the cells the demo extract's streets reach
    assert merged["travel_time_edge"].notna().all()  # every cell reached before still is
    assert (merged["travel_time_edge"] <= merged["travel_time_point"] + 1e-9).all()
    gain = merged["travel_time_point"] - merged["travel_time_edge"]
    assert float(np.median(gain)) > 0.5  # minutes: the edge is nearer for most cells
