"""Partner benchmark for ``bench/run.py``: the monthly settlement of every partner against
one hand-written SQL query doing the same aggregation.

The benchmark database gets 20 active partners (once, ``ensure_partners``); every tenth bench
catalog item becomes a partner benefit, so a tenth of the bench vouchers (200,000 at a
million members) settle.
"""

from __future__ import annotations

import statistics
import time
from datetime import date

from sqlalchemy import String, func, insert, select, text, update
from stdnum.cn import uscc

from app.db.models import Benefit, Partner, Voucher
from app.domain.partners import month_range
from app.domain.roles import Actor
from app.services.partners import settlement as partner_settlement
from app.services.shared.database import Database
from bench.benefits import PREFIX

PARTNERS = 20
CODE = "BENCH-P"

# The same two grouped reads the service makes (issued in the month, used in the month).
SETTLEMENT_SQL = """
SELECT b.partner_id, b.id, v.unit_cost_fen, count(*), 0
FROM benefits b JOIN vouchers v ON v.benefit_id = b.id
WHERE b.partner_id IS NOT NULL AND v.issued_on BETWEEN :first AND :last
  AND v.status <> 'cancelled'
GROUP BY b.partner_id, b.id, v.unit_cost_fen
UNION ALL
SELECT b.partner_id, b.id, v.unit_cost_fen, 0, count(*)
FROM benefits b JOIN vouchers v ON v.benefit_id = b.id
WHERE b.partner_id IS NOT NULL AND v.used_on BETWEEN :first AND :last
GROUP BY b.partner_id, b.id, v.unit_cost_fen
"""


def _credit_code(n: int) -> str:
    body = f"91310000{n:09d}"
    return body + uscc.calc_check_digit(body)


def ensure_partners(db: Database) -> int:
    """20 active partners, each supplying every tenth bench item in turn (once)."""
    with db.reader() as uow:
        if uow.session.scalar(select(func.count()).select_from(Partner).where(
                Partner.code.like(f"{CODE}%"))):  # fmt: skip
            return PARTNERS
    with db.uow() as uow:
        now = uow.now()
        uow.session.execute(insert(Partner), [
            {"code": f"{CODE}{n:02d}", "name": f"基准合作伙伴{n:02d}",
             "credit_code": _credit_code(n), "legal_person": True,
             "legal_representative": "张三", "registered_capital_fen": 900_000_000,
             "founded_on": date(2010, 1, 1), "industry": "retail", "status": "active",
             "status_since": now.date(), "created_by": "bench", "created_at": now,
             "updated_at": now}
            for n in range(PARTNERS)
        ])  # fmt: skip
        partner_ids = list(uow.session.scalars(
            select(Partner.id).where(Partner.code.like(f"{CODE}%")).order_by(Partner.id)
        ))  # fmt: skip
        items = list(uow.session.scalars(
            select(Benefit.id).where(Benefit.code.like(f"{PREFIX}%"),
                                     Benefit.channel == "redemption").order_by(Benefit.id)
        ))  # fmt: skip
        for n, item in enumerate(items[::10]):
            uow.session.execute(update(Benefit).where(Benefit.id == item).values(
                source="partner", partner_id=partner_ids[n % PARTNERS]))  # fmt: skip
        uow.commit()
    return PARTNERS


def _busiest_month(db: Database) -> str:
    """The month with the most redemptions of partner benefits: the heaviest statement."""
    month = func.substr(func.cast(Voucher.issued_on, String), 1, 7)
    with db.reader() as uow:
        busiest = uow.session.execute(
            select(month, func.count())
            .join(Benefit, Benefit.id == Voucher.benefit_id)
            .where(Benefit.partner_id.is_not(None))
            .group_by(month)
            .order_by(func.count().desc())
            .limit(1)
        ).first()
    return busiest[0] if busiest else "2026-01"


def _by_hand(db: Database, month: str) -> int:
    first, last = month_range(month)
    with db.reader() as uow:
        rows = uow.session.execute(text(SETTLEMENT_SQL), {"first": first, "last": last}).all()
    return sum(int(r[2]) * int(r[3]) for r in rows)


def _ms(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def bench_settlement(db: Database, admin: Actor, repeat: int = 5) -> list[str]:
    ensure_partners(db)
    month = _busiest_month(db)
    result = partner_settlement.settlement(db, admin, month)  # warm up both
    expected = _by_hand(db, month)
    if result.amount_fen != expected:
        raise SystemExit(f"settlement {result.amount_fen} differs from SQL {expected}")
    service = [_ms(lambda: partner_settlement.settlement(db, admin, month)) for _ in range(repeat)]
    baseline = [_ms(lambda: _by_hand(db, month)) for _ in range(repeat)]
    lines = sum(len(p.lines) for p in result.partners)
    redemptions = sum(p.redemptions for p in result.partners)
    return [
        f"| partner settlement {month}: {len(result.partners)} partners, {lines} lines, "
        f"{redemptions:,} redemptions | {statistics.median(service):.1f} | {max(service):.1f} "
        f"| | {statistics.median(baseline):.1f} (the two grouped reads by hand) "
        f"| ≤ 2× SQL at 1M members |"
    ]
