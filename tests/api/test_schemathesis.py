"""Property-based conformance of the whole API to its own OpenAPI document (schemathesis).

Every operation of ``/openapi.json`` is called with generated requests (valid and invalid
parameters and bodies) against the app on the small test twin, and every built-in check
runs on each response: no 5xx, only declared statuses, declared media types and headers,
bodies matching the declared schemas, invalid input refused, auth enforced. The generation
is derandomized (the same cases every run) and bounded per operation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig

from dikas.api.app import create_app
from dikas.api.community import Community, User
from dikas.api.settings import ApiSettings
from tests.api.conftest import PASSWORD

MAX_EXAMPLES = 40
"""Generated cases per operation (and per generation mode)."""
CONFIG = {
    "checks": {
        "positive_data_acceptance": {
            # 400 is the API's documented answer to parameters valid in form but not in meaning,
            # which no schema can tell: an indicator or year the twin does not have, a point off
            # the street network, a bbox with minlat > maxlat, a scenario the engine refuses
            "expected-statuses": ["2XX", "3XX", "400", "401", "403", "404", "409", "429"]
        }
    }
}
"""Every check enabled (the default); only what counts as accepting valid data is widened."""


@pytest.fixture(scope="module")
def api(settings: ApiSettings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The app on the small twin with its own community file (comments get written)."""
    path = tmp_path_factory.mktemp("schemathesis") / "community.sqlite"
    users = Community(path)
    users.add_user("alice", PASSWORD, role="stakeholder")
    users.add_user("mod", PASSWORD, role="moderator")
    app = create_app(replace(settings, community_path=path))
    with TestClient(app):  # run the lifespan once
        yield app


def _run_operation(operation: Any, mode: GenerationMode, api: Any, counts: dict[str, int]) -> None:
    """Generate and check up to :data:`MAX_EXAMPLES` cases of one operation."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        counts[operation.label] = counts.get(operation.label, 0) + 1
        # a fresh moderator token each call: sign-out (logout) revokes the previous one, and
        # DELETE /api/me deletes the account (made again here)
        community = api.state.context.community
        if "mod" not in {user.username for user in community.users()}:
            community.add_user("mod", PASSWORD, role="moderator")
        token = community.issue_token(User("mod", "moderator"), ttl_s=600)
        case.call_and_validate(headers={"Authorization": f"Bearer {token}"})

    check()


def test_api_conforms_to_its_openapi(api: Any) -> None:
    schema = schemathesis.openapi.from_asgi(
        "/openapi.json", api, config=SchemathesisConfig.from_dict(CONFIG)
    )
    operations = [result.ok() for result in schema.get_all_operations()]
    counts: dict[str, int] = {}
    failures = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                _run_operation(operation, mode, api, counts)
            except Unsatisfiable:
                assert mode == GenerationMode.NEGATIVE  # no parameters to get wrong
            except (Exception, BaseExceptionGroup) as exc:  # every failure is reported below
                failures.append(f"{operation.label} ({mode}): {exc}")
    print(f"schemathesis: {len(operations)} operations, {sum(counts.values())} cases: {counts}")
    assert len(operations) == len(counts) >= 20
    assert not failures, "\n\n".join(failures)
