"""Personal data at rest: the log names no member's data, files are the user's alone, and the
audit trail keeps an export's search text masked."""

from __future__ import annotations

import json
import logging
import os
import stat

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.config import log_path, sqlite_url
from app.services.members import MemberFilter
from app.services.members import workbooks as member_import
from app.services.shared import audit
from app.services.shared.audit import AuditFilter
from app.services.shared.database import open_database
from app.services.shared.diagnostics import RedactDatabaseErrors, setup_file_logging
from tests.test_members import register

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")


@pytest.fixture
def log_file(tmp_path):
    """The file log the desktop app sets up, removed again after the test."""
    root = logging.getLogger()
    before = list(root.handlers)
    path = tmp_path / "logs" / "loyalty-desk.log"
    setup_file_logging(path)
    yield path
    for handler in root.handlers[len(before) :]:
        handler.close()
        root.removeHandler(handler)


def test_a_database_error_in_the_log_holds_no_personal_data(db, log_file):
    with pytest.raises(IntegrityError) as raised, db.uow() as uow:  # a bug: a raw insert
        uow.session.execute(
            text("INSERT INTO vehicles (vin, model, vin_last6) VALUES (:vin, :name, '')"),
            {"vin": None, "name": "李秘密 13800138000"},
        )
    logging.getLogger("loyalty").error("unexpected error", exc_info=raised.value)
    written = log_file.read_text(encoding="utf-8")
    assert "unexpected error" in written and "IntegrityError" in written
    assert "13800138000" not in written and "李秘密" not in written


def test_redaction_keeps_other_errors_whole():
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", (), None)
    try:
        raise ValueError("a plain bug 42")
    except ValueError as exc:
        record.exc_info = (type(exc), exc, exc.__traceback__)
    assert RedactDatabaseErrors().filter(record) and record.exc_info is not None


@posix_only
def test_the_database_file_and_log_are_readable_by_the_user_only(tmp_path):
    db = open_database(sqlite_url(tmp_path / "private.sqlite3"))
    db.close()
    for name in ("private.sqlite3", "private.sqlite3-wal"):
        path = tmp_path / name
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, name


@posix_only
def test_the_log_is_readable_by_the_user_only(log_file):
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_path().parent.stat().st_mode) == 0o700


@pytest.mark.parametrize(
    "search, kept",
    [
        ("13800138000", "138****8000"),
        ("12345678901", "123****8901"),  # 11 digits from 1, not a valid mobile
        ("张三", "张*"),
        ("8000", "8***"),
    ],
)
def test_an_exports_search_text_is_masked_in_the_audit_trail(db, people, tmp_path, search, kept):
    register(db, people.clerk)
    member_import.export_members(
        db, people.clerk, MemberFilter(text=search), tmp_path / "export.xlsx"
    )
    entry = audit.list_entries(db, people.admin, AuditFilter(entity="member"), None)[0]
    assert entry.action == "export"
    assert json.loads(entry.after)["filter"]["text"] == kept
    assert search not in entry.after or search == kept
