"""Tier benchmarks for ``bench/run.py``: the review run (preview and commit) against the same
outcome in hand-written, set-based SQL, and service earnings that make an upgrade due.

The demo gives tiers whose validity ends from three months before the day it gave them to a
year after (``app.services.demo.demo_tiers``). The review runs as of half a year after that
day (the database opened with a clock on it), when about 60% of them are due.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime

from sqlalchemy import BindParameter, Date, bindparam, func, select, text

from app.db.models import (
    ApprovalRequest,
    LedgerEntry,
    Member,
    MemberTier,
    PointsAccount,
    UtcDateTime,
)
from app.domain import tiers as rules
from app.domain.roles import Actor
from app.services import points
from app.services.demo import demo_tiers
from app.services.shared.database import Database, open_database
from app.services.shared.scope import programme_today
from app.services.tiers import commit_review, preview_review
from app.services.tiers.requests import UPGRADE

POLICY = rules.DEFAULT_POLICY  # the benchmark database has no saved policy
REVIEW_AFTER_DAYS = 183


def last_business_day(db: Database) -> date:
    with db.reader() as uow:
        day = uow.session.scalar(select(func.max(LedgerEntry.business_date)))
        return day or programme_today(uow)


def tiers_given_on(db: Database) -> date:
    """The day the demo gave the tiers (the day after the latest upgrade it made)."""
    with db.reader() as uow:
        latest = uow.session.scalar(select(func.max(MemberTier.upgraded_on)))
    if latest is None:
        raise SystemExit("the benchmark database has no tiers")
    return latest + timedelta(days=1)


def ensure_tiers(db: Database) -> int:
    """Tiers for a benchmark database built before the demo gave any (set-based, once)."""
    with db.reader() as uow:
        held = uow.session.scalar(select(func.count()).select_from(MemberTier)) or 0
    if held:
        return int(held)
    started = time.perf_counter()
    print("giving the members their tiers …", flush=True)
    held = demo_tiers.assign_tiers(db, last_business_day(db))
    print(f"{held:,} tiers in {time.perf_counter() - started:.0f} s", flush=True)
    return held


# --- the review as hand-written SQL -------------------------------------------------------------


def _rank_of(column: str) -> str:
    """A tier code column as its rank (an unknown code counts as the base, as the service)."""
    cases = " ".join(f"WHEN '{t.code}' THEN {t.rank}" for t in POLICY.tiers)
    return f"CASE {column} {cases} ELSE {POLICY.base.rank} END"


def _rank_met(points: str, threshold: Callable[[rules.Tier], int]) -> str:
    """The highest rank whose threshold ``points`` meet."""
    cases = " ".join(
        f"WHEN {points} >= {threshold(t)} THEN {t.rank}" for t in reversed(POLICY.tiers[1:])
    )
    return f"CASE {cases} ELSE {POLICY.base.rank} END"


def _code_of(rank: str) -> str:
    cases = " ".join(f"WHEN {t.rank} THEN '{t.code}'" for t in POLICY.tiers)
    return f"CASE {rank} {cases} END"


def decided_sql(dialect: str) -> str:
    """One row per due member with the review's outcome, new tier and validity, as the
    default policy decides it (no grace period, no step limit; a floor held past the end of
    validity keeps the tier)."""
    if dialect == "sqlite":
        effective = "date(valid_until, '+1 day')"
        until = "date(valid_until, '+1 day', '+12 months', '-1 day')"
    else:
        effective = "(valid_until + 1)"
        year = f"({effective} + interval '12 months')"
        until = (
            f"CASE WHEN extract(day FROM {year}) < extract(day FROM {effective}) "
            f"THEN CAST({year} AS date) ELSE CAST({year} - interval '1 day' AS date) END"
        )
    return f"""
