"""Database triggers that make the ledger append-only: UPDATE and DELETE are refused by the
database itself, so no code path (or hand-written SQL) can rewrite posted points."""

from __future__ import annotations

from sqlalchemy import Connection

APPEND_ONLY_TABLES = ("ledger_entries", "lot_allocations")
MESSAGE = "ledger rows are append-only: post a reversing entry instead"


def create_guards(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(
            "CREATE OR REPLACE FUNCTION refuse_ledger_change() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$ LANGUAGE plpgsql"
        )
    for table in APPEND_ONLY_TABLES:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change()"
            )
            continue
        for event in ("UPDATE", "DELETE"):
            connection.exec_driver_sql(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )


def drop_guards(connection: Connection) -> None:
    """Only for wiping a whole demo database; never used on live data."""
    for table in APPEND_ONLY_TABLES:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        else:
            for event in ("update", "delete"):
                connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_no_{event}")
