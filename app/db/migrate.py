"""Schema versions: every schema change goes through the Alembic scripts in migrations/."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from app.bundled import migrations_dir
from app.config import create_private_file
from app.db.engine import sqlite_file_path
from app.domain.errors import DatabaseTooNew
from app.domain.text import QT_TRANSLATE_NOOP

MIGRATIONS_DIR = migrations_dir()


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations in {MIGRATIONS_DIR}")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def check_not_newer(engine: Engine) -> str | None:
    """Return the current revision; refuse a database written by a newer app version."""
    current = current_revision(engine)
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise DatabaseTooNew(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This database was upgraded by a newer version of Loyalty Desk (schema "
                "{revision}). Install the newer version; the database was left untouched.",
            ),
            revision=current,
        )
    return current


def upgrade(engine: Engine, revision: str = "head") -> UpgradeResult:
    """Bring the schema to ``revision``, backing up an existing SQLite file first."""
    current = check_not_newer(engine)
    target = head_revision() if revision == "head" else revision
    if current == target:
        return UpgradeResult(current, target, None)
    backup = None
    if current is not None and engine.dialect.name == "sqlite":
        backup = backup_sqlite(_sqlite_path(engine), _dated_backup_path(engine, current))
    run_alembic(engine, command.upgrade, revision)
    return UpgradeResult(current, target, backup)


def downgrade(engine: Engine, revision: str) -> None:
    run_alembic(engine, command.downgrade, revision)


def run_alembic(engine: Engine, action, revision: str) -> None:
    config = alembic_config(engine)
    with engine.connect() as connection:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            # SQLite changes a table by copying it; with foreign keys enforced, dropping the old
            # copy would fail while other tables refer to it. Checked again below.
            _sqlite_pragma(connection, "PRAGMA foreign_keys=OFF")
        try:
            config.attributes["connection"] = connection
            action(config, revision)
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken:
                    raise RuntimeError(f"migration left a broken foreign key: {tuple(broken)}")
            connection.commit()
        finally:
            if sqlite:
                connection.rollback()
                _sqlite_pragma(connection, "PRAGMA foreign_keys=ON")


def _sqlite_pragma(connection: Connection, pragma: str) -> None:
    """Run outside SQLAlchemy's transaction: the foreign-key pragma is a no-op inside one."""
    driver = connection.connection.driver_connection
    assert driver is not None  # an open connection always has its driver connection
    driver.execute(pragma)


def _sqlite_path(engine: Engine) -> Path:
    return Path(sqlite_file_path(engine.url.render_as_string(hide_password=False)))


def _dated_backup_path(engine: Engine, revision: str) -> Path:
    source = _sqlite_path(engine)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return source.with_name(f"{source.stem}.before-upgrade-{revision}-{stamp}{source.suffix}")


def backup_sqlite(source: Path, target: Path) -> Path:
    """Consistent copy of a live SQLite database via the online backup API, into a new file
    (FileExistsError if ``target`` exists: a backup never overwrites anything)."""
    create_private_file(target, exclusive=True)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target
