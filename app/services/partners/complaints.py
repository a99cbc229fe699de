"""Complaints about a partner's service (管理机制) and their 24-hour limits.

A complaint comes from a member, the call centre, or the partner itself (which received it
directly and must report it to operations within 24 hours). The partner fixes a handling plan
within 24 hours of receipt; first response, contacts and resolution are recorded; points
compensation goes through the adjustment kind in Approvals with the reason "complaint".
Hours are calendar hours on the programme's clock (its time zone). Dealer staff see the
complaints recorded at their dealer; headquarters sees all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.db.models import ApprovalRequest, Member, Partner, PartnerComplaint
from app.domain import partners as rules
from app.domain.approvals import ApprovalStatus
from app.domain.errors import Conflict, NotFound, ValidationError
from app.domain.inputs import MAX_FEN, MAX_NOTE, check_int, clean_text
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.approvals.kinds import kind_of
from app.services.approvals.requests import add_request
from app.services.partners.registry import load_partner
from app.services.points.adjustments import KIND as ADJUSTMENT_KIND
from app.services.settings.programme import read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import load_member
from app.services.shared.uow import FOR_CHANGE, UnitOfWork, retry_on_contention

COMPLAINT_REASON = "complaint"  # the adjustment reason of a compensation
MAX_SUMMARY = 2000
MAX_CONTACTS = 99
MAX_COMPENSATION_POINTS = 1_000_000


@dataclass(frozen=True)
class ComplaintInput:
    partner_id: int
    source: str  # app.domain.partners.ComplaintSource
    summary: str
    received_at: datetime  # aware; by the partner when it received the complaint directly
    member_id: int | None = None
    reported_at: datetime | None = None  # partner-received: when it reached operations


@dataclass(frozen=True)
class ComplaintRow:
    id: int
    partner_id: int
    partner_code: str
    partner_name: str
    member_id: int | None
    member_number: str | None
    source: str
    summary: str
    received_at: datetime
    report_due_at: datetime | None
    reported_at: datetime | None
    plan_due_at: datetime
    plan: str
    plan_at: datetime | None
    first_response_at: datetime | None
    contacts: int
    resolution: str
    resolved_at: datetime | None
    partner_caused: bool
    compensation_fen: int
    compensation_points: int
    adjustment_id: int | None
    adjustment_status: str | None
    status: str
    plan_late: bool  # no plan by the due time (or a plan given late)
    report_late: bool  # reported to operations after its due time (or not yet, past it)
    created_by: str
    created_at: datetime

    @property
    def overdue(self) -> bool:
        return self.plan_late or self.report_late


def _row(uow: UnitOfWork, c: PartnerComplaint, partner: Partner, number: str | None,
         adjustment_status: str | None) -> ComplaintRow:  # fmt: skip
    now = uow.now()
    return ComplaintRow(
        c.id, c.partner_id, partner.code, partner.name, c.member_id, number, c.source,
        c.summary, c.received_at, c.report_due_at, c.reported_at, c.plan_due_at, c.plan,
        c.plan_at, c.first_response_at, c.contacts, c.resolution, c.resolved_at,
        c.partner_caused, c.compensation_fen, c.compensation_points, c.adjustment_id,
        adjustment_status, c.status, rules.is_overdue(c.plan_due_at, c.plan_at, now),
        rules.is_overdue(c.report_due_at, c.reported_at, now), c.created_by, c.created_at,
    )  # fmt: skip


def _query():
    return (
        select(PartnerComplaint, Partner, Member.member_number, ApprovalRequest.status)
        .join(Partner, Partner.id == PartnerComplaint.partner_id)
        .outerjoin(Member, Member.id == PartnerComplaint.member_id)
        .outerjoin(ApprovalRequest, ApprovalRequest.id == PartnerComplaint.adjustment_id)
    )


def _visible(actor: Actor, query):
    if actor.is_headquarters:
        return query
    return query.where(PartnerComplaint.dealer_id == actor.dealer_id)


def _read(uow: UnitOfWork, actor: Actor, complaint_id: int) -> ComplaintRow:
    found = uow.session.execute(
        _visible(actor, _query()).where(PartnerComplaint.id == complaint_id)
    ).first()
    if found is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The complaint no longer exists."))
    return _row(uow, *found)


def _load(uow: UnitOfWork, actor: Actor, complaint_id: object) -> PartnerComplaint:
    if isinstance(complaint_id, bool) or not isinstance(complaint_id, int):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The complaint no longer exists."))
    row = uow.session.get(PartnerComplaint, complaint_id, with_for_update=FOR_CHANGE)
    if row is None or not (actor.is_headquarters or row.dealer_id == actor.dealer_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The complaint no longer exists."))
    return row


def _moment(uow: UnitOfWork, value: object, field: str, not_before: datetime | None) -> datetime:
    """A moment that has happened: aware, not in the future, not before ``not_before``."""
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter a date and time."), field=field)
    if value > uow.now():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The time cannot be in the future."), field=field
        )
    if not_before is not None and value < not_before:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The time cannot be before the complaint was received."),
            field=field,
        )
    return value


def _text(value: object, field: str, required: bool = True) -> str:
    return clean_text(value, field, MAX_SUMMARY, multiline=True, required=required)


@retry_on_contention
def record_complaint(db: Database, actor: Actor, data: ComplaintInput) -> ComplaintRow:
    """Record a complaint; its due times follow from when it was received."""
    require(actor, Permission.HANDLE_COMPLAINTS)
    if data.source not in {s.value for s in rules.ComplaintSource}:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a source."), field="source")
    summary = _text(data.summary, "summary")
    with db.uow(actor) as uow:
        partner = load_partner(uow, data.partner_id)
        if partner.status in (rules.PartnerStatus.CANDIDATE, rules.PartnerStatus.EVALUATING):
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "Complaints are about partners that were admitted."),
                field="partner_id",
            )
        member_id = None if data.member_id is None else load_member(uow, data.member_id).id
        received = _moment(uow, data.received_at, "received_at", None)
        settings = read_settings(uow)
        from_partner = data.source == rules.ComplaintSource.PARTNER
        reported = None
        if from_partner:  # it reaches operations now, unless an earlier time is given
            given = data.reported_at if data.reported_at is not None else uow.now()
            reported = _moment(uow, given, "reported_at", received)
        now = uow.now()
        row = PartnerComplaint(
            partner_id=partner.id, member_id=member_id, source=data.source, summary=summary,
            received_at=received,
            plan_due_at=rules.due_after(received, settings.complaint_plan_hours, settings.timezone),
            report_due_at=rules.due_after(received, settings.complaint_report_hours,
                                          settings.timezone) if from_partner else None,
            reported_at=reported, status=rules.ComplaintStatus.OPEN, dealer_id=actor.dealer_id,
            created_by=actor.username, created_at=now, updated_at=now,
        )  # fmt: skip
        uow.session.add(row)
        uow.session.flush()
        audit.record(uow, actor, "complaint", row.id, "create",
                     after={"partner": partner.code, "source": row.source, "member_id": member_id,
                            "received_at": received.isoformat()})  # fmt: skip
        uow.commit()
        return _read(uow, actor, row.id)


@retry_on_contention
def record_plan(
    db: Database, actor: Actor, complaint_id: int, plan: str, at: datetime | None = None
) -> ComplaintRow:
    """The partner's handling plan (处理办法) and when it was fixed (default: now)."""
    require(actor, Permission.HANDLE_COMPLAINTS)
    plan = _text(plan, "plan")
    with db.uow(actor) as uow:
        row = _load(uow, actor, complaint_id)
        before = {"plan": row.plan, "plan_at": row.plan_at.isoformat() if row.plan_at else None}
        row.plan = plan
        row.plan_at = _moment(uow, at or uow.now(), "plan_at", row.received_at)
        row.updated_at = uow.now()
        audit.record(uow, actor, "complaint", row.id, "plan", before,
                     {"plan": plan, "plan_at": row.plan_at.isoformat()})  # fmt: skip
        uow.commit()
        return _read(uow, actor, row.id)


