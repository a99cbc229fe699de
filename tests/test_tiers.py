"""Tiers on SQLite and PostgreSQL: the policy as versioned data, the immediate upgrade through
Approvals, the review run (preview = commit, idempotent), manual tiers, status match and paid
tiers, the earn multiplier and the qualifying share of a rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.domain import tiers as rules
from app.domain.errors import Conflict, PermissionDenied, ValidationError
from app.services import approvals, points, settings
from app.services.approvals import RequestFilter
from app.services.points import ServiceInput
from app.services.runs import batch_runs
from app.services.tiers import policy as tier_policy
from app.services.tiers import requests as tier_requests
from app.services.tiers import review, standing
from tests.test_members import register, zhang

TODAY = date(2026, 3, 1)  # the fake clock's programme date


@pytest.fixture
def member_id(db, people):
    return register(db, people.clerk).id


def spend(db, people, member_id, yuan, on=TODAY, doc=None):
    """Record a service of ``yuan`` (1 point per 1,000 yuan by the default rule)."""
    doc = doc or f"RO-{member_id}-{on.isoformat()}-{yuan}"
    data = ServiceInput(member_id, None, doc, on, yuan * 100)
    return points.record_service(db, people.clerk, data)


def tier_of(db, people, member_id) -> str:
    return standing.member_tier(db, people.admin, member_id).tier.code


def pending_upgrades(db, actor):
    flt = RequestFilter(kind=tier_requests.UPGRADE)
    return approvals.list_requests(db, actor, flt)


def test_a_new_member_is_on_the_base_tier_for_life(db, people, member_id):
    view = standing.member_tier(db, people.clerk, member_id)
    assert view.tier.code == "silver" and view.valid_until is None
    assert view.progress.next_tier.code == "gold" and view.progress.to_next == 30
    assert view.history == []


def test_reaching_a_threshold_files_an_upgrade_that_a_supervisor_approves(
    db, people, member_id, clock
):
    spend(db, people, member_id, 29_000)
    assert pending_upgrades(db, people.supervisor) == []
    spend(db, people, member_id, 1_000)  # 30 qualifying points: 金卡 is due
    [request] = pending_upgrades(db, people.supervisor)
    assert request.payload == {"member_id": member_id, "tier": "gold", "points": 30}
    assert request.requested_by == "clerk" and tier_of(db, people, member_id) == "silver"
    spend(db, people, member_id, 2_000)  # a second posting does not file a second request
    assert len(pending_upgrades(db, people.supervisor)) == 1
    with pytest.raises(PermissionDenied):  # nobody decides their own request
        approvals.approve(db, people.clerk, request.id)
    approved = approvals.approve(db, people.supervisor, request.id, "ok")
    assert approved.result == {"tier": "gold", "valid_until": "2027-02-28", "points": 32}
    view = standing.member_tier(db, people.clerk, member_id)
    assert (view.tier.code, view.valid_until, view.upgraded_on) == (
        "gold", date(2027, 2, 28), TODAY,
    )  # fmt: skip
    [change] = view.history
    assert (change.from_tier, change.to_tier, change.reason, change.points) == (
        "银卡", "金卡", "upgrade", 32,
    )  # fmt: skip
    assert change.approval_id == request.id


def test_skipping_tiers_goes_to_the_highest_met(db, people, member_id):
    spend(db, people, member_id, 150_000)  # a car: 150 points, past 白金卡 (100)
    [request] = pending_upgrades(db, people.supervisor)
    assert request.payload["tier"] == "platinum"
    approvals.approve(db, people.supervisor, request.id)
    assert tier_of(db, people, member_id) == "platinum"


def test_a_refund_before_approval_refuses_the_upgrade(db, people, member_id):
    recorded = spend(db, people, member_id, 40_000)
    [request] = pending_upgrades(db, people.supervisor)
    points.refund_service(db, people.clerk, recorded.order_id, "returned")
    with pytest.raises(Conflict):
        approvals.approve(db, people.supervisor, request.id)
    assert tier_of(db, people, member_id) == "silver"


def test_automatic_upgrades_apply_at_once_when_the_setting_says_so(db, people, member_id):
    settings.update_settings(db, people.admin, tier_upgrade_auto=True)
    spend(db, people, member_id, 35_000)
    assert tier_of(db, people, member_id) == "gold"
    assert pending_upgrades(db, people.admin) == []


def test_the_tier_multiplier_applies_to_spend_and_the_preview_shows_it(db, people, member_id):
    settings.update_settings(db, people.admin, tier_upgrade_auto=True)
    spend(db, people, member_id, 100_000)  # 100 points: 白金卡 (x1.2)
    data = ServiceInput(member_id, None, "RO-NEXT", TODAY, 10_000_00)
    preview = points.preview_service(db, people.clerk, data)
    assert (preview.points, preview.qualifying) == (12, 10)  # the bonus is not qualifying
    assert ("Tier bonus", 2) in preview.lines
    recorded = points.record_service(db, people.clerk, data)
    assert (recorded.points, recorded.qualifying) == (12, 10)


def test_a_rule_version_can_weight_qualifying_points(db, people, member_id, clock):
    later = TODAY + timedelta(days=1)
    points.add_rule_version(
        db, people.admin, "service", later,
        {"points_per_unit": 1, "unit_fen": 100_000, "qualifying_permille": 500},
    )  # fmt: skip
    clock.advance(days=1)
    recorded = spend(db, people, member_id, 10_000, on=later)
    assert (recorded.points, recorded.qualifying) == (10, 5)
    with pytest.raises(ValidationError):
        points.add_rule_version(
            db, people.admin, "service", later + timedelta(days=1),
            {"points_per_unit": 1, "unit_fen": 100_000, "qualifying_permille": 5_001},
        )  # fmt: skip


# --- the policy ---------------------------------------------------------------------------


def test_policy_versions_apply_from_their_date_and_never_rewrite_tiers(db, people, member_id):
    settings.update_settings(db, people.admin, tier_upgrade_auto=True)
    spend(db, people, member_id, 35_000)
    assert tier_of(db, people, member_id) == "gold"
    stricter = replace(
        rules.DEFAULT_POLICY,
        tiers=tuple(
            replace(t, reach_points=t.reach_points * 10, retain_points=t.retain_points * 10)
            for t in rules.DEFAULT_POLICY.tiers
        ),
    )
    saved = tier_policy.save_policy(db, people.admin, stricter, TODAY + timedelta(days=10))
    assert saved.id and saved.policy.tier("gold").reach_points == 300
    assert tier_of(db, people, member_id) == "gold"  # nothing rewritten
    assert tier_policy.current_policy(db, people.admin).id is None  # not in force yet
    with pytest.raises(ValidationError):  # not before the last version
        tier_policy.save_policy(db, people.admin, stricter, TODAY + timedelta(days=5))
    with pytest.raises(PermissionDenied):
        tier_policy.save_policy(db, people.supervisor, stricter, TODAY + timedelta(days=20))


def test_a_tier_that_members_hold_cannot_leave_the_policy(db, people, member_id):
    settings.update_settings(db, people.admin, tier_upgrade_auto=True)
    spend(db, people, member_id, 35_000)
    without_gold = replace(
        rules.DEFAULT_POLICY,
        tiers=tuple(t for t in rules.DEFAULT_POLICY.tiers if t.code != "gold"),
    )
    with pytest.raises(ValidationError) as refused:
        tier_policy.save_policy(db, people.admin, without_gold, TODAY + timedelta(days=1))
    assert refused.value.params["code"] == "gold"


# --- the review ---------------------------------------------------------------------------


def test_review_retains_at_the_threshold_and_downgrades_one_point_short(db, people, clock):
    settings.update_settings(db, people.admin, tier_upgrade_auto=True)
    kept = register(db, people.clerk).id
    short = register(db, people.clerk, replace(zhang(), mobile="13900139000", resident_id=None)).id
    for member_id in (kept, short):
        spend(db, people, member_id, 30_000)  # 金卡 from 2026-03-01 to 2027-02-28
    clock.advance(days=200)
    on = TODAY + timedelta(days=200)
    spend(db, people, kept, 20_000, on=on)  # the retain threshold exactly (the upgrade's
    spend(db, people, short, 19_000, on=on)  # own points do not count again); one short
    clock.advance(days=200)
    as_of = date(2027, 3, 1)
    preview = review.preview_review(db, people.supervisor, as_of)
    assert preview.preview == {"upgrade": 0, "retain": 1, "downgrade": 1}
    rows = {r.member_id: r for r in review.review_rows(db, people.supervisor, as_of)}
    assert (rows[kept].outcome, rows[kept].new_tier, rows[kept].points) == ("retain", "金卡", 20)
    assert (rows[short].outcome, rows[short].new_tier, rows[short].missing) == (
        "downgrade", "银卡", 1,
    )  # fmt: skip
    committed = review.commit_review(db, people.supervisor, as_of)
    assert committed.counts == preview.preview
    again = review.commit_review(db, people.supervisor, as_of)
    assert again.repeated and again.counts == committed.counts
    assert tier_of(db, people, kept) == "gold" and tier_of(db, people, short) == "silver"
    view = standing.member_tier(db, people.admin, kept)
    assert (view.period_start, view.valid_until) == (date(2027, 3, 1), date(2028, 2, 29))


def test_review_downgrades_to_the_tier_the_points_keep(db, people, clock):
    settings.update_settings(db, people.admin, tier_upgrade_auto=True)
    member_id = register(db, people.clerk).id
    spend(db, people, member_id, 300_000)  # 钻石卡 until 2027-02-28
    clock.advance(days=30)
    spend(db, people, member_id, 100_000, on=TODAY + timedelta(days=30))  # 100: 白金卡 kept
    clock.advance(days=400)
    as_of = date(2027, 3, 31)
    [row] = review.review_rows(db, people.admin, as_of)
    assert (row.old_tier, row.new_tier, row.points, row.missing) == ("钻石卡", "白金卡", 100, 140)
    review.commit_review(db, people.admin, as_of)
    view = standing.member_tier(db, people.admin, member_id)
    assert (view.tier.code, view.period_start, view.valid_until) == (
        "platinum", date(2027, 3, 1), date(2028, 2, 29),
    )  # fmt: skip
    # the next period has no points: down to the base in one go (no step limit)
    clock.advance(days=366)
    as_of = date(2028, 3, 31)
    [row] = review.review_rows(db, people.admin, as_of)
    assert (row.outcome, row.new_tier, row.missing) == ("downgrade", "银卡", 80)
    review.commit_review(db, people.admin, as_of)
    view = standing.member_tier(db, people.admin, member_id)
    assert (view.tier.code, view.valid_until) == ("silver", None)
    assert [h.reason for h in view.history] == ["downgrade", "downgrade", "upgrade"]
    assert view.history[0].run_id is not None


def test_only_supervisors_and_headquarters_run_the_review(db, people):
    with pytest.raises(PermissionDenied):
        review.preview_review(db, people.clerk, TODAY)
    with pytest.raises(PermissionDenied):
        review.commit_review(db, people.auditor, TODAY)
    with pytest.raises(ValidationError):  # not in the future
        review.preview_review(db, people.admin, TODAY + timedelta(days=1))


def test_at_risk_lists_members_short_of_keeping_their_tier(db, people, clock):
    settings.update_settings(db, people.admin, tier_upgrade_auto=True)
    member_id = register(db, people.clerk).id
    spend(db, people, member_id, 30_000)  # 金卡 until 2027-02-28; 20 more keep it
    clock.advance(days=100)
    recorded = spend(db, people, member_id, 25_000, on=TODAY + timedelta(days=100))
    clock.advance(days=240)  # 2027-02-04: validity ends in 24 days
    assert review.at_risk(db, people.clerk, 60) == []
    points.refund_service(db, people.clerk, recorded.order_id, "returned")
    [row] = review.at_risk(db, people.clerk, 60)
    assert (row.member_id, row.tier, row.points, row.missing) == (member_id, "金卡", 0, 20)
    assert row.valid_until == date(2027, 2, 28) and row.name == "张三"
    assert review.at_risk(db, people.clerk, 10) == []  # not within 10 days
    masked = review.at_risk(db, people.auditor, 60)[0]
    assert masked.name != "张三" and "*" in masked.mobile


# --- manual tiers, status match, paid tiers ----------------------------------------------


def test_a_manual_tier_is_a_floor_until_its_end_date(db, people, member_id, clock):
    data = tier_requests.ManualTierInput(
        member_id, "platinum", "service_recovery", date(2028, 6, 30), "Repair went wrong"
    )
    request = tier_requests.request_manual_tier(db, people.clerk, data)
    approvals.approve(db, people.supervisor, request.id)
    view = standing.member_tier(db, people.clerk, member_id)
    assert view.tier.code == "platinum" and view.floor.until == date(2028, 6, 30)
    clock.advance(days=400)
    as_of = date(2027, 3, 31)
    assert review.preview_review(db, people.admin, as_of).preview == {
        "upgrade": 0, "retain": 1, "downgrade": 0,
    }  # fmt: skip


def test_a_status_match_once_a_year(db, people, member_id):
    data = tier_requests.StatusMatchInput(
        member_id, "希尔顿荣誉客会", "金卡会员", "EV-2026-001", "gold", "Card seen"
    )
    request = tier_requests.request_status_match(db, people.clerk, data)
    approvals.approve(db, people.supervisor, request.id)
    view = standing.member_tier(db, people.clerk, member_id)
    assert view.tier.code == "gold" and view.floor is None
    assert view.history[0].reason == "match"
    with pytest.raises(Conflict):
        tier_requests.request_status_match(db, people.clerk, replace(data, request_uid=""))


def test_a_paid_tier_holds_for_twelve_months_and_renews(db, people, member_id):
    data = tier_requests.PaidTierInput(member_id, "gold", 800_00, "POS-1", "Annual fee")
    request = tier_requests.request_paid_tier(db, people.clerk, data)
    approvals.approve(db, people.supervisor, request.id)
    view = standing.member_tier(db, people.clerk, member_id)
    assert (view.tier.code, view.floor.until, view.floor_reason) == (
        "gold", date(2027, 2, 28), "paid",
    )  # fmt: skip
    renewal = replace(data, receipt="POS-2")
    approvals.approve(
        db, people.supervisor, tier_requests.request_paid_tier(db, people.clerk, renewal).id
    )
    view = standing.member_tier(db, people.clerk, member_id)
    assert view.floor.until == date(2028, 2, 29)
    with pytest.raises(ValidationError):
        tier_requests.request_paid_tier(db, people.clerk, replace(data, fee_fen=0))
    with pytest.raises(ValidationError):
        tier_requests.request_paid_tier(db, people.clerk, replace(data, tier="silver"))


def test_runs_history_lists_the_review(db, people, clock):
    review.commit_review(db, people.admin, TODAY)
    [run] = batch_runs.list_runs(db, people.admin, kind=review.REVIEW_RUN)
    assert run.status == "committed" and run.policy["tiers"][0]["code"] == "silver"


def test_the_vehicle_bought_can_set_the_enrolment_tier(db, people):
    from app.domain.members import VehicleInput
    from tests.test_members import VIN1

    policy = replace(rules.DEFAULT_POLICY, enrolment_by_series={"星途 S7": "gold"})
    tier_policy.save_policy(db, people.admin, policy, TODAY)
    with_car = register(db, people.clerk, vehicles=[VehicleInput(VIN1, "星途 S7", "京A·12345")])
    view = standing.member_tier(db, people.clerk, with_car.id)
    assert (view.tier.code, view.valid_until) == ("gold", date(2027, 2, 28))
    assert [h.reason for h in view.history] == ["enrolment"]
    without = register(db, people.clerk, replace(zhang(), mobile="13900139000", resident_id=None))
    assert tier_of(db, people, without.id) == "silver"


def test_a_merge_keeps_the_higher_tier_of_the_two_records(db, people, clock):
    from app.services import members

    settings.update_settings(db, people.admin, tier_upgrade_auto=True)
    keep = register(db, people.clerk).id
    duplicate = register(db, people.clerk, replace(zhang(), mobile="13900139000", resident_id=None))
    spend(db, people, duplicate.id, 100_000)  # the duplicate is 白金卡 until 2027-02-28
    clock.advance(days=10)
    settings.update_settings(db, people.admin, tier_upgrade_auto=False)  # upgrades wait
    members.merge_members(db, people.supervisor, keep, duplicate.id, "same person")
    view = standing.member_tier(db, people.admin, keep)
    assert (view.tier.code, view.valid_until) == ("platinum", date(2027, 2, 28))
    assert [h.reason for h in view.history] == ["merge"]
    # the other way round: the kept record's own higher tier stays
    other = register(db, people.clerk, replace(zhang(), mobile="13700137000", resident_id=None))
    members.merge_members(db, people.supervisor, keep, other.id, "same person")
    assert tier_of(db, people, keep) == "platinum"
