#!/usr/bin/env python3
"""The parallel soak for minutes instead of the test suite's seconds.

    python bench/soak.py [--seconds 120] [--processes 8] [--db postgresql://...]

Eight desktops (processes) earn, use, hold and settle, refund, request, approve and merge on
the same few members of a fresh database; prints the operations, the refusals (expected:
not enough points, already refunded…) and the defects (anything else), then checks every
ledger and audit invariant. Exits 1 on any defect or broken invariant. Without --db it uses
a new SQLite file; with a PostgreSQL server URL it creates and drops its own database.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from app.config import sqlite_url  # noqa: E402
from app.domain.roles import Role  # noqa: E402
from app.services import points, staff  # noqa: E402
from app.services.shared import audit  # noqa: E402
from app.services.shared.database import open_database  # noqa: E402
from app.services.staff import auth  # noqa: E402
from tests import soak  # noqa: E402

PASSWORD = "Soak-pass-1"


class People:
    """The staff the soak needs: an admin, and a supervisor and clerk of one dealer."""

    def __init__(self, db):
        self.admin = auth.create_first_admin(db, "admin", "Admin", PASSWORD)
        dealer = staff.DealerInput("BJA01", "北京东区服务中心", "华北", "北京市", "北京市")
        self.dealer_id = staff.save_dealer(db, self.admin, dealer).id
        self.supervisor = self._user(db, Role.SUPERVISOR)
        self.clerk = self._user(db, Role.CLERK)

    def _user(self, db, role: Role):
        user = staff.UserInput(role.value, role.value.title(), role, self.dealer_id)
        staff.save_user(db, self.admin, user, initial_password="Temp-pass-1")
        signed = auth.sign_in(db, role.value, "Temp-pass-1")
        return auth.change_password(db, signed, "Temp-pass-1", PASSWORD)


def _postgres_database(server_url: str) -> tuple[str, Callable[[], None]]:
    name = f"loyalty_soak_{uuid.uuid4().hex[:8]}"
    admin = create_engine(
        make_url(server_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')

    def drop():
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    return str(make_url(server_url).set(database=name)), drop


def _listed(counts) -> str:
    return ", ".join(f"{name} {count:,}" for name, count in sorted(counts.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--db", help="a PostgreSQL server URL (default: a new SQLite file)")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    url, drop = (
        _postgres_database(args.db)
        if args.db
        else (sqlite_url(Path(folder.name) / "soak.sqlite3"), lambda: None)
    )
    db = open_database(url)
    try:
        people = People(db)
        today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
        result = soak.run(soak.prepare(db, people, today), args.processes, args.seconds)
        problems = points.verify_ledger(db, people.admin)
        with db.reader() as uow:
            trail = audit.verify(uow)
    finally:
        db.close()
        drop()
        folder.cleanup()
    rate = result.total / result.seconds
    print(f"{db.kind}: {result.total:,} operations by {result.processes} desktops in "
          f"{result.seconds:.1f} s ({rate:,.0f} per second)")  # fmt: skip
    print(f"operations: {_listed(result.operations)}")
    print(f"refusals (expected): {_listed(result.refusals) or 'none'}")
    print(f"defects: {len(result.defects)}")
    for defect in result.defects[:10]:
        print("  " + defect.replace("\n", "\n  "))
    ledger = "consistent" if not problems else f"{len(problems)} discrepancies"
    print(f"ledger: {ledger}; audit trail: {'intact' if trail.intact else 'BROKEN'}")
    return 0 if not result.defects and not problems and trail.intact else 1


if __name__ == "__main__":
    sys.exit(main())
