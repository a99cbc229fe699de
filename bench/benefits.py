"""Benefit benchmarks for ``bench/run.py``: what a member may have now (``member_offers``) and
a redemption (``redeem``), each against hand-written SQL doing the same reads or writes.

The benchmark database gets a catalog of 1,000 listed items (900 bought with points, 50
tier entitlements with their matrix cells, 50 others) and two vouchers per member (2,000,000
at a million members) in every status over the last two years, inserted set-based once
(``ensure_catalog``). Redemptions write: they run on the work copy.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, datetime, timedelta
from functools import partial

from sqlalchemy import Date, Integer, bindparam, func, insert, select, text

from app.db.models import Benefit, Member, StaffUser, TierEntitlement, UtcDateTime, Voucher
from app.domain import benefits as rules
from app.domain import tiers as tier_rules
from app.domain.roles import Actor
from app.services import benefits
from app.services.benefits import RedeemInput
from app.services.shared.database import Database, open_database
from app.services.shared.scope import programme_today

ITEMS = 1_000
VOUCHERS_PER_MEMBER = 2  # 2,000,000 at a million members; proportionally fewer with --quick
PREFIX = "BENCH-"
NAMES = ["精致洗车", "四季保养套餐代金券", "品牌定制雨伞", "空调清洗", "轮胎换位", "车载香薰",
         "工时费抵扣券", "电商旗舰店代金券", "品牌保温杯", "玻璃镀膜"]  # fmt: skip
TIERS = [t.code for t in tier_rules.DEFAULT_POLICY.tiers]
QUANTITIES = (1, 2, 4, 12)  # a tier entitlement's cells, lowest tier first


def _percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples) or [0.0]

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return pick(0.50), pick(0.95), pick(0.99)


def _ms(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


# --- the catalog and the vouchers, set-based ----------------------------------------------------


def _item(n: int, now: datetime) -> dict:
    channel = "tier" if n % 20 == 0 else "other" if n % 20 == 1 else "redemption"
    # 10 to 80 points: the demo earns a point per 1,000 yuan, members hold tens of points
    price = 0 if channel != "redemption" else 10 + (n * 37 % 8) * 10
    return {
        "code": f"{PREFIX}{n:04d}", "name": f"{NAMES[n % len(NAMES)]} {n}", "description": "",
        "channel": channel, "source": ("brand", "dealer", "partner", "custom")[n % 4],
        "category": ("vehicle_service", "voucher", "merchandise", "custom")[n % 4],
        "points_price": price, "price_set": True, "face_value_fen": price * 10,
        "unit_cost_fen": price * 5, "stock": None if n % 3 == 0 else 1_000_000,
        "limit_per_member": 2 if n % 4 == 0 and channel != "tier" else None,
        "limit_period": "year" if n % 4 == 0 else "total",
        "eligible_tiers": ",".join(TIERS[1:]) if n % 10 == 5 else "",
        "voucher_days": 90 if channel != "tier" else 365, "all_dealers": True,
        "status": "listed", "created_by": "bench", "created_at": now, "updated_at": now,
        "listed_at": now,
    }  # fmt: skip


def _vouchers_sql(dialect: str) -> str:
    """Two vouchers per member for items picked by member id, issued over the last 700
    days; a twentieth cancelled, 60% used, the rest issued or, past their last day, expired."""
    if dialect == "sqlite":
        issued = "date(:today, '-' || ((m.id * 7 + k.k * 331) % 700) || ' days')"
        expires = f"date({issued}, '+' || (b.voucher_days - 1) || ' days')"
        code = "'BN' || printf('%014d', m.id * 2 + k.k)"
    else:
        issued = "(CAST(:today AS date) - (m.id * 7 + k.k * 331) % 700)"
        expires = f"({issued} + (b.voucher_days - 1))"
        code = "'BN' || lpad(CAST(m.id * 2 + k.k AS text), 14, '0')"
    return f"""
INSERT INTO vouchers (code, request_uid, benefit_id, member_id, channel, tier_code, points,
    face_value_fen, unit_cost_fen, status, issued_on, issued_at, issued_by, issued_dealer_id,
    expires_on, used_on, used_at, used_by, used_dealer_id, closed_at, closed_by)
