"""Scenario runs through the API: result, shareable id, limits on what a request may do."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pyproj import Transformer

from dikas.api.routes.scenarios import _normalise
from dikas.scenarios import run_scenario
from tests.api.small_twin import ORIGIN

TO_WGS84 = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)


def _scenario() -> dict:
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 700, ORIGIN[1] + 700)
    return {"name": "new school",
            "edits": [{"add_service": {"service_type": "school", "lon": lon, "lat": lat}}]}


def test_scenario_run_and_fetch(client: TestClient, settings) -> None:
    response = client.post("/api/scenarios", json=_scenario())
    assert response.status_code == 201, response.text
    body = response.json()
    direct = run_scenario(settings.twin_path, _scenario()).to_dict()
    assert body["name"] == "new school"
    assert body["diff"] == direct["diff"]
    assert body["recomputed"] == ["access:school"]
    key = next(k for k in body["maps"] if k.startswith("access_walk_school|"))
    indicator, measure, group = key.split("|")
    expected = {r["postal_code"]: r["change"] for r in direct["diff"]["areas"]
                if (r["indicator"], r["measure"], r["population_group"])
                == (indicator, measure, group) and r["change"] is not None}
    assert body["maps"][key] == pytest.approx(expected)
    assert "base_twin" not in body["provenance"]
    again = client.get(f"/api/scenarios/{body['id']}")
    assert again.status_code == 200 and again.json() == body
    assert client.post("/api/scenarios", json=_scenario()).json()["id"] == body["id"]


@pytest.mark.parametrize(("scenario", "status"), [
    ({"name": "x", "base_twin": "/etc/passwd", "edits": []}, 400),
    ({"name": "x", "edits": [{"greening": {"polygon_file": "/etc/passwd",
                                           "canopy_increase": 0.1}}]}, 400),
    ({"name": "x", "edits": [{"remove_service": {"service_id": "s1"}}] * 21}, 400),
    ({"name": "x", "edits": [{"teleport": {}}]}, 400),
    ({"edits": "nope"}, 400)])
def test_bad_scenarios(client: TestClient, scenario: dict, status: int) -> None:
    response = client.post("/api/scenarios", json=scenario)
    assert response.status_code == status, response.text
    assert "\n" not in response.json()["detail"]


def test_unknown_scenario_is_404(client: TestClient) -> None:
    assert client.get("/api/scenarios/0123456789abcdef").status_code == 404


def test_geojson_polygons_from_the_map_app_are_accepted(client: TestClient) -> None:
    ring = [list(TO_WGS84.transform(ORIGIN[0] + dx, ORIGIN[1] + dy))
            for dx, dy in ((100, 100), (400, 100), (400, 400), (100, 100))]
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 250, ORIGIN[1] + 250)
    polygon = {"type": "Polygon", "coordinates": [ring]}
    normal = _normalise({"name": "x", "edits": [
        {"add_housing": {"lon": lon, "lat": lat, "polygon": polygon, "dwellings": 10,
                         "residents": 20}},
        {"greening": {"polygon": polygon, "canopy_increase": 0.2}}]})
    assert normal["edits"][0] == {"add_housing": {"lon": lon, "lat": lat, "dwellings": 10,
                                                  "residents": 20}}
    assert normal["edits"][1] == {"greening": {"polygon": ring, "canopy_increase": 0.2}}
    bad = client.post("/api/scenarios", json={"name": "x", "edits": [
        {"greening": {"polygon": {"type": "Point", "coordinates": [lon, lat]},
                      "canopy_increase": 0.2}}]})
    assert bad.status_code == 400


def test_one_scenario_at_a_time(client: TestClient) -> None:
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 300, ORIGIN[1] + 800)
    body = {"name": "busy", "edits": [{"add_service": {"service_type": "library",
                                                        "lon": lon, "lat": lat}}]}
    slots = client.app.state.context.scenario_slots
    # this client already runs one: its second run waits, whoever else runs
    with slots.hold("address:testclient"):
        response = client.post("/api/scenarios", json=body)
    assert response.status_code == 429
    assert "already has a scenario running" in response.json()["detail"]
    assert int(response.headers["Retry-After"]) >= 1
    # every slot taken by others
    with slots.hold("address:a"), slots.hold("address:b"):
        response = client.post("/api/scenarios", json=body)
    assert response.status_code == 429
    assert "another scenario is running" in response.json()["detail"]
