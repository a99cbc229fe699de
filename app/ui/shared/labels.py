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


# The programme name until headquarters sets one (ProgrammeSettings.programme_name): the
# application's own name, so it is shown in the user's language like the rest of the UI.
DEFAULT_PROGRAMME_NAME = "Loyalty Desk"


def programme_name_text(name: str) -> str:
    """The programme's name as shown: the untouched default in the user's language."""
    if name == DEFAULT_PROGRAMME_NAME:
        return QCoreApplication.translate("MainWindow", "Loyalty Desk")
    return name


def programme_name_value(shown: str) -> str:
    """What to store for a name typed or left in the settings: the translated default is
    stored as the default, so switching the language keeps following it."""
    shown = shown.strip()
    return DEFAULT_PROGRAMME_NAME if shown == programme_name_text(DEFAULT_PROGRAMME_NAME) else shown


SYSTEM_USER = "system"  # the programme's own entries (app.services.shared.audit.SYSTEM)


def user_name(username: str | None) -> str:
    """A staff user's login name as shown; the programme itself (lapsing requests, batch
    runs) is "System" in the user's language rather than the code "system"."""
    if username == SYSTEM_USER:
        return QCoreApplication.translate("Users", "System")
    return username or ""


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
        Permission.VIEW_PARTNERS: QCoreApplication.translate("Permissions", "view partners"),
        Permission.MANAGE_PARTNERS: QCoreApplication.translate(
            "Permissions", "manage partners and their admission"
        ),
        Permission.HANDLE_COMPLAINTS: QCoreApplication.translate(
            "Permissions", "handle complaints about partners"
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
