"""GET /api/registry and /api/areas: labels in the asked or negotiated language."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from dikas.api.app import create_app
from dikas.api.settings import ApiSettings
from dikas.twin.store import Twin
from tests.api.small_twin import areas_frame, write_small_twin


def test_registry_speaks_the_asked_language(client: TestClient) -> None:
    body = client.get("/api/registry?lang=sv").json()
    assert body["language"] == "sv"
    assert [c["id"] for c in body["challenges"]] == [
        "segregation",
        "access",
        "climate",
        "population",
    ]
    assert {"id": "areas", "label": "Postnummerområden"} in body["levels"]
    assert body["no_data_reasons"]["suppressed"] == "Skyddad: färre än 10 personer (dataskydd)"
    by_id = {i["id"]: i for i in body["indicators"]}
    walk = by_id["access_walk_nearest_1_school"]
    assert walk["label"] == "Skola: restid till närmaste (till fots)"
    assert (walk["unit"], walk["direction"], walk["levels"]) == ("min", "higher_worse", ["areas"])
    assert walk["years"] == {"areas": [2023]}
    share = by_id["share:lowest_income_inhabitants/adults_income_total"]
    assert share["percent"] is True and share["label"] == "Andel låginkomsttagare"


def test_registry_defaults_to_the_browser_language(client: TestClient) -> None:
    body = client.get(
        "/api/registry", headers={"Accept-Language": "fi-FI,fi;q=0.9,en;q=0.8"}
    ).json()
    assert body["language"] == "fi"
    assert client.get("/api/registry").json()["language"] == "en"
    response = client.get("/api/registry?lang=de")
    assert response.status_code == 400 and "lang" in response.json()["detail"]


def test_area_names_for_labels_and_search(client: TestClient) -> None:
    body = client.get("/api/areas?lang=fi").json()
    assert body["level"] == "areas"
    assert [a["id"] for a in body["areas"]] == sorted(a["id"] for a in body["areas"])
    assert all(a["label"] == a["name_fi"] for a in body["areas"])
    assert client.get("/api/areas?level=districts").status_code == 404


def test_swedish_area_names_label_swedish_readers(tmp_path: Path) -> None:
    path = write_small_twin(tmp_path / "twin.duckdb")
    with Twin.open(path, read_only=False) as twin:
        areas = areas_frame()
        areas["name_sv"] = [
            None if code == "00300" else f"Område {code}" for code in areas["postal_code"]
        ]
        twin.write_layer("areas", areas)
    settings = ApiSettings(twin_path=path, community_path=tmp_path / "c.sqlite")
    with TestClient(create_app(settings)) as client:
        swedish = {a["id"]: a for a in client.get("/api/areas?lang=sv").json()["areas"]}
        finnish = {a["id"]: a for a in client.get("/api/areas?lang=fi").json()["areas"]}
    assert swedish["00100"]["label"] == "Område 00100"
    assert swedish["00300"]["label"] == "Area 3"  # no Swedish name: the Finnish one
    assert finnish["00100"] == {
        "id": "00100",
        "label": "Area 1",
        "name_fi": "Area 1",
        "name_sv": "Område 00100",
        "parent_id": None,
    }
