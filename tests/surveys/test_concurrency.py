"""Many anonymous submissions at once: a bounded load test on SQLite (threads against one
app), and two ``dikas serve`` processes writing answers into one PostgreSQL database at
once; nothing is lost, and a browser token is counted once even when sent to both."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from dikas.api.community_store import PostgresStore
from dikas.surveys.store import SurveyStore
from tests.api.pg_cluster import Cluster
from tests.api.test_postgres_store import (  # noqa: F401 (cluster: the fixture)
    SRC,
    Served,
    _free_port,
    cluster,
)
from tests.surveys.conftest import example_survey, point_in, token

URL = "/api/surveys/too-hot/responses"
READY_S = 240
"""How long a server may take to start (the machine running the tests may be busy)."""
LOAD = 200
"""Anonymous submissions of the load test."""


def body(k: int) -> dict[str, Any]:
    return {
        "token": token(),
        "language": ("fi", "sv", "en")[k % 3],
        "answers": {
            "hot_place": [
                {
                    "geometry": point_in(k % 3, dx=50.0 + 3 * (k % 250)),
                    "follow_ups": {"when": "night", "why": f"heat {k}"},
                }
            ],
            "heat_harm": 1 + k % 5,
            "relief": ["trees"],
        },
    }


def test_load_200_anonymous_submissions_from_threads(api: TestClient) -> None:
    lock = threading.Lock()
    statuses: Counter[int] = Counter()

    def send(k: int) -> None:
        status = api.post(URL, json=body(k)).status_code
        with lock:
            statuses[status] += 1

    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(send, range(LOAD)))
    assert statuses == Counter({201: LOAD})  # no errors
    store: SurveyStore = api.app.state.survey_store  # type: ignore[attr-defined]
    assert store.count("too-hot") == LOAD
    answers = store.answers("too-hot")
    assert len(answers) == 5 * LOAD  # place, two follow-ups, likert, choice: none lost
    assert sorted(answers[answers["question_id"] == "why"]["value"]) == sorted(
        f"heat {k}" for k in range(LOAD)
    )


class BehindProxy(Served):
    """``dikas serve`` as behind a reverse proxy: the client address comes from
    ``X-Forwarded-For`` (so each test writer is its own client for the rate limit)."""

    def __init__(self, twin: Path, community: Path, database: str) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(SRC), "DIKAS_COMMUNITY_DB": database}
        self.log = community.with_name(f"serve-{self.port}.log")
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "from dikas.cli.main import main; main()",
                    "serve",
                    str(twin),
                    "--port",
                    str(self.port),
                    "--comments",
                    str(community),
                    "--seed-tiles",
                    "0",
                    "--threads",
                    "4",
                    "--proxy-headers",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )

    def wait_ready(self) -> None:
        deadline = time.monotonic() + READY_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"dikas serve exited: {self.log.read_text()!r}")
            try:
                if httpx.get(f"{self.url}/api/status", timeout=5).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        pytest.fail(f"dikas serve did not answer within {READY_S} s")


@pytest.fixture()
def servers(
    small_twin: Path,
    cluster: Cluster,  # noqa: F811
    tmp_path: Path,
) -> Iterator[tuple[str, list[Served]]]:
    database = cluster.database(f"surveys{os.getpid()}")
    store = PostgresStore(database)  # migrates to the newest schema, surveys included
    SurveyStore(store).save(example_survey())
    store.close()
    started = [BehindProxy(small_twin, tmp_path / "community.sqlite", database) for _ in range(2)]
    try:
        for server in started:
            server.wait_ready()
        yield database, started
    finally:
        for server in started:
            server.stop()


PER_WRITER = 15
WRITERS = 4


def test_two_servers_take_answers_at_once_nothing_lost(servers: tuple[str, list[Served]]) -> None:
    database, running = servers
    statuses: Counter[int] = Counter()
    lock = threading.Lock()

    def write(server: Served, writer: int) -> None:
        # each writer is its own client (the rate limit is per client)
        address = f"198.51.100.{10 + writer}"
        with httpx.Client(
            base_url=server.url, timeout=60, headers={"X-Forwarded-For": address}
        ) as client:
            for k in range(PER_WRITER):
                status = client.post(URL, json=body(writer * 100 + k)).status_code
                with lock:
                    statuses[status] += 1

    jobs = [(server, w) for server in running for w in range(WRITERS)]
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        list(pool.map(lambda job: write(*job), jobs))
    # one token sent to both servers at the same moment is stored once
    same = body(999)
    barrier = threading.Barrier(2)

    def race(server: Served) -> int:
        barrier.wait()
        return httpx.post(server.url + URL, json=same, timeout=60).status_code

    with ThreadPoolExecutor(max_workers=2) as pool:
        raced = sorted(pool.map(race, running))
    expected = 2 * WRITERS * PER_WRITER
    assert statuses == Counter({201: expected})
    assert raced == [201, 409]
    store = PostgresStore(database, migrate=False)
    try:
        surveys = SurveyStore(store)
        assert surveys.count("too-hot") == expected + 1
        assert len(surveys.answers("too-hot")) == 5 * (expected + 1)
    finally:
        store.close()
    # both processes publish the same aggregates
    results = [
        httpx.get(s.url + "/api/surveys/too-hot/results", timeout=60).json() for s in running
    ]
    assert results[0] == results[1] and results[0]["respondents"] == expected + 1
