"""Partner (异业合作) rules from seed 003: the admission checks (准入条件), the weighted
evaluation of seven factors (评估条件), the cooperation modes and their terms, the complaint
service levels (管理机制) and the monthly rebate. Pure functions: no database, no Qt."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from fractions import Fraction
from zoneinfo import ZoneInfo

from stdnum.cn import uscc
from stdnum.exceptions import ValidationError as StdnumError

from app.domain.errors import ValidationError
from app.domain.points import add_months
from app.domain.text import QT_TRANSLATE_NOOP

MAX_CODE_LENGTH = 20
MAX_NAME = 100
MAX_TEXT = 200
MAX_NOTES = 2000
MAX_SCORE_WEIGHT = 100
MAX_CAPITAL_FEN = 10**15  # ten trillion yuan: above any registered capital


# --- registry and life cycle ------------------------------------------------------------------


class PartnerStatus(StrEnum):
    CANDIDATE = "candidate"
    EVALUATING = "evaluating"  # under evaluation: admission checks and scoring
    APPROVED = "approved"  # admitted through Approvals
    ACTIVE = "active"  # cooperating, through Approvals
    SUSPENDED = "suspended"
    TERMINATED = "terminated"


S = PartnerStatus
# The changes a person makes directly; approving and activating go through Approvals
# (``APPROVED_BY_REQUEST``), so nobody admits a partner alone.
DIRECT_CHANGES: dict[PartnerStatus, frozenset[PartnerStatus]] = {
    S.CANDIDATE: frozenset({S.EVALUATING, S.TERMINATED}),
    S.EVALUATING: frozenset({S.CANDIDATE, S.TERMINATED}),
    S.APPROVED: frozenset({S.TERMINATED}),
    S.ACTIVE: frozenset({S.SUSPENDED, S.TERMINATED}),
    S.SUSPENDED: frozenset({S.TERMINATED}),
    S.TERMINATED: frozenset(),
}
# status a request moves from → the status approving it gives
ADMISSION_FROM = frozenset({S.EVALUATING})
ACTIVATION_FROM = frozenset({S.APPROVED, S.SUSPENDED})


class Industry(StrEnum):
    MEDICAL = "medical"
    EDUCATION = "education"
    TRAVEL = "travel"
    FINANCE = "finance"
    RETAIL = "retail"
    DINING = "dining"
    AUTOMOTIVE = "automotive"  # car wash, parking, fuel…
    ENTERTAINMENT = "entertainment"
    OTHER = "other"


def check_credit_code(value: object, field: str = "credit_code") -> str:
    """The unified social credit code (统一社会信用代码) in upper case, or refused: 18
    characters (digits and letters except I, O, Z, S, V) with a valid check character.
    Full-width characters (a Chinese input method) count as their ASCII twins; spaces and
    dashes between the characters are dropped."""
    if not isinstance(value, str):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter text."), field=field)
    try:
        return uscc.validate(unicodedata.normalize("NFKC", value).strip().upper())
    except StdnumError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A unified social credit code has 18 digits or capital letters and a valid "
                "check character; check it against the business licence.",
            ),
            field=field,
        ) from exc


# --- admission (准入条件) ---------------------------------------------------------------------


class Check(StrEnum):
    """The six admission checks, in the seed's order."""

    LEGAL_PERSON = "legal_person"  # registered, an independent legal person, valid code
    CAPITAL = "capital"  # registered capital at least the threshold
    AGE = "age"  # founded at least the threshold years before the assessment
    SERVICE = "service"  # consulting, enquiry, after-sales and complaint processes
    CREDIT = "credit"  # good commercial credit and sound finances
    VAT_INVOICE = "vat_invoice"  # can issue VAT special invoices


# Checked from the partner's record; the other three from a checklist with evidence.
DATA_CHECKS = (Check.LEGAL_PERSON, Check.CAPITAL, Check.AGE)
CHECKLIST = (Check.SERVICE, Check.CREDIT, Check.VAT_INVOICE)
SERVICE_PROCESSES = ("consulting", "enquiry", "after_sales", "complaints")


