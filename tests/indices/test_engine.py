"""The composite-index engine against hand-computed cases."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from dikas.errors import ConfigError
from dikas.indices.aggregate import composite
from dikas.indices.allocation import allocate
from dikas.indices.config import load_index_config, shipped_configs
from dikas.indices.engine import index_values
from dikas.indices.normalize import normalize, orient, percentile_rank
from dikas.indices.robustness import draw_indices, rank_statistics


def _config(
    tmp_path: Path, indicators: list[dict], groups: dict[str, float], **method: object
) -> Path:
    document = {
        "name": "test-index",
        "title": {"en": "Test", "fi": "Testi", "sv": "Test"},
        "sources": [{"title": "hand computation", "url": "https://example.org/"}],
        "population": {"grid": "inhabitants", "areas": "inhabitants_total"},
        "groups": groups,
        "indicators": [{"source": "areas", "weight": 1.0, **i} for i in indicators],
        **method,
    }
    path = tmp_path / "test-index.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


def test_every_shipped_configuration_loads_and_names_its_sources() -> None:
    assert set(shipped_configs()) == {
        "climate-just",
        "hsy-2016-heat-flood",
        "svi-percentile",
        "need-allocation",
    }
    for name in shipped_configs():
        config = load_index_config(name)
        assert config.name == name and config.sources
        assert all(url.startswith("https://") for _, url in config.sources)
        assert {config.title(lang) for lang in ("en", "fi", "sv")} and config.title("fi")
    assert load_index_config("climate-just").index_names == ("heat", "flood")
    assert [x for x, _ in load_index_config("need-allocation").left_out] == [
        "foreign-language speakers' share"
    ]


def test_normalizations_by_hand() -> None:
    x = np.array([[1.0], [3.0], [np.nan], [3.0], [5.0]])
    assert normalize(x, "minmax")[:, 0].tolist()[:2] == [0.0, 0.5]
    z = normalize(x, "zscore")[:, 0]
    assert z[0] == pytest.approx((1 - 3) / np.std([1, 3, 3, 5]))
    # ranks among the 4 known: 1, 2 (tie, lowest rank), 2, 4 -> (r - 1) / 3
    p = normalize(x, "percentile")[:, 0]
    assert p[[0, 1, 3, 4]].tolist() == [0.0, 1 / 3, 1 / 3, 1.0] and np.isnan(p[2])
    assert orient(np.array([[0.25]]), np.array([-1]), "percentile")[0, 0] == 0.75
    assert orient(np.array([[0.25]]), np.array([-1]), "zscore")[0, 0] == -0.25
    assert percentile_rank(np.array([7.0]))[0] == 0.0


def test_aggregations_by_hand() -> None:
    scores = np.array([[0.2, 0.4, 0.9], [1.0, np.nan, 0.5]])
    groups = np.array([0, 0, 1])
    w = np.array([[1.0, 3.0, 1.0]])
    g = np.array([[1.0, 2.0]])
    # group 0: (0.2 + 3 * 0.4) / 4 = 0.35 and 1.0 (missing drops out); group 1: 0.9, 0.5
    mean = composite(scores, groups, w, g)[:, 0]
    assert mean == pytest.approx([(0.35 + 2 * 0.9) / 3, (1.0 + 2 * 0.5) / 3])
    total = composite(scores, groups, w, g, within="sum", across="sum")[:, 0]
    assert total[0] == pytest.approx((0.2 + 1.2) + 2 * 0.9) and np.isnan(total[1])
    geometric = composite(scores, groups, w, g, within="mean", across="geometric")[:, 0]
    assert geometric == pytest.approx(
        [0.35 ** (1 / 3) * 0.9 ** (2 / 3), 1.0 ** (1 / 3) * 0.5 ** (2 / 3)]
    )


def test_svi_percentile_five_units_by_hand(tmp_path: Path) -> None:
    config = load_index_config(
        _config(
            tmp_path,
            [
                {"name": "x1", "group": "t1", "numerator": ["a"], "direction": 1},
                {"name": "x2", "group": "t1", "numerator": ["b"], "direction": -1},
                {"name": "x3", "group": "t2", "numerator": ["c"], "direction": 1},
            ],
            {"t1": 1.0, "t2": 1.0},
            normalization="percentile",
            group_aggregation="sum",
            aggregation="sum",
            rank_groups=True,
            percentile_index=True,
        )
    )
    raw = pd.DataFrame(
        {
            "population": 100.0,
            "x1": [1.0, 2, 3, 4, 5],
            "x2": [50.0, 40, 30, 20, 10],
            "x3": [0.1, 0.3, 0.2, 0.2, 0.5],
        },
        index=list("ABCDE"),
    )
    frame = index_values(raw, config).frame
    # x1 -> 0, .25, .5, .75, 1; x2 (reversed) -> 0, .25, .5, .75, 1; theme 1 sums 0 .5 1 1.5 2
    assert frame["group_t1"].tolist() == [0.0, 0.25, 0.5, 0.75, 1.0]
    # x3: 0.1 -> rank 1, 0.2 and 0.2 -> rank 2, 0.3 -> 4, 0.5 -> 5
    assert frame["group_t2"].tolist() == [0.0, 0.75, 0.25, 0.25, 1.0]
    # sums of all variables: 0, 1.25, 1.25, 1.75, 3 -> percentile ranks
    assert frame["index"].tolist() == [0.0, 0.25, 0.25, 0.75, 1.0]
    assert frame["rank"].tolist() == [5.0, 3.0, 3.0, 2.0, 1.0]


def test_three_area_allocation_by_hand(tmp_path: Path) -> None:
    config = load_index_config("need-allocation")
    raw = pd.DataFrame(
        {
            "population": [1000.0, 2000.0, 1000.0],
            "basic_education_only": [0.1, 0.2, 0.3],
            "low_income": [0.3, 0.1, 0.2],
            "unemployment": [0.05, 0.15, 0.10],
        },
        index=["A", "B", "C"],
    )
    result = index_values(raw, config).frame
    # min-max: education 0, .5, 1; income 1, 0, .5; unemployment 0, 1, .5 -> means
    assert result["index"].tolist() == pytest.approx([1 / 3, 0.5, 2 / 3])
    allocation = allocate(result["index"], result["population"], 1_000_000).frame
    # need = index x residents = 333.3, 1000, 666.7 of 2000
    assert allocation["amount"].tolist() == pytest.approx([1e6 / 6, 5e5, 1e6 / 3])
    assert allocation["amount"].sum() == pytest.approx(1_000_000)
    plain = allocate(result["index"], result["population"], 900.0, population_weighted=False).frame
    assert plain["amount"].tolist() == pytest.approx([200.0, 300.0, 400.0])
    draws = draw_indices(raw, config, draws=400, seed=1)
    robust = allocate(result["index"], result["population"], 1_000_000, draws=draws.values).frame
    assert (robust["amount_p05"] <= robust["amount"]).all()
    assert (robust["amount"] <= robust["amount_p95"]).all()
    assert (robust["amount_p05"] < robust["amount_p95"]).all()
    again = draw_indices(raw, config, draws=400, seed=1)
    assert np.array_equal(draws.values, again.values)
    ranks = rank_statistics(draws, raw.index)
    assert ranks.loc["C", "median_rank"] == 1.0


def test_negative_index_cannot_share_a_budget() -> None:
    with pytest.raises(Exception, match="non-negative index"):
        allocate(pd.Series([-0.5, 1.0]), pd.Series([10.0, 10.0]), 100.0)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (
            {
                "indicators": [
                    {
                        "name": "x",
                        "group": "g",
                        "numerator": ["a"],
                        "direction": 1,
                        "source": "areas",
                        "weight": -1,
                    }
                ]
            },
            "indicators.0.weight",
        ),
        ({"normalization": "rank"}, "normalization"),
        ({"groups": {"other": 1.0}}, "groups not listed"),
        ({"aggregation": "geometric", "normalization": "zscore"}, "geometric"),
        ({"title": "only English"}, "title"),
    ],
)
def test_bad_configuration_is_one_line_naming_file_and_key(
    tmp_path: Path, change: dict, where: str
) -> None:
    path = _config(
        tmp_path, [{"name": "x", "group": "g", "numerator": ["a"], "direction": 1}], {"g": 1.0}
    )
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document.update(change)
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_index_config(path)
    message = str(error.value)
    assert message.startswith(str(path)) and where in message and "\n" not in message


def test_unknown_configuration_names_the_shipped_ones() -> None:
    with pytest.raises(ConfigError, match="shipped: climate-just"):
        load_index_config("no-such-index")
