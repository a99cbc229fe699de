"""Pure rules of the monthly report: lifecycle stages, rates, the points identity and the
programme cost formulas (RULES.md S6, O1, O2). No I/O: the report service and the tests
share this arithmetic; money is integer fen, rates are ``Fraction`` (``None`` when the
denominator is 0)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from app.domain.points import FEN_PER_YUAN

STAGES = ("active", "silent", "sleeping", "lost")
EARN_GROUPS = ("initial", "consumption", "activity", "other")
CONSUMPTION_SOURCES = frozenset({"service", "purchase"})
ACTIVITY_SOURCES = frozenset(
    {"sign_in", "share", "major_event", "birthday", "referral", "new_binding"}
)
# Redeem postings at the counter (抵扣) name what the points paid for; others are redemptions.
OFFSET_SOURCES = frozenset({"labour", "parts"})


@dataclass(frozen=True)
class StageThresholds:
    """Days since the last activity: up to ``silent`` active, up to ``sleeping`` silent,
    up to ``lost`` sleeping, beyond lost (defaults 180 / 365 / 730)."""

    silent: int = 180
    sleeping: int = 365
    lost: int = 730

    def __post_init__(self) -> None:
        if not 0 < self.silent < self.sleeping < self.lost:
            raise ValueError("stage thresholds must grow: silent < sleeping < lost")


def lifecycle_stage(last_activity: date, as_of: date, limits: StageThresholds) -> str:
    """The stage of a member whose last activity (or joining) was on ``last_activity``."""
    days = (as_of - last_activity).days
    if days <= limits.silent:
        return "active"
    if days <= limits.sleeping:
        return "silent"
    if days <= limits.lost:
        return "sleeping"
    return "lost"


def stage_cutoffs(as_of: date, limits: StageThresholds) -> tuple[date, date, date]:
    """The earliest last-activity date of an active, a silent and a sleeping member as of
    ``as_of`` (for a set-based CASE on dates: on or after the first cut-off is active...)."""
    return (
        as_of - timedelta(days=limits.silent),
        as_of - timedelta(days=limits.sleeping),
        as_of - timedelta(days=limits.lost),
    )


def earn_group(source: str) -> str:
    """initial (the launch's initial points), consumption (spend documents), activity
    (events: sign-in, share, major events, birthday, referral, new binding) or other."""
    if source == "initial":
        return "initial"
    if source in CONSUMPTION_SOURCES:
        return "consumption"
    if source in ACTIVITY_SOURCES:
        return "activity"
    return "other"


def is_offset(source: str) -> bool:
    """Whether a redeem posting is an offset at the counter (else a benefit redemption)."""
    return source in OFFSET_SOURCES


def ratio(numerator: int, denominator: int) -> Fraction | None:
    return None if denominator == 0 else Fraction(numerator, denominator)


def identity_difference(
    opening: int,
    earned: int,
    offset: int,
    redeemed: int,
    expired: int,
    adjusted: int,
    reversed_: int,
    closing: int,
) -> int:
    """closing − (opening + earned − offset − redeemed − expired + adjusted − reversed):
    0 when the month's movements explain the closing balance."""
    return closing - (opening + earned - offset - redeemed - expired + adjusted - reversed_)


def points_value_fen(points: int, points_per_yuan: int) -> int:
    """What ``points`` are worth in fen at ``points_per_yuan`` (floored to the fen)."""
    if points_per_yuan <= 0:
        raise ValueError("points_per_yuan must be > 0")
    return points * FEN_PER_YUAN // points_per_yuan


def median_hours(durations_seconds: list[int]) -> Fraction | None:
    """The median of durations (seconds) in hours; the mean of the two middle ones for an
    even count; None for none."""
    if not durations_seconds:
        return None
    ordered = sorted(durations_seconds)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return Fraction(ordered[middle], 3600)
    return Fraction(ordered[middle - 1] + ordered[middle], 7200)


# --- programme cost (RULES.md O2) --------------------------------------------------------


@dataclass(frozen=True)
class ActivityLine:
    """One row of seed 004's activity table: the event, its year cap in points (from the
    rule in force; None if uncapped) and the expected activity rate in percent."""

    event: str
    points: int
    year_cap: int | None
    activity_pct: int


def expected_points(line: ActivityLine) -> Fraction | None:
    """Points a member is expected to earn a year from ``line``: cap × activity rate."""
    if line.year_cap is None:
        return None
    return Fraction(line.year_cap * line.activity_pct, 100)


def yearly_cost_fen(points: Fraction | int, redemption_pct: int, points_per_yuan: int) -> int:
    """Forecast yearly cost per member in fen of ``points`` earned: points × forecast
    redemption rate ÷ points per yuan (seed: 1249 × 20 % × 0.1 = ¥24.98), rounded half up."""
    fen = Fraction(points) * redemption_pct * FEN_PER_YUAN / (100 * points_per_yuan)
    return int((fen * 2 + 1) // 2)


def cost_of_points_fen(
    used_points: int, outstanding_points: int, redemption_pct: int, points_per_yuan: int
) -> int:
    """Cost of points: used points' value plus the outstanding points' value × forecast
    redemption rate (RULES.md O2), in fen, floored."""
    used = Fraction(used_points * FEN_PER_YUAN, points_per_yuan)
    liability = Fraction(outstanding_points * FEN_PER_YUAN * redemption_pct, points_per_yuan * 100)
    return int(used + liability)


def per_member_fen(total_fen: int, members: int) -> int | None:
    """``total_fen`` ÷ members, rounded half up; None with no members."""
    if members <= 0:
        return None
    return (2 * total_fen + members) // (2 * members)


def accrued_cost_fen(
    used_points: int, opening: int, closing: int, redemption_pct: int, points_per_yuan: int
) -> int:
    """The period's cost of points on an accrual basis: the value of the points used plus
    the change of the provision for outstanding points (outstanding × forecast redemption
    rate × value), i.e. cost_of_points(used, closing) − cost_of_points(0, opening)."""
    return cost_of_points_fen(used_points, closing, redemption_pct, points_per_yuan) - (
        cost_of_points_fen(0, opening, redemption_pct, points_per_yuan)
    )
