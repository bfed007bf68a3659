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
    return {
        "name": "new school",
        "edits": [{"add_service": {"service_type": "school", "lon": lon, "lat": lat}}],
    }


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
    expected = {
        r["postal_code"]: r["change"]
        for r in direct["diff"]["areas"]
        if (r["indicator"], r["measure"], r["population_group"]) == (indicator, measure, group)
        and r["change"] is not None
    }
    assert body["maps"][key] == pytest.approx(expected)
    assert "base_twin" not in body["provenance"]
    again = client.get(f"/api/scenarios/{body['id']}")
    assert again.status_code == 200 and again.json() == body
    assert client.post("/api/scenarios", json=_scenario()).json()["id"] == body["id"]


@pytest.mark.parametrize(
    ("scenario", "status"),
    [
        ({"name": "x", "base_twin": "/etc/passwd", "edits": []}, 400),
        (
            {
                "name": "x",
                "edits": [{"greening": {"polygon_file": "/etc/passwd", "canopy_increase": 0.1}}],
            },
            400,
        ),
        ({"name": "x", "edits": [{"remove_service": {"service_id": "s1"}}] * 21}, 400),
        ({"name": "x", "edits": [{"teleport": {}}]}, 400),
        ({"edits": "nope"}, 400),
    ],
)
def test_bad_scenarios(client: TestClient, scenario: dict, status: int) -> None:
    response = client.post("/api/scenarios", json=scenario)
    assert response.status_code == status, response.text
    assert "\n" not in response.json()["detail"]


def test_unknown_scenario_is_404(client: TestClient) -> None:
    assert client.get("/api/scenarios/0123456789abcdef").status_code == 404


def test_geojson_polygons_from_the_map_app_are_accepted(client: TestClient) -> None:
    ring = [
        list(TO_WGS84.transform(ORIGIN[0] + dx, ORIGIN[1] + dy))
        for dx, dy in ((100, 100), (400, 100), (400, 400), (100, 100))
    ]
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 250, ORIGIN[1] + 250)
    polygon = {"type": "Polygon", "coordinates": [ring]}
    normal = _normalise(
        {
            "name": "x",
            "edits": [
                {
                    "add_housing": {
                        "lon": lon,
                        "lat": lat,
                        "polygon": polygon,
                        "dwellings": 10,
                        "residents": 20,
                    }
                },
                {"greening": {"polygon": polygon, "canopy_increase": 0.2}},
            ],
        }
    )
    assert normal["edits"][0] == {
        "add_housing": {"lon": lon, "lat": lat, "dwellings": 10, "residents": 20}
    }
    assert normal["edits"][1] == {"greening": {"polygon": ring, "canopy_increase": 0.2}}
    bad = client.post(
        "/api/scenarios",
        json={
            "name": "x",
            "edits": [
                {
                    "greening": {
                        "polygon": {"type": "Point", "coordinates": [lon, lat]},
                        "canopy_increase": 0.2,
                    }
                }
            ],
        },
    )
    assert bad.status_code == 400


def test_one_scenario_at_a_time(client: TestClient) -> None:
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 300, ORIGIN[1] + 800)
    body = {
        "name": "busy",
        "edits": [{"add_service": {"service_type": "library", "lon": lon, "lat": lat}}],
    }
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


def test_scenario_summary_in_the_readers_language(client: TestClient, settings) -> None:
    from dikas.scenarios.summary import summarize

    body = client.post("/api/scenarios", json=_scenario()).json()
    diff = body["diff"]
    assert body["summary"] == summarize(diff, lang="en", min_count=settings.min_count)
    assert body["summary"]["language"] == "en" and body["summary"]["sentences"]
    finnish = client.get(f"/api/scenarios/{body['id']}?lang=fi").json()["summary"]
    assert finnish == summarize(diff, lang="fi", min_count=settings.min_count)
    swedish = client.get(
        f"/api/scenarios/{body['id']}", headers={"Accept-Language": "sv-FI,sv;q=0.9,en;q=0.5"}
    ).json()
    assert swedish["summary"]["language"] == "sv"
    assert swedish["diff"] == diff  # the stored run, whatever the language
    rows = {
        (r["measure"], r["population_group"]): r
        for r in body["summary"]["table"]
        if r["indicator"] == "access_walk_school"
    }
    coverage = next(
        r
        for r in diff["city"]
        if r["indicator"] == "access_walk_school"
        and r["measure"] == "coverage_15min"
        and r["population_group"] == "all"
    )
    assert rows[("coverage_15min", "all")]["change"] == coverage["change"]
    assert rows[("coverage_15min", "all")]["label"] == "School: share within a 15-minute walk"
    assert rows[("mean_minutes", "all")]["direction"] == "lower_is_better"
    assert body["summary"]["no_change"] is (not any(r["change"] for r in diff["city"]))
    assert client.get(f"/api/scenarios/{body['id']}?lang=de").status_code == 400


def test_two_stored_runs_compared(client: TestClient) -> None:
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 200, ORIGIN[1] + 300)
    first = client.post("/api/scenarios", json=_scenario()).json()
    second = client.post(
        "/api/scenarios",
        json={
            "name": "school elsewhere",
            "edits": [{"add_service": {"service_type": "school", "lon": lon, "lat": lat}}],
        },
    ).json()
    response = client.get(f"/api/scenarios/compare?a={first['id']}&b={second['id']}&lang=sv")
    assert response.status_code == 200, response.text
    table = response.json()
    assert table["language"] == "sv" and table["same_base"] is True
    assert table["b"] == {"id": second["id"], "name": "school elsewhere"}
    rows = {(r["indicator"], r["measure"], r["population_group"]): r for r in table["table"]}
    for run, side in ((first, "a"), (second, "b")):
        for r in run["diff"]["city"]:
            if r["indicator"] == "access_walk_school" and r["measure"] == "mean_minutes":
                row = rows[(r["indicator"], r["measure"], r["population_group"])]
                assert row["before"] == r["before"] and row[f"after_{side}"] == r["after"]
    assert rows[("access_walk_school", "mean_minutes", "all")]["label"] == (
        "Skola: genomsnittlig promenadtid"
    )
    missing = client.get(f"/api/scenarios/compare?a={first['id']}&b=0123456789abcdef")
    assert missing.status_code == 404 and "0123456789abcdef" in missing.json()["detail"]
    assert client.get("/api/scenarios/compare?a=x&b=y").status_code == 400


def test_outside_coverage_says_where_coverage_is(client: TestClient) -> None:
    response = client.post(
        "/api/scenarios",
        json={
            "name": "far away",
            "edits": [
                {"add_housing": {"lon": 30.0, "lat": 65.0, "dwellings": 10, "residents": 20}}
            ],
        },
    )
    assert response.status_code == 400, response.text
    detail = response.json()["detail"]
    assert "outside the twin's postal areas, which cover lon " in detail and "\n" not in detail
