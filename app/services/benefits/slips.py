"""The voucher slip (权益兑换券) a member takes to the dealer: a printable PDF of one voucher,
with its code in groups of four and as a QR code. Printing is audited (who printed which
voucher when), since the slip is what a dealer honours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.db.models import Member, Voucher
from app.domain.errors import NotFound
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.validation import mask_name
from app.services.benefits.vouchers import VoucherRow, voucher_row
from app.services.settings.programme import read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.uow import retry_on_contention


@dataclass(frozen=True)
class VoucherSlip:
    """What the slip shows; the member's name is always masked (the slip leaves the desk)."""

    programme_name: str
    code: str
    benefit_name: str
    face_value_fen: int
    points: int
    member_number: str
    member_name: str
    issued_on: date
    issued_dealer: str | None
    expires_on: date
    honoured_by: tuple[str, ...]  # dealer names; empty: every dealer
    printed_at: datetime
    status: str
    discount_permille: int | None = None  # a tier entitlement's discount


def slip_of(db: Database, actor: Actor, voucher_id: int) -> tuple[VoucherSlip, str]:
    """The slip's data and the programme's time zone."""
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        voucher = uow.session.get(Voucher, voucher_id)
        if voucher is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No voucher has this code."))
        row: VoucherRow = voucher_row(uow, actor, voucher)
        settings = read_settings(uow)
        member = uow.session.get(Member, voucher.member_id)
        name = mask_name(member.name) if member is not None and member.name else ""
        slip = VoucherSlip(
            settings.programme_name, row.code, row.benefit_name, row.face_value_fen, row.points,
            row.member_number, name, row.issued_on, row.issued_dealer, row.expires_on,
            row.honoured_by, uow.now(), row.status, row.discount_permille,
        )  # fmt: skip
        return slip, settings.timezone


@retry_on_contention
def _audit_print(db: Database, actor: Actor, slip: VoucherSlip) -> None:
    with db.uow(actor) as uow:
        audit.record(uow, actor, "voucher", slip.code, "print_slip",
                     after={"status": slip.status, "member": slip.member_number})  # fmt: skip
        uow.commit()


def voucher_slip(
    db: Database, actor: Actor, voucher_id: int, path: Path, language: str = "zh_CN"
) -> Path:
    """Write the voucher's slip to ``path`` as a PDF (``language``: zh_CN or en) and audit it."""
    from app.adapters.benefit_pdfs.voucher_slip import write_voucher_slip  # reportlab: lazily

    slip, zone = slip_of(db, actor, voucher_id)
    written = write_voucher_slip(slip, Path(path), None, language, timezone=zone)
    _audit_print(db, actor, slip)
    return written
