"""Maker-checker: who decides a request, when it lapses, when an approver's own applies at once."""

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.approvals import (
    NOT_AN_APPROVER,
    OTHER_DEALER,
    OWN_REQUEST,
    ApprovalStatus,
    applies_at_once,
    decision_refusal,
    has_lapsed,
    lapse_cutoff,
    may_decide,
)
from app.domain.roles import Actor, Role

DEALER, OTHER = 7, 8
HQ = None  # headquarters staff have no dealer


def staff(user_id: int, role: Role, dealer_id: int | None = DEALER) -> Actor:
    return Actor(user_id, f"user{user_id}", f"User {user_id}", role, dealer_id)


def test_stored_status_values():
    assert [s.value for s in ApprovalStatus] == [
        "pending",
        "approved",
        "rejected",
        "lapsed",
        "cancelled",
    ]


def test_refusal_messages():
    assert OWN_REQUEST == "You cannot decide your own request; ask another approver."
    assert OTHER_DEALER == "A supervisor of the requester's dealer or headquarters decides this."
    assert NOT_AN_APPROVER == "Your role may not decide requests."


# --- who decides ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.CLERK, Role.AUDITOR])
@pytest.mark.parametrize("dealer_id", [DEALER, HQ])
def test_a_role_without_approve_never_decides(role, dealer_id):
    decider = staff(1, role, dealer_id)
    for requester_id, requester_dealer in [(2, DEALER), (2, OTHER), (2, HQ), (1, dealer_id)]:
        assert decision_refusal(decider, requester_id, requester_dealer) == NOT_AN_APPROVER
        assert may_decide(decider, requester_id, requester_dealer) is False


@pytest.mark.parametrize(
    ("role", "dealer_id"),
    [(Role.SUPERVISOR, DEALER), (Role.SUPERVISOR, HQ), (Role.ADMIN, HQ), (Role.ADMIN, DEALER)],
)
def test_nobody_decides_their_own_request(role, dealer_id):
    decider = staff(1, role, dealer_id)
    assert decision_refusal(decider, 1, dealer_id) == OWN_REQUEST
    assert may_decide(decider, 1, dealer_id) is False


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN])
@pytest.mark.parametrize("requester_dealer", [DEALER, OTHER, HQ])
def test_headquarters_approvers_decide_any_request(role, requester_dealer):
    decider = staff(1, role, HQ)
    assert decision_refusal(decider, 2, requester_dealer) is None
    assert may_decide(decider, 2, requester_dealer) is True


def test_a_dealer_supervisor_decides_requests_of_their_own_dealer_only():
    supervisor = staff(1, Role.SUPERVISOR, DEALER)
    assert decision_refusal(supervisor, 2, DEALER) is None
    assert may_decide(supervisor, 2, DEALER) is True
    for requester_dealer in (OTHER, HQ):
        assert decision_refusal(supervisor, 2, requester_dealer) == OTHER_DEALER
        assert may_decide(supervisor, 2, requester_dealer) is False


def test_dealer_zero_is_a_dealer_not_headquarters():
    supervisor = staff(1, Role.SUPERVISOR, 0)
    assert decision_refusal(supervisor, 2, 0) is None
    assert decision_refusal(supervisor, 2, HQ) == OTHER_DEALER


def test_an_approver_at_a_dealer_who_is_not_a_supervisor_decides_nothing_there():
    # Only a supervisor's dealer scope counts; other approving roles must be headquarters.
    admin_at_dealer = staff(1, Role.ADMIN, DEALER)
    assert decision_refusal(admin_at_dealer, 2, DEALER) == OTHER_DEALER
    assert may_decide(admin_at_dealer, 2, DEALER) is False


# --- lapsing ----------------------------------------------------------------------------------

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def test_cutoff_is_the_lapse_days_before_now():
    assert lapse_cutoff(NOW, 1) == datetime(2026, 3, 9, 12, 0, tzinfo=UTC)
    assert lapse_cutoff(NOW, 14) == datetime(2026, 2, 24, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("days", [0, -3])
def test_lapse_days_below_one_are_refused(days):
    with pytest.raises(ValueError) as refused:
        lapse_cutoff(NOW, days)
    assert str(refused.value) == f"lapse_days must be >= 1, got {days}"
    with pytest.raises(ValueError):
        has_lapsed(NOW, NOW, days)


def test_a_request_made_exactly_at_the_cutoff_has_lapsed():
    cutoff = NOW - timedelta(days=7)
    assert has_lapsed(cutoff, NOW, 7) is True
    assert has_lapsed(cutoff - timedelta(microseconds=1), NOW, 7) is True
    assert has_lapsed(cutoff + timedelta(microseconds=1), NOW, 7) is False
    assert has_lapsed(NOW, NOW, 7) is False
    assert has_lapsed(NOW - timedelta(days=1), NOW, 1) is True
    assert has_lapsed(NOW - timedelta(hours=23), NOW, 1) is False


# --- direct limit -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN])
def test_an_approvers_request_within_the_limit_applies_at_once(role):
    approver = staff(1, role)
    assert applies_at_once(approver, 1, 500) is True
    assert applies_at_once(approver, 500, 500) is True  # exactly at the limit
    assert applies_at_once(approver, -500, 500) is True  # a deduction counts by its size
    assert applies_at_once(approver, 501, 500) is False
    assert applies_at_once(approver, -501, 500) is False
    assert applies_at_once(approver, 1, 1) is True


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN])
def test_nothing_applies_at_once_without_a_limit_or_with_zero(role):
    approver = staff(1, role)
    assert applies_at_once(approver, 0, 500) is False  # nothing to apply
    assert applies_at_once(approver, 1, None) is False
    assert applies_at_once(approver, 0, None) is False
    assert applies_at_once(approver, 1, 0) is False
    assert applies_at_once(approver, 0, 0) is False


@pytest.mark.parametrize("role", [Role.CLERK, Role.AUDITOR])
def test_a_non_approvers_request_always_waits(role):
    requester = staff(1, role)
    assert applies_at_once(requester, 1, 500) is False
    assert applies_at_once(requester, -1, 500) is False
    assert applies_at_once(requester, 1, None) is False
