"""One maker-checker service for every kind of request.

A request is filed with a payload its kind checks; it waits for a decision by someone other
than the requester (a supervisor of the requester's dealer, or headquarters), who approves
it (its kind applies the change in the same transaction, re-checking what may have changed
meanwhile) or rejects it with a note. The requester may cancel it while it waits; undecided
requests lapse after the kind's number of days; a supervisor's own request within the
kind's direct limit applies at once. Everything is audited (entity "approval").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, false, func, or_, select, update

from app.db.models import ApprovalRequest, Dealer, Member
from app.domain import validation as v
from app.domain.approvals import (
    ApprovalStatus,
    applies_at_once,
    decision_refusal,
    has_lapsed,
    lapse_cutoff,
)
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.domain.inputs import MAX_NOTE, check_request_uid, clean_text, new_request_uid
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.approvals.kinds import ApprovalKind, Checked, all_kinds, kind_of
from app.services.settings.programme import ProgrammeSettings, read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import sees_personal_data
from app.services.shared.uow import FOR_CHANGE, UnitOfWork, retry_on_contention

PENDING = ApprovalStatus.PENDING


@dataclass(frozen=True)
class RequestFilter:
    kind: str | None = None
    status: str | None = PENDING
    dealer_id: int | None = None  # the requester's dealer
    requested_by: str | None = None
    subject_type: str | None = None
    subject_id: int | None = None


@dataclass(frozen=True)
class RequestRow:
    id: int
    kind: str
    subject_type: str
    subject_id: int | None
    subject_number: str | None  # the member number, for member requests
    subject_name: str | None  # masked as the member list masks it
    payload: dict
    note: str
    reference: str | None
    status: ApprovalStatus  # a pending request past its lapse days shows as lapsed
    requested_by: str
    requester_dealer_id: int | None
    requester_dealer: str | None
    requested_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str | None
    result: dict | None
    may_decide: bool  # this user may approve or reject it now
    may_cancel: bool  # this user filed it and it still waits


# --- filing -----------------------------------------------------------------------------------


@retry_on_contention
def file_request(
    db: Database,
    actor: Actor,
    kind_code: str,
    payload: dict,
    note: str,
    reference: str = "",
    request_uid: str | None = None,
) -> RequestRow:
    """File a request; an approver's own request within the kind's direct limit applies at
    once. Filing the same ``request_uid`` again returns the first request."""
    kind = kind_of(kind_code)
    require(actor, kind.request_permission)
    request_uid = check_request_uid(request_uid or new_request_uid())
    note = clean_text(note, "note", MAX_NOTE, multiline=True)
    if not note:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Explain the request in the note."), field="note"
        )
    reference = clean_text(reference, "reference", 60)
    with db.uow(actor) as uow:
        existing = uow.session.scalars(
            select(ApprovalRequest).where(ApprovalRequest.request_uid == request_uid)
        ).one_or_none()
        if existing is not None:  # a retried dialog: the first request stands
            return _row_of(uow, actor, existing)
        checked = kind.check(uow, actor, payload)
        request = add_request(uow, actor, kind, checked, note, reference, request_uid)
        limit = kind.direct_limit(read_settings(uow)) if kind.direct_limit else None
        if applies_at_once(actor, checked.magnitude, limit):
            _apply(uow, actor, kind, request, "")
        uow.commit()
        return _row_of(uow, actor, request)


def add_request(
    uow: UnitOfWork,
    actor: Actor,
    kind: ApprovalKind,
    checked: Checked,
    note: str,
    reference: str = "",
    request_uid: str | None = None,
) -> ApprovalRequest:
    """A pending request in the caller's unit of work (for requests a use case files on the
    way, such as an upgrade that qualifying points just made due)."""
    request = ApprovalRequest(
        request_uid=request_uid or new_request_uid(), kind=kind.code,
        subject_type=kind.subject_type, subject_id=checked.subject_id, payload=checked.payload,
        note=note,
        reference=reference or None, status=PENDING, requested_by_id=actor.user_id,
        requested_by=actor.username, requester_dealer_id=actor.dealer_id,
        requested_at=uow.now(),
    )  # fmt: skip
    uow.session.add(request)
    uow.session.flush()
    audit.record(uow, actor, "approval", request.id, "request", after=_audit_view(request))
    return request


# --- deciding ---------------------------------------------------------------------------------


@retry_on_contention
def approve(db: Database, actor: Actor, request_id: int, note: str = "") -> RequestRow:
    """Approve and apply atomically; refused if what it needs no longer holds (for an
    adjustment: the member no longer has the points)."""
    note = clean_text(note, "note", MAX_NOTE, multiline=True)
    with db.uow(actor) as uow:
        request, kind = _decidable(uow, actor, request_id)
        _apply(uow, actor, kind, request, note)
        uow.commit()
        return _row_of(uow, actor, request)


@retry_on_contention
def reject(db: Database, actor: Actor, request_id: int, note: str) -> RequestRow:
    note = clean_text(note, "note", MAX_NOTE, multiline=True)
    if not note:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Say why the request is rejected."), field="note"
        )
    with db.uow(actor) as uow:
        request, _kind = _decidable(uow, actor, request_id)
        _close(uow, actor, request, ApprovalStatus.REJECTED, note)
        uow.commit()
        return _row_of(uow, actor, request)


@retry_on_contention
def cancel(db: Database, actor: Actor, request_id: int, note: str = "") -> RequestRow:
    """The requester withdraws their own request while it waits."""
    note = clean_text(note, "note", MAX_NOTE, multiline=True)
    with db.uow(actor) as uow:
        request = _locked(uow, request_id)
        if request.requested_by_id != actor.user_id:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "Only the requester may cancel a request.")
            )
        _refuse_unless_pending(uow, request)
        _close(uow, actor, request, ApprovalStatus.CANCELLED, note)
        uow.commit()
        return _row_of(uow, actor, request)


def _locked(uow: UnitOfWork, request_id: int) -> ApprovalRequest:
    request = uow.session.get(
        ApprovalRequest, request_id, with_for_update=FOR_CHANGE, populate_existing=True
    )
    if request is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such request."))
    return request


def _refuse_unless_pending(uow: UnitOfWork, request: ApprovalRequest) -> None:
    if _lapse_if_due(uow, request):
        uow.commit()  # keep the lapse although the action is refused
    if request.status != PENDING:
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "This request was already decided or has lapsed.")
        )


def _decidable(uow: UnitOfWork, actor: Actor, request_id: int):
    require(actor, Permission.APPROVE)
    request = _locked(uow, request_id)
    kind = kind_of(request.kind)
    _refuse_unless_pending(uow, request)
    refusal = decision_refusal(actor, request.requested_by_id, request.requester_dealer_id)
    if refusal is not None:
        raise PermissionDenied(refusal)
    return request, kind


def _apply(
    uow: UnitOfWork, actor: Actor, kind: ApprovalKind, request: ApprovalRequest, note: str
) -> None:
    request.result = kind.apply(uow, actor, request)
    _close(uow, actor, request, ApprovalStatus.APPROVED, note)


def _close(
    uow: UnitOfWork, actor: Actor, request: ApprovalRequest, status: ApprovalStatus, note: str
) -> None:
    before = _audit_view(request)
    request.status, request.decision_note = status, note or None
    request.decided_by_id, request.decided_by = actor.user_id, actor.username
    request.decided_at = uow.now()
    action = {ApprovalStatus.APPROVED: "approve", ApprovalStatus.REJECTED: "reject"}
    audit.record(
        uow, actor, "approval", request.id, action.get(status, status.value), before,
        _audit_view(request),
    )  # fmt: skip


# --- lapsing ----------------------------------------------------------------------------------


def _lapse_if_due(uow: UnitOfWork, request: ApprovalRequest) -> bool:
    days = kind_of(request.kind).lapse_days(read_settings(uow))
    if request.status != PENDING or not has_lapsed(request.requested_at, uow.now(), days):
        return False
    request.status, request.decided_at, request.decided_by = "lapsed", uow.now(), audit.SYSTEM
    audit.record(uow, audit.SYSTEM, "approval", request.id, "lapse")
    return True


@retry_on_contention
def lapse_overdue(db: Database, actor: Actor) -> int:
    """Mark every request left undecided past its kind's days as lapsed; how many."""
    require(actor, Permission.CONFIGURE_PROGRAMME)
    with db.uow(actor) as uow:
        overdue = _overdue(uow, read_settings(uow))
        ids = uow.session.scalars(
            select(ApprovalRequest.id).where(ApprovalRequest.status == PENDING, overdue)
        ).all()
        if ids:
            uow.session.execute(
                update(ApprovalRequest)
                .where(ApprovalRequest.id.in_(ids))
                .values(status="lapsed", decided_at=uow.now(), decided_by=audit.SYSTEM)
            )
            for request_id in ids:
                audit.record(uow, actor, "approval", request_id, "lapse")
        uow.commit()
        return len(ids)


