"""Dependencies shared by the routes."""

from __future__ import annotations

from fastapi import Request

from dikas.api.context import ApiContext


async def context(request: Request) -> ApiContext:
    """The app's shared state (async: a plain lookup needs no worker thread)."""
    return request.app.state.context  # type: ignore[no-any-return]
