"""A member's tier now, the qualifying points it is judged on, and the one way it changes
(a member_tiers row, a tier_history row and an audit entry, together).

Lock order (see ``uow``): the member_tiers row is locked after the member's points account,
so a posting that checks for an upgrade (account, then tier) and an approval or review that
changes the tier (tier only) never wait for each other in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from app.db.models import LedgerEntry, MemberTier, PointsAccount, TierChange
from app.domain import tiers as rules
from app.domain.points import Currency
from app.domain.roles import Actor, Permission, require
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import load_member, programme_today
from app.services.shared.uow import FOR_CHANGE, UnitOfWork
from app.services.tiers.policy import policy_in_force


@dataclass(frozen=True)
class Standing:
    member_id: int
    tier: rules.Tier
    period_start: date | None  # None: since enrolment (no tier change yet)
    counted_to_entry: int | None  # entries up to this id earned the period's start
    valid_until: date | None  # None: the base tier, for life
    upgraded_on: date | None
    floor: rules.Floor | None  # a manual or paid tier kept until a day
    floor_reason: str | None
    matched_on: date | None


def read_standing(
    uow: UnitOfWork, policy: rules.TierPolicy, member_id: int, lock: bool = False
) -> Standing:
    row = uow.session.get(
        MemberTier, member_id, with_for_update=FOR_CHANGE if lock else None,
        populate_existing=lock,
    )  # fmt: skip
    if row is None:
        return Standing(member_id, policy.base, None, None, None, None, None, None, None)
    tier = _tier_or_base(policy, row.tier_code)
    floor = None
    if row.floor_code and row.floor_until and policy.has(row.floor_code):
        floor = rules.Floor(policy.tier(row.floor_code), row.floor_until)
    return Standing(
        member_id, tier, row.period_start, row.counted_to_entry, row.valid_until,
        row.upgraded_on, floor, row.floor_reason, row.matched_on,
    )  # fmt: skip


def _tier_or_base(policy: rules.TierPolicy, code: str) -> rules.Tier:
    # save_policy refuses dropping a tier members hold, so this is only a safety net
    return policy.tier(code) if policy.has(code) else policy.base


def period_points(
    uow: UnitOfWork,
    member_id: int,
    start: date | None,
    end: date | None = None,
    after_entry: int | None = None,
) -> int:
    """Net qualifying points posted with business dates from ``start`` to ``end`` (and ids
    after ``after_entry``: the points that earned an upgrade do not count twice)."""
    query = select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
        LedgerEntry.member_id == member_id, LedgerEntry.currency == Currency.QUALIFYING
    )
    if after_entry is not None:
        query = query.where(LedgerEntry.id > after_entry)
    if start is not None:
        query = query.where(LedgerEntry.business_date >= start)
    if end is not None:
        query = query.where(LedgerEntry.business_date <= end)
    return int(uow.session.scalar(query) or 0)


def basis_points(
    uow: UnitOfWork, policy: rules.TierPolicy, standing: Standing, on: date | None = None
) -> int:
    """The qualifying points upgrades are judged on: the current period's (default) or
    the member's lifetime qualifying balance (``upgrade_basis = lifetime``)."""
    if policy.upgrade_basis == rules.UpgradeBasis.LIFETIME or standing.period_start is None:
        account = uow.session.get(PointsAccount, standing.member_id)
        return account.qualifying if account else 0
    return period_points(
        uow, standing.member_id, standing.period_start, on, standing.counted_to_entry
    )


def tier_multiplier(uow: UnitOfWork, member_id: int, on: date) -> int:
    """The earn multiplier (permille) of the member's tier on ``on``."""
    policy = policy_in_force(uow, on)
    return read_standing(uow, policy, member_id).tier.multiplier_permille


# Changes after which the member earns the next tier afresh; a review's retain or downgrade
# starts the next period by date alone.
FRESH_START = frozenset(
    {rules.ChangeReason.UPGRADE, rules.ChangeReason.MATCH, rules.ChangeReason.MANUAL,
     rules.ChangeReason.PAID}
)  # fmt: skip


