"""Section 9: the programme cost sheet of seed 004 (RULES.md O2) and section 6's partner
figures, which come from the partners area's own services."""

from __future__ import annotations

from fractions import Fraction

from sqlalchemy import and_, func, select

from app.db.models import LedgerEntry, ServiceOrder
from app.domain import reports as rules
from app.domain.errors import NotFound
from app.domain.roles import Actor
from app.services.partners.complaints import service_levels
from app.services.partners.settlement import settlement
from app.services.points.earning_rules import event_rule, rule_in_force
from app.services.reports.model import (
    CostLine,
    CostSection,
    PartnerComplaintRow,
    PartnerSettlementRow,
    PartnersSection,
    PointsSection,
    Rate,
)
from app.services.reports.report_scope import Coverage
from app.services.settings.programme import ProgrammeSettings
from app.services.shared.database import Database
from app.services.shared.uow import UnitOfWork

MONTHS_A_YEAR = 12
PARTNERS_HQ_ONLY = "Partner settlements are kept by headquarters: shown for the whole network only."


def activity_lines(uow: UnitOfWork, coverage: Coverage, settings: ProgrammeSettings):
    """Seed 004's activity table from the event rules in force at the month's end."""
    rates = {
        "sign_in": settings.cost_activity_rate_signin_pct,
        "share": settings.cost_activity_rate_share_pct,
        "major_event": settings.cost_activity_rate_event_pct,
    }
    lines = []
    for event, pct in rates.items():
        try:
            rule = event_rule(rule_in_force(uow, event, coverage.scope.last_day))
        except NotFound:
            lines.append(rules.ActivityLine(event, 0, None, pct))
            continue
        lines.append(rules.ActivityLine(event, rule.points, rule.cap_per_year, pct))
    return lines


def _earned_by_source(uow: UnitOfWork, coverage: Coverage) -> dict[str, int]:
    e = LedgerEntry
    query = (
        select(e.source, func.sum(e.amount))
        .where(
            e.currency == "points",
            e.kind == "earn",
            e.business_date >= coverage.scope.first_day,
            e.business_date <= coverage.scope.last_day,
            coverage.member_filter(e.member_id),
        )
        .group_by(e.source)
    )
    return {source: int(total or 0) for source, total in uow.session.execute(query)}


def revenue_fen(uow: UnitOfWork, coverage: Coverage) -> int:
    """Service and purchase documents of the month's members in scope, refunds excluded."""
    o = ServiceOrder
    total = uow.session.scalar(
        select(func.coalesce(func.sum(o.amount_fen), 0)).where(
            and_(
                o.service_date >= coverage.scope.first_day,
                o.service_date <= coverage.scope.last_day,
            ),
            o.refunded_at.is_(None),
            coverage.member_filter(o.member_id),
        )
    )
    return int(total or 0)


