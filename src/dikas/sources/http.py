"""HTTP for every live source: timeouts, retries with backoff, and one-line errors.

All network access of DikaS goes through :class:`HttpClient`, so timeouts, retries
(5xx, timeouts, ``Retry-After``), resumable downloads and conditional requests are
implemented once. Errors are :class:`~dikas.errors.FetchError` naming the dataset and URL.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field

from dikas.errors import FetchError

USER_AGENT = "dikas (+https://pypi.org/project/dikas/)"


@dataclass(frozen=True)
class Response:
    """A complete HTTP response: status, headers (lower-case names), body and final URL."""

    status: int
    url: str
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)


def with_params(url: str, params: Mapping[str, object] | None) -> str:
    """``url`` with ``params`` merged into its query (existing keys such as ``map=`` kept)."""
    if not params:
        return url
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    given = {k.lower() for k in params}
    query = [(k, v) for k, v in query if k.lower() not in given]
    query += [(k, str(v)) for k, v in params.items() if v is not None]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


class HttpClient:
    """A small HTTP client with request timeouts and retries of transient failures."""

    def __init__(self, *, timeout: float = 60.0, retries: int = 4, backoff: float = 1.0,
                 user_agent: str = USER_AGENT) -> None:
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.user_agent = user_agent

    def get(self, url: str, params: Mapping[str, object] | None = None, *, dataset: str,
            headers: Mapping[str, str] | None = None) -> Response:
        """GET ``url`` (with ``params``), retrying 5xx and timeouts; raise on anything else."""
        full = with_params(url, params)
        last = "no attempt"
        for attempt in range(self.retries + 1):
            request = urllib.request.Request(full, headers={"User-Agent": self.user_agent,
                                                            **(headers or {})})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                    return Response(answer.status, answer.geturl(), answer.read(),
                                    {k.lower(): v for k, v in answer.headers.items()})
            except urllib.error.HTTPError as exc:
                if exc.code < 500 and exc.code != 429:
                    raise FetchError(f"HTTP {exc.code} {exc.reason}", dataset=dataset,
                                     url=full) from exc
                last = f"HTTP {exc.code} {exc.reason}"
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                last = str(getattr(exc, "reason", exc)) or exc.__class__.__name__
            if attempt < self.retries:
                time.sleep(self.backoff * 2 ** attempt)
        raise FetchError(f"{last} (after {self.retries + 1} attempts)", dataset=dataset, url=full)
