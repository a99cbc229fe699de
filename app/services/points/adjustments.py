"""Manual points adjustments: the first kind of approval request (``app.services.approvals``).

Any manual credit or debit of points or qualifying points is a request with a reason code,
decided by someone other than the requester; approving it posts the entry in the same
transaction, refused if the member no longer has the points. A supervisor's own request
within the programme's direct limit (default 0: none) posts at once. Headquarters keeps the
reason codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from app.db.models import AdjustmentReason, ApprovalRequest
from app.domain.errors import PermissionDenied, ValidationError
from app.domain.inputs import clean_text, derived_uid, new_request_uid
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.approvals.kinds import ApprovalKind, Checked, register
from app.services.approvals.requests import RequestRow, file_request
from app.services.points import ledger
from app.services.points.accounts import AccountSummary, PostingRow, account_summary, list_postings
from app.services.points.counter import postable_member
from app.services.points.ledger import CURRENCIES, Posting
from app.services.settings.programme import read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import programme_today
from app.services.shared.uow import UnitOfWork, retry_on_contention

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


# --- the kind -------------------------------------------------------------------------------


KIND = "points_adjustment"


def request_adjustment(db: Database, actor: Actor, data: AdjustmentInput) -> RequestRow:
    """File an adjustment request (the counter's "Request adjustment…")."""
    payload = {
        "member_id": data.member_id,
        "currency": data.currency,
        "amount": data.amount,
        "reason_code": data.reason_code,
    }
    return file_request(db, actor, KIND, payload, data.note, data.reference, data.request_uid)


def _check(uow: UnitOfWork, actor: Actor, payload: dict) -> Checked:
    if not isinstance(payload, dict) or payload.get("currency") not in CURRENCIES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a currency."), field="currency")
    amount = payload.get("amount")
    if (
        isinstance(amount, bool)
        or not isinstance(amount, int)
        or amount == 0
        or (abs(amount) > MAX_ADJUSTMENT)
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "Enter a number of points other than 0, at most {max} either way."
            ),
            field="amount",
            max=MAX_ADJUSTMENT,
        )
    member = postable_member(uow, payload.get("member_id"))
    if not actor.is_headquarters and member.dealer_id not in (None, actor.dealer_id):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Errors", "Only staff of the member's own dealer may do this.")
        )
    reason = uow.session.get(AdjustmentReason, str(payload.get("reason_code")))
    if reason is None or not reason.active:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a reason."), field="reason_code")
    clean = {"member_id": member.id, "currency": payload["currency"], "amount": amount,
             "reason_code": reason.code}  # fmt: skip
    return Checked(clean, member.id, abs(amount))


def _apply(uow: UnitOfWork, actor: Actor, request: ApprovalRequest) -> dict:
    """Post the entry; ``ledger.post`` refuses a debit the member can no longer cover."""
    payload = request.payload
    entry = ledger.post(
        uow,
        read_settings(uow),
        Posting(
            entry_uid=derived_uid("adjust", request.request_uid),
            member_id=payload["member_id"],
            currency=payload["currency"],
            kind="adjust",
            source=payload["reason_code"],
            amount=payload["amount"],
            business_date=programme_today(uow),
            actor=actor.username,
            dealer_id=request.requester_dealer_id,
            reference=request.reference,
            note=request.note,
        ),
    )
    return {"entry_id": entry.id}


ADJUSTMENT = register(
    ApprovalKind(
        KIND, "member", Permission.REQUEST_ADJUSTMENT, _check, _apply,
        lapse_days=lambda settings: settings.adjustment_lapse_days,
        direct_limit=lambda settings: settings.adjustment_direct_limit,
    )
)  # fmt: skip


# --- what a supervisor sees before deciding ----------------------------------------------------


@dataclass(frozen=True)
class EarlierAdjustment:
    requested_at: datetime
    amount: int
    currency: str
    reason_code: str
    status: str
    requested_by: str


@dataclass(frozen=True)
class AdjustmentContext:
    """The member's balance now, their last entries and their adjustments of the last
    90 days: what a supervisor needs to decide without leaving the Approvals page."""

    account: AccountSummary
    last_entries: list[PostingRow]  # one row per posting: points and qualifying points
    earlier: list[EarlierAdjustment]


CONTEXT_DAYS = 90


def adjustment_context(db: Database, actor: Actor, request: RequestRow) -> AdjustmentContext:
    member_id = request.payload["member_id"]
    account = account_summary(db, actor, member_id)
    entries = list_postings(db, actor, member_id, limit=10)
    with db.reader(actor) as uow:
        since = uow.now() - timedelta(days=CONTEXT_DAYS)
        rows = uow.session.scalars(
            select(ApprovalRequest)
            .where(
                ApprovalRequest.kind == KIND,
                ApprovalRequest.subject_type == "member",
                ApprovalRequest.subject_id == member_id,
                ApprovalRequest.requested_at >= since,
                ApprovalRequest.id != request.id,
            )
            .order_by(ApprovalRequest.requested_at.desc())
            .limit(50)
        )
        earlier = [
            EarlierAdjustment(
                r.requested_at, r.payload["amount"], r.payload["currency"],
                r.payload["reason_code"], r.status, r.requested_by,
            )
            for r in rows
        ]  # fmt: skip
    return AdjustmentContext(account, entries, earlier)
