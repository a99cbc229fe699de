"""Points use cases at the counter and at headquarters, with their permission checks.

The ledger engine (``app.services.ledger``) keeps the books; this module decides who may post
what, works out earnings from the versioned earning rules, and reads accounts for the screens.
Counter postings are not copied into the audit trail: ledger entries are themselves
append-only and carry who posted them and when. Refunds, expiry runs, rule changes and
adjustments (``app.services.adjustments``) are audited.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import and_, func, select
from sqlalchemy.exc import IntegrityError

from app.db.models import (
    Dealer,
    EarningRule,
    LedgerEntry,
    Member,
    PointHold,
    PointLot,
    PointsAccount,
    ServiceOrder,
)
from app.domain import points as rules
from app.domain import validation as v
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.validation import normalize_text
from app.services import audit, ledger
from app.services.database import Database
from app.services.ledger import POINTS, QUALIFYING, Posting
from app.services.members import _get_member, programme_today, sees_personal_data
from app.services.progress import Progress
from app.services.settings import ProgrammeSettings, get_settings, read_settings
from app.services.uow import UnitOfWork

SPEND_KINDS = ("service", "purchase")
EVENTS = ("sign_in", "share", "major_event", "birthday", "referral", "new_binding")
USE_TARGETS = ("labour", "parts")
RULE_CODES = SPEND_KINDS + EVENTS
EXPIRY_CHUNK = 50_000  # member ids per transaction in the expiry run


def new_request_uid() -> str:
    """A fresh id for a request; screens make one per dialog so a double click posts once."""
    return uuid.uuid4().hex


# --- reading accounts -----------------------------------------------------------------------


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
    with db.reader() as uow:
        member = _get_member(uow, member_id)
        today = programme_today(uow)
        settings = read_settings(uow)
        account = uow.session.get(PointsAccount, member_id) or PointsAccount(
            member_id=member_id, balance=0, held=0, qualifying=0
        )
        lots = ledger.usable_lots(uow, member_id, today)
        held = _active_held(uow, member_id)
        available = rules.available_balance(lots, held, today)
        dated = [lot for lot in lots if lot.expires_on is not None]
        next_expiry = min((lot.expires_on for lot in dated), default=None)
        next_points = sum(lot.remaining for lot in dated if lot.expires_on == next_expiry)
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
    return int(
        uow.session.scalar(
            select(func.coalesce(func.sum(PointHold.points), 0)).where(
                PointHold.member_id == member_id,
                PointHold.status == "active",
                PointHold.expires_at > uow.now(),
            )
        )
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
    with db.reader() as uow:
        _get_member(uow, member_id)
        query = _entries_query(member_id, start, end).order_by(LedgerEntry.id.desc())
        return list(_entry_rows(uow, query.offset(offset).limit(limit)))


def _entries_query(member_id: int, start: date | None, end: date | None):
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


def _entry_rows(uow: UnitOfWork, query) -> Iterator[EntryRow]:
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
    with db.reader() as uow:
        _get_member(uow, member_id)
        rows = uow.session.execute(
            select(PointLot)
            .where(PointLot.member_id == member_id, PointLot.remaining > 0)
            .order_by(PointLot.expires_on.is_(None), PointLot.expires_on, PointLot.id)
        ).scalars()
        return [LotRow(r.id, r.earned_on, r.expires_on, r.original, r.remaining) for r in rows]


# --- earning rules --------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleVersion:
    id: int
    code: str
    version: int
    effective_from: date
    params: dict
    note: str | None
    created_by: str
    created_at: datetime


def list_rules(db: Database, actor: Actor) -> list[RuleVersion]:
    """Every version of every earning rule, newest version first within a code."""
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader() as uow:
        rows = uow.session.scalars(
            select(EarningRule).order_by(EarningRule.code, EarningRule.version.desc())
        )
        return [_rule_version(r) for r in rows]


def _rule_version(row: EarningRule) -> RuleVersion:
    return RuleVersion(
        row.id,
        row.code,
        row.version,
        row.effective_from,
        json.loads(row.params),
        row.note,
        row.created_by,
        row.created_at,
    )


_PARAM_KEYS = {
    "spend": {"points_per_unit", "unit_fen", "rounding"},
    "event": {"points", "cap_per_day", "cap_per_month", "cap_per_year"},
}


def add_rule_version(
    db: Database, actor: Actor, code: str, effective_from: date, params: dict, note: str = ""
) -> RuleVersion:
    """A new version of an earning rule, in force from ``effective_from`` (today or later).

    Points already posted are never touched: each entry records the rule version it used.
    """
    require(actor, Permission.CONFIGURE_PROGRAMME)
    if code not in RULE_CODES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown earning rule."), field="code")
    params = _clean_params(code, params)
    with db.uow() as uow:
        if effective_from < programme_today(uow):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A rule change cannot take effect in the past."),
                field="effective_from",
            )
        session = uow.session
        latest = session.scalars(
            select(EarningRule)
            .where(EarningRule.code == code)
            .order_by(EarningRule.version.desc())
            .with_for_update()
        ).first()
        if latest is not None and effective_from <= latest.effective_from:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The new version must take effect after {date}, the last one."
                ),
                field="effective_from",
                date=latest.effective_from.isoformat(),
            )
        row = EarningRule(
            code=code,
            version=(latest.version + 1) if latest else 1,
            effective_from=effective_from,
            params=json.dumps(params, sort_keys=True),
            note=normalize_text(note) or None,
            created_by=actor.username,
            created_at=uow.now(),
        )
        session.add(row)
        session.flush()
        audit.record(uow, actor, "earning_rule", row.id, "create", after=_rule_audit(row))
        uow.commit()
        return _rule_version(row)


def _rule_audit(row: EarningRule) -> dict:
    return {
        "code": row.code,
        "version": row.version,
        "effective_from": row.effective_from.isoformat(),
        "params": json.loads(row.params),
    }


def _clean_params(code: str, params: dict) -> dict:
    kind = "spend" if code in SPEND_KINDS else "event"
    allowed = _PARAM_KEYS[kind]
    clean = {k: params.get(k) for k in allowed if params.get(k) is not None}
    extra = {k: params[k] for k in ("window_months",) if code == "new_binding" and k in params}
    try:
        if kind == "spend":
            rules.SpendRule(
                int(clean["points_per_unit"]),
                int(clean["unit_fen"]),
                clean.get("rounding", "floor"),
            )
        else:
            for key, value in clean.items():
                if not isinstance(value, int) or value < (1 if key == "points" else 0):
                    raise ValueError(key)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Check the rule's figures: whole numbers, points >= 1."),
            field="params",
        ) from exc
    return {**clean, **extra}


def rule_in_force(uow: UnitOfWork, code: str, on: date) -> EarningRule:
    rule = uow.session.scalars(
        select(EarningRule)
        .where(EarningRule.code == code, EarningRule.effective_from <= on)
        .order_by(EarningRule.effective_from.desc())
        .limit(1)
    ).first()
    if rule is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "No earning rule {code} is in force on {date}."),
            code=code,
            date=on.isoformat(),
        )
    return rule


def _spend_rule(row: EarningRule) -> rules.SpendRule:
    p = json.loads(row.params)
    return rules.SpendRule(p["points_per_unit"], p["unit_fen"], p.get("rounding", "floor"))


def _event_rule(row: EarningRule) -> rules.EventRule:
    p = json.loads(row.params)
    return rules.EventRule(
        row.code, p["points"], p.get("cap_per_day"), p.get("cap_per_month"), p.get("cap_per_year")
    )


# --- counter: service and purchase ----------------------------------------------------------


@dataclass(frozen=True)
class ServiceInput:
    member_id: int
    dealer_id: int | None  # None: the clerk's own dealer
    document_no: str
    business_date: date
    amount_fen: int
    kind: str = "service"  # service | purchase
    request_uid: str = field(default_factory=new_request_uid)


@dataclass(frozen=True)
class ServicePreview:
    rule_code: str
    rule_version: int
    points: int
    qualifying: int
    lines: list[tuple[str, int]]
    value_fen: int  # what the points will be worth at the counter


@dataclass(frozen=True)
class RecordedService:
    order_id: int
    entry_id: int
    points: int
    qualifying: int
    repeated: bool = False  # a retry of a request already recorded: nothing posted now


def preview_service(db: Database, actor: Actor, data: ServiceInput) -> ServicePreview:
    """What the service will earn, with the rule breakdown, before anything is posted."""
    require(actor, Permission.POST_POINTS)
    with db.reader() as uow:
        dealer_id, document_no = _check_service(uow, actor, data)
        existing = _existing_order(uow, dealer_id, document_no)
        if existing is not None:
            raise _already_recorded(existing)
        return _preview(uow, data)[0]


def _existing_order(uow: UnitOfWork, dealer_id: int, document_no: str) -> ServiceOrder | None:
    return uow.session.scalars(
        select(ServiceOrder).where(
            ServiceOrder.dealer_id == dealer_id, ServiceOrder.document_no == document_no
        )
    ).one_or_none()


def _already_recorded(order: ServiceOrder) -> Conflict:
    return Conflict(
        QT_TRANSLATE_NOOP(
            "Errors", "Document {document} was already recorded on {date}; it cannot earn twice."
        ),
        document=order.document_no,
        date=order.service_date.isoformat(),
    )


def _preview(
    uow: UnitOfWork, data: ServiceInput
) -> tuple[ServicePreview, EarningRule, ProgrammeSettings]:
    """The preview, with the rule and settings it used (recording posts with the same)."""
    rule = rule_in_force(uow, data.kind, data.business_date)
    preview = rules.preview_spend(_spend_rule(rule), data.amount_fen)
    settings = read_settings(uow)
    shown = ServicePreview(
        rule.code,
        rule.version,
        preview.total_points,
        preview.total_points,
        preview.lines,
        rules.points_value_fen(preview.total_points, settings.points_per_yuan),
    )
    return shown, rule, settings


def record_service(db: Database, actor: Actor, data: ServiceInput) -> RecordedService:
    """Record a repair order or invoice and post the points and qualifying points it earns.

    The same document number at the same dealer earns once: a retry of the same request
    returns the first result; a second request for the document is refused.
    """
    require(actor, Permission.POST_POINTS)
    with db.uow() as uow:
        dealer_id, document_no = _check_service(uow, actor, data)
        session = uow.session
        existing = _existing_order(uow, dealer_id, document_no)
        if existing is not None:
            return _existing_service(uow, existing, data)
        preview, rule, settings = _preview(uow, data)
        order = ServiceOrder(
            dealer_id=dealer_id,
            document_no=document_no,
            kind=data.kind,
            member_id=data.member_id,
            service_date=data.business_date,
            amount_fen=data.amount_fen,
            recorded_by=actor.username,
        )
        session.add(order)
        try:
            session.flush()
        except IntegrityError:  # another desktop recorded the document a moment ago
            session.rollback()
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors", "Document {document} was already recorded; it cannot earn twice."
                ),
                document=document_no,
            ) from None
        entry_id = 0
        for currency, amount in ((POINTS, preview.points), (QUALIFYING, preview.qualifying)):
            if amount <= 0:
                continue
            entry = ledger.post(
                uow,
                settings,
                Posting(
                    entry_uid=f"{data.request_uid}:{currency}",
                    member_id=data.member_id,
                    currency=currency,
                    kind="earn",
                    source=data.kind,
                    amount=amount,
                    business_date=data.business_date,
                    actor=actor.username,
                    dealer_id=dealer_id,
                    reference=document_no,
                    service_order_id=order.id,
                    rule_id=rule.id,
                ),
            )
            entry_id = entry_id or entry.id
        uow.commit()
        return RecordedService(order.id, entry_id, preview.points, preview.qualifying)


def _existing_service(uow: UnitOfWork, order: ServiceOrder, data: ServiceInput):
    retry = uow.session.scalars(
        select(LedgerEntry).where(LedgerEntry.entry_uid == f"{data.request_uid}:{POINTS}")
    ).one_or_none()
    if retry is not None and retry.service_order_id == order.id:
        qualifying = uow.session.scalar(
            select(LedgerEntry.amount).where(
                LedgerEntry.service_order_id == order.id,
                LedgerEntry.currency == QUALIFYING,
                LedgerEntry.kind == "earn",
            )
        )
        return RecordedService(order.id, retry.id, retry.amount, qualifying or 0, repeated=True)
    raise _already_recorded(order)


def _check_service(uow: UnitOfWork, actor: Actor, data: ServiceInput) -> tuple[int, str]:
    if data.kind not in SPEND_KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown document type."), field="kind")
    document_no = normalize_text(data.document_no).upper()
    if not document_no or len(document_no) > 40:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter the repair order or invoice number (at most 40)."),
            field="document_no",
        )
    if not isinstance(data.amount_fen, int) or not 0 < data.amount_fen <= 100_000_000_00:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter an amount above 0 and at most 100,000,000 yuan."),
            field="amount",
        )
    today = programme_today(uow)
    if data.business_date > today or data.business_date < today - timedelta(days=366):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "The date must be within the last year and not in the future."
            ),
            field="business_date",
        )
    dealer_id = _counter_dealer(uow, actor, data.dealer_id)
    postable_member(uow, data.member_id)
    return dealer_id, document_no


def _counter_dealer(uow: UnitOfWork, actor: Actor, dealer_id: int | None) -> int:
    """Dealer staff post for their own dealer; headquarters staff must name one."""
    if not actor.is_headquarters:
        if dealer_id not in (None, actor.dealer_id):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "You can only record documents of your own dealer.")
            )
        return actor.dealer_id
    dealer = uow.session.get(Dealer, dealer_id) if dealer_id else None
    if dealer is None or not dealer.active:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose the dealer."), field="dealer")
    return dealer.id


def postable_member(uow: UnitOfWork, member_id: int) -> Member:
    member = _get_member(uow, member_id)
    if member.status in ("closed", "frozen"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The membership is closed: no points can be posted.")
            if member.status == "closed"
            else QT_TRANSLATE_NOOP("Errors", "The member is frozen: no points can be posted."),
        )
    return member


@dataclass(frozen=True)
class Refund:
    reversed_points: int
    shortfall: int  # points already spent that could not be taken back
    reversed_qualifying: int


def refund_service(
    db: Database, actor: Actor, order_id: int, reason: str, request_uid: str | None = None
) -> Refund:
    """Refund or cancellation of a document: reverse its points and qualifying points.

    Points already spent cannot be taken back; what remains is reversed and the shortfall
    is recorded on the reversing entry and in the audit trail, never as a negative balance.
    """
    require(actor, Permission.POST_POINTS)
    reason = normalize_text(reason)
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter the reason."), field="reason")
    request_uid = request_uid or new_request_uid()
    with db.uow() as uow:
        session = uow.session
        order = session.get(ServiceOrder, order_id, with_for_update=True)
        if order is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such document."))
        _counter_dealer(uow, actor, order.dealer_id)
        if order.refunded_at is not None:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "This document was already refunded."))
        earned = session.scalars(
            select(LedgerEntry)
            .where(LedgerEntry.service_order_id == order.id, LedgerEntry.kind == "earn")
            .order_by(LedgerEntry.currency)
        ).all()
        settings, today = read_settings(uow), programme_today(uow)
        result = {POINTS: (0, 0), QUALIFYING: (0, 0)}
        for entry in earned:
            reversal = ledger.reverse(
                uow, settings, entry, f"{request_uid}:{entry.currency}", actor.username, today,
                note=reason,
            )  # fmt: skip
            result[entry.currency] = (reversal.reversed_points, reversal.shortfall)
        order.refunded_at = uow.now()
        refund = Refund(result[POINTS][0], result[POINTS][1], result[QUALIFYING][0])
        audit.record(
            uow,
            actor,
            "service_order",
            order.id,
            "refund",
            after={
                "document": order.document_no,
                "reason": reason,
                "reversed_points": refund.reversed_points,
                "shortfall": refund.shortfall,
                "reversed_qualifying": refund.reversed_qualifying,
            },
        )
        uow.commit()
        return refund


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
    with db.reader() as uow:
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


# --- initial points ---------------------------------------------------------------------------


@dataclass(frozen=True)
class InitialPoints:
    members: int
    points: int


INITIAL_BATCH = 500


def grant_initial_points(
    db: Database, actor: Actor, progress: Progress | None = None
) -> InitialPoints:
    """Convert each member's service spend of the year before launch into points (and
    qualifying points) at the service rule in force at launch, dated the launch day.

    Documents that earned points already do not count; a member is granted once, so running
    it again (or after a cancel) only grants the members not done yet.
    """
    require(actor, Permission.CONFIGURE_PROGRAMME)
    progress = progress or Progress()
    with db.reader() as uow:
        launch = date.fromisoformat(read_settings(uow).launch_date)
        rule = rule_in_force(uow, "service", launch)
        rule_id, spend_rule = rule.id, _spend_rule(rule)
        spend_by_member = uow.session.execute(_pre_launch_spend(launch)).all()
    members = points_total = 0
    for start in range(0, len(spend_by_member), INITIAL_BATCH):
        progress.report(start, len(spend_by_member))
        with db.uow() as uow:
            settings = read_settings(uow)
            for member_id, spend in spend_by_member[start : start + INITIAL_BATCH]:
                amount = rules.spend_points(spend_rule, int(spend))
                granted = _grant_initial(uow, settings, actor, member_id, amount, rule_id)
                members, points_total = members + bool(granted), points_total + granted
            uow.commit()
    progress.report(len(spend_by_member), len(spend_by_member))
    with db.uow() as uow:
        audit.record(
            uow, actor, "ledger", "initial_points", "grant",
            after={"launch": launch.isoformat(), "members": members, "points": points_total},
        )  # fmt: skip
        uow.commit()
    return InitialPoints(members, points_total)


def _pre_launch_spend(launch: date):
    earned = (
        select(LedgerEntry.id)
        .where(LedgerEntry.service_order_id == ServiceOrder.id, LedgerEntry.kind == "earn")
        .exists()
    )
    return (
        select(ServiceOrder.member_id, func.sum(ServiceOrder.amount_fen))
        .join(Member, Member.id == ServiceOrder.member_id)
        .where(
            ServiceOrder.service_date >= rules.add_months(launch, -12),
            ServiceOrder.service_date < launch,
            ServiceOrder.refunded_at.is_(None),
            Member.status.in_(("active", "pre_registered")),
            ~earned,
        )
        .group_by(ServiceOrder.member_id)
        .order_by(ServiceOrder.member_id)
    )


def _grant_initial(uow, settings, actor, member_id: int, amount: int, rule_id: int) -> int:
    uid = f"initial:{member_id}"
    already = uow.session.scalar(
        select(LedgerEntry.id).where(LedgerEntry.entry_uid == f"{uid}:{POINTS}")
    )
    if already is not None or amount <= 0:
        return 0
    launch = date.fromisoformat(settings.launch_date)
    for currency in (POINTS, QUALIFYING):
        ledger.post(
            uow,
            settings,
            Posting(
                f"{uid}:{currency}", member_id, currency, "earn", "initial", amount, launch,
                actor.username, rule_id=rule_id,
            ),
        )  # fmt: skip
    return amount


# --- counter: events ------------------------------------------------------------------------


@dataclass(frozen=True)
class EventResult:
    points: int  # 0: a cap was reached, nothing posted
    entry_id: int | None


def record_event(
    db: Database,
    actor: Actor,
    member_id: int,
    event: str,
    request_uid: str,
    on: date | None = None,
    reference: str | None = None,
    channel: str = "counter",
) -> EventResult:
    """Fixed points for an event (sign-in, share, ...), within the rule's caps."""
    require(actor, Permission.POST_POINTS)
    if event not in EVENTS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown event."), field="event")
    with db.uow() as uow:
        on = on or programme_today(uow)
        member = postable_member(uow, member_id)
        ledger.lock_account(uow, member_id)  # serialises cap checks per member
        retry = uow.session.scalars(
            select(LedgerEntry).where(LedgerEntry.entry_uid == f"{request_uid}:{POINTS}")
        ).one_or_none()
        if retry is not None:
            return EventResult(retry.amount, retry.id)
        rule = rule_in_force(uow, event, on)
        points = _event_points(uow, rule, member, on)
        if points == 0:
            return EventResult(0, None)
        settings = read_settings(uow)
        entry = None
        for currency in (POINTS, QUALIFYING):
            posted = ledger.post(
                uow,
                settings,
                Posting(
                    entry_uid=f"{request_uid}:{currency}",
                    member_id=member_id,
                    currency=currency,
                    kind="earn",
                    source=event,
                    amount=points,
                    business_date=on,
                    actor=actor.username,
                    dealer_id=actor.dealer_id,
                    channel=channel,
                    reference=reference,
                    rule_id=rule.id,
                ),
            )
            entry = entry or posted
        uow.commit()
        return EventResult(points, entry.id)


