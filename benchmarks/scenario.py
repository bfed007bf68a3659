"""Incremental what-if accessibility against full recomputation, on a built twin.

Adds one service and re-evaluates walking time to the nearest service of its type for every
origin cell three ways, in the same process on the same data:

* incremental: one bounded reverse search from the new service (``NearestServices.add``);
* full nearest: a new k-nearest search over all services (``StreetNetwork.nearest_ms``);
* full matrix: the whole origin × service travel-time matrix, then its row minima.

It checks that the three agree exactly, then times a whole ``run_scenario`` call twice: the
first reads the base twin, the second finds it in :mod:`dikas.scenarios.base`'s cache.

Usage: ``python benchmarks/scenario.py [TWIN] [--service-type health_station] [--repeat 5]``
"""

from __future__ import annotations

import argparse
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dikas.accessibility.locations import near_network
from dikas.accessibility.network import StreetNetwork
from dikas.scenarios import run_scenario
from dikas.scenarios.nearest import MAX_SNAP_DISTANCE_M, NearestServices, snap_origins
from dikas.scenarios.state import CityState
from dikas.settings import TWIN_CRS
from dikas.twin.store import Twin


def _best(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("twin", help="A built twin (e.g. the one `dikas run` writes).")
    parser.add_argument("--service-type", default="health_station")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with Twin.open(args.twin) as twin:
        state = CityState.from_twin(twin)
        network = StreetNetwork.from_twin(twin, "walk")
        extent = twin.extent("network_edges")
    cells = state.city_grid()
    points = gpd.GeoDataFrame(
        {"cell_id": cells.index.to_numpy()},
        geometry=cells.geometry.centroid.to_numpy(),
        crs=TWIN_CRS,
    )
    points = near_network(points, extent, margin_m=MAX_SNAP_DISTANCE_M)
    origins, ids = snap_origins(network, points, id_column="cell_id")
    services = state.services[state.services["service_type"] == args.service_type]
    minx, miny, maxx, maxy = extent
    new_point = shapely.Point((minx + maxx) / 2, (miny + maxy) / 2)
    new = gpd.GeoDataFrame({"service_id": ["new"]}, geometry=[new_point], crs=TWIN_CRS)
    everything = pd.concat([services, new], ignore_index=True)
    base = NearestServices.compute(network, origins, services)

    def incremental() -> np.ndarray:
        state = NearestServices(
            network, origins, base.costs.copy(), base.services.copy(), base.depth.copy()
        )
        state.add("new", new.geometry)
        return state.costs[:, 0]

    def full_nearest() -> np.ndarray:
        return NearestServices.compute(network, origins, everything).costs[:, 0]

    def full_matrix() -> np.ndarray:
        snapped = network.snap(everything.geometry.reset_index(drop=True))
        return network.travel_times_ms(origins, snapped).min(axis=1)

    results = [incremental(), full_nearest(), full_matrix()]
    assert all(np.array_equal(results[0], r) for r in results[1:]), "methods disagree"
    t_inc = _best(incremental, args.repeat)
    t_near = _best(full_nearest, args.repeat)
    t_matrix = _best(full_matrix, args.repeat)
    print(
        f"{len(ids)} origin cells, {len(everything)} {args.service_type} services, "
        f"{network.n_nodes} nodes; identical nearest times: yes"
    )
    print(f"incremental add      {t_inc * 1000:8.1f} ms")
    print(f"full k-nearest       {t_near * 1000:8.1f} ms   ({t_near / t_inc:.1f}× incremental)")
    print(f"full matrix + min    {t_matrix * 1000:8.1f} ms   ({t_matrix / t_inc:.1f}× incremental)")
    scenario = {
        "name": "one new service",
        "edits": [
            {"add_service": {"service_type": args.service_type, "x": new_point.x, "y": new_point.y}}
        ],
    }
    for label in ("first run (reads the twin)", "next run (base cached)"):
        start = time.perf_counter()
        run_scenario(args.twin, scenario)
        print(f"run_scenario, one add_service, {label}: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
