"""Area and cell profiles through the API, checked against hand computations."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.small_twin import AGE_BANDS, areas_frame


def _figure(profile: dict, name: str) -> dict:
    return next(f for f in profile["key_figures"] if f["name"] == name)


def test_area_profile_figures_against_city(client: TestClient) -> None:
    profile = client.get("/api/areas/00200/profile").json()
    frame = areas_frame()
    city = frame[frame["year"] == 2023]
    row = city.set_index("postal_code").loc["00200"]
    assert profile["name"] == "Area 2" and profile["year"] == 2023
    rate = _figure(profile, "unemployment_rate")
    assert rate["value"] == pytest.approx(row["unemployed"] / (row["employed"] + row["unemployed"]))
    assert rate["city_value"] == pytest.approx(
        city["unemployed"].sum() / (city["employed"].sum() + city["unemployed"].sum())
    )
    income = _figure(profile, "median_income")
    assert income["value"] == row["median_income"]
    assert income["city_value"] == pytest.approx(
        (city["median_income"] * city["adults_income_total"]).sum()
        / city["adults_income_total"].sum()
    )
    assert _figure(profile, "inhabitants_total")["city_value"] == city["inhabitants_total"].sum()
    assert "Test Paavo" in profile["attribution"]


def test_area_profile_sections(client: TestClient) -> None:
    profile = client.get("/api/areas/00100/profile?year=2022").json()
    frame = areas_frame()
    row = frame[(frame["year"] == 2022) & (frame["postal_code"] == "00100")].iloc[0]
    assert [b["value"] for b in profile["age_pyramid"]] == [row[b] for b in AGE_BANDS]
    assert profile["age_pyramid"][0]["band"] == "0–2"
    assert profile["age_pyramid"][-1]["band"] == "85+"
    assert sum(b["share"] for b in profile["age_pyramid"]) == pytest.approx(1.0)
    assert profile["income"]["lowest_share"] == pytest.approx(
        row["lowest_income_inhabitants"] / row["adults_income_total"]
    )
    assert profile["education"]["basic_share"] == pytest.approx(
        row["basic_education"] / row["adults_education_total"]
    )
    assert [t["year"] for t in profile["trends"]] == [2022, 2023]
    school = next(a for a in profile["accessibility"] if a["service_type"] == "school")
    assert school == {
        "service_type": "school",
        "walk_min": 5.0,
        "bike_min": None,
        "transit_min": None,
    }
    # the city value weights each area's index by its 2023 inhabitants (not a mean of areas)
    latest = frame[frame["year"] == 2023].set_index("postal_code")["inhabitants_total"]
    weighted = (
        sum(
            v * latest[c] for c, v in zip(("00100", "00200", "00300"), (0.2, 0.5, 0.8), strict=True)
        )
        / latest.sum()
    )
    assert profile["vulnerability"]["vulnerability_index"] == {
        "value": 0.2,
        "city_value": pytest.approx(weighted),
        "year": 2023,
    }
    # Heat: population-weighted mean of the area's cells (columns 0–3 of the grid).
    heat = profile["heat"]["heat_exposure_index"]
    weights = {i: ([0, 5, 9, 10][i] + 300) for i in range(4)}
    expected = sum((0.2 + 0.05 * i) * w for i, w in weights.items()) / sum(weights.values())
    assert heat["value"] == pytest.approx(expected)


def test_cell_profile_suppresses_small_counts(client: TestClient) -> None:
    small = client.get("/api/cells/c0_1/profile").json()
    assert _figure(small, "inhabitants")["value"] is None
    assert all(b["value"] is None for b in small["age_pyramid"])
    big = client.get("/api/cells/c0_8/profile").json()
    assert _figure(big, "inhabitants")["value"] == 200
    assert [b["value"] for b in big["age_pyramid"]][:3] == [20, 20, 40]
    assert _figure(big, "water_share")["value"] == 0.0
    assert _figure(client.get("/api/cells/c0_11/profile").json(), "water_share")["value"] == 1.0
    stored = client.get("/api/cells/c0_4/profile").json()
    assert stored["heat"]["heat_vulnerable_residents"]["value"] is None  # 3 < 10


def test_area_profile_ranks_labels_and_city_trends(client: TestClient) -> None:
    profile = client.get("/api/areas/00200/profile?lang=fi").json()
    frame = areas_frame()
    city = frame[frame["year"] == 2023]
    rates = city["unemployed"] / (city["employed"] + city["unemployed"])
    own = rates[city["postal_code"] == "00200"].iloc[0]
    rate = _figure(profile, "unemployment_rate")
    assert rate["label"] == "Työttömyysaste" and rate["percent"] is True
    assert rate["direction"] == "higher_worse"
    assert (rate["rank"], rate["rank_of"]) == (int((rates > own).sum()) + 1, len(city))
    first = frame[frame["year"] == frame["year"].min()]
    assert profile["city_trends"][0]["inhabitants_total"] == first["inhabitants_total"].sum()
    assert [t["year"] for t in profile["city_trends"]] == sorted(frame["year"].unique())


def test_compare_two_areas_side_by_side(client: TestClient) -> None:
    body = client.get("/api/profiles/compare?ids=00100,00200&lang=sv").json()
    assert [u["id"] for u in body["units"]] == ["00100", "00200"]
    assert body["year"] == 2023 and body["language"] == "sv"
    frame = areas_frame()
    city = frame[frame["year"] == 2023].set_index("postal_code")
    people = next(f for f in body["figures"] if f["name"] == "inhabitants_total")
    assert people["label"] == "Invånare totalt"
    assert people["values"]["00100"]["value"] == city.loc["00100", "inhabitants_total"]
    assert people["values"]["00200"]["value"] == city.loc["00200", "inhabitants_total"]
    assert people["city_value"] == city["inhabitants_total"].sum()
    assert set(body["trends"]) == {"00100", "00200"}
    assert client.get("/api/profiles/compare?ids=00100").status_code == 400
    assert client.get("/api/profiles/compare?ids=00100,99999").status_code == 404


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/areas/99999/profile", 404),
        ("/api/areas/00100/profile?year=1999", 400),
        ("/api/areas/00100/profile?year=x", 400),
        ("/api/cells/nope/profile", 404),
    ],
)
def test_profile_errors(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status, response.text
