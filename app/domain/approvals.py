"""Maker-checker: who may decide a request, when a request lapses, and when a supervisor's own
request applies at once. The same rules for every kind of request (points adjustments, tier
upgrades, status matches, benefit listings, partner admissions, campaigns)."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from app.domain.roles import Actor, Permission, Role
from app.domain.text import QT_TRANSLATE_NOOP


class ApprovalStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    LAPSED = "lapsed"  # nobody decided within the kind's lapse days
    CANCELLED = "cancelled"  # withdrawn by the requester


OWN_REQUEST = QT_TRANSLATE_NOOP(
    "Errors", "You cannot decide your own request; ask another approver."
)
OTHER_DEALER = QT_TRANSLATE_NOOP(
    "Errors", "A supervisor of the requester's dealer or headquarters decides this."
)
NOT_AN_APPROVER = QT_TRANSLATE_NOOP("Errors", "Your role may not decide requests.")


def decision_refusal(
    decider: Actor, requester_id: int, requester_dealer_id: int | None
) -> str | None:
    """Why ``decider`` may not decide a request, or None if they may.

    Nobody decides their own request; headquarters approvers decide any; a dealer's
    supervisor decides only requests made by staff of their own dealer.
    """
    if not decider.can(Permission.APPROVE):
        return NOT_AN_APPROVER
    if decider.user_id == requester_id:
        return OWN_REQUEST
    if decider.is_headquarters:
        return None
    if decider.role == Role.SUPERVISOR and decider.dealer_id == requester_dealer_id:
        return None
    return OTHER_DEALER


def may_decide(decider: Actor, requester_id: int, requester_dealer_id: int | None) -> bool:
    return decision_refusal(decider, requester_id, requester_dealer_id) is None


def lapse_cutoff(now: datetime, lapse_days: int) -> datetime:
    """Requests made at or before this moment have lapsed."""
    if lapse_days < 1:
        raise ValueError(f"lapse_days must be >= 1, got {lapse_days}")
    return now - timedelta(days=lapse_days)


def has_lapsed(requested_at: datetime, now: datetime, lapse_days: int) -> bool:
    return requested_at <= lapse_cutoff(now, lapse_days)


def applies_at_once(requester: Actor, magnitude: int, direct_limit: int | None) -> bool:
    """A request by an approver within the kind's direct limit needs no second person
    (limit None: the kind has none; 0: every request waits for a decision)."""
    if direct_limit is None or not requester.can(Permission.APPROVE):
        return False
    return 0 < abs(magnitude) <= direct_limit
