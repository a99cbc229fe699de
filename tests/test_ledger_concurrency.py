"""Several desktops posting for the same member at the same moment, on SQLite and PostgreSQL.

Each thread opens its own ``Database`` (its own engine and connections), as a separate
desktop would, and all are released together by a barrier. A hook on every desktop's engine
sleeps right after the engine has read the member's account row (the locking read), so each
transaction holds the read-then-write window open long enough for all the others to arrive:
without the account lock (FOR UPDATE on PostgreSQL, BEGIN IMMEDIATE on SQLite) these tests
overdraw.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from app.db.models import LedgerEntry, PointHold, PointLot, PointsAccount
from app.services.points import ledger, ledger_checks
from app.services.points.ledger import NotEnoughPoints, Posting
from app.services.settings import ProgrammeSettings
from app.services.shared.database import Database, open_database
from app.services.staff import auth
from tests.conftest import PASSWORD
from tests.test_ledger_properties import new_member

ROLLING = ProgrammeSettings(expiry_mode="rolling", expiry_months=6, expiry_round_to_month_end=False)
DAY = date(2026, 3, 10)
DESKTOPS = 8
DEBIT = 30
WINDOW = 0.1  # seconds each transaction sleeps after reading the account
HOLD_TIMEOUT = timedelta(minutes=30)


def run(db: Database, fn):
    with db.uow() as uow:
        result = fn(uow)
        uow.commit()
        return result


def post(db: Database, posting: Posting) -> int:
    return run(db, lambda uow: ledger.post(uow, ROLLING, posting).id)


def earn(uid: str, member: int, amount: int, on: date) -> Posting:
    return Posting(uid, member, "points", "earn", "service", amount, on, "clerk")


def redeem(uid: str, member: int, amount: int) -> Posting:
    return Posting(uid, member, "points", "redeem", "counter", -amount, DAY, "clerk")


def hold(db: Database, uid: str, member: int) -> int:
    def place(uow):
        return ledger.place_hold(
            uow, uid, member, DEBIT, "benefit", None, "clerk", HOLD_TIMEOUT, DAY
        ).id

    return run(db, place)


@pytest.fixture
def admin(db):
    return auth.create_first_admin(db, "admin", "Admin", PASSWORD)


@pytest.fixture
def member(db, admin) -> int:
    """A member (active since 2026-03-01) with 100 points in three lots: 40 expiring first,
    then 35, then 25."""
    member = new_member(db, admin)
    for n, (amount, day) in enumerate(((25, DAY), (40, date(2026, 3, 2)), (35, date(2026, 3, 5)))):
        post(db, earn(f"opening{n}", member, amount, day))
    return member


@dataclass
class Desktops:
    """``DESKTOPS`` separately opened databases, plus what happened on each."""

    dbs: list[Database]
    windows: Counter = field(default_factory=Counter)  # account reads slowed, per desktop
    outcomes: list[tuple[int, str, object]] = field(default_factory=list)
    spans: list[tuple[float, float]] = field(default_factory=list)
    retries: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def race(self, work: Callable[[int, Database], object]) -> None:
        """Run ``work(i, db_i)`` on every desktop at once; record result or refusal."""
        barrier = threading.Barrier(len(self.dbs))

        def desktop(i: int, db: Database) -> None:
            barrier.wait()
            start = time.monotonic()
            for _attempt in range(5):
                try:
                    outcome = ("ok", work(i, db))
                except NotEnoughPoints as exc:
                    outcome = ("short", exc.available)
                except Exception as exc:  # noqa: BLE001 - recorded and asserted on
                    outcome = ("error", exc)
                    locked = isinstance(exc, OperationalError) and db.kind == "sqlite"
                    if locked and "database is locked" in str(exc):  # tolerated: try again
                        with self.lock:
                            self.retries += 1
                        continue
                break
            with self.lock:
                self.outcomes.append((i, *outcome))
                self.spans.append((start, time.monotonic()))

        threads = [threading.Thread(target=desktop, args=pair) for pair in enumerate(self.dbs)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not any(thread.is_alive() for thread in threads), "a desktop hung"
        assert len(self.outcomes) == len(self.dbs), "every desktop made its attempt"

    def kinds(self) -> Counter:
        return Counter(kind for _, kind, _ in self.outcomes)

    def results(self, kind: str) -> list:
        return [value for _, k, value in self.outcomes if k == kind]

    def overlapped(self) -> bool:
        """All attempts were in flight together: the last began before the first ended."""
        return max(start for start, _ in self.spans) < min(end for _, end in self.spans)


@pytest.fixture
def desktops(db):
    dbs = [open_database(db.url, clock=db.clock) for _ in range(DESKTOPS)]
    opened = Desktops(dbs)
    for i, desktop in enumerate(dbs):

        @event.listens_for(desktop.engine, "after_cursor_execute")
        def slow_down(conn, cursor, statement, parameters, context, executemany, i=i):
            text = statement.lstrip().upper()
            if text.startswith("SELECT") and "FROM POINTS_ACCOUNTS" in text:
                opened.windows[i] += 1
                time.sleep(WINDOW)

    yield opened
    for desktop in dbs:
        desktop.close()


def account(db: Database, member: int) -> tuple[int, int]:
    with db.reader() as uow:
        row = uow.session.get(PointsAccount, member)
        return row.balance, row.held


def check_ledger(db: Database, member: int, balance: int) -> None:
    with db.reader() as uow:
        assert ledger_checks.verify(uow) == []
        lots = uow.session.execute(
            select(PointLot.original, PointLot.remaining).where(PointLot.member_id == member)
        ).all()
    assert all(0 <= remaining <= original for original, remaining in lots)
    assert sum(remaining for _, remaining in lots) == balance


def test_simultaneous_debits_never_overdraw(db, member, desktops):
    desktops.race(lambda i, desk: post(desk, redeem(f"debit{i}", member, DEBIT)))

    assert desktops.overlapped()
    assert desktops.kinds() == {"ok": 100 // DEBIT, "short": DESKTOPS - 100 // DEBIT}
    assert set(desktops.results("short")) == {100 % DEBIT}  # each refusal saw the last 10
    assert len(desktops.windows) == DESKTOPS  # every desktop got as far as the account
    assert account(db, member) == (10, 0)
    check_ledger(db, member, 10)
    with db.reader() as uow:
        debits = uow.session.scalars(
            select(LedgerEntry.amount).where(LedgerEntry.kind == "redeem")
        ).all()
        lots = uow.session.execute(
            select(PointLot.original, PointLot.remaining).order_by(PointLot.expires_on)
        ).all()
    assert debits == [-DEBIT] * 3
    assert lots == [(40, 0), (35, 0), (25, 10)]  # soonest expiry first, whatever the order


def test_simultaneous_debits_and_holds_never_overdraw(db, member, desktops):
    def debit_or_hold(i: int, desk: Database):
        if i % 2:
            return "debit", post(desk, redeem(f"debit{i}", member, DEBIT))
        return "hold", hold(desk, f"hold{i}", member)

    desktops.race(debit_or_hold)

    assert desktops.overlapped()
    assert desktops.kinds() == {"ok": 3, "short": DESKTOPS - 3}
    assert set(desktops.results("short")) == {10}
    holds = [
        f"hold{i}" for i, kind, value in desktops.outcomes if kind == "ok" and value[0] == "hold"
    ]
    debits = len(desktops.results("ok")) - len(holds)
    assert {kind for kind, _ in desktops.results("ok")} <= {"debit", "hold"}
    assert account(db, member) == (100 - DEBIT * debits, DEBIT * len(holds))
    check_ledger(db, member, 100 - DEBIT * debits)
    for uid in holds:  # the redemptions go through: every reserved point was there
        run(db, lambda uow, uid=uid: ledger.settle_hold(uow, ROLLING, uid, True, "clerk", DAY))
    assert account(db, member) == (10, 0)
    check_ledger(db, member, 10)
    with db.reader() as uow:
        assert uow.session.scalar(select(func.count()).where(PointHold.status == "active")) == 0


def test_simultaneous_first_credits_create_one_account(db, admin, desktops):
    """Eight desktops credit a member who has no account row yet: one row, every point."""
    member = new_member(db, admin)
    fixed = ProgrammeSettings()  # fixed cycle: the cycle start is set by the first credit

    desktops.race(
        lambda i, desk: run(
            desk,
            lambda uow: ledger.post(uow, fixed, earn(f"credit{i}", member, 10 + i, DAY)).id,
        )
    )

    assert desktops.overlapped()
    assert desktops.kinds() == {"ok": DESKTOPS}
    total = sum(10 + i for i in range(DESKTOPS))
    assert account(db, member) == (total, 0)
    check_ledger(db, member, total)
    with db.reader() as uow:
        expiries = set(uow.session.scalars(select(PointLot.expires_on)))
    assert expiries == {date(2027, 12, 31)}


@pytest.fixture(params=["post", "hold", "reverse"])
def same_request(request, db, member):
    """One request (same uid) of each idempotent kind, sent by every desktop at once, and
    what its single effect on the account is."""
    if request.param == "post":
        same = redeem("same-request", member, DEBIT)
        return (lambda i, desk: post(desk, same)), (100 - DEBIT, 0)
    if request.param == "hold":
        return (lambda i, desk: hold(desk, "same-hold", member)), (100, DEBIT)
    redemption = post(db, redeem("to-cancel", member, DEBIT))

    def cancel(i, desk):
        return run(
            desk,
            lambda uow: ledger.reverse(
                uow, ROLLING, ledger.get_entry(uow, redemption), "same-cancel", "clerk", DAY
            ),
        )

    return cancel, (100, 0)


def test_simultaneous_requests_with_the_same_uid_take_effect_once(
    db, member, desktops, same_request
):
    """Every desktop gets the one result back; none gets an error (a UNIQUE violation)."""
    work, effect = same_request
    with db.reader() as uow:
        entries_before = uow.session.scalar(select(func.count()).select_from(LedgerEntry))
    desktops.race(work)

    assert desktops.overlapped()
    assert desktops.kinds() == {"ok": DESKTOPS}, desktops.results("error")
    assert len(set(desktops.results("ok"))) == 1
    with db.reader() as uow:
        entries = uow.session.scalar(select(func.count()).select_from(LedgerEntry))
        holds = uow.session.scalar(select(func.count()).select_from(PointHold))
    assert entries - entries_before + holds == 1
    assert account(db, member) == effect
    check_ledger(db, member, effect[0])


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_expiry_run_racing_a_back_dated_credit(db, admin, member, desktops):
    other = new_member(db, admin)
    short = ProgrammeSettings(expiry_mode="rolling", expiry_months=1)  # to the month's end
    run(db, lambda uow: ledger.post(uow, short, earn("other-earn", other, 20, DAY)))
    as_of = date(2026, 6, 1)  # due: `other`'s 20 (valid until 2026-04-30); the member: nothing
    late, posted = desktops.dbs[0], []

    @event.listens_for(db.engine, "before_cursor_execute")
    def post_mid_run(conn, cursor, statement, *args):
        # After the run has locked the accounts with due lots (only `other`'s), before it
        # inserts the expiry entries: another desktop records an old document for the member.
        if not posted and statement.lstrip().upper().startswith("INSERT INTO LEDGER_ENTRIES"):
            old = earn("old-document", member, 15, date(2026, 3, 2))  # valid until 2026-04-30
            posted.append(run(late, lambda uow: ledger.post(uow, short, old).id))

    try:
        batch = run(db, lambda uow: ledger.expire_range(uow, as_of, 0, 10**9, "system"))
    finally:
        event.remove(db.engine, "before_cursor_execute", post_mid_run)
    assert posted, "the back-dated credit was posted during the expiry run"
    # Today the run expires the 15 points too (2 lots, 35 points), without taking them off
    # the member's balance; a fix may expire them now or leave them to the next run.
    assert batch in (ledger.ExpiryBatch(2, 35), ledger.ExpiryBatch(1, 20))
    with db.reader() as uow:
        assert ledger_checks.verify(uow) == []
    assert account(db, member) == (100 if batch.lots == 2 else 115, 0)
