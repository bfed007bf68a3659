"""Free-text values parsed alike by the CityGML and OSM readers."""

from collections import Counter

import pytest

from dikas.sources.values import year_built


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("1927", 1927),
        ("1927-05-01", 1927),
        ("c. 1927", 1927),
        ("~1890s", 1890),
    ],
)
def test_year_built_takes_the_first_four_digit_year(text: str, year: int) -> None:
    invalid: Counter[str] = Counter()
    assert year_built(text, invalid) == year
    assert invalid == Counter()


def test_year_built_counts_values_without_a_year() -> None:
    invalid: Counter[str] = Counter()
    assert year_built("unknown", invalid) is None
    assert year_built("19270", invalid) is None  # five digits are no year
    assert year_built(None, invalid) is None  # missing is not invalid
    assert invalid == Counter({"year_built": 2})
