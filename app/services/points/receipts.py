"""The points receipt (积分抵扣凭证): what the member signs at the counter after points were
used against the labour or parts of a repair order. Printing is audited (who printed which
deduction when), since the signed receipt is the dealer's proof of the deduction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from app.db.models import Dealer, LedgerEntry, StaffUser
from app.domain import points as rules
from app.domain.errors import NotFound, PermissionDenied
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.validation import mask_name
from app.services.points.counter import USE_TARGETS
from app.services.points.ledger import POINTS
from app.services.settings.programme import read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.queries import scalar_int
from app.services.shared.scope import load_member
from app.services.shared.uow import retry_on_contention


@dataclass(frozen=True)
class PointsReceipt:
    """What the receipt shows; the member's name is always masked (the paper leaves the desk)."""

    programme_name: str
    entry_id: int
    member_number: str
    member_name: str
    reference: str
    target: str  # labour | parts
    points: int
    value_fen: int
    balance_after: int  # the member's points balance right after this deduction
    dealer_name: str | None
    posted_at: datetime
    operator: str  # the clerk's display name
    printed_at: datetime


def receipt_of(db: Database, actor: Actor, entry_id: int) -> tuple[PointsReceipt, str]:
    """The receipt of one deduction (a ``use_points`` entry) and the programme's time zone.
    Dealer staff print the receipts of their own dealer's deductions."""
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        found = uow.session.execute(
            select(LedgerEntry, Dealer.name, StaffUser.display_name)
            .outerjoin(Dealer, Dealer.id == LedgerEntry.dealer_id)
            .outerjoin(StaffUser, StaffUser.username == LedgerEntry.actor)
            .where(LedgerEntry.id == entry_id)
        ).one_or_none()
        if found is None or found[0].kind != "redeem" or found[0].source not in USE_TARGETS:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such points deduction."))
        entry, dealer_name, operator = found
        if not actor.is_headquarters and entry.dealer_id != actor.dealer_id:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "Only the dealer that deducted the points may do this.")
            )
        member = load_member(uow, entry.member_id)
        balance_after = scalar_int(
            uow,
            select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
                LedgerEntry.member_id == entry.member_id,
                LedgerEntry.currency == POINTS,
                LedgerEntry.id <= entry.id,  # posted in this order: the account row is locked
            ),
        )
        settings = read_settings(uow)
        receipt = PointsReceipt(
            settings.programme_name, entry.id, member.member_number,
            mask_name(member.name) if member.name else "", entry.reference or "",
            entry.source, -entry.amount,
            rules.points_value_fen(-entry.amount, settings.points_per_yuan), balance_after,
            dealer_name, entry.posted_at, operator or entry.actor, uow.now(),
        )  # fmt: skip
        return receipt, settings.timezone


@retry_on_contention
def _audit_print(db: Database, actor: Actor, receipt: PointsReceipt) -> None:
    with db.uow(actor) as uow:
        audit.record(
            uow, actor, "ledger_entry", receipt.entry_id, "print_receipt",
            after={"member": receipt.member_number, "points": receipt.points,
                   "reference": receipt.reference},
        )  # fmt: skip
        uow.commit()


def print_receipt(
    db: Database, actor: Actor, entry_id: int, path: Path, language: str = "zh_CN"
) -> Path:
    """Write the deduction's receipt to ``path`` as a PDF (``language``: zh_CN or en) and
    audit the printing."""
    from app.adapters.points_receipt_pdf import write_points_receipt  # reportlab: lazily

    receipt, zone = receipt_of(db, actor, entry_id)
    written = write_points_receipt(receipt, Path(path), None, language, timezone=zone)
    _audit_print(db, actor, receipt)
    return written
