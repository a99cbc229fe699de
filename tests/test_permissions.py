"""Every service call checks the acting user's role; forbidden calls raise PermissionDenied.

One call per permission: the roles the matrix (tests/domain/test_roles.py) leaves out get
PermissionDenied for exactly that permission, the others succeed.
"""

import re
from datetime import date
from pathlib import Path

import pytest

from app.db.models import Partner
from app.domain.benefits import new_voucher_code
from app.domain.errors import DatabaseUnavailable, NotFound, PermissionDenied
from app.domain.roles import PERMISSIONS, Permission, Role
from app.services import approvals, benefits, members, points, runs, staff, tiers
from app.services import settings as programme_settings
from app.services.benefits import ItemInput
from app.services.members import MemberInput
from app.services.partners import complaints
from app.services.partners import registry as partners
from app.services.points import ServiceInput, adjustments
from app.services.points.adjustments import AdjustmentInput
from app.services.settings import backups
from app.services.shared import audit
from app.services.shared.audit import AuditFilter
from tests.domain.test_roles import roles_with
from tests.partner_support import partner_input

P = Permission
# Permissions no service checks yet: the UI hides their areas, nothing else refuses them.
NOT_CHECKED_BY_ANY_SERVICE: set[Permission] = set()


def _member(db, people, n: int) -> int:
    """A member of the dealer, registered by its clerk; ``n`` keeps the mobile unique."""
    data = MemberInput("王五", f"1390000{n:04d}", privacy_consent=True)
    return members.register_member(db, people.clerk, data).id


def _clerk_request(db, people, n: int) -> int:
    data = AdjustmentInput(_member(db, people, n), 10, "goodwill", "Late repair")
    return adjustments.request_adjustment(db, people.clerk, data).id


CALLS = {
    "list members' tags": (P.VIEW_MEMBERS, lambda db, a, p: members.tags_in_use(db, a)),
    "register member": (
        P.EDIT_MEMBERS,
        lambda db, a, p: members.register_member(
            db,
            a,
            MemberInput(
                "李四", f"1380000{a.user_id:04d}", privacy_consent=True, dealer_id=p.dealer_id
            ),
        ),
    ),
    "preview service points": (
        P.POST_POINTS,
        lambda db, a, p: points.preview_service(
            db,
            a,
            ServiceInput(_member(db, p, a.user_id), None, "RO-1", date(2026, 3, 1), 100_000_00),
        ),
    ),
    "request adjustment": (
        P.REQUEST_ADJUSTMENT,
        lambda db, a, p: adjustments.request_adjustment(
            db, a, AdjustmentInput(_member(db, p, a.user_id), 10, "goodwill", "Late repair")
        ),
    ),
    "approve adjustment": (
        P.APPROVE,
        lambda db, a, p: approvals.approve(db, a, _clerk_request(db, p, a.user_id)),
    ),
    "list dealers": (P.VIEW_DEALERS, lambda db, a, p: staff.list_dealers(db, a)),
    "save dealer": (
        P.MANAGE_DEALERS,
        lambda db, a, p: staff.save_dealer(
            db, a, staff.DealerInput("SHA09", "上海", "华东", "上海市", "上海市")
        ),
    ),
    "list users": (P.VIEW_USERS, lambda db, a, p: staff.list_users(db, a)),
    "save user": (
        P.MANAGE_USERS,
        lambda db, a, p: staff.save_user(
            db, a, staff.UserInput("x1", "X", Role.CLERK, p.dealer_id), initial_password="Abc-12345"
        ),
    ),
    "reset password": (
        P.MANAGE_USERS,
        lambda db, a, p: staff.reset_password(db, a, p.clerk.user_id, "Abc-12345"),
    ),
    "update settings": (
        P.CONFIGURE_PROGRAMME,
        lambda db, a, p: programme_settings.update_settings(db, a, idle_lock_minutes=5),
    ),
    "read audit": (P.VIEW_AUDIT, lambda db, a, p: _read_audit(db, a)),
    "back up the database": (
        P.BACKUP,
        lambda db, a, p: _backup(db, a),
    ),
    "list batch runs": (P.VIEW_REPORTS, lambda db, a, p: runs.list_runs(db, a)),
    "preview the tier review": (
        P.RUN_TIER_REVIEW,
        lambda db, a, p: tiers.preview_review(db, a, date(2026, 3, 1)),
    ),
    "add a catalog item": (
        P.MANAGE_BENEFITS,
        lambda db, a, p: benefits.create_item(
            db, a, ItemInput(f"I{a.user_id}", "洗车", "redemption", "dealer", "custom", 100, 50)
        ),
    ),
    "look up a voucher": (P.USE_BENEFITS, lambda db, a, p: _find_voucher(db, a)),
    "list partners": (P.VIEW_PARTNERS, lambda db, a, p: partners.list_partners(db, a)),
    "add a partner": (
        P.MANAGE_PARTNERS,
        lambda db, a, p: partners.create_partner(db, a, partner_input(a.user_id)),
    ),
    "record a complaint": (
        P.HANDLE_COMPLAINTS,
        lambda db, a, p: complaints.record_complaint(
            db,
            a,
            complaints.ComplaintInput(
                _partner(db, p, a.user_id), "member", "体检报告延误", db.clock()
            ),
        ),
    ),
}


