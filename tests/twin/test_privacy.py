"""Small-count suppression: primary blanking, complementary blanking of age bands, and the
columns a partial publisher must read so that every path takes the same decision."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from dikas.twin.privacy import counts_people, publish, suppress_small_counts, with_person_counts

BANDS = [
    "age_0_9",
    "age_10_19",
    "age_20_29",
    "age_30_39",
    "age_40_49",
    "age_50_59",
    "age_60_69",
    "age_70_79",
    "age_80_plus",
]
TOTAL = "attribute_grid_inhabitants"


def _cells(total: list[float], bands: list[list[float]]) -> pd.DataFrame:
    """Cells with a total and the nine decade bands."""
    return pd.DataFrame(
        [[t, *b] for t, b in zip(total, bands, strict=True)], columns=[TOTAL, *BANDS]
    )


def _hidden(frame: pd.DataFrame, min_count: int = 10) -> pd.DataFrame:
    return suppress_small_counts(frame, level="grid", min_count=min_count).isna()


def _possible(
    published: pd.Series, original: pd.Series, min_count: int = 10
) -> dict[str, list[int]]:
    """Every value each blanked band can hold for an onlooker who knows the rule, by brute force.

    The onlooker sees ``published`` and is granted what the rule's attacker model grants: which
    blanked bands were small (``1 .. min_count-1``) and which complementary (``>= min_count``),
    and how many people the hidden bands hold together (from ``original``, so also knowing
    any shortfall of the bands against the total). Every original row that fits is passed
    through the rule again and kept if it publishes the same blanks.
    """
    blanked = [b for b in BANDS if np.isnan(published[b])]
    held = int(original[blanked].sum())
    ranges = [
        range(1, min_count) if original[b] < min_count else range(min_count, held + 1)
        for b in blanked
    ]
    fits = [c for c in itertools.product(*ranges) if sum(c) == held]
    candidates = pd.DataFrame([original.to_dict()] * len(fits))
    candidates[blanked] = np.array(fits, dtype=float).reshape(len(fits), len(blanked))
    again = suppress_small_counts(candidates, level="grid", min_count=min_count)
    same = (again.isna() == published.isna()).all(axis=1)
    return {b: sorted(candidates.loc[same, b].astype(int).unique()) for b in blanked}


def test_demo_cell_hides_the_bands_nearest_the_blanked_one_until_it_is_covered() -> None:
    # Vaestotietoruudukko_2021.114 of the Helsinki twin: 285 = 39+41+26+59+49+27+28+13+3.
    # Blanking only the 3 would leave it as 285 - 282. With the 13 blanked too the pair holds
    # 16, and the 13-band being at least 10 would put the small one at 6 or below; the 28
    # goes as well, and 44 people over the three leave the small band anywhere in 1..9.
    cell = _cells([285], [[39, 41, 26, 59, 49, 27, 28, 13, 3]])
    published = suppress_small_counts(cell, level="grid", min_count=10).iloc[0]
    assert published[BANDS[6:]].isna().all()
    assert published[TOTAL] == 285
    assert published[BANDS[:6]].tolist() == [39, 41, 26, 59, 49, 27]
    assert _possible(published, cell.iloc[0])["age_80_plus"] == list(range(1, 10))


def test_a_tie_between_shown_bands_no_longer_gives_the_blanked_band_away() -> None:
    # Vaestotietoruudukko_2021.423: 314 = 30+36+30+51+50+32+36+40+9. The former rule hid the
    # smallest shown band, the younger 30, beside the 9: the other 30 stayed, so the hidden
    # complement was at most 30 and at least 10, and 314 - 275 = 39 pinned the small band at 9.
    # Now the band next to the 9 goes whatever its size, and every value 1..9 fits.
    cell = _cells([314], [[30, 36, 30, 51, 50, 32, 36, 40, 9]])
    published = suppress_small_counts(cell, level="grid", min_count=10).iloc[0]
    assert published.isna().tolist() == [False] * 8 + [True, True]
    assert _possible(published, cell.iloc[0]) == {
        "age_70_79": list(range(40, 49)),
        "age_80_plus": list(range(1, 10)),
    }


def test_the_complement_is_chosen_by_position_never_by_size() -> None:
    # The 3's neighbours are equally near: the younger one goes, large or small.
    cells = _cells([103, 103], [[30, 0, 20, 3, 50, 0, 0, 0, 0], [30, 0, 50, 3, 20, 0, 0, 0, 0]])
    for columns in ([TOTAL, *BANDS], [*reversed(BANDS), TOTAL], ["age_20_29", TOTAL, *BANDS]):
        hidden = _hidden(cells[list(dict.fromkeys(columns))])[[TOTAL, *BANDS]]
        assert (hidden.sum(axis=1) == 2).all(), columns
        assert hidden[["age_20_29", "age_30_39"]].all(axis=None), columns


def test_one_blanked_band_beside_zeros_still_needs_a_complement() -> None:
    # 0-bands stay 0 (nobody to identify) but are known, so 20 - 12 would give the 8 away;
    # blanking the 12 leaves 20 over two bands, the small one anywhere in 1..9.
    hidden = _hidden(_cells([20], [[0, 0, 0, 0, 0, 0, 0, 12, 8]])).iloc[0]
    assert hidden[["age_70_79", "age_80_plus"]].all()
    assert not hidden[[TOTAL, *BANDS[:7]]].any()


def test_a_complement_that_covers_the_range_exactly_is_not_enough() -> None:
    # 9 + 10 = 19 would leave the 9 anywhere in 1..9, but an onlooker who sees a second
    # complement in some other row knows that row's pair held less than 19, so its small band
    # was not 9; asking one person more (20) keeps 9 possible there, and so the 40 goes here.
    cell = _cells([59], [[0, 0, 0, 0, 0, 0, 40, 10, 9]])
    published = suppress_small_counts(cell, level="grid", min_count=10).iloc[0]
    assert published[BANDS[6:]].isna().all() and published[TOTAL] == 59
    cell = _cells([62], [[0, 0, 0, 0, 0, 0, 40, 13, 9]])
    published = suppress_small_counts(cell, level="grid", min_count=10).iloc[0]
    assert published["age_60_69"] == 40 and published[BANDS[7:]].isna().all()
    assert _possible(published, cell.iloc[0])["age_80_plus"] == list(range(1, 10))


def test_blanked_bands_holding_fewer_than_the_threshold_get_a_complement() -> None:
    # Two blanked 1s: 52 - 50 = 2 people over two positive bands pins both to 1.
    hidden = _hidden(_cells([52], [[1, 1, 0, 0, 0, 20, 30, 0, 0]])).iloc[0]
    assert hidden[["age_0_9", "age_10_19", "age_50_59"]].all()
    assert not hidden[["age_60_69", TOTAL]].any()


def test_small_bands_bound_each_other_from_below_too() -> None:
    # 5 + 6 = 11 over two bands of at most 9 each: either is at least 2, so the 89 goes.
    hidden = _hidden(_cells([100], [[5, 6, 89, 0, 0, 0, 0, 0, 0]])).iloc[0]
    assert hidden[["age_0_9", "age_10_19", "age_20_29"]].all() and not hidden[TOTAL]
    # 9 + 9 + 8 = 26 over three: each is at least 26 - 18 = 8.
    hidden = _hidden(_cells([76], [[9, 9, 8, 0, 0, 0, 0, 0, 50]])).iloc[0]
    assert hidden[[*BANDS[:3], "age_80_plus"]].all() and not hidden[TOTAL]


def test_small_bands_that_cover_each_other_need_no_complement() -> None:
    # 5 + 4 + 3 = 12 over three bands: any of them can be anything in 1..9 (12 - 9 - 1 = 2,
    # 12 - 1 - 1 = 10), and 12 clears the three minimums by 9.
    cell = _cells([62], [[5, 4, 3, 0, 0, 0, 0, 0, 50]])
    published = suppress_small_counts(cell, level="grid", min_count=10).iloc[0]
    assert published[BANDS[:3]].isna().all() and published["age_80_plus"] == 50
    assert _possible(published, cell.iloc[0]) == {b: list(range(1, 10)) for b in BANDS[:3]}


def test_a_blanked_total_is_not_the_sum_of_the_shown_bands() -> None:
    # A small total has only small (blanked) or zero bands: nothing adds up to it.
    published = suppress_small_counts(
        _cells([7], [[3, 4, 0, 0, 0, 0, 0, 0, 0]]), level="grid", min_count=10
    ).iloc[0]
    assert published[[TOTAL, "age_0_9", "age_10_19"]].isna().all()
    assert (published[BANDS[2:]] == 0).all()


def test_bands_that_do_not_add_up_blank_the_total_when_no_band_is_left() -> None:
    # 12 people but only 9 in bands: 12 - 0 still says about 9, and no band can hide it.
    hidden = _hidden(_cells([12], [[0, 0, 0, 0, 0, 0, 0, 0, 9]])).iloc[0]
    assert hidden[[TOTAL, "age_80_plus"]].all()
    assert not hidden[BANDS[:8]].any()


def test_bands_that_fall_short_of_the_total_are_judged_by_what_they_hold() -> None:
    # 51 people, 49 in bands. By the total the 4 and 15 hold 21 (enough), by the bands 19
    # (not: the 4 would be at most 8); someone who knows the shortfall sees the latter.
    cell = _cells([51], [[30, 0, 0, 0, 0, 0, 0, 15, 4]])
    published = suppress_small_counts(cell, level="grid", min_count=10).iloc[0]
    assert published[["age_0_9", "age_70_79", "age_80_plus"]].isna().all()
    assert published[TOTAL] == 51
    assert _possible(published, cell.iloc[0])["age_80_plus"] == list(range(1, 10))


def test_source_nulls_are_unbounded_hidden_bands() -> None:
    frame = _cells(
        [50, 100, 70],
        [[np.nan] * 9, [np.nan, 40, 60, 0, 0, 0, 0, 0, 0], [np.nan, 5, 60, 0, 0, 0, 0, 0, 0]],
    )
    published = suppress_small_counts(frame, level="grid", min_count=10)
    # HSY's own suppression (all bands NULL) leaves the total alone ...
    assert published.loc[0, TOTAL] == 50
    # ... as does a NULL band beside shown ones: it hides no small count ...
    assert published.loc[1, BANDS[:3]].tolist()[1:] == [40, 60]
    # ... but it holds an unknown number, maybe none, so it does not cover the 5 alone.
    assert published.loc[2, BANDS[:3]].isna().all() and published.loc[2, TOTAL] == 70


def test_inhabitants_is_the_total_without_an_attribute_grid() -> None:
    frame = pd.DataFrame(
        [[285, 39, 41, 26, 59, 49, 27, 28, 13, 3]], columns=["inhabitants", *BANDS]
    )
    hidden = _hidden(frame).iloc[0]
    assert hidden[BANDS[6:]].all() and not hidden[["inhabitants", *BANDS[:6]]].any()


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
    bands = np.where(
        kind == 0,
        0,
        np.where(kind == 1, rng.integers(1, 12, size=(n, 9)), rng.integers(10, 80, size=(n, 9))),
    ).astype(float)
    total = bands.sum(axis=1) + np.where(rng.random(n) < 0.2, rng.integers(1, 8, n), 0)
    bands[rng.random(n) < 0.05] = np.nan
    bands[rng.random((n, 9)) < 0.01] = np.nan
    return _cells(total.tolist(), bands.tolist())


def _feasible_ranges(
    original: pd.DataFrame, published: pd.DataFrame, min_count: int
) -> tuple[np.ndarray, np.ndarray]:
    """Lowest and highest value each blanked band can hold given the published row: the
    attacker model's intervals, computed band by band (NaN where a band is not blanked or the
    total is not shown).

    A small band holds ``1 .. m-1``, a complementary one ``m`` or more, a NULL one 0 or more;
    the hidden bands hold ``S`` = the total minus the shown bands, less a shortfall the
    onlooker may know: every ``S`` down to the hidden bands' stored sum is tried and the
    narrowest interval kept.
    """
    values, shown = original[BANDS].to_numpy(float), published[BANDS].to_numpy(float)
    hidden = np.isnan(shown)
    small = hidden & (values > 0) & (values < min_count)
    lower = np.where(small, 1.0, np.where(hidden & (values >= min_count), min_count, 0.0))
    upper = np.where(small, min_count - 1.0, np.inf)
    by_total = published[TOTAL].to_numpy(float) - np.nansum(shown, axis=1)
    stored = np.nansum(np.where(hidden, values, 0.0), axis=1)
    others_lower = np.where(hidden, lower, 0.0).sum(axis=1)[:, None] - lower
    bounded = np.where(hidden & np.isfinite(upper), upper, 0.0)
    unbounded_others = (hidden & np.isinf(upper)).sum(axis=1)[:, None] - (hidden & np.isinf(upper))
    others_upper = np.where(unbounded_others > 0, np.inf, bounded.sum(axis=1)[:, None] - bounded)
    lowest, highest = np.full(shown.shape, -np.inf), np.full(shown.shape, np.inf)
    for shortfall in range(8):
        held = np.fmax(by_total - shortfall, np.fmin(stored, by_total))[:, None]
        lowest = np.fmax(lowest, np.maximum(lower, held - others_upper))
        highest = np.fmin(highest, np.minimum(upper, held - others_lower))
    keep = small & ~np.isnan(by_total)[:, None]
    return np.where(keep, lowest, np.nan), np.where(keep, highest, np.nan)


@pytest.mark.parametrize(("seed", "min_count"), [(1, 10), (2, 10), (3, 5), (4, 20), (5, 3)])
def test_no_blanked_band_is_narrowed_by_what_is_shown(seed: int, min_count: int) -> None:
    original = _random_cells(np.random.default_rng(seed), 4000)
    published = suppress_small_counts(original, level="grid", min_count=min_count)
    values, shown = original[BANDS].to_numpy(float), published[BANDS].to_numpy(float)
    hidden = np.isnan(shown)
    # Primary rule: nothing in (0, min_count) is shown, shown values are the stored ones,
    # and zeros are never blanked.
    assert not ((shown > 0) & (shown < min_count)).any()
    assert np.array_equal(shown[~hidden], values[~hidden])
    assert not (hidden & (values == 0)).any()
    # Every small band under a shown total may still be anything from 1 to min_count - 1.
    lowest, highest = _feasible_ranges(original, published, min_count)
    checked = ~np.isnan(lowest)
    assert checked.sum() > 1000
    assert (lowest[checked] == 1).all() and (highest[checked] == min_count - 1).all()
    # A blanked total is never the sum of bands that are all shown.
    total = original[TOTAL].to_numpy(float)
    total_blanked = published[TOTAL].isna().to_numpy() & ~np.isnan(total) & ~hidden.any(axis=1)
    assert not (total[total_blanked] == np.nansum(shown[total_blanked], axis=1)).any()
    # The rule did blank something beyond the primary rule in these samples.
    primary = np.isnan(values) | ((values > 0) & (values < min_count))
    assert (hidden & ~primary).any()
    # Whatever order the columns come in, the same cells are blanked.
    shuffled = original[list(np.random.default_rng(seed).permutation(original.columns))]
    again = suppress_small_counts(shuffled, level="grid", min_count=min_count)
    pd.testing.assert_frame_equal(again[published.columns], published)


@pytest.mark.parametrize(("seed", "min_count"), [(6, 3), (7, 5), (8, 10)])
def test_knowing_the_rule_narrows_no_small_band(seed: int, min_count: int) -> None:
    # Brute force on random rows with few blanked bands: knowing how complements are
    # chosen and when they stop excludes no value 1..min_count-1 of a small band.
    rng = np.random.default_rng(seed)
    original = _random_cells(rng, 300)
    published = suppress_small_counts(original, level="grid", min_count=min_count)
    blanked = published[BANDS].isna() & original[BANDS].notna()
    rows = published.index[
        published[TOTAL].notna()
        & blanked.any(axis=1)
        & original[BANDS].notna().all(axis=1)
        & (blanked.sum(axis=1) <= 4)
    ]
    small = (original[BANDS] > 0) & (original[BANDS] < min_count)
    checked = 0
    for row in rows[:40]:
        possible = _possible(published.loc[row], original.loc[row], min_count)
        for band in small.columns[small.loc[row]]:
            assert possible[band] == list(range(1, min_count)), (row, band, possible)
            checked += 1
    assert checked > 20


def test_declared_counts_are_blanked_alone_and_only_at_fine_levels() -> None:
    frame = pd.DataFrame({"unit_id": ["a", "b", "c", "d"], "value": [0.0, 3.0, 10.0, None]})
    published = publish(frame, level="grid", min_count=10, counts=["value"])
    assert published["value"].isna().tolist() == [False, True, False, True]
    assert published.loc[0, "value"] == 0.0 and published.loc[2, "value"] == 10.0
    assert publish(frame, level="areas", min_count=10, counts=["value"]).equals(frame)
    assert counts_people("heat_hottest_decile_residents") and counts_people("age_20_29")
    assert not counts_people("heat_mean") and not counts_people("access_walk_nearest_1_school")
