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
from app.domain.inputs import (
    EARLIEST_DATE,
    check_date,
    check_int,
    check_request_uid,
    clean_text,
    derived_uid,
)
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services import audit, ledger, runs
from app.services.database import Database
from app.services.ledger import POINTS, QUALIFYING, Posting
from app.services.members import _get_member, programme_today, sees_personal_data
from app.services.progress import Progress
from app.services.settings import ProgrammeSettings, get_settings, read_settings
from app.services.uow import FOR_CHANGE, UnitOfWork, retry_on_contention

SPEND_KINDS = ("service", "purchase")
EVENTS = ("sign_in", "share", "major_event", "birthday", "referral", "new_binding")
USE_TARGETS = ("labour", "parts")
RULE_CODES = SPEND_KINDS + EVENTS
MAX_FEN = 100_000_000_00  # 100 million yuan: above any one document
MAX_POINTS = 10_000_000  # in one posting
MAX_NOTE = 500
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
    with db.reader(actor) as uow:
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
    with db.reader(actor) as uow:
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
    with db.reader(actor) as uow:
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
    with db.reader(actor) as uow:
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


# Each figure a rule may hold, with the range a person could mean (2**70 points is a typo).
_PARAM_RANGES = {
    "spend": {"points_per_unit": (0, 100_000), "unit_fen": (1, MAX_FEN)},
    "event": {
        "points": (1, 100_000),
        "cap_per_day": (0, MAX_POINTS),
        "cap_per_month": (0, MAX_POINTS),
        "cap_per_year": (0, MAX_POINTS),
    },
}
ROUNDINGS = ("floor", "round_half_up")


@retry_on_contention
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
    note = clean_text(note, "note", MAX_NOTE, multiline=True)
    with db.uow(actor) as uow:
        today = programme_today(uow)
        if isinstance(effective_from, date) and effective_from < today:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A rule change cannot take effect in the past."),
                field="effective_from",
            )
        check_date(effective_from, "effective_from", today, rules.add_months(today, 60))
        session = uow.session
        latest = session.scalars(
            select(EarningRule)
            .where(EarningRule.code == code)
            .order_by(EarningRule.version.desc())
            .with_for_update(key_share=True)
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
            note=note or None,
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


def _clean_params(code: str, params: object) -> dict:
    """The rule's figures, each a whole number in its range; anything else is refused."""
    kind = "spend" if code in SPEND_KINDS else "event"
    ranges = dict(_PARAM_RANGES[kind])
    if code == "new_binding":
        ranges["window_months"] = (1, 36)
    given = {k: v for k, v in params.items() if v is not None} if isinstance(params, dict) else {}
    unknown = set(given) - set(ranges) - ({"rounding"} if kind == "spend" else set())
    required = ("points_per_unit", "unit_fen") if kind == "spend" else ("points",)
    if not isinstance(params, dict) or unknown or any(key not in given for key in required):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Check the rule's figures: whole numbers, points >= 1."),
            field="params",
        )
    clean = {key: check_int(given[key], key, *ranges[key]) for key in ranges if key in given}
    if kind == "spend":
        clean["rounding"] = given.get("rounding", "floor")
        if clean["rounding"] not in ROUNDINGS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Choose a rounding."), field="rounding"
            )
    return clean


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
    with db.reader(actor) as uow:
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


@retry_on_contention
def record_service(db: Database, actor: Actor, data: ServiceInput) -> RecordedService:
    """Record a repair order or invoice and post the points and qualifying points it earns.

    The same document number at the same dealer earns once: a retry of the same request
    returns the first result; a second request for the document is refused.
    """
    require(actor, Permission.POST_POINTS)
    with db.uow(actor) as uow:
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
                    entry_uid=derived_uid(data.request_uid, currency),
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
        select(LedgerEntry).where(LedgerEntry.entry_uid == derived_uid(data.request_uid, POINTS))
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
    check_request_uid(data.request_uid)
    document_no = clean_text(data.document_no, "document_no", 40, required=True).upper()
    amount = data.amount_fen
    if isinstance(amount, bool) or not isinstance(amount, int) or not 0 < amount <= MAX_FEN:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter an amount above 0 and at most 100,000,000 yuan."),
            field="amount",
        )
    check_date(data.business_date, "business_date", *_recent_dates(uow))
    dealer_id = _counter_dealer(uow, actor, data.dealer_id)
    postable_member(uow, data.member_id)
    return dealer_id, document_no


