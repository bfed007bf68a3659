"""The DikaS web API and map app in one FastAPI application.

Build it with :func:`create_app`; nothing happens at import time. The contract with the map
app is ``docs/web-api.md``.
"""

from __future__ import annotations

import html
import json
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dikas import __version__
from dikas.api.context import ApiContext
from dikas.api.errors import install_error_handlers
from dikas.api.openapi import install_openapi
from dikas.api.routes import (
    accounts,
    comments,
    indicators,
    isochrones,
    meta,
    ogc,
    profiles,
    registry,
    report,
    scenarios,
    search,
    surveys,
    tiles,
)
from dikas.api.security import JsonBodiesOnly, SecurityHeaders
from dikas.api.settings import ApiSettings
from dikas.api.switch import TwinSwitch, check_seconds

BUNDLED_DIST = Path(__file__).resolve().parents[1] / "web" / "dist"
"""Where the map app's build lives inside the package."""


def create_app(settings: ApiSettings) -> FastAPI:
    """The API and the map app for one twin (served from snapshots, :mod:`dikas.api.switch`)."""
    twins = TwinSwitch(settings)
    context = twins.current

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.threads is not None:
            import anyio.to_thread

            anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        if settings.preload:
            threading.Thread(
                target=twins.run, args=(context, context.preload), name="dikas-preload", daemon=True
            ).start()
        twins.watch(check_seconds())
        yield
        twins.close()

    # The interactive docs are served from the bundled Swagger UI (no CDN): the API must
    # be explorable on a machine without internet.
    app = FastAPI(
        title="DikaS",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        description="The social digital twin of a city: OGC API – Features for "
        "every layer, indicators, area profiles, isochrones, scenarios "
        "and stakeholder comments.",
    )
    app.state.context = context  # the current snapshot's context (kept up to date)
    app.state.twins = twins

    def switched(fresh: ApiContext) -> None:
        app.state.context = fresh

    twins.on_switch = switched
    install_error_handlers(app)

    app.add_middleware(JsonBodiesOnly)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    if settings.trusted_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.trusted_hosts))
    app.add_middleware(SecurityHeaders)  # outermost: every response gets the headers
    for module in (
        ogc,
        meta,
        registry,
        indicators,
        tiles,
        profiles,
        isochrones,
        scenarios,
        comments,
        accounts,
        report,
        search,
        surveys,
    ):
        app.include_router(module.router)
    _mount_web_app(app, settings.web_dist or BUNDLED_DIST)
    _add_docs(app)
    install_openapi(app)
    return app


def _add_docs(app: FastAPI) -> None:
    """Swagger UI at ``/docs`` from the map app's assets (``/app/docs/``), nothing remote.

    The page has no inline script (the Content-Security-Policy allows scripts from this
    server only): Swagger UI is started by ``/docs/init.js``.
    """
    title = html.escape(f"{app.title} API")
    page = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/app/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/app/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
"""
    options = {
        "url": app.openapi_url or "/openapi.json",
        "dom_id": "#swagger-ui",
        "deepLinking": True,
        "showExtensions": True,
        "showCommonExtensions": True,
        # no validator badge: it is an image from validator.swagger.io
        "validatorUrl": None,
    }
    script = (
        f"window.ui = SwaggerUIBundle(Object.assign({json.dumps(options)}, "
        "{presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset]"
        ", layout: 'BaseLayout'}));\n"
    )

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get("/docs/init.js", include_in_schema=False)
    def docs_init() -> Response:
        return Response(script, media_type="text/javascript")


class BodyLimit:
    """Refuse request bodies larger than ``max_bytes`` with 413.

    A declared ``Content-Length`` is refused before reading; a body sent without one
    (chunked) is counted as it is read and refused as soon as it passes the limit.
    A plain ASGI middleware: Starlette's ``BaseHTTPMiddleware`` would wrap every response in
    a stream and a task group, which costs more than serving a cached tile.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        detail = f"request body larger than {self.max_bytes} bytes"
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            await JSONResponse({"detail": detail}, status_code=413)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # FastAPI passes HTTPExceptions from reading the body through unchanged
                    raise HTTPException(status_code=413, detail=detail)
            return message

        await self.app(scope, counted, send)


def _mount_web_app(app: FastAPI, dist: Path) -> None:
    """Serve ``index.html`` at ``/`` and the built assets under ``/app``.

    ``/areas`` (the searchable list of areas, a route to every profile and what-if without
    the map) and ``/accessibility`` (the accessibility statement) are views of the same app.
    """
    index = dist / "index.html"

    @app.get("/", include_in_schema=False)
    @app.get("/areas", include_in_schema=False)
    @app.get("/accessibility", include_in_schema=False)
    def home() -> Response:
        if not index.is_file():
            return JSONResponse(
                {"detail": "the map app is not built (src/dikas/web/dist); the API is at /docs"},
                status_code=404,
            )
        return FileResponse(index)

    if dist.is_dir():
        app.mount("/app", StaticFiles(directory=dist), name="app")
