"""Pure tier rules (seed 003): policy checks, validity, upgrades, the review, progress."""

from __future__ import annotations

import calendar
import dataclasses
import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import ValidationError
from app.domain.points import add_months
from app.domain.tiers import (
    DEFAULT_POLICY,
    MAX_TIERS,
    ChangeReason,
    Decision,
    Floor,
    Outcome,
    Progress,
    Tier,
    TierPolicy,
    UpgradeBasis,
    check_policy,
    enrolment_tier,
    highest_reached,
    next_period,
    policy_from_dict,
    policy_to_dict,
    progress,
    review,
    review_due_on,
    upgrade_target,
    validity_end,
)

D = date
DAY = timedelta(days=1)
EFFECTIVE = D(2027, 1, 1)  # the day the new period starts
EVE = EFFECTIVE - DAY
UP, KEEP, DOWN = Outcome.UPGRADE, Outcome.RETAIN, Outcome.DOWNGRADE


def tier(code: str, rank: int, reach: int = 0, retain: int = 0, **more) -> Tier:
    return Tier(code, code.title(), rank, reach, retain, **more)


def raw(*tiers: Tier, **settings) -> TierPolicy:
    return TierPolicy(tuple(tiers), **settings)


# (code, reach, retain), ranked 1.. in this order: the seed's four cards.
CARDS = [
    ("silver", 0, 0),
    ("gold", 1_000, 800),
    ("platinum", 3_000, 2_400),
    ("diamond", 8_000, 6_400),
]


def policy(cards=CARDS, **settings) -> TierPolicy:
    tiers = [tier(code, rank, reach, retain) for rank, (code, reach, retain) in enumerate(cards, 1)]
    return check_policy(raw(*tiers, **settings))


P = policy()
SILVER, GOLD, PLATINUM, DIAMOND = P.tiers
TWO = [tier("silver", 1), tier("gold", 2, 1_000, 800)]  # a valid pair to spoil one field of


# --- upgrades within validity ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "points", "expected"),
    [
        pytest.param(SILVER, 999, None, id="one-short-of-gold"),
        pytest.param(SILVER, 1_000, GOLD, id="gold-reached-exactly"),
        pytest.param(GOLD, 3_000, PLATINUM, id="upgrade-mid-period"),
        pytest.param(SILVER, 3_000, PLATINUM, id="silver-skips-gold-to-platinum"),
        pytest.param(SILVER, 50_000, DIAMOND, id="silver-skips-to-the-top"),
        pytest.param(GOLD, 2_999, None, id="gold-short-of-platinum"),
        pytest.param(PLATINUM, 1_000, None, id="lower-reach-never-downgrades"),
        pytest.param(DIAMOND, 10**8, None, id="top-tier-has-nowhere-to-go"),
    ],
)
def test_upgrade_target(current, points, expected):
    assert upgrade_target(P, current, points) == expected


def test_highest_reached_is_at_least_the_base_even_below_zero():
    assert highest_reached(P, -5) == SILVER
    assert highest_reached(P, 7_999) == PLATINUM


