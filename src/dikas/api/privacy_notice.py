"""The privacy notice of the comment service, in Finnish, Swedish and English.

What is stored about a person, who sees it, how long it is kept (the configured
:class:`~dikas.api.retention.Retention` periods) and how they read and delete their own data.
Served at ``GET /api/privacy``; the texts are translated in the ``community`` catalogs.
"""

from __future__ import annotations

from typing import Any

from dikas.api.retention import Retention
from dikas.i18n import N_, normalize, translator

TITLE = N_("Privacy notice: comments and accounts")
SECTIONS = (
    (
        N_("Who keeps the data"),
        N_(
            "The organisation running this DikaS server keeps the data of its comment service. "
            "Ask the organiser who invited you for their contact details."
        ),
    ),
    (
        N_("What is stored"),
        N_(
            "For an account: the user name, the display name you chose, your role, when the "
            "account was created and a salted hash of your password (never the password "
            "itself). For each comment: its text, category, place or drawn area, postal area, "
            "date and your display name. Moderation and account actions are logged with who "
            "did them, when and why. No IP addresses are stored."
        ),
    ),
    (
        N_("Why"),
        N_(
            "To show stakeholders' comments on the map beside the city's social indicators, "
            "and to keep the discussion moderated."
        ),
    ),
    (
        N_("Who sees it"),
        N_(
            "Anyone sees visible comments with their display name, date and area. User names, "
            "hidden comments and the audit log are shown only to moderators and organisers."
        ),
    ),
    (
        N_("How long it is kept"),
        N_(
            "Comments are kept for {comments_days} days, the audit log for {audit_days} days, "
            "and invitations and password reset links for {invitations_days} days after they "
            "expire or are used; then they are deleted."
        ),
    ),
    (
        N_("Your rights"),
        N_(
            "You can download everything stored about you (“Download my data” in the map app, "
            "or GET /api/me/data) and delete your account with all your comments (“Delete my "
            "account”, or DELETE /api/me). Audit log entries of actions you took as a "
            "moderator stay until the audit log period ends."
        ),
    ),
)
"""(heading, text) of each section, in English."""


def privacy_notice(language: str | None, retention: Retention) -> dict[str, Any]:
    """The notice in ``language`` (fi, sv or en; English otherwise) with the retention
    periods filled in."""
    lang = normalize(language)
    _ = translator(lang, "community")
    periods = {
        "comments_days": retention.comments_days,
        "audit_days": retention.audit_days,
        "invitations_days": retention.invitations_days,
    }
    return {
        "language": lang,
        "title": _(TITLE),
        "sections": [
            {"heading": _(heading), "text": _(text).format(**periods)} for heading, text in SECTIONS
        ],
        "retention": periods,
    }