def _recent_dates(uow: UnitOfWork) -> tuple[date, date]:
    """Counter postings are dated within the last year, never in the future."""
    today = programme_today(uow)
    return today - timedelta(days=366), today


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


@retry_on_contention
def refund_service(
    db: Database, actor: Actor, order_id: int, reason: str, request_uid: str | None = None
) -> Refund:
    """Refund or cancellation of a document: reverse its points and qualifying points.

    Points already spent cannot be taken back; what remains is reversed and the shortfall
    is recorded on the reversing entry and in the audit trail, never as a negative balance.
    """
    require(actor, Permission.POST_POINTS)
    reason = clean_text(reason, "reason", MAX_NOTE, required=True)
    request_uid = check_request_uid(request_uid or new_request_uid())
    with db.uow(actor) as uow:
        session = uow.session
        order = session.get(ServiceOrder, order_id, with_for_update=FOR_CHANGE)
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
                uow, settings, entry, derived_uid(request_uid, entry.currency), actor.username,
                today,
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


# --- initial points ---------------------------------------------------------------------------


@dataclass(frozen=True)
class InitialPoints:
    members: int
    points: int
    run_id: int = 0
    repeated: bool = False  # granted before: this call changed nothing


def _check_initial(uow: UnitOfWork, as_of: date, _params: dict) -> None:
    launch = date.fromisoformat(read_settings(uow).launch_date)
    if as_of != launch:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Initial points are dated the launch day, {date}."),
            field="as_of",
            date=launch.isoformat(),
        )


def _initial_policy(uow: UnitOfWork, as_of: date, _params: dict) -> dict:
    rule = rule_in_force(uow, "service", as_of)
    return {"launch": as_of.isoformat(), "rule_id": rule.id, "rule_version": rule.version,
            **json.loads(rule.params)}  # fmt: skip


def _initial_grants(uow: UnitOfWork, context, members=None) -> list[tuple[int, int]]:
    """(member id, points) for members (ids ``first..last``, or all) with pre-launch spend
    not granted yet."""
    rule = rules.SpendRule(
        context.policy["points_per_unit"], context.policy["unit_fen"],
        context.policy.get("rounding", "floor"),
    )  # fmt: skip
    granted = select(LedgerEntry.id).where(
        LedgerEntry.member_id == ServiceOrder.member_id,
        LedgerEntry.source == "initial",
        LedgerEntry.kind == "earn",
    )
    query = _pre_launch_spend(context.as_of).where(~granted.exists())
    if members is not None:
        query = query.where(ServiceOrder.member_id.between(*members))
    grants = [(member_id, rules.spend_points(rule, int(spend))) for member_id, spend in
              uow.session.execute(query)]  # fmt: skip
    return [(member_id, amount) for member_id, amount in grants if amount > 0]


def _count_initial(uow: UnitOfWork, context) -> dict[str, int]:
    grants = _initial_grants(uow, context)
    return {"members": len(grants), "points": sum(amount for _, amount in grants)}


def _grant_initial_batch(uow: UnitOfWork, context, first: int, last: int) -> dict[str, int]:
    settings = read_settings(uow)
    grants = _initial_grants(uow, context, (first, last))
    for member_id, amount in grants:
        for currency in (POINTS, QUALIFYING):
            ledger.post(
                uow,
                settings,
                Posting(
                    derived_uid("initial", member_id, currency), member_id, currency, "earn",
                    "initial", amount, context.as_of, context.username,
                    rule_id=context.policy["rule_id"],
                ),
            )  # fmt: skip
    return {"members": len(grants), "points": sum(amount for _, amount in grants)}


