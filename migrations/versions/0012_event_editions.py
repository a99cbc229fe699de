"""event editions: the seed's per-edition limits for shares and major events (data only)

Seed 003 limits shares to 4 per edition (每期4次, 2 points each: 8 points) and major events to
one per event (每期一次, 50 points), besides the yearly limits 0006 seeded. Where those two
rules still hold only 0006's figures, a version 2 adds the per-edition limit from the start
(2000-01-02, the day after version 1): entries posted before keep version 1. A rule that an
administrator has changed since is left alone. No schema change: the edition or event code
is the ledger entry's reference.

Revision ID: 0012
Revises: 0011
"""

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FROM = date(2000, 1, 2)
NOTE = "Seed 003: the limit per edition (每期4次 for shares, 每期一次 for major events)"
# code: (0006's figures, the figures of version 2)
SEEDED = {
    "share": (
        {"points": 2, "cap_per_year": 384},
        {"points": 2, "cap_per_edition": 8, "cap_per_year": 384},
    ),
    "major_event": (
        {"points": 50, "cap_per_year": 500},
        {"points": 50, "cap_per_edition": 50, "cap_per_year": 500},
    ),
}

rules = sa.table(
    "earning_rules",
    sa.column("id", sa.Integer),
    sa.column("code", sa.String),
    sa.column("version", sa.Integer),
    sa.column("effective_from", sa.Date),
    sa.column("params", sa.Text),
    sa.column("note", sa.Text),
    sa.column("created_by", sa.String),
    sa.column("created_at", sa.DateTime),
)
entries = sa.table("ledger_entries", sa.column("rule_id", sa.Integer))


def upgrade() -> None:
    connection = op.get_bind()
    created = datetime.now(UTC).replace(tzinfo=None)
    for code, (old, new) in SEEDED.items():
        versions = connection.execute(
            sa.select(rules.c.version, rules.c.params, rules.c.created_by).where(
                rules.c.code == code
            )
        ).all()
        if len(versions) != 1:
            continue  # changed since (or missing): the administrator's figures stand
        version, params, created_by = versions[0]
        if version != 1 or created_by != "system" or json.loads(params) != old:
            continue
        connection.execute(
            rules.insert().values(
                code=code,
                version=2,
                effective_from=FROM,
                params=json.dumps(new, sort_keys=True),
                note=NOTE,
                created_by="system",
                created_at=created,
            )
        )


def downgrade() -> None:
    connection = op.get_bind()
    used = sa.select(entries.c.rule_id).where(entries.c.rule_id == rules.c.id).exists()
    connection.execute(
        rules.delete().where(
            rules.c.code.in_(list(SEEDED)),
            rules.c.version == 2,
            rules.c.created_by == "system",
            rules.c.note == NOTE,
            ~used,  # a version entries were posted under stays: they name it
        )
    )
