"""Registering and changing members and their vehicles: every field checked, duplicates
refused, status changes and PIPL closing, all audited with personal data masked."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from app.db.models import (
    Member,
    MemberTag,
    Vehicle,
    VehicleOwnership,
)
from app.domain import validation as v
from app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.domain.inputs import clean_text
from app.domain.members import (
    ANONYMISED_NAME,
    MAX_REASON,
    FormInvalid,
    MemberInput,
    MemberStatus,
    VehicleInput,
    check_status_change,
    clean_member,
    clean_tags,
    clean_vehicle,
    mask_id,
)
from app.domain.pinyin_keys import name_search_keys
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.points import ledger
from app.services.settings.programme import read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import load_member, programme_today
from app.services.shared.uow import UnitOfWork, retry_on_contention
from app.services.tiers.enrolment import enrol


class DuplicateMember(Conflict):
    """Same mobile, ID number or VIN as an existing member; names that member."""

    def __init__(self, field_name: str, member_id: int, member_number: str):
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "This {what} already belongs to member {number}."),
            what=field_name.replace("_", " "),
            number=member_number,
        )
        self.field, self.member_id, self.member_number = field_name, member_id, member_number


def _require_edit(actor: Actor, member: Member) -> None:
    require(actor, Permission.EDIT_MEMBERS)
    if not actor.is_headquarters and member.dealer_id != actor.dealer_id:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Errors", "Only staff of the member's own dealer may change it."),
        )


def _audit_view(member: Member) -> dict:
    """Member fields as written to the audit trail: personal data masked (PIPL)."""
    return {
        "member_number": member.member_number,
        "name": v.mask_name(member.name) if member.status != MemberStatus.CLOSED else member.name,
        "mobile": v.mask_mobile(member.mobile) if member.mobile else None,
        "resident_id": mask_id(member.resident_id),
        "gender": member.gender,
        "province": member.province,
        "city": member.city,
        "birthday": "****" if member.birthday else None,
        "join_date": member.join_date,
        "dealer_id": member.dealer_id,
        "status": member.status,
        "status_reason": member.status_reason,
        "source_channel": member.source_channel,
        "income_band": member.income_band,
        "referrer_id": member.referrer_id,
        "marketing_consent": member.marketing_consent,
    }


@dataclass(frozen=True)
class MemberRef:
    id: int
    member_number: str


def _check_duplicates(uow: UnitOfWork, clean: dict, vins: Iterable[str], exclude_id=None):
    session = uow.session
    for column, value in (
        ("mobile", clean.get("mobile")),
        ("resident_id", clean.get("resident_id")),
    ):
        if not value:
            continue
        query = select(Member.id, Member.member_number).where(getattr(Member, column) == value)
        if exclude_id:
            query = query.where(Member.id != exclude_id)
        found = session.execute(query).first()
        if found:
            raise DuplicateMember(column, found.id, found.member_number)
    for vin in vins:
        found = session.execute(
            select(Member.id, Member.member_number)
            .join(Vehicle, Vehicle.member_id == Member.id)
            .where(Vehicle.vin == vin)
        ).first()
        if found and found.id != exclude_id:
            raise DuplicateMember("vin", found.id, found.member_number)


def _referrer_id(uow: UnitOfWork, number: str | None) -> int | None:
    if not number or not number.strip():
        return None
    try:
        normalized = v.normalize_member_number(number)
    except v.InvalidValue as exc:
        raise FormInvalid({"referrer": (exc.code, str(exc))}) from exc
    found = uow.session.scalar(select(Member.id).where(Member.member_number == normalized))
    if found is None:
        raise FormInvalid({"referrer": ("referrer_unknown", "No member has this number.")})
    return found


def set_search_keys(member: Member) -> None:
    member.name_pinyin, member.name_initials = name_search_keys(member.name)
    member.mobile_last4 = member.mobile[-4:] if member.mobile else None


def _clean_all(data: MemberInput, vehicles: list[VehicleInput], today: date):
    """Member and vehicle fields checked together, so every message shows at once."""
    errors: dict[str, tuple[str, str]] = {}
    clean, rows = None, []
    try:
        clean = clean_member(data, today)
    except FormInvalid as exc:
        errors.update(exc.errors)
    for i, item in enumerate(vehicles):
        try:
            rows.append(clean_vehicle(item, f"vehicle{i}."))
        except FormInvalid as exc:
            errors.update(exc.errors)
    if errors:
        raise FormInvalid(errors)
    return clean, rows


@retry_on_contention
def register_member(
    db: Database, actor: Actor, data: MemberInput, vehicles: Iterable[VehicleInput] = ()
) -> MemberRef:
    """Create a member (and vehicles) in one transaction; nothing is saved on any error."""
    require(actor, Permission.EDIT_MEMBERS)
    with db.uow(actor) as uow:
        clean, vehicle_rows = _clean_all(data, list(vehicles), programme_today(uow))
        dealer_id = data.dealer_id if actor.is_headquarters else actor.dealer_id
        if dealer_id is None and not actor.is_headquarters:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Choose the enrolling dealer."), field="dealer"
            )
        _check_duplicates(uow, clean, [row["vin"] for row in vehicle_rows])
        now = uow.now()
        member = Member(
            **clean,
            member_number=f"tmp-{uuid.uuid4().hex[:14]}",
            dealer_id=dealer_id,
            status=MemberStatus.PRE_REGISTERED if data.pre_registered else MemberStatus.ACTIVE,
            activated_on=None if data.pre_registered else clean["join_date"],
            referrer_id=_referrer_id(uow, data.referrer_number),
            privacy_consent_at=now,
            privacy_consent_by=actor.username,
            marketing_consent=data.marketing_consent,
            marketing_consent_at=now if data.marketing_consent else None,
            created_at=now,
            updated_at=now,
        )
        set_search_keys(member)
        uow.session.add(member)
        _flush_or_duplicate(uow)
        # The number derives from the id, so two desktops can never hand out the same one.
        member.member_number = v.make_member_number(member.id)
        _replace_tags(uow, member.id, data.tags)
        for row in vehicle_rows:
            uow.session.add(
                Vehicle(**{**row, "dealer_id": row["dealer_id"] or dealer_id}, member_id=member.id)
            )
        _flush_or_duplicate(uow)
        enrol(uow, actor, member.id, [row["model"] for row in vehicle_rows], programme_today(uow))
        audit.record(
            uow,
            actor,
            "member",
            member.id,
            "create",
            after={
                **_audit_view(member),
                "tags": sorted(set(data.tags)),
                "vehicles": [r["vin"] for r in vehicle_rows],
            },
        )
        uow.commit()
        return MemberRef(member.id, member.member_number)


def _flush_or_duplicate(uow: UnitOfWork) -> None:
    """A unique index catches what a concurrent desktop inserted since our check."""
    try:
        uow.session.flush()
    except IntegrityError as exc:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Another desktop has just saved the same mobile, ID "
                "number or VIN. Search for it before saving again.",
            )
        ) from exc


def _replace_tags(uow: UnitOfWork, member_id: int, tags: Iterable[str]) -> None:
    uow.session.execute(delete(MemberTag).where(MemberTag.member_id == member_id))
    for tag in clean_tags(tags):
        uow.session.add(MemberTag(member_id=member_id, tag=tag))


@retry_on_contention
def update_member(db: Database, actor: Actor, member_id: int, data: MemberInput) -> None:
    with db.uow(actor) as uow:
        member = load_member(uow, member_id, lock=True)
        _require_edit(actor, member)
        if member.status == MemberStatus.CLOSED:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A closed member cannot be edited."))
        clean = clean_member(replace(data, privacy_consent=True), programme_today(uow))
        _check_duplicates(uow, clean, [], exclude_id=member.id)
        before = _audit_view(member)
        before_tags = sorted(
            uow.session.scalars(select(MemberTag.tag).where(MemberTag.member_id == member.id))
        )
        for key, value in clean.items():
            setattr(member, key, value)
        if actor.is_headquarters and data.dealer_id:
            member.dealer_id = data.dealer_id
        member.referrer_id = _referrer_id(uow, data.referrer_number)
        if member.referrer_id == member.id:
            raise FormInvalid({"referrer": ("referrer_self", "A member cannot refer themselves.")})
        now = uow.now()
        if data.marketing_consent != member.marketing_consent:
            member.marketing_consent = data.marketing_consent
            member.marketing_consent_at = now
        member.updated_at = now
        set_search_keys(member)
        _replace_tags(uow, member.id, data.tags)
        _flush_or_duplicate(uow)
        after = _audit_view(member)
        changed_before, changed_after = audit.changes(before, after)
        tags = clean_tags(data.tags)
        if tags != before_tags:
            changed_before["tags"], changed_after["tags"] = before_tags, tags
        if changed_after:
            audit.record(uow, actor, "member", member.id, "update", changed_before, changed_after)
        uow.commit()


@retry_on_contention
def change_status(
    db: Database, actor: Actor, member_id: int, status: str, reason: str = ""
) -> None:
    """activate (a pre-registration), freeze (reason required), unfreeze, or close (anonymise)."""
    reason = clean_text(reason, "reason", MAX_REASON, multiline=True)
    with db.uow(actor) as uow:
        member = load_member(uow, member_id, lock=True)
        _require_edit(actor, member)
        new = check_status_change(member.status, status, reason)
        before = _audit_view(member)
        today = programme_today(uow)
        if member.status == MemberStatus.PRE_REGISTERED and new == MemberStatus.ACTIVE:
            member.activated_on = today  # points validity starts now (see the points rules)
            ledger.start_validity(uow, read_settings(uow), member.id, today)
        member.status, member.status_reason = new, reason or None
        if new == MemberStatus.CLOSED:
            anonymise(uow, member)
        member.updated_at = uow.now()
        audit.record(
            uow, actor, "member", member.id, status, *audit.changes(before, _audit_view(member))
        )
        uow.commit()


def anonymise(uow: UnitOfWork, member: Member) -> None:
    """PIPL erasure on the member's request: personal data goes, ledger and statistics stay."""
    member.name, member.name_pinyin, member.name_initials = ANONYMISED_NAME, "", ""
    member.mobile = member.mobile_last4 = member.resident_id = None
    member.birthday = member.interests = member.income_band = None
    member.city = None
    member.marketing_consent = False
    member.closed_at = uow.now()
    uow.session.execute(update(Vehicle).where(Vehicle.member_id == member.id).values(plate=None))
    uow.session.execute(delete(MemberTag).where(MemberTag.member_id == member.id))


