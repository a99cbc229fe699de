from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.points import (
    EarningPreview,
    EventRule,
    ExpiryPolicy,
    FixedCycle,
    InsufficientPoints,
    Lot,
    Rolling,
    Rounding,
    SpendRule,
    add_months,
    allocate_debit,
    apply_multiplier,
    available_balance,
    cycle_end,
    event_points,
    lot_expiry,
    points_for_fen,
    points_value_fen,
    preview_spend,
    reverse_credit,
    spend_points,
    starts_new_cycle,
)

D = date
TODAY = D(2025, 6, 15)
NEW_YEAR = D(2025, 1, 1)


def lot(lot_id: str, remaining: int, expires_on: date | None, earned_on: date = NEW_YEAR) -> Lot:
    return Lot(lot_id, remaining, expires_on, earned_on)


# --- allocation: examples ------------------------------------------------------------


def test_allocate_soonest_expiry_first_and_splits_last_lot():
    lots = [lot("late", 50, D(2026, 12, 31)), lot("soon", 30, D(2025, 12, 31))]
    assert allocate_debit(lots, 40, TODAY) == [("soon", 30), ("late", 10)]


def test_allocate_lot_usable_on_expiry_day_but_not_after():
    lots = [lot("a", 10, TODAY), lot("b", 10, D(2026, 1, 1))]
    assert allocate_debit(lots, 5, TODAY) == [("a", 5)]
    assert allocate_debit(lots, 5, TODAY + timedelta(days=1)) == [("b", 5)]


def test_allocate_ties_broken_by_earned_on_then_lot_id():
    exp = D(2025, 12, 31)
    lots = [
        lot("z", 5, exp, D(2025, 3, 1)),
        lot("b", 5, exp, D(2025, 2, 1)),
        lot("a", 5, exp, D(2025, 2, 1)),
    ]
    assert allocate_debit(lots, 15, TODAY) == [("a", 5), ("b", 5), ("z", 5)]


def test_allocate_not_started_lots_consumed_last_and_empty_lots_skipped():
    lots = [lot("pre", 100, None), lot("empty", 0, D(2025, 7, 1)), lot("dated", 10, D(2030, 1, 1))]
    assert allocate_debit(lots, 15, TODAY) == [("dated", 10), ("pre", 5)]


def test_allocate_insufficient_ignores_expired_points():
    lots = [lot("old", 100, D(2025, 1, 1)), lot("ok", 20, D(2026, 1, 1))]
    with pytest.raises(InsufficientPoints) as exc:
        allocate_debit(lots, 21, TODAY)
    assert (exc.value.available, exc.value.requested) == (20, 21)


@pytest.mark.parametrize("amount", [0, -5])
def test_allocate_rejects_non_positive_amount(amount):
    with pytest.raises(ValueError):
        allocate_debit([lot("a", 10, None)], amount, TODAY)


def test_available_balance_subtracts_holds_and_ignores_expired():
    lots = [lot("a", 30, D(2025, 6, 14)), lot("b", 20, TODAY), lot("c", 5, None)]
    assert available_balance(lots, 0, TODAY) == 25
    assert available_balance(lots, 10, TODAY) == 15
    assert available_balance(lots, 40, TODAY) == 0  # over-held after expiry: floored
    with pytest.raises(ValueError):
        available_balance(lots, -1, TODAY)


# --- allocation: properties ----------------------------------------------------------

dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))
lots_st = st.lists(
    st.builds(
        Lot,
        lot_id=st.text("abcdef", min_size=1, max_size=3),
        remaining=st.integers(-5, 200),
        expires_on=st.none() | dates,
        earned_on=dates,
    ),
    max_size=12,
    unique_by=lambda x: x.lot_id,
)


def _usable(x: Lot, as_of: date) -> bool:
    return x.remaining > 0 and (x.expires_on is None or as_of <= x.expires_on)


def _key(x: Lot):
    return (x.expires_on is None, x.expires_on or date.max, x.earned_on, x.lot_id)


@given(lots_st, dates, st.data())
def test_allocation_properties(lots, as_of, data):
    usable = [x for x in lots if _usable(x, as_of)]
    total = sum(x.remaining for x in usable)
    if total == 0:
        with pytest.raises(InsufficientPoints):
            allocate_debit(lots, 1, as_of)
        return
    amount = data.draw(st.integers(1, total))
    alloc = allocate_debit(lots, amount, as_of)
    taken = dict(alloc)
    by_id = {x.lot_id: x for x in lots}

    assert len(taken) == len(alloc)  # each lot at most once
    assert sum(taken.values()) == amount
    for lot_id, n in alloc:
        assert 0 < n <= by_id[lot_id].remaining
        assert _usable(by_id[lot_id], as_of)  # never an expired or empty lot
    # Soonest expiry first: a touched lot implies every earlier usable lot is drained.
    for lot_id in taken:
        for other in usable:
            if _key(other) < _key(by_id[lot_id]):
                assert taken.get(other.lot_id) == other.remaining


