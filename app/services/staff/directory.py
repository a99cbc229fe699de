"""Dealers and staff users: maintained by headquarters administrators."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.db.models import Dealer, StaffUser
from app.domain.errors import Conflict, NotFound, ValidationError
from app.domain.inputs import clean_text
from app.domain.passwords import check_password_policy
from app.domain.roles import Actor, Permission, Role, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.uow import UnitOfWork, retry_on_contention
from app.services.staff.auth import hash_password, normalize_username

DEALER_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,19}$")


@dataclass(frozen=True)
class DealerInput:
    code: str
    name: str
    region: str
    province: str
    city: str
    active: bool = True


@dataclass(frozen=True)
class DealerRow(DealerInput):
    id: int = 0


def _clean_dealer(data: DealerInput) -> DealerInput:
    code = clean_text(data.code, "code", 20).upper()
    if not DEALER_CODE.match(code):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "A dealer code has 2 to 20 capital letters, digits or dashes."
            ),
            field="code",
        )
    return DealerInput(
        code=code,
        name=clean_text(data.name, "name", 100, required=True, no_formula=True),
        region=clean_text(data.region, "region", 40, required=True, no_formula=True),
        province=clean_text(data.province, "province", 40, required=True, no_formula=True),
        city=clean_text(data.city, "city", 40, required=True, no_formula=True),
        active=data.active,
    )


def _dealer_row(dealer: Dealer) -> DealerRow:
    return DealerRow(
        id=dealer.id,
        code=dealer.code,
        name=dealer.name,
        region=dealer.region,
        province=dealer.province,
        city=dealer.city,
        active=dealer.active,
    )


def list_dealers(db: Database, actor: Actor, include_inactive: bool = True) -> list[DealerRow]:
    require(actor, Permission.VIEW_DEALERS)
    with db.reader(actor) as uow:
        query = select(Dealer).order_by(Dealer.code)
        if not include_inactive:
            query = query.where(Dealer.active)
        return [_dealer_row(d) for d in uow.session.scalars(query)]


@retry_on_contention
def save_dealer(
    db: Database, actor: Actor, data: DealerInput, dealer_id: int | None = None
) -> DealerRow:
    """Create (``dealer_id`` None) or update a dealer."""
    require(actor, Permission.MANAGE_DEALERS)
    clean = _clean_dealer(data)
    with db.uow(actor) as uow:
        now = uow.now()
        if dealer_id is None:
            dealer = Dealer(**asdict(clean), created_at=now, updated_at=now)
            uow.session.add(dealer)
            before = None
        else:
            dealer = _get(uow, Dealer, dealer_id)
            before = asdict(_dealer_row(dealer))
            for key, value in asdict(clean).items():
                setattr(dealer, key, value)
            dealer.updated_at = now
        _flush_unique(
            uow, QT_TRANSLATE_NOOP("Errors", "Dealer code {code} is already used."), code=clean.code
        )
        after = asdict(_dealer_row(dealer))
        if before is None:
            audit.record(uow, actor, "dealer", dealer.id, "create", after=after)
        else:
            audit.record(uow, actor, "dealer", dealer.id, "update", *audit.changes(before, after))
        uow.commit()
        return _dealer_row(dealer)


@dataclass(frozen=True)
class UserInput:
    username: str
    display_name: str
    role: Role
    dealer_id: int | None
    active: bool = True


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: Role
    dealer_id: int | None
    dealer_name: str | None
    active: bool
    locked_until: datetime | None
    last_sign_in_at: datetime | None
    must_change_password: bool


def list_users(db: Database, actor: Actor) -> list[UserRow]:
    require(actor, Permission.VIEW_USERS)
    with db.reader(actor) as uow:
        query = (
            select(StaffUser, Dealer.name)
            .outerjoin(Dealer, Dealer.id == StaffUser.dealer_id)
            .order_by(StaffUser.username)
        )
        if actor.role == Role.SUPERVISOR and actor.dealer_id is not None:
            query = query.where(StaffUser.dealer_id == actor.dealer_id)
        return [
            UserRow(
                u.id,
                u.username,
                u.display_name,
                Role(u.role),
                u.dealer_id,
                dealer_name,
                u.active,
                u.locked_until,
                u.last_sign_in_at,
                u.must_change_password,
            )
            for u, dealer_name in uow.session.execute(query)
        ]


def _user_snapshot(user: StaffUser) -> dict:
    return {
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role,
        "dealer_id": user.dealer_id,
        "active": user.active,
    }


@retry_on_contention
def save_user(
    db: Database,
    actor: Actor,
    data: UserInput,
    user_id: int | None = None,
    initial_password: str | None = None,
) -> int:
    """Create a user (with a one-time password they must change) or update one."""
    require(actor, Permission.MANAGE_USERS)
    username = normalize_username(data.username)
    display_name = clean_text(data.display_name, "display_name", 80, required=True, no_formula=True)
    try:
        role = Role(data.role)
    except ValueError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a role."), field="role") from exc
    if role == Role.CLERK and data.dealer_id is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A clerk must belong to a dealer. Choose a dealer."),
            field="dealer",
        )
    with db.uow(actor) as uow:
        if data.dealer_id is not None:
            _get(uow, Dealer, data.dealer_id)
        now = uow.now()
        if user_id is None:
            if initial_password is None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "Enter a temporary password."), field="password"
                )
            check_password_policy(initial_password, username)
            user = StaffUser(
                username=username,
                password_hash=hash_password(initial_password),
                must_change_password=True,
                password_changed_at=now,
                created_at=now,
                failed_attempts=0,
            )
            uow.session.add(user)
            before = None
        else:
            user = _get(uow, StaffUser, user_id)
            before = _user_snapshot(user)
        user.username, user.display_name = username, display_name
        user.role, user.dealer_id, user.active = role.value, data.dealer_id, data.active
        _flush_unique(
            uow,
            QT_TRANSLATE_NOOP("Errors", "User name {username} is already used."),
            username=username,
        )
        _keep_an_admin(uow)
        after = _user_snapshot(user)
        if before is None:
            audit.record(uow, actor, "staff_user", user.id, "create", after=after)
        else:
            audit.record(uow, actor, "staff_user", user.id, "update", *audit.changes(before, after))
        uow.commit()
        return user.id


@retry_on_contention
def reset_password(db: Database, actor: Actor, user_id: int, temporary_password: str) -> None:
    """Set a one-time password; the user must change it at the next sign-in. Unlocks too."""
    require(actor, Permission.MANAGE_USERS)
    with db.uow(actor) as uow:
        user = _get(uow, StaffUser, user_id)
        check_password_policy(temporary_password, user.username)
        user.password_hash = hash_password(temporary_password)
        user.must_change_password = True
        user.failed_attempts, user.locked_until = 0, None
        user.password_changed_at = uow.now()
        audit.record(uow, actor, "staff_user", user.id, "reset_password")
        uow.commit()


def _keep_an_admin(uow: UnitOfWork) -> None:
    admins = uow.session.scalar(
        select(func.count())
        .select_from(StaffUser)
        .where(StaffUser.role == Role.ADMIN.value, StaffUser.active)
    )
    if not admins:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "At least one active administrator must remain."),
            field="role",
        )


def _get(uow: UnitOfWork, model, key: int):
    obj = uow.session.get(model, key)
    if obj is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The record no longer exists."))
    return obj


def _flush_unique(uow: UnitOfWork, template: str, **params: object) -> None:
    try:
        uow.session.flush()
    except IntegrityError as exc:
        raise Conflict(template, **params) from exc
