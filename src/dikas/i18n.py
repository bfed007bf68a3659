"""Finnish, Swedish and English for everything DikaS says to people (Python side).

Messages are written in English in the code, marked with ``_("...")`` (or ``N_`` where the
translation happens later), and translated from gettext catalogs read with Babel:
``src/dikas/locale/<lang>/LC_MESSAGES/<domain>.po``, one domain per output package (see
:data:`DOMAINS`). English needs no catalog. The web app has its own JSON catalogs
(``src/dikas/web/app/src/locales``); indicator names live in the indicator registry.

:func:`missing_translations` lists every marked message a catalog lacks; the test suite
fails on any, so no user-visible string reaches a Finnish or Swedish reader untranslated.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

LANGUAGES = ("fi", "sv", "en")
"""The languages DikaS speaks, in the order a language switch lists them."""
SOURCE_LANGUAGE = "en"
"""The language messages are written in."""
LANGUAGE_NAMES = {"fi": "suomi", "sv": "svenska", "en": "English"}
"""Each language in its own name (what a language switch shows)."""

LOCALE_DIR = Path(__file__).with_name("locale")
PACKAGE_DIR = Path(__file__).parent

DOMAINS: dict[str, tuple[str, ...]] = {
    "reports": ("report/**/*.py",),
    "surveys": ("surveys/**/*.py",),
    "community": ("api/community.py", "api/routes/comments.py", "api/privacy_notice.py"),
    "messages": ("cli/**/*.py",),
    "scenarios": ("scenarios/**/*.py",),
    "indices": ("indices/**/*.py",),
}
"""Catalog domain → the package sources (globs under ``src/dikas``) whose marked messages it
holds. A module marks messages with the ``_`` of its own domain (:func:`translator`)."""

KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
"""The marker functions message extraction looks for."""


class UnknownLanguage(ValueError):
    """A language DikaS does not speak."""


def normalize(language: str | None) -> str:
    """``fi``, ``sv`` or ``en`` from a tag such as ``fi-FI`` or ``sv_SE``; English otherwise."""
    if not language:
        return SOURCE_LANGUAGE
    base = language.replace("_", "-").split("-")[0].strip().lower()
    return base if base in LANGUAGES else SOURCE_LANGUAGE


def require(language: str) -> str:
    """``language`` if DikaS speaks it, else :class:`UnknownLanguage` naming the choices."""
    if language not in LANGUAGES:
        raise UnknownLanguage(f"unknown language {language!r} (choose {', '.join(LANGUAGES)})")
    return language


def negotiate(accept_language: str | None, *, default: str = SOURCE_LANGUAGE) -> str:
    """The best of :data:`LANGUAGES` for an HTTP ``Accept-Language`` header."""
    if not accept_language:
        return default
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        base = tag.replace("_", "-").split("-")[0].strip().lower()
        if base in LANGUAGES and quality > 0:
            ranked.append((-quality, position, base))
    return sorted(ranked)[0][2] if ranked else default


@dataclass(frozen=True)
class Catalog:
    """The translations of one domain into one language (msgid → msgstr)."""

    language: str
    domain: str
    messages: Mapping[str, str | tuple[str, ...]]

    def gettext(self, message: str) -> str:
        translated = self.messages.get(message)
        if isinstance(translated, str) and translated:
            return translated
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        translated = self.messages.get(singular)
        if isinstance(translated, tuple) and all(translated):
            # Finnish, Swedish and English all have two forms: one, and other.
            return translated[0 if n == 1 else min(1, len(translated) - 1)]
        return singular if n == 1 else plural


def catalog_path(language: str, domain: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


@functools.lru_cache(maxsize=64)
def catalog(language: str, domain: str) -> Catalog:
    """The catalog of ``domain`` in ``language`` (empty for English or a missing file)."""
    language = require(language)
    path = catalog_path(language, domain)
    if language == SOURCE_LANGUAGE or not path.exists():
        return Catalog(language, domain, {})
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        po = read_po(handle, locale=language, domain=domain)
    messages: dict[str, str | tuple[str, ...]] = {}
    for message in po:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, (list, tuple)):
            messages[str(message.id[0])] = tuple(str(s) for s in message.string or ())
        else:
            messages[str(message.id)] = str(message.string)
    return Catalog(language, domain, messages)


def translator(language: str | None, domain: str) -> Callable[[str], str]:
    """The ``_`` of ``domain`` for ``language``: English message → translated message.

    Keyword placeholders survive translation: ``_("{n} residents").format(n=...)``.
    """
    return catalog(normalize(language), domain).gettext


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (translate on output)."""
    return message


def marked_messages(domain: str) -> set[str]:
    """Every message marked in the sources of ``domain`` (Babel's Python extractor)."""
    from babel.messages.extract import extract_from_file

    found: set[str] = set()
    for pattern in DOMAINS[domain]:
        for path in sorted(PACKAGE_DIR.glob(pattern)):
            for _line, message, _comments, _context in extract_from_file(
                "python", str(path), keywords=KEYWORDS
            ):
                found.add(message[0] if isinstance(message, tuple) else message)
    return {m for m in found if m}


def missing_translations(domains: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
    """``(domain, language, message)`` for every marked message a catalog does not translate."""
    missing = []
    for domain in domains or DOMAINS:
        messages = marked_messages(domain)
        for language in LANGUAGES:
            if language == SOURCE_LANGUAGE:
                continue
            known = catalog(language, domain).messages
            missing += [(domain, language, m) for m in sorted(messages) if not known.get(m)]
    return missing


def format_number(
    value: float | int | None, language: str, *, decimals: int = 0, percent: bool = False
) -> str:
    """``value`` written the way ``language`` writes numbers (``1 240,5`` in Finnish).

    ``percent`` takes a fraction (0.144) and writes a percentage (``14,4 %``). ``None`` and
    NaN become an en dash.
    """
    from babel.numbers import format_decimal

    if value is None or value != value:
        return "–"
    language = normalize(language)
    fmt = "#,##0" + (f".{'0' * decimals}" if decimals else "")
    if percent:
        sign = "%" if language == "en" else "\u00a0%"
        return str(format_decimal(value * 100, format=fmt, locale=language)) + sign
    return str(format_decimal(value, format=fmt, locale=language))


def format_year(year: int | None) -> str:
    """A year as four digits, never with a thousands separator."""
    return "–" if year is None else str(int(year))


def format_date(value: date | datetime, language: str, *, style: str = "medium") -> str:
    """A date the way ``language`` writes it (``8.12.2026`` in Finnish)."""
    from babel.dates import format_date as babel_format_date

    day = value.date() if isinstance(value, datetime) else value
    return str(babel_format_date(day, format=style, locale=normalize(language)))
