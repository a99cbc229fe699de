"""Audit entries as people read them: field names translated, one "before → after" line per
field, codes as their labels and database ids as the records' business keys."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from app.domain.text import QT_TRANSLATE_NOOP
from app.services.shared.audit import REFERENCES, AuditRow
from app.ui.shared.i18n import format_int, format_yuan

ARROW = " → "
NOTHING = "—"


def field_label(name: str) -> str:
    """A field of an audited record (member, dealer, user, benefit, setting…) by its name."""
    english = _FIELDS.get(name)
    return QCoreApplication.translate("AuditFields", english) if english else name


# Every field's label (English source), in the order the viewer lists a record's fields.
_FIELDS = {
    # members
    "member_number": QT_TRANSLATE_NOOP("AuditFields", "Member number"),
    "name": QT_TRANSLATE_NOOP("AuditFields", "Name"),
    "mobile": QT_TRANSLATE_NOOP("AuditFields", "Mobile"),
    "resident_id": QT_TRANSLATE_NOOP("AuditFields", "ID number"),
    "gender": QT_TRANSLATE_NOOP("AuditFields", "Gender"),
    "province": QT_TRANSLATE_NOOP("AuditFields", "Province"),
    "city": QT_TRANSLATE_NOOP("AuditFields", "City"),
    "birthday": QT_TRANSLATE_NOOP("AuditFields", "Birthday"),
    "join_date": QT_TRANSLATE_NOOP("AuditFields", "Join date"),
    "dealer_id": QT_TRANSLATE_NOOP("AuditFields", "Dealer"),
    "status": QT_TRANSLATE_NOOP("AuditFields", "Status"),
    "status_reason": QT_TRANSLATE_NOOP("AuditFields", "Reason"),
    "source_channel": QT_TRANSLATE_NOOP("AuditFields", "Source channel"),
    "income_band": QT_TRANSLATE_NOOP("AuditFields", "Income band"),
    "referrer_id": QT_TRANSLATE_NOOP("AuditFields", "Referrer"),
    "marketing_consent": QT_TRANSLATE_NOOP("AuditFields", "Marketing consent"),
    "tags": QT_TRANSLATE_NOOP("AuditFields", "Tags"),
    "vehicles": QT_TRANSLATE_NOOP("AuditFields", "Vehicles"),
    "vin": QT_TRANSLATE_NOOP("AuditFields", "VIN"),
    "member_id": QT_TRANSLATE_NOOP("AuditFields", "Member"),
    # points, tiers and approvals
    "points": QT_TRANSLATE_NOOP("AuditFields", "Points"),
    "tier": QT_TRANSLATE_NOOP("AuditFields", "Tier"),
    "valid_until": QT_TRANSLATE_NOOP("AuditFields", "Valid until"),
    "kind": QT_TRANSLATE_NOOP("AuditFields", "Kind"),
    "subject": QT_TRANSLATE_NOOP("AuditFields", "Member"),
    "note": QT_TRANSLATE_NOOP("AuditFields", "Note"),
    "reason": QT_TRANSLATE_NOOP("AuditFields", "Reason"),
    "decision_note": QT_TRANSLATE_NOOP("AuditFields", "Decision note"),
    "rows": QT_TRANSLATE_NOOP("AuditFields", "Rows"),
    # counts (the demo database's summary, batch runs)
    "members": QT_TRANSLATE_NOOP("AuditFields", "Members"),
    "entries": QT_TRANSLATE_NOOP("AuditFields", "Points entries"),
    "service_orders": QT_TRANSLATE_NOOP("AuditFields", "Service documents"),
    "staff": QT_TRANSLATE_NOOP("AuditFields", "Staff users"),
    "file": QT_TRANSLATE_NOOP("AuditFields", "File"),
    # dealers and staff
    "code": QT_TRANSLATE_NOOP("AuditFields", "Code"),
    "region": QT_TRANSLATE_NOOP("AuditFields", "Region"),
    "active": QT_TRANSLATE_NOOP("AuditFields", "Active"),
    "username": QT_TRANSLATE_NOOP("AuditFields", "User name"),
    "display_name": QT_TRANSLATE_NOOP("AuditFields", "Display name"),
    "role": QT_TRANSLATE_NOOP("AuditFields", "Role"),
    "failed_attempts": QT_TRANSLATE_NOOP("AuditFields", "Failed sign-ins"),
    # benefits
    "channel": QT_TRANSLATE_NOOP("AuditFields", "Channel"),
    "source": QT_TRANSLATE_NOOP("AuditFields", "Source"),
    "category": QT_TRANSLATE_NOOP("AuditFields", "Category"),
    "points_price": QT_TRANSLATE_NOOP("AuditFields", "Points price"),
    "face_value_fen": QT_TRANSLATE_NOOP("AuditFields", "Face value"),
    "unit_cost_fen": QT_TRANSLATE_NOOP("AuditFields", "Unit cost"),
    "stock": QT_TRANSLATE_NOOP("AuditFields", "Stock"),
    "limit_per_member": QT_TRANSLATE_NOOP("AuditFields", "Limit per member"),
    "limit_period": QT_TRANSLATE_NOOP("AuditFields", "Limit period"),
    "eligible_tiers": QT_TRANSLATE_NOOP("AuditFields", "Tiers"),
    "valid_from": QT_TRANSLATE_NOOP("AuditFields", "Valid from"),
    "valid_to": QT_TRANSLATE_NOOP("AuditFields", "Valid until"),
    "voucher_days": QT_TRANSLATE_NOOP("AuditFields", "Voucher validity (days)"),
    "dealers": QT_TRANSLATE_NOOP("AuditFields", "Dealers"),
    "description": QT_TRANSLATE_NOOP("AuditFields", "Description"),
    # programme settings
    "programme_name": QT_TRANSLATE_NOOP("AuditFields", "Programme name"),
    "timezone": QT_TRANSLATE_NOOP("AuditFields", "Time zone"),
    "idle_lock_minutes": QT_TRANSLATE_NOOP("AuditFields", "Idle lock (minutes)"),
    "points_per_yuan": QT_TRANSLATE_NOOP("AuditFields", "Points worth 1 yuan"),
    "expiry_mode": QT_TRANSLATE_NOOP("AuditFields", "Expiry policy"),
    "expiry_years": QT_TRANSLATE_NOOP("AuditFields", "Cycle length (years)"),
    "expiry_months": QT_TRANSLATE_NOOP("AuditFields", "Each credit lasts (months)"),
    "expiry_round_to_month_end": QT_TRANSLATE_NOOP("AuditFields", "Extend to the end of the month"),
    "expiring_soon_months": QT_TRANSLATE_NOOP("AuditFields", "Expiring-soon list covers (months)"),
    "hold_timeout_minutes": QT_TRANSLATE_NOOP("AuditFields", "Hold points for (minutes)"),
    "adjustment_direct_limit": QT_TRANSLATE_NOOP(
        "AuditFields", "Supervisor adjusts directly up to"
    ),
    "adjustment_lapse_days": QT_TRANSLATE_NOOP("AuditFields", "Requests lapse after (days)"),
    "launch_date": QT_TRANSLATE_NOOP("AuditFields", "Programme launch date"),
    "tier_upgrade_auto": QT_TRANSLATE_NOOP("AuditFields", "Upgrade tiers without approval"),
    "tier_request_lapse_days": QT_TRANSLATE_NOOP("AuditFields", "Tier requests lapse after (days)"),
}


def _yes_no(value: bool) -> str:
    if value:
        return QCoreApplication.translate("AuditFields", "Yes")
    return QCoreApplication.translate("AuditFields", "No")


def _code_labels() -> dict[str, Callable[[str], str]]:
    """Fields holding a code, and the label each code shows as (the areas' own labels)."""
    from app.ui.approvals.labels import kind_label
    from app.ui.benefits.labels import category_name, channel_name, source_name
    from app.ui.members.labels import channel_label, gender_label, income_label
    from app.ui.shared.labels import role_name

    def role(code: str) -> str:
        try:
            return role_name(code)
        except ValueError:
            return code

    return {
        "gender": gender_label,
        "source_channel": channel_label,
        "income_band": income_label,
        "role": role,
        "kind": kind_label,
        "channel": channel_name,
        "source": source_name,
        "category": category_name,
    }


def _status_label(entity: str, code: str) -> str:
    from app.ui.approvals.labels import status_label as approval_status
    from app.ui.benefits.labels import item_status_name, voucher_status_name
    from app.ui.members.labels import status_label as member_status

    by_entity = {
        "member": member_status,
        "approval": approval_status,
        "benefit": item_status_name,
        "voucher": voucher_status_name,
    }
    label = by_entity.get(entity)
    return label(code) if label else code


def value_text(entity: str, name: str, value: object, keys: Mapping[str, str]) -> str:
    """One value as the viewer shows it: ids as business keys, codes as labels, amounts in
    yuan, lists joined; personal data stays as masked as the entry holds it."""
    if value is None or value == "" or value == []:
        return NOTHING
    if isinstance(value, bool):
        return _yes_no(value)
    if name in REFERENCES and isinstance(value, int):
        return keys.get(f"{REFERENCES[name]}:{value}", f"#{value}")
    if name == "subject" and isinstance(value, str):
        return keys.get(value, value)
    if isinstance(value, int):
        return format_yuan(value) if name.endswith("_fen") else format_int(value)
    if isinstance(value, list):
        return "、".join(value_text(entity, name, item, keys) for item in value)
    if isinstance(value, dict):
        return "; ".join(
            f"{field_label(k)}: {value_text(entity, k, v, keys)}" for k, v in value.items()
        )
    if isinstance(value, str):
        if name == "status":
            return _status_label(entity, value)
        label = _code_labels().get(name)
        if label is not None:
            return label(value) or value
    return str(value)


def _values(text: str | None) -> dict:
    if not text:
        return {}
    try:
        values = json.loads(text)
    except ValueError:
        return {"": text}
    return values if isinstance(values, dict) else {"": values}


def change_lines(row: AuditRow) -> list[str]:
    """ "Mobile: 138****8000 → 139****9000", one line per field the entry names: fields in
    both values as before → after, fields only after (a new record) as their value, empty
    ones left out. Fields in the order of the record's form, unknown ones after them."""
    before, after = _values(row.before), _values(row.after)
    order = {name: i for i, name in enumerate(_FIELDS)}
    names = sorted({*after, *before}, key=lambda name: (order.get(name, len(order)), name))
    lines = []
    for name in names:
        label = field_label(name)
        prefix = f"{label}: " if label else ""
        new = value_text(row.entity, name, after.get(name), row.keys)
        if name not in before and new == NOTHING:
            continue
        if name in before:
            old = value_text(row.entity, name, before[name], row.keys)
            lines.append(f"{prefix}{old}{ARROW}{new}")
        else:
            lines.append(f"{prefix}{new}")
    return lines
