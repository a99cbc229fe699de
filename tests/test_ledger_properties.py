"""Property-based tests of the ledger engine: random postings against a model kept in Python.

A hypothesis state machine drives the real service (``app.services.points.ledger``) on a real
database with random sequences of earns, redemptions, adjustments, holds (placed, posted,
released, timed out), reversals, expiry runs and retried requests across three members. The
model predicts every figure (balance, held, qualifying, each lot's remaining points and
expiry, each hold's status) and every refusal (``NotEnoughPoints``, ``Conflict``); after each
step the database must agree with it and ``ledger.verify`` must find nothing.

The big random run uses a fresh copy of a migrated SQLite file per example (cheap); a
smaller derandomised run of the same machine covers both databases through the ``db``
fixture, with fresh members per example.

At the end: deterministic regression tests for engine bugs found while writing the model.
"""

from __future__ import annotations

import calendar
import itertools
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select

from app.config import sqlite_url
from app.db.models import LedgerEntry, LotAllocation, Member, PointHold, PointLot, PointsAccount
from app.domain.errors import Conflict
from app.services import members
from app.services.points import ledger, ledger_checks
from app.services.points.ledger import NotEnoughPoints, Posting
from app.services.settings import ProgrammeSettings
from app.services.shared.database import Database, open_database
from app.services.staff import auth
from tests.conftest import PASSWORD, FakeClock
from tests.test_members import zhang

POINTS, QUALIFYING = "points", "qualifying"
HOLD_TIMEOUT = timedelta(minutes=30)
START = date(2026, 12, 1)  # members are activated on 2026-03-01 (the fake clock's day)
MEMBERS = 3

POLICIES = [
    ProgrammeSettings(expiry_mode="rolling", expiry_months=1, expiry_round_to_month_end=False),
    ProgrammeSettings(expiry_mode="rolling", expiry_months=2, expiry_round_to_month_end=True),
    ProgrammeSettings(expiry_mode="rolling", expiry_months=6, expiry_round_to_month_end=False),
    ProgrammeSettings(expiry_mode="fixed_cycle", expiry_years=1),
    ProgrammeSettings(expiry_mode="fixed_cycle", expiry_years=2),
    ProgrammeSettings(expiry_mode="fixed_cycle", expiry_years=2, programme_name="twice as likely"),
]

_mobiles = itertools.count(13_900_000_000)


def new_member(db: Database, admin) -> int:
    data = zhang(mobile=str(next(_mobiles)), resident_id=None)
    return members.register_member(db, admin, data).id


# --- the world a machine runs in ------------------------------------------------------------


@dataclass
class World:
    db: Database
    clock: FakeClock
    member_ids: list[int]
    close: Callable[[], None]


def activation_dates(db: Database, member_ids: list[int]) -> dict[int, date]:
    with db.reader() as uow:
        rows = uow.session.execute(
            select(Member.id, Member.activated_on).where(Member.id.in_(member_ids))
        )
        return dict(rows.all())


# --- the model ------------------------------------------------------------------------------


def plus_months(d: date, months: int) -> date:
    years, month0 = divmod(d.month - 1 + months, 12)
    year, month = d.year + years, month0 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


@dataclass
class MLot:
    id: int
    member: int
    earned_on: date
    expires_on: date
    remaining: int

    def order(self) -> tuple:
        # Soonest expiry first; ties by earn date, then by lot id (as text, like the engine).
        return (self.expires_on, self.earned_on, str(self.id))


@dataclass
class MHold:
    uid: str
    member: int
    points: int
    expires_at: datetime
    status: str = "active"  # as stored: a timed-out hold stays active until it is swept


@dataclass
class MEntry:
    id: int
    member: int
    currency: str
    kind: str
    amount: int
    lot: int | None = None  # the lot a points credit opened
    taken: dict[int, int] = field(default_factory=dict)  # lot id -> points (debits)
    reversed: bool = False


@dataclass
class MAccount:
    activated_on: date
    qualifying: int = 0
    balance: int = 0  # running sum of posted points, checked against the lots too
    cycle_start: date | None = None


