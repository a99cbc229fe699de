"""Admission checks (准入条件): three read off the partner's record, three from a checklist
with evidence. Each assessment is kept; the latest counts. A failed check blocks approval
unless headquarters overrides it with a written reason (shown in red wherever the partner is
shown). The thresholds are programme settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select

from app.db.models import Partner, PartnerAdmission
from app.domain import partners as rules
from app.domain.errors import Conflict, PermissionDenied, ValidationError
from app.domain.inputs import MAX_NOTE, clean_text
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.partners.registry import (
    latest_admission,
    load_partner,
    refuse_while_waiting,
)
from app.services.settings.programme import ProgrammeSettings, read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import programme_today
from app.services.shared.uow import UnitOfWork, retry_on_contention


@dataclass(frozen=True)
class ChecklistInput:
    """The assessor's answers for the three checks the record cannot show, with evidence
    (a document reference, what was verified) for each answer given as passed."""

    service_processes: dict[str, bool] = field(default_factory=dict)  # SERVICE_PROCESSES
    service_evidence: str = ""
    credit_sound: bool = False  # good commercial credit and sound finances
    credit_evidence: str = ""
    vat_invoice: bool = False  # can issue VAT special invoices
    vat_evidence: str = ""


@dataclass(frozen=True)
class CheckLine:
    check: str  # app.domain.partners.Check
    passed: bool
    evidence: str


@dataclass(frozen=True)
class AdmissionRow:
    id: int
    partner_id: int
    assessed_on: date
    checks: tuple[CheckLine, ...]
    passed: bool
    assessed_by: str
    assessed_at: datetime
    override_reason: str | None
    overridden_by: str | None
    overridden_at: datetime | None

    @property
    def admitted(self) -> bool:
        """Passed, or failed and overridden by headquarters."""
        return self.passed or self.override_reason is not None


def admission_row(row: PartnerAdmission) -> AdmissionRow:
    checks = tuple(
        CheckLine(check.value, bool(row.results[check.value]["passed"]),
                  str(row.results[check.value]["evidence"]))
        for check in rules.Check if check.value in row.results
    )  # fmt: skip
    return AdmissionRow(
        row.id, row.partner_id, row.assessed_on, checks, row.passed, row.assessed_by,
        row.assessed_at, row.override_reason, row.overridden_by, row.overridden_at,
    )  # fmt: skip


def thresholds(settings: ProgrammeSettings) -> rules.AdmissionThresholds:
    return rules.AdmissionThresholds(settings.partner_min_capital_fen, settings.partner_min_years)


def _flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Answer yes or no."), field=name)
    return value


def _evidence(passed: bool, text: object, name: str) -> str:
    evidence = clean_text(text, name, MAX_NOTE, multiline=True)
    if passed and not evidence:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Give the evidence for a check that passes."), field=name
        )
    return evidence


def checklist_results(data: ChecklistInput) -> list[rules.CheckResult]:
    """The three checklist checks from the assessor's answers, each checked."""
    processes = data.service_processes
    if not isinstance(processes, dict) or set(processes) != set(rules.SERVICE_PROCESSES):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Answer each of the four service processes."),
            field="service_processes",
        )
    service_ok = all(_flag(processes[name], name) for name in rules.SERVICE_PROCESSES)
    credit_ok = _flag(data.credit_sound, "credit_sound")
    vat_ok = _flag(data.vat_invoice, "vat_invoice")
    return [
        rules.CheckResult(rules.Check.SERVICE, service_ok,
                          _evidence(service_ok, data.service_evidence, "service_evidence")),
        rules.CheckResult(rules.Check.CREDIT, credit_ok,
                          _evidence(credit_ok, data.credit_evidence, "credit_evidence")),
        rules.CheckResult(rules.Check.VAT_INVOICE, vat_ok,
                          _evidence(vat_ok, data.vat_evidence, "vat_evidence")),
    ]  # fmt: skip


def _results_of(partner: Partner, today: date, settings: ProgrammeSettings,
                checklist: list[rules.CheckResult]) -> list[rules.CheckResult]:  # fmt: skip
    from_record = rules.data_checks(
        partner.legal_person, partner.credit_code, partner.registered_capital_fen,
        partner.founded_on, today, thresholds(settings),
    )  # fmt: skip
    return from_record + checklist