def _overdue(uow: UnitOfWork, settings: ProgrammeSettings):
    """A condition: requested at or before its kind's lapse cutoff."""
    now = uow.now()
    return or_(
        false(),
        *(
            and_(
                ApprovalRequest.kind == code,
                ApprovalRequest.requested_at <= lapse_cutoff(now, kind.lapse_days(settings)),
            )
            for code, kind in all_kinds().items()
        ),
    )


# --- reading ----------------------------------------------------------------------------------


def list_requests(
    db: Database, actor: Actor, flt: RequestFilter | None = None, limit: int = 500
) -> list[RequestRow]:
    """Requests the actor may see, newest first: headquarters all, dealer staff those filed
    by their dealer's staff."""
    require(actor, Permission.VIEW_MEMBERS)
    flt = flt or RequestFilter()
    with db.reader(actor) as uow:
        query = _visible(actor, _with_names(select(ApprovalRequest)))
        for column, value in (
            (ApprovalRequest.kind, flt.kind),
            (ApprovalRequest.requester_dealer_id, flt.dealer_id),
            (ApprovalRequest.requested_by, flt.requested_by),
            (ApprovalRequest.subject_type, flt.subject_type),
            (ApprovalRequest.subject_id, flt.subject_id),
        ):
            if value is not None:
                query = query.where(column == value)
        query = _with_status(uow, query, flt.status)
        query = query.order_by(ApprovalRequest.requested_at.desc(), ApprovalRequest.id.desc())
        settings = read_settings(uow)
        found = uow.session.execute(query.limit(limit))
        return [_row(uow, actor, settings, *row) for row in found]


