"""Which members a report covers: the whole network, a region's dealers or one dealer.
Dealer staff are held to their own dealer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select, true

from app.db.models import Dealer, Member
from app.domain.errors import NotFound, PermissionDenied, ValidationError
from app.domain.roles import Actor
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.reports.model import ReportScope
from app.services.shared.uow import UnitOfWork


@dataclass(frozen=True)
class Coverage:
    """The report's scope and the SQL that selects its dealers."""

    scope: ReportScope
    dealer_ids: tuple[int, ...] | None  # None: the whole network

    def dealer_filter(self, column) -> ColumnElement[bool]:
        """A condition on a dealer id column (members' dealer, vouchers' dealer...)."""
        if self.dealer_ids is None:
            return true()
        return column.in_(self.dealer_ids)

    def member_filter(self, member_id_column) -> ColumnElement[bool]:
        """A condition on a member id column: the member's dealer is in scope."""
        if self.dealer_ids is None:
            return true()
        in_scope = select(Member.id).where(Member.dealer_id.in_(self.dealer_ids))
        return member_id_column.in_(in_scope)

    @property
    def is_network(self) -> bool:
        return self.dealer_ids is None


def resolve_scope(
    uow: UnitOfWork,
    actor: Actor,
    month: str,
    first: date,
    last: date,
    dealer_id: int | None,
    region: str | None,
) -> Coverage:
    """The coverage asked for; dealer staff get their own dealer and nothing else."""
    if dealer_id is not None and region is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Choose either a dealer or a region, not both."),
            field="region",
        )
    if not actor.is_headquarters:
        if region is not None or (dealer_id is not None and dealer_id != actor.dealer_id):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "You can only see your own dealer's figures.")
            )
        dealer_id = actor.dealer_id
    if dealer_id is not None:
        return _dealer_coverage(uow, month, first, last, dealer_id)
    if region is not None:
        return _region_coverage(uow, month, first, last, region)
    return Coverage(ReportScope("network", "", month, first, last), None)


def _dealer_coverage(uow: UnitOfWork, month: str, first: date, last: date, dealer_id: object):
    dealer = None
    if isinstance(dealer_id, int) and not isinstance(dealer_id, bool):
        dealer = uow.session.get(Dealer, dealer_id)
    if dealer is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The dealer no longer exists."))
    scope = ReportScope(
        "dealer", dealer.name, month, first, last, dealer.id, dealer.code, dealer.region
    )
    return Coverage(scope, (dealer.id,))


def _region_coverage(uow: UnitOfWork, month: str, first: date, last: date, region: object):
    name = region.strip() if isinstance(region, str) else ""
    ids = tuple(uow.session.scalars(select(Dealer.id).where(Dealer.region == name)))
    if not name or not ids:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "No dealer belongs to the region {region}."),
            region=name,
        )
    return Coverage(ReportScope("region", name, month, first, last, region=name), ids)