@dataclass(frozen=True)
class AdmissionThresholds:
    min_capital_fen: int = 500_000_000  # ¥5,000,000
    min_years: int = 3


@dataclass(frozen=True)
class CheckResult:
    check: Check
    passed: bool
    evidence: str = ""  # what the assessor saw (the checklist) or the figure compared


def old_enough(founded_on: date, assessed_on: date, years: int) -> bool:
    """Founded ``years`` or more before ``assessed_on`` (以上 includes the bound: exactly
    three years passes; 29 Feb founders reach it on 28 Feb)."""
    return add_months(founded_on, 12 * years) <= assessed_on


def data_checks(
    legal_person: bool,
    credit_code: str,
    capital_fen: int,
    founded_on: date,
    assessed_on: date,
    thresholds: AdmissionThresholds,
) -> list[CheckResult]:
    """The three checks read off the partner's record."""
    try:
        code_valid = bool(uscc.is_valid(credit_code))
    except Exception:  # noqa: BLE001 - any malformed value is simply not valid
        code_valid = False
    return [
        CheckResult(Check.LEGAL_PERSON, legal_person and code_valid, credit_code),
        CheckResult(Check.CAPITAL, capital_fen >= thresholds.min_capital_fen, str(capital_fen)),
        CheckResult(
            Check.AGE,
            old_enough(founded_on, assessed_on, thresholds.min_years),
            founded_on.isoformat(),
        ),
    ]


def admission_passed(results: Iterable[CheckResult]) -> bool:
    """All six checks present and passed."""
    by_check = {result.check: result.passed for result in results}
    return all(by_check.get(check, False) for check in Check)


def failed_checks(results: Iterable[CheckResult]) -> list[Check]:
    by_check = {result.check: result.passed for result in results}
    return [check for check in Check if not by_check.get(check, False)]


# --- evaluation (评估条件) -------------------------------------------------------------------


class Factor(StrEnum):
    BRAND_VALUE = "brand_value"  # 品牌价值
    MEMBER_EQUIVALENT = "member_equivalent"  # 会员当量
    REPUTATION = "reputation"  # 用户口碑
    INDUSTRY_POSITION = "industry_position"  # 所属行业地位
    COMPLEMENTARITY = "complementarity"  # 资源互补能力
    EXECUTION = "execution"  # 执行力
    COOPERATIVENESS = "cooperativeness"  # 配合度


FACTORS = tuple(Factor)
MIN_SCORE, MAX_SCORE = 1, 5
# The seeds give no weights: equal by default (each factor 1/7).
EQUAL_WEIGHTS: dict[str, int] = {factor.value: 1 for factor in Factor}


def check_weights(weights: object) -> dict[str, int]:
    """Relative weights, a whole number 0–100 for each of the seven factors, not all zero."""
    if not isinstance(weights, Mapping) or set(weights) != {f.value for f in Factor}:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Give a weight for each of the seven factors."),
            field="weights",
        )
    cleaned: dict[str, int] = {}
    for factor in FACTORS:
        value = weights[factor.value]
        if isinstance(value, bool) or not isinstance(value, int):
            value = -1
        if not 0 <= value <= MAX_SCORE_WEIGHT:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Enter a whole number from {low} to {high}."),
                field=factor.value, low=0, high=MAX_SCORE_WEIGHT,
            )  # fmt: skip
        cleaned[factor.value] = value
    if not any(cleaned.values()):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "At least one factor needs a weight above zero."),
            field="weights",
        )
    return cleaned


