"""Isochrones on the 100 m street lattice: which nodes are reached, and errors."""

from __future__ import annotations

import pytest
import shapely
from fastapi.testclient import TestClient
from pyproj import Transformer

from tests.api.small_twin import NETWORK_N, NETWORK_SPACING, ORIGIN

TO_WGS84 = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)
CENTRE = (ORIGIN[0] + 500.0, ORIGIN[1] + 500.0)  # lattice node (5, 5)


def _lattice_lon_lat(i: int, j: int) -> tuple[float, float]:
    return TO_WGS84.transform(ORIGIN[0] + i * NETWORK_SPACING, ORIGIN[1] + j * NETWORK_SPACING)


@pytest.mark.parametrize(
    ("minutes", "mode", "steps"),
    [
        (2.0, "walk", 1),  # 120 s at 1.2 m/s = 144 m: nodes one block away (83 s each)
        (3.0, "walk", 2),  # 180 s = 216 m: two blocks (167 s)
        (1.0, "bike", 2),  # 60 s at 4.2 m/s = 252 m: two blocks (47.6 s), not three (71.4 s)
    ],
)
def test_reached_nodes_are_those_within_the_time(
    client: TestClient, minutes: float, mode: str, steps: int
) -> None:
    lon, lat = TO_WGS84.transform(*CENTRE)
    feature = client.get(
        "/api/isochrone", params={"lon": lon, "lat": lat, "mode": mode, "minutes": minutes}
    ).json()
    within = [
        (i, j)
        for i in range(NETWORK_N)
        for j in range(NETWORK_N)
        if abs(i - 5) + abs(j - 5) <= steps
    ]
    assert feature["properties"]["reached_nodes"] == len(within)
    polygon = shapely.geometry.shape(feature["geometry"])
    assert feature["geometry"]["type"] == "Polygon"
    assert all(polygon.contains(shapely.Point(*_lattice_lon_lat(i, j))) for i, j in within)
    assert not polygon.contains(shapely.Point(*_lattice_lon_lat(5 + steps + 1, 5)))
    assert not polygon.contains(shapely.Point(*_lattice_lon_lat(5 + steps, 5 + 1)))


@pytest.mark.parametrize(
    "params",
    [
        {"minutes": 31},
        {"minutes": 0},
        {"minutes": -5},
        {"mode": "car"},
        {"lon": 200},
        {"lon": 0.0, "lat": 0.0},
        {"lat": "north"},
    ],
)
def test_bad_isochrone_requests(client: TestClient, params: dict) -> None:
    lon, lat = TO_WGS84.transform(*CENTRE)
    query = {"lon": lon, "lat": lat, "mode": "walk", "minutes": 5, **params}
    response = client.get("/api/isochrone", params=query)
    assert response.status_code == 400, response.text
    assert "\n" not in response.json()["detail"]


def test_isochrone_needs_lon_and_lat(client: TestClient) -> None:
    assert client.get("/api/isochrone?minutes=5").status_code == 400
