"""Programme settings shared by every desktop (stored in the database)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from app.db.models import ProgrammeSetting
from app.domain.errors import ValidationError
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services import audit
from app.services.database import Database
from app.services.uow import UnitOfWork


@dataclass(frozen=True)
class ProgrammeSettings:
    programme_name: str = "Loyalty Desk"
    timezone: str = "Asia/Shanghai"
    idle_lock_minutes: int = 15


def read_settings(uow: UnitOfWork) -> ProgrammeSettings:
    stored = {
        row.key: json.loads(row.value) for row in uow.session.scalars(select(ProgrammeSetting))
    }
    known = {f.name for f in fields(ProgrammeSettings)}
    return ProgrammeSettings(**{k: v for k, v in stored.items() if k in known})


def get_settings(db: Database) -> ProgrammeSettings:
    with db.reader() as uow:
        return read_settings(uow)


def _validate(new: ProgrammeSettings) -> None:
    try:
        ZoneInfo(new.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown time zone: {zone}."),
            field="timezone",
            zone=new.timezone,
        ) from exc
    if not 1 <= new.idle_lock_minutes <= 240:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The idle lock must be between 1 and 240 minutes."),
            field="idle_lock_minutes",
        )
    if not new.programme_name.strip():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "This field is required."), field="programme_name"
        )


def update_settings(db: Database, actor: Actor, **changes: object) -> ProgrammeSettings:
    require(actor, Permission.CONFIGURE_PROGRAMME)
    with db.uow() as uow:
        current = read_settings(uow)
        new = replace(current, **changes)
        _validate(new)
        before, after = audit.changes(asdict(current), asdict(new))
        for key, value in after.items():
            write_setting(uow, actor.username, key, value)
            audit.record(
                uow, actor, "programme_setting", key, "update", {key: before[key]}, {key: value}
            )
        uow.commit()
        return new


def write_setting(uow: UnitOfWork, username: str, key: str, value: object) -> None:
    row = uow.session.get(ProgrammeSetting, key)
    if row is None:
        row = ProgrammeSetting(key=key)
        uow.session.add(row)
    row.value, row.updated_at, row.updated_by = json.dumps(value), uow.now(), username
