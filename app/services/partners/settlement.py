"""The monthly settlement per partner: the month's redemptions of its benefits (vouchers
issued in the month and not cancelled) at the agreed unit cost each voucher carries, the
month's write-offs for reference, the rebate at the end of a rebate period, and the total.

Figures are read from the vouchers as they stand when the statement is made: a voucher of the
month cancelled later drops out of a statement made again."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, func, or_, select

from app.db.models import Benefit, Partner, PartnerMode, Voucher
from app.domain import partners as rules
from app.domain.benefits import VoucherStatus
from app.domain.errors import PermissionDenied
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.partners.registry import load_partner
from app.services.shared.database import Database
from app.services.shared.uow import UnitOfWork


@dataclass(frozen=True)
class SettlementLine:
    benefit_id: int
    benefit_code: str
    benefit_name: str
    unit_cost_fen: int
    redemptions: int  # issued in the month, not cancelled: billed
    write_offs: int  # used at a dealer in the month

    @property
    def amount_fen(self) -> int:
        return self.redemptions * self.unit_cost_fen


@dataclass(frozen=True)
class Rebate:
    mode_id: int
    period: str
    months: tuple[str, ...]
    period_amount_fen: int  # billed over the period's months
    target_fen: int
    rebate_permille: int
    rebate_fen: int  # 0 when the target was not reached or the period has not ended


@dataclass(frozen=True)
class PartnerSettlement:
    partner_id: int
    partner_code: str
    partner_name: str
    credit_code: str
    status: str
    month: str
    payment: tuple[str, ...]  # prepaid / postpaid of its current modes
    lines: tuple[SettlementLine, ...]
    rebates: tuple[Rebate, ...] = field(default_factory=tuple)

    @property
    def redemptions(self) -> int:
        return sum(line.redemptions for line in self.lines)

    @property
    def write_offs(self) -> int:
        return sum(line.write_offs for line in self.lines)

    @property
    def amount_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    @property
    def rebate_fen(self) -> int:
        return sum(rebate.rebate_fen for rebate in self.rebates)

    @property
    def total_fen(self) -> int:
        """What the programme owes the partner for the month, after rebates."""
        return self.amount_fen - self.rebate_fen


@dataclass(frozen=True)
class Settlement:
    month: str
    partners: tuple[PartnerSettlement, ...]

    @property
    def amount_fen(self) -> int:
        return sum(p.amount_fen for p in self.partners)

    @property
    def rebate_fen(self) -> int:
        return sum(p.rebate_fen for p in self.partners)

    @property
    def total_fen(self) -> int:
        return sum(p.total_fen for p in self.partners)


def _lines(uow: UnitOfWork, first: date, last: date, partner_ids: list[int] | None) -> dict:
    """partner id → its lines for the month, one per benefit and unit cost. Two grouped
    reads, each a range over an index of (benefit, date) per partner benefit."""
    issued = and_(Voucher.issued_on >= first, Voucher.issued_on <= last,
                  Voucher.status != VoucherStatus.CANCELLED)  # fmt: skip
    used = and_(Voucher.used_on >= first, Voucher.used_on <= last)
    counts: dict[tuple, list[int]] = {}
    for position, condition in enumerate((issued, used)):
        query = (
            select(Benefit.partner_id, Benefit.id, Benefit.code, Benefit.name,
                   Voucher.unit_cost_fen, func.count())
            .join(Voucher, Voucher.benefit_id == Benefit.id)
            .where(Benefit.partner_id.is_not(None), condition)
            .group_by(Benefit.partner_id, Benefit.id, Benefit.code, Benefit.name,
                      Voucher.unit_cost_fen)
        )  # fmt: skip
        if partner_ids is not None:
            query = query.where(Benefit.partner_id.in_(partner_ids))
        for *key, count in uow.session.execute(query):
            counts.setdefault(tuple(key), [0, 0])[position] = int(count)
    lines: dict[int, list[SettlementLine]] = {}
    for (partner_id, bid, code, name, cost), (redeemed, written) in sorted(
        counts.items(), key=lambda item: (item[0][2], item[0][4])
    ):
        lines.setdefault(partner_id, []).append(
            SettlementLine(bid, code, name, cost, redeemed, written)
        )
    return lines


def _current_modes(uow: UnitOfWork, first: date, last: date) -> dict[int, list[PartnerMode]]:
    """partner id → its modes whose contracts run in the month (one read for all)."""
    modes: dict[int, list[PartnerMode]] = {}
    query = select(PartnerMode).where(
        PartnerMode.active, PartnerMode.contract_start <= last, PartnerMode.contract_end >= first
    ).order_by(PartnerMode.id)  # fmt: skip
    for mode in uow.session.scalars(query):
        modes.setdefault(mode.partner_id, []).append(mode)
    return modes


def _rebates(
    uow: UnitOfWork, partner_id: int, month: str, modes: list[PartnerMode]
) -> tuple[Rebate, ...]:
    """The partner's current rebate modes, settled at the period's end."""
    rebates = []
    for mode in (m for m in modes if m.mode == rules.Mode.REBATE):
        terms = mode.terms
        months, period_ends = rules.period_months(month, rules.Period(terms["rebate_period"]))
        amount = _billed_over(uow, partner_id, months)
        rebate = rules.rebate_fen(amount, terms["target_fen"], terms["rebate_permille"])
        rebates.append(Rebate(mode.id, terms["rebate_period"], tuple(months), amount,
                              terms["target_fen"], terms["rebate_permille"],
                              rebate if period_ends else 0))  # fmt: skip
    return tuple(rebates)


def _billed_over(uow: UnitOfWork, partner_id: int, months: list[str]) -> int:
    first, _ = rules.month_range(months[0])
    _, last = rules.month_range(months[-1])
    total = uow.session.scalar(
        select(func.coalesce(func.sum(Voucher.unit_cost_fen), 0))
        .join(Benefit, Benefit.id == Voucher.benefit_id)
        .where(Benefit.partner_id == partner_id, Voucher.issued_on >= first,
               Voucher.issued_on <= last, Voucher.status != VoucherStatus.CANCELLED)
    )  # fmt: skip
    return int(total or 0)


def refuse_unless_settles(actor: Actor) -> None:
    """Settlements are headquarters' figures: reports rights and no dealer."""
    require(actor, Permission.VIEW_REPORTS)
    if not actor.is_headquarters:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Errors", "Partner settlements are kept by headquarters.")
        )


