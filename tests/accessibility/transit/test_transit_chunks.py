"""Transit matrices by origin chunks equal the one-shot router's matrix exactly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from dikas.accessibility.transit import StraightLineWalk, transit_travel_time_matrix
from dikas.accessibility.transit_chunks import transit_matrix
from dikas.errors import ParameterError
from dikas.sources.gtfs import GtfsFeed, read_gtfs

from .conftest import random_tables, write_feed


def _points(feed: GtfsFeed, n: int, seed: int, column: str) -> gpd.GeoDataFrame:
    """``n`` points scattered up to 400 m around random stops of ``feed``."""
    rng = np.random.default_rng(seed)
    stops = feed.stops.to_crs(3067)
    at = stops.geometry.iloc[rng.integers(0, len(stops), n)]
    xy = np.column_stack([at.x + rng.uniform(-400, 400, n), at.y + rng.uniform(-400, 400, n)])
    return gpd.GeoDataFrame(
        {column: [f"{column}{i}" for i in range(n)]}, geometry=shapely.points(xy), crs=3067
    ).to_crs(feed.stops.crs)


@pytest.mark.parametrize("seed", [1, 2])
def test_chunks_equal_the_one_shot_matrix(tmp_path: Path, seed: int) -> None:
    feed = read_gtfs(write_feed(tmp_path / "feed", random_tables(seed)))
    origins, destinations = _points(feed, 11, seed, "o"), _points(feed, 7, seed + 10, "d")
    options = {
        "origin_id": "o",
        "destination_id": "d",
        "window_min": 20,
        "departure": dt.datetime(2022, 2, 22, 8, 0),
        "percentiles": (10, 50, 90),
        "max_walk_min": 8,
    }
    whole = transit_travel_time_matrix(feed, StraightLineWalk(), origins, destinations, **options)
    chunked = transit_matrix(
        feed,
        StraightLineWalk(),
        origins,
        destinations,  # type: ignore[arg-type]
        chunk_size=3,
        progress=False,
        **options,
    )
    pd.testing.assert_frame_equal(chunked, whole, check_exact=True)
    assert list(chunked.columns) == [
        "from_id",
        "to_id",
        "travel_time",
        "travel_time_p10",
        "travel_time_p90",
    ]
    assert chunked["travel_time"].notna().sum() > 20  # not vacuous


def test_chunked_matrix_keeps_the_routers_checks(small_feed: GtfsFeed) -> None:
    points = small_feed.stops[["stop_id", "geometry"]].head(2)
    departure = dt.datetime(2022, 2, 22, 8, 0)
    with pytest.raises(ParameterError, match="window_min"):
        transit_matrix(
            small_feed,
            StraightLineWalk(),
            points,
            points,
            origin_id="stop_id",  # type: ignore[arg-type]
            destination_id="stop_id",
            departure=departure,
            window_min=0,
        )
    with pytest.raises(ParameterError, match="chunk_size"):
        transit_matrix(
            small_feed,
            StraightLineWalk(),
            points,
            points,
            origin_id="stop_id",  # type: ignore[arg-type]
            destination_id="stop_id",
            departure=departure,
            chunk_size=0,
        )
