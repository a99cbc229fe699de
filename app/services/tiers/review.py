"""The tier review (等级评审), a batch run: every member whose validity (plus the grace
period) ended on or before the as-of date is upgraded, retained or downgraded on the
qualifying points of the period. The points come from one grouped query per batch, the
decision from ``app.domain.tiers.review`` (the same rule the tests pin), and the changes are
written with one statement per table per batch, never member by member.

The at-risk list (members whose validity ends soon and who lack points to keep their tier)
reads the same way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import (
    Date,
    Integer,
    String,
    and_,
    bindparam,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY

from app.db.dates import days_after
from app.db.models import Dealer, LedgerEntry, Member, MemberTier, TierChange
from app.domain import tiers as rules
from app.domain.errors import ValidationError
from app.domain.inputs import check_date, check_int
from app.domain.members import MemberStatus
from app.domain.points import Currency
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.validation import mask_mobile, mask_name
from app.services.runs import batch_runs
from app.services.runs.batch_runs import RunContext, RunKind
from app.services.shared.database import Database
from app.services.shared.progress import Progress
from app.services.shared.scope import programme_today, sees_personal_data
from app.services.shared.uow import UnitOfWork
from app.services.tiers.policy import policy_in_force, version_in_force

REVIEW_RUN = "tier_review"
OUTCOMES = tuple(outcome.value for outcome in rules.Outcome)


@dataclass(frozen=True)
class Due:
    """A member whose tier validity ended, with the points of the period."""

    member_id: int
    dealer_id: int | None
    tier_code: str
    valid_until: date
    floor_code: str | None
    floor_until: date | None
    points: int


def _due_query(policy: rules.TierPolicy, as_of: date, first: int | None, last: int | None):
    """Due members with the net qualifying points from the period's start to the end of
    validity plus the grace period, in one grouped query."""
    window_end = (
        days_after(MemberTier.valid_until, policy.grace_days)
        if policy.grace_days
        else MemberTier.valid_until
    )
    entries = and_(
        LedgerEntry.member_id == MemberTier.member_id,
        LedgerEntry.currency == Currency.QUALIFYING.value,
        LedgerEntry.business_date >= MemberTier.period_start,
        LedgerEntry.business_date <= window_end,
        LedgerEntry.id > func.coalesce(MemberTier.counted_to_entry, 0),
    )
    query = (
        select(
            MemberTier.member_id, Member.dealer_id, MemberTier.tier_code, MemberTier.valid_until,
            MemberTier.floor_code, MemberTier.floor_until,
            func.coalesce(func.sum(LedgerEntry.amount), 0),
        )
        .join(Member, Member.id == MemberTier.member_id)
        .outerjoin(LedgerEntry, entries)
        .where(
            MemberTier.valid_until <= as_of - timedelta(days=policy.grace_days),
            Member.merged_into_id.is_(None),
            Member.status != MemberStatus.CLOSED.value,
        )
        .group_by(
            MemberTier.member_id, Member.dealer_id, MemberTier.tier_code,
            MemberTier.valid_until, MemberTier.floor_code, MemberTier.floor_until,
        )
        .order_by(MemberTier.member_id)
    )  # fmt: skip
    if first is not None and last is not None:
        query = query.where(MemberTier.member_id.between(first, last))
    return query


def due_members(
    uow: UnitOfWork, policy: rules.TierPolicy, as_of: date, first=None, last=None
) -> list[Due]:
    rows = uow.session.execute(_due_query(policy, as_of, first, last))
    return [Due(r[0], r[1], r[2], r[3], r[4], r[5], int(r[6])) for r in rows]


def decide(policy: rules.TierPolicy, due: Due) -> tuple[rules.Decision, date]:
    """The review decision for ``due`` and the day it takes effect (the day after the tier
    was last held)."""
    effective = rules.review_due_on(due.valid_until, policy.grace_days) + timedelta(days=1)
    current = policy.tier(due.tier_code) if policy.has(due.tier_code) else policy.base
    floor = None
    if due.floor_code and due.floor_until and policy.has(due.floor_code):
        floor = rules.Floor(policy.tier(due.floor_code), due.floor_until)
    return rules.review(policy, current, due.points, effective, floor), effective


# --- the run kind -------------------------------------------------------------------------------


def _check(uow: UnitOfWork, as_of: date, params: dict) -> None:
    today = programme_today(uow)
    check_date(as_of, "as_of", today - timedelta(days=3 * 366), today)
    if params:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter a valid value."), field="params")


def _snapshot(uow: UnitOfWork, as_of: date, params: dict) -> dict:
    version = version_in_force(uow, as_of)
    return {"version": version.id, **rules.policy_to_dict(version.policy)}


def _policy(context: RunContext) -> rules.TierPolicy:
    stored = {key: value for key, value in context.policy.items() if key != "version"}
    return rules.policy_from_dict(stored)


def _count(uow: UnitOfWork, context: RunContext) -> dict[str, int]:
    policy = _policy(context)
    counts = Counter({outcome: 0 for outcome in OUTCOMES})
    for due in due_members(uow, policy, context.as_of):
        counts[decide(policy, due)[0].outcome.value] += 1
    return dict(counts)


def _batch(uow: UnitOfWork, context: RunContext, first: int, last: int) -> dict[str, int]:
    policy = _policy(context)
    _lock_due(uow, policy, context.as_of, first, last)
    counts = Counter({outcome: 0 for outcome in OUTCOMES})
    moves, history = [], []
    now = uow.now()
    for due in due_members(uow, policy, context.as_of, first, last):
        decision, effective = decide(policy, due)
        valid_from, valid_until = rules.next_period(policy, decision, effective)
        counts[decision.outcome.value] += 1
        upgraded = decision.outcome == rules.Outcome.UPGRADE
        moves.append({
            "m_id": due.member_id, "old_until": due.valid_until, "tier": decision.tier.code,
            "start": valid_from, "until": valid_until, "now": now,
            "upgraded": effective if upgraded else None,
        })  # fmt: skip
        history.append({
            "member_id": due.member_id, "from_code": due.tier_code,
            "to_code": decision.tier.code, "reason": decision.outcome.value,
            "points": decision.points, "effective_on": effective, "valid_until": valid_until,
            "run_id": context.run_id, "actor": context.username, "created_at": now,
        })  # fmt: skip
    if moves:
        _write(uow, moves, history)
    return dict(counts)


def _lock_due(uow: UnitOfWork, policy: rules.TierPolicy, as_of: date, first: int, last: int):
    """Lock the batch's due rows first (PostgreSQL; SQLite has one writer), so what is read
    is what is written: an approval on another desktop waits, or went first and is seen."""
    cutoff = as_of - timedelta(days=policy.grace_days)
    uow.session.execute(
        select(MemberTier.member_id)
        .where(MemberTier.member_id.between(first, last), MemberTier.valid_until <= cutoff)
        .with_for_update(key_share=True)  # FOR NO KEY UPDATE, as uow.FOR_CHANGE
    ).all()


HISTORY = TierChange.metadata.tables["tier_history"]
TIERS = MemberTier.metadata.tables["member_tiers"]


def _write(uow: UnitOfWork, moves: list[dict], history: list[dict]) -> None:
    """The batch's changes in one UPDATE and one INSERT statement. The old end of validity
    guards each row (the rows are locked, so it holds; a second line of defence)."""
    if uow.session.get_bind().dialect.name == "postgresql":
        _update_from_arrays(uow, moves)
        _insert_from_arrays(uow, history)
        return
    # SQLite runs a many-row statement fast in one call (on the table, not the ORM class, so
    # it is a plain executemany; through the session, so the change is reported)
    tiers = TIERS.c
    statement = (
        update(TIERS)
        .where(tiers.member_id == bindparam("m_id"), tiers.valid_until == bindparam("old_until"))
        .values(
            tier_code=bindparam("tier"), period_start=bindparam("start"),
            valid_until=bindparam("until"), updated_at=bindparam("now"),
            upgraded_on=func.coalesce(bindparam("upgraded"), tiers.upgraded_on),
        )
    )  # fmt: skip
    uow.session.execute(statement, moves)
    uow.session.execute(insert(HISTORY), history)


def _arrays(rows: list[dict], types: dict):
    """PostgreSQL: rows as parallel arrays unnested into a subquery, for one statement where
    a many-row executemany would send a statement per row."""
    return select(
        *(
            func.unnest(bindparam(name, [row[name] for row in rows], ARRAY(kind))).label(name)
            for name, kind in types.items()
        )
    ).subquery()


def _insert_from_arrays(uow: UnitOfWork, history: list[dict]) -> None:
    same = ("run_id", "actor", "created_at")  # one value for the whole batch
    varying = [name for name in history[0] if name not in same]
    rows = _arrays(history, {name: HISTORY.c[name].type for name in varying})
    constants = [literal(history[0][name], HISTORY.c[name].type) for name in same]
    uow.session.execute(
        insert(HISTORY).from_select([*varying, *same], select(*rows.c, *constants))
    )


def _update_from_arrays(uow: UnitOfWork, moves: list[dict]) -> None:
    types = {"m_id": Integer(), "old_until": Date(), "tier": String(), "start": Date(),
             "until": Date(), "upgraded": Date()}  # fmt: skip
    decided = _arrays(moves, types)
    uow.session.execute(
        update(MemberTier)
        .where(
            MemberTier.member_id == decided.c.m_id,
            MemberTier.valid_until == decided.c.old_until,
        )
        .values(
            tier_code=decided.c.tier, period_start=decided.c.start,
            valid_until=decided.c.until, updated_at=moves[0]["now"],
            upgraded_on=func.coalesce(decided.c.upgraded, MemberTier.upgraded_on),
        )
        .execution_options(synchronize_session=False)
    )  # fmt: skip


TIER_REVIEW = RunKind(
    REVIEW_RUN, Permission.RUN_TIER_REVIEW, _check, _snapshot, _count, _batch, batch_size=100_000
)


def preview_review(db: Database, actor: Actor, as_of: date) -> batch_runs.RunRow:
    return batch_runs.preview(db, actor, TIER_REVIEW, as_of)


def commit_review(
    db: Database, actor: Actor | str, as_of: date, progress: Progress | None = None
) -> batch_runs.RunRow:
    return batch_runs.commit(db, actor, TIER_REVIEW, as_of, progress=progress)


# --- the member list of a preview, and the at-risk list -----------------------------------------


@dataclass(frozen=True)
class ReviewRow:
    member_id: int
    member_number: str
    name: str  # masked unless the user may see the member's personal data
    mobile: str | None
    dealer: str | None
    old_tier: str
    new_tier: str
    outcome: str
    points: int
    missing: int  # points the member lacked to keep the tier
    valid_until: date


@dataclass(frozen=True)
class Breakdown:
    outcome: str
    old_tier: str
    new_tier: str
    dealer: str | None
    members: int


@dataclass(frozen=True)
class ReviewDetails:
    breakdown: list[Breakdown]  # every decided member, counted by outcome, tiers and dealer
    rows: list[ReviewRow]  # the members of ``outcome`` (or all), up to the limit


def review_rows(
    db: Database, actor: Actor, as_of: date, outcome: str | None = None, limit: int = 100_000
) -> list[ReviewRow]:
    """The members a review as of ``as_of`` would decide, with old and new tier (by the
    policy in force on that day), for the preview table and its Excel export."""
    return review_details(db, actor, as_of, outcome, limit).rows


def review_details(
    db: Database, actor: Actor, as_of: date, outcome: str | None = None, limit: int = 100_000
) -> ReviewDetails:
    """The preview's breakdown (by outcome, old tier, new tier and dealer) and member list,
    in one pass over the members due."""
    require(actor, Permission.RUN_TIER_REVIEW)
    if outcome is not None and outcome not in OUTCOMES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter a valid value."), field="outcome")
    limit = check_int(limit, "limit", 1, 1_000_000)
    with db.reader(actor) as uow:
        policy = policy_in_force(uow, as_of)
        dealers = dict(uow.session.execute(select(Dealer.id, Dealer.name)).all())
        counts: Counter = Counter()
        decided: list[tuple[Due, rules.Decision]] = []
        for due in due_members(uow, policy, as_of):
            decision, _effective = decide(policy, due)
            key = (decision.outcome.value, _name(policy, due.tier_code), decision.tier.name,
                   dealers.get(due.dealer_id) if due.dealer_id else None)  # fmt: skip
            counts[key] += 1
            if len(decided) < limit and outcome in (None, decision.outcome.value):
                decided.append((due, decision))
        people = _people(uow, actor, [due.member_id for due, _ in decided])
        rows = [
            ReviewRow(
                due.member_id, people[due.member_id].number, people[due.member_id].name,
                people[due.member_id].mobile, people[due.member_id].dealer,
                _name(policy, due.tier_code), decision.tier.name, decision.outcome.value,
                decision.points, decision.missing, due.valid_until,
            )
            for due, decision in decided
        ]  # fmt: skip
    breakdown = [
        Breakdown(code, old, new, dealer, members)
        for (code, old, new, dealer), members in sorted(counts.items(), key=str)
    ]
    return ReviewDetails(breakdown, rows)


def _name(policy: rules.TierPolicy, code: str) -> str:
    return policy.tier(code).name if policy.has(code) else code


@dataclass(frozen=True)
class Person:
    number: str
    name: str
    mobile: str | None
    dealer: str | None


def _people(uow: UnitOfWork, actor: Actor, member_ids: list[int]) -> dict[int, Person]:
    """The members' numbers, names, mobiles and dealers, masked as the member list masks them."""
    found: dict[int, Person] = {}
    for start in range(0, len(member_ids), 1_000):
        chunk = member_ids[start : start + 1_000]
        rows = uow.session.execute(
            select(Member.id, Member.member_number, Member.name, Member.mobile,
                   Member.dealer_id, Dealer.name)
            .outerjoin(Dealer, Dealer.id == Member.dealer_id)
            .where(Member.id.in_(chunk))
        )  # fmt: skip
        for member_id, number, name, mobile, dealer_id, dealer in rows:
            full = sees_personal_data(actor, dealer_id)
            shown_name = name if full else mask_name(name)
            shown_mobile = mobile if full or not mobile else mask_mobile(mobile)
            found[member_id] = Person(number, shown_name, shown_mobile, dealer)
    return found


