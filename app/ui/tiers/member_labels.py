"""A member's tier as the screens name it: reasons of tier changes, manual-tier reasons, the
tier's name in its colour."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.tiers import Tier
from app.services.tiers import MANUAL_REASONS


def change_reason_label(code: str) -> str:
    """Why a member's tier changed (tier_history.reason)."""
    return {
        "enrolment": QCoreApplication.translate("MemberTierLabels", "Enrolment"),
        "upgrade": QCoreApplication.translate("MemberTierLabels", "Upgrade"),
        "retain": QCoreApplication.translate("MemberTierLabels", "Retained at review"),
        "downgrade": QCoreApplication.translate("MemberTierLabels", "Downgrade at review"),
        "match": QCoreApplication.translate("MemberTierLabels", "Status match"),
        "manual": QCoreApplication.translate("MemberTierLabels", "Manual tier"),
        "paid": QCoreApplication.translate("MemberTierLabels", "Paid tier"),
        "merge": QCoreApplication.translate("MemberTierLabels", "Carried over in a merge"),
    }.get(code, code)


def manual_reason_label(code: str) -> str:
    return {
        "service_recovery": QCoreApplication.translate("MemberTierLabels", "Service recovery"),
        "vip": QCoreApplication.translate("MemberTierLabels", "VIP care"),
        "correction": QCoreApplication.translate("MemberTierLabels", "Correction"),
    }.get(code, code)


def floor_reason_label(code: str | None) -> str:
    return {
        "manual": QCoreApplication.translate("MemberTierLabels", "manual tier"),
        "paid": QCoreApplication.translate("MemberTierLabels", "paid tier"),
    }.get(code or "", code or "")


def history_note(reason: str, note: str | None) -> str:
    """A history row's note in words: a manual tier keeps its reason's code there."""
    if reason == "manual" and note in MANUAL_REASONS:
        return manual_reason_label(note)
    return note or ""


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (#RRGGBB)."""
    try:
        red, green, blue = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    except ValueError:
        return "#000000"
    return "#000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "#ffffff"


def badge_style(tier: Tier) -> str:
    """A QLabel style sheet: the tier's name on its colour, as a card would show it."""
    return (
        f"QLabel {{ background: {tier.colour}; color: {text_colour(tier.colour)};"
        " border-radius: 4px; padding: 3px 12px; font-weight: bold; }"
    )


def tier_html(tier: Tier) -> str:
    """The tier's name on its colour, for rich-text labels (a light colour stays legible)."""
    return (
        f"<span style='background-color:{tier.colour}; color:{text_colour(tier.colour)};"
        f" font-weight:bold'>&nbsp;{_escaped(tier.name)}&nbsp;</span>"
    )


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
