"""/api/meta and /api/indicators: values against the twin's frames, shares, privacy, breaks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from fastapi.testclient import TestClient

from dikas.api.indicators import JENKS_SAMPLE, class_breaks
from dikas.vocabulary import describe
from tests.api.small_twin import CELL_INHABITANTS, POSTAL_CODES, areas_frame


def test_meta(client: TestClient) -> None:
    meta = client.get("/api/meta").json()
    assert meta["city"] == "testville"
    assert meta["years"] == [2022, 2023]
    assert meta["levels"] == ["areas", "grid", "buildings"]
    assert meta["service_types"] == ["library", "school"]
    assert meta["min_count"] == 10
    groups = {g["id"]: g for g in meta["population_groups"]}
    assert groups["renter_households"]["labels"] == {
        "fi": "Vuokra-asunnoissa asuvat kotitaloudet",
        "sv": "Hushåll i hyresbostäder",
        "en": "Households in rented dwellings",
    }
    assert groups["age_0_9_and_70_plus"]["levels"] == ["grid"]
    shares = {i["name"]: i["label"] for i in meta["indicators"] if i["unit"] == "share"}
    # the registry, not the group's own label, names what the map shows
    low_income = "share:lowest_income_inhabitants/adults_income_total"
    assert shares[low_income] == describe(low_income, "en").label == "Share of low-income adults"
    assert "Test Paavo" in meta["attribution"]
    minlon, minlat, maxlon, maxlat = meta["bbox"]
    assert meta["center"] == pytest.approx([(minlon + maxlon) / 2, (minlat + maxlat) / 2])
    by_key = {(i["name"], i["level"]): i for i in meta["indicators"]}
    assert by_key[("median_income", "areas")]["years"] == [2022, 2023]
    assert by_key[("median_income", "areas")]["label"].startswith("Median income")
    assert ("share:unemployed/employed+unemployed", "areas") in by_key
    assert ("inhabitants", "grid") in by_key and ("height_m", "buildings") in by_key
    assert ("cell_id", "grid") not in by_key and ("year", "areas") not in by_key
    stored = by_key[("heat_vulnerable_residents", "grid")]
    assert stored["population_groups"] == ["all", "elderly"]
    assert by_key[("access_walk_nearest_1_school", "areas")]["years"] == [2023]


def test_area_values_equal_the_twin(client: TestClient) -> None:
    body = client.get("/api/indicators?indicator=median_income&level=areas&year=2022").json()
    frame = areas_frame()
    expected = frame[frame["year"] == 2022].set_index("postal_code")["median_income"]
    assert body["year"] == 2022
    assert body["values"] == {code: expected[code] for code in POSTAL_CODES}
    latest = client.get("/api/indicators?indicator=median_income").json()
    assert latest["year"] == 2023 and latest["level"] == "areas"


def test_share_indicator(client: TestClient) -> None:
    body = client.get(
        "/api/indicators",
        params={"indicator": "share:unemployed/employed+unemployed", "year": 2023},
    ).json()
    frame = areas_frame()
    rows = frame[frame["year"] == 2023].set_index("postal_code")
    for code in POSTAL_CODES:
        unemployed, employed = rows.loc[code, "unemployed"], rows.loc[code, "employed"]
        assert body["values"][code] == pytest.approx(unemployed / (employed + unemployed))


def test_grid_counts_below_min_count_are_null(client: TestClient) -> None:
    values = client.get("/api/indicators?indicator=inhabitants&level=grid").json()["values"]
    for i, count in enumerate(CELL_INHABITANTS):
        # c0_3 and c0_9: all age bands small, so the total is blanked in their place
        assert values[f"c0_{i}"] == (None if 0 < count < 10 or i in (3, 9) else count)
    # Stored counts of people at grid level are protected as well.
    stored = client.get("/api/indicators?indicator=heat_vulnerable_residents&level=grid").json()
    assert stored["values"] == {"c0_4": None, "c0_5": 20.0}
    elderly = client.get(
        "/api/indicators?indicator=heat_vulnerable_residents&level=grid&population_group=elderly"
    ).json()
    assert elderly["values"] == {"c0_4": None, "c0_5": 12.0}


def test_stored_area_indicator(client: TestClient) -> None:
    body = client.get("/api/indicators?indicator=access_walk_nearest_1_school").json()
    assert body["year"] == 2023
    assert body["values"] == {"00100": 5.0, "00200": 6.0, "00300": 7.0}


def test_breaks_in_response(client: TestClient) -> None:
    body = client.get("/api/indicators?indicator=vulnerability_index").json()
    values = np.array([0.2, 0.5, 0.8])
    assert body["breaks"]["quantiles"] == pytest.approx(np.quantile(values, [1 / 3, 2 / 3, 1]))
    assert body["breaks"]["natural_breaks"] == pytest.approx([0.2, 0.5, 0.8])


def test_class_breaks_on_large_samples_are_deterministic() -> None:
    rng = np.random.default_rng(3)
    values = pd.Series(np.r_[rng.normal(0, 1, 3000), rng.normal(10, 1, 3000)])
    first, second = class_breaks(values, k=2), class_breaks(values, k=2)
    assert first == second
    assert len(values) > JENKS_SAMPLE
    # Two well separated clusters: the natural break falls between them.
    assert 2 < first["natural_breaks"][0] < 8
    assert first["quantiles"][0] == pytest.approx(np.quantile(values, 0.5))


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("indicator=median_income&level=city", 400),
        ("indicator=nosuch&level=areas", 400),
        ("indicator=nosuch&level=grid", 400),
        ("indicator=median_income&year=1999", 400),
        ("indicator=median_income&year=abc", 400),
        ("indicator=share:unemployed", 400),
        ("indicator=share:nosuch/employed", 400),
        ("indicator=median_income&population_group=elderly", 400),
        ("indicator=heat_vulnerable_residents&level=grid&population_group=kids", 400),
        ("level=areas", 400),
    ],
)
def test_bad_indicator_requests(client: TestClient, query: str, status: int) -> None:
    response = client.get(f"/api/indicators?{query}")
    assert response.status_code == status, response.text
    assert "\n" not in response.json()["detail"]
