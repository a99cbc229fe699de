"""Merging duplicate member records: a supervisor's decision, audited on both records."""

from __future__ import annotations

from typing import cast

from sqlalchemy import select, update
from sqlalchemy.engine import CursorResult

from app.db.models import (
    Member,
    MemberTag,
    ServiceOrder,
    Vehicle,
    VehicleOwnership,
    Voucher,
)
from app.domain.errors import PermissionDenied, ValidationError
from app.domain.inputs import clean_text
from app.domain.members import MAX_REASON, MemberStatus
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.members.records import anonymise, set_search_keys
from app.services.points import ledger
from app.services.settings.programme import read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import load_member, programme_today
from app.services.shared.uow import retry_on_contention
from app.services.tiers import merging as tier_merging


@retry_on_contention
def merge_members(db: Database, actor: Actor, keep_id: int, merge_id: int, reason: str) -> None:
    """Move everything of ``merge_id`` to ``keep_id`` and close it. Supervisors decide merges."""
    require(actor, Permission.APPROVE)
    if keep_id == merge_id:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose two different members."))
    reason = clean_text(reason, "reason", MAX_REASON, multiline=True)
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter the reason."), field="reason")
    with db.uow(actor) as uow:
        for member_id in sorted((keep_id, merge_id)):  # one lock order: no deadlock
            load_member(uow, member_id, lock=True)
        keep, gone = load_member(uow, keep_id), load_member(uow, merge_id)
        for member in (keep, gone):
            if not actor.is_headquarters and member.dealer_id != actor.dealer_id:
                raise PermissionDenied(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Both members must belong to your dealer; ask headquarters."
                    )
                )
            if member.status == MemberStatus.CLOSED:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "A closed member cannot be merged.")
                )
        session = uow.session
        moved = {
            "vehicles": _rows_moved(
                session, update(Vehicle).where(Vehicle.member_id == gone.id), keep.id
            ),
            "service_orders": _rows_moved(
                session, update(ServiceOrder).where(ServiceOrder.member_id == gone.id), keep.id
            ),
            # vouchers go with the member: the survivor uses them, and limits count them
            "vouchers": _rows_moved(
                session, update(Voucher).where(Voucher.member_id == gone.id), keep.id
            ),
        }
        session.execute(
            update(VehicleOwnership)
            .where(VehicleOwnership.member_id == gone.id)
            .values(member_id=keep.id)
        )
        session.execute(
            update(Member).where(Member.referrer_id == gone.id).values(referrer_id=keep.id)
        )
        gone_tags = set(
            session.scalars(select(MemberTag.tag).where(MemberTag.member_id == gone.id))
        )
        keep_tags = set(
            session.scalars(select(MemberTag.tag).where(MemberTag.member_id == keep.id))
        )
        for tag in gone_tags - keep_tags:
            session.add(MemberTag(member_id=keep.id, tag=tag))
        for column in ("mobile", "resident_id", "birthday", "gender", "province", "city"):
            if getattr(keep, column) is None and getattr(gone, column) is not None:
                value = getattr(gone, column)
                setattr(gone, column, None)
                session.flush()  # free the unique value before the survivor takes it
                setattr(keep, column, value)
        set_search_keys(keep)
        moved["points"] = ledger.transfer_all(
            uow, read_settings(uow), gone.id, keep.id, actor.username, programme_today(uow)
        )
        tier_merging.carry_over(uow, actor, keep.id, gone.id, programme_today(uow))
        gone.status, gone.status_reason = MemberStatus.CLOSED, reason
        gone.merged_into_id = keep.id
        anonymise(uow, gone)
        audit.record(
            uow,
            actor,
            "member",
            keep.id,
            "merge",
            after={"merged": gone.member_number, "reason": reason, **moved},
        )
        audit.record(
            uow,
            actor,
            "member",
            gone.id,
            "merged_into",
            after={"into": keep.member_number, "reason": reason},
        )
        uow.commit()


def _rows_moved(session, statement, keep_id: int) -> int:
    result = session.execute(statement.values(member_id=keep_id))
    return cast(CursorResult, result).rowcount
