"""Accounts of the comment service: invitations, password change and reset, the privacy
notice, and a person's own data (download, delete).

Organisers invite people (``POST /api/invitations``: a one-time link) and reset passwords
(``POST /api/users/{username}/reset-password``: the old password and tokens stop working at
once, a one-time link sets a new one). Every write refuses a foreign ``Origin``.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi import Path as PathParameter
from pydantic import BaseModel, Field

from dikas.api.community import MAX_INVITATION_DAYS, OneTimeToken, User
from dikas.api.privacy_notice import privacy_notice
from dikas.api.routes.comments import Context, Token, current_user, same_origin
from dikas.api.routes.deps import Language, request_language
from dikas.api.security import public_base, require_role

router = APIRouter(prefix="/api", tags=["Accounts"])
SignedIn = Annotated[User, Depends(current_user)]
Password = Annotated[str, Field(min_length=8, max_length=256)]
OneTime = Annotated[str, Field(min_length=1, max_length=128)]


def _token(ctx: Context, user: User, response: Response) -> Token:
    response.headers["Cache-Control"] = "no-store"
    return Token(
        access_token=ctx.community.issue_token(user, ttl_s=ctx.settings.token_ttl_s),
        token_type="bearer",
        role=user.role,
    )


class Invitation(BaseModel):
    """The role the invited person gets, and for how many days the link works."""

    role: Literal["stakeholder", "moderator", "organiser"] = "stakeholder"
    days: int | None = Field(default=None, ge=1, le=MAX_INVITATION_DAYS)


class OneTimeLink(BaseModel):
    """A one-time token (shown only now: the server keeps its hash) and the app link
    carrying it."""

    token: str
    url: str
    kind: Literal["invite", "reset"]
    role: str
    username: str | None
    expires_at: str


def _link(request: Request, ctx: Context, made: OneTimeToken) -> OneTimeLink:
    # in the fragment: browsers never send it to a server or in a Referer
    url = (
        f"{public_base(request, ctx.settings.public_url)}/#"
        f"{'invitation' if made.kind == 'invite' else 'reset'}={made.token}"
    )
    return OneTimeLink(
        token=made.token,
        url=url,
        kind="invite" if made.kind == "invite" else "reset",
        role=made.role,
        username=made.username,
        expires_at=made.expires_at,
    )


@router.post(
    "/invitations",
    status_code=201,
    summary="Invite someone: a one-time link to create an account (organisers)",
    dependencies=[Depends(same_origin)],
)
def invite(
    invitation: Invitation, request: Request, response: Response, ctx: Context, user: SignedIn
) -> OneTimeLink:
    require_role(user, "organiser")
    response.headers["Cache-Control"] = "no-store"
    made = ctx.community.invite(
        invitation.role,
        created_by=user.username,
        days=invitation.days or ctx.settings.invitation_days,
    )
    return _link(request, ctx, made)


class Acceptance(BaseModel):
    """An invitation token, the sign-in name and the display name shown in public, and a
    password (at least 8 characters)."""

    token: OneTime
    username: str = Field(min_length=1, max_length=64)
    display_name: str = Field(min_length=1, max_length=64)
    password: Password


@router.post(
    "/auth/accept-invitation",
    status_code=201,
    summary="Create the account an invitation allows (signs in)",
    dependencies=[Depends(same_origin)],
)
def accept_invitation(acceptance: Acceptance, response: Response, ctx: Context) -> Token:
    user = ctx.community.accept_invitation(
        acceptance.token,
        username=acceptance.username,
        display_name=acceptance.display_name,
        password=acceptance.password,
    )
    return _token(ctx, user, response)


class PasswordChange(BaseModel):
    """The current password and the new one."""

    old_password: str = Field(min_length=1, max_length=256)
    new_password: Password


@router.post(
    "/auth/password",
    summary="Change your password (revokes every older token; returns a new one)",
    dependencies=[Depends(same_origin)],
)
def change_password(
    change: PasswordChange, request: Request, response: Response, ctx: Context, user: SignedIn
) -> Token:
    client = request.client.host if request.client else ""
    ctx.sign_ins.check(user.username, client)  # guessing the old password is throttled
    try:
        ctx.community.change_password(user, change.old_password, change.new_password)
    except PermissionError:
        ctx.sign_ins.failed(user.username, client)
        raise
    return _token(ctx, user, response)


@router.post(
    "/users/{username}/reset-password",
    summary="Reset someone's password: their password and tokens stop working now, "
    "a one-time link sets a new one (organisers)",
    dependencies=[Depends(same_origin)],
)
def reset_password(
    username: Annotated[str, PathParameter(max_length=64)],
    request: Request,
    response: Response,
    ctx: Context,
    user: SignedIn,
) -> OneTimeLink:
    require_role(user, "organiser")
    response.headers["Cache-Control"] = "no-store"
    return _link(request, ctx, ctx.community.reset_password(username, organiser=user))


class NewPassword(BaseModel):
    """A password-reset token and the new password."""

    token: OneTime
    password: Password


@router.post(
    "/auth/reset-password",
    summary="Set a new password with a reset link (signs in)",
    dependencies=[Depends(same_origin)],
)
def redeem_reset(reset: NewPassword, response: Response, ctx: Context) -> Token:
    return _token(ctx, ctx.community.redeem_reset(reset.token, reset.password), response)


class Section(BaseModel):
    heading: str
    text: str


class RetentionDays(BaseModel):
    comments_days: int
    audit_days: int
    invitations_days: int


class PrivacyNotice(BaseModel):
    """What is stored about a person, who sees it, how long, and their rights."""

    language: Literal["fi", "sv", "en"]
    title: str
    sections: list[Section]
    retention: RetentionDays


@router.get("/privacy", summary="The privacy notice of comments and accounts (fi, sv, en)")
def privacy(
    request: Request, ctx: Context, lang: Annotated[Language | None, Query()] = None
) -> PrivacyNotice:
    language = request_language(lang, request)
    return PrivacyNotice(**privacy_notice(language, ctx.settings.retention))


@router.get("/me/data", summary="Download everything stored about you (JSON)")
def my_data(ctx: Context, user: SignedIn) -> Response:
    return Response(
        json.dumps(ctx.community.my_data(user), indent=1),
        media_type="application/json",
        headers={
            "Content-Disposition": 'attachment; filename="my-data.json"',
            "Cache-Control": "no-store",
        },
    )


@router.delete(
    "/me",
    status_code=204,
    response_class=Response,
    summary="Delete your account and every comment you wrote",
    dependencies=[Depends(same_origin)],
)
def delete_me(ctx: Context, user: SignedIn) -> Response:
    ctx.community.delete_account(user)
    ctx.comment_hidden(0)  # the served comments layer drops the deleted ones
    return Response(status_code=204)
