"""Two clerks at two desktops on the same benefit at the same moment, on SQLite and PostgreSQL.

Each clerk works on a separately opened ``Database`` (its own engine and connections), and
both are released together by a barrier. A hook on each desktop's engine sleeps right after
the engine has read the item (redemption) or the voucher (write-off), so each transaction
holds its read-then-write window open long enough for the other to arrive: without the
conditional stock update and the voucher's row lock these tests would hand out the last
item twice or write one voucher off twice.

Outcomes: exactly one succeeds; the other is told why (``NotAvailable``: out of stock, or
``Conflict``: already used), never a raw driver error; points, stock and the ledger agree.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pytest
from sqlalchemy import event, func, select

from app.db.models import Benefit, PointHold, Voucher
from app.domain import benefits as rules
from app.domain.errors import Conflict
from app.domain.roles import Actor
from app.services import benefits, staff
from app.services.benefits import RedeemInput
from app.services.points import accounts, ledger_checks
from app.services.shared.database import Database, open_database
from app.services.staff import auth
from tests.conftest import PASSWORD
from tests.test_benefits import Catalog, give_points, item, second_admin
from tests.test_members import register, zhang

WINDOW = 0.2  # seconds each transaction sleeps after reading the item or the voucher
PRICE = 500


@dataclass
class Desktops:
    """One separately opened database per clerk, plus what happened on each."""

    dbs: list[Database]
    windows: Counter = field(default_factory=Counter)  # reads slowed down, per desktop
    outcomes: list[tuple[int, str, object]] = field(default_factory=list)
    spans: list[tuple[float, float]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    slow_table: str = "BENEFITS"

    def race(self, work: Callable[[int, Database], object]) -> None:
        """Run ``work(i, db_i)`` on every desktop at once; record the result or refusal."""
        barrier = threading.Barrier(len(self.dbs))

        def desktop(i: int, db: Database) -> None:
            barrier.wait()
            start = time.monotonic()
            try:
                outcome: tuple[str, object] = ("ok", work(i, db))
            except benefits.NotAvailable as exc:
                outcome = ("not available", exc)
            except Conflict as exc:
                outcome = ("conflict", exc)
            except Exception as exc:  # noqa: BLE001 - recorded and asserted on
                outcome = ("error", exc)
            with self.lock:
                self.outcomes.append((i, *outcome))
                self.spans.append((start, time.monotonic()))

        threads = [threading.Thread(target=desktop, args=pair) for pair in enumerate(self.dbs)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not any(thread.is_alive() for thread in threads), "a desktop hung"
        assert len(self.outcomes) == len(self.dbs), "every desktop made its attempt"

    def kinds(self) -> Counter:
        return Counter(kind for _, kind, _ in self.outcomes)

    def results(self, kind: str) -> list:
        return [value for _, k, value in self.outcomes if k == kind]

    def overlapped(self) -> bool:
        """Both attempts were in flight together: the last began before the first ended."""
        return max(start for start, _ in self.spans) < min(end for _, end in self.spans)


@pytest.fixture
def desktops(db):
    dbs = [open_database(db.url, clock=db.clock) for _ in range(2)]
    opened = Desktops(dbs)
    for i, desktop in enumerate(dbs):

        @event.listens_for(desktop.engine, "after_cursor_execute")
        def slow_down(conn, cursor, statement, parameters, context, executemany, i=i):
            text = statement.lstrip().upper()
            if text.startswith("SELECT") and f"FROM {opened.slow_table} " in f"{text} ":
                opened.windows[i] += 1
                time.sleep(WINDOW)

    yield opened
    for desktop in dbs:
        desktop.close()


@pytest.fixture
def clerks(db, people) -> tuple[Actor, Actor]:
    """The fixtures' clerk and a clerk of a second dealer."""
    dealer = staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海浦东服务中心", "华东", "上海市", "上海市")
    )
    staff.save_user(db, people.admin, staff.UserInput("clerk2", "Clerk Two", "clerk", dealer.id),
                    initial_password="Temp-pass-1")  # fmt: skip
    actor = auth.sign_in(db, "clerk2", "Temp-pass-1")
    return people.clerk, replace(auth.change_password(db, actor, "Temp-pass-1", PASSWORD))


