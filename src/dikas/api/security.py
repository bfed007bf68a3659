"""HTTP hygiene of a public server: security headers, the public base URL, same-origin checks.

- Every response carries a Content-Security-Policy the bundled map app and the Swagger UI
  satisfy (scripts only from this server, no inline scripts), ``X-Content-Type-Options:
  nosniff``, ``X-Frame-Options: DENY`` and a ``Referrer-Policy``; no ``Server`` header.
- Absolute links start with the configured public base URL, never with the request's
  ``Host`` header (which the client chooses: a forged one would put its host in the links).
- Sign-in takes JSON only and refuses a foreign ``Origin``, so another site cannot post a
  form to it from a visitor's browser.
- Roles nest: an organiser may do what a moderator may, a moderator what a stakeholder may
  (:func:`require_role`).
"""

from __future__ import annotations

from typing import Protocol
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dikas.api.errors import AuthenticationError, ForbiddenError, UnsupportedMediaTypeError
from dikas.errors import ConfigError

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        # MapLibre and Swagger UI set element styles; styles cannot run code
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        # MapLibre runs its tile workers from a blob URL
        "worker-src 'self' blob:",
        "child-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
"""Added to every response (replacing any the route set)."""
_DEFAULT_PORTS = {"http": 80, "https": 443}

ROLES = ("stakeholder", "moderator", "organiser")
"""Account roles, each allowed what the ones before it are: stakeholders write comments,
moderators also hide and restore them and read the audit log and the export, organisers also
invite people, reset passwords and manage surveys."""


class HasRole(Protocol):
    """A signed-in account (:class:`dikas.api.community.User`)."""

    @property
    def username(self) -> str: ...

    @property
    def role(self) -> str: ...


def has_role(user: HasRole | None, role: str) -> bool:
    """Whether ``user`` holds ``role`` or a role above it (see :data:`ROLES`)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r} (one of {', '.join(ROLES)})")
    return user is not None and user.role in ROLES and ROLES.index(user.role) >= ROLES.index(role)


def require_role(user: HasRole | None, role: str) -> None:
    """Refuse (401 without a user, 403 with a lower role) unless ``user`` holds ``role`` or
    a role above it; for any route: ``require_role(user, "moderator")``."""
    if user is None:
        raise AuthenticationError(
            f"sign in as {role} first: send Authorization: Bearer <token> (POST /api/auth/token)"
        )
    if not has_role(user, role):
        raise ForbiddenError(f"this needs the {role} role (signed in as {user.role})")


class SecurityHeaders:
    """Add :data:`SECURITY_HEADERS` to every HTTP response and drop any ``Server`` header.

    A plain ASGI middleware (see :class:`dikas.api.app.BodyLimit` for why not
    ``BaseHTTPMiddleware``).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS:
                    headers[name.decode()] = value.decode()
                if "server" in headers:
                    del headers["server"]
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception:
            # An unexpected error: answer the 500 here, with the headers, before Starlette's
            # outermost error middleware (which would answer without them) logs it.
            if not started:
                body = b'{"detail":"internal server error"}'
                await with_headers(
                    {
                        "type": "http.response.start",
                        "status": 500,
                        "headers": [
                            (b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
            raise


def normalise_public_url(url: str) -> str:
    """``scheme://host[:port][/path]`` without a trailing slash; a one-line error otherwise."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ConfigError(
            f"public URL {url!r} must be http(s)://host[:port][/path] without query or fragment"
        )
    return f"{parts.scheme}://{parts.netloc}{parts.path}".rstrip("/")


def public_base(request: Request, public_url: str | None) -> str:
    """The base URL of absolute links: ``public_url``, else the address the server listens
    on (the ASGI ``server``), never the ``Host`` header."""
    if public_url:
        return public_url.rstrip("/")
    scheme = request.url.scheme
    server = request.scope.get("server")
    if server and server[0]:
        host, port = server[0], server[1]
        if ":" in host:  # IPv6
            host = f"[{host}]"
        netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    else:
        netloc = "127.0.0.1"
    return f"{scheme}://{netloc}"


def public_url_of(request: Request, public_url: str | None) -> str:
    """The request's own URL (path and query) under :func:`public_base`."""
    query = request.url.query
    return public_base(request, public_url) + request.url.path + (f"?{query}" if query else "")


def _origin(url: str) -> str | None:
    parts = urlsplit(url.strip().lower())
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    try:
        port = parts.port or _DEFAULT_PORTS[parts.scheme]
    except ValueError:
        return None
    return f"{parts.scheme}://{parts.hostname}:{port}"


def check_same_origin(request: Request, public_url: str | None) -> None:
    """Refuse (403) a request whose ``Origin`` header names another site.

    Allowed: the origin of ``public_url`` when configured, otherwise the server's own
    address and the host the request was sent to. A request without ``Origin`` (not from a
    browser's cross-site form or script) passes.
    """
    origin = request.headers.get("origin")
    if origin is None:
        return
    if public_url:
        allowed = {_origin(public_url)}
    else:
        host = request.headers.get("host", "")
        allowed = {
            _origin(public_base(request, None)),
            _origin(f"{request.url.scheme}://{host}") if host else None,
        }
    if _origin(origin) is None or _origin(origin) not in allowed - {None}:
        raise ForbiddenError(
            f"{request.method} {request.url.path}: cross-origin request from "
            f"{origin[:100]!r} refused"
        )


def require_json(request: Request) -> None:
    """Refuse (415) a request body that is not ``application/json``."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise UnsupportedMediaTypeError(
            f"{request.method} {request.url.path}: send "
            f"application/json, not {media_type[:100] or 'nothing'!r}"
        )


class JsonBodiesOnly:
    """Refuse (415) a request body that is not ``application/json``: every endpoint that
    takes a body takes JSON, and a browser can post a form to any site without asking."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("POST", "PUT", "PATCH"):
            headers = dict(scope["headers"])
            length = headers.get(b"content-length", b"")
            has_body = (length.isdigit() and int(length) > 0) or b"transfer-encoding" in headers
            media_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
            if has_body and media_type != b"application/json":
                shown = media_type[:100].decode("latin-1") or "no content type"
                response = JSONResponse(
                    {
                        "detail": f"{scope['method']} {scope['path']}: send "
                        f"application/json, not {shown!r}"
                    },
                    status_code=415,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
