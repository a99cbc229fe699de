"""Who sees what, the programme's today, and the member row every area starts from: one place
for services, screens and the command line."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from app.db.models import Member
from app.domain.errors import NotFound
from app.domain.roles import Actor, Permission
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.settings.programme import read_settings
from app.services.shared.database import Database
from app.services.shared.uow import FOR_CHANGE, UnitOfWork


def programme_today(uow: UnitOfWork) -> date:
    """Business dates are calendar dates in the programme's time zone."""
    return uow.now().astimezone(ZoneInfo(read_settings(uow).timezone)).date()


def today_in(db: Database, timezone: str) -> date:
    """Today in the programme's time zone (``timezone``, from the settings the screen holds)
    by the database's clock, which tests can move."""
    return db.clock().astimezone(ZoneInfo(timezone)).date()


def sees_personal_data(actor: Actor, member_dealer_id: int | None) -> bool:
    if not actor.can(Permission.VIEW_PERSONAL_DATA):
        return False
    return actor.is_headquarters or actor.dealer_id == member_dealer_id


def load_member(uow: UnitOfWork, member_id: object, lock: bool = False) -> Member:
    """The member's row (locked FOR NO KEY UPDATE with ``lock``), or NotFound."""
    if isinstance(member_id, bool) or not isinstance(member_id, int):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The member no longer exists."))
    member = uow.session.get(Member, member_id, with_for_update=FOR_CHANGE if lock else None)
    if member is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The member no longer exists."))
    return member
