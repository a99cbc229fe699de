"""The benefit catalog's rules (issue 13): what an item is, when a member may have it now and
why not, voucher codes, and the periods limits and tier quotas count in.

Glossary: redemption (兑换) buys a catalog item with points and issues a voucher; offset
(抵扣, ``app.services.points.counter.use_points``) takes points off a repair order at the
counter. Write-off (核销) is the use of a voucher at a dealer.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from stdnum import luhn

from app.domain.points import add_months
from app.domain.text import QT_TRANSLATE_NOOP


class Channel(StrEnum):
    """How a member gets the item."""

    REDEMPTION = "redemption"  # 积分兑换权益: bought with points
    TIER = "tier"  # 等级权益: a tier's entitlement, counted against its quota
    OTHER = "other"  # 其他权益: campaigns and goodwill, at the item's points price (often 0)


class Source(StrEnum):
    """Who supplies it."""

    BRAND = "brand"  # 品牌自身权益
    DEALER = "dealer"  # 经销商内部权益
    PARTNER = "partner"  # 异业合作权益
    CUSTOM = "custom"  # 品牌定制礼品


class Category(StrEnum):
    VEHICLE_SERVICE = "vehicle_service"  # 四季监测, 道路救援, 上门取送车…
    VOUCHER = "voucher"  # 经销商消费代金券, 工时费抵扣, 保费折扣, 电商旗舰店代金券…
    MERCHANDISE = "merchandise"  # brand merchandise
    CUSTOM = "custom"


class ItemStatus(StrEnum):
    """Draft → (submitted: a listing request waits in Approvals) → listed → delisted."""

    DRAFT = "draft"
    LISTED = "listed"
    DELISTED = "delisted"


class VoucherStatus(StrEnum):
    ISSUED = "issued"  # redeemed, not used yet
    USED = "used"  # written off at a dealer
    CANCELLED = "cancelled"  # points and stock returned
    EXPIRED = "expired"  # not used in time (points are not returned)


class LimitPeriod(StrEnum):
    """The period a per-member limit counts in (calendar, in the programme's time zone)."""

    TOTAL = "total"
    MONTH = "month"
    YEAR = "year"


class QuotaPeriod(StrEnum):
    """The period a tier entitlement's quantity counts in."""

    VALIDITY = "validity"  # the member's tier validity period (the seed's reading)
    YEAR = "year"  # the calendar year


MAX_CODE_LENGTH = 20
MAX_NAME = 100
MAX_DESCRIPTION = 2000
MAX_STOCK = 10_000_000
MAX_LIMIT = 1000
MAX_VOUCHER_DAYS = 3650
MAX_PICTURE_BYTES = 1_000_000
DEFAULT_VOUCHER_DAYS = 90


def default_points_price(face_value_fen: int, points_per_yuan: int) -> int:
    """The points an item costs when no price is set: its yuan value at the points value
    (10 points = 1 yuan by default), rounded up to a whole point."""
    return -(-face_value_fen * points_per_yuan // 100)


# --- voucher codes ------------------------------------------------------------------------------

# Crockford's base 32: no I, L, O or U, so a code read aloud or typed is not misread; the
# check character (Luhn mod 32) catches any one mistyped character and most swaps of two.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_RANDOM_CHARS = 15  # 75 bits: guessing a valid code is hopeless
CODE_LENGTH = CODE_RANDOM_CHARS + 1
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1", "-": None, " ": None})


def new_voucher_code() -> str:
    body = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_RANDOM_CHARS))
    return body + luhn.calc_check_digit(body, alphabet=CODE_ALPHABET)


def normalize_code(text: str) -> str:
    """What the clerk typed or scanned, as stored: upper case, no spaces or dashes, and the
    letters Crockford reads as digits (O → 0, I and L → 1)."""
    return text.strip().upper().translate(_READ_AS)


def is_valid_code(code: str) -> bool:
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        return False
    return luhn.is_valid(code, alphabet=CODE_ALPHABET)


