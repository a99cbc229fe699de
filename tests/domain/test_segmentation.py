"""The pure segmentation rules: percentile ranks, terciles, cells, the migration matrix and
the dates of a quarterly run."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import segmentation as rules
from app.domain.segmentation import Level

values = st.lists(st.one_of(st.none(), st.integers(0, 50)), min_size=1, max_size=40)


@given(values, st.booleans())
def test_percentile_ranks_lie_in_zero_one_and_the_best_scores_one(vs, fewer):
    ranks = rules.percentile_ranks(vs, fewer)
    assert all(0 < r <= 1 for r in ranks)
    assert max(ranks) == 1


@given(values, st.booleans())
def test_percentile_ranks_are_monotone_in_the_direction(vs, fewer):
    ranks = rules.percentile_ranks(vs, fewer)
    for i, a in enumerate(vs):
        for j, b in enumerate(vs):
            if a is None and b is not None:
                assert ranks[i] < ranks[j]  # no service is worse than any value
            elif a is not None and b is not None and (a < b if not fewer else a > b):
                assert ranks[i] < ranks[j]
            elif a == b:
                assert ranks[i] == ranks[j]


def test_percentile_ranks_by_hand():
    assert rules.percentile_ranks([3, 1, 0, 0]) == [1.0, 0.75, 0.5, 0.5]
    assert rules.percentile_ranks([0, 1, 2, 0], fewer_is_better=True) == [1.0, 0.5, 0.25, 1.0]
    assert rules.percentile_ranks([30, 213, None, 11], True) == [0.75, 0.5, 0.25, 1.0]


def test_cells_are_numbered_row_major_from_high_high():
    assert rules.cell_of(Level.HIGH, Level.HIGH) == 1
    assert rules.cell_of(Level.HIGH, Level.LOW) == 3
    assert rules.cell_of(Level.MIDDLE, Level.HIGH) == 4
    assert rules.cell_of(Level.LOW, Level.LOW) == 9
    for cell in rules.CELLS:
        assert rules.cell_of(*rules.levels_of(cell)) == cell
    assert rules.cell_label(1) == "高情感·高物质"
    assert rules.cell_label(8) == "低情感·中物质"
    assert rules.cell_label(6, "en") == "Y middle · X low"
    with pytest.raises(ValueError):
        rules.levels_of(0)


def test_tercile_levels_and_cut_offs():
    # nine distinct scores: three in each level
    levels = [rules.level_of(below, 9) for below in range(9)]
    assert levels == [Level.LOW] * 3 + [Level.MIDDLE] * 3 + [Level.HIGH] * 3
    assert rules.tercile_cutoffs([10, 20, 30, 40, 50, 60, 70, 80, 90]) == (40, 70)
    assert rules.tercile_cutoffs([5, 5, 5]) == (None, None)  # all tied: all low
    assert rules.level_of(1, 4) == Level.LOW and rules.level_of(2, 4) == Level.MIDDLE


@given(st.lists(st.integers(0, 1_400_000), min_size=1, max_size=60))
def test_terciles_keep_ties_together_and_order(scores):
    n = len(scores)
    levels = [rules.level_of(sum(1 for s in scores if s < mine), n) for mine in scores]
    for i in range(n):
        for j in range(n):
            if scores[i] == scores[j]:
                assert levels[i] == levels[j]
            if scores[i] < scores[j]:
                assert levels[i] >= levels[j]  # Level.LOW is the largest number


pairs = st.lists(
    st.tuples(
        st.integers(1, 1000),
        st.one_of(st.none(), st.integers(1, 9)),
        st.one_of(st.none(), st.integers(1, 9)),
    ),
    max_size=80,
)


@given(pairs)
def test_migration_rows_sum_to_one_hundred_percent(ps):
    matrix = rules.migration_matrix(ps)
    for previous in rules.CELLS:
        shares = [matrix.share(previous, current) for current in rules.CELLS]
        if matrix.row_total(previous) == 0:
            assert all(share is None for share in shares)
            continue
        total = sum(shares) + matrix.left_share(previous)
        assert total == pytest.approx(100.0)
    assert sum(map(sum, matrix.counts)) + sum(matrix.new) + sum(matrix.left) == sum(
        1 for _, p, c in ps if p or c
    )


def test_migration_by_hand():
    matrix = rules.migration_matrix(
        [(1, 1, 1), (2, 1, 2), (3, 1, None), (4, None, 5), (5, 9, 9), (6, None, None)]
    )
    assert matrix.counts[0][:2] == (1, 1) and matrix.counts[8][8] == 1
    assert matrix.left[0] == 1 and matrix.new[4] == 1
    assert matrix.share(1, 2) == pytest.approx(100 / 3)
    assert matrix.left_share(1) == pytest.approx(100 / 3)


def test_reference_scores_with_bonuses():
    data = [
        rules.MemberData(1, dict.fromkeys(rules.SCORED, 1), {"Y5": True, "Y6": True}),
        rules.MemberData(2, dict.fromkeys(rules.SCORED, 1), {"Y5": False, "Y6": False}),
    ]
    first, second = rules.reference_scores(data, rules.Weights())
    # tied on every variable (fewer-is-better too): every score 1; Y adds 0.4 of bonuses
    assert (first.y, first.x) == (1_400_000, 1_000_000)
    assert (second.y, second.x) == (1_000_000, 1_000_000)
    # Y: the 2nd is low (none below), the 1st middle (3·1 < 2·2); X all tied: low
    assert (first.cell, second.cell) == (6, 9)


def test_weights_are_checked():
    assert rules.weights_problem(rules.DEFAULT_WEIGHTS, rules.DEFAULT_DIRECTIONS) == ""
    assert rules.weights_problem({"Y1": 0.35}, {}) == "variables"
    assert rules.weights_problem(dict(rules.DEFAULT_WEIGHTS, Y1=0.3555), {}) == "range"
    assert rules.weights_problem(dict(rules.DEFAULT_WEIGHTS, Y1=True), {}) == "number"
    assert rules.weights_problem(rules.DEFAULT_WEIGHTS, {"Y4": "less"}) == "direction"


def test_quarter_ends_and_windows():
    assert rules.quarter_end_on_or_before(date(2026, 3, 1)) == date(2025, 12, 31)
    assert rules.quarter_end_on_or_before(date(2026, 6, 30)) == date(2026, 6, 30)
    assert rules.quarter_end_on_or_before(date(2026, 11, 15)) == date(2026, 9, 30)
    assert rules.is_quarter_end(date(2026, 9, 30)) and not rules.is_quarter_end(date(2026, 9, 29))
    assert rules.window_start(date(2025, 12, 31), 12) == date(2025, 1, 1)
    assert rules.window_start(date(2026, 9, 30), 12) == date(2025, 10, 1)
    assert rules.window_start(date(2026, 6, 30), 6) == date(2026, 1, 1)
    assert rules.window_start(date(2026, 2, 28), 1) == date(2026, 2, 1)
    assert rules.window_start(date(2026, 3, 15), 1) == date(2026, 2, 16)


@given(st.dates(date(2000, 1, 1), date(2090, 1, 1)))
def test_the_quarter_end_is_never_after_the_day_and_within_a_quarter(day):
    end = rules.quarter_end_on_or_before(day)
    assert end <= day < end + timedelta(days=93)
    assert rules.is_quarter_end(end)
    assert (end + timedelta(days=1)).day == 1 and end.month in (3, 6, 9, 12)
