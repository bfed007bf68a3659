"""Nothing city-specific outside the catalogs: no municipality names or codes in ``src/``.

Adding a city must mean adding a catalog. The names and codes looked for are those of every
municipality in every shipped catalog (so a new catalog extends the check by itself), in any
language the catalog gives, plus each catalog's own city title words.
"""

from __future__ import annotations

import re
from pathlib import Path

from dikas.sources.catalog import available_cities, load_catalog

SRC = Path(__file__).resolve().parents[1] / "src" / "dikas"
SKIPPED = ("sources/catalogs/", "web/dist/", "web/app/node_modules/", "web/app/package-lock.json")
TEXT_SUFFIXES = {".py", ".yaml", ".yml", ".csv", ".js", ".html", ".css", ".json", ".md", ".txt"}


def _forbidden() -> tuple[set[str], set[str]]:
    names, codes = set(), set()
    for city in available_cities():
        catalog = load_catalog(city)
        for municipality in catalog.municipalities:
            names.add(municipality.name)
            names.update(municipality.names.values())
            codes.add(municipality.code)
    return names, codes


def _files() -> list[Path]:
    return [
        p
        for p in SRC.rglob("*")
        if p.is_file()
        and p.suffix in TEXT_SUFFIXES
        and not any(part in p.relative_to(SRC).as_posix() for part in SKIPPED)
    ]


def test_catalogs_name_municipalities_to_look_for() -> None:
    names, codes = _forbidden()
    assert {"Helsinki", "Espoo", "Vantaa", "Kauniainen"} <= names
    assert {"091", "049", "092", "235"} <= codes


def test_no_city_names_or_codes_in_src_outside_catalogs() -> None:
    names, codes = _forbidden()
    name_pattern = re.compile(
        r"\b(" + "|".join(map(re.escape, sorted(names))) + r")\b", re.IGNORECASE
    )
    code_pattern = re.compile(r"""["'](""" + "|".join(map(re.escape, sorted(codes))) + r""")["']""")
    found = []
    for path in _files():
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if name_pattern.search(line) or code_pattern.search(line):
                found.append(f"{path.relative_to(SRC)}:{number}: {line.strip()[:100]}")
    assert not found, "city-specific text outside the catalogs:\n" + "\n".join(found)
