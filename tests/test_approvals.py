"""The approvals service with its first kind, the points adjustment, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import Conflict, PermissionDenied, ValidationError
from app.domain.roles import Role
from app.services import approvals, points, settings, staff
from app.services.approvals import RequestFilter
from app.services.points import ServiceInput, adjustments
from app.services.points.adjustments import AdjustmentInput
from app.services.points.ledger import NotEnoughPoints
from app.services.staff import auth
from tests.conftest import PASSWORD
from tests.test_members import register


@pytest.fixture
def member_id(db, people):
    return register(db, people.clerk).id


def ask(db, actor, member_id, amount, **kw):
    data = AdjustmentInput(member_id, amount, "goodwill", "Compensation for a late repair", **kw)
    return adjustments.request_adjustment(db, actor, data)


def balance(db, people, member_id):
    return points.account_summary(db, people.clerk, member_id).balance


def make_user(db, people, username, role, dealer_id):
    staff.save_user(
        db,
        people.admin,
        staff.UserInput(username, username, role, dealer_id),
        initial_password="Temp-pass-1",
    )
    actor = auth.sign_in(db, username, "Temp-pass-1")
    return auth.change_password(db, actor, "Temp-pass-1", PASSWORD)


def test_clerk_requests_supervisor_approves_and_it_posts(db, people, member_id):
    request = ask(db, people.clerk, member_id, 200)
    assert request.status == "pending" and balance(db, people, member_id) == 0
    assert approvals.pending_count(db, people.supervisor) == 1
    assert approvals.pending_count(db, people.clerk) == 0
    approved = approvals.approve(db, people.supervisor, request.id, "ok")
    assert approved.status == "approved" and approved.result["entry_id"]
    assert balance(db, people, member_id) == 200
    assert approvals.pending_count(db, people.supervisor) == 0
    with pytest.raises(Conflict):
        approvals.approve(db, people.admin, request.id)
    assert points.verify_ledger(db, people.admin) == []


def test_nobody_decides_their_own_request(db, people, member_id):
    own = ask(db, people.supervisor, member_id, 50)
    assert own.status == "pending"  # direct limit 0: even a supervisor's waits
    with pytest.raises(PermissionDenied):
        approvals.approve(db, people.supervisor, own.id)
    with pytest.raises(PermissionDenied):
        approvals.reject(db, people.supervisor, own.id, "no")
    assert approvals.pending_count(db, people.supervisor) == 0  # not counted for its maker
    assert approvals.approve(db, people.admin, own.id).status == "approved"


def test_a_clerks_request_is_decided_by_its_dealer_or_headquarters(db, people, member_id):
    other = staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海浦东服务中心", "华东", "上海市", "上海市")
    )
    stranger = make_user(db, people, "sup2", Role.SUPERVISOR, other.id)
    request = ask(db, people.clerk, member_id, 10)
    with pytest.raises(PermissionDenied):
        approvals.approve(db, stranger, request.id)
    with pytest.raises(PermissionDenied):
        approvals.approve(db, people.clerk, request.id)
    assert approvals.list_requests(db, stranger) == []
    rejected = approvals.reject(db, people.supervisor, request.id, "no evidence")
    assert (rejected.status, rejected.decision_note) == ("rejected", "no evidence")
    with pytest.raises(ValidationError):
        approvals.reject(db, people.supervisor, ask(db, people.clerk, member_id, 5).id, " ")


def test_approval_rechecks_the_balance(db, people, member_id):
    points.record_service(
        db, people.clerk, ServiceInput(member_id, None, "RO-1", date(2026, 3, 1), 100_000_00)
    )
    debit = ask(db, people.clerk, member_id, -80)
    points.use_points(db, people.clerk, points.UsePointsInput(member_id, 50, "labour", "RO-2"))
    with pytest.raises(NotEnoughPoints):
        approvals.approve(db, people.supervisor, debit.id)
    assert approvals.list_requests(db, people.supervisor)[0].status == "pending"
    assert balance(db, people, member_id) == 50


def test_direct_limit_lets_a_supervisors_small_adjustment_post(db, people, member_id):
    settings.update_settings(db, people.admin, adjustment_direct_limit=100)
    assert ask(db, people.supervisor, member_id, 100).status == "approved"
    assert ask(db, people.supervisor, member_id, 101).status == "pending"
    assert ask(db, people.clerk, member_id, 5).status == "pending"  # clerks always ask
    assert balance(db, people, member_id) == 100


def test_requests_lapse_after_the_configured_days(db, people, member_id, clock):
    request = ask(db, people.clerk, member_id, 10)
    clock.advance(days=15)
    assert (
        approvals.list_requests(db, people.supervisor, RequestFilter(status=None))[0].status
        == "lapsed"
    )
    assert approvals.pending_count(db, people.supervisor) == 0
    with pytest.raises(Conflict):
        approvals.approve(db, people.supervisor, request.id)
    assert approvals.lapse_overdue(db, people.admin) == 0  # the decision attempt stored the lapse


def test_bad_requests_are_refused_and_a_retry_is_harmless(db, people, member_id):
    for amount, reason, note in ((0, "goodwill", "x"), (5, "nope", "x"), (5, "goodwill", " ")):
        with pytest.raises(ValidationError):
            adjustments.request_adjustment(
                db, people.clerk, AdjustmentInput(member_id, amount, reason, note)
            )
    with pytest.raises(PermissionDenied):
        ask(db, people.auditor, member_id, 5)
    first = ask(db, people.clerk, member_id, 5, request_uid="same")
    assert ask(db, people.clerk, member_id, 5, request_uid="same").id == first.id
    assert len(approvals.list_requests(db, people.supervisor)) == 1


def test_reason_codes_are_maintained_by_admins(db, people):
    adjustments.save_reason(db, people.admin, "Recall", "召回补偿")
    assert "recall" in [r.code for r in adjustments.list_reasons(db, people.clerk)]
    adjustments.save_reason(db, people.admin, "recall", "召回补偿", active=False)
    assert "recall" not in [r.code for r in adjustments.list_reasons(db, people.clerk)]
    with pytest.raises(PermissionDenied):
        adjustments.save_reason(db, people.supervisor, "x", "y")
    with pytest.raises(ValidationError):
        adjustments.save_reason(db, people.admin, "bad code!", "y")


def test_the_requester_cancels_a_waiting_request_and_nobody_else_can(db, people, member_id):
    request = ask(db, people.clerk, member_id, 10)
    with pytest.raises(PermissionDenied):
        approvals.cancel(db, people.supervisor, request.id)
    assert approvals.get_request(db, people.clerk, request.id).may_cancel
    cancelled = approvals.cancel(db, people.clerk, request.id, "asked by mistake")
    assert (cancelled.status, cancelled.decided_by, cancelled.may_cancel) == (
        "cancelled", "clerk", False,
    )  # fmt: skip
    assert approvals.pending_count(db, people.supervisor) == 0
    with pytest.raises(Conflict):
        approvals.approve(db, people.supervisor, request.id)
    assert balance(db, people, member_id) == 0


def test_the_list_shows_what_a_supervisor_needs(db, people, member_id):
    request = ask(db, people.clerk, member_id, -7, reference="RO-77")
    shown = approvals.list_requests(db, people.supervisor)[0]
    assert (shown.kind, shown.subject_number, shown.subject_name) == (
        "points_adjustment", request.subject_number, "张三",
    )  # fmt: skip
    assert shown.payload == {"member_id": member_id, "currency": "points", "amount": -7,
                             "reason_code": "goodwill"}  # fmt: skip
    assert (shown.reference, shown.requester_dealer, shown.may_decide) == (
        "RO-77", "北京东区服务中心", True,
    )  # fmt: skip
    assert approvals.list_requests(db, people.auditor)[0].subject_name == "张*"  # masked
    assert approvals.list_requests(db, people.admin, RequestFilter(kind="tier_upgrade")) == []
    assert approvals.list_requests(db, people.admin, RequestFilter(requested_by="clerk")) != []
    context = adjustments.adjustment_context(db, people.supervisor, shown)
    assert context.account.balance == 0 and context.earlier == []


def test_an_unknown_kind_is_refused(db, people):
    with pytest.raises(ValidationError):
        approvals.file_request(db, people.clerk, "free_points", {}, "please")


def test_the_command_line_lists_approves_rejects_and_lapses(db, people, member_id, capsys,
                                                            monkeypatch, clock):  # fmt: skip
    from tests.test_cli import run

    monkeypatch.setenv("LOYALTY_PASSWORD", PASSWORD)
    settings.update_settings(db, people.admin, adjustment_lapse_days=365)  # the CLI's real clock
    first, second = ask(db, people.clerk, member_id, 30), ask(db, people.clerk, member_id, 40)
    code, out, _err = run(capsys, "--db", db.url, "--as", "supervisor", "approvals", "list")
    assert code == 0 and [line.split("\t")[0] for line in out.splitlines()] == [
        f"*{second.id}", f"*{first.id}",  # * marks what this user may decide
    ]  # fmt: skip
    code, out, _err = run(
        capsys, "--db", db.url, "--as", "supervisor", "approvals", "approve", str(first.id)
    )
    assert code == 0 and out.startswith(f"request {first.id}: approved")
    code, _out, err = run(
        capsys, "--db", db.url, "--as", "supervisor", "approvals", "reject", str(second.id)
    )
    assert code == 1 and "Say why" in err  # a rejection needs a note
    code, _out, err = run(
        capsys, "--db", db.url, "--as", "clerk", "approvals", "approve", str(second.id)
    )
    assert code == 1 and "may not" in err
    assert balance(db, people, member_id) == 30
    code, out, _err = run(capsys, "--db", db.url, "--as", "admin", "approvals", "lapse")
    assert code == 0 and out == "0 requests lapsed\n"


def test_the_decision_context_shows_one_row_per_posting(db, people, member_id):
    points.record_service(
        db, people.clerk, ServiceInput(member_id, None, "RO-CTX-1", date(2026, 3, 1), 2_000_000)
    )
    request = ask(db, people.clerk, member_id, 10)
    context = adjustments.adjustment_context(db, people.supervisor, request)
    [posting] = context.last_entries  # the points and qualifying entries of one service
    assert (posting.points, posting.qualifying, posting.reference) == (20, 20, "RO-CTX-1")
