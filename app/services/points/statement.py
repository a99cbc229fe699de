"""The member's points statement (积分对账单) and its printable PDF."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from app.db.models import (
    LedgerEntry,
)
from app.domain import points as rules
from app.domain import validation as v
from app.domain.errors import PermissionDenied, ValidationError
from app.domain.inputs import (
    EARLIEST_DATE,
    check_date,
)
from app.domain.members import MemberStatus
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.points.accounts import EntryRow, entries_query, entry_rows
from app.services.points.ledger import POINTS, QUALIFYING
from app.services.settings.programme import get_settings, read_settings
from app.services.shared.database import Database
from app.services.shared.queries import scalar_int
from app.services.shared.scope import load_member, programme_today, sees_personal_data


@dataclass(frozen=True)
class Statement:
    member_number: str
    name: str
    start: date
    end: date
    opening: int
    closing: int
    entries: list[EntryRow]  # redeemable points only, oldest first
    qualifying_closing: int
    printed_at: datetime
    programme_name: str


def statement(db: Database, actor: Actor, member_id: int, start: date, end: date) -> Statement:
    """积分对账单: opening balance, every points entry of the period, closing balance."""
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        latest = rules.add_months(programme_today(uow), 12)
        check_date(start, "start", EARLIEST_DATE, latest)
        check_date(end, "end", EARLIEST_DATE, latest)
        if start > end:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The start date must not be after the end date."),
                field="start",
            )
        member = load_member(uow, member_id)
        full = sees_personal_data(actor, member.dealer_id)
        if not full and not actor.can(Permission.VIEW_REPORTS):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "Only staff of the member's own dealer may do this.")
            )

        def total(currency: str, before: date) -> int:
            return scalar_int(
                uow,
                select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
                    LedgerEntry.member_id == member_id,
                    LedgerEntry.currency == currency,
                    LedgerEntry.business_date < before,
                ),
            )

        query = (
            entries_query(member_id, start, end)
            .where(LedgerEntry.currency == POINTS)
            .order_by(LedgerEntry.business_date, LedgerEntry.id)
        )
        entries = list(entry_rows(uow, query))
        opening = total(POINTS, start)
        shown_name = full or member.status == MemberStatus.CLOSED
        return Statement(
            member.member_number,
            member.name if shown_name else v.mask_name(member.name),
            start,
            end,
            opening,
            opening + sum(e.amount for e in entries),
            entries,
            total(QUALIFYING, end + timedelta(days=1)),
            uow.now(),
            read_settings(uow).programme_name,
        )


def print_statement(
    db: Database,
    actor: Actor,
    member_id: int,
    start: date,
    end: date,
    path: Path,
    labels: Mapping[str, str] | None = None,
    locale: str = "zh_CN",
) -> Path:
    """The member's statement for the period as a printable PDF."""
    from app.adapters.statement_pdf import write_statement  # reportlab: loaded on first use

    sheet = statement(db, actor, member_id, start, end)
    zone = get_settings(db).timezone  # the printed-at time in the programme's zone
    return write_statement(sheet, path, labels, locale, timezone=zone)
