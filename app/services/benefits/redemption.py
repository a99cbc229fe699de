"""Redemption (兑换) at the counter: hold the points, take one from stock, issue the voucher,
post the hold; all in one transaction, so a failure at any step leaves no points deducted
and no stock taken. A retried request (same ``request_uid``) returns the first voucher.

Lock order: the member's points account first (two clerks redeeming for one member queue
there, so per-member limits hold), then the item's stock row by a conditional update (two
clerks taking the last one: exactly one update finds stock left).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app.db.models import Benefit, Voucher
from app.domain import benefits as rules
from app.domain.errors import Conflict
from app.domain.inputs import check_request_uid, derived_uid, new_request_uid
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.benefits.catalog import load_item
from app.services.benefits.matrix import entitlement_of
from app.services.benefits.offers import judge, member_context, voucher_value
from app.services.benefits.vouchers import VoucherRow, voucher_row
from app.services.points import ledger
from app.services.points.counter import counter_dealer, postable_member
from app.services.settings.programme import read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import programme_today
from app.services.shared.uow import UnitOfWork, retry_on_contention

CODE_ATTEMPTS = 5  # a clash of 75 random bits is not expected once in the programme's life


class NotAvailable(Conflict):
    """The member may not have the item now; the message says why."""


@dataclass(frozen=True)
class RedeemInput:
    member_id: int
    benefit_id: int
    request_uid: str = field(default_factory=new_request_uid)
    dealer_id: int | None = None  # headquarters staff name the dealer; others redeem at theirs


@retry_on_contention
def redeem(db: Database, actor: Actor, data: RedeemInput) -> VoucherRow:
    require(actor, Permission.USE_BENEFITS)
    check_request_uid(data.request_uid)
    with db.uow(actor) as uow:
        voucher = _redeem(uow, actor, data)
        uow.commit()
        return voucher_row(uow, actor, voucher)


def _redeem(uow: UnitOfWork, actor: Actor, data: RedeemInput) -> Voucher:
    dealer_id = counter_dealer(uow, actor, data.dealer_id)
    member = postable_member(uow, data.member_id)
    today = programme_today(uow)
    settings = read_settings(uow)
    account = ledger.lock_account(uow, member.id)
    done = uow.session.scalars(
        select(Voucher).where(Voucher.request_uid == data.request_uid)
    ).one_or_none()
    if done is not None:  # a retried dialog (checked under the lock): the first one stands
        return done
    item = load_item(uow, data.benefit_id)
    points = ledger.available_points(uow, account, today)
    context = member_context(uow, member, today, points, item.id)
    cell = entitlement_of(uow, item.id, context.terms.tier_code)
    verdict = judge(item, context, cell)
    if not verdict.ok:
        assert verdict.refusal is not None
        raise NotAvailable(rules.REFUSAL_TEXT[verdict.refusal], **_texts(verdict.params))
    hold = None
    if verdict.price > 0:
        hold = ledger.place_hold(
            uow, derived_uid("benefit", data.request_uid), member.id, verdict.price,
            "benefit", item.code, actor.username,
            timedelta(minutes=settings.hold_timeout_minutes), today, dealer_id=dealer_id,
        )  # fmt: skip
    _take_from_stock(uow, item)
    voucher = _issue(uow, actor, data, item, verdict.price, voucher_value(item, cell), dealer_id)
    if item.channel == rules.Channel.TIER:
        voucher.tier_code, voucher.discount_permille = (
            context.terms.tier_code,
            cell.discount_permille,
        )
    if hold is not None:
        settled = ledger.settle_hold(
            uow, settings, hold.hold_uid, True, actor.username, today, source="redemption"
        )
        voucher.entry_id = settled.entry_id
    uow.session.flush()
    audit.record(uow, actor, "voucher", voucher.code, "redeem",
                 after={"member_id": member.id, "benefit": item.code, "points": verdict.price,
                        "expires_on": voucher.expires_on.isoformat()})  # fmt: skip
    return voucher


def _texts(params: dict) -> dict:
    return {key: value.isoformat() if hasattr(value, "isoformat") else value
            for key, value in params.items()}  # fmt: skip


def _take_from_stock(uow: UnitOfWork, item: Benefit) -> None:
    if item.stock is None:
        return
    taken = uow.session.execute(
        update(Benefit)
        .where(Benefit.id == item.id, Benefit.stock > 0)
        .values(stock=Benefit.stock - 1)
        .execution_options(synchronize_session=False)
    )
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        raise NotAvailable(rules.REFUSAL_TEXT[rules.Refusal.OUT_OF_STOCK])


def _issue(
    uow: UnitOfWork, actor: Actor, data: RedeemInput, item: Benefit, points: int,
    value_fen: int, dealer_id: int,
) -> Voucher:  # fmt: skip
    today = programme_today(uow)
    for _ in range(CODE_ATTEMPTS):
        voucher = Voucher(
            code=rules.new_voucher_code(), request_uid=data.request_uid, benefit_id=item.id,
            member_id=data.member_id, channel=item.channel, points=points,
            face_value_fen=value_fen, unit_cost_fen=item.unit_cost_fen,
            status=rules.VoucherStatus.ISSUED, issued_on=today, issued_at=uow.now(),
            issued_by=actor.username, issued_dealer_id=dealer_id,
            expires_on=rules.voucher_expires_on(today, item.voucher_days),
        )  # fmt: skip
        try:
            with uow.session.begin_nested():
                uow.session.add(voucher)
                uow.session.flush()
            return voucher
        except IntegrityError:
            if _code_taken(uow, voucher.code):
                continue
            raise
    raise Conflict(QT_TRANSLATE_NOOP("Errors", "No free voucher code was found; try again."))


def _code_taken(uow: UnitOfWork, code: str) -> bool:
    return uow.session.scalar(select(Voucher.id).where(Voucher.code == code)) is not None
