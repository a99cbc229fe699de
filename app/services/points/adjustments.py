"""Manual points adjustments under maker-checker: a request, then a supervisor's decision.

Any manual credit or debit starts as a request with a reason code. A supervisor's (or an
admin's) own request posts at once when its size is within the programme's direct limit
(default 0: every request waits for approval). The requester never decides their own
request; a request by dealer staff is decided by a supervisor of that dealer or by
headquarters. Approval posts the entry in the same transaction, re-checking the balance.
Undecided requests lapse after the configured number of days.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from app.db.models import AdjustmentReason, AdjustmentRequest, Member
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.domain.inputs import MAX_NOTE, check_request_uid, clean_text, derived_uid
from app.domain.roles import Actor, Permission, Role, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.points import ledger
from app.services.points.counter import new_request_uid, postable_member
from app.services.points.ledger import CURRENCIES, Posting
from app.services.settings.programme import read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import programme_today
from app.services.shared.uow import FOR_CHANGE, UnitOfWork, retry_on_contention

STATUSES = ("pending", "approved", "rejected", "lapsed")
MAX_ADJUSTMENT = 10_000_000



@dataclass(frozen=True)
class AdjustmentInput:
    member_id: int
    amount: int  # signed: > 0 credit, < 0 debit
    reason_code: str
    note: str
    currency: str = "points"
    reference: str = ""
    request_uid: str = field(default_factory=new_request_uid)


@dataclass(frozen=True)
class AdjustmentRow:
    id: int
    member_id: int
    member_number: str
    member_name: str
    currency: str
    amount: int
    reason_code: str
    reason_label: str
    note: str
    reference: str | None
    status: str
    requested_by: str
    requested_at: datetime
    requester_dealer_id: int | None
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str | None
    entry_id: int | None


@dataclass(frozen=True)
class AdjustmentFilter:
    status: str | None = "pending"
    member_id: int | None = None
    requested_by: str | None = None
    reason_code: str | None = None


# --- reasons --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    code: str
    label: str
    active: bool


def list_reasons(db: Database, actor: Actor, include_inactive: bool = False) -> list[Reason]:
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        query = select(AdjustmentReason).order_by(AdjustmentReason.code)
        if not include_inactive:
            query = query.where(AdjustmentReason.active)
        return [Reason(r.code, r.label, r.active) for r in uow.session.scalars(query)]


@retry_on_contention
def save_reason(db: Database, actor: Actor, code: str, label: str, active: bool = True) -> Reason:
    """Add a reason code or change its label / retire it (codes are never deleted)."""
    require(actor, Permission.CONFIGURE_PROGRAMME)
    code = clean_text(code, "code", 30).lower()
    label = clean_text(label, "label", 100)
    if not code or len(code) > 30 or not code.replace("_", "").isalnum():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Use letters, digits and _ for the code (at most 30)."),
            field="code",
        )
    if not label or len(label) > 100:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This field is required."), field="label")
    with db.uow(actor) as uow:
        row = uow.session.get(AdjustmentReason, code)
        before = {"label": row.label, "active": row.active} if row else None
        if row is None:
            row = AdjustmentReason(code=code)
            uow.session.add(row)
        row.label, row.active = label, active
        audit.record(
            uow, actor, "adjustment_reason", code, "update" if before else "create",
            before, {"label": label, "active": active},
        )  # fmt: skip
        uow.commit()
        return Reason(code, label, active)


# --- requesting -----------------------------------------------------------------------------


@retry_on_contention
def request_adjustment(db: Database, actor: Actor, data: AdjustmentInput) -> AdjustmentRow:
    """File a request; a supervisor's request within the direct limit posts at once."""
    require(actor, Permission.REQUEST_ADJUSTMENT)
    note, reference = _check_input(data)
    with db.uow(actor) as uow:
        session = uow.session
        existing = session.scalars(
            select(AdjustmentRequest).where(AdjustmentRequest.request_uid == data.request_uid)
        ).one_or_none()
        if existing is not None:  # a retried dialog: the first request stands
            return _row_of(uow, existing)
        member = postable_member(uow, data.member_id)
        if not actor.is_headquarters and member.dealer_id not in (None, actor.dealer_id):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "Only staff of the member's own dealer may do this.")
            )
        reason = session.get(AdjustmentReason, data.reason_code)
        if reason is None or not reason.active:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Choose a reason."), field="reason_code"
            )
        request = AdjustmentRequest(
            request_uid=data.request_uid,
            member_id=data.member_id,
            currency=data.currency,
            amount=data.amount,
            reason_code=reason.code,
            note=note,
            reference=reference or None,
            status="pending",
            requested_by_id=actor.user_id,
            requested_by=actor.username,
            requester_dealer_id=actor.dealer_id,
            requested_at=uow.now(),
        )
        session.add(request)
        session.flush()
        audit.record(uow, actor, "adjustment", request.id, "request", after=_audit_view(request))
        limit = read_settings(uow).adjustment_direct_limit
        if actor.can(Permission.APPROVE) and abs(data.amount) <= limit:
            _post(uow, actor, request, "")  # within the direct limit: no approval needed
        uow.commit()
        return _row_of(uow, request)


