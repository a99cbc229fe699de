"""Vouchers after redemption: look one up by its code, write it off (核销) at an honouring
dealer, or cancel an unused one (points and stock go back). A code works once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update

from app.db.models import Benefit, BenefitDealer, Dealer, Member, Voucher
from app.domain import benefits as rules
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.domain.inputs import MAX_NOTE, clean_text, derived_uid
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.validation import mask_mobile, mask_name
from app.services.points import ledger
from app.services.settings.programme import read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import programme_today, sees_personal_data
from app.services.shared.uow import FOR_CHANGE, UnitOfWork, retry_on_contention


@dataclass(frozen=True)
class VoucherRow:
    id: int
    code: str
    benefit_id: int
    benefit_code: str
    benefit_name: str
    channel: str
    member_id: int
    member_number: str
    member_name: str  # masked unless the user may see the member's personal data
    member_mobile: str | None  # masked likewise
    points: int
    face_value_fen: int
    discount_permille: int | None  # a tier entitlement's discount (900: 10% off), if any
    status: str  # app.domain.benefits.VoucherStatus
    issued_on: date
    issued_at: datetime
    issued_by: str
    issued_dealer: str | None
    expires_on: date
    used_at: datetime | None
    used_by: str | None
    used_dealer: str | None
    closed_at: datetime | None
    closed_by: str | None
    close_note: str | None
    honoured_by: tuple[str, ...]  # dealer names; empty: every dealer


def voucher_row(uow: UnitOfWork, actor: Actor, voucher: Voucher) -> VoucherRow:
    item = uow.session.get(Benefit, voucher.benefit_id)
    member = uow.session.get(Member, voucher.member_id)
    assert item is not None and member is not None  # foreign keys
    full = sees_personal_data(actor, member.dealer_id)
    mobile = member.mobile if full else (mask_mobile(member.mobile) if member.mobile else None)
    return VoucherRow(
        voucher.id, voucher.code, item.id, item.code, item.name, voucher.channel, member.id,
        member.member_number, member.name if full else mask_name(member.name), mobile,
        voucher.points, voucher.face_value_fen, voucher.discount_permille, voucher.status,
        voucher.issued_on,
        voucher.issued_at, voucher.issued_by, _dealer_name(uow, voucher.issued_dealer_id),
        voucher.expires_on, voucher.used_at, voucher.used_by,
        _dealer_name(uow, voucher.used_dealer_id), voucher.closed_at, voucher.closed_by,
        voucher.close_note, _honoured_by(uow, item),
    )  # fmt: skip


def _dealer_name(uow: UnitOfWork, dealer_id: int | None) -> str | None:
    dealer = uow.session.get(Dealer, dealer_id) if dealer_id else None
    return dealer.name if dealer else None


def _honoured_by(uow: UnitOfWork, item: Benefit) -> tuple[str, ...]:
    if item.all_dealers:
        return ()
    return tuple(
        uow.session.scalars(
            select(Dealer.name)
            .join(BenefitDealer, BenefitDealer.dealer_id == Dealer.id)
            .where(BenefitDealer.benefit_id == item.id)
            .order_by(Dealer.name)
        )
    )


def _checked_code(text: object) -> str:
    """The code as stored, or a clear refusal before any lookup: a mistyped character is
    caught by the check character, so the clerk is told to retype, not "not found"."""
    if not isinstance(text, str) or not text.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter the voucher code."), field="code")
    code = rules.normalize_code(text)
    if not rules.is_valid_code(code):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "This is not a valid voucher code; check it and type it again."
            ),
            field="code",
        )
    return code


def _by_code(uow: UnitOfWork, code: str, lock: bool = False) -> Voucher:
    query = select(Voucher).where(Voucher.code == code)
    if lock:
        query = query.with_for_update(key_share=True).execution_options(populate_existing=True)
    voucher = uow.session.scalars(query).one_or_none()
    if voucher is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No voucher has this code."), field="code")
    return voucher


def find_voucher(db: Database, actor: Actor, code: str) -> VoucherRow:
    """The voucher a clerk typed or scanned, with the member masked per permission (it may
    be another dealer's member)."""
    require(actor, Permission.USE_BENEFITS)
    code = _checked_code(code)
    with db.reader(actor) as uow:
        return voucher_row(uow, actor, _by_code(uow, code))


def get_voucher(db: Database, actor: Actor, voucher_id: int) -> VoucherRow:
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        voucher = uow.session.get(Voucher, voucher_id)
        if voucher is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No voucher has this code."))
        return voucher_row(uow, actor, voucher)


def _refuse_unusable(voucher: Voucher, today: date) -> None:
    """Why this voucher cannot be used now, in words the clerk can tell the member."""
    if voucher.status == rules.VoucherStatus.USED:
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "This voucher was already used on {date}."),
            date=voucher.used_on.isoformat() if voucher.used_on else "",
        )
    if voucher.status == rules.VoucherStatus.CANCELLED:
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "This voucher was cancelled."))
    if voucher.status == rules.VoucherStatus.EXPIRED or voucher.expires_on < today:
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "This voucher expired on {date}."),
            date=voucher.expires_on.isoformat(),
        )


