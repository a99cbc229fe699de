"""Property-based test of the benefit services: random histories reconcile.

A hypothesis state machine drives the real services (``app.services.benefits``) on a copy of
a migrated SQLite file with three members and three items: a stocked car wash bought with
points, an umbrella with unlimited stock and a limit of two a month, and the seeded road
rescue entitlement (two a year for the base tier, no points). Steps: give points, redeem,
cancel, write off, move the clock on, run the voucher expiry, restock. A model kept in
Python predicts every outcome (a redemption refused, a write-off of an expired voucher
refused…), and after every step:

- each member's balance = points given − points of their issued, used and expired vouchers
  (a cancelled voucher's points came back) and the account agrees with ``account_summary``;
- no points hold is left active (a redemption posts or releases its hold);
- each stocked item's stock = initial + restocks − vouchers not cancelled;
- ``ledger.verify`` finds no discrepancy;
- every voucher code is valid and unique, and every voucher's status is the model's.
"""

from __future__ import annotations

import itertools
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select

from app.config import sqlite_url
from app.db.models import Benefit, PointHold, Voucher
from app.domain import benefits as rules
from app.domain.errors import Conflict
from app.domain.roles import Actor, Role
from app.services import benefits, staff
from app.services.benefits import RedeemInput
from app.services.points import accounts, ledger, ledger_checks
from app.services.points.ledger import Posting
from app.services.settings import read_settings
from app.services.shared.database import Database, open_database
from app.services.shared.scope import programme_today
from app.services.staff import auth
from tests.conftest import PASSWORD, FakeClock
from tests.test_benefits import Catalog, item, second_admin
from tests.test_members import register, zhang

MEMBERS = 3
WASH_PRICE, WASH_STOCK, WASH_DAYS = 300, 3, 5
UMBRELLA_PRICE, UMBRELLA_LIMIT, UMBRELLA_DAYS = 120, 2, 3
RESCUE_QUOTA = 2  # a year: the base tier holds no validity period


@dataclass(frozen=True)
class Template:
    path: Path
    admin: Actor
    clerk: Actor
    member_ids: list[int]
    wash: int
    umbrella: int
    rescue: int


@pytest.fixture(scope="module")
def template(sqlite_template, tmp_path_factory) -> Template:
    """A migrated SQLite file with staff, members and the listed items, copied per example."""
    path = tmp_path_factory.mktemp("benefit-machine") / "benefits.sqlite3"
    shutil.copy(sqlite_template, path)
    db = open_database(sqlite_url(path), clock=FakeClock())
    try:
        admin = auth.create_first_admin(db, "admin", "Admin", PASSWORD)
        dealer = staff.save_dealer(
            db, admin, staff.DealerInput("BJA01", "北京东区服务中心", "华北", "北京市", "北京市")
        )
        staff.save_user(db, admin, staff.UserInput("clerk", "Clerk", Role.CLERK, dealer.id),
                        initial_password="Temp-pass-1")  # fmt: skip
        clerk = auth.change_password(
            db, auth.sign_in(db, "clerk", "Temp-pass-1"), "Temp-pass-1", PASSWORD
        )
        people = SimpleNamespace(admin=admin)
        catalog = Catalog(db, people, second_admin(db, people))
        wash = catalog.listed(item(points_price=WASH_PRICE, stock=WASH_STOCK,
                                   voucher_days=WASH_DAYS))  # fmt: skip
        umbrella = catalog.listed(item(
            code="UMBRELLA", name="品牌定制雨伞", category="merchandise", source="custom",
            points_price=UMBRELLA_PRICE, stock=None, limit_per_member=UMBRELLA_LIMIT,
            limit_period="month", voucher_days=UMBRELLA_DAYS,
        ))  # fmt: skip
        rescue = next(i.id for i in benefits.list_items(db, admin) if i.code == "T-RESCUE")
        benefits.save_cell(db, admin, rescue, "silver", rules.Entitlement(RESCUE_QUOTA))
        member_ids = [
            register(db, clerk, zhang(mobile=f"1390000000{n}", resident_id=None)).id
            for n in range(MEMBERS)
        ]
    finally:
        db.close()
    return Template(path, admin, clerk, member_ids, wash, umbrella, rescue)


