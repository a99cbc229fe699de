"""The ledger never merges two postings: request ids are checked, never cut short, and
``verify`` notices a posting that two requests share; holds are settled in their scope."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text, update

from app.db.models import ApprovalRequest, LedgerEntry
from app.domain.errors import PermissionDenied, ValidationError
from app.domain.roles import Role
from app.services import approvals, points, staff
from app.services.points import ServiceInput, adjustments, ledger, ledger_checks
from app.services.points.adjustments import AdjustmentInput
from app.services.settings import ProgrammeSettings
from app.services.staff import auth
from tests.conftest import PASSWORD
from tests.test_members import register

SHARED = "h" * 59


@pytest.fixture
def member_id(db, people):
    member = register(db, people.clerk)
    points.record_service(
        db, people.clerk, ServiceInput(member.id, None, "RO-1", date(2026, 3, 1), 100_000_00)
    )
    return member.id


def entries(db) -> int:
    with db.reader() as uow:
        return uow.session.scalar(select(func.count()).select_from(LedgerEntry))


def test_long_request_ids_are_refused_not_cut_short(db, people, member_id):
    before = entries(db)
    for uid in (SHARED + "AAAAA", SHARED + "BBBBB"):  # 64 characters, the first 59 shared
        with pytest.raises(ValidationError):
            points.hold_points(db, people.clerk, member_id, 30, "benefit", None, uid)
        with pytest.raises(ValidationError):
            adjustments.request_adjustment(
                db, people.clerk, AdjustmentInput(member_id, 5, "goodwill", "x", request_uid=uid)
            )
    for bad in ("", "a:b", "名字", "a b", "x" * 49):
        with pytest.raises(ValidationError):
            points.use_points(
                db, people.clerk, points.UsePointsInput(member_id, 1, "labour", "RO", bad)
            )
    assert entries(db) == before


def test_holds_placed_with_long_ids_post_one_entry_each(db, member_id):
    """Holds placed before ids were checked may have 64-character ids: settling two that
    share 59 characters used to post one entry between them."""
    on, settings = date(2026, 3, 1), ProgrammeSettings()
    with db.uow() as uow:
        for uid in (SHARED + "AAAAA", SHARED + "BBBBB"):
            ledger.place_hold(uow, uid, member_id, 30, "benefit", None, "clerk",
                              timedelta(minutes=30), on)  # fmt: skip
            ledger.settle_hold(uow, settings, uid, True, "clerk", on)
        uow.commit()
    with db.reader() as uow:
        redeemed = uow.session.scalars(
            select(LedgerEntry.amount).where(LedgerEntry.kind == "redeem")
        ).all()
        assert redeemed == [-30, -30]
        assert ledger_checks.verify(uow) == []


def test_verify_names_holds_and_adjustments_that_share_a_posting(db, people, member_id):
    settings, on = ProgrammeSettings(), date(2026, 3, 1)
    with db.uow() as uow:
        for uid in ("h1", "h2"):
            ledger.place_hold(uow, uid, member_id, 30, "benefit", None, "clerk",
                              timedelta(minutes=30), on)  # fmt: skip
        ledger.settle_hold(uow, settings, "h1", True, "clerk", on)
        uow.commit()
    with db.uow() as uow:  # what the old truncation did: h2 "posted" with h1's entry
        uow.session.execute(
            text(
                "UPDATE point_holds SET status = 'posted', entry_id = "
                "(SELECT entry_id FROM point_holds WHERE hold_uid = 'h1') WHERE hold_uid = 'h2'"
            )
        )
        uow.session.execute(text("UPDATE points_accounts SET held = 0"))
        uow.commit()
    with db.reader() as uow:
        problems = {(p.problem, p.expected, p.found) for p in ledger_checks.verify(uow)}
    assert problems == {("hold_entry", -30, -30)}


def test_an_approved_adjustment_without_its_own_posting_is_named(db, people, member_id):
    made = [
        adjustments.request_adjustment(
            db, people.clerk, AdjustmentInput(member_id, amount, "goodwill", "x")
        )
        for amount in (5, 7)
    ]
    posted = approvals.approve(db, people.supervisor, made[0].id).result
    with db.uow() as uow:  # the second shares the first's posting, as truncated ids made it
        uow.session.execute(
            update(ApprovalRequest)
            .where(ApprovalRequest.id == made[1].id)
            .values(status="approved", result=posted)
        )
        uow.commit()
    problems = points.verify_ledger(db, people.admin)  # both claim the one posting
    assert sorted((p.problem, p.expected) for p in problems) == [
        ("adjustment_entry", 5), ("adjustment_entry", 7),
    ]  # fmt: skip


def test_a_hold_is_settled_only_by_its_dealer_or_headquarters(db, people, member_id):
    other = staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海浦东", "华东", "上海市", "上海市")
    )
    staff.save_user(
        db, people.admin, staff.UserInput("clerk.sha", "Clerk B", Role.CLERK, other.id),
        initial_password="Temp-pass-1",
    )  # fmt: skip
    stranger = auth.change_password(
        db, auth.sign_in(db, "clerk.sha", "Temp-pass-1"), "Temp-pass-1", PASSWORD
    )
    for uid in ("counter-a", "counter-b"):
        points.hold_points(db, people.clerk, member_id, 10, "benefit", "V1", uid)
    with pytest.raises(PermissionDenied):
        points.settle_hold(db, stranger, "counter-a", True)
    assert points.account_summary(db, people.clerk, member_id).held == 20
    assert points.settle_hold(db, people.clerk, "counter-a", True) == "posted"
    assert points.settle_hold(db, people.supervisor, "counter-b", False) == "released"
    assert points.verify_ledger(db, people.admin) == []
