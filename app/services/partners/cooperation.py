"""Cooperation (合作模式): a partner's modes, several at once, each with its own fields and
contract (dates, unit cost per redemption, prepaid or postpaid); the renewal reminders; and
the partner's benefits, created in the catalog from the partner's screen."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import select

from app.db.models import Benefit, Partner, PartnerMode
from app.domain import partners as rules
from app.domain.benefits import Source
from app.domain.errors import Conflict, NotFound, ValidationError
from app.domain.inputs import EARLIEST_DATE, MAX_FEN, MAX_NOTE, check_date, check_int, clean_text
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.benefits.catalog import ItemInput, ItemRow, create_item, item_row
from app.services.partners.registry import load_partner
from app.services.settings.programme import read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import programme_today
from app.services.shared.uow import FOR_CHANGE, UnitOfWork, retry_on_contention

LATEST_DATE = date(2099, 12, 31)


@dataclass(frozen=True)
class ModeInput:
    mode: str  # app.domain.partners.Mode
    terms: dict  # the mode's own fields (app.domain.partners.MODE_FIELDS)
    contract_start: date
    contract_end: date
    unit_cost_fen: int  # agreed cost of one redemption
    payment: str = rules.Payment.POSTPAID


@dataclass(frozen=True)
class ModeRow:
    id: int
    partner_id: int
    mode: str
    terms: dict
    contract_start: date
    contract_end: date
    unit_cost_fen: int
    payment: str
    active: bool
    renewal_due: bool  # ends within the reminder days
    updated_by: str
    updated_at: datetime


def _mode_row(row: PartnerMode, today: date, reminder_days: int) -> ModeRow:
    due = row.active and rules.renewal_due(row.contract_end, today, reminder_days)
    return ModeRow(
        row.id, row.partner_id, row.mode, dict(row.terms), row.contract_start, row.contract_end,
        row.unit_cost_fen, row.payment, row.active, due, row.updated_by, row.updated_at,
    )  # fmt: skip


def clean_mode(data: ModeInput) -> dict:
    mode, terms = rules.check_terms(data.mode, data.terms)
    start = check_date(data.contract_start, "contract_start", EARLIEST_DATE, LATEST_DATE)
    end = check_date(data.contract_end, "contract_end", EARLIEST_DATE, LATEST_DATE)
    if end < start:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The end date is before the start date."),
            field="contract_end",
        )
    if data.payment not in {p.value for p in rules.Payment}:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Choose prepaid or postpaid."), field="payment"
        )
    return {
        "mode": mode.value, "terms": terms, "contract_start": start, "contract_end": end,
        "unit_cost_fen": check_int(data.unit_cost_fen, "unit_cost_fen", 0, MAX_FEN),
        "payment": str(data.payment),
    }  # fmt: skip


def list_modes(db: Database, actor: Actor, partner_id: int) -> list[ModeRow]:
    """The partner's modes, current ones first."""
    require(actor, Permission.VIEW_PARTNERS)
    with db.reader(actor) as uow:
        load_partner(uow, partner_id)
        today, days = programme_today(uow), read_settings(uow).partner_renewal_days
        query = (
            select(PartnerMode)
            .where(PartnerMode.partner_id == partner_id)
            .order_by(PartnerMode.active.desc(), PartnerMode.contract_end.desc(), PartnerMode.id)
        )
        return [_mode_row(row, today, days) for row in uow.session.scalars(query)]


def _load_mode(uow: UnitOfWork, mode_id: object) -> PartnerMode:
    if isinstance(mode_id, bool) or not isinstance(mode_id, int):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The cooperation mode no longer exists."))
    row = uow.session.get(PartnerMode, mode_id, with_for_update=FOR_CHANGE)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The cooperation mode no longer exists."))
    return row


def _view(row: PartnerMode) -> dict:
    return {
        "mode": row.mode, "terms": row.terms, "contract_start": row.contract_start.isoformat(),
        "contract_end": row.contract_end.isoformat(), "unit_cost_fen": row.unit_cost_fen,
        "payment": row.payment, "active": row.active,
    }  # fmt: skip


