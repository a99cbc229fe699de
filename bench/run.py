#!/usr/bin/env python3
"""Benchmarks at network scale. Timings live here, never in the tests.

    python bench/run.py [--members N] [--db URL] [--quick] [--rebuild]

Builds (or reuses) a demo database of N members, measures each operation against a baseline
run in the same process on the same database (so the ratio holds on a noisy machine), prints
a Markdown table and writes it to bench/results/<date>-<db>.md. --quick uses 10,000 members.
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
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from app.config import sqlite_url  # noqa: E402
from app.db import migrate  # noqa: E402
from app.domain.roles import Actor, Role  # noqa: E402
from app.services import demo, members  # noqa: E402
from app.services.database import Database, open_database  # noqa: E402
from app.services.members import MemberFilter  # noqa: E402

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


def bench_lookups(db: Database, keys: list[dict]) -> list[tuple]:
    rows = []
    for name, (search_text, sql, param) in LOOKUPS.items():
        service = []
        baseline = []
        for key in keys:
            flt = MemberFilter(text=search_text(key))
            service += timed(lambda flt=flt: members.search(db, ADMIN, flt), 1)
            statement, value = text(sql), {"p": param(key)}
            with db.reader() as uow:
                baseline += timed(
                    lambda u=uow, s=statement, p=value: u.session.execute(s, p).all(), 1
                )
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

    from app.adapters import member_excel
    from app.domain.validation import complete_vin
    from app.services import member_import

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
        member_excel.write_members_export(path, people)
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
    output = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "gui_probe.py"), *args],
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

    from app.services import member_import

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
