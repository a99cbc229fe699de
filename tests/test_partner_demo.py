"""The demo's partners, read through the services the screens use: a complete comparison of
medical candidates, an overridden admission, two active partners with their modes and
benefits, settlements over the last two months with a rebate reached and one missed, and
complaints (one overdue) that the demo clerk and headquarters see."""

from __future__ import annotations

import pytest
from stdnum.cn import uscc

from app.services import demo
from app.services.partners import (
    admission,
    complaints,
    cooperation,
    evaluation,
    registry,
    settlement,
)
from app.services.partners.registry import PartnerFilter
from app.services.staff import auth


@pytest.fixture
def admin(db):
    demo.build_demo(db, members=60, seed=2)
    return auth.sign_in(db, "admin", demo.DEMO_PASSWORD)


def by_code(db, actor) -> dict:
    return {row.code: row for row in registry.list_partners(db, actor)}


def test_the_registry_spans_industries_and_stages(db, admin):
    partners = by_code(db, admin)
    assert len(partners) == 8
    assert {row.industry for row in partners.values()} == {"medical", "travel", "automotive"}
    assert all(uscc.is_valid(row.credit_code) for row in partners.values())
    assert len({row.credit_code for row in partners.values()}) == 8
    assert {row.status for row in partners.values()} == {
        "candidate", "evaluating", "approved", "active",
    }  # fmt: skip
    for row in partners.values():
        history = registry.status_history(db, admin, row.id)
        assert history[0].from_status is None and history[-1].to_status == row.status


def test_the_medical_comparison_is_complete_and_ranked(db, admin):
    comparison = evaluation.compare(db, admin, "medical")
    assert comparison.enough and len(comparison.partners) == 5
    assert comparison.partners[0].code == "PT-KANGNING" and comparison.partners[0].rank == 1
    totals = [c.total_hundredths for c in comparison.partners]
    assert totals == sorted(totals, reverse=True) and len(set(totals)) > 1
    assert not evaluation.compare(db, admin, "travel").enough  # one candidate: a reason needed


def test_one_failed_admission_was_overridden_by_headquarters(db, admin):
    overridden = [row for row in by_code(db, admin).values() if row.overridden]
    assert [(row.code, row.failed_checks, row.status) for row in overridden] == [
        ("PT-ANJIA", ("age",), "approved"),
    ]  # fmt: skip
    (assessment,) = admission.admissions_of(db, admin, overridden[0].id)
    assert assessment.admitted and not assessment.passed and len(assessment.override_reason) > 10
    others = [r for r in by_code(db, admin).values() if r.admission_passed is not None]
    assert all(r.admission_passed for r in others if not r.overridden)


def test_two_active_partners_with_modes_and_benefits(db, admin):
    active = registry.list_partners(db, admin, PartnerFilter(status="active"))
    modes = {
        row.code: sorted(m.mode for m in cooperation.list_modes(db, admin, row.id))
        for row in active
    }
    assert modes == {
        "PT-KANGNING": ["bulk_purchase", "member_discount"],
        "PT-YUECHI": ["rebate"],
    }
    for row in active:
        (item,) = cooperation.partner_benefits(db, admin, row.id)
        assert (item.status, item.source, item.partner_id) == ("listed", "partner", row.id)
    assert [r.partner_code for r in cooperation.renewals_due(db, admin)] == ["PT-KANGNING"]


def test_settlements_of_the_last_two_months(db, admin):
    kangning = registry.find_partner_id(db, admin, "PT-KANGNING")
    yuechi = registry.find_partner_id(db, admin, "PT-YUECHI")
    january = {p.partner_id: p for p in settlement.settlement(db, admin, "2026-01").partners}
    february = {p.partner_id: p for p in settlement.settlement(db, admin, "2026-02").partners}
    assert (january[kangning].redemptions, january[kangning].amount_fen) == (3, 78_000)
    assert (february[kangning].redemptions, february[kangning].amount_fen) == (5, 130_000)
    assert (january[yuechi].amount_fen, january[yuechi].rebate_fen) == (90_000, 4_500)  # reached
    assert (february[yuechi].amount_fen, february[yuechi].rebate_fen) == (54_000, 0)  # missed
    write_offs = sum(
        p.write_offs
        for month in ("2026-01", "2026-02", "2026-03")
        for p in settlement.settlement(db, admin, month).partners
    )
    assert write_offs == 10  # every used voucher, by its use date


def test_complaints_one_overdue_that_the_dealer_clerk_sees(db, admin):
    clerk = auth.sign_in(db, "clerk.bja01", demo.DEMO_PASSWORD)
    rows = complaints.list_complaints(db, admin)
    assert len(rows) == 3
    assert complaints.overdue_count(db, admin) == 1 == complaints.overdue_count(db, clerk)
    (overdue,) = [row for row in rows if row.overdue]
    assert overdue.plan_late and overdue.status == "open"
    first_contact = [r for r in rows if r.status == "resolved" and r.contacts == 1]
    reported = [r for r in rows if r.source == "partner"]
    assert len(first_contact) == 1 and len(reported) == 1
    assert reported[0].reported_at is not None and not reported[0].report_late
    assert [r.id for r in complaints.list_complaints(db, clerk)] == [overdue.id]


def test_a_demo_without_members_still_has_partners(db):
    demo.build_demo(db, members=0)
    admin = auth.sign_in(db, "admin", demo.DEMO_PASSWORD)
    assert len(registry.list_partners(db, admin)) == 8
    assert settlement.settlement(db, admin, "2026-02").amount_fen == 0
