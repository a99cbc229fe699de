"""Report benchmark for ``bench/run.py``: the monthly report's data step for the whole
network against the same aggregations written by hand in SQL (issue 15: within 2×).

Only reads: nothing is added to the benchmark database. The month is the latest month
with postings (the heaviest "this month" a supervisor would print)."""

from __future__ import annotations

import statistics
import time
from datetime import timedelta

from sqlalchemy import func, select, text

from app.db.models import LedgerEntry
from app.domain.partners import month_range
from app.domain.points import add_months
from app.domain.roles import Actor
from app.services.reports.monthly import monthly_report
from app.services.settings.programme import get_settings
from app.services.shared.database import Database

STAGES_SQL = """
SELECT coalesce(t.tier_code, :base) AS tier,
  CASE WHEN m.join_date >= :first THEN NULL
       WHEN coalesce(a.before, m.join_date) >= :b_active THEN 'active'
       WHEN coalesce(a.before, m.join_date) >= :b_silent THEN 'silent'
       WHEN coalesce(a.before, m.join_date) >= :b_sleeping THEN 'sleeping'
       ELSE 'lost' END AS stage_before,
  CASE WHEN coalesce(a.at_end, m.join_date) >= :e_active THEN 'active'
       WHEN coalesce(a.at_end, m.join_date) >= :e_silent THEN 'silent'
       WHEN coalesce(a.at_end, m.join_date) >= :e_sleeping THEN 'sleeping'
       ELSE 'lost' END AS stage_end,
  count(*)
FROM members m
LEFT JOIN (SELECT member_id,
                  max(CASE WHEN day < :first THEN day END) AS before,
                  max(day) AS at_end
           FROM (SELECT member_id, business_date AS day FROM ledger_entries
                 WHERE currency = 'points' AND kind IN ('earn', 'redeem')
                   AND business_date <= :last
                 UNION ALL
                 SELECT member_id, service_date FROM service_orders
                 WHERE refunded_at IS NULL AND service_date <= :last) d
           GROUP BY member_id) a ON a.member_id = m.id
LEFT JOIN member_tiers t ON t.member_id = m.id
WHERE m.merged_into_id IS NULL AND m.join_date <= :last AND m.status <> 'closed'
GROUP BY 1, 2, 3
"""
MEMBERS_SQL = [
    """SELECT count(*), sum(CASE WHEN status = 'closed' THEN 1 ELSE 0 END),
         sum(CASE WHEN join_date BETWEEN :first AND :last THEN 1 ELSE 0 END),
         sum(CASE WHEN activated_on BETWEEN :first AND :last THEN 1 ELSE 0 END)
       FROM members WHERE merged_into_id IS NULL AND join_date <= :last""",
    """SELECT d.code, d.name, count(*) FROM members m LEFT JOIN dealers d ON d.id = m.dealer_id
       WHERE m.merged_into_id IS NULL AND m.join_date <= :last AND m.status <> 'closed'
       GROUP BY d.code, d.name""",
    """SELECT coalesce(province, ''), count(*) FROM members
       WHERE merged_into_id IS NULL AND join_date <= :last AND status <> 'closed'
       GROUP BY coalesce(province, '')""",
]
POINTS_SQL = [
    """SELECT kind, source, sum(amount) FROM ledger_entries
       WHERE currency = 'points' AND business_date BETWEEN :first AND :last
       GROUP BY kind, source""",
    """SELECT sum(CASE WHEN business_date < :first THEN amount ELSE 0 END),
              sum(CASE WHEN business_date <= :last THEN amount ELSE 0 END),
              sum(CASE WHEN business_date > :last THEN amount ELSE 0 END)
       FROM ledger_entries WHERE currency = 'points'""",
    "SELECT sum(balance) FROM points_accounts",
    """SELECT sum(CASE WHEN expires_on < :m2 THEN remaining ELSE 0 END),
              sum(CASE WHEN expires_on >= :m2 AND expires_on < :m3 THEN remaining ELSE 0 END),
              sum(CASE WHEN expires_on >= :m3 THEN remaining ELSE 0 END)
       FROM point_lots WHERE remaining > 0 AND expires_on >= :m1 AND expires_on < :m4""",
    """SELECT count(DISTINCT member_id) FROM ledger_entries WHERE currency = 'points'
       AND kind = 'earn' AND business_date BETWEEN :first AND :last""",
    """SELECT sum(CASE WHEN kind = 'redeem' THEN -amount ELSE 0 END),
              sum(CASE WHEN kind = 'earn' THEN amount ELSE 0 END)
       FROM ledger_entries WHERE currency = 'points' AND business_date <= :last""",
]
ACTIVITY_SQL = [
    """SELECT from_code, to_code, count(*) FROM tier_history
       WHERE effective_on BETWEEN :first AND :last GROUP BY from_code, to_code""",
    """SELECT b.id, b.code, b.name,
         sum(CASE WHEN v.issued_on BETWEEN :first AND :last AND v.status <> 'cancelled'
             THEN 1 ELSE 0 END),
         sum(CASE WHEN v.issued_on BETWEEN :first AND :last AND v.status <> 'cancelled'
             THEN v.points ELSE 0 END),
         sum(CASE WHEN v.used_on BETWEEN :first AND :last THEN 1 ELSE 0 END),
         sum(CASE WHEN v.used_on BETWEEN :first AND :last THEN v.unit_cost_fen ELSE 0 END)
       FROM vouchers v JOIN benefits b ON b.id = v.benefit_id
       WHERE v.issued_on BETWEEN :first AND :last OR v.used_on BETWEEN :first AND :last
       GROUP BY b.id, b.code, b.name""",
    """SELECT coalesce(v.used_dealer_id, v.issued_dealer_id),
         sum(CASE WHEN v.issued_on BETWEEN :first AND :last AND v.status <> 'cancelled'
             THEN 1 ELSE 0 END),
         sum(CASE WHEN v.used_on BETWEEN :first AND :last THEN 1 ELSE 0 END),
         sum(CASE WHEN v.used_on BETWEEN :first AND :last THEN v.unit_cost_fen ELSE 0 END)
       FROM vouchers v
       WHERE v.issued_on BETWEEN :first AND :last OR v.used_on BETWEEN :first AND :last
       GROUP BY coalesce(v.used_dealer_id, v.issued_dealer_id)""",
    """SELECT d.id, coalesce(n.n, 0), coalesce(e.n, 0), coalesce(r.n, 0) FROM dealers d
       LEFT JOIN (SELECT dealer_id, count(*) n FROM members WHERE merged_into_id IS NULL
                  AND join_date BETWEEN :first AND :last GROUP BY dealer_id) n
         ON n.dealer_id = d.id
       LEFT JOIN (SELECT m.dealer_id, sum(l.amount) n FROM ledger_entries l
                  JOIN members m ON m.id = l.member_id WHERE l.currency = 'points'
                  AND l.kind = 'earn' AND l.business_date BETWEEN :first AND :last
                  GROUP BY m.dealer_id) e ON e.dealer_id = d.id
       LEFT JOIN (SELECT m.dealer_id, count(*) n FROM vouchers v
                  JOIN members m ON m.id = v.member_id
                  WHERE v.issued_on BETWEEN :first AND :last AND v.status <> 'cancelled'
                  GROUP BY m.dealer_id) r ON r.dealer_id = d.id""",
    """SELECT source, sum(amount) FROM ledger_entries WHERE currency = 'points'
       AND kind = 'earn' AND business_date BETWEEN :first AND :last GROUP BY source""",
    """SELECT sum(amount_fen) FROM service_orders
       WHERE service_date BETWEEN :first AND :last AND refunded_at IS NULL""",
]


