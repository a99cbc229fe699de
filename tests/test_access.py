"""Permissions hold for every path: a changed account loses its rights at once, printed
statements mask like the screens, and every service checks the actor inside its unit of work."""

from __future__ import annotations

import ast
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.domain.errors import AccountChanged, PermissionDenied
from app.domain.roles import Role
from app.services import approvals, points, staff
from app.services.points import ServiceInput, adjustments
from app.services.points.adjustments import AdjustmentInput
from app.services.staff import auth
from tests.test_members import register

SERVICES = Path(__file__).resolve().parents[1] / "app" / "services"


@pytest.fixture
def member_id(db, people):
    member = register(db, people.clerk)
    points.record_service(
        db, people.clerk, ServiceInput(member.id, None, "RO-1", date(2026, 3, 1), 100_000_00)
    )
    return member.id


def _supervisor_row(db, people) -> staff.UserInput:
    return staff.UserInput("supervisor", "Supervisor", Role.SUPERVISOR, people.dealer_id)


@pytest.mark.parametrize(
    "change",
    [
        {"active": False},
        {"role": Role.CLERK},
        {"active": False, "role": Role.CLERK},
    ],
)
def test_a_disabled_or_demoted_supervisor_cannot_approve(db, people, member_id, change):
    request = adjustments.request_adjustment(
        db, people.clerk, AdjustmentInput(member_id, 5, "goodwill", "please")
    )
    row = _supervisor_row(db, people)
    changed = staff.UserInput(**{**row.__dict__, **change})
    staff.save_user(db, people.admin, changed, user_id=people.supervisor.user_id)
    with pytest.raises(AccountChanged):
        approvals.approve(db, people.supervisor, request.id)  # still signed in, as before
    assert approvals.list_requests(db, people.admin)[0].status == "pending"


def test_a_locked_or_reset_account_loses_its_rights_at_once(db, people, member_id, clock):
    for _ in range(5):  # someone guesses the clerk's password at another desktop
        with pytest.raises(auth.AuthenticationFailed):
            auth.sign_in(db, "clerk", "Wrong-pass-9")
    with pytest.raises(AccountChanged):
        points.account_summary(db, people.clerk, member_id)
    clock.advance(minutes=16)  # the lock has passed
    assert points.account_summary(db, people.clerk, member_id).balance == 100
    staff.reset_password(db, people.admin, people.clerk.user_id, "Temp-pass-2")
    with pytest.raises(AccountChanged):
        points.account_summary(db, people.clerk, member_id)


def test_a_clerk_moved_to_another_dealer_must_sign_in_again(db, people, member_id):
    other = staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海浦东", "华东", "上海市", "上海市")
    )
    row = staff.UserInput("clerk", "Clerk", Role.CLERK, other.id)
    staff.save_user(db, people.admin, row, user_id=people.clerk.user_id)
    with pytest.raises(AccountChanged):
        points.use_points(db, people.clerk, points.UsePointsInput(member_id, 1, "labour", "RO"))
    assert points.account_summary(db, people.admin, member_id).balance == 100


def test_the_statement_masks_the_name_for_roles_that_see_it_masked(db, people, member_id):
    start, end = date(2026, 3, 1), date(2026, 3, 31)
    assert points.statement(db, people.auditor, member_id, start, end).name == "张*"
    assert points.statement(db, people.clerk, member_id, start, end).name == "张三"


def test_the_printed_statement_masks_the_name_too(db, people, member_id, tmp_path):
    if subprocess.run(["which", "pdftotext"], capture_output=True).returncode:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    path = tmp_path / "statement.pdf"
    points.print_statement(db, people.auditor, member_id, date(2026, 3, 1), date(2026, 3, 31), path)
    shown = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "张*" in shown and "张三" not in shown


def test_dates_beyond_any_statement_are_refused(db, people, member_id):
    from app.domain.errors import ValidationError

    for start, end in (
        (date(2026, 3, 1), date(9999, 12, 31)),
        (date(1, 1, 1), date(2026, 3, 1)),
        (date(2026, 3, 1), date(2026, 3, 1) - timedelta(days=1)),
    ):
        with pytest.raises(ValidationError):
            points.statement(db, people.clerk, member_id, start, end)


def _functions_taking_an_actor(tree: ast.Module):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for arg in node.args.args:
                annotation = ast.unparse(arg.annotation) if arg.annotation else ""
                if arg.arg == "actor" and "Actor" in annotation:
                    yield node


def test_every_unit_of_work_opened_for_an_actor_checks_that_actor():
    """``db.uow(actor)`` re-reads the account; a bare ``db.uow()`` in a use case would trust
    the signed-in object instead."""
    unchecked = []
    for path in sorted(SERVICES.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in _functions_taking_an_actor(tree):
            for call in ast.walk(function):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr in ("uow", "reader")
                    and not call.args
                ):
                    unchecked.append(f"{path.name}:{call.lineno} {function.name}")
    assert unchecked == []


def test_permission_denied_for_a_changed_account_is_a_clear_message(db, people):
    staff.save_user(
        db, people.admin, staff.UserInput("auditor", "Auditor", Role.AUDITOR, None, False),
        user_id=people.auditor.user_id,
    )  # fmt: skip
    with pytest.raises(PermissionDenied) as refused:
        staff.list_dealers(db, people.auditor)
    assert "Sign in again" in str(refused.value)
