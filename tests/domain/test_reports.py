"""The report's pure rules: lifecycle stages at their day thresholds, the points identity,
rates and the cost formulas of RULES.md O2 with the seed's own figures."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest

from app.domain import reports as r

LIMITS = r.StageThresholds()  # 180 / 365 / 730
DAY = date(2026, 2, 28)


@pytest.mark.parametrize(
    ("days", "stage"),
    [(0, "active"), (180, "active"), (181, "silent"), (365, "silent"), (366, "sleeping"),
     (730, "sleeping"), (731, "lost"), (5000, "lost")],
)  # fmt: skip
def test_stage_boundaries_follow_rules_s6(days, stage):
    assert r.lifecycle_stage(DAY - timedelta(days=days), DAY, LIMITS) == stage


def test_stage_cutoffs_agree_with_the_stage_rule():
    active_from, silent_from, sleeping_from = r.stage_cutoffs(DAY, LIMITS)
    assert active_from == date(2025, 9, 1)  # 180 days before 2026-02-28
    for last in (active_from, silent_from, sleeping_from):
        assert r.lifecycle_stage(last, DAY, LIMITS) != r.lifecycle_stage(
            last - timedelta(days=1), DAY, LIMITS
        )


def test_thresholds_must_grow():
    with pytest.raises(ValueError):
        r.StageThresholds(365, 180, 730)
    with pytest.raises(ValueError):
        r.StageThresholds(0, 1, 2)


def test_identity_difference():
    assert r.identity_difference(1001, 1664, 200, 100, 100, 30, 50, 2245) == 0
    assert r.identity_difference(1001, 1664, 200, 100, 100, -30, 50, 2245) == 60
    assert r.identity_difference(0, 0, 0, 0, 0, 0, 0, -7) == -7


def test_earn_groups_and_offsets():
    assert [r.earn_group(s) for s in ("initial", "service", "purchase", "sign_in", "share",
                                      "major_event", "new_binding", "goodwill")] == [
        "initial", "consumption", "consumption", "activity", "activity", "activity",
        "activity", "other"]  # fmt: skip
    assert r.is_offset("labour") and r.is_offset("parts") and not r.is_offset("redemption")


def test_ratio_and_median():
    assert r.ratio(1, 0) is None and r.ratio(3, 12) == Fraction(1, 4)
    assert r.median_hours([]) is None
    assert r.median_hours([3600, 7200 * 5, 7200]) == 2
    assert r.median_hours([3600, 7200]) == Fraction(3, 2)


def test_seed_cost_sheet_at_caps_and_at_expected_activity():
    lines = [
        r.ActivityLine("sign_in", 1, 365, 70),
        r.ActivityLine("share", 2, 384, 55),
        r.ActivityLine("major_event", 50, 500, 85),
    ]
    expected = [r.expected_points(line) for line in lines]
    assert expected == [Fraction(2555, 10), Fraction(2112, 10), 425]
    assert sum(line.year_cap for line in lines) == 1249
    assert sum(expected) == Fraction(8917, 10)
    # 1249 × 20 % × ¥0.1 = ¥24.98; 891.7 × 20 % × ¥0.1 = ¥17.834 → 1783 fen
    assert r.yearly_cost_fen(1249, 20, 10) == 2498
    assert r.yearly_cost_fen(sum(expected), 20, 10) == 1783
    assert r.expected_points(r.ActivityLine("birthday", 100, None, 50)) is None


def test_cost_of_points_and_accrual():
    # 300 used (¥30) + 20 % of 2245 outstanding (449 points, ¥44.90) at 10 points a yuan
    assert r.cost_of_points_fen(300, 2245, 20, 10) == 3000 + 4490
    # accrual: used value plus the change of the provision (1001 × 20 % = 200.2 points)
    assert r.accrued_cost_fen(300, 1001, 2245, 20, 10) == 3000 + 4490 - 2002
    assert r.points_value_fen(2245, 10) == 22450
    assert r.per_member_fen(1000, 3) == 333 and r.per_member_fen(5, 0) is None
