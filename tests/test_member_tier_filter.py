"""The member list's tier filter on SQLite and PostgreSQL: members on a tier by the index on
member_tiers.tier_code; the base tier is every member without a higher one (no member_tiers
row, or a row on the base tier), keyset-paged like any other filter."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import event

from app.services import approvals, members, settings
from app.services.members import MemberFilter
from app.services.tiers import requests as tier_requests
from tests.test_members import register, zhang
from tests.test_tiers import spend


def member(db, people, mobile: str) -> int:
    return register(db, people.clerk, replace(zhang(), mobile=mobile, resident_id=None)).id


def numbers(db, actor, **filters) -> list[str]:
    return [row.member_number for row in members.search(db, actor, MemberFilter(**filters))]


def on_tier(db, people, member_id: int, tier: str) -> None:
    """A manual tier (a correction), approved: the member_tiers row holds ``tier``."""
    data = tier_requests.ManualTierInput(member_id, tier, "correction", date(2026, 12, 31), "fix")
    approvals.approve(
        db, people.supervisor, tier_requests.request_manual_tier(db, people.clerk, data).id
    )


def test_the_tier_filter_narrows_the_list(db, people):
    settings.update_settings(db, people.admin, tier_upgrade_auto=True)
    never = member(db, people, "13900000001")  # no member_tiers row: the base tier
    gold = member(db, people, "13900000002")
    spend(db, people, gold, 35_000)  # 35 qualifying points: 金卡 at once
    platinum = member(db, people, "13900000003")
    spend(db, people, platinum, 120_000)
    back = member(db, people, "13900000004")
    on_tier(db, people, back, "silver")  # a row on the base tier counts as the base
    by_id = {row.id: row.member_number for row in members.search(db, people.admin, MemberFilter())}
    assert len(by_id) == 4

    assert numbers(db, people.clerk, tier="gold") == [by_id[gold]]
    assert numbers(db, people.clerk, tier="platinum") == [by_id[platinum]]
    assert numbers(db, people.clerk, tier="diamond") == []
    assert numbers(db, people.clerk, tier="silver") == sorted([by_id[never], by_id[back]])
    assert numbers(db, people.clerk, tier=None) == sorted(by_id.values())
    assert numbers(db, people.clerk, tier="no_such_tier") == []
    # combined with the other filters and the search text
    assert numbers(db, people.clerk, tier="gold", status="active") == [by_id[gold]]
    assert numbers(db, people.clerk, tier="gold", status="frozen") == []
    assert numbers(db, people.clerk, tier="silver", text="13900000004") == [by_id[back]]
    assert numbers(db, people.clerk, tier="gold", text="13900000004") == []


def test_the_base_tier_pages_by_keyset(db, people):
    ids = [member(db, people, f"1390000001{i}") for i in range(5)]
    on_tier(db, people, ids[2], "gold")
    flt = MemberFilter(tier="silver")
    seen, after = [], None
    while True:
        page = members.search(db, people.clerk, flt, after=after, limit=2)
        if not page:
            break
        seen += [row.id for row in page]
        after = members.sort_key(page[-1], "member_number")
    assert sorted(seen) == sorted(set(ids) - {ids[2]}) and len(seen) == 4
    by_date = members.search(db, people.clerk, flt, limit=10, sort="join_date")
    assert {row.id for row in by_date} == set(seen)


def test_dealer_staff_see_only_their_dealers_members_on_a_tier(db, people):
    mine = member(db, people, "13900000021")
    on_tier(db, people, mine, "gold")
    hq = register(db, people.admin, replace(zhang(), mobile="13900000022", resident_id=None)).id
    assert [r.id for r in members.search(db, people.clerk, MemberFilter(tier="gold"))] == [mine]
    assert [r.id for r in members.search(db, people.clerk, MemberFilter(tier="silver"))] == []
    assert [r.id for r in members.search(db, people.admin, MemberFilter(tier="silver"))] == [hq]


def test_the_tier_filter_reads_through_the_tier_code_index(db, people):
    """On SQLite the plan is checked: the tier's members come from ix_member_tiers_tier_code
    and a headquarters page still walks the member number index (no sort of every member)."""
    if db.kind != "sqlite":
        return  # PostgreSQL plans by table statistics; an empty test table proves nothing
    member(db, people, "13900000031")
    statements: list[tuple[str, tuple]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many):
        if "FROM members" in statement and "member_tiers" in statement:
            statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        for code in ("gold", "silver"):
            members.search(db, people.admin, MemberFilter(tier=code))
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    assert len(statements) == 2
    with db.engine.connect() as connection:
        plans = [
            " | ".join(
                str(row[-1])
                for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)
            )
            for sql, params in statements
        ]
    for plan in plans:
        assert "ix_member_tiers_tier_code" in plan, plan
    base_plan = plans[1]
    assert "TEMP B-TREE FOR ORDER BY" not in base_plan, base_plan
