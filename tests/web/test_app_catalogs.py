"""The map app speaks Finnish, Swedish and English: every key its code uses is in the English
catalog, every English key has a Finnish and a Swedish text, and the page itself holds no
English (its words come from the catalogs through ``data-i18n``)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "src" / "dikas" / "web" / "app" / "src"
LANGS = ("en", "fi", "sv")
# names that are the same in every language: the product and the languages' own names
NOT_WORDS = {"DikaS", "×"}


def catalog(lang: str) -> dict[str, str]:
    return json.loads((APP / "locales" / f"app.{lang}.json").read_text(encoding="utf-8"))


def used_keys() -> set[str]:
    """Keys the code asks for: ``t("app", "…")`` / ``tr("…")`` calls and ``data-i18n`` attributes."""
    keys: set[str] = set()
    for path in sorted(set(APP.glob("*.js")) - {APP / "i18n.js"}):  # i18n.js: examples only
        text = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r"""\bt\(\s*["']app["']\s*,\s*["']([\w.\-]+)["']""", text))
        if re.search(r"const tr = \(key, params\) => t\(\"app\"", text):
            keys |= set(re.findall(r"""\btr\(\s*["']([\w.\-]+)["']""", text))
    html = (APP / "index.html").read_text(encoding="utf-8")
    keys |= set(re.findall(r'data-i18n(?:-[\w-]+)?="([\w.\-]+)"', html))
    return keys


def test_every_used_key_is_in_the_english_catalog() -> None:
    missing = sorted(used_keys() - set(catalog("en")))
    assert not missing, f"keys used but not in app.en.json: {missing}"
    assert len(used_keys()) > 150


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_key_has_a_translation(lang: str) -> None:
    english = catalog("en")
    other = catalog(lang)
    missing = sorted(k for k in english if not other.get(k, "").strip())
    assert not missing, f"app.{lang}.json lacks {missing}"
    extra = sorted(set(other) - set(english))
    assert not extra, f"app.{lang}.json has keys English lacks: {extra}"
    # the same placeholders in every language
    for key, text in english.items():
        assert set(re.findall(r"\{(\w+)\}", text)) == set(re.findall(r"\{(\w+)\}", other[key])), key


def test_translations_are_written_not_copied() -> None:
    """Most Finnish and Swedish texts differ from the English (a copied catalog fails)."""
    english, finnish, swedish = (catalog(lang) for lang in LANGS)
    longer = [k for k, v in english.items() if len(v) > 12]
    assert sum(finnish[k] != english[k] for k in longer) / len(longer) > 0.95
    assert sum(swedish[k] != english[k] for k in longer) / len(longer) > 0.9
    assert finnish["field.low_income_share"].lower().startswith("pienituloisten osuus")


class _TextNodes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.texts: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in {"meta", "link", "input", "br", "img"}:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip() and (not self.stack or self.stack[-1] not in {"script", "style"}):
            self.texts.append((self.stack[-1] if self.stack else "", data.strip()))


def test_the_page_has_no_hard_coded_words() -> None:
    html = (APP / "index.html").read_text(encoding="utf-8")
    parser = _TextNodes()
    parser.feed(html)
    words = [(tag, text) for tag, text in parser.texts if text not in NOT_WORDS]
    assert not words, f"text in index.html outside the catalogs: {words}"
    # no English attribute values a person reads either
    assert not re.findall(r'\s(?:placeholder|aria-label|title|alt)="[^"]*[A-Za-z]', html)


def test_the_js_writes_no_english_sentences() -> None:
    """Literal English sentences in the app's own modules (not the comments board, owned
    elsewhere) would bypass the catalogs: no string starting with a capital and a space-
    separated word appears inside template or quoted HTML text."""
    pattern = re.compile(r""">\s*([A-Z][a-z]+ [a-z]+[^<$]*)<""")
    offenders = {}
    for name in (
        "main.js",
        "profile.js",
        "scenario.js",
        "charts.js",
        "picker.js",
        "search.js",
        "areas.js",
        "export.js",
        "registry.js",
        "locale.js",
    ):
        found = pattern.findall((APP / name).read_text(encoding="utf-8"))
        if found:
            offenders[name] = found
    assert not offenders, offenders
