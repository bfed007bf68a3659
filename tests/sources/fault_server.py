"""A hand-written HTTP server on 127.0.0.1 that serves real bytes with scripted faults.

Each served path has a body, an ETag and a Last-Modified; the server answers ``Range:
bytes=N-`` with 206, ``If-None-Match`` / ``If-Modified-Since`` with 304, and before that
plays the path's queue of faults, one per request:

``("sleep", seconds)``
    Wait before answering (past the client's timeout); woken early when the server stops.
``("status", code)`` / ``("status", code, retry_after)``
    Answer an error status, optionally with ``Retry-After``.
``("cut", n)``
    Send the normal headers (full Content-Length) but only ``n`` bytes of the body, then
    close the connection.
``("body", bytes)``
    Serve these bytes instead of the file (e.g. an HTML error page with status 200).
``("norange",)``
    Ignore ``Range`` on this request (answer 200 with the whole body).

Every request's path and headers are recorded in ``requests``. Threads are daemons and
bounded by the test: the fixture stops the server.
"""

from __future__ import annotations

import email.utils
import hashlib
import http.server
import threading
import urllib.parse
from collections import deque
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Seen:
    """One request the server received."""

    path: str
    query: dict[str, str]
    headers: dict[str, str]


@dataclass
class Resource:
    body: bytes
    etag: str
    last_modified: str
    faults: deque[tuple[Any, ...]] = field(default_factory=deque)
    ranges: bool = True


class FaultServer:
    """The server; use as a context manager (``with FaultServer() as server``)."""

    def __init__(self) -> None:
        self.resources: dict[str, Resource] = {}
        self.requests: list[Seen] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                outer._handle(self)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def serve(
        self,
        path: str,
        body: bytes,
        *,
        faults: list[tuple[Any, ...]] | None = None,
        ranges: bool = True,
        version: str = "1",
    ) -> str:
        """Serve ``body`` at ``path`` (ETag from its sha256 and ``version``); return its URL."""
        etag = f'"{hashlib.sha256(body).hexdigest()[:16]}-{version}"'
        self.resources[path] = Resource(
            body,
            etag,
            email.utils.formatdate(1_700_000_000, usegmt=True),
            deque(faults or []),
            ranges,
        )
        return self.url(path)

    def fault(self, path: str, *faults: tuple[Any, ...]) -> None:
        """Queue more faults for the next requests of ``path``."""
        self.resources[path].faults.extend(faults)

    def seen(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path == path]

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)

    # -- the handler ---------------------------------------------------------------------

    def _handle(self, h: http.server.BaseHTTPRequestHandler) -> None:
        split = urllib.parse.urlsplit(h.path)
        with self._lock:
            self.requests.append(
                Seen(
                    split.path,
                    dict(urllib.parse.parse_qsl(split.query)),
                    {k.lower(): v for k, v in h.headers.items()},
                )
            )
            resource = self.resources.get(split.path)
            fault = resource.faults.popleft() if resource and resource.faults else None
        if resource is None:
            self._send(h, 404, b"not found", {})
            return
        body, honour_range = resource.body, resource.ranges
        if fault is not None:
            kind = fault[0]
            if kind == "sleep":
                self.stopping.wait(fault[1])
            elif kind == "status":
                extra = {"Retry-After": str(fault[2])} if len(fault) > 2 else {}
                self._send(h, fault[1], b"<html>service unavailable</html>", extra)
                return
            elif kind == "body":
                self._send(h, 200, fault[1], {"Content-Type": "text/html"})
                return
            elif kind == "norange":
                honour_range = False
        headers = {"ETag": resource.etag, "Last-Modified": resource.last_modified}
        if resource.ranges:
            headers["Accept-Ranges"] = "bytes"
        inm, ims = h.headers.get("If-None-Match"), h.headers.get("If-Modified-Since")
        if (inm is not None and inm == resource.etag) or (
            inm is None and ims is not None and ims == resource.last_modified
        ):
            self._send(h, 304, b"", headers)
            return
        status, start = 200, 0
        wanted = h.headers.get("Range")
        if wanted and honour_range and wanted.startswith("bytes=") and wanted.endswith("-"):
            if_range = h.headers.get("If-Range")
            if if_range is None or if_range in (resource.etag, resource.last_modified):
                start = int(wanted[len("bytes=") : -1])
                if start >= len(body):
                    self._send(h, 416, b"", {"Content-Range": f"bytes */{len(body)}"})
                    return
                status = 206
                headers["Content-Range"] = f"bytes {start}-{len(body) - 1}/{len(body)}"
        payload = body[start:]
        if fault is not None and fault[0] == "cut":
            h.send_response(status)
            for name, value in headers.items():
                h.send_header(name, value)
            h.send_header("Content-Length", str(len(payload)))
            h.send_header("Connection", "close")
            h.end_headers()
            h.wfile.write(payload[: fault[1]])
            h.wfile.flush()
            h.close_connection = True
            return
        self._send(h, status, payload, headers)

    @staticmethod
    def _send(
        h: http.server.BaseHTTPRequestHandler, status: int, payload: bytes, headers: dict[str, str]
    ) -> None:
        try:
            h.send_response(status)
            for name, value in headers.items():
                h.send_header(name, value)
            h.send_header("Content-Length", str(len(payload)))
            h.end_headers()
            if status != 304:
                h.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout)
            h.close_connection = True
