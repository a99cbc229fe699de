"""The tier benefit matrix: for each tier-channel item and each tier, the quantity per
period and the value or discount (RULES.md B3; seeded with the eight benefits, unset)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.db.models import Benefit, TierEntitlement
from app.domain import benefits as rules
from app.domain.errors import ValidationError
from app.domain.inputs import MAX_FEN, check_int
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.benefits.catalog import load_item
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import programme_today
from app.services.shared.uow import FOR_CHANGE, UnitOfWork, retry_on_contention
from app.services.tiers.policy import policy_in_force

MAX_QUANTITY = 1000


@dataclass(frozen=True)
class MatrixItem:
    id: int
    code: str
    name: str
    category: str
    status: str
    face_value_fen: int


@dataclass(frozen=True)
class Matrix:
    tiers: list[tuple[str, str]]  # (code, name), lowest first
    items: list[MatrixItem]
    cells: dict[tuple[int, str], rules.Entitlement]  # (benefit id, tier code); absent: unset

    def cell(self, benefit_id: int, tier_code: str) -> rules.Entitlement:
        return self.cells.get((benefit_id, tier_code), rules.Entitlement(None))

    @property
    def unset(self) -> int:
        """Cells headquarters has still to fill in."""
        return sum(
            1 for item in self.items for code, _ in self.tiers
            if not self.cell(item.id, code).is_set
        )  # fmt: skip


def read_matrix(db: Database, actor: Actor) -> Matrix:
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        policy = policy_in_force(uow, programme_today(uow))
        items = [
            MatrixItem(b.id, b.code, b.name, b.category, b.status, b.face_value_fen)
            for b in uow.session.scalars(
                select(Benefit)
                .where(Benefit.channel == rules.Channel.TIER, Benefit.status != "delisted")
                .order_by(Benefit.id)
            )
        ]
        cells = {
            (row.benefit_id, row.tier_code): entitlement(row)
            for row in uow.session.scalars(select(TierEntitlement))
        }
    return Matrix([(t.code, t.name) for t in policy.tiers], items, cells)


def entitlement(row: TierEntitlement | None) -> rules.Entitlement:
    if row is None:
        return rules.Entitlement(None)
    return rules.Entitlement(
        row.quantity, rules.QuotaPeriod(row.period), row.value_fen, row.discount_permille
    )


def entitlement_of(uow: UnitOfWork, benefit_id: int, tier_code: str) -> rules.Entitlement:
    return entitlement(uow.session.get(TierEntitlement, (benefit_id, tier_code)))


def _clean(cell: rules.Entitlement) -> rules.Entitlement:
    if cell.period not in {p.value for p in rules.QuotaPeriod}:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a period."), field="period")
    if cell.value_fen is not None and cell.discount_permille is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Give a value or a discount, not both."),
            field="discount_permille",
        )
    return rules.Entitlement(
        None if cell.quantity is None else check_int(cell.quantity, "quantity", 0, MAX_QUANTITY),
        rules.QuotaPeriod(cell.period),
        None if cell.value_fen is None else check_int(cell.value_fen, "value_fen", 0, MAX_FEN),
        None if cell.discount_permille is None
        else check_int(cell.discount_permille, "discount_permille", 1, 999),
    )  # fmt: skip


@retry_on_contention
def save_cell(
    db: Database, actor: Actor, benefit_id: int, tier_code: str, cell: rules.Entitlement
) -> rules.Entitlement:
    """Set one cell (quantity None: back to unset); audited with before and after."""
    require(actor, Permission.MANAGE_BENEFITS)
    cell = _clean(cell)
    with db.uow(actor) as uow:
        item = load_item(uow, benefit_id)
        if item.channel != rules.Channel.TIER:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Only tier entitlements have a row in the matrix."),
                field="benefit_id",
            )
        if not isinstance(tier_code, str) or not policy_in_force(uow, programme_today(uow)).has(
            tier_code
        ):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a tier."), field="tier")
        row = uow.session.get(TierEntitlement, (item.id, tier_code), with_for_update=FOR_CHANGE)
        before = _view(entitlement(row))
        if row is None:
            row = TierEntitlement(benefit_id=item.id, tier_code=tier_code)
            uow.session.add(row)
        row.quantity, row.period = cell.quantity, cell.period
        row.value_fen, row.discount_permille = cell.value_fen, cell.discount_permille
        row.updated_by, row.updated_at = actor.username, uow.now()
        old, new = audit.changes(before, _view(cell))
        if new:
            audit.record(uow, actor, "tier_entitlement", f"{item.code}/{tier_code}", "update",
                         before=old, after=new)  # fmt: skip
        uow.commit()
        return cell


def _view(cell: rules.Entitlement) -> dict:
    return {"quantity": cell.quantity, "period": str(cell.period),
            "value_fen": cell.value_fen, "discount_permille": cell.discount_permille}  # fmt: skip
