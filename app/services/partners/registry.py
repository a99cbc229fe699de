"""The partner registry: a partner's record, its life cycle and the list the screens show.

Headquarters keeps the registry (MANAGE_PARTNERS); everyone with VIEW_PARTNERS reads it.
Status changes a person may make directly (start the evaluation, suspend, terminate…) are
made here with a reason; admission and activation go through Approvals (``requests``).
Every change is audited and kept in the partner's status history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select

from app.db.models import (
    ApprovalRequest,
    Benefit,
    Partner,
    PartnerAdmission,
    PartnerEvaluation,
    PartnerStatusChange,
)
from app.domain import partners as rules
from app.domain.approvals import ApprovalStatus
from app.domain.benefits import ItemStatus
from app.domain.errors import Conflict, NotFound, ValidationError
from app.domain.inputs import check_date, check_int, clean_text
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import programme_today
from app.services.shared.uow import FOR_CHANGE, UnitOfWork, retry_on_contention

PARTNER_KINDS = ("partner_admission", "partner_activation")


@dataclass(frozen=True)
class PartnerInput:
    code: str
    name: str
    credit_code: str
    legal_person: bool
    legal_representative: str
    registered_capital_fen: int
    founded_on: date
    industry: str
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    address: str = ""
    vat_special_invoice: bool = False
    documents: str = ""  # references to the licence, statements…, one a line
    notes: str = ""


@dataclass(frozen=True)
class PartnerRow:
    id: int
    code: str
    name: str
    credit_code: str
    legal_person: bool
    legal_representative: str
    registered_capital_fen: int
    founded_on: date
    industry: str
    contact_name: str
    contact_phone: str
    contact_email: str
    address: str
    vat_special_invoice: bool
    documents: str
    notes: str
    shortlist_reason: str | None
    status: str
    status_since: date
    updated_at: datetime
    admission_passed: bool | None  # None: not assessed yet
    failed_checks: tuple[str, ...]
    override_reason: str | None  # headquarters admitted it despite failed checks
    score_hundredths: int | None  # the latest weighted total, None: not evaluated
    waiting_request: str | None  # partner_admission or partner_activation, while it waits

    @property
    def overridden(self) -> bool:
        return self.override_reason is not None


@dataclass(frozen=True)
class StatusChangeRow:
    from_status: str | None
    to_status: str
    effective_on: date
    reason: str
    actor: str
    approval_id: int | None
    created_at: datetime


# --- reading ------------------------------------------------------------------------------------


def load_partner(uow: UnitOfWork, partner_id: object, lock: bool = False) -> Partner:
    if isinstance(partner_id, bool) or not isinstance(partner_id, int):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The partner no longer exists."))
    partner = uow.session.get(
        Partner, partner_id, with_for_update=FOR_CHANGE if lock else None, populate_existing=lock
    )
    if partner is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The partner no longer exists."))
    return partner


def latest_admission(uow: UnitOfWork, partner_id: int) -> PartnerAdmission | None:
    return uow.session.scalars(
        select(PartnerAdmission)
        .where(PartnerAdmission.partner_id == partner_id)
        .order_by(PartnerAdmission.id.desc())
        .limit(1)
    ).first()


def latest_evaluation(uow: UnitOfWork, partner_id: int) -> PartnerEvaluation | None:
    return uow.session.scalars(
        select(PartnerEvaluation)
        .where(PartnerEvaluation.partner_id == partner_id)
        .order_by(PartnerEvaluation.id.desc())
        .limit(1)
    ).first()


def _latest_rows(uow: UnitOfWork, model, ids: list[int]) -> dict[int, object]:
    newest = select(func.max(model.id)).where(model.partner_id.in_(ids)).group_by(model.partner_id)
    return {
        row.partner_id: row
        for row in uow.session.scalars(select(model).where(model.id.in_(newest)))
    }


def _waiting_requests(uow: UnitOfWork, ids: list[int]) -> dict[int, str]:
    query = select(ApprovalRequest.subject_id, ApprovalRequest.kind).where(
        ApprovalRequest.kind.in_(PARTNER_KINDS),
        ApprovalRequest.status == ApprovalStatus.PENDING,
        ApprovalRequest.subject_id.in_(ids),
    )
    return {
        subject_id: kind
        for subject_id, kind in uow.session.execute(query)
        if subject_id is not None  # partner requests always name their partner
    }


def refuse_while_waiting(uow: UnitOfWork, partner_id: int) -> None:
    """A request for the partner waits in Approvals: what it rests on stays as it was asked
    (its status, assessment and score) until it is decided or withdrawn."""
    if _waiting_requests(uow, [partner_id]):
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors", "A request for this partner waits in Approvals; withdraw it first."
            )
        )


def partner_rows(uow: UnitOfWork, partners: list[Partner]) -> list[PartnerRow]:
    """The screens' rows, with each partner's latest admission and score read at once."""
    ids = [p.id for p in partners]
    admissions = _latest_rows(uow, PartnerAdmission, ids)
    evaluations = _latest_rows(uow, PartnerEvaluation, ids)
    waiting = _waiting_requests(uow, ids)
    rows = []
    for p in partners:
        admission: PartnerAdmission | None = admissions.get(p.id)  # type: ignore[assignment]
        evaluation: PartnerEvaluation | None = evaluations.get(p.id)  # type: ignore[assignment]
        results = admission.results if admission else {}
        failed = tuple(  # in the seed's order, whatever order the JSON kept
            check.value for check in rules.Check
            if check.value in results and not results[check.value]["passed"]
        )  # fmt: skip
        rows.append(PartnerRow(
            p.id, p.code, p.name, p.credit_code, p.legal_person, p.legal_representative,
            p.registered_capital_fen, p.founded_on, p.industry, p.contact_name, p.contact_phone,
            p.contact_email, p.address, p.vat_special_invoice, p.documents, p.notes,
            p.shortlist_reason, p.status, p.status_since, p.updated_at,
            admission.passed if admission else None, failed,
            admission.override_reason if admission else None,
            evaluation.total_hundredths if evaluation else None, waiting.get(p.id),
        ))  # fmt: skip
    return rows


def get_partner(db: Database, actor: Actor, partner_id: int) -> PartnerRow:
    require(actor, Permission.VIEW_PARTNERS)
    with db.reader(actor) as uow:
        return partner_rows(uow, [load_partner(uow, partner_id)])[0]


def find_partner_id(db: Database, actor: Actor, code: str) -> int:
    """The id of the partner with ``code`` (the command line names partners by code)."""
    require(actor, Permission.VIEW_PARTNERS)
    code = clean_text(code, "partner", rules.MAX_CODE_LENGTH, required=True).upper()
    with db.reader(actor) as uow:
        found = uow.session.scalar(select(Partner.id).where(Partner.code == code))
    if found is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No partner has the code {code}."), code=code)
    return found


@dataclass(frozen=True)
class PartnerFilter:
    search: str = ""  # code, name or credit code
    industry: str | None = None
    status: str | None = None


def list_partners(
    db: Database, actor: Actor, filters: PartnerFilter | None = None
) -> list[PartnerRow]:
    """The registry (hundreds of partners at most), by industry, then code."""
    require(actor, Permission.VIEW_PARTNERS)
    filters = filters or PartnerFilter()
    search = clean_text(filters.search, "search", 100)
    query = select(Partner).order_by(Partner.industry, Partner.code)
    if search:
        pattern = f"%{search.lower()}%"
        query = query.where(
            or_(
                func.lower(Partner.code).like(pattern),
                func.lower(Partner.name).like(pattern),
                func.lower(Partner.credit_code).like(pattern),
            )
        )
    if filters.industry:
        query = query.where(Partner.industry == filters.industry)
    if filters.status:
        query = query.where(Partner.status == filters.status)
    with db.reader(actor) as uow:
        return partner_rows(uow, list(uow.session.scalars(query)))


def status_history(db: Database, actor: Actor, partner_id: int) -> list[StatusChangeRow]:
    require(actor, Permission.VIEW_PARTNERS)
    with db.reader(actor) as uow:
        load_partner(uow, partner_id)
        changes = uow.session.scalars(
            select(PartnerStatusChange)
            .where(PartnerStatusChange.partner_id == partner_id)
            .order_by(PartnerStatusChange.id)
        )
        return [
            StatusChangeRow(c.from_status, c.to_status, c.effective_on, c.reason, c.actor,
                            c.approval_id, c.created_at)
            for c in changes
        ]  # fmt: skip


# --- checking what the editor gave --------------------------------------------------------------


def _choice(value: object, allowed: type, field: str, message: str) -> str:
    if value not in {member.value for member in allowed}:  # type: ignore[attr-defined]
        raise ValidationError(message, field=field)
    return str(value)


def _flag(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Answer yes or no."), field=field)
    return value


def clean_partner(data: PartnerInput, today: date) -> dict:
    """The partner's columns from ``data``, every field checked; nothing is cut or coerced."""
    code = clean_text(data.code, "code", rules.MAX_CODE_LENGTH, required=True).upper()
    if not all(c.isascii() and (c.isalnum() or c in "-_") for c in code):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A code has letters, digits, dashes or underscores."),
            field="code",
        )
    email = clean_text(data.contact_email, "contact_email", 100)
    if email and ("@" not in email or " " in email):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter an e-mail address such as name@example.com."),
            field="contact_email",
        )
    phone = clean_text(data.contact_phone, "contact_phone", 40)
    if phone and not all(c.isdigit() or c in "+-() " for c in phone):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A telephone number has digits, spaces, +, - and ()."),
            field="contact_phone",
        )
    return {
        "code": code,
        "name": clean_text(data.name, "name", rules.MAX_NAME, required=True, no_formula=True),
        "credit_code": rules.check_credit_code(data.credit_code),
        "legal_person": _flag(data.legal_person, "legal_person"),
        "legal_representative": clean_text(
            data.legal_representative, "legal_representative", 40, required=True, no_formula=True
        ),
        "registered_capital_fen": check_int(
            data.registered_capital_fen, "registered_capital_fen", 0, rules.MAX_CAPITAL_FEN
        ),
        "founded_on": check_date(data.founded_on, "founded_on", date(1800, 1, 1), today),
        "industry": _choice(data.industry, rules.Industry, "industry",
                            QT_TRANSLATE_NOOP("Errors", "Choose an industry.")),
        "contact_name": clean_text(data.contact_name, "contact_name", 40, no_formula=True),
        "contact_phone": phone,
        "contact_email": email,
        "address": clean_text(data.address, "address", rules.MAX_TEXT, no_formula=True),
        "vat_special_invoice": _flag(data.vat_special_invoice, "vat_special_invoice"),
        "documents": clean_text(data.documents, "documents", rules.MAX_NOTES, multiline=True),
        "notes": clean_text(data.notes, "notes", rules.MAX_NOTES, multiline=True),
    }  # fmt: skip