SELECT code, 'bench:' || code, benefit_id, member_id, channel, tier_code, points,
    face_value_fen, unit_cost_fen, status, issued_on, :now, 'bench', dealer_id, expires_on,
    CASE WHEN status = 'used' THEN issued_on END, CASE WHEN status = 'used' THEN :now END,
    CASE WHEN status = 'used' THEN 'bench' END, CASE WHEN status = 'used' THEN dealer_id END,
    CASE WHEN status IN ('cancelled', 'expired') THEN :now END,
    CASE WHEN status IN ('cancelled', 'expired') THEN 'bench' END
FROM (
    SELECT {code} AS code, b.id AS benefit_id, m.id AS member_id, b.channel,
           CASE WHEN b.channel = 'tier' THEN 'silver' END AS tier_code, b.points_price AS points,
           b.face_value_fen, b.unit_cost_fen, {issued} AS issued_on, m.dealer_id,
           {expires} AS expires_on,
           CASE WHEN (m.id * 2 + k.k) % 20 = 0 THEN 'cancelled'
                WHEN (m.id * 2 + k.k) % 20 <= 12 THEN 'used'
                WHEN {expires} >= :today THEN 'issued' ELSE 'expired' END AS status
    FROM members m
    CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1) AS k
    JOIN benefits b ON b.id = :first + (m.id * 7 + k.k * 389) % :items
) AS s"""


def ensure_catalog(db: Database) -> tuple[int, int]:
    """The bench catalog and its vouchers, once: (items, vouchers)."""
    with db.reader() as uow:
        items = uow.session.scalar(
            select(func.count()).select_from(Benefit).where(Benefit.code.like(f"{PREFIX}%"))
        )
        if items:
            vouchers = uow.session.scalar(select(func.count()).select_from(Voucher))
            return int(items), int(vouchers or 0)
    started = time.perf_counter()
    print(f"adding {ITEMS:,} catalog items and {VOUCHERS_PER_MEMBER} vouchers a member …",
          flush=True)  # fmt: skip
    with db.uow() as uow:
        now, today = uow.now(), programme_today(uow)
        session = uow.session
        session.execute(insert(Benefit), [_item(n, now) for n in range(ITEMS)])
        ids = session.execute(
            select(func.min(Benefit.id), func.max(Benefit.id)).where(
                Benefit.code.like(f"{PREFIX}%")
            )
        ).one()
        if ids[1] - ids[0] + 1 != ITEMS:
            raise SystemExit(f"the bench items did not get consecutive ids: {ids}")
        tier_items = session.scalars(
            select(Benefit.id).where(Benefit.code.like(f"{PREFIX}%"), Benefit.channel == "tier")
        ).all()
        cells = [
            {"benefit_id": b, "tier_code": tier, "quantity": quantity, "period": "validity",
             "updated_by": "bench", "updated_at": now}
            for b in tier_items for tier, quantity in zip(TIERS, QUANTITIES, strict=True)
        ]  # fmt: skip
        session.execute(insert(TierEntitlement), cells)
        statement = text(_vouchers_sql(db.kind)).bindparams(
            bindparam("today", type_=Date()), bindparam("now", type_=UtcDateTime()),
            bindparam("first", type_=Integer()), bindparam("items", type_=Integer()),
        )  # fmt: skip
        session.execute(statement, {"today": today, "now": now, "first": ids[0], "items": ITEMS})
        vouchers = session.scalar(select(func.count()).select_from(Voucher)) or 0
        uow.commit()
    with db.engine.connect() as connection:  # fresh statistics for the planner
        connection.exec_driver_sql("ANALYZE vouchers")
        connection.exec_driver_sql("ANALYZE benefits")
        connection.commit()
    print(f"{vouchers:,} vouchers in {time.perf_counter() - started:.0f} s", flush=True)
    return ITEMS, int(vouchers)


# --- what a member may have now -----------------------------------------------------------------

OFFERS_SQL = [
    "SELECT status, merged_into_id FROM members WHERE id = :m",
    "SELECT tier_code, period_start, valid_until FROM member_tiers WHERE member_id = :m",
    "SELECT held FROM points_accounts WHERE member_id = :m",
    "SELECT coalesce(sum(remaining), 0) FROM point_lots WHERE member_id = :m AND remaining > 0"
    " AND (expires_on IS NULL OR expires_on >= :today)",
    "SELECT * FROM benefits WHERE status = 'listed'",
    "SELECT benefit_id, quantity, period, value_fen, discount_permille FROM tier_entitlements"
    " WHERE tier_code = :tier",
    "SELECT benefit_id, issued_on FROM vouchers WHERE member_id = :m AND status <> 'cancelled'",
    "SELECT benefit_id FROM benefit_pictures",
]


def _offers_by_hand(db: Database, member_id: int, today: date) -> int:
    params = {"m": member_id, "today": today, "tier": "silver"}
    with db.reader() as uow:
        found = 0
        for sql in OFFERS_SQL:
            statement = text(sql)
            if ":today" in sql:
                statement = statement.bindparams(bindparam("today", type_=Date()))
            rows = uow.session.execute(statement, params).all()
            if sql.startswith("SELECT tier_code") and rows:
                params["tier"] = rows[0][0]
            found += len(rows)
    return found


def active_members(db: Database, count: int, seed: int) -> list[int]:
    with db.reader() as uow:
        top = uow.session.scalar(select(func.max(Member.id))) or 0
        ids = random.Random(seed).sample(range(1, top + 1), min(top, count * 2))
        active = uow.session.scalars(
            select(Member.id).where(Member.id.in_(ids), Member.status == "active")
        ).all()
    return list(active)[:count]


def bench_offers(db: Database, admin: Actor, samples: int) -> list[str]:
    members = active_members(db, samples, 17)
    with db.reader() as uow:
        today = programme_today(uow)
    listed = 0
    for member_id in members[:5]:  # warm up both
        listed = len(benefits.member_offers(db, admin, member_id).offers)
        _offers_by_hand(db, member_id, today)
    service = [_ms(lambda m=m: benefits.member_offers(db, admin, m)) for m in members]
    baseline = [_ms(lambda m=m: _offers_by_hand(db, m, today)) for m in members]
    with db.reader() as uow:
        vouchers = uow.session.scalar(select(func.count()).select_from(Voucher)) or 0
    p50, p95, p99 = _percentiles(service)
    base_p95 = _percentiles(baseline)[1]
    return [
        f"| benefits a member may have now: {listed:,} listed items, {vouchers:,} vouchers "
        f"(member_offers) | {p50:.2f} "
        f"| {p95:.2f} | {p99:.2f} | {statistics.median(baseline):.2f} (the same 8 reads; "
        f"p95 {base_p95:.2f}) | < 50 ms |"
    ]


# --- redemption ---------------------------------------------------------------------------------


def _candidates(db: Database, count: int, today: date) -> list[tuple[int, int, int]]:
    """(member, item, price): random active members with the points for a random stocked
    item bought with points, open to every tier and without a limit."""
    rng = random.Random(23)
    with db.reader() as uow:
        session = uow.session
        items = session.execute(
            select(Benefit.id, Benefit.points_price).where(
                Benefit.code.like(f"{PREFIX}%"), Benefit.channel == "redemption",
                Benefit.eligible_tiers == "", Benefit.limit_per_member.is_(None),
                Benefit.stock.is_not(None),
            )
        ).all()  # fmt: skip
        members = active_members(db, count * 20, 29)
        available: dict[int, int] = dict(
            session.execute(
                text(
                    "SELECT l.member_id, sum(l.remaining) - max(a.held) FROM point_lots l"
                    " JOIN points_accounts a ON a.member_id = l.member_id"
                    " WHERE l.member_id IN :ids AND l.remaining > 0"
                    " AND (l.expires_on IS NULL OR l.expires_on >= :today) GROUP BY l.member_id"
                ).bindparams(bindparam("ids", expanding=True), bindparam("today", type_=Date())),
                {"ids": members, "today": today},
            ).all()
        )
    chosen = []
    for member_id in members:
        points = int(available.get(member_id) or 0)
        affordable = [(i, p) for i, p in items if p <= points]
        if affordable:
            benefit_id, price = rng.choice(affordable)
            chosen.append((member_id, benefit_id, price))
        if len(chosen) == count:
            break
    return chosen


def _redeem_by_hand(db: Database, member_id: int, benefit_id: int, price: int, stamp: str,
                    clerk: Actor) -> None:  # fmt: skip
    """The bare writes of a redemption in one transaction: the account locked, the points
    taken from the soonest-expiring lots (entry, allocations, lots, balance), one from
    stock and the voucher."""
    with db.uow() as uow:
        session = uow.session
        now, today = uow.now(), programme_today(uow)
        lock = " FOR UPDATE" if db.kind == "postgresql" else ""
        session.execute(
            text(f"SELECT balance, held FROM points_accounts WHERE member_id = :m{lock}"),
            {"m": member_id},
        ).one()
        lots = session.execute(
            text(
                "SELECT id, remaining FROM point_lots WHERE member_id = :m AND remaining > 0"
                " AND (expires_on IS NULL OR expires_on >= :today)"
                " ORDER BY expires_on, earned_on, id"
            ).bindparams(bindparam("today", type_=Date())),
            {"m": member_id, "today": today},
        ).all()
        taken = session.execute(
            text("UPDATE benefits SET stock = stock - 1 WHERE id = :b AND stock > 0"),
            {"b": benefit_id},
        )
        assert taken.rowcount == 1  # type: ignore[attr-defined]
        entry_id = session.execute(
            text(
                "INSERT INTO ledger_entries (entry_uid, fingerprint, member_id, currency, kind,"
                " source, amount, shortfall, business_date, posted_at, actor, dealer_id)"
                " VALUES (:uid, 'bench', :m, 'points', 'redeem', 'redemption', :amount, 0,"
                " :today, :now, 'bench', :dealer) RETURNING id"
            ).bindparams(bindparam("today", type_=Date()), bindparam("now", type_=UtcDateTime())),
            {"uid": f"bench-redeem:{stamp}", "m": member_id, "amount": -price, "today": today,
             "now": now, "dealer": clerk.dealer_id},
        ).scalar_one()  # fmt: skip
        left = price
        for lot_id, remaining in lots:
            take = min(left, remaining)
            session.execute(
                text("UPDATE point_lots SET remaining = remaining - :t WHERE id = :l"),
                {"t": take, "l": lot_id},
            )
            session.execute(
                text("INSERT INTO lot_allocations (entry_id, lot_id, points) VALUES (:e, :l, :t)"),
                {"e": entry_id, "l": lot_id, "t": take},
            )
            left -= take
            if not left:
                break
        session.execute(
            text("UPDATE points_accounts SET balance = balance - :p WHERE member_id = :m"),
            {"p": price, "m": member_id},
        )
        session.execute(
            insert(Voucher).values(
                code=rules.new_voucher_code(), request_uid=f"bench-redeem:{stamp}",
                benefit_id=benefit_id, member_id=member_id, channel="redemption", points=price,
                face_value_fen=price * 10, unit_cost_fen=price * 5, status="issued",
                issued_on=today, issued_at=now, issued_by="bench",
                issued_dealer_id=clerk.dealer_id, expires_on=today + timedelta(days=89),
                entry_id=entry_id,
            )
        )  # fmt: skip
        uow.commit()


def bench_redemption(url: str, clerk: Actor, count: int) -> list[str]:
    """``count`` redemptions through ``benefits.redeem`` (each its own transaction) against
    the bare writes by hand, for other members, on the work copy."""
    db = open_database(url)
    try:
        with db.reader() as uow:
            today = programme_today(uow)
            user = uow.session.get(StaffUser, clerk.user_id)
            assert user is not None and user.username == clerk.username
        chosen = _candidates(db, count + max(1, count // 5), today)
        by_hand = max(1, len(chosen) // 6)
        if len(chosen) < 2:
            raise SystemExit("no members with the points for a bench item")
        service_part, base_part = chosen[:-by_hand], chosen[-by_hand:]
        stamp = f"{time.time_ns() % 10**8:08d}"
        service = []
        for n, (member_id, benefit_id, _price) in enumerate(service_part):
            data = RedeemInput(member_id, benefit_id, f"bench-{stamp}-{n:06d}")
            service.append(_ms(lambda data=data: benefits.redeem(db, clerk, data)))
        baseline = []
        for n, (member_id, benefit_id, price) in enumerate(base_part):
            write = partial(_redeem_by_hand, db, member_id, benefit_id, price,
                            f"{stamp}-{n:06d}", clerk)  # fmt: skip
            baseline.append(_ms(write))
    finally:
        db.close()
    p50, p95, p99 = _percentiles(service)
    return [
        f"| redeem a benefit, {len(service):,} redemptions one by one (redeem) | {p50:.2f} | "
        f"{p95:.2f} | {p99:.2f} | {statistics.median(baseline):.2f} (stock, entry, lots, "
        f"account, voucher; p95 {_percentiles(baseline)[1]:.2f}) | < 50 ms |"
    ]
