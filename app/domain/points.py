"""Pure rules of the points ledger: allocation, expiry, earning, value and reversal.

Conventions: points are ``int``; money is integer fen (1 yuan = 100 fen), never float;
business dates are ``datetime.date``. No I/O here so the database-backed service and
the tests share exactly the same arithmetic.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Literal

__all__ = [
    "Currency",
    "EntryKind",
    "HoldStatus",
    "EarningPreview",
    "EventRule",
    "EventTally",
    "ExpiryPolicy",
    "FixedCycle",
    "InsufficientPoints",
    "Lot",
    "Rolling",
    "SpendRule",
    "add_months",
    "allocate_debit",
    "apply_multiplier",
    "available_balance",
    "binding_window_end",
    "cycle_end",
    "earns_at_counter",
    "event_edition",
    "event_points",
    "exceeded_cap",
    "in_binding_window",
    "in_initial_window",
    "week_edition",
    "week_of",
    "lot_expiry",
    "needs_edition_code",
    "points_for_fen",
    "points_value_fen",
    "preview_document",
    "preview_spend",
    "reverse_credit",
    "spend_points",
    "starts_new_cycle",
    "usable_lots",
]

FEN_PER_YUAN = 100
PERMILLE = 1000


class Currency(StrEnum):
    POINTS = "points"  # redeemable
    QUALIFYING = "qualifying"  # 成长值: counts toward tiers, never redeemed


class EntryKind(StrEnum):
    EARN = "earn"
    REDEEM = "redeem"
    ADJUST = "adjust"
    REVERSE = "reverse"
    EXPIRE = "expire"


class HoldStatus(StrEnum):
    ACTIVE = "active"  # points reserved for a redemption being prepared
    POSTED = "posted"
    RELEASED = "released"
    TIMED_OUT = "timed_out"


# --- Lots and allocation -------------------------------------------------------------


class InsufficientPoints(Exception):
    """A debit asks for more points than the member can use right now."""

    def __init__(self, available: int, requested: int) -> None:
        super().__init__(f"insufficient points: available {available}, requested {requested}")
        self.available = available
        self.requested = requested


@dataclass(frozen=True)
class Lot:
    """Points from one credit. ``expires_on=None``: validity not started yet
    (pre-registered member); such lots never expire meanwhile and are consumed last."""

    lot_id: str
    remaining: int
    expires_on: date | None
    earned_on: date


def _is_usable(lot: Lot, as_of: date) -> bool:
    # A lot expiring on D is still usable on D; it is gone from D+1.
    return lot.remaining > 0 and (lot.expires_on is None or as_of <= lot.expires_on)


def _consumption_key(lot: Lot) -> tuple[bool, date, date, str]:
    # Soonest expiry first (protects the member from losing points), not-started lots
    # last; earned_on then lot_id make the order total, so postings are reproducible.
    return (lot.expires_on is None, lot.expires_on or date.max, lot.earned_on, lot.lot_id)


def usable_lots(lots: Sequence[Lot], as_of: date) -> list[Lot]:
    """Lots with points left and not expired as of ``as_of``, in consumption order."""
    return sorted((lot for lot in lots if _is_usable(lot, as_of)), key=_consumption_key)


def allocate_debit(lots: Sequence[Lot], amount: int, as_of: date) -> list[tuple[str, int]]:
    """Split a debit of ``amount`` points over ``lots`` -> ``[(lot_id, points_taken)]``.

    Raises ``ValueError`` if ``amount <= 0`` and ``InsufficientPoints`` if the usable
    lots do not cover it (nothing is allocated then: a debit is all or nothing).
    """
    if amount <= 0:
        raise ValueError(f"debit amount must be positive, got {amount}")
    ordered = usable_lots(lots, as_of)
    available = sum(lot.remaining for lot in ordered)
    if amount > available:
        raise InsufficientPoints(available, amount)
    allocation: list[tuple[str, int]] = []
    left = amount
    for lot in ordered:
        take = min(lot.remaining, left)
        allocation.append((lot.lot_id, take))
        left -= take
        if left == 0:
            break
    return allocation


def available_balance(lots: Sequence[Lot], holds_total: int, as_of: date) -> int:
    """Usable points minus points on hold (e.g. reserved for a pending redemption).

    Floored at 0: holds can exceed usable points once a held lot expires, and the
    member then simply has nothing available rather than a negative balance.
    """
    if holds_total < 0:
        raise ValueError(f"holds_total must be >= 0, got {holds_total}")
    usable = sum(lot.remaining for lot in lots if _is_usable(lot, as_of))
    return max(0, usable - holds_total)


# --- Expiry policies -----------------------------------------------------------------


@dataclass(frozen=True)
class FixedCycle:
    """A cycle runs from its first credit to 31 Dec of the ``years``-th natural year
    (counting the first credit's year as year 1); all its points expire together."""

    years: int

    def __post_init__(self) -> None:
        if self.years < 1:
            raise ValueError(f"FixedCycle.years must be >= 1, got {self.years}")


@dataclass(frozen=True)
class Rolling:
    """Each lot expires ``months`` after it is earned (day clamped to the month's end),
    optionally pushed to the end of that month so members get one date per month."""

    months: int
    round_to_month_end: bool = False

    def __post_init__(self) -> None:
        if self.months < 1:
            raise ValueError(f"Rolling.months must be >= 1, got {self.months}")


ExpiryPolicy = FixedCycle | Rolling


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def add_months(d: date, months: int) -> date:
    """``d`` plus ``months`` calendar months, clamping the day (31 Jan + 1 -> 28/29 Feb)."""
    years, month0 = divmod(d.month - 1 + months, 12)
    year, month = d.year + years, month0 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def cycle_end(policy: FixedCycle, cycle_start: date) -> date:
    """Last valid day of a cycle that started on ``cycle_start``."""
    return date(cycle_start.year + policy.years - 1, 12, 31)


def starts_new_cycle(
    policy: FixedCycle, previous_cycle_start: date | None, credit_on: date
) -> bool:
    """True if a credit on ``credit_on`` opens a new cycle (none yet, or the last ended)."""
    return previous_cycle_start is None or credit_on > cycle_end(policy, previous_cycle_start)


def lot_expiry(
    policy: ExpiryPolicy,
    earned_on: date,
    cycle_start: date | None,
    validity_start: date | None,
) -> date:
    """Last usable day of a lot earned on ``earned_on``.

    ``validity_start`` is the activation date of a pre-registered member: validity
    counts from ``max(earned_on, validity_start)``. For ``FixedCycle``, ``cycle_start``
    is the first credit of the current cycle (``None``: this lot opens a new cycle);
    a cycle cannot start before activation. ``cycle_start`` is ignored by ``Rolling``.
    """
    start = earned_on if validity_start is None else max(earned_on, validity_start)
    if isinstance(policy, Rolling):
        expiry = add_months(start, policy.months)
        return _month_end(expiry) if policy.round_to_month_end else expiry
    anchor = start if cycle_start is None else cycle_start
    if validity_start is not None:
        anchor = max(anchor, validity_start)
    if starts_new_cycle(policy, anchor, start):
        anchor = start
    return cycle_end(policy, anchor)


# --- Earning rules ---------------------------------------------------------------------

Rounding = Literal["floor", "round_half_up"]


@dataclass(frozen=True)
class SpendRule:
    """``points_per_unit`` points for every ``unit_fen`` spent,
    e.g. 1 point per 1,000 yuan is ``SpendRule(1, 100_000, "floor")``."""

    points_per_unit: int
    unit_fen: int
    rounding: Rounding = "floor"

    def __post_init__(self) -> None:
        if self.unit_fen <= 0 or self.points_per_unit < 0:
            raise ValueError("SpendRule needs unit_fen > 0 and points_per_unit >= 0")
        if self.rounding not in ("floor", "round_half_up"):
            raise ValueError(f"unknown rounding {self.rounding!r}")


def spend_points(rule: SpendRule, amount_fen: int) -> int:
    """Points earned by spending ``amount_fen``; exact integer arithmetic only."""
    if amount_fen < 0:
        raise ValueError("amount_fen must be >= 0; refunds go through reverse_credit")
    numerator = amount_fen * rule.points_per_unit
    if rule.rounding == "floor":
        return numerator // rule.unit_fen
    # Half-up on the exact fraction n/u: floor((2n + u) / 2u).
    return (2 * numerator + rule.unit_fen) // (2 * rule.unit_fen)


# The periods an event rule may cap, in the order a refusal names them.
CAP_PERIODS = ("day", "week", "edition", "month", "year")

# Events that count "once per event" (seed 003: 大型活动 每期一次): each occurrence must name
# its event code, or the limit could not tell one event from the next.
EDITION_REQUIRED = frozenset({"major_event"})

# Events whose edition (期), without a code, is the calendar week (seed 003: shares 每期4次,
# 4*4*12 a year: about four weekly editions a month).
WEEKLY_EDITIONS = frozenset({"share"})


@dataclass(frozen=True)
class EventRule:
    """Fixed points for an event (sign-in, share, ...). Caps are in points, ``None`` =
    uncapped; e.g. daily sign-in ``EventRule("sign_in", 1, 1, None, 365)`` and seed 003's
    share, 4 times an edition and 384 points a year,
    ``EventRule("share", 2, cap_per_year=384, cap_per_edition=8)``.

    ``cap_per_week`` counts a calendar week, Monday to Sunday; ``cap_per_edition`` counts
    one edition (期) or event, named by its code."""

    event: str
    points: int
    cap_per_day: int | None = None
    cap_per_month: int | None = None
    cap_per_year: int | None = None
    cap_per_week: int | None = None
    cap_per_edition: int | None = None


@dataclass(frozen=True)
class EventTally:
    """Points already earned from one rule in each period the new occurrence falls in."""

    day: int = 0
    week: int = 0
    edition: int = 0
    month: int = 0
    year: int = 0


def exceeded_cap(rule: EventRule, tally: EventTally) -> tuple[str, int] | None:
    """``(period, cap)`` of the first cap (in :data:`CAP_PERIODS` order) one more occurrence
    would exceed, or ``None`` when the occurrence earns its points."""
    for period in CAP_PERIODS:
        cap = getattr(rule, f"cap_per_{period}")
        if cap is not None and getattr(tally, period) + rule.points > cap:
            return period, cap
    return None


def event_points(
    rule: EventRule,
    already_day: int,
    already_month: int,
    already_year: int,
    already_week: int = 0,
    already_edition: int = 0,
) -> int:
    """Points this occurrence earns, given points already earned from this rule in the
    current day / month / year (and week and edition).

    All or nothing: the event earns its full points, or 0 if that would exceed any cap.
    Partial awards (e.g. 1 of 2 share points) look like errors at the counter and are
    hard to explain to members; "limit reached" is not.
    """
    tally = EventTally(already_day, already_week, already_edition, already_month, already_year)
    return 0 if exceeded_cap(rule, tally) else rule.points


def needs_edition_code(event: str) -> bool:
    """Whether an occurrence of ``event`` must name its edition or event code."""
    return event in EDITION_REQUIRED


def event_edition(rule: EventRule, code: str | None, on: date) -> str | None:
    """The edition (期) an occurrence on ``on`` counts in: its code when it has one; without
    one, the calendar week for a share, or for any rule capped per edition; otherwise none.
    (Events that need a code are refused before: see :func:`needs_edition_code`.)"""
    if code:
        return code
    if rule.event in WEEKLY_EDITIONS or rule.cap_per_edition is not None:
        return week_edition(on)
    return None


def week_of(on: date) -> tuple[date, date]:
    """The calendar week of ``on``: its Monday and its Sunday."""
    monday = on - timedelta(days=on.weekday())
    return monday, monday + timedelta(days=6)


def week_edition(on: date) -> str:
    """The code of the edition a share without one belongs to: its calendar week as an ISO
    week, e.g. "2026-W09" for 23 Feb to 1 Mar 2026 (a week across New Year is one week)."""
    year, week, _day = on.isocalendar()
    return f"{year}-W{week:02d}"


# --- Launch: initial points and the new-binding bonus ------------------------------------


def in_initial_window(business_date: date, launch: date) -> bool:
    """Whether a document counts toward initial points: the year before the launch (seed
    003: 项目启动前一年内), the launch day itself excluded."""
    return add_months(launch, -12) <= business_date < launch


def earns_at_counter(business_date: date, launch: date) -> bool:
    """Whether a document earns points of its own. One dated before the launch is history:
    it earns nothing itself, and its service spend is summed per member and converted once
    by the initial-points run (converting each document would lose each one's fraction)."""
    return business_date >= launch


def binding_window_end(launch: date, months: int) -> date:
    """The first day outside the new-binding window (seed 003: 项目启动后3个月内)."""
    return add_months(launch, months)


def in_binding_window(on: date, launch: date, months: int) -> bool:
    """Whether a binding on ``on`` earns the new-binding bonus: from the launch day until the
    day before the same day ``months`` months later (launch + 3 months is outside)."""
    return launch <= on < binding_window_end(launch, months)


def apply_multiplier(points: int, multiplier_permille: int) -> int:
    """Tier multiplier in permille (1000 = x1.0, 1500 = x1.5), floored to whole points."""
    if multiplier_permille < 0:
        raise ValueError(f"multiplier_permille must be >= 0, got {multiplier_permille}")
    return points * multiplier_permille // PERMILLE


# --- Earning preview -----------------------------------------------------------------

# Stable English labels: the GUI translates them, so keep numbers out of the text.
LABEL_BASE = "Base points"
LABEL_TIER_BONUS = "Tier bonus"
LABEL_TOTAL = "Total"
LABEL_PRE_LAUNCH = "Before the launch: counted in initial points"


@dataclass(frozen=True)
class EarningPreview:
    base_points: int
    multiplier_permille: int
    bonus_points: int
    total_points: int
    lines: list[tuple[str, int]] = field(default_factory=list)


def preview_spend(
    rule: SpendRule, amount_fen: int, multiplier_permille: int = PERMILLE
) -> EarningPreview:
    """What a spend of ``amount_fen`` will earn, broken down for display before posting.

    The bonus line is omitted when it is 0 and may be negative for a multiplier < 1000.
    """
    base = spend_points(rule, amount_fen)
    total = apply_multiplier(base, multiplier_permille)
    bonus = total - base
    lines = [(LABEL_BASE, base)]
    if bonus:
        lines.append((LABEL_TIER_BONUS, bonus))
    lines.append((LABEL_TOTAL, total))
    return EarningPreview(base, multiplier_permille, bonus, total, lines)


def preview_document(
    rule: SpendRule,
    amount_fen: int,
    business_date: date,
    launch: date,
    multiplier_permille: int = PERMILLE,
) -> EarningPreview:
    """What a document earns of its own: as :func:`preview_spend` from the launch on; before
    the launch nothing (it is history for the initial-points run, see
    :func:`earns_at_counter`), said in one line."""
    if earns_at_counter(business_date, launch):
        return preview_spend(rule, amount_fen, multiplier_permille)
    return EarningPreview(0, multiplier_permille, 0, 0, [(LABEL_PRE_LAUNCH, 0), (LABEL_TOTAL, 0)])


# --- Points value ----------------------------------------------------------------------


def points_value_fen(points: int, points_per_yuan: int = 10) -> int:
    """Cash value of ``points`` in fen, floored: the programme never over-pays a fen."""
    if points < 0 or points_per_yuan <= 0:
        raise ValueError("points must be >= 0 and points_per_yuan > 0")
    return points * FEN_PER_YUAN // points_per_yuan


def points_for_fen(amount_fen: int, points_per_yuan: int = 10) -> int:
    """Whole points needed to cover ``amount_fen``, rounded up: redeeming them always
    covers the amount (``points_value_fen(points_for_fen(x)) >= x``)."""
    if amount_fen < 0 or points_per_yuan <= 0:
        raise ValueError("amount_fen must be >= 0 and points_per_yuan > 0")
    return -(-amount_fen * points_per_yuan // FEN_PER_YUAN)


# --- Refund reversal -----------------------------------------------------------------


def reverse_credit(original_points: int, lot_remaining: int) -> tuple[int, int]:
    """Reverse a credit on refund -> ``(reversed_now, shortfall)``.

    Only what is still in the lot can be taken back, so the balance never goes
    negative; ``shortfall`` (points already spent) is for the service to settle, e.g.
    by deducting from later credits or charging the member.
    """
    if original_points < 0 or not 0 <= lot_remaining <= original_points:
        raise ValueError("need 0 <= lot_remaining <= original_points")
    return lot_remaining, original_points - lot_remaining
