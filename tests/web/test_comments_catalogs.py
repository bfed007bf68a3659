"""The comments panel's catalogs (locales/comments.<lang>.json): every key the panel uses is
in English, Finnish and Swedish, with the same placeholders, and really translated."""

from __future__ import annotations

import json
import re
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "src" / "dikas" / "web" / "app" / "src"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _catalog(lang: str) -> dict[str, str]:
    return json.loads((APP / "locales" / f"comments.{lang}.json").read_text(encoding="utf-8"))


def test_every_used_key_is_translated_with_its_placeholders() -> None:
    source = (APP / "comments.js").read_text(encoding="utf-8")
    used = set(re.findall(r'_\("([\w.]+)"', source))
    used |= {f"category.{c}" for c in ("need", "idea", "concern")}
    used |= {f"role.{r}" for r in ("stakeholder", "moderator", "organiser")}
    english = _catalog("en")
    assert used <= set(english), sorted(used - set(english))
    for lang in ("fi", "sv"):
        other = _catalog(lang)
        assert set(other) == set(english), lang
        for key, text in english.items():
            assert other[key].strip(), (lang, key)
            assert set(PLACEHOLDER.findall(other[key])) == set(PLACEHOLDER.findall(text)), (
                lang,
                key,
            )
        same = [k for k in english if other[k] == english[k]]
        assert len(same) <= 3, (lang, same)  # "idea", "moderator": the same word