def _refuse_not_honoured(uow: UnitOfWork, actor: Actor, voucher: Voucher) -> None:
    if actor.is_headquarters:
        return
    item = uow.session.get(Benefit, voucher.benefit_id)
    assert item is not None
    if item.all_dealers:
        return
    honours = uow.session.get(BenefitDealer, (item.id, actor.dealer_id))
    if honours is None:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Errors", "Your dealer does not honour this voucher.")
        )


@retry_on_contention
def write_off(db: Database, actor: Actor, code: str) -> VoucherRow:
    """Mark the voucher used at the actor's dealer; a second write-off is refused."""
    require(actor, Permission.USE_BENEFITS)
    code = _checked_code(code)
    with db.uow(actor) as uow:
        voucher = _by_code(uow, code, lock=True)
        today = programme_today(uow)
        _refuse_unusable(voucher, today)
        _refuse_not_honoured(uow, actor, voucher)
        voucher.status, voucher.used_on, voucher.used_at = (
            rules.VoucherStatus.USED,
            today,
            uow.now(),
        )
        voucher.used_by, voucher.used_dealer_id = actor.username, actor.dealer_id
        audit.record(uow, actor, "voucher", voucher.code, "write_off",
                     before={"status": "issued"},
                     after={"status": "used", "dealer_id": actor.dealer_id})  # fmt: skip
        uow.commit()
        return voucher_row(uow, actor, voucher)


@retry_on_contention
def cancel_voucher(db: Database, actor: Actor, voucher_id: int, note: str) -> VoucherRow:
    """Cancel an unused voucher: its points go back to the member (a reversing entry) and
    its stock to the item. Staff of the issuing dealer or headquarters, with a reason."""
    require(actor, Permission.USE_BENEFITS)
    note = clean_text(note, "note", MAX_NOTE, required=True)
    with db.uow(actor) as uow:
        voucher = uow.session.get(
            Voucher, voucher_id, with_for_update=FOR_CHANGE, populate_existing=True
        )
        if voucher is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No voucher has this code."))
        if not actor.is_headquarters and voucher.issued_dealer_id != actor.dealer_id:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "Errors", "Only the dealer that issued the voucher may cancel it."
                )
            )
        if voucher.status != rules.VoucherStatus.ISSUED:
            _refuse_unusable(voucher, date.min)
        _give_back(uow, actor, voucher, note)
        voucher.status, voucher.closed_at = rules.VoucherStatus.CANCELLED, uow.now()
        voucher.closed_by, voucher.close_note = actor.username, note
        after = {"status": "cancelled", "points": voucher.points, "note": note}
        audit.record(uow, actor, "voucher", voucher.code, "cancel", {"status": "issued"}, after)
        uow.commit()
        return voucher_row(uow, actor, voucher)


def _give_back(uow: UnitOfWork, actor: Actor, voucher: Voucher, note: str) -> None:
    if voucher.entry_id is not None:
        original = ledger.get_entry(uow, voucher.entry_id)
        if original.member_id != voucher.member_id:  # moved here when two records merged
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This voucher came with a merged record: its points cannot go back "
                    "automatically. Request a points adjustment instead.",
                )
            )
        reversal = ledger.reverse(
            uow, read_settings(uow), original, derived_uid("voucher-cancel", voucher.id),
            actor.username, programme_today(uow), note,
        )  # fmt: skip
        voucher.reversal_entry_id = reversal.entry_id
    uow.session.execute(
        update(Benefit)
        .where(Benefit.id == voucher.benefit_id, Benefit.stock.is_not(None))
        .values(stock=Benefit.stock + 1)
    )