# --- the review at the end of validity ------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "points", "steps", "outcome", "expected", "missing"),
    [
        pytest.param(GOLD, 800, 0, KEEP, GOLD, 0, id="retain-at-exactly-the-threshold"),
        pytest.param(GOLD, 799, 0, DOWN, SILVER, 1, id="miss-by-one-point"),
        pytest.param(DIAMOND, 6_400, 0, KEEP, DIAMOND, 0, id="diamond-retained-exactly"),
        pytest.param(DIAMOND, 6_399, 0, DOWN, PLATINUM, 1, id="diamond-misses-by-one"),
        pytest.param(DIAMOND, 800, 0, DOWN, GOLD, 5_600, id="down-to-the-tier-met"),
        pytest.param(DIAMOND, 800, 1, DOWN, PLATINUM, 5_600, id="one-step-only"),
        pytest.param(DIAMOND, 0, 0, DOWN, SILVER, 6_400, id="down-to-base"),
        pytest.param(DIAMOND, 0, 2, DOWN, GOLD, 6_400, id="two-steps-only"),
        pytest.param(DIAMOND, 0, 3, DOWN, SILVER, 6_400, id="three-steps-reach-base"),
        pytest.param(DIAMOND, 0, MAX_TIERS, DOWN, SILVER, 6_400, id="steps-beyond-base"),
        pytest.param(DIAMOND, 2_500, 1, DOWN, PLATINUM, 3_900, id="met-tier-within-one-step"),
        pytest.param(GOLD, -5, 0, DOWN, SILVER, 805, id="negative-points-still-base"),
        pytest.param(GOLD, 3_000, 0, UP, PLATINUM, 0, id="review-upgrades-when-reached"),
        pytest.param(SILVER, 8_000, 1, UP, DIAMOND, 0, id="upgrade-ignores-step-limit"),
        pytest.param(SILVER, 0, 0, KEEP, SILVER, 0, id="base-always-retained"),
        pytest.param(SILVER, -50, 0, KEEP, SILVER, 0, id="base-retained-below-zero"),
        pytest.param(SILVER, -50, 1, KEEP, SILVER, 0, id="base-retained-with-step-limit"),
    ],
)
def test_review(current, points, steps, outcome, expected, missing):
    decision = review(policy(downgrade_max_steps=steps), current, points, EFFECTIVE)
    assert decision == Decision(outcome, expected, points, missing)


@pytest.mark.parametrize(
    ("current", "points", "floor", "outcome", "expected"),
    [
        pytest.param(DIAMOND, 0, Floor(GOLD, EFFECTIVE), DOWN, GOLD, id="manual-until-effective"),
        pytest.param(DIAMOND, 0, Floor(GOLD, EVE), DOWN, SILVER, id="expired-the-day-before"),
        pytest.param(DIAMOND, 0, Floor(DIAMOND, D(2027, 12, 31)), KEEP, DIAMOND, id="paid-tier"),
        pytest.param(DIAMOND, 2_400, Floor(GOLD, EFFECTIVE), DOWN, PLATINUM, id="below-target"),
        pytest.param(GOLD, 0, Floor(DIAMOND, EFFECTIVE), KEEP, GOLD, id="never-upgrades"),
        pytest.param(GOLD, 5_000, Floor(SILVER, EFFECTIVE), UP, PLATINUM, id="no-cap-on-upgrade"),
    ],
)
def test_review_with_floor(current, points, floor, outcome, expected):
    decision = review(P, current, points, EFFECTIVE, floor)
    missing = current.retain_points - points if outcome is DOWN else 0
    assert decision == Decision(outcome, expected, points, missing)


def test_policy_change_changes_the_decision_for_the_same_points():
    strict = policy([("silver", 0, 0), ("gold", 1_200, 1_000), ("platinum", 3_000, 2_400)])
    lenient = policy([("silver", 0, 0), ("gold", 500, 400), ("platinum", 3_000, 2_400)])
    assert review(P, P.tier("gold"), 900, EFFECTIVE).outcome is KEEP
    assert review(strict, strict.tier("gold"), 900, EFFECTIVE).outcome is DOWN
    assert upgrade_target(P, SILVER, 600) is None
    assert upgrade_target(lenient, lenient.tier("silver"), 600) == lenient.tier("gold")


@pytest.mark.parametrize(
    ("valid_until", "grace", "due"),
    [
        pytest.param(D(2027, 12, 3), 0, D(2027, 12, 3), id="no-grace"),
        pytest.param(D(2027, 12, 3), 30, D(2028, 1, 2), id="thirty-days-into-next-year"),
        pytest.param(D(2028, 2, 28), 1, D(2028, 2, 29), id="leap-day"),
    ],
)
def test_grace_period_extends_the_day_the_tier_is_held(valid_until, grace, due):
    assert review_due_on(valid_until, grace) == due