def _refuse_duplicates(uow: UnitOfWork, values: dict, own_id: int | None) -> None:
    for column, message in (
        (Partner.code, QT_TRANSLATE_NOOP("Errors", "Another partner already has the code {code}.")),
        (Partner.credit_code, QT_TRANSLATE_NOOP(
            "Errors", "Another partner already has the credit code {code}.")),
    ):  # fmt: skip
        other = uow.session.scalar(select(Partner.id).where(column == values[column.key]))
        if other is not None and other != own_id:
            raise Conflict(message, field=column.key, code=values[column.key])


def audit_view(partner: Partner) -> dict:
    return {
        "code": partner.code, "name": partner.name, "credit_code": partner.credit_code,
        "legal_person": partner.legal_person,
        "legal_representative": partner.legal_representative,
        "registered_capital_fen": partner.registered_capital_fen,
        "founded_on": partner.founded_on.isoformat(), "industry": partner.industry,
        "contact_name": partner.contact_name, "contact_phone": partner.contact_phone,
        "contact_email": partner.contact_email, "address": partner.address,
        "vat_special_invoice": partner.vat_special_invoice, "documents": partner.documents,
        "notes": partner.notes, "status": partner.status,
    }  # fmt: skip


# --- writing ------------------------------------------------------------------------------------


