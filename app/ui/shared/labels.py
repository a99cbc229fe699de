"""Translated names for codes that the services use (roles, permissions)."""

from PySide6.QtCore import QCoreApplication

from app.domain.roles import Permission, Role


def role_name(role: Role | str) -> str:
    names = {
        Role.CLERK: QCoreApplication.translate("Roles", "Clerk"),
        Role.SUPERVISOR: QCoreApplication.translate("Roles", "Supervisor"),
        Role.ADMIN: QCoreApplication.translate("Roles", "Administrator"),
        Role.AUDITOR: QCoreApplication.translate("Roles", "Auditor"),
    }
    return names[Role(role)]


def permission_name(permission: Permission | str) -> str:
    """What the permission lets someone do, as the end of "may not …"."""
    names = {
        Permission.VIEW_MEMBERS: QCoreApplication.translate("Permissions", "view members"),
        Permission.EDIT_MEMBERS: QCoreApplication.translate("Permissions", "edit members"),
        Permission.VIEW_PERSONAL_DATA: QCoreApplication.translate(
            "Permissions", "see personal data"
        ),
        Permission.POST_POINTS: QCoreApplication.translate("Permissions", "post points"),
        Permission.REQUEST_ADJUSTMENT: QCoreApplication.translate(
            "Permissions", "request point adjustments"
        ),
        Permission.APPROVE: QCoreApplication.translate("Permissions", "approve requests"),
        Permission.CONFIGURE_PROGRAMME: QCoreApplication.translate(
            "Permissions", "change the programme settings"
        ),
        Permission.MANAGE_DEALERS: QCoreApplication.translate("Permissions", "manage dealers"),
        Permission.MANAGE_USERS: QCoreApplication.translate("Permissions", "manage staff users"),
        Permission.VIEW_DEALERS: QCoreApplication.translate("Permissions", "view dealers"),
        Permission.VIEW_USERS: QCoreApplication.translate("Permissions", "view staff users"),
        Permission.VIEW_AUDIT: QCoreApplication.translate("Permissions", "view the audit trail"),
        Permission.VIEW_REPORTS: QCoreApplication.translate("Permissions", "view reports"),
        Permission.BACKUP: QCoreApplication.translate("Permissions", "make backups"),
        Permission.RUN_TIER_REVIEW: QCoreApplication.translate(
            "Permissions", "run the tier review"
        ),
        Permission.MANAGE_BENEFITS: QCoreApplication.translate(
            "Permissions", "manage the benefit catalog"
        ),
        Permission.USE_BENEFITS: QCoreApplication.translate(
            "Permissions", "redeem and write off benefits"
        ),
    }
    return names[Permission(permission)]


def guard_problems_text(problems) -> str:
    """Database guards (app.db.guards.GuardProblem) as "name (state)", the state translated."""
    states = {
        "missing": QCoreApplication.translate("Guards", "missing"),
        "disabled": QCoreApplication.translate("Guards", "disabled"),
        "altered": QCoreApplication.translate("Guards", "altered"),
    }
    return ", ".join(f"{p.guard} ({states.get(p.state, p.state)})" for p in problems)