def format_code(code: str) -> str:
    """Groups of four for reading: ``7KQ2-M9XD-3HPT-W8RF``."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def voucher_expires_on(issued_on: date, validity_days: int) -> date:
    """The last day the voucher may be used."""
    return issued_on + timedelta(days=validity_days - 1)


# --- periods ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """Days ``start..end`` inclusive; None: open on that side."""

    start: date | None
    end: date | None


def limit_window(period: LimitPeriod, today: date) -> Window:
    if period == LimitPeriod.MONTH:
        start = today.replace(day=1)
        return Window(start, add_months(start, 1) - timedelta(days=1))
    if period == LimitPeriod.YEAR:
        return Window(date(today.year, 1, 1), date(today.year, 12, 31))
    return Window(None, None)


def quota_window(
    period: QuotaPeriod, today: date, tier_start: date | None, tier_until: date | None
) -> Window:
    """A tier entitlement's counting period. The validity period runs from the day the tier
    started; the base tier (held for life, no validity) counts per calendar year."""
    if period == QuotaPeriod.VALIDITY and tier_until is not None:
        return Window(tier_start, tier_until)
    return limit_window(LimitPeriod.YEAR, today)


# --- may the member have it now? ----------------------------------------------------------------


class Refusal(StrEnum):
    """Why a member may not have an item now, in the order they are checked."""

    MEMBER_INACTIVE = "member_inactive"
    NOT_LISTED = "not_listed"
    NOT_YET = "not_yet"
    ENDED = "ended"
    TIER = "tier"
    NOT_SET = "not_set"  # a tier entitlement whose quantity headquarters has not set
    QUOTA_USED = "quota_used"
    LIMIT_REACHED = "limit_reached"
    OUT_OF_STOCK = "out_of_stock"
    NOT_ENOUGH_POINTS = "not_enough_points"


REFUSAL_TEXT = {
    Refusal.MEMBER_INACTIVE: QT_TRANSLATE_NOOP("Errors", "The member is not active."),
    Refusal.NOT_LISTED: QT_TRANSLATE_NOOP("Errors", "Not listed."),
    Refusal.NOT_YET: QT_TRANSLATE_NOOP("Errors", "Available from {day}."),
    Refusal.ENDED: QT_TRANSLATE_NOOP("Errors", "Ended on {day}."),
    Refusal.TIER: QT_TRANSLATE_NOOP("Errors", "Not for the member's tier ({tier})."),
    Refusal.NOT_SET: QT_TRANSLATE_NOOP(
        "Errors", "Headquarters has not set the quantity for the member's tier ({tier})."
    ),
    Refusal.QUOTA_USED: QT_TRANSLATE_NOOP(
        "Errors", "Used {used} of {allowed} in this period (until {day})."
    ),
    Refusal.LIMIT_REACHED: QT_TRANSLATE_NOOP(
        "Errors", "Limit reached: {used} of {allowed} in this period."
    ),
    Refusal.OUT_OF_STOCK: QT_TRANSLATE_NOOP("Errors", "Out of stock."),
    Refusal.NOT_ENOUGH_POINTS: QT_TRANSLATE_NOOP(
        "Errors", "Needs {price} points; the member has {available}."
    ),
}


@dataclass(frozen=True)
class ItemTerms:
    """What decides who may have an item."""

    channel: Channel
    status: ItemStatus
    points_price: int
    stock: int | None  # None: unlimited
    eligible_tiers: frozenset[str]  # empty: every tier
    valid_from: date | None
    valid_to: date | None
    limit_per_member: int | None  # redemption and other channels; None: no limit
    limit_period: LimitPeriod


@dataclass(frozen=True)
class MemberTerms:
    active: bool
    tier_code: str
    tier_name: str
    available_points: int


@dataclass(frozen=True)
class Availability:
    refusal: Refusal | None
    params: dict  # for the refusal's text
    price: int  # points the member would pay now
    allowed: int | None = None  # the quota or limit in the period, if any
    used: int = 0  # of it

    @property
    def ok(self) -> bool:
        return self.refusal is None


def availability(
    item: ItemTerms,
    member: MemberTerms,
    today: date,
    used: int,
    quota: int | None = None,
    window: Window | None = None,
) -> Availability:
    """May the member have one of ``item`` now? ``used``: how many they had in the period
    that counts (the limit's, or for a tier entitlement the quota's ``window``); ``quota``:
    the tier's quantity for a tier entitlement (None: not set)."""
    price = 0 if item.channel == Channel.TIER else item.points_price
    allowed = quota if item.channel == Channel.TIER else item.limit_per_member

    def no(refusal: Refusal, **params) -> Availability:
        return Availability(refusal, params, price, allowed, used)

    if not member.active:
        return no(Refusal.MEMBER_INACTIVE)
    if item.status != ItemStatus.LISTED:
        return no(Refusal.NOT_LISTED)
    if item.valid_from is not None and today < item.valid_from:
        return no(Refusal.NOT_YET, day=item.valid_from)
    if item.valid_to is not None and today > item.valid_to:
        return no(Refusal.ENDED, day=item.valid_to)
    if item.eligible_tiers and member.tier_code not in item.eligible_tiers:
        return no(Refusal.TIER, tier=member.tier_name)
    if item.channel == Channel.TIER:
        if quota is None:
            return no(Refusal.NOT_SET, tier=member.tier_name)
        if used >= quota:
            until = window.end if window is not None else None
            return no(Refusal.QUOTA_USED, used=used, allowed=quota, day=until)
    elif item.limit_per_member is not None and used >= item.limit_per_member:
        return no(Refusal.LIMIT_REACHED, used=used, allowed=item.limit_per_member)
    if item.stock is not None and item.stock <= 0:
        return no(Refusal.OUT_OF_STOCK)
    if price > member.available_points:
        return no(Refusal.NOT_ENOUGH_POINTS, price=price, available=member.available_points)
    return Availability(None, {}, price, allowed, used)


# --- the tier benefit matrix --------------------------------------------------------------------


@dataclass(frozen=True)
class Entitlement:
    """One cell of the matrix: what a tier gets of a benefit. ``quantity`` None: not set yet
    (the seed gives the benefits but no quantities; headquarters fills them in)."""

    quantity: int | None
    period: QuotaPeriod = QuotaPeriod.VALIDITY
    value_fen: int | None = None  # the voucher's value for this tier, if not the item's
    discount_permille: int | None = None  # e.g. 保费折扣: 900 = 10% off

    @property
    def is_set(self) -> bool:
        return self.quantity is not None