WITH due AS (
    SELECT t.member_id, t.tier_code, t.valid_until, t.floor_code, t.floor_until,
           coalesce(sum(e.amount), 0) AS points
    FROM member_tiers t
    JOIN members m ON m.id = t.member_id
    LEFT JOIN ledger_entries e ON e.member_id = t.member_id AND e.currency = 'qualifying'
         AND e.business_date >= t.period_start AND e.business_date <= t.valid_until
         AND e.id > coalesce(t.counted_to_entry, 0)
    WHERE t.valid_until <= :as_of AND m.merged_into_id IS NULL AND m.status <> 'closed'
    GROUP BY t.member_id, t.tier_code, t.valid_until, t.floor_code, t.floor_until
), ranked AS (
    SELECT member_id, tier_code, valid_until, points,
           {_rank_of("tier_code")} AS current_rank,
           {_rank_met("points", lambda t: t.reach_points)} AS reach_rank,
           {_rank_met("points", lambda t: t.retain_points)} AS keep_rank,
           CASE WHEN floor_until > valid_until THEN {_rank_of("floor_code")}
                ELSE {POLICY.base.rank} END AS floor_rank
    FROM due
), decided AS (
    SELECT member_id, tier_code, valid_until, points,
           CASE WHEN reach_rank > current_rank THEN reach_rank
                WHEN keep_rank >= current_rank OR floor_rank >= current_rank THEN current_rank
                WHEN keep_rank > floor_rank THEN keep_rank ELSE floor_rank END AS new_rank,
           CASE WHEN reach_rank > current_rank THEN 'upgrade'
                WHEN keep_rank >= current_rank OR floor_rank >= current_rank THEN 'retain'
                ELSE 'downgrade' END AS outcome
    FROM ranked
)
SELECT member_id, tier_code AS from_code, valid_until AS old_until, points, outcome,
       {_code_of("new_rank")} AS new_code, {effective} AS effective,
       CASE WHEN new_rank = {POLICY.base.rank} THEN NULL ELSE {until} END AS new_until
FROM decided"""


REVIEW_OUT = (
    "CREATE TEMPORARY TABLE review_out (member_id BIGINT, from_code VARCHAR(20), old_until DATE,"
    " points BIGINT, outcome VARCHAR(12), new_code VARCHAR(20), effective DATE, new_until DATE)"
)
COMMIT_SQL = [
    "UPDATE member_tiers SET tier_code = o.new_code, period_start = o.effective,"
    " valid_until = o.new_until, updated_at = :now,"
    " upgraded_on = CASE WHEN o.outcome = 'upgrade' THEN o.effective ELSE upgraded_on END"
    " FROM review_out o"
    " WHERE member_tiers.member_id = o.member_id AND member_tiers.valid_until = o.old_until",
    "INSERT INTO tier_history (member_id, from_code, to_code, reason, points, effective_on,"
    " valid_until, actor, created_at)"
    " SELECT member_id, from_code, new_code, outcome, points, effective, new_until, 'bench', :now"
    " FROM review_out",
]
TYPES: list[BindParameter] = [
    bindparam("as_of", type_=Date()),
    bindparam("now", type_=UtcDateTime()),
]


def _statement(sql: str):
    return text(sql).bindparams(*(b for b in TYPES if f":{b.key}" in sql))


def count_by_hand(db: Database, as_of: date) -> tuple[float, dict[str, int]]:
    """The review's counts in one hand-written query: (seconds, counts)."""
    sql = f"SELECT outcome, count(*) FROM ({decided_sql(db.kind)}) AS d GROUP BY outcome"
    with db.reader() as uow:
        started = time.perf_counter()
        rows = uow.session.execute(_statement(sql), {"as_of": as_of}).all()
        seconds = time.perf_counter() - started
    return seconds, _counts(dict(rows))


def commit_by_hand(db: Database, as_of: date) -> tuple[float, dict[str, int]]:
    """The review's writes as set-based SQL in one transaction, rolled back: the outcome into
    a temporary table, then one UPDATE and one INSERT. (seconds, counts)."""
    params = {"as_of": as_of, "now": db.clock()}
    with db.uow() as uow:
        session = uow.session
        started = time.perf_counter()
        session.execute(text(REVIEW_OUT))
        session.execute(_statement(f"INSERT INTO review_out {decided_sql(db.kind)}"), params)
        for sql in COMMIT_SQL:
            session.execute(_statement(sql), params)
        rows = session.execute(text("SELECT outcome, count(*) FROM review_out GROUP BY outcome"))
        counts = _counts(dict(rows.all()))
        seconds = time.perf_counter() - started
        session.rollback()  # the temporary table goes with it
    return seconds, counts


def _counts(found: dict) -> dict[str, int]:
    return {outcome.value: int(found.get(outcome.value, 0)) for outcome in rules.Outcome}


