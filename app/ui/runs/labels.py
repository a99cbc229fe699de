"""Batch runs as the screens name them: kinds, statuses and what a run counted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ui.shared.i18n import format_int


def run_kind_label(code: str) -> str:
    return {
        "points_expiry": QCoreApplication.translate("RunLabels", "Points expiry"),
        "initial_points": QCoreApplication.translate("RunLabels", "Initial points"),
        "tier_review": QCoreApplication.translate("RunLabels", "Tier review"),
        "voucher_expiry": QCoreApplication.translate("RunLabels", "Voucher expiry"),
        "segmentation": QCoreApplication.translate("RunLabels", "Value segmentation"),
    }.get(code, code)


def run_status_label(status: str) -> str:
    return {
        "previewed": QCoreApplication.translate("RunLabels", "Previewed"),
        "committing": QCoreApplication.translate("RunLabels", "Interrupted"),
        "committed": QCoreApplication.translate("RunLabels", "Done"),
        "failed": QCoreApplication.translate("RunLabels", "Failed"),
        "cancelled": QCoreApplication.translate("RunLabels", "Cancelled"),
    }.get(status, status)


def counts_text(counts: dict[str, int]) -> str:
    """``{"lots": 3, "points": 40}`` → "3 lots · 40 points" (known counts, in this order)."""
    names = {
        "members": QCoreApplication.translate("RunLabels", "{n} members"),
        "lots": QCoreApplication.translate("RunLabels", "{n} lots"),
        "points": QCoreApplication.translate("RunLabels", "{n} points"),
        "upgrade": QCoreApplication.translate("RunLabels", "{n} upgraded"),
        "retain": QCoreApplication.translate("RunLabels", "{n} retained"),
        "downgrade": QCoreApplication.translate("RunLabels", "{n} downgraded"),
        "vouchers": QCoreApplication.translate("RunLabels", "{n} vouchers"),
        "no_data": QCoreApplication.translate("RunLabels", "{n} without data"),
    }
    parts = [names[key].format(n=format_int(counts[key])) for key in names if key in counts]
    return " · ".join(parts) or "—"
