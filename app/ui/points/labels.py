"""Translated names for the codes of the points ledger (entry kinds, sources, statuses)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def kind_label(kind: str) -> str:
    return {
        "earn": QCoreApplication.translate("PointsLabels", "Earned"),
        "redeem": QCoreApplication.translate("PointsLabels", "Used"),
        "adjust": QCoreApplication.translate("PointsLabels", "Adjustment"),
        "reverse": QCoreApplication.translate("PointsLabels", "Reversal"),
        "expire": QCoreApplication.translate("PointsLabels", "Expired"),
    }.get(kind, kind)


def source_label(source: str) -> str:
    """Where points came from or went: rule codes, use targets and reason codes."""
    return {
        "service": QCoreApplication.translate("PointsLabels", "Service"),
        "purchase": QCoreApplication.translate("PointsLabels", "Vehicle purchase"),
        "sign_in": QCoreApplication.translate("PointsLabels", "Daily sign-in"),
        "share": QCoreApplication.translate("PointsLabels", "Share"),
        "major_event": QCoreApplication.translate("PointsLabels", "Major event"),
        "birthday": QCoreApplication.translate("PointsLabels", "Birthday bonus"),
        "referral": QCoreApplication.translate("PointsLabels", "Referral bonus"),
        # Seed 003 lists the binding bonus under initial points (初始积分: 绑定车辆积分).
        "new_binding": QCoreApplication.translate(
            "PointsLabels", "Initial points: vehicle binding"
        ),
        "labour": QCoreApplication.translate("PointsLabels", "Against labour"),
        "parts": QCoreApplication.translate("PointsLabels", "Against parts"),
        "merge": QCoreApplication.translate("PointsLabels", "Member merge"),
        "expiry": QCoreApplication.translate("PointsLabels", "Expiry"),
        "redemption": QCoreApplication.translate("PointsLabels", "Redemption"),
        "initial": QCoreApplication.translate("PointsLabels", "Initial points"),
    }.get(source) or reason_label(source, source)


def reason_label(code: str, stored_label: str) -> str:
    """The seeded reason codes in the user's language; admin-added ones as they were typed."""
    return {
        "goodwill": QCoreApplication.translate("PointsLabels", "Goodwill"),
        "system_error": QCoreApplication.translate("PointsLabels", "System error"),
        "missed_earning": QCoreApplication.translate("PointsLabels", "Missed earning"),
        "duplicate_earning": QCoreApplication.translate("PointsLabels", "Duplicate earning"),
        "complaint": QCoreApplication.translate("PointsLabels", "Complaint"),
    }.get(code, stored_label)


def preview_line(label: str) -> str:
    """The lines of an earning preview (English constants of app.domain.points)."""
    return {
        "Base points": QCoreApplication.translate("PointsLabels", "Base points"),
        "Tier bonus": QCoreApplication.translate("PointsLabels", "Tier bonus"),
        "Total": QCoreApplication.translate("PointsLabels", "Total"),
        "Before the launch: counted in initial points": QCoreApplication.translate(
            "PointsLabels", "Before the launch: counted in initial points"
        ),
    }.get(label, label)


def currency_label(currency: str) -> str:
    if currency == "qualifying":
        return QCoreApplication.translate("PointsLabels", "Qualifying points")
    return QCoreApplication.translate("PointsLabels", "Points")
