"""The member 360 view: every field (masked per permission), vehicles and their history."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import func, select

from app.db.models import (
    Dealer,
    Member,
    MemberTag,
    ServiceOrder,
    Vehicle,
    VehicleOwnership,
)
from app.domain import validation as v
from app.domain.members import MemberStatus, mask_id, status_actions
from app.domain.roles import Actor, Permission, require
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import load_member, sees_personal_data


@dataclass(frozen=True)
class VehicleRow:
    id: int
    vin: str
    model: str
    plate: str | None
    purchase_date: date | None
    dealer_name: str | None
    purchase_amount_fen: int | None


@dataclass(frozen=True)
class OwnershipRow:
    vin: str
    member_number: str
    owned_from: date
    owned_until: date | None


@dataclass(frozen=True)
class MemberDetail:
    id: int
    member_number: str
    name: str
    gender: str | None
    mobile: str | None
    resident_id: str | None
    birthday: str | None  # masked as "****" when personal data is hidden
    province: str | None
    city: str | None
    join_date: date
    dealer_id: int | None
    dealer_name: str | None
    status: str
    status_reason: str | None
    activated_on: date | None
    source_channel: str
    interests: list[str]
    tags: list[str]
    income_band: str | None
    referrer_number: str | None
    privacy_consent_at: object
    privacy_consent_by: str | None
    marketing_consent: bool
    masked: bool
    can_edit: bool
    status_actions: list[str] = field(default_factory=list)  # offered to this user
    can_merge: bool = False
    vehicles: list[VehicleRow] = field(default_factory=list)
    previous_vehicles: list[OwnershipRow] = field(default_factory=list)
    service_orders: int = 0
    history: list[audit.AuditRow] = field(default_factory=list)


def get_member(db: Database, actor: Actor, member_id: int) -> MemberDetail:
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        m = load_member(uow, member_id)
        full = sees_personal_data(actor, m.dealer_id)
        session = uow.session
        dealer = session.get(Dealer, m.dealer_id) if m.dealer_id else None
        referrer = session.get(Member, m.referrer_id) if m.referrer_id else None
        vehicles = [
            VehicleRow(x.id, x.vin, x.model, x.plate, x.purchase_date, dname, x.purchase_amount_fen)
            for x, dname in session.execute(
                select(Vehicle, Dealer.name)
                .outerjoin(Dealer, Dealer.id == Vehicle.dealer_id)
                .where(Vehicle.member_id == m.id)
                .order_by(Vehicle.id)
            )
        ]
        previous = [
            OwnershipRow(vin, number, start, end)
            for vin, number, start, end in session.execute(
                select(
                    Vehicle.vin,
                    Member.member_number,
                    VehicleOwnership.owned_from,
                    VehicleOwnership.owned_until,
                )
                .join(Vehicle, Vehicle.id == VehicleOwnership.vehicle_id)
                .join(Member, Member.id == Vehicle.member_id)
                .where(VehicleOwnership.member_id == m.id)
            )
        ]
        may_see_history = full or actor.can(Permission.VIEW_AUDIT)
        history = audit.record_history(uow, "member", m.id) if may_see_history else []
        return MemberDetail(
            id=m.id,
            member_number=m.member_number,
            name=m.name if full or m.status == MemberStatus.CLOSED else v.mask_name(m.name),
            gender=m.gender,
            mobile=(m.mobile if full else v.mask_mobile(m.mobile)) if m.mobile else None,
            resident_id=m.resident_id if full else mask_id(m.resident_id),
            birthday=(m.birthday.isoformat() if full else "****") if m.birthday else None,
            province=m.province,
            city=m.city if full else None,
            join_date=m.join_date,
            dealer_id=m.dealer_id,
            dealer_name=dealer.name if dealer else None,
            status=m.status,
            status_reason=m.status_reason,
            activated_on=m.activated_on,
            source_channel=m.source_channel,
            interests=json.loads(m.interests or "[]"),
            tags=list(
                session.scalars(
                    select(MemberTag.tag).where(MemberTag.member_id == m.id).order_by(MemberTag.tag)
                )
            ),
            income_band=m.income_band if full else None,
            referrer_number=referrer.member_number if referrer else None,
            privacy_consent_at=m.privacy_consent_at,
            privacy_consent_by=m.privacy_consent_by,
            marketing_consent=m.marketing_consent,
            masked=not full,
            can_edit=_may_edit(actor, m),
            status_actions=status_actions(m.status) if _may_edit(actor, m) else [],
            can_merge=actor.can(Permission.APPROVE) and m.status != MemberStatus.CLOSED,
            vehicles=vehicles
            if full
            else [replace(x, plate=x.plate and x.plate[:2] + "***") for x in vehicles],
            previous_vehicles=previous,
            service_orders=session.scalar(
                select(func.count()).select_from(ServiceOrder).where(ServiceOrder.member_id == m.id)
            )
            or 0,
            history=history,
        )


def _may_edit(actor: Actor, m: Member) -> bool:
    own_dealer = actor.is_headquarters or actor.dealer_id == m.dealer_id
    return actor.can(Permission.EDIT_MEMBERS) and own_dealer and m.status != MemberStatus.CLOSED
