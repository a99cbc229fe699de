"""Segmentation benchmark: the quarterly value segmentation run (preview and commit through
the batch-run fitting) against hand-written SQL doing the same scoring in one statement.

``bench_segmentation(url_or_db, admin)`` returns Markdown table rows like the other
benchmarks. The commit writes a run (member_segments rows): pass a work copy of the
benchmark database (``bench/run.py`` runs it on its work copy), not the database as built.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, text

from app.db.models import LedgerEntry
from app.domain import segmentation as rules
from app.domain.roles import Actor
from app.services import segmentation
from app.services.shared.database import Database, open_database

WINDOW_MONTHS = 12  # the setting's default
CHINA = ZoneInfo("Asia/Shanghai")

# The same scoring as app/services/segmentation/scoring.py with the seed's weights, by hand.
SCORED_CTES = """
WITH src AS (
  SELECT member_id,
         SUM(CASE WHEN kind = 'redeem' THEN 1 ELSE 0 END) AS y1,
         SUM(CASE WHEN kind = 'earn' THEN 1 ELSE 0 END) AS y2,
         SUM(CASE WHEN kind = 'earn' AND source IN ('sign_in', 'share', 'major_event')
                  THEN 1 ELSE 0 END) AS y3,
         0 AS y4, 0 AS visits, 0 AS spend, CAST(NULL AS DATE) AS last_service,
         0 AS cars, 0 AS referred
  FROM ledger_entries
  WHERE currency = 'points' AND kind IN ('redeem', 'earn')
    AND business_date BETWEEN :start AND :as_of
  GROUP BY member_id
  UNION ALL
  SELECT member_id, 0, 0, 0, COUNT(*), 0, 0, CAST(NULL AS DATE), 0, 0
  FROM partner_complaints
  WHERE member_id IS NOT NULL AND received_at >= :low AND received_at < :high
  GROUP BY member_id
  UNION ALL
  SELECT member_id, 0, 0, 0, 0, COUNT(*), SUM(amount_fen), MAX(service_date), 0, 0
  FROM service_orders
  WHERE refunded_at IS NULL AND service_date BETWEEN :start AND :as_of
  GROUP BY member_id
  UNION ALL
  SELECT member_id, 0, 0, 0, 0, 0, 0, CAST(NULL AS DATE), 1, 0
  FROM vehicle_ownerships WHERE owned_from <= :as_of
  GROUP BY member_id HAVING COUNT(DISTINCT vehicle_id) >= 2
  UNION ALL
  SELECT referrer_id, 0, 0, 0, 0, 0, 0, CAST(NULL AS DATE), 0, 1
  FROM members
  WHERE referrer_id IS NOT NULL
    AND id IN (SELECT member_id FROM vehicle_ownerships WHERE owned_from <= :as_of)
  GROUP BY referrer_id
), agg AS (
  SELECT s.member_id, SUM(s.y1) AS y1, SUM(s.y2) AS y2, SUM(s.y3) AS y3, SUM(s.y4) AS y4,
         SUM(s.visits) AS visits, SUM(s.spend) AS spend, MAX(s.last_service) AS last_service,
         MAX(s.cars) AS cars, MAX(s.referred) AS referred
  FROM src s JOIN members m ON m.id = s.member_id
  WHERE m.merged_into_id IS NULL AND m.status <> 'closed'
  GROUP BY s.member_id
), ranks AS (
  SELECT member_id, cars, referred, COUNT(*) OVER () AS n,
         COUNT(*) OVER (ORDER BY y1 NULLS FIRST) AS k1,
         COUNT(*) OVER (ORDER BY y2 NULLS FIRST) AS k2,
         COUNT(*) OVER (ORDER BY y3 NULLS FIRST) AS k3,
         COUNT(*) OVER (ORDER BY y4 DESC NULLS FIRST) AS k4,
         COUNT(*) OVER (ORDER BY CASE WHEN visits > 0
                        THEN CAST(spend AS DOUBLE PRECISION) / visits END NULLS FIRST) AS kx1,
         COUNT(*) OVER (ORDER BY visits NULLS FIRST) AS kx2,
         COUNT(*) OVER (ORDER BY last_service NULLS FIRST) AS kx3
  FROM agg
), axes AS (
  SELECT member_id, n,
         (350 * k1 + 250 * k2 + 250 * k3 + 150 * k4) * 1000 / n
           + 200000 * cars + 200000 * referred AS y,
         (400 * kx1 + 300 * kx2 + 300 * kx3) * 1000 / n AS x
  FROM ranks
), levels AS (
  SELECT member_id, y, x, n,
         RANK() OVER (ORDER BY y) - 1 AS below_y, RANK() OVER (ORDER BY x) - 1 AS below_x
  FROM axes
), scored AS (
  SELECT member_id, y, x,
         (CASE WHEN 3 * below_y < n THEN 2 WHEN 3 * below_y < 2 * n THEN 1 ELSE 0 END) * 3
         + (CASE WHEN 3 * below_x < n THEN 2 WHEN 3 * below_x < 2 * n THEN 1 ELSE 0 END)
         + 1 AS cell
  FROM levels
)
"""

IN_RUN = "m.merged_into_id IS NULL AND m.status <> 'closed'"
# every member of the run: the scored ones, then the rest without scores
ALL_SQL = f"""
{SCORED_CTES}
SELECT member_id, cell, y, x FROM scored
UNION ALL
SELECT m.id, NULL, NULL, NULL FROM members m
WHERE {IN_RUN} AND m.id NOT IN (SELECT member_id FROM scored)
"""
COUNT_SQL = f"SELECT cell, COUNT(*) FROM ({ALL_SQL}) a GROUP BY cell"
OUT_TABLE = (
    "CREATE TEMPORARY TABLE segment_out (member_id INTEGER, cell INTEGER, y BIGINT, x BIGINT)"
)
INSERT_SQL = f"INSERT INTO segment_out {ALL_SQL}"


def _params(as_of: date) -> dict:
    start = rules.window_start(as_of, WINDOW_MONTHS)
    low = datetime.combine(start, dtime(), CHINA).astimezone(UTC).replace(tzinfo=None)
    high = datetime.combine(as_of + timedelta(days=1), dtime(), CHINA).astimezone(UTC)
    return {"start": start, "as_of": as_of, "low": low, "high": high.replace(tzinfo=None)}


def _tally(rows) -> dict[str, int]:
    counts = {segmentation.cell_key(c): 0 for c in rules.CELLS} | {segmentation.NO_DATA: 0}
    for cell, number in rows:
        counts[segmentation.cell_key(cell) if cell else segmentation.NO_DATA] = int(number)
    counts["members"] = sum(counts.values())
    return counts


def count_by_hand(db: Database, as_of: date) -> tuple[float, dict[str, int]]:
    with db.reader() as uow:
        started = time.perf_counter()
        rows = uow.session.execute(text(COUNT_SQL), _params(as_of)).all()
        return time.perf_counter() - started, _tally(rows)


def commit_by_hand(db: Database, as_of: date) -> tuple[float, dict[str, int]]:
    """Every member's (cell, Y, X) into a temporary table in one statement, rolled back."""
    with db.uow() as uow:
        session = uow.session
        started = time.perf_counter()
        session.execute(text(OUT_TABLE))
        session.execute(text(INSERT_SQL), _params(as_of))
        rows = session.execute(text("SELECT cell, COUNT(*) FROM segment_out GROUP BY cell"))
        counts = _tally(rows.all())
        seconds = time.perf_counter() - started
        session.rollback()
    return seconds, counts


