"""Engines for the embedded SQLite file and a shared PostgreSQL server."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from app.config import create_private_file
from app.db import column_limits, write_tracking
from app.domain.errors import DatabaseConfigError
from app.domain.text import QT_TRANSLATE_NOOP

SQLITE_BUSY_TIMEOUT_MS = 10_000
READ_ONLY = "loyalty_read_only"

# File systems on which SQLite's locking is unreliable (SQLite's own advice).
NETWORK_FS_TYPES = {
    "nfs",
    "nfs4",
    "cifs",
    "smbfs",
    "smb3",
    "ncpfs",
    "afs",
    "9p",
    "ceph",
    "glusterfs",
    "fuse.sshfs",
    "fuse.glusterfs",
    "fuse.s3fs",
    "fuse.rclone",
    "davfs",
    "fuse.davfs2",
    "fuse.gvfsd-fuse",  # GNOME's mounts of smb:// and sftp:// shares
    "vboxsf",  # VirtualBox shared folders
    "vmhgfs",  # VMware shared folders
    "fuse.vmhgfs-fuse",
    "prl_fs",  # Parallels shared folders
}


def describe_url(url: str) -> str:
    """Human-readable database location without the password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"SQLite {parsed.database}"
    return f"PostgreSQL {parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database}"


def is_network_path(path: str, mounts_text: str | None = None) -> bool:
    """True for UNC paths and paths on a network mount (Windows drive type or Linux mounts)."""
    if path.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        return _windows_drive_is_remote(path)
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text()
        except OSError:
            return False
    return _mount_fs_type(os.path.realpath(path), mounts_text) in NETWORK_FS_TYPES


def _mount_fs_type(path: str, mounts_text: str) -> str:
    best, fs_type = "", ""
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = path == mount_point or path.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, fs_type = mount_point, parts[2]
    return fs_type


def _windows_drive_is_remote(path: str) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(path))[0] + "\\"
    DRIVE_REMOTE = 4
    return ctypes.windll.kernel32.GetDriveTypeW(drive) == DRIVE_REMOTE  # type: ignore[attr-defined]


def check_url(url: str) -> None:
    """Refuse URLs we cannot run safely, with a message a user can act on."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseConfigError(
            QT_TRANSLATE_NOOP("Errors", "Not a database address: {url}"), url=url
        ) from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = sqlite_file_path(url)
        if not path or path == ":memory:" or "mode=memory" in (parsed.database or ""):
            raise DatabaseConfigError(
                QT_TRANSLATE_NOOP("Errors", "An SQLite database needs a file path.")
            )
        if is_network_path(path):
            raise DatabaseConfigError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The SQLite file is on a network share, where SQLite can corrupt data "
                    "when several computers write to it. Use a shared PostgreSQL database "
                    "instead, or keep the file on this computer's own disk.",
                )
            )
    elif backend != "postgresql":
        raise DatabaseConfigError(
            QT_TRANSLATE_NOOP("Errors", "Unsupported database: {kind}. Use SQLite or PostgreSQL."),
            kind=backend,
        )


def sqlite_file_path(url: str) -> str:
    """The file an SQLite URL opens, also when it is a ``file:`` URI (``?uri=true``)."""
    database = make_url(url).database or ""
    if database.startswith("file:"):
        return unquote(urlsplit(database).path)
    return database


def make_engine(url: str) -> Engine:
    check_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(
            parsed,
            pool_pre_ping=True,
            hide_parameters=True,
            connect_args={"connect_timeout": 5},
        )
    create_private_file(Path(sqlite_file_path(url)))  # SQLite gives its -wal file this mode
    engine = create_engine(
        parsed, hide_parameters=True, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
    )
    _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys, busy timeout; writes start with BEGIN IMMEDIATE.

    pysqlite's own transaction handling is turned off so that we emit BEGIN ourselves
    (SQLAlchemy's documented recipe). An immediate transaction takes the write lock at
    the start, so two desktops never both read a balance and then both write.
    """

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # LIKE 'x%' can then use ordinary indexes (our searches are case-folded already).
        cursor.execute("PRAGMA case_sensitive_like=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def session_factories(engine: Engine) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """(writer, reader) session makers; readers do not take SQLite's write lock."""
    writer = sessionmaker(engine, expire_on_commit=False)
    reader = sessionmaker(engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)
    for factory in (writer, reader):
        column_limits.install(factory)
    write_tracking.install(writer)
    return writer, reader