def allocate(lots: list[MLot], amount: int) -> dict[int, int]:
    taken: dict[int, int] = {}
    for lot in sorted(lots, key=MLot.order):
        if amount == 0:
            break
        take = min(lot.remaining, amount)
        if take:
            taken[lot.id] = take
            amount -= take
    assert amount == 0, "the model allocated more than the usable lots hold"
    return taken


# --- the machine ----------------------------------------------------------------------------

PICK = st.integers(min_value=0, max_value=10_000)
WHO = st.integers(min_value=0, max_value=MEMBERS - 1)
CURRENCY = st.sampled_from([POINTS, POINTS, POINTS, POINTS, QUALIFYING])


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self, open_world: Callable[[], World]):
        super().__init__()
        self.world = open_world()
        self.db = self.world.db
        self.clock = self.world.clock
        self.member_ids = self.world.member_ids
        self.tag = uuid.uuid4().hex[:8]
        self.serial = itertools.count(1)
        self.settings = POLICIES[0]
        self.today = START
        self.accounts = {
            m: MAccount(activated_on=on)
            for m, on in activation_dates(self.db, self.member_ids).items()
        }
        self.lots: dict[int, MLot] = {}
        self.holds: list[MHold] = []
        self.entries: list[MEntry] = []
        self.postings: list[tuple[Posting, int]] = []  # what ledger.post accepted -> entry id
        self.reversals: list[tuple[int, str, ledger.Reversal]] = []  # original id, uid, result

    def teardown(self):
        self.world.close()

    # helpers

    def uid(self, what: str) -> str:
        return f"{self.tag}:{what}:{next(self.serial)}"

    def run(self, fn):
        with self.db.uow() as uow:
            result = fn(uow)
            uow.commit()
            return result

    def refused(self, error: type[Exception], fn) -> Exception:
        with pytest.raises(error) as caught:
            self.run(fn)
        return caught.value

    def short(self, fn, available: int, requested: int) -> None:
        error = self.refused(NotEnoughPoints, fn)
        assert (error.available, error.requested) == (available, requested)

    def held(self, member: int) -> int:
        return sum(h.points for h in self.holds if h.member == member and h.status == "active")

    def timed_out(self, member: int) -> list[MHold]:
        now = self.clock()
        return [
            h
            for h in self.holds
            if h.member == member and h.status == "active" and h.expires_at <= now
        ]

    def held_after_sweep(self, member: int) -> int:
        """Held points once the engine has released the member's timed-out holds."""
        return self.held(member) - sum(h.points for h in self.timed_out(member))

    def sweep(self, member: int) -> None:
        for hold in self.timed_out(member):
            hold.status = "timed_out"

    def usable(self, member: int, on: date) -> list[MLot]:
        return sorted(
            (
                lot
                for lot in self.lots.values()
                if lot.member == member and lot.remaining > 0 and lot.expires_on >= on
            ),
            key=MLot.order,
        )

    def available(self, member: int, on: date, held: int) -> int:
        return max(0, sum(lot.remaining for lot in self.usable(member, on)) - held)

    def expiry(self, member: int, earned_on: date) -> date:
        account = self.accounts[member]
        start = max(earned_on, account.activated_on)
        s = self.settings
        if s.expiry_mode == "rolling":
            end = plus_months(start, s.expiry_months)
            return month_end(end) if s.expiry_round_to_month_end else end
        cycle_end = (
            None
            if account.cycle_start is None
            else date(account.cycle_start.year + s.expiry_years - 1, 12, 31)
        )
        if cycle_end is None or start > cycle_end:
            account.cycle_start = start
        return date(account.cycle_start.year + s.expiry_years - 1, 12, 31)

    def take(self, entry: MEntry, taken: dict[int, int]) -> None:
        for lot_id, points in taken.items():
            self.lots[lot_id].remaining -= points
        entry.taken = taken

    def allocations(self, entry_id: int) -> dict[int, int]:
        with self.db.reader() as uow:
            rows = uow.session.execute(
                select(LotAllocation.lot_id, LotAllocation.points).where(
                    LotAllocation.entry_id == entry_id
                )
            )
            return dict(rows.all())

    def check_soonest_expiry_first(self, entry_id: int, member: int, on: date) -> None:
        """Straight from the database: a debit only took usable lots, and no usable lot
        expiring before the latest lot it took from still has points."""
        with self.db.reader() as uow:
            taken = uow.session.scalars(
                select(PointLot.expires_on)
                .join(LotAllocation, LotAllocation.lot_id == PointLot.id)
                .where(LotAllocation.entry_id == entry_id)
            ).all()
            assert taken and all(expires_on >= on for expires_on in taken)
            skipped = uow.session.scalars(
                select(PointLot.id).where(
                    PointLot.member_id == member,
                    PointLot.remaining > 0,
                    PointLot.expires_on >= on,
                    PointLot.expires_on < max(taken),
                )
            ).all()
        assert skipped == [], f"entry {entry_id} skipped earlier-expiring lots {skipped}"

    def record_debit(self, entry_id: int, member: int, kind: str, points: int) -> None:
        """Apply a points debit the model allowed, and check what the engine took."""
        expected = allocate(self.usable(member, self.today), points)
        assert self.allocations(entry_id) == expected
        entry = MEntry(entry_id, member, POINTS, kind, -points)
        self.take(entry, expected)
        self.entries.append(entry)
        self.accounts[member].balance -= points
        self.check_soonest_expiry_first(entry_id, member, self.today)

    # rules

    @initialize(
        policy=st.sampled_from(POLICIES),
        opening=st.lists(
            st.lists(st.tuples(st.integers(1, 120), st.integers(0, 60)), max_size=4),
            min_size=MEMBERS,
            max_size=MEMBERS,
        ),
    )
    def open_accounts(self, policy, opening):
        """Pick the expiry policy; members start with a few lots of various ages."""
        self.settings = policy
        for who, lots in enumerate(opening):
            for amount, days_back in lots:
                self.credit(who, amount, days_back, kind="earn", currency=POINTS)

    @rule(
        who=WHO,
        amount=st.integers(1, 150),
        days_back=st.one_of(st.integers(0, 30), st.integers(0, 300)),  # to before activation
        kind=st.sampled_from(["earn", "earn", "adjust"]),
        currency=CURRENCY,
    )
    def credit(self, who, amount, days_back, kind, currency):
        member = self.member_ids[who]
        on = self.today - timedelta(days=days_back)
        posting = Posting(self.uid(kind), member, currency, kind, kind, amount, on, "clerk")

        def post(uow):
            entry = ledger.post(uow, self.settings, posting)
            lot = uow.session.scalars(select(PointLot).where(PointLot.entry_id == entry.id))
            lot = lot.one_or_none()
            return entry.id, lot and (lot.id, lot.expires_on, lot.original, lot.remaining)

        entry_id, lot = self.run(post)
        self.sweep(member)
        self.postings.append((posting, entry_id))
        entry = MEntry(entry_id, member, currency, kind, amount)
        self.entries.append(entry)
        if currency == QUALIFYING:
            assert lot is None
            self.accounts[member].qualifying += amount
            return
        lot_id, expires_on, original, remaining = lot
        assert expires_on == self.expiry(member, on)
        assert original == remaining == amount
        self.lots[lot_id] = MLot(lot_id, member, on, expires_on, amount)
        entry.lot = lot_id
        self.accounts[member].balance += amount

    @rule(
        who=WHO,
        amount=st.integers(1, 200),
        kind=st.sampled_from(["redeem", "redeem", "adjust"]),
        currency=CURRENCY,
    )
    def debit(self, who, amount, kind, currency):
        member = self.member_ids[who]
        posting = Posting(self.uid(kind), member, currency, kind, kind, -amount, self.today, "c")

        def post(uow):
            return ledger.post(uow, self.settings, posting).id

        account = self.accounts[member]
        if currency == QUALIFYING:
            if amount > account.qualifying:
                return self.short(post, account.qualifying, amount)
            entry_id = self.run(post)
            account.qualifying -= amount
            self.entries.append(MEntry(entry_id, member, QUALIFYING, kind, -amount))
        else:
            available = self.available(member, self.today, self.held_after_sweep(member))
            if amount > available:
                return self.short(post, available, amount)
            entry_id = self.run(post)
            self.record_debit(entry_id, member, kind, amount)
        self.sweep(member)
        self.postings.append((posting, entry_id))

    @rule(who=WHO, points=st.integers(1, 80))
    def place_hold(self, who, points):
        member = self.member_ids[who]
        uid = self.uid("hold")

        def hold(uow):
            placed = ledger.place_hold(
                uow, uid, member, points, "benefit", None, "clerk", HOLD_TIMEOUT, self.today
            )
            return placed.status, placed.expires_at

        available = self.available(member, self.today, self.held_after_sweep(member))
        if points > available:
            return self.short(hold, available, points)
        status, expires_at = self.run(hold)
        assert (status, expires_at) == ("active", self.clock() + HOLD_TIMEOUT)
        self.sweep(member)
        self.holds.append(MHold(uid, member, points, expires_at))

    @precondition(lambda self: self.holds)
    @rule(pick=PICK, commit=st.booleans())
    def settle_hold(self, pick, commit):
        hold = self.holds[pick % len(self.holds)]
        member = hold.member
        status = "timed_out" if hold in self.timed_out(member) else hold.status
        wanted = "posted" if commit else "released"

        def settle(uow):
            settled = ledger.settle_hold(uow, self.settings, hold.uid, commit, "c", self.today)
            return settled.status, settled.entry_id

        if status not in ("active", wanted):
            self.refused(Conflict, settle)
            return
        if status == "active" and commit:
            held = self.held_after_sweep(member) - hold.points
            available = self.available(member, self.today, held)
            if hold.points > available:
                return self.short(settle, available, hold.points)
        new_status, entry_id = self.run(settle)
        assert new_status == wanted
        if status == "active" and commit:
            self.record_debit(entry_id, member, "redeem", hold.points)
        self.sweep(member)
        hold.status = wanted

    def reversible(self, debits: bool) -> list[MEntry]:
        return [
            entry
            for entry in self.entries
            if not entry.reversed
            and entry.kind in ("earn", "redeem", "adjust")
            and (entry.amount < 0) == debits
        ]

    @precondition(lambda self: self.reversible(debits=True))
    @rule(pick=PICK)
    def cancel_debit(self, pick):
        """A redemption or deduction is cancelled (its lots may have ended meanwhile)."""
        debits = self.reversible(debits=True)
        self.reverse_entry(debits[pick % len(debits)])

    @precondition(lambda self: self.entries)
    @rule(pick=PICK, anything=st.booleans())
    def reverse(self, pick, anything):
        """Reverse a credit that can still be reversed, or any entry at all (reversals,
        expiries and entries already reversed must be refused)."""
        candidates = (not anything and self.reversible(debits=False)) or self.entries
        self.reverse_entry(candidates[pick % len(candidates)])

    def reverse_entry(self, original: MEntry) -> None:
        member, account = original.member, self.accounts[original.member]
        uid = self.uid("reverse")

        def reverse(uow):
            entry = ledger.get_entry(uow, original.id)
            return ledger.reverse(uow, self.settings, entry, uid, "clerk", self.today)

        if original.kind in ("reverse", "expire") or original.reversed:
            self.refused(Conflict, reverse)
            return
        entry = MEntry(0, member, original.currency, "reverse", 0)
        held = self.held_after_sweep(member)
        if original.amount < 0 and original.currency == QUALIFYING:
            taken, amount, shortfall = {}, -original.amount, 0
        elif original.amount < 0:
            # A debit: the points go back into the lots they came from, except lots that
            # have ended by the reversal's date: those points stay lost (the shortfall).
            taken = {
                lot_id: -points
                for lot_id, points in original.taken.items()
                if self.lots[lot_id].expires_on >= self.today
            }
            amount = -sum(taken.values())
            shortfall = -original.amount - amount
        elif original.currency == QUALIFYING:
            taken, amount = {}, -min(original.amount, account.qualifying)
            shortfall = original.amount + amount
        else:
            # A credit: what is left in its own lot first (even if that lot has just ended),
            # then the soonest-expiring usable lots; points taken from usable lots must leave
            # the holds covered. The rest is the shortfall.
            own = self.lots[original.lot]
            lots = self.usable(member, self.today)
            own_usable = any(lot.id == own.id for lot in lots)
            free = max(0, sum(lot.remaining for lot in lots) - held)
            from_own = min(own.remaining, original.amount)
            if own_usable:
                from_own = min(from_own, free)
                free -= from_own
            rest = min(original.amount - from_own, free)
            taken = {own.id: from_own} if from_own else {}
            others = [lot for lot in lots if lot.id != own.id]
            taken |= allocate(others, rest)
            wanted = from_own + rest
            amount, shortfall = -wanted, original.amount - wanted
        result = self.run(reverse)
        assert (result.reversed_points, result.shortfall) == (abs(amount), shortfall)
        assert self.allocations(result.entry_id) == taken
        entry.id, entry.amount = result.entry_id, amount
        self.take(entry, taken)
        if original.currency == QUALIFYING:
            account.qualifying += amount
        else:
            account.balance += amount
        original.reversed = True
        self.sweep(member)
        self.entries.append(entry)
        self.reversals.append((original.id, uid, result))

    @precondition(lambda self: self.postings)
    @rule(what=st.sampled_from(["posting", "hold", "reversal"]), pick=PICK, same=st.booleans())
    def retry(self, what, pick, same):
        """A request sent again under its uid returns what was done the first time and
        changes nothing, even if it would be refused now; the uid with other content is a
        Conflict."""
        if what == "hold" and self.holds:
            hold = self.holds[pick % len(self.holds)]
            points = hold.points if same else hold.points + 1

            def again(uow):
                placed = ledger.place_hold(
                    uow, hold.uid, hold.member, points, "x", None, "c", HOLD_TIMEOUT, self.today
                )
                return placed.status, placed.points

            if not same:
                self.refused(Conflict, again)
                return
            assert self.run(again) == (hold.status, hold.points)
        elif what == "reversal" and self.reversals:
            original_id, uid, result = self.reversals[pick % len(self.reversals)]

            def reverse(uow):
                entry = ledger.get_entry(uow, original_id)
                return ledger.reverse(uow, self.settings, entry, uid, "clerk", self.today)

            assert self.run(reverse) == result
        else:
            posting, entry_id = self.postings[pick % len(self.postings)]
            if not same:
                other = replace(posting, reference="something else")
                self.refused(Conflict, lambda uow: ledger.post(uow, self.settings, other))
                return
            later = replace(posting, business_date=self.today, actor="another desk")
            assert self.run(lambda uow: ledger.post(uow, self.settings, later).id) == entry_id

    @rule(days=st.integers(1, 60))
    def expire(self, days):
        as_of = self.today + timedelta(days=days)  # each run is for a later date
        low, high = min(self.member_ids), max(self.member_ids)
        due = [lot for lot in self.lots.values() if lot.remaining and lot.expires_on < as_of]
        batch = self.run(lambda uow: ledger.expire_range(uow, as_of, low, high, "system"))
        assert (batch.lots, batch.points) == (len(due), sum(lot.remaining for lot in due))
        uids = {f"expire:{lot.id}:{as_of.isoformat()}": lot for lot in due}
        with self.db.reader() as uow:
            ids = uow.session.execute(
                select(LedgerEntry.entry_uid, LedgerEntry.id).where(LedgerEntry.entry_uid.in_(uids))
            ).all()
        assert len(ids) == len(due)
        for uid, entry_id in ids:
            lot = uids[uid]
            entry = MEntry(entry_id, lot.member, POINTS, "expire", -lot.remaining)
            self.accounts[lot.member].balance -= lot.remaining
            self.take(entry, {lot.id: lot.remaining})
            self.entries.append(entry)
        self.today = as_of

    @rule(days=st.integers(0, 60), minutes=st.sampled_from([0, 10, 25, 45]))
    def time_passes(self, days, minutes):
        """Days pass without an expiry run (expired lots linger, unusable); minutes pass
        and holds time out."""
        self.today += timedelta(days=days)
        self.clock.advance(minutes=minutes)

    # invariants

    @invariant()
    def database_agrees_with_model(self):
        with self.db.reader() as uow:
            session = uow.session
            assert ledger_checks.verify(uow) == []
            lows = session.execute(
                select(
                    func.min(PointsAccount.balance),
                    func.min(PointsAccount.held),
                    func.min(PointsAccount.qualifying),
                )
            ).one()
            assert all(low is None or low >= 0 for low in lows)
            assert not session.scalar(
                select(func.count()).where(
                    (PointLot.remaining < 0) | (PointLot.remaining > PointLot.original)
                )
            )
            accounts = {
                row.member_id: (row.balance, row.held, row.qualifying)
                for row in session.scalars(
                    select(PointsAccount).where(PointsAccount.member_id.in_(self.member_ids))
                )
            }
            lots = session.execute(
                select(PointLot.id, PointLot.remaining, PointLot.expires_on).where(
                    PointLot.member_id.in_(self.member_ids)
                )
            ).all()
            holds = session.execute(
                select(PointHold.hold_uid, PointHold.status).where(
                    PointHold.member_id.in_(self.member_ids)
                )
            ).all()
            entries = session.scalar(
                select(func.count()).where(LedgerEntry.member_id.in_(self.member_ids))
            )
        for member, account in self.accounts.items():
            in_lots = sum(lot.remaining for lot in self.lots.values() if lot.member == member)
            assert account.balance == in_lots
            expected = (account.balance, self.held(member), account.qualifying)
            assert accounts.get(member, (0, 0, 0)) == expected, f"member {member}"
        assert {i: (r, e) for i, r, e in lots} == {
            lot.id: (lot.remaining, lot.expires_on) for lot in self.lots.values()
        }
        assert dict(holds) == {hold.uid: hold.status for hold in self.holds}
        assert entries == len(self.entries)


