"""Place search (`GET /api/search`) on the real Helsinki twin: postal codes, Finnish names,
districts and addresses, each with a point inside the place."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shapely
from fastapi.testclient import TestClient

from dikas.api.app import create_app
from dikas.api.settings import ApiSettings
from dikas.twin.store import Twin

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def helsinki(helsinki_twin: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = ApiSettings(
        twin_path=helsinki_twin, community_path=tmp_path_factory.mktemp("hs") / "c.sqlite"
    )
    with TestClient(create_app(settings)) as client:
        yield client


def test_postal_code_and_name_find_the_area_with_a_point_inside(
    helsinki: TestClient, helsinki_twin: Path
) -> None:
    with Twin.open(helsinki_twin) as twin:
        kallio = twin.read("areas", year=2023, where={"postal_code": "00530"}).to_crs(4326)
    polygon = kallio.geometry.iloc[0]
    for query in ("00530", "kallio", "KALL"):
        body = helsinki.get("/api/search", params={"q": query}).json()
        first = body["results"][0]
        assert (first["kind"], first["id"], first["name"]) == ("area", "00530", "Kallio"), query
        assert polygon.contains(shapely.Point(first["lon"], first["lat"]))


def test_name_parts_rank_after_prefixes_and_empty_query_lists_every_area(
    helsinki: TestClient, helsinki_twin: Path
) -> None:
    body = helsinki.get("/api/search", params={"q": "vuosaari"}).json()
    areas = [(r["id"], r["name"]) for r in body["results"] if r["kind"] == "area"]
    assert areas == [("00960", "Pohjois-Vuosaari"), ("00980", "Etelä-Vuosaari")]
    with Twin.open(helsinki_twin) as twin:
        codes = set(
            twin.sql(
                "SELECT DISTINCT postal_code FROM areas WHERE year = (SELECT max(year) FROM areas)"
            )["postal_code"]
        )
        n_districts = twin.count("districts") if twin.has_layer("districts") else 0
    listed = helsinki.get("/api/search", params={"q": "", "limit": 500}).json()["results"]
    assert {r["id"] for r in listed if r["kind"] == "area"} == codes
    assert sum(r["kind"] == "district" for r in listed) == n_districts
    assert len(helsinki.get("/api/search", params={"q": "", "limit": 3}).json()["results"]) == 3


def test_addresses_are_found_in_the_buildings(helsinki: TestClient, helsinki_twin: Path) -> None:
    with Twin.open(helsinki_twin) as twin:
        row = twin.sql(
            "SELECT address, CAST(postal_code AS VARCHAR) AS postal_code FROM buildings "
            "WHERE address IS NOT NULL AND postal_code IS NOT NULL "
            "ORDER BY address LIMIT 1"
        ).iloc[0]
    body = helsinki.get("/api/search", params={"q": row["address"], "limit": 50}).json()
    found = [r for r in body["results"] if r["kind"] == "address"]
    assert any(
        r["name"] == row["address"] and r["postal_code"] == row["postal_code"] for r in found
    )
    # short queries never scan the buildings
    assert all(
        r["kind"] != "address"
        for r in helsinki.get("/api/search", params={"q": "ka"}).json()["results"]
    )


def test_language_and_bad_input(helsinki: TestClient) -> None:
    assert (
        helsinki.get("/api/search", params={"q": "kallio", "lang": "sv"}).json()["language"] == "sv"
    )
    assert (
        helsinki.get(
            "/api/search", params={"q": "kallio"}, headers={"Accept-Language": "fi-FI,fi;q=0.9"}
        ).json()["language"]
        == "fi"
    )
    response = helsinki.get("/api/search", params={"q": "x", "limit": 0})
    assert response.status_code == 400
    assert "limit" in response.json()["detail"]
    assert helsinki.get("/api/search", params={"q": "x" * 101}).status_code == 400