@dataclass(frozen=True)
class TierMove:
    """One change of a member's tier, as the history and the audit record it."""

    tier: rules.Tier
    reason: rules.ChangeReason
    points: int
    effective: date
    valid_until: date | None
    run_id: int | None = None
    approval_id: int | None = None
    note: str | None = None
    floor: rules.Floor | None = None  # manual and paid tiers; None keeps the floor as is
    floor_reason: str | None = None


def move_tier(uow: UnitOfWork, actor: Actor | str, before: Standing, move: TierMove) -> None:
    """Apply ``move`` to the member (its row locked by the caller), with history and audit."""
    row = uow.session.get(MemberTier, before.member_id)
    if row is None:
        row = MemberTier(member_id=before.member_id)
        uow.session.add(row)
    row.tier_code, row.valid_until, row.updated_at = move.tier.code, move.valid_until, uow.now()
    row.period_start = move.effective  # a new period: upgraded, matched, retained, downgraded…
    if move.reason in FRESH_START:  # the points so far earned this change: start from zero
        row.counted_to_entry = uow.session.scalar(
            select(func.max(LedgerEntry.id)).where(LedgerEntry.member_id == before.member_id)
        )
    if move.tier.rank > before.tier.rank:
        row.upgraded_on = move.effective
    if move.floor is not None:
        row.floor_code, row.floor_until = move.floor.tier.code, move.floor.until
        row.floor_reason = move.floor_reason
    if move.reason == rules.ChangeReason.MATCH:
        row.matched_on = move.effective
    name = actor if isinstance(actor, str) else actor.username
    uow.session.add(
        TierChange(
            member_id=before.member_id, from_code=before.tier.code, to_code=move.tier.code,
            reason=move.reason.value, points=move.points, effective_on=move.effective,
            valid_until=move.valid_until, run_id=move.run_id, approval_id=move.approval_id,
            note=move.note, actor=name, created_at=uow.now(),
        )
    )  # fmt: skip
    audit.record(
        uow, actor, "member_tier", before.member_id, move.reason.value,
        before={"tier": before.tier.code, "valid_until": _iso(before.valid_until)},
        after={"tier": move.tier.code, "valid_until": _iso(move.valid_until),
               "points": move.points, "effective": move.effective.isoformat(),
               "run": move.run_id, "approval": move.approval_id},
    )  # fmt: skip


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# --- the member's tier tab ------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    id: int
    from_tier: str | None  # names as the policy in force calls them
    to_tier: str
    reason: str
    points: int
    effective_on: date
    valid_until: date | None
    run_id: int | None
    approval_id: int | None
    note: str | None
    actor: str
    created_at: datetime


@dataclass(frozen=True)
class TierView:
    member_id: int
    tier: rules.Tier
    valid_until: date | None
    period_start: date | None
    upgraded_on: date | None
    floor: rules.Floor | None
    floor_reason: str | None
    progress: rules.Progress
    history: list[HistoryRow]


def member_tier(db: Database, actor: Actor, member_id: int) -> TierView:
    """The member's tier, its validity, progress to keep it and to the next tier, history."""
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        load_member(uow, member_id)
        today = programme_today(uow)
        policy = policy_in_force(uow, today)
        standing = read_standing(uow, policy, member_id)
        points = basis_points(uow, policy, standing, today)
        history = uow.session.scalars(
            select(TierChange)
            .where(TierChange.member_id == member_id)
            .order_by(TierChange.id.desc())
            .limit(200)
        )
        return TierView(
            member_id, standing.tier, standing.valid_until, standing.period_start,
            standing.upgraded_on, standing.floor, standing.floor_reason,
            rules.progress(policy, standing.tier, points),
            [_history_row(policy, change) for change in history],
        )  # fmt: skip


def _history_row(policy: rules.TierPolicy, change: TierChange) -> HistoryRow:
    def name(code: str | None) -> str | None:
        return policy.tier(code).name if code and policy.has(code) else code

    return HistoryRow(
        change.id, name(change.from_code), name(change.to_code) or change.to_code,
        change.reason, change.points, change.effective_on, change.valid_until, change.run_id,
        change.approval_id, change.note, change.actor, change.created_at,
    )  # fmt: skip
