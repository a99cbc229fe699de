"""The counter's services behind the member view, on SQLite and PostgreSQL: the points
receipt (积分抵扣凭证, audited, the member masked), the entries table's postings (points and
qualifying points of one posting on one row, operators by name) and the members count."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import NotFound, PermissionDenied
from app.domain.roles import Role
from app.services import points, staff
from app.services.members import MemberFilter
from app.services.members.search import count_members
from app.services.points import ServiceInput, UsePointsInput
from app.services.points.accounts import list_postings
from app.services.points.receipts import print_receipt, receipt_of
from app.services.shared import audit
from app.services.staff import auth
from tests.conftest import PASSWORD
from tests.test_members import register, zhang

TODAY = date(2026, 3, 1)  # the fake clock's date in Asia/Shanghai


@pytest.fixture
def member_id(db, people):
    return register(db, people.clerk).id


def earn(db, actor, member_id, yuan: int, document: str):
    return points.record_service(
        db, actor, ServiceInput(member_id, None, document, TODAY, yuan * 100)
    )


def use(db, actor, member_id, amount: int, reference="ro-88", target="labour"):
    return points.use_points(db, actor, UsePointsInput(member_id, amount, target, reference))


def test_the_receipt_shows_the_deduction_and_the_balance_after(db, people, member_id, tmp_path):
    earn(db, people.clerk, member_id, 50_000, "RO-1")  # 50 points
    used = use(db, people.clerk, member_id, 30)
    receipt, zone = receipt_of(db, people.clerk, used.entry_id)
    assert zone == "Asia/Shanghai"
    assert (receipt.member_name, receipt.reference, receipt.target) == ("张*", "RO-88", "labour")
    assert (receipt.points, receipt.value_fen, receipt.balance_after) == (30, 300, 20)
    assert (receipt.dealer_name, receipt.operator) == ("北京东区服务中心", "Clerk")
    use(db, people.clerk, member_id, 5, reference="RO-89", target="parts")
    again, _ = receipt_of(db, people.clerk, used.entry_id)
    assert again.balance_after == 20  # right after that deduction, whatever came later

    written = print_receipt(db, people.clerk, used.entry_id, tmp_path / "r.pdf", "en")
    assert written.exists() and written.read_bytes().startswith(b"%PDF")
    printed = [
        e
        for e in audit.list_entries(db, people.admin, audit.AuditFilter(), None, limit=50)
        if e.action == "print_receipt"
    ]
    assert len(printed) == 1
    assert (printed[0].entity, printed[0].entity_id) == ("ledger_entry", str(used.entry_id))
    assert printed[0].username == "clerk"


def test_only_deductions_have_receipts_and_only_their_dealer_prints_them(db, people, member_id):
    recorded = earn(db, people.clerk, member_id, 50_000, "RO-1")
    with pytest.raises(NotFound):
        receipt_of(db, people.clerk, recorded.entry_id)  # an earning, not a deduction
    with pytest.raises(NotFound):
        receipt_of(db, people.clerk, 999_999)
    used = use(db, people.clerk, member_id, 10)
    other = staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海浦东服务中心", "华东", "上海市", "上海市")
    )
    staff.save_user(
        db, people.admin, staff.UserInput("shclerk", "沪店员", Role.CLERK, other.id),
        initial_password="Temp-pass-1",
    )  # fmt: skip
    first = auth.sign_in(db, "shclerk", "Temp-pass-1")
    stranger = auth.change_password(db, first, "Temp-pass-1", PASSWORD)
    with pytest.raises(PermissionDenied):
        receipt_of(db, stranger, used.entry_id)
    assert receipt_of(db, people.admin, used.entry_id)[0].points == 10  # headquarters may


def test_postings_put_points_and_qualifying_points_on_one_row(db, people, member_id):
    first = earn(db, people.clerk, member_id, 12_345, "RO-1")  # 12 points, 12 qualifying
    use(db, people.clerk, member_id, 5)
    points.refund_service(db, people.clerk, first.order_id, "Customer cancelled")
    rows = list_postings(db, people.clerk, member_id)
    assert [(r.kind, r.source, r.points, r.qualifying) for r in rows] == [
        ("reverse", "service", -7, -12),  # 5 of the 12 points were already used
        ("redeem", "labour", -5, None),
        ("earn", "service", 12, 12),
    ]
    assert rows[0].shortfall == 5
    assert [r.reversed for r in rows] == [False, False, True]
    assert {(r.actor, r.actor_name) for r in rows} == {("clerk", "Clerk")}
    assert rows[2].reference == "RO-1" and rows[2].dealer_name == "北京东区服务中心"
    entries = points.list_entries(db, people.clerk, member_id)
    assert len(entries) == 5  # the ledger itself keeps one entry per currency
    assert [r.id for r in list_postings(db, people.clerk, member_id, limit=1)] == [rows[0].id]
    assert list_postings(db, people.clerk, member_id, limit=1)[0].qualifying == -12


def test_members_are_counted_with_the_search_filter_and_a_cap(db, people):
    register(db, people.clerk)
    register(db, people.clerk, zhang(name="李四", mobile="13900000001", resident_id=None))
    register(db, people.clerk, zhang(name="王五", mobile="13900000002", resident_id=None))
    everyone = MemberFilter()
    assert count_members(db, people.clerk, everyone) == 3
    assert count_members(db, people.clerk, everyone, cap=2) == 3  # "more than 2"
    assert count_members(db, people.clerk, everyone, cap=1) == 2
    assert count_members(db, people.clerk, MemberFilter(text="13900000001")) == 1
    assert count_members(db, people.clerk, MemberFilter(text="王")) == 1
    assert count_members(db, people.clerk, MemberFilter(text="nobody here")) == 0
    assert count_members(db, people.clerk, MemberFilter(status="frozen")) == 0
    assert count_members(db, people.clerk, MemberFilter(tier="no-such-tier")) == 0
