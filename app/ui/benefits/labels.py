"""Benefits as the screens name them: channels, sources, categories, statuses, periods and
why a member may not have an item now. Shared by the headquarters and the member screens."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from app.domain.benefits import (
    REFUSAL_TEXT,
    Availability,
    Category,
    Channel,
    LimitPeriod,
    QuotaPeriod,
    Source,
    VoucherStatus,
)
from app.ui.shared.i18n import format_date, format_int

CHANNELS = tuple(Channel)
SOURCES = tuple(Source)
CATEGORIES = tuple(Category)
ITEM_STATUSES = ("draft", "submitted", "listed", "delisted")
VOUCHER_STATUSES = tuple(VoucherStatus)


def channel_name(code: str) -> str:
    names = {
        Channel.REDEMPTION: QCoreApplication.translate("BenefitLabels", "Points redemption"),
        Channel.TIER: QCoreApplication.translate("BenefitLabels", "Tier benefit"),
        Channel.OTHER: QCoreApplication.translate("BenefitLabels", "Other benefit"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def source_name(code: str) -> str:
    names = {
        Source.BRAND: QCoreApplication.translate("BenefitLabels", "Brand"),
        Source.DEALER: QCoreApplication.translate("BenefitLabels", "Dealer"),
        Source.PARTNER: QCoreApplication.translate("BenefitLabels", "Partner"),
        Source.CUSTOM: QCoreApplication.translate("BenefitLabels", "Custom gift"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def category_name(code: str) -> str:
    names = {
        Category.VEHICLE_SERVICE: QCoreApplication.translate("BenefitLabels", "Vehicle service"),
        Category.VOUCHER: QCoreApplication.translate("BenefitLabels", "Cash voucher"),
        Category.MERCHANDISE: QCoreApplication.translate("BenefitLabels", "Merchandise"),
        Category.CUSTOM: QCoreApplication.translate("BenefitLabels", "Custom"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def item_status_name(code: str) -> str:
    """draft, submitted (a listing request waits in Approvals), listed or delisted."""
    names = {
        "draft": QCoreApplication.translate("BenefitLabels", "Draft"),
        "submitted": QCoreApplication.translate("BenefitLabels", "Awaiting approval"),
        "listed": QCoreApplication.translate("BenefitLabels", "Listed"),
        "delisted": QCoreApplication.translate("BenefitLabels", "Delisted"),
    }
    return names.get(str(code), str(code))


def voucher_status_name(code: str) -> str:
    names = {
        VoucherStatus.ISSUED: QCoreApplication.translate("BenefitLabels", "Not used"),
        VoucherStatus.USED: QCoreApplication.translate("BenefitLabels", "Written off"),
        VoucherStatus.CANCELLED: QCoreApplication.translate("BenefitLabels", "Cancelled"),
        VoucherStatus.EXPIRED: QCoreApplication.translate("BenefitLabels", "Expired"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def limit_period_name(code: str) -> str:
    names = {
        LimitPeriod.TOTAL: QCoreApplication.translate("BenefitLabels", "in total"),
        LimitPeriod.MONTH: QCoreApplication.translate("BenefitLabels", "per month"),
        LimitPeriod.YEAR: QCoreApplication.translate("BenefitLabels", "per year"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def quota_period_name(code: str) -> str:
    names = {
        QuotaPeriod.VALIDITY: QCoreApplication.translate(
            "BenefitLabels", "per tier validity period"
        ),
        QuotaPeriod.YEAR: QCoreApplication.translate("BenefitLabels", "per calendar year"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def stock_text(stock: int | None) -> str:
    if stock is None:
        return QCoreApplication.translate("BenefitLabels", "Unlimited")
    return format_int(stock)


def _param_text(value: object) -> str:
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int):
        return format_int(value)
    return str(value)


def refusal_text(availability: Availability) -> str:
    """Why the member may not have the item now, in words; "" when they may."""
    if availability.refusal is None:
        return ""
    text = QCoreApplication.translate("Errors", REFUSAL_TEXT[availability.refusal])
    params = _Params({key: _param_text(value) for key, value in availability.params.items()})
    return text.format_map(params)


class _Params(dict):
    """A parameter the template names but the refusal did not give shows as nothing."""

    def __missing__(self, key: str) -> str:
        return ""
