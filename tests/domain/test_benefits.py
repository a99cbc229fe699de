"""Pure benefit rules (issue 13): prices, voucher codes, the periods limits and quotas count
in, and when a member may have an item now (each refusal, in order, at its boundaries)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import luhn

from app.domain import benefits as rules
from app.domain.benefits import (
    CODE_ALPHABET,
    CODE_LENGTH,
    REFUSAL_TEXT,
    Availability,
    Category,
    Channel,
    Entitlement,
    ItemStatus,
    ItemTerms,
    LimitPeriod,
    MemberTerms,
    QuotaPeriod,
    Refusal,
    Source,
    VoucherStatus,
    Window,
    availability,
    default_points_price,
    format_code,
    is_valid_code,
    limit_window,
    new_voucher_code,
    normalize_code,
    quota_window,
    voucher_expires_on,
)

D = date
TODAY = D(2026, 3, 15)
KNOWN = "7KQ2M9XD3HPTW8R4"  # a valid code: body 7KQ2M9XD3HPTW8R, Luhn mod 32 check 4

days = st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31))
valid_codes = st.builds(lambda _n: new_voucher_code(), st.integers())


# --- what is stored -----------------------------------------------------------------------------


def test_enum_values_are_the_stored_words():
    assert [c.value for c in Channel] == ["redemption", "tier", "other"]
    assert [s.value for s in Source] == ["brand", "dealer", "partner", "custom"]
    assert [c.value for c in Category] == ["vehicle_service", "voucher", "merchandise", "custom"]
    assert [s.value for s in ItemStatus] == ["draft", "listed", "delisted"]
    assert [s.value for s in VoucherStatus] == ["issued", "used", "cancelled", "expired"]
    assert [p.value for p in LimitPeriod] == ["total", "month", "year"]
    assert [p.value for p in QuotaPeriod] == ["validity", "year"]
    assert [r.value for r in Refusal] == [
        "member_inactive", "not_listed", "not_yet", "ended", "tier", "not_set", "quota_used",
        "limit_reached", "out_of_stock", "not_enough_points",
    ]  # fmt: skip


def test_the_documented_limits():
    assert (rules.MAX_CODE_LENGTH, rules.MAX_NAME, rules.MAX_DESCRIPTION) == (20, 100, 2000)
    assert (rules.MAX_STOCK, rules.MAX_LIMIT, rules.MAX_VOUCHER_DAYS) == (10_000_000, 1000, 3650)
    assert (rules.MAX_PICTURE_BYTES, rules.DEFAULT_VOUCHER_DAYS) == (1_000_000, 90)
    assert (rules.CODE_RANDOM_CHARS, CODE_LENGTH) == (15, 16)
    assert CODE_LENGTH <= rules.MAX_CODE_LENGTH  # a voucher code fits the code columns


# --- prices -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fen", "per_yuan", "points"),
    [
        (8_000, 10, 800),  # ¥80 at 10 points a yuan
        (0, 10, 0),
        (1, 10, 1),  # 0.1 point: rounded up
        (9, 10, 1),
        (10, 10, 1),
        (11, 10, 2),
        (199, 10, 20),  # 19.9 points
        (150, 1, 2),  # 1.5 points
        (100, 1, 1),
        (20_000_00, 10, 200_000),
        (333, 3, 10),  # 9.99 points
    ],
)
def test_default_price_is_the_value_at_the_points_value_rounded_up(fen, per_yuan, points):
    assert default_points_price(fen, per_yuan) == points


@given(st.integers(0, 10**10), st.integers(1, 1000))
def test_default_price_is_the_smallest_whole_point_covering_the_value(fen, per_yuan):
    price = default_points_price(fen, per_yuan)
    assert price * 100 >= fen * per_yuan > (price - 1) * 100


# --- voucher codes ------------------------------------------------------------------------------


def test_the_alphabet_has_no_letters_read_as_others():
    assert len(CODE_ALPHABET) == len(set(CODE_ALPHABET)) == 32
    assert CODE_ALPHABET == "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    assert not set("ILOU") & set(CODE_ALPHABET)


def test_a_known_code_checks():
    assert is_valid_code(KNOWN)
    assert luhn.calc_check_digit(KNOWN[:-1], alphabet=CODE_ALPHABET) == KNOWN[-1]


@given(valid_codes)
def test_new_codes_are_valid(code):
    assert len(code) == CODE_LENGTH == 16
    assert set(code) <= set(CODE_ALPHABET)
    assert is_valid_code(code)
    assert luhn.is_valid(code, alphabet=CODE_ALPHABET)
    assert normalize_code(code) == code


def test_new_codes_are_random():
    codes = {new_voucher_code() for _ in range(200)}
    assert len(codes) == 200
    assert {c for code in codes for c in code} == set(CODE_ALPHABET)  # every character is used


@given(valid_codes, st.integers(0, CODE_LENGTH - 1), st.sampled_from(CODE_ALPHABET))
def test_any_one_mistyped_character_is_caught(code, position, char):
    typed = code[:position] + char + code[position + 1 :]
    assert is_valid_code(typed) == (typed == code)


@given(valid_codes, st.integers(0, CODE_LENGTH - 1), st.sampled_from("ILOUilou*#éa- "))
def test_a_character_outside_the_alphabet_is_refused(code, position, char):
    assert not is_valid_code(code[:position] + char + code[position + 1 :])


def _checked(body: str) -> str:
    return body + luhn.calc_check_digit(body, alphabet=CODE_ALPHABET)


def test_only_codes_of_the_right_length_are_valid():
    assert is_valid_code(_checked("7KQ2M9XD3HPTW8R"))
    assert not is_valid_code(_checked("7KQ2M9XD3HPTW8"))  # a check character, but too short
    assert not is_valid_code(_checked("7KQ2M9XD3HPTW8RF"))  # and too long
    assert not is_valid_code("")
    assert not is_valid_code(KNOWN.lower())  # stored codes are upper case


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (" 7kq2-m9xd 3hpt-w8r4 ", "7KQ2M9XD3HPTW8R4"),
        ("7KQ2-M9XD-3HPT-W8R4", "7KQ2M9XD3HPTW8R4"),
        ("7kq2 m9xd 3hpt w8r4", "7KQ2M9XD3HPTW8R4"),
        ("o1Oi-IlL0", "01011110"),  # O → 0, I and L → 1
        ("\t0o-\n", "00"),
        ("  ", ""),
        ("U", "U"),  # not read as anything: refused by the check
    ],
)
def test_normalize_code_reads_what_was_typed(typed, stored):
    assert normalize_code(typed) == stored


@given(valid_codes, st.lists(st.sampled_from(["-", " ", "lower", "O", "I", "L"]), max_size=6))
def test_a_code_typed_sloppily_reads_back(code, sloppiness):
    typed = code
    for n, how in enumerate(sloppiness):
        at = n * 3 % len(typed)
        if how == "lower":
            typed = typed.lower()
        elif how in "- ":
            typed = typed[:at] + how + typed[at:]
        elif how == "O":
            typed = typed.replace("0", "O")
        else:
            typed = typed.replace("1", how)
    assert normalize_code(f" {typed} ") == code


def test_format_code_groups_by_four():
    assert format_code(KNOWN) == "7KQ2-M9XD-3HPT-W8R4"
    assert format_code("ABCDEF") == "ABCD-EF"
    assert format_code("ABCD") == "ABCD"
    assert format_code("") == ""


@given(valid_codes)
def test_a_formatted_code_reads_back(code):
    shown = format_code(code)
    assert len(shown) == 19 and shown.count("-") == 3
    assert normalize_code(shown) == code and normalize_code(shown.lower()) == code


@given(days, st.integers(1, rules.MAX_VOUCHER_DAYS))
def test_a_voucher_is_valid_for_its_days_counting_the_first(day, validity):
    last = voucher_expires_on(day, validity)
    assert (last - day).days + 1 == validity


def test_voucher_expires_on_examples():
    assert voucher_expires_on(D(2026, 3, 1), 1) == D(2026, 3, 1)
    assert voucher_expires_on(D(2026, 3, 1), 90) == D(2026, 5, 29)
    assert voucher_expires_on(D(2024, 2, 28), 2) == D(2024, 2, 29)  # leap day


# --- periods ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "start", "end"),
    [
        (D(2024, 2, 10), D(2024, 2, 1), D(2024, 2, 29)),  # leap year
        (D(2023, 2, 28), D(2023, 2, 1), D(2023, 2, 28)),
        (D(2100, 2, 1), D(2100, 2, 1), D(2100, 2, 28)),  # not a leap year
        (D(2026, 1, 31), D(2026, 1, 1), D(2026, 1, 31)),
        (D(2026, 4, 1), D(2026, 4, 1), D(2026, 4, 30)),
        (D(2026, 12, 31), D(2026, 12, 1), D(2026, 12, 31)),  # into the next year
    ],
)
def test_a_monthly_limit_counts_the_calendar_month(today, start, end):
    assert limit_window(LimitPeriod.MONTH, today) == Window(start, end)


@given(days)
def test_the_month_holds_today_and_ends_the_day_before_the_next(today):
    window = limit_window(LimitPeriod.MONTH, today)
    assert window.start is not None and window.end is not None
    assert window.start <= today <= window.end
    assert window.start.day == 1 and window.start.month == today.month
    assert (window.end + timedelta(days=1)).day == 1
    assert window.end.month == today.month


@given(days)
def test_a_yearly_limit_counts_the_calendar_year(today):
    assert limit_window(LimitPeriod.YEAR, today) == Window(
        D(today.year, 1, 1), D(today.year, 12, 31)
    )


def test_a_total_limit_counts_for_ever():
    assert limit_window(LimitPeriod.TOTAL, TODAY) == Window(None, None)


def test_a_quota_counts_in_the_tier_validity_period():
    start, until = D(2025, 7, 10), D(2026, 7, 9)
    assert quota_window(QuotaPeriod.VALIDITY, TODAY, start, until) == Window(start, until)
    assert quota_window(QuotaPeriod.VALIDITY, TODAY, None, until) == Window(None, until)


def test_the_base_tier_without_validity_counts_per_calendar_year():
    assert quota_window(QuotaPeriod.VALIDITY, TODAY, None, None) == Window(
        D(2026, 1, 1), D(2026, 12, 31)
    )
    assert quota_window(QuotaPeriod.VALIDITY, D(2024, 2, 29), D(2020, 1, 1), None) == Window(
        D(2024, 1, 1), D(2024, 12, 31)
    )


def test_a_yearly_quota_ignores_the_validity_period():
    assert quota_window(QuotaPeriod.YEAR, TODAY, D(2025, 7, 10), D(2026, 7, 9)) == Window(
        D(2026, 1, 1), D(2026, 12, 31)
    )


# --- may the member have it now? ----------------------------------------------------------------

ITEM = ItemTerms(
    channel=Channel.REDEMPTION, status=ItemStatus.LISTED, points_price=500, stock=3,
    eligible_tiers=frozenset(), valid_from=None, valid_to=None, limit_per_member=None,
    limit_period=LimitPeriod.TOTAL,
)  # fmt: skip
MEMBER = MemberTerms(active=True, tier_code="gold", tier_name="金卡", available_points=800)
WINDOW = Window(D(2026, 1, 1), D(2026, 12, 31))


def item(**changes) -> ItemTerms:
    return dataclasses.replace(ITEM, **changes)


def member(**changes) -> MemberTerms:
    return dataclasses.replace(MEMBER, **changes)


def test_a_member_may_have_an_item_that_nothing_stands_against():
    verdict = availability(ITEM, MEMBER, TODAY, used=0)
    assert verdict == Availability(None, {}, 500, None, 0)
    assert verdict.ok and verdict.refusal is None


# Everything wrong at once; each step puts one thing right and the next refusal shows.
ALL_WRONG = (
    item(channel=Channel.TIER, status=ItemStatus.DRAFT, stock=0,
         eligible_tiers=frozenset({"diamond"}), valid_from=D(2026, 4, 1),
         valid_to=D(2026, 3, 1)),
    member(active=False, available_points=0),
)  # fmt: skip
FIXES: list[tuple[Refusal, dict, dict, dict]] = [
    # (refusal shown, its params, then put right in the item, in the member)
    (Refusal.MEMBER_INACTIVE, {}, {}, {"active": True}),
    (Refusal.NOT_LISTED, {}, {"status": ItemStatus.LISTED}, {}),
    (Refusal.NOT_YET, {"day": D(2026, 4, 1)}, {"valid_from": None}, {}),
    (Refusal.ENDED, {"day": D(2026, 3, 1)}, {"valid_to": None}, {}),
    (Refusal.TIER, {"tier": "金卡"}, {"eligible_tiers": frozenset({"diamond", "gold"})}, {}),
]


def test_each_refusal_in_the_order_of_checking():
    current_item, current_member = ALL_WRONG
    for refusal, params, item_fix, member_fix in FIXES:
        verdict = availability(current_item, current_member, TODAY, 0, None, WINDOW)
        assert (verdict.refusal, verdict.params) == (refusal, params)
        assert not verdict.ok
        current_item = dataclasses.replace(current_item, **item_fix)
        current_member = dataclasses.replace(current_member, **member_fix)
    # a tier entitlement: quota not set, then used up, then out of stock
    verdict = availability(current_item, current_member, TODAY, 2, None, WINDOW)
    assert (verdict.refusal, verdict.params) == (Refusal.NOT_SET, {"tier": "金卡"})
    verdict = availability(current_item, current_member, TODAY, 2, 2, WINDOW)
    assert (verdict.refusal, verdict.params) == (
        Refusal.QUOTA_USED, {"used": 2, "allowed": 2, "day": D(2026, 12, 31)},
    )  # fmt: skip
    verdict = availability(current_item, current_member, TODAY, 1, 2, WINDOW)
    assert (verdict.refusal, verdict.params) == (Refusal.OUT_OF_STOCK, {})
    current_item = dataclasses.replace(current_item, stock=1)
    verdict = availability(current_item, current_member, TODAY, 1, 2, WINDOW)
    assert verdict.ok and (verdict.price, verdict.allowed, verdict.used) == (0, 2, 1)
    # bought with points: the limit, then stock, then points
    bought = dataclasses.replace(current_item, channel=Channel.REDEMPTION, limit_per_member=1,
                                 stock=0)  # fmt: skip
    verdict = availability(bought, current_member, TODAY, 1)
    assert (verdict.refusal, verdict.params) == (
        Refusal.LIMIT_REACHED, {"used": 1, "allowed": 1},
    )  # fmt: skip
    verdict = availability(bought, current_member, TODAY, 0)
    assert (verdict.refusal, verdict.params) == (Refusal.OUT_OF_STOCK, {})
    verdict = availability(dataclasses.replace(bought, stock=None), current_member, TODAY, 0)
    assert (verdict.refusal, verdict.params) == (
        Refusal.NOT_ENOUGH_POINTS, {"price": 500, "available": 0},
    )  # fmt: skip
    assert list(Refusal) == [
        Refusal.MEMBER_INACTIVE, Refusal.NOT_LISTED, Refusal.NOT_YET, Refusal.ENDED,
        Refusal.TIER, Refusal.NOT_SET, Refusal.QUOTA_USED, Refusal.LIMIT_REACHED,
        Refusal.OUT_OF_STOCK, Refusal.NOT_ENOUGH_POINTS,
    ]  # fmt: skip


def test_a_refusal_carries_price_allowed_and_used():
    verdict = availability(item(limit_per_member=2), member(active=False), TODAY, 1)
    assert verdict == Availability(Refusal.MEMBER_INACTIVE, {}, 500, 2, 1)
    tier = item(channel=Channel.TIER, limit_per_member=2)
    verdict = availability(tier, member(active=False), TODAY, 1, 4, WINDOW)
    assert verdict == Availability(Refusal.MEMBER_INACTIVE, {}, 0, 4, 1)


@pytest.mark.parametrize("status", [ItemStatus.DRAFT, ItemStatus.DELISTED])
def test_only_listed_items(status):
    assert availability(item(status=status), MEMBER, TODAY, 0).refusal == Refusal.NOT_LISTED


def test_the_first_and_last_days_count():
    assert availability(item(valid_from=TODAY), MEMBER, TODAY, 0).ok
    assert availability(item(valid_to=TODAY), MEMBER, TODAY, 0).ok
    assert availability(item(valid_from=TODAY, valid_to=TODAY), MEMBER, TODAY, 0).ok
    later = availability(item(valid_from=TODAY + timedelta(days=1)), MEMBER, TODAY, 0)
    assert (later.refusal, later.params) == (Refusal.NOT_YET, {"day": D(2026, 3, 16)})
    ended = availability(item(valid_to=TODAY - timedelta(days=1)), MEMBER, TODAY, 0)
    assert (ended.refusal, ended.params) == (Refusal.ENDED, {"day": D(2026, 3, 14)})


def test_eligible_tiers():
    assert availability(item(eligible_tiers=frozenset({"gold"})), MEMBER, TODAY, 0).ok
    assert availability(item(eligible_tiers=frozenset()), member(tier_code="x"), TODAY, 0).ok
    refused = availability(item(eligible_tiers=frozenset({"silver"})), MEMBER, TODAY, 0)
    assert (refused.refusal, refused.params) == (Refusal.TIER, {"tier": "金卡"})


@given(st.integers(1, rules.MAX_LIMIT), st.integers(0, 2 * rules.MAX_LIMIT))
def test_a_limit_allows_up_to_its_number(limit, used):
    verdict = availability(item(limit_per_member=limit), MEMBER, TODAY, used)
    assert verdict.ok == (used < limit)
    assert (verdict.allowed, verdict.used) == (limit, used)
    if not verdict.ok:
        assert (verdict.refusal, verdict.params) == (
            Refusal.LIMIT_REACHED, {"used": used, "allowed": limit},
        )  # fmt: skip


def test_limit_boundaries():
    assert availability(item(limit_per_member=3), MEMBER, TODAY, 2).ok  # limit - 1
    assert availability(item(limit_per_member=3), MEMBER, TODAY, 3).refusal == (
        Refusal.LIMIT_REACHED
    )
    assert availability(item(limit_per_member=None), MEMBER, TODAY, 10**6).ok  # no limit
    other = item(channel=Channel.OTHER, limit_per_member=1, points_price=0)
    assert availability(other, member(available_points=0), TODAY, 0).ok
    assert availability(other, MEMBER, TODAY, 1).refusal == Refusal.LIMIT_REACHED


def test_a_limit_does_not_apply_to_a_tier_entitlement_nor_a_quota_to_others():
    tier = item(channel=Channel.TIER, limit_per_member=1)
    assert availability(tier, MEMBER, TODAY, 5, 6, WINDOW).ok
    assert availability(item(), MEMBER, TODAY, 5, 1, WINDOW).ok  # the quota is the tier's


@given(st.integers(0, 50), st.integers(0, 100))
def test_a_quota_allows_up_to_its_number(quota, used):
    tier = item(channel=Channel.TIER)
    verdict = availability(tier, MEMBER, TODAY, used, quota, WINDOW)
    assert verdict.ok == (used < quota)
    assert (verdict.price, verdict.allowed, verdict.used) == (0, quota, used)


def test_quota_boundaries():
    tier = item(channel=Channel.TIER)
    assert availability(tier, MEMBER, TODAY, 1, 2, WINDOW).ok  # quota - 1
    used_up = availability(tier, MEMBER, TODAY, 2, 2, WINDOW)
    assert (used_up.refusal, used_up.params) == (
        Refusal.QUOTA_USED, {"used": 2, "allowed": 2, "day": D(2026, 12, 31)},
    )  # fmt: skip
    none_at_all = availability(tier, MEMBER, TODAY, 0, 0, None)  # quantity 0, no window
    assert (none_at_all.refusal, none_at_all.params) == (
        Refusal.QUOTA_USED, {"used": 0, "allowed": 0, "day": None},
    )  # fmt: skip
    unset = availability(tier, MEMBER, TODAY, 0)
    assert (unset.refusal, unset.params, unset.allowed) == (Refusal.NOT_SET, {"tier": "金卡"}, None)


def test_stock_boundaries():
    assert availability(item(stock=1), MEMBER, TODAY, 0).ok
    assert availability(item(stock=None), MEMBER, TODAY, 0).ok  # unlimited
    assert availability(item(stock=0), MEMBER, TODAY, 0).refusal == Refusal.OUT_OF_STOCK
    assert availability(item(stock=-1), MEMBER, TODAY, 0).refusal == Refusal.OUT_OF_STOCK


def test_points_boundaries():
    assert availability(item(points_price=800), MEMBER, TODAY, 0).ok  # price == available
    short = availability(item(points_price=801), MEMBER, TODAY, 0)
    assert (short.refusal, short.params, short.price) == (
        Refusal.NOT_ENOUGH_POINTS, {"price": 801, "available": 800}, 801,
    )  # fmt: skip
    free = availability(item(points_price=0), member(available_points=0), TODAY, 0)
    assert free.ok and free.price == 0


def test_a_tier_entitlement_costs_no_points():
    tier = item(channel=Channel.TIER, points_price=10_000)
    verdict = availability(tier, member(available_points=0), TODAY, 0, 1, WINDOW)
    assert verdict.ok and verdict.price == 0
    other = item(channel=Channel.OTHER, points_price=900)
    assert availability(other, MEMBER, TODAY, 0).refusal == Refusal.NOT_ENOUGH_POINTS


def test_every_refusal_has_its_text_with_its_params():
    assert set(REFUSAL_TEXT) == set(Refusal)
    shown = {
        Refusal.MEMBER_INACTIVE: ({}, "The member is not active."),
        Refusal.NOT_LISTED: ({}, "Not listed."),
        Refusal.NOT_YET: ({"day": "2026-04-01"}, "Available from 2026-04-01."),
        Refusal.ENDED: ({"day": "2026-03-01"}, "Ended on 2026-03-01."),
        Refusal.TIER: ({"tier": "金卡"}, "Not for the member's tier (金卡)."),
        Refusal.NOT_SET: (
            {"tier": "金卡"},
            "Headquarters has not set the quantity for the member's tier (金卡).",
        ),
        Refusal.QUOTA_USED: (
            {"used": 2, "allowed": 2, "day": "2026-12-31"},
            "Used 2 of 2 in this period (until 2026-12-31).",
        ),
        Refusal.LIMIT_REACHED: (
            {"used": 1, "allowed": 1},
            "Limit reached: 1 of 1 in this period.",
        ),  # fmt: skip
        Refusal.OUT_OF_STOCK: ({}, "Out of stock."),
        Refusal.NOT_ENOUGH_POINTS: (
            {"price": 500, "available": 0},
            "Needs 500 points; the member has 0.",
        ),  # fmt: skip
    }
    for refusal, (params, text) in shown.items():
        assert REFUSAL_TEXT[refusal].format(**params) == text


# --- the matrix ---------------------------------------------------------------------------------


def test_an_entitlement_cell():
    unset = Entitlement(None)
    assert not unset.is_set
    assert (unset.period, unset.value_fen, unset.discount_permille) == (
        QuotaPeriod.VALIDITY, None, None,
    )  # fmt: skip
    assert Entitlement(0).is_set and Entitlement(3, QuotaPeriod.YEAR, 5_000).is_set
    assert Entitlement(1, discount_permille=900).discount_permille == 900


def test_values_are_frozen():
    verdict = availability(ITEM, MEMBER, TODAY, 0)
    for value, name in ((ITEM, "stock"), (WINDOW, "start"), (MEMBER, "available_points"),
                        (verdict, "price"), (Entitlement(1), "quantity")):  # fmt: skip
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(value, name, 5)


def test_an_availability_counts_nothing_by_default():
    verdict = Availability(None, {}, 5)
    assert (verdict.allowed, verdict.used, verdict.ok) == (None, 0, True)
