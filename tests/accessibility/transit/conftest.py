"""Fixtures of the transit tests: a hand-made GTFS feed and a seeded random one.

The hand-made feed (service day Tue 2022-02-22) has

* tram ``R1``, frequency-based: template trip A 06:00 → B 06:05 → C 06:10, run every
  10 min from 08:00 until (exclusive) 08:30, i.e. departures from A at 08:00, 08:10, 08:20;
* bus ``R2``: C → D at 08:12 → 08:20, 08:20 → 08:28 and 08:40 → 08:50;
* bus ``R3``: E → F at 08:15 → 08:25 (E is a short walk from C);
* bus ``R4`` on weekends only: A 08:02 → B 08:04.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dikas.sources.gtfs import GtfsFeed, read_gtfs

#: Stop coordinates (lat, lon); E lies 150 m east of C, the rest are kilometres apart.
STOPS = {
    "A": (60.20, 24.90),
    "B": (60.21, 24.90),
    "C": (60.22, 24.90),
    "D": (60.23, 24.90),
    "E": (60.22, 24.9027),
    "F": (60.24, 24.95),
}


def write_feed(folder: Path, tables: dict[str, pd.DataFrame]) -> Path:
    """Write GTFS tables as ``<name>.txt`` files into ``folder`` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        frame.to_csv(folder / f"{name}.txt", index=False)
    return folder


def small_tables() -> dict[str, pd.DataFrame]:
    """The hand-made feed described in the module docstring, as raw GTFS tables."""
    stops = pd.DataFrame(
        [
            {"stop_id": s, "stop_name": f"Stop {s}", "stop_lat": lat, "stop_lon": lon}
            for s, (lat, lon) in STOPS.items()
        ]
    )
    routes = pd.DataFrame(
        {
            "route_id": ["R1", "R2", "R3", "R4"],
            "route_type": [0, 3, 3, 3],
            "route_short_name": ["1", "2", "3", "4"],
        }
    )
    trips = pd.DataFrame(
        {
            "route_id": ["R1", "R2", "R2", "R2", "R3", "R4"],
            "service_id": ["WD", "WD", "WD", "WD", "WD", "WE"],
            "trip_id": ["R1_T", "R2_a", "R2_b", "R2_c", "R3_a", "R4_a"],
        }
    )
    rows = [
        ("R1_T", "06:00:00", "A", 1),
        ("R1_T", "06:05:00", "B", 2),
        ("R1_T", "06:10:00", "C", 3),
        ("R2_a", "08:12:00", "C", 1),
        ("R2_a", "08:20:00", "D", 2),
        ("R2_b", "08:20:00", "C", 1),
        ("R2_b", "08:28:00", "D", 2),
        ("R2_c", "08:40:00", "C", 1),
        ("R2_c", "08:50:00", "D", 2),
        ("R3_a", "08:15:00", "E", 1),
        ("R3_a", "08:25:00", "F", 2),
        ("R4_a", "08:02:00", "A", 1),
        ("R4_a", "08:04:00", "B", 2),
    ]
    stop_times = pd.DataFrame(rows, columns=["trip_id", "arrival_time", "stop_id", "stop_sequence"])
    stop_times.insert(2, "departure_time", stop_times["arrival_time"])
    calendar = pd.DataFrame(
        {
            "service_id": ["WD", "WE"],
            "monday": [1, 0],
            "tuesday": [1, 0],
            "wednesday": [1, 0],
            "thursday": [1, 0],
            "friday": [1, 0],
            "saturday": [0, 1],
            "sunday": [0, 1],
            "start_date": ["20220101", "20220101"],
            "end_date": ["20221231", "20221231"],
        }
    )
    calendar_dates = pd.DataFrame(
        {"service_id": ["WD", "WE"], "date": ["20220223", "20220224"], "exception_type": [2, 1]}
    )
    frequencies = pd.DataFrame(
        {
            "trip_id": ["R1_T"],
            "start_time": ["08:00:00"],
            "end_time": ["08:30:00"],
            "headway_secs": [600],
            "exact_times": [1],
        }
    )
    return {
        "stops": stops,
        "routes": routes,
        "trips": trips,
        "stop_times": stop_times,
        "calendar": calendar,
        "calendar_dates": calendar_dates,
        "frequencies": frequencies,
    }


@pytest.fixture
def small_feed(tmp_path: Path) -> GtfsFeed:
    """The hand-made feed, read back through :func:`read_gtfs`."""
    return read_gtfs(write_feed(tmp_path / "small", small_tables()), dataset="small")


def random_tables(seed: int, *, n_stops: int = 40, n_routes: int = 10) -> dict[str, pd.DataFrame]:
    """A random feed, deterministic from ``seed``.

    Routes run over random stop sequences with random running times (so some trips
    overtake others), one trip is a frequency template, and a few stops forbid pickup or
    drop-off.
    """
    rng = np.random.default_rng(seed)
    stop_ids = [f"s{i}" for i in range(n_stops)]
    stops = pd.DataFrame(
        {
            "stop_id": stop_ids,
            "stop_name": stop_ids,
            "stop_lat": 60.15 + rng.uniform(0, 0.05, n_stops),
            "stop_lon": 24.90 + rng.uniform(0, 0.1, n_stops),
        }
    )
    trips, stop_times, frequencies = [], [], []
    for r in range(n_routes):
        sequence = rng.choice(n_stops, size=int(rng.integers(3, 9)), replace=False)
        n_trips = int(rng.integers(2, 12))
        for t in range(n_trips):
            trip_id = f"r{r}_t{t}"
            trips.append({"route_id": f"r{r}", "service_id": "S", "trip_id": trip_id})
            time = int(rng.integers(7 * 3600 + 40 * 60, 9 * 3600))
            for position, stop in enumerate(sequence):
                if position:
                    time += int(rng.integers(60, 600))
                dwell = int(rng.integers(0, 2)) * 30
                stop_times.append(
                    {
                        "trip_id": trip_id,
                        "arrival_time": _hms(time),
                        "departure_time": _hms(time + dwell),
                        "stop_id": stop_ids[stop],
                        "stop_sequence": position + 1,
                        "pickup_type": 1 if rng.random() < 0.1 else 0,
                        "drop_off_type": 1 if rng.random() < 0.1 else 0,
                    }
                )
                time += dwell
            if r == 0 and t == 0:
                frequencies.append(
                    {
                        "trip_id": trip_id,
                        "start_time": "07:50:00",
                        "end_time": "08:50:00",
                        "headway_secs": 420,
                        "exact_times": 1,
                    }
                )
    return {
        "stops": stops,
        "routes": pd.DataFrame({"route_id": [f"r{r}" for r in range(n_routes)], "route_type": 3}),
        "trips": pd.DataFrame(trips),
        "stop_times": pd.DataFrame(stop_times),
        "calendar": pd.DataFrame(
            [
                {
                    "service_id": "S",
                    "monday": 1,
                    "tuesday": 1,
                    "wednesday": 1,
                    "thursday": 1,
                    "friday": 1,
                    "saturday": 1,
                    "sunday": 1,
                    "start_date": "20220101",
                    "end_date": "20221231",
                }
            ]
        ),
        "frequencies": pd.DataFrame(frequencies),
    }


def _hms(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
