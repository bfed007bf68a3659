"""Small-count suppression: primary blanking, complementary blanking of age bands, and the
columns a partial publisher must read so that every path takes the same decision."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dikas.twin.privacy import suppress_small_counts, with_person_counts

BANDS = ["age_0_9", "age_10_19", "age_20_29", "age_30_39", "age_40_49", "age_50_59",
         "age_60_69", "age_70_79", "age_80_plus"]
TOTAL = "attribute_grid_inhabitants"


def _cells(total: list[float], bands: list[list[float]]) -> pd.DataFrame:
    """Cells with a total and the nine decade bands."""
    return pd.DataFrame([[t, *b] for t, b in zip(total, bands, strict=True)],
                        columns=[TOTAL, *BANDS])


def _hidden(frame: pd.DataFrame, min_count: int = 10) -> pd.DataFrame:
    return suppress_small_counts(frame, level="grid", min_count=min_count).isna()


def test_demo_cell_hides_the_smallest_shown_band_beside_the_blanked_one() -> None:
    # Vaestotietoruudukko_2021.114 of the Helsinki twin: 285 = 39+41+26+59+49+27+28+13+3.
    # Blanking only the 3 would leave it as 285 - 282; the 13 goes too, and the two blanked
    # bands then hold 16 people between them.
    cell = _cells([285], [[39, 41, 26, 59, 49, 27, 28, 13, 3]])
    published = suppress_small_counts(cell, level="grid", min_count=10).iloc[0]
    assert published[["age_70_79", "age_80_plus"]].isna().all()
    assert published[TOTAL] == 285
    assert published[BANDS[:7]].tolist() == [39, 41, 26, 59, 49, 27, 28]


def test_one_blanked_band_beside_zeros_still_needs_a_complement() -> None:
    # 0-bands stay 0 (nobody to identify) but are known, so 20 - 12 would give the 8 away.
    hidden = _hidden(_cells([20], [[0, 0, 0, 0, 0, 0, 0, 12, 8]])).iloc[0]
    assert hidden[["age_70_79", "age_80_plus"]].all()
    assert not hidden[[TOTAL, *BANDS[:7]]].any()


def test_blanked_bands_holding_fewer_than_the_threshold_get_a_complement() -> None:
    # Two blanked 1s: 52 - 50 = 2 people over two positive bands pins both to 1.
    hidden = _hidden(_cells([52], [[1, 1, 0, 0, 0, 20, 30, 0, 0]])).iloc[0]
    assert hidden[["age_0_9", "age_10_19", "age_50_59"]].all()
    assert not hidden[["age_60_69", TOTAL]].any()


def test_blanked_bands_holding_enough_people_need_no_complement() -> None:
    # 5 + 6 = 11 over two bands: neither is pinned, the group is not a small count.
    hidden = _hidden(_cells([100], [[5, 6, 89, 0, 0, 0, 0, 0, 0]])).iloc[0]
    assert hidden[["age_0_9", "age_10_19"]].all()
    assert not hidden[["age_20_29", TOTAL]].any()


def test_a_blanked_total_is_not_the_sum_of_the_shown_bands() -> None:
    # A small total has only small (blanked) or zero bands: nothing adds up to it.
    published = suppress_small_counts(_cells([7], [[3, 4, 0, 0, 0, 0, 0, 0, 0]]),
                                      level="grid", min_count=10).iloc[0]
    assert published[[TOTAL, "age_0_9", "age_10_19"]].isna().all()
    assert (published[BANDS[2:]] == 0).all()


def test_bands_that_do_not_add_up_blank_the_total_when_no_band_is_left() -> None:
    # 12 people but only 9 in bands: 12 - 0 still says about 9, and no band can hide it.
    hidden = _hidden(_cells([12], [[0, 0, 0, 0, 0, 0, 0, 0, 9]])).iloc[0]
    assert hidden[[TOTAL, "age_80_plus"]].all()
    assert not hidden[BANDS[:8]].any()


def test_source_nulls_count_as_hidden_and_are_protected() -> None:
    frame = _cells([50, 100], [[np.nan] * 9, [np.nan, 40, 60, 0, 0, 0, 0, 0, 0]])
    published = suppress_small_counts(frame, level="grid", min_count=10)
    # HSY's own suppression (all bands NULL) leaves the total alone ...
    assert published.loc[0, TOTAL] == 50
    # ... but a single NULL band under a shown total would be 100 - 100.
    assert published.loc[1, ["age_0_9", "age_10_19"]].isna().all()
    assert published.loc[1, "age_20_29"] == 60


def test_inhabitants_is_the_total_without_an_attribute_grid() -> None:
    frame = pd.DataFrame([[285, 39, 41, 26, 59, 49, 27, 28, 13, 3]],
                         columns=["inhabitants", *BANDS])
    hidden = _hidden(frame).iloc[0]
    assert hidden[["age_70_79", "age_80_plus"]].all() and not hidden["inhabitants"]


def test_ties_go_to_the_youngest_band_whatever_the_column_order() -> None:
    cell = _cells([100], [[30, 20, 20, 3, 0, 0, 27, 0, 0]])
    for columns in ([TOTAL, *BANDS], [*reversed(BANDS), TOTAL], ["age_20_29", TOTAL, *BANDS]):
        hidden = _hidden(cell[list(dict.fromkeys(columns))]).iloc[0]
        assert hidden[["age_10_19", "age_30_39"]].all(), columns
        assert hidden.sum() == 2, columns


def test_other_levels_and_columns_are_untouched() -> None:
    cell = _cells([285], [[39, 41, 26, 59, 49, 27, 28, 13, 3]]).assign(heat=0.4)
    assert suppress_small_counts(cell, level="areas", min_count=10) is cell
    assert suppress_small_counts(cell, level="grid", min_count=10)["heat"].tolist() == [0.4]


def test_partial_publishers_read_every_person_count() -> None:
    layer = ["cell_id", "inhabitants", TOTAL, *BANDS, "age_suppressed", "heat", "geometry"]
    columns = with_person_counts(["cell_id", "age_80_plus"], layer)
    assert columns == ["cell_id", "age_80_plus", "inhabitants", TOTAL, *BANDS[:8]]
    cell = _cells([285], [[39, 41, 26, 59, 49, 27, 28, 13, 3]]).assign(cell_id="c")
    alone = suppress_small_counts(cell[["cell_id", "age_70_79"]], level="grid", min_count=10)
    assert alone["age_70_79"].tolist() == [13]  # why a one-column read is not enough
    read = cell[with_person_counts(["cell_id", "age_70_79"], cell.columns)]
    assert suppress_small_counts(read, level="grid", min_count=10)["age_70_79"].isna().all()


def _random_cells(rng: np.random.Generator, n: int) -> pd.DataFrame:
    """Cells whose bands mix zeros, small and large counts and HSY-style NULL rows; a fifth
    of the totals exceed their bands' sum by up to 7, as in HSY's grid."""
    kind = rng.integers(0, 3, size=(n, 9))
    bands = np.where(kind == 0, 0, np.where(kind == 1, rng.integers(1, 12, size=(n, 9)),
                                            rng.integers(10, 80, size=(n, 9)))).astype(float)
    total = bands.sum(axis=1) + np.where(rng.random(n) < 0.2, rng.integers(1, 8, n), 0)
    bands[rng.random(n) < 0.05] = np.nan
    bands[rng.random((n, 9)) < 0.01] = np.nan
    return _cells(total.tolist(), bands.tolist())


@pytest.mark.parametrize(("seed", "min_count"), [(1, 10), (2, 10), (3, 5), (4, 20), (5, 3)])
def test_no_blanked_band_is_derivable_from_what_is_shown(seed: int, min_count: int) -> None:
    original = _random_cells(np.random.default_rng(seed), 4000)
    published = suppress_small_counts(original, level="grid", min_count=min_count)
    values, shown = original[BANDS].to_numpy(float), published[BANDS].to_numpy(float)
    total, shown_total = original[TOTAL].to_numpy(float), published[TOTAL].to_numpy(float)
    hidden = np.isnan(shown)
    count = hidden.sum(axis=1)
    held = shown_total - np.nansum(shown, axis=1)  # what the hidden bands hold, as derived
    blanked = hidden & ~np.isnan(values)
    # Primary rule: nothing in (0, min_count) is shown, shown values are the stored ones,
    # and zeros are never blanked.
    assert not ((shown > 0) & (shown < min_count)).any()
    assert np.array_equal(shown[~hidden], values[~hidden])
    assert not (hidden & (values == 0)).any()
    with_total = ~np.isnan(shown_total)
    # No blanked positive band equals the total minus the shown bands.
    assert not (with_total & (count == 1)).any()
    derivable = np.where(blanked, values, np.nan) == (total - np.nansum(shown, axis=1))[:, None]
    assert not (derivable & (count == 1)[:, None] & with_total[:, None]).any()
    # Several hidden bands under a shown total hold enough people not to pin each other.
    several = with_total & (count > 1) & ~np.isnan(values).all(axis=1)
    assert (held[several] >= min_count).all() and (held[several] > count[several]).all()
    # A blanked total is never the sum of bands that are all shown.
    total_blanked = np.isnan(shown_total) & ~np.isnan(total) & (count == 0)
    assert not (total[total_blanked] == np.nansum(shown[total_blanked], axis=1)).any()
    # The rule did blank something beyond the primary rule in these samples.
    primary = np.isnan(values) | ((values > 0) & (values < min_count))
    assert (hidden & ~primary).any()
    # Whatever order the columns come in, the same cells are blanked.
    shuffled = original[list(np.random.default_rng(seed).permutation(original.columns))]
    again = suppress_small_counts(shuffled, level="grid", min_count=min_count)
    pd.testing.assert_frame_equal(again[published.columns], published)