def _partner(db, people, n: int) -> int:
    """An active partner kept by headquarters (complaints are about admitted partners; the
    approvals are skipped here); ``n`` keeps its codes unique."""
    partner_id = partners.create_partner(db, people.admin, partner_input(100 + n)).id
    with db.uow() as uow:
        uow.session.get(Partner, partner_id).status = "active"
        uow.commit()
    return partner_id


def _find_voucher(db, actor) -> None:
    """The right is checked first; then no voucher has this (well-formed) code."""
    with pytest.raises(NotFound):
        benefits.find_voucher(db, actor, new_voucher_code())


def _backup(db, actor) -> None:
    """The right is checked first; PostgreSQL then points to pg_dump (backed up on the server)."""
    target = Path(db.engine.url.database or "x").with_name(f"backup-{actor.username}.sqlite3")
    try:
        backups.backup_database(db, actor, target)
    except DatabaseUnavailable:
        assert db.kind == "postgresql"


def _read_audit(db, actor):
    return audit.list_entries(db, actor, AuditFilter(), None)


@pytest.mark.parametrize("call", sorted(CALLS))
def test_each_role_gets_exactly_its_permissions(db, people, call):
    permission, action = CALLS[call]
    for role in Role:
        actor = people.by_role(role)
        if role in roles_with(permission):
            action(db, actor, people)
        else:
            with pytest.raises(PermissionDenied) as denied:
                action(db, actor, people)
            assert (denied.value.role, denied.value.permission) == (role, permission)


def test_every_permission_has_a_service_call_or_is_listed_as_unchecked():
    tested = {permission for permission, _ in CALLS.values()}
    tested.add(P.VIEW_PERSONAL_DATA)  # enforced by masking: see the test below
    assert tested | NOT_CHECKED_BY_ANY_SERVICE == set(Permission)
    assert not tested & NOT_CHECKED_BY_ANY_SERVICE


def test_personal_data_is_masked_for_every_role_without_the_right(db, people):
    member_id = _member(db, people, 1)
    for role in Role:
        detail = members.get_member(db, people.by_role(role), member_id)
        assert detail.masked is (role not in roles_with(P.VIEW_PERSONAL_DATA)), role
        assert (detail.mobile == "13900000001") is not detail.masked


# A service checks a permission itself, or names it for a kind of request or run that the
# approvals and runs services check.
CHECKED = re.compile(
    r"require\(\s*\w+,\s*Permission\.(\w+)|(?:ApprovalKind|RunKind)\([^)]*?Permission\.(\w+)",
    re.DOTALL,
)


def test_every_permission_a_service_checks_is_tested_here():
    services = Path(__file__).resolve().parents[1] / "app" / "services"
    checked = {
        Permission[own or kind]
        for path in services.rglob("*.py")
        for own, kind in CHECKED.findall(path.read_text("utf-8"))
    }
    assert checked == {permission for permission, _ in CALLS.values()}


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
        Permission.RUN_TIER_REVIEW,
        Permission.MANAGE_BENEFITS,
        Permission.USE_BENEFITS,
        Permission.MANAGE_PARTNERS,
        Permission.HANDLE_COMPLAINTS,
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
