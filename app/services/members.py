"""Members and their vehicles: registration, editing, status, search, the 360 view, merging.

Personal data (name, mobile, resident ID) is shown in full only to roles with the
"view personal data" permission, and for dealer staff only for their own dealer's members;
everyone else gets masked values. Revealing a masked value is audited.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, or_, select, union, update
from sqlalchemy.exc import IntegrityError

from app.db.models import (
    Dealer,
    Member,
    MemberTag,
    ServiceOrder,
    Vehicle,
    VehicleOwnership,
)
from app.domain import validation as v
from app.domain.errors import Conflict, LoyaltyError, NotFound, PermissionDenied, ValidationError
from app.domain.inputs import MAX_SEARCH_TEXT, clean_text
from app.domain.pinyin_keys import name_search_keys
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services import audit, ledger
from app.services.database import Database
from app.services.settings import read_settings
from app.services.uow import FOR_CHANGE, UnitOfWork, retry_on_contention

STATUSES = ("pre_registered", "active", "frozen", "closed")
CHANNELS = ("dealer_counter", "app", "wechat", "event", "historical_import")
INCOME_BANDS = ("under_100k", "100k_300k", "300k_600k", "600k_1m", "over_1m")
ANONYMISED_NAME = "已注销会员"
MAX_REASON = 500


class FormInvalid(LoyaltyError):
    """Several fields are wrong at once; ``errors`` maps field → (code, English message)."""

    def __init__(self, errors: dict[str, tuple[str, str]]):
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "Please correct the highlighted fields."),
        )
        self.errors = errors


class DuplicateMember(Conflict):
    """Same mobile, ID number or VIN as an existing member; names that member."""

    def __init__(self, field_name: str, member_id: int, member_number: str):
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "This {what} already belongs to member {number}."),
            what=field_name.replace("_", " "),
            number=member_number,
        )
        self.field, self.member_id, self.member_number = field_name, member_id, member_number


@dataclass(frozen=True)
class VehicleInput:
    vin: str
    model: str
    plate: str | None = None
    purchase_date: date | None = None
    dealer_id: int | None = None
    purchase_amount_fen: int | None = None


@dataclass(frozen=True)
class MemberInput:
    name: str
    mobile: str
    gender: str | None = None
    province: str | None = None
    city: str | None = None
    birthday: date | None = None
    resident_id: str | None = None
    join_date: date | None = None  # default: today in the programme's time zone
    dealer_id: int | None = None  # default: the clerk's dealer
    source_channel: str = "dealer_counter"
    interests: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    income_band: str | None = None
    referrer_number: str | None = None
    privacy_consent: bool = False
    marketing_consent: bool = False
    pre_registered: bool = False


# --- validation ---------------------------------------------------------------------------


def _collect(errors: dict, fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except v.InvalidValue as exc:
        errors.setdefault(exc.field, (exc.code, str(exc)))
        return None


def _place(value: str | None, field_name: str) -> str:
    return _checked(clean_text, value, field_name, 40)


def _checked(check, *args):
    """Run an input check, reporting its error as a field error of the form."""
    try:
        return check(*args)
    except ValidationError as exc:
        raise v.InvalidValue(exc.field or "", "text_invalid", str(exc)) from exc


MAX_INTERESTS = 20


def _interests(values: Iterable[str]) -> str:
    cleaned = sorted({_checked(clean_text, i, "interests", 40) for i in values} - {""})
    if len(cleaned) > MAX_INTERESTS:
        raise v.InvalidValue("interests", "too_many", f"At most {MAX_INTERESTS} interests.")
    return json.dumps(cleaned, ensure_ascii=False)


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Distinct tags in order; each at most 40 characters (refused, never cut short)."""
    cleaned = sorted({clean_text(tag, "tags", 40) for tag in tags} - {""})
    if len(cleaned) > MAX_INTERESTS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "At most 20 tags."), field="tags")
    return cleaned