# --- validity -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("valid_from", "months", "end"),
    [
        pytest.param(D(2026, 12, 4), 12, D(2027, 12, 3), id="ordinary-year"),
        pytest.param(D(2026, 1, 1), 12, D(2026, 12, 31), id="calendar-year"),
        pytest.param(D(2028, 2, 29), 12, D(2029, 2, 28), id="29-feb-plus-year"),
        pytest.param(D(2028, 2, 29), 48, D(2032, 2, 28), id="29-feb-to-leap-year"),
        pytest.param(D(2026, 1, 31), 1, D(2026, 2, 28), id="31-jan-plus-month"),
        pytest.param(D(2028, 1, 31), 1, D(2028, 2, 29), id="31-jan-leap-year"),
        pytest.param(D(2026, 1, 30), 1, D(2026, 2, 28), id="30-jan-plus-month"),
        pytest.param(D(2026, 3, 1), 1, D(2026, 3, 31), id="1-mar-plus-month"),
        pytest.param(D(2026, 3, 31), 1, D(2026, 4, 30), id="31-mar-short-april"),
        pytest.param(D(2026, 4, 30), 1, D(2026, 5, 29), id="30-apr-long-may"),
        pytest.param(D(2025, 12, 15), 60, D(2030, 12, 14), id="sixty-months"),
    ],
)
def test_validity_end(valid_from, months, end):
    assert validity_end(valid_from, months) == end


@pytest.mark.parametrize("months", [0, -1])
def test_validity_end_needs_at_least_one_month(months):
    with pytest.raises(ValueError, match=f"^months must be >= 1, got {months}$"):
        validity_end(D(2026, 1, 1), months)


def test_next_period_base_has_no_end_others_end_with_validity():
    six = policy(validity_months=6)
    assert next_period(six, Decision(DOWN, SILVER, 0, 800), EFFECTIVE) == (EFFECTIVE, None)
    gold = Decision(KEEP, GOLD, 900, 0)
    assert next_period(six, gold, EFFECTIVE) == (EFFECTIVE, D(2027, 6, 30))
    assert next_period(P, gold, EFFECTIVE) == (EFFECTIVE, D(2027, 12, 31))


# --- progress and enrolment -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "points", "to_retain", "next_tier", "to_next"),
    [
        pytest.param(SILVER, 400, 0, GOLD, 600, id="base-needs-nothing-to-retain"),
        pytest.param(SILVER, -5, 0, GOLD, 1_005, id="base-below-zero"),
        pytest.param(GOLD, 500, 300, PLATINUM, 2_500, id="gold-at-risk"),
        pytest.param(GOLD, 900, 0, PLATINUM, 2_100, id="gold-kept"),
        pytest.param(GOLD, 5_000, 0, PLATINUM, 0, id="next-reach-passed"),
        pytest.param(DIAMOND, 100, 6_300, None, 0, id="top-has-no-next"),
        pytest.param(DIAMOND, 7_000, 0, None, 0, id="top-kept"),
    ],
)
def test_progress(current, points, to_retain, next_tier, to_next):
    assert progress(P, current, points) == Progress(points, to_retain, next_tier, to_next)


@pytest.mark.parametrize(
    ("series", "expected"),
    [
        pytest.param("EX90", PLATINUM, id="mapped"),
        pytest.param("XC60", GOLD, id="mapped-other"),
        pytest.param("  EX90\t", PLATINUM, id="whitespace-trimmed"),
        pytest.param("S60", SILVER, id="unmapped-base"),
        pytest.param(None, SILVER, id="none-base"),
        pytest.param("   ", SILVER, id="blank-base"),
    ],
)
def test_enrolment_tier_by_series(series, expected):
    mapped = policy(enrolment_by_series={"EX90": "platinum", "XC60": "gold"})
    assert enrolment_tier(mapped, series) == expected


def test_policy_lookups():
    assert P.base == SILVER and P.tier("gold") == GOLD
    assert P.has("diamond") and not P.has("bronze")
    with pytest.raises(KeyError, match="bronze"):
        P.tier("bronze")