def bench_review(url: str, admin: Actor) -> list[str]:
    """Preview and commit through the service against the hand-written SQL, on the work copy
    (the commit writes), as of ``REVIEW_AFTER_DAYS`` after the last business day."""
    probe = open_database(url)
    try:
        as_of = tiers_given_on(probe) + timedelta(days=REVIEW_AFTER_DAYS)
    finally:
        probe.close()
    db = open_database(url, clock=lambda: datetime.combine(as_of, dtime(4), UTC))
    try:
        count_by_hand(db, as_of)  # warm the cache: the service runs second
        count_base, expected = count_by_hand(db, as_of)
        started = time.perf_counter()
        previewed = preview_review(db, admin, as_of).preview
        preview = time.perf_counter() - started
        commit_base, written = commit_by_hand(db, as_of)
        started = time.perf_counter()
        committed = commit_review(db, "bench", as_of)
        commit = time.perf_counter() - started
    finally:
        db.close()
    if not previewed == expected == written == _counts(committed.counts):
        raise SystemExit(
            f"tier review {previewed} / {committed.counts} differs from hand-written SQL: "
            f"{expected} / {written}"
        )
    due = sum(expected.values())
    outcomes = ", ".join(f"{count:,} {outcome}" for outcome, count in expected.items())
    return [
        f"| tier review preview as of {as_of}: {due:,} members due ({outcomes}) (s) | | "
        f"{preview:.2f} | | {count_base:.2f} (hand-written SQL; ratio "
        f"{preview / count_base:.2f}) | ≤ 2× |",
        f"| tier review commit, {committed.batches:,} batches (s) | | {commit:.2f} | | "
        f"{commit_base:.2f} (hand-written UPDATE + INSERT; ratio {commit / commit_base:.2f}) "
        "| ≤ 2× |",
    ]


# --- postings that make an upgrade due ----------------------------------------------------------


def near_threshold(db: Database, count: int) -> list[tuple[int, int]]:
    """Up to ``count`` random active members on the base tier, with no upgrade pending, a
    few qualifying points short of the first tier: (member id, points short)."""
    reach = POLICY.tiers[1].reach_points
    pending = select(ApprovalRequest.id).where(
        ApprovalRequest.kind == UPGRADE,
        ApprovalRequest.subject_id == PointsAccount.member_id,
        ApprovalRequest.status == "pending",
    )
    with db.reader() as uow:
        rows = uow.session.execute(
            select(PointsAccount.member_id, PointsAccount.qualifying)
            .join(Member, Member.id == PointsAccount.member_id)
            .outerjoin(MemberTier, MemberTier.member_id == PointsAccount.member_id)
            .where(
                PointsAccount.qualifying.between(reach - 8, reach - 1),
                MemberTier.member_id.is_(None),
                Member.status == "active",
                ~pending.exists(),
            )
        ).all()
    chosen = random.Random(13).sample(rows, min(count, len(rows)))
    return [(member_id, reach - qualifying) for member_id, qualifying in chosen]


def pending_upgrades(db: Database) -> int:
    with db.reader() as uow:
        return int(
            uow.session.scalar(
                select(func.count())
                .select_from(ApprovalRequest)
                .where(ApprovalRequest.kind == UPGRADE, ApprovalRequest.status == "pending")
            )
            or 0
        )


def bench_upgrade_postings(
    db: Database, clerk: Actor, count: int
) -> tuple[int, tuple[float, float, float]]:
    """Service earnings that take members on the base tier past the first tier's threshold,
    one by one through ``points.record_service``: each files an upgrade request in its own
    transaction. (postings, (p50, p95, p99) in ms)."""
    members = near_threshold(db, count)
    with db.reader() as uow:
        today = programme_today(uow)
    stamp = f"{time.time_ns() % 10**8:08d}"
    filed_before = pending_upgrades(db)
    samples = []
    for n, (member_id, short) in enumerate(members):
        yuan = (short + 1) * 1_000  # 1 point per 1,000 yuan: one point past the threshold
        data = points.ServiceInput(member_id, None, f"TIER{stamp}-{n:06d}", today, yuan * 100)
        started = time.perf_counter()
        points.record_service(db, clerk, data)
        samples.append((time.perf_counter() - started) * 1000)
    filed = pending_upgrades(db) - filed_before
    if filed != len(members):
        raise SystemExit(f"{len(members):,} postings reached a tier but filed {filed:,} requests")
    return len(members), _percentiles(samples)


def _percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples) or [0.0]

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return pick(0.50), pick(0.95), pick(0.99)


def upgrade_line(postings: int, timings: tuple[float, float, float], baseline: float) -> str:
    p50, p95, p99 = timings
    return (
        f"| post {postings:,} service earnings that reach {POLICY.tiers[1].name} "
        f"(record_service + upgrade request) | {p50:.2f} | {p95:.2f} | {p99:.2f} | "
        f"{baseline:.2f} (order, entries, lot, account) | < 20 ms |"
    )


def bench_tier_postings(url: str, clerk: Actor, count: int, baseline: float) -> list[str]:
    db = open_database(url)
    try:
        postings, timings = bench_upgrade_postings(db, clerk, count)
    finally:
        db.close()
    return [upgrade_line(postings, timings, baseline)]
