"""What ``dikas index`` says to people, marked for translation (Babel domain ``indices``).

Column headers and summary lines of the index commands; :func:`text` translates one into
``fi``, ``sv`` or ``en``. Kept here, not in the CLI module, so the messages live in the
indices' own catalog.
"""

from __future__ import annotations

from dikas.i18n import N_, translator

DOMAIN = "indices"

HEADERS: dict[str, str] = {
    "unit": N_("Area"),
    "name": N_("Name"),
    "title": N_("Title"),
    "indicators": N_("Indicators"),
    "left_out": N_("Left out"),
    "index": N_("Index"),
    "rank": N_("Rank"),
    "rank_interval": N_("Rank, 5th–95th percentile"),
    "inhabitants": N_("Residents"),
    "share": N_("Share"),
    "amount": N_("Amount"),
    "amount_interval": N_("Amount, 5th–95th percentile"),
}
"""Column → its header."""
SUMMARY_INDEX = N_("{count} units with an index: {title}")
SUMMARY_ALLOCATION = N_("{budget} shared over {count} areas by need: {title}")
SUMMARY_ROBUSTNESS = N_("Monte Carlo: {draws} draws of the weights (seed {seed})")
SUMMARY_STORED = N_("Stored {rows} indicator rows in the twin")
NO_DATA = N_("no index")


def text(message: str, language: str) -> str:
    """``message`` in ``language``."""
    return translator(language, DOMAIN)(message)