@retry_on_contention
def create_partner(db: Database, actor: Actor, data: PartnerInput) -> PartnerRow:
    """A new candidate."""
    require(actor, Permission.MANAGE_PARTNERS)
    with db.uow(actor) as uow:
        today = programme_today(uow)
        values = clean_partner(data, today)
        _refuse_duplicates(uow, values, None)
        now = uow.now()
        partner = Partner(**values, status=rules.PartnerStatus.CANDIDATE, status_since=today,
                          created_by=actor.username, created_at=now, updated_at=now)  # fmt: skip
        uow.session.add(partner)
        uow.session.flush()
        record_status(uow, actor, partner, None, rules.PartnerStatus.CANDIDATE, "")
        audit.record(uow, actor, "partner", partner.code, "create", after=audit_view(partner))
        uow.commit()
        return partner_rows(uow, [partner])[0]


@retry_on_contention
def update_partner(db: Database, actor: Actor, partner_id: int, data: PartnerInput) -> PartnerRow:
    """Change a partner's record (not a terminated one's); every change is audited. The
    admission checks read the record when they are assessed, so assess again after a change."""
    require(actor, Permission.MANAGE_PARTNERS)
    with db.uow(actor) as uow:
        partner = load_partner(uow, partner_id, lock=True)
        if partner.status == rules.PartnerStatus.TERMINATED:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "A terminated partner cannot change."))
        values = clean_partner(data, programme_today(uow))
        _refuse_duplicates(uow, values, partner.id)
        if values["code"] != partner.code and partner.status != rules.PartnerStatus.CANDIDATE:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "Only a candidate's code can change."), field="code"
            )
        before = audit_view(partner)
        for key, value in values.items():
            setattr(partner, key, value)
        partner.updated_at = uow.now()
        old, new = audit.changes(before, audit_view(partner))
        if new:
            audit.record(uow, actor, "partner", partner.code, "update", before=old, after=new)
        uow.commit()
        return partner_rows(uow, [partner])[0]