def _latest_month(db: Database) -> str:
    with db.reader() as uow:
        latest = uow.session.scalar(select(func.max(LedgerEntry.business_date)))
    return f"{latest.year:04d}-{latest.month:02d}" if latest else "2026-01"


def _params(db: Database, month: str) -> dict:
    first, last = month_range(month)
    settings = get_settings(db)
    limits = (
        settings.lifecycle_silent_days,
        settings.lifecycle_sleeping_days,
        settings.lifecycle_lost_days,
    )
    before = first - timedelta(days=1)
    params: dict[str, object] = {"first": first, "last": last, "base": "silver"}
    for prefix, as_of in (("b", before), ("e", last)):
        for name, days in zip(("active", "silent", "sleeping"), limits, strict=True):
            params[f"{prefix}_{name}"] = as_of - timedelta(days=days)
    for k in range(1, 5):
        params[f"m{k}"] = add_months(first, k)
    return params


def _by_hand(db: Database, params: dict) -> tuple[int, dict]:
    """The closing balance and the stage counts at the month's end, by hand."""
    with db.reader() as uow:
        run = uow.session.execute
        stages: dict[str, int] = {}
        for _tier, _before, end, n in run(text(STAGES_SQL), params):
            stages[end] = stages.get(end, 0) + int(n)
        results = [run(text(sql), params).all() for sql in MEMBERS_SQL + POINTS_SQL + ACTIVITY_SQL]
    closing = results[len(MEMBERS_SQL) + 1][0][1]
    return int(closing or 0), stages


def _ms(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def bench_monthly(db: Database, admin: Actor, repeat: int = 3) -> list[str]:
    """One table row: the report's data step vs the hand-written aggregations."""
    month = _latest_month(db)
    params = _params(db, month)
    report = monthly_report(db, admin, month)  # warm up both, and check they agree
    closing, stages = _by_hand(db, params)
    mine = {row.code: row.count for row in report.members.stages if row.count}
    if report.points.closing != closing or mine != stages:
        raise SystemExit(
            f"monthly report differs from SQL: closing {report.points.closing} vs {closing}, "
            f"stages {mine} vs {stages}"
        )
    service = [_ms(lambda: monthly_report(db, admin, month)) for _ in range(repeat)]
    baseline = [_ms(lambda: _by_hand(db, params)) for _ in range(repeat)]
    ratio = statistics.median(service) / max(statistics.median(baseline), 0.001)
    failed = f", {len(report.checks)} failed checks" if report.checks else ""
    return [
        f"| monthly report data {month}, network: {report.members.total:,} members, "
        f"{report.points.earned:,} points earned{failed} | {statistics.median(service):.1f} "
        f"| {max(service):.1f} | | {statistics.median(baseline):.1f} (the same aggregations "
        f"by hand; ×{ratio:.2f}) | ≤ 2× SQL at 1M members |"
    ]


if __name__ == "__main__":  # pragma: no cover - a quick look without bench/run.py
    import sys

    from app.domain.roles import Role
    from app.services.shared.database import open_database

    database = open_database(sys.argv[1], upgrade=False)  # never change a shared database
    print("\n".join(bench_monthly(database, Actor(1, "admin", "bench", Role.ADMIN))))
