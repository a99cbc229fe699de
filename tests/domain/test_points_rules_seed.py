"""Seed 003's points rules at their boundaries (issue 16): shares per edition and per week,
the yearly caps, major events once per event, initial points and the new-binding window."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.points import (
    CAP_PERIODS,
    LABEL_PRE_LAUNCH,
    LABEL_TOTAL,
    PERMILLE,
    EarningPreview,
    EventRule,
    EventTally,
    SpendRule,
    binding_window_end,
    earns_at_counter,
    event_edition,
    event_points,
    exceeded_cap,
    in_binding_window,
    in_initial_window,
    needs_edition_code,
    preview_document,
    preview_spend,
    spend_points,
    week_edition,
    week_of,
)

# The seed's figures (migrations 0006 and 0012).
SHARE = EventRule("share", 2, cap_per_year=384, cap_per_edition=8)
MAJOR = EventRule("major_event", 50, cap_per_year=500, cap_per_edition=50)
SERVICE = SpendRule(1, 100_000, "floor")  # 1 point per ¥1,000
LAUNCH = date(2026, 1, 1)


@pytest.mark.parametrize(
    ("rule", "tally", "expected"),
    [
        # share, 4 per edition: the 4th is accepted, the 5th refused
        (SHARE, EventTally(edition=6, year=6), None),
        (SHARE, EventTally(edition=8, year=8), ("edition", 8)),
        # 384 a year, never a partial award
        (SHARE, EventTally(year=382), None),
        (SHARE, EventTally(year=383), ("year", 384)),
        (SHARE, EventTally(year=384), ("year", 384)),
        # a major event once per event code
        (MAJOR, EventTally(), None),
        (MAJOR, EventTally(edition=50, year=50), ("edition", 50)),
        (MAJOR, EventTally(year=450), None),
        (MAJOR, EventTally(year=451), ("year", 500)),
        # a weekly cap (Monday to Sunday)
        (EventRule("share", 2, cap_per_week=8), EventTally(week=6), None),
        (EventRule("share", 2, cap_per_week=8), EventTally(week=7), ("week", 8)),
        (EventRule("sign_in", 1, cap_per_day=1), EventTally(day=0), None),
        (EventRule("sign_in", 1, cap_per_day=1), EventTally(day=1), ("day", 1)),
        (EventRule("x", 5, cap_per_month=10), EventTally(month=5), None),
        (EventRule("x", 5, cap_per_month=10), EventTally(month=6), ("month", 10)),
        # uncapped
        (EventRule("x", 3), EventTally(10**6, 10**6, 10**6, 10**6, 10**6), None),
    ],
)
def test_caps_at_their_boundaries(rule, tally, expected):
    assert exceeded_cap(rule, tally) == expected
    points = 0 if expected else rule.points
    assert event_points(rule, tally.day, tally.month, tally.year, tally.week, tally.edition) == (
        points
    )


def test_the_first_cap_in_period_order_is_named():
    rule = EventRule("x", 1, 1, 1, 1, 1, 1)
    assert CAP_PERIODS == ("day", "week", "edition", "month", "year")
    assert exceeded_cap(rule, EventTally(1, 1, 1, 1, 1)) == ("day", 1)
    assert exceeded_cap(rule, EventTally(0, 1, 1, 1, 1)) == ("week", 1)
    assert exceeded_cap(rule, EventTally(0, 0, 1, 1, 1)) == ("edition", 1)
    assert exceeded_cap(rule, EventTally(0, 0, 0, 1, 1)) == ("month", 1)
    assert exceeded_cap(rule, EventTally(0, 0, 0, 0, 1)) == ("year", 1)
    assert exceeded_cap(rule, EventTally()) is None


@pytest.mark.parametrize(
    ("keyword", "rule"),
    [
        ("already_week", EventRule("x", 1, cap_per_week=1)),
        ("already_edition", EventRule("x", 1, cap_per_edition=1)),
    ],
)
def test_event_points_counts_week_and_edition(keyword, rule):
    assert event_points(rule, 0, 0, 0) == 1
    assert event_points(rule, 0, 0, 0, **{keyword: 1}) == 0
    assert event_points(rule, 1, 1, 1, **{keyword: 0}) == 1


def _shares_in_a_year(tries_per_edition: int) -> int:
    """Points a member trying ``tries_per_edition`` shares every week of 2026 earns."""
    year = 0
    for week in range(53):
        edition = 0
        for _ in range(tries_per_edition):
            earned = event_points(SHARE, 0, 0, year, already_edition=edition)
            edition, year = edition + earned, year + earned
        assert edition <= 8, week
    return year


def test_shares_four_an_edition_384_a_year():
    assert _shares_in_a_year(4) == 384  # 53 weeks x 8 = 424 is capped at 4*4*12*2
    assert _shares_in_a_year(9) == 384
    assert _shares_in_a_year(1) == 53 * 2


@pytest.mark.parametrize(
    ("on", "monday", "sunday", "edition"),
    [
        (date(2026, 3, 1), date(2026, 2, 23), date(2026, 3, 1), "2026-W09"),  # a Sunday
        (date(2026, 3, 2), date(2026, 3, 2), date(2026, 3, 8), "2026-W10"),  # next Monday
        (date(2026, 2, 25), date(2026, 2, 23), date(2026, 3, 1), "2026-W09"),
        (date(2025, 12, 29), date(2025, 12, 29), date(2026, 1, 4), "2026-W01"),  # New Year
        (date(2026, 1, 4), date(2025, 12, 29), date(2026, 1, 4), "2026-W01"),
        (date(2027, 1, 1), date(2026, 12, 28), date(2027, 1, 3), "2026-W53"),
    ],
)
def test_weeks_run_monday_to_sunday(on, monday, sunday, edition):
    assert week_of(on) == (monday, sunday)
    assert week_edition(on) == edition


@given(st.dates(date(2001, 1, 1), date(2099, 12, 31)))
def test_a_week_is_seven_days_from_a_monday(on):
    monday, sunday = week_of(on)
    assert monday.weekday() == 0 and (sunday - monday).days == 6 and monday <= on <= sunday
    assert week_edition(monday) == week_edition(on) == week_edition(sunday)


@pytest.mark.parametrize(
    ("rule", "code", "expected"),
    [
        (SHARE, "EV-1", "EV-1"),
        (SHARE, None, "2026-W09"),  # without a code: the calendar week
        (SHARE, "", "2026-W09"),
        (EventRule("share", 2), None, "2026-W09"),  # even without a cap per edition
        (MAJOR, "EV-1", "EV-1"),
        (EventRule("sign_in", 1, cap_per_day=1), None, None),
        (EventRule("sign_in", 1, cap_per_day=1), "APP", "APP"),
        (EventRule("sign_in", 1, cap_per_edition=1), None, "2026-W09"),
    ],
)
def test_the_edition_an_occurrence_counts_in(rule, code, expected):
    assert event_edition(rule, code, date(2026, 3, 1)) == expected


@pytest.mark.parametrize(
    ("event", "needed"),
    [("major_event", True), ("share", False), ("sign_in", False), ("new_binding", False)],
)
def test_a_major_event_needs_its_code(event, needed):
    assert needs_edition_code(event) is needed


@pytest.mark.parametrize(
    ("on", "inside"),
    [
        (date(2025, 12, 31), False),
        (LAUNCH, True),
        (date(2026, 3, 31), True),  # launch + 3 months - 1 day
        (date(2026, 4, 1), False),  # launch + 3 months
    ],
)
def test_new_binding_window(on, inside):
    assert in_binding_window(on, LAUNCH, 3) is inside


@pytest.mark.parametrize(
    ("launch", "months", "end"),
    [
        (LAUNCH, 3, date(2026, 4, 1)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),  # the day clamped to the month's end
        (LAUNCH, 12, date(2027, 1, 1)),
    ],
)
def test_new_binding_window_end(launch, months, end):
    assert binding_window_end(launch, months) == end
    assert in_binding_window(end, launch, months) is False
    assert in_binding_window(end - timedelta(days=1), launch, months) is True


@pytest.mark.parametrize(
    ("day", "counted", "earns"),
    [
        (date(2024, 12, 31), False, False),  # more than a year before the launch
        (date(2025, 1, 1), True, False),
        (date(2025, 12, 31), True, False),
        (LAUNCH, False, True),  # from the launch on, documents earn themselves
        (date(2026, 1, 2), False, True),
    ],
)
def test_the_year_before_the_launch(day, counted, earns):
    assert in_initial_window(day, LAUNCH) is counted
    assert earns_at_counter(day, LAUNCH) is earns


def test_two_documents_of_1500_yuan_make_3_initial_points_converted_once():
    documents = [150_000, 150_000]  # fen
    assert sum(spend_points(SERVICE, fen) for fen in documents) == 2  # each floored: lost
    assert spend_points(SERVICE, sum(documents)) == 3  # summed, then converted once


def test_a_pre_launch_document_earns_nothing_itself():
    before = preview_document(SERVICE, 150_000, date(2025, 12, 31), LAUNCH, 1500)
    assert before == EarningPreview(
        0, 1500, 0, 0, [("Before the launch: counted in initial points", 0), ("Total", 0)]
    )
    assert (LABEL_PRE_LAUNCH, LABEL_TOTAL) == (
        "Before the launch: counted in initial points",
        "Total",
    )
    on_launch = preview_document(SERVICE, 150_000, LAUNCH, LAUNCH, 1500)
    assert on_launch == preview_spend(SERVICE, 150_000, 1500)
    assert on_launch.total_points == 1
    assert preview_document(SERVICE, 250_000, LAUNCH, LAUNCH) == preview_spend(
        SERVICE, 250_000, PERMILLE
    )


def test_a_tally_is_a_value():
    tally = EventTally(week=2)
    with pytest.raises(FrozenInstanceError):
        tally.week = 0  # type: ignore[misc]
    assert {tally, EventTally(week=2)} == {EventTally(0, 2, 0, 0, 0)}
