"""Member codes and validation messages as the screens show them, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain import validation as v
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.members import (
    DuplicateMember,
)
from app.ui.shared.errors import message_for


def status_label(code: str) -> str:
    labels = {
        "pre_registered": QCoreApplication.translate("MemberLabels", "Pre-registered"),
        "active": QCoreApplication.translate("MemberLabels", "Active"),
        "frozen": QCoreApplication.translate("MemberLabels", "Frozen"),
        "closed": QCoreApplication.translate("MemberLabels", "Closed"),
    }
    return labels.get(code, code)


def gender_label(code: str | None) -> str:
    labels = {
        "male": QCoreApplication.translate("MemberLabels", "Male"),
        "female": QCoreApplication.translate("MemberLabels", "Female"),
    }
    return labels.get(code or "", code or "")


def channel_label(code: str) -> str:
    labels = {
        "dealer_counter": QCoreApplication.translate("MemberLabels", "Dealer counter"),
        "app": QCoreApplication.translate("MemberLabels", "Brand app"),
        "wechat": QCoreApplication.translate("MemberLabels", "WeChat"),
        "event": QCoreApplication.translate("MemberLabels", "Event"),
        "historical_import": QCoreApplication.translate("MemberLabels", "Historical import"),
    }
    return labels.get(code, code)


def income_label(code: str | None) -> str:
    labels = {
        "under_100k": QCoreApplication.translate("MemberLabels", "Under 100,000 yuan a year"),
        "100k_300k": QCoreApplication.translate("MemberLabels", "100,000–300,000 yuan a year"),
        "300k_600k": QCoreApplication.translate("MemberLabels", "300,000–600,000 yuan a year"),
        "600k_1m": QCoreApplication.translate("MemberLabels", "600,000–1,000,000 yuan a year"),
        "over_1m": QCoreApplication.translate("MemberLabels", "Over 1,000,000 yuan a year"),
    }
    return labels.get(code or "", code or "")


def duplicate_text(exc: DuplicateMember) -> str:
    """The service names the field in English; here it is named in the user's language."""
    what = {
        "mobile": QCoreApplication.translate("MemberLabels", "mobile number"),
        "resident_id": QCoreApplication.translate("MemberLabels", "ID number"),
        "vin": QCoreApplication.translate("MemberLabels", "VIN"),
    }.get(exc.field, exc.field)
    return QCoreApplication.translate(
        "MemberLabels", "This {what} already belongs to member {number}."
    ).format(what=what, number=exc.member_number)


