"""Opening a database: check the location, connect, upgrade the schema, hand out units of work."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from app.db import migrate
from app.db.engine import describe_url, make_engine, session_factories
from app.db.models import ProgrammeSetting
from app.domain.errors import DatabaseUnavailable
from app.domain.roles import Actor
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.shared.uow import UnitOfWork


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Database:
    url: str
    engine: Engine
    clock: Callable[[], datetime] = utc_now
    upgrade: migrate.UpgradeResult | None = None
    _factories: tuple = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._factories = session_factories(self.engine)

    @property
    def kind(self) -> str:
        return self.engine.dialect.name

    @property
    def description(self) -> str:
        return describe_url(self.url)

    def uow(self, actor: Actor | None = None) -> UnitOfWork:
        """A unit of work for writes (BEGIN IMMEDIATE on SQLite); with ``actor``, it first
        checks that the signed-in user still has the account they signed in with."""
        return UnitOfWork(self._factories[0], self.clock, actor)

    def reader(self, actor: Actor | None = None) -> UnitOfWork:
        """A unit of work for reads; it never blocks other desktops' writes."""
        return UnitOfWork(self._factories[1], self.clock, actor)

    def is_demo(self) -> bool:
        with self.reader() as uow:
            return uow.session.get(ProgrammeSetting, "demo_database") is not None

    def close(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, upgrade: bool = True, clock=utc_now) -> Database:
    """Open ``url``; refuses a newer schema; upgrades an older one after a backup."""
    engine = make_engine(url)
    try:
        result = migrate.upgrade(engine) if upgrade else None
        if not upgrade:
            migrate.check_not_newer(engine)
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseUnavailable(
            QT_TRANSLATE_NOOP("Errors", "Cannot open the database {where}: {reason}"),
            where=describe_url(url),
            reason=str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc),
        ) from exc
    except Exception:
        engine.dispose()
        raise
    return Database(url, engine, clock, result)


def check_connection(url: str) -> str:
    """Connect and report the server's version; raises a user-facing error on failure."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                version = connection.exec_driver_sql("select sqlite_version()").scalar_one()
                return f"SQLite {version}"
            return connection.exec_driver_sql("select version()").scalar_one().split(",")[0]
    except OperationalError as exc:
        raise DatabaseUnavailable(
            QT_TRANSLATE_NOOP("Errors", "Cannot open the database {where}: {reason}"),
            where=describe_url(url),
            reason=str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc),
        ) from exc
    finally:
        engine.dispose()


def schema_is_current(db: Database) -> bool:
    return migrate.current_revision(db.engine) == migrate.head_revision()
