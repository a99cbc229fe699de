"""What a member may have now: every listed item with, for those they may not, why not.

Read in a handful of queries whatever the catalog's size (the items, the member's tier
cells, the member's vouchers), so the member's benefits tab opens at once on a network of
a million members; ``redemption`` uses the same judgement for one item under lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Row, select

from app.db.models import (
    Benefit,
    BenefitPicture,
    Member,
    PointsAccount,
    TierEntitlement,
    Voucher,
)
from app.domain import benefits as rules
from app.domain.members import POSTABLE
from app.domain.roles import Actor, Permission, require
from app.services.benefits.catalog import tier_codes
from app.services.benefits.matrix import entitlement
from app.services.points.ledger import available_points
from app.services.shared.database import Database
from app.services.shared.scope import load_member, programme_today
from app.services.shared.uow import UnitOfWork
from app.services.tiers.policy import policy_in_force
from app.services.tiers.standing import Standing, read_standing


@dataclass(frozen=True)
class Offer:
    benefit_id: int
    code: str
    name: str
    description: str
    channel: str
    category: str
    value_fen: int  # the voucher's value (a tier cell's value, else the item's face value)
    discount_permille: int | None
    stock: int | None
    valid_to: date | None
    voucher_days: int
    has_picture: bool
    availability: rules.Availability


@dataclass(frozen=True)
class MemberOffers:
    member_id: int
    tier_code: str
    tier_name: str
    available_points: int
    offers: list[Offer]  # may-have first, then by channel and code


# The columns judging and showing an offer reads: plain rows, not ORM objects, so a catalog
# of a thousand items costs no identity map, no session reset and no unused timestamps.
OFFER_COLUMNS = (
    Benefit.id, Benefit.code, Benefit.name, Benefit.description, Benefit.channel,
    Benefit.category, Benefit.status, Benefit.points_price, Benefit.face_value_fen,
    Benefit.stock, Benefit.eligible_tiers, Benefit.valid_from, Benefit.valid_to,
    Benefit.limit_per_member, Benefit.limit_period, Benefit.voucher_days,
)  # fmt: skip
ItemLike = Benefit | Row[Any]  # an item, or a row of OFFER_COLUMNS (typed loosely)


def terms_of(item: ItemLike) -> rules.ItemTerms:
    return _terms(
        item.channel, item.status, item.points_price, item.stock, item.eligible_tiers,
        item.valid_from, item.valid_to, item.limit_per_member, item.limit_period,
    )  # fmt: skip


@lru_cache(maxsize=8192)
def _terms(
    channel: str, status: str, price: int, stock: int | None, tiers: str,
    valid_from: date | None, valid_to: date | None, limit: int | None, period: str,
) -> rules.ItemTerms:  # fmt: skip
    """Built once per distinct set of terms: every member's tab judges the same catalog, and
    building a thousand of these per call was most of its time."""
    return rules.ItemTerms(
        rules.Channel(channel), rules.ItemStatus(status), price, stock,
        frozenset(tier_codes(tiers)), valid_from, valid_to, limit, rules.LimitPeriod(period),
    )  # fmt: skip


@dataclass(frozen=True)
class MemberContext:
    """What judging an item needs to know about the member, read once."""

    terms: rules.MemberTerms
    standing: Standing
    today: date
    issued: dict[int, list[date]]  # benefit id → days of the vouchers that count (not cancelled)


def member_context(
    uow: UnitOfWork, member: Member, today: date, points: int, benefit_id: int | None = None
) -> MemberContext:
    """``points``: the member's available points; ``benefit_id``: read only that item's
    vouchers (a redemption judges one item)."""
    policy = policy_in_force(uow, today)
    standing = read_standing(uow, policy, member.id)
    terms = rules.MemberTerms(
        member.status in POSTABLE and member.merged_into_id is None,
        standing.tier.code, standing.tier.name, points,
    )  # fmt: skip
    query = select(Voucher.benefit_id, Voucher.issued_on).where(
        Voucher.member_id == member.id, Voucher.status != rules.VoucherStatus.CANCELLED
    )
    if benefit_id is not None:
        query = query.where(Voucher.benefit_id == benefit_id)
    issued: dict[int, list[date]] = {}
    for voucher_benefit, day in uow.session.execute(query):
        issued.setdefault(voucher_benefit, []).append(day)
    return MemberContext(terms, standing, today, issued)


def points_available(uow: UnitOfWork, member_id: int, today: date) -> int:
    account = uow.session.get(PointsAccount, member_id)
    return 0 if account is None else available_points(uow, account, today)


def judge(
    item: ItemLike, context: MemberContext, cell: rules.Entitlement | None
) -> rules.Availability:
    """May the member have ``item`` now (``cell``: the member tier's matrix cell)?"""
    terms = terms_of(item)
    days = context.issued.get(item.id, [])
    if item.channel == rules.Channel.TIER:
        cell = cell or rules.Entitlement(None)
        standing = context.standing
        window = rules.quota_window(
            cell.period, context.today, standing.period_start, standing.valid_until
        )
        used = _count_in(days, window)
        return rules.availability(terms, context.terms, context.today, used, cell.quantity, window)
    used = _count_in(days, rules.limit_window(terms.limit_period, context.today)) if days else 0
    return rules.availability(terms, context.terms, context.today, used)


def _count_in(days: list[date], window: rules.Window) -> int:
    return sum(
        1 for day in days
        if (window.start is None or day >= window.start)
        and (window.end is None or day <= window.end)
    )  # fmt: skip


def voucher_value(item: ItemLike, cell: rules.Entitlement | None) -> int:
    if item.channel == rules.Channel.TIER and cell is not None and cell.value_fen is not None:
        return cell.value_fen
    return item.face_value_fen


def member_offers(db: Database, actor: Actor, member_id: int) -> MemberOffers:
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        member = load_member(uow, member_id)
        today = programme_today(uow)
        context = member_context(uow, member, today, points_available(uow, member_id, today))
        items: list[Any] = list(
            uow.session.execute(
                select(*OFFER_COLUMNS).where(Benefit.status == rules.ItemStatus.LISTED)
            )
        )
        cells = {
            row.benefit_id: entitlement(row)
            for row in uow.session.scalars(
                select(TierEntitlement).where(TierEntitlement.tier_code == context.terms.tier_code)
            )
        }
        pictures = set(uow.session.scalars(select(BenefitPicture.benefit_id)))
        offers = [_offer(item, context, cells.get(item.id), item.id in pictures) for item in items]
    order = {rules.Channel.TIER: 0, rules.Channel.REDEMPTION: 1, rules.Channel.OTHER: 2}
    offers.sort(key=lambda o: (not o.availability.ok, order[rules.Channel(o.channel)], o.code))
    return MemberOffers(
        member_id, context.terms.tier_code, context.terms.tier_name,
        context.terms.available_points, offers,
    )  # fmt: skip


def _offer(item: ItemLike, context: MemberContext, cell, has_picture: bool) -> Offer:
    return Offer(
        item.id, item.code, item.name, item.description, item.channel, item.category,
        voucher_value(item, cell), cell.discount_permille if cell else None, item.stock,
        item.valid_to, item.voucher_days, has_picture, judge(item, context, cell),
    )  # fmt: skip