def clean_member(data: MemberInput, today: date) -> dict:
    """Normalise every field and collect all problems at once (for messages next to fields)."""
    errors: dict[str, tuple[str, str]] = {}
    clean = {
        "name": _collect(errors, v.normalize_person_name, data.name),
        "mobile": _collect(errors, v.normalize_mobile, data.mobile),
        "gender": data.gender or None,
        "province": _collect(errors, _place, data.province, "province") or None,
        "city": _collect(errors, _place, data.city, "city") or None,
        "birthday": data.birthday,
        "resident_id": None,
        "join_date": data.join_date or today,
        "source_channel": data.source_channel,
        "interests": _collect(errors, _interests, data.interests),
        "income_band": data.income_band or None,
    }
    if clean["gender"] not in (None, "male", "female"):
        errors["gender"] = ("gender_choice", "Choose male or female.")
    if data.resident_id and data.resident_id.strip():
        rid = _collect(errors, v.parse_resident_id, data.resident_id, today=today)
        if rid:
            clean["resident_id"] = rid.number
            _collect(errors, v.check_resident_id_matches, rid, data.birthday, clean["gender"])
            clean["birthday"] = clean["birthday"] or rid.birthday
            clean["gender"] = clean["gender"] or rid.gender
    if clean["birthday"] and not date(1900, 1, 1) <= clean["birthday"] <= today:
        errors["birthday"] = ("birthday_range", "The birthday must be a past date.")
    if clean["join_date"] > today:
        errors["join_date"] = ("join_date_future", "The join date cannot be in the future.")
    if data.source_channel not in CHANNELS:
        errors["source_channel"] = ("channel_choice", "Choose a source channel.")
    if clean["income_band"] not in (None, *INCOME_BANDS):
        errors["income_band"] = ("income_choice", "Choose an income band.")
    if not data.privacy_consent:
        errors["privacy_consent"] = (
            "privacy_consent_required",
            "The member's privacy consent is required to store the record.",
        )
    if errors:
        raise FormInvalid(errors)
    return clean


def clean_vehicle(data: VehicleInput, prefix: str = "") -> dict:
    errors: dict[str, tuple[str, str]] = {}
    vin = _collect(errors, v.normalize_vin, data.vin)
    plate = _collect(errors, v.normalize_plate, data.plate) if data.plate else None
    model = _collect(errors, _checked, clean_text, data.model, "model", 60)
    if model == "":
        errors["model"] = ("model_required", "Enter the vehicle model.")
    if data.purchase_amount_fen is not None and data.purchase_amount_fen < 0:
        errors["purchase_amount"] = ("amount_negative", "The amount cannot be negative.")
    if errors:
        raise FormInvalid({prefix + k: e for k, e in errors.items()})
    return {
        "vin": vin,
        "vin_last6": vin[-6:],
        "model": model,
        "plate": plate,
        "purchase_date": data.purchase_date,
        "dealer_id": data.dealer_id,
        "purchase_amount_fen": data.purchase_amount_fen,
    }


def programme_today(uow: UnitOfWork) -> date:
    """Business dates are calendar dates in the programme's time zone."""
    return uow.now().astimezone(ZoneInfo(read_settings(uow).timezone)).date()


# --- scope and masking ----------------------------------------------------------------------


def sees_personal_data(actor: Actor, member_dealer_id: int | None) -> bool:
    if not actor.can(Permission.VIEW_PERSONAL_DATA):
        return False
    return actor.is_headquarters or actor.dealer_id == member_dealer_id


def _require_edit(actor: Actor, member: Member) -> None:
    require(actor, Permission.EDIT_MEMBERS)
    if not actor.is_headquarters and member.dealer_id != actor.dealer_id:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Errors", "Only staff of the member's own dealer may change it."),
        )


def _mask_id(value: str | None) -> str | None:
    return v.mask_resident_id(value) if value else None


