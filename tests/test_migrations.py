"""Migrations are the only source of the schema: they must match the models exactly."""

import hashlib
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app.db import migrate
from app.db.engine import make_engine
from app.db.models import Base
from app.domain.errors import DatabaseTooNew
from app.services.shared.database import open_database


def test_models_and_migrations_agree(empty_db_url):
    engine = make_engine(empty_db_url)
    migrate.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_downgrade_to_base_and_back(empty_db_url):
    engine = make_engine(empty_db_url)
    migrate.upgrade(engine)
    migrate.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert "staff_users" in inspect(engine).get_table_names()
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_older_sqlite_file_is_backed_up_then_upgraded(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite+pysqlite:///{path}")
    migrate.upgrade(engine, "0001")
    engine.dispose()

    db = open_database(f"sqlite+pysqlite:///{path}")
    assert db.upgrade.from_revision == "0001"
    assert db.upgrade.to_revision == migrate.head_revision()
    backup = db.upgrade.backup
    assert backup is not None and backup.parent == tmp_path and "before-upgrade-0001" in backup.name
    backup_engine = make_engine(f"sqlite+pysqlite:///{backup}")
    assert migrate.current_revision(backup_engine) == "0001"
    backup_engine.dispose()
    assert "members" in inspect(db.engine).get_table_names()
    db.close()


def test_current_database_is_not_backed_up_again(tmp_path):
    url = f"sqlite+pysqlite:///{tmp_path / 'x.sqlite3'}"
    open_database(url).close()
    db = open_database(url)
    assert db.upgrade.backup is None
    db.close()
    assert [p.name for p in tmp_path.iterdir() if "before-upgrade" in p.name] == []


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.sqlite3"
    engine = make_engine(f"sqlite+pysqlite:///{path}")
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    engine.dispose()
    before = _digest(path)

    with pytest.raises(DatabaseTooNew, match="newer version"):
        open_database(f"sqlite+pysqlite:///{path}")
    assert _digest(path) == before
    assert not [p for p in tmp_path.iterdir() if "before-upgrade" in p.name]


def test_newer_postgresql_database_is_refused(fresh_pg_url):
    engine = make_engine(fresh_pg_url)
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(DatabaseTooNew):
        open_database(fresh_pg_url)
    assert migrate.current_revision(engine) == "9999_future"
    engine.dispose()


def test_populated_database_upgrades_and_gets_search_keys(empty_db_url):
    """A 0002 database with members and vehicles: the upgrade keeps them and fills the keys."""
    engine = make_engine(empty_db_url)
    migrate.upgrade(engine, "0002")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO dealers (id, code, name, region, province, city, active, created_at,"
            " updated_at) VALUES (1, 'BJA01', 'x', 'x', 'x', 'x', true, '2025-01-01',"
            " '2025-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO members (id, member_number, name, mobile, join_date, dealer_id, status,"
            " source_channel, created_at) VALUES (1, '00000000013', '单田芳', '13800138000',"
            " '2025-01-01', 1, 'active', 'app', '2025-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO vehicles (id, vin, member_id, model) VALUES"
            " (1, '1M8GDM9AXKP042788', 1, 'S7')"
        )
    migrate.upgrade(engine)
    with engine.connect() as connection:
        member = connection.exec_driver_sql(
            "SELECT name_pinyin, name_initials, mobile_last4 FROM members"
        ).one()
        vin_last6 = connection.exec_driver_sql("SELECT vin_last6 FROM vehicles").scalar_one()
    assert tuple(member) == ("shantianfang", "stf", "8000")
    assert vin_last6 == "042788"
    migrate.downgrade(engine, "0002")  # and back, with the data in place
    engine.dispose()
