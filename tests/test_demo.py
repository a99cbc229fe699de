"""The demo database: realistic, valid, reproducible, and cancellable."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.config import sqlite_url
from app.db.models import Dealer, Member, ServiceOrder, StaffUser, Vehicle
from app.domain.errors import Conflict
from app.domain.roles import Role
from app.domain.validation import (
    is_valid_member_number,
    normalize_mobile,
    normalize_plate,
    normalize_vin,
)
from app.services import audit, auth, demo
from app.services.database import open_database
from app.services.progress import Cancelled, Progress

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
    counts = {m: _count(db, m) for m in (Dealer, StaffUser, Member, Vehicle, ServiceOrder)}
    assert counts == {
        Dealer: summary.dealers,
        StaffUser: summary.staff,
        Member: summary.members,
        Vehicle: summary.vehicles,
        ServiceOrder: summary.service_orders,
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


def test_new_rows_after_the_demo_get_fresh_ids(built):
    """The demo inserts members and vehicles with explicit ids; later inserts must not clash."""
    db, _summary = built
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
    monkeypatch.setattr(demo, "CHUNK", 200)
    seen = []
    demo.build_demo(db, MEMBERS, progress=Progress(lambda d, t, _m: seen.append((d, t))))
    assert seen == [(200, MEMBERS), (400, MEMBERS), (MEMBERS, MEMBERS)]


def test_cancel_before_start_raises(db):
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        demo.build_demo(db, MEMBERS, progress=progress)


def test_cancel_while_running_stops_at_the_next_chunk(db, monkeypatch):
    monkeypatch.setattr(demo, "CHUNK", 200)
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