@retry_on_contention
def record_contact(
    db: Database, actor: Actor, complaint_id: int, at: datetime | None = None
) -> ComplaintRow:
    """One contact with the complainant (the first one is the first response)."""
    require(actor, Permission.HANDLE_COMPLAINTS)
    with db.uow(actor) as uow:
        row = _load(uow, actor, complaint_id)
        if row.status == rules.ComplaintStatus.RESOLVED:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "The complaint is already resolved."))
        if row.contacts >= MAX_CONTACTS:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "Too many contacts recorded."))
        moment = _moment(uow, at or uow.now(), "contact_at", row.received_at)
        row.contacts += 1
        if row.first_response_at is None or moment < row.first_response_at:
            row.first_response_at = moment  # the earliest contact, in whatever order typed
        row.updated_at = uow.now()
        audit.record(uow, actor, "complaint", row.id, "contact",
                     after={"contacts": row.contacts, "at": moment.isoformat()})  # fmt: skip
        uow.commit()
        return _read(uow, actor, row.id)


@retry_on_contention
def resolve_complaint(
    db: Database,
    actor: Actor,
    complaint_id: int,
    resolution: str,
    partner_caused: bool,
    compensation_fen: int = 0,
    at: datetime | None = None,
) -> ComplaintRow:
    """Close it with the resolution; a complaint the partner caused records the money
    compensation here (points: ``request_compensation``). At least one contact is needed."""
    require(actor, Permission.HANDLE_COMPLAINTS)
    resolution = _text(resolution, "resolution")
    if not isinstance(partner_caused, bool):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Answer yes or no."), field="partner_caused"
        )
    compensation_fen = check_int(compensation_fen, "compensation_fen", 0, MAX_FEN)
    with db.uow(actor) as uow:
        row = _load(uow, actor, complaint_id)
        if row.status == rules.ComplaintStatus.RESOLVED:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "The complaint is already resolved."))
        if row.contacts < 1:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "Record the contact with the complainant first.")
            )
        resolved_at = _moment(uow, at or uow.now(), "resolved_at", row.received_at)
        if row.first_response_at is not None and resolved_at < row.first_response_at:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The time cannot be before the first contact."),
                field="resolved_at",
            )
        row.resolution, row.partner_caused = resolution, partner_caused
        row.compensation_fen = compensation_fen
        row.resolved_at = resolved_at
        row.status, row.updated_at = rules.ComplaintStatus.RESOLVED, uow.now()
        after = {"resolution": resolution, "partner_caused": partner_caused,
                 "compensation_fen": compensation_fen, "contacts": row.contacts}  # fmt: skip
        audit.record(uow, actor, "complaint", row.id, "resolve", after=after)
        uow.commit()
        return _read(uow, actor, row.id)


