"""Hypothesis on the real review run (SQLite file): whatever the members' tiers and points,
the preview's counts are the commit's counts, the history holds one row per decided member,
and committing twice changes nothing the second time."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.db.models import MemberTier, TierChange
from app.domain import tiers as rules
from app.domain.roles import Role
from app.services import members, points, staff
from app.services import settings as programme_settings
from app.services.members import MemberInput
from app.services.points import ServiceInput
from app.services.shared.database import open_database
from app.services.staff import auth
from app.services.tiers import review
from tests.conftest import PASSWORD, FakeClock

START = date(2026, 3, 1)
members_st = st.lists(
    st.tuples(
        st.integers(0, 400),  # yuan thousands at enrolment: the tier reached at once
        st.integers(0, 400),  # …and during the period
    ),
    min_size=1,
    max_size=6,
)


def _setup(db, clock, plan):
    admin = auth.create_first_admin(db, "admin", "Admin", PASSWORD)
    dealer = staff.save_dealer(
        db, admin, staff.DealerInput("BJA01", "北京", "华北", "北京市", "北京市")
    )
    staff.save_user(
        db,
        admin,
        staff.UserInput("clerk", "Clerk", Role.CLERK, dealer.id),
        initial_password="Temp-pass-1",
    )
    clerk = auth.change_password(
        db, auth.sign_in(db, "clerk", "Temp-pass-1"), "Temp-pass-1", PASSWORD
    )
    programme_settings.update_settings(db, admin, tier_upgrade_auto=True)
    ids = []
    for n, (first, _later) in enumerate(plan):
        data = MemberInput("张王李赵钱孙"[n] + "明", f"1390000{n:04d}", privacy_consent=True)
        member_id = members.register_member(db, clerk, data).id
        ids.append(member_id)
        if first:
            points.record_service(
                db, clerk, ServiceInput(member_id, None, f"A{n}", START, first * 100_000)
            )
    clock.advance(days=100)
    for member_id, (_first, later) in zip(ids, plan, strict=True):
        if later:
            on = START + timedelta(days=100)
            points.record_service(
                db, clerk, ServiceInput(member_id, None, f"B{member_id}", on, later * 100_000)
            )
    clock.advance(days=400)
    return admin


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan=members_st)
def test_preview_equals_commit_and_a_second_commit_changes_nothing(
    tmp_path_factory, sqlite_template, plan
):
    import shutil

    from app.config import sqlite_url

    path = tmp_path_factory.mktemp("review") / "loyalty.sqlite3"
    shutil.copy(sqlite_template, path)
    clock = FakeClock()
    db = open_database(sqlite_url(path), clock=clock)
    try:
        admin = _setup(db, clock, plan)
        as_of = date(2027, 4, 1)
        preview = review.preview_review(db, admin, as_of)
        with db.reader() as uow:
            due = uow.session.scalar(
                select(func.count()).select_from(MemberTier).where(MemberTier.valid_until <= as_of)
            )
        assert sum(preview.preview.values()) == due
        committed = review.commit_review(db, admin, as_of)
        assert committed.counts == preview.preview
        with db.reader() as uow:
            before = uow.session.execute(
                select(MemberTier.member_id, MemberTier.tier_code, MemberTier.valid_until).order_by(
                    MemberTier.member_id
                )
            ).all()
            history = uow.session.scalar(
                select(func.count())
                .select_from(TierChange)
                .where(TierChange.run_id == committed.id)
            )
        assert history == due
        again = review.commit_review(db, admin, as_of)
        assert again.repeated and again.counts == committed.counts
        with db.reader() as uow:
            after = uow.session.execute(
                select(MemberTier.member_id, MemberTier.tier_code, MemberTier.valid_until).order_by(
                    MemberTier.member_id
                )
            ).all()
        assert after == before
        for _member_id, code, valid_until in after:  # every decided member left the review
            assert code == rules.DEFAULT_POLICY.base.code or valid_until > as_of
    finally:
        db.close()
