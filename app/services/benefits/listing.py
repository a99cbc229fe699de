"""Listing an item (商品上架) through Approvals: the submitter files a request, someone else
lists it. While the request waits the item shows as submitted and cannot be edited; a
rejected, withdrawn or lapsed request leaves it as it was (draft or delisted)."""

from __future__ import annotations

from sqlalchemy import select

from app.db.models import ApprovalRequest, Benefit, TierEntitlement
from app.domain import benefits as rules
from app.domain.approvals import ApprovalStatus
from app.domain.errors import Conflict
from app.domain.inputs import check_int
from app.domain.roles import Actor, Permission
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.approvals.kinds import ApprovalKind, Checked, register
from app.services.approvals.requests import RequestRow, file_request
from app.services.benefits.catalog import load_item
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import programme_today
from app.services.shared.uow import UnitOfWork

LISTING = "benefit_listing"


def pending_listing(uow: UnitOfWork, benefit_id: int) -> ApprovalRequest | None:
    return uow.session.scalars(
        select(ApprovalRequest).where(
            ApprovalRequest.kind == LISTING,
            ApprovalRequest.subject_type == "benefit",
            ApprovalRequest.subject_id == benefit_id,
            ApprovalRequest.status == ApprovalStatus.PENDING,
        )
    ).first()


def pending_listing_ids(uow: UnitOfWork) -> set[int]:
    return set(
        uow.session.scalars(
            select(ApprovalRequest.subject_id).where(
                ApprovalRequest.kind == LISTING, ApprovalRequest.status == ApprovalStatus.PENDING
            )
        )
    )


def _refuse_unlistable(uow: UnitOfWork, item: Benefit) -> None:
    """What must hold before an item goes on the catalog (when filed and again when listed)."""
    if item.status == rules.ItemStatus.LISTED:
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "The benefit is already listed."))
    if item.valid_to is not None and item.valid_to < programme_today(uow):
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "The benefit ended on {date}; change its dates first."),
            date=item.valid_to.isoformat(),
        )
    if item.channel == rules.Channel.REDEMPTION and item.points_price <= 0:
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "A benefit redeemed with points needs a points price.")
        )
    if item.channel == rules.Channel.TIER and not _has_a_quantity(uow, item.id):
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors", "Set this entitlement's quantity for at least one tier in the matrix."
            )
        )


def _has_a_quantity(uow: UnitOfWork, benefit_id: int) -> bool:
    return (
        uow.session.scalar(
            select(TierEntitlement.benefit_id).where(
                TierEntitlement.benefit_id == benefit_id, TierEntitlement.quantity.is_not(None)
            )
        )
        is not None
    )


def _check(uow: UnitOfWork, actor: Actor, payload: dict) -> Checked:
    benefit_id = check_int(payload.get("benefit_id"), "benefit_id", 1, 2**31 - 1)
    item = load_item(uow, benefit_id, lock=True)
    _refuse_unlistable(uow, item)
    if pending_listing(uow, item.id) is not None:
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "A listing request for this benefit waits."))
    return Checked({"benefit_id": item.id, "code": item.code, "name": item.name}, item.id)


def _apply(uow: UnitOfWork, actor: Actor, request: ApprovalRequest) -> dict:
    item = load_item(uow, request.payload["benefit_id"], lock=True)
    _refuse_unlistable(uow, item)
    before = item.status
    item.status, item.listed_at, item.updated_at = rules.ItemStatus.LISTED, uow.now(), uow.now()
    audit.record(uow, actor, "benefit", item.code, "list",
                 before={"status": before}, after={"status": item.status,
                                                   "approval": request.id})  # fmt: skip
    return {"benefit_id": item.id, "status": item.status}


def _lapse(settings) -> int:
    return settings.adjustment_lapse_days


LISTING_KIND = register(
    ApprovalKind(LISTING, "benefit", Permission.MANAGE_BENEFITS, _check, _apply, _lapse)
)


def submit_for_listing(
    db: Database, actor: Actor, benefit_id: int, note: str, request_uid: str | None = None
) -> RequestRow:
    """File the listing request (the approvals service checks the permission and note)."""
    return file_request(db, actor, LISTING, {"benefit_id": benefit_id}, note, "", request_uid)