# --- check_policy ---------------------------------------------------------------------------


def spoil(**changes) -> TierPolicy:
    """TWO with gold changed."""
    return raw(TWO[0], dataclasses.replace(TWO[1], **changes))


# The English message of each refusal, written out (as the user reads it, before translation).
MESSAGES = {
    "count": "A tier policy has 1 to {max} tiers.",
    "code": "Tier code {code}: use 1 to 20 lower-case letters, digits or _, "
    "starting with a letter.",
    "name": "Tier names have 1 to 20 characters.",
    "duplicate": "Each tier needs its own code, name and rank.",
    "base": "The base tier (the lowest) needs no points.",
    "reach_order": "{tier} must need more points to reach than {lower}.",
    "tier_number": "{tier}: enter a whole number from 0 to {max}.",
    "retain_over_reach": "{tier}: keeping the tier cannot need more points than reaching it.",
    "colour": "{tier}: the colour is written #RRGGBB.",
    "setting_number": "Enter a whole number from {low} to {high}.",
    "series": "Enrolment tier for {series}: no such tier.",
}


def refusals():
    """(id, policy, field, message key, message values): each policy has one problem."""
    thirteen = raw(*(tier(f"t{i}", i, i) for i in range(MAX_TIERS + 1)))
    for label, bad in [("no-tiers", raw()), ("too-many", thirteen)]:
        yield label, bad, "tiers", "count", {"max": 12}
    for label, code in [("upper", "Gold"), ("digit-first", "1gold"), ("21-chars", "g" * 21),
                        ("empty", ""), ("dash", "go-ld"), ("newline", "gold\n")]:  # fmt: skip
        yield f"code-{label}", spoil(code=code), "code", "code", {"code": code}
    for label, name in [("empty", ""), ("blank", "   "), ("21-chars", "金" * 21)]:
        yield f"name-{label}", spoil(name=name), "name", "name", {}
    for what, value in [("code", "silver"), ("name", "Silver"), ("rank", 1)]:
        yield f"same-{what}", spoil(**{what: value}), what, "duplicate", {}
    yield "base-reach", raw(tier("silver", 1, 10), TWO[1]), "reach_points", "base", {}
    yield "base-reach-retain", raw(tier("silver", 1, 10, 10), TWO[1]), "reach_points", "base", {}
    for label, reach in [("equal", 1_000), ("lower", 999)]:
        bad = raw(*TWO, tier("platinum", 3, reach, 900))
        names = {"tier": "Platinum", "lower": "Gold"}
        yield f"reach-{label}", bad, "reach_points", "reach_order", names
    for what, top, values in [
        ("rank", 120, [-1, 121, 2.5, True]),
        ("reach_points", 100_000_000, [-1, 100_000_001, 1_000.5, True]),
        ("retain_points", 100_000_000, [-1, 1.5, True]),
        ("multiplier_permille", 10_000, [-1, 10_001, 1.5, True]),
    ]:
        for value in values:
            bad = spoil(**{what: value})
            yield f"{what}-{value!r}", bad, what, "tier_number", {"tier": "Gold", "max": top}
    bad = spoil(retain_points=1_001)
    yield "retain-over-reach", bad, "retain_points", "retain_over_reach", {"tier": "Gold"}
    for colour in ["red", "c9a227", "#c9a22", "#c9a2277", "#c9a22g", "#c9a227\n"]:
        yield f"colour-{colour!r}", spoil(colour=colour), "colour", "colour", {"tier": "Gold"}
    for what, low, high, values in [
        ("validity_months", 1, 60, [0, 61, 1.5, True]),
        ("downgrade_max_steps", 0, 12, [-1, 13, True]),
        ("grace_days", 0, 366, [-1, 367, True]),
    ]:
        for value in values:
            bad = raw(*TWO, **{what: value})
            yield f"{what}-{value!r}", bad, what, "setting_number", {"low": low, "high": high}
    series_cases = [("unknown-tier", "EX90", "gold_plus"), ("empty", "", "gold")]
    series_cases += [("blank", " ", "gold"), ("untrimmed", " EX90", "gold")]
    for label, series, code in series_cases:
        bad = raw(*TWO, enrolment_by_series={series: code})
        yield f"series-{label}", bad, "enrolment_by_series", "series", {"series": series}