@retry_on_contention
def add_vehicle(db: Database, actor: Actor, member_id: int, data: VehicleInput) -> int:
    with db.uow(actor) as uow:
        member = load_member(uow, member_id)
        _require_edit(actor, member)
        row = clean_vehicle(data)
        _check_duplicates(uow, {}, [row["vin"]])
        if uow.session.scalar(select(Vehicle.id).where(Vehicle.vin == row["vin"])):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors", "This VIN is already registered; transfer it to the member instead."
                )
            )
        vehicle = Vehicle(
            **{**row, "dealer_id": row["dealer_id"] or member.dealer_id}, member_id=member.id
        )
        uow.session.add(vehicle)
        _flush_or_duplicate(uow)
        audit.record(uow, actor, "member", member.id, "add_vehicle", after={"vin": row["vin"]})
        uow.commit()
        return vehicle.id


@retry_on_contention
def transfer_vehicle(db: Database, actor: Actor, vin: str, to_member_id: int, on: date) -> None:
    """A second-hand sale: the vehicle moves to another member; the previous owner is kept."""
    require(actor, Permission.EDIT_MEMBERS)
    vin = v.normalize_vin(vin)
    with db.uow(actor) as uow:
        vehicle = uow.session.scalar(
            select(Vehicle).where(Vehicle.vin == vin).with_for_update(key_share=True)
        )
        if vehicle is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No vehicle has this VIN."))
        target = load_member(uow, to_member_id)
        _require_edit(actor, target)
        if target.status == MemberStatus.CLOSED:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A closed member cannot own vehicles.")
            )
        if vehicle.member_id == target.id:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The member already owns it."))
        if vehicle.member_id is not None:
            previous_from = (
                uow.session.scalar(
                    select(func.max(VehicleOwnership.owned_until)).where(
                        VehicleOwnership.vehicle_id == vehicle.id
                    )
                )
                or vehicle.purchase_date
                or on
            )
            uow.session.add(
                VehicleOwnership(
                    vehicle_id=vehicle.id,
                    member_id=vehicle.member_id,
                    owned_from=previous_from,
                    owned_until=on,
                    recorded_by=actor.username,
                    recorded_at=uow.now(),
                )
            )
        seller = vehicle.member_id
        vehicle.member_id = target.id
        # Recorded under both members, so each one's audit tab shows the sale.
        if seller is not None:
            audit.record(uow, actor, "member", seller, "transfer_out", after={"vin": vin})
        audit.record(
            uow, actor, "member", target.id, "transfer", {"member_id": seller}, {"vin": vin}
        )
        uow.commit()
