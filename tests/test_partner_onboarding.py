"""Partners from candidate to terminated on SQLite and PostgreSQL: the record and its
checks, the life cycle with admission and activation through Approvals (decided by someone
who neither asked, assessed nor scored), the admission checks and the headquarters
override, the weighted evaluation and the comparison of an industry's candidates."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.db.models import AuditEntry
from app.domain.errors import Conflict, PermissionDenied, ValidationError
from app.services import approvals
from app.services.partners import admission, cooperation, evaluation, registry, requests
from app.services.partners.registry import PartnerFilter
from app.services.settings import update_settings
from tests.partner_support import (
    PASSING,
    SCORES,
    TODAY,
    Onboarding,
    a_mode,
    another_admin,
    credit_code,
    partner_input,
    scores,
)


@pytest.fixture
def hq2(db, people):
    return another_admin(db, people.admin, "hq2")


@pytest.fixture
def flow(db, people, hq2) -> Onboarding:
    return Onboarding(db, people.admin, hq2)


def audit_actions(db, code: str) -> list[str]:
    with db.reader() as uow:
        return list(
            uow.session.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.entity == "partner", AuditEntry.entity_id == code)
                .order_by(AuditEntry.seq)
            )
        )


# --- the record ---------------------------------------------------------------------------------


def test_a_new_partner_is_a_candidate_with_its_record(db, people):
    row = registry.create_partner(
        db, people.admin, partner_input(code=" p001 ", credit_code=credit_code(1).lower())
    )
    assert (row.code, row.credit_code, row.status, row.status_since) == (
        "P001", credit_code(1), "candidate", TODAY,
    )  # fmt: skip
    assert (row.admission_passed, row.score_hundredths, row.waiting_request) == (None, None, None)
    assert registry.get_partner(db, people.auditor, row.id) == row
    assert registry.find_partner_id(db, people.clerk, "p001") == row.id
    assert audit_actions(db, "P001") == ["create"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"credit_code": "91310000000000001X"}, "credit_code"),  # wrong check character
        ({"credit_code": "9131000000000000"}, "credit_code"),
        ({"name": '=HYPERLINK("http://x")'}, "name"),
        ({"name": "+86 体检"}, "name"),
        ({"legal_representative": "@张三"}, "legal_representative"),
        ({"name": "  "}, "name"),
        ({"code": "P 01"}, "code"),
        ({"founded_on": TODAY + timedelta(days=1)}, "founded_on"),
        ({"registered_capital_fen": -1}, "registered_capital_fen"),
        ({"industry": "weapons"}, "industry"),
        ({"legal_person": "yes"}, "legal_person"),
        ({"contact_email": "bd.example.com"}, "contact_email"),
        ({"contact_phone": "call me"}, "contact_phone"),
    ],
)
def test_a_bad_record_is_refused_on_its_field(db, people, change, field):
    with pytest.raises(ValidationError) as refused:
        registry.create_partner(db, people.admin, partner_input(**change))
    assert refused.value.field == field
    assert registry.list_partners(db, people.admin) == []


def test_founded_today_is_accepted(db, people):
    assert registry.create_partner(db, people.admin, partner_input(founded_on=TODAY)).founded_on


def test_codes_and_credit_codes_are_unique(db, people):
    first = registry.create_partner(db, people.admin, partner_input(1))
    with pytest.raises(Conflict) as same_code:
        registry.create_partner(db, people.admin, partner_input(2, code="p001"))
    assert (same_code.value.params["field"], same_code.value.params["code"]) == ("code", "P001")
    with pytest.raises(Conflict) as same_credit:
        registry.create_partner(db, people.admin, partner_input(2, credit_code=credit_code(1)))
    assert same_credit.value.params == {"field": "credit_code", "code": credit_code(1)}
    second = registry.create_partner(db, people.admin, partner_input(2))
    with pytest.raises(Conflict):
        registry.update_partner(db, people.admin, second.id, partner_input(2, code="P001"))
    edited = registry.update_partner(db, people.admin, first.id, partner_input(1, notes="复核"))
    assert edited.notes == "复核"  # its own codes are no clash


def test_only_headquarters_administrators_keep_the_registry(db, people):
    for actor in (people.clerk, people.supervisor, people.auditor):
        with pytest.raises(PermissionDenied):
            registry.create_partner(db, actor, partner_input())
    row = registry.create_partner(db, people.admin, partner_input())
    with pytest.raises(PermissionDenied):
        registry.change_status(db, people.supervisor, row.id, "evaluating", "x")
    assert [r.code for r in registry.list_partners(db, people.clerk)] == ["P001"]


def test_editing_is_audited_and_the_code_fixed_after_the_candidate_stage(db, people, flow):
    partner_id = flow.candidate()
    registry.update_partner(db, people.admin, partner_id, partner_input(code="P100"))
    registry.change_status(db, people.admin, partner_id, "evaluating", "初选")
    with pytest.raises(Conflict):
        registry.update_partner(db, people.admin, partner_id, partner_input(code="P200"))
    registry.update_partner(db, people.admin, partner_id, partner_input(code="P100", notes="补充"))
    assert audit_actions(db, "P100") == ["update", "status", "update"]
    with db.reader() as uow:
        before, after = uow.session.execute(
            select(AuditEntry.before, AuditEntry.after)
            .where(AuditEntry.entity == "partner")
            .order_by(AuditEntry.seq.desc())
        ).first()
    assert (json.loads(before), json.loads(after)) == ({"notes": ""}, {"notes": "补充"})


def test_list_filters_by_search_industry_and_status(db, people, flow):
    flow.candidate(1)
    flow.evaluating(2, name="瑞尔齿科", industry="medical")
    flow.candidate(3, name="新东方少儿英语", industry="education")
    listed = registry.list_partners
    assert [r.code for r in listed(db, people.admin)] == ["P003", "P001", "P002"]
    assert [r.code for r in listed(db, people.admin, PartnerFilter(search="齿科"))] == ["P002"]
    assert [
        r.code for r in listed(db, people.admin, PartnerFilter(search=credit_code(3)[-6:]))
    ] == ["P003"]
    by_status = PartnerFilter(industry="medical", status="candidate")
    assert [r.code for r in listed(db, people.admin, by_status)] == ["P001"]


# --- the life cycle -------------------------------------------------------------------------------


def test_the_whole_life_cycle(db, people, flow, hq2):
    partner_id = flow.prepared()
    request = requests.submit_admission(db, people.admin, partner_id, "准入", "候选不足")
    assert registry.get_partner(db, people.admin, partner_id).waiting_request == (
        "partner_admission"
    )
    approvals.approve(db, hq2, request.id, "同意准入")
    assert registry.get_partner(db, people.admin, partner_id).status == "approved"
    cooperation.save_mode(db, people.admin, partner_id, a_mode())
    activation = requests.submit_activation(db, people.admin, partner_id, "签约")
    approvals.approve(db, hq2, activation.id)
    assert registry.get_partner(db, people.admin, partner_id).status == "active"
    registry.change_status(db, people.admin, partner_id, "suspended", "投诉较多、暂停")
    again = requests.submit_activation(db, people.admin, partner_id, "整改完成")
    approvals.approve(db, hq2, again.id)
    assert registry.get_partner(db, people.admin, partner_id).status == "active"
    final = registry.change_status(db, people.admin, partner_id, "terminated", "合同到期不续")
    assert (final.status, final.waiting_request) == ("terminated", None)

    history = registry.status_history(db, people.auditor, partner_id)
    assert [(h.from_status, h.to_status) for h in history] == [
        (None, "candidate"), ("candidate", "evaluating"), ("evaluating", "approved"),
        ("approved", "active"), ("active", "suspended"), ("suspended", "active"),
        ("active", "terminated"),
    ]  # fmt: skip
    assert [h.approval_id for h in history] == [
        None, None, request.id, activation.id, None, again.id, None,
    ]  # fmt: skip
    assert [h.actor for h in history] == ["admin", "admin", "hq2", "hq2", "admin", "hq2", "admin"]
    assert history[4].reason == "投诉较多、暂停" and history[2].reason == "准入"
    assert audit_actions(db, "P001") == [
        "create", "status", "admission", "evaluation", "status", "mode_add", "status",
        "status", "status", "status",
    ]  # fmt: skip
    with pytest.raises(Conflict):
        registry.update_partner(db, people.admin, partner_id, partner_input(notes="x"))


@pytest.mark.parametrize(
    ("stage", "target"),
    [
        ("candidate", "approved"), ("candidate", "active"), ("evaluating", "approved"),
        ("evaluating", "suspended"), ("approved", "active"), ("approved", "evaluating"),
        ("active", "approved"), ("active", "candidate"), ("suspended", "active"),
        ("terminated", "candidate"), ("candidate", "nonsense"),
    ],
)  # fmt: skip
def test_changes_that_need_approvals_or_make_no_sense_are_refused(db, people, flow, stage, target):
    partner_id = {
        "candidate": flow.candidate, "evaluating": flow.evaluating,
        "approved": flow.approved, "active": flow.active, "suspended": flow.active,
        "terminated": flow.candidate,
    }[stage]()  # fmt: skip
    if stage in ("suspended", "terminated"):
        registry.change_status(db, people.admin, partner_id, stage, "准备")
    with pytest.raises(Conflict):
        registry.change_status(db, people.admin, partner_id, target, "直接改")
    assert registry.get_partner(db, people.admin, partner_id).status == stage


def test_a_status_change_needs_a_reason_and_waits_for_a_pending_request(db, people, flow):
    partner_id = flow.prepared()
    with pytest.raises(ValidationError):
        registry.change_status(db, people.admin, partner_id, "candidate", "  ")
    request = requests.submit_admission(db, people.admin, partner_id, "准入", "候选不足")
    with pytest.raises(Conflict):
        registry.change_status(db, people.admin, partner_id, "terminated", "放弃")
    with pytest.raises(Conflict):  # one request at a time
        requests.submit_admission(db, people.admin, partner_id, "再次", "候选不足")
    approvals.cancel(db, people.admin, request.id, "撤回")
    assert registry.change_status(db, people.admin, partner_id, "terminated", "放弃").status == (
        "terminated"
    )


def test_nobody_approves_their_own_request(db, people, hq2):
    flow = Onboarding(db, hq2, people.admin)  # hq2 prepares and asks
    partner_id = flow.prepared()
    request = requests.submit_admission(db, hq2, partner_id, "准入", "候选不足")
    with pytest.raises(PermissionDenied):
        approvals.approve(db, hq2, request.id)
    with pytest.raises(PermissionDenied):  # a dealer's supervisor does not decide for HQ
        approvals.approve(db, people.supervisor, request.id)
    assert registry.get_partner(db, people.admin, partner_id).status == "evaluating"


@pytest.mark.parametrize("preparer_does", ["assess", "score"])
def test_whoever_assessed_or_scored_does_not_decide(db, people, hq2, preparer_does):
    flow = Onboarding(db, people.admin, hq2)
    partner_id = flow.evaluating()
    assessor = hq2 if preparer_does == "assess" else people.admin
    scorer = hq2 if preparer_does == "score" else people.admin
    admission.assess_admission(db, assessor, partner_id, PASSING)
    evaluation.evaluate(db, scorer, partner_id, SCORES)
    request = requests.submit_admission(db, people.admin, partner_id, "准入", "候选不足")
    with pytest.raises(PermissionDenied) as refused:
        approvals.approve(db, hq2, request.id)
    assert refused.value.template == requests.PREPARER_DECIDES
    assert registry.get_partner(db, people.admin, partner_id).status == "evaluating"
    hq3 = another_admin(db, people.admin, "hq3")
    approvals.approve(db, hq3, request.id, "第三人审批")
    assert registry.get_partner(db, people.admin, partner_id).status == "approved"


def test_an_activation_is_decided_by_someone_who_did_not_prepare_it(db, people, hq2):
    flow = Onboarding(db, people.admin, hq2)
    partner_id = flow.approved()
    cooperation.save_mode(db, people.admin, partner_id, a_mode())
    request = requests.submit_activation(db, hq2, partner_id, "签约")  # hq2 asks
    with pytest.raises(PermissionDenied):  # the admin assessed and scored it
        approvals.approve(db, people.admin, request.id)
    approvals.approve(db, another_admin(db, people.admin, "hq3"), request.id)
    assert registry.get_partner(db, people.admin, partner_id).status == "active"


# --- admission checks ---------------------------------------------------------------------------


def test_the_assessment_reads_the_record_and_keeps_the_checklist(db, people, flow):
    partner_id = flow.evaluating(registered_capital_fen=500_000_000, founded_on=date(2023, 3, 1))
    preview = admission.preview_data_checks(db, people.clerk, partner_id)
    assert [(c.check, c.passed) for c in preview] == [
        ("legal_person", True), ("capital", True), ("age", True),
    ]  # fmt: skip
    row = admission.assess_admission(db, people.admin, partner_id, PASSING)
    assert row.passed and row.admitted and row.assessed_on == TODAY
    assert [c.check for c in row.checks] == [
        "legal_person", "capital", "age", "service", "credit", "vat_invoice",
    ]  # fmt: skip
    assert row.checks[4].evidence == "2025 年审计报告、无失信记录"
    assert registry.get_partner(db, people.admin, partner_id).admission_passed is True


@pytest.mark.parametrize(
    ("change", "failed"),
    [
        ({"registered_capital_fen": 499_999_999}, "capital"),
        ({"founded_on": date(2023, 3, 2)}, "age"),
        ({"legal_person": False}, "legal_person"),
    ],
)
def test_a_record_short_of_a_threshold_fails_its_check(db, people, flow, change, failed):
    partner_id = flow.evaluating(**change)
    row = admission.assess_admission(db, people.admin, partner_id, PASSING)
    assert not row.passed and not row.admitted
    assert [c.check for c in row.checks if not c.passed] == [failed]
    assert registry.get_partner(db, people.admin, partner_id).failed_checks == (failed,)


def test_the_thresholds_are_settings(db, people, flow):
    update_settings(db, people.admin, partner_min_capital_fen=1_000_000_000, partner_min_years=11)
    partner_id = flow.evaluating()  # ¥8,000,000, founded 2015
    failed = admission.assess_admission(db, people.admin, partner_id, PASSING)
    assert [c.check for c in failed.checks if not c.passed] == ["capital", "age"]
    assert registry.get_partner(db, people.admin, partner_id).failed_checks == ("capital", "age")
    evaluation.evaluate(db, people.admin, partner_id, SCORES)
    with pytest.raises(Conflict) as blocked:
        requests.submit_admission(db, people.admin, partner_id, "准入", "候选不足")
    assert blocked.value.params["checks"] == "capital, age"


def test_the_checklist_needs_every_answer_and_evidence_for_a_pass(db, people, flow):
    partner_id = flow.evaluating()
    missing_process = dict(PASSING.service_processes)
    del missing_process["complaints"]
    for bad, field in (
        (replace(PASSING, service_processes=missing_process), "service_processes"),
        (replace(PASSING, credit_evidence=""), "credit_evidence"),
        (replace(PASSING, vat_invoice="yes"), "vat_invoice"),
    ):
        with pytest.raises(ValidationError) as refused:
            admission.assess_admission(db, people.admin, partner_id, bad)
        assert refused.value.field == field
    one_process_missing = dict(PASSING.service_processes, after_sales=False)
    row = admission.assess_admission(
        db, people.admin, partner_id,
        replace(PASSING, service_processes=one_process_missing, service_evidence=""),
    )  # fmt: skip
    assert [c.check for c in row.checks if not c.passed] == ["service"]


def test_assessing_and_scoring_need_the_evaluation_stage(db, people, flow):
    partner_id = flow.candidate()
    with pytest.raises(Conflict):
        admission.assess_admission(db, people.admin, partner_id, PASSING)
    with pytest.raises(Conflict):
        evaluation.evaluate(db, people.admin, partner_id, SCORES)


def test_a_failed_check_blocks_admission_until_headquarters_overrides(db, people, flow, hq2):
    partner_id = flow.evaluating(registered_capital_fen=300_000_000)
    admission.assess_admission(db, people.admin, partner_id, PASSING)
    evaluation.evaluate(db, people.admin, partner_id, SCORES)
    with pytest.raises(Conflict) as blocked:
        requests.submit_admission(db, people.admin, partner_id, "准入", "候选不足")
    assert blocked.value.params["checks"] == "capital"
    dealer_admin = another_admin(db, people.admin, "dealeradmin", dealer_id=people.dealer_id)
    with pytest.raises(PermissionDenied):
        admission.override_admission(db, dealer_admin, partner_id, "区域战略合作伙伴、总部特批")
    with pytest.raises(PermissionDenied):
        admission.override_admission(
            db, people.supervisor, partner_id, "区域战略合作伙伴、总部特批"
        )
    with pytest.raises(ValidationError):
        admission.override_admission(db, people.admin, partner_id, "特批")  # too short to explain
    row = admission.override_admission(db, hq2, partner_id, "注册资金略低、但为区域龙头、总部特批")
    assert (row.passed, row.admitted, row.overridden_by) == (False, True, "hq2")
    with pytest.raises(Conflict):  # once
        admission.override_admission(db, hq2, partner_id, "注册资金略低、但为区域龙头、总部特批")
    shown = registry.get_partner(db, people.auditor, partner_id)
    assert (shown.overridden, shown.failed_checks) == (True, ("capital",))
    assert shown.override_reason == "注册资金略低、但为区域龙头、总部特批"
    request = requests.submit_admission(db, people.admin, partner_id, "准入", "候选不足")
    with pytest.raises(PermissionDenied):  # whoever overrode the checks does not decide
        approvals.approve(db, hq2, request.id)
    approvals.approve(db, another_admin(db, people.admin, "hq3"), request.id)
    assert registry.get_partner(db, people.admin, partner_id).status == "approved"
    assert "override" in audit_actions(db, "P001")


def test_a_passed_assessment_is_not_overridden_and_a_new_one_counts(db, people, flow):
    partner_id = flow.evaluating(registered_capital_fen=300_000_000)
    with pytest.raises(Conflict):  # nothing assessed yet
        admission.override_admission(db, people.admin, partner_id, "总部特批、理由充分说明")
    admission.assess_admission(db, people.admin, partner_id, PASSING)
    registry.update_partner(db, people.admin, partner_id,
                            partner_input(registered_capital_fen=600_000_000))  # fmt: skip
    passed = admission.assess_admission(db, people.admin, partner_id, PASSING)
    assert passed.passed
    with pytest.raises(Conflict):
        admission.override_admission(db, people.admin, partner_id, "总部特批、理由充分说明")
    history = admission.admissions_of(db, people.auditor, partner_id)
    assert [a.passed for a in history] == [True, False]  # the latest first


# --- evaluation and the shortlist -----------------------------------------------------------------


def test_fewer_than_five_compared_need_a_recorded_reason(db, people, flow, hq2):
    partner_id = flow.prepared(1)
    for n in (2, 3, 4):
        flow.prepared(n)
    with pytest.raises(ValidationError) as refused:
        requests.submit_admission(db, people.admin, partner_id, "准入")
    assert (refused.value.field, refused.value.params) == (
        "shortlist_reason", {"count": 4, "minimum": 5},
    )  # fmt: skip
    request = requests.submit_admission(db, people.admin, partner_id, "准入", "本市仅四家合规机构")
    assert request.payload["shortlist_reason"] == "本市仅四家合规机构"
    approvals.approve(db, hq2, request.id)
    assert registry.get_partner(db, people.admin, partner_id).shortlist_reason == (
        "本市仅四家合规机构"
    )


def test_five_compared_need_no_reason(db, people, flow, hq2):
    for n in range(1, 6):
        flow.prepared(n)
    flow.prepared(6, industry="education")  # another industry does not count
    request = requests.submit_admission(db, people.admin, 1, "准入", "理由会被忽略")
    assert request.payload["shortlist_reason"] == ""
    approvals.approve(db, hq2, request.id)
    assert registry.get_partner(db, people.admin, 1).shortlist_reason is None


def test_terminated_or_unscored_partners_are_not_compared(db, people, flow):
    for n in range(1, 5):
        flow.prepared(n)
    flow.evaluating(5)  # not scored
    gone = flow.prepared(6)
    registry.change_status(db, people.admin, gone, "terminated", "退出")
    comparison = evaluation.compare(db, people.clerk, "medical")
    assert len(comparison.partners) == 4 and not comparison.enough
    assert comparison.shortlist_min == 5


def test_edited_weights_apply_from_their_date_and_scores_keep_theirs(db, people, flow, clock):
    partner_id = flow.evaluating()
    given = scores(base=3, brand_value=5, execution=2)  # 22/7 = 3.142…
    first = evaluation.evaluate(db, people.admin, partner_id, given)
    assert (first.weights, first.total_hundredths) == (evaluation.rules.EQUAL_WEIGHTS, 314)
    edited = dict(evaluation.rules.EQUAL_WEIGHTS, brand_value=4, execution=0)
    with pytest.raises(ValidationError):  # not in the past
        evaluation.save_weights(db, people.admin, TODAY - timedelta(days=1), edited, "")
    version = evaluation.save_weights(
        db, people.admin, TODAY + timedelta(days=1), edited, "品牌优先"
    )
    assert evaluation.current_weights(db, people.clerk).id is None  # not in force yet
    same_day = evaluation.evaluate(db, people.admin, partner_id, given)
    assert same_day.weights == evaluation.rules.EQUAL_WEIGHTS
    clock.advance(days=1)
    assert evaluation.current_weights(db, people.clerk).weights == edited
    later = evaluation.evaluate(db, people.admin, partner_id, given)
    # (4×5 + 0×2 + 3×5 others) / (4 + 0 + 5) = 35/9 = 3.888… → 3.89
    assert (later.weights, later.total_hundredths, later.evaluated_on) == (
        edited, 389, TODAY + timedelta(days=1),
    )  # fmt: skip
    history = evaluation.evaluations_of(db, people.auditor, partner_id)
    assert [(e.total_hundredths, e.weights) for e in history] == [
        (389, edited), (314, evaluation.rules.EQUAL_WEIGHTS), (314, evaluation.rules.EQUAL_WEIGHTS),
    ]  # fmt: skip
    assert registry.get_partner(db, people.admin, partner_id).score_hundredths == 389
    with pytest.raises(Conflict):  # the version in force today is fixed
        evaluation.save_weights(db, people.admin, TODAY + timedelta(days=1), edited, "")
    assert [v.id for v in evaluation.weight_versions(db, people.admin)] == [version.id]


def test_a_future_weights_version_may_be_replaced(db, people):
    tomorrow = TODAY + timedelta(days=1)
    evaluation.save_weights(db, people.admin, tomorrow, scores(1), "初稿")
    replaced = evaluation.save_weights(db, people.admin, tomorrow, scores(2, reputation=5), "定稿")
    versions = evaluation.weight_versions(db, people.admin)
    assert [(v.id, v.note, v.weights["reputation"]) for v in versions] == [(replaced.id, "定稿", 5)]
    with pytest.raises(ValidationError):
        evaluation.save_weights(db, people.admin, tomorrow, scores(0), "全零")
    with pytest.raises(PermissionDenied):
        evaluation.save_weights(db, people.supervisor, tomorrow, scores(1), "x")


def test_rank_within_the_industry_shares_places_on_ties(db, people, flow):
    flow.prepared(1, given=scores(3))
    flow.prepared(2, given=scores(5))
    flow.prepared(3, given=scores(3))
    flow.prepared(4, given=scores(4, reputation=2))
    flow.prepared(5, given=scores(2))
    flow.prepared(6, given=scores(5), industry="education")
    comparison = evaluation.compare(db, people.auditor, "medical")
    assert [(c.code, c.total_hundredths, c.rank) for c in comparison.partners] == [
        ("P002", 500, 1), ("P004", 371, 2), ("P001", 300, 3), ("P003", 300, 3), ("P005", 200, 5),
    ]  # fmt: skip
    assert comparison.enough and comparison.weights == evaluation.rules.EQUAL_WEIGHTS
    assert comparison.partners[1].scores == scores(4, reputation=2)
    assert [c.code for c in evaluation.compare(db, people.admin, "education").partners] == ["P006"]
    with pytest.raises(ValidationError):
        evaluation.compare(db, people.admin, "weapons")


def test_the_latest_score_counts_in_the_comparison(db, people, flow):
    partner_id = flow.prepared(1, given=scores(2))
    evaluation.evaluate(db, people.admin, partner_id, scores(4))
    (compared,) = evaluation.compare(db, people.admin, "medical").partners
    assert (compared.total_hundredths, compared.scores) == (400, scores(4))


# --- activation and cooperation modes ------------------------------------------------------------


def test_activation_needs_a_current_cooperation_mode(db, people, flow, clock):
    partner_id = flow.approved()
    with pytest.raises(Conflict):
        requests.submit_activation(db, people.admin, partner_id, "签约")
    ended = cooperation.save_mode(
        db, people.admin, partner_id, a_mode(contract_start=date(2025, 1, 1),
                                              contract_end=TODAY - timedelta(days=1)),
    )  # fmt: skip
    with pytest.raises(Conflict):
        requests.submit_activation(db, people.admin, partner_id, "签约")
    current = cooperation.save_mode(db, people.admin, partner_id, a_mode(), ended.id)
    assert current.id == ended.id and current.contract_end == date(2026, 12, 31)
    request = requests.submit_activation(db, people.admin, partner_id, "签约")
    cooperation.end_mode(db, people.admin, current.id, "合同解除")
    with pytest.raises(Conflict):  # checked again when decided
        approvals.approve(db, flow.approver, request.id)
    assert registry.get_partner(db, people.admin, partner_id).status == "approved"


def test_modes_keep_their_own_terms_and_several_run_at_once(db, people, flow):
    partner_id = flow.approved()
    terms = {"committed_volume": 2_000, "unit_price_fen": 18_000, "market_price_fen": 26_800}
    bulk = a_mode(mode="bulk_purchase", unit_cost_fen=18_000, payment="prepaid", terms=terms)
    rebate = a_mode(mode="rebate", terms={"target_fen": 5_000_000, "rebate_permille": 30,
                                          "rebate_period": "quarter"})  # fmt: skip
    cooperation.save_mode(db, people.admin, partner_id, bulk)
    cooperation.save_mode(db, people.admin, partner_id, rebate)
    modes = cooperation.list_modes(db, people.clerk, partner_id)
    assert sorted((m.mode, m.payment) for m in modes) == [
        ("bulk_purchase", "prepaid"), ("rebate", "postpaid"),
    ]  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        cooperation.save_mode(db, people.admin, partner_id, a_mode(terms={"discount_permille": 0}))
    assert refused.value.field == "discount_permille"
    with pytest.raises(ValidationError) as backwards:
        cooperation.save_mode(db, people.admin, partner_id,
                              a_mode(contract_end=date(2025, 12, 31)))  # fmt: skip
    assert backwards.value.field == "contract_end"
    with pytest.raises(ValidationError):
        cooperation.save_mode(db, people.admin, partner_id, a_mode(payment="barter"))


def test_what_a_waiting_admission_rests_on_stays_until_it_is_decided(db, people, flow, hq2):
    partner_id = flow.prepared(1)
    request = requests.submit_admission(db, people.admin, partner_id, "准入", "候选不足")
    for change in (
        lambda: admission.assess_admission(db, people.admin, partner_id, PASSING),
        lambda: evaluation.evaluate(db, people.admin, partner_id, SCORES),
        lambda: registry.change_status(db, people.admin, partner_id, "candidate", "重新准备"),
        lambda: requests.submit_admission(db, people.admin, partner_id, "再次", "候选不足"),
    ):
        with pytest.raises(Conflict):
            change()
    assert len(evaluation.evaluations_of(db, people.admin, partner_id)) == 1
    approvals.cancel(db, people.admin, request.id)
    evaluation.evaluate(db, people.admin, partner_id, SCORES)  # withdrawn: free again
    assert len(evaluation.evaluations_of(db, people.admin, partner_id)) == 2