@dataclass(frozen=True)
class AtRiskRow:
    member_id: int
    member_number: str
    name: str
    mobile: str | None
    dealer: str | None
    tier: str
    valid_until: date | None
    points: int
    missing: int


def at_risk(db: Database, actor: Actor, within_days: int = 60) -> list[AtRiskRow]:
    """Members whose validity ends within ``within_days`` and whose points of the period
    so far do not keep their tier, with the points missing: a call list. Dealer staff see
    their own dealer's members."""
    require(actor, Permission.VIEW_MEMBERS)
    within_days = check_int(within_days, "within_days", 1, 366)
    with db.reader(actor) as uow:
        today = programme_today(uow)
        policy = policy_in_force(uow, today)
        query = (
            select(
                MemberTier.member_id, MemberTier.tier_code, MemberTier.valid_until,
                func.coalesce(func.sum(LedgerEntry.amount), 0),
            )
            .join(Member, Member.id == MemberTier.member_id)
            .outerjoin(LedgerEntry, and_(
                LedgerEntry.member_id == MemberTier.member_id,
                LedgerEntry.currency == Currency.QUALIFYING.value,
                LedgerEntry.business_date >= MemberTier.period_start,
                LedgerEntry.id > func.coalesce(MemberTier.counted_to_entry, 0),
            ))
            .where(
                MemberTier.valid_until.between(today, today + timedelta(days=within_days)),
                Member.merged_into_id.is_(None),
                Member.status != MemberStatus.CLOSED.value,
            )
            .group_by(MemberTier.member_id, MemberTier.tier_code, MemberTier.valid_until)
            .order_by(MemberTier.valid_until, MemberTier.member_id)
        )  # fmt: skip
        if not actor.is_headquarters:
            query = query.where(Member.dealer_id == actor.dealer_id)
        short = []
        for member_id, code, valid_until, points in uow.session.execute(query):
            tier = policy.tier(code) if policy.has(code) else policy.base
            missing = max(0, tier.retain_points - int(points))
            if missing:
                short.append((member_id, tier, valid_until, int(points), missing))
        people = _people(uow, actor, [row[0] for row in short])
        return [
            AtRiskRow(
                member_id, people[member_id].number, people[member_id].name,
                people[member_id].mobile, people[member_id].dealer, tier.name, valid_until,
                points, missing,
            )
            for member_id, tier, valid_until, points, missing in short
        ]
