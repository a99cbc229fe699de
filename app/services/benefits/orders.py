"""The redemption orders (one voucher each), filtered, for the orders screen and its Excel
export. Dealer staff see the orders their dealer issued or wrote off; headquarters all."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import aliased

from app.db.models import Benefit, Dealer, Member, Voucher
from app.domain import benefits as rules
from app.domain.errors import ValidationError
from app.domain.inputs import EARLIEST_DATE, check_date, check_int, clean_text
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.validation import mask_name
from app.services.shared.database import Database
from app.services.shared.queries import scalar_int
from app.services.shared.scope import sees_personal_data

LATEST = date(2099, 12, 31)
EXPORT_CHUNK = 5_000


@dataclass(frozen=True)
class OrderFilter:
    member: str = ""  # member number
    benefit_id: int | None = None
    dealer_id: int | None = None  # issued or written off there
    status: str | None = None
    issued_from: date | None = None
    issued_to: date | None = None


@dataclass(frozen=True)
class OrderRow:
    voucher_id: int
    code: str
    issued_on: date
    member_number: str
    member_name: str  # masked unless the user may see the member's personal data
    benefit_code: str
    benefit_name: str
    channel: str
    points: int
    face_value_fen: int
    unit_cost_fen: int
    status: str
    expires_on: date
    issued_dealer: str | None
    used_on: date | None
    used_dealer: str | None
    issued_by: str


@dataclass(frozen=True)
class OrderPage:
    rows: list[OrderRow]
    total: int  # matches, of which ``rows`` are the newest ``limit``


def _checked(filters: OrderFilter) -> OrderFilter:
    if filters.status is not None and filters.status not in {s.value for s in rules.VoucherStatus}:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter a valid value."), field="status")
    for day in (filters.issued_from, filters.issued_to):
        if day is not None:
            check_date(day, "issued_on", EARLIEST_DATE, LATEST)
    return OrderFilter(
        clean_text(filters.member, "member", 20).upper(), filters.benefit_id, filters.dealer_id,
        filters.status, filters.issued_from, filters.issued_to,
    )  # fmt: skip


def _where(query: Select, actor: Actor, filters: OrderFilter) -> Select:
    if not actor.is_headquarters and not filters.member:
        # a dealer's orders; one member's are all shown (their card shows them anyway)
        query = query.where(
            or_(
                Voucher.issued_dealer_id == actor.dealer_id,
                Voucher.used_dealer_id == actor.dealer_id,
            )
        )
    if filters.member:
        member_id = select(Member.id).where(Member.member_number == filters.member)
        query = query.where(Voucher.member_id.in_(member_id.scalar_subquery()))
    if filters.benefit_id is not None:
        query = query.where(Voucher.benefit_id == filters.benefit_id)
    if filters.dealer_id is not None:
        query = query.where(
            or_(
                Voucher.issued_dealer_id == filters.dealer_id,
                Voucher.used_dealer_id == filters.dealer_id,
            )
        )
    if filters.status:
        query = query.where(Voucher.status == filters.status)
    if filters.issued_from:
        query = query.where(Voucher.issued_on >= filters.issued_from)
    if filters.issued_to:
        query = query.where(Voucher.issued_on <= filters.issued_to)
    return query


def _rows_query(actor: Actor, filters: OrderFilter) -> Select:
    issued_at, used_at = aliased(Dealer), aliased(Dealer)
    query = (
        select(Voucher, Member.member_number, Member.name, Member.dealer_id, Benefit.code,
               Benefit.name, issued_at.name, used_at.name)
        .join(Member, Member.id == Voucher.member_id)
        .join(Benefit, Benefit.id == Voucher.benefit_id)
        .outerjoin(issued_at, issued_at.id == Voucher.issued_dealer_id)
        .outerjoin(used_at, used_at.id == Voucher.used_dealer_id)
        .order_by(Voucher.id.desc())
    )  # fmt: skip
    return _where(query, actor, filters)


def _row(actor: Actor, result) -> OrderRow:
    voucher, number, name, member_dealer, code, benefit, issued_at, used_at = result
    shown = name if sees_personal_data(actor, member_dealer) else mask_name(name)
    return OrderRow(
        voucher.id, voucher.code, voucher.issued_on, number, shown, code, benefit,
        voucher.channel, voucher.points, voucher.face_value_fen, voucher.unit_cost_fen,
        voucher.status, voucher.expires_on, issued_at, voucher.used_on, used_at,
        voucher.issued_by,
    )  # fmt: skip


def list_orders(
    db: Database, actor: Actor, filters: OrderFilter | None = None, limit: int = 500
) -> OrderPage:
    """The newest ``limit`` orders matching ``filters`` and how many match in all."""
    require(actor, Permission.VIEW_MEMBERS)
    filters = _checked(filters or OrderFilter())
    limit = check_int(limit, "limit", 1, 10_000)
    with db.reader(actor) as uow:
        total = scalar_int(uow, _where(select(func.count(Voucher.id)), actor, filters))
        results = uow.session.execute(_rows_query(actor, filters).limit(limit)).all()
        return OrderPage([_row(actor, r) for r in results], total)


def iter_orders(db: Database, actor: Actor, filters: OrderFilter) -> Iterator[OrderRow]:
    """Every matching order, newest first, read in chunks (for the export)."""
    require(actor, Permission.VIEW_MEMBERS)
    filters = _checked(filters)
    last_id = None
    while True:
        with db.reader(actor) as uow:
            query = _rows_query(actor, filters)
            if last_id is not None:
                query = query.where(Voucher.id < last_id)
            results = uow.session.execute(query.limit(EXPORT_CHUNK)).all()
            rows = [_row(actor, r) for r in results]
        yield from rows
        if len(rows) < EXPORT_CHUNK:
            return
        last_id = rows[-1].voucher_id