def _with_status(uow: UnitOfWork, query, status: str | None):
    """A status as the list shows it: a pending request past its days counts as lapsed."""
    if status is None:
        return query
    overdue = _overdue(uow, read_settings(uow))
    if status == PENDING:
        return query.where(ApprovalRequest.status == PENDING, ~overdue)
    if status == ApprovalStatus.LAPSED:
        return query.where(
            or_(ApprovalRequest.status == status, and_(ApprovalRequest.status == PENDING, overdue))
        )
    return query.where(ApprovalRequest.status == status)


def get_request(db: Database, actor: Actor, request_id: int) -> RequestRow:
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        query = _visible(actor, _with_names(select(ApprovalRequest))).where(
            ApprovalRequest.id == request_id
        )
        found = uow.session.execute(query).one_or_none()
        if found is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such request."))
        return _row(uow, actor, read_settings(uow), *found)


def pending_count(db: Database, actor: Actor) -> int:
    """Requests waiting for this user's decision, of every kind (the navigation badge)."""
    if not actor.can(Permission.APPROVE):
        return 0
    with db.reader(actor) as uow:
        query = _visible(actor, select(func.count()).select_from(ApprovalRequest)).where(
            ApprovalRequest.requested_by_id != actor.user_id
        )
        query = _with_status(uow, query, PENDING)
        return int(uow.session.scalar(query))


def _visible(actor: Actor, query):
    if actor.is_headquarters:
        return query
    return query.where(ApprovalRequest.requester_dealer_id == actor.dealer_id)


def _with_names(query):
    """The request with its member (for member requests) and the requester's dealer."""
    return (
        query.add_columns(Member.member_number, Member.name, Member.dealer_id, Dealer.name)
        .outerjoin(
            Member,
            and_(ApprovalRequest.subject_type == "member", Member.id == ApprovalRequest.subject_id),
        )
        .outerjoin(Dealer, Dealer.id == ApprovalRequest.requester_dealer_id)
    )


def _row_of(uow: UnitOfWork, actor: Actor, request: ApprovalRequest) -> RequestRow:
    uow.session.flush()
    query = _with_names(select(ApprovalRequest)).where(ApprovalRequest.id == request.id)
    return _row(uow, actor, read_settings(uow), *uow.session.execute(query).one())


def _row(
    uow: UnitOfWork, actor: Actor, settings: ProgrammeSettings, r: ApprovalRequest,
    number: str | None, name: str | None, member_dealer_id: int | None, dealer: str | None,
) -> RequestRow:  # fmt: skip
    status = ApprovalStatus(r.status)
    days = kind_of(r.kind).lapse_days(settings)
    if status == PENDING and has_lapsed(r.requested_at, uow.now(), days):
        status = ApprovalStatus.LAPSED  # as it will be stored at the next attempt
    if name is not None and not sees_personal_data(actor, member_dealer_id):
        name = v.mask_name(name)
    waiting = status == PENDING
    return RequestRow(
        r.id, r.kind, r.subject_type, r.subject_id, number, name, dict(r.payload), r.note,
        r.reference, status, r.requested_by, r.requester_dealer_id, dealer, r.requested_at,
        r.decided_by, r.decided_at, r.decision_note, r.result,
        waiting and decision_refusal(actor, r.requested_by_id, r.requester_dealer_id) is None,
        waiting and r.requested_by_id == actor.user_id,
    )  # fmt: skip


def _audit_view(r: ApprovalRequest) -> dict:
    return {
        "kind": r.kind,
        "subject": f"{r.subject_type}:{r.subject_id}",
        "payload": r.payload,
        "note": r.note,
        "reference": r.reference,
        "status": r.status,
        "decision_note": r.decision_note,
        "result": r.result,
    }