@pytest.fixture
def last_one(db, people) -> int:
    """A listed item with one left in stock."""
    return Catalog(db, people, second_admin(db, people)).listed(item(points_price=PRICE, stock=1))


def members_with_points(db, clerk, count: int, points: int) -> list[int]:
    ids = []
    for n in range(count):
        member = register(db, clerk, zhang(mobile=f"1390000000{n}", resident_id=None)).id
        give_points(db, member, points, uid=f"gift-{member}")
        ids.append(member)
    return ids


def balance(db, actor, member_id: int) -> int:
    return accounts.account_summary(db, actor, member_id).available


def check_books(db, benefit_id: int, vouchers: int, stock: int) -> None:
    with db.reader() as uow:
        assert ledger_checks.verify(uow) == []
        session = uow.session
        assert session.get(Benefit, benefit_id).stock == stock
        assert session.scalar(select(func.count()).select_from(Voucher)) == vouchers
        active = select(func.count()).select_from(PointHold).where(PointHold.status == "active")
        assert session.scalar(active) == 0  # the refused redemption left no hold behind


def assert_one_refused_out_of_stock(desktops: Desktops) -> None:
    assert desktops.kinds() == {"ok": 1, "not available": 1}, desktops.outcomes
    [refusal] = desktops.results("not available")
    assert refusal.template == rules.REFUSAL_TEXT[rules.Refusal.OUT_OF_STOCK]


def test_the_last_one_goes_to_one_of_two_members(db, people, clerks, last_one, desktops):
    members = members_with_points(db, people.clerk, 2, 2_000)

    desktops.race(
        lambda i, desk: benefits.redeem(desk, clerks[i], RedeemInput(members[i], last_one))
    )

    assert desktops.overlapped()
    assert len(desktops.windows) == 2  # both read the item before either took it
    assert_one_refused_out_of_stock(desktops)
    [voucher] = desktops.results("ok")
    winner = voucher.member_id
    assert {m: balance(db, people.clerk, m) for m in members} == {
        m: 2_000 - PRICE if m == winner else 2_000 for m in members
    }
    check_books(db, last_one, vouchers=1, stock=0)


def test_the_last_one_goes_once_to_the_same_member(db, people, clerks, last_one, desktops):
    [member] = members_with_points(db, people.clerk, 1, 2 * PRICE)

    desktops.race(lambda i, desk: benefits.redeem(desk, clerks[i], RedeemInput(member, last_one)))

    assert desktops.overlapped()
    assert_one_refused_out_of_stock(desktops)
    assert balance(db, people.clerk, member) == PRICE
    check_books(db, last_one, vouchers=1, stock=0)


def test_one_voucher_is_written_off_once(db, people, clerks, last_one, desktops):
    [member] = members_with_points(db, people.clerk, 1, PRICE)
    voucher = benefits.redeem(db, people.clerk, RedeemInput(member, last_one))
    desktops.slow_table = "VOUCHERS"
    typed = [voucher.code, rules.format_code(voucher.code).lower()]  # typed two ways

    desktops.race(lambda i, desk: benefits.write_off(desk, clerks[i], typed[i]))

    assert desktops.overlapped()
    assert desktops.kinds() == {"ok": 1, "conflict": 1}, desktops.outcomes
    [used] = desktops.results("ok")
    [refusal] = desktops.results("conflict")
    assert refusal.template == "This voucher was already used on {date}."
    stored = benefits.get_voucher(db, people.clerk, voucher.id)
    assert (stored.status, stored.used_by) == ("used", used.used_by)
    assert used.used_by in {"clerk", "clerk2"}
    assert balance(db, people.clerk, member) == 0  # used: the points stay spent
    check_books(db, last_one, vouchers=1, stock=0)
