"""Approval requests as the screens name them: kinds, statuses and a one-line summary."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from app.services.approvals import RequestRow
from app.ui.points.labels import currency_label, reason_label
from app.ui.shared.i18n import format_date, format_int, format_yuan
from app.ui.tiers.member_labels import manual_reason_label


def kind_label(code: str) -> str:
    return {
        "points_adjustment": QCoreApplication.translate("ApprovalLabels", "Points adjustment"),
        "tier_upgrade": QCoreApplication.translate("ApprovalLabels", "Tier upgrade"),
        "tier_manual": QCoreApplication.translate("ApprovalLabels", "Manual tier"),
        "tier_match": QCoreApplication.translate("ApprovalLabels", "Status match"),
        "tier_paid": QCoreApplication.translate("ApprovalLabels", "Paid tier"),
        "benefit_listing": QCoreApplication.translate("ApprovalLabels", "Benefit listing"),
        "partner_admission": QCoreApplication.translate("ApprovalLabels", "Partner admission"),
        "partner_activation": QCoreApplication.translate("ApprovalLabels", "Partner activation"),
    }.get(code, code)


def status_label(status: str) -> str:
    return {
        "pending": QCoreApplication.translate("ApprovalLabels", "Pending"),
        "approved": QCoreApplication.translate("ApprovalLabels", "Approved"),
        "rejected": QCoreApplication.translate("ApprovalLabels", "Rejected"),
        "lapsed": QCoreApplication.translate("ApprovalLabels", "Lapsed"),
        "cancelled": QCoreApplication.translate("ApprovalLabels", "Cancelled"),
    }.get(status, status)


STATUSES = ("pending", "approved", "rejected", "lapsed", "cancelled")


def signed(number: int) -> str:
    return ("+" if number > 0 else "") + format_int(number)


def iso_date(value: object) -> str:
    """A payload's ISO date ("2027-06-30") in the locale's format."""
    try:
        return format_date(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def tier_summary(row: RequestRow, tiers: dict[str, str]) -> str:
    """A tier request in one line, the tier by its name (``tiers``: code → name)."""
    payload = row.payload
    tier = tiers.get(payload.get("tier", ""), payload.get("tier", ""))

    if row.kind == "tier_upgrade":
        return QCoreApplication.translate(
            "ApprovalLabels", "Up to {tier} · {points} qualifying points"
        ).format(tier=tier, points=format_int(payload.get("points", 0)))
    if row.kind == "tier_manual":
        return QCoreApplication.translate(
            "ApprovalLabels", "{tier} kept until {date} · {reason}"
        ).format(
            tier=tier, date=iso_date(payload.get("until")),
            reason=manual_reason_label(payload.get("reason_code", "")),
        )  # fmt: skip
    if row.kind == "tier_match":
        return QCoreApplication.translate(
            "ApprovalLabels", "{tier} · matches {level} of {programme}"
        ).format(tier=tier, level=payload.get("level", ""), programme=payload.get("programme", ""))
    return QCoreApplication.translate(
        "ApprovalLabels", "{tier} for 12 months · fee {fee} paid"
    ).format(tier=tier, fee=format_yuan(payload.get("fee_fen", 0)))


TIER_KINDS = ("tier_upgrade", "tier_manual", "tier_match", "tier_paid")


def note_text(row: RequestRow, tiers: dict[str, str] | None = None) -> str:
    """The request's note; an upgrade filed by the ledger says so in the user's language
    (the note it stores is for the audit trail)."""
    if row.kind == "tier_upgrade":
        code = row.payload.get("tier", "")
        return QCoreApplication.translate(
            "ApprovalLabels", "Filed when the member's qualifying points reached {tier}."
        ).format(tier=(tiers or {}).get(code, code))
    return row.note


def summary(row: RequestRow, reasons: dict[str, str], tiers: dict[str, str] | None = None) -> str:
    """What the request asks for, in one line (``reasons``: reason code → stored label;
    ``tiers``: tier code → name)."""
    if row.kind in TIER_KINDS:
        return tier_summary(row, tiers or {})
    if row.kind == "points_adjustment":
        payload = row.payload
        code = payload["reason_code"]
        line = QCoreApplication.translate("ApprovalLabels", "{amount} {currency} · {reason}")
        return line.format(
            amount=signed(payload["amount"]),
            currency=currency_label(payload["currency"]),
            reason=reason_label(code, reasons.get(code, code)),
        )
    if row.kind == "benefit_listing":
        return QCoreApplication.translate("ApprovalLabels", "List {code} {name}").format(
            code=row.payload.get("code", ""), name=row.payload.get("name", "")
        )
    if row.kind == "partner_admission":
        return QCoreApplication.translate("ApprovalLabels", "Admit {code} {name}").format(
            code=row.payload.get("code", ""), name=row.payload.get("name", "")
        )
    if row.kind == "partner_activation":
        return QCoreApplication.translate("ApprovalLabels", "Activate {code} {name}").format(
            code=row.payload.get("code", ""), name=row.payload.get("name", "")
        )
    return kind_label(row.kind)