@retry_on_contention
def assess_admission(
    db: Database, actor: Actor, partner_id: int, checklist: ChecklistInput
) -> AdmissionRow:
    """Assess the six checks today (a partner under evaluation); returns the assessment."""
    require(actor, Permission.MANAGE_PARTNERS)
    answers = checklist_results(checklist)
    with db.uow(actor) as uow:
        partner = load_partner(uow, partner_id, lock=True)
        refuse_while_waiting(uow, partner.id)
        if partner.status != rules.PartnerStatus.EVALUATING:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "Start the partner's evaluation first."))
        today = programme_today(uow)
        results = _results_of(partner, today, read_settings(uow), answers)
        passed = rules.admission_passed(results)
        row = PartnerAdmission(
            partner_id=partner.id, assessed_on=today, passed=passed,
            results={r.check.value: {"passed": r.passed, "evidence": r.evidence} for r in results},
            assessed_by_id=actor.user_id, assessed_by=actor.username, assessed_at=uow.now(),
        )  # fmt: skip
        uow.session.add(row)
        uow.session.flush()
        audit.record(uow, actor, "partner", partner.code, "admission",
                     after={"passed": passed, "checks": row.results})  # fmt: skip
        uow.commit()
        return admission_row(row)


@retry_on_contention
def override_admission(db: Database, actor: Actor, partner_id: int, reason: str) -> AdmissionRow:
    """Headquarters admits a partner whose latest assessment failed, with a written reason."""
    require(actor, Permission.MANAGE_PARTNERS)
    if not actor.is_headquarters:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Errors", "Only headquarters may override a failed admission check.")
        )
    reason = clean_text(reason, "reason", MAX_NOTE, multiline=True)
    if len(reason) < 10:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Write the reason out (at least 10 characters)."),
            field="reason",
        )
    with db.uow(actor) as uow:
        partner = load_partner(uow, partner_id, lock=True)
        refuse_while_waiting(uow, partner.id)
        row = latest_admission(uow, partner.id)
        if row is None or row.passed:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "Only a failed admission assessment is overridden.")
            )
        if row.override_reason is not None:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "This assessment is already overridden."))
        row.override_reason, row.overridden_by = reason, actor.username
        row.overridden_at = uow.now()
        audit.record(uow, actor, "partner", partner.code, "override",
                     after={"admission": row.id, "reason": reason})  # fmt: skip
        uow.commit()
        return admission_row(row)


def admissions_of(db: Database, actor: Actor, partner_id: int) -> list[AdmissionRow]:
    """Every assessment of the partner, the latest first."""
    require(actor, Permission.VIEW_PARTNERS)
    with db.reader(actor) as uow:
        load_partner(uow, partner_id)
        query = (
            select(PartnerAdmission)
            .where(PartnerAdmission.partner_id == partner_id)
            .order_by(PartnerAdmission.id.desc())
        )
        return [admission_row(row) for row in uow.session.scalars(query)]


def preview_data_checks(db: Database, actor: Actor, partner_id: int) -> list[CheckLine]:
    """The three checks the record answers, as they would be assessed today."""
    require(actor, Permission.VIEW_PARTNERS)
    with db.reader(actor) as uow:
        partner = load_partner(uow, partner_id)
        results = _results_of(partner, programme_today(uow), read_settings(uow), [])
        return [CheckLine(r.check.value, r.passed, r.evidence) for r in results]


def refuse_unadmitted(uow: UnitOfWork, partner: Partner) -> PartnerAdmission:
    """The latest assessment, if it admits the partner; else refused with the failed checks."""
    row = latest_admission(uow, partner.id)
    if row is None:
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "Assess the admission checks first."))
    if not row.passed and row.override_reason is None:
        failed = [
            c.value for c in rules.Check
            if c.value in row.results and not row.results[c.value]["passed"]
        ]  # fmt: skip
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{count} of the six admission checks failed (shown in red on the partner); "
                "only a headquarters override admits it.",
            ),
            count=len(failed),
            checks=", ".join(failed),
        )
    return row
