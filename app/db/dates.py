"""Date arithmetic in SQL that reads the same on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Date
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class days_after(FunctionElement):  # noqa: N801 (a SQL function, named like one)
    """``column`` plus a whole number of days: ``days_after(valid_until, 30)``."""

    type = Date()
    inherit_cache = True
    name = "days_after"


@compiles(days_after)
def _days_after_default(element, compiler, **kw) -> str:
    column, days = list(element.clauses)
    return f"({compiler.process(column, **kw)} + {compiler.process(days, **kw)})"


@compiles(days_after, "sqlite")
def _days_after_sqlite(element, compiler, **kw) -> str:
    column, days = list(element.clauses)
    days_sql = compiler.process(days, **kw)
    return f"date({compiler.process(column, **kw)}, ({days_sql}) || ' days')"
