"""The survey page's catalogs: Finnish and Swedish have every English key, none empty, and
keep the English placeholders."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

LOCALES = Path(__file__).parents[2] / "src" / "dikas" / "web" / "app" / "src" / "locales"


def catalog(lang: str) -> dict[str, str]:
    return dict(json.loads((LOCALES / f"survey.{lang}.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_key_translated_with_its_placeholders(lang: str) -> None:
    english, other = catalog("en"), catalog(lang)
    assert set(other) == set(english)
    for key, text in english.items():
        assert other[key].strip() and other[key] != text, key
        assert set(re.findall(r"\{\w+\}", other[key])) == set(re.findall(r"\{\w+\}", text)), key