def _audit_view(member: Member) -> dict:
    """Member fields as written to the audit trail: personal data masked (PIPL)."""
    return {
        "member_number": member.member_number,
        "name": v.mask_name(member.name) if member.status != "closed" else member.name,
        "mobile": v.mask_mobile(member.mobile) if member.mobile else None,
        "resident_id": _mask_id(member.resident_id),
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


# --- registration and editing -------------------------------------------------------------


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


def _set_search_keys(member: Member) -> None:
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
            status="pre_registered" if data.pre_registered else "active",
            activated_on=None if data.pre_registered else clean["join_date"],
            referrer_id=_referrer_id(uow, data.referrer_number),
            privacy_consent_at=now,
            privacy_consent_by=actor.username,
            marketing_consent=data.marketing_consent,
            marketing_consent_at=now if data.marketing_consent else None,
            created_at=now,
            updated_at=now,
        )
        _set_search_keys(member)
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


def _get_member(uow: UnitOfWork, member_id: int, lock: bool = False) -> Member:
    if isinstance(member_id, bool) or not isinstance(member_id, int):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The member no longer exists."))
    member = uow.session.get(Member, member_id, with_for_update=FOR_CHANGE if lock else None)
    if member is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The member no longer exists."))
    return member


@retry_on_contention
def update_member(db: Database, actor: Actor, member_id: int, data: MemberInput) -> None:
    with db.uow(actor) as uow:
        member = _get_member(uow, member_id, lock=True)
        _require_edit(actor, member)
        if member.status == "closed":
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
        _set_search_keys(member)
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
    if status not in STATUSES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown status."), field="status")
    reason = clean_text(reason, "reason", MAX_REASON, multiline=True)
    with db.uow(actor) as uow:
        member = _get_member(uow, member_id, lock=True)
        _require_edit(actor, member)
        allowed = {
            "pre_registered": {"active", "closed"},
            "active": {"frozen", "closed"},
            "frozen": {"active", "closed"},
            "closed": set(),
        }[member.status]
        if status not in allowed:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "This status change is not possible for the member."),
                field="status",
            )
        if status in ("frozen", "closed") and not reason:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter the reason."), field="reason")
        before = _audit_view(member)
        today = programme_today(uow)
        if member.status == "pre_registered" and status == "active":
            member.activated_on = today  # points validity starts now (see the points rules)
            ledger.start_validity(uow, read_settings(uow), member.id, today)
        member.status, member.status_reason = status, reason or None
        if status == "closed":
            _anonymise(uow, member)
        member.updated_at = uow.now()
        audit.record(
            uow, actor, "member", member.id, status, *audit.changes(before, _audit_view(member))
        )
        uow.commit()


def _anonymise(uow: UnitOfWork, member: Member) -> None:
    """PIPL erasure on the member's request: personal data goes, ledger and statistics stay."""
    member.name, member.name_pinyin, member.name_initials = ANONYMISED_NAME, "", ""
    member.mobile = member.mobile_last4 = member.resident_id = None
    member.birthday = member.interests = member.income_band = None
    member.city = None
    member.marketing_consent = False
    member.closed_at = uow.now()
    uow.session.execute(update(Vehicle).where(Vehicle.member_id == member.id).values(plate=None))
    uow.session.execute(delete(MemberTag).where(MemberTag.member_id == member.id))


# --- vehicles -----------------------------------------------------------------------------


@retry_on_contention
def add_vehicle(db: Database, actor: Actor, member_id: int, data: VehicleInput) -> int:
    with db.uow(actor) as uow:
        member = _get_member(uow, member_id)
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
        target = _get_member(uow, to_member_id)
        _require_edit(actor, target)
        if target.status == "closed":
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


# --- search ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberFilter:
    text: str = ""
    status: str | None = None
    dealer_id: int | None = None
    tag: str | None = None
    joined_from: date | None = None
    joined_to: date | None = None


@dataclass(frozen=True)
class MemberRow:
    id: int
    member_number: str
    name: str
    mobile: str | None
    gender: str | None
    dealer_name: str | None
    status: str
    join_date: date
    masked: bool
    dealer_code: str | None = None


EXACT_KINDS = {"member_number", "mobile", "vin"}


