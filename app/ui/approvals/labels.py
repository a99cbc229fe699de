"""Approval requests as the screens name them: kinds, statuses and a one-line summary."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.approvals import RequestRow
from app.ui.points.labels import currency_label, reason_label
from app.ui.shared.i18n import format_int


def kind_label(code: str) -> str:
    return {
        "points_adjustment": QCoreApplication.translate("ApprovalLabels", "Points adjustment"),
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


def summary(row: RequestRow, reasons: dict[str, str]) -> str:
    """What the request asks for, in one line (``reasons``: reason code → stored label)."""
    if row.kind == "points_adjustment":
        payload = row.payload
        code = payload["reason_code"]
        line = QCoreApplication.translate("ApprovalLabels", "{amount} {currency} · {reason}")
        return line.format(
            amount=signed(payload["amount"]),
            currency=currency_label(payload["currency"]),
            reason=reason_label(code, reasons.get(code, code)),
        )
    return kind_label(row.kind)
