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
    StaffUser,
)
from app.domain import points as rules
from app.domain.roles import Actor, Permission, require
from app.services.points import ledger, ledger_checks
from app.services.points.ledger import POINTS, QUALIFYING
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
class PostingRow:
    """One posting as the member's entries table shows it: the points and the qualifying
    points (成长值) that one request posted together are one row, not two."""

    id: int  # the points entry's id (the qualifying entry's when it posted no points)
    posted_at: datetime
    business_date: date
    kind: str
    source: str
    points: int | None  # None: no points entry in this posting
    qualifying: int | None  # None: no qualifying entry in this posting
    shortfall: int
    reference: str | None
    dealer_name: str | None
    note: str | None
    actor: str  # the login name ("system" for batch runs)
    actor_name: str | None  # the staff user's display name; None when there is no such user
    reversed: bool  # a later entry reverses it


def posting_key(entry: LedgerEntry) -> tuple[str, str, str, date] | None:
    """What the two entries of one posting share: the request id they were derived from
    (``derived_uid(request, "points")`` and ``derived_uid(request, "qualifying")``, as the
    counter, events, refunds and the initial points write them), kind, source and date.
    None: the entry has no partner (an adjustment, a merge, a hashed id)."""
    suffix = ":" + entry.currency
    if entry.currency not in (POINTS, QUALIFYING) or not entry.entry_uid.endswith(suffix):
        return None
    return entry.entry_uid[: -len(suffix)], entry.kind, entry.source, entry.business_date


def list_postings(db: Database, actor: Actor, member_id: int, limit: int = 200) -> list[PostingRow]:
    """The member's postings, newest first, each with its points and qualifying points."""
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        load_member(uow, member_id)
        query = (
            _postings_query()
            .where(LedgerEntry.member_id == member_id)
            .order_by(LedgerEntry.id.desc())
            .limit(2 * limit)
        )
        groups: dict[object, dict] = {}
        for row in uow.session.execute(query).all():
            _add_to_group(groups, row)
        rows = list(groups.values())[:limit]
        _complete_pairs(uow, member_id, rows)
        ids = [e.id for g in rows for e, _, _ in (g[c] for c in (POINTS, QUALIFYING) if g[c])]
        reversed_ids = set(
            uow.session.scalars(
                select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.in_(ids))
            )
        ) if ids else set()  # fmt: skip
        return [_posting_row(group, reversed_ids) for group in rows]


def _postings_query():
    return (
        select(LedgerEntry, Dealer.name, StaffUser.display_name)
        .outerjoin(Dealer, Dealer.id == LedgerEntry.dealer_id)
        .outerjoin(StaffUser, StaffUser.username == LedgerEntry.actor)
    )


def _add_to_group(groups: dict[object, dict], row) -> None:
    entry = row[0]
    key = posting_key(entry)
    group = groups.get(key) if key is not None else None
    if group is None or group[entry.currency] is not None:
        group = {POINTS: None, QUALIFYING: None, "key": key}
        groups[key if key is not None and key not in groups else ("entry", entry.id)] = group
    group[entry.currency] = tuple(row)


def _complete_pairs(uow: UnitOfWork, member_id: int, groups: list[dict]) -> None:
    """The partner of a posting whose other entry fell outside the page, fetched by its id."""
    wanted: dict[str, dict] = {}
    for group in groups:
        if group["key"] is None or (group[POINTS] and group[QUALIFYING]):
            continue
        missing = QUALIFYING if group[POINTS] else POINTS
        wanted[f"{group['key'][0]}:{missing}"] = group
    if not wanted:
        return
    query = _postings_query().where(
        LedgerEntry.member_id == member_id, LedgerEntry.entry_uid.in_(list(wanted))
    )
    for row in uow.session.execute(query).all():
        group = wanted[row[0].entry_uid]
        if posting_key(row[0]) == group["key"]:
            group[row[0].currency] = tuple(row)


def _posting_row(group: dict, reversed_ids: set[int | None]) -> PostingRow:
    points, qualifying = group[POINTS], group[QUALIFYING]
    entry, dealer_name, actor_name = points or qualifying
    return PostingRow(
        entry.id, entry.posted_at, entry.business_date, entry.kind, entry.source,
        points[0].amount if points else None,
        qualifying[0].amount if qualifying else None,
        entry.shortfall, entry.reference, dealer_name, entry.note, entry.actor, actor_name,
        any(e is not None and e[0].id in reversed_ids for e in (points, qualifying)),
    )  # fmt: skip


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