def record_status(
    uow: UnitOfWork,
    actor: Actor,
    partner: Partner,
    from_status: str | None,
    to_status: str,
    reason: str,
    approval_id: int | None = None,
) -> None:
    """Set the status and keep the change in the history (the caller audits it)."""
    today = programme_today(uow)
    partner.status, partner.status_since, partner.updated_at = to_status, today, uow.now()
    uow.session.add(PartnerStatusChange(
        partner_id=partner.id, from_status=from_status, to_status=to_status, effective_on=today,
        reason=reason, actor=actor.username, approval_id=approval_id, created_at=uow.now(),
    ))  # fmt: skip


def _delist_benefits(uow: UnitOfWork, actor: Actor, partner: Partner, reason: str) -> None:
    """A terminated partner supplies nothing more: its listed benefits leave the catalog
    (vouchers already issued stay valid, as with any delisting)."""
    listed = uow.session.scalars(
        select(Benefit).where(Benefit.partner_id == partner.id, Benefit.status == ItemStatus.LISTED)
    )
    for item in listed:
        item.status, item.updated_at = ItemStatus.DELISTED, uow.now()
        audit.record(uow, actor, "benefit", item.code, "delist", {"status": "listed"},
                     {"status": "delisted", "note": reason, "partner": partner.code})  # fmt: skip


@retry_on_contention
def change_status(
    db: Database, actor: Actor, partner_id: int, to_status: str, reason: str
) -> PartnerRow:
    """A change a person makes directly, with a reason: start or stop the evaluation,
    suspend, terminate. Admission and activation are requested (``requests``)."""
    require(actor, Permission.MANAGE_PARTNERS)
    reason = clean_text(reason, "reason", 500, multiline=True)
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Give the reason."), field="reason")
    with db.uow(actor) as uow:
        partner = load_partner(uow, partner_id, lock=True)
        current = rules.PartnerStatus(partner.status)
        if to_status not in {s.value for s in rules.DIRECT_CHANGES[current]}:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This change of status is not made directly: admission and activation are "
                    "requested in Approvals, and a terminated partner stays terminated.",
                ),
                field="status", to_status=str(to_status),
            )  # fmt: skip
        refuse_while_waiting(uow, partner.id)
        record_status(uow, actor, partner, current, to_status, reason)
        if to_status == rules.PartnerStatus.TERMINATED:
            _delist_benefits(uow, actor, partner, reason)
        after = {"status": to_status, "reason": reason}
        audit.record(uow, actor, "partner", partner.code, "status", {"status": current}, after)
        uow.commit()
        return partner_rows(uow, [partner])[0]