@retry_on_contention
def save_mode(
    db: Database, actor: Actor, partner_id: int, data: ModeInput, mode_id: int | None = None
) -> ModeRow:
    """Add a mode (``mode_id`` None) or change one; not for a terminated partner."""
    require(actor, Permission.MANAGE_PARTNERS)
    values = clean_mode(data)
    with db.uow(actor) as uow:
        partner = load_partner(uow, partner_id, lock=True)
        if partner.status == rules.PartnerStatus.TERMINATED:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "A terminated partner cannot change."))
        row = None if mode_id is None else _load_mode(uow, mode_id)
        if row is not None and row.partner_id != partner.id:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "The cooperation mode no longer exists."))
        before = _view(row) if row else None
        if row is None:
            row = PartnerMode(partner_id=partner.id, active=True)
            uow.session.add(row)
        for key, value in values.items():
            setattr(row, key, value)
        row.updated_by, row.updated_at = actor.username, uow.now()
        uow.session.flush()
        old, new = audit.changes(before or {}, _view(row))
        audit.record(uow, actor, "partner", partner.code, "mode_update" if before else "mode_add",
                     old or None, {"mode_id": row.id, **new})  # fmt: skip
        uow.commit()
        settings = read_settings(uow)
        return _mode_row(row, programme_today(uow), settings.partner_renewal_days)


@retry_on_contention
def end_mode(db: Database, actor: Actor, mode_id: int, reason: str) -> ModeRow:
    """Stop a mode (it stays on record; its benefits stay in the catalog until delisted)."""
    require(actor, Permission.MANAGE_PARTNERS)
    reason = clean_text(reason, "reason", MAX_NOTE, multiline=True)
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Give the reason."), field="reason")
    with db.uow(actor) as uow:
        row = _load_mode(uow, mode_id)
        if not row.active:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "This cooperation mode already ended."))
        partner = load_partner(uow, row.partner_id)
        row.active, row.updated_by, row.updated_at = False, actor.username, uow.now()
        before, after = {"mode_id": row.id, "active": True}, {"active": False, "reason": reason}
        audit.record(uow, actor, "partner", partner.code, "mode_end", before, after)
        uow.commit()
        return _mode_row(row, programme_today(uow), read_settings(uow).partner_renewal_days)


@dataclass(frozen=True)
class RenewalRow:
    partner_id: int
    partner_code: str
    partner_name: str
    mode_id: int
    mode: str
    contract_end: date
    days_left: int


def renewals_due(db: Database, actor: Actor) -> list[RenewalRow]:
    """Current contracts ending within the reminder days (a setting), soonest first."""
    require(actor, Permission.VIEW_PARTNERS)
    with db.reader(actor) as uow:
        today = programme_today(uow)
        horizon = today + timedelta(days=read_settings(uow).partner_renewal_days)
        query = (
            select(Partner.id, Partner.code, Partner.name, PartnerMode.id, PartnerMode.mode,
                   PartnerMode.contract_end)
            .join(PartnerMode, PartnerMode.partner_id == Partner.id)
            .where(PartnerMode.active, PartnerMode.contract_end >= today,
                   PartnerMode.contract_end <= horizon,
                   Partner.status != rules.PartnerStatus.TERMINATED)
            .order_by(PartnerMode.contract_end, Partner.code)
        )  # fmt: skip
        return [
            RenewalRow(pid, code, name, mid, mode, end, (end - today).days)
            for pid, code, name, mid, mode, end in uow.session.execute(query)
        ]


# --- the partner's benefits -------------------------------------------------------------------


def create_partner_benefit(db: Database, actor: Actor, partner_id: int, item: ItemInput) -> ItemRow:
    """A draft catalog item supplied by the partner (listing it still goes through
    Approvals, as every item's does)."""
    require(actor, Permission.MANAGE_PARTNERS)
    return create_item(db, actor, replace(item, source=Source.PARTNER, partner_id=partner_id))


def partner_benefits(db: Database, actor: Actor, partner_id: int) -> list[ItemRow]:
    require(actor, Permission.VIEW_PARTNERS)
    with db.reader(actor) as uow:
        load_partner(uow, partner_id)
        query = select(Benefit).where(Benefit.partner_id == partner_id).order_by(Benefit.code)
        return [item_row(uow, item) for item in uow.session.scalars(query)]
