"""Points use cases at the counter and at headquarters, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.services import members, points
from app.services.members import VehicleInput
from app.services.points import ServiceInput, UsePointsInput
from app.services.points.counter import EventRefused
from app.services.points.ledger import NotEnoughPoints
from app.services.shared import audit
from tests.test_members import VIN1, register, zhang

TODAY = date(2026, 3, 1)  # the fake clock's date in Asia/Shanghai


@pytest.fixture
def member_id(db, people):
    return register(db, people.clerk).id


def service(member_id, amount_yuan, document="RO-1", on=TODAY, **kw):
    return ServiceInput(member_id, None, document, on, amount_yuan * 100, **kw)


def summary(db, people, member_id):
    return points.account_summary(db, people.clerk, member_id)


def test_preview_shows_the_rule_breakdown_and_record_posts_it(db, people, member_id):
    preview = points.preview_service(db, people.clerk, service(member_id, 12_345))
    assert (preview.rule_code, preview.rule_version, preview.points) == ("service", 1, 12)
    assert preview.lines[-1] == ("Total", 12)
    assert preview.value_fen == 120  # 12 points at 10 points per yuan
    recorded = points.record_service(db, people.clerk, service(member_id, 12_345))
    assert (recorded.points, recorded.qualifying) == (12, 12)
    account = summary(db, people, member_id)
    assert (account.balance, account.available, account.qualifying) == (12, 12, 12)
    assert account.next_expiry == date(2027, 12, 31)  # fixed cycle of 2 natural years


def test_the_same_document_cannot_earn_twice_but_a_retry_is_harmless(db, people, member_id):
    first = service(member_id, 5000, document="ro-7")
    points.record_service(db, people.clerk, first)
    assert points.record_service(db, people.clerk, first).points == 5  # same request again
    with pytest.raises(Conflict):
        points.record_service(db, people.clerk, service(member_id, 5000, document="RO-7"))
    assert summary(db, people, member_id).balance == 5


def test_record_service_refuses_bad_input_and_other_dealers(db, people, member_id):
    bad = [
        service(member_id, 0),
        service(member_id, 100, document=" "),
        service(member_id, 100, on=TODAY + timedelta(days=1)),
        service(member_id, 100, kind="gift"),
    ]
    for data in bad:
        with pytest.raises(ValidationError):
            points.record_service(db, people.clerk, data)
    with pytest.raises(PermissionDenied):
        points.record_service(
            db, people.clerk, ServiceInput(member_id, people.dealer_id + 1, "X1", TODAY, 100)
        )
    with pytest.raises(PermissionDenied):
        points.record_service(db, people.auditor, service(member_id, 100))
    with pytest.raises(PermissionDenied):  # headquarters configures, the counter posts
        points.record_service(db, people.admin, service(member_id, 100))


def test_a_rule_change_applies_from_its_date_and_never_rewrites_posted_points(
    db, people, member_id
):
    points.record_service(db, people.clerk, service(member_id, 2000, document="A"))
    new = points.add_rule_version(
        db, people.admin, "service", TODAY + timedelta(days=1),
        {"points_per_unit": 1, "unit_fen": 100_00}, note="1 point per 100 yuan",
    )  # fmt: skip
    assert new.version == 2
    points.record_service(db, people.clerk, service(member_id, 2000, document="B"))  # still v1
    assert summary(db, people, member_id).balance == 4
    with pytest.raises(ValidationError):
        points.add_rule_version(db, people.admin, "service", TODAY, {"points_per_unit": 1})
    with pytest.raises(PermissionDenied):
        points.add_rule_version(db, people.supervisor, "share", TODAY + timedelta(days=3), {})
    versions = [r.version for r in points.list_rules(db, people.clerk) if r.code == "service"]
    assert versions == [2, 1]


def test_refund_after_spending_reverses_what_remains_and_shows_the_shortfall(db, people, member_id):
    order = points.record_service(db, people.clerk, service(member_id, 100_000))  # 100 points
    points.use_points(db, people.clerk, UsePointsInput(member_id, 70, "labour", "RO-9"))
    refund = points.refund_service(db, people.clerk, order.order_id, "Customer cancelled")
    assert (refund.reversed_points, refund.shortfall, refund.reversed_qualifying) == (30, 70, 100)
    account = summary(db, people, member_id)
    assert (account.balance, account.qualifying) == (0, 0)
    with pytest.raises(Conflict):
        points.refund_service(db, people.clerk, order.order_id, "again")
    entries = points.list_entries(db, people.clerk, member_id)
    reversal = next(e for e in entries if e.kind == "reverse" and e.currency == "points")
    assert (reversal.amount, reversal.shortfall) == (-30, 70)
    assert [o.refunded for o in points.list_service_orders(db, people.clerk, member_id)] == [True]
    history = audit.list_entries(db, people.admin, audit.AuditFilter(entity="service_order"), None)
    assert [row.action for row in history] == ["refund"]


def test_events_respect_their_caps(db, people, member_id):
    # Issue 16: an occurrence over a limit is refused with the limit in the message (it
    # returned 0 points before), and a major event counts once per event code (每期一次).
    first = points.record_event(db, people.clerk, member_id, "sign_in", "s1")
    with pytest.raises(EventRefused, match="a day"):
        points.record_event(db, people.clerk, member_id, "sign_in", "s2")  # once a day
    assert first.points == 1
    assert points.record_event(db, people.clerk, member_id, "sign_in", "s1").points == 1  # retry
    tomorrow = points.record_event(
        db, people.clerk, member_id, "sign_in", "s3", on=TODAY - timedelta(days=1)
    )
    assert tomorrow.points == 1
    earned = [points.record_event(db, people.clerk, member_id, "major_event", f"m{i}",
                                  edition=f"EV-{i}").points for i in range(10)]  # fmt: skip
    assert earned == [50] * 10
    with pytest.raises(EventRefused, match="a year"):  # at most 10 a year
        points.record_event(db, people.clerk, member_id, "major_event", "m10", edition="EV-10")
    assert summary(db, people, member_id).balance == 2 + 500


def test_new_binding_bonus_once_within_the_window(db, people, clock):
    # Issue 16: only for a member with a bound vehicle, and the window ends the day before
    # launch + 3 months; refusals say why (they returned 0 points before).
    member_id = register(db, people.clerk, vehicles=[VehicleInput(VIN1, "星途 S7", None)]).id
    assert points.record_event(db, people.clerk, member_id, "new_binding", "b1").points == 100
    with pytest.raises(EventRefused, match="has had"):
        points.record_event(db, people.clerk, member_id, "new_binding", "b2")
    other = register(db, people.clerk, zhang(mobile="13900139000", resident_id=None)).id
    with pytest.raises(EventRefused, match="no bound vehicle"):
        points.record_event(db, people.clerk, other, "new_binding", "b3")
    clock.now = clock.now.replace(month=4, day=2)  # launch 2026-01-01 + 3 months has passed
    with pytest.raises(EventRefused, match="2026-03-31"):
        points.record_event(db, people.clerk, other, "new_binding", "b4")


def test_use_points_never_overdraws_and_shows_the_yuan_value(db, people, member_id):
    points.record_service(db, people.clerk, service(member_id, 50_000))
    used = points.use_points(db, people.clerk, UsePointsInput(member_id, 25, "parts", "ro-1"))
    assert (used.points, used.value_fen) == (25, 250)
    with pytest.raises(NotEnoughPoints):
        points.use_points(db, people.clerk, UsePointsInput(member_id, 26, "labour", "ro-2"))
    with pytest.raises(ValidationError):
        points.use_points(db, people.clerk, UsePointsInput(member_id, 5, "fuel", "ro-2"))
    assert summary(db, people, member_id).balance == 25


def test_closed_member_gets_no_points(db, people, member_id):
    members.change_status(db, people.clerk, member_id, "closed", "left")
    with pytest.raises(ValidationError):
        points.record_service(db, people.clerk, service(member_id, 5000))


def test_holds_reserve_points_for_redemptions(db, people, member_id, clock):
    points.record_service(db, people.clerk, service(member_id, 100_000))
    points.hold_points(db, people.clerk, member_id, 80, "benefit", "CAR-WASH", "h1")
    account = summary(db, people, member_id)
    assert (account.held, account.available) == (80, 20)
    assert points.settle_hold(db, people.clerk, "h1", commit_points=False) == "released"
    points.hold_points(db, people.clerk, member_id, 60, "benefit", None, "h2")
    clock.advance(minutes=31)
    assert summary(db, people, member_id).available == 100  # timed out
    with pytest.raises(NotFound):
        points.settle_hold(db, people.clerk, "nope", commit_points=True)


def test_expiry_run_and_expiring_soon_list(db, people, member_id, clock):
    points.record_service(db, people.clerk, service(member_id, 30_000))
    clock.now = clock.now.replace(year=2027, month=11, day=15)
    rows = points.expiring_soon(db, people.clerk)
    assert [(r.member_id, r.points, r.expires_on) for r in rows] == [
        (member_id, 30, date(2027, 12, 31))
    ]
    assert rows[0].mobile == "13800138000"
    masked = points.expiring_soon(db, people.auditor)[0]  # no right to personal data
    assert (masked.mobile, masked.name) == ("138****8000", "张*")
    assert points.count_expiring_soon(db, people.admin) == (1, 30)
    with pytest.raises(PermissionDenied):
        points.expire_points(db, people.supervisor)
    clock.now = clock.now.replace(year=2028, month=1, day=2)
    result = points.expire_points(db, people.admin)
    assert (result.lots, result.points) == (1, 30)
    again = points.expire_points(db, people.admin)  # a committed run changes nothing
    assert (again.repeated, again.run_id, again.points) == (True, result.run_id, 30)
    assert summary(db, people, member_id).balance == 0
    assert points.verify_ledger(db, people.admin) == []


def test_statement_has_opening_entries_and_closing(db, people, member_id, clock):
    points.record_service(db, people.clerk, service(member_id, 10_000, document="A"))
    clock.advance(days=10)
    points.record_service(
        db, people.clerk, service(member_id, 20_000, document="B", on=TODAY + timedelta(days=10))
    )
    points.use_points(db, people.clerk, UsePointsInput(member_id, 5, "labour", "RO-3"))
    sheet = points.statement(
        db, people.clerk, member_id, TODAY + timedelta(days=1), TODAY + timedelta(days=30)
    )
    assert (sheet.opening, sheet.closing, sheet.qualifying_closing) == (10, 25, 30)
    assert [e.amount for e in sheet.entries] == [20, -5]
    with pytest.raises(ValidationError):
        points.statement(db, people.clerk, member_id, TODAY, TODAY - timedelta(days=1))


def test_activation_starts_validity_and_merge_moves_points(db, people):
    early = register(db, people.clerk, zhang(pre_registered=True))
    points.record_service(db, people.clerk, service(early.id, 10_000))
    lots = points.list_lots(db, people.clerk, early.id)
    assert [lot.expires_on for lot in lots] == [None]
    members.change_status(db, people.clerk, early.id, "active")
    assert [lot.expires_on for lot in points.list_lots(db, people.clerk, early.id)] == [
        date(2027, 12, 31)
    ]
    other = register(db, people.clerk, zhang(mobile="13900139000", resident_id=None))
    members.merge_members(db, people.supervisor, other.id, early.id, "same person")
    moved = summary(db, people, other.id)
    assert (moved.balance, moved.qualifying, moved.next_expiry) == (10, 10, date(2027, 12, 31))
    assert summary(db, people, early.id).balance == 0
    assert points.verify_ledger(db, people.admin) == []


def test_initial_points_from_last_years_service_spend_are_granted_once(db, people, member_id):
    from app.db.models import ServiceOrder

    with db.uow() as uow:  # history loaded before the launch on 2026-01-01: no points yet
        for number, day, fen in (("H1", date(2025, 3, 1), 250_000_00), ("H2", date(2025, 9, 9),
                                 160_000_00), ("OLD", date(2024, 12, 1), 900_000_00)):  # fmt: skip
            uow.session.add(
                ServiceOrder(dealer_id=people.dealer_id, document_no=number, kind="service",
                             member_id=member_id, service_date=day, amount_fen=fen)
            )  # fmt: skip
        uow.commit()
    with pytest.raises(PermissionDenied):
        points.grant_initial_points(db, people.supervisor)
    granted = points.grant_initial_points(db, people.admin)
    assert (granted.members, granted.points) == (1, 410)  # 410,000 yuan at 1 point per 1,000
    again = points.grant_initial_points(db, people.admin)  # granted once
    assert (again.repeated, again.run_id, again.points) == (True, granted.run_id, 410)
    account = summary(db, people, member_id)
    assert (account.balance, account.qualifying) == (410, 410)
    assert points.verify_ledger(db, people.admin) == []
