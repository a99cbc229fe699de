"""Opening a database: check the location, connect, upgrade the schema, hand out units of work."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from app.config import sqlite_url
from app.db import migrate
from app.db.engine import describe_url, make_engine, session_factories, sqlite_file_path
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


# What the drivers say (psycopg, sqlite3: English whatever the system's language) → what the
# user reads, with what to do about it. The first pattern found in the message wins.
_CAUSES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("password authentication failed", "no password supplied", "role \"", "pg_hba.conf"),
        QT_TRANSLATE_NOOP(
            "Errors",
            "Cannot open the database {where}: the server refused the user name or "
            "password. Check them in the database connection settings, or ask whoever runs "
            "the server.",
        ),
    ),
    (
        ("does not exist",),
        QT_TRANSLATE_NOOP(
            "Errors",
            "Cannot open the database {where}: there is no such database on the server. "
            "Check the database name in the connection settings, or ask whoever runs the "
            "server to create it.",
        ),
    ),
    (
        ("connection refused", "could not connect", "timeout expired", "timed out",
         "could not translate host name", "name or service not known", "no route to host",
         "network is unreachable", "server closed the connection"),
        QT_TRANSLATE_NOOP(
            "Errors",
            "Cannot open the database {where}: the server does not answer. Check that the "
            "server is running and that this computer can reach it (network cable or Wi-Fi, "
            "VPN, firewall), then try again.",
        ),
    ),
    (
        ("database is locked", "database table is locked"),
        QT_TRANSLATE_NOOP(
            "Errors",
            "Cannot open the database {where}: another program is using the file (a "
            "backup, a copy or a Loyalty Desk that did not close). Close it, or wait a "
            "moment, and try again.",
        ),
    ),
    (
        ("unable to open database file", "readonly database", "read-only", "permission denied",
         "disk i/o error"),
        QT_TRANSLATE_NOOP(
            "Errors",
            "Cannot open the database {where}: the file cannot be opened or written. Check "
            "that its folder exists and that your Windows account may write to it, or "
            "choose another file.",
        ),
    ),
    (
        ("file is not a database", "file is encrypted"),
        QT_TRANSLATE_NOOP(
            "Errors",
            "Cannot open the database {where}: the file is not a Loyalty Desk database. "
            "Choose the right file, or restore it from a backup.",
        ),
    ),
)  # fmt: skip


def unavailable(url: str, exc: BaseException) -> DatabaseUnavailable:
    """The error a user sees when the database cannot be opened: the cause in their words
    and what to do about it; the driver's own text only when the cause is unknown."""
    original = getattr(exc, "orig", None) or exc
    reason = (str(original).strip().splitlines() or [""])[0]
    lowered = str(original).lower()
    where = describe_url(url)
    for patterns, template in _CAUSES:
        if any(pattern in lowered for pattern in patterns):
            return DatabaseUnavailable(template, where=where, reason=reason)
    return DatabaseUnavailable(
        QT_TRANSLATE_NOOP("Errors", "Cannot open the database {where}: {reason}"),
        where=where,
        reason=reason,
    )


def open_database(url: str, *, upgrade: bool = True, clock=utc_now) -> Database:
    """Open ``url``; refuses a newer schema; upgrades an older one after a backup."""
    engine = make_engine(url)
    try:
        result = migrate.upgrade(engine) if upgrade else None
        if not upgrade:
            migrate.check_not_newer(engine)
    except OperationalError as exc:
        engine.dispose()
        raise unavailable(url, exc) from exc
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
        raise unavailable(url, exc) from exc
    finally:
        engine.dispose()


def schema_is_current(db: Database) -> bool:
    return migrate.current_revision(db.engine) == migrate.head_revision()


def schema_revision(db: Database) -> str | None:
    """The database's schema revision (Alembic), for the About dialog."""
    return migrate.current_revision(db.engine)


def open_for_self_test(url: str, folder: Path) -> tuple[Database, str, str]:
    """A database to self-test on, how it was made ("copy", "new" or "checked") and where the
    database checked is; nothing real changes.

    An existing SQLite file is copied into ``folder`` and the copy upgraded ("copy"), a
    missing one is created there instead ("new"); a PostgreSQL database is connected to and
    its schema checked, not upgraded, since other desktops share it ("checked"), and the
    migrations then run on a new SQLite file in ``folder``."""
    copy, where = folder / "self-test.sqlite3", describe_url(url)
    if not url.startswith("sqlite"):
        open_database(url, upgrade=False).close()
        return open_database(sqlite_url(copy)), "checked", where
    source = Path(sqlite_file_path(url))
    if not source.exists():
        return open_database(sqlite_url(copy)), "new", where
    migrate.backup_sqlite(source, copy)
    return open_database(sqlite_url(copy)), "copy", where


def postgresql_driver() -> str:
    """The PostgreSQL driver and the libpq it loads (a bundle could miss either)."""
    import psycopg

    return f"psycopg {psycopg.__version__}, {psycopg.pq.__impl__} libpq {psycopg.pq.version()}"