INITIAL_POINTS_RUN = runs.RunKind(
    "initial_points", Permission.CONFIGURE_PROGRAMME, _check_initial, _initial_policy,
    _count_initial, _grant_initial_batch, batch_size=1_000,
)  # fmt: skip


def launch_day(db: Database) -> date:
    return date.fromisoformat(get_settings(db).launch_date)


def preview_initial_points(db: Database, actor: Actor) -> runs.RunRow:
    return runs.preview(db, actor, INITIAL_POINTS_RUN, launch_day(db))


def grant_initial_points(
    db: Database, actor: Actor, progress: Progress | None = None
) -> InitialPoints:
    """Convert each member's service spend of the year before launch into points (and
    qualifying points) at the service rule in force at launch, dated the launch day.

    Documents that earned points already do not count; a member is granted once. It is a
    batch run for the launch day: an interrupted run resumes, a finished one changes nothing.
    """
    run = runs.commit(db, actor, INITIAL_POINTS_RUN, launch_day(db), progress=progress)
    return InitialPoints(
        run.counts.get("members", 0), run.counts.get("points", 0), run.id, run.repeated
    )


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


# --- counter: events ------------------------------------------------------------------------


@dataclass(frozen=True)
class EventResult:
    points: int  # 0: a cap was reached, nothing posted
    entry_id: int | None


@retry_on_contention
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
    check_request_uid(request_uid)
    reference = clean_text(reference, "reference", 60) or None
    channel = clean_text(channel, "channel", 20, required=True)
    with db.uow(actor) as uow:
        on = check_date(on or programme_today(uow), "on", *_recent_dates(uow))
        member = postable_member(uow, member_id)
        ledger.lock_account(uow, member_id)  # serialises cap checks per member
        retry = uow.session.scalars(
            select(LedgerEntry).where(LedgerEntry.entry_uid == derived_uid(request_uid, POINTS))
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
                    entry_uid=derived_uid(request_uid, currency),
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


@retry_on_contention
def use_points(db: Database, actor: Actor, data: UsePointsInput) -> UsedPoints:
    """Deduct points against the labour or parts of a repair order (10 points = 1 yuan)."""
    require(actor, Permission.POST_POINTS)
    if data.target not in USE_TARGETS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Choose labour or parts."), field="target"
        )
    check_int(data.points, "points", 1, MAX_POINTS)
    check_request_uid(data.request_uid)
    reference = clean_text(data.reference, "reference", 60).upper()
    if not reference:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter the repair order number."), field="reference"
        )
    with db.uow(actor) as uow:
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


@retry_on_contention
def hold_points(
    db: Database, actor: Actor, member_id: int, points: int, purpose: str, reference: str | None,
    hold_uid: str,
) -> str:  # fmt: skip
    """Reserve points for a redemption being prepared at the actor's dealer."""
    require(actor, Permission.POST_POINTS)
    check_int(points, "points", 1, MAX_POINTS)
    check_request_uid(hold_uid, "hold_uid")
    purpose = clean_text(purpose, "purpose", 40, required=True)
    reference = clean_text(reference, "reference", 60) or None
    with db.uow(actor) as uow:
        postable_member(uow, member_id)
        settings = read_settings(uow)
        hold = ledger.place_hold(
            uow, hold_uid, member_id, points, purpose, reference, actor.username,
            timedelta(minutes=settings.hold_timeout_minutes), programme_today(uow),
            dealer_id=actor.dealer_id,
        )  # fmt: skip
        uow.commit()
        return hold.hold_uid


@retry_on_contention
def settle_hold(db: Database, actor: Actor, hold_uid: str, commit_points: bool) -> str:
    """Post the held points (redemption done) or release them; returns the hold's status.
    Only the dealer that placed the hold, or headquarters, settles it."""
    require(actor, Permission.POST_POINTS)
    check_request_uid(hold_uid, "hold_uid")
    with db.uow(actor) as uow:
        placed = uow.session.execute(
            select(PointHold.dealer_id).where(PointHold.hold_uid == hold_uid)
        ).one_or_none()
        if placed is not None and not actor.is_headquarters and placed[0] != actor.dealer_id:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "Only the dealer that placed the hold may settle it.")
            )
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
    run_id: int = 0
    repeated: bool = False  # run before for this date: this call changed nothing


