"""Section 1 (members) and the lifecycle stages, which the tier × activity grid and the
accumulation rate also use: one grouped pass over the ledger per report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, literal, select, union_all

from app.db.models import Dealer, LedgerEntry, Member, MemberTier, ServiceOrder
from app.domain import reports as rules
from app.domain.members import MemberStatus
from app.services.reports.model import LabelledCount, MembersSection, StageChange
from app.services.reports.report_scope import Coverage
from app.services.settings.programme import ProgrammeSettings
from app.services.shared.uow import UnitOfWork

POINTS, ACTIVITY_KINDS = "points", ("earn", "redeem")


@dataclass(frozen=True)
class StageTally:
    """Open members counted by (tier code, stage the day before the month, stage at the
    month's end); the stage before is None for members who joined during the month."""

    counts: dict[tuple[str, str | None, str], int]

    def at_end(self) -> Counter[str]:
        tally: Counter[str] = Counter()
        for (_tier, _before, end), n in self.counts.items():
            tally[end] += n
        return tally


def thresholds(settings: ProgrammeSettings) -> rules.StageThresholds:
    return rules.StageThresholds(
        settings.lifecycle_silent_days,
        settings.lifecycle_sleeping_days,
        settings.lifecycle_lost_days,
    )


def in_scope_members(coverage: Coverage, last: date):
    """Members of the scope that exist at the month's end and were not merged away."""
    return and_(
        Member.merged_into_id.is_(None),
        Member.join_date <= last,
        coverage.dealer_filter(Member.dealer_id),
    )


def _stage_case(last_activity, as_of: date, limits: rules.StageThresholds):
    active_from, silent_from, sleeping_from = rules.stage_cutoffs(as_of, limits)
    return case(
        (last_activity >= active_from, literal("active")),
        (last_activity >= silent_from, literal("silent")),
        (last_activity >= sleeping_from, literal("sleeping")),
        else_=literal("lost"),
    )


def stage_tally(
    uow: UnitOfWork, coverage: Coverage, limits: rules.StageThresholds, base_tier: str
) -> StageTally:
    """Lifecycle stages of open members, set-based: the last activity per member up to
    each date — points earned or used, or a service order not refunded (RULES.md S6: a
    service earns no points below the rate's unit); joining counts as activity — classified
    by date cut-offs. Members without a tier row hold ``base_tier`` (the lowest tier)."""
    first, last = coverage.scope.first_day, coverage.scope.last_day
    before = first - timedelta(days=1)
    entry, order = LedgerEntry, ServiceOrder
    entries = select(entry.member_id.label("member_id"), entry.business_date.label("day")).where(
        entry.currency == POINTS,
        entry.kind.in_(ACTIVITY_KINDS),
        entry.business_date <= last,
        coverage.member_filter(entry.member_id),
    )
    services = select(order.member_id.label("member_id"), order.service_date.label("day")).where(
        order.refunded_at.is_(None),
        order.service_date <= last,
        coverage.member_filter(order.member_id),
    )
    both = union_all(entries, services).subquery("activity_days")
    activity = (
        select(
            both.c.member_id.label("member_id"),
            func.max(case((both.c.day < first, both.c.day))).label("before"),
            func.max(both.c.day).label("at_end"),
        )
        .group_by(both.c.member_id)
        .subquery()
    )
    last_before = func.coalesce(activity.c.before, Member.join_date)
    last_at_end = func.coalesce(activity.c.at_end, Member.join_date)
    stage_before = case(
        (Member.join_date >= first, literal(None)),
        else_=_stage_case(last_before, before, limits),
    )
    stage_end = _stage_case(last_at_end, last, limits)
    tier = func.coalesce(MemberTier.tier_code, literal(base_tier))
    query = (
        select(tier, stage_before, stage_end, func.count())
        .select_from(Member)
        .outerjoin(activity, activity.c.member_id == Member.id)
        .outerjoin(MemberTier, MemberTier.member_id == Member.id)
        .where(in_scope_members(coverage, last), Member.status != MemberStatus.CLOSED)
        .group_by(tier, stage_before, stage_end)
    )
    return StageTally({(t, b, e): n for t, b, e, n in uow.session.execute(query)})


def month_instants(first: date, last: date, zone: str) -> tuple[datetime, datetime]:
    """The days first..last as the instants [start, end) in the programme's time zone."""
    tz = ZoneInfo(zone)
    return (
        datetime.combine(first, time(), tz),
        datetime.combine(last + timedelta(days=1), time(), tz),
    )


def _between(column, first, last):
    return func.sum(case((and_(column >= first, column <= last), 1), else_=0))


def _totals(uow: UnitOfWork, coverage: Coverage, settings: ProgrammeSettings) -> tuple:
    first, last = coverage.scope.first_day, coverage.scope.last_day
    start, end = month_instants(first, last, settings.timezone)
    closed = func.sum(case((Member.status == MemberStatus.CLOSED, 1), else_=0))
    closed_in_month = func.sum(
        case((and_(Member.closed_at >= start, Member.closed_at < end), 1), else_=0)
    )
    row = uow.session.execute(
        select(
            func.count(),
            closed,
            _between(Member.join_date, first, last),
            _between(Member.activated_on, first, last),
            closed_in_month,
        ).where(in_scope_members(coverage, last))
    ).one()
    return tuple(int(value or 0) for value in row)


def _grouped(uow: UnitOfWork, coverage: Coverage, key, label, join=None):
    last = coverage.scope.last_day
    query = select(key, label, func.count()).select_from(Member)
    if join is not None:
        query = query.outerjoin(*join)
    query = (
        query.where(in_scope_members(coverage, last), Member.status != MemberStatus.CLOSED)
        .group_by(key, label)
        .order_by(func.count().desc(), key)
    )
    return tuple(
        LabelledCount(str(code or ""), str(name or ""), int(n))
        for code, name, n in uow.session.execute(query)
    )


def members_section(
    uow: UnitOfWork,
    coverage: Coverage,
    settings: ProgrammeSettings,
    tally: StageTally,
    tier_labels: dict[str, str],
) -> MembersSection:
    total, closed_total, new, activated, closed = _totals(uow, coverage, settings)
    by_dealer = _grouped(
        uow, coverage, Dealer.code, Dealer.name, (Dealer, Dealer.id == Member.dealer_id)
    )
    province = func.coalesce(Member.province, literal(""))
    by_province = _grouped(uow, coverage, province, province)
    by_tier_counts: Counter[str] = Counter()
    before: Counter[str] = Counter()
    changes: Counter[tuple[str | None, str]] = Counter()
    for (tier, stage_before, stage_end), n in tally.counts.items():
        by_tier_counts[tier] += n
        if stage_before is not None:
            before[stage_before] += n
        changes[(stage_before, stage_end)] += n
    end = tally.at_end()
    order = {code: i for i, code in enumerate(tier_labels)}
    by_tier = tuple(
        LabelledCount(code, tier_labels.get(code, code), n)
        for code, n in sorted(by_tier_counts.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))
    )
    return MembersSection(
        total=total,
        closed_total=closed_total,
        new=new,
        activated=activated,
        closed=closed,
        by_tier=by_tier,
        by_dealer=by_dealer,
        by_province=by_province,
        stages=tuple(LabelledCount(s, s, end[s]) for s in rules.STAGES),
        stages_before=tuple(LabelledCount(s, s, before[s]) for s in rules.STAGES),
        stage_changes=tuple(
            StageChange(b, e, n)
            for (b, e), n in sorted(changes.items(), key=lambda kv: _change_key(*kv[0]))
        ),
        silent_days=settings.lifecycle_silent_days,
        sleeping_days=settings.lifecycle_sleeping_days,
        lost_days=settings.lifecycle_lost_days,
    )


def _change_key(before: str | None, end: str) -> tuple[int, int]:
    position = {stage: i for i, stage in enumerate(rules.STAGES)}
    return (-1 if before is None else position[before], position[end])
