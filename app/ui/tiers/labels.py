"""Tiers as the screens name them: review outcomes, the upgrade basis, multipliers, counts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from app.ui.shared.i18n import format_int

OUTCOMES = ("upgrade", "retain", "downgrade")


def outcome_label(code: str) -> str:
    return {
        "upgrade": QCoreApplication.translate("TierLabels", "Upgrade"),
        "retain": QCoreApplication.translate("TierLabels", "Retain"),
        "downgrade": QCoreApplication.translate("TierLabels", "Downgrade"),
    }.get(code, code)


def outcome_colour(code: str) -> str:
    return {"upgrade": "#1b7a3a", "retain": "#35506b", "downgrade": "#b00020"}.get(code, "#333")


def basis_label(code: str) -> str:
    return {
        "period": QCoreApplication.translate(
            "TierLabels", "Qualifying points of the current period"
        ),
        "lifetime": QCoreApplication.translate("TierLabels", "Lifetime qualifying points"),
    }.get(code, code)


def multiplier_text(permille: int) -> str:
    """1100 → "×1.1", 1000 → "×1", 1250 → "×1.25" (exact: no float)."""
    whole, part = divmod(permille, 1000)
    digits = f"{part:03d}".rstrip("0")
    number = QLocale().toString(whole)
    return "×" + (number + QLocale().decimalPoint() + digits if digits else number)


def months_text(months: int) -> str:
    if months == 1:
        return QCoreApplication.translate("TierLabels", "1 month")
    return QCoreApplication.translate("TierLabels", "{n} months").format(n=format_int(months))


def days_text(days: int) -> str:
    if days == 0:
        return QCoreApplication.translate("TierLabels", "none")
    if days == 1:
        return QCoreApplication.translate("TierLabels", "1 day")
    return QCoreApplication.translate("TierLabels", "{n} days").format(n=format_int(days))


def steps_text(steps: int) -> str:
    if steps == 0:
        return QCoreApplication.translate(
            "TierLabels", "No limit: down to the tier the points retain"
        )
    if steps == 1:
        return QCoreApplication.translate("TierLabels", "At most 1 tier per review")
    return QCoreApplication.translate("TierLabels", "At most {n} tiers per review").format(
        n=format_int(steps)
    )


def outcome_counts_text(counts: dict[str, int]) -> str:
    """``{"upgrade": 1, "retain": 5, "downgrade": 2}`` → "Upgrade 1 · Retain 5 · Downgrade 2"."""
    parts = [
        QCoreApplication.translate("TierLabels", "{outcome} {n}").format(
            outcome=outcome_label(code), n=format_int(counts.get(code, 0))
        )
        for code in OUTCOMES
    ]
    return " · ".join(parts)