def classify(text: str) -> list[tuple[str, str]]:
    """What a search text can mean: [(kind, normalised value)], most specific first."""
    raw = v.normalize_text(text)
    compact = raw.replace(" ", "").upper()
    if not compact:
        return []
    kinds: list[tuple[str, str]] = []
    if compact.isdigit():
        if len(compact) == 11:
            if v.is_valid_member_number(compact):
                kinds.append(("member_number", compact))
            if compact.startswith("1"):
                kinds.append(("mobile", compact))
        elif len(compact) == 4:
            kinds.append(("mobile_last4", compact))
    for kind, fn in (
        ("mobile", v.normalize_mobile),
        ("resident_id", _parse_id),
        ("vin", v.normalize_vin),
        ("plate", v.normalize_plate),
    ):
        if len(compact) >= 7 and not any(k == kind for k, _ in kinds):
            try:
                kinds.append((kind, fn(compact)))
            except v.InvalidValue:
                pass
    if (
        len(compact) == 6
        and compact.isalnum()
        and compact.isascii()
        and any(c.isdigit() for c in compact)
    ):
        kinds.append(("vin_last6", compact))
    letters = raw.replace(" ", "")
    if letters.isascii() and letters.isalpha():
        kinds.append(("pinyin", letters.lower()))
    elif not any(c.isascii() for c in letters) and all(c.isalpha() or c == "·" for c in letters):
        kinds.append(("name", letters))  # names hold no digits, so a plate is never a name
    return kinds


def masked_search_text(text: str) -> str:
    """A search text fit for the audit trail: a mobile, ID number or name masked as on
    screen; anything else keeps only its first character."""
    meanings = dict(classify(text))
    if "mobile" in meanings:
        return v.mask_mobile(meanings["mobile"])
    if "resident_id" in meanings:
        return v.mask_resident_id(meanings["resident_id"])
    if "name" in meanings:
        return v.mask_name(meanings["name"])
    compact = v.normalize_text(text)
    return compact[:1] + "*" * (len(compact) - 1)


def _parse_id(text: str) -> str:
    return v.parse_resident_id(text).number


def _condition(kind: str, value: str):
    if kind in ("vin", "vin_last6", "plate"):
        column = {"vin": Vehicle.vin, "vin_last6": Vehicle.vin_last6, "plate": Vehicle.plate}
        return Member.id.in_(select(Vehicle.member_id).where(column[kind] == value))
    # classify() keeps only letters (and CJK) for these, so no LIKE wildcard can slip in. The
    # pattern is one bound string: an ESCAPE clause or "x || '%'" would stop SQLite from using
    # the index for the prefix.
    if kind == "pinyin":
        return or_(Member.name_initials.like(value + "%"), Member.name_pinyin.like(value + "%"))
    if kind == "name":
        return Member.name.like(value + "%")
    return getattr(Member, kind) == value


def _matching(kinds: list[tuple[str, str]]):
    """One indexed condition; several meanings become a UNION of indexed id look-ups,
    because an OR across different tables and indexes makes the planners scan everything."""
    if len(kinds) == 1:
        return _condition(*kinds[0])
    ids = [select(Member.id).where(_condition(kind, value)) for kind, value in kinds]
    return Member.id.in_(union(*ids))


SORTS = {"member_number": (Member.member_number,), "join_date": (Member.join_date, Member.id)}


def search(
    db: Database,
    actor: Actor,
    flt: MemberFilter,
    after: tuple | None = None,
    limit: int = 100,
    sort: str = "member_number",
) -> list[MemberRow]:
    """One page of members, keyset-paged on an indexed sort so deep pages stay fast.

    Dealer staff see their own dealer's members; others only through an exact member
    number, mobile or VIN (a walk-in customer), and then masked.
    """
    require(actor, Permission.VIEW_MEMBERS)
    clean_text(flt.text, "text", MAX_SEARCH_TEXT)  # a pasted page is a mistake, not a search
    kinds = classify(flt.text)
    exact = bool(kinds) and all(kind in EXACT_KINDS for kind, _ in kinds)
    query = select(Member, Dealer.name, Dealer.code).outerjoin(
        Dealer, Dealer.id == Member.dealer_id
    )
    if kinds:
        query = query.where(_matching(kinds))
    elif flt.text.strip():
        return []
    if not actor.is_headquarters and not exact:
        query = query.where(Member.dealer_id == actor.dealer_id)
    if flt.status:
        query = query.where(Member.status == flt.status)
    if flt.dealer_id:
        query = query.where(Member.dealer_id == flt.dealer_id)
    if flt.tag:
        query = query.where(
            Member.id.in_(select(MemberTag.member_id).where(MemberTag.tag == flt.tag))
        )
    if flt.joined_from:
        query = query.where(Member.join_date >= flt.joined_from)
    if flt.joined_to:
        query = query.where(Member.join_date <= flt.joined_to)
    columns = SORTS[sort]
    if after is not None:
        query = query.where(_after(columns, after))
    query = query.order_by(*columns).limit(limit)
    with db.reader(actor) as uow:
        return [_row(actor, m, name, code) for m, name, code in uow.session.execute(query)]


