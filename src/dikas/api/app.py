"""The DikaS web API and map app in one FastAPI application.

Build it with :func:`create_app`; nothing happens at import time. The contract with the map
app is ``docs/web-api.md``.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from dikas import __version__
from dikas.api.context import ApiContext
from dikas.api.errors import install_error_handlers
from dikas.api.routes import (
    comments,
    indicators,
    isochrones,
    meta,
    ogc,
    profiles,
    report,
    scenarios,
    tiles,
)
from dikas.api.settings import ApiSettings

BUNDLED_DIST = Path(__file__).resolve().parents[1] / "web" / "dist"
"""Where the map app's build lives inside the package."""


def create_app(settings: ApiSettings) -> FastAPI:
    """The API and the map app for one twin (opened read-only)."""
    context = ApiContext(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.preload:
            threading.Thread(target=context.preload, name="dikas-preload", daemon=True).start()
        yield
        context.store.close()

    app = FastAPI(title="DikaS", version=__version__, lifespan=lifespan,
                  description="The social digital twin of a city: OGC API – Features for "
                              "every layer, indicators, area profiles, isochrones, scenarios "
                              "and stakeholder comments.")
    app.state.context = context
    install_error_handlers(app)

    @app.middleware("http")
    async def limit_body(request: Request,
                         call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > settings.max_body_bytes:
            return JSONResponse({"detail": f"request body larger than "
                                           f"{settings.max_body_bytes} bytes"}, status_code=413)
        return await call_next(request)

    for module in (ogc, meta, indicators, tiles, profiles, isochrones, scenarios, comments,
                   report):
        app.include_router(module.router)
    _mount_web_app(app, settings.web_dist or BUNDLED_DIST)
    return app


def _mount_web_app(app: FastAPI, dist: Path) -> None:
    """Serve ``index.html`` at ``/`` and the built assets under ``/app``."""
    index = dist / "index.html"

    @app.get("/", include_in_schema=False)
    def home() -> Response:
        if not index.is_file():
            return JSONResponse({"detail": "the map app is not built (src/dikas/web/dist); "
                                           "the API is at /docs"}, status_code=404)
        return FileResponse(index)

    if dist.is_dir():
        app.mount("/app", StaticFiles(directory=dist), name="app")
