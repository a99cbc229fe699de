"""Sections 4 (tiers), 5 (benefits), 7 (approvals) and 8 (dealer comparison)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace

from sqlalchemy import and_, case, func, select

from app.db.models import (
    ApprovalRequest,
    BatchRun,
    Benefit,
    Dealer,
    LedgerEntry,
    Member,
    MemberSegment,
    TierChange,
    Voucher,
)
from app.domain import reports as rules
from app.domain.approvals import ApprovalStatus
from app.domain.benefits import VoucherStatus
from app.domain.runs import RunStatus
from app.domain.segmentation import SEGMENTATION_RUN
from app.services.reports.members_section import StageTally, month_instants
from app.services.reports.model import (
    ApprovalKindRow,
    ApprovalsSection,
    BenefitRow,
    BenefitsSection,
    DealerBenefitRow,
    DealerRow,
    DealersSection,
    ReviewRunRow,
    TierActivityCell,
    TierMove,
    TiersSection,
)
from app.services.reports.report_scope import Coverage
from app.services.shared.uow import UnitOfWork
from app.services.tiers.review import REVIEW_RUN


def _in_month(column, coverage: Coverage):
    return and_(column >= coverage.scope.first_day, column <= coverage.scope.last_day)


def tiers_section(
    uow: UnitOfWork, coverage: Coverage, tally: StageTally, tier_labels: dict[str, str]
) -> TiersSection:
    change = TierChange
    moves = uow.session.execute(
        select(change.from_code, change.to_code, func.count())
        .where(_in_month(change.effective_on, coverage), coverage.member_filter(change.member_id))
        .group_by(change.from_code, change.to_code)
        .order_by(change.from_code, change.to_code)
    )
    runs = uow.session.execute(
        select(BatchRun.id, BatchRun.as_of, BatchRun.status, BatchRun.counts)
        .where(BatchRun.kind == REVIEW_RUN, _in_month(BatchRun.as_of, coverage))
        .order_by(BatchRun.as_of, BatchRun.id)
    )
    grid: dict[tuple[str, str], int] = defaultdict(int)
    for (tier, _before, end), n in tally.counts.items():
        grid[(tier, end)] += n
    codes = list(tier_labels) + sorted({t for t, _s in grid if t not in tier_labels})
    return TiersSection(
        moves=tuple(TierMove(f, t, int(n)) for f, t, n in moves),
        tier_codes=tuple(codes),
        tier_labels=tuple(tier_labels.get(code, code) for code in codes),
        review_runs=tuple(
            ReviewRunRow(run_id, as_of, status, _counts(counts))
            for run_id, as_of, status, counts in runs
        ),
        activity_grid=tuple(
            TierActivityCell(code, stage, grid.get((code, stage), 0))
            for code in codes
            for stage in rules.STAGES
        ),
    )


def _counts(text: str | None) -> dict[str, int]:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, int)}


def _voucher_tallies(uow: UnitOfWork, coverage: Coverage, key):
    """key → (redemptions, points, write-offs, cost): issued in the month and not
    cancelled; used (核销) in the month at the vouchers' unit cost."""
    v = Voucher
    issued = and_(_in_month(v.issued_on, coverage), v.status != VoucherStatus.CANCELLED)
    used = _in_month(v.used_on, coverage)
    return select(
        *key,
        func.sum(case((issued, 1), else_=0)),
        func.sum(case((issued, v.points), else_=0)),
        func.sum(case((used, 1), else_=0)),
        func.sum(case((used, v.unit_cost_fen), else_=0)),
    ).where(
        coverage.member_filter(v.member_id),
        (_in_month(v.issued_on, coverage)) | used,
    )


def benefits_section(uow: UnitOfWork, coverage: Coverage) -> BenefitsSection:
    v = Voucher
    per_benefit = uow.session.execute(
        _voucher_tallies(uow, coverage, (Benefit.id, Benefit.code, Benefit.name))
        .join(Benefit, Benefit.id == v.benefit_id)
        .group_by(Benefit.id, Benefit.code, Benefit.name)
        .order_by(Benefit.code)
    )
    rows = tuple(
        BenefitRow(i, code, name, int(r or 0), int(p or 0), int(w or 0), int(c or 0))
        for i, code, name, r, p, w, c in per_benefit
    )
    dealer = func.coalesce(v.used_dealer_id, v.issued_dealer_id)
    per_dealer = uow.session.execute(
        _voucher_tallies(uow, coverage, (dealer.label("dealer"), Dealer.code, Dealer.name))
        .outerjoin(Dealer, Dealer.id == dealer)
        .group_by(dealer, Dealer.code, Dealer.name)
        .order_by(Dealer.code)
    )
    dealers = tuple(
        DealerBenefitRow(i, code or "", name or "", int(r or 0), int(w or 0), int(c or 0))
        for i, code, name, r, _p, w, c in per_dealer
    )
    return BenefitsSection(
        by_benefit=rows,
        by_dealer=dealers,
        redemptions=sum(r.redemptions for r in rows),
        write_offs=sum(r.write_offs for r in rows),
        cost_fen=sum(r.cost_fen for r in rows),
    )


