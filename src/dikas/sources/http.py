"""HTTP for every live source: timeouts, retries with backoff, and one-line errors.

All network access of DikaS goes through :class:`HttpClient`, so timeouts, retries
(5xx, 429, timeouts, dropped connections, ``Retry-After``), resumable downloads and
conditional requests are implemented once. Errors are :class:`~dikas.errors.FetchError`
naming the dataset and URL.

Waiting between attempts is exponential backoff with jitter (``backoff * 2**attempt``, scaled
by a random factor in [0.5, 1]) unless the server says how long to wait with ``Retry-After``;
every wait is capped by ``max_wait``. The sleep function and the random generator are
injectable so tests run in milliseconds and deterministically.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import http.client
import json
import os
import random
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dikas.errors import FetchError

USER_AGENT = "dikas (+https://pypi.org/project/dikas/)"
_CHUNK = 1 << 16
_RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504, 507, 509, 520, 521, 522, 523, 524})

Progress = Callable[[int, int | None], None]
"""A progress callback: ``(bytes so far, total bytes or None)``."""


@dataclass(frozen=True)
class Response:
    """A complete HTTP response: status, headers (lower-case names), body and final URL."""

    status: int
    url: str
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DownloadResult:
    """What :meth:`HttpClient.download` got.

    Attributes
    ----------
    path
        The complete file (the ``target``); absent when ``not_modified``.
    url
        The URL requested (with its parameters); ``final_url`` is the one after redirects.
    status
        200 (whole body), 206 (the rest of a partial file) or 304 (not modified).
    bytes
        Size of the complete file (0 when ``not_modified``).
    headers
        The last response's headers, lower-case names (``etag``, ``last-modified``...).
    resumed_from
        Bytes already on disk when the last successful transfer started (0: from scratch).
    attempts
        Requests made, including retries.
    """

    path: Path
    url: str
    final_url: str
    status: int
    bytes: int
    headers: Mapping[str, str]
    not_modified: bool = False
    resumed_from: int = 0
    attempts: int = 1

    @property
    def etag(self) -> str | None:
        """The server's ETag of the file, if it sent one."""
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        """The server's Last-Modified of the file, if it sent one."""
        return self.headers.get("last-modified")


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


def retry_after_seconds(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (delta-seconds or an HTTP date).

    ``None`` when the header is absent or unreadable; a date in the past gives 0.
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())


def _one_line(text: object) -> str:
    return re.sub(r"\s+", " ", str(text)).strip()


def _problem(exc: BaseException) -> str:
    """A short one-line description of a network failure."""
    if isinstance(exc, TimeoutError) or "timed out" in str(exc):
        return "timed out"
    if isinstance(exc, urllib.error.URLError):
        reason = exc.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            return "timed out"
        return _one_line(f"connection failed ({reason})")
    if isinstance(exc, http.client.IncompleteRead):
        return f"connection dropped after {len(exc.partial)} bytes of the body"
    if isinstance(exc, (http.client.RemoteDisconnected, ConnectionError)):
        return _one_line(f"connection dropped ({exc.__class__.__name__})")
    return _one_line(f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__)