@given(lots_st, dates)
def test_allocation_raises_when_over_available(lots, as_of):
    total = sum(x.remaining for x in lots if _usable(x, as_of))
    with pytest.raises(InsufficientPoints) as exc:
        allocate_debit(lots, total + 1, as_of)
    assert exc.value.available == total


@given(lots_st, dates, st.data())
def test_available_balance_non_negative_and_exact(lots, as_of, data):
    usable = sum(x.remaining for x in lots if _usable(x, as_of))
    holds = data.draw(st.integers(0, usable))
    assert available_balance(lots, holds, as_of) == usable - holds >= 0


# --- expiry policies -----------------------------------------------------------------


def test_add_months_clamps_day_and_handles_leap_years():
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert add_months(D(2025, 8, 31), 1) == D(2025, 9, 30)
    assert add_months(D(2025, 11, 15), 3) == D(2026, 2, 15)


def test_fixed_cycle_two_years_seed_example():
    policy = FixedCycle(2)
    assert cycle_end(policy, D(2025, 3, 10)) == D(2026, 12, 31)
    # First credit opens the cycle; later credits in it share the same end.
    assert lot_expiry(policy, D(2025, 3, 10), None, None) == D(2026, 12, 31)
    assert lot_expiry(policy, D(2026, 12, 31), D(2025, 3, 10), None) == D(2026, 12, 31)
    # The first credit after the cycle ended starts a new one.
    assert lot_expiry(policy, D(2027, 1, 5), D(2025, 3, 10), None) == D(2028, 12, 31)


def test_fixed_cycle_one_year_ends_same_year():
    assert lot_expiry(FixedCycle(1), D(2024, 12, 31), None, None) == D(2024, 12, 31)


def test_starts_new_cycle():
    policy = FixedCycle(2)
    assert starts_new_cycle(policy, None, D(2025, 1, 1))
    assert not starts_new_cycle(policy, D(2025, 3, 10), D(2026, 12, 31))
    assert starts_new_cycle(policy, D(2025, 3, 10), D(2027, 1, 1))


def test_fixed_cycle_after_activation_keeps_the_running_cycle():
    """A member activated before the current cycle began: later credits join that cycle."""
    # Cycle opened 2025-03-10 (after activation on 2025-02-01) ends 2026-12-31.
    assert lot_expiry(FixedCycle(2), D(2026, 5, 1), D(2025, 3, 10), D(2025, 2, 1)) == D(
        2026, 12, 31
    )
    assert lot_expiry(FixedCycle(2), D(2026, 12, 31), D(2025, 3, 10), D(2025, 2, 1)) == D(
        2026, 12, 31
    )
    assert lot_expiry(FixedCycle(2), D(2027, 1, 1), D(2025, 3, 10), D(2025, 2, 1)) == D(
        2028, 12, 31
    )


def test_fixed_cycle_anchor_moves_to_activation():
    """Points earned before activation opened a cycle on 2024-03-10; activation on 2025-02-01
    starts the cycle anew, so a credit in 2025 lasts to the end of 2026, not 2025."""
    assert lot_expiry(FixedCycle(2), D(2025, 5, 1), D(2024, 3, 10), D(2025, 2, 1)) == D(
        2026, 12, 31
    )
    assert lot_expiry(FixedCycle(1), D(2025, 5, 1), D(2024, 3, 10), D(2025, 2, 1)) == D(
        2025, 12, 31
    )


def test_fixed_cycle_counts_from_activation_for_pre_registered_member():
    # Points earned before activation in 2025; activation on 2026-02-01 opens the cycle.
    assert lot_expiry(FixedCycle(2), D(2025, 5, 1), None, D(2026, 2, 1)) == D(2027, 12, 31)
    assert lot_expiry(FixedCycle(2), D(2025, 5, 1), D(2025, 5, 1), D(2026, 2, 1)) == D(2027, 12, 31)


