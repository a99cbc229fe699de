"""The demo's benefit catalog: fifteen items across channels, sources and categories (most
listed, one draft, one delisted), the seeded tier benefit matrix filled in for the four
tiers, and vouchers in every status so the orders list and a member's benefits tab have
something to show.

Items and cells are inserted directly (the demo is a snapshot; nothing here is audited, as
nothing else the demo writes is). Vouchers bought with points are redeemed the way the
counter does it (a hold posted by the ledger engine, so ``ledger.verify`` agrees), today;
vouchers in the past (used, expired, cancelled, and a few past their last day that the next
expiry run will find) are tier entitlements and free benefits, which cost no points.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select, text, update
from stdnum import luhn

from app.db.models import (
    Benefit,
    Dealer,
    Member,
    MemberTier,
    PointsAccount,
    TierEntitlement,
    Voucher,
)
from app.domain import benefits as rules
from app.services.points import ledger
from app.services.settings.programme import read_settings
from app.services.shared.database import Database

# code, name, channel, source, category, face value (yuan), points price, stock, limit and
# period, eligible tiers, voucher days, status. The prices suit the demo's earning rule (a
# point per 1,000 yuan of service): members have tens of points, not thousands.
ITEMS: list[tuple] = [
    ("R-WASH", "精致洗车", "redemption", "dealer", "vehicle_service", 80, 30, 500, (2, "month"),
     "", 30, "listed"),
    ("R-MAINT200", "四季保养套餐代金券 ¥200", "redemption", "brand", "voucher", 200, 60, 1_000,
     (None, "total"), "", 180, "listed"),
    ("R-UMBRELLA", "品牌定制雨伞", "redemption", "custom", "merchandise", 68, 25, 300,
     (1, "year"), "", 90, "listed"),
    ("R-AC", "空调清洗消毒", "redemption", "dealer", "vehicle_service", 128, 40, 400,
     (None, "total"), "", 60, "listed"),
    ("R-TYRE", "轮胎换位动平衡", "redemption", "dealer", "vehicle_service", 100, 35, None,
     (None, "total"), "", 90, "listed"),
    ("R-MUG", "品牌保温杯", "redemption", "custom", "merchandise", 99, 30, 200, (2, "year"),
     "", 90, "listed"),
    ("R-MODEL", "1:18 星途车模", "redemption", "custom", "merchandise", 399, 80, 50,
     (1, "total"), "gold,platinum,diamond", 90, "listed"),
    ("R-COFFEE", "瑞幸咖啡券", "redemption", "partner", "voucher", 20, 10, None, (5, "month"),
     "", 30, "listed"),
    ("R-MOVIE", "万达电影票", "redemption", "partner", "voucher", 45, 15, 1_000, (4, "month"),
     "", 60, "listed"),
    ("R-ESHOP50", "电商旗舰店代金券 ¥50", "redemption", "brand", "voucher", 50, 20, None,
     (None, "total"), "", 90, "listed"),
    ("R-COATING", "玻璃镀膜", "redemption", "dealer", "vehicle_service", 500, 80, 100,
     (1, "year"), "platinum,diamond", 180, "listed"),
    ("O-BIRTHDAY", "生日礼遇：精致洗车", "other", "dealer", "vehicle_service", 80, 0, None,
     (1, "year"), "", 30, "listed"),
    ("O-SPRING", "春季免费检测", "other", "brand", "vehicle_service", 0, 0, None, (1, "total"),
     "", 30, "listed"),
    ("R-CHARGER", "家用充电桩安装优惠", "redemption", "partner", "voucher", 300, 60, 100,
     (1, "total"), "", 90, "draft"),
    ("R-PERFUME", "车载香薰", "redemption", "custom", "merchandise", 39, 15, 0, (None, "total"),
     "", 90, "delisted"),
]  # fmt: skip

# The seeded matrix (migration 0011): per benefit, (quantity, value in yuan or discount ‰)
# for 银卡, 金卡, 白金卡, 钻石卡, and the period. 999: as good as unlimited (不限).
MATRIX: dict[str, tuple[list[tuple[int, int | None]], str, str]] = {
    "T-DEALER-VOUCHER": ([(1, 50), (2, 100), (4, 200), (6, 300)], "value", "validity"),
    "T-LABOUR": ([(1, 100), (2, 100), (3, 150), (4, 200)], "value", "validity"),
    "T-INSURANCE": ([(1, 980), (1, 950), (1, 920), (1, 900)], "discount", "year"),
    "T-ESHOP": ([(1, 30), (2, 50), (4, 50), (8, 100)], "value", "validity"),
    "T-ROUTINE": ([(2, None), (4, None), (6, None), (12, None)], "value", "validity"),
    "T-SEASONAL": ([(2, None), (4, None), (4, None), (4, None)], "value", "year"),
    "T-RESCUE": ([(1, None), (2, None), (4, None), (999, None)], "value", "validity"),
    "T-PICKUP": ([(0, None), (1, None), (2, None), (6, None)], "value", "validity"),
}  # fmt: skip
TIERS = ("silver", "gold", "platinum", "diamond")

REDEEMERS = 12  # members who redeem with points today
PAST_VOUCHERS = 36  # free vouchers over the last year and a bit


def add_benefits(db: Database, today: date, rng: random.Random) -> int:
    """Add the catalog, the matrix and the vouchers; returns the ledger entries posted."""
    with db.uow() as uow:
        now = uow.now()
        ids = _insert_items(uow, now)
        _fill_matrix(uow, now)
        uow.commit()
    with db.uow() as uow:
        _advance_entry_ids(uow)
        members = _members(uow)
        if not members:
            return 0
        tier_items = dict(
            uow.session.execute(
                select(Benefit.code, Benefit.id).where(Benefit.channel == rules.Channel.TIER)
            ).all()
        )
        _past_vouchers(uow, rng, members, ids, tier_items, today)
        entries = _redemptions(uow, rng, members, ids, today)
        uow.commit()
    return entries


def _insert_items(uow, now: datetime) -> dict[str, int]:
    ids = {}
    for (
        code,
        name,
        channel,
        source,
        category,
        yuan,
        price,
        stock,
        limit,
        tiers,
        days,
        status,
    ) in ITEMS:
        item = Benefit(
            code=code, name=name, description=f"{name}（演示）", channel=channel,
            source=source, category=category, points_price=price, price_set=True,
            face_value_fen=yuan * 100, unit_cost_fen=yuan * 60, stock=stock,
            limit_per_member=limit[0], limit_period=limit[1], eligible_tiers=tiers,
            voucher_days=days, all_dealers=True, status=status, created_by="demo",
            created_at=now, updated_at=now, listed_at=None if status == "draft" else now,
        )  # fmt: skip
        uow.session.add(item)
        uow.session.flush()
        ids[code] = item.id
    return ids


def _fill_matrix(uow, now: datetime) -> None:
    items = dict(uow.session.execute(select(Benefit.code, Benefit.id)).all())
    for code, (cells, kind, period) in MATRIX.items():
        if code not in items:  # a database whose seed was changed: leave it
            continue
        for tier, (quantity, amount) in zip(TIERS, cells, strict=True):
            value = amount * 100 if kind == "value" and amount is not None else None
            discount = amount if kind == "discount" else None
            uow.session.execute(
                update(TierEntitlement)
                .where(TierEntitlement.benefit_id == items[code], TierEntitlement.tier_code == tier)
                .values(quantity=quantity, period=period, value_fen=value,
                        discount_permille=discount, updated_by="demo", updated_at=now)
            )  # fmt: skip


def _advance_entry_ids(uow) -> None:
    """The demo inserted ledger entries with explicit ids: PostgreSQL's sequence must move
    past them before the engine posts."""
    if uow.session.get_bind().dialect.name == "postgresql":
        uow.session.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('ledger_entries', 'id'), max(id))"
                " FROM ledger_entries HAVING max(id) IS NOT NULL"
            )
        )


def _members(uow) -> list[tuple[int, int, str, str]]:
    """(member id, dealer id, the dealer's clerk, tier code) of active members with the
    most points first, a few dozen."""
    rows = uow.session.execute(
        select(Member.id, Member.dealer_id, Dealer.code, MemberTier.tier_code)
        .join(PointsAccount, PointsAccount.member_id == Member.id)
        .join(Dealer, Dealer.id == Member.dealer_id)
        .outerjoin(MemberTier, MemberTier.member_id == Member.id)
        .where(Member.status == "active", Member.merged_into_id.is_(None))
        .order_by(PointsAccount.balance.desc(), Member.id)
        .limit(REDEEMERS + PAST_VOUCHERS)
    ).all()
    return [(m, d, f"clerk.{code.lower()}", tier or TIERS[0]) for m, d, code, tier in rows]


def _code(rng: random.Random) -> str:
    body = "".join(rng.choice(rules.CODE_ALPHABET) for _ in range(rules.CODE_RANDOM_CHARS))
    return body + luhn.calc_check_digit(body, alphabet=rules.CODE_ALPHABET)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), UTC)  # 02:00 UTC is 10:00 in China


def _voucher(uow, rng, member, item: Benefit, issued_on: date, status: str, points: int,
             value_fen: int, tier_code: str | None, today: date) -> Voucher:  # fmt: skip
    member_id, dealer_id, clerk, _tier = member
    expires_on = rules.voucher_expires_on(issued_on, item.voucher_days)
    code = _code(rng)
    voucher = Voucher(
        code=code, request_uid=f"demo-voucher:{code}",
        benefit_id=item.id, member_id=member_id, channel=item.channel, tier_code=tier_code,
        points=points, face_value_fen=value_fen, unit_cost_fen=item.unit_cost_fen,
        status=status, issued_on=issued_on, issued_at=_at(issued_on, 2), issued_by=clerk,
        issued_dealer_id=dealer_id, expires_on=expires_on,
    )  # fmt: skip
    if status == rules.VoucherStatus.USED:
        used_on = min(issued_on + timedelta(days=rng.randrange(0, 8)), expires_on, today)
        voucher.used_on, voucher.used_at, voucher.used_by = used_on, _at(used_on, 3), clerk
        voucher.used_dealer_id = dealer_id
    elif status in (rules.VoucherStatus.EXPIRED, rules.VoucherStatus.CANCELLED):
        closed_on = expires_on + timedelta(days=1) if status == "expired" else issued_on
        voucher.closed_at, voucher.closed_by = _at(closed_on, 4), clerk
        if status == rules.VoucherStatus.CANCELLED:
            voucher.close_note = rng.choice(["客户取消预约", "车辆已出售", "重复兑换，取消"])
        else:
            voucher.closed_by = "demo"
    uow.session.add(voucher)
    if status != rules.VoucherStatus.CANCELLED and item.stock is not None:
        item.stock -= 1
    return voucher


def _past_vouchers(uow, rng, members, ids, tier_items, today: date) -> None:
    """Free vouchers of the past: tier entitlements and free benefits in every status
    (the expiry run has a few left to find)."""
    session = uow.session
    cells = {
        (b, t): (q, v)
        for b, t, q, v in session.execute(
            select(TierEntitlement.benefit_id, TierEntitlement.tier_code,
                   TierEntitlement.quantity, TierEntitlement.value_fen)
        )
    }  # fmt: skip
    free = [session.get(Benefit, ids["O-BIRTHDAY"]), session.get(Benefit, ids["O-SPRING"])]
    entitlements = [session.get(Benefit, tier_items[c]) for c in ("T-RESCUE", "T-ROUTINE",
                    "T-SEASONAL", "T-DEALER-VOUCHER", "T-PICKUP") if c in tier_items]  # fmt: skip
    statuses = ["used"] * 5 + ["expired"] * 2 + ["cancelled", "issued"]
    for n, member in enumerate(members[REDEEMERS:] or members):
        tier = member[3]
        offered = [
            i for i in entitlements if (cells.get((i.id, tier)) or (0, None))[0] or 0
        ] + free  # fmt: skip
        item = offered[n % len(offered)]
        status = "issued" if n < 3 else statuses[n % len(statuses)]
        if status == "issued":  # still open: past its last day for the first three
            days_ago = item.voucher_days + 5 if n < 3 else rng.randrange(0, item.voucher_days)
        elif status == "expired":
            days_ago = item.voucher_days + rng.randrange(1, 60)
        else:
            days_ago = rng.randrange(1, 400)
        issued_on = today - timedelta(days=days_ago)
        is_tier = item.channel == rules.Channel.TIER
        value = (cells.get((item.id, tier)) or (None, None))[1] if is_tier else None
        _voucher(uow, rng, member, item, issued_on, status, 0,
                 value if value is not None else item.face_value_fen,
                 tier if is_tier else None, today)  # fmt: skip


def _redemptions(uow, rng, members, ids, today: date) -> int:
    """Members redeeming with points today at their dealer's counter, as ``redeem`` does:
    a hold posted by the ledger engine, one from stock, the voucher; some used already."""
    settings = read_settings(uow)
    session = uow.session
    codes = ["R-WASH", "R-MAINT200", "R-UMBRELLA", "R-AC", "R-TYRE", "R-MUG", "R-COFFEE",
             "R-MOVIE", "R-ESHOP50"]  # fmt: skip
    entries = 0
    for n, member in enumerate(members[:REDEEMERS]):
        member_id, dealer_id, clerk, _tier = member
        account = ledger.lock_account(uow, member_id)
        points = ledger.available_points(uow, account, today)
        affordable = [
            item for item in (session.get(Benefit, ids[c]) for c in codes)
            if item is not None and 0 < item.points_price <= points
        ]  # fmt: skip
        if not affordable:
            continue
        item = rng.choice(affordable)
        uid = f"demo-redeem:{member_id}"
        ledger.place_hold(
            uow, uid, member_id, item.points_price, "benefit", item.code, clerk,
            timedelta(minutes=settings.hold_timeout_minutes), today, dealer_id=dealer_id,
        )  # fmt: skip
        hold = ledger.settle_hold(uow, settings, uid, True, clerk, today, source="redemption")
        entries += 1
        status = "used" if n % 3 == 0 else "issued"
        voucher = _voucher(uow, rng, member, item, today, status, item.points_price,
                           item.face_value_fen, None, today)  # fmt: skip
        voucher.entry_id = hold.entry_id
        voucher.issued_at = uow.now()
        if status == "used":
            voucher.used_on, voucher.used_at = today, uow.now()
    session.flush()
    return entries
