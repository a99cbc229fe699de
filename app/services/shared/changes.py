"""What a committed unit of work changed, for the screens that show it.

Every unit of work records the tables it wrote (``app.db.write_tracking``); when it commits,
the areas those tables belong to are published to the subscribers. The desktop subscribes
once and lets every open page refresh from that one signal (as Anki's operations report
their changes), instead of each dialog telling each page by hand.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from enum import StrEnum

log = logging.getLogger(__name__)


class Area(StrEnum):
    MEMBERS = "members"
    POINTS = "points"
    APPROVALS = "approvals"
    RULES = "rules"  # earning rules and adjustment reasons
    RUNS = "runs"
    TIERS = "tiers"  # the tier policy and members' tiers
    BENEFITS = "benefits"  # the catalog, the tier matrix and vouchers
    PARTNERS = "partners"  # the registry, admissions, scores, modes and complaints
    STAFF = "staff"
    SETTINGS = "settings"
    AUDIT = "audit"


TABLE_AREAS: dict[str, tuple[Area, ...]] = {
    "members": (Area.MEMBERS,),
    "member_tags": (Area.MEMBERS,),
    "vehicles": (Area.MEMBERS,),
    "vehicle_ownerships": (Area.MEMBERS,),
    "import_jobs": (Area.MEMBERS,),
    "import_rows": (Area.MEMBERS,),
    "service_orders": (Area.POINTS,),
    "points_accounts": (Area.POINTS,),
    "ledger_entries": (Area.POINTS,),
    "point_lots": (Area.POINTS,),
    "lot_allocations": (Area.POINTS,),
    "point_holds": (Area.POINTS,),
    "adjustment_requests": (Area.APPROVALS,),
    "approval_requests": (Area.APPROVALS,),
    "earning_rules": (Area.RULES,),
    "adjustment_reasons": (Area.RULES,),
    "batch_runs": (Area.RUNS,),
    "tier_policies": (Area.TIERS,),
    "member_tiers": (Area.TIERS, Area.MEMBERS),
    "tier_history": (Area.TIERS,),
    "benefits": (Area.BENEFITS,),
    "benefit_dealers": (Area.BENEFITS,),
    "benefit_pictures": (Area.BENEFITS,),
    "tier_entitlements": (Area.BENEFITS,),
    "vouchers": (Area.BENEFITS, Area.MEMBERS, Area.PARTNERS),
    "partners": (Area.PARTNERS,),
    "partner_status_changes": (Area.PARTNERS,),
    "partner_admissions": (Area.PARTNERS,),
    "partner_weights": (Area.PARTNERS,),
    "partner_evaluations": (Area.PARTNERS,),
    "partner_modes": (Area.PARTNERS,),
    "partner_complaints": (Area.PARTNERS,),
    "dealers": (Area.STAFF,),
    "staff_users": (Area.STAFF,),
    "programme_settings": (Area.SETTINGS,),
    "audit_log": (Area.AUDIT,),
    "audit_head": (Area.AUDIT,),
}

Listener = Callable[[frozenset[Area]], None]
_listeners: list[Listener] = []


def areas_of(tables: Iterable[str]) -> frozenset[Area]:
    return frozenset(area for table in tables for area in TABLE_AREAS.get(table, ()))


def subscribe(listener: Listener) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def unsubscribe(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def publish(areas: frozenset[Area]) -> None:
    """Tell every subscriber (in the committing thread; a subscriber that failed is logged)."""
    if not areas:
        return
    for listener in list(_listeners):
        try:
            listener(areas)
        except Exception:  # noqa: BLE001 - a screen's refresh must never undo a commit
            log.exception("a change listener failed")
