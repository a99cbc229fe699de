"""The monthly report's figures on SQLite and PostgreSQL against a small fixed dataset
whose figures are worked out by hand below (not by calling the report's code), and the
dealer-scope refusals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from fractions import Fraction

import pytest
from sqlalchemy import insert, update

from app.db.models import BatchRun, LedgerEntry, Member, MemberSegment, PointsAccount, ServiceOrder
from app.domain.errors import NotFound, PermissionDenied, ValidationError
from app.services import approvals, benefits, members, staff
from app.services.benefits import RedeemInput
from app.services.points import ledger
from app.services.points.adjustments import AdjustmentInput, request_adjustment
from app.services.points.ledger import Posting
from app.services.reports.monthly import monthly_report
from app.services.settings.programme import read_settings, update_settings
from app.services.shared.progress import Progress
from app.services.tiers import requests as tier_requests
from tests.test_benefits import item, second_admin
from tests.test_members import zhang

MONTH = "2026-02"


def at(clock, day: date, hour: int = 2) -> None:
    """Move the fake clock to ``day`` (02:00 UTC is 10:00 in Shanghai: the same date)."""
    clock.now = datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


def post(db, uid, member_id, kind, source, amount, on):
    with db.uow() as uow:
        entry = ledger.post(
            uow,
            read_settings(uow),
            Posting(uid, member_id, "points", kind, source, amount, on, "t"),
        )
        uow.commit()
        return entry.id


def reverse(db, entry_id: int, uid: str, on: date) -> None:
    with db.uow() as uow:
        original = ledger.get_entry(uow, entry_id)
        ledger.reverse(uow, read_settings(uow), original, uid, "t", on)
        uow.commit()


@dataclass
class Data:
    ids: dict[str, int]
    other_dealer: int


def person(n: int, **changes):
    mobile = f"139 0000 {n:04d}"
    return zhang(name=f"会员{'甲乙丙丁戊'[n - 1]}", mobile=mobile, resident_id=None, **changes)


@pytest.fixture
def data(db, people, clock) -> Data:
    """Five members, two dealers in two regions; the month is February 2026.

    M1 (dealer 1, joined 2025-06-01): 1000 service points then; in February 500 service
       points (02-03), 200 offset at the counter (02-04), 100 expired (02-10), +30 approved
       adjustment (02-12), upgraded silver → gold by a manual request (02-12); 70 points on
       03-01 (after the month).
    M2 (dealer 1, joined 2026-01-10): 1 sign-in point then; in February 10 sign-in, 300
       initial, 4 share points; redeems a 100-point voucher (02-15), written off 02-16.
    M3 (dealer 2, joined 2026-02-05): 800 purchase + 50 major-event points, the 50 reversed.
    M4 (dealer 2, joined 2024-01-01): nothing ever (lost).
    M5 (dealer 1, joined 2025-12-01): closed on 02-20.
    """
    admin, clerk, supervisor = people.admin, people.clerk, people.supervisor
    other = staff.save_dealer(
        db, admin, staff.DealerInput("SHA01", "上海浦东服务中心", "华东", "上海市", "上海市")
    )
    ids: dict[str, int] = {}
    joined = {
        "m4": date(2024, 1, 1),
        "m1": date(2025, 6, 1),
        "m5": date(2025, 12, 1),
        "m2": date(2026, 1, 10),
        "m3": date(2026, 2, 5),
    }
    for n, (key, day) in enumerate(joined.items(), start=1):
        at(clock, day)
        ids[key] = members.register_member(db, clerk, person(n), ()).id
    with db.uow() as uow:
        uow.session.execute(
            update(Member).where(Member.id.in_([ids["m3"], ids["m4"]])).values(dealer_id=other.id)
        )
        uow.commit()
    post(db, "m1-a", ids["m1"], "earn", "service", 1000, date(2025, 6, 1))
    post(db, "m2-a", ids["m2"], "earn", "sign_in", 1, date(2026, 1, 10))
    post(db, "m1-b", ids["m1"], "earn", "service", 500, date(2026, 2, 3))
    post(db, "m1-c", ids["m1"], "redeem", "labour", -200, date(2026, 2, 4))
    post(db, "m2-b", ids["m2"], "earn", "sign_in", 10, date(2026, 2, 6))
    post(db, "m2-c", ids["m2"], "earn", "initial", 300, date(2026, 2, 6))
    post(db, "m2-d", ids["m2"], "earn", "share", 4, date(2026, 2, 7))
    post(db, "m3-a", ids["m3"], "earn", "purchase", 800, date(2026, 2, 8))
    event = post(db, "m3-b", ids["m3"], "earn", "major_event", 50, date(2026, 2, 8))
    post(db, "m1-d", ids["m1"], "expire", "expiry", -100, date(2026, 2, 10))
    reverse(db, event, "m3-c", date(2026, 2, 9))
    at(clock, date(2026, 2, 12), hour=1)
    adjustment = request_adjustment(db, clerk, AdjustmentInput(ids["m1"], 30, "goodwill", "x"))
    tier = tier_requests.request_manual_tier(
        db, clerk,
        tier_requests.ManualTierInput(ids["m1"], "gold", "vip", date(2027, 12, 31), "VIP"),
    )  # fmt: skip
    at(clock, date(2026, 2, 12), hour=4)  # decided 3 hours later
    approvals.approve(db, supervisor, adjustment.id)
    at(clock, date(2026, 2, 12), hour=7)  # decided 6 hours later
    approvals.approve(db, supervisor, tier.id)
    second = second_admin(db, people)
    row = benefits.create_item(db, admin, item(points_price=100, unit_cost_fen=3_000))
    request = benefits.submit_for_listing(db, admin, row.id, "上架")
    approvals.approve(db, second, request.id, "ok")
    at(clock, date(2026, 2, 15))
    voucher = benefits.redeem(db, clerk, RedeemInput(ids["m2"], row.id))
    at(clock, date(2026, 2, 16))
    benefits.write_off(db, clerk, voucher.code)
    at(clock, date(2026, 2, 20))
    members.change_status(db, supervisor, ids["m5"], "closed", "本人申请注销")
    post(db, "m1-e", ids["m1"], "earn", "service", 70, date(2026, 3, 1))
    at(clock, date(2026, 3, 2))
    return Data(ids, other.id)


def by_code(rows) -> dict[str, int]:
    return {row.code: row.count for row in rows}


def test_network_report_figures(db, people, data):
    report = monthly_report(db, people.admin, MONTH)
    assert report.checks == ()
    assert (report.scope.kind, report.scope.first_day, report.scope.last_day) == (
        "network",
        date(2026, 2, 1),
        date(2026, 2, 28),
    )
    m = report.members
    assert (m.total, m.closed_total, m.new, m.closed) == (5, 1, 1, 1)
    # lifecycle as of 02-28 (180/365/730 days): M1 last 02-04, M2 02-15 (voucher), M3 02-08
    # active; M4 joined 2024-01-01, 789 days: lost. The day before: M1's last was
    # 2025-06-01 (244 days: silent), M2 active, M4 lost (761 days); M3 had not joined.
    assert by_code(m.stages) == {"active": 3, "silent": 0, "sleeping": 0, "lost": 1}
    assert by_code(m.stages_before) == {"active": 1, "silent": 1, "sleeping": 0, "lost": 1}
    changes = {(c.from_stage, c.to_stage): c.count for c in m.stage_changes}
    assert changes == {("silent", "active"): 1, ("active", "active"): 1,
                       (None, "active"): 1, ("lost", "lost"): 1}  # fmt: skip
    assert by_code(m.by_dealer) == {"BJA01": 2, "SHA01": 2}
    assert by_code(m.by_tier) == {"gold": 1, "silver": 3}
    p = report.points
    assert p.opening == 1000 + 1
    assert (p.earned_consumption, p.earned_activity, p.earned_initial, p.earned_other) == (
        500 + 800,
        10 + 4 + 50,
        300,
        0,
    )
    assert (p.offset, p.redeemed, p.expired, p.adjusted, p.reversed) == (200, 100, 100, 30, 50)
    closing = 1001 + 1664 - 200 - 100 - 100 + 30 - 50
    assert p.closing == closing == 2245 and p.identity_ok and p.identity_difference == 0
    assert p.liability_fen == 2245 * 100 // 10  # 10 points a yuan: ¥224.50
    h = report.health
    assert (h.accumulation.numerator, h.accumulation.denominator) == (3, 3)
    assert h.redemption.value == Fraction(300, 1664)
    assert h.redemption.reference == Fraction(40, 100)
    assert h.accumulation.reference == Fraction(80, 100)
    moves = {(x.from_code, x.to_code): x.count for x in report.tiers.moves}
    assert moves == {("silver", "gold"): 1}
    grid = {(c.tier_code, c.stage): c.count for c in report.tiers.activity_grid if c.count}
    assert grid == {("gold", "active"): 1, ("silver", "active"): 2, ("silver", "lost"): 1}
    b = report.benefits
    assert (b.redemptions, b.write_offs, b.cost_fen) == (1, 1, 3_000)
    assert [(r.points, r.redemptions) for r in b.by_benefit] == [(100, 1)]
    kinds = {r.kind: r for r in report.approvals.by_kind}
    assert {
        k: (r.requested, r.approved, r.median_hours)
        for k, r in kinds.items()
        if k != "benefit_listing"
    } == {"points_adjustment": (1, 1, Fraction(3)), "tier_manual": (1, 1, Fraction(6))}
    dealers = {r.code: r for r in report.dealers.rows}
    assert (dealers["SHA01"].new_members, dealers["SHA01"].points_earned) == (1, 850)
    assert (dealers["BJA01"].new_members, dealers["BJA01"].points_earned) == (0, 814)
    assert dealers["BJA01"].redemptions == 1 and dealers["SHA01"].rank == 1
    assert report.partners.available


def test_dealer_scope_counts_only_its_members(db, people, data):
    report = monthly_report(db, people.admin, MONTH, dealer_id=data.other_dealer)
    assert report.scope.kind == "dealer" and report.scope.dealer_code == "SHA01"
    assert (report.members.total, report.members.new) == (2, 1)
    p = report.points
    assert (p.opening, p.earned, p.reversed, p.closing) == (0, 850, 50, 800)
    assert report.checks == () and not report.partners.available
    region = monthly_report(db, people.admin, MONTH, region="华北")
    assert region.points.closing == 2245 - 800


def test_dealer_staff_see_only_their_dealer(db, people, data):
    own = monthly_report(db, people.supervisor, MONTH)
    assert own.scope.kind == "dealer" and own.scope.dealer_id == people.dealer_id
    assert own.members.total == 3
    with pytest.raises(PermissionDenied):
        monthly_report(db, people.supervisor, MONTH, dealer_id=data.other_dealer)
    with pytest.raises(PermissionDenied):
        monthly_report(db, people.supervisor, MONTH, region="华东")
    with pytest.raises(PermissionDenied):
        monthly_report(db, people.clerk, MONTH)  # no VIEW_REPORTS


@pytest.mark.parametrize("month", ["2026-13", "26-02", "", None, "2026-2"])
def test_month_is_validated(db, people, month):
    with pytest.raises(ValidationError):
        monthly_report(db, people.admin, month)


def test_cost_sheet_and_progress(db, people, data):
    heard = []
    report = monthly_report(db, people.admin, MONTH, progress=Progress(lambda *a: heard.append(a)))
    assert heard[-1][:2] == (9, 9) and len(heard) == 9
    cost = report.cost
    # 300 points used (¥30) + the provision's change: (2245 − 1001) × 20 % ÷ 10 a yuan
    assert cost.cost_fen == 3000 + 4490 - 2002
    assert cost.members == 4 and cost.cost_per_member_fen == 1372  # 5488 / 4
    assert cost.revenue_fen == 0 and cost.cost_share_of_revenue.value is None
    lines = {line.code: line for line in cost.lines}
    # the seeded event rules (seed 003/004): caps 365 / 384 / 500 at 70 / 55 / 85 % activity
    figures = {code: (lines[f"activity_{code}"].forecast_caps,
                      lines[f"activity_{code}"].forecast_expected)
               for code in ("sign_in", "share", "major_event")}  # fmt: skip
    assert figures == {"sign_in": (365, 256), "share": (384, 211), "major_event": (500, 425)}
    total = lines["activity_total"]
    assert (total.forecast_caps, total.forecast_expected) == (1249, 892)  # 891.7
    per_member = lines["activity_cost_per_member"]  # ¥24.98 and ¥17.83 (RULES.md O2)
    assert (per_member.forecast_caps, per_member.forecast_expected) == (2498, 1783)
    # actual per member a year: February's 10 sign-in points × 12 ÷ 4 members
    assert lines["activity_sign_in"].actual == 30


def test_lifecycle_settings_are_validated(db, people):
    with pytest.raises(ValidationError):
        update_settings(db, people.admin, lifecycle_silent_days=400)  # above sleeping (365)
    with pytest.raises(ValidationError):
        update_settings(db, people.admin, health_redemption_reference_pct=101)
    changed = update_settings(
        db, people.admin, lifecycle_silent_days=30, cost_activity_rate_share_pct=60
    )
    assert (changed.lifecycle_silent_days, changed.cost_activity_rate_share_pct) == (30, 60)


def test_thresholds_from_settings_move_members_between_stages(db, people, data):
    update_settings(db, people.admin, lifecycle_silent_days=10, lifecycle_sleeping_days=20,
                    lifecycle_lost_days=800)  # fmt: skip
    report = monthly_report(db, people.admin, MONTH)
    # as of 02-28: M1 last 02-04 (24 days: sleeping), M2 02-15 (13: silent), M3 02-08 (20:
    # silent), M4 789 days (sleeping)
    assert by_code(report.members.stages) == {"active": 0, "silent": 2, "sleeping": 2, "lost": 0}


def test_failed_checks_are_reported_not_raised(db, people, data):
    """A posting of a kind the identity does not know (written behind the ledger's back)
    and a tampered cached balance both show up as failed checks."""
    with db.uow() as uow:
        uow.session.execute(
            insert(LedgerEntry).values(
                entry_uid="rogue", fingerprint="rogue", member_id=data.ids["m2"],
                currency="points", kind="bonus", source="manual", amount=7,
                business_date=date(2026, 2, 20), posted_at=uow.now(), actor="rogue",
            )
        )  # fmt: skip
        uow.session.execute(
            update(PointsAccount).where(PointsAccount.member_id == data.ids["m1"])
            .values(balance=PointsAccount.balance + 5)
        )  # fmt: skip
        uow.commit()
    report = monthly_report(db, people.admin, MONTH)
    checks = {check.code: check for check in report.checks}
    assert not report.points.identity_ok and report.points.identity_difference == 7
    assert checks["points_identity"].values == {"difference": 7}
    # ledger closing 2245 + 7 (the rogue entry); the cache never saw it but has the 5 added:
    # members' balances 2245 + 70 + 5, less the 70 posted after the month
    assert (checks["balance_cache"].expected, checks["balance_cache"].actual) == (2252, 2250)


def test_revenue_and_value_mix(db, people, data, clock):
    """Documents (one refunded, one in March) and two segmentation runs, the later one
    after the month, written straight into the tables: the report reads what they say."""
    ids, now = data.ids, datetime(2026, 3, 2, tzinfo=UTC)
    orders = [  # (member, date, fen, refunded)
        (ids["m1"], date(2026, 2, 10), 1_000_000, None),
        (ids["m3"], date(2026, 2, 11), 30_000_000, None),
        (ids["m2"], date(2026, 2, 12), 500_000, now),  # refunded: not revenue
        (ids["m1"], date(2026, 3, 1), 700_000, None),  # next month
    ]
    run = dict(params="{}", policy="{}", preview="{}", counts="{}", created_by="t",
               created_at=now, kind="segmentation", status="committed")  # fmt: skip
    with db.uow() as uow:
        uow.session.execute(insert(ServiceOrder), [
            dict(dealer_id=people.dealer_id, document_no=f"D{n}", kind="service", member_id=m,
                 service_date=day, amount_fen=fen, refunded_at=refunded)
            for n, (m, day, fen, refunded) in enumerate(orders)
        ])  # fmt: skip
        february = uow.session.scalar(
            insert(BatchRun).values(as_of=date(2026, 2, 28), **run).returning(BatchRun.id)
        )
        march = uow.session.scalar(
            insert(BatchRun).values(as_of=date(2026, 3, 31), **run).returning(BatchRun.id)
        )
        uow.session.execute(insert(MemberSegment), [
            dict(run_id=february, member_id=ids["m1"], cell=1),
            dict(run_id=february, member_id=ids["m2"], cell=5),
            dict(run_id=february, member_id=ids["m3"], cell=None),
            dict(run_id=march, member_id=ids["m1"], cell=9),
        ])  # fmt: skip
        uow.commit()
    report = monthly_report(db, people.admin, MONTH)
    assert report.cost.revenue_fen == 31_000_000
    assert report.cost.cost_share_of_revenue.value == Fraction(5488, 31_000_000)
    mixes = {row.code: row.value_mix for row in report.dealers.rows}
    assert mixes == {"BJA01": {"cell_1": 1, "cell_5": 1}, "SHA01": {"no_data": 1}}


def test_scope_inputs_are_checked(db, people, data):
    with pytest.raises(NotFound):
        monthly_report(db, people.admin, MONTH, dealer_id=999_999)
    with pytest.raises(NotFound):
        monthly_report(db, people.admin, MONTH, region="西北")  # no dealer there
    with pytest.raises(ValidationError):
        monthly_report(db, people.admin, MONTH, dealer_id=people.dealer_id, region="华北")
    auditor = monthly_report(db, people.auditor, MONTH, region="华东")  # headquarters
    assert (auditor.scope.kind, auditor.members.total) == ("region", 2)