# Messages for the validation codes of app.domain.validation and app.services.members.
VALIDATION_TEXTS = {
    "name_required": QT_TRANSLATE_NOOP("Validation", "Please enter the name."),
    "name_length": QT_TRANSLATE_NOOP("Validation", "The name must be at most 40 characters."),
    "name_digits": QT_TRANSLATE_NOOP("Validation", "A name must not contain digits."),
    "name_chars": QT_TRANSLATE_NOOP(
        "Validation",
        "A name may contain only letters, spaces, '·', hyphens, apostrophes and dots, "
        "and must start and end with a letter.",
    ),
    "mobile_required": QT_TRANSLATE_NOOP("Validation", "Please enter the mobile number."),
    "mobile_format": QT_TRANSLATE_NOOP(
        "Validation",
        "The mobile number must be 11 digits starting with 13 to 19 "
        "(an optional +86 prefix is allowed).",
    ),
    "resident_id_required": QT_TRANSLATE_NOOP("Validation", "Please enter the ID card number."),
    "id_length": QT_TRANSLATE_NOOP("Validation", "The ID card number must have 18 characters."),
    "id_format": QT_TRANSLATE_NOOP(
        "Validation", "The ID card number must be 17 digits followed by a digit or X."
    ),
    "id_checksum": QT_TRANSLATE_NOOP(
        "Validation",
        "The ID card number is not valid (check character mismatch); please re-check it.",
    ),
    "id_birthday": QT_TRANSLATE_NOOP(
        "Validation", "The birth date in the ID card number is not a possible date."
    ),
    "id_birthday_mismatch": QT_TRANSLATE_NOOP(
        "Validation", "The birthday does not match the birth date in the ID card number."
    ),
    "id_gender_mismatch": QT_TRANSLATE_NOOP(
        "Validation", "The gender does not match the gender encoded in the ID card number."
    ),
    "vin_required": QT_TRANSLATE_NOOP("Validation", "Please enter the VIN."),
    "vin_forbidden_letter": QT_TRANSLATE_NOOP(
        "Validation",
        "A VIN never contains the letters I, O or Q; they are probably the digits 1 and 0.",
    ),
    "vin_format": QT_TRANSLATE_NOOP("Validation", "A VIN may contain only digits and letters."),
    "vin_length": QT_TRANSLATE_NOOP("Validation", "A VIN must have exactly 17 characters."),
    "vin_check": QT_TRANSLATE_NOOP(
        "Validation",
        "The VIN is not valid (its 9th character, the check digit, does not match); "
        "please re-check it.",
    ),
    "plate_required": QT_TRANSLATE_NOOP("Validation", "Please enter the plate number."),
    "plate_province": QT_TRANSLATE_NOOP(
        "Validation", "The plate number must start with a province abbreviation such as 粤 or 京."
    ),
    "plate_forbidden_letter": QT_TRANSLATE_NOOP(
        "Validation",
        "Plate numbers never contain the letters I or O; they are probably 1 and 0.",
    ),
    "plate_format": QT_TRANSLATE_NOOP(
        "Validation",
        "The plate number must be a province abbreviation, a letter and 5 letters or digits "
        "(6 for new-energy plates, with D or F as 3rd or last character).",
    ),
    "member_number_required": QT_TRANSLATE_NOOP("Validation", "Please enter the member number."),
    "member_number_format": QT_TRANSLATE_NOOP("Validation", "The member number must be 11 digits."),
    "member_number_check": QT_TRANSLATE_NOOP(
        "Validation",
        "The member number is not valid (a digit is wrong or two digits are swapped).",
    ),
    "gender_choice": QT_TRANSLATE_NOOP("Validation", "Choose male or female."),
    "birthday_range": QT_TRANSLATE_NOOP("Validation", "The birthday must be a past date."),
    "join_date_future": QT_TRANSLATE_NOOP("Validation", "The join date cannot be in the future."),
    "channel_choice": QT_TRANSLATE_NOOP("Validation", "Choose a source channel."),
    "income_choice": QT_TRANSLATE_NOOP("Validation", "Choose an income band."),
    "privacy_consent_required": QT_TRANSLATE_NOOP(
        "Validation", "The member's privacy consent is required to store the record."
    ),
    "model_required": QT_TRANSLATE_NOOP("Validation", "Enter the vehicle model."),
    "amount_negative": QT_TRANSLATE_NOOP("Validation", "The amount cannot be negative."),
    "amount_format": QT_TRANSLATE_NOOP(
        "Validation", "Enter the amount in yuan, for example 158000 or 158000.50."
    ),
    "referrer_unknown": QT_TRANSLATE_NOOP("Validation", "No member has this number."),
    "member_unknown": QT_TRANSLATE_NOOP("Validation", "No member has this number."),
    "referrer_self": QT_TRANSLATE_NOOP("Validation", "A member cannot refer themselves."),
}


def validation_text(code: str, english: str) -> str:
    """The message for a validation code in the user's language; the English text otherwise."""
    source = VALIDATION_TEXTS.get(code)
    return QCoreApplication.translate("Validation", source) if source else english


def error_text(exc: BaseException) -> str:
    """Any failure of a member action as the user should read it."""
    if isinstance(exc, v.InvalidValue):
        return validation_text(exc.code, str(exc))
    if isinstance(exc, DuplicateMember):
        return duplicate_text(exc)
    return message_for(exc)