def _event_points(uow: UnitOfWork, row: EarningRule, member: Member, on: date) -> int:
    event = _event_rule(row)
    params = json.loads(row.params)
    if row.code == "birthday" and (member.birthday is None or member.birthday.month != on.month):
        return 0  # the bonus is for the birthday month
    if row.code == "new_binding":
        launch = date.fromisoformat(read_settings(uow).launch_date)
        if not launch <= on <= rules.add_months(launch, params.get("window_months", 3)):
            return 0
        if _earned_between(uow, member.id, row.code, date.min, date.max):
            return 0  # once per member
    month_start = on.replace(day=1)
    year_start = on.replace(month=1, day=1)
    day = _earned_between(uow, member.id, row.code, on, on)
    month = _earned_between(
        uow, member.id, row.code, month_start, rules.add_months(month_start, 1) - timedelta(days=1)
    )
    year = _earned_between(uow, member.id, row.code, year_start, on.replace(month=12, day=31))
    return rules.event_points(event, day, month, year)


def _earned_between(uow: UnitOfWork, member_id: int, source: str, start: date, end: date) -> int:
    """Points the member earned from ``source`` on business dates ``start..end``; the index on
    (member, source, business date) keeps this cheap."""
    return int(
        uow.session.scalar(
            select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
                LedgerEntry.member_id == member_id,
                LedgerEntry.source == source,
                LedgerEntry.business_date.between(start, end),
                LedgerEntry.currency == POINTS,
                LedgerEntry.kind.in_(("earn", "reverse")),
            )
        )
    )


