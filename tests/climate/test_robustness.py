"""Monte Carlo rank robustness: invariances that hold whatever the draws."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dikas.climate.config import load_config
from dikas.climate.robustness import rank_robustness
from dikas.climate.vulnerability import vulnerability_index
from dikas.errors import ParameterError
from tests.climate.test_vulnerability import SMALL_CONFIG, write_config


def _raw(seed: int, n: int = 60) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "population": rng.integers(0, 500, n).astype(float),
            "count_share": rng.uniform(0, 1, n),
            "value": rng.uniform(0, 1, n),
            "heat": rng.uniform(0, 1, n),
            "count_density": rng.uniform(0, 1, n),
        },
        index=[f"u{i}" for i in range(n)],
    )


def test_single_indicator_ranks_are_invariant(tmp_path: Path) -> None:
    single = {
        **SMALL_CONFIG,
        "groups": {"exposure": 1.0},
        "indicators": [SMALL_CONFIG["indicators"][2]],
    }
    config = load_config(write_config(tmp_path, single))
    raw = _raw(1)
    result = rank_robustness(raw, config, index="heat", draws=50, seed=3)
    frame = result.frame
    ranked = frame["baseline_rank"].notna()
    # any positive weight and both normalizations are monotone in the one indicator
    assert (frame.loc[ranked, "median_rank"] == frame.loc[ranked, "baseline_rank"]).all()
    assert (frame.loc[ranked, "rank_p05"] == frame.loc[ranked, "rank_p95"]).all()
    assert set(frame.loc[ranked, "top_decile_probability"]) <= {0.0, 1.0}
    assert result.mean_spearman == pytest.approx(1.0)
    baseline = vulnerability_index(raw, config, index="heat", level="grid").frame["rank"]
    pd.testing.assert_series_equal(frame["baseline_rank"], baseline, check_names=False)


def test_results_depend_only_on_the_seed(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, SMALL_CONFIG))
    raw = _raw(2)
    first = rank_robustness(raw, config, index="heat", draws=40, seed=9)
    again = rank_robustness(raw, config, index="heat", draws=40, seed=9)
    pd.testing.assert_frame_equal(first.frame, again.frame)
    frame = first.frame.dropna()
    assert (frame["rank_p05"] <= frame["median_rank"]).all()
    assert (frame["median_rank"] <= frame["rank_p95"]).all()
    # exactly 10 % of the ranked units are in the top decile in every draw
    top = int(np.ceil(0.1 * len(frame)))
    assert frame["top_decile_probability"].sum() == pytest.approx(top)
    assert frame["robust_hotspot"].sum() <= top


def test_dominant_unit_is_a_robust_hotspot(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, SMALL_CONFIG))
    raw = _raw(4)
    raw.loc["u0", ["count_share", "heat"]] = 2.0  # most of everything that hurts
    raw.loc["u0", "value"] = -1.0  # and the lowest value (direction −1)
    raw.loc["u0", "population"] = 100.0
    result = rank_robustness(raw, config, index="heat", draws=100, seed=1).frame
    assert result.loc["u0", "top_decile_probability"] == 1.0
    assert bool(result.loc["u0", "robust_hotspot"])
    assert result.loc["u0", "median_rank"] == 1.0


def test_bad_settings_are_parameter_errors(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, SMALL_CONFIG))
    with pytest.raises(ParameterError):
        rank_robustness(_raw(1), config, index="heat", spread=1.5)
    with pytest.raises(ParameterError):
        rank_robustness(_raw(1), config, index="heat", draws=0)
