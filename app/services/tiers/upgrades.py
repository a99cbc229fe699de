"""The immediate upgrade (seed 003: 有效期内…即时升级, 系统需核准): whenever qualifying points
are posted, the ledger asks whether they now reach a higher tier. If so the upgrade is filed
as a pending request in Approvals, or applied at once where the programme says so
(``tier_upgrade_auto``). Runs inside the posting's unit of work, after its account lock."""

from __future__ import annotations

from app.domain import tiers as rules
from app.services.settings.programme import read_settings
from app.services.shared.scope import programme_today
from app.services.shared.uow import UnitOfWork
from app.services.tiers.policy import policy_in_force
from app.services.tiers.requests import file_due_upgrade, upgrade
from app.services.tiers.standing import basis_points, read_standing


def check_upgrade(uow: UnitOfWork, member_id: int, actor_name: str) -> rules.Tier | None:
    """The tier an upgrade became due for (filed or applied), or None."""
    today = programme_today(uow)
    policy = policy_in_force(uow, today)
    standing = read_standing(uow, policy, member_id)
    points = basis_points(uow, policy, standing, today)
    target = rules.upgrade_target(policy, standing.tier, points)
    if target is None:
        return None
    if read_settings(uow).tier_upgrade_auto:
        standing = read_standing(uow, policy, member_id, lock=True)
        upgrade(uow, uow.actor or actor_name, policy, standing, target, points, today)
    elif uow.actor is not None:  # a request needs a requester; system jobs leave it to the review
        file_due_upgrade(uow, uow.actor, member_id, target, points)
    return target
