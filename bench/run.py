#!/usr/bin/env python3
"""Benchmarks at network scale. Timings live here, never in the tests.

    python bench/run.py [--members N] [--db URL] [--quick] [--rebuild]

Builds (or reuses) a demo database of N members, measures each operation against a baseline
run in the same process on the same database (so the ratio holds on a noisy machine), prints
a Markdown table and writes it to bench/results/<date>-<db>.md. --quick uses 10,000 members.
The benchmarks that write (postings, the expiry run, the tier review; see bench/tiers.py) work
on a copy of the database, dropped afterwards, so the demo database stays as built.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from datetime import UTC, date, datetime
from datetime import time as dtime
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import (  # noqa: E402
    BindParameter,
    Date,
    bindparam,
    create_engine,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import make_url  # noqa: E402

from app.config import sqlite_url  # noqa: E402
from app.db import migrate  # noqa: E402
from app.db.models import (  # noqa: E402
    LedgerEntry,
    Member,
    PointLot,
    PointsAccount,
    ServiceOrder,
    StaffUser,
    UtcDateTime,
)
from app.domain.roles import Actor, Role  # noqa: E402
from app.services import demo, members, points  # noqa: E402
from app.services.members import MemberFilter  # noqa: E402
from app.services.shared.database import Database, open_database  # noqa: E402
from app.services.shared.scope import programme_today  # noqa: E402
from bench import benefits as benefit_bench  # noqa: E402
from bench import partners as partner_bench  # noqa: E402
from bench import reports as report_bench  # noqa: E402
from bench import segmentation as segmentation_bench  # noqa: E402
from bench import tiers as tier_bench  # noqa: E402

DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results"
ADMIN = Actor(1, "admin", "bench", Role.ADMIN)


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return pick(0.50), pick(0.95), pick(0.99)


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def open_or_build(url: str, count: int, rebuild: bool) -> Database:
    db = open_database(url)  # also upgrades an older benchmark database
    with db.reader() as uow:
        existing = uow.session.execute(text("SELECT count(*) FROM members")).scalar_one()
    if existing != count or rebuild:
        db.close()
        if url.startswith("sqlite"):
            for suffix in ("", "-wal", "-shm"):
                Path(url.split(":///", 1)[1] + suffix).unlink(missing_ok=True)
        else:
            engine = open_database(url).engine
            migrate.downgrade(engine, "base")
            engine.dispose()
        db = open_database(url)
        started = time.perf_counter()
        print(f"building a demo database with {count:,} members …", flush=True)
        demo.build_demo(db, count)
        print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return db


def sample_keys(db: Database, n: int) -> list[dict]:
    """Random existing members with their look-up keys."""
    with db.reader() as uow:
        top = uow.session.execute(text("SELECT max(id) FROM members")).scalar_one()
        ids = random.Random(7).sample(range(1, top + 1), min(n, top))
        rows = uow.session.execute(
            text(
                "SELECT m.id, m.member_number, m.mobile, m.name, m.name_initials, v.vin, v.plate"
                " FROM members m JOIN vehicles v ON v.member_id = m.id WHERE m.id IN :ids"
            ).bindparams(__import__("sqlalchemy").bindparam("ids", expanding=True)),
            {"ids": ids},
        )
        return [dict(r._mapping) for r in rows]


LOOKUPS = {
    # name: (search text from a sample, raw SQL baseline, its parameter)
    "member number": (
        lambda k: k["member_number"],
        "SELECT id FROM members WHERE member_number = :p",
        lambda k: k["member_number"],
    ),
    "mobile": (
        lambda k: k["mobile"],
        "SELECT id FROM members WHERE mobile = :p",
        lambda k: k["mobile"],
    ),
    "mobile last 4": (
        lambda k: k["mobile"][-4:],
        "SELECT id FROM members WHERE mobile_last4 = :p ORDER BY member_number LIMIT 100",
        lambda k: k["mobile"][-4:],
    ),
    "VIN": (
        lambda k: k["vin"],
        "SELECT member_id FROM vehicles WHERE vin = :p",
        lambda k: k["vin"],
    ),
    "VIN last 6": (
        lambda k: k["vin"][-6:],
        "SELECT member_id FROM vehicles WHERE vin_last6 = :p",
        lambda k: k["vin"][-6:],
    ),
    "plate": (
        lambda k: k["plate"],
        "SELECT member_id FROM vehicles WHERE plate = :p",
        lambda k: k["plate"],
    ),
    "name prefix": (
        lambda k: k["name"][:2],
        "SELECT id FROM members WHERE name LIKE :p ORDER BY member_number LIMIT 100",
        lambda k: k["name"][:2] + "%",
    ),
    "pinyin initials": (
        lambda k: k["name_initials"],
        "SELECT id FROM members WHERE name_initials LIKE :p ORDER BY member_number LIMIT 100",
        lambda k: k["name_initials"] + "%",
    ),
}


def _fetch_all(uow, statement, params) -> list:
    return uow.session.execute(statement, params).all()


def bench_lookups(db: Database, keys: list[dict]) -> list[tuple]:
    rows = []
    for name, (search_text, sql, param) in LOOKUPS.items():
        service = []
        baseline = []
        for key in keys:
            flt = MemberFilter(text=search_text(key))
            service += timed(partial(members.search, db, ADMIN, flt), 1)
            statement, value = text(sql), {"p": param(key)}
            with db.reader() as uow:
                baseline += timed(partial(_fetch_all, uow, statement, value), 1)
        rows.append((name, *percentiles(service), statistics.median(baseline)))
    return rows


def bench_first_page(db: Database) -> tuple[float, float]:
    service = timed(lambda: members.search(db, ADMIN, MemberFilter(), limit=100), 20)
    with db.reader() as uow:
        baseline = timed(
            lambda: uow.session.execute(
                text("SELECT * FROM members ORDER BY member_number LIMIT 100")
            ).all(),
            20,
        )
    return percentiles(service)[1], statistics.median(baseline)


def bench_import(rows: int) -> tuple[float, float, int]:
    """Import an Excel file of ``rows`` new members into an empty demo database (SQLite);
    the baseline is openpyxl merely iterating over the same file."""
    from openpyxl import load_workbook

    from app.adapters import member_workbooks
    from app.domain.validation import complete_vin
    from app.services.members import workbooks as member_import

    path = DATA / f"import-{rows}.xlsx"
    if not path.exists():
        people = (
            {
                "name": "王芳",
                "mobile": f"15{n:09d}",
                "gender": "female",
                "join_date": date(2024, 4, 1),
                "dealer_code": "BJA01",
                "privacy_consent": True,
                "marketing_consent": False,
                "vin": complete_vin("LVXDA2B4", f"SZ{n:06d}"),
                "vehicle_model": "星途 S7",
                "tags": ["历史导入"],
            }
            for n in range(rows)
        )
        member_workbooks.write_members_export(path, people)
    target = DATA / "import-target.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    db = open_database(sqlite_url(target))
    demo.build_demo(db, 0)
    started = time.perf_counter()
    summary = member_import.import_members(db, ADMIN, path)
    seconds = time.perf_counter() - started
    db.close()
    started = time.perf_counter()
    for _ in load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True):
        pass
    return seconds, time.perf_counter() - started, summary.imported


def probe(*args: str) -> dict:
    """Run bench/gui_probe.py in a fresh, offscreen process (cold start included)."""
    import json
    import subprocess

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # Through a shell that forks it: Linux keeps the peak RSS of the process that executes
    # a program, so a probe started directly reports this (big) process's peak as its own.
    output = subprocess.run(
        [
            "/bin/sh",
            "-c",
            '"$0" "$@"; exit $?',
            sys.executable,
            str(ROOT / "bench" / "gui_probe.py"),
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def bench_gui(url: str, pages: int) -> list[str]:
    bare = statistics.median(probe("bare")["seconds"] for _ in range(3))
    cold = statistics.median(probe("signin", url)["seconds"] for _ in range(3))
    listing = probe("list", url, str(pages))
    return [
        f"| GUI cold start to the sign-in window (s) | | {cold:.2f} | | {bare:.2f} (bare "
        f"PySide6 window; ratio {cold / bare:.2f}) | ≤ 1.5× |",
        f"| member list in the GUI: first page (ms) | | {listing['first_page_ms']:.0f} | | | "
        "< 300 ms |",
        f"| member list: scroll {pages} pages, {listing['rows']:,} rows (s) | | "
        f"{listing['scroll_seconds']:.2f} | | | |",
        f"| GUI peak RSS with the list open (MB) | | {listing['max_rss_mb']:.0f} | | | < 400 MB |",
    ]


def bench_export(db: Database, rows: int) -> tuple[float, float]:
    """The service's export against openpyxl write-only writing the same rows."""
    from openpyxl import Workbook

    from app.services.members import workbooks as member_import

    path = DATA / "export.xlsx"
    started = time.perf_counter()
    member_import.export_members(db, ADMIN, MemberFilter(), path, limit=rows)
    service = time.perf_counter() - started
    started = time.perf_counter()
    with db.reader() as uow:
        result = uow.session.execute(
            text(
                "SELECT m.member_number, m.name, m.mobile, m.gender, d.code, m.join_date"
                " FROM members m LEFT JOIN dealers d ON d.id = m.dealer_id"
                " ORDER BY m.member_number LIMIT :n"
            ),
            {"n": rows},
        )
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(["会员编号", "姓名", "手机号", "性别", "经销商", "入会日期"])
        for row in result:
            sheet.append(list(row))
        workbook.save(DATA / "export-baseline.xlsx")
    return service, time.perf_counter() - started


