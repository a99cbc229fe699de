"""Sign-in, lockout, first admin, password changes: against SQLite and PostgreSQL."""

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from app.db.models import StaffUser
from app.domain.errors import AccountLocked, AuthenticationFailed, PermissionDenied, ValidationError
from app.domain.roles import Role
from app.services import staff
from app.services.staff import auth
from tests.conftest import PASSWORD


def test_fresh_database_asks_for_the_first_admin(db):
    assert auth.needs_first_admin(db)
    actor = auth.create_first_admin(db, " Admin ", "Head Office", PASSWORD)
    assert (actor.username, actor.role, actor.dealer_id) == ("admin", Role.ADMIN, None)
    assert not auth.needs_first_admin(db)
    with pytest.raises(PermissionDenied):
        auth.create_first_admin(db, "second", "Second", PASSWORD)


@pytest.mark.parametrize("password", ["short1", "admin", "onlyletters", "1234567890"])
def test_weak_first_password_refused(db, password):
    with pytest.raises(ValidationError) as error:
        auth.create_first_admin(db, "admin", "Admin", password)
    assert error.value.field == "password"
    assert auth.needs_first_admin(db)


@pytest.mark.real_password_hashing
def test_password_is_stored_as_argon2id_with_owasp_parameters(db, people):
    with db.reader() as uow:
        query = select(StaffUser.password_hash).where(StaffUser.username == "admin")
        stored = uow.session.scalar(query)
    assert stored.startswith("$argon2id$")
    assert "m=19456,t=2,p=1" in stored
    assert PASSWORD not in stored
    assert PasswordHasher().verify(stored, PASSWORD)


def test_good_sign_in(db, people):
    actor = auth.sign_in(db, "CLERK", PASSWORD)
    assert actor.role == Role.CLERK and actor.dealer_name == "北京东区服务中心"


@pytest.mark.parametrize("username, password", [("clerk", "wrong-pass-1"), ("nobody", PASSWORD)])
def test_wrong_credentials_give_one_message(db, people, username, password):
    with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
        auth.sign_in(db, username, password)


def test_five_failures_lock_for_fifteen_minutes(db, people, clock):
    for _ in range(4):
        with pytest.raises(AuthenticationFailed) as error:
            auth.sign_in(db, "clerk", "wrong-pass-1")
        assert not isinstance(error.value, AccountLocked)
    with pytest.raises(AccountLocked) as locked:
        auth.sign_in(db, "clerk", "wrong-pass-1")
    assert locked.value.minutes_left == 15
    with pytest.raises(AccountLocked):  # even the right password is refused while locked
        auth.sign_in(db, "clerk", PASSWORD)
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(AccountLocked) as still:
        auth.sign_in(db, "clerk", PASSWORD)
    assert still.value.minutes_left == 1
    clock.advance(seconds=2)
    assert auth.sign_in(db, "clerk", PASSWORD).username == "clerk"


def test_success_resets_the_failure_count(db, people):
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            auth.sign_in(db, "clerk", "wrong-pass-1")
    auth.sign_in(db, "clerk", PASSWORD)
    for _ in range(4):
        with pytest.raises(AuthenticationFailed) as error:
            auth.sign_in(db, "clerk", "wrong-pass-1")
        assert not isinstance(error.value, AccountLocked)


def test_inactive_user_cannot_sign_in(db, people):
    staff.save_user(
        db,
        people.admin,
        staff.UserInput("clerk", "Clerk", Role.CLERK, people.dealer_id, active=False),
        user_id=people.clerk.user_id,
    )
    with pytest.raises(AuthenticationFailed):
        auth.sign_in(db, "clerk", PASSWORD)


def test_change_password(db, people):
    with pytest.raises(AuthenticationFailed, match="current password"):
        auth.change_password(db, people.clerk, "not-it-1", "New-pass-22")
    with pytest.raises(ValidationError):
        auth.change_password(db, people.clerk, PASSWORD, PASSWORD)
    auth.change_password(db, people.clerk, PASSWORD, "New-pass-22")
    with pytest.raises(AuthenticationFailed):
        auth.sign_in(db, "clerk", PASSWORD)
    assert auth.sign_in(db, "clerk", "New-pass-22").username == "clerk"


def test_admin_reset_forces_a_change_and_unlocks(db, people):
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            auth.sign_in(db, "clerk", "wrong-pass-1")
    staff.reset_password(db, people.admin, people.clerk.user_id, "Reset-pass-9")
    actor = auth.sign_in(db, "clerk", "Reset-pass-9")
    assert actor.must_change_password
    actor = auth.change_password(db, actor, "Reset-pass-9", "Mine-pass-77")
    assert not actor.must_change_password
    assert not auth.sign_in(db, "clerk", "Mine-pass-77").must_change_password


def test_new_user_must_change_the_one_time_password(db, people):
    staff.save_user(
        db,
        people.admin,
        staff.UserInput("newbie", "New", Role.CLERK, people.dealer_id),
        initial_password="Once-only-1",
    )
    assert auth.sign_in(db, "newbie", "Once-only-1").must_change_password
