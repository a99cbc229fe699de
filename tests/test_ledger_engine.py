"""The ledger engine on SQLite and PostgreSQL: posting, lots, holds, reversal, expiry, verify."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from app.db.models import LedgerEntry, PointLot, PointsAccount
from app.domain.errors import Conflict
from app.services import members
from app.services.points import ledger, ledger_checks
from app.services.points.ledger import NotEnoughPoints, Posting
from app.services.settings import ProgrammeSettings
from tests.test_members import register

SETTINGS = ProgrammeSettings()
DAY = date(2026, 3, 1)


@pytest.fixture
def member_id(db, people):
    return register(db, people.clerk).id


def earn(uid, member, amount, on=DAY, currency="points"):
    return Posting(uid, member, currency, "earn", "service", amount, on, "clerk")


def spend(uid, member, amount, on=DAY):
    return Posting(uid, member, "points", "redeem", "counter", -amount, on, "clerk")


def post(db, posting, settings=SETTINGS):
    with db.uow() as uow:
        entry = ledger.post(uow, settings, posting)
        uow.commit()
        return entry.id


def account(db, member):
    with db.reader() as uow:
        row = uow.session.get(PointsAccount, member)
        return (row.balance, row.held, row.qualifying)


def verify(db):
    with db.reader() as uow:
        return ledger_checks.verify(uow)


def test_same_uid_posts_once_and_different_content_is_refused(db, member_id):
    first = post(db, earn("u1", member_id, 100))
    assert post(db, earn("u1", member_id, 100)) == first
    with pytest.raises(Conflict):
        post(db, earn("u1", member_id, 101))
    assert account(db, member_id) == (100, 0, 0)
    assert verify(db) == []


def test_debits_take_soonest_expiring_lots_and_never_overdraw(db, member_id):
    rolling = ProgrammeSettings(expiry_mode="rolling", expiry_months=12)
    post(db, earn("late", member_id, 50, on=DAY), rolling)
    post(db, earn("early", member_id, 30, on=DAY - timedelta(days=200)), rolling)
    post(db, spend("s1", member_id, 40), rolling)
    with db.reader() as uow:
        lots = dict(uow.session.execute(select(PointLot.earned_on, PointLot.remaining)).all())
    assert lots == {DAY - timedelta(days=200): 0, DAY: 40}
    with pytest.raises(NotEnoughPoints):
        post(db, spend("s2", member_id, 41), rolling)
    assert account(db, member_id) == (40, 0, 0)
    assert verify(db) == []


def test_entries_cannot_be_updated_or_deleted(db, member_id):
    post(db, earn("u1", member_id, 10))
    for statement in ("UPDATE ledger_entries SET amount = 99", "DELETE FROM ledger_entries"):
        with db.uow() as uow, pytest.raises(DBAPIError):
            uow.session.execute(text(statement))
    with db.reader() as uow:
        assert uow.session.scalar(select(func.sum(LedgerEntry.amount))) == 10


def test_hold_reserves_then_posts_or_releases_or_times_out(db, member_id, clock):
    post(db, earn("u1", member_id, 100))
    with db.uow() as uow:
        ledger.place_hold(
            uow, "h1", member_id, 60, "benefit", "B1", "clerk", timedelta(minutes=30), DAY
        )
        uow.commit()
    assert account(db, member_id) == (100, 60, 0)
    with pytest.raises(NotEnoughPoints):
        post(db, spend("s1", member_id, 41))
    with db.uow() as uow:
        ledger.settle_hold(uow, SETTINGS, "h1", True, "clerk", DAY)
        uow.commit()
    assert account(db, member_id) == (40, 0, 0)
    with db.uow() as uow:
        ledger.place_hold(
            uow, "h2", member_id, 40, "benefit", None, "clerk", timedelta(minutes=30), DAY
        )
        uow.commit()
    clock.advance(minutes=31)
    post(db, spend("s2", member_id, 40))  # the time-out released h2
    assert account(db, member_id) == (0, 0, 0)
    with db.uow() as uow, pytest.raises(Conflict):
        ledger.settle_hold(uow, SETTINGS, "h2", True, "clerk", DAY)
    assert verify(db) == []


def test_refund_after_spending_reverses_what_remains_and_records_shortfall(db, member_id):
    credit = post(db, earn("e1", member_id, 100))
    post(db, spend("s1", member_id, 70))
    with db.uow() as uow:
        result = ledger.reverse(uow, SETTINGS, ledger.get_entry(uow, credit), "r1", "clerk", DAY)
        uow.commit()
    assert (result.reversed_points, result.shortfall) == (30, 70)
    assert account(db, member_id) == (0, 0, 0)
    with db.uow() as uow, pytest.raises(Conflict):
        ledger.reverse(uow, SETTINGS, ledger.get_entry(uow, credit), "r2", "clerk", DAY)
    assert verify(db) == []


def test_reversing_a_debit_puts_points_back(db, member_id):
    post(db, earn("e1", member_id, 100))
    debit = post(db, spend("s1", member_id, 70))
    with db.uow() as uow:
        ledger.reverse(uow, SETTINGS, ledger.get_entry(uow, debit), "r1", "clerk", DAY)
        uow.commit()
    assert account(db, member_id) == (100, 0, 0)
    assert verify(db) == []


def test_expiry_run_is_idempotent(db, member_id):
    with db.uow() as uow:  # validity counts from activation: make the member an old one
        uow.session.execute(text("UPDATE members SET activated_on = '2024-01-01'"))
        uow.commit()
    post(db, earn("old", member_id, 30, on=date(2024, 5, 1)))  # fixed cycle: ends 2025-12-31
    post(db, earn("new", member_id, 20, on=date(2026, 2, 1)))
    for _ in range(2):
        with db.uow() as uow:
            batch = ledger.expire_range(uow, DAY, 0, 10**9, "system")
            uow.commit()
    assert batch.lots == 0
    assert account(db, member_id) == (20, 0, 0)
    with db.reader() as uow:
        kinds = uow.session.scalars(select(LedgerEntry.kind).order_by(LedgerEntry.id)).all()
    assert kinds == ["earn", "earn", "expire"]
    assert verify(db) == []


def test_verify_names_a_tampered_member(db, member_id):
    post(db, earn("e1", member_id, 100))
    with db.uow() as uow:
        uow.session.execute(text("UPDATE points_accounts SET balance = 90"))
        uow.commit()
    problems = verify(db)
    assert {p.problem for p in problems} == {"balance", "lot_sum"}
    assert problems[0].member_id == member_id


def test_pre_registered_lots_start_validity_on_activation(db, people):
    ref = register(db, people.clerk, data=None)
    with db.uow() as uow:
        uow.session.execute(text(f"UPDATE members SET status='pre_registered' WHERE id={ref.id}"))
        uow.commit()
    post(db, earn("e1", ref.id, 10, on=date(2023, 1, 1)))
    with db.reader() as uow:
        assert uow.session.scalar(select(PointLot.expires_on)) is None
    with db.uow() as uow:
        ledger.start_validity(uow, SETTINGS, ref.id, DAY)
        uow.commit()
    with db.reader() as uow:
        assert uow.session.scalar(select(PointLot.expires_on)) == date(2027, 12, 31)
    assert members  # imported for the register helper's module


def test_a_cancelled_redemption_does_not_revive_expired_points(db, member_id):
    rolling = ProgrammeSettings(expiry_mode="rolling", expiry_months=1)
    post(db, earn("e1", member_id, 100, on=DAY), rolling)
    debit = post(db, spend("s1", member_id, 60, on=DAY), rolling)
    later = date(2026, 5, 10)  # the lot ended on 2026-04-30 (rolled to the month end)
    with db.uow() as uow:
        ledger.expire_range(uow, later, 0, 10**9, "system")
        uow.commit()
    with db.uow() as uow:
        result = ledger.reverse(uow, rolling, ledger.get_entry(uow, debit), "r1", "clerk", later)
        uow.commit()
    assert (result.reversed_points, result.shortfall) == (0, 60)
    with db.uow() as uow:  # a second run for the same date finds nothing and fails nowhere
        assert ledger.expire_range(uow, later, 0, 10**9, "system").lots == 0
        uow.commit()
    assert account(db, member_id) == (0, 0, 0)
    assert verify(db) == []