def check_scores(scores: object) -> dict[str, int]:
    """A score 1–5 for each of the seven factors."""
    if not isinstance(scores, Mapping) or set(scores) != {f.value for f in Factor}:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Score each of the seven factors."), field="scores"
        )
    cleaned: dict[str, int] = {}
    for factor in FACTORS:
        value = scores[factor.value]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Enter a whole number from {low} to {high}."),
                field=factor.value, low=MIN_SCORE, high=MAX_SCORE,
            )  # fmt: skip
        cleaned[factor.value] = value
    return cleaned


def weighted_total(scores: Mapping[str, int], weights: Mapping[str, int]) -> Fraction:
    """Σ weight × score / Σ weight: on the 1–5 scale whatever the weights add up to."""
    weight_sum = sum(weights[f.value] for f in FACTORS)
    return Fraction(sum(weights[f.value] * scores[f.value] for f in FACTORS), weight_sum)


def total_hundredths(total: Fraction) -> int:
    """The total to two decimals (half up), kept as an integer: 3.67 → 367."""
    scaled = total * 100
    return int(scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator)


def ranks(totals: Mapping[int, int]) -> dict[int, int]:
    """Competition ranks (1, 1, 3…) of ``totals`` (key → total), highest first."""
    ordered = sorted(totals.values(), reverse=True)
    return {key: ordered.index(total) + 1 for key, total in totals.items()}


SHORTLIST_MIN = 5  # 初选名单不低于5家横比: the default of the setting


# --- cooperation modes (合作模式) ------------------------------------------------------------


class Mode(StrEnum):
    BULK_PURCHASE = "bulk_purchase"  # 大宗采购
    CONCIERGE = "concierge"  # 礼宾服务
    MEMBER_DISCOUNT = "member_discount"  # 会员折扣
    FREE_QUOTA = "free_quota"  # 限免名额
    REBATE = "rebate"  # 报销返利
    JOINT_MEMBERSHIP = "joint_membership"  # 联合会员营销


class Period(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class Payment(StrEnum):
    PREPAID = "prepaid"
    POSTPAID = "postpaid"


# The fields each mode keeps beyond the contract: name → kind (int: whole number,
# fen: yuan amount, permille: discount or rate, text, period).
MODE_FIELDS: dict[Mode, dict[str, str]] = {
    Mode.BULK_PURCHASE: {"committed_volume": "int", "unit_price_fen": "fen",
                         "market_price_fen": "fen"},
    Mode.CONCIERGE: {"service_scope": "text"},
    Mode.MEMBER_DISCOUNT: {"discount_permille": "permille"},
    Mode.FREE_QUOTA: {"quota": "int", "quota_period": "period"},
    Mode.REBATE: {"target_fen": "fen", "rebate_permille": "permille", "rebate_period": "period"},
    Mode.JOINT_MEMBERSHIP: {"joint_programme": "text"},
}  # fmt: skip
MAX_VOLUME = 100_000_000
MAX_FEN = 100_000_000_00


def check_terms(mode: object, terms: object) -> tuple[Mode, dict[str, object]]:
    """A mode's own fields, each present and in range; unknown fields refused."""
    if not isinstance(mode, str) or mode not in {m.value for m in Mode}:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Choose a cooperation mode."), field="mode"
        )
    the_mode = Mode(str(mode))
    spec = MODE_FIELDS[the_mode]
    if not isinstance(terms, Mapping) or set(terms) != set(spec):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Fill in every field of the cooperation mode."),
            field="terms",
        )
    return the_mode, {name: _term(name, kind, terms[name]) for name, kind in spec.items()}


_TERM_RANGES = {"int": (1, MAX_VOLUME), "fen": (0, MAX_FEN), "permille": (1, 999)}


def _term(name: str, kind: str, value: object) -> object:
    if kind == "text":
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Enter a text of 1 to {max} characters."),
                field=name, max=MAX_TEXT,
            )  # fmt: skip
        return value.strip()
    if kind == "period":
        if value not in {p.value for p in Period}:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a period."), field=name)
        return str(value)
    low, high = _TERM_RANGES[kind]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter a whole number from {low} to {high}."),
            field=name, low=low, high=high,
        )  # fmt: skip
    return value