# --- counter: using points ------------------------------------------------------------------


@dataclass(frozen=True)
class UsePointsInput:
    member_id: int
    points: int
    target: str  # labour | parts
    reference: str  # repair order number
    request_uid: str = field(default_factory=new_request_uid)
    dealer_id: int | None = None


@dataclass(frozen=True)
class UsedPoints:
    entry_id: int
    points: int
    value_fen: int


def use_points(db: Database, actor: Actor, data: UsePointsInput) -> UsedPoints:
    """Deduct points against the labour or parts of a repair order (10 points = 1 yuan)."""
    require(actor, Permission.POST_POINTS)
    if data.target not in USE_TARGETS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Choose labour or parts."), field="target"
        )
    if not isinstance(data.points, int) or data.points <= 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The number of points must be positive."), field="points"
        )
    reference = normalize_text(data.reference).upper()
    if not reference or len(reference) > 60:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter the repair order number."), field="reference"
        )
    with db.uow() as uow:
        dealer_id = _counter_dealer(uow, actor, data.dealer_id)
        postable_member(uow, data.member_id)
        settings = read_settings(uow)
        entry = ledger.post(
            uow,
            settings,
            Posting(
                entry_uid=data.request_uid,
                member_id=data.member_id,
                currency=POINTS,
                kind="redeem",
                source=data.target,
                amount=-data.points,
                business_date=programme_today(uow),
                actor=actor.username,
                dealer_id=dealer_id,
                reference=reference,
            ),
        )
        uow.commit()
        return UsedPoints(
            entry.id, data.points, rules.points_value_fen(data.points, settings.points_per_yuan)
        )


