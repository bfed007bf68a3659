"""How long the community database keeps personal data, and the times before which it goes.

Comments, audit log entries and invitations (and password-reset tokens) are kept for a
configurable number of days; ``dikas users purge`` deletes what is older. The periods are
stated in the privacy notice (``GET /api/privacy``), so they are one object both read.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from dikas.errors import ConfigError

ENVIRONMENT = {
    "comments_days": "DIKAS_RETAIN_COMMENTS_DAYS",
    "audit_days": "DIKAS_RETAIN_AUDIT_DAYS",
    "invitations_days": "DIKAS_RETAIN_INVITATIONS_DAYS",
}
"""The environment variable setting each period."""


@dataclass(frozen=True)
class Retention:
    """Days each kind of record is kept: a comment from its writing, an audit entry from
    the action it records, an invitation or reset token from its expiry or use."""

    comments_days: int = 3 * 365
    audit_days: int = 365
    invitations_days: int = 30

    def __post_init__(self) -> None:
        for name in ENVIRONMENT:
            days = getattr(self, name)
            if not isinstance(days, int) or days < 1:
                raise ConfigError(
                    f"retention {name.replace('_', ' ')}: a whole number of "
                    f"days of at least 1, not {days!r}"
                )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **given: int | None) -> Retention:
        """The periods given (not ``None``), else from :data:`ENVIRONMENT`, else defaults."""
        environ = os.environ if environ is None else environ
        values: dict[str, int] = {}
        for name, variable in ENVIRONMENT.items():
            value = given.get(name)
            if value is None and environ.get(variable):
                text = environ[variable].strip()
                if not text.isdigit():
                    raise ConfigError(f"{variable}: a whole number of days, not {text!r}")
                value = int(text)
            if value is not None:
                values[name] = value
        return cls(**values)

    def cutoffs(self, now: datetime) -> dict[str, str]:
        """The ISO times before which each kind of record is deleted at ``now``."""

        def before(days: int) -> str:
            return (now - timedelta(days=days)).isoformat(timespec="seconds")

        return {
            "comments_before": before(self.comments_days),
            "audit_before": before(self.audit_days),
            "invitations_before": before(self.invitations_days),
        }
