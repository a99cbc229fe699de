"""members: identity, search keys, consents, tags, vehicle owners

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "member_tags",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_member_tags_member_id_members")
        ),
        sa.PrimaryKeyConstraint("member_id", "tag", name=op.f("pk_member_tags")),
    )
    with op.batch_alter_table("member_tags", schema=None) as batch_op:
        batch_op.create_index("ix_member_tags_tag_member", ["tag", "member_id"], unique=False)

    op.create_table(
        "vehicle_ownerships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vehicle_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("owned_from", sa.Date(), nullable=False),
        sa.Column("owned_until", sa.Date(), nullable=True),
        sa.Column("recorded_by", sa.String(length=40), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_vehicle_ownerships_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["vehicle_id"], ["vehicles.id"], name=op.f("fk_vehicle_ownerships_vehicle_id_vehicles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vehicle_ownerships")),
    )
    with op.batch_alter_table("vehicle_ownerships", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vehicle_ownerships_member_id"), ["member_id"], unique=False
        )
        batch_op.create_index(
            "ix_vehicle_ownerships_vehicle", ["vehicle_id", "owned_from"], unique=False
        )

    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_pinyin", sa.String(length=200), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("name_initials", sa.String(length=40), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("mobile_last4", sa.String(length=4), nullable=True))
        batch_op.add_column(sa.Column("resident_id", sa.String(length=18), nullable=True))
        batch_op.add_column(sa.Column("status_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("activated_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("interests", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("income_band", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("referrer_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("privacy_consent_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("privacy_consent_by", sa.String(length=40), nullable=True))
        batch_op.add_column(
            sa.Column("marketing_consent", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("marketing_consent_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("closed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(), nullable=True))
        batch_op.create_index("ix_members_join_date", ["join_date"], unique=False)
        batch_op.create_index("ix_members_mobile_last4", ["mobile_last4"], unique=False)
        batch_op.create_index(
            "ix_members_name_initials",
            ["name_initials"],
            unique=False,
            postgresql_ops={"name_initials": "text_pattern_ops"},
        )
        batch_op.create_index(
            "ix_members_name_pinyin",
            ["name_pinyin"],
            unique=False,
            postgresql_ops={"name_pinyin": "text_pattern_ops"},
        )
        batch_op.create_unique_constraint(batch_op.f("uq_members_resident_id"), ["resident_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_members_merged_into_id_members"), "members", ["merged_into_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_members_referrer_id_members"), "members", ["referrer_id"], ["id"]
        )

    with op.batch_alter_table("vehicles", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("vin_last6", sa.String(length=6), server_default="", nullable=False)
        )
        batch_op.create_index(batch_op.f("ix_vehicles_vin_last6"), ["vin_last6"], unique=False)

    # Prefix search on names: text_pattern_ops on PostgreSQL (see the model).
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index("ix_members_name")
        batch_op.create_index(
            "ix_members_name", ["name"], unique=False, postgresql_ops={"name": "text_pattern_ops"}
        )
    _fill_search_keys()


def _fill_search_keys() -> None:
    """Existing rows get the derived search columns (set by the services from now on)."""
    from app.domain.pinyin_keys import name_search_keys

    bind = op.get_bind()
    last4 = "substr(mobile, -4)" if bind.dialect.name == "sqlite" else "right(mobile, 4)"
    op.execute(f"UPDATE members SET mobile_last4 = {last4} WHERE mobile IS NOT NULL")
    op.execute("UPDATE vehicles SET vin_last6 = substr(vin, 12, 6)")
    members = sa.table(
        "members",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("name_pinyin", sa.String),
        sa.column("name_initials", sa.String),
    )
    update = (
        members.update()
        .where(members.c.id == sa.bindparam("member_id"))
        .values(name_pinyin=sa.bindparam("pinyin"), name_initials=sa.bindparam("initials"))
    )
    last_id = 0
    while True:
        rows = bind.execute(
            sa.select(members.c.id, members.c.name)
            .where(members.c.id > last_id)
            .order_by(members.c.id)
            .limit(10_000)
        ).all()
        if not rows:
            break
        batch = []
        for member_id, name in rows:
            pinyin, initials = name_search_keys(name)
            batch.append({"member_id": member_id, "pinyin": pinyin, "initials": initials})
        bind.execute(update, batch)
        last_id = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index("ix_members_name")
        batch_op.create_index("ix_members_name", ["name"], unique=False)
    with op.batch_alter_table("vehicles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vehicles_vin_last6"))
        batch_op.drop_column("vin_last6")

    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_members_referrer_id_members"), type_="foreignkey")
        batch_op.drop_constraint(
            batch_op.f("fk_members_merged_into_id_members"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("uq_members_resident_id"), type_="unique")
        batch_op.drop_index(
            "ix_members_name_pinyin", postgresql_ops={"name_pinyin": "text_pattern_ops"}
        )
        batch_op.drop_index(
            "ix_members_name_initials", postgresql_ops={"name_initials": "text_pattern_ops"}
        )
        batch_op.drop_index("ix_members_mobile_last4")
        batch_op.drop_index("ix_members_join_date")
        batch_op.drop_column("updated_at")
        batch_op.drop_column("closed_at")
        batch_op.drop_column("marketing_consent_at")
        batch_op.drop_column("marketing_consent")
        batch_op.drop_column("privacy_consent_by")
        batch_op.drop_column("privacy_consent_at")
        batch_op.drop_column("merged_into_id")
        batch_op.drop_column("referrer_id")
        batch_op.drop_column("income_band")
        batch_op.drop_column("interests")
        batch_op.drop_column("activated_on")
        batch_op.drop_column("status_reason")
        batch_op.drop_column("resident_id")
        batch_op.drop_column("mobile_last4")
        batch_op.drop_column("name_initials")
        batch_op.drop_column("name_pinyin")

    with op.batch_alter_table("vehicle_ownerships", schema=None) as batch_op:
        batch_op.drop_index("ix_vehicle_ownerships_vehicle")
        batch_op.drop_index(batch_op.f("ix_vehicle_ownerships_member_id"))

    op.drop_table("vehicle_ownerships")
    with op.batch_alter_table("member_tags", schema=None) as batch_op:
        batch_op.drop_index("ix_member_tags_tag_member")

    op.drop_table("member_tags")
