"""Database triggers that make the ledger and the audit trail append-only.

UPDATE and DELETE of ledger and audit rows are refused by the database itself, so no code
path (or hand-written SQL) can rewrite posted points or the trail; the audit head may only
move forward. On PostgreSQL TRUNCATE is refused too, and every guard is ``ENABLE ALWAYS``
so that ``SET session_replication_role = replica`` does not switch it off.

A database owner can still drop the guards: ``guard_problems`` names any that are missing,
disabled or altered, and the verify commands report it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

LEDGER_TABLES = ("ledger_entries", "lot_allocations")
AUDIT_TABLE, HEAD_TABLE = "audit_log", "audit_head"
APPEND_ONLY_TABLES = (*LEDGER_TABLES, AUDIT_TABLE)

LEDGER_MESSAGE = "ledger rows are append-only: post a reversing entry instead"
AUDIT_MESSAGE = "audit entries are append-only"
HEAD_MESSAGE = "the audit head only moves forward"

# Refusing a head update with the same seq but another hash stops an in-place rewrite too.
_REWIND = (
    "NEW.last_seq < OLD.last_seq"
    " OR (NEW.last_seq = OLD.last_seq AND NEW.last_hash <> OLD.last_hash)"
)

# PostgreSQL trigger functions: name -> body (the body is what guard_problems compares).
PG_FUNCTIONS = {
    "refuse_ledger_change": f" BEGIN RAISE EXCEPTION '{LEDGER_MESSAGE}'; END ",
    "refuse_audit_change": f" BEGIN RAISE EXCEPTION '{AUDIT_MESSAGE}'; END ",
    "guard_audit_head": (
        " BEGIN "
        "IF TG_OP = 'UPDATE' THEN "
        f"IF {_REWIND} THEN RAISE EXCEPTION '{HEAD_MESSAGE}'; END IF; "
        "RETURN NEW; "
        "END IF; "
        f"RAISE EXCEPTION '{HEAD_MESSAGE}'; "
        "END "
    ),
}
# pg_trigger.tgtype bits: ROW 1, BEFORE 2, DELETE 8, UPDATE 16, TRUNCATE 32.
_ROW_UPDATE_DELETE, _STATEMENT_TRUNCATE = 1 | 2 | 8 | 16, 2 | 32


@dataclass(frozen=True)
class Trigger:
    name: str
    table: str
    sql: str
    function: str = ""  # PostgreSQL only
    tgtype: int = 0  # PostgreSQL only


@dataclass(frozen=True)
class GuardProblem:
    guard: str
    table: str
    state: str  # missing, disabled (PostgreSQL: not ENABLE ALWAYS) or altered

    def __str__(self) -> str:
        return f"{self.guard} is {self.state}"


def _sqlite_refusal(name: str, table: str, event: str, message: str, when: str = "") -> Trigger:
    condition = f" WHEN {when}" if when else ""
    sql = (
        f"CREATE TRIGGER {name} BEFORE {event} ON {table}{condition} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )
    return Trigger(name, table, sql)


def _pg_trigger(name: str, table: str, function: str, truncate: bool) -> Trigger:
    timing = "BEFORE TRUNCATE" if truncate else "BEFORE UPDATE OR DELETE"
    scope = "STATEMENT" if truncate else "ROW"
    sql = (
        f"CREATE TRIGGER {name} {timing} ON {table} FOR EACH {scope} EXECUTE FUNCTION {function}()"
    )
    tgtype = _STATEMENT_TRUNCATE if truncate else _ROW_UPDATE_DELETE
    return Trigger(name, table, sql, function, tgtype)


def _message(table: str) -> str:
    return LEDGER_MESSAGE if table in LEDGER_TABLES else AUDIT_MESSAGE


def _function(table: str) -> str:
    return "refuse_ledger_change" if table in LEDGER_TABLES else "refuse_audit_change"


def sqlite_triggers(
    tables: tuple[str, ...] = APPEND_ONLY_TABLES, head: bool = True
) -> list[Trigger]:
    triggers = [
        _sqlite_refusal(f"{table}_no_{event.lower()}", table, event, _message(table))
        for table in tables
        for event in ("UPDATE", "DELETE")
    ]
    if head:
        triggers += [
            _sqlite_refusal("audit_head_no_rewind", HEAD_TABLE, "UPDATE", HEAD_MESSAGE, _REWIND),
            _sqlite_refusal("audit_head_no_delete", HEAD_TABLE, "DELETE", HEAD_MESSAGE),
        ]
    return triggers


def pg_triggers() -> list[Trigger]:
    triggers = []
    for table in APPEND_ONLY_TABLES:
        triggers.append(_pg_trigger(f"{table}_append_only", table, _function(table), False))
        triggers.append(_pg_trigger(f"{table}_no_truncate", table, _function(table), True))
    triggers.append(_pg_trigger("audit_head_no_rewind", HEAD_TABLE, "guard_audit_head", False))
    triggers.append(_pg_trigger("audit_head_no_truncate", HEAD_TABLE, "guard_audit_head", True))
    return triggers


def expected_triggers(connection: Connection) -> list[Trigger]:
    return pg_triggers() if _is_postgresql(connection) else sqlite_triggers()


def _is_postgresql(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def create_guards(connection: Connection) -> None:
    """Every guard, enabled ALWAYS on PostgreSQL."""
    if _is_postgresql(connection):
        _create_pg_functions(connection)
    for trigger in expected_triggers(connection):
        connection.exec_driver_sql(trigger.sql)
        if _is_postgresql(connection):
            connection.exec_driver_sql(
                f"ALTER TABLE {trigger.table} ENABLE ALWAYS TRIGGER {trigger.name}"
            )


def _create_pg_functions(connection: Connection) -> None:
    for name, body in PG_FUNCTIONS.items():
        connection.exec_driver_sql(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $${body}$$ LANGUAGE plpgsql"
        )


def drop_guards(connection: Connection) -> None:
    """For migrations and for wiping a whole demo database; never used on live data."""
    for trigger in expected_triggers(connection):
        _drop_trigger(connection, trigger)


def _drop_trigger(connection: Connection, trigger: Trigger) -> None:
    on_table = f" ON {trigger.table}" if _is_postgresql(connection) else ""
    connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger.name}{on_table}")


# The guards as migration 0006 created them (row triggers on the ledger only, enabled in the
# default mode); migration 0007 replaces them and restores them on downgrade.


def _ledger_row_triggers_0006(connection: Connection) -> list[Trigger]:
    if _is_postgresql(connection):
        return [
            t for t in pg_triggers() if t.table in LEDGER_TABLES and t.tgtype != _STATEMENT_TRUNCATE
        ]
    return sqlite_triggers(LEDGER_TABLES, head=False)


def create_ledger_row_guards_0006(connection: Connection) -> None:
    if _is_postgresql(connection):
        connection.exec_driver_sql(
            "CREATE OR REPLACE FUNCTION refuse_ledger_change() RETURNS trigger AS "
            f"$${PG_FUNCTIONS['refuse_ledger_change']}$$ LANGUAGE plpgsql"
        )
    for trigger in _ledger_row_triggers_0006(connection):
        connection.exec_driver_sql(trigger.sql)


def drop_ledger_row_guards_0006(connection: Connection) -> None:
    for trigger in _ledger_row_triggers_0006(connection):
        _drop_trigger(connection, trigger)


# --- checking -------------------------------------------------------------------------------


def guard_problems(
    connection: Connection, tables: tuple[str, ...] | None = None
) -> list[GuardProblem]:
    """Each expected guard (on ``tables``; default: all) that is missing, not enabled (ALWAYS,
    on PostgreSQL) or altered. Only reads the catalogue; works inside any transaction."""
    problems = (
        _pg_problems(connection) if _is_postgresql(connection) else _sqlite_problems(connection)
    )
    return [p for p in problems if tables is None or p.table in tables]


def _normalized(sql: str | None) -> str:
    return " ".join((sql or "").split()).lower()


def _sqlite_problems(connection: Connection) -> list[GuardProblem]:
    found = {
        name: (table, sql)
        for name, table, sql in connection.exec_driver_sql(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
        )
    }
    problems = []
    for trigger in sqlite_triggers():
        if trigger.name not in found:
            problems.append(GuardProblem(trigger.name, trigger.table, "missing"))
            continue
        table, sql = found[trigger.name]
        if table != trigger.table or _normalized(sql) != _normalized(trigger.sql):
            problems.append(GuardProblem(trigger.name, trigger.table, "altered"))
    return problems


_PG_TRIGGERS_QUERY = """
SELECT t.tgname, c.relname, t.tgenabled, t.tgtype, t.tgqual IS NULL, p.proname, p.prosrc
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_proc p ON p.oid = t.tgfoid
WHERE NOT t.tgisinternal AND pg_table_is_visible(c.oid)
"""


def _pg_problems(connection: Connection) -> list[GuardProblem]:
    found = {row[0]: row[1:] for row in connection.exec_driver_sql(_PG_TRIGGERS_QUERY)}
    problems = []
    for trigger in pg_triggers():
        if trigger.name not in found:
            problems.append(GuardProblem(trigger.name, trigger.table, "missing"))
            continue
        table, enabled, tgtype, unconditional, function, body = found[trigger.name]
        as_built = (table, tgtype, unconditional, function, body) == (
            trigger.table,
            trigger.tgtype,
            True,
            trigger.function,
            PG_FUNCTIONS[trigger.function],
        )
        if not as_built:
            problems.append(GuardProblem(trigger.name, trigger.table, "altered"))
        elif enabled != "A":
            problems.append(GuardProblem(trigger.name, trigger.table, "disabled"))
    return problems