@pytest.mark.parametrize(
    ("bad", "field", "key", "values"), [pytest.param(*r[1:], id=r[0]) for r in refusals()]
)
def test_check_policy_refuses(bad, field, key, values):
    with pytest.raises(ValidationError) as exc:
        check_policy(bad)
    assert exc.value.field == field
    assert exc.value.template == MESSAGES[key] and exc.value.params == values
    assert str(exc.value) == MESSAGES[key].format(**values)


ACCEPTED = [
    ("one-tier", raw(tier("solo", 1))),
    ("twelve-tiers", raw(*(tier(f"t{i}", i, i) for i in range(MAX_TIERS)))),
    ("rank-0-and-120", raw(tier("silver", 0), dataclasses.replace(TWO[1], rank=120))),
    ("20-char-code-and-name", spoil(code="g" * 20, name="金" * 20)),
    ("short-code", spoil(code="g")),
    ("code-digits-underscore", spoil(code="g_1")),
    ("top-thresholds", spoil(reach_points=100_000_000, retain_points=100_000_000)),
    ("retain-0", spoil(retain_points=0)),
    ("multiplier-0", spoil(multiplier_permille=0)),
    ("multiplier-10x", spoil(multiplier_permille=10_000)),
    ("upper-case-colour", spoil(colour="#ABCDEF")),
    *(
        (f"{what}-{value}", raw(*TWO, **{what: value}))
        for what, values in [
            ("validity_months", [1, 60]),
            ("downgrade_max_steps", [0, 12]),
            ("grace_days", [0, 366]),
        ]
        for value in values
    ),
]


@pytest.mark.parametrize("good", [a[1] for a in ACCEPTED], ids=[a[0] for a in ACCEPTED])
def test_check_policy_accepts(good):
    checked = check_policy(good)
    assert checked == dataclasses.replace(
        good, tiers=tuple(sorted(good.tiers, key=lambda t: t.rank))
    )


def test_check_policy_sorts_by_rank_and_copies_the_mapping():
    mapping = {"EX90": "gold"}
    shuffled = raw(tier("platinum", 3, 3_000), TWO[1], TWO[0], enrolment_by_series=mapping)
    checked = check_policy(shuffled)
    assert [t.code for t in checked.tiers] == ["silver", "gold", "platinum"]
    assert checked.enrolment_by_series == mapping and checked.enrolment_by_series is not mapping


def test_defaults_and_the_example_policy():
    assert (GOLD.multiplier_permille, GOLD.colour) == (1_000, "#9e9e9e")
    assert TierPolicy(P.tiers) == dataclasses.replace(
        P, validity_months=12, downgrade_max_steps=0, grace_days=0,
        upgrade_basis=UpgradeBasis.PERIOD, enrolment_by_series={},
    )  # fmt: skip
    assert check_policy(DEFAULT_POLICY) == DEFAULT_POLICY
    # The seed's four cards; their thresholds are examples for headquarters to replace.
    assert [(t.code, t.name, t.rank) for t in DEFAULT_POLICY.tiers] == [
        ("silver", "银卡", 1), ("gold", "金卡", 2),
        ("platinum", "白金卡", 3), ("diamond", "钻石卡", 4),
    ]  # fmt: skip
    assert len({t.colour.lower() for t in DEFAULT_POLICY.tiers}) == 4  # told apart on screen


