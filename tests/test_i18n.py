"""Every marked message has a Finnish and a Swedish translation; numbers follow the locale."""

from datetime import date

from dikas import i18n


def test_no_marked_message_lacks_a_translation() -> None:
    assert i18n.missing_translations() == []


def test_language_negotiation_prefers_the_browser_order() -> None:
    assert i18n.negotiate("fi-FI,fi;q=0.9,en;q=0.8") == "fi"
    assert i18n.negotiate("de-DE, sv;q=0.5, en;q=0.4") == "sv"
    assert i18n.negotiate("de-DE") == "en"
    assert i18n.negotiate(None, default="fi") == "fi"
    assert i18n.normalize("sv_SE") == "sv"


def test_numbers_percentages_years_and_dates_per_locale() -> None:
    assert i18n.format_number(1240.5, "fi", decimals=1) == "1\u00a0240,5"
    assert i18n.format_number(1240, "en") == "1,240"
    assert i18n.format_number(0.144, "fi", decimals=1, percent=True) == "14,4\u00a0%"
    assert i18n.format_number(0.144, "en", decimals=1, percent=True) == "14.4%"
    assert i18n.format_year(2023) == "2023"
    assert i18n.format_number(None, "sv") == "–"
    assert i18n.format_date(date(2026, 12, 8), "fi") == "8.12.2026"