def renewal_due(contract_end: date | None, today: date, reminder_days: int) -> bool:
    """The contract ends within ``reminder_days`` (and has not ended yet)."""
    return contract_end is not None and today <= contract_end <= today + timedelta(reminder_days)


# --- complaints (管理机制) --------------------------------------------------------------------


class ComplaintSource(StrEnum):
    MEMBER = "member"  # a member told us (counter, app…)
    CALL_CENTRE = "call_centre"  # transferred by the call centre
    PARTNER = "partner"  # the partner received it directly and must report it


class ComplaintStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


PLAN_HOURS = 24  # the partner fixes a handling plan within 24 hours
REPORT_HOURS = 24  # a complaint the partner received reaches operations within 24 hours


def due_after(start: datetime, hours: int, zone: str) -> datetime:
    """``hours`` calendar hours after ``start`` on the programme's clock (a wall-clock day
    stays a day across a daylight-saving change), as an aware UTC time."""
    if start.tzinfo is None:
        raise ValueError("start must be aware")
    local = start.astimezone(ZoneInfo(zone))
    due_wall = local.replace(tzinfo=None) + timedelta(hours=hours)
    return due_wall.replace(tzinfo=ZoneInfo(zone)).astimezone(start.tzinfo)


def is_overdue(due: datetime | None, done: datetime | None, now: datetime) -> bool:
    """Late: done after its due time, or not done and the due time has passed."""
    if due is None:
        return False
    return done > due if done is not None else now > due


@dataclass(frozen=True)
class ContactRates:
    received: int
    first_contact: int  # resolved at the first contact
    second_contact: int  # resolved by the second contact

    @property
    def first_rate(self) -> Fraction | None:
        return Fraction(self.first_contact, self.received) if self.received else None

    @property
    def second_rate(self) -> Fraction | None:
        return Fraction(self.second_contact, self.received) if self.received else None


FIRST_CONTACT_TARGET = Fraction(95, 100)  # 一解能力95%
SECOND_CONTACT_TARGET = Fraction(1)  # 二解能力100%


def contact_rates(complaints: Iterable[tuple[bool, int]]) -> ContactRates:
    """From (resolved, contacts) of the complaints received in a month: an open complaint
    counts in the denominator, never as resolved."""
    received = first = second = 0
    for resolved, contacts in complaints:
        received += 1
        if resolved and contacts <= 1:
            first += 1
        if resolved and contacts <= 2:
            second += 1
    return ContactRates(received, first, second)


# --- monthly settlement ---------------------------------------------------------------------


def month_range(month: str) -> tuple[date, date]:
    """First and last day of a YYYY-MM month (ASCII digits, 2000–2099), or refused."""
    shape = isinstance(month, str) and re.fullmatch(r"(20[0-9]{2})-(0[1-9]|1[0-2])", month)
    if not shape:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter a month as YYYY-MM, e.g. 2026-11."), field="month"
        )
    first = date(int(shape.group(1)), int(shape.group(2)), 1)
    return first, add_months(first, 1) - timedelta(days=1)


def period_months(month: str, period: Period) -> tuple[list[str], bool]:
    """The months of the rebate period ``month`` falls in, up to ``month``, and whether
    ``month`` ends that period (a rebate is settled in the period's last month)."""
    first, _ = month_range(month)
    size = {Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}[period]
    start_month = (first.month - 1) // size * size + 1
    months = [f"{first.year:04d}-{m:02d}" for m in range(start_month, first.month + 1)]
    return months, first.month == start_month + size - 1


def rebate_fen(amount_fen: int, target_fen: int, rebate_permille: int) -> int:
    """The rebate once the period's billed amount reaches the target (half up to the fen)."""
    if amount_fen < target_fen or amount_fen <= 0:
        return 0
    return (amount_fen * rebate_permille * 2 + 1000) // 2000
