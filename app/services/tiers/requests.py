"""Tier changes that need a second person, as kinds of approval request: an upgrade that
qualifying points made due, a manual tier (a floor until a day), a status match with another
programme, and a paid tier. Approving re-checks what may have changed since the request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from app.db.models import ApprovalRequest, Member
from app.domain import tiers as rules
from app.domain.approvals import ApprovalStatus
from app.domain.errors import Conflict, PermissionDenied, ValidationError
from app.domain.inputs import MAX_FEN, check_date, check_int, clean_text, new_request_uid
from app.domain.points import add_months
from app.domain.roles import Actor, Permission
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.approvals.kinds import ApprovalKind, Checked, register
from app.services.approvals.requests import RequestRow, add_request, file_request
from app.services.shared.database import Database
from app.services.shared.scope import load_member, programme_today
from app.services.shared.uow import UnitOfWork
from app.services.tiers.policy import policy_in_force
from app.services.tiers.standing import Standing, TierMove, basis_points, move_tier, read_standing

UPGRADE, MANUAL, MATCH, PAID = "tier_upgrade", "tier_manual", "tier_match", "tier_paid"
MANUAL_REASONS = ("service_recovery", "vip", "correction")
MATCH_EVERY_MONTHS = 12
PAID_MONTHS = 12


def _lapse(settings) -> int:
    return settings.tier_request_lapse_days


def _member_in_scope(uow: UnitOfWork, actor: Actor, member_id: object) -> Member:
    member = load_member(uow, member_id)
    if member.merged_into_id is not None or member.status == "closed":
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "This member is closed or merged."))
    if not actor.is_headquarters and member.dealer_id not in (None, actor.dealer_id):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Errors", "Only staff of the member's own dealer may do this.")
        )
    return member


def _tier_of(policy: rules.TierPolicy, code: object) -> rules.Tier:
    if not isinstance(code, str) or not policy.has(code):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a tier."), field="tier")
    return policy.tier(code)


def _pending(uow: UnitOfWork, kind: str, member_id: int) -> ApprovalRequest | None:
    return uow.session.scalars(
        select(ApprovalRequest).where(
            ApprovalRequest.kind == kind,
            ApprovalRequest.subject_type == "member",
            ApprovalRequest.subject_id == member_id,
            ApprovalRequest.status == ApprovalStatus.PENDING,
        )
    ).first()


def _refuse_if_pending(uow: UnitOfWork, kind: str, member_id: int) -> None:
    if _pending(uow, kind, member_id) is not None:
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "A request of this kind already waits for this member.")
        )


def _locked_standing(uow: UnitOfWork, member_id: int) -> tuple[rules.TierPolicy, Standing, date]:
    today = programme_today(uow)
    policy = policy_in_force(uow, today)
    return policy, read_standing(uow, policy, member_id, lock=True), today


def _refuse_below(standing: Standing, tier: rules.Tier) -> None:
    if tier.rank < standing.tier.rank:
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "The member already holds a higher tier ({tier})."),
            tier=standing.tier.name,
        )


# --- upgrade ------------------------------------------------------------------------------------


def _check_upgrade(uow: UnitOfWork, actor: Actor, payload: dict) -> Checked:
    member = _member_in_scope(uow, actor, payload.get("member_id"))
    policy = policy_in_force(uow, programme_today(uow))
    tier = _tier_of(policy, payload.get("tier"))
    points = check_int(payload.get("points"), "points", 0, rules.MAX_THRESHOLD * 10)
    return Checked({"member_id": member.id, "tier": tier.code, "points": points}, member.id)


def _apply_upgrade(uow: UnitOfWork, actor: Actor, request: ApprovalRequest) -> dict:
    """Upgrade to the highest tier the points meet now (refused if they no longer reach
    any tier above the current one, e.g. after a refund)."""
    member_id = request.payload["member_id"]
    policy, standing, today = _locked_standing(uow, member_id)
    points = basis_points(uow, policy, standing, today)
    target = rules.upgrade_target(policy, standing.tier, points)
    if target is None:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The member's qualifying points ({points}) no longer reach a higher tier.",
            ),
            points=points,
        )
    return upgrade(uow, actor, policy, standing, target, points, today, request.id)


def upgrade(
    uow: UnitOfWork,
    actor: Actor | str,
    policy: rules.TierPolicy,
    standing: Standing,
    target: rules.Tier,
    points: int,
    on: date,
    approval_id: int | None = None,
) -> dict:
    """Move the member up to ``target`` from ``on``, with a new validity."""
    valid_until = rules.validity_end(on, policy.validity_months)
    move = TierMove(
        target, rules.ChangeReason.UPGRADE, points, on, valid_until, approval_id=approval_id
    )
    move_tier(uow, actor, standing, move)
    return {"tier": target.code, "valid_until": valid_until.isoformat(), "points": points}


UPGRADE_KIND = register(
    ApprovalKind(UPGRADE, "member", Permission.REQUEST_ADJUSTMENT, _check_upgrade,
                 _apply_upgrade, lapse_days=_lapse)
)  # fmt: skip


def file_due_upgrade(
    uow: UnitOfWork, actor: Actor, member_id: int, target: rules.Tier, points: int
) -> None:
    """File the upgrade that just became due, unless one already waits for the member (the
    pending request is approved for the highest tier met at the time of the decision)."""
    if _pending(uow, UPGRADE, member_id) is not None:
        return
    payload = {"member_id": member_id, "tier": target.code, "points": points}
    note = f"{target.name} · {points}"  # the screens say it in words; no language stored
    add_request(uow, actor, UPGRADE_KIND, Checked(payload, member_id), note)


# --- manual tier --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ManualTierInput:
    member_id: int
    tier: str
    reason_code: str  # service_recovery | vip | correction
    until: date  # the tier is a floor until this day
    note: str
    request_uid: str = ""


def request_manual_tier(db: Database, actor: Actor, data: ManualTierInput) -> RequestRow:
    until = data.until.isoformat() if isinstance(data.until, date) else data.until
    payload = {"member_id": data.member_id, "tier": data.tier, "reason_code": data.reason_code,
               "until": until}  # fmt: skip
    return file_request(db, actor, MANUAL, payload, data.note, "", data.request_uid or None)


def _check_manual(uow: UnitOfWork, actor: Actor, payload: dict) -> Checked:
    member = _member_in_scope(uow, actor, payload.get("member_id"))
    today = programme_today(uow)
    tier = _tier_of(policy_in_force(uow, today), payload.get("tier"))
    if payload.get("reason_code") not in MANUAL_REASONS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a reason."), field="reason_code")
    until = check_date(_day(payload.get("until")), "until", today, add_months(today, 60))
    _refuse_if_pending(uow, MANUAL, member.id)
    return Checked(
        {"member_id": member.id, "tier": tier.code, "reason_code": payload["reason_code"],
         "until": until.isoformat()},
        member.id,
    )  # fmt: skip


def _day(value: object) -> object:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _apply_manual(uow: UnitOfWork, actor: Actor, request: ApprovalRequest) -> dict:
    payload = request.payload
    policy, standing, today = _locked_standing(uow, payload["member_id"])
    tier = _tier_of(policy, payload["tier"])
    until = date.fromisoformat(payload["until"])
    # Reviewed at the end of a normal validity, but never below the tier until ``until``.
    valid_until = rules.validity_end(today, policy.validity_months)
    points = basis_points(uow, policy, standing, today)
    move_tier(uow, actor, standing, TierMove(
        tier, rules.ChangeReason.MANUAL, points, today, valid_until, approval_id=request.id,
        note=payload["reason_code"], floor=rules.Floor(tier, until), floor_reason="manual",
    ))  # fmt: skip
    return {"tier": tier.code, "valid_until": valid_until.isoformat()}


register(ApprovalKind(MANUAL, "member", Permission.REQUEST_ADJUSTMENT, _check_manual,
                      _apply_manual, lapse_days=_lapse))  # fmt: skip


# --- status match -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusMatchInput:
    member_id: int
    programme: str  # the other programme
    level: str  # the member's level there
    evidence: str  # where the card or statement is kept (a file reference)
    tier: str  # the tier granted here
    note: str
    request_uid: str = ""


def request_status_match(db: Database, actor: Actor, data: StatusMatchInput) -> RequestRow:
    payload = {"member_id": data.member_id, "programme": data.programme, "level": data.level,
               "evidence": data.evidence, "tier": data.tier}  # fmt: skip
    # the evidence reference is kept whole in the payload (up to 100 characters)
    return file_request(db, actor, MATCH, payload, data.note, "", data.request_uid or None)


def _check_match(uow: UnitOfWork, actor: Actor, payload: dict) -> Checked:
    member = _member_in_scope(uow, actor, payload.get("member_id"))
    today = programme_today(uow)
    tier = _tier_of(policy_in_force(uow, today), payload.get("tier"))
    texts = {
        name: clean_text(payload.get(name), name, 100)
        for name in ("programme", "level", "evidence")
    }
    for name, value in texts.items():
        if not value:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "This field is required."), field=name
            )
    _refuse_recent_match(uow, member.id, today)
    _refuse_if_pending(uow, MATCH, member.id)
    return Checked({"member_id": member.id, "tier": tier.code, **texts}, member.id)


def _refuse_recent_match(uow: UnitOfWork, member_id: int, today: date) -> None:
    policy = policy_in_force(uow, today)
    matched_on = read_standing(uow, policy, member_id).matched_on
    if matched_on is not None and add_months(matched_on, MATCH_EVERY_MONTHS) > today:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors", "The member's status was matched on {date}; one match per 12 months."
            ),
            date=matched_on.isoformat(),
        )


def _apply_match(uow: UnitOfWork, actor: Actor, request: ApprovalRequest) -> dict:
    payload = request.payload
    policy, standing, today = _locked_standing(uow, payload["member_id"])
    _refuse_recent_match(uow, standing.member_id, today)
    tier = _tier_of(policy, payload["tier"])
    _refuse_below(standing, tier)
    valid_until = rules.validity_end(today, policy.validity_months)
    points = basis_points(uow, policy, standing, today)
    note = f"{payload['programme']} {payload['level']}"
    move_tier(uow, actor, standing, TierMove(
        tier, rules.ChangeReason.MATCH, points, today, valid_until, approval_id=request.id,
        note=note,
    ))  # fmt: skip
    return {"tier": tier.code, "valid_until": valid_until.isoformat()}


register(ApprovalKind(MATCH, "member", Permission.REQUEST_ADJUSTMENT, _check_match,
                      _apply_match, lapse_days=_lapse))  # fmt: skip


# --- paid tier ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PaidTierInput:
    member_id: int
    tier: str
    fee_fen: int  # the annual fee paid
    receipt: str  # the payment's reference
    note: str
    request_uid: str = ""


def request_paid_tier(db: Database, actor: Actor, data: PaidTierInput) -> RequestRow:
    payload = {"member_id": data.member_id, "tier": data.tier, "fee_fen": data.fee_fen,
               "receipt": data.receipt}  # fmt: skip
    return file_request(db, actor, PAID, payload, data.note, data.receipt,
                        data.request_uid or new_request_uid())  # fmt: skip


def _check_paid(uow: UnitOfWork, actor: Actor, payload: dict) -> Checked:
    member = _member_in_scope(uow, actor, payload.get("member_id"))
    policy = policy_in_force(uow, programme_today(uow))
    tier = _tier_of(policy, payload.get("tier"))
    if tier.rank == policy.base.rank:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The base tier is not sold."), field="tier"
        )
    fee = check_int(payload.get("fee_fen"), "fee_fen", 1, MAX_FEN)
    receipt = clean_text(payload.get("receipt"), "receipt", 60)
    if not receipt:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "This field is required."), field="receipt"
        )
    _refuse_if_pending(uow, PAID, member.id)
    return Checked(
        {"member_id": member.id, "tier": tier.code, "fee_fen": fee, "receipt": receipt},
        member.id,
    )


def _apply_paid(uow: UnitOfWork, actor: Actor, request: ApprovalRequest) -> dict:
    """Held for 12 months from today, or from the end of a paid period of the same tier
    still running (a renewal); never downgraded below it meanwhile."""
    payload = request.payload
    policy, standing, today = _locked_standing(uow, payload["member_id"])
    tier = _tier_of(policy, payload["tier"])
    _refuse_below(standing, tier)
    start = today
    floor = standing.floor
    if standing.floor_reason == "paid" and floor and floor.tier == tier and floor.until >= today:
        start = floor.until + timedelta(days=1)
    paid_until = rules.validity_end(start, PAID_MONTHS)
    valid_until = max(paid_until, standing.valid_until or paid_until)
    points = basis_points(uow, policy, standing, today)
    move_tier(uow, actor, standing, TierMove(
        tier, rules.ChangeReason.PAID, points, today, valid_until, approval_id=request.id,
        note=payload["receipt"], floor=rules.Floor(tier, paid_until), floor_reason="paid",
    ))  # fmt: skip
    return {"tier": tier.code, "paid_until": paid_until.isoformat(), "fee_fen": payload["fee_fen"]}


register(ApprovalKind(PAID, "member", Permission.REQUEST_ADJUSTMENT, _check_paid, _apply_paid,
                      lapse_days=_lapse))  # fmt: skip