# --- the points ledger ----------------------------------------------------------------------

CLERK = "clerk.bja01"  # a demo counter clerk: may post points, for the clerk's own dealer


def work_copy(url: str) -> str:
    """A throw-away copy of the benchmark database for the benchmarks that write (postings,
    the expiry run), so the database stays as built and every run measures the same work.
    PostgreSQL copies from a template, which needs no other session on the source."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        source = Path(parsed.database or "")
        target = source.with_name(f"{source.stem}-work.sqlite3")
        drop_work_copy(sqlite_url(target))
        migrate.backup_sqlite(source, target)
        return sqlite_url(target)
    copy = f"{parsed.database}_work"
    drop_work_copy(parsed.set(database=copy).render_as_string(hide_password=False))
    with _pg_admin(parsed) as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{copy}" TEMPLATE "{parsed.database}"')
    return parsed.set(database=copy).render_as_string(hide_password=False)


def drop_work_copy(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{parsed.database}{suffix}").unlink(missing_ok=True)
        return
    with _pg_admin(parsed) as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)')


@contextmanager
def _pg_admin(parsed):
    engine = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def counter_clerk(db: Database) -> Actor:
    with db.reader() as uow:
        user_id, dealer_id = uow.session.execute(
            select(StaffUser.id, StaffUser.dealer_id).where(StaffUser.username == CLERK)
        ).one()
    return Actor(user_id, CLERK, "bench", Role.CLERK, dealer_id)


def bench_posting(db: Database, count: int) -> tuple[list[float], float]:
    """``count`` service earnings posted one by one through ``points.record_service`` (each
    its own transaction), against hand-written SQL doing the bare writes of one earning: the
    order, two entries, the lot and the account, in one transaction."""
    clerk = counter_clerk(db)
    rng = random.Random(11)
    with db.reader() as uow:
        today = programme_today(uow)
        top = uow.session.scalar(select(func.max(Member.id))) or 0
    stamp = f"{time.time_ns() % 10**8:08d}"  # fresh document numbers on every run
    inputs = [
        points.ServiceInput(
            rng.randrange(1, top + 1), None, f"BENCH{stamp}-{n:06d}", today,
            rng.randrange(1_000, 8_000) * 100,
        )
        for n in range(count)
    ]  # fmt: skip
    service = []
    for data in inputs:
        service += timed(partial(points.record_service, db, clerk, data), 1)
    baseline = []
    for n in range(max(1, count // 5)):
        member_id, amount_fen = rng.randrange(1, top + 1), rng.randrange(1_000, 8_000) * 100
        earning = {
            "member_id": member_id, "dealer_id": clerk.dealer_id, "amount_fen": amount_fen,
            "document_no": f"BASE{stamp}-{n:06d}", "today": today,
            "points": amount_fen // 100_000, "expires_on": date(today.year + 1, 12, 31),
            "now": db.clock(),
        }  # fmt: skip
        baseline += timed(partial(_post_by_hand, db, earning), 1)
    return service, statistics.median(baseline)


def _post_by_hand(db: Database, e: dict) -> None:
    with db.uow() as uow:
        session = uow.session
        order_id = session.execute(
            insert(ServiceOrder)
            .values(dealer_id=e["dealer_id"], document_no=e["document_no"], kind="service",
                    member_id=e["member_id"], service_date=e["today"], amount_fen=e["amount_fen"],
                    recorded_by=CLERK)
            .returning(ServiceOrder.id)
        ).scalar_one()  # fmt: skip
        entry = {
            "fingerprint": "bench", "member_id": e["member_id"], "kind": "earn",
            "source": "service", "amount": e["points"], "business_date": e["today"],
            "posted_at": e["now"], "actor": CLERK, "dealer_id": e["dealer_id"],
            "reference": e["document_no"], "service_order_id": order_id,
        }  # fmt: skip
        entry_id = session.execute(
            insert(LedgerEntry)
            .values(**entry, entry_uid=f"{e['document_no']}:points", currency="points")
            .returning(LedgerEntry.id)
        ).scalar_one()
        session.execute(
            insert(LedgerEntry).values(
                **entry, entry_uid=f"{e['document_no']}:qualifying", currency="qualifying"
            )
        )
        session.execute(
            insert(PointLot).values(member_id=e["member_id"], entry_id=entry_id,
                                    earned_on=e["today"], expires_on=e["expires_on"],
                                    original=e["points"], remaining=e["points"])
        )  # fmt: skip
        session.execute(
            update(PointsAccount)
            .where(PointsAccount.member_id == e["member_id"])
            .values(balance=PointsAccount.balance + e["points"],
                    qualifying=PointsAccount.qualifying + e["points"])
        )  # fmt: skip
        uow.commit()


EXPIRY_SQL = [
    # what expires, as the service reports it
    "SELECT count(*), coalesce(sum(remaining), 0) FROM point_lots"
    " WHERE remaining > 0 AND expires_on < :as_of",
    # one expiry entry per lot
    "INSERT INTO ledger_entries (entry_uid, fingerprint, member_id, currency, kind, source,"
    " amount, shortfall, business_date, posted_at, actor)"
    " SELECT 'expire:' || CAST(id AS VARCHAR(20)) || :suffix, 'expiry', member_id, 'points',"
    " 'expire', 'expiry', -remaining, 0, :as_of, :now, 'bench'"
    " FROM point_lots WHERE remaining > 0 AND expires_on < :as_of",
    # what each took from its lot
    "INSERT INTO lot_allocations (entry_id, lot_id, points)"
    " SELECT e.id, l.id, l.remaining FROM point_lots l JOIN ledger_entries e"
    " ON e.entry_uid = 'expire:' || CAST(l.id AS VARCHAR(20)) || :suffix"
    " WHERE l.remaining > 0 AND l.expires_on < :as_of",
    # the accounts' balances
    "UPDATE points_accounts SET balance = balance - d.points"
    " FROM (SELECT member_id, sum(remaining) AS points FROM point_lots"
    "       WHERE remaining > 0 AND expires_on < :as_of GROUP BY member_id) AS d"
    " WHERE points_accounts.member_id = d.member_id",
    # the lots, emptied
    "UPDATE point_lots SET remaining = 0 WHERE remaining > 0 AND expires_on < :as_of",
]


def expire_by_hand(db: Database, as_of: date) -> tuple[float, int, int]:
    """The expiry run as set-based SQL in one transaction, rolled back: (seconds, lots, points)."""
    params = {"as_of": as_of, "suffix": f":{as_of.isoformat()}", "now": db.clock()}
    types: list[BindParameter] = [
        bindparam("as_of", type_=Date()),
        bindparam("now", type_=UtcDateTime()),
    ]
    with db.uow() as uow:
        started = time.perf_counter()
        lots = expired = 0
        for sql in EXPIRY_SQL:
            statement = text(sql).bindparams(*(b for b in types if f":{b.key}" in sql))
            result = uow.session.execute(statement, params)
            if sql.startswith("SELECT"):
                lots, expired = result.one()
        seconds = time.perf_counter() - started
        uow.session.rollback()
    return seconds, lots, int(expired)


def bench_expiry(url: str) -> tuple[date, float, float, int, int]:
    """The service's expiry run against the same work as hand-written SQL (rolled back first,
    so both start from the same data). It runs as of next 1 January, when every fixed cycle
    ending this year lapses: the heavy run of the year. The service refuses a future date, so
    the database is opened with a clock on that day."""
    as_of = date(date.today().year + 1, 1, 1)
    db = open_database(url, clock=lambda: datetime.combine(as_of, dtime(4), UTC))
    try:
        expire_by_hand(db, as_of)  # warm the cache: the service runs second
        baseline, lots, expired = expire_by_hand(db, as_of)
        started = time.perf_counter()
        result = points.expire_points(db, "bench", as_of)
        service = time.perf_counter() - started
    finally:
        db.close()
    if (result.lots, result.points) != (lots, expired):
        raise SystemExit(f"expiry run {result} differs from hand-written SQL: {lots}, {expired}")
    return as_of, service, baseline, lots, expired


VERIFY_SQL = """
WITH e AS (SELECT member_id,
                  sum(CASE WHEN currency = 'points' THEN amount ELSE 0 END) AS p,
                  sum(CASE WHEN currency = 'qualifying' THEN amount ELSE 0 END) AS q
           FROM ledger_entries GROUP BY member_id),
     l AS (SELECT member_id, sum(remaining) AS r FROM point_lots GROUP BY member_id),
     h AS (SELECT member_id, sum(points) AS held FROM point_holds
           WHERE status = 'active' GROUP BY member_id),
     t AS (SELECT lot_id, sum(points) AS taken FROM lot_allocations GROUP BY lot_id)
