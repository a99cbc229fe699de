"""Members' pure rules: cleaning a registration, the status changes, what a search text means."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import partial

from app.domain import validation as v
from app.domain.errors import LoyaltyError, ValidationError
from app.domain.inputs import clean_text
from app.domain.text import QT_TRANSLATE_NOOP


class MemberStatus(StrEnum):
    PRE_REGISTERED = "pre_registered"  # 预注册: earns points, validity starts at activation
    ACTIVE = "active"
    FROZEN = "frozen"  # no points earned or used until unfrozen
    CLOSED = "closed"  # personal data erased (PIPL); the records stay


STATUSES = tuple(MemberStatus)
S = MemberStatus
# The status changes a member may go through; freezing and closing need a reason.
STATUS_CHANGES: dict[MemberStatus, frozenset[MemberStatus]] = {
    S.PRE_REGISTERED: frozenset({S.ACTIVE, S.CLOSED}),
    S.ACTIVE: frozenset({S.FROZEN, S.CLOSED}),
    S.FROZEN: frozenset({S.ACTIVE, S.CLOSED}),
    S.CLOSED: frozenset(),
}
NEEDS_REASON = frozenset({S.FROZEN, S.CLOSED})
POSTABLE = frozenset({S.PRE_REGISTERED, S.ACTIVE})  # may earn and use points


def check_status_change(current: str, new: str, reason: str) -> MemberStatus:
    """The new status, if the member may move to it (with the reason it needs)."""
    if new not in STATUSES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown status."), field="status")
    if MemberStatus(new) not in STATUS_CHANGES[MemberStatus(current)]:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "This status change is not possible for the member."),
            field="status",
        )
    if new in NEEDS_REASON and not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter the reason."), field="reason")
    return MemberStatus(new)


def status_actions(current: str) -> list[str]:
    """What the member view may offer for a member in ``current`` status."""
    status = MemberStatus(current)
    actions = {
        "activate": status == S.PRE_REGISTERED,
        "freeze": status == S.ACTIVE,
        "unfreeze": status == S.FROZEN,
        "close": status != S.CLOSED,
    }
    return [action for action, offered in actions.items() if offered]


class Channel(StrEnum):
    """Where a member signed up."""

    DEALER_COUNTER = "dealer_counter"
    APP = "app"
    WECHAT = "wechat"
    EVENT = "event"
    HISTORICAL_IMPORT = "historical_import"


class IncomeBand(StrEnum):
    UNDER_100K = "under_100k"
    FROM_100K_TO_300K = "100k_300k"
    FROM_300K_TO_600K = "300k_600k"
    FROM_600K_TO_1M = "600k_1m"
    OVER_1M = "over_1m"


CHANNELS = tuple(Channel)
INCOME_BANDS = tuple(IncomeBand)


ANONYMISED_NAME = "已注销会员"


MAX_REASON = 500


class FormInvalid(LoyaltyError):
    """Several fields are wrong at once; ``errors`` maps field → (code, English message)."""

    def __init__(self, errors: dict[str, tuple[str, str]]):
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "Please correct the highlighted fields."),
        )
        self.errors = errors


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


def _collect(errors: dict, fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except v.InvalidValue as exc:
        errors.setdefault(exc.field, (exc.code, str(exc)))
        return None


def _place(value: str | None, field_name: str) -> str:
    # exported to Excel and imported back: no text that a spreadsheet would run
    return _checked(partial(clean_text, no_formula=True), value, field_name, 40)


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
        clean["gender"] = None  # reported; not to be compared with the resident ID
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


def mask_id(value: str | None) -> str | None:
    return v.mask_resident_id(value) if value else None


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
        # Any 11 digits from 1 (classify keeps a mistyped mobile): v.mask_mobile would refuse it.
        mobile = meanings["mobile"]
        return f"{mobile[:3]}****{mobile[-4:]}"
    if "resident_id" in meanings:
        return v.mask_resident_id(meanings["resident_id"])
    if "name" in meanings:
        return v.mask_name(meanings["name"])
    compact = v.normalize_text(text)
    return compact[:1] + "*" * (len(compact) - 1)


def _parse_id(text: str) -> str:
    return v.parse_resident_id(text).number