@retry_on_contention
def request_compensation(
    db: Database, actor: Actor, complaint_id: int, points: int, note: str
) -> ComplaintRow:
    """File a points adjustment for the complaint's member (reason "complaint") in
    Approvals and link it to the complaint, in one transaction with the complaint locked:
    a retry or a second click never files two. One standing compensation per complaint (a
    rejected, withdrawn or lapsed one may be asked again); it always waits for an approver."""
    require(actor, Permission.HANDLE_COMPLAINTS)
    points = check_int(points, "points", 1, MAX_COMPENSATION_POINTS)
    note = clean_text(note, "note", MAX_NOTE, multiline=True, required=True)
    kind = kind_of(ADJUSTMENT_KIND)
    require(actor, kind.request_permission)
    with db.uow(actor) as uow:
        row = _load(uow, actor, complaint_id)
        if row.member_id is None:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "The complaint names no member to compensate.")
            )
        if row.adjustment_id is not None and _standing(uow, row.adjustment_id):
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "A compensation for this complaint exists."))
        payload = {"member_id": row.member_id, "currency": "points", "amount": points,
                   "reason_code": COMPLAINT_REASON}  # fmt: skip
        request = add_request(uow, actor, kind, kind.check(uow, actor, payload), note,
                              f"complaint {row.id}")  # fmt: skip
        row.adjustment_id, row.compensation_points = request.id, points
        row.updated_at = uow.now()
        audit.record(uow, actor, "complaint", row.id, "compensation",
                     after={"approval": request.id, "points": points})  # fmt: skip
        uow.commit()
        return _read(uow, actor, row.id)


