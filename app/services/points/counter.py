"""The counter: service and purchase documents that earn points, refunds, event points,
using points against labour or parts, and holds for redemptions."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import IntegrityError

from app.db.models import (
    Dealer,
    EarningRule,
    LedgerEntry,
    Member,
    PointHold,
    ServiceOrder,
    Vehicle,
)
from app.domain import points as rules
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.domain.inputs import (
    MAX_FEN,
    MAX_NOTE,
    MAX_POINTS,
    check_date,
    check_int,
    check_request_uid,
    clean_text,
    derived_uid,
    new_request_uid,
)
from app.domain.members import POSTABLE, MemberStatus
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.points import ledger
from app.services.points.earning_rules import (
    EVENTS,
    SPEND_KINDS,
    event_rule,
    qualifying_points,
    rule_in_force,
    spend_rule,
)
from app.services.points.ledger import POINTS, QUALIFYING, Posting
from app.services.settings.programme import ProgrammeSettings, read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.queries import scalar_int
from app.services.shared.scope import load_member, programme_today
from app.services.shared.uow import FOR_CHANGE, UnitOfWork, retry_on_contention
from app.services.tiers.standing import tier_multiplier

USE_TARGETS = ("labour", "parts")


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
    history: bool = False  # dated before the launch: earns nothing itself (initial points)


@dataclass(frozen=True)
class RecordedService:
    order_id: int
    entry_id: int
    points: int
    qualifying: int
    repeated: bool = False  # a retry of a request already recorded: nothing posted now
    history: bool = False  # dated before the launch: recorded for the initial-points run


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
    multiplier = tier_multiplier(uow, data.member_id, data.business_date)
    settings = read_settings(uow)
    launch = launch_date(settings)
    preview = rules.preview_document(
        spend_rule(rule), data.amount_fen, data.business_date, launch, multiplier
    )
    shown = ServicePreview(
        rule.code,
        rule.version,
        preview.total_points,
        qualifying_points(rule, preview.base_points),  # the tier bonus does not count
        preview.lines,
        rules.points_value_fen(preview.total_points, settings.points_per_yuan),
        history=not rules.earns_at_counter(data.business_date, launch),
    )
    return shown, rule, settings


def launch_date(settings: ProgrammeSettings) -> date:
    return date.fromisoformat(settings.launch_date)


@retry_on_contention
def record_service(db: Database, actor: Actor, data: ServiceInput) -> RecordedService:
    """Record a repair order or invoice and post the points and qualifying points it earns.

    A document dated before the launch is history: recorded, but it earns nothing itself;
    the initial-points run converts the year's service spend per member at once.
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
        return RecordedService(
            order.id, entry_id, preview.points, preview.qualifying, history=preview.history
        )


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
    check_date(data.business_date, "business_date", *_document_dates(uow))
    dealer_id = counter_dealer(uow, actor, data.dealer_id)
    postable_member(uow, data.member_id)
    return dealer_id, document_no


def _recent_dates(uow: UnitOfWork) -> tuple[date, date]:
    """Counter postings are dated within the last year, never in the future."""
    today = programme_today(uow)
    return today - timedelta(days=366), today


def _document_dates(uow: UnitOfWork) -> tuple[date, date]:
    """Documents: within the last year, or the year before the launch (history for initial
    points, loaded from a dealer export even some months after the launch)."""
    earliest, today = _recent_dates(uow)
    launch = launch_date(read_settings(uow))
    return min(earliest, rules.add_months(launch, -12)), today


def counter_dealer(uow: UnitOfWork, actor: Actor, dealer_id: int | None) -> int:
    """Dealer staff post for their own dealer; headquarters staff must name one."""
    if actor.dealer_id is not None:  # dealer staff
        if dealer_id not in (None, actor.dealer_id):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "You can only record documents of your own dealer.")
            )
        return actor.dealer_id
    dealer = uow.session.get(Dealer, dealer_id) if dealer_id else None
    if dealer is None or not dealer.active:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose the dealer."), field="dealer")
    return dealer.id


def postable_member(uow: UnitOfWork, member_id: object) -> Member:
    member = load_member(uow, member_id)
    if member.status not in POSTABLE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The membership is closed: no points can be posted.")
            if member.status == MemberStatus.CLOSED
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
        counter_dealer(uow, actor, order.dealer_id)
        if order.refunded_at is not None:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "This document was already refunded."))
        earned = session.scalars(
            select(LedgerEntry)
            .where(LedgerEntry.service_order_id == order.id, LedgerEntry.kind == "earn")
            .order_by(LedgerEntry.currency)
        ).all()
        settings, today = read_settings(uow), programme_today(uow)
        result: dict[str, tuple[int, int]] = {POINTS: (0, 0), QUALIFYING: (0, 0)}
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
class EventResult:
    points: int  # always > 0: an occurrence that earns nothing is refused (EventRefused)
    entry_id: int | None
    edition: str | None = None  # the edition (期) or event code it counted in


