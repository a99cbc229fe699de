"""Merging two records of one member: the member kept holds the higher of the two tiers (with
its validity and any floor), so a duplicate's 钻石卡 is not lost with the duplicate."""

from __future__ import annotations

from datetime import date

from app.domain import tiers as rules
from app.domain.roles import Actor
from app.services.shared.uow import UnitOfWork
from app.services.tiers.policy import policy_in_force
from app.services.tiers.standing import TierMove, move_tier, read_standing


def carry_over(uow: UnitOfWork, actor: Actor, keep_id: int, gone_id: int, on: date) -> None:
    """Called by the merge after the points moved (tier rows are locked after accounts)."""
    policy = policy_in_force(uow, on)
    first, second = sorted((keep_id, gone_id))  # one lock order
    standings = {
        member_id: read_standing(uow, policy, member_id, lock=True) for member_id in (first, second)
    }
    keep, gone = standings[keep_id], standings[gone_id]
    if gone.tier.rank <= keep.tier.rank:
        return
    valid_until = gone.valid_until or rules.validity_end(on, policy.validity_months)
    move = TierMove(
        gone.tier, rules.ChangeReason.MERGE, 0, on, valid_until, floor=gone.floor,
        floor_reason=gone.floor_reason,
    )  # fmt: skip
    move_tier(uow, actor, keep, move)
