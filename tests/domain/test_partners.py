"""The partner rules (seed 003, RULES.md §4): credit codes, the six admission checks, the
weighted evaluation, cooperation terms, the complaint service levels and the monthly
settlement arithmetic. Pure functions: no database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import uscc

from app.domain import partners as rules
from app.domain.errors import ValidationError
from app.domain.partners import Check, Factor, Mode, Period

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # the USCC alphabet: no I, O, S, V, Z
VALID = "91110000600037341L"  # the example of python-stdnum
SHANGHAI = "Asia/Shanghai"


def code_of(body: str) -> str:
    return body + uscc.calc_check_digit(body)


bodies = st.builds(
    "".join,
    st.tuples(
        st.text("0123456789", min_size=8, max_size=8), st.text(ALPHABET, min_size=9, max_size=9)
    ),
)
codes = bodies.map(code_of)


# --- unified social credit code ---------------------------------------------------------------


@given(codes)
def test_every_well_built_credit_code_is_accepted(code):
    assert rules.check_credit_code(code) == code


@given(codes, st.integers(0, 17), st.sampled_from(ALPHABET + "IOSVZ#"))
def test_every_single_character_corruption_is_refused(code, position, replacement):
    if code[position] == replacement:
        return  # not a corruption
    corrupted = code[:position] + replacement + code[position + 1 :]
    with pytest.raises(ValidationError) as refused:
        rules.check_credit_code(corrupted)
    assert refused.value.field == "credit_code"


@given(codes, st.integers(0, 16))
def test_every_adjacent_transposition_is_refused(code, position):
    if code[position] == code[position + 1]:
        return  # swapping equal characters changes nothing
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    with pytest.raises(ValidationError):
        rules.check_credit_code(swapped)


def test_lower_case_and_spaces_are_normalised():
    assert rules.check_credit_code(VALID.lower()) == VALID
    assert rules.check_credit_code(f"  {VALID}\t") == VALID
    assert rules.check_credit_code("9111 0000 6000 3734 1L") == VALID  # as stdnum compacts
    assert rules.check_credit_code("9111-0000-6000-3734-1L") == VALID
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in VALID)  # typed with a Chinese IME
    assert rules.check_credit_code(full_width) == VALID


@pytest.mark.parametrize(
    "bad", ["", VALID[:-1], VALID + "0", "A1110000600037341L", "91110000600037341I", 91110000]
)
def test_malformed_credit_codes_are_refused(bad):
    with pytest.raises(ValidationError) as refused:
        rules.check_credit_code(bad, field="code_field")
    assert refused.value.field == "code_field"


# --- admission ------------------------------------------------------------------------------

THRESHOLDS = rules.AdmissionThresholds()
ASSESSED = date(2026, 3, 1)


def record_checks(capital=500_000_000, founded=date(2023, 3, 1), legal=True, code=VALID):
    return {r.check: r.passed for r in rules.data_checks(
        legal, code, capital, founded, ASSESSED, THRESHOLDS)}  # fmt: skip


def test_capital_of_exactly_five_million_yuan_passes_one_fen_less_fails():
    assert THRESHOLDS.min_capital_fen == 500_000_000
    assert record_checks(capital=500_000_000)[Check.CAPITAL] is True
    assert record_checks(capital=499_999_999)[Check.CAPITAL] is False


def test_founded_exactly_three_years_before_passes_one_day_less_fails():
    assert record_checks(founded=date(2023, 3, 1))[Check.AGE] is True
    assert record_checks(founded=date(2023, 3, 2))[Check.AGE] is False
    assert record_checks(founded=date(2000, 1, 1))[Check.AGE] is True


def test_a_29_february_founder_reaches_three_years_on_28_february():
    founded = date(2020, 2, 29)
    assert rules.old_enough(founded, date(2023, 2, 28), 3) is True
    assert rules.old_enough(founded, date(2023, 2, 27), 3) is False
    assert rules.old_enough(date(2021, 2, 28), date(2024, 2, 28), 3) is True  # into a leap year
    assert rules.old_enough(date(2021, 3, 1), date(2024, 2, 29), 3) is False


def test_the_legal_person_check_needs_the_answer_and_a_valid_code():
    assert record_checks()[Check.LEGAL_PERSON] is True
    assert record_checks(legal=False)[Check.LEGAL_PERSON] is False
    assert record_checks(code=VALID[:-1] + "0")[Check.LEGAL_PERSON] is False
    assert record_checks(code="garbage")[Check.LEGAL_PERSON] is False


def all_six(**failed: bool) -> list[rules.CheckResult]:
    return [rules.CheckResult(check, not failed.get(check.value, False)) for check in Check]


def test_admission_needs_all_six_checks_passed():
    assert rules.admission_passed(all_six()) is True
    assert rules.failed_checks(all_six()) == []
    for check in Check:
        results = all_six(**{check.value: True})
        assert rules.admission_passed(results) is False
        assert rules.failed_checks(results) == [check]
    missing = all_six()[:5]  # the VAT invoice check never assessed
    assert rules.admission_passed(missing) is False
    assert rules.failed_checks(missing) == [Check.VAT_INVOICE]
    assert tuple(Check) == rules.DATA_CHECKS + rules.CHECKLIST


# --- evaluation -----------------------------------------------------------------------------

SCORES = dict(zip(rules.EQUAL_WEIGHTS, (5, 4, 3, 2, 1, 5, 4), strict=True))


def test_equal_weights_give_the_plain_average():
    total = rules.weighted_total(SCORES, rules.EQUAL_WEIGHTS)
    assert total == Fraction(24, 7)
    assert rules.total_hundredths(total) == 343  # 3.428… → 3.43


def test_edited_weights_a_hand_computed_example():
    weights = dict(rules.EQUAL_WEIGHTS, brand_value=3, member_equivalent=2, reputation=0)
    # (3×5 + 2×4 + 0×3 + 1×2 + 1×1 + 1×5 + 1×4) / (3+2+0+1+1+1+1) = 35 / 9 = 3.888…
    total = rules.weighted_total(SCORES, weights)
    assert total == Fraction(35, 9)
    assert rules.total_hundredths(total) == 389


def test_totals_round_half_up_to_hundredths():
    assert rules.total_hundredths(Fraction(3125, 1000)) == 313  # 3.125 → 3.13
    assert rules.total_hundredths(Fraction(3124, 1000)) == 312
    assert rules.total_hundredths(Fraction(3135, 1000)) == 314  # not banker's rounding (3.14)
    assert rules.total_hundredths(Fraction(5)) == 500
    assert rules.total_hundredths(Fraction(1, 8)) == 13  # 0.125


def test_ranks_share_a_place_on_ties_and_skip_the_next():
    assert rules.ranks({1: 420, 2: 380, 3: 420, 4: 300, 5: 380}) == {1: 1, 2: 3, 3: 1, 4: 5, 5: 3}
    assert rules.ranks({}) == {}
    assert rules.ranks({7: 100}) == {7: 1}


score_maps = st.fixed_dictionaries({f.value: st.integers(1, 5) for f in Factor})
weight_maps = st.fixed_dictionaries({f.value: st.integers(0, 100) for f in Factor}).filter(
    lambda w: any(w.values())
)


@given(score_maps, weight_maps)
def test_the_weighted_total_lies_between_the_lowest_and_highest_score(scores, weights):
    total = rules.weighted_total(rules.check_scores(scores), rules.check_weights(weights))
    assert min(scores.values()) <= total <= max(scores.values())
    assert min(scores.values()) * 100 <= rules.total_hundredths(total) <= max(scores.values()) * 100


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"brand_value": -1}, "brand_value"),
        ({"brand_value": 101}, "brand_value"),
        ({"execution": 2.5}, "execution"),
        ({"execution": "3"}, "execution"),
        ({"execution": True}, "execution"),
        ({f.value: 0 for f in Factor}, "weights"),  # all zero
        ({"taste": 1}, "weights"),  # an unknown factor
    ],
)
def test_bad_weights_are_refused(change, field):
    with pytest.raises(ValidationError) as refused:
        rules.check_weights(dict(rules.EQUAL_WEIGHTS, **change))
    assert refused.value.field == field


def test_weights_must_name_every_factor():
    weights = dict(rules.EQUAL_WEIGHTS)
    del weights["cooperativeness"]
    for bad in (weights, None, [1] * 7):
        with pytest.raises(ValidationError) as refused:
            rules.check_weights(bad)
        assert refused.value.field == "weights"
    assert rules.check_weights(dict(rules.EQUAL_WEIGHTS, brand_value=0, execution=100))


@pytest.mark.parametrize("value", [0, 6, -1, 3.0, "4", None, True])
def test_scores_outside_one_to_five_are_refused(value):
    with pytest.raises(ValidationError) as refused:
        rules.check_scores(dict(SCORES, reputation=value))
    assert refused.value.field == "reputation"
    assert refused.value.params == {"low": 1, "high": 5}


def test_scores_must_name_every_factor():
    for bad in ({k: v for k, v in SCORES.items() if k != "reputation"}, dict(SCORES, x=3), None):
        with pytest.raises(ValidationError) as refused:
            rules.check_scores(bad)
        assert refused.value.field == "scores"
    assert rules.check_scores(SCORES) == SCORES


# --- complaints -------------------------------------------------------------------------------


def at(zone: str, *parts: int) -> datetime:
    return datetime(*parts, tzinfo=ZoneInfo(zone))  # type: ignore[misc]


def test_due_after_crosses_midnight_month_end_year_end_and_leap_day():
    cases = [
        (at(SHANGHAI, 2026, 3, 1, 20, 0), at(SHANGHAI, 2026, 3, 2, 20, 0)),
        (at(SHANGHAI, 2026, 1, 31, 23, 30), at(SHANGHAI, 2026, 2, 1, 23, 30)),
        (at(SHANGHAI, 2025, 12, 31, 23, 59), at(SHANGHAI, 2026, 1, 1, 23, 59)),
        (at(SHANGHAI, 2028, 2, 28, 9, 0), at(SHANGHAI, 2028, 2, 29, 9, 0)),
        (at(SHANGHAI, 2028, 2, 29, 9, 0), at(SHANGHAI, 2028, 3, 1, 9, 0)),
    ]
    for start, expected in cases:
        due = rules.due_after(start.astimezone(UTC), 24, SHANGHAI)
        assert due == expected
        assert due.tzinfo == UTC  # in the start's zone: UTC as stored
    # 31 Jan 23:30 in China is 15:30 UTC: the due date follows China's calendar
    assert rules.due_after(datetime(2026, 1, 31, 15, 30, tzinfo=UTC), 24, SHANGHAI) == datetime(
        2026, 2, 1, 15, 30, tzinfo=UTC
    )


def test_due_after_keeps_the_wall_clock_across_daylight_saving():
    berlin = "Europe/Berlin"  # summer time starts on Sunday 29 March 2026, ends 25 October
    spring = rules.due_after(at(berlin, 2026, 3, 28, 10, 0).astimezone(UTC), 24, berlin)
    assert spring.astimezone(ZoneInfo(berlin)).replace(tzinfo=None) == datetime(2026, 3, 29, 10)
    assert spring - at(berlin, 2026, 3, 28, 10, 0) == timedelta(hours=23)
    autumn = rules.due_after(at(berlin, 2026, 10, 24, 10, 0).astimezone(UTC), 24, berlin)
    assert autumn.astimezone(ZoneInfo(berlin)).replace(tzinfo=None) == datetime(2026, 10, 25, 10)
    assert autumn - at(berlin, 2026, 10, 24, 10, 0) == timedelta(hours=25)


def test_due_after_needs_an_aware_start():
    with pytest.raises(ValueError, match="aware"):
        rules.due_after(datetime(2026, 3, 1, 10), 24, SHANGHAI)


def test_overdue_when_done_late_or_not_done_past_the_due_time():
    due = datetime(2026, 3, 2, 2, tzinfo=UTC)
    before, after = due - timedelta(seconds=1), due + timedelta(seconds=1)
    assert rules.is_overdue(due, None, before) is False
    assert rules.is_overdue(due, None, due) is False  # exactly at the due time: in time
    assert rules.is_overdue(due, None, after) is True
    assert rules.is_overdue(due, due, after) is False
    assert rules.is_overdue(due, after, after) is True
    assert rules.is_overdue(due, before, after + timedelta(days=9)) is False
    assert rules.is_overdue(None, None, after) is False  # no due time (not partner-received)


def test_contact_rates_count_open_complaints_in_the_denominator():
    rates = rules.contact_rates(
        [(True, 1), (True, 1), (True, 2), (True, 3), (False, 1), (False, 0), (True, 0)]
    )
    assert (rates.received, rates.first_contact, rates.second_contact) == (7, 3, 4)
    assert rates.first_rate == Fraction(3, 7) and rates.second_rate == Fraction(4, 7)
    empty = rules.contact_rates([])
    assert (empty.received, empty.first_rate, empty.second_rate) == (0, None, None)
    perfect = rules.contact_rates([(True, 1)] * 19 + [(True, 2)])
    assert perfect.first_rate == rules.FIRST_CONTACT_TARGET  # 95 %: met exactly
    assert perfect.second_rate == rules.SECOND_CONTACT_TARGET


# --- settlement arithmetic ----------------------------------------------------------------------


def test_month_range_gives_the_first_and_last_day():
    assert rules.month_range("2026-02") == (date(2026, 2, 1), date(2026, 2, 28))
    assert rules.month_range("2028-02") == (date(2028, 2, 1), date(2028, 2, 29))
    assert rules.month_range("2026-12") == (date(2026, 12, 1), date(2026, 12, 31))


@pytest.mark.parametrize(
    "bad",
    ["", "2026", "2026-1", "2026-13", "2026-00", "26-11", "2026-011", "2026/11", "1999-12",
     "2100-01", "2026-11-01", "abcd-ef", "2026-+1", "2026- 1", "2026-1 ", " 2026-11",
     "２０２６-11", None, 202611],
)  # fmt: skip
def test_month_range_refuses_anything_but_yyyy_mm(bad):
    with pytest.raises(ValidationError) as refused:
        rules.month_range(bad)
    assert refused.value.field == "month"


def test_period_months_up_to_the_month_and_whether_it_ends_the_period():
    assert rules.period_months("2026-05", Period.MONTH) == (["2026-05"], True)
    assert rules.period_months("2026-05", Period.QUARTER) == (["2026-04", "2026-05"], False)
    assert rules.period_months("2026-06", Period.QUARTER) == (
        ["2026-04", "2026-05", "2026-06"], True,
    )  # fmt: skip
    assert rules.period_months("2026-10", Period.QUARTER) == (["2026-10"], False)
    assert rules.period_months("2026-03", Period.YEAR) == (["2026-01", "2026-02", "2026-03"], False)
    months, ends = rules.period_months("2026-12", Period.YEAR)
    assert (len(months), months[0], ends) == (12, "2026-01", True)


def test_the_rebate_starts_at_the_target():
    assert rules.rebate_fen(1_000_000, 1_000_000, 50) == 50_000  # exactly the target
    assert rules.rebate_fen(999_999, 1_000_000, 50) == 0  # one fen short
    assert rules.rebate_fen(1_000_010, 1_000_000, 55) == 55_001  # 55000.55 → 55001 (half up)
    assert rules.rebate_fen(1_000_009, 1_000_000, 55) == 55_000  # 55000.495 → 55000
    assert rules.rebate_fen(0, 0, 50) == 0  # nothing billed, nothing back
    assert rules.rebate_fen(10, 0, 50) == 1  # 0.5 fen rounds up


# --- cooperation terms --------------------------------------------------------------------------

GOOD_TERMS = {
    Mode.BULK_PURCHASE: {"committed_volume": 1_000, "unit_price_fen": 20_000,
                         "market_price_fen": 30_000},
    Mode.CONCIERGE: {"service_scope": "机场贵宾厅"},
    Mode.MEMBER_DISCOUNT: {"discount_permille": 850},
    Mode.FREE_QUOTA: {"quota": 100, "quota_period": "month"},
    Mode.REBATE: {"target_fen": 1_000_000, "rebate_permille": 50, "rebate_period": "quarter"},
    Mode.JOINT_MEMBERSHIP: {"joint_programme": "航空里程互通"},
}  # fmt: skip


@pytest.mark.parametrize("mode", list(Mode))
def test_each_mode_takes_exactly_its_own_fields(mode):
    terms = GOOD_TERMS[mode]
    assert set(terms) == set(rules.MODE_FIELDS[mode])
    assert rules.check_terms(mode.value, terms) == (mode, terms)
    field = next(iter(terms))
    missing = {k: v for k, v in terms.items() if k != field}
    for bad in (missing, dict(terms, extra=1), None):
        with pytest.raises(ValidationError) as refused:
            rules.check_terms(mode.value, bad)
        assert refused.value.field == "terms"


@pytest.mark.parametrize(
    ("mode", "field", "value"),
    [
        (Mode.BULK_PURCHASE, "committed_volume", 0),
        (Mode.BULK_PURCHASE, "committed_volume", rules.MAX_VOLUME + 1),
        (Mode.BULK_PURCHASE, "unit_price_fen", -1),
        (Mode.BULK_PURCHASE, "market_price_fen", rules.MAX_FEN + 1),
        (Mode.BULK_PURCHASE, "unit_price_fen", 19.9),
        (Mode.CONCIERGE, "service_scope", "  "),
        (Mode.CONCIERGE, "service_scope", "x" * (rules.MAX_TEXT + 1)),
        (Mode.CONCIERGE, "service_scope", 5),
        (Mode.MEMBER_DISCOUNT, "discount_permille", 0),
        (Mode.MEMBER_DISCOUNT, "discount_permille", 1000),
        (Mode.MEMBER_DISCOUNT, "discount_permille", True),
        (Mode.FREE_QUOTA, "quota", 0),
        (Mode.FREE_QUOTA, "quota_period", "week"),
        (Mode.REBATE, "rebate_permille", 1000),
        (Mode.REBATE, "target_fen", "100"),
        (Mode.REBATE, "rebate_period", None),
        (Mode.JOINT_MEMBERSHIP, "joint_programme", ""),
    ],
)
def test_terms_out_of_range_are_refused_on_their_field(mode, field, value):
    with pytest.raises(ValidationError) as refused:
        rules.check_terms(mode.value, dict(GOOD_TERMS[mode], **{field: value}))
    assert refused.value.field == field


def test_terms_at_their_bounds_pass_and_text_is_trimmed():
    low = {"committed_volume": 1, "unit_price_fen": 0, "market_price_fen": rules.MAX_FEN}
    assert rules.check_terms("bulk_purchase", low)[1] == low
    assert rules.check_terms("member_discount", {"discount_permille": 999})[1] == {
        "discount_permille": 999
    }
    assert rules.check_terms("concierge", {"service_scope": " 礼宾 "})[1] == {
        "service_scope": "礼宾"
    }


@pytest.mark.parametrize("mode", ["", "barter", None, 3, ["rebate"], {"rebate": 1}])
def test_an_unknown_mode_is_refused(mode):
    with pytest.raises(ValidationError) as refused:
        rules.check_terms(mode, {})
    assert refused.value.field == "mode"


def test_renewal_is_due_within_the_reminder_days_until_the_contract_ends():
    today = date(2026, 3, 1)
    assert rules.renewal_due(date(2026, 4, 30), today, 60) is True  # 60 days ahead
    assert rules.renewal_due(date(2026, 5, 1), today, 60) is False
    assert rules.renewal_due(today, today, 60) is True
    assert rules.renewal_due(date(2026, 2, 28), today, 60) is False  # already ended
    assert rules.renewal_due(None, today, 60) is False