class _Retry(Exception):
    """A transient failure of one attempt (retried), with the server's wait if it gave one."""

    def __init__(self, problem: str, wait: float | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.wait = wait


def _content_range(value: str | None) -> tuple[int, int | None] | None:
    """``(start, total)`` of a ``Content-Range: bytes start-end/total`` header."""
    match = re.fullmatch(r"\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*", value or "")
    if match is None:
        return None
    total = match.group(3)
    return int(match.group(1)), (None if total == "*" else int(total))


def tqdm_progress(description: str) -> tuple[Progress, Callable[[], None]]:
    """A byte progress bar on stderr: ``(callback, close)`` for :meth:`HttpClient.download`."""
    from tqdm.auto import tqdm

    bar = tqdm(
        desc=description,
        unit="B",
        unit_scale=True,
        unit_divisor=1024,
        file=sys.stderr,
        leave=False,
        dynamic_ncols=True,
    )

    def update(done: int, total: int | None) -> None:
        if total is not None and bar.total != total:
            bar.total = total
            bar.refresh()
        if done < bar.n:  # a download that starts over
            bar.reset(total=total)
        bar.update(done - bar.n)  # redraws at most every mininterval

    return update, bar.close


def _opener(connect_timeout: float, read_timeout: float) -> urllib.request.OpenerDirector:
    """A urllib opener whose connections use one timeout to connect and another to read."""

    class Plain(http.client.HTTPConnection):
        def connect(self) -> None:
            self.timeout = connect_timeout
            super().connect()
            self.sock.settimeout(read_timeout)

    class Secure(http.client.HTTPSConnection):
        def connect(self) -> None:
            self.timeout = connect_timeout
            super().connect()
            self.sock.settimeout(read_timeout)

    class PlainHandler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(Plain, req)

    class SecureHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(Secure, req, context=self._context)  # type: ignore[attr-defined]

    return urllib.request.build_opener(PlainHandler, SecureHandler)


class HttpClient:
    """An HTTP client with request timeouts and retries of transient failures.

    Parameters
    ----------
    timeout
        Seconds allowed for each read of the answer (waiting for the headers, then every
        chunk of the body), per attempt.
    connect_timeout
        Seconds allowed to connect (TCP and TLS), per attempt; default ``timeout``.
    retries
        Attempts after the first one for transient failures (5xx, 429, timeouts, drops).
    backoff
        Base wait in seconds: attempt ``n`` waits ``backoff * 2**n`` times a jitter in [0.5, 1].
    max_wait
        Cap of every wait, including a server's ``Retry-After``.
    sleep, rng
        Injectable for tests (default :func:`time.sleep` and a fresh :class:`random.Random`).
    """

    def __init__(
        self,
        *,
        timeout: float = 60.0,
        connect_timeout: float | None = None,
        retries: int = 4,
        backoff: float = 1.0,
        max_wait: float = 120.0,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.timeout = timeout
        self.connect_timeout = timeout if connect_timeout is None else connect_timeout
        self._opener = _opener(self.connect_timeout, timeout)
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.user_agent = user_agent
        self.sleep = sleep
        self.rng = rng or random.Random()

    # -- helpers -------------------------------------------------------------------------

    def _wait(self, attempt: int, server_wait: float | None) -> None:
        if server_wait is not None:
            delay = server_wait
        else:
            delay = self.backoff * 2**attempt * self.rng.uniform(0.5, 1.0)
        self.sleep(min(delay, self.max_wait))

    def _open(self, url: str, headers: Mapping[str, str]) -> http.client.HTTPResponse:
        """Open ``url``; a retryable status or network failure raises :class:`_Retry`.

        A 304 is returned (not raised); other 4xx raise :class:`urllib.error.HTTPError`.
        """
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, **headers})
        try:
            return self._opener.open(request, timeout=self.connect_timeout)
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return exc  # type: ignore[return-value]
            if exc.code in _RETRY_STATUS or exc.code >= 500:
                wait = retry_after_seconds(exc.headers.get("Retry-After")) if exc.headers else None
                exc.close()
                raise _Retry(f"HTTP {exc.code} {_one_line(exc.reason)}", wait) from exc
            raise
        except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
            raise _Retry(_problem(exc)) from exc

    def _give_up(self, last: str, attempts: int, *, dataset: str, url: str) -> FetchError:
        plural = "s" if attempts != 1 else ""
        return FetchError(f"{last} (after {attempts} attempt{plural})", dataset=dataset, url=url)

    # -- GET -----------------------------------------------------------------------------

    def get(
        self,
        url: str,
        params: Mapping[str, object] | None = None,
        *,
        dataset: str,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        """GET ``url`` (with ``params``) into memory, retrying transient failures.

        A 304 (after conditional ``headers``) is returned with an empty body; any other
        4xx except 429 raises :class:`FetchError` at once.
        """
        full = with_params(url, params)
        last = "no attempt"
        for attempt in range(self.retries + 1):
            try:
                with self._open(full, headers or {}) as answer:
                    names = {k.lower(): v for k, v in answer.headers.items()}
                    body = b"" if answer.status == 304 else answer.read()
                    expected = names.get("content-length")
                    if (
                        expected is not None
                        and expected.isdigit()
                        and len(body) < int(expected)
                        and answer.status != 304
                    ):
                        raise _Retry(
                            f"connection dropped after {len(body)} of {expected} bytes of the body"
                        )
                    return Response(answer.status, answer.geturl(), body, names)
            except urllib.error.HTTPError as exc:
                raise FetchError(
                    f"HTTP {exc.code} {_one_line(exc.reason)}", dataset=dataset, url=full
                ) from exc
            except _Retry as exc:
                last, wait = exc.problem, exc.wait
            except (http.client.HTTPException, OSError) as exc:  # while reading the body
                last, wait = _problem(exc), None
            if attempt < self.retries:
                self._wait(attempt, wait)
        raise self._give_up(last, self.retries + 1, dataset=dataset, url=full)

    # -- downloads -----------------------------------------------------------------------

    def download(
        self,
        url: str,
        target: Path,
        *,
        dataset: str,
        params: Mapping[str, object] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        progress: Progress | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> DownloadResult:
        """Stream ``url`` into ``target``, resuming a partial file left by an earlier run.

        The body goes to ``<target>.part`` (kept between runs with a small
        ``<target>.part.json`` naming its URL and validators); only a transfer that reached
        the announced length is renamed to ``target``. A partial file is resumed with
        ``Range: bytes=N-`` (``If-Range`` with its ETag when known): a 206 whose
        Content-Range starts at N appends, a 200 starts over. A cut or timeout mid-transfer
        is retried and resumed. ``etag`` / ``last_modified`` make the request conditional
        (``If-None-Match`` / ``If-Modified-Since``); a 304 gives ``not_modified=True``.

        After the last failed attempt the partial file is kept if the server takes byte
        ranges (the next run resumes it) and deleted otherwise; the error is one line.
        """
        full = with_params(url, params)
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        meta_path = target.with_name(target.name + ".part.json")
        meta = self._read_meta(meta_path, full, partial)
        last = "no attempt"
        resumable = bool(meta.get("ranges"))
        attempts = 0
        for attempt in range(self.retries + 1):
            attempts += 1
            wait: float | None = None
            try:
                result = self._transfer(
                    full,
                    target,
                    partial,
                    meta,
                    meta_path,
                    etag=etag,
                    last_modified=last_modified,
                    progress=progress,
                    headers=headers or {},
                )
                return dataclasses.replace(result, attempts=attempts)
            except urllib.error.HTTPError as exc:
                self._discard(partial, meta_path)
                raise FetchError(
                    f"HTTP {exc.code} {_one_line(exc.reason)}", dataset=dataset, url=full
                ) from exc
            except _Retry as exc:
                last, wait = exc.problem, exc.wait
            except (http.client.HTTPException, OSError) as exc:
                last = _problem(exc)
            resumable = bool(meta.get("ranges"))
            if attempt < self.retries:
                self._wait(attempt, wait)
        if not resumable:
            self._discard(partial, meta_path)
        raise self._give_up(last, attempts, dataset=dataset, url=full)

    @staticmethod
    def _discard(partial: Path, meta_path: Path) -> None:
        partial.unlink(missing_ok=True)
        meta_path.unlink(missing_ok=True)

    @staticmethod
    def _read_meta(meta_path: Path, url: str, partial: Path) -> dict[str, object]:
        """The partial file's metadata; a partial of another URL (or without one) is dropped."""
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
        except (OSError, ValueError):
            meta = None
        if not isinstance(meta, dict) or meta.get("url") != url:
            HttpClient._discard(partial, meta_path)
            return {"url": url}
        return meta

    @staticmethod
    def _write_meta(meta_path: Path, meta: Mapping[str, object]) -> None:
        tmp = meta_path.with_name(meta_path.name + ".tmp")
        tmp.write_text(json.dumps(dict(meta)), "utf-8")
        os.replace(tmp, meta_path)

    def _transfer(
        self,
        url: str,
        target: Path,
        partial: Path,
        meta: dict[str, object],
        meta_path: Path,
        *,
        etag: str | None,
        last_modified: str | None,
        progress: Progress | None,
        headers: Mapping[str, str],
    ) -> DownloadResult:
        """One attempt: request (conditional, ranged) and stream; raise :class:`_Retry`."""
        offset = partial.stat().st_size if partial.is_file() else 0
        request_headers = dict(headers)
        if etag:
            request_headers["If-None-Match"] = etag
        if last_modified:
            request_headers["If-Modified-Since"] = last_modified
        if offset:
            request_headers["Range"] = f"bytes={offset}-"
            validator = meta.get("etag")
            if isinstance(validator, str) and not validator.startswith("W/"):
                request_headers["If-Range"] = validator
            elif isinstance(meta.get("last_modified"), str):
                request_headers["If-Range"] = str(meta["last_modified"])
        try:
            answer = self._open(url, request_headers)
        except urllib.error.HTTPError as exc:
            if exc.code != 416 or not offset:
                raise
            names = {k.lower(): v for k, v in exc.headers.items()} if exc.headers else {}
            exc.close()
            unsatisfied = re.fullmatch(r"\s*bytes\s+\*/(\d+)\s*", names.get("content-range", ""))
            if (
                "If-Range" in request_headers
                and unsatisfied
                and int(unsatisfied.group(1)) == offset
            ):
                # the same version (If-Range matched) and nothing is missing: complete
                os.replace(partial, target)
                meta_path.unlink(missing_ok=True)
                return DownloadResult(target, url, url, 206, offset, names, resumed_from=offset)
            self._discard(partial, meta_path)  # not a prefix of this file
            raise _Retry("server refused to resume (HTTP 416); starting over") from exc
        with answer:
            names = {k.lower(): v for k, v in answer.headers.items()}
            status = answer.status
            if status == 304:
                self._discard(partial, meta_path)
                return DownloadResult(
                    target, url, answer.geturl(), 304, 0, names, not_modified=True
                )
            length = names.get("content-length")
            length_n = int(length) if length and length.isdigit() else None
            if status == 206:
                span = _content_range(names.get("content-range"))
                if span is None or span[0] != offset:
                    self._discard(partial, meta_path)
                    raise _Retry(
                        f"server resumed at the wrong byte "
                        f"({names.get('content-range')!r} for a file of {offset})"
                    )
                start, total = span[0], span[1]
                if total is None and length_n is not None:
                    total = start + length_n
                mode = "ab"
            elif status == 200:
                start, total, mode = 0, length_n, "wb"
            else:
                raise _Retry(f"unexpected HTTP {status}")
            meta.update(
                url=url,
                etag=names.get("etag"),
                last_modified=names.get("last-modified"),
                ranges=status == 206 or "bytes" in names.get("accept-ranges", "").lower(),
            )
            self._write_meta(meta_path, meta)
            done = start
            if progress is not None:
                progress(done, total)
            with open(partial, mode) as out:
                while True:
                    try:
                        chunk = answer.read(_CHUNK)
                    except http.client.IncompleteRead as exc:
                        out.write(exc.partial)
                        done += len(exc.partial)
                        raise _Retry(f"connection dropped after {done} of {total} bytes") from exc
                    if not chunk:
                        break
                    out.write(chunk)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, total)
            if total is not None and done != total:
                if done > total:
                    self._discard(partial, meta_path)
                raise _Retry(f"transfer ended at {done} of {total} bytes")
        os.replace(partial, target)
        meta_path.unlink(missing_ok=True)
        return DownloadResult(target, url, answer.geturl(), status, done, names, resumed_from=start)
