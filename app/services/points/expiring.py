"""Members with points expiring soon, for SMS or phone reminders (list and Excel export)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import and_, func, select

from app.db.models import (
    Dealer,
    Member,
    PointLot,
)
from app.domain import points as rules
from app.domain import validation as v
from app.domain.inputs import (
    check_int,
)
from app.domain.members import MemberStatus
from app.domain.roles import Actor, Permission, require
from app.services.settings.programme import read_settings
from app.services.shared.database import Database
from app.services.shared.scope import programme_today, sees_personal_data
from app.services.shared.uow import UnitOfWork


@dataclass(frozen=True)
class ExpiringRow:
    member_id: int
    member_number: str
    name: str
    mobile: str | None  # masked unless the actor may see the member's personal data
    dealer_name: str | None
    points: int
    expires_on: date


def expiring_soon(
    db: Database,
    actor: Actor,
    months: int | None = None,
    offset: int = 0,
    limit: int | None = 500,
) -> list[ExpiringRow]:
    """Members with points expiring from today to ``months`` ahead: one row per member and
    expiry date, soonest first (for SMS or phone reminders)."""
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        query = _expiring_query(uow, actor, months).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        rows = []
        for m, dealer, points_, expires_on in uow.session.execute(query):
            full = sees_personal_data(actor, m.dealer_id)  # as the member list masks
            name = m.name if full else v.mask_name(m.name)
            mobile = (m.mobile if full else v.mask_mobile(m.mobile)) if m.mobile else None
            rows.append(
                ExpiringRow(m.id, m.member_number, name, mobile, dealer, int(points_), expires_on)
            )
        return rows


def count_expiring_soon(db: Database, actor: Actor, months: int | None = None) -> tuple[int, int]:
    """(members, points) expiring within ``months``."""
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        window = _expiry_window(uow, months)
        condition = _expiring_condition(actor, *window)
        row = uow.session.execute(
            select(func.count(func.distinct(PointLot.member_id)), func.sum(PointLot.remaining))
            .join(Member, Member.id == PointLot.member_id)
            .where(condition)
        ).one()
        return int(row[0]), int(row[1] or 0)


def _expiry_window(uow: UnitOfWork, months: int | None) -> tuple[date, date]:
    today = programme_today(uow)
    months = check_int(months or read_settings(uow).expiring_soon_months, "months", 1, 12)
    return today, rules.add_months(today, months)


def _expiring_condition(actor: Actor, start: date, end: date):
    condition = and_(
        PointLot.remaining > 0,
        PointLot.expires_on >= start,
        PointLot.expires_on <= end,
        Member.status.in_((MemberStatus.ACTIVE, MemberStatus.FROZEN)),
    )
    if not actor.is_headquarters:
        condition = and_(condition, Member.dealer_id == actor.dealer_id)
    return condition


def _expiring_query(uow: UnitOfWork, actor: Actor, months: int | None):
    start, end = _expiry_window(uow, months)
    points = func.sum(PointLot.remaining)
    return (
        select(Member, Dealer.name, points, PointLot.expires_on)
        .join(Member, Member.id == PointLot.member_id)
        .outerjoin(Dealer, Dealer.id == Member.dealer_id)
        .where(_expiring_condition(actor, start, end))
        .group_by(Member.id, Dealer.name, PointLot.expires_on)
        .order_by(PointLot.expires_on, Member.id)
    )


def export_expiring(
    db: Database,
    actor: Actor,
    path: Path,
    months: int | None = None,
    headers: Sequence[str] | None = None,
    title: str | None = None,
) -> int:
    """Write the expiring-soon list to an .xlsx file for SMS or phone reminders."""
    from app.adapters.document_workbooks import write_expiring  # openpyxl: loaded on first use

    rows = expiring_soon(db, actor, months, limit=None)
    write_expiring(rows, path, headers, **({"title": title} if title else {}))
    return len(rows)
