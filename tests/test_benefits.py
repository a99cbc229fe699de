"""The benefit catalog on SQLite and PostgreSQL: listing through Approvals, what a member may
have now and why not, redemption (points, stock, voucher), write-off at an honouring dealer,
cancellation, tier entitlements counted per validity period, and the voucher expiry run."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.db.models import Benefit, LedgerEntry, Voucher
from app.domain import benefits as rules
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.services import approvals, benefits, members, staff
from app.services.benefits import ItemInput, RedeemInput
from app.services.points import accounts, ledger
from app.services.points.ledger import Posting
from app.services.settings import read_settings
from app.services.shared import audit
from app.services.staff import auth
from app.services.tiers import standing
from tests.conftest import PASSWORD
from tests.test_members import register, zhang

TODAY = date(2026, 3, 1)  # the fake clock's programme date


def give_points(db, member_id: int, amount: int, uid: str = "gift") -> None:
    with db.uow() as uow:
        posting = Posting(uid, member_id, "points", "earn", "service", amount, TODAY, "test")
        ledger.post(uow, read_settings(uow), posting)
        uow.commit()


def balance(db, actor, member_id: int) -> int:
    return accounts.account_summary(db, actor, member_id).available


def item(**changes) -> ItemInput:
    values = dict(
        code="WASH", name="精致洗车", channel="redemption", source="dealer",
        category="vehicle_service", face_value_fen=8_000, unit_cost_fen=3_000, stock=5,
    )  # fmt: skip
    values.update(changes)
    return ItemInput(**values)


def second_admin(db, people):
    """Another headquarters user: listing is decided by someone other than the submitter."""
    staff.save_user(db, people.admin, staff.UserInput("admin2", "Admin Two", "admin", None),
                    initial_password="Temp-pass-1")  # fmt: skip
    actor = auth.sign_in(db, "admin2", "Temp-pass-1")
    return auth.change_password(db, actor, "Temp-pass-1", PASSWORD)


@dataclass
class Catalog:
    db: object
    people: object
    approver: object

    def listed(self, data: ItemInput | None = None) -> int:
        """Create an item and list it: the admin submits, a second admin approves."""
        row = benefits.create_item(self.db, self.people.admin, data or item())
        request = benefits.submit_for_listing(self.db, self.people.admin, row.id, "新品上架")
        approvals.approve(self.db, self.approver, request.id, "ok")
        return row.id


@pytest.fixture
def catalog(db, people) -> Catalog:
    return Catalog(db, people, second_admin(db, people))


@pytest.fixture
def member_id(db, people):
    member = register(db, people.clerk).id
    give_points(db, member, 2_000)
    return member


def stock_of(db, benefit_id: int) -> int | None:
    with db.reader() as uow:
        return uow.session.get(Benefit, benefit_id).stock


# --- catalog and listing --------------------------------------------------------------------------


def test_a_new_item_is_a_draft_priced_from_its_value(db, people):
    row = benefits.create_item(db, people.admin, item())
    assert (row.status, row.shown_status, row.points_price, row.price_set) == (
        "draft", "draft", 800, False,
    )  # fmt: skip — ¥80 at 10 points a yuan
    explicit = benefits.create_item(db, people.admin, item(code="WASH2", points_price=500))
    assert (explicit.points_price, explicit.price_set) == (500, True)


def test_listing_goes_through_approvals_and_nobody_lists_their_own(db, people):
    row = benefits.create_item(db, people.admin, item())
    request = benefits.submit_for_listing(db, people.admin, row.id, "新品上架")
    assert benefits.get_item(db, people.admin, row.id).shown_status == "submitted"
    with pytest.raises(Conflict):  # the approver must see what they approve
        benefits.update_item(db, people.admin, row.id, item(name="改名"))
    with pytest.raises(PermissionDenied):
        approvals.approve(db, people.admin, request.id)
    with pytest.raises(PermissionDenied):  # a dealer's supervisor does not decide for HQ
        approvals.approve(db, people.supervisor, request.id)
    with pytest.raises(PermissionDenied):  # a clerk may not even ask
        benefits.submit_for_listing(db, people.clerk, row.id, "x")
    approvals.approve(db, second_admin(db, people), request.id, "ok")
    after = benefits.get_item(db, people.admin, row.id)
    assert (after.status, after.shown_status) == ("listed", "listed")
    assert after.listed_at is not None


def test_a_rejected_listing_leaves_a_draft(db, people):
    row = benefits.create_item(db, people.admin, item())
    request = benefits.submit_for_listing(db, people.admin, row.id, "新品上架")
    approvals.reject(db, second_admin(db, people), request.id, "价格偏高")
    assert benefits.get_item(db, people.admin, row.id).shown_status == "draft"


def test_an_unpriced_redemption_item_cannot_be_submitted(db, people):
    row = benefits.create_item(db, people.admin, item(face_value_fen=0))
    with pytest.raises(Conflict):
        benefits.submit_for_listing(db, people.admin, row.id, "新品上架")


def test_changes_to_a_listed_item_are_audited_field_by_field(db, people, catalog):
    benefit_id = catalog.listed()
    benefits.update_item(db, people.admin, benefit_id, item(points_price=600))
    benefits.change_stock(db, people.admin, benefit_id, 10, "补货")
    with db.reader() as uow:
        history = audit.record_history(uow, "benefit", "WASH")
    changes = [(h.action, json.loads(h.before or "null"), json.loads(h.after)) for h in history]
    assert ("update", {"points_price": 800}, {"points_price": 600}) in changes
    assert ("stock", {"stock": 5}, {"stock": 15, "note": "补货"}) in changes
    assert stock_of(db, benefit_id) == 15


def test_stock_never_goes_below_zero(db, people, catalog):
    benefit_id = catalog.listed()
    with pytest.raises(Conflict):
        benefits.change_stock(db, people.admin, benefit_id, -6)
    assert stock_of(db, benefit_id) == 5


def test_bad_input_is_refused_not_cut(db, people):
    with pytest.raises(ValidationError):
        benefits.create_item(db, people.admin, item(name="洗" * 101))
    with pytest.raises(ValidationError):
        benefits.create_item(db, people.admin, item(channel="gift"))
    with pytest.raises(ValidationError):
        benefits.create_item(db, people.admin, item(stock=-1))
    with pytest.raises(ValidationError):
        benefits.create_item(db, people.admin, item(eligible_tiers=("bronze",)))
    with pytest.raises(ValidationError):
        benefits.create_item(
            db, people.admin, item(valid_from=date(2026, 5, 1), valid_to=date(2026, 4, 1))
        )
    with pytest.raises(PermissionDenied):
        benefits.create_item(db, people.clerk, item())
    benefits.create_item(db, people.admin, item())
    with pytest.raises(Conflict):
        benefits.create_item(db, people.admin, item(name="同码"))


# --- redemption -------------------------------------------------------------------------------


def test_redeeming_takes_points_and_stock_and_issues_a_voucher(db, people, catalog, member_id):
    benefit_id = catalog.listed()
    voucher = benefits.redeem(db, people.clerk, RedeemInput(member_id, benefit_id, "r1"))
    assert rules.is_valid_code(voucher.code) and voucher.status == "issued"
    assert (voucher.points, voucher.face_value_fen) == (800, 8_000)
    assert voucher.expires_on == TODAY + timedelta(days=rules.DEFAULT_VOUCHER_DAYS - 1)
    assert balance(db, people.clerk, member_id) == 1_200 and stock_of(db, benefit_id) == 4
    again = benefits.redeem(db, people.clerk, RedeemInput(member_id, benefit_id, "r1"))
    assert again.code == voucher.code  # a retried dialog redeems once
    assert balance(db, people.clerk, member_id) == 1_200 and stock_of(db, benefit_id) == 4
    with db.reader() as uow:
        entry = uow.session.scalars(
            select(LedgerEntry).where(LedgerEntry.source == "redemption")
        ).one()
        assert (entry.amount, entry.reference) == (-800, "WASH")


def test_a_failed_redemption_takes_nothing(db, people, catalog, member_id):
    benefit_id = catalog.listed(item(points_price=5_000))
    with pytest.raises(benefits.NotAvailable) as refused:
        benefits.redeem(db, people.clerk, RedeemInput(member_id, benefit_id))
    assert refused.value.params == {"price": 5_000, "available": 2_000}
    assert balance(db, people.clerk, member_id) == 2_000 and stock_of(db, benefit_id) == 5
    with db.reader() as uow:
        assert uow.session.scalars(select(Voucher)).all() == []


def test_offers_say_why_not(db, people, catalog, member_id):
    cheap = catalog.listed(item(code="CHEAP", points_price=100, limit_per_member=1,
                                    limit_period="year"))  # fmt: skip
    dear = catalog.listed(item(code="DEAR", points_price=9_000))
    gold = catalog.listed(item(code="GOLD", points_price=10, eligible_tiers=("gold",)))
    later = catalog.listed(item(code="LATER", valid_from=TODAY + timedelta(days=3)))
    benefits.redeem(db, people.clerk, RedeemInput(member_id, cheap))
    offers = {o.benefit_id: o for o in benefits.member_offers(db, people.clerk, member_id).offers}
    assert offers[cheap].availability.refusal == rules.Refusal.LIMIT_REACHED
    assert offers[dear].availability.refusal == rules.Refusal.NOT_ENOUGH_POINTS
    assert offers[gold].availability.refusal == rules.Refusal.TIER
    assert offers[later].availability.refusal == rules.Refusal.NOT_YET


def test_the_last_one_in_stock_goes_once(db, people, catalog, member_id):
    benefit_id = catalog.listed(item(stock=1))
    benefits.redeem(db, people.clerk, RedeemInput(member_id, benefit_id))
    with pytest.raises(benefits.NotAvailable):
        benefits.redeem(db, people.clerk, RedeemInput(member_id, benefit_id))
    assert stock_of(db, benefit_id) == 0 and balance(db, people.clerk, member_id) == 1_200


# --- write-off and cancellation ------------------------------------------------------------------


@pytest.fixture
def other_clerk(db, people):
    """A clerk of a second dealer."""
    dealer = staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海浦东服务中心", "华东", "上海市", "上海市")
    )
    staff.save_user(db, people.admin, staff.UserInput("clerk2", "Clerk Two", "clerk", dealer.id),
                    initial_password="Temp-pass-1")  # fmt: skip
    actor = auth.sign_in(db, "clerk2", "Temp-pass-1")
    return replace(auth.change_password(db, actor, "Temp-pass-1", PASSWORD))


def test_a_voucher_is_written_off_once_at_any_dealer(db, people, catalog, member_id, other_clerk):
    benefit_id = catalog.listed()
    voucher = benefits.redeem(db, people.clerk, RedeemInput(member_id, benefit_id))
    typed = rules.format_code(voucher.code).lower()  # dashes and lower case are fine
    found = benefits.find_voucher(db, other_clerk, typed)
    assert found.member_name == "张*" and found.member_mobile == "138****8000"
    used = benefits.write_off(db, other_clerk, typed)
    assert (used.status, used.used_dealer, used.used_by) == ("used", "上海浦东服务中心", "clerk2")
    with pytest.raises(Conflict):
        benefits.write_off(db, people.clerk, voucher.code)


def test_a_mistyped_or_unknown_code_is_refused_clearly(db, people, catalog, member_id):
    benefit_id = catalog.listed()
    voucher = benefits.redeem(db, people.clerk, RedeemInput(member_id, benefit_id))
    swapped = voucher.code[1] + voucher.code[0] + voucher.code[2:]
    if swapped != voucher.code:
        with pytest.raises(ValidationError):
            benefits.write_off(db, people.clerk, swapped)
    other = rules.new_voucher_code()
    with pytest.raises(NotFound):
        benefits.write_off(db, people.clerk, other)


def test_only_honouring_dealers_write_off(db, people, catalog, member_id, other_clerk):
    benefit_id = catalog.listed(item(dealer_ids=(people.dealer_id,)))
    voucher = benefits.redeem(db, people.clerk, RedeemInput(member_id, benefit_id))
    with pytest.raises(PermissionDenied):
        benefits.write_off(db, other_clerk, voucher.code)
    assert benefits.write_off(db, people.clerk, voucher.code).status == "used"


def test_cancelling_returns_points_and_stock(db, people, catalog, member_id, other_clerk):
    benefit_id = catalog.listed()
    voucher = benefits.redeem(db, people.clerk, RedeemInput(member_id, benefit_id))
    with pytest.raises(PermissionDenied):  # another dealer did not issue it
        benefits.cancel_voucher(db, other_clerk, voucher.id, "客户取消")
    with pytest.raises(ValidationError):  # a reason is required
        benefits.cancel_voucher(db, people.clerk, voucher.id, "")
    cancelled = benefits.cancel_voucher(db, people.clerk, voucher.id, "客户取消")
    assert cancelled.status == "cancelled"
    assert balance(db, people.clerk, member_id) == 2_000 and stock_of(db, benefit_id) == 5
    with pytest.raises(Conflict):
        benefits.write_off(db, people.clerk, voucher.code)
    with pytest.raises(Conflict):
        benefits.cancel_voucher(db, people.clerk, voucher.id, "again")


# --- tier entitlements ---------------------------------------------------------------------------


def seeded(db, people, code: str) -> int:
    return next(i.id for i in benefits.list_items(db, people.admin) if i.code == code)


def test_the_seed_matrix_is_there_unset(db, people):
    matrix = benefits.read_matrix(db, people.admin)
    assert [i.name for i in matrix.items] == [
        "经销商消费代金券", "工时费抵扣", "保费折扣", "电商旗舰店代金券",
        "店端常规服务", "四季监测", "道路救援", "上门取送车",
    ]  # fmt: skip
    assert [code for code, _ in matrix.tiers] == ["silver", "gold", "platinum", "diamond"]
    assert matrix.unset == 32


def test_an_entitlement_counts_against_its_quota_per_period(db, people, member_id):
    rescue = seeded(db, people, "T-RESCUE")
    offers = benefits.member_offers(db, people.clerk, member_id).offers
    [offer] = [o for o in offers if o.benefit_id == rescue]
    assert offer.availability.refusal == rules.Refusal.NOT_SET
    benefits.save_cell(db, people.admin, rescue, "silver", rules.Entitlement(2))
    for _ in range(2):
        voucher = benefits.redeem(db, people.clerk, RedeemInput(member_id, rescue))
        assert voucher.points == 0
    with pytest.raises(benefits.NotAvailable):
        benefits.redeem(db, people.clerk, RedeemInput(member_id, rescue))
    assert balance(db, people.clerk, member_id) == 2_000  # entitlements cost no points
    assert standing.member_tier(db, people.clerk, member_id).tier.code == "silver"


# --- expiry --------------------------------------------------------------------------------------


def test_unused_vouchers_expire_by_the_run(db, people, catalog, member_id, clock):
    benefit_id = catalog.listed(item(voucher_days=10))
    used = benefits.redeem(db, people.clerk, RedeemInput(member_id, benefit_id))
    unused = benefits.redeem(db, people.clerk, RedeemInput(member_id, benefit_id))
    benefits.write_off(db, people.clerk, used.code)
    clock.advance(days=10)
    as_of = TODAY + timedelta(days=10)
    with pytest.raises(Conflict):  # past its last day: refused even before the run
        benefits.write_off(db, people.clerk, unused.code)
    preview = benefits.preview_expiry(db, people.admin, as_of)
    assert preview.preview == {"vouchers": 1}
    run = benefits.commit_expiry(db, people.admin, as_of)
    assert run.counts == {"vouchers": 1}
    assert benefits.get_voucher(db, people.clerk, unused.id).status == "expired"
    assert benefits.get_voucher(db, people.clerk, used.id).status == "used"
    assert balance(db, people.clerk, member_id) == 400  # not returned


def test_orders_filter_by_member_status_and_dealer(db, people, catalog, member_id, other_clerk):
    benefit_id = catalog.listed()
    first = benefits.redeem(db, people.clerk, RedeemInput(member_id, benefit_id))
    benefits.redeem(db, people.clerk, RedeemInput(member_id, benefit_id))
    benefits.write_off(db, other_clerk, first.code)
    page = benefits.list_orders(db, people.admin)
    assert page.total == 2 and page.rows[0].voucher_id > page.rows[1].voucher_id
    used = benefits.list_orders(db, people.admin, benefits.OrderFilter(status="used"))
    assert [r.code for r in used.rows] == [first.code]
    seen_by_other = benefits.list_orders(db, other_clerk)
    assert [r.code for r in seen_by_other.rows] == [first.code]  # written off there
    by_member = benefits.OrderFilter(member=first.member_number)
    assert benefits.list_orders(db, people.admin, by_member).total == 2
    assert benefits.list_orders(db, other_clerk, by_member).total == 2  # the member's card


def test_merging_moves_vouchers_to_the_survivor(db, people, catalog, member_id):
    benefit_id = catalog.listed()
    duplicate = register(db, people.clerk, zhang(mobile="139 0013 9000", resident_id=None)).id
    give_points(db, duplicate, 1_000, "gift-dup")
    voucher = benefits.redeem(db, people.clerk, RedeemInput(duplicate, benefit_id))
    members.merge_members(db, people.admin, member_id, duplicate, "同一人")
    moved = benefits.get_voucher(db, people.clerk, voucher.id)
    assert moved.member_id == member_id
    with pytest.raises(Conflict):  # its points were posted to the merged record
        benefits.cancel_voucher(db, people.clerk, voucher.id, "客户取消")
    assert benefits.write_off(db, people.clerk, voucher.code).status == "used"
