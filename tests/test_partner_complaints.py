"""Complaints about partners on SQLite and PostgreSQL: the 24-hour limits computed on the
programme's clock and stored in UTC, overdue flags and the badge count, the handling flow,
points compensation through Approvals, what dealer staff see, and the monthly service
levels against the 95 % / 100 % contact targets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.db.models import ApprovalRequest, PartnerComplaint
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.services import approvals, staff
from app.services.partners import complaints
from app.services.partners.complaints import ComplaintFilter, ComplaintInput
from app.services.points import accounts
from app.services.settings import update_settings
from app.services.staff import auth
from tests.conftest import PASSWORD
from tests.partner_support import Onboarding, another_admin
from tests.test_members import register

CHINA = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)  # the fake clock: 10:00 in China


@pytest.fixture
def partner_id(db, people):
    return Onboarding(db, people.admin, another_admin(db, people.admin, "hq2")).active()


@pytest.fixture
def member_id(db, people):
    return register(db, people.clerk).id


@pytest.fixture
def other_clerk(db, people):
    dealer = staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海浦东服务中心", "华东", "上海市", "上海市")
    )
    staff.save_user(db, people.admin, staff.UserInput("clerk2", "Clerk Two", "clerk", dealer.id),
                    initial_password=PASSWORD)  # fmt: skip
    return auth.sign_in(db, "clerk2", PASSWORD)


def complaint(db, actor, partner_id, received_at, source="member", **changes):
    data = ComplaintInput(partner_id, source, "体检报告迟迟未出", received_at, **changes)
    return complaints.record_complaint(db, actor, data)


def stored(db, complaint_id: int) -> PartnerComplaint:
    with db.reader() as uow:
        row = uow.session.get(PartnerComplaint, complaint_id)
        uow.session.expunge(row)
        return row


def china(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=CHINA)  # type: ignore[misc]


# --- service levels: the due times -------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (china(2026, 2, 27, 23, 30), datetime(2026, 2, 28, 15, 30, tzinfo=UTC)),  # midnight
        (china(2026, 1, 31, 23, 30), datetime(2026, 2, 1, 15, 30, tzinfo=UTC)),  # month end
        (china(2026, 2, 28, 8, 0), datetime(2026, 3, 1, 0, 0, tzinfo=UTC)),  # February ends
    ],
)
def test_the_plan_is_due_24_hours_after_receipt_stored_in_utc(db, people, partner_id,
                                                             received, due):  # fmt: skip
    row = complaint(db, people.clerk, partner_id, received)
    assert row.plan_due_at == due and row.received_at == received
    kept = stored(db, row.id)
    assert kept.plan_due_at == due and kept.plan_due_at.utcoffset() == timedelta(0)
    assert kept.received_at.utcoffset() == timedelta(0)
    assert (kept.report_due_at, kept.reported_at) == (None, None)  # not partner-received


def test_hours_follow_the_programme_time_zone_wall_clock(db, people, partner_id, clock):
    update_settings(db, people.admin, timezone="Europe/Berlin")
    clock.now = datetime(2026, 4, 1, 8, 0, tzinfo=UTC)
    received = datetime(2026, 3, 28, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))  # 09:00 UTC
    row = complaint(db, people.clerk, partner_id, received)
    # summer time starts that night: 10:00 the next day is 08:00 UTC, 23 hours later
    assert row.plan_due_at == datetime(2026, 3, 29, 8, 0, tzinfo=UTC)


def test_the_plan_hours_are_a_setting(db, people, partner_id):
    update_settings(db, people.admin, complaint_plan_hours=48)
    row = complaint(db, people.clerk, partner_id, NOW - timedelta(hours=1))
    assert row.plan_due_at == NOW + timedelta(hours=47)


def test_a_partner_received_complaint_must_reach_us_within_24_hours(db, people, partner_id):
    received = NOW - timedelta(hours=30)
    late = complaint(db, people.clerk, partner_id, received, "partner",
                     reported_at=NOW - timedelta(hours=5))  # fmt: skip
    assert late.report_due_at == received + timedelta(hours=24)
    assert (late.report_late, late.overdue) == (True, True)
    in_time = complaint(db, people.clerk, partner_id, NOW - timedelta(hours=3), "partner")
    assert in_time.reported_at == NOW  # it reaches operations as it is recorded
    assert (in_time.report_late, in_time.plan_late, in_time.overdue) == (False, False, False)
    exactly = complaint(db, people.clerk, partner_id, received, "partner",
                        reported_at=received + timedelta(hours=24))  # fmt: skip
    assert not exactly.report_late
    with pytest.raises(ValidationError) as refused:
        complaint(db, people.clerk, partner_id, received, "partner",
                  reported_at=received - timedelta(minutes=1))  # fmt: skip
    assert refused.value.field == "reported_at"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"received_at": NOW + timedelta(minutes=1)}, "received_at"),
        ({"received_at": datetime(2026, 2, 28, 10, 0)}, "received_at"),  # naive
        ({"source": "rumour"}, "source"),
        ({"summary": "  "}, "summary"),
    ],
)
def test_a_bad_complaint_is_refused(db, people, partner_id, change, field):
    values = dict(partner_id=partner_id, source="member", summary="态度差",
                  received_at=NOW - timedelta(hours=1))  # fmt: skip
    values.update(change)
    with pytest.raises(ValidationError) as refused:
        complaints.record_complaint(db, people.clerk, ComplaintInput(**values))
    assert refused.value.field == field
    assert complaints.list_complaints(db, people.admin) == []


def test_complaints_are_about_admitted_partners(db, people):
    candidate = Onboarding(db, people.admin, another_admin(db, people.admin, "hq3")).candidate(9)
    data = ComplaintInput(candidate, "member", "态度差", NOW - timedelta(hours=1))
    with pytest.raises(Conflict):
        complaints.record_complaint(db, people.clerk, data)
    assert complaints.list_complaints(db, people.admin) == []


def test_overdue_flags_and_the_badge_count(db, people, partner_id, clock, other_clerk):
    late = complaint(db, people.clerk, partner_id, NOW - timedelta(hours=25))
    fresh = complaint(db, people.clerk, partner_id, NOW - timedelta(hours=1))
    assert (late.plan_late, late.overdue, fresh.overdue) == (True, True, False)
    assert complaints.overdue_count(db, people.clerk) == 1
    assert complaints.overdue_count(db, other_clerk) == 0  # another dealer's
    clock.advance(hours=23, seconds=1)
    assert complaints.overdue_count(db, people.admin) == 2
    complaints.record_plan(db, people.clerk, late.id, "安排加急出具报告")
    assert complaints.overdue_count(db, people.admin) == 1  # a plan given, although late
    again = complaints.list_complaints(db, people.clerk, ComplaintFilter(overdue_only=True))
    assert sorted(r.id for r in again) == sorted([late.id, fresh.id])  # late stays marked
    assert next(r for r in again if r.id == late.id).plan_late


def test_an_open_partner_received_complaint_not_yet_reported_counts_when_late(
    db, people, partner_id
):
    row = complaint(db, people.clerk, partner_id, NOW - timedelta(hours=2), "partner")
    complaints.record_plan(db, people.clerk, row.id, "回访")
    with db.uow() as uow:  # as if it had not reached us (the record keeps reported_at empty)
        kept = uow.session.get(PartnerComplaint, row.id)
        kept.reported_at, kept.report_due_at = None, NOW - timedelta(minutes=1)
        uow.commit()
    assert complaints.overdue_count(db, people.admin) == 1


# --- handling ---------------------------------------------------------------------------------


def test_plan_contacts_and_resolution(db, people, partner_id, clock):
    row = complaint(db, people.clerk, partner_id, NOW - timedelta(hours=2))
    planned = complaints.record_plan(db, people.clerk, row.id, "当日回电并改约",
                                     at=NOW - timedelta(hours=1))  # fmt: skip
    assert (planned.plan, planned.plan_at, planned.plan_late) == (
        "当日回电并改约", NOW - timedelta(hours=1), False,
    )  # fmt: skip
    with pytest.raises(Conflict):  # nobody was contacted yet
        complaints.resolve_complaint(db, people.clerk, row.id, "已改约", partner_caused=True)
    first = complaints.record_contact(db, people.clerk, row.id, at=NOW - timedelta(minutes=30))
    clock.advance(hours=3)
    second = complaints.record_contact(db, people.clerk, row.id)
    assert (second.contacts, second.first_response_at) == (2, first.first_response_at)
    assert first.first_response_at == NOW - timedelta(minutes=30)
    with pytest.raises(ValidationError) as early:  # not before the first contact
        complaints.resolve_complaint(db, people.clerk, row.id, "已改约", True,
                                     at=NOW - timedelta(minutes=31))  # fmt: skip
    assert early.value.field == "resolved_at"
    typed_late = complaints.record_contact(db, people.clerk, row.id, at=NOW - timedelta(hours=1))
    assert (typed_late.contacts, typed_late.first_response_at) == (3, NOW - timedelta(hours=1))
    done = complaints.resolve_complaint(db, people.clerk, row.id, "已改约并致歉", True, 5_000)
    assert (done.status, done.resolved_at, done.partner_caused, done.compensation_fen) == (
        "resolved", NOW + timedelta(hours=3), True, 5_000,
    )  # fmt: skip
    assert done.contacts == 3
    with pytest.raises(Conflict):
        complaints.resolve_complaint(db, people.clerk, row.id, "再次", False)
    with pytest.raises(Conflict):
        complaints.record_contact(db, people.clerk, row.id)


@pytest.mark.parametrize("step", ["plan", "contact", "resolve"])
def test_times_in_the_future_or_before_receipt_are_refused(db, people, partner_id, step):
    received = NOW - timedelta(hours=2)
    row = complaint(db, people.clerk, partner_id, received)
    if step == "resolve":
        complaints.record_contact(db, people.clerk, row.id, at=received)

    def act(at):
        if step == "plan":
            return complaints.record_plan(db, people.clerk, row.id, "处理", at=at)
        if step == "contact":
            return complaints.record_contact(db, people.clerk, row.id, at=at)
        return complaints.resolve_complaint(db, people.clerk, row.id, "好了", False, at=at)

    for bad in (NOW + timedelta(minutes=1), received - timedelta(minutes=1),
                datetime(2026, 2, 28, 12, 0)):  # fmt: skip
        with pytest.raises(ValidationError):
            act(bad)
    assert act(received).status in ("open", "resolved")  # at the moment of receipt is fine


def test_handling_complaints_needs_the_right(db, people, partner_id):
    with pytest.raises(PermissionDenied):
        complaint(db, people.auditor, partner_id, NOW - timedelta(hours=1))
    row = complaint(db, people.supervisor, partner_id, NOW - timedelta(hours=1))
    with pytest.raises(PermissionDenied):
        complaints.record_plan(db, people.auditor, row.id, "x")
    assert [r.id for r in complaints.list_complaints(db, people.auditor)] == [row.id]


# --- compensation ---------------------------------------------------------------------------------


def points_of(db, actor, member_id: int) -> int:
    return accounts.account_summary(db, actor, member_id).available


def test_compensation_is_a_points_adjustment_an_approver_approves(db, people, partner_id,
                                                                member_id):  # fmt: skip
    row = complaint(db, people.clerk, partner_id, NOW - timedelta(hours=5), member_id=member_id)
    assert row.member_number is not None
    before = points_of(db, people.clerk, member_id)
    asked = complaints.request_compensation(db, people.clerk, row.id, 200, "体检延误补偿")
    assert (asked.compensation_points, asked.adjustment_status) == (200, "pending")
    with db.reader() as uow:
        request = uow.session.get(ApprovalRequest, asked.adjustment_id)
        assert (request.kind, request.payload["reason_code"], request.payload["amount"]) == (
            "points_adjustment", "complaint", 200,
        )  # fmt: skip
        assert request.reference == f"complaint {row.id}"
    assert points_of(db, people.clerk, member_id) == before  # nothing until approved
    with pytest.raises(Conflict):  # one at a time
        complaints.request_compensation(db, people.clerk, row.id, 100, "再补")
    approvals.approve(db, people.supervisor, asked.adjustment_id, "同意补偿")
    assert points_of(db, people.clerk, member_id) == before + 200
    shown = complaints.list_complaints(db, people.clerk)[0]
    assert shown.adjustment_status == "approved"
    with pytest.raises(Conflict):
        complaints.request_compensation(db, people.clerk, row.id, 100, "再补")


def test_a_rejected_compensation_may_be_asked_again(db, people, partner_id, member_id):
    row = complaint(db, people.clerk, partner_id, NOW - timedelta(hours=5), member_id=member_id)
    asked = complaints.request_compensation(db, people.clerk, row.id, 500, "补偿")
    approvals.reject(db, people.supervisor, asked.adjustment_id, "过高")
    again = complaints.request_compensation(db, people.clerk, row.id, 100, "补偿")
    assert (again.adjustment_status, again.compensation_points) == ("pending", 100)
    assert again.adjustment_id != asked.adjustment_id


def test_compensation_needs_a_member_and_sensible_points(db, people, partner_id, member_id):
    anonymous = complaint(db, people.clerk, partner_id, NOW - timedelta(hours=1))
    with pytest.raises(Conflict):
        complaints.request_compensation(db, people.clerk, anonymous.id, 100, "补偿")
    named = complaint(db, people.clerk, partner_id, NOW - timedelta(hours=1), member_id=member_id)
    for points in (0, -5, complaints.MAX_COMPENSATION_POINTS + 1):
        with pytest.raises(ValidationError):
            complaints.request_compensation(db, people.clerk, named.id, points, "补偿")
    with pytest.raises(ValidationError):
        complaints.request_compensation(db, people.clerk, named.id, 100, "")


# --- who sees what -------------------------------------------------------------------------------


def test_dealer_staff_see_only_their_dealers_complaints(db, people, partner_id, other_clerk):
    ours = complaint(db, people.clerk, partner_id, NOW - timedelta(hours=2))
    theirs = complaint(db, other_clerk, partner_id, NOW - timedelta(hours=1))
    at_hq = complaint(db, people.admin, partner_id, NOW - timedelta(hours=3))
    assert [r.id for r in complaints.list_complaints(db, people.supervisor)] == [ours.id]
    assert [r.id for r in complaints.list_complaints(db, other_clerk)] == [theirs.id]
    newest_first = [theirs.id, ours.id, at_hq.id]
    assert [r.id for r in complaints.list_complaints(db, people.admin)] == newest_first
    for action in (
        lambda: complaints.record_plan(db, other_clerk, ours.id, "越权"),
        lambda: complaints.record_contact(db, other_clerk, ours.id),
        lambda: complaints.request_compensation(db, other_clerk, ours.id, 10, "越权"),
    ):
        with pytest.raises(NotFound):
            action()
    assert stored(db, ours.id).plan == ""


def test_list_filters_by_partner_month_and_open(db, people, partner_id):
    other = Onboarding(db, people.admin, another_admin(db, people.admin, "hq3")).approved(9)
    january = complaint(db, people.clerk, partner_id, china(2026, 1, 31, 23, 0))
    february = complaint(db, people.clerk, partner_id, china(2026, 2, 1, 0, 30))
    elsewhere = complaint(db, people.clerk, other, china(2026, 2, 10, 9, 0))
    complaints.record_contact(db, people.clerk, elsewhere.id)
    complaints.resolve_complaint(db, people.clerk, elsewhere.id, "已解决", False)
    listed = complaints.list_complaints
    feb = listed(db, people.admin, ComplaintFilter(month="2026-02"))
    assert [r.id for r in feb] == [elsewhere.id, february.id]
    assert [r.id for r in listed(db, people.admin, ComplaintFilter(month="2026-01"))] == [
        january.id
    ]
    mine = ComplaintFilter(partner_id=partner_id, month="2026-02")
    assert [r.id for r in listed(db, people.admin, mine)] == [february.id]
    open_ones = listed(db, people.admin, ComplaintFilter(open_only=True))
    assert sorted(r.id for r in open_ones) == sorted([january.id, february.id])
    with pytest.raises(ValidationError):
        listed(db, people.admin, ComplaintFilter(month="2026-2"))


def test_monthly_service_levels_per_partner(db, people, partner_id):
    other = Onboarding(db, people.admin, another_admin(db, people.admin, "hq3")).approved(9)

    def handled(partner, received, contacts, resolve=True):
        row = complaint(db, people.clerk, partner, received)
        complaints.record_plan(db, people.clerk, row.id, "处理", at=received + timedelta(hours=1))
        for n in range(contacts):
            at = received + timedelta(hours=2 + n)
            complaints.record_contact(db, people.clerk, row.id, at=at)
        if resolve:
            complaints.resolve_complaint(db, people.clerk, row.id, "已解决", False,
                                         at=received + timedelta(hours=9))  # fmt: skip
        return row

    handled(partner_id, china(2026, 2, 1, 0, 30), 1)  # February in China (31 Jan in UTC)
    handled(partner_id, china(2026, 2, 10, 9, 0), 2)
    handled(partner_id, china(2026, 2, 11, 9, 0), 1, resolve=False)  # still open
    late = complaint(db, people.clerk, partner_id, china(2026, 2, 20, 9, 0))  # no plan yet
    handled(partner_id, china(2026, 3, 1, 0, 30), 1)  # March in China
    handled(other, china(2026, 2, 5, 9, 0), 1)
    handled(other, china(2026, 1, 31, 23, 0), 3)  # January
    levels = {row.partner_id: row for row in complaints.service_levels(db, people.admin, "2026-02")}
    ours, theirs = levels[partner_id], levels[other]
    assert (ours.received, ours.open, ours.plan_late, ours.report_late) == (4, 2, 1, 0)
    assert (ours.rates.first_contact, ours.rates.second_contact) == (1, 2)
    assert (ours.first_met, ours.second_met) == (False, False)
    assert (theirs.received, theirs.rates.first_rate, theirs.first_met, theirs.second_met) == (
        1, 1, True, True,
    )  # fmt: skip
    assert [row.partner_code for row in complaints.service_levels(db, people.admin, "2026-02")] == [
        "P001", "P009",
    ]  # fmt: skip
    assert late.plan_late
    assert complaints.service_levels(db, people.admin, "2025-12") == []
