"""The issue's planner story on the real Helsinki twin."""

from __future__ import annotations

from pathlib import Path

import pytest

from dikas.scenarios import run_scenario
from dikas.scenarios.proposal import propose_sites
from dikas.twin.store import Twin

pytestmark = pytest.mark.integration

JATKASAARI = {
    "name": "Jätkäsaari health station and new homes",
    "edits": [
        {
            "add_service": {
                "service_type": "health_station",
                "lon": 24.913,
                "lat": 60.157,
                "capacity": 20000,
            }
        },
        {
            "add_housing": {
                "lon": 24.917,
                "lat": 60.155,
                "dwellings": 800,
                "residents": 1500,
                "social_rental_share": 0.3,
            }
        },
    ],
}


def test_health_station_homes_and_three_proposed_sites(helsinki_twin: Path, tmp_path: Path) -> None:
    out = tmp_path / "scenario.duckdb"
    result = run_scenario(helsinki_twin, JATKASAARI, out=out)
    city = result.city_frame().set_index(["indicator", "measure", "population_group"])
    coverage = city.loc[("access_walk_health_station", "coverage_15min", "lowest_income")]
    assert coverage["change"] > 0
    assert city.loc[("segregation", "dissimilarity", "renter_households"), "change"] != 0
    with Twin.open(helsinki_twin) as base, Twin.open(out) as edited:
        year = max(base.years("areas"))
        before = base.read("areas", year=year).set_index("postal_code")["inhabitants_total"]
        after = edited.read("areas", year=year).set_index("postal_code")["inhabitants_total"]
    code = result.edits[1]["postal_code"]
    assert after[code] - before[code] == 1500
    assert (after.drop(code) == before.drop(code)).all()

    proposal = propose_sites(
        helsinki_twin, service_type="health_station", add=3, objective="coverage"
    )
    assert len(proposal.sites) == 3
    assert proposal.solution.after > proposal.solution.before
    assert list(proposal.sites["rank"]) == [1, 2, 3]
    assert all(g > 0 for g in proposal.solution.gains)