def _check_input(data: AdjustmentInput) -> tuple[str, str]:
    """The note and reference, cleaned; every figure and id checked."""
    if data.currency not in CURRENCIES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a currency."), field="currency")
    amount = data.amount
    if isinstance(amount, bool) or not isinstance(amount, int) or amount == 0 or (
        abs(amount) > MAX_ADJUSTMENT
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "Enter a number of points other than 0, at most {max} either way."
            ),
            field="amount",
            max=MAX_ADJUSTMENT,
        )
    check_request_uid(data.request_uid)
    note = clean_text(data.note, "note", MAX_NOTE, multiline=True)
    if not note:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Explain the adjustment in the note."), field="note"
        )
    return note, clean_text(data.reference, "reference", 60)


# --- deciding -------------------------------------------------------------------------------


@retry_on_contention
def approve(db: Database, actor: Actor, request_id: int, note: str = "") -> AdjustmentRow:
    """Approve and post atomically; refused if the member no longer has the points."""
    note = clean_text(note, "note", MAX_NOTE, multiline=True)
    with db.uow(actor) as uow:
        request = _decidable(uow, actor, request_id)
        _post(uow, actor, request, note)
        uow.commit()
        return _row_of(uow, request)


@retry_on_contention
def reject(db: Database, actor: Actor, request_id: int, note: str) -> AdjustmentRow:
    note = clean_text(note, "note", MAX_NOTE, multiline=True)
    if not note:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Say why the request is rejected."), field="note"
        )
    with db.uow(actor) as uow:
        request = _decidable(uow, actor, request_id)
        before = _audit_view(request)
        request.status, request.decision_note = "rejected", note
        request.decided_by, request.decided_at = actor.username, uow.now()
        audit.record(uow, actor, "adjustment", request.id, "reject", before, _audit_view(request))
        uow.commit()
        return _row_of(uow, request)


def _decidable(uow: UnitOfWork, actor: Actor, request_id: int) -> AdjustmentRequest:
    require(actor, Permission.APPROVE)
    request = uow.session.get(AdjustmentRequest, request_id, with_for_update=FOR_CHANGE)
    if request is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such adjustment request."))
    if _lapse_if_due(uow, request):
        uow.commit()  # keep the lapse although the decision is refused
    if request.status != "pending":
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "This request was already decided or has lapsed.")
        )
    if request.requested_by_id == actor.user_id:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Errors", "You cannot decide your own request; ask another approver.")
        )
    if not may_decide(actor, request.requester_dealer_id):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "Errors", "A supervisor of the requester's dealer or headquarters decides this."
            )
        )
    return request


def may_decide(actor: Actor, requester_dealer_id: int | None) -> bool:
    """Headquarters decides any request; a dealer supervisor only their own dealer's."""
    if not actor.can(Permission.APPROVE):
        return False
    if actor.is_headquarters:
        return True
    return actor.role == Role.SUPERVISOR and requester_dealer_id == actor.dealer_id


def _post(uow: UnitOfWork, actor: Actor, request: AdjustmentRequest, note: str) -> None:
    before = _audit_view(request)
    entry = ledger.post(
        uow,
        read_settings(uow),
        Posting(
            entry_uid=derived_uid("adjust", request.request_uid),
            member_id=request.member_id,
            currency=request.currency,
            kind="adjust",
            source=request.reason_code,
            amount=request.amount,
            business_date=programme_today(uow),
            actor=actor.username,
            dealer_id=request.requester_dealer_id,
            reference=request.reference,
            note=request.note,
        ),
    )
    request.status, request.decided_by, request.decided_at = "approved", actor.username, uow.now()
    request.decision_note, request.entry_id = note or None, entry.id
    audit.record(uow, actor, "adjustment", request.id, "approve", before, _audit_view(request))


def _lapse_if_due(uow: UnitOfWork, request: AdjustmentRequest) -> bool:
    if request.status != "pending" or request.requested_at > _lapse_cutoff(uow):
        return False
    request.status, request.decided_at = "lapsed", uow.now()
    request.decided_by = audit.SYSTEM
    audit.record(uow, audit.SYSTEM, "adjustment", request.id, "lapse")
    return True