def _check_expiry(uow: UnitOfWork, as_of: date, _params: dict) -> None:
    check_date(as_of, "as_of", EARLIEST_DATE, programme_today(uow))


def _expiry_policy(uow: UnitOfWork, _as_of: date, _params: dict) -> dict:
    settings = read_settings(uow)  # lots carry their own dates; this records the policy
    return {"expiry_mode": settings.expiry_mode, "expiry_years": settings.expiry_years,
            "expiry_months": settings.expiry_months}  # fmt: skip


def _count_expiry(uow: UnitOfWork, context) -> dict[str, int]:
    lots, points_ = uow.session.execute(
        select(func.count(), func.coalesce(func.sum(PointLot.remaining), 0)).where(
            PointLot.remaining > 0, PointLot.expires_on < context.as_of
        )
    ).one()
    return {"lots": int(lots), "points": int(points_)}


def _expire_batch(uow: UnitOfWork, context, first: int, last: int) -> dict[str, int]:
    batch = ledger.expire_range(uow, context.as_of, first, last, context.username)
    return {"lots": batch.lots, "points": batch.points}


EXPIRY_RUN = runs.RunKind(
    "points_expiry", Permission.CONFIGURE_PROGRAMME, _check_expiry, _expiry_policy,
    _count_expiry, _expire_batch, batch_size=EXPIRY_CHUNK,
)  # fmt: skip


def _expiry_date(db: Database, as_of: date | None) -> date:
    if as_of is not None:
        return as_of
    with db.reader() as uow:
        return programme_today(uow)


def preview_expiry(db: Database, actor: Actor, as_of: date | None = None) -> runs.RunRow:
    return runs.preview(db, actor, EXPIRY_RUN, _expiry_date(db, as_of))


def expire_points(
    db: Database, actor: Actor | str, as_of: date | None = None, progress: Progress | None = None
) -> ExpiryResult:
    """Expire every lot whose last valid day is before ``as_of`` (default: today).

    A batch run: member-id batches, each its own transaction with the run's record, so a
    run over millions of entries never holds one huge transaction; an interrupted run
    resumes where it stopped, and a finished one changes nothing when run again.
    """
    as_of = _expiry_date(db, as_of)
    run = runs.commit(db, actor, EXPIRY_RUN, as_of, progress=progress)
    return ExpiryResult(
        as_of, run.counts.get("lots", 0), run.counts.get("points", 0), run.id, run.repeated
    )


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
    with db.reader(actor) as uow:
        latest = rules.add_months(programme_today(uow), 12)
        check_date(start, "start", EARLIEST_DATE, latest)
        check_date(end, "end", EARLIEST_DATE, latest)
        if start > end:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The start date must not be after the end date."),
                field="start",
            )
        member = _get_member(uow, member_id)
        full = sees_personal_data(actor, member.dealer_id)
        if not full and not actor.can(Permission.VIEW_REPORTS):
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
            member.name if full or member.status == "closed" else v.mask_name(member.name),
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
    db: Database, actor: Actor, progress: Progress | None = None
) -> list[ledger.Discrepancy]:
    """Every member whose cached balance, holds or lots disagree with the entries; the check
    itself is recorded in the audit trail (who ran it, and what it found)."""
    require(actor, Permission.VIEW_AUDIT)
    with db.reader(actor) as uow:
        report = progress.report if progress else None
        found = ledger.verify(uow, report)
    _record_check(db, actor, found)
    return found


@retry_on_contention
def _record_check(db: Database, actor: Actor, found: list[ledger.Discrepancy]) -> None:
    with db.uow(actor) as uow:
        members = len({problem.member_id for problem in found})
        after = {"inconsistent_members": members}
        audit.record(uow, actor, "ledger", "verify", "verify", after=after)
        uow.commit()


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
