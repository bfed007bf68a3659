"""Free-text attribute values that more than one reader parses the same way."""

from __future__ import annotations

import re
from collections import Counter

_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def year_built(value: str | None, invalid: Counter[str]) -> int | None:
    """The first four-digit year in a construction date (``"1927"``, ``"1927-05-01"``,
    ``"c. 1927"``), or ``None``.

    A value without such a year is counted in ``invalid["year_built"]``, so that the reader
    can report how many it had to blank.
    """
    if value is None:
        return None
    match = _YEAR.search(value)
    if match is None:
        invalid["year_built"] += 1
        return None
    return int(match.group(1))