def machine(open_world: Callable[[], World]) -> Callable[[], LedgerMachine]:
    return lambda: LedgerMachine(open_world)


QUICK = dict(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# --- the random run on throw-away SQLite files ----------------------------------------------


@pytest.fixture(scope="module")
def members_template(sqlite_template, tmp_path_factory) -> tuple[Path, list[int]]:
    """A migrated SQLite file with an admin and three members, copied for every example."""
    path = tmp_path_factory.mktemp("ledger-machine") / "members.sqlite3"
    shutil.copy(sqlite_template, path)
    db = open_database(sqlite_url(path), clock=FakeClock())
    try:
        admin = auth.create_first_admin(db, "admin", "Admin", PASSWORD)
        member_ids = [new_member(db, admin) for _ in range(MEMBERS)]
    finally:
        db.close()
    return path, member_ids


def test_random_ledger_histories_on_sqlite(members_template, tmp_path):
    template, member_ids = members_template
    copies = itertools.count()

    def open_world() -> World:
        path = tmp_path / f"example{next(copies)}.sqlite3"
        shutil.copy(template, path)
        clock = FakeClock()
        db = open_database(sqlite_url(path), clock=clock)

        def close():
            db.close()
            for leftover in tmp_path.glob(f"{path.name}*"):
                leftover.unlink()

        return World(db, clock, list(member_ids), close)

    run_state_machine_as_test(
        machine(open_world), settings=settings(max_examples=100, stateful_step_count=40, **QUICK)
    )


# --- the same machine, derandomised, on each database of the ``db`` fixture ------------------


def test_ledger_histories_on_each_database(db, clock):
    admin = auth.create_first_admin(db, "admin", "Admin", PASSWORD)

    def open_world() -> World:
        clock.now = FakeClock().now  # activation day of the new members; holds start afresh
        return World(db, clock, [new_member(db, admin) for _ in range(MEMBERS)], lambda: None)

    run_state_machine_as_test(
        machine(open_world),
        settings=settings(max_examples=8, stateful_step_count=25, derandomize=True, **QUICK),
    )


# --- regression tests for engine bugs found on the way -----------------------------------------

ROLLING_1M = ProgrammeSettings(
    expiry_mode="rolling", expiry_months=1, expiry_round_to_month_end=False
)
MARCH_1 = date(2026, 3, 1)  # a lot earned today is valid until 2026-04-01


def run(db: Database, fn):
    with db.uow() as uow:
        result = fn(uow)
        uow.commit()
        return result


def post(db: Database, uid: str, member: int, kind: str, amount: int, on: date) -> int:
    posting = Posting(uid, member, POINTS, kind, "service", amount, on, "clerk")
    return run(db, lambda uow: ledger.post(uow, ROLLING_1M, posting).id)


def reverse(db: Database, entry_id: int, uid: str, on: date) -> ledger.Reversal:
    return run(
        db,
        lambda uow: ledger.reverse(
            uow, ROLLING_1M, ledger.get_entry(uow, entry_id), uid, "clerk", on
        ),
    )


def balance(db: Database, member: int) -> tuple[int, int]:
    with db.reader() as uow:
        account = uow.session.get(PointsAccount, member)
        return account.balance, account.held


def test_rerunning_expiry_after_a_redemption_was_cancelled(db):
    """A cancelled redemption does not bring points back to life in a lot that has ended:
    they are its shortfall. (Before, they went back into the swept lot, and re-running the
    expiry for the same date failed on the UNIQUE expire:<lot>:<date> uid.)"""
    member = new_member(db, auth.create_first_admin(db, "admin", "Admin", PASSWORD))
    post(db, "e1", member, "earn", 100, MARCH_1)
    redemption = post(db, "r1", member, "redeem", -40, MARCH_1)
    as_of = date(2026, 5, 1)
    expire = lambda uow: ledger.expire_range(uow, as_of, member, member, "system")  # noqa: E731
    assert run(db, expire) == ledger.ExpiryBatch(1, 60)
    assert reverse(db, redemption, "cancel-r1", as_of) == ledger.Reversal(
        redemption + 2, reversed_points=0, shortfall=40
    )
    assert run(db, expire) == ledger.ExpiryBatch(0, 0)  # the run started again: nothing left
    assert balance(db, member) == (0, 0)
    with db.reader() as uow:
        assert ledger_checks.verify(uow) == []


def test_reversing_a_credit_whose_lot_ended_does_not_depend_on_other_lots(db):
    admin = auth.create_first_admin(db, "admin", "Admin", PASSWORD)
    refunds, others = [], []
    for other_lot in (30, 200):
        member = new_member(db, admin)
        credit = post(db, f"e1-{other_lot}", member, "earn", 100, MARCH_1)  # until 2026-04-01
        post(db, f"e2-{other_lot}", member, "earn", other_lot, date(2026, 4, 20))  # unrelated
        refunds.append(reverse(db, credit, f"refund-{other_lot}", date(2026, 4, 25)))
        with db.reader() as uow:
            others.append(
                uow.session.scalar(
                    select(PointLot.remaining).where(
                        PointLot.member_id == member, PointLot.earned_on == date(2026, 4, 20)
                    )
                )
            )
    with db.reader() as uow:
        assert ledger_checks.verify(uow) == []
    assert others == [30, 200]  # the unrelated lots were left alone...
    assert [(r.reversed_points, r.shortfall) for r in refunds] == [  # ...so the same refund
        (refunds[1].reversed_points, refunds[1].shortfall)
    ] * 2  # currently (30, 70) with the 30-point lot but (100, 0) with the 200-point lot
