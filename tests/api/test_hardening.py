"""Requests that used to be 500s, and the per-client cost limits (429 with Retry-After)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pyproj import Transformer

from dikas.api.app import create_app
from dikas.api.community import Community
from dikas.api.limits import ClientRate, RateLimitedError, RunSlots
from dikas.api.routes.scenarios import MAX_DEPTH
from dikas.api.runner import RunTimeoutError, run_in_child
from dikas.api.settings import ApiSettings
from dikas.scenarios import load_scenario
from tests.api.conftest import token_for
from tests.api.small_twin import ORIGIN
from tests.cli_runner import run_dikas

TO_WGS84 = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)
JSON = {"content-type": "application/json"}


def _school(dx: float = 700.0) -> dict:
    lon, lat = TO_WGS84.transform(ORIGIN[0] + dx, ORIGIN[1] + 700)
    return {
        "name": f"school {dx:g}",
        "edits": [{"add_service": {"service_type": "school", "lon": lon, "lat": lat}}],
    }


# -- 500s that are now one-line 4xx ------------------------------------------------------------
def test_report_with_empty_area_is_400(client: TestClient) -> None:
    for query in ("?area=", "?area=%20"):
        response = client.get(f"/api/report{query}")
        assert response.status_code == 400, response.text
        assert response.json()["detail"] == (
            "report area is empty: give a postal code, or no area for the city report"
        )


def test_report_cli_with_empty_area_is_one_line(
    small_twin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.html"
    result = run_dikas(capsys, "report", str(small_twin), "--area", "", "--out", str(out))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "dikas: error: report area is empty: give a postal code, or no area for the city report"
    )
    assert not out.exists()


def test_hiding_an_id_beyond_sqlite_integers_is_404(client: TestClient) -> None:
    moderator = token_for(client, "mod")
    for comment_id in ("9999999999999999999", str(2**63), "0", "-5"):
        response = client.post(
            f"/api/comments/{comment_id}/hide", headers=moderator, json={"reason": "spam"}
        )
        assert response.status_code == 404, response.text
        assert response.json()["detail"] == f"no comment {int(comment_id)}"


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 900])
def test_deeply_nested_scenario_is_413(client: TestClient, depth: int) -> None:
    body = '{"name": "deep", "edits": [' + '{"a": ' * (depth - 2) + "1" + "}" * (depth - 2) + "]}"
    response = client.post("/api/scenarios", content=body, headers=JSON)
    assert response.status_code == 413, response.text
    assert response.json()["detail"] == f"scenario nests deeper than {MAX_DEPTH} levels"


def test_nesting_too_deep_for_the_json_parser_is_400(client: TestClient) -> None:
    response = client.post("/api/scenarios", content="[" * 31_000 + "]" * 31_000, headers=JSON)
    assert response.status_code == 400
    assert "\n" not in response.json()["detail"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"dwellings": 10, "residents": 100_001},
            "residents: Input should be less than or equal to 100000",
        ),
        (
            {"dwellings": 10**9, "residents": 10},
            "dwellings: Input should be less than or equal to 100000",
        ),
    ],
)
def test_housing_bounded(client: TestClient, options: dict, message: str) -> None:
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 700, ORIGIN[1] + 700)
    body = {"name": "huge", "edits": [{"add_housing": {"lon": lon, "lat": lat, **options}}]}
    response = client.post("/api/scenarios", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["detail"] == f"scenario edit 1 (add_housing): {message}"


@pytest.mark.parametrize(
    ("capacity", "message"),
    [
        ("1e7", "capacity: Input should be less than or equal to 1000000"),
        ("NaN", "capacity: Input should be a finite number"),
        ("Infinity", "capacity: Input should be a finite number"),
    ],
)
def test_service_capacity_bounded_and_finite(
    client: TestClient, capacity: str, message: str
) -> None:
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 700, ORIGIN[1] + 700)
    body = (
        '{"name": "big", "edits": [{"add_service": {"service_type": "school", '
        f'"lon": {lon}, "lat": {lat}, "capacity": {capacity}}}}}]}}'
    )
    response = client.post("/api/scenarios", content=body, headers=JSON)
    assert response.status_code == 400, response.text
    assert response.json()["detail"] == f"scenario edit 1 (add_service): {message}"


# -- per-client limits -----------------------------------------------------------------------
def test_client_rate_window_and_retry_after() -> None:
    now = [0.0]
    rate = ClientRate("reports", 2, 60.0, clock=lambda: now[0])
    rate.hit("a")
    now[0] = 10.0
    rate.hit("a")
    rate.hit("b")  # another client has its own window
    with pytest.raises(RateLimitedError) as refused:
        rate.hit("a")
    assert refused.value.retry_after_s == 50
    assert str(refused.value) == (
        "too many reports from this client (2 per 60 s); try again in 50 s"
    )
    now[0] = 60.0  # the first request leaves the window
    rate.hit("a")


def test_run_slots_are_fair() -> None:
    slots = RunSlots(2)
    with slots.hold("a"):
        with (
            pytest.raises(RateLimitedError, match="already has a scenario running"),
            slots.hold("a"),
        ):
            pass
        with slots.hold("b"):
            assert slots.busy == 2
            with (
                pytest.raises(RateLimitedError, match="another scenario is running"),
                slots.hold("c"),
            ):
                pass
    assert slots.busy == 0


@pytest.fixture()
def strict(settings: ApiSettings, tmp_path: Path) -> TestClient:
    """An app on the small twin with tight per-client limits and its own community file."""
    community = tmp_path / "community.sqlite"
    Community(community).add_user("alice", "correct horse battery", role="stakeholder")
    strict = ApiSettings(
        twin_path=settings.twin_path,
        community_path=community,
        isochrones_per_minute=2,
        reports_per_minute=1,
        scenario_runs_per_window=1,
        scenario_window_s=600.0,
    )
    return TestClient(create_app(strict))


def test_isochrones_reports_and_runs_limited_per_client(strict: TestClient) -> None:
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 500, ORIGIN[1] + 500)  # a street node
    url = f"/api/isochrone?lon={lon}&lat={lat}&minutes=5"
    assert [strict.get(url).status_code for _ in range(2)] == [200, 200]
    refused = strict.get(url)
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith(
        "too many isochrones from this client (2 per 60 s); try again in "
    )
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    # a signed-in user is a client of their own
    alice = token_for(strict, "alice")
    assert strict.get(url, headers=alice).status_code == 200

    assert strict.get("/api/report").status_code == 200
    assert strict.get("/api/report").status_code == 429

    first = strict.post("/api/scenarios", json=_school(600))
    assert first.status_code == 201, first.text
    # the same scenario again is the kept run: no new run, not counted
    assert strict.post("/api/scenarios", json=_school(600)).status_code == 201
    second = strict.post("/api/scenarios", json=_school(650))
    assert second.status_code == 429
    assert "too many scenario runs from this client" in second.json()["detail"]
    assert int(second.headers["Retry-After"]) > 1
    assert strict.app.state.context.scenario_slots.busy == 0


def test_scenario_run_is_stopped_after_the_timeout(settings: ApiSettings, tmp_path: Path) -> None:
    spec = load_scenario(_school(800))
    with pytest.raises(RunTimeoutError, match=r"took longer than 0\.01 s and was stopped"):
        run_in_child(settings.twin_path, spec, timeout_s=0.01)
    quick = ApiSettings(
        twin_path=settings.twin_path, community_path=tmp_path / "c.sqlite", scenario_timeout_s=0.01
    )
    with TestClient(create_app(quick)) as client:
        response = client.post("/api/scenarios", json=_school(800))
        assert response.status_code == 413
        assert "took longer than 0.01 s" in response.json()["detail"]
        assert client.app.state.context.scenario_slots.busy == 0
        assert client.get(f"/api/scenarios/{spec.sha256[:16]}").status_code == 404
    # and with time enough, the child's result is the direct run's
    assert run_in_child(settings.twin_path, spec, timeout_s=120)["diff"] == _direct(
        settings.twin_path, spec
    )


def _direct(twin: Path, spec: object) -> dict:
    from dikas.scenarios import run_scenario

    return run_scenario(twin, spec).to_dict()["diff"]  # type: ignore[arg-type]


def test_kept_runs_bounded_by_bytes(tmp_path: Path) -> None:
    community = Community(tmp_path / "c.sqlite")
    run = {"diff": "x" * 1000}
    size = len(json.dumps(run))
    for i in range(5):
        assert community.save_scenario(f"s{i}", "n", run, max_bytes=3 * size)
    assert community.scenario_bytes() == 3 * size
    with pytest.raises(LookupError):
        community.scenario("s1")
    assert community.scenario("s4") == run and community.scenario("s2") == run
    # a run larger than the whole budget is not kept, and evicts nothing it should not
    assert not community.save_scenario("huge", "n", {"diff": "y" * 10_000}, max_bytes=3 * size)
    with pytest.raises(LookupError):
        community.scenario("huge")
    assert community.scenario_bytes() == 3 * size
