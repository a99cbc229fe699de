"""How members' qualifying points are spread, to help headquarters set thresholds (seed 003
step 2): percentiles, and how many members each tier's reach threshold would take in. It
advises; a person decides."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.db.models import Member, PointsAccount
from app.domain import tiers as rules
from app.domain.members import MemberStatus
from app.domain.roles import Actor, Permission, require
from app.services.shared.database import Database
from app.services.shared.scope import programme_today
from app.services.tiers.policy import policy_in_force

PERCENTILES = (10, 25, 50, 75, 90, 95, 99)


@dataclass(frozen=True)
class Distribution:
    members: int
    percentiles: list[tuple[int, int]]  # (percentile, qualifying points at or below it)
    reaching: list[tuple[rules.Tier, int]]  # members whose points meet the tier's reach


def percentile_points(histogram: list[tuple[int, int]], percentile: int) -> int:
    """The points value at ``percentile`` (nearest rank) of a sorted (points, members) list."""
    total = sum(count for _points, count in histogram)
    rank = max(1, -(-total * percentile // 100))
    seen = 0
    for points, count in histogram:
        seen += count
        if seen >= rank:
            return points
    return histogram[-1][0] if histogram else 0


def qualifying_distribution(db: Database, actor: Actor) -> Distribution:
    """Lifetime qualifying points of members not closed or merged (one grouped query)."""
    require(actor, Permission.VIEW_REPORTS)
    with db.reader(actor) as uow:
        policy = policy_in_force(uow, programme_today(uow))
        points = func.coalesce(PointsAccount.qualifying, 0)
        rows = uow.session.execute(
            select(points, func.count())
            .select_from(Member)
            .outerjoin(PointsAccount, PointsAccount.member_id == Member.id)
            .where(Member.merged_into_id.is_(None), Member.status != MemberStatus.CLOSED.value)
            .group_by(points)
            .order_by(points)
        )
        histogram = [(int(value), int(count)) for value, count in rows]
    total = sum(count for _value, count in histogram)
    reaching = [
        (tier, sum(count for value, count in histogram if value >= tier.reach_points))
        for tier in policy.tiers
    ]
    return Distribution(
        total, [(p, percentile_points(histogram, p)) for p in PERCENTILES], reaching
    )
