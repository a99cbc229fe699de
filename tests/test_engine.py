"""SQLite is configured for safe multi-process use; unsafe locations are refused."""

import sqlite3
import threading
import time

import pytest
from sqlalchemy import text

from app.config import resolve_db_url, sqlite_url
from app.db.engine import check_url, is_network_path, make_engine
from app.domain.errors import DatabaseConfigError, DatabaseUnavailable
from app.services.shared.database import check_connection, open_database

MOUNTS = """\
/dev/vda1 / ext4 rw 0 0
server:/export /mnt/shared nfs4 rw 0 0
//nas/loyalty /media/nas cifs rw 0 0
"""


def test_sqlite_pragmas(tmp_path):
    engine = make_engine(sqlite_url(tmp_path / "a.sqlite3"))
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
    engine.dispose()


def test_writes_take_the_lock_at_begin(tmp_path):
    """BEGIN IMMEDIATE: a second writer cannot even start while the first holds the lock."""
    path = tmp_path / "b.sqlite3"
    engine = make_engine(sqlite_url(path))
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE t (x INTEGER)")
    with engine.connect() as first:
        first.execute(text("SELECT 1"))  # begins the transaction: the write lock is ours now
        other = sqlite3.connect(path, timeout=0.1, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()
    engine.dispose()


def test_readers_do_not_block_writers(tmp_path):
    db = open_database(sqlite_url(tmp_path / "c.sqlite3"))
    with db.reader() as reader:
        reader.session.execute(text("SELECT count(*) FROM dealers")).scalar()
        done = threading.Event()

        def write():
            with db.uow() as uow:
                uow.session.execute(text("DELETE FROM dealers"))
                uow.commit()
            done.set()

        threading.Thread(target=write).start()
        assert done.wait(5)
    db.close()


@pytest.mark.parametrize(
    "path, expected",
    [
        ("\\\\server\\share\\loyalty.sqlite3", True),
        ("//server/share/loyalty.sqlite3", True),
        ("/mnt/shared/loyalty.sqlite3", True),
        ("/media/nas/sub/loyalty.sqlite3", True),
        ("/home/clerk/loyalty.sqlite3", False),
        ("/mnt/sharedother/x.sqlite3", False),
    ],
)
def test_network_paths_detected(path, expected):
    assert is_network_path(path, MOUNTS) is expected


@pytest.mark.parametrize("path", ["//server/share/loyalty.sqlite3", r"\\nas\d\l.sqlite3"])
def test_network_share_is_refused_with_advice(path):
    with pytest.raises(DatabaseConfigError, match="PostgreSQL"):
        check_url(sqlite_url(path))


@pytest.mark.parametrize("url", ["mysql://x/y", "not a url", "sqlite://"])
def test_unusable_urls_refused(url):
    with pytest.raises(DatabaseConfigError):
        check_url(url)


def test_unreachable_server_gives_a_clear_message():
    started = time.perf_counter()
    expected = "Cannot open the database PostgreSQL 127.0.0.1:9"
    with pytest.raises(DatabaseUnavailable, match=expected):
        open_database("postgresql://nobody@127.0.0.1:9/loyalty")
    assert time.perf_counter() - started < 10


def test_connection_test_reports_versions(tmp_path, db_url):
    assert check_connection(db_url).startswith(("SQLite", "PostgreSQL"))


def test_url_resolution_order(monkeypatch, tmp_path):
    monkeypatch.setenv("LOYALTY_DB_URL", "postgresql://env/db")
    assert resolve_db_url("postgresql://cli/db", "postgresql://saved/db") == "postgresql://cli/db"
    assert resolve_db_url(None, "postgresql://saved/db") == "postgresql://env/db"
    monkeypatch.delenv("LOYALTY_DB_URL")
    assert resolve_db_url(None, "postgresql://saved/db") == "postgresql://saved/db"
    assert resolve_db_url(None).endswith("loyalty.sqlite3")
    assert resolve_db_url(str(tmp_path / "x.db")) == sqlite_url((tmp_path / "x.db").resolve())
