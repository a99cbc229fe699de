"""The permission matrix, cell by cell, and the headquarters rule.

EXPECTED is the matrix written out by hand: a change to PERMISSIONS in app/domain/roles.py
must be made here too, on purpose. tests/test_permissions.py checks that the services refuse
each permission to the roles this table leaves out.
"""

from dataclasses import FrozenInstanceError

import pytest

from app.domain.errors import LoyaltyError, PermissionDenied
from app.domain.roles import PERMISSIONS, Actor, Permission, Role, require

P = Permission
ROLES = (Role.CLERK, Role.SUPERVISOR, Role.ADMIN, Role.AUDITOR)
Y, N = True, False

# fmt: off
EXPECTED: dict[Permission, tuple[bool, bool, bool, bool]] = {
    #                         clerk  supervisor  admin  auditor
    P.VIEW_MEMBERS:          (Y,     Y,          Y,     Y),
    P.EDIT_MEMBERS:          (Y,     Y,          Y,     N),
    P.VIEW_PERSONAL_DATA:    (Y,     Y,          Y,     N),
    P.POST_POINTS:           (Y,     Y,          N,     N),
    P.REQUEST_ADJUSTMENT:    (Y,     Y,          Y,     N),
    P.APPROVE:               (N,     Y,          Y,     N),
    P.CONFIGURE_PROGRAMME:   (N,     N,          Y,     N),
    P.MANAGE_DEALERS:        (N,     N,          Y,     N),
    P.MANAGE_USERS:          (N,     N,          Y,     N),
    P.VIEW_DEALERS:          (Y,     Y,          Y,     Y),
    P.VIEW_USERS:            (N,     Y,          Y,     Y),
    P.VIEW_AUDIT:            (N,     N,          Y,     Y),
    P.VIEW_REPORTS:          (N,     Y,          Y,     Y),
    P.BACKUP:                (N,     N,          Y,     N),
    P.RUN_TIER_REVIEW:       (N,     Y,          Y,     N),
    P.MANAGE_BENEFITS:       (N,     N,          Y,     N),
    P.USE_BENEFITS:          (Y,     Y,          N,     N),
    P.VIEW_PARTNERS:         (Y,     Y,          Y,     Y),
    P.MANAGE_PARTNERS:       (N,     N,          Y,     N),
    P.HANDLE_COMPLAINTS:     (Y,     Y,          Y,     N),
}
# fmt: on


def allowed(role: Role, permission: Permission) -> bool:
    return EXPECTED[permission][ROLES.index(role)]


def roles_with(permission: Permission) -> set[Role]:
    return {role for role in ROLES if allowed(role, permission)}


def actor(role: Role, dealer_id: int | None = 7) -> Actor:
    return Actor(1, role.value, role.value.title(), role, dealer_id)


CELLS = [(role, permission) for role in ROLES for permission in Permission]


def test_the_table_covers_every_role_and_permission():
    assert set(ROLES) == set(Role) == set(PERMISSIONS)
    assert list(EXPECTED) == list(Permission)


@pytest.mark.parametrize(("role", "permission"), CELLS, ids=[f"{r}-{p}" for r, p in CELLS])
def test_each_cell_of_the_matrix(role, permission):
    expected = allowed(role, permission)
    assert (permission in PERMISSIONS[role]) is expected
    assert actor(role).can(permission) is expected
    assert actor(role, dealer_id=None).can(permission) is expected  # headquarters or not
    if expected:
        require(actor(role), permission)
        return
    with pytest.raises(PermissionDenied) as denied:
        require(actor(role), permission)
    assert (denied.value.role, denied.value.permission) == (role, permission)
    assert denied.value.template == "Your role ({role}) may not {action}."
    assert denied.value.params == {"role": role.value, "action": permission.value.replace("_", " ")}
    assert isinstance(denied.value, LoyaltyError)


def test_refusal_message_names_the_role_and_the_action():
    with pytest.raises(PermissionDenied) as denied:
        require(actor(Role.AUDITOR), P.VIEW_PERSONAL_DATA)
    assert str(denied.value) == "Your role (auditor) may not view personal data."


def test_stored_role_and_permission_values():
    # Roles are stored in the users table; permission values appear in refusal messages.
    assert [r.value for r in Role] == ["clerk", "supervisor", "admin", "auditor"]
    assert [p.value for p in Permission] == [
        "view_members",
        "edit_members",
        "view_personal_data",
        "post_points",
        "request_adjustment",
        "approve",
        "configure_programme",
        "manage_dealers",
        "manage_users",
        "view_dealers",
        "view_users",
        "view_audit",
        "view_reports",
        "backup",
        "run_tier_review",
        "manage_benefits",
        "use_benefits",
        "view_partners",
        "manage_partners",
        "handle_complaints",
    ]


def test_headquarters_is_staff_without_a_dealer():
    assert actor(Role.ADMIN, dealer_id=None).is_headquarters is True
    assert actor(Role.AUDITOR, dealer_id=None).is_headquarters is True
    assert actor(Role.ADMIN, dealer_id=3).is_headquarters is False
    assert actor(Role.CLERK, dealer_id=0).is_headquarters is False  # a dealer id, even 0


def test_actor_defaults_and_immutability():
    a = Actor(5, "clerk", "Clerk", Role.CLERK)
    assert (a.dealer_id, a.dealer_name, a.must_change_password) == (None, None, False)
    assert a.must_change_password is False
    with pytest.raises(FrozenInstanceError):
        a.role = Role.ADMIN  # type: ignore[misc]


def test_auditor_is_read_only():
    writes = {
        P.EDIT_MEMBERS,
        P.POST_POINTS,
        P.REQUEST_ADJUSTMENT,
        P.APPROVE,
        P.CONFIGURE_PROGRAMME,
        P.MANAGE_DEALERS,
        P.MANAGE_USERS,
        P.BACKUP,
        P.RUN_TIER_REVIEW,
        P.MANAGE_BENEFITS,
        P.USE_BENEFITS,
        P.MANAGE_PARTNERS,
        P.HANDLE_COMPLAINTS,
    }
    assert not PERMISSIONS[Role.AUDITOR] & writes