def test_rolling_expiry_examples():
    assert lot_expiry(Rolling(1), D(2025, 1, 31), None, None) == D(2025, 2, 28)
    assert lot_expiry(Rolling(1), D(2024, 1, 31), None, None) == D(2024, 2, 29)
    assert lot_expiry(Rolling(12), D(2025, 3, 10), None, None) == D(2026, 3, 10)
    assert lot_expiry(Rolling(12, round_to_month_end=True), D(2025, 3, 10), None, None) == D(
        2026, 3, 31
    )
    # Pre-registered: validity counts from activation, not from the earn date.
    assert lot_expiry(Rolling(6), D(2025, 1, 10), None, D(2025, 4, 30)) == D(2025, 10, 30)
    # Activation before the earn date changes nothing.
    assert lot_expiry(Rolling(6), D(2025, 5, 10), None, D(2025, 4, 30)) == D(2025, 11, 10)


@pytest.mark.parametrize("bad", [lambda: FixedCycle(0), lambda: Rolling(0)])
def test_policies_reject_non_positive_periods(bad):
    with pytest.raises(ValueError):
        bad()


policies = st.builds(FixedCycle, st.integers(1, 5)) | st.builds(
    Rolling, st.integers(1, 60), st.booleans()
)


@given(policies, dates, st.none() | dates, st.none() | dates)
def test_lot_expiry_never_before_earned_on(policy, earned_on, cycle_start, validity_start):
    expiry = lot_expiry(policy, earned_on, cycle_start, validity_start)
    assert expiry >= earned_on
    if validity_start is not None:
        assert expiry >= validity_start


@given(st.builds(Rolling, st.integers(1, 60), st.booleans()), dates, dates, st.none() | dates)
def test_rolling_expiry_monotonic_in_earned_on(policy, d1, d2, validity_start):
    d1, d2 = sorted((d1, d2))
    assert lot_expiry(policy, d1, None, validity_start) <= lot_expiry(
        policy, d2, None, validity_start
    )


# --- earning rules -------------------------------------------------------------------

PER_1000_YUAN = SpendRule(1, 100_000, "floor")


def test_spend_points_one_point_per_thousand_yuan():
    assert spend_points(PER_1000_YUAN, 100_000) == 1  # 1,000 yuan
    assert spend_points(PER_1000_YUAN, 99_999) == 0
    assert spend_points(PER_1000_YUAN, 258_000_00) == 258  # 258,000 yuan car
    assert spend_points(PER_1000_YUAN, 0) == 0


def test_spend_points_round_half_up():
    rule = SpendRule(1, 100_000, "round_half_up")
    assert spend_points(rule, 49_999) == 0
    assert spend_points(rule, 50_000) == 1  # exactly half rounds up
    assert spend_points(rule, 149_999) == 1
    assert spend_points(rule, 150_000) == 2


def test_spend_rule_validation():
    with pytest.raises(ValueError):
        SpendRule(1, 0, "floor")
    with pytest.raises(ValueError):
        SpendRule(1, 100, "ceil")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        spend_points(PER_1000_YUAN, -1)


spend_rules = st.builds(
    SpendRule,
    st.integers(0, 100),
    st.integers(1, 10_000_000),
    st.sampled_from(["floor", "round_half_up"]),
)
fen = st.integers(0, 10**12)


@given(spend_rules, fen, fen)
def test_spend_points_monotonic(rule, a, b):
    a, b = sorted((a, b))
    assert spend_points(rule, a) <= spend_points(rule, b)


@given(spend_rules, fen)
def test_spend_points_exact(rule, amount):
    # Compare with exact rational arithmetic: floor, or nearest with halves up.
    exact = Fraction(amount * rule.points_per_unit, rule.unit_fen)
    points = spend_points(rule, amount)
    if rule.rounding == "floor":
        assert points <= exact < points + 1
    else:
        assert points - Fraction(1, 2) <= exact < points + Fraction(1, 2)


def _earn_all(rule: EventRule, attempts: int, per_day: int = 1) -> int:
    """Points earned over ``attempts`` tries, ``per_day`` tries a day, from year start."""
    day = month = year = 0
    for i in range(attempts):
        if i % per_day == 0:
            day = 0
        earned = event_points(rule, day, month, year)
        day, month, year = day + earned, month + earned, year + earned
    return year


def test_daily_sign_in_one_a_day_365_a_year():
    sign_in = EventRule("sign_in", 1, cap_per_day=1, cap_per_month=None, cap_per_year=365)
    assert event_points(sign_in, 0, 0, 0) == 1
    assert event_points(sign_in, 1, 1, 1) == 0  # second sign-in the same day
    assert _earn_all(sign_in, 366 * 3, per_day=3) == 365  # leap year still capped at 365