class EventRefused(Conflict):
    """The occurrence earns nothing: a limit of its rule is reached, or the rule does not
    apply (outside the birthday month or the new-binding window, no bound vehicle...).
    Nothing is posted; the message says which limit and how much was earned already."""


MAX_EDITION = 60  # an edition or event code is the entry's reference (String(60))

_CAP_REFUSALS = {
    "day": QT_TRANSLATE_NOOP(
        "Errors",
        "No points: the limit for this event is reached. Limit: {cap} points a day "
        "({points} each time); earned on {date}: {earned}.",
    ),
    "week": QT_TRANSLATE_NOOP(
        "Errors",
        "No points: the limit for this event is reached. Limit: {cap} points a week, Monday "
        "to Sunday ({points} each time); earned from {start} to {end}: {earned}.",
    ),
    "edition": QT_TRANSLATE_NOOP(
        "Errors",
        "No points: the limit for this event is reached. Limit: {cap} points per edition or "
        "event ({points} each time); earned in {edition}: {earned}.",
    ),
    "month": QT_TRANSLATE_NOOP(
        "Errors",
        "No points: the limit for this event is reached. Limit: {cap} points a month "
        "({points} each time); earned in {month}: {earned}.",
    ),
    "year": QT_TRANSLATE_NOOP(
        "Errors",
        "No points: the limit for this event is reached. Limit: {cap} points a year "
        "({points} each time); earned in {year}: {earned}.",
    ),
}


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
    edition: str | None = None,
) -> EventResult:
    """Fixed points for an event (sign-in, share, ...), within the rule's caps.

    ``edition`` is the edition (期号) or event code (活动编号) the occurrence belongs to; it
    is stored as the entry's reference (``reference`` is its older name: give one of the
    two). A major event needs its code (once per event); a share without one counts in
    its calendar week, Monday to Sunday ("2026-W09"). An occurrence that would earn
    nothing is refused with ``EventRefused`` saying why; nothing is posted then.
    """
    require(actor, Permission.POST_POINTS)
    if event not in EVENTS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown event."), field="event")
    check_request_uid(request_uid)
    code = _edition_code(event, edition, reference)
    channel = clean_text(channel, "channel", 20, required=True)
    with db.uow(actor) as uow:
        on = check_date(on or programme_today(uow), "on", *_recent_dates(uow))
        member = postable_member(uow, member_id)
        ledger.lock_account(uow, member_id)  # serialises cap checks per member
        retry = uow.session.scalars(
            select(LedgerEntry).where(LedgerEntry.entry_uid == derived_uid(request_uid, POINTS))
        ).one_or_none()
        if retry is not None:
            return EventResult(retry.amount, retry.id, retry.reference)
        rule = rule_in_force(uow, event, on)
        settings = read_settings(uow)
        points, edition = _event_points(uow, rule, member, on, code, settings)
        posted_ids: list[int] = []
        amounts = {POINTS: points, QUALIFYING: qualifying_points(rule, points)}
        for currency in (POINTS, QUALIFYING):
            if amounts[currency] <= 0:
                continue
            posted = ledger.post(
                uow,
                settings,
                Posting(
                    entry_uid=derived_uid(request_uid, currency),
                    member_id=member_id,
                    currency=currency,
                    kind="earn",
                    source=event,
                    amount=amounts[currency],
                    business_date=on,
                    actor=actor.username,
                    dealer_id=actor.dealer_id,
                    channel=channel,
                    reference=edition,
                    rule_id=rule.id,
                ),
            )
            posted_ids.append(posted.id)
        uow.commit()
        return EventResult(points, posted_ids[0], edition)


def _edition_code(event: str, edition: object, reference: object) -> str | None:
    """The edition or event code as given (trimmed, upper case), checked, never cut short."""
    texts = {
        name: clean_text(value, name, MAX_EDITION).upper()
        for name, value in (("edition", edition), ("reference", reference))
    }
    if texts["edition"] and texts["reference"] and texts["edition"] != texts["reference"]:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Give the edition or event code once."), field="edition"
        )
    code = texts["edition"] or texts["reference"]
    clean_text(code, "edition", MAX_EDITION)  # upper case can lengthen a text ("ß" → "SS")
    if not code and rules.needs_edition_code(event):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "Enter the event code: a major event earns once per event."
            ),
            field="edition",
        )
    return code or None


