"""The demo database: realistic, valid, reproducible, and cancellable."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.exc import DBAPIError

from app.config import sqlite_url
from app.db import guards
from app.db.models import (
    Benefit,
    Dealer,
    LedgerEntry,
    Member,
    PointLot,
    PointsAccount,
    ServiceOrder,
    StaffUser,
    TierEntitlement,
    Vehicle,
    Voucher,
)
from app.domain.errors import Conflict
from app.domain.roles import Role
from app.domain.validation import (
    is_valid_member_number,
    normalize_mobile,
    normalize_plate,
    normalize_vin,
)
from app.services import demo, points
from app.services.points import ledger_checks
from app.services.shared import audit
from app.services.shared.database import open_database
from app.services.shared.progress import Cancelled, Progress
from app.services.staff import auth

MEMBERS = 500


def _count(db, model) -> int:
    with db.reader() as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def _column(db, column) -> list:
    with db.reader() as uow:
        return list(uow.session.scalars(select(column).order_by(column.table.c.id)))


@pytest.fixture
def built(db):
    return db, demo.build_demo(db, members=MEMBERS, seed=3)


def test_counts_match_the_summary_and_the_trail_is_intact(built):
    db, summary = built
    assert summary.members == MEMBERS
    assert summary.vehicles >= MEMBERS and summary.service_orders > MEMBERS
    models = (Dealer, StaffUser, Member, Vehicle, ServiceOrder, LedgerEntry, PointsAccount)
    counts = {m: _count(db, m) for m in models}
    assert counts == {
        Dealer: summary.dealers,
        StaffUser: summary.staff,
        Member: summary.members,
        Vehicle: summary.vehicles,
        ServiceOrder: summary.service_orders,
        LedgerEntry: summary.entries,
        PointsAccount: summary.members,
    }
    assert db.is_demo()
    with db.reader() as uow:
        report = audit.verify(uow)
    assert report.intact and report.checked == summary.dealers + summary.staff + 1


def test_data_is_valid_and_realistic(built, clock):
    db, _summary = built
    numbers, mobiles = _column(db, Member.member_number), _column(db, Member.mobile)
    vins, plates = _column(db, Vehicle.vin), _column(db, Vehicle.plate)
    assert all(is_valid_member_number(n) for n in numbers)
    assert [normalize_mobile(m) for m in mobiles] == mobiles
    assert len(set(mobiles)) == len(mobiles) == MEMBERS
    assert [normalize_vin(v) for v in vins] == vins
    assert [normalize_plate(p) for p in plates] == plates
    assert len(set(_column(db, Dealer.province))) >= 10
    assert set(_column(db, StaffUser.role)) == {r.value for r in Role}
    today, dates = clock.now.date(), _column(db, ServiceOrder.service_date)
    assert min(dates) >= today - timedelta(days=729) and max(dates) <= today
    assert max(dates) - min(dates) > timedelta(days=600)  # two years, not clustered


def test_demo_sign_ins_work_with_the_listed_roles(built):
    db, _summary = built
    for username, role in demo.demo_sign_ins():
        actor = auth.sign_in(db, username, demo.DEMO_PASSWORD)
        assert (actor.username, actor.role, actor.must_change_password) == (username, role, False)


def test_a_normal_database_is_not_a_demo(db, people):
    assert not db.is_demo()


def test_demo_needs_an_empty_database(built):
    db, _summary = built
    with pytest.raises(Conflict, match="empty database"):
        demo.build_demo(db, members=10)
    assert _count(db, Member) == MEMBERS


def test_new_rows_after_the_demo_get_fresh_ids(built, clock):
    """The demo inserts members, vehicles, service orders, ledger entries and lots with
    explicit ids; later inserts must not clash."""
    db, summary = built
    clerk = auth.sign_in(db, "clerk.bja01", demo.DEMO_PASSWORD)
    recorded = points.record_service(
        db, clerk, points.ServiceInput(1, None, "RO-AFTER-DEMO", clock.now.date(), 250_000_00)
    )
    assert (recorded.order_id, recorded.entry_id) == (
        summary.service_orders + 1,
        summary.entries + 1,
    )
    with db.reader() as uow:
        assert ledger_checks.verify(uow) == []
    with db.uow() as uow:
        member = Member(
            member_number="00000000000",
            name="新会员",
            join_date=date(2026, 3, 1),
            status="active",
            source_channel="app",
            created_at=uow.now(),
        )
        uow.session.add(member)
        uow.session.flush()
        assert member.id == MEMBERS + 1


def _names(db) -> list[str]:
    return _column(db, Member.name)


def test_same_seed_gives_same_people(built, tmp_path, clock):
    db, _summary = built
    same = open_database(sqlite_url(tmp_path / "same.sqlite3"), clock=clock)
    other = open_database(sqlite_url(tmp_path / "other.sqlite3"), clock=clock)
    try:
        demo.build_demo(same, members=MEMBERS, seed=3)
        demo.build_demo(other, members=MEMBERS, seed=4)
        assert _names(same) == _names(db)
        assert _names(other) != _names(db)
    finally:
        same.close()
        other.close()


def test_progress_reports_every_chunk_up_to_the_total(db, monkeypatch):
    monkeypatch.setattr(demo.demo_data, "CHUNK", 200)
    seen = []
    demo.build_demo(db, MEMBERS, progress=Progress(lambda d, t, _m: seen.append((d, t))))
    assert seen == [(200, MEMBERS), (400, MEMBERS), (MEMBERS, MEMBERS)]
    with db.reader() as uow:  # ids carry on from chunk to chunk
        assert ledger_checks.verify(uow) == []


def test_cancel_before_start_raises(db):
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        demo.build_demo(db, MEMBERS, progress=progress)


def test_cancel_while_running_stops_at_the_next_chunk(db, monkeypatch):
    monkeypatch.setattr(demo.demo_data, "CHUNK", 200)
    seen = []

    def listener(done, _total, _message):
        seen.append(done)
        progress.cancel()

    progress = Progress(listener)
    with pytest.raises(Cancelled):
        demo.build_demo(db, MEMBERS, progress=progress)
    assert seen == [200]


def test_cancelled_build_leaves_the_database_empty(db):
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        demo.build_demo(db, MEMBERS, progress=progress)
    assert (_count(db, StaffUser), _count(db, Member), db.is_demo()) == (0, 0, False)
    assert _count(db, LedgerEntry) == 0
    demo.build_demo(db, 20)  # the earning rules the migrations seeded are still there
    with db.reader() as uow:
        assert ledger_checks.verify(uow) == []
    with db.uow() as uow, pytest.raises(DBAPIError, match="append-only"):
        uow.session.execute(delete(LedgerEntry))  # and the ledger's guards are back
    with db.reader() as uow:
        assert guards.guard_problems(uow.session.connection()) == []  # the audit ones too


# --- the points ledger --------------------------------------------------------------------


def _entries(db) -> list:
    with db.reader() as uow:
        return uow.session.execute(select(LedgerEntry.__table__).order_by(LedgerEntry.id)).all()


def test_the_demo_ledger_is_consistent_and_looks_real(built):
    db, summary = built
    with db.reader() as uow:
        assert ledger_checks.verify(uow) == []
        orders = {o.id: o for o in uow.session.execute(select(ServiceOrder.__table__))}
        activated = dict(uow.session.execute(select(Member.id, Member.activated_on)).all())
        lots = uow.session.execute(select(PointLot.__table__)).all()
    entries = _entries(db)
    assert len(entries) == summary.entries
    assert 7 <= summary.entries / summary.members <= 13
    assert {(e.kind, e.source) for e in entries} == {
        ("earn", "service"),
        ("earn", "sign_in"),
        ("earn", "share"),
        ("earn", "major_event"),
        ("redeem", "labour"),
        ("redeem", "parts"),
        ("redeem", "redemption"),  # benefits redeemed with points (demo_benefits)
        ("expire", "expiry"),
    }
    assert len({e.entry_uid for e in entries}) == len(entries)
    for entry in entries:
        assert (entry.amount > 0) == (entry.kind == "earn")
        assert entry.currency == "points" or entry.kind == "earn"
        if entry.source == "service":
            order = orders[entry.service_order_id]
            assert (entry.reference, entry.dealer_id) == (order.document_no, order.dealer_id)
            assert entry.amount == order.amount_fen // 100_000  # rule v1: 1 point per 1,000 yuan
            assert entry.business_date == order.service_date and entry.rule_id
    by_member: dict[int, list] = {}  # per member, ids follow business dates
    for entry in entries:
        by_member.setdefault(entry.member_id, []).append(entry)
    for member_entries in by_member.values():
        dates = [e.business_date for e in member_entries]
        assert dates == sorted(dates)
    for lot in lots:  # fixed cycles of two natural years; validity starts at activation
        if activated[lot.member_id] is None:  # pre-registered
            assert lot.expires_on is None
        else:
            valid_from = max(lot.earned_on, activated[lot.member_id])
            assert lot.expires_on.year - valid_from.year in (0, 1)
            assert (lot.expires_on.month, lot.expires_on.day) == (12, 31)


def test_the_expiry_run_finds_old_lots_the_demo_left_and_keeps_the_books(built, clock):
    db, _summary = built
    expired_by_demo = [e for e in _entries(db) if e.kind == "expire"]
    assert {e.business_date for e in expired_by_demo} == {date(2026, 1, 1)}
    result = points.expire_points(db, "system")
    assert result.lots > 0 and result.points > 0
    with db.reader() as uow:
        assert ledger_checks.verify(uow) == []
        left = uow.session.scalar(
            select(func.count()).where(
                PointLot.remaining > 0, PointLot.expires_on < date(2026, 3, 1)
            )
        )
    assert left == 0
    again = points.expire_points(db, "system")
    assert again.repeated and again.lots == result.lots


def test_members_have_points_expiring_soon_before_a_cycle_ends(db, clock):
    clock.now = datetime(2025, 11, 20, 2, 0, tzinfo=UTC)  # fixed cycles all end on 31 December
    demo.build_demo(db, 300)
    admin = auth.sign_in(db, "admin", demo.DEMO_PASSWORD)
    members, expiring = points.count_expiring_soon(db, admin, 2)
    assert members > 10 and expiring > 0
    rows = points.expiring_soon(db, admin, 2)
    assert {row.expires_on for row in rows} == {date(2025, 12, 31)}
    clock.now = datetime(2026, 1, 1, 2, 0, tzinfo=UTC)
    result = points.expire_points(db, "system")
    assert result.points >= expiring
    with db.reader() as uow:
        assert ledger_checks.verify(uow) == []


def test_the_demo_has_a_catalog_a_filled_matrix_and_orders(built):
    db, _summary = built
    with db.reader() as uow:
        listed = uow.session.scalar(
            select(func.count()).select_from(Benefit).where(Benefit.status == "listed")
        )
        unset = uow.session.scalar(
            select(func.count())
            .select_from(TierEntitlement)
            .where(TierEntitlement.quantity.is_(None))
        )
        statuses = set(uow.session.scalars(select(Voucher.status)))
        redeemed = uow.session.scalar(select(func.count()).where(Voucher.entry_id.is_not(None)))
        assert ledger_checks.verify(uow) == []
    assert listed >= 20 and unset == 0  # the seed's eight and the demo's own
    assert statuses == {"issued", "used", "cancelled", "expired"} and redeemed > 0
