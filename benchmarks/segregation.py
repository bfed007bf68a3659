"""Segregation indices: DikaS against PySAL ``segregation`` on the same Helsinki data.

Runs, for the Paavo postal areas (lowest-income adults) and the 5,853-cell HSY grid (a
synthetic group over the real cells and totals, as in the tests):

1. the full global two-group suite and the multigroup suite, index by index, with both
   libraries, checking that the values agree to 1e-9, and prints the time ratio per index
   and in total (DikaS times include building the spatial structure the index first needs);
2. 999-permutation inference (PySAL's default "systematic" null) for the two-group indices,
   index by index (each DikaS call simulating its own data sets) and, for DikaS, as one call
   that shares the simulated data sets (the total used in the summary). PySAL rebuilds
   weights and distance matrices for every simulated data set, so it is run for
   ``--pysal-iterations`` data sets and its time is scaled to 999 (printed as such).

PySAL's spatial proximity profile on the grid runs Floyd–Warshall on 5,853 nodes (minutes);
it is skipped unless ``--full`` is given.

Usage: ``python benchmarks/segregation.py [--data-dir DIR] [--full] [--pysal-iterations N]``
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

# This script is named like PySAL's package; keep its own folder off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
from segregation.inference import SingleValueTest  # noqa: E402

import segregation as pysal_segregation  # noqa: E402
from dikas.segregation import (  # noqa: E402
    compute_index,
    compute_indices,
    multigroup_counts,
    null_tests,
    two_group_counts,
)
from dikas.segregation.registry import INDICES, MULTIGROUP_SUITE, TWO_GROUP_SUITE  # noqa: E402

ITERATIONS = 999
INCOME = [
    "Inhabitants belonging to the lowest income category",
    "Inhabitants belonging to the middle income category",
    "Inhabitants belonging to the highest income category",
]


def pysal_class(name: str) -> type:
    module, cls = INDICES[name].pysal_class.split(".")
    return getattr(getattr(pysal_segregation, module), cls)


def datasets(data_dir: Path) -> list[tuple[str, gpd.GeoDataFrame, str, str, list[str]]]:
    paavo = gpd.read_file(data_dir / "paavo_helsinki" / "paavo_12f7_helsinki_2023.geojson")
    paavo = paavo[paavo["Aged 18 or over, total"] > 0].reset_index(drop=True)
    grid = gpd.read_file(data_dir / "pythongis_book" / "Population_grid_2021_HSY.gpkg")
    grid = grid.to_crs(3067)
    dense = grid["occupancy_rate"] < grid["occupancy_rate"].median()
    grid["synthetic_group"] = np.round(grid["inhabitants"] * dense * 0.6).astype(int)
    grid["rest"] = grid["inhabitants"] - grid["synthetic_group"]
    return [
        ("postal areas", paavo, INCOME[0], "Aged 18 or over, total", INCOME),
        ("HSY grid", grid, "synthetic_group", "inhabitants", ["synthetic_group", "rest"]),
    ]


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    value = function(*args, **kwargs)
    return value, time.perf_counter() - start


def global_suite(label, frame, group, total, groups, *, full: bool) -> tuple[float, float]:
    print(f"\n== {label}: {len(frame)} units — global indices ==")
    print(f"{'index':<44}{'DikaS s':>10}{'PySAL s':>10}{'ratio':>9}  agree")
    ours_total = theirs_total = 0.0
    counts, setup = timed(two_group_counts, frame, group=group, total=total)
    multi, multi_setup = timed(multigroup_counts, frame, groups=groups)
    ours_total += setup + multi_setup
    rows = [(n, counts, (group, total)) for n in TWO_GROUP_SUITE]
    rows += [(n, multi, (groups,)) for n in MULTIGROUP_SUITE]
    for name, units, args in rows:
        ours, ours_time = timed(compute_index, name, units)
        if name == "spatial_proximity_profile" and len(frame) > 1000 and not full:
            # Left out of both totals: PySAL is not run (Floyd–Warshall on all cells).
            print(f"{name:<44}{ours_time:>10.3f}{'skipped':>10}{'':>9}  (Floyd–Warshall; --full)")
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theirs, theirs_time = timed(lambda n=name, a=args: pysal_class(n)(frame, *a).statistic)
        agree = (np.isnan(theirs) and np.isnan(ours.statistic)) or abs(
            ours.statistic - theirs
        ) <= 1e-9 * max(1.0, abs(theirs))
        ours_total += ours_time
        theirs_total += theirs_time
        print(
            f"{name:<44}{ours_time:>10.3f}{theirs_time:>10.3f}"
            f"{theirs_time / ours_time:>9.1f}  {'yes' if agree else 'NO'}"
        )
    print(
        f"{'whole suite (incl. setup)':<44}{ours_total:>10.3f}{theirs_total:>10.3f}"
        f"{theirs_total / ours_total:>9.1f}"
    )
    # The full DikaS suite once more from scratch (new geography, every index incl. the
    # proximity profile), with CPU time: on a shared machine wall time overstates it.
    wall, cpu = time.perf_counter(), time.process_time()
    compute_indices(two_group_counts(frame, group=group, total=total))
    compute_indices(multigroup_counts(frame, groups=groups))
    print(
        f"DikaS full suite from scratch: {time.perf_counter() - wall:.3f} s wall, "
        f"{time.process_time() - cpu:.3f} s CPU (all threads)"
    )
    return ours_total, theirs_total


def inference(
    label, frame, group, total, *, pysal_iterations: int, full: bool
) -> tuple[float, float]:
    print(f"\n== {label}: {ITERATIONS}-permutation inference (systematic null) ==")
    print(f"{'index':<44}{'DikaS s':>10}{'PySAL s*':>10}{'ratio':>9}")
    counts = two_group_counts(frame, group=group, total=total)
    ours_total = theirs_total = 0.0
    for name in TWO_GROUP_SUITE:
        _, ours_time = timed(
            null_tests, counts, [name], null="systematic", iterations=ITERATIONS, seed=0
        )
        if name == "spatial_proximity_profile" and len(frame) > 1000 and not full:
            print(f"{name:<44}{ours_time:>10.3f}{'skipped':>10}")
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            index = pysal_class(name)(frame, group, total)
            _, theirs_time = timed(
                SingleValueTest,
                index,
                iterations_under_null=pysal_iterations,
                null_approach="systematic",
                n_jobs=1,
            )
        theirs_time *= ITERATIONS / pysal_iterations
        ours_total += ours_time
        theirs_total += theirs_time
        print(f"{name:<44}{ours_time:>10.3f}{theirs_time:>10.1f}{theirs_time / ours_time:>9.1f}")
    print(
        f"{'sum of the above':<44}{ours_total:>10.3f}{theirs_total:>10.1f}"
        f"{theirs_total / ours_total:>9.1f}"
    )
    # One call for the whole suite simulates the data sets once and shares them.
    measured = [
        n for n in TWO_GROUP_SUITE if full or len(frame) <= 1000 or n != "spatial_proximity_profile"
    ]
    _, ours_total = timed(
        null_tests, counts, measured, null="systematic", iterations=ITERATIONS, seed=0
    )
    print(
        f"{'one call, all indices above':<44}{ours_total:>10.3f}{theirs_total:>10.1f}"
        f"{theirs_total / ours_total:>9.1f}"
    )
    print(
        f"* PySAL measured on {pysal_iterations} simulated data sets (n_jobs=1), "
        f"scaled to {ITERATIONS}"
    )
    return ours_total, theirs_total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data-dir", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="Also run PySAL's spatial proximity profile on the grid.",
    )
    parser.add_argument(
        "--pysal-iterations",
        type=int,
        default=5,
        help="Simulated data sets PySAL's inference is timed on.",
    )
    args = parser.parse_args()
    # Warm-up of both libraries on the postal areas: numba compilation (or loading the
    # cache) is paid once per process, so the timings below measure computation.
    _, frame, group, total, groups = datasets(args.data_dir)[0]
    counts = two_group_counts(frame, group=group, total=total)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in TWO_GROUP_SUITE:
            compute_index(name, counts)
            pysal_class(name)(frame, group, total)
    totals = {}
    for label, frame, group, total, groups in datasets(args.data_dir):
        totals[label, "global"] = global_suite(label, frame, group, total, groups, full=args.full)
        totals[label, "inference"] = inference(
            label, frame, group, total, full=args.full, pysal_iterations=args.pysal_iterations
        )
    print("\n== summary (seconds, DikaS vs PySAL, ratio) ==")
    for (label, part), (ours, theirs) in totals.items():
        print(f"{label:<14}{part:<11}{ours:>9.3f}{theirs:>11.2f}{theirs / ours:>9.1f}×")
    ours = sum(o for o, _ in totals.values())
    theirs = sum(t for _, t in totals.values())
    print(f"{'overall':<25}{ours:>9.3f}{theirs:>11.2f}{theirs / ours:>9.1f}×")


if __name__ == "__main__":
    main()
