"""Dependencies shared by the routes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Literal

from fastapi import Request

from dikas import i18n
from dikas.api.context import ApiContext
from dikas.api.errors import AuthenticationError
from dikas.api.switch import TwinSwitch


async def context(request: Request) -> AsyncIterator[ApiContext]:
    """The state of the twin snapshot served when the request arrived, held until the
    request is done (a switch to a newer snapshot never pulls it away mid-request; async: a
    plain lookup needs no worker thread)."""
    twins: TwinSwitch = request.app.state.twins
    held = twins.acquire()
    try:
        yield held
    finally:
        twins.release(held)


def client_key(request: Request, ctx: ApiContext) -> str:
    """Who a request counts against for per-client limits: the signed-in user when it sends
    a valid bearer token, else its address (behind a proxy, run uvicorn with
    ``--proxy-headers`` so that this is the visitor's, not the proxy's)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        try:
            return "user:" + ctx.community.user_for_token(token.strip()).username
        except (AuthenticationError, ValueError):
            pass
    return "address:" + (request.client.host if request.client else "unknown")


Language = Literal["fi", "sv", "en"]
"""The languages a route answers in."""
ACCEPT_LANGUAGE_CHARS = 500
"""How much of an ``Accept-Language`` header is read (a longer one is cut, never refused)."""


def request_language(lang: str | None, request: Request) -> str:
    """The language of a response: ``lang`` if the request names one, else the best match
    of its ``Accept-Language`` header, else English. Every route that answers in a language
    asks this function."""
    if lang:
        return lang
    header = request.headers.get("accept-language")
    return i18n.negotiate(header[:ACCEPT_LANGUAGE_CHARS] if header else None)