@dataclass
class MVoucher:
    code: str
    voucher_id: int
    member: int
    item: int
    points: int
    issued_on: date
    expires_on: date
    status: str = rules.VoucherStatus.ISSUED


PICK = st.integers(min_value=0, max_value=10_000)
WHO = st.integers(min_value=0, max_value=MEMBERS - 1)


class BenefitMachine(RuleBasedStateMachine):
    def __init__(self, open_world: Callable[[], tuple[Database, FakeClock, Callable]], t: Template):
        super().__init__()
        self.db, self.clock, self.close = open_world()
        self.t = t
        self.tag = uuid.uuid4().hex[:8]
        self.serial = itertools.count(1)
        self.given = dict.fromkeys(t.member_ids, 0)
        self.vouchers: list[MVoucher] = []
        self.restocked = 0
        self.price = {t.wash: WASH_PRICE, t.umbrella: UMBRELLA_PRICE, t.rescue: 0}
        self.days = {t.wash: WASH_DAYS, t.umbrella: UMBRELLA_DAYS, t.rescue: 365}

    def teardown(self):
        self.close()

    # --- the model ---

    def today(self) -> date:
        with self.db.reader() as uow:
            return programme_today(uow)

    def balance(self, member: int) -> int:
        spent = sum(
            v.points for v in self.vouchers
            if v.member == member and v.status != rules.VoucherStatus.CANCELLED
        )  # fmt: skip
        return self.given[member] - spent

    def wash_stock(self) -> int:
        taken = sum(
            1 for v in self.vouchers
            if v.item == self.t.wash and v.status != rules.VoucherStatus.CANCELLED
        )  # fmt: skip
        return WASH_STOCK + self.restocked - taken

    def counted(self, member: int, item_id: int, start: date) -> int:
        return sum(
            1 for v in self.vouchers
            if (v.member, v.item) == (member, item_id) and v.issued_on >= start
            and v.status != rules.VoucherStatus.CANCELLED
        )  # fmt: skip

    def may_redeem(self, member: int, item_id: int) -> bool:
        today = self.today()
        if item_id == self.t.rescue:
            return self.counted(member, item_id, date(today.year, 1, 1)) < RESCUE_QUOTA
        if item_id == self.t.umbrella:
            if self.counted(member, item_id, today.replace(day=1)) >= UMBRELLA_LIMIT:
                return False
        elif self.wash_stock() <= 0:
            return False
        return self.balance(member) >= self.price[item_id]

    # --- the steps ---

    @rule(who=WHO, amount=st.integers(min_value=50, max_value=600))
    def give_points(self, who, amount):
        member = self.t.member_ids[who]
        uid = f"{self.tag}-gift-{next(self.serial)}"
        with self.db.uow() as uow:
            posting = Posting(uid, member, "points", "earn", "service", amount,
                              programme_today(uow), "test")  # fmt: skip
            ledger.post(uow, read_settings(uow), posting)
            uow.commit()
        self.given[member] += amount

    @rule(who=WHO, which=st.sampled_from(["wash", "umbrella", "rescue"]))
    def redeem(self, who, which):
        member, item_id = self.t.member_ids[who], getattr(self.t, which)
        expected = self.may_redeem(member, item_id)
        data = RedeemInput(member, item_id, f"{self.tag}-r-{next(self.serial)}")
        try:
            voucher = benefits.redeem(self.db, self.t.clerk, data)
        except benefits.NotAvailable:
            assert not expected, f"redeeming {which} for {member} was refused"
            return
        assert expected, f"redeeming {which} for {member} was allowed"
        today = self.today()
        assert (voucher.points, voucher.issued_on, voucher.status) == (
            self.price[item_id], today, rules.VoucherStatus.ISSUED,
        )  # fmt: skip
        expires_on = rules.voucher_expires_on(today, self.days[item_id])
        assert voucher.expires_on == expires_on
        self.vouchers.append(
            MVoucher(voucher.code, voucher.id, member, item_id, voucher.points, today, expires_on)
        )

    @precondition(lambda self: self.vouchers)
    @rule(pick=PICK)
    def cancel(self, pick):
        voucher = self.vouchers[pick % len(self.vouchers)]
        try:
            row = benefits.cancel_voucher(self.db, self.t.clerk, voucher.voucher_id, "客户取消")
        except Conflict:
            assert voucher.status != rules.VoucherStatus.ISSUED
            return
        assert voucher.status == rules.VoucherStatus.ISSUED
        assert row.status == rules.VoucherStatus.CANCELLED
        voucher.status = rules.VoucherStatus.CANCELLED

    @precondition(lambda self: self.vouchers)
    @rule(pick=PICK, typed=st.sampled_from(["as stored", "formatted", "lower"]))
    def write_off(self, pick, typed):
        voucher = self.vouchers[pick % len(self.vouchers)]
        code = {
            "as stored": voucher.code,
            "formatted": rules.format_code(voucher.code),
            "lower": voucher.code.lower(),
        }[typed]
        usable = voucher.status == rules.VoucherStatus.ISSUED and voucher.expires_on >= (
            self.today()
        )
        try:
            row = benefits.write_off(self.db, self.t.clerk, code)
        except Conflict:
            assert not usable
            return
        assert usable and row.status == rules.VoucherStatus.USED
        voucher.status = rules.VoucherStatus.USED

    @rule(days=st.integers(min_value=1, max_value=7))
    def time_passes(self, days):
        self.clock.advance(days=days)

    @rule()
    def expiry_run(self):
        today = self.today()
        due = [
            v for v in self.vouchers
            if v.status == rules.VoucherStatus.ISSUED and v.expires_on < today
        ]  # fmt: skip
        preview = benefits.preview_expiry(self.db, self.t.admin, today)
        run = benefits.commit_expiry(self.db, self.t.admin, today)
        if not preview.repeated and preview.status != "committed":
            assert preview.preview == {"vouchers": len(due)}
            assert run.counts == {"vouchers": len(due)}
        else:  # run before today: nothing has fallen due since (a voucher lasts a day at least)
            assert due == []
        for voucher in due:
            voucher.status = rules.VoucherStatus.EXPIRED

    @rule(amount=st.integers(min_value=1, max_value=3))
    def restock(self, amount):
        row = benefits.change_stock(self.db, self.t.admin, self.t.wash, amount, "补货")
        self.restocked += amount
        assert row.stock == self.wash_stock()

    # --- what must always hold ---

    @invariant()
    def books_reconcile(self):
        with self.db.reader() as uow:
            session = uow.session
            stock = dict(session.execute(select(Benefit.id, Benefit.stock)).all())
            held = session.scalar(
                select(func.count()).select_from(PointHold).where(PointHold.status == "active")
            )
            stored = dict(session.execute(select(Voucher.code, Voucher.status)).all())
            assert ledger_checks.verify(uow) == []
        assert held == 0
        assert stock[self.t.wash] == self.wash_stock()
        assert stock[self.t.umbrella] is None and stock[self.t.rescue] is None
        for member in self.t.member_ids:
            summary = accounts.account_summary(self.db, self.t.clerk, member)
            assert summary.balance == summary.available == self.balance(member), member
            assert summary.held == 0
        assert stored == {v.code: v.status for v in self.vouchers}
        assert all(rules.is_valid_code(code) for code in stored)


def test_random_benefit_histories_reconcile(template, tmp_path):
    copies = itertools.count()

    def open_world():
        path = tmp_path / f"example{next(copies)}.sqlite3"
        shutil.copy(template.path, path)
        clock = FakeClock()
        db = open_database(sqlite_url(path), clock=clock)

        def close():
            db.close()
            for leftover in tmp_path.glob(f"{path.name}*"):
                leftover.unlink()

        return db, clock, close

    run_state_machine_as_test(
        lambda: BenefitMachine(open_world, template),
        settings=settings(
            max_examples=15, stateful_step_count=20, deadline=None, database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        ),
    )  # fmt: skip