def _lapse_cutoff(uow: UnitOfWork) -> datetime:
    return uow.now() - timedelta(days=read_settings(uow).adjustment_lapse_days)


@retry_on_contention
def lapse_overdue(db: Database, actor: Actor) -> int:
    """Mark requests pending longer than the configured days as lapsed; returns how many."""
    require(actor, Permission.CONFIGURE_PROGRAMME)
    with db.uow(actor) as uow:
        ids = uow.session.scalars(
            select(AdjustmentRequest.id).where(
                AdjustmentRequest.status == "pending",
                AdjustmentRequest.requested_at <= _lapse_cutoff(uow),
            )
        ).all()
        if ids:
            uow.session.execute(
                update(AdjustmentRequest)
                .where(AdjustmentRequest.id.in_(ids))
                .values(status="lapsed", decided_at=uow.now(), decided_by=audit.SYSTEM)
            )
            for request_id in ids:
                audit.record(uow, actor, "adjustment", request_id, "lapse")
        uow.commit()
        return len(ids)


# --- reading --------------------------------------------------------------------------------


def list_requests(
    db: Database, actor: Actor, filters: AdjustmentFilter | None = None, limit: int = 500
) -> list[AdjustmentRow]:
    """Requests the actor may see: headquarters all, dealer staff their dealer's."""
    require(actor, Permission.VIEW_MEMBERS)
    filters = filters or AdjustmentFilter()
    with db.reader(actor) as uow:
        query = _visible(actor, _with_names(select(AdjustmentRequest)))
        if filters.status:
            query = query.where(AdjustmentRequest.status == filters.status)
        if filters.member_id:
            query = query.where(AdjustmentRequest.member_id == filters.member_id)
        if filters.requested_by:
            query = query.where(AdjustmentRequest.requested_by == filters.requested_by)
        if filters.reason_code:
            query = query.where(AdjustmentRequest.reason_code == filters.reason_code)
        query = query.order_by(AdjustmentRequest.requested_at.desc()).limit(limit)
        cutoff = _lapse_cutoff(uow)
        return [_row(*found, cutoff) for found in uow.session.execute(query)]


def pending_count(db: Database, actor: Actor) -> int:
    """Requests waiting for this actor's decision (the navigation badge); 0 for non-approvers."""
    if not actor.can(Permission.APPROVE):
        return 0
    with db.reader(actor) as uow:
        query = _visible(actor, select(func.count()).select_from(AdjustmentRequest)).where(
            AdjustmentRequest.status == "pending",
            AdjustmentRequest.requested_at > _lapse_cutoff(uow),
            AdjustmentRequest.requested_by_id != actor.user_id,
        )
        return int(uow.session.scalar(query))


def _visible(actor: Actor, query):
    if actor.is_headquarters:
        return query
    return query.where(AdjustmentRequest.requester_dealer_id == actor.dealer_id)


def _with_names(query):
    """The request with its member's number and name and the reason's label, in one query."""
    return (
        query.add_columns(Member.member_number, Member.name, AdjustmentReason.label)
        .join(Member, Member.id == AdjustmentRequest.member_id)
        .join(AdjustmentReason, AdjustmentReason.code == AdjustmentRequest.reason_code)
    )


def _row_of(uow: UnitOfWork, request: AdjustmentRequest) -> AdjustmentRow:
    uow.session.flush()
    query = _with_names(select(AdjustmentRequest)).where(AdjustmentRequest.id == request.id)
    return _row(*uow.session.execute(query).one())


def _row(
    r: AdjustmentRequest, number: str, name: str, label: str, cutoff: datetime | None = None
) -> AdjustmentRow:
    status = r.status
    if status == "pending" and cutoff is not None and r.requested_at <= cutoff:
        status = "lapsed"  # shown as it will be stored at the next decision attempt
    return AdjustmentRow(
        r.id, r.member_id, number, name, r.currency, r.amount,
        r.reason_code, label, r.note, r.reference, status, r.requested_by,
        r.requested_at, r.requester_dealer_id, r.decided_by, r.decided_at, r.decision_note,
        r.entry_id,
    )  # fmt: skip


def _audit_view(r: AdjustmentRequest) -> dict:
    return {
        "member_id": r.member_id,
        "currency": r.currency,
        "amount": r.amount,
        "reason": r.reason_code,
        "note": r.note,
        "reference": r.reference,
        "status": r.status,
        "decision_note": r.decision_note,
        "entry_id": r.entry_id,
    }
