"""Map surveys: the open surveys, one survey in a language, anonymous submissions, public
aggregates (under the privacy threshold), representativeness, the organisers' raw export,
and the public survey page ``/surveys/{id}``.

Submissions need no account: one per browser token (a random token the page keeps in
``localStorage``, stored only as a hash), at most ``survey_submissions_per_hour`` per client
(counted in memory by address, never stored).
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from dikas.api.community import User
from dikas.api.context import ApiContext
from dikas.api.errors import NotFoundError
from dikas.api.limits import ClientRate
from dikas.api.routes.comments import current_user, same_origin
from dikas.api.routes.deps import client_key, context
from dikas.api.security import require_role
from dikas.surveys.answers import check_answers
from dikas.surveys.definition import localized
from dikas.surveys.export import FORMATS, write_export
from dikas.surveys.linking import Linker
from dikas.surveys.representativeness import publish, representativeness
from dikas.surveys.results import PUBLIC_LEVELS, aggregate
from dikas.surveys.store import StoredSurvey, SurveyStore, now_utc

router = APIRouter(tags=["Surveys"])
Context = Annotated[ApiContext, Depends(context)]
EXPORT_ROLE = "moderator"
"""The lowest role that may see raw survey answers (organisers and moderators)."""
DIST = Path(__file__).resolve().parents[2] / "web" / "dist"
EXPORT_MEDIA = {
    "csv": "text/csv",
    "gpkg": "application/geopackage+sqlite3",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_lock = threading.Lock()


def require_organiser(user: User) -> User:
    """``user`` if they may see raw answers (an organiser or moderator), else 403."""
    require_role(user, EXPORT_ROLE)
    return user


def survey_store(request: Request, ctx: Context) -> SurveyStore:
    """The app's survey store (made once, over the community database)."""
    state = request.app.state
    with _lock:
        store = getattr(state, "survey_store", None)
        if store is None:
            store = state.survey_store = SurveyStore(ctx.community.store)
    return store


def linker(request: Request, ctx: Context) -> Linker:
    """The app's linker of places to units (its spatial indexes are built once)."""
    state = request.app.state
    with _lock:
        found = getattr(state, "survey_linker", None)
        if found is None:
            found = state.survey_linker = Linker(ctx.twin())
    return found


def submission_rate(request: Request, ctx: Context) -> ClientRate:
    state = request.app.state
    with _lock:
        rate = getattr(state, "survey_rate", None)
        if rate is None:
            rate = state.survey_rate = ClientRate(
                "survey submissions", ctx.settings.survey_submissions_per_hour, 3600.0
            )
    return rate


Store = Annotated[SurveyStore, Depends(survey_store)]
Language = Annotated[Literal["fi", "sv", "en"], Query(description="fi, sv or en")]


def _survey(store: SurveyStore, survey_id: str) -> StoredSurvey:
    stored = store.get(survey_id)
    if stored is None:
        raise NotFoundError(f"no survey {survey_id[:64]!r}")
    return stored


def _areas(ctx: ApiContext, language: str) -> list[dict[str, str]]:
    """The postal areas a map question can be answered with instead of the map."""
    twin = ctx.twin()
    if not twin.has_layer("areas"):
        return []
    columns = twin.columns("areas")
    name = "name_sv" if language == "sv" and "name_sv" in columns else "name"
    rows = twin.sql(
        f"SELECT DISTINCT postal_code, coalesce({name}, name) AS name FROM areas "
        "WHERE year = (SELECT max(year) FROM areas) ORDER BY postal_code"
    )
    return [
        {"code": str(c), "name": str(n)}
        for c, n in zip(rows["postal_code"], rows["name"], strict=True)
    ]


@router.get("/api/surveys", summary="The open surveys with their ids and titles")
def surveys(store: Store, lang: Language = "en") -> list[dict[str, Any]]:
    now = now_utc()
    return [
        {
            "id": s.survey.id,
            "version": s.survey.version,
            "title": s.survey.title[lang],
            "closes": s.survey.closes.isoformat() if s.survey.closes else None,
            "url": f"/surveys/{s.survey.id}",
        }
        for s in store.all()
        if s.is_open(now)
    ]


@router.get(
    "/api/surveys/{survey_id}",
    summary="One survey in a language, with the areas to answer map questions without the map",
)
def survey(survey_id: str, store: Store, ctx: Context, lang: Language = "en") -> dict[str, Any]:
    stored = _survey(store, survey_id)
    return {
        **localized(stored.survey, lang),
        "open": stored.is_open(now_utc()),
        "areas": _areas(ctx, lang),
    }