def _as_of(db: Database) -> date:
    with db.reader() as uow:
        last = uow.session.scalar(select(func.max(LedgerEntry.business_date)))
    return rules.quarter_end_on_or_before(last or date.today())


def bench_segmentation(url_or_db: str | Database, admin: Actor) -> list[str]:
    """Preview and commit through the service against the hand-written SQL; both must find
    the same counts per cell."""
    owned = isinstance(url_or_db, str)
    if isinstance(url_or_db, str):
        probe = open_database(url_or_db)
        try:
            as_of = _as_of(probe)
        finally:
            probe.close()
        moment = datetime.combine(as_of + timedelta(days=1), dtime(4), UTC)
        db = open_database(url_or_db, clock=lambda: moment)
    else:
        db = url_or_db
        as_of = _as_of(db)
    try:
        count_by_hand(db, as_of)  # warm the cache: the service runs second
        count_base, expected = count_by_hand(db, as_of)
        started = time.perf_counter()
        previewed = segmentation.preview_segmentation(db, admin, as_of).preview
        preview = time.perf_counter() - started
        commit_base, written = commit_by_hand(db, as_of)
        started = time.perf_counter()
        committed = segmentation.commit_segmentation(db, "bench", as_of)
        commit = time.perf_counter() - started
    finally:
        if owned:
            db.close()
    if not previewed == expected == written == committed.counts:
        raise SystemExit(
            f"segmentation {previewed} / {committed.counts} differs from hand-written SQL: "
            f"{expected} / {written}"
        )
    scored = expected["members"] - expected[segmentation.NO_DATA]
    return [
        f"| segmentation preview as of {as_of}: {scored:,} scored, "
        f"{expected[segmentation.NO_DATA]:,} without data (s) | | {preview:.2f} | | "
        f"{count_base:.2f} (hand-written SQL; ratio {preview / count_base:.2f}) | ≤ 2× |",
        f"| segmentation commit, {committed.batches:,} batches (s) | | {commit:.2f} | | "
        f"{commit_base:.2f} (hand-written INSERT … SELECT; ratio {commit / commit_base:.2f}) "
        "| ≤ 2× |",
    ]


if __name__ == "__main__":  # python -m bench.segmentation URL (a work copy: it writes)
    import sys

    from app.domain.roles import Role

    print("\n".join(bench_segmentation(sys.argv[1], Actor(1, "admin", "bench", Role.ADMIN))))
