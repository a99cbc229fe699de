"""A member's points account as the screens read it: balance, entries, lots, documents,
and the ledger check."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from app.db.models import (
    Dealer,
    LedgerEntry,
    PointHold,
    PointLot,
    PointsAccount,
    ServiceOrder,
)
from app.domain import points as rules
from app.domain.roles import Actor, Permission, require
from app.services.points import ledger, ledger_checks
from app.services.points.ledger import POINTS
from app.services.settings.programme import read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.progress import Progress
from app.services.shared.queries import scalar_int
from app.services.shared.scope import load_member, programme_today
from app.services.shared.uow import UnitOfWork, retry_on_contention


@dataclass(frozen=True)
class AccountSummary:
    member_id: int
    member_number: str
    name: str
    status: str
    balance: int  # sum of the member's redeemable entries
    held: int  # reserved by pending redemptions
    available: int  # usable now: unexpired lots minus holds
    qualifying: int
    value_fen: int  # what the available points are worth at the counter
    next_expiry: date | None
    next_expiry_points: int


def account_summary(db: Database, actor: Actor, member_id: int) -> AccountSummary:
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        member = load_member(uow, member_id)
        today = programme_today(uow)
        settings = read_settings(uow)
        account = uow.session.get(PointsAccount, member_id) or PointsAccount(
            member_id=member_id, balance=0, held=0, qualifying=0
        )
        lots = ledger.usable_lots(uow, member_id, today)
        held = _active_held(uow, member_id)
        available = rules.available_balance(lots, held, today)
        expiries = [lot.expires_on for lot in lots if lot.expires_on is not None]
        next_expiry = min(expiries, default=None)
        next_points = sum(lot.remaining for lot in lots if lot.expires_on == next_expiry)
        return AccountSummary(
            member.id,
            member.member_number,
            member.name,
            member.status,
            account.balance,
            held,
            available,
            account.qualifying,
            rules.points_value_fen(available, settings.points_per_yuan),
            next_expiry,
            next_points,
        )


def _active_held(uow: UnitOfWork, member_id: int) -> int:
    """Points on hold, not counting holds already past their time-out (released lazily)."""
    return scalar_int(
        uow,
        select(func.coalesce(func.sum(PointHold.points), 0)).where(
            PointHold.member_id == member_id,
            PointHold.status == rules.HoldStatus.ACTIVE,
            PointHold.expires_at > uow.now(),
        ),
    )


@dataclass(frozen=True)
class EntryRow:
    id: int
    posted_at: datetime
    business_date: date
    currency: str
    kind: str
    source: str
    amount: int
    shortfall: int
    reference: str | None
    dealer_name: str | None
    note: str | None
    actor: str
    reverses_id: int | None
    reversed_by_id: int | None


def list_entries(
    db: Database,
    actor: Actor,
    member_id: int,
    offset: int = 0,
    limit: int = 200,
    start: date | None = None,
    end: date | None = None,
) -> list[EntryRow]:
    """The member's entries, newest first (``start``/``end``: business dates, inclusive)."""
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        load_member(uow, member_id)
        query = entries_query(member_id, start, end).order_by(LedgerEntry.id.desc())
        return list(entry_rows(uow, query.offset(offset).limit(limit)))


def entries_query(member_id: int, start: date | None, end: date | None):
    query = (
        select(LedgerEntry, Dealer.name)
        .outerjoin(Dealer, Dealer.id == LedgerEntry.dealer_id)
        .where(LedgerEntry.member_id == member_id)
    )
    if start:
        query = query.where(LedgerEntry.business_date >= start)
    if end:
        query = query.where(LedgerEntry.business_date <= end)
    return query


def entry_rows(uow: UnitOfWork, query) -> Iterator[EntryRow]:
    rows = uow.session.execute(query).all()
    ids = [entry.id for entry, _ in rows]
    reversed_by = dict(
        uow.session.execute(
            select(LedgerEntry.reverses_id, LedgerEntry.id).where(LedgerEntry.reverses_id.in_(ids))
        ).all()
    ) if ids else {}  # fmt: skip
    for entry, dealer_name in rows:
        yield EntryRow(
            entry.id,
            entry.posted_at,
            entry.business_date,
            entry.currency,
            entry.kind,
            entry.source,
            entry.amount,
            entry.shortfall,
            entry.reference,
            dealer_name,
            entry.note,
            entry.actor,
            entry.reverses_id,
            reversed_by.get(entry.id),
        )


@dataclass(frozen=True)
class LotRow:
    id: int
    earned_on: date
    expires_on: date | None
    original: int
    remaining: int


def list_lots(db: Database, actor: Actor, member_id: int) -> list[LotRow]:
    """Lots with points left, in the order debits consume them."""
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        load_member(uow, member_id)
        rows = uow.session.execute(
            select(PointLot)
            .where(PointLot.member_id == member_id, PointLot.remaining > 0)
            .order_by(PointLot.expires_on.is_(None), PointLot.expires_on, PointLot.id)
        ).scalars()
        return [LotRow(r.id, r.earned_on, r.expires_on, r.original, r.remaining) for r in rows]


@dataclass(frozen=True)
class ServiceOrderRow:
    id: int
    dealer_name: str
    document_no: str
    kind: str
    service_date: date
    amount_fen: int
    points: int
    refunded: bool


def list_service_orders(db: Database, actor: Actor, member_id: int) -> list[ServiceOrderRow]:
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        points = (
            select(func.sum(LedgerEntry.amount))
            .where(
                LedgerEntry.service_order_id == ServiceOrder.id,
                LedgerEntry.currency == POINTS,
                LedgerEntry.kind == "earn",
            )
            .scalar_subquery()
        )
        rows = uow.session.execute(
            select(ServiceOrder, Dealer.name, points)
            .join(Dealer, Dealer.id == ServiceOrder.dealer_id)
            .where(ServiceOrder.member_id == member_id)
            .order_by(ServiceOrder.service_date.desc(), ServiceOrder.id.desc())
        )
        return [
            ServiceOrderRow(
                o.id, name, o.document_no, o.kind, o.service_date, o.amount_fen, p or 0,
                o.refunded_at is not None,
            )
            for o, name, p in rows
        ]  # fmt: skip


def verify_ledger(
    db: Database, actor: Actor, progress: Progress | None = None
) -> list[ledger_checks.Discrepancy]:
    """Every member whose cached balance, holds or lots disagree with the entries; the check
    itself is recorded in the audit trail (who ran it, and what it found)."""
    require(actor, Permission.VIEW_AUDIT)
    with db.reader(actor) as uow:
        report = progress.report if progress else None
        found = ledger_checks.verify(uow, report)
    _record_check(db, actor, found)
    return found


def ledger_guard_problems(db: Database, actor: Actor) -> list:
    """The database guards of the ledger that are missing, switched off or altered."""
    require(actor, Permission.VIEW_AUDIT)
    with db.reader(actor) as uow:
        return ledger_checks.guard_report(uow)


@retry_on_contention
def _record_check(db: Database, actor: Actor, found: list[ledger_checks.Discrepancy]) -> None:
    with db.uow(actor) as uow:
        members = len({problem.member_id for problem in found})
        after = {"inconsistent_members": members}
        audit.record(uow, actor, "ledger", "verify", "verify", after=after)
        uow.commit()