def test_stored_enum_values():
    assert [e.value for e in UpgradeBasis] == ["period", "lifetime"]
    assert [e.value for e in Outcome] == ["upgrade", "retain", "downgrade"]
    assert [e.value for e in ChangeReason] == [
        "enrolment", "upgrade", "retain", "downgrade", "match", "manual", "paid", "merge",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "value",
    [GOLD, P, Floor(GOLD, EFFECTIVE), Decision(KEEP, GOLD, 0, 0), Progress(0, 0, None, 0)],
    ids=lambda v: type(v).__name__,
)
def test_values_are_immutable(value):
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.points = 1  # any field name: frozen dataclasses refuse every assignment


# --- stored form ----------------------------------------------------------------------------


def test_policy_round_trips_through_its_stored_form():
    series = {"XC60": "gold", "EX90": "diamond"}
    basis = UpgradeBasis.LIFETIME
    settings = dict(validity_months=24, downgrade_max_steps=1, grace_days=30, upgrade_basis=basis)
    full = policy(enrolment_by_series=series, **settings)
    stored = policy_to_dict(full)
    assert list(stored["enrolment_by_series"]) == ["EX90", "XC60"]
    assert stored["upgrade_basis"] == "lifetime" and stored["tiers"][1] == {
        "code": "gold", "name": "Gold", "rank": 2, "reach_points": 1_000, "retain_points": 800,
        "multiplier_permille": 1_000, "colour": "#9e9e9e",
    }  # fmt: skip
    assert policy_from_dict(json.loads(json.dumps(stored))) == full
    minimal = {"tiers": policy_to_dict(P)["tiers"]}
    assert policy_from_dict(minimal) == TierPolicy(P.tiers)


BASE, GOOD = policy_to_dict(P)["tiers"][:2]


def stored(**gold) -> dict:
    return {"tiers": [BASE, {**GOOD, **gold}]}


@pytest.mark.parametrize(
    "data",
    [
        pytest.param({}, id="no-tiers-key"),
        pytest.param(None, id="not-a-dict"),
        pytest.param({"tiers": 5}, id="tiers-not-a-list"),
        pytest.param({"tiers": [5]}, id="tier-not-a-dict"),
        pytest.param(
            {"tiers": [BASE, {k: v for k, v in GOOD.items() if k != "rank"}]}, id="missing-key"
        ),
        pytest.param(stored(bogus=1), id="unknown-key"),
        pytest.param({**stored(), "upgrade_basis": "weekly"}, id="unknown-basis"),
        pytest.param(stored(rank="2"), id="rank-is-text"),
        pytest.param(stored(name=5), id="name-is-a-number"),
        pytest.param(stored(code=5), id="code-is-a-number"),
        pytest.param(stored(colour=None), id="colour-is-null"),
        pytest.param({**stored(), "enrolment_by_series": {"EX90": ["gold"]}}, id="series-to-list"),
        pytest.param({**stored(), "enrolment_by_series": {6: "gold"}}, id="series-is-a-number"),
    ],
)
def test_policy_from_dict_refuses_malformed_data(data):
    with pytest.raises(ValidationError) as exc:
        policy_from_dict(data)
    assert exc.value.field == "tiers" and str(exc.value) == "The tier policy is malformed."


def test_policy_from_dict_passes_on_the_checks_own_refusal():
    with pytest.raises(ValidationError) as exc:
        policy_from_dict({**policy_to_dict(P), "validity_months": 0})
    assert exc.value.field == "validity_months"


# --- properties -----------------------------------------------------------------------------


@st.composite
def scenarios(draw):
    """A valid policy of 1-6 tiers (ranks with gaps), a current tier, points near the
    thresholds, and perhaps a floor in force or expired."""
    count = draw(st.integers(1, 6))
    tiers, rank, reach = [tier("t0", 1)], 1, 0
    for i in range(1, count):
        rank += draw(st.integers(1, 3))
        reach += draw(st.integers(1, 3_000))
        tiers.append(tier(f"t{i}", rank, reach, draw(st.integers(0, reach))))
    thresholds = [
        p + d for t in tiers for p in (t.reach_points, t.retain_points) for d in (-1, 0, 1)
    ]
    pol = check_policy(raw(*tiers, downgrade_max_steps=draw(st.integers(0, 3))))
    current = draw(st.sampled_from(pol.tiers))
    points = draw(st.sampled_from(thresholds) | st.integers(-10, reach + 100))
    floor = draw(
        st.none()
        | st.builds(
            Floor,
            st.sampled_from(pol.tiers),
            st.sampled_from([EVE, EFFECTIVE, EFFECTIVE + DAY]),
        )
    )
    return pol, current, points, floor


