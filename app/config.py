"""Where things live on this machine: data folder, default database, log file. No Qt here."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

APP_NAME = "LoyaltyDesk"
DB_URL_ENV = "LOYALTY_DB_URL"
DATA_DIR_ENV = "LOYALTY_DATA_DIR"  # lets tests and portable installs relocate everything


PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir  # only here: it is slow to import at start-up

        path = Path(user_data_dir(APP_NAME, APP_NAME))
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    return path


def create_private_file(path: Path, exclusive: bool = False) -> Path:
    """Create ``path`` (if missing; ``exclusive``: FileExistsError if it exists) readable and
    writable by its owner only, where the platform has POSIX permissions (on Windows the
    user's profile folder is private already)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_CREAT | os.O_APPEND | os.O_WRONLY | (os.O_EXCL if exclusive else 0)
    descriptor = os.open(path, flags, PRIVATE_FILE_MODE)
    os.close(descriptor)
    if os.name == "posix":
        os.chmod(path, PRIVATE_FILE_MODE)
    return path


def default_db_path() -> Path:
    return data_dir() / "loyalty.sqlite3"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite3"


def log_path() -> Path:
    path = data_dir() / "logs"
    path.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)
    return path / "loyalty-desk.log"


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def resolve_db_url(cli_url: str | None, saved_url: str | None = None) -> str:
    """--db wins, then LOYALTY_DB_URL, then the saved per-machine setting, then the default."""
    for candidate in (cli_url, os.environ.get(DB_URL_ENV), saved_url):
        if candidate:
            return candidate if "://" in candidate else sqlite_url(Path(candidate).resolve())
    return sqlite_url(default_db_path())


def postgres_url(host: str, port: int, database: str, user: str, password: str = "") -> str:
    """Build a PostgreSQL URL, escaping what needs escaping in user names and passwords."""
    auth = quote(user, safe="")
    if password:
        auth += ":" + quote(password, safe="")
    return f"postgresql+psycopg://{auth}@{host.strip()}:{port}/{quote(database.strip(), safe='')}"


def split_url(url: str) -> dict:
    """The parts of a saved URL, to fill in the connection form."""
    if url.startswith("sqlite"):
        return {"kind": "sqlite", "path": url.split(":///", 1)[-1]}
    parts = urlsplit(url)
    return {
        "kind": "postgresql",
        "host": parts.hostname or "localhost",
        "port": parts.port or 5432,
        "database": unquote(parts.path.lstrip("/")),
        "user": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
    }
