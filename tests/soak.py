"""A parallel soak of the points ledger: desktops as separate processes, each with its own
connection pool, doing the counter's and the supervisors' work on the same few members.

Used by ``tests/test_soak.py`` (seconds, in CI) and ``bench/soak.py`` (minutes). A refusal a
person can act on (not enough points, already refunded…) is expected; a raw driver error, a
``Busy`` after all retries or any other exception is a defect and is counted as such.
"""

from __future__ import annotations

import multiprocessing
import random
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from app.domain.roles import Actor

OPERATIONS = ("earn", "use", "hold", "refund", "request", "direct", "approve", "merge")


@dataclass
class SoakResult:
    processes: int
    seconds: float
    operations: Counter = field(default_factory=Counter)
    refusals: Counter = field(default_factory=Counter)  # expected, by error type
    defects: list[str] = field(default_factory=list)  # unexpected errors, with a traceback

    @property
    def total(self) -> int:
        return sum(self.operations.values())


@dataclass(frozen=True)
class SoakSetup:
    url: str
    clerk: Actor
    supervisor: Actor
    members: tuple[int, ...]
    business_date: date


def prepare(db, people, today: date, members: int = 4) -> SoakSetup:
    """Hot members with points to spend, and a direct-adjustment limit of 100."""
    from app.services import members as member_service
    from app.services import points, settings
    from app.services.members import MemberInput
    from app.services.points import ServiceInput

    settings.update_settings(db, people.admin, adjustment_direct_limit=100)
    ids = []
    for number in range(members):
        data = MemberInput(name="张三", mobile=f"1380000{number:04d}", privacy_consent=True)
        member = member_service.register_member(db, people.clerk, data)
        points.record_service(
            db, people.clerk, ServiceInput(member.id, None, f"SEED-{number}", today, 500_000_00)
        )
        ids.append(member.id)
    return SoakSetup(db.url, people.clerk, people.supervisor, tuple(ids), today)


def run(setup: SoakSetup, processes: int = 8, seconds: float = 5.0) -> SoakResult:
    """Start the desktops together, let them work for ``seconds``, and add up what happened."""
    context = multiprocessing.get_context("spawn")
    ready, go, results = context.Barrier(processes + 1), context.Event(), context.Queue()
    workers = [
        context.Process(target=_desktop, args=(setup, n, seconds, ready, go, results))
        for n in range(processes)
    ]
    for worker in workers:
        worker.start()
    ready.wait(timeout=300)  # every desktop imported and connected
    started = time.monotonic()
    go.set()
    outcome = SoakResult(processes, 0.0)
    for _ in workers:
        operations, refusals, defects = results.get(timeout=seconds + 300)
        outcome.operations.update(operations)
        outcome.refusals.update(refusals)
        outcome.defects.extend(defects)
    outcome.seconds = time.monotonic() - started
    for worker in workers:
        worker.join(timeout=60)
    return outcome


def _desktop(setup: SoakSetup, number: int, seconds: float, ready, go, results) -> None:
    from app.services.shared.database import open_database

    db = open_database(setup.url, upgrade=False)
    desk = _Desk(db, setup, number)
    ready.wait(timeout=300)
    go.wait(timeout=300)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        desk.one_operation()
    db.close()
    results.put((desk.operations, desk.refusals, desk.defects))


class _Desk:
    def __init__(self, db, setup: SoakSetup, number: int):
        self.db, self.setup, self.number = db, setup, number
        self.random = random.Random(number)
        self.serial = 0
        self.orders: list[int] = []
        self.requests: list[int] = []
        self.operations: Counter = Counter()
        self.refusals: Counter = Counter()
        self.defects: list[str] = []

    def one_operation(self) -> None:
        from app.domain.errors import Busy, LoyaltyError

        name = self.random.choice(OPERATIONS)
        self.serial += 1
        try:
            getattr(self, "do_" + name)(self.random.choice(self.setup.members))
            self.operations[name] += 1
        except Busy:
            self.defects.append(f"{name}: Busy after every retry")
        except LoyaltyError as exc:
            self.operations[name] += 1
            self.refusals[type(exc).__name__] += 1
        except Exception:  # noqa: BLE001 - a defect, reported with its traceback
            self.defects.append(f"{name}: {traceback.format_exc()}")

    def _uid(self) -> str:
        return f"soak-{self.number}-{self.serial}"

    def do_earn(self, member_id: int) -> None:
        from app.services import points
        from app.services.points import ServiceInput

        data = ServiceInput(
            member_id, None, self._uid(), self.setup.business_date, 20_000_00, "service",
            self._uid(),
        )  # fmt: skip
        self.orders.append(points.record_service(self.db, self.setup.clerk, data).order_id)

    def do_use(self, member_id: int) -> None:
        from app.services import points
        from app.services.points import UsePointsInput

        data = UsePointsInput(member_id, self.random.randint(1, 5), "labour", "RO-SOAK")
        points.use_points(self.db, self.setup.clerk, data)

    def do_hold(self, member_id: int) -> None:
        from app.services import points

        uid = self._uid()
        points.hold_points(self.db, self.setup.clerk, member_id, 3, "benefit", "SOAK", uid)
        points.settle_hold(self.db, self.setup.clerk, uid, self.random.random() < 0.5)

    def do_refund(self, _member_id: int) -> None:
        from app.services import points

        if self.orders:
            order = self.orders.pop(self.random.randrange(len(self.orders)))
            points.refund_service(self.db, self.setup.clerk, order, "returned")

    def do_request(self, member_id: int) -> None:
        from app.services.points import adjustments
        from app.services.points.adjustments import AdjustmentInput

        amount = self.random.choice((-4, 6))
        data = AdjustmentInput(member_id, amount, "goodwill", "soak", request_uid=self._uid())
        self.requests.append(adjustments.request_adjustment(self.db, self.setup.clerk, data).id)

    def do_direct(self, member_id: int) -> None:
        from app.services.points import adjustments
        from app.services.points.adjustments import AdjustmentInput

        data = AdjustmentInput(member_id, 5, "goodwill", "soak direct", request_uid=self._uid())
        adjustments.request_adjustment(self.db, self.setup.supervisor, data)

    def do_approve(self, _member_id: int) -> None:
        from app.services import approvals

        if self.requests:
            approvals.approve(self.db, self.setup.supervisor, self.requests.pop())

    def do_merge(self, member_id: int) -> None:
        from app.services import members, points
        from app.services.members import MemberInput
        from app.services.points import ServiceInput

        mobile = f"15{self.number}{self.serial:08d}"  # 11 digits for 8 desktops
        data = MemberInput(name="李四", mobile=mobile, privacy_consent=True)
        gone = members.register_member(self.db, self.setup.clerk, data).id
        earn = ServiceInput(gone, None, self._uid(), self.setup.business_date, 30_000_00)
        points.record_service(self.db, self.setup.clerk, earn)
        members.merge_members(self.db, self.setup.supervisor, member_id, gone, "duplicate")