def _event_points(
    uow: UnitOfWork,
    row: EarningRule,
    member: Member,
    on: date,
    code: str | None,
    settings: ProgrammeSettings,
) -> tuple[int, str | None]:
    """The occurrence's points and edition, or ``EventRefused`` saying why it earns none."""
    event = event_rule(row)
    if row.code == "birthday" and (member.birthday is None or member.birthday.month != on.month):
        raise EventRefused(
            QT_TRANSLATE_NOOP("Errors", "Not awarded: the member's birthday is not on record.")
            if member.birthday is None
            else QT_TRANSLATE_NOOP("Errors", "Not awarded: the birthday bonus is for the "
                                   "member's birthday month.")
        )  # fmt: skip
    if row.code == "new_binding":
        _check_new_binding(uow, row, member, on, settings)
    edition = rules.event_edition(event, code, on)
    week = rules.week_of(on)
    month_start = on.replace(day=1)
    year = on.year
    tally = rules.EventTally(
        day=_earned_between(uow, member.id, row.code, on, on),
        week=_earned_between(uow, member.id, row.code, *week),
        edition=_edition_earned(uow, member.id, row.code, edition, on) if edition else 0,
        month=_earned_between(
            uow, member.id, row.code, month_start,
            rules.add_months(month_start, 1) - timedelta(days=1),
        ),
        year=_earned_between(uow, member.id, row.code, date(year, 1, 1), date(year, 12, 31)),
    )  # fmt: skip
    exceeded = rules.exceeded_cap(event, tally)
    if exceeded is not None:
        period, cap = exceeded
        raise EventRefused(
            _CAP_REFUSALS[period],
            cap=cap,
            points=event.points,
            earned=getattr(tally, period),
            date=on.isoformat(),
            start=week[0].isoformat(),
            end=week[1].isoformat(),
            edition=edition or "",
            month=on.strftime("%Y-%m"),
            year=year,
        )
    return event.points, edition


def _check_new_binding(
    uow: UnitOfWork, row: EarningRule, member: Member, on: date, settings: ProgrammeSettings
) -> None:
    """Seed 003: members newly bound within 3 months of the launch get 100 points once; it
    is part of the initial points (绑定车辆积分)."""
    launch = launch_date(settings)
    months = json.loads(row.params).get("window_months", 3)
    if not rules.in_binding_window(on, launch, months):
        raise EventRefused(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Not awarded: the new-binding bonus is only for bindings from {start} to {end} "
                "({months} months from the launch).",
            ),
            start=launch.isoformat(),
            end=(rules.binding_window_end(launch, months) - timedelta(days=1)).isoformat(),
            months=months,
        )
    bound = uow.session.scalar(select(Vehicle.id).where(Vehicle.member_id == member.id).limit(1))
    if bound is None:
        raise EventRefused(
            QT_TRANSLATE_NOOP(
                "Errors", "Not awarded: the member has no bound vehicle; add the vehicle first."
            )
        )
    if _earned_between(uow, member.id, row.code, date.min, date.max):
        raise EventRefused(
            QT_TRANSLATE_NOOP("Errors", "Not awarded: the member has had the new-binding bonus.")
        )


def _earned_between(uow: UnitOfWork, member_id: int, source: str, start: date, end: date) -> int:
    """Points the member earned from ``source`` on business dates ``start..end``; the index on
    (member, source, business date) keeps this cheap."""
    return _earned(uow, member_id, source, LedgerEntry.business_date.between(start, end))


def _edition_earned(uow: UnitOfWork, member_id: int, source: str, edition: str, on: date) -> int:
    """Points the member earned from ``source`` in ``edition``. For the calendar week's own
    edition, entries of that week posted before editions were recorded (no reference)
    count too."""
    condition = LedgerEntry.reference == edition
    if edition == rules.week_edition(on):
        unnamed = and_(
            LedgerEntry.reference.is_(None), LedgerEntry.business_date.between(*rules.week_of(on))
        )
        condition = or_(condition, unnamed)
    return _earned(uow, member_id, source, condition)


def _earned(uow: UnitOfWork, member_id: int, source: str, condition) -> int:
    return scalar_int(
        uow,
        select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
            LedgerEntry.member_id == member_id,
            LedgerEntry.source == source,
            condition,
            LedgerEntry.currency == POINTS,
            LedgerEntry.kind.in_(("earn", "reverse")),
        ),
    )


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
        dealer_id = counter_dealer(uow, actor, data.dealer_id)
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
