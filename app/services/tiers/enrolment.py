"""The enrolment tier (seed 003: 依所购产品确定其入会等级): where the tier policy maps a vehicle
model series to a tier, a member registered with such a vehicle starts on that tier, with a
normal validity from the day of registration."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import insert

from app.db.models import MemberTier, TierChange
from app.domain import tiers as rules
from app.domain.roles import Actor
from app.services.shared.uow import UnitOfWork
from app.services.tiers.policy import policy_in_force
from app.services.tiers.standing import TierMove, move_tier, read_standing


def enrol(uow: UnitOfWork, actor: Actor, member_id: int, models: Iterable[str], on: date) -> None:
    """Give a new member the highest enrolment tier their vehicles' models map to, if any."""
    policy = policy_in_force(uow, on)
    if not policy.enrolment_by_series:
        return
    tier = max(
        (rules.enrolment_tier(policy, model) for model in models),
        key=lambda t: t.rank,
        default=policy.base,
    )
    if tier.rank == policy.base.rank:
        return
    valid_until = rules.validity_end(on, policy.validity_months)
    move = TierMove(tier, rules.ChangeReason.ENROLMENT, 0, on, valid_until)
    move_tier(uow, actor, read_standing(uow, policy, member_id), move)


def enrol_imported(
    uow: UnitOfWork, actor_name: str, models: list[tuple[int, str | None]], on: date
) -> int:
    """The same for a batch of imported members ``[(member id, model)]``, in two statements
    (the import job's own audit entry records the batch); returns how many got a tier."""
    policy = policy_in_force(uow, on)
    if not policy.enrolment_by_series:
        return 0
    valid_until = rules.validity_end(on, policy.validity_months)
    now = uow.now()
    tiers: dict[int, rules.Tier] = {}
    for member_id, model in models:
        tier = rules.enrolment_tier(policy, model)
        if tier.rank > tiers.get(member_id, policy.base).rank:
            tiers[member_id] = tier
    if not tiers:
        return 0
    uow.session.execute(
        insert(MemberTier),
        [{"member_id": member_id, "tier_code": tier.code, "period_start": on,
          "valid_until": valid_until, "upgraded_on": on, "updated_at": now}
         for member_id, tier in tiers.items()],
    )  # fmt: skip
    uow.session.execute(
        insert(TierChange),
        [{"member_id": member_id, "from_code": policy.base.code, "to_code": tier.code,
          "reason": rules.ChangeReason.ENROLMENT.value, "points": 0, "effective_on": on,
          "valid_until": valid_until, "actor": actor_name, "created_at": now}
         for member_id, tier in tiers.items()],
    )  # fmt: skip
    return len(tiers)
