"""HttpClient against a fault-injecting local server serving the real staged files."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from dikas.errors import FetchError
from dikas.sources.http import HttpClient, retry_after_seconds
from tests.sources.fault_server import FaultServer

GTFS = "r5py_docs/hsl_gtfs_20220222_inner_helsinki.zip"
HEAT = "r4c/urban_heat_exposure_index.tif"


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


class Waits(list[float]):
    """An injected sleep function: records the waits instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client(waits: Waits, **options: object) -> HttpClient:
    settings: dict[str, object] = {
        "timeout": 2.0,
        "retries": 3,
        "backoff": 0.01,
        "sleep": waits,
        "rng": random.Random(0),
    }
    settings.update(options)
    return HttpClient(**settings)  # type: ignore[arg-type]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_500_then_503_with_retry_after_are_retried_and_the_wait_honoured(
    server: FaultServer, data_dir: Path
) -> None:
    body = (data_dir / GTFS).read_bytes()
    url = server.serve("/feed.zip", body, faults=[("status", 500), ("status", 503, 7)])
    waits = Waits()
    answer = client(waits).get(url, dataset="hsl_gtfs")
    assert answer.status == 200 and sha(answer.body) == sha(body)
    assert len(server.seen("/feed.zip")) == 3
    # first wait: backoff 0.01 * 2**0 with jitter in [0.5, 1]; second: the server's 7 s
    assert 0.005 <= waits[0] <= 0.01 and waits[1] == 7.0


def test_retry_after_is_capped_by_max_wait_and_accepts_http_dates(server: FaultServer) -> None:
    url = server.serve("/x", b"ok", faults=[("status", 429, 3600)])
    waits = Waits()
    assert client(waits, max_wait=2.5).get(url, dataset="d").body == b"ok"
    assert waits == [2.5]
    now = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)
    date = email.utils.format_datetime(now + dt.timedelta(seconds=90), usegmt=True)
    assert retry_after_seconds(date, now=now) == 90.0
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
    past = email.utils.format_datetime(now - dt.timedelta(days=1), usegmt=True)
    assert retry_after_seconds(past, now=now) == 0.0


def test_a_timeout_is_retried(server: FaultServer) -> None:
    url = server.serve("/slow", b"finally", faults=[("sleep", 3.0)])
    waits = Waits()
    answer = client(waits, timeout=0.3).get(url, dataset="slow_service")
    assert answer.body == b"finally" and len(waits) == 1


def test_last_attempt_failing_is_one_line_naming_dataset_url_and_problem(
    server: FaultServer,
) -> None:
    url = server.serve("/down", b"", faults=[("status", 503)] * 3)
    waits = Waits()
    with pytest.raises(FetchError) as caught:
        client(waits, retries=2).get(url, {"a": 1}, dataset="register")
    message = str(caught.value)
    assert (
        message == f"dataset 'register', URL {url}?a=1: HTTP 503 Service Unavailable "
        "(after 3 attempts)"
    )
    assert len(waits) == 2 and "\n" not in message


def test_timeouts_until_the_end_say_timed_out(server: FaultServer) -> None:
    url = server.serve("/slow", b"x", faults=[("sleep", 3.0)] * 2)
    with pytest.raises(
        FetchError,
        match=r"dataset 'slow', URL .*/slow: timed out "
        r"\(after 2 attempts\)",
    ):
        client(Waits(), timeout=0.2, retries=1).get(url, dataset="slow")


def test_4xx_fails_at_once(server: FaultServer) -> None:
    waits = Waits()
    with pytest.raises(FetchError, match=r"dataset 'd', URL .*/nothing: HTTP 404 Not Found$"):
        client(waits).get(server.url("/nothing"), dataset="d")
    assert waits == [] and len(server.seen("/nothing")) == 1


def test_download_cut_in_the_middle_resumes_with_range(
    server: FaultServer, data_dir: Path, tmp_path: Path
) -> None:
    body = (data_dir / HEAT).read_bytes()
    url = server.serve("/heat.tif", body, faults=[("cut", 1_000_000), ("cut", 700_000)])
    seen: list[tuple[int, int | None]] = []
    result = client(Waits()).download(
        url,
        tmp_path / "heat.tif",
        dataset="heat",
        progress=lambda done, total: seen.append((done, total)),
    )
    requests = server.seen("/heat.tif")
    assert [r.headers.get("range") for r in requests] == [None, "bytes=1000000-", "bytes=1700000-"]
    etag = server.resources["/heat.tif"].etag
    assert [r.headers.get("if-range") for r in requests] == [None, etag, etag]
    assert result.status == 206 and result.resumed_from == 1_700_000
    assert result.bytes == len(body) == (tmp_path / "heat.tif").stat().st_size
    assert sha((tmp_path / "heat.tif").read_bytes()) == sha(body)
    assert seen[-1] == (len(body), len(body))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["heat.tif"]  # no .part left


def test_a_partial_file_of_an_earlier_run_is_resumed(
    server: FaultServer, data_dir: Path, tmp_path: Path
) -> None:
    body = (data_dir / GTFS).read_bytes()
    url = server.serve("/feed.zip", body, faults=[("cut", 500_000)] + [("status", 503)] * 2)
    target = tmp_path / "feed.zip"
    with pytest.raises(FetchError, match="HTTP 503"):
        client(Waits(), retries=2).download(url, target, dataset="hsl_gtfs")
    part = tmp_path / "feed.zip.part"
    assert part.stat().st_size == 500_000 and not target.exists()  # kept: server takes ranges
    result = client(Waits()).download(url, target, dataset="hsl_gtfs")
    assert server.seen("/feed.zip")[-1].headers["range"] == "bytes=500000-"
    assert result.resumed_from == 500_000 and sha(target.read_bytes()) == sha(body)
    assert not part.exists()


