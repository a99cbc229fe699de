"""Partners as the screens name them: statuses, industries, admission checks, evaluation
factors, cooperation modes and their fields, complaint sources. Shared by every partner
screen and the approvals detail."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QCoreApplication

from app.domain.partners import (
    Check,
    ComplaintSource,
    ComplaintStatus,
    Factor,
    Industry,
    Mode,
    PartnerStatus,
    Payment,
    Period,
)

STATUSES = tuple(PartnerStatus)
INDUSTRIES = tuple(Industry)
CHECKS = tuple(Check)
FACTORS = tuple(Factor)
MODES = tuple(Mode)
SOURCES = tuple(ComplaintSource)


def status_name(code: str) -> str:
    names = {
        PartnerStatus.CANDIDATE: QCoreApplication.translate("PartnerLabels", "Candidate"),
        PartnerStatus.EVALUATING: QCoreApplication.translate("PartnerLabels", "Under evaluation"),
        PartnerStatus.APPROVED: QCoreApplication.translate("PartnerLabels", "Admitted"),
        PartnerStatus.ACTIVE: QCoreApplication.translate("PartnerLabels", "Active"),
        PartnerStatus.SUSPENDED: QCoreApplication.translate("PartnerLabels", "Suspended"),
        PartnerStatus.TERMINATED: QCoreApplication.translate("PartnerLabels", "Terminated"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def industry_name(code: str) -> str:
    names = {
        Industry.MEDICAL: QCoreApplication.translate("PartnerLabels", "Medical and health"),
        Industry.EDUCATION: QCoreApplication.translate("PartnerLabels", "Education"),
        Industry.TRAVEL: QCoreApplication.translate("PartnerLabels", "Travel"),
        Industry.FINANCE: QCoreApplication.translate("PartnerLabels", "Finance and insurance"),
        Industry.RETAIL: QCoreApplication.translate("PartnerLabels", "Retail"),
        Industry.DINING: QCoreApplication.translate("PartnerLabels", "Dining"),
        Industry.AUTOMOTIVE: QCoreApplication.translate("PartnerLabels", "Car services"),
        Industry.ENTERTAINMENT: QCoreApplication.translate(
            "PartnerLabels", "Leisure and entertainment"
        ),
        Industry.OTHER: QCoreApplication.translate("PartnerLabels", "Other industry"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def check_name(code: str) -> str:
    names = {
        Check.LEGAL_PERSON: QCoreApplication.translate(
            "PartnerLabels", "Registered independent legal person"
        ),
        Check.CAPITAL: QCoreApplication.translate("PartnerLabels", "Registered capital"),
        Check.AGE: QCoreApplication.translate("PartnerLabels", "Years since founding"),
        Check.SERVICE: QCoreApplication.translate(
            "PartnerLabels", "Consulting, enquiry, after-sales and complaint service"
        ),
        Check.CREDIT: QCoreApplication.translate(
            "PartnerLabels", "Commercial credit and sound finances"
        ),
        Check.VAT_INVOICE: QCoreApplication.translate(
            "PartnerLabels", "Issues VAT special invoices"
        ),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def service_process_name(code: str) -> str:
    names = {
        "consulting": QCoreApplication.translate("PartnerLabels", "Consulting"),
        "enquiry": QCoreApplication.translate("PartnerLabels", "Enquiry"),
        "after_sales": QCoreApplication.translate("PartnerLabels", "After-sales"),
        "complaints": QCoreApplication.translate("PartnerLabels", "Complaint handling"),
    }
    return names.get(code, code)


def factor_name(code: str) -> str:
    names = {
        Factor.BRAND_VALUE: QCoreApplication.translate("PartnerLabels", "Brand value"),
        Factor.MEMBER_EQUIVALENT: QCoreApplication.translate("PartnerLabels", "Member equivalents"),
        Factor.REPUTATION: QCoreApplication.translate("PartnerLabels", "Reputation"),
        Factor.INDUSTRY_POSITION: QCoreApplication.translate("PartnerLabels", "Industry position"),
        Factor.COMPLEMENTARITY: QCoreApplication.translate(
            "PartnerLabels", "Resource complementarity"
        ),
        Factor.EXECUTION: QCoreApplication.translate("PartnerLabels", "Execution"),
        Factor.COOPERATIVENESS: QCoreApplication.translate("PartnerLabels", "Cooperativeness"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def mode_name(code: str) -> str:
    names = {
        Mode.BULK_PURCHASE: QCoreApplication.translate("PartnerLabels", "Bulk purchase"),
        Mode.CONCIERGE: QCoreApplication.translate("PartnerLabels", "Concierge service"),
        Mode.MEMBER_DISCOUNT: QCoreApplication.translate("PartnerLabels", "Member discount"),
        Mode.FREE_QUOTA: QCoreApplication.translate("PartnerLabels", "Limited free quota"),
        Mode.REBATE: QCoreApplication.translate("PartnerLabels", "Rebate"),
        Mode.JOINT_MEMBERSHIP: QCoreApplication.translate("PartnerLabels", "Joint membership"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def term_name(field: str) -> str:
    """The label of a mode's own field (app.domain.partners.MODE_FIELDS)."""
    names = {
        "committed_volume": QCoreApplication.translate("PartnerLabels", "Committed volume"),
        "unit_price_fen": QCoreApplication.translate("PartnerLabels", "Purchase unit price"),
        "market_price_fen": QCoreApplication.translate("PartnerLabels", "Market price"),
        "service_scope": QCoreApplication.translate("PartnerLabels", "Service scope"),
        "discount_permille": QCoreApplication.translate("PartnerLabels", "Discount"),
        "quota": QCoreApplication.translate("PartnerLabels", "Free quota"),
        "quota_period": QCoreApplication.translate("PartnerLabels", "Quota period"),
        "target_fen": QCoreApplication.translate("PartnerLabels", "Rebate target"),
        "rebate_permille": QCoreApplication.translate("PartnerLabels", "Rebate rate"),
        "rebate_period": QCoreApplication.translate("PartnerLabels", "Rebate period"),
        "joint_programme": QCoreApplication.translate("PartnerLabels", "Joint programme"),
    }
    return names.get(field, field)


