"""Approvals: one maker-checker service for every kind of request (``requests``); each area
registers its kinds (``kinds``), such as the points adjustment."""

from __future__ import annotations

from app.services.approvals.kinds import ApprovalKind, Checked, all_kinds, kind_of, register
from app.services.approvals.requests import (
    RequestFilter,
    RequestRow,
    approve,
    cancel,
    file_request,
    get_request,
    lapse_overdue,
    list_requests,
    pending_count,
    reject,
)

__all__ = [
    "ApprovalKind",
    "Checked",
    "RequestFilter",
    "RequestRow",
    "all_kinds",
    "approve",
    "cancel",
    "file_request",
    "get_request",
    "kind_of",
    "lapse_overdue",
    "list_requests",
    "pending_count",
    "register",
    "reject",
]
