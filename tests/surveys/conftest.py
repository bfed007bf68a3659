"""Fixtures of the survey tests: the small twin, the example survey (open now), an app."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from dikas.api.app import create_app
from dikas.api.community import Community
from dikas.api.settings import ApiSettings
from dikas.surveys.definition import Survey, parse_survey
from dikas.surveys.store import SurveyStore
from tests.api.small_twin import ORIGIN, write_small_twin

EXAMPLE = Path(__file__).parents[2] / "examples" / "surveys" / "too-hot.yaml"
PASSWORD = "correct horse battery"


def example_data() -> dict[str, Any]:
    """The shipped example, open from 2020 to 2100 (its own dates are a real summer)."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["opens"], data["closes"] = "2020-01-01", "2100-01-01"
    return data


def example_survey() -> Survey:
    return parse_survey(example_data(), str(EXAMPLE))


def lonlat(x: float, y: float) -> list[float]:
    """EPSG:3067 metres → [lon, lat]."""
    from pyproj import Transformer

    transformer = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)
    lon, lat = transformer.transform(x, y)
    return [lon, lat]


def point_in(area_index: int, dx: float = 100.0, dy: float = 100.0) -> dict[str, Any]:
    """A GeoJSON point inside the small twin's postal area ``area_index`` (0, 1, 2)."""
    return {
        "type": "Point",
        "coordinates": lonlat(ORIGIN[0] + 1000.0 * area_index + dx, ORIGIN[1] + dy),
    }


def token() -> str:
    return secrets.token_urlsafe(24)


@pytest.fixture(scope="session")
def small_twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_small_twin(tmp_path_factory.mktemp("twin") / "twin.duckdb")


def make_settings(small_twin: Path, folder: Path, **changes: Any) -> ApiSettings:
    community = folder / "community.sqlite"
    users = Community(community)
    users.add_user("alice", PASSWORD, role="stakeholder")
    users.add_user("mod", PASSWORD, role="moderator")
    SurveyStore(users.store).save(example_survey())
    return replace(
        ApiSettings(twin_path=small_twin, community_path=community, min_count=10), **changes
    )


@pytest.fixture()
def api(small_twin: Path, tmp_path: Path) -> Iterator[TestClient]:
    """An app with its own community file holding the example survey."""
    with TestClient(
        create_app(make_settings(small_twin, tmp_path, survey_submissions_per_hour=1000))
    ) as client:
        yield client


def sign_in(client: TestClient, username: str) -> dict[str, str]:
    response = client.post("/api/auth/token", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