def test_share_384_a_year():
    share = EventRule("share", 2, None, None, cap_per_year=384)
    assert _earn_all(share, 1000) == 384
    assert event_points(share, 0, 0, 382) == 2
    assert event_points(share, 0, 0, 383) == 0  # all or nothing: never a partial 1


def test_major_event_ten_times_fifty_a_year():
    major = EventRule("major_event", 50, None, None, cap_per_year=500)
    assert _earn_all(major, 20) == 500
    assert event_points(major, 0, 0, 450) == 50
    assert event_points(major, 0, 0, 451) == 0


def test_event_monthly_cap_and_uncapped():
    monthly = EventRule("review", 5, None, cap_per_month=10, cap_per_year=None)
    assert event_points(monthly, 0, 5, 500) == 5
    assert event_points(monthly, 0, 10, 500) == 0
    assert event_points(EventRule("x", 3), 10**6, 10**6, 10**6) == 3


def test_apply_multiplier_floors():
    assert apply_multiplier(258, 1000) == 258
    assert apply_multiplier(258, 1500) == 387
    assert apply_multiplier(7, 1250) == 8  # 8.75 floored
    with pytest.raises(ValueError):
        apply_multiplier(10, -1)


# --- preview -------------------------------------------------------------------------


def test_preview_spend_with_tier_bonus():
    assert preview_spend(PER_1000_YUAN, 258_000_00, 1500) == EarningPreview(
        base_points=258,
        multiplier_permille=1500,
        bonus_points=129,
        total_points=387,
        lines=[("Base points", 258), ("Tier bonus", 129), ("Total", 387)],
    )


def test_preview_spend_without_bonus_omits_bonus_line():
    p = preview_spend(PER_1000_YUAN, 100_000)
    assert (p.base_points, p.bonus_points, p.total_points) == (1, 0, 1)
    assert p.lines == [("Base points", 1), ("Total", 1)]


@given(spend_rules, fen, st.integers(0, 5000))
def test_preview_lines_add_up(rule, amount, multiplier):
    p = preview_spend(rule, amount, multiplier)
    assert p.base_points + p.bonus_points == p.total_points
    assert sum(n for label, n in p.lines if label != "Total") == p.total_points


# --- points value --------------------------------------------------------------------


def test_ten_points_are_one_yuan():
    assert points_value_fen(10) == 100
    assert points_value_fen(5, points_per_yuan=1) == 500
    assert points_for_fen(500, points_per_yuan=1) == 5
    assert points_value_fen(1) == 10
    assert points_for_fen(100) == 10
    assert points_for_fen(105) == 11  # 1.05 yuan needs 10.5 -> 11 whole points
    assert points_for_fen(0) == 0
    assert points_value_fen(1, points_per_yuan=3) == 33  # floored, never over-pays


@given(st.integers(0, 10**9), st.integers(1, 1000))
def test_points_for_fen_is_smallest_cover(amount, per_yuan):
    points = points_for_fen(amount, per_yuan)
    assert points * 100 >= amount * per_yuan  # covers the amount exactly in fen terms
    assert points == 0 or (points - 1) * 100 < amount * per_yuan  # and is the minimum


# --- refund reversal -----------------------------------------------------------------


def test_reverse_credit():
    assert reverse_credit(100, 100) == (100, 0)  # untouched lot
    assert reverse_credit(100, 30) == (30, 70)  # 70 already spent
    assert reverse_credit(100, 0) == (0, 100)
    with pytest.raises(ValueError):
        reverse_credit(100, 101)
    with pytest.raises(ValueError):
        reverse_credit(100, -1)


# --- refusals and their messages -----------------------------------------------------


def refusal(call, *args) -> str:
    with pytest.raises(ValueError) as error:
        call(*args)
    return str(error.value)


def test_points_for_fen_refuses_a_negative_amount_or_rate():
    assert refusal(points_for_fen, -500) == "amount_fen must be >= 0 and points_per_yuan > 0"
    assert refusal(points_for_fen, -1, 10) == "amount_fen must be >= 0 and points_per_yuan > 0"
    assert refusal(points_for_fen, 100, 0) == "amount_fen must be >= 0 and points_per_yuan > 0"
    assert refusal(points_for_fen, 100, -10) == "amount_fen must be >= 0 and points_per_yuan > 0"
    assert points_for_fen(1) == 1  # a single fen still needs a whole point


