"""GET /api/registry and /api/areas: labels in the asked or negotiated language."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_registry_speaks_the_asked_language(client: TestClient) -> None:
    body = client.get("/api/registry?lang=sv").json()
    assert body["language"] == "sv"
    assert [c["id"] for c in body["challenges"]] == ["segregation", "access", "climate",
                                                     "population"]
    assert {"id": "areas", "label": "Postnummerområden"} in body["levels"]
    assert body["no_data_reasons"]["suppressed"] == \
        "Skyddad: färre än 10 personer (dataskydd)"
    by_id = {i["id"]: i for i in body["indicators"]}
    walk = by_id["access_walk_nearest_1_school"]
    assert walk["label"] == "Skola: restid till närmaste (till fots)"
    assert (walk["unit"], walk["direction"], walk["levels"]) == ("min", "higher_worse",
                                                                 ["areas"])
    assert walk["years"] == {"areas": [2023]}
    share = by_id["share:lowest_income_inhabitants/adults_income_total"]
    assert share["percent"] is True and share["label"] == "Andel låginkomsttagare"


def test_registry_defaults_to_the_browser_language(client: TestClient) -> None:
    body = client.get("/api/registry",
                      headers={"Accept-Language": "fi-FI,fi;q=0.9,en;q=0.8"}).json()
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
