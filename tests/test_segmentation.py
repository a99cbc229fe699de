"""Value segmentation on SQLite and PostgreSQL: a fixed population whose scores and cells
were computed by hand (and by the pure reference implementation), the no-data members kept
apart, the weights each run keeps, resuming, dealer scope and the member-list filter."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select, update

from app.db.models import (
    BatchRun,
    LedgerEntry,
    Member,
    MemberSegment,
    PartnerComplaint,
    ServiceOrder,
    Vehicle,
    VehicleOwnership,
)
from app.domain import segmentation as rules
from app.domain.errors import NotFound, PermissionDenied, ValidationError
from app.domain.runs import RunStatus
from app.services import members, segmentation
from app.services.members import MemberFilter
from app.services.members.search import count_members
from app.services.shared.progress import Cancelled, Progress
from tests.partner_support import Onboarding, another_admin
from tests.test_members import register, zhang

AS_OF = date(2025, 12, 31)  # the fake clock's today is 2026-03-01: the last quarter end
NEXT = date(2026, 3, 31)
# Worked by hand, n = 4 scored (A–D). "No worse" counts per variable (ties count):
#   Y1 redeem 3,1,0,0 → 4,3,2,2   Y2 earn 5,2,1,0 → 4,3,2,1   Y3 events 2,0,1,0 → 4,2,3,2
#   Y4 complaints (fewer better) 0,1,2,0 → 4,2,1,4   Y5: A (two cars)   Y6: C (D bought)
#   X1 ¥/visit 2000,5000,none,300 → 3,4,1,2   X2 visits 2,1,0,3 → 3,2,1,4
#   X3 days since 30,213,none,11 → 3,2,1,4
# Y = (350·k1 + 250·k2 + 250·k3 + 150·k4)·1000 // 4 + 200000·(Y5 + Y6)
#   A 4000 → 1,000,000 + 200,000; B 2600 → 650,000; C 2100 → 525,000 + 200,000; D 2050
# X = (400·k1 + 300·k2 + 300·k3)·1000 // 4: A 3000, B 2800, C 1000, D 3200 (thousandths·250)
# Levels by members strictly below (low while 3·below < 4, middle while < 8):
#   Y: D 0, B 1 low; C 2 middle; A 3 high.  X: C 0, B 1 low; A 2 middle; D 3 high.
HAND = {  # name: (Y millionths, X millionths, cell)
    "A": (1_200_000, 750_000, 2),  # Y high, X middle
    "B": (650_000, 700_000, 9),  # Y low, X low
    "C": (725_000, 250_000, 6),  # Y middle, X low
    "D": (512_500, 800_000, 7),  # Y low, X high
}
_serial = iter(range(1, 10_000))


def _member(db, people, n: int) -> int:
    data = replace(zhang(), mobile=f"1390000{n:04d}", resident_id=None)
    return register(db, people.clerk, data).id


def _entry(uow, member_id, kind, on, source="service", currency="points"):
    n = next(_serial)
    uow.session.add(LedgerEntry(
        entry_uid=f"seg-{n}", fingerprint=f"fp-{n}", member_id=member_id, currency=currency,
        kind=kind, source=source, amount=10 if kind == "earn" else -10, business_date=on,
        posted_at=datetime(2026, 1, 1, tzinfo=UTC), actor="test",
    ))  # fmt: skip


def _service(uow, dealer_id, member_id, on, fen, refunded=False):
    uow.session.add(ServiceOrder(
        dealer_id=dealer_id, document_no=f"RO-{next(_serial)}", kind="repair",
        member_id=member_id, service_date=on, amount_fen=fen,
        refunded_at=datetime(2026, 1, 2, tzinfo=UTC) if refunded else None,
    ))  # fmt: skip


def _complaint(uow, partner_id, member_id, received):
    uow.session.add(PartnerComplaint(
        partner_id=partner_id, member_id=member_id, source="member", summary="投诉",
        received_at=received, plan_due_at=received, status="open", created_by="test",
        created_at=received, updated_at=received,
    ))  # fmt: skip


def _car(uow, member_id, bought):
    n = next(_serial)
    vehicle = Vehicle(vin=f"LSEG{n:013d}", member_id=member_id, model="X", purchase_date=bought)
    uow.session.add(vehicle)
    uow.session.flush()
    uow.session.add(VehicleOwnership(
        vehicle_id=vehicle.id, member_id=member_id, owned_from=bought, recorded_by="test",
        recorded_at=datetime(2026, 1, 1, tzinfo=UTC),
    ))  # fmt: skip


@pytest.fixture
def population(db, people):
    """A–D scored, E only outside the window and F only a refunded service: no data."""
    ids = {name: _member(db, people, n) for n, name in enumerate("ABCDEF", start=1)}
    partner = Onboarding(db, people.admin, another_admin(db, people.admin, "hq2")).candidate()
    a, b, c, d, e, f = (ids[k] for k in "ABCDEF")
    dealer = people.dealer_id
    with db.uow() as uow:
        for _ in range(3):
            _entry(uow, a, "redeem", date(2025, 5, 1))
        for source in ("service", "service", "service", "sign_in", "sign_in"):
            _entry(uow, a, "earn", date(2025, 7, 1), source)
        _entry(uow, a, "earn", date(2026, 1, 15))  # after the as-of date: not counted
        _entry(uow, a, "earn", date(2025, 7, 1), currency="qualifying")  # not counted
        _service(uow, dealer, a, date(2025, 3, 1), 100_000)
        _service(uow, dealer, a, date(2025, 12, 1), 300_000)
        _car(uow, a, date(2020, 1, 1))
        _car(uow, a, date(2024, 1, 1))  # two cars: Y5
        _entry(uow, b, "redeem", date(2025, 2, 1))
        _entry(uow, b, "earn", date(2025, 2, 1))
        _entry(uow, b, "earn", date(2025, 3, 1))
        _complaint(uow, partner, b, datetime(2025, 8, 1, 3, tzinfo=UTC))
        _complaint(uow, partner, b, datetime(2024, 8, 1, 3, tzinfo=UTC))  # before the window
        _service(uow, dealer, b, date(2025, 6, 1), 500_000)
        _entry(uow, c, "earn", date(2025, 9, 1), "share")
        _complaint(uow, partner, c, datetime(2025, 9, 1, 3, tzinfo=UTC))
        _complaint(uow, partner, c, datetime(2025, 10, 1, 3, tzinfo=UTC))
        _service(uow, dealer, d, date(2025, 1, 10), 30_000)
        _service(uow, dealer, d, date(2025, 4, 10), 30_000)
        _service(uow, dealer, d, date(2025, 12, 20), 30_000)
        _car(uow, d, date(2025, 5, 1))  # D bought a car, referred by C: Y6 for C
        uow.session.execute(update(Member).where(Member.id == d).values(referrer_id=c))
        _entry(uow, e, "earn", date(2024, 6, 1))  # outside the window
        _service(uow, dealer, f, date(2025, 6, 1), 90_000, refunded=True)
        uow.commit()
    return ids


def _stored(db, run_id) -> dict[int, tuple]:
    with db.reader() as uow:
        rows = uow.session.execute(
            select(MemberSegment.member_id, MemberSegment.y_score, MemberSegment.x_score,
                   MemberSegment.cell).where(MemberSegment.run_id == run_id)
        )  # fmt: skip
        return {m: (y, x, cell) for m, y, x, cell in rows}


def _reference() -> dict[str, tuple]:
    """The pure implementation on the same facts (X3 as days since the last service)."""
    facts = {
        "A": ({"Y1": 3, "Y2": 5, "Y3": 2, "Y4": 0, "X1": 2000.0, "X2": 2, "X3": 30}, True, False),
        "B": ({"Y1": 1, "Y2": 2, "Y3": 0, "Y4": 1, "X1": 5000.0, "X2": 1, "X3": 213}, False, False),
        "C": ({"Y1": 0, "Y2": 1, "Y3": 1, "Y4": 2, "X1": None, "X2": 0, "X3": None}, False, True),
        "D": ({"Y1": 0, "Y2": 0, "Y3": 0, "Y4": 0, "X1": 300.0, "X2": 3, "X3": 11}, False, False),
    }  # fmt: skip
    data = [
        rules.MemberData(i, values, {"Y5": y5, "Y6": y6})
        for i, (values, y5, y6) in enumerate(facts.values())
    ]
    scored = rules.reference_scores(data, rules.Weights())
    return {name: (s.y, s.x, s.cell) for name, s in zip(facts, scored, strict=True)}


def test_the_reference_implementation_agrees_with_the_hand_values():
    assert _reference() == HAND


def test_a_run_scores_the_population_as_computed_by_hand(db, people, population):
    preview = segmentation.preview_segmentation(db, people.admin, AS_OF)
    assert preview.status == RunStatus.PREVIEWED
    assert preview.preview == {
        "cell_1": 0, "cell_2": 1, "cell_3": 0, "cell_4": 0, "cell_5": 0, "cell_6": 1,
        "cell_7": 1, "cell_8": 0, "cell_9": 1, "no_data": 2, "members": 6,
    }  # fmt: skip
    assert _stored(db, preview.id) == {}  # a preview changes nothing
    run = segmentation.commit_segmentation(db, people.admin, AS_OF)
    assert run.status == RunStatus.COMMITTED
    assert run.counts == preview.preview
    stored = _stored(db, run.id)
    ids = population
    assert {name: stored[ids[name]] for name in "ABCD"} == HAND
    assert stored[ids["E"]] == (None, None, None)  # no data: apart, never "low"
    assert stored[ids["F"]] == (None, None, None)
    assert run.policy["weights"] == rules.Weights().as_json()
    assert run.policy["window_start"] == "2025-01-01"

    grid = segmentation.cells(db, people.auditor, run.id)
    assert grid.counts == {1: 0, 2: 1, 3: 0, 4: 0, 5: 0, 6: 1, 7: 1, 8: 0, 9: 1}
    assert grid.no_data == 2
    assert grid.percent(2) == 25.0 and grid.percent(1) == 0.0
    listed = segmentation.members_in_cell(db, people.admin, run.id, 9)
    assert [(m.member_id, m.y, m.x) for m in listed] == [(ids["B"], 0.65, 0.7)]
    apart = segmentation.members_in_cell(db, people.admin, run.id, None)
    assert [m.member_id for m in apart] == [ids["E"], ids["F"]]
    cell = segmentation.member_cell(db, people.clerk, ids["A"])
    assert (cell.run_id, cell.as_of, cell.cell) == (run.id, AS_OF, 2)
    assert segmentation.member_cell(db, people.clerk, ids["E"]).cell is None


def test_each_run_keeps_the_weights_it_used(db, people, population, clock):
    first = segmentation.commit_segmentation(db, people.admin, AS_OF)
    changed = dict(rules.DEFAULT_WEIGHTS, Y4=0.0, X3=0.0)
    segmentation.save_weights(db, people.admin, date(2026, 3, 2), changed, note="试行")
    clock.advance(days=31)  # 2026-04-01: the next quarter end is past
    second = segmentation.commit_segmentation(db, people.admin, NEXT)
    assert first.policy["weights"]["weights"] == rules.DEFAULT_WEIGHTS
    assert second.policy["weights"]["weights"] == changed
    # a committed run is never run again, whatever the weights now
    again = segmentation.commit_segmentation(db, people.admin, AS_OF)
    assert again.repeated and again.policy == first.policy
    with pytest.raises(ValidationError):
        segmentation.save_weights(db, people.admin, date(2026, 5, 1), dict(changed, Y1=1.5))


def test_the_migration_matrix_counts_moves_new_and_left(db, people, population, clock):
    ids = population
    first = segmentation.commit_segmentation(db, people.admin, AS_OF)
    with db.uow() as uow:  # E comes back in the new window; B is closed
        _entry(uow, ids["E"], "earn", date(2026, 2, 1))
        uow.session.execute(update(Member).where(Member.id == ids["B"]).values(status="closed"))
        uow.commit()
    clock.advance(days=31)
    second = segmentation.commit_segmentation(db, people.admin, NEXT)
    now = _stored(db, second.id)
    matrix = segmentation.migration(db, people.auditor, second.id, first.id)
    # expected from the stored cells themselves, by hand: B left, E is new
    assert ids["B"] not in now
    assert sum(matrix.new) == 1 and matrix.new[now[ids["E"]][2] - 1] == 1
    assert matrix.left == (0, 0, 0, 0, 0, 0, 0, 0, 1)
    moved = sum(sum(row) for row in matrix.counts)
    assert moved == 3  # A, C, D scored in both runs
    for name in "ACD":
        before, after = HAND[name][2], now[ids[name]][2]
        assert matrix.counts[before - 1][after - 1] >= 1
    assert matrix.share(9, 1) == 0.0 and matrix.left_share(9) == 100.0
    assert segmentation.previous_run(db, people.admin, second.id).id == first.id


class _StopAfter(Progress):
    def __init__(self, batches: int):
        self.left = batches

    def report(self, done, total, what=""):  # noqa: ARG002
        if done >= self.left:
            raise Cancelled()


def test_a_cancelled_run_resumes_where_it_stopped(db, people, population, monkeypatch):
    monkeypatch.setattr(
        segmentation.run, "SEGMENTATION", replace(segmentation.SEGMENTATION, batch_size=2)
    )
    with pytest.raises(Cancelled):
        segmentation.run.commit_segmentation(db, people.admin, AS_OF, progress=_StopAfter(1))
    with db.reader() as uow:
        stopped = uow.session.scalars(select(BatchRun)).one()
        assert stopped.status == RunStatus.CANCELLED
        done_first = len(_stored(db, stopped.id))
    assert done_first == 2
    run = segmentation.run.commit_segmentation(db, people.admin, AS_OF)
    assert run.status == RunStatus.COMMITTED and run.batches == 3
    stored = _stored(db, run.id)
    assert {name: stored[population[name]] for name in "ABCD"} == HAND


def test_dealer_staff_see_only_their_dealers_members(db, people, population):
    from app.services import staff

    run = segmentation.commit_segmentation(db, people.admin, AS_OF)
    other = staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海浦东服务中心", "华东", "上海市", "上海市")
    )
    with db.uow() as uow:
        uow.session.execute(
            update(Member).where(Member.id == population["B"]).values(dealer_id=other.id)
        )
        uow.commit()
    assert segmentation.members_in_cell(db, people.supervisor, run.id, 9) == []
    assert segmentation.cells(db, people.supervisor, run.id).counts[9] == 0
    assert segmentation.cells(db, people.admin, run.id).counts[9] == 1
    assert [m.member_id for m in segmentation.members_in_cell(db, people.auditor, run.id, 9)] == [
        population["B"]
    ]
    with pytest.raises(PermissionDenied):
        segmentation.cells(db, people.clerk, run.id)  # no VIEW_REPORTS
    with pytest.raises(PermissionDenied):
        segmentation.preview_segmentation(db, people.supervisor, NEXT)  # a dealer's supervisor
    with pytest.raises(NotFound):
        segmentation.cells(db, people.admin, 999_999)


def test_masked_lists_and_an_audited_export(db, people, population, tmp_path):
    from openpyxl import load_workbook

    run = segmentation.commit_segmentation(db, people.admin, AS_OF)
    [masked] = segmentation.members_in_cell(db, people.auditor, run.id, 2)
    assert masked.masked and masked.mobile != "13900000001"
    path = tmp_path / "cell2.xlsx"
    assert segmentation.export_cell(db, people.auditor, run.id, 2, path) == 1
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("会员号", "姓名", "手机号")
    assert rows[1][2] == masked.mobile and rows[1][4] == "高情感·中物质 (2)"
    with pytest.raises(ValidationError):
        segmentation.members_in_cell(db, people.admin, run.id, 10)


def test_the_member_list_filters_on_the_latest_cell(db, people, population):
    ids = population
    assert members.search(db, people.clerk, MemberFilter(segment_cell=2)) == []  # no run yet
    segmentation.commit_segmentation(db, people.admin, AS_OF)

    def found(cell):
        return [r.id for r in members.search(db, people.clerk, MemberFilter(segment_cell=cell))]

    assert found(2) == [ids["A"]]
    assert found(6) == [ids["C"]]
    assert found(1) == []
    assert sorted(found(0)) == sorted([ids["E"], ids["F"]])
    assert len(found(None)) == 6
    assert count_members(db, people.clerk, MemberFilter(segment_cell=9)) == 1


def test_only_quarter_ends_up_to_today(db, people, population):
    with pytest.raises(ValidationError):
        segmentation.preview_segmentation(db, people.admin, date(2025, 12, 30))
    with pytest.raises(ValidationError):
        segmentation.preview_segmentation(db, people.admin, NEXT)  # not yet
    assert segmentation.due_quarter_end(db) == AS_OF
