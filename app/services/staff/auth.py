"""Sign-in with lockout, first-admin set-up, password changes. Passwords are Argon2id hashes."""

from __future__ import annotations

from datetime import timedelta
from functools import cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from app.db.models import Dealer, StaffUser
from app.domain.errors import AccountLocked, AuthenticationFailed, PermissionDenied, ValidationError
from app.domain.inputs import clean_text
from app.domain.passwords import LOCK_MINUTES, MAX_FAILED_ATTEMPTS, check_password_policy
from app.domain.roles import Actor, Role
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.uow import UnitOfWork, retry_on_contention

# OWASP minimum for Argon2id: 19 MiB memory, 2 iterations, 1 degree of parallelism.
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, type=Type.ID)


@cache
def _dummy_hash() -> str:
    """Verified against when the user name is unknown, so both failures take the same time."""
    return HASHER.hash("not a real password")


WRONG_CREDENTIALS = QT_TRANSLATE_NOOP("Errors", "Wrong user name or password.")


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def _password_matches(stored_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def actor_for(uow: UnitOfWork, user: StaffUser) -> Actor:
    dealer = uow.session.get(Dealer, user.dealer_id) if user.dealer_id else None
    return Actor(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=Role(user.role),
        dealer_id=user.dealer_id,
        dealer_name=dealer.name if dealer else None,
        must_change_password=user.must_change_password,
    )


def needs_first_admin(db: Database) -> bool:
    with db.reader() as uow:
        return not uow.session.scalar(select(func.count()).select_from(StaffUser))


@retry_on_contention
def create_first_admin(db: Database, username: str, display_name: str, password: str) -> Actor:
    """Only allowed while the database has no staff at all (a fresh installation)."""
    username = normalize_username(username)
    check_password_policy(password, username)
    display_name = clean_text(display_name, "display_name", 80, no_formula=True)
    if not display_name:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter the display name."), field="display_name"
        )
    with db.uow() as uow:
        if uow.session.scalar(select(func.count()).select_from(StaffUser)):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "The first administrator has already been created.")
            )
        now = uow.now()
        user = StaffUser(
            username=username,
            display_name=display_name,
            role=Role.ADMIN.value,
            password_hash=hash_password(password),
            password_changed_at=now,
            created_at=now,
            dealer_id=None,
            active=True,
            must_change_password=False,
            failed_attempts=0,
        )
        uow.session.add(user)
        uow.session.flush()
        audit.record(
            uow,
            "setup",
            "staff_user",
            user.id,
            "create_first_admin",
            after={"username": username, "role": "admin"},
        )
        uow.commit()
        return actor_for(uow, user)


def normalize_username(username: str) -> str:
    name = username.strip().lower()
    if not name or len(name) > 40 or not all(c.isalnum() or c in "._-" for c in name):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "A user name has 1 to 40 letters, digits, dots, dashes or underscores."
            ),
            field="username",
        )
    return name


@retry_on_contention
def sign_in(db: Database, username: str, password: str) -> Actor:
    """Check the password; five failures in a row lock the account for 15 minutes."""
    try:
        username = normalize_username(username)
    except ValidationError:  # no such user can exist; answer as slowly as for a real one
        _password_matches(_dummy_hash(), password)
        raise AuthenticationFailed(WRONG_CREDENTIALS) from None
    with db.uow() as uow:
        # Locked for the whole check, so parallel guesses are counted one after another and
        # the fifth wrong one locks the account before a sixth is even tried.
        user = uow.session.scalar(
            select(StaffUser).where(StaffUser.username == username).with_for_update(key_share=True)
        )
        if user is None or not user.active:
            _password_matches(_dummy_hash(), password)
            raise AuthenticationFailed(WRONG_CREDENTIALS)
        now = uow.now()
        if user.locked_until and user.locked_until > now:
            raise _locked(user.locked_until - now)
        if not _password_matches(user.password_hash, password):
            _record_failure(uow, user)
            uow.commit()
            if user.locked_until:
                raise _locked(user.locked_until - now)
            raise AuthenticationFailed(WRONG_CREDENTIALS)
        if HASHER.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.failed_attempts, user.locked_until, user.last_sign_in_at = 0, None, now
        audit.record(uow, actor_for(uow, user), "sign_in", user.id, "signed_in")
        this_database, location = audit.database_id(uow), audit.database_location(uow)
        uow.commit()
        # The head this sign-in's own entry made, once committed: never a false anchor.
        audit.keep_local_checkpoint(audit.written_checkpoint(uow, this_database), location)
        return actor_for(uow, user)


def _record_failure(uow: UnitOfWork, user: StaffUser) -> None:
    user.failed_attempts += 1
    action = "failed"
    if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
        user.locked_until = uow.now() + timedelta(minutes=LOCK_MINUTES)
        user.failed_attempts = 0
        action = "locked"
    audit.record(
        uow,
        user.username,
        "sign_in",
        user.id,
        action,
        after={"failed_attempts": user.failed_attempts},
    )


def _locked(remaining: timedelta) -> AccountLocked:
    minutes = max(1, -(-int(remaining.total_seconds()) // 60))
    return AccountLocked(
        QT_TRANSLATE_NOOP(
            "Errors",
            "Too many wrong passwords: this account is locked. Try again in {minutes} "
            "minutes or ask an administrator to reset the password.",
        ),
        minutes_left=minutes,
    )


@retry_on_contention
def change_password(db: Database, actor: Actor, old_password: str, new_password: str) -> Actor:
    with db.uow(actor) as uow:
        user = uow.session.get(StaffUser, actor.user_id)
        if user is None or not _password_matches(user.password_hash, old_password):
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP("Errors", "The current password is wrong."),
            )
        check_password_policy(new_password, user.username)
        if _password_matches(user.password_hash, new_password):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Choose a password different from the current one."),
                field="new_password",
            )
        user.password_hash = hash_password(new_password)
        user.password_changed_at = uow.now()
        user.must_change_password = False
        audit.record(uow, actor, "staff_user", user.id, "change_password")
        uow.commit()
        return actor_for(uow, user)
