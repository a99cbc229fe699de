"""Admission and activation through Approvals: headquarters files the request, and someone
other than the requester and other than whoever assessed or scored the partner decides it.

- partner_admission (under evaluation → approved): the latest admission assessment passed or
  was overridden, the partner has a score, and the industry's comparison holds the shortlist
  size (else the request carries the reason why fewer were compared).
- partner_activation (approved or suspended → active): still admitted, and a cooperation
  mode whose contract has not ended.
"""

from __future__ import annotations

from sqlalchemy import select

from app.db.models import ApprovalRequest, Partner, PartnerMode
from app.domain import partners as rules
from app.domain.errors import Conflict, PermissionDenied, ValidationError
from app.domain.inputs import MAX_NOTE, check_int, clean_text
from app.domain.roles import Actor, Permission
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.approvals.kinds import ApprovalKind, Checked, register
from app.services.approvals.requests import RequestRow, file_request
from app.services.partners.admission import refuse_unadmitted
from app.services.partners.evaluation import compared_partners
from app.services.partners.registry import (
    PARTNER_KINDS,
    latest_evaluation,
    load_partner,
    record_status,
    refuse_while_waiting,
)
from app.services.settings.programme import read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import programme_today
from app.services.shared.uow import UnitOfWork

ADMISSION, ACTIVATION = PARTNER_KINDS
PREPARER_DECIDES = QT_TRANSLATE_NOOP(
    "Errors",
    "You assessed, scored or overrode the checks of this partner; another approver decides.",
)


def _refuse_status(partner: Partner, allowed: frozenset[rules.PartnerStatus]) -> None:
    if partner.status not in {s.value for s in allowed}:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors", "Not possible in the partner's current status (see its history)."
            ),
            status=partner.status,
        )


def _refuse_preparer(uow: UnitOfWork, actor: Actor, partner: Partner) -> None:
    """Nobody decides on a partner whose latest assessment, override or score they made."""
    admission = refuse_unadmitted(uow, partner)
    evaluation = latest_evaluation(uow, partner.id)
    preparers = {admission.assessed_by_id, evaluation.evaluated_by_id if evaluation else None}
    if actor.user_id in preparers or actor.username == admission.overridden_by:
        raise PermissionDenied(PREPARER_DECIDES)


def _shortlist_reason(uow: UnitOfWork, partner: Partner, given: object) -> str:
    """The reason fewer than the shortlist size were compared ('' when enough were)."""
    reason = clean_text(given, "shortlist_reason", MAX_NOTE, multiline=True)
    compared = len(compared_partners(uow, partner.industry))
    minimum = read_settings(uow).partner_shortlist_min
    if compared < minimum and not reason:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Only {count} partners of this industry were compared (at least {minimum}); "
                "record why.",
            ),
            field="shortlist_reason", count=compared, minimum=minimum,
        )  # fmt: skip
    return reason if compared < minimum else ""


def _check_admission(uow: UnitOfWork, actor: Actor, payload: dict) -> Checked:
    partner_id = check_int(payload.get("partner_id"), "partner_id", 1, 2**31 - 1)
    partner = load_partner(uow, partner_id, lock=True)
    _refuse_status(partner, rules.ADMISSION_FROM)
    refuse_while_waiting(uow, partner.id)
    admission = refuse_unadmitted(uow, partner)
    evaluation = latest_evaluation(uow, partner.id)
    if evaluation is None:
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "Score the partner first."))
    reason = _shortlist_reason(uow, partner, payload.get("shortlist_reason", ""))
    return Checked(
        {"partner_id": partner.id, "code": partner.code, "name": partner.name,
         "industry": partner.industry, "score": evaluation.total_hundredths,
         "admission_id": admission.id, "overridden": admission.override_reason is not None,
         "shortlist_reason": reason},
        partner.id,
    )  # fmt: skip


def _apply_admission(uow: UnitOfWork, actor: Actor, request: ApprovalRequest) -> dict:
    partner = load_partner(uow, request.payload["partner_id"], lock=True)
    _refuse_status(partner, rules.ADMISSION_FROM)
    _refuse_preparer(uow, actor, partner)
    before = partner.status
    partner.shortlist_reason = request.payload.get("shortlist_reason") or None
    record_status(uow, actor, partner, before, rules.PartnerStatus.APPROVED, request.note,
                  request.id)  # fmt: skip
    audit.record(uow, actor, "partner", partner.code, "status", {"status": before},
                 {"status": partner.status, "approval": request.id})  # fmt: skip
    return {"partner_id": partner.id, "status": partner.status}


def _refuse_no_contract(uow: UnitOfWork, partner: Partner) -> None:
    today = programme_today(uow)
    current = uow.session.scalar(
        select(PartnerMode.id).where(
            PartnerMode.partner_id == partner.id,
            PartnerMode.active,
            PartnerMode.contract_end >= today,
        )
    )
    if current is None:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors", "Add a cooperation mode with a contract that has not ended first."
            )
        )


def _check_activation(uow: UnitOfWork, actor: Actor, payload: dict) -> Checked:
    partner_id = check_int(payload.get("partner_id"), "partner_id", 1, 2**31 - 1)
    partner = load_partner(uow, partner_id, lock=True)
    _refuse_status(partner, rules.ACTIVATION_FROM)
    refuse_while_waiting(uow, partner.id)
    refuse_unadmitted(uow, partner)
    _refuse_no_contract(uow, partner)
    return Checked(
        {"partner_id": partner.id, "code": partner.code, "name": partner.name,
         "industry": partner.industry, "from_status": partner.status},
        partner.id,
    )  # fmt: skip


def _apply_activation(uow: UnitOfWork, actor: Actor, request: ApprovalRequest) -> dict:
    partner = load_partner(uow, request.payload["partner_id"], lock=True)
    _refuse_status(partner, rules.ACTIVATION_FROM)
    _refuse_preparer(uow, actor, partner)
    _refuse_no_contract(uow, partner)
    before = partner.status
    record_status(uow, actor, partner, before, rules.PartnerStatus.ACTIVE, request.note,
                  request.id)  # fmt: skip
    audit.record(uow, actor, "partner", partner.code, "status", {"status": before},
                 {"status": partner.status, "approval": request.id})  # fmt: skip
    return {"partner_id": partner.id, "status": partner.status}


def _lapse(settings) -> int:
    return settings.partner_request_lapse_days


ADMISSION_KIND = register(ApprovalKind(
    ADMISSION, "partner", Permission.MANAGE_PARTNERS, _check_admission, _apply_admission, _lapse
))  # fmt: skip
ACTIVATION_KIND = register(ApprovalKind(
    ACTIVATION, "partner", Permission.MANAGE_PARTNERS, _check_activation, _apply_activation,
    _lapse,
))  # fmt: skip


def submit_admission(
    db: Database,
    actor: Actor,
    partner_id: int,
    note: str,
    shortlist_reason: str = "",
    request_uid: str | None = None,
) -> RequestRow:
    """Ask for the partner's admission (the approvals service checks the permission)."""
    payload = {"partner_id": partner_id, "shortlist_reason": shortlist_reason}
    return file_request(db, actor, ADMISSION, payload, note, "", request_uid)


def submit_activation(
    db: Database, actor: Actor, partner_id: int, note: str, request_uid: str | None = None
) -> RequestRow:
    """Ask for the partner's activation (first time, or back from suspension)."""
    return file_request(db, actor, ACTIVATION, {"partner_id": partner_id}, note, "", request_uid)