def settlement(db: Database, actor: Actor, month: str, partner_id: int | None = None) -> Settlement:
    """The month's settlement of one partner or of every partner that has benefits or is
    active (a partner with nothing in the month shows a zero statement)."""
    refuse_unless_settles(actor)
    first, last = rules.month_range(month)
    with db.reader(actor) as uow:
        if partner_id is not None:
            load_partner(uow, partner_id)
        ids = None if partner_id is None else [partner_id]
        lines = _lines(uow, first, last, ids)
        query = select(Partner).order_by(Partner.code)
        if partner_id is not None:
            query = query.where(Partner.id == partner_id)
        else:
            has_benefits = select(Benefit.partner_id).where(Benefit.partner_id.is_not(None))
            query = query.where(
                or_(Partner.status == rules.PartnerStatus.ACTIVE, Partner.id.in_(has_benefits))
            )
        modes = _current_modes(uow, first, last)
        statements = tuple(
            PartnerSettlement(
                p.id, p.code, p.name, p.credit_code, p.status, month,
                tuple(sorted({m.payment for m in modes.get(p.id, [])})),
                tuple(lines.get(p.id, ())), _rebates(uow, p.id, month, modes.get(p.id, [])),
            )
            for p in uow.session.scalars(query)
        )  # fmt: skip
    return Settlement(month, statements)
