"""The area or city report as a self-contained HTML page (same as ``dikas report``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from dikas.api.context import ApiContext
from dikas.api.errors import NotFoundError
from dikas.api.routes.deps import Language, client_key, context, request_language
from dikas.report.html import build_report
from dikas.report.profile import ProfileNotFoundError

router = APIRouter(prefix="/api", tags=["DikaS"])


@router.get(
    "/report",
    response_class=HTMLResponse,
    summary="HTML report of an area or the city",
    description="An A4 report (print it, or see `dikas report --pdf`) in `lang` "
    "(default from Accept-Language): a summary written from the numbers, "
    "maps, indicators by challenge, trends and sources.",
)
def report(
    ctx: Annotated[ApiContext, Depends(context)],
    request: Request,
    area: Annotated[str | None, Query(max_length=20)] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    lang: Annotated[Language | None, Query()] = None,
) -> HTMLResponse:
    ctx.report_rate.hit(client_key(request, ctx))
    language = request_language(lang, request)

    def compute() -> str:
        try:
            return build_report(
                ctx.twin(),
                area=area,
                year=year,
                min_count=ctx.settings.min_count,
                language=language,
            )
        except ProfileNotFoundError as exc:
            raise NotFoundError(str(exc)) from None

    return HTMLResponse(ctx.memo(("report", area, year, language), compute))
