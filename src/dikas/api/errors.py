"""HTTP status of every error the API can raise, in one table (domain code knows no HTTP).

Every error reaches the client as ``{"detail": "<one line>"}``.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from dikas.errors import (
    ConfigError,
    DataError,
    DikasError,
    ParameterError,
    TwinDamagedError,
    TwinError,
)


class NotFoundError(LookupError, DikasError):
    """A collection, feature, area, cell, comment or scenario does not exist."""


class TooLargeError(ValueError, DikasError):
    """A request asks for more than the server's limits allow."""


class AuthenticationError(PermissionError, DikasError):
    """Missing, malformed or expired credentials."""


class ForbiddenError(PermissionError, DikasError):
    """Valid credentials without the role the action needs."""


class ConflictError(ValueError, DikasError):
    """The request conflicts with the current state (a name taken, a comment already
    hidden)."""


class BusyError(RuntimeError, DikasError):
    """The server is already running as many costly requests as it allows."""


class TooManyAttemptsError(PermissionError, DikasError):
    """Too many failed sign-ins for one user name, or from one client, in a short time."""

    def __init__(self, message: str, *, retry_after_s: int | None = None) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s
        """Seconds after which trying again may succeed (the ``Retry-After`` header)."""


class UnsupportedMediaTypeError(ValueError, DikasError):
    """A request body in a media type the endpoint does not take."""


class NotImplementedFeatureError(NotImplementedError, DikasError):
    """The twin or the installed modules cannot serve this endpoint."""


class ServiceUnavailableError(RuntimeError, DikasError):
    """The server cannot serve its twin (its start-up failed, e.g. on damaged pages)."""


STATUS: tuple[tuple[type[Exception], int], ...] = (
    (NotFoundError, 404),
    (TooLargeError, 413),
    (TooManyAttemptsError, 429),
    (UnsupportedMediaTypeError, 415),
    (ConflictError, 409),
    (AuthenticationError, 401),
    (ForbiddenError, 403),
    (BusyError, 429),
    (NotImplementedFeatureError, 501),
    (ParameterError, 400),
    (ConfigError, 400),
    (DataError, 400),
    (TwinDamagedError, 503),
    (ServiceUnavailableError, 503),
    (TwinError, 404),
    (DikasError, 400),
)
"""Exception class → HTTP status; the first matching row wins."""


def status_of(error: Exception) -> int:
    """The HTTP status for a DikaS error."""
    for kind, status in STATUS:
        if isinstance(error, kind):
            return status
    return 500


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _public(text: str, request: Request) -> str:
    """The message without the server's file paths (the twin's, the community file's)."""
    context = getattr(request.app.state, "context", None)
    settings = getattr(context, "settings", None)
    for attribute, name in (("twin_path", "the twin"), ("community_path", "the community file")):
        path = getattr(settings, attribute, None)
        if path:
            kind = name.removeprefix("the ").split()[0]
            text = (
                text.replace(f"{kind} {str(path)!r}", name)
                .replace(f"{str(path)!r}", name)
                .replace(str(path), name)
            )
    return text


async def _dikas_error(request: Request, exc: Exception) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, AuthenticationError) else None
    retry_after = getattr(exc, "retry_after_s", None)
    if retry_after is not None:  # 429s from per-client limits say when to come back
        headers = {**(headers or {}), "Retry-After": str(int(retry_after))}
    return JSONResponse(
        {"detail": _public(_one_line(str(exc)), request)},
        status_code=status_of(exc),
        headers=headers,
    )


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    parts = []
    for error in errors:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", ""))
    in_url = all(error.get("loc", ("body",))[0] in ("query", "path") for error in errors)
    return JSONResponse(
        {"detail": _one_line("; ".join(parts) or "invalid request")},
        status_code=400 if in_url else 422,
    )


def install_error_handlers(app: FastAPI) -> None:
    """Turn DikaS errors and request validation errors into one-line JSON errors."""
    app.add_exception_handler(DikasError, _dikas_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
