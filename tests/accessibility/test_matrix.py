"""Chunked and distributed matrices equal the one-shot matrix."""

from __future__ import annotations

import pandas as pd
import pytest

from dikas.accessibility.matrix import compute_matrix
from dikas.accessibility.network import StreetNetwork
from dikas.errors import ParameterError
from tests.accessibility.test_network import random_points


@pytest.fixture(scope="module")
def walk_network(small_network) -> StreetNetwork:
    return StreetNetwork.from_frames(*small_network, "walk")


@pytest.mark.integration
def test_chunks_and_local_dask_cluster_give_the_one_shot_result(
    walk_network, small_network
) -> None:
    distributed = pytest.importorskip("dask.distributed")
    origins = random_points(small_network[1], 23, seed=11)
    destinations = random_points(small_network[1], 9, seed=12)
    kwargs = {"origin_id": "id", "destination_id": "id", "max_time_min": 12.0}
    whole = walk_network.travel_time_matrix(origins, destinations, **kwargs)
    chunked = compute_matrix(
        walk_network, origins, destinations, chunk_size=5, progress=False, **kwargs
    )
    pd.testing.assert_frame_equal(chunked, whole)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        on_cluster = compute_matrix(
            walk_network,
            origins,
            destinations,
            chunk_size=5,
            dask_address=cluster.scheduler_address,
            **kwargs,
        )
    pd.testing.assert_frame_equal(on_cluster, whole)
    assert whole["travel_time"].notna().sum() > 50


@pytest.mark.integration
def test_bad_chunk_size_and_unreachable_scheduler(
    walk_network, small_network, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dikas.accessibility.matrix.CONNECT_TIMEOUT", "1s")
    points = random_points(small_network[1], 3, seed=1)
    with pytest.raises(ParameterError, match="chunk_size"):
        compute_matrix(
            walk_network, points, points, origin_id="id", destination_id="id", chunk_size=0
        )
    with pytest.raises(ParameterError, match="Dask scheduler"):
        compute_matrix(
            walk_network,
            points,
            points,
            origin_id="id",
            destination_id="id",
            dask_address="tcp://127.0.0.1:9",
        )
