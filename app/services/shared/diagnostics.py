"""The log file: readable by the user only, and never holding members' personal data.

Database errors carry the values of the failed statement (PostgreSQL's "DETAIL: Key
(mobile)=(138…) already exists", SQLite's parameters); the log keeps only what kind of
error it was and where, which is what a support engineer needs.
"""

from __future__ import annotations

import logging
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.config import create_private_file


def describe_database_error(exc: BaseException) -> str:
    """The error's kind and the database's short reason, without any value it held."""
    original = getattr(exc, "orig", None)
    diag = getattr(original, "diag", None)
    reason = getattr(diag, "message_primary", None) if diag is not None else None
    if reason is None and original is not None and not hasattr(original, "diag"):
        reason = str(original).split("\n", 1)[0]  # SQLite: the message names no values
    code = getattr(original, "sqlstate", None) or getattr(original, "sqlite_errorname", None)
    return f"{type(exc).__name__} ({type(original).__name__}, {code}): {reason}"


class RedactDatabaseErrors(logging.Filter):
    """Replace the traceback of a database error by one that names no bound values."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.exc_info:
            return True
        # Imported here: the GUI sets up its log before SQLAlchemy loads (a fast start-up).
        from sqlalchemy.exc import DBAPIError, StatementError

        if isinstance(record.exc_info[1], StatementError):
            exc = record.exc_info[1]
            frames = "".join(traceback.format_tb(exc.__traceback__))
            summary = describe_database_error(exc) if isinstance(exc, DBAPIError) else ""
            record.msg = f"{record.getMessage()}\n{frames}{summary or type(exc).__name__}"
            record.args, record.exc_info, record.exc_text = (), None, None
        return True


def setup_file_logging(path: Path) -> None:
    create_private_file(path)
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactDatabaseErrors())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