SELECT m.id FROM members m
LEFT JOIN points_accounts a ON a.member_id = m.id
LEFT JOIN e ON e.member_id = m.id
LEFT JOIN l ON l.member_id = m.id
LEFT JOIN h ON h.member_id = m.id
WHERE coalesce(e.p, 0) <> coalesce(a.balance, 0) OR coalesce(e.q, 0) <> coalesce(a.qualifying, 0)
   OR coalesce(l.r, 0) <> coalesce(a.balance, 0) OR coalesce(h.held, 0) <> coalesce(a.held, 0)
UNION ALL
SELECT p.member_id FROM point_lots p
JOIN ledger_entries x ON x.id = p.entry_id
LEFT JOIN t ON t.lot_id = p.id
WHERE p.remaining <> p.original - coalesce(t.taken, 0) OR p.original <> x.amount
"""


def bench_verify(db: Database, repeat: int = 3) -> tuple[float, float, int, int]:
    """``points.verify_ledger`` against the same four checks in one hand-written query;
    medians of ``repeat`` runs, and what each found (both must find nothing)."""
    found = []
    service = timed(lambda: found.append(points.verify_ledger(db, ADMIN)), repeat)
    rows = []
    with db.reader() as uow:
        baseline = timed(lambda: rows.append(uow.session.execute(text(VERIFY_SQL)).all()), repeat)
    return (
        statistics.median(service) / 1000,
        statistics.median(baseline) / 1000,
        len(found[-1]),
        len(rows[-1]),
    )


def bench_ledger(url: str, postings: int) -> list[str]:
    work = work_copy(url)
    try:
        db = open_database(work)
        try:
            service, baseline = bench_posting(db, postings)
            clerk = counter_clerk(db)
        finally:
            db.close()
        tiers = tier_bench.bench_tier_postings(work, clerk, postings // 5, baseline)
        tiers += benefit_bench.bench_redemption(work, clerk, postings // 10)
        as_of, expiry, expiry_base, lots, expired = bench_expiry(work)
        db = open_database(work)
        try:
            verify, verify_base, found, found_base = bench_verify(db)
        finally:
            db.close()
        tiers += segmentation_bench.bench_segmentation(work, ADMIN)  # writes its rows
        tiers += tier_bench.bench_review(work, ADMIN)  # last: it moves tiers on
    finally:
        drop_work_copy(work)
    p50, p95, p99 = percentiles(service)
    lines = [
        f"| post {postings:,} service earnings one by one (record_service) | {p50:.2f} | "
        f"{p95:.2f} | {p99:.2f} | {baseline:.2f} (order, entries, lot, account) | < 20 ms |",
        f"| points expiry run as of {as_of}: {lots:,} lots, {expired:,} points (s) | | "
        f"{expiry:.2f} | | {expiry_base:.2f} (hand-written SQL; ratio "
        f"{expiry / expiry_base:.2f}) | ≤ 2× |",
        f"| ledger verification (s) | | {verify:.2f} | | {verify_base:.2f} (hand-written SQL; "
        f"ratio {verify / verify_base:.2f}) | |",
    ]
    if found or found_base:
        lines.append(f"| **ledger discrepancies: {found:,} (hand-written SQL: {found_base:,})** "
                     "| | | | | none |")  # fmt: skip
    return lines[:1] + tiers[:1] + lines[1:] + tiers[1:]


def machine() -> str:
    import sqlite3

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.platform()}, {os.cpu_count()} CPUs, {memory:.0f} GiB RAM, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--db", help="database URL (default: an SQLite file in bench/data)")
    parser.add_argument("--quick", action="store_true", help="10,000 members, for CI")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    count = 10_000 if args.quick else args.members
    DATA.mkdir(parents=True, exist_ok=True)
    url = args.db or sqlite_url(DATA / f"bench-{count}.sqlite3")
    db = open_or_build(url, count, args.rebuild)
    tier_bench.ensure_tiers(db)  # a database built before the demo gave tiers
    benefit_bench.ensure_catalog(db)  # 1,000 items, two vouchers a member (once)
    keys = sample_keys(db, 50 if args.quick else args.samples)
    lines = [
        f"# Benchmark {date.today()} — {db.description}, {count:,} members",
        "",
        f"Machine: {machine()}; server: {server_version(db)}",
        "",
        "| operation | p50 ms | p95 ms | p99 ms | raw SQL median ms | target p95 |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, p50, p95, p99, base in bench_lookups(db, keys):
        target = "< 10 ms" if name in {"member number", "mobile", "VIN", "plate"} else "< 100 ms"
        lines.append(
            f"| look-up: {name} | {p50:.2f} | {p95:.2f} | {p99:.2f} | {base:.2f} | {target} |"
        )
    p95, base = bench_first_page(db)
    lines.append(f"| member list, first page (100 rows) | | {p95:.2f} | | {base:.2f} | < 300 ms |")
    lines += benefit_bench.bench_offers(db, ADMIN, 50 if args.quick else args.samples)
    lines += partner_bench.bench_settlement(db, ADMIN)
    lines += report_bench.bench_monthly(db, ADMIN)
    rows = 1_000 if args.quick else 100_000
    export, export_base = bench_export(db, rows)
    lines.append(
        f"| export {rows:,} members to Excel (s) | | {export:.1f} | | {export_base:.1f} "
        f"(openpyxl write-only; ratio {export / export_base:.2f}) | ≤ 1.3× |"
    )
    lines += bench_gui(url, 10 if args.quick else 100)
    seconds, baseline, imported = bench_import(rows)
    lines.append(
        f"| import {imported:,} members from Excel (s) | | {seconds:.1f} | | "
        f"{baseline:.1f} (openpyxl read only) | < 60 s |"
    )
    db.close()  # PostgreSQL copies the database from a template: no session may be open
    lines += bench_ledger(url, 1_000 if args.quick else 10_000)
    report = "\n".join(lines) + "\n"
    print(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{date.today()}-{db.kind}-{count}.md").write_text(report)
    db.close()
    return 0


def server_version(db: Database) -> str:
    with db.reader() as uow:
        if db.kind == "sqlite":
            return "SQLite " + uow.session.execute(text("select sqlite_version()")).scalar_one()
        return uow.session.execute(text("select version()")).scalar_one().split(",")[0]


if __name__ == "__main__":
    sys.exit(main())
