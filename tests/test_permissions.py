"""Every service call checks the acting user's role; forbidden calls raise PermissionDenied."""

import pytest

from app.domain.errors import PermissionDenied
from app.domain.roles import PERMISSIONS, Permission, Role
from app.services import settings as programme_settings
from app.services import staff
from app.services.shared import audit
from app.services.shared.audit import AuditFilter

CALLS = {
    "list dealers": (lambda db, a, p: staff.list_dealers(db, a), set(Role)),
    "save dealer": (
        lambda db, a, p: staff.save_dealer(
            db, a, staff.DealerInput("SHA09", "上海", "华东", "上海市", "上海市")
        ),
        {Role.ADMIN},
    ),
    "list users": (
        lambda db, a, p: staff.list_users(db, a),
        {Role.ADMIN, Role.SUPERVISOR, Role.AUDITOR},
    ),
    "save user": (
        lambda db, a, p: staff.save_user(
            db, a, staff.UserInput("x1", "X", Role.CLERK, p.dealer_id), initial_password="Abc-12345"
        ),
        {Role.ADMIN},
    ),
    "reset password": (
        lambda db, a, p: staff.reset_password(db, a, p.clerk.user_id, "Abc-12345"),
        {Role.ADMIN},
    ),
    "update settings": (
        lambda db, a, p: programme_settings.update_settings(db, a, idle_lock_minutes=5),
        {Role.ADMIN},
    ),
    "read audit": (
        lambda db, a, p: _read_audit(db, a),
        {Role.ADMIN, Role.AUDITOR},
    ),
}


def _read_audit(db, actor):
    return audit.list_entries(db, actor, AuditFilter(), None)


@pytest.mark.parametrize("call", sorted(CALLS))
def test_each_role_gets_exactly_its_permissions(db, people, call):
    action, allowed = CALLS[call]
    for role in Role:
        actor = people.by_role(role)
        if role in allowed:
            action(db, actor, people)
        else:
            with pytest.raises(PermissionDenied):
                action(db, actor, people)


def test_auditor_is_read_only():
    writes = {
        Permission.EDIT_MEMBERS,
        Permission.POST_POINTS,
        Permission.REQUEST_ADJUSTMENT,
        Permission.APPROVE,
        Permission.CONFIGURE_PROGRAMME,
        Permission.MANAGE_DEALERS,
        Permission.MANAGE_USERS,
        Permission.BACKUP,
    }
    assert not PERMISSIONS[Role.AUDITOR] & writes


def test_a_forbidden_call_writes_nothing(db, people):
    with db.reader() as uow:
        before = audit.verify(uow).checked
    with pytest.raises(PermissionDenied):
        staff.save_dealer(db, people.clerk, staff.DealerInput("SHA09", "x", "x", "x", "x"))
    assert [d.code for d in staff.list_dealers(db, people.admin)] == ["BJA01"]
    with db.reader() as uow:
        assert audit.verify(uow).checked == before


def test_supervisor_sees_only_own_dealer_staff(db, people):
    names = {u.username for u in staff.list_users(db, people.supervisor)}
    assert names == {"supervisor", "clerk"}
    assert {u.username for u in staff.list_users(db, people.admin)} >= names | {"admin", "auditor"}