def period_name(code: str) -> str:
    names = {
        Period.MONTH: QCoreApplication.translate("PartnerLabels", "Monthly"),
        Period.QUARTER: QCoreApplication.translate("PartnerLabels", "Quarterly"),
        Period.YEAR: QCoreApplication.translate("PartnerLabels", "Yearly"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def payment_name(code: str) -> str:
    names = {
        Payment.PREPAID: QCoreApplication.translate("PartnerLabels", "Prepaid"),
        Payment.POSTPAID: QCoreApplication.translate("PartnerLabels", "Postpaid"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def source_name(code: str) -> str:
    names = {
        ComplaintSource.MEMBER: QCoreApplication.translate("PartnerLabels", "Member"),
        ComplaintSource.CALL_CENTRE: QCoreApplication.translate("PartnerLabels", "Call centre"),
        ComplaintSource.PARTNER: QCoreApplication.translate(
            "PartnerLabels", "Received by the partner"
        ),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def complaint_status_name(code: str) -> str:
    names = {
        ComplaintStatus.OPEN: QCoreApplication.translate("PartnerLabels", "Open"),
        ComplaintStatus.RESOLVED: QCoreApplication.translate("PartnerLabels", "Resolved"),
    }
    return names.get(code, code)  # type: ignore[call-overload]


def score_text(hundredths: int | None) -> str:
    """A weighted total as the screens show it: 3.67 (or a dash before any scoring)."""
    if hundredths is None:
        return "—"
    return f"{hundredths // 100}.{hundredths % 100:02d}"


def percent_text(rate: Fraction | None) -> str:
    """A rate to one decimal, e.g. 96.5%; a dash when there was nothing to count."""
    if rate is None:
        return "—"
    tenths = (rate * 1000 * 2 + 1) // 2
    return f"{tenths // 10}.{tenths % 10}%"


def permille_text(permille: int) -> str:
    """A discount or rate kept in permille, as a percentage: 85 → 8.5%."""
    return f"{permille // 10}.{permille % 10}%" if permille % 10 else f"{permille // 10}%"