@given(scenarios())
def test_review_properties(scenario):
    pol, current, points, floor = scenario
    decision = review(pol, current, points, EFFECTIVE, floor)
    position, steps = pol.tiers.index, pol.downgrade_max_steps
    assert decision.points == points and decision.tier in pol.tiers
    assert decision.tier.rank >= pol.base.rank
    higher_met = [t for t in pol.tiers if t.rank > current.rank and points >= t.reach_points]
    assert (decision.outcome is UP) == bool(higher_met)
    if decision.outcome is UP:
        assert decision.tier == higher_met[-1] and decision.missing == 0
    elif decision.outcome is KEEP:
        assert decision.tier == current and decision.missing == 0
    else:
        assert decision.tier.rank < current.rank
        assert decision.missing == max(0, current.retain_points - points) > 0
        met = [t for t in pol.tiers if t.rank < current.rank and points >= t.retain_points]
        assert not met or decision.tier.rank >= met[-1].rank  # never below the tier met
        floor_holds = floor is not None and floor.until >= EFFECTIVE and floor.tier == decision.tier
        step_holds = steps and position(current) - position(decision.tier) == steps
        if not (floor_holds or step_holds or decision.tier == pol.base):
            assert decision.tier.retain_points <= points
        if steps:
            assert position(current) - position(decision.tier) <= steps
        if floor is not None and floor.until >= EFFECTIVE:
            assert decision.tier.rank >= floor.tier.rank
        if floor is not None and floor.until < EFFECTIVE:  # an expired floor changes nothing
            assert review(pol, current, points, EFFECTIVE) == decision


@given(scenarios(), st.integers(0, 5_000))
def test_more_points_never_give_a_lower_tier(scenario, more):
    pol, current, points, floor = scenario
    fewer = review(pol, current, points, EFFECTIVE, floor)
    assert fewer.tier.rank <= review(pol, current, points + more, EFFECTIVE, floor).tier.rank


@given(scenarios())
def test_progress_agrees_with_the_review(scenario):
    pol, current, points, _ = scenario
    shown = progress(pol, current, points)
    decision = review(pol, current, points, EFFECTIVE)
    if current != pol.base:
        assert shown.to_retain == decision.missing
        assert (shown.to_retain > 0) == (decision.outcome is DOWN)
    if shown.next_tier is not None:
        assert (shown.to_next == 0) == (decision.outcome is UP)


@given(st.dates(D(2024, 1, 1), D(2030, 12, 31)), st.integers(1, 60))
def test_validity_end_is_one_day_before_the_anniversary(valid_from, months):
    end = validity_end(valid_from, months)
    year, month0 = divmod(valid_from.month - 1 + months, 12)
    year, month = valid_from.year + year, month0 + 1
    if valid_from.day <= calendar.monthrange(year, month)[1]:
        assert end + DAY == D(year, month, valid_from.day) == add_months(valid_from, months)
    else:  # the day does not exist there: held to that month's last day
        assert end == add_months(valid_from, months) and (end + DAY).day == 1
    assert end >= valid_from


# --- status match table -----------------------------------------------------------------------