def test_a_200_answer_to_a_range_starts_over(server: FaultServer, tmp_path: Path) -> None:
    body = bytes(range(256)) * 400
    url = server.serve("/f", body, faults=[("cut", 10_000), ("norange",)])
    result = client(Waits()).download(url, tmp_path / "f", dataset="d")
    assert server.seen("/f")[1].headers["range"] == "bytes=10000-"
    assert result.status == 200 and result.resumed_from == 0
    assert (tmp_path / "f").read_bytes() == body


def test_a_short_transfer_is_never_a_complete_file(server: FaultServer, tmp_path: Path) -> None:
    url = server.serve("/f", b"a" * 50_000, faults=[("cut", 100)] * 2, ranges=False)
    with pytest.raises(
        FetchError,
        match=r"transfer ended at 100 of 50000 bytes "
        r"\(after 2 attempts\)",
    ):
        client(Waits(), retries=1).download(url, tmp_path / "f", dataset="d")
    assert list(tmp_path.iterdir()) == []  # not resumable: nothing left behind


def test_conditional_download_reports_not_modified(server: FaultServer, tmp_path: Path) -> None:
    url = server.serve("/f", b"content")
    first = client(Waits()).download(url, tmp_path / "f", dataset="d")
    assert first.etag and first.last_modified
    again = client(Waits()).download(url, tmp_path / "g", dataset="d", etag=first.etag)
    assert again.not_modified and again.status == 304 and not (tmp_path / "g").exists()
    assert server.seen("/f")[-1].headers["if-none-match"] == first.etag
    by_date = client(Waits()).download(
        url, tmp_path / "g", dataset="d", last_modified=first.last_modified
    )
    assert by_date.not_modified
    assert server.seen("/f")[-1].headers["if-modified-since"] == first.last_modified
    server.serve("/f", b"new content", version="2")
    changed = client(Waits()).download(url, tmp_path / "g", dataset="d", etag=first.etag)
    assert not changed.not_modified and (tmp_path / "g").read_bytes() == b"new content"


def test_get_retries_a_body_cut_short(server: FaultServer) -> None:
    url = server.serve("/page", b"x" * 10_000, faults=[("cut", 1000)])
    waits = Waits()
    assert client(waits).get(url, dataset="d").body == b"x" * 10_000
    assert len(waits) == 1 and len(server.seen("/page")) == 2


def test_a_partial_file_of_another_url_is_not_resumed(server: FaultServer, tmp_path: Path) -> None:
    url = server.serve("/f", b"fresh content")
    (tmp_path / "f.part").write_bytes(b"stale")
    (tmp_path / "f.part.json").write_text('{"url": "http://elsewhere/f"}', "utf-8")
    result = client(Waits()).download(url, tmp_path / "f", dataset="d")
    assert "range" not in server.seen("/f")[0].headers
    assert result.resumed_from == 0 and (tmp_path / "f").read_bytes() == b"fresh content"


def test_a_refused_connection_is_retried_then_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as unused:  # a port nobody listens on
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    waits = Waits()
    with pytest.raises(FetchError) as caught:
        client(waits, retries=1, connect_timeout=0.5).download(
            f"http://127.0.0.1:{port}/f", tmp_path / "f", dataset="d"
        )
    assert str(caught.value).startswith(
        f"dataset 'd', URL http://127.0.0.1:{port}/f: connection failed ("
    )
    assert str(caught.value).endswith("(after 2 attempts)") and len(waits) == 1
    assert list(tmp_path.iterdir()) == []


def test_read_timeout_is_separate_from_connect_timeout(server: FaultServer) -> None:
    url = server.serve("/slow", b"late", faults=[("sleep", 0.5)])
    patient = client(Waits(), timeout=3.0, connect_timeout=0.2, retries=0)
    assert patient.get(url, dataset="d").body == b"late"  # connecting is quick; reading waits
    assert patient.connect_timeout == 0.2 and patient.timeout == 3.0


def test_a_complete_partial_file_is_accepted_on_416(server: FaultServer, tmp_path: Path) -> None:
    url = server.serve("/f", b"0123456789")
    etag = server.resources["/f"].etag
    (tmp_path / "f.part").write_bytes(b"0123456789")
    (tmp_path / "f.part.json").write_text(json.dumps({"url": url, "etag": etag}), "utf-8")
    result = client(Waits()).download(url, tmp_path / "f", dataset="d")
    assert server.seen("/f")[0].headers["range"] == "bytes=10-"
    assert server.seen("/f")[0].headers["if-range"] == etag and len(server.seen("/f")) == 1
    assert (
        result.status == 206
        and result.bytes == 10
        and (tmp_path / "f").read_bytes() == b"0123456789"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f"]
    # a longer partial of another version: refused, then fetched from scratch
    (tmp_path / "g.part").write_bytes(b"01234567890123")
    (tmp_path / "g.part.json").write_text(f'{{"url": "{url}"}}', "utf-8")
    again = client(Waits()).download(url, tmp_path / "g", dataset="d")
    assert again.resumed_from == 0 and (tmp_path / "g").read_bytes() == b"0123456789"