class Submission(BaseModel):
    """One anonymous submission (see :mod:`dikas.surveys.answers` for the answer values)."""

    token: str = Field(
        min_length=16,
        max_length=128,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="A random token the browser keeps: one submission each",
    )
    language: Literal["fi", "sv", "en"] = "en"
    answers: dict[str, Any]


@router.post(
    "/api/surveys/{survey_id}/responses",
    status_code=201,
    summary="Answer a survey (no sign-in; one submission per browser token)",
    dependencies=[Depends(same_origin)],
)
def respond(
    survey_id: str,
    submission: Submission,
    request: Request,
    store: Store,
    ctx: Context,
    rate: Annotated[ClientRate, Depends(submission_rate)],
    places: Annotated[Linker, Depends(linker)],
) -> dict[str, Any]:
    stored = _survey(store, survey_id)
    if not stored.is_open(now_utc()):
        raise HTTPException(409, f"survey {survey_id!r} is not open for answers")
    rate.hit(client_key(request, ctx))
    rows = check_answers(stored.survey, submission.answers)
    linked = places.link(stored.survey, rows)
    response_id = store.add_response(stored.survey, submission.token, submission.language, linked)
    if response_id is None:
        raise HTTPException(409, "this browser has already answered the survey")
    return {"survey": survey_id, "received": True, "answers": len(linked)}


@router.get(
    "/api/surveys/{survey_id}/results",
    summary="Answers aggregated to cells, postal areas or districts (units with fewer "
    "respondents than the privacy threshold blanked)",
)
def results(
    survey_id: str,
    store: Store,
    ctx: Context,
    level: Literal["areas", "districts", "grid"] = "areas",
) -> dict[str, Any]:
    stored = _survey(store, survey_id)
    assert level in PUBLIC_LEVELS
    units = aggregate(
        stored.survey, store.answers(survey_id), level, min_count=ctx.settings.min_count
    )
    return {
        "survey": survey_id,
        "level": level,
        "min_count": ctx.settings.min_count,
        "respondents": store.count(survey_id),
        "units": units,
    }


@router.get(
    "/api/surveys/{survey_id}/representativeness",
    summary="Respondents per 1,000 residents by area and population group, the "
    "representation score, post-stratification weights, under-represented "
    "units (small counts blanked)",
)
def survey_representativeness(
    survey_id: str, store: Store, ctx: Context, lang: Language = "en"
) -> dict[str, Any]:
    stored = _survey(store, survey_id)
    twin = ctx.twin()
    if not twin.has_layer("areas"):
        raise NotFoundError("the twin has no areas to compare respondents with")
    areas = twin.read("areas", year=max(twin.years("areas")))
    result = representativeness(
        stored.survey, store.answers(survey_id), areas.drop(columns="geometry"), language=lang
    )
    return {
        **publish(result, min_count=ctx.settings.min_count),
        "min_count": ctx.settings.min_count,
    }


@router.get(
    "/api/surveys/{survey_id}/export",
    summary="Every raw answer with its place (organisers and moderators)",
    response_class=Response,
    responses={
        200: {
            "content": {
                media: {"schema": {"type": "string", "format": "binary"}}
                for media in EXPORT_MEDIA.values()
            }
        }
    },
)
def export(
    survey_id: str,
    store: Store,
    user: Annotated[User, Depends(current_user)],
    format: Literal["csv", "gpkg", "xlsx"] = "csv",
) -> Response:
    require_organiser(user)
    stored = _survey(store, survey_id)
    assert format in FORMATS
    with tempfile.TemporaryDirectory(prefix="dikas-survey-") as folder:
        path = Path(folder) / f"{survey_id}.{format}"
        write_export(stored, store, path, format)
        content = path.read_bytes()
    return Response(
        content,
        media_type=EXPORT_MEDIA[format],
        headers={
            "Content-Disposition": f'attachment; filename="{survey_id}.{format}"',
            "Cache-Control": "no-store",
        },
    )


@router.get("/surveys/{survey_id}", include_in_schema=False)
def page(survey_id: str, ctx: Context) -> Response:
    """The public survey page (the survey app reads its id from the address)."""
    dist = ctx.settings.web_dist or DIST
    index = dist / "survey" / "survey.html"
    if not index.is_file():
        return JSONResponse(
            {"detail": "the survey page is not built (src/dikas/web/dist)"}, status_code=404
        )
    return FileResponse(index)