def test_the_status_match_table_suggests_a_tier_whatever_the_case_and_spaces():
    from app.domain.tiers import match_key, suggested_match

    assert match_key(" Hilton Honors ", "GOLD ") == "hilton honors / gold"
    table = {match_key("Hilton Honors", "Gold"): "gold"}
    matched = check_policy(policy(status_match=table))
    assert suggested_match(matched, "hilton honors", " gold").code == "gold"
    assert suggested_match(matched, "Hilton Honors", "Diamond") is None
    assert suggested_match(policy(), "Hilton Honors", "Gold") is None
    assert policy_from_dict(json.loads(json.dumps(policy_to_dict(matched)))) == matched


@pytest.mark.parametrize(
    "key, code",
    [
        ("hilton honors / gold", "nosuch"),  # no such tier
        ("Hilton Honors / Gold", "gold"),  # not in the table's form
        ("hilton honors", "gold"),  # no level
    ],
)
def test_status_match_entries_must_name_a_level_and_a_tier(key, code):
    with pytest.raises(ValidationError) as refused:
        check_policy(policy(status_match={key: code}))
    assert refused.value.field == "status_match"
    assert refused.value.params == {"level": key}


def test_mappings_typed_as_lines_become_codes_and_back():
    from app.domain.tiers import mapping_from_text, mapping_to_text

    cards = policy().tiers
    text = "星途 S7 = Gold\n\n  揽月 = platinum  \n"
    assert mapping_from_text(text, cards, "enrolment_by_series") == {
        "星途 S7": "gold", "揽月": "platinum",
    }  # fmt: skip
    matches = mapping_from_text("Hilton Honors / GOLD = Gold", cards, "status_match")
    assert matches == {"hilton honors / gold": "gold"}
    assert mapping_to_text(matches, cards) == "hilton honors / gold = Gold"
    assert mapping_from_text(mapping_to_text(matches, cards), cards, "status_match") == matches
    assert mapping_from_text("", cards, "status_match") == {}


@pytest.mark.parametrize(
    "text, field, line",
    [
        ("星途 S7 = Nosuch", "enrolment_by_series", 1),
        ("星途 S7 Gold", "enrolment_by_series", 1),
        (" = Gold", "enrolment_by_series", 1),
        ("a = Gold\nb = Gold\na = Silver", "enrolment_by_series", 3),
        ("Hilton Honors = Gold", "status_match", 1),
    ],
)
def test_a_mapping_line_that_cannot_be_read_is_named(text, field, line):
    from app.domain.tiers import mapping_from_text

    with pytest.raises(ValidationError) as refused:
        mapping_from_text(text, policy().tiers, field)
    assert (refused.value.field, refused.value.params) == (field, {"line": line})


def test_status_match_keys_and_lines_may_hold_more_slashes_and_equals_signs():
    from app.domain.tiers import mapping_from_text, mapping_to_text, match_key

    assert match_key(" Hilton ") == "hilton / "
    checked = check_policy(policy(status_match={"hilton / gold / plus": "gold"}))
    assert checked.status_match == {"hilton / gold / plus": "gold"}
    cards = policy().tiers
    read = mapping_from_text("Hilton / Gold / Plus = Gold", cards, "status_match")
    assert read == {"hilton / gold / plus": "gold"}
    assert mapping_from_text("车型=旗舰版 = Gold", cards, "enrolment_by_series") == {
        "车型=旗舰版": "gold"
    }
    two = {"b / x": "gold", "a / y": "nosuch"}
    assert mapping_to_text(two, cards) == "a / y = nosuch\nb / x = Gold"


def test_check_policy_copies_the_status_match_table():
    table = {"hilton / gold": "gold"}
    checked = check_policy(policy(status_match=table))
    assert checked.status_match == table and checked.status_match is not table


def test_refusals_of_the_mappings_say_what_to_fix():
    from app.domain.tiers import mapping_from_text

    with pytest.raises(ValidationError) as refused:
        check_policy(policy(status_match={"hilton / gold": "nosuch"}))
    assert refused.value.template == "Status match for {level}: no such tier."
    with pytest.raises(ValidationError) as refused:
        mapping_from_text("x", policy().tiers, "status_match")
    assert refused.value.template == "Line {line}: write it as “what = tier name”, once per line."