def _after(columns, key: tuple):
    if len(columns) == 1:
        return columns[0] > key[0]
    first, second = columns
    return or_(first > key[0], (first == key[0]) & (second > key[1]))


def sort_key(row: MemberRow, sort: str) -> tuple:
    return (row.member_number,) if sort == "member_number" else (row.join_date, row.id)


def _row(actor: Actor, m: Member, dealer_name: str | None, dealer_code: str | None) -> MemberRow:
    full = sees_personal_data(actor, m.dealer_id)
    return MemberRow(
        id=m.id,
        member_number=m.member_number,
        name=m.name if full or m.status == "closed" else v.mask_name(m.name),
        mobile=(m.mobile if full else v.mask_mobile(m.mobile)) if m.mobile else None,
        gender=m.gender,
        dealer_name=dealer_name,
        status=m.status,
        join_date=m.join_date,
        masked=not full,
        dealer_code=dealer_code,
    )


def tags_in_use(db: Database, actor: Actor) -> list[str]:
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        return list(
            uow.session.scalars(select(MemberTag.tag).distinct().order_by(MemberTag.tag).limit(500))
        )


# --- the member 360 view ------------------------------------------------------------------


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
    vehicles: list[VehicleRow] = field(default_factory=list)
    previous_vehicles: list[OwnershipRow] = field(default_factory=list)
    service_orders: int = 0
    history: list[audit.AuditRow] = field(default_factory=list)


def get_member(db: Database, actor: Actor, member_id: int) -> MemberDetail:
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        m = _get_member(uow, member_id)
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
            name=m.name if full or m.status == "closed" else v.mask_name(m.name),
            gender=m.gender,
            mobile=(m.mobile if full else v.mask_mobile(m.mobile)) if m.mobile else None,
            resident_id=m.resident_id if full else _mask_id(m.resident_id),
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
            can_edit=actor.can(Permission.EDIT_MEMBERS)
            and (actor.is_headquarters or actor.dealer_id == m.dealer_id)
            and m.status != "closed",
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


# --- merging duplicates ---------------------------------------------------------------------


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
            _get_member(uow, member_id, lock=True)
        keep, gone = _get_member(uow, keep_id), _get_member(uow, merge_id)
        for member in (keep, gone):
            if not actor.is_headquarters and member.dealer_id != actor.dealer_id:
                raise PermissionDenied(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Both members must belong to your dealer; ask headquarters."
                    )
                )
            if member.status == "closed":
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "A closed member cannot be merged.")
                )
        session = uow.session
        moved = {
            "vehicles": session.execute(
                update(Vehicle).where(Vehicle.member_id == gone.id).values(member_id=keep.id)
            ).rowcount,
            "service_orders": session.execute(
                update(ServiceOrder)
                .where(ServiceOrder.member_id == gone.id)
                .values(member_id=keep.id)
            ).rowcount,
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
        _set_search_keys(keep)
        moved["points"] = ledger.transfer_all(
            uow, read_settings(uow), gone.id, keep.id, actor.username, programme_today(uow)
        )
        gone.status, gone.status_reason, gone.merged_into_id = "closed", reason, keep.id
        _anonymise(uow, gone)
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