# --- holds for redemptions (the benefits catalog uses these) --------------------------------


def hold_points(
    db: Database, actor: Actor, member_id: int, points: int, purpose: str, reference: str | None,
    hold_uid: str,
) -> str:  # fmt: skip
    require(actor, Permission.POST_POINTS)
    with db.uow() as uow:
        postable_member(uow, member_id)
        settings = read_settings(uow)
        hold = ledger.place_hold(
            uow, hold_uid, member_id, points, purpose, reference, actor.username,
            timedelta(minutes=settings.hold_timeout_minutes), programme_today(uow),
        )  # fmt: skip
        uow.commit()
        return hold.hold_uid


def settle_hold(db: Database, actor: Actor, hold_uid: str, commit_points: bool) -> str:
    """Post the held points (redemption done) or release them; returns the hold's status."""
    require(actor, Permission.POST_POINTS)
    with db.uow() as uow:
        hold = ledger.settle_hold(
            uow, read_settings(uow), hold_uid, commit_points, actor.username, programme_today(uow)
        )
        uow.commit()
        return hold.status


# --- expiry ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExpiryResult:
    as_of: date
    lots: int
    points: int


def expire_points(
    db: Database, actor: Actor | str, as_of: date | None = None, progress: Progress | None = None
) -> ExpiryResult:
    """Expire every lot whose last valid day is before ``as_of`` (default: today).

    Runs in member-id chunks, each its own transaction, so a run over millions of entries
    does not hold one huge transaction; a cancelled or interrupted run keeps the chunks done
    and simply continues where it is started again (the run is idempotent per date).
    """
    if isinstance(actor, Actor):
        require(actor, Permission.CONFIGURE_PROGRAMME)
    username = actor if isinstance(actor, str) else actor.username
    progress = progress or Progress()
    with db.reader() as uow:
        today = programme_today(uow)
        low, high = ledger.member_id_range(uow)
    as_of = as_of or today
    if as_of > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Points cannot be expired for a future date."),
            field="as_of",
        )
    lots = points = 0
    chunks = list(range(low, high + 1, EXPIRY_CHUNK))
    for done, first in enumerate(chunks):
        progress.report(done, len(chunks))
        with db.uow() as uow:
            batch = ledger.expire_range(uow, as_of, first, first + EXPIRY_CHUNK - 1, username)
            uow.commit()
        lots, points = lots + batch.lots, points + batch.points
    progress.report(len(chunks), len(chunks))
    with db.uow() as uow:
        audit.record(
            uow, actor, "ledger", "expiry", "expire",
            after={"as_of": as_of.isoformat(), "lots": lots, "points": points},
        )  # fmt: skip
        uow.commit()
    return ExpiryResult(as_of, lots, points)


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
    with db.reader() as uow:
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
    with db.reader() as uow:
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
    months = months or read_settings(uow).expiring_soon_months
    if not 1 <= months <= 12:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter a whole number from {low} to {high}."),
            field="months",
            low=1,
            high=12,
        )
    return today, rules.add_months(today, months)


