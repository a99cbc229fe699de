"""Section 2 (points, with the identity check) and section 3 (points health)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from fractions import Fraction

from sqlalchemy import and_, case, func, select

from app.db.models import LedgerEntry, PointLot, PointsAccount
from app.domain import reports as rules
from app.domain.points import add_months
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.reports.model import (
    ExpiringMonth,
    HealthSection,
    LabelledCount,
    PointsSection,
    Rate,
    ReportCheck,
)
from app.services.reports.report_scope import Coverage
from app.services.settings.programme import ProgrammeSettings
from app.services.shared.uow import UnitOfWork

POINTS = "points"
IDENTITY_FAILED = QT_TRANSLATE_NOOP(
    "Errors",
    "The points do not add up: opening + earned − offset − redeemed − expired ± adjusted − "
    "reversed differs from the closing balance by {difference}.",
)
CACHE_FAILED = QT_TRANSLATE_NOOP(
    "Errors",
    "The members' balances differ from the ledger's closing balance by {difference}.",
)


def _movements(uow: UnitOfWork, coverage: Coverage) -> dict[tuple[str, str], int]:
    """(kind, source) → signed sum of the month's postings."""
    first, last = coverage.scope.first_day, coverage.scope.last_day
    e = LedgerEntry
    query = (
        select(e.kind, e.source, func.sum(e.amount))
        .where(
            e.currency == POINTS,
            e.business_date >= first,
            e.business_date <= last,
            coverage.member_filter(e.member_id),
        )
        .group_by(e.kind, e.source)
    )
    return {(k, s): int(total or 0) for k, s, total in uow.session.execute(query)}


def _balances(uow: UnitOfWork, coverage: Coverage) -> tuple[int, int, int]:
    """(opening, closing, postings after the month) from the ledger, one pass."""
    first, last = coverage.scope.first_day, coverage.scope.last_day
    e = LedgerEntry

    def total(condition):
        return func.coalesce(func.sum(case((condition, e.amount), else_=0)), 0)

    row = uow.session.execute(
        select(
            total(e.business_date < first),
            total(e.business_date <= last),
            total(e.business_date > last),
        ).where(e.currency == POINTS, coverage.member_filter(e.member_id))
    ).one()
    return int(row[0]), int(row[1]), int(row[2])


def _cached_balance(uow: UnitOfWork, coverage: Coverage) -> int:
    account = PointsAccount
    return int(
        uow.session.scalar(
            select(func.coalesce(func.sum(account.balance), 0)).where(
                coverage.member_filter(account.member_id)
            )
        )
        or 0
    )


def _expiring(uow: UnitOfWork, coverage: Coverage) -> tuple[ExpiringMonth, ...]:
    """Points left in lots expiring in each of the three months after the report month
    (remaining points as they stand now)."""
    starts = [add_months(coverage.scope.first_day, k) for k in (1, 2, 3, 4)]
    lot = PointLot
    sums = [
        func.coalesce(
            func.sum(
                case(
                    (
                        and_(lot.expires_on >= starts[k], lot.expires_on < starts[k + 1]),
                        lot.remaining,
                    ),
                    else_=0,
                )
            ),
            0,
        )
        for k in range(3)
    ]
    row = uow.session.execute(
        select(*sums).where(
            lot.remaining > 0,
            lot.expires_on >= starts[0],
            lot.expires_on < starts[3],
            coverage.member_filter(lot.member_id),
        )
    ).one()
    return tuple(
        ExpiringMonth(f"{starts[k].year:04d}-{starts[k].month:02d}", int(row[k])) for k in range(3)
    )