def _round(value: Fraction | None) -> int | None:
    return None if value is None else int((value * 2 + 1) // 2)


def cost_section(
    uow: UnitOfWork,
    coverage: Coverage,
    settings: ProgrammeSettings,
    points: PointsSection,
    members: int,
) -> CostSection:
    ppy, pct = settings.points_per_yuan, settings.cost_forecast_redemption_pct
    earned = _earned_by_source(uow, coverage)
    lines: list[CostLine] = []
    caps_total = expected_total = Fraction(0)
    actual_total = 0
    for line in activity_lines(uow, coverage, settings):
        expected = rules.expected_points(line)
        actual = _per_member_year(earned.get(line.event, 0), members)
        lines.append(CostLine(
            f"activity_{line.event}", f"Activity points per member a year: {line.event}",
            "points", line.year_cap, _round(expected), actual,
            f"cap × {line.activity_pct}%; actual = month × 12 ÷ members",
        ))  # fmt: skip
        caps_total += line.year_cap or 0
        expected_total += expected or 0
        actual_total += actual or 0
    lines.append(CostLine("activity_total", "Activity points per member a year", "points",
                          int(caps_total), _round(expected_total), actual_total))  # fmt: skip
    lines.append(CostLine(
        "activity_cost_per_member", "Activity points cost per member a year", "fen",
        rules.yearly_cost_fen(caps_total, pct, ppy),
        rules.yearly_cost_fen(expected_total, pct, ppy),
        rules.yearly_cost_fen(actual_total, pct, ppy),
        f"points × {pct}% ÷ {ppy} points per yuan",
    ))  # fmt: skip
    revenue = revenue_fen(uow, coverage)
    cost = rules.accrued_cost_fen(
        points.offset + points.redeemed, points.opening, points.closing, pct, ppy
    )
    per_member = rules.per_member_fen(cost, members)
    lines.extend(_month_lines(points, settings, members, revenue, cost, per_member))
    return CostSection(
        lines=tuple(lines),
        members=members,
        cost_fen=cost,
        cost_per_member_fen=per_member,
        revenue_fen=revenue,
        cost_share_of_revenue=Rate(cost, revenue, rules.ratio(cost, revenue), Fraction(1, 100)),
    )


def _per_member_year(points_in_month: int, members: int) -> int | None:
    if members <= 0:
        return None
    return _round(Fraction(points_in_month * MONTHS_A_YEAR, members))


def _month_lines(points, settings, members, revenue, cost, per_member) -> list[CostLine]:
    ppy, pct = settings.points_per_yuan, settings.cost_forecast_redemption_pct
    used = points.offset + points.redeemed
    return [
        CostLine("forecast_redemption_rate", "Forecast redemption rate", "permille", pct * 10,
                 pct * 10, None),
        CostLine("points_per_yuan", "Points per yuan of benefit value", "count", ppy, ppy, ppy),
        CostLine("members", "Members (open, at the month's end)", "count", None, None, members),
        CostLine("points_earned", "Points earned in the month", "points", None, None,
                 points.earned),
        CostLine("points_used", "Points used in the month (offset + redeemed)", "points", None,
                 None, used),
        CostLine("liability", "Outstanding points' value at the month's end", "fen", None, None,
                 points.liability_fen),
        CostLine("cost_month", "Cost of points in the month", "fen", None, None, cost,
                 f"used ÷ {ppy} + (closing − opening) × {pct}% ÷ {ppy}"),
        CostLine("cost_per_member", "Cost of points per member in the month", "fen", None,
                 None, per_member),
        CostLine("revenue", "Revenue recorded in the month (service and purchase)", "fen",
                 None, None, revenue),
    ]  # fmt: skip


def partners_section(db: Database, actor: Actor, coverage: Coverage) -> PartnersSection:
    """Settlement totals and complaint service levels: headquarters' network figures only."""
    if not coverage.is_network or not actor.is_headquarters:
        return PartnersSection(available=False, note=PARTNERS_HQ_ONLY)
    month = coverage.scope.month
    statement = settlement(db, actor, month)
    rows = tuple(
        PartnerSettlementRow(p.partner_id, p.partner_code, p.partner_name, p.redemptions, 0,
                             p.total_fen, p.write_offs, p.amount_fen, p.rebate_fen)
        for p in statement.partners
    )  # fmt: skip
    complaints = tuple(
        PartnerComplaintRow(
            level.partner_id, level.partner_code, level.partner_name, level.received,
            _met(level.received - level.plan_late, level.received),
            _met(level.received - level.report_late, level.received),
            open=level.open,
            first_contact=_met(level.rates.first_contact, level.rates.received),
            second_contact=_met(level.rates.second_contact, level.rates.received),
        )
        for level in service_levels(db, actor, month)
    )  # fmt: skip
    return PartnersSection(True, "", rows, complaints, statement.total_fen)


def _met(hit: int, measured: int) -> Rate:
    return Rate(hit, measured, rules.ratio(hit, measured))
