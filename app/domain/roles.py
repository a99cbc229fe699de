"""Roles and the permission matrix: the one place that says who may do what."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.errors import PermissionDenied
from app.domain.text import QT_TRANSLATE_NOOP


class Role(StrEnum):
    CLERK = "clerk"  # counter staff at a dealer
    SUPERVISOR = "supervisor"  # approves adjustments and tier changes
    ADMIN = "admin"  # headquarters: configuration, users, dealers
    AUDITOR = "auditor"  # read-only, sees the audit trail


class Permission(StrEnum):
    VIEW_MEMBERS = "view_members"
    EDIT_MEMBERS = "edit_members"
    VIEW_PERSONAL_DATA = "view_personal_data"
    POST_POINTS = "post_points"
    REQUEST_ADJUSTMENT = "request_adjustment"
    APPROVE = "approve"
    CONFIGURE_PROGRAMME = "configure_programme"
    MANAGE_DEALERS = "manage_dealers"
    MANAGE_USERS = "manage_users"
    VIEW_DEALERS = "view_dealers"
    VIEW_USERS = "view_users"
    VIEW_AUDIT = "view_audit"
    VIEW_REPORTS = "view_reports"
    BACKUP = "backup"
    RUN_TIER_REVIEW = "run_tier_review"
    MANAGE_BENEFITS = "manage_benefits"  # the catalog, its listing and the tier matrix
    USE_BENEFITS = "use_benefits"  # redeem, write off and cancel vouchers at the counter
    VIEW_PARTNERS = "view_partners"  # the partner registry, its complaints and settlements
    MANAGE_PARTNERS = "manage_partners"  # registry, admission, evaluation, contracts
    HANDLE_COMPLAINTS = "handle_complaints"  # record and follow complaints about partners


P = Permission
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset(
        {
            P.VIEW_MEMBERS,
            P.EDIT_MEMBERS,
            P.VIEW_PERSONAL_DATA,
            P.POST_POINTS,
            P.REQUEST_ADJUSTMENT,
            P.VIEW_DEALERS,
            P.USE_BENEFITS,
            P.VIEW_PARTNERS,
            P.HANDLE_COMPLAINTS,
        }
    ),
    Role.SUPERVISOR: frozenset(
        {
            P.VIEW_MEMBERS,
            P.EDIT_MEMBERS,
            P.VIEW_PERSONAL_DATA,
            P.POST_POINTS,
            P.REQUEST_ADJUSTMENT,
            P.APPROVE,
            P.VIEW_DEALERS,
            P.VIEW_USERS,
            P.VIEW_REPORTS,
            P.RUN_TIER_REVIEW,
            P.USE_BENEFITS,
            P.VIEW_PARTNERS,
            P.HANDLE_COMPLAINTS,
        }
    ),
    Role.ADMIN: frozenset(
        {
            P.VIEW_MEMBERS,
            P.EDIT_MEMBERS,
            P.VIEW_PERSONAL_DATA,
            P.REQUEST_ADJUSTMENT,
            P.APPROVE,
            P.CONFIGURE_PROGRAMME,
            P.MANAGE_DEALERS,
            P.MANAGE_USERS,
            P.VIEW_DEALERS,
            P.VIEW_USERS,
            P.VIEW_AUDIT,
            P.VIEW_REPORTS,
            P.BACKUP,
            P.RUN_TIER_REVIEW,
            P.MANAGE_BENEFITS,
            P.VIEW_PARTNERS,
            P.MANAGE_PARTNERS,
            P.HANDLE_COMPLAINTS,
        }
    ),
    Role.AUDITOR: frozenset(
        {
            P.VIEW_MEMBERS,
            P.VIEW_DEALERS,
            P.VIEW_USERS,
            P.VIEW_AUDIT,
            P.VIEW_REPORTS,
            P.VIEW_PARTNERS,
        }
    ),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in staff user on whose behalf a service call runs."""

    user_id: int
    username: str
    display_name: str
    role: Role
    dealer_id: int | None = None
    dealer_name: str | None = None
    must_change_password: bool = False

    @property
    def is_headquarters(self) -> bool:
        return self.dealer_id is None

    def can(self, permission: Permission) -> bool:
        return permission in PERMISSIONS[self.role]


def require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        denied = PermissionDenied(
            QT_TRANSLATE_NOOP("Errors", "Your role ({role}) may not {action}."),
            role=actor.role.value,
            action=permission.value.replace("_", " "),
        )
        denied.role, denied.permission = actor.role, permission  # for translated labels
        raise denied
