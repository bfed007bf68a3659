"""Local measures against hand values and esda (same permutations → identical p-values)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from dikas.errors import ParameterError
from dikas.segregation.local import (
    conditional_p_values,
    getis_ord_star,
    local_entropy,
    local_measures,
    local_moran,
    location_quotient,
)
from tests.segregation.helpers import ADULTS, LOW_INCOME, UNEMPLOYED, synthetic_city

esda = pytest.importorskip("esda")
libpysal_weights = pytest.importorskip("libpysal.weights")


def test_location_quotient_and_entropy_by_hand() -> None:
    x, t = np.array([10.0, 30.0, 0.0]), np.array([100.0, 100.0, 50.0])
    np.testing.assert_allclose(location_quotient(x, t), [0.625, 1.875, 0.0])
    np.testing.assert_allclose(
        local_entropy(x, t),
        [
            -(0.1 * np.log2(0.1) + 0.9 * np.log2(0.9)),
            -(0.3 * np.log2(0.3) + 0.7 * np.log2(0.7)),
            0.0,
        ],
    )


def esda_reference(frame):
    """libpysal's queen weights of ``frame`` (islands allowed)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        w = libpysal_weights.Queen.from_dataframe(frame, use_index=False, silence_warnings=True)
    return w


def slow_conditional_p_values(z, weights, observed, permuted_ids):
    """Conditional randomization written out unit by unit, esda's "directed" rule."""
    n, permutations = len(z), len(permuted_ids)
    p = np.empty(n)
    for i in range(n):
        row = slice(weights.indptr[i], weights.indptr[i + 1])
        others = np.delete(z, i)
        simulated = np.array(
            [
                (n - 1) / (z @ z) * z[i] * (others[ids[: row.stop - row.start]] @ weights.data[row])
                for ids in permuted_ids
            ]
        )
        larger = (simulated >= observed[i]).sum()
        p[i] = (min(larger, permutations - larger) + 1) / (permutations + 1)
    return p


def test_local_moran_equals_esda_and_the_permutation_rule_on_a_lattice() -> None:
    city = synthetic_city(seed=7)
    y = (city["group"] / city["total"]).to_numpy()
    w = esda_reference(city)
    reference = esda.Moran_Local(y, w, permutations=0)
    ours = local_moran(y, w.sparse.tocsr(), permutations=99, seed=11)
    np.testing.assert_allclose(ours.statistic, reference.Is, rtol=1e-12, atol=1e-14)
    assert np.array_equal(ours.quadrant, reference.q)
    w.transform = "r"
    rng = np.random.default_rng(3)
    ids = np.stack([rng.choice(len(y) - 1, 8, replace=False) for _ in range(99)])
    z = (y - y.mean()) / y.std()
    p = conditional_p_values(z, w.sparse.tocsr(), reference.Is, ids, (len(y) - 1) / (z @ z))
    np.testing.assert_allclose(p, slow_conditional_p_values(z, w.sparse.tocsr(), reference.Is, ids))


@pytest.mark.integration
def test_local_layer_on_paavo_matches_esda_and_shows_excluded_area(paavo_2023) -> None:
    measures = local_measures(
        paavo_2023,
        group=UNEMPLOYED,
        total="Inhabitants, total (PT)",
        id_column="postal_code",
        permutations=199,
        seed=0,
    )
    layer = measures.layer
    assert len(layer) == len(paavo_2023) and layer.crs == paavo_2023.crs
    empty = layer.set_index("unit_id").loc["00230"]
    assert empty["lisa"] == "excluded" and empty["excluded"] == "zero total"
    assert set(layer["lisa"]) <= {
        "HH",
        "LL",
        "HL",
        "LH",
        "not significant",
        "no neighbours",
        "excluded",
    }
    kept = paavo_2023[paavo_2023["Inhabitants, total (PT)"] > 0].reset_index(drop=True)
    y = (kept[UNEMPLOYED] / kept["Inhabitants, total (PT)"]).to_numpy()
    w = esda_reference(kept)
    values = layer[layer["excluded"].isna()]
    moran = esda.Moran_Local(y, w, permutations=0)
    np.testing.assert_allclose(values["moran_i"], moran.Is, rtol=1e-12, atol=1e-14)
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gi = esda.G_Local(y, w, star=True, permutations=0)
    connected = np.array([len(w.neighbors[i]) > 0 for i in range(w.n)])
    np.testing.assert_allclose(
        values["gi_star_z"].to_numpy()[connected], gi.Zs[connected], rtol=1e-10
    )
    assert (values["lisa"].to_numpy()[~connected] == "no neighbours").all()
    significant = values["lisa"].isin(["HH", "LL", "HL", "LH"])
    assert (values.loc[significant, "moran_p"] < 0.05).all()


@pytest.mark.integration
def test_getis_ord_flags_low_income_hot_spots(paavo_2023) -> None:
    kept = paavo_2023[paavo_2023[ADULTS] > 0].reset_index(drop=True)
    y = (kept[LOW_INCOME] / kept[ADULTS]).to_numpy()
    w = esda_reference(kept)
    z = getis_ord_star(y, w.sparse.tocsr())
    assert np.corrcoef(z[np.isfinite(z)], y[np.isfinite(z)])[0, 1] > 0.3


def test_local_measures_reject_bad_arguments() -> None:
    city = synthetic_city(seed=1)
    with pytest.raises(ParameterError):
        local_measures(city.drop(columns="geometry"), group="group", total="total")
    with pytest.raises(ParameterError):
        local_measures(city, group="group", total="total", significance=2)
