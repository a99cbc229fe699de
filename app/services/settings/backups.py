"""Backing up the embedded database (a shared PostgreSQL database is backed up on its server)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.db import migrate
from app.db.engine import sqlite_file_path
from app.domain.errors import Conflict, DatabaseUnavailable
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.uow import retry_on_contention


def backup_target(target: Path, now: datetime) -> Path:
    """``target`` itself, or a dated file inside it when it is a folder; never an
    existing file (a backup must not overwrite anything, least of all another database)."""
    if target.is_dir():
        target = target / f"loyalty-backup-{now:%Y%m%d-%H%M%S}.sqlite3"
    if target.exists():
        raise _exists(target)
    return target


def _exists(target: Path) -> Conflict:
    return Conflict(
        QT_TRANSLATE_NOOP("Errors", "{path} already exists; choose a new file name or a folder."),
        path=str(target),
    )


@retry_on_contention
def backup_database(db: Database, actor: Actor, target: Path) -> Path:
    """Online backup of an SQLite database into a new file (readable by the user only)."""
    require(actor, Permission.BACKUP)
    if db.kind != "sqlite":
        raise DatabaseUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A shared PostgreSQL database is backed up on the server with pg_dump "
                "(for example: pg_dump -Fc -f loyalty.dump DBNAME).",
            )
        )
    with db.uow(actor) as uow:
        target = backup_target(Path(target), uow.now().astimezone())
        source = Path(sqlite_file_path(db.engine.url.render_as_string(hide_password=False)))
        audit.record(uow, actor, "database", "backup", "backup", after={"file": target.name})
        uow.commit()  # recorded first, so the copy holds its own backup entry
    try:
        return migrate.backup_sqlite(source, target)
    except FileExistsError as exc:  # created between the check and the copy
        raise _exists(target) from exc