def _expiring_condition(actor: Actor, start: date, end: date):
    condition = and_(
        PointLot.remaining > 0,
        PointLot.expires_on >= start,
        PointLot.expires_on <= end,
        Member.status.in_(("active", "frozen")),
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
    from app.adapters.points_excel import write_expiring  # openpyxl: loaded on first use

    rows = expiring_soon(db, actor, months, limit=None)
    write_expiring(rows, path, headers, **({"title": title} if title else {}))
    return len(rows)


# --- statement ------------------------------------------------------------------------------


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
    if start > end:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The start date must not be after the end date."),
            field="start",
        )
    with db.reader() as uow:
        member = _get_member(uow, member_id)
        if not sees_personal_data(actor, member.dealer_id) and not actor.can(
            Permission.VIEW_REPORTS
        ):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "Only staff of the member's own dealer may do this.")
            )

        def total(currency: str, before: date) -> int:
            return int(
                uow.session.scalar(
                    select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
                        LedgerEntry.member_id == member_id,
                        LedgerEntry.currency == currency,
                        LedgerEntry.business_date < before,
                    )
                )
            )

        query = (
            _entries_query(member_id, start, end)
            .where(LedgerEntry.currency == POINTS)
            .order_by(LedgerEntry.business_date, LedgerEntry.id)
        )
        entries = list(_entry_rows(uow, query))
        opening = total(POINTS, start)
        return Statement(
            member.member_number,
            member.name,
            start,
            end,
            opening,
            opening + sum(e.amount for e in entries),
            entries,
            total(QUALIFYING, end + timedelta(days=1)),
            uow.now(),
            read_settings(uow).programme_name,
        )


# --- verification ---------------------------------------------------------------------------


def verify_ledger(
    db: Database, actor: Actor | None, progress: Progress | None = None
) -> list[ledger.Discrepancy]:
    """Every member whose cached balance, holds or lots disagree with the entries."""
    if actor is not None:
        require(actor, Permission.VIEW_AUDIT)
    with db.reader() as uow:
        report = progress.report if progress else None
        return ledger.verify(uow, report)


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
