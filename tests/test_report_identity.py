"""The points identity of the monthly report on random data (hypothesis): random sequences
of earnings, counter offsets, redemptions, adjustments, reversals and expiry runs posted
through the real ledger engine on a fresh SQLite database; then, for every month, the
report finds no failed check, its opening and closing equal the ledger's balances summed
independently here, and each month's closing is the next month's opening."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.config import sqlite_url
from app.db.models import LedgerEntry, PointsAccount
from app.services import members
from app.services.points import ledger
from app.services.points.ledger import NotEnoughPoints, Posting
from app.services.reports.monthly import monthly_report
from app.services.settings.programme import read_settings, update_settings
from app.services.shared.database import open_database
from app.services.staff import auth
from tests.conftest import PASSWORD, FakeClock
from tests.test_members import zhang

START = date(2026, 1, 1)
MONTHS = ("2025-12", "2026-01", "2026-02", "2026-03", "2026-04")
KINDS = ("earn", "offset", "redeem", "adjust", "reverse", "expire")
SOURCES = {"earn": ("service", "sign_in", "initial", "goodwill"), "offset": ("labour", "parts")}

operation = st.tuples(
    st.sampled_from(KINDS),
    st.integers(0, 2),  # member
    st.integers(-300, 600).filter(bool),  # amount (sign used by adjustments)
    st.integers(0, 110),  # day after START
    st.integers(0, 3),  # which source
)
_mobiles = itertools.count(13_700_000_000)


def _post(uow, member_id, kind, source, amount, on, uid):
    return ledger.post(uow, read_settings(uow), Posting(uid, member_id, "points", kind, source,
                                                          amount, on, "t"))  # fmt: skip


def _apply(db, ids, ops) -> None:
    posted: list[int] = []
    for n, (kind, who, amount, day, pick) in enumerate(sorted(ops, key=lambda op: op[3])):
        on, member_id, uid = START + timedelta(days=day), ids[who], f"op-{n}"
        with db.uow() as uow:
            try:
                if kind == "earn":
                    source = SOURCES["earn"][pick % 4]
                    posted.append(_post(uow, member_id, "earn", source, abs(amount), on, uid).id)
                elif kind in ("offset", "redeem"):
                    source = SOURCES["offset"][pick % 2] if kind == "offset" else "redemption"
                    posted.append(_post(uow, member_id, "redeem", source, -abs(amount), on, uid).id)
                elif kind == "adjust":
                    _post(uow, member_id, "adjust", "goodwill", amount, on, uid)
                elif kind == "reverse" and posted:
                    original = ledger.get_entry(uow, posted.pop(pick % len(posted)))
                    ledger.reverse(uow, read_settings(uow), original, uid, "t", on)
                elif kind == "expire":
                    ledger.expire_range(uow, on, min(ids), max(ids), "t")
            except NotEnoughPoints:
                continue
            uow.commit()


def _ledger_sum(db, last: date | None) -> int:
    query = select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
        LedgerEntry.currency == "points"
    )
    if last is not None:
        query = query.where(LedgerEntry.business_date <= last)
    with db.reader() as uow:
        return int(uow.session.scalar(query))


SLOW_AND_SESSION_FIXTURE = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=30, deadline=None, suppress_health_check=SLOW_AND_SESSION_FIXTURE)
@given(st.lists(operation, min_size=1, max_size=25))
def test_identity_holds_on_random_postings(sqlite_template, ops):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "db.sqlite3"
        shutil.copy(sqlite_template, path)
        clock = FakeClock()
        clock.now = datetime(2025, 11, 1, 2, tzinfo=UTC)
        db = open_database(sqlite_url(path), clock=clock)
        try:
            admin = auth.create_first_admin(db, "admin", "Admin", PASSWORD)
            update_settings(db, admin, expiry_mode="rolling", expiry_months=1,
                            expiry_round_to_month_end=False)  # fmt: skip
            ids = [
                members.register_member(db, admin, zhang(mobile=str(next(_mobiles)),
                                                         resident_id=None)).id
                for _ in range(3)
            ]  # fmt: skip
            _apply(db, ids, ops)
            clock.now = datetime(2026, 5, 2, 2, tzinfo=UTC)
            previous_closing = 0
            for month in MONTHS:
                report = monthly_report(db, admin, month)
                p = report.points
                assert report.checks == () and p.identity_ok
                assert (
                    p.opening
                    == previous_closing
                    == _ledger_sum(db, report.scope.first_day - timedelta(days=1))
                )
                assert p.closing == _ledger_sum(db, report.scope.last_day)
                previous_closing = p.closing
            with db.reader() as uow:
                balances = uow.session.scalar(select(func.sum(PointsAccount.balance)))
            assert previous_closing == _ledger_sum(db, None) == (balances or 0)
        finally:
            db.close()