def points_section(
    uow: UnitOfWork, coverage: Coverage, settings: ProgrammeSettings
) -> tuple[PointsSection, list[ReportCheck]]:
    moves = _movements(uow, coverage)
    opening, closing, after = _balances(uow, coverage)
    earned: Counter[str] = Counter()
    by_source: Counter[str] = Counter()
    offset = redeemed = expired = adjusted = reversed_ = unknown = 0
    for (kind, source), amount in moves.items():
        if kind == "earn":
            earned[rules.earn_group(source)] += amount
            by_source[source] += amount
        elif kind == "redeem" and rules.is_offset(source):
            offset -= amount
        elif kind == "redeem":
            redeemed -= amount
        elif kind == "expire":
            expired -= amount
        elif kind == "adjust":
            adjusted += amount
        elif kind == "reverse":
            reversed_ -= amount
        else:
            unknown += amount  # a kind the identity does not know: it will not add up
    difference = rules.identity_difference(
        opening, sum(earned.values()), offset, redeemed, expired, adjusted, reversed_, closing
    )
    checks = []
    if difference:
        checks.append(
            ReportCheck(
                "points_identity",
                IDENTITY_FAILED,
                closing,
                closing - difference,
                {"difference": difference},
            )
        )
    cached = _cached_balance(uow, coverage) - after
    if cached != closing:
        checks.append(
            ReportCheck(
                "balance_cache", CACHE_FAILED, closing, cached, {"difference": cached - closing}
            )
        )
    section = PointsSection(
        opening=opening,
        earned_initial=earned["initial"],
        earned_consumption=earned["consumption"],
        earned_activity=earned["activity"],
        earned_other=earned["other"],
        offset=offset,
        redeemed=redeemed,
        expired=expired,
        adjusted=adjusted,
        reversed=reversed_,
        closing=closing,
        identity_ok=difference == 0,
        identity_difference=difference,
        points_per_yuan=settings.points_per_yuan,
        liability_fen=rules.points_value_fen(closing, settings.points_per_yuan),
        expiring=_expiring(uow, coverage),
        earned_by_source=tuple(
            LabelledCount(s, s, n) for s, n in sorted(by_source.items(), key=lambda kv: -kv[1])
        ),
    )
    return section, checks


def _earning_members(uow: UnitOfWork, coverage: Coverage) -> int:
    e = LedgerEntry
    return int(
        uow.session.scalar(
            select(func.count(func.distinct(e.member_id))).where(
                e.currency == POINTS,
                e.kind == "earn",
                e.business_date >= coverage.scope.first_day,
                e.business_date <= coverage.scope.last_day,
                coverage.member_filter(e.member_id),
            )
        )
        or 0
    )


def _cumulative(uow: UnitOfWork, coverage: Coverage, last: date) -> tuple[int, int]:
    """(points used, points earned) up to the month's end."""
    e = LedgerEntry
    used = func.coalesce(func.sum(case((e.kind == "redeem", -e.amount), else_=0)), 0)
    earned = func.coalesce(func.sum(case((e.kind == "earn", e.amount), else_=0)), 0)
    row = uow.session.execute(
        select(used, earned).where(
            e.currency == POINTS, e.business_date <= last, coverage.member_filter(e.member_id)
        )
    ).one()
    return int(row[0]), int(row[1])


def _rate(numerator: int, denominator: int, reference_pct: int | None = None) -> Rate:
    reference = None if reference_pct is None else Fraction(reference_pct, 100)
    return Rate(numerator, denominator, rules.ratio(numerator, denominator), reference)


def health_section(
    uow: UnitOfWork,
    coverage: Coverage,
    settings: ProgrammeSettings,
    points: PointsSection,
    active_members: int,
) -> HealthSection:
    """Accumulation = members who earned in the month ÷ active members at its end;
    redemption = points used (offset + redeemed) ÷ points earned in the month."""
    used, earned_total = _cumulative(uow, coverage, coverage.scope.last_day)
    return HealthSection(
        accumulation=_rate(
            _earning_members(uow, coverage),
            active_members,
            settings.health_accumulation_reference_pct,
        ),
        redemption=_rate(
            points.offset + points.redeemed, points.earned, settings.health_redemption_reference_pct
        ),
        expired_points=points.expired,
        redemption_cumulative=_rate(used, earned_total, settings.health_redemption_reference_pct),
    )
