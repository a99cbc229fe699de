"""Finding members by any key the counter has (member number, mobile, last 4 digits, VIN,
plate, ID number, name, pinyin), one keyset page at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select, true, union

from app.db.models import (
    Dealer,
    Member,
    MemberTag,
    MemberTier,
    Vehicle,
)
from app.domain import validation as v
from app.domain.inputs import MAX_SEARCH_TEXT, clean_text
from app.domain.members import EXACT_KINDS, MemberStatus, classify
from app.domain.roles import Actor, Permission, require
from app.services.segmentation.queries import in_latest_cell
from app.services.shared.database import Database
from app.services.shared.scope import programme_today, sees_personal_data
from app.services.shared.uow import UnitOfWork
from app.services.tiers.policy import policy_in_force


@dataclass(frozen=True)
class MemberFilter:
    text: str = ""
    status: str | None = None
    dealer_id: int | None = None
    tag: str | None = None
    joined_from: date | None = None
    joined_to: date | None = None
    tier: str | None = None  # a tier code of the policy in force
    segment_cell: int | None = None  # 1..9 in the latest segmentation run, 0: no data


@dataclass(frozen=True)
class MemberRow:
    id: int
    member_number: str
    name: str
    mobile: str | None
    gender: str | None
    dealer_name: str | None
    status: str
    join_date: date
    masked: bool
    dealer_code: str | None = None


def _condition(kind: str, value: str):
    if kind in ("vin", "vin_last6", "plate"):
        column = {"vin": Vehicle.vin, "vin_last6": Vehicle.vin_last6, "plate": Vehicle.plate}
        return Member.id.in_(select(Vehicle.member_id).where(column[kind] == value))
    # classify() keeps only letters (and CJK) for these, so no LIKE wildcard can slip in. The
    # pattern is one bound string: an ESCAPE clause or "x || '%'" would stop SQLite from using
    # the index for the prefix.
    if kind == "pinyin":
        return or_(Member.name_initials.like(value + "%"), Member.name_pinyin.like(value + "%"))
    if kind == "name":
        return Member.name.like(value + "%")
    return getattr(Member, kind) == value


def _matching(kinds: list[tuple[str, str]]):
    """One indexed condition; several meanings become a UNION of indexed id look-ups,
    because an OR across different tables and indexes makes the planners scan everything."""
    if len(kinds) == 1:
        return _condition(*kinds[0])
    ids = [select(Member.id).where(_condition(kind, value)) for kind, value in kinds]
    return Member.id.in_(union(*ids))


SORTS = {"member_number": (Member.member_number,), "join_date": (Member.join_date, Member.id)}


def search(
    db: Database,
    actor: Actor,
    flt: MemberFilter,
    after: tuple | None = None,
    limit: int = 100,
    sort: str = "member_number",
) -> list[MemberRow]:
    """One page of members, keyset-paged on an indexed sort so deep pages stay fast.

    Dealer staff see their own dealer's members; others only through an exact member
    number, mobile or VIN (a walk-in customer), and then masked.
    """
    require(actor, Permission.VIEW_MEMBERS)
    query = _filtered(
        actor,
        flt,
        select(Member, Dealer.name, Dealer.code).outerjoin(Dealer, Dealer.id == Member.dealer_id),
    )
    if query is None:
        return []
    columns = SORTS[sort]
    if after is not None:
        query = query.where(_after(columns, after))
    query = query.order_by(*columns).limit(limit)
    with db.reader(actor) as uow:
        if flt.tier:
            condition = _tier_condition(uow, flt.tier)
            if condition is None:
                return []
            query = query.where(condition)
        return [_row(actor, m, name, code) for m, name, code in uow.session.execute(query)]


def _filtered(actor: Actor, flt: MemberFilter, query):
    """``query`` narrowed to the members ``flt`` finds that ``actor`` may list (the tier is
    added in the unit of work); None when the text can find nobody."""
    clean_text(flt.text, "text", MAX_SEARCH_TEXT)  # a pasted page is a mistake, not a search
    kinds = classify(flt.text)
    exact = bool(kinds) and all(kind in EXACT_KINDS for kind, _ in kinds)
    if kinds:
        query = query.where(_matching(kinds))
    elif flt.text.strip():
        return None
    if not actor.is_headquarters and not exact:
        query = query.where(Member.dealer_id == actor.dealer_id)
    if flt.status:
        query = query.where(Member.status == flt.status)
    if flt.dealer_id:
        query = query.where(Member.dealer_id == flt.dealer_id)
    if flt.tag:
        query = query.where(
            Member.id.in_(select(MemberTag.member_id).where(MemberTag.tag == flt.tag))
        )
    if flt.joined_from:
        query = query.where(Member.join_date >= flt.joined_from)
    if flt.joined_to:
        query = query.where(Member.join_date <= flt.joined_to)
    if flt.segment_cell is not None:
        query = query.where(in_latest_cell(flt.segment_cell))
    return query


COUNT_CAP = 10_000  # counting stops here: "10,000+" says enough, and stays fast


def count_members(db: Database, actor: Actor, flt: MemberFilter, cap: int = COUNT_CAP) -> int:
    """How many members ``search`` finds with ``flt``, counted up to ``cap`` + 1 (more than
    ``cap``: the caller says "cap+"), so a million members cost at most ``cap`` index rows."""
    require(actor, Permission.VIEW_MEMBERS)
    query = _filtered(actor, flt, select(Member.id))
    if query is None:
        return 0
    with db.reader(actor) as uow:
        if flt.tier:
            condition = _tier_condition(uow, flt.tier)
            if condition is None:
                return 0
            query = query.where(condition)
        capped = query.limit(cap + 1).subquery()
        return int(uow.session.scalar(select(func.count()).select_from(capped)) or 0)


def _tier_condition(uow: UnitOfWork, code: str):
    """Members on the tier ``code`` of the policy in force, through the index on
    member_tiers.tier_code. Members without a row are on the base tier (most members), as
    are rows whose tier the policy no longer has (as ``standing.read_standing`` reads them):
    so the base tier is "not on any higher tier", and the outer query keeps walking the
    sort's index for its keyset page."""
    policy = policy_in_force(uow, programme_today(uow))
    if not policy.has(code):
        return None  # nobody holds a tier the policy does not have
    if code != policy.base.code:
        return Member.id.in_(select(MemberTier.member_id).where(MemberTier.tier_code == code))
    higher = [tier.code for tier in policy.tiers if tier.code != policy.base.code]
    if not higher:  # a policy of one tier: everybody is on it
        return true()
    return Member.id.not_in(select(MemberTier.member_id).where(MemberTier.tier_code.in_(higher)))


def _after(columns, key: tuple):
    if len(columns) == 1:
        return columns[0] > key[0]
    first, second = columns
    return or_(first > key[0], (first == key[0]) & (second > key[1]))


def sort_key(row: MemberRow, sort: str) -> tuple:
    return (row.member_number,) if sort == "member_number" else (row.join_date, row.id)


def _row(actor: Actor, m: Member, dealer_name: str | None, dealer_code: str | None) -> MemberRow:
    full = sees_personal_data(actor, m.dealer_id)
    return MemberRow(
        id=m.id,
        member_number=m.member_number,
        name=m.name if full or m.status == MemberStatus.CLOSED else v.mask_name(m.name),
        mobile=(m.mobile if full else v.mask_mobile(m.mobile)) if m.mobile else None,
        gender=m.gender,
        dealer_name=dealer_name,
        status=m.status,
        join_date=m.join_date,
        masked=not full,
        dealer_code=dealer_code,
    )


def tags_in_use(db: Database, actor: Actor) -> list[str]:
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        return list(
            uow.session.scalars(select(MemberTag.tag).distinct().order_by(MemberTag.tag).limit(500))
        )
