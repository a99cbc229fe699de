"""Desktops working on the same records at once: one lock order, and contention retried
instead of shown as a raw driver error (the hardening issue's concurrency defects)."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app.domain.errors import AuthenticationFailed, Busy, LoyaltyError
from app.services import approvals, members, points, settings
from app.services.points import ServiceInput, UsePointsInput, adjustments
from app.services.points.adjustments import AdjustmentInput
from app.services.points.ledger import lock_account
from app.services.shared.database import open_database
from app.services.shared.uow import retry_on_contention
from app.services.staff import auth
from tests.test_members import register, zhang


def together(workers: list, seconds: float | None = None) -> list[BaseException]:
    """Run the callables in threads released at one moment; the errors they raised."""
    start, errors = threading.Barrier(len(workers)), []

    def run(work):
        start.wait()
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(work,)) for work in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def until(seconds: float):
    deadline = time.monotonic() + seconds
    return lambda: time.monotonic() < deadline


def rich_member(db, people, fen=500_000_00, mobile="13800138000"):
    member = register(db, people.clerk, zhang(mobile=mobile, resident_id=None))
    points.record_service(
        db, people.clerk, ServiceInput(member.id, None, f"RO-{mobile}", date(2026, 3, 1), fen)
    )
    return member.id


def expected(exc: BaseException) -> bool:
    """Refusals a person can act on; anything else (a driver error, Busy) is a defect."""
    return isinstance(exc, LoyaltyError) and not isinstance(exc, Busy)


def test_adjustments_approvals_and_refunds_at_once_never_deadlock(db, people):
    """A direct adjustment used to lock the audit head before the account, while approvals
    and refunds lock the account first: 38 deadlocks in 62 operations on PostgreSQL."""
    settings.update_settings(db, people.admin, adjustment_direct_limit=100)
    member_id = rich_member(db, people)
    more = until(4)
    counts = {"direct": 0, "approved": 0, "refunded": 0}

    def direct():
        while more():
            adjustments.request_adjustment(
                db, people.supervisor, AdjustmentInput(member_id, 5, "goodwill", "direct")
            )
            counts["direct"] += 1

    def request_and_approve():
        while more():
            request = adjustments.request_adjustment(
                db, people.clerk, AdjustmentInput(member_id, -3, "system_error", "checked")
            )
            approvals.approve(db, people.supervisor, request.id)
            counts["approved"] += 1

    def earn_and_refund():
        number = 0
        while more():
            number += 1
            recorded = points.record_service(
                db, people.clerk,
                ServiceInput(member_id, None, f"R{threading.get_ident()}-{number}",
                             date(2026, 3, 1), 20_000),
            )  # fmt: skip
            points.refund_service(db, people.clerk, recorded.order_id, "customer returned")
            counts["refunded"] += 1

    errors = together([direct, direct, request_and_approve, request_and_approve, earn_and_refund])
    assert errors == []
    assert min(counts.values()) > 0
    assert points.verify_ledger(db, people.admin) == []


def test_merges_while_the_counter_uses_points_never_deadlock(db, people):
    """A merge locked the surviving member FOR UPDATE while a counter posting held the
    account and needed a KEY SHARE lock on that member: 21 of 32 uses failed."""
    keep = rich_member(db, people)
    more = until(4)
    merged, used = [], []

    def merge_into_keep():
        serial = 0
        while more():
            serial += 1
            mobile = f"139{threading.get_ident() % 10_000:04d}{serial:04d}"
            gone = rich_member(db, people, 10_000_00, mobile)
            members.merge_members(db, people.supervisor, keep, gone, "same person")
            merged.append(gone)

    def use_points():
        while more():
            points.use_points(db, people.clerk, UsePointsInput(keep, 1, "labour", "RO-USE"))
            used.append(1)

    errors = together([merge_into_keep, use_points, use_points, use_points])
    assert [e for e in errors if not expected(e)] == []
    assert merged and used
    assert points.verify_ledger(db, people.admin) == []


def test_a_real_deadlock_is_retried_and_both_succeed(db, people):
    """Two units of work locking two accounts in opposite orders: the database breaks the
    deadlock by failing one (PostgreSQL) and the retry runs it again to success."""
    if db.kind != "postgresql":
        pytest.skip("SQLite has one writer at a time: no deadlock to break")
    first, second = rich_member(db, people), rich_member(db, people, mobile="13900139000")
    attempts = []
    both_hold_one = threading.Barrier(2, timeout=10)

    def crossing(a: int, b: int):
        @retry_on_contention
        def work():
            attempts.append(a)
            with db.uow() as uow:
                lock_account(uow, a)
                if len(attempts) <= 2:
                    both_hold_one.wait()  # each holds one lock and reaches for the other
                lock_account(uow, b)
                uow.commit()

        return work

    assert together([crossing(first, second), crossing(second, first)]) == []
    assert len(attempts) == 3  # one of them ran twice


def test_a_locked_sqlite_file_is_retried_not_shown_raw(tmp_path, people_free_db):
    """Another program holding the write lock longer than the busy timeout used to surface as
    a raw OperationalError ("database is locked")."""
    db, clerk, member_id = people_free_db
    holder = sqlite3.connect(db.engine.url.database, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    releaser = threading.Timer(0.6, holder.rollback)
    releaser.start()
    try:
        recorded = points.record_service(
            db, clerk, ServiceInput(member_id, None, "RO-LOCK", date(2026, 3, 1), 10_000_00)
        )
    finally:
        releaser.join()
        holder.close()
    assert recorded.points == 10


@pytest.fixture
def people_free_db(tmp_path, monkeypatch, clock):
    """An SQLite file whose busy timeout is short, with a clerk and a member."""
    from app.config import sqlite_url
    from app.db import engine as engine_module
    from app.domain.roles import Role
    from app.services import staff
    from tests.conftest import PASSWORD

    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 100)
    db = open_database(sqlite_url(tmp_path / "busy.sqlite3"), clock=clock)
    admin = auth.create_first_admin(db, "admin", "Admin", PASSWORD)
    dealer = staff.save_dealer(
        db, admin, staff.DealerInput("BJA01", "北京东区", "华北", "北京市", "北京市")
    )
    clerk = staff.UserInput("clerk", "Clerk", Role.CLERK, dealer.id)
    staff.save_user(db, admin, clerk, initial_password="Temp-pass-1")
    clerk = auth.change_password(db, auth.sign_in(db, "clerk", "Temp-pass-1"), "Temp-pass-1",
                                 PASSWORD)  # fmt: skip
    member = register(db, clerk)
    yield db, clerk, member.id
    db.close()


def test_contention_that_outlasts_the_retries_is_a_clear_message(db, monkeypatch):
    monkeypatch.setattr("app.services.shared.uow.FIRST_PAUSE_S", 0.001)
    calls = []

    @retry_on_contention
    def always_locked():
        calls.append(1)
        with db.uow():
            raise OperationalError("UPDATE x", {}, sqlite3.OperationalError("database is locked"))

    with pytest.raises(Busy) as raised:
        always_locked()
    assert len(calls) == 6
    assert "try again" in str(raised.value) and "locked" not in str(raised.value)


def test_parallel_wrong_passwords_lock_after_five_checks(db, people):
    """The failure count was read and written without a lock: 8 parallel guessers had 35
    passwords checked on PostgreSQL before the lockout."""
    checked, locked = [], []

    def guess():
        for _ in range(3):
            try:
                auth.sign_in(db, "clerk", "Wrong-pass-9")
            except AuthenticationFailed as exc:
                (locked if type(exc).__name__ == "AccountLocked" else checked).append(exc)

    assert together([guess] * 8) == []
    assert len(checked) == 4 and len(locked) == 20  # the fifth wrong one locks the account
    with db.reader() as uow:
        failures = uow.session.execute(
            text("SELECT count(*) FROM audit_log WHERE entity = 'sign_in' AND action = 'failed'")
        ).scalar_one()
    assert failures == 4
