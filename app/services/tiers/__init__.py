"""Tiers: the policy as versioned data (``policy``), a member's tier and its history
(``standing``), the immediate upgrade (``upgrades``), tier changes through Approvals
(``requests``), the review run and the at-risk list (``review``) and the qualifying points
distribution (``distribution``)."""

from __future__ import annotations

from app.services.tiers.distribution import Distribution, qualifying_distribution
from app.services.tiers.policy import PolicyVersion, current_policy, list_versions, save_policy
from app.services.tiers.requests import (
    MANUAL_REASONS,
    ManualTierInput,
    PaidTierInput,
    StatusMatchInput,
    request_manual_tier,
    request_paid_tier,
    request_status_match,
)
from app.services.tiers.review import (
    REVIEW_RUN,
    TIER_REVIEW,
    AtRiskRow,
    Breakdown,
    ReviewDetails,
    ReviewRow,
    at_risk,
    commit_review,
    preview_review,
    review_details,
    review_rows,
)
from app.services.tiers.standing import HistoryRow, TierView, member_tier

__all__ = [
    "MANUAL_REASONS",
    "REVIEW_RUN",
    "TIER_REVIEW",
    "AtRiskRow",
    "Breakdown",
    "Distribution",
    "HistoryRow",
    "ManualTierInput",
    "PaidTierInput",
    "PolicyVersion",
    "ReviewRow",
    "StatusMatchInput",
    "TierView",
    "at_risk",
    "commit_review",
    "current_policy",
    "list_versions",
    "member_tier",
    "preview_review",
    "qualifying_distribution",
    "request_manual_tier",
    "request_paid_tier",
    "request_status_match",
    "ReviewDetails",
    "review_details",
    "review_rows",
    "save_policy",
]