def test_points_value_refuses_negative_points_or_rate():
    assert refusal(points_value_fen, -1) == "points must be >= 0 and points_per_yuan > 0"
    assert refusal(points_value_fen, 10, 0) == "points must be >= 0 and points_per_yuan > 0"
    assert refusal(points_value_fen, 10, -1) == "points must be >= 0 and points_per_yuan > 0"
    assert points_value_fen(0) == 0


def test_refusal_messages():
    assert refusal(allocate_debit, [], 0, TODAY) == "debit amount must be positive, got 0"
    assert refusal(available_balance, [], -1, TODAY) == "holds_total must be >= 0, got -1"
    assert refusal(FixedCycle, 0) == "FixedCycle.years must be >= 1, got 0"
    assert refusal(Rolling, 0) == "Rolling.months must be >= 1, got 0"
    needs = "SpendRule needs unit_fen > 0 and points_per_unit >= 0"
    assert refusal(SpendRule, 1, 0) == needs
    assert refusal(SpendRule, 1, -100) == needs
    assert refusal(SpendRule, -1, 100) == needs
    assert refusal(SpendRule, 1, 100, "ceil") == "unknown rounding 'ceil'"
    assert refusal(spend_points, PER_1000_YUAN, -1) == (
        "amount_fen must be >= 0; refunds go through reverse_credit"
    )
    assert refusal(apply_multiplier, 10, -1) == "multiplier_permille must be >= 0, got -1"
    assert refusal(reverse_credit, 100, 101) == "need 0 <= lot_remaining <= original_points"
    assert refusal(reverse_credit, -1, 0) == "need 0 <= lot_remaining <= original_points"


def test_insufficient_points_message():
    error = InsufficientPoints(20, 21)
    assert str(error) == "insufficient points: available 20, requested 21"


def test_boundaries_that_are_allowed():
    assert SpendRule(0, 1).points_per_unit == 0  # a rule may earn nothing
    assert spend_points(SpendRule(0, 1), 500) == 0
    assert FixedCycle(1).years == 1 and Rolling(1).months == 1
    assert available_balance([lot("a", 5, None)], 5, TODAY) == 0
    assert apply_multiplier(10, 0) == 0
    assert reverse_credit(0, 0) == (0, 0)


# --- the multiplier is in permille ---------------------------------------------------


def test_multiplier_of_1000_permille_is_times_one():
    assert apply_multiplier(1000, 1000) == 1000
    assert apply_multiplier(1, 1000) == 1
    assert apply_multiplier(999, 1001) == 999  # 999.999 floored
    assert apply_multiplier(1000, 999) == 999
    assert apply_multiplier(1, 999) == 0
    assert preview_spend(PER_1000_YUAN, 100_000).multiplier_permille == 1000  # default x1.0


# --- the small value types -----------------------------------------------------------


def test_type_aliases():
    assert get_args(Rounding) == ("floor", "round_half_up")
    for rounding in get_args(Rounding):  # the type and the check accept the same values
        assert SpendRule(1, 100, rounding).rounding == rounding
    assert isinstance(FixedCycle(1), ExpiryPolicy) and isinstance(Rolling(1), ExpiryPolicy)
    assert not isinstance(SpendRule(1, 100), ExpiryPolicy)


def test_rule_and_policy_defaults():
    assert SpendRule(1, 100).rounding == "floor"
    assert Rolling(3).round_to_month_end is False
    rule = EventRule("x", 1)
    assert (rule.cap_per_day, rule.cap_per_month, rule.cap_per_year) == (None, None, None)
    assert EarningPreview(1, 1000, 0, 1).lines == []


@pytest.mark.parametrize(
    "value",
    [
        Lot("a", 1, None, TODAY),
        FixedCycle(1),
        Rolling(1),
        SpendRule(1, 100),
        EventRule("x", 1),
        EarningPreview(1, 1000, 0, 1),
    ],
    ids=lambda v: type(v).__name__,
)
def test_value_types_are_immutable(value):
    name = next(iter(value.__dataclass_fields__))
    with pytest.raises(AttributeError):  # dataclasses.FrozenInstanceError
        setattr(value, name, getattr(value, name))


def test_the_stored_codes_of_the_ledger():
    from app.domain.points import Currency, EntryKind, HoldStatus

    assert [c.value for c in Currency] == ["points", "qualifying"]
    assert [k.value for k in EntryKind] == ["earn", "redeem", "adjust", "reverse", "expire"]
    assert [s.value for s in HoldStatus] == ["active", "posted", "released", "timed_out"]