def _standing(uow: UnitOfWork, request_id: int) -> bool:
    """The linked compensation still waits or was approved."""
    status = uow.session.scalar(
        select(ApprovalRequest.status).where(ApprovalRequest.id == request_id)
    )
    return status in (ApprovalStatus.PENDING, ApprovalStatus.APPROVED)


# --- lists and service levels -----------------------------------------------------------------


@dataclass(frozen=True)
class ComplaintFilter:
    partner_id: int | None = None
    month: str | None = None  # YYYY-MM of receipt
    open_only: bool = False
    overdue_only: bool = False


def list_complaints(
    db: Database, actor: Actor, filters: ComplaintFilter | None = None
) -> list[ComplaintRow]:
    """The complaints, newest first (at most a few thousand a year)."""
    require(actor, Permission.VIEW_PARTNERS)
    filters = filters or ComplaintFilter()
    query = _visible(actor, _query()).order_by(PartnerComplaint.received_at.desc())
    if filters.partner_id is not None:
        query = query.where(PartnerComplaint.partner_id == filters.partner_id)
    if filters.open_only:
        query = query.where(PartnerComplaint.status == rules.ComplaintStatus.OPEN)
    with db.reader(actor) as uow:  # a read: never the write lock (BEGIN IMMEDIATE)
        if filters.month:
            query = query.where(*_in_month(uow, filters.month))
        rows = [_row(uow, *found) for found in uow.session.execute(query)]
    return [row for row in rows if row.overdue] if filters.overdue_only else rows


def _in_month(uow: UnitOfWork, month: str) -> tuple:
    """Received within the month on the programme's clock."""
    first, last = rules.month_range(month)
    zone = ZoneInfo(read_settings(uow).timezone)
    start = datetime.combine(first, time(), zone)
    end = datetime.combine(last + timedelta(days=1), time(), zone)
    return PartnerComplaint.received_at >= start, PartnerComplaint.received_at < end


def overdue_count(db: Database, actor: Actor) -> int:
    """Open complaints past a due time (the Partners area's badge)."""
    require(actor, Permission.VIEW_PARTNERS)
    with db.reader(actor) as uow:
        now = uow.now()
        late_plan = (PartnerComplaint.plan_at.is_(None)) & (PartnerComplaint.plan_due_at < now)
        late_report = PartnerComplaint.reported_at.is_(None) & (
            PartnerComplaint.report_due_at < now
        )
        query = select(func.count()).where(
            PartnerComplaint.status == rules.ComplaintStatus.OPEN, late_plan | late_report
        )
        if not actor.is_headquarters:
            query = query.where(PartnerComplaint.dealer_id == actor.dealer_id)
        return uow.session.scalar(query) or 0


@dataclass(frozen=True)
class ServiceLevelRow:
    partner_id: int
    partner_code: str
    partner_name: str
    month: str
    received: int
    plan_late: int
    report_late: int
    open: int
    rates: rules.ContactRates

    @property
    def first_met(self) -> bool | None:
        rate = self.rates.first_rate
        return None if rate is None else rate >= rules.FIRST_CONTACT_TARGET

    @property
    def second_met(self) -> bool | None:
        rate = self.rates.second_rate
        return None if rate is None else rate >= rules.SECOND_CONTACT_TARGET


def service_levels(db: Database, actor: Actor, month: str) -> list[ServiceLevelRow]:
    """Per partner, the complaints received in ``month``: late plans and reports, still
    open, and the first- and second-contact resolution rates (targets 95% and 100%)."""
    rows = list_complaints(db, actor, ComplaintFilter(month=month))
    by_partner: dict[int, list[ComplaintRow]] = {}
    for row in rows:
        by_partner.setdefault(row.partner_id, []).append(row)
    levels = []
    for partner_id, complaints in by_partner.items():
        first = complaints[0]
        levels.append(ServiceLevelRow(
            partner_id, first.partner_code, first.partner_name, month, len(complaints),
            sum(c.plan_late for c in complaints), sum(c.report_late for c in complaints),
            sum(c.status == rules.ComplaintStatus.OPEN for c in complaints),
            rules.contact_rates((c.status == rules.ComplaintStatus.RESOLVED, c.contacts)
                                for c in complaints),
        ))  # fmt: skip
    return sorted(levels, key=lambda level: level.partner_code)
