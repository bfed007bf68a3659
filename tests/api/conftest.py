"""Fixtures of the API tests: the small twin, an app on it, and signed-in users."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dikas.api.app import create_app
from dikas.api.community import Community
from dikas.api.settings import ApiSettings
from tests.api.small_twin import write_small_twin

PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def small_twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_small_twin(tmp_path_factory.mktemp("twin") / "twin.duckdb")


@pytest.fixture(scope="session")
def settings(small_twin: Path, tmp_path_factory: pytest.TempPathFactory) -> ApiSettings:
    community = tmp_path_factory.mktemp("community") / "community.sqlite"
    users = Community(community)
    users.add_user("alice", PASSWORD, role="stakeholder", display_name="Alice Aalto")
    users.add_user("mod", PASSWORD, role="moderator", display_name="Moderator Maija")
    users.add_user("org", PASSWORD, role="organiser", display_name="Organiser Olli")
    return ApiSettings(twin_path=small_twin, community_path=community, min_count=10)


@pytest.fixture(scope="session")
def client(settings: ApiSettings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def token_for(client: TestClient, username: str) -> dict[str, str]:
    """Authorization header of a signed-in user."""
    response = client.post("/api/auth/token", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