def approvals_section(uow: UnitOfWork, coverage: Coverage, zone: str) -> ApprovalsSection:
    """Requests made in the month (by the scope's dealers' staff for a dealer or region
    scope), their outcome so far and the median hours to a decision."""
    a = ApprovalRequest
    start, end = month_instants(coverage.scope.first_day, coverage.scope.last_day, zone)
    query = select(a.kind, a.status, a.requested_at, a.decided_at).where(
        a.requested_at >= start, a.requested_at < end
    )
    if not coverage.is_network:
        query = query.where(coverage.dealer_filter(a.requester_dealer_id))
    tallies: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    durations: dict[str, list[int]] = defaultdict(list)
    for kind, status, requested_at, decided_at in uow.session.execute(query):
        tallies[kind][status] += 1
        if status in (ApprovalStatus.APPROVED, ApprovalStatus.REJECTED) and decided_at:
            durations[kind].append(int((decided_at - requested_at).total_seconds()))
    rows = []
    for kind in sorted(tallies):
        t = tallies[kind]
        rows.append(
            ApprovalKindRow(
                kind,
                sum(t.values()),
                t[ApprovalStatus.APPROVED],
                t[ApprovalStatus.REJECTED],
                t[ApprovalStatus.LAPSED] + t[ApprovalStatus.CANCELLED],
                t[ApprovalStatus.PENDING],
                rules.median_hours(durations[kind]),
            )
        )
    return ApprovalsSection(tuple(rows))


def dealers_section(uow: UnitOfWork, coverage: Coverage) -> DealersSection:
    """Per dealer of the scope: members who joined, points they earned and vouchers they
    redeemed in the month (by the member's dealer); ranked by new members, then points."""
    first, last = coverage.scope.first_day, coverage.scope.last_day
    e, v, m = LedgerEntry, Voucher, Member
    new = (
        select(m.dealer_id.label("d"), func.count().label("n"))
        .where(m.merged_into_id.is_(None), m.join_date >= first, m.join_date <= last)
        .group_by(m.dealer_id)
        .subquery()
    )
    earned = (
        select(m.dealer_id.label("d"), func.sum(e.amount).label("n"))
        .select_from(e)
        .join(m, m.id == e.member_id)
        .where(e.currency == "points", e.kind == "earn", _in_month(e.business_date, coverage))
        .group_by(m.dealer_id)
        .subquery()
    )
    redeemed = (
        select(m.dealer_id.label("d"), func.count().label("n"))
        .select_from(v)
        .join(m, m.id == v.member_id)
        .where(_in_month(v.issued_on, coverage), v.status != VoucherStatus.CANCELLED)
        .group_by(m.dealer_id)
        .subquery()
    )
    query = (
        select(
            Dealer.id,
            Dealer.code,
            Dealer.name,
            Dealer.region,
            func.coalesce(new.c.n, 0),
            func.coalesce(earned.c.n, 0),
            func.coalesce(redeemed.c.n, 0),
        )  # fmt: skip
        .select_from(Dealer)
        .outerjoin(new, new.c.d == Dealer.id)
        .outerjoin(earned, earned.c.d == Dealer.id)
        .outerjoin(redeemed, redeemed.c.d == Dealer.id)
        .where(coverage.dealer_filter(Dealer.id))
    )
    rows = sorted(
        (
            DealerRow(i, c, n, r, int(a), int(b), int(d))
            for i, c, n, r, a, b, d in uow.session.execute(query)
        ),
        key=lambda row: (-row.new_members, -row.points_earned, row.code),
    )
    mix = value_mix(uow, coverage)
    return DealersSection(
        tuple(
            replace(row, value_mix=mix.get(row.dealer_id, {}), rank=position)
            for position, row in enumerate(rows, start=1)
        )
    )


def value_mix(uow: UnitOfWork, coverage: Coverage) -> dict[int, dict[str, int]]:
    """dealer id → {"cell_1".."cell_9", "no_data": members} from the latest committed
    segmentation run as of the month's end; empty when there is none."""
    run_id = uow.session.scalar(
        select(BatchRun.id)
        .where(
            BatchRun.kind == SEGMENTATION_RUN,
            BatchRun.status == RunStatus.COMMITTED,
            BatchRun.as_of <= coverage.scope.last_day,
        )
        .order_by(BatchRun.as_of.desc(), BatchRun.id.desc())
        .limit(1)
    )
    if run_id is None:
        return {}
    seg, m = MemberSegment, Member
    rows = uow.session.execute(
        select(m.dealer_id, seg.cell, func.count())
        .select_from(seg)
        .join(m, m.id == seg.member_id)
        .where(seg.run_id == run_id, coverage.dealer_filter(m.dealer_id), m.dealer_id.is_not(None))
        .group_by(m.dealer_id, seg.cell)
    )
    mix: dict[int, dict[str, int]] = defaultdict(dict)
    for dealer_id, cell, n in rows:
        if dealer_id is not None:
            mix[dealer_id]["no_data" if cell is None else f"cell_{cell}"] = int(n)
    return dict(mix)
