"""Helpers shared by the partner service tests: valid credit codes, a partner's record,
more headquarters administrators, and the steps that admit and activate a partner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from stdnum.cn import uscc

from app.domain.partners import EQUAL_WEIGHTS, SERVICE_PROCESSES
from app.domain.roles import Actor, Role
from app.services import approvals, staff
from app.services.partners import admission, cooperation, evaluation, registry, requests
from app.services.partners.admission import ChecklistInput
from app.services.partners.cooperation import ModeInput
from app.services.partners.registry import PartnerInput
from app.services.staff import auth
from tests.conftest import PASSWORD

TODAY = date(2026, 3, 1)  # the fake clock's programme date


def credit_code(n: int) -> str:
    """A valid unified social credit code, different for each ``n``."""
    body = f"91310000{n:09d}"
    return body + uscc.calc_check_digit(body)


def partner_input(n: int = 1, **changes) -> PartnerInput:
    values = dict(
        code=f"P{n:03d}", name=f"美年大健康体检{n}号", credit_code=credit_code(n),
        legal_person=True, legal_representative="俞熔", registered_capital_fen=800_000_000,
        founded_on=date(2015, 6, 1), industry="medical", contact_name="王经理",
        contact_phone="021-6888 0000", contact_email="bd@example.com",
        address="上海市静安区灵石路 697 号", vat_special_invoice=True,
    )  # fmt: skip
    values.update(changes)
    return PartnerInput(**values)


PASSING = ChecklistInput(
    service_processes=dict.fromkeys(SERVICE_PROCESSES, True),
    service_evidence="客服流程手册 v3",
    credit_sound=True,
    credit_evidence="2025 年审计报告、无失信记录",
    vat_invoice=True,
    vat_evidence="增值税专用发票样张",
)
SCORES = dict(zip(EQUAL_WEIGHTS, (5, 4, 4, 3, 4, 5, 4), strict=True))  # 29/7 → 4.14


def scores(base: int = 4, **changes: int) -> dict[str, int]:
    return dict(dict.fromkeys(EQUAL_WEIGHTS, base), **changes)


def another_admin(db, admin: Actor, username: str, dealer_id: int | None = None) -> Actor:
    """A further administrator (headquarters unless ``dealer_id``)."""
    user = staff.UserInput(username, username.upper(), Role.ADMIN, dealer_id)
    staff.save_user(db, admin, user, initial_password=PASSWORD)
    return auth.sign_in(db, username, PASSWORD)


def a_mode(**changes) -> ModeInput:
    values = dict(
        mode="member_discount", terms={"discount_permille": 880},
        contract_start=date(2026, 1, 1), contract_end=date(2026, 12, 31), unit_cost_fen=5_000,
    )  # fmt: skip
    values.update(changes)
    return ModeInput(**values)


@dataclass
class Onboarding:
    """The admin prepares (creates, assesses, scores, requests); ``approver`` decides."""

    db: object
    admin: Actor
    approver: Actor

    def candidate(self, n: int = 1, **changes) -> int:
        return registry.create_partner(self.db, self.admin, partner_input(n, **changes)).id

    def evaluating(self, n: int = 1, **changes) -> int:
        partner_id = self.candidate(n, **changes)
        registry.change_status(self.db, self.admin, partner_id, "evaluating", "初选")
        return partner_id

    def prepared(self, n: int = 1, given: dict | None = None, **changes) -> int:
        """Under evaluation, the checks passed and scored."""
        partner_id = self.evaluating(n, **changes)
        admission.assess_admission(self.db, self.admin, partner_id, PASSING)
        evaluation.evaluate(self.db, self.admin, partner_id, given or SCORES)
        return partner_id

    def approved(self, n: int = 1, **changes) -> int:
        partner_id = self.prepared(n, **changes)
        request = requests.submit_admission(
            self.db, self.admin, partner_id, "准入", shortlist_reason="该行业候选不足五家"
        )
        approvals.approve(self.db, self.approver, request.id, "同意")
        return partner_id

    def active(self, n: int = 1, mode: ModeInput | None = None, **changes) -> int:
        partner_id = self.approved(n, **changes)
        cooperation.save_mode(self.db, self.admin, partner_id, mode or a_mode())
        request = requests.submit_activation(self.db, self.admin, partner_id, "开始合作")
        approvals.approve(self.db, self.approver, request.id, "同意")
        return partner_id
