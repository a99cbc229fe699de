"""Dropping a demo database so that it can be built again: never a database with real data."""

from __future__ import annotations

from pathlib import Path

from app.db.engine import make_engine, sqlite_file_path
from app.db.migrate import downgrade
from app.domain.errors import LoyaltyError, PermissionDenied
from app.domain.roles import Actor, Permission
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.shared.database import Database
from app.services.staff.auth import needs_first_admin


def may_be_dropped(db: Database) -> bool:
    """Empty (no staff yet) or a demo database: nothing real would be lost."""
    return needs_first_admin(db) or db.is_demo()


def drop_for_rebuild(db: Database, actor: Actor | None) -> None:
    """Drop everything in ``db`` (closing it): only a demo database, and only for one of
    its administrators (an empty database needs no one)."""
    if not may_be_dropped(db):
        raise LoyaltyError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Only a demo database can be rebuilt; this one holds real data and was left "
                "untouched.",
            )
        )
    is_admin = actor is not None and actor.can(Permission.CONFIGURE_PROGRAMME)
    if not is_admin and not needs_first_admin(db):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Errors", "Only an administrator may rebuild the demo database.")
        )
    url = db.engine.url.render_as_string(hide_password=False)
    db.close()
    if db.kind == "sqlite":
        path = sqlite_file_path(url)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    engine = make_engine(url)
    try:
        downgrade(engine, "base")
    finally:
        engine.dispose()
