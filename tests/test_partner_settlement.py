"""The monthly partner settlement on SQLite and PostgreSQL, reconciled with the vouchers
themselves: redemptions billed by issue date (cancelled ones left out), write-offs by use
date, only the partner's own benefits, the rebate at the end of its period; also the
contract renewal reminders and the partner's benefits in the catalog."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.db.models import Benefit, Voucher
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.services import approvals, benefits
from app.services.benefits import ItemInput, RedeemInput
from app.services.partners import cooperation, registry, settlement
from tests.partner_support import TODAY, Onboarding, a_mode, another_admin
from tests.test_benefits import give_points
from tests.test_members import register

REBATE = a_mode(mode="rebate", terms={"target_fen": 14_000, "rebate_permille": 50,
                                      "rebate_period": "quarter"})  # fmt: skip


def partner_item(code: str, unit_cost_fen: int, **changes) -> ItemInput:
    values = dict(code=code, name=f"{code} 体检套餐", channel="redemption", source="partner",
                  category="voucher", face_value_fen=10_000, unit_cost_fen=unit_cost_fen,
                  points_price=100)  # fmt: skip
    values.update(changes)
    return ItemInput(**values)


@dataclass
class Scene:
    db: object
    people: object
    flow: Onboarding
    member_id: int

    def listed(self, partner_id: int | None, code: str, unit_cost_fen: int) -> int:
        admin = self.people.admin
        if partner_id is None:  # a dealer's own benefit
            item = partner_item(code, unit_cost_fen, source="dealer")
            row = benefits.create_item(self.db, admin, item)
        else:
            row = cooperation.create_partner_benefit(
                self.db, admin, partner_id, partner_item(code, unit_cost_fen)
            )
        request = benefits.submit_for_listing(self.db, admin, row.id, "上架")
        approvals.approve(self.db, self.flow.approver, request.id)
        return row.id

    def redeem(self, benefit_id: int, times: int = 1) -> list:
        clerk = self.people.clerk
        return [
            benefits.redeem(self.db, clerk, RedeemInput(self.member_id, benefit_id))
            for _ in range(times)
        ]

    def write_off(self, voucher) -> None:
        benefits.write_off(self.db, self.people.clerk, voucher.code)


@pytest.fixture
def scene(db, people) -> Scene:
    flow = Onboarding(db, people.admin, another_admin(db, people.admin, "hq2"))
    member_id = register(db, people.clerk).id
    give_points(db, member_id, 100_000)
    return Scene(db, people, flow, member_id)


def expected(db, partner_id: int, month: str) -> dict:
    """Straight from the vouchers, in Python: per benefit, billed redemptions (issued in the
    month, not cancelled), write-offs (used in the month) and the amount."""
    year, number = (int(part) for part in month.split("-"))
    with db.reader() as uow:
        rows = uow.session.execute(
            select(Voucher.benefit_id, Voucher.status, Voucher.issued_on, Voucher.used_on,
                   Voucher.unit_cost_fen)
            .join(Benefit, Benefit.id == Voucher.benefit_id)
            .where(Benefit.partner_id == partner_id)
        ).all()  # fmt: skip

    def in_month(day):
        return day is not None and (day.year, day.month) == (year, number)

    figures: dict[int, list[int]] = {}
    for benefit_id, status, issued_on, used_on, cost in rows:
        line = figures.setdefault(benefit_id, [0, 0, 0])
        if in_month(issued_on) and status != "cancelled":
            line[0] += 1
            line[2] += cost
        if in_month(used_on):
            line[1] += 1
    return {k: tuple(v) for k, v in figures.items() if any(v)}


def statement_of(db, actor, month: str, partner_id: int) -> settlement.PartnerSettlement:
    (statement,) = settlement.settlement(db, actor, month, partner_id).partners
    return statement


def lines_of(statement) -> dict:
    return {
        line.benefit_id: (line.redemptions, line.write_offs, line.amount_fen)
        for line in statement.lines
    }


def test_the_statement_reconciles_with_the_vouchers(db, people, scene, clock):
    ours = scene.flow.active(1, mode=REBATE)
    theirs = scene.flow.active(2)
    checkup = scene.listed(ours, "MEINIAN-CHK", 3_000)
    dental = scene.listed(ours, "MEINIAN-DENT", 5_000)
    other = scene.listed(theirs, "RUIER-CLEAN", 4_000)
    own = scene.listed(None, "WASH", 2_000)  # not a partner's
    march = scene.redeem(checkup, 3) + scene.redeem(dental) + scene.redeem(other, 2)
    scene.redeem(own, 2)
    scene.write_off(march[0])
    benefits.cancel_voucher(db, people.clerk, march[1].id, "客户取消")
    clock.now = clock.now.replace(day=31)  # 31 March
    (month_end,) = scene.redeem(checkup)
    clock.now += timedelta(days=1)  # 1 April
    scene.write_off(month_end)  # used in April, billed in March
    (april,) = scene.redeem(checkup)
    scene.write_off(march[2])

    march_ours = statement_of(db, people.auditor, "2026-03", ours)
    assert lines_of(march_ours) == expected(db, ours, "2026-03")
    assert lines_of(march_ours) == {checkup: (3, 1, 9_000), dental: (1, 0, 5_000)}
    assert (march_ours.redemptions, march_ours.write_offs, march_ours.amount_fen) == (4, 1, 14_000)
    april_ours = statement_of(db, people.auditor, "2026-04", ours)
    assert lines_of(april_ours) == expected(db, ours, "2026-04") == {checkup: (1, 2, 3_000)}
    assert lines_of(statement_of(db, people.admin, "2026-03", theirs)) == {other: (2, 0, 8_000)}
    assert expected(db, ours, "2026-02") == {}
    assert statement_of(db, people.admin, "2026-02", ours).lines == ()
    assert april.status == "issued"

    for dealer_staff in (people.clerk, people.supervisor):
        with pytest.raises(PermissionDenied):
            settlement.settlement(db, dealer_staff, "2026-03")
    with pytest.raises(NotFound):
        settlement.settlement(db, people.admin, "2026-03", 999_999)
    everyone = settlement.settlement(db, people.auditor, "2026-03")
    assert [p.partner_code for p in everyone.partners] == ["P001", "P002"]
    assert everyone.amount_fen == 14_000 + 8_000
    assert everyone.total_fen == everyone.amount_fen - everyone.rebate_fen
    all_benefits = {line.benefit_id for p in everyone.partners for line in p.lines}
    assert own not in all_benefits


def test_a_unit_cost_changed_mid_month_gives_a_line_per_cost(db, people, scene):
    ours = scene.flow.active(1)
    checkup = scene.listed(ours, "MEINIAN-CHK", 3_000)
    scene.redeem(checkup, 2)
    with db.uow() as uow:  # the contract was renegotiated
        uow.session.get(Benefit, checkup).unit_cost_fen = 2_500
        uow.commit()
    scene.redeem(checkup)
    statement = statement_of(db, people.admin, "2026-03", ours)
    assert [(line.unit_cost_fen, line.redemptions) for line in statement.lines] == [
        (2_500, 1), (3_000, 2),
    ]  # fmt: skip
    assert statement.amount_fen == sum(v[2] for v in expected(db, ours, "2026-03").values())


def test_the_rebate_is_paid_when_the_quarter_ends_at_the_target(db, people, scene, clock):
    ours = scene.flow.active(1, mode=REBATE)
    checkup = scene.listed(ours, "MEINIAN-CHK", 3_500)
    scene.redeem(checkup, 4)  # 14,000 fen: exactly the quarter's target
    statement = statement_of(db, people.admin, "2026-03", ours)
    (rebate,) = statement.rebates
    assert (rebate.period, rebate.months) == ("quarter", ("2026-01", "2026-02", "2026-03"))
    assert (rebate.period_amount_fen, rebate.target_fen, rebate.rebate_fen) == (14_000, 14_000, 700)
    assert (statement.rebate_fen, statement.total_fen) == (700, 13_300)

    (mode,) = cooperation.list_modes(db, people.admin, ours)
    short = replace(REBATE, terms=dict(REBATE.terms, target_fen=14_001))
    cooperation.save_mode(db, people.admin, ours, short, mode.id)
    missed = statement_of(db, people.admin, "2026-03", ours)
    assert (missed.rebates[0].period_amount_fen, missed.rebate_fen, missed.total_fen) == (
        14_000, 0, 14_000,
    )  # fmt: skip


def test_no_rebate_before_the_period_ends(db, people, scene, clock):
    ours = scene.flow.active(1, mode=replace(REBATE, terms=dict(REBATE.terms, target_fen=1)))
    checkup = scene.listed(ours, "MEINIAN-CHK", 3_000)
    clock.now = clock.now.replace(month=4, day=15)
    scene.redeem(checkup, 2)
    (rebate,) = statement_of(db, people.admin, "2026-04", ours).rebates
    assert (rebate.months, rebate.period_amount_fen, rebate.rebate_fen) == (("2026-04",), 6_000, 0)
    clock.now = clock.now.replace(month=6, day=30)
    scene.redeem(checkup)
    (june,) = statement_of(db, people.admin, "2026-06", ours).rebates
    assert (june.period_amount_fen, june.rebate_fen) == (9_000, 450)  # April to June


def test_cancelled_vouchers_drop_out_of_a_statement_made_again(db, people, scene):
    ours = scene.flow.active(1)
    checkup = scene.listed(ours, "MEINIAN-CHK", 3_000)
    first, second = scene.redeem(checkup, 2)
    assert statement_of(db, people.admin, "2026-03", ours).amount_fen == 6_000
    benefits.cancel_voucher(db, people.clerk, second.id, "重复兑换")
    again = statement_of(db, people.admin, "2026-03", ours)
    assert (again.redemptions, again.amount_fen) == (1, 3_000)
    assert lines_of(again) == expected(db, ours, "2026-03")


def test_which_partners_the_settlement_lists(db, people, scene):
    active = scene.flow.active(1)
    approved = scene.flow.approved(2)
    scene.listed(approved, "RUIER-CLEAN", 4_000)
    scene.flow.candidate(3)
    everyone = settlement.settlement(db, people.admin, "2026-03")
    assert [(p.partner_id, p.amount_fen) for p in everyone.partners] == [(active, 0), (approved, 0)]
    assert everyone.partners[0].payment == ("postpaid",)
    with pytest.raises(ValidationError):
        settlement.settlement(db, people.admin, "2026-3")


# --- renewals and the partner's benefits ---------------------------------------------------------


def test_renewals_due_within_the_reminder_days(db, people, scene):
    ours = scene.flow.active(1)  # its contract ends on 31 December
    soon = cooperation.save_mode(db, people.admin, ours, a_mode(
        mode="concierge", terms={"service_scope": "机场贵宾厅"},
        contract_end=TODAY + timedelta(days=60)))  # fmt: skip
    later = cooperation.save_mode(db, people.admin, ours, a_mode(
        mode="free_quota", terms={"quota": 50, "quota_period": "month"},
        contract_end=TODAY + timedelta(days=61)))  # fmt: skip
    ended = cooperation.save_mode(db, people.admin, ours, a_mode(
        mode="joint_membership", terms={"joint_programme": "航空里程"},
        contract_end=TODAY + timedelta(days=3)))  # fmt: skip
    cooperation.end_mode(db, people.admin, ended.id, "提前解约")
    due = cooperation.renewals_due(db, people.clerk)
    assert [(r.mode_id, r.days_left, r.partner_code) for r in due] == [(soon.id, 60, "P001")]
    modes = {m.id: m for m in cooperation.list_modes(db, people.admin, ours)}
    assert (modes[soon.id].renewal_due, modes[later.id].renewal_due) == (True, False)
    assert modes[ended.id].active is False and modes[ended.id].renewal_due is False
    registry.change_status(db, people.admin, ours, "terminated", "终止合作")
    assert cooperation.renewals_due(db, people.admin) == []


@pytest.mark.parametrize("stage", ["candidate", "evaluating", "terminated"])
def test_only_an_admitted_partner_supplies_benefits(db, people, scene, stage):
    partner_id = (scene.flow.evaluating if stage == "evaluating" else scene.flow.candidate)()
    if stage == "terminated":
        registry.change_status(db, people.admin, partner_id, "terminated", "放弃")
    with pytest.raises(Conflict):
        cooperation.create_partner_benefit(db, people.admin, partner_id, partner_item("X1", 100))
    assert cooperation.partner_benefits(db, people.admin, partner_id) == []


def test_an_admitted_partners_benefit_is_a_draft_of_the_partner(db, people, scene):
    approved = scene.flow.approved(1)
    row = cooperation.create_partner_benefit(
        db, people.admin, approved, partner_item("MEINIAN-CHK", 3_000, source="dealer")
    )
    assert (row.source, row.partner_id, row.status) == ("partner", approved, "draft")
    assert [b.code for b in cooperation.partner_benefits(db, people.clerk, approved)] == [
        "MEINIAN-CHK"
    ]
    with pytest.raises(PermissionDenied):
        cooperation.create_partner_benefit(db, people.supervisor, approved,
                                           partner_item("MEINIAN-2", 3_000))  # fmt: skip


def test_modes_are_kept_by_headquarters_only(db, people, scene):
    partner_id = scene.flow.approved(1)
    with pytest.raises(PermissionDenied):
        cooperation.save_mode(db, people.clerk, partner_id, a_mode())
    row = cooperation.save_mode(db, people.admin, partner_id, a_mode())
    with pytest.raises(PermissionDenied):
        cooperation.end_mode(db, people.supervisor, row.id, "x")
    with pytest.raises(ValidationError):
        cooperation.end_mode(db, people.admin, row.id, "")
    cooperation.end_mode(db, people.admin, row.id, "解约")
    with pytest.raises(Conflict):
        cooperation.end_mode(db, people.admin, row.id, "解约")
    assert date(2026, 12, 31) == row.contract_end


def test_terminating_a_partner_delists_its_benefits_and_keeps_vouchers(db, people, scene):
    partner_id = scene.flow.active(1)
    ours = scene.listed(partner_id, "P-SPA", 12_000)
    own = scene.listed(None, "D-WASH", 3_000)
    voucher = scene.redeem(ours)[0]
    registry.change_status(db, people.admin, partner_id, "terminated", "合同终止")
    assert benefits.get_item(db, people.admin, ours).status == "delisted"
    assert benefits.get_item(db, people.admin, own).status == "listed"
    assert benefits.get_voucher(db, people.clerk, voucher.id).status == "issued"
    benefits.write_off(db, people.clerk, voucher.code)  # still honoured
