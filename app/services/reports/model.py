"""The monthly report pack as plain data (issue 15, sections 1-9).

Every figure is an ``int`` (points, counts, or money in integer fen) or a
``fractions.Fraction``/``None`` for rates (``None``: the denominator is zero). Nothing
here knows about Excel, PDF or Qt: the writers and the Reports screen read these frozen
dataclasses. Definitions (the period is the report month, first_day..last_day inclusive,
dates are business dates; "in scope" = the member's dealer, or for postings the member's
dealer, is in the scope):

Members (section 1)
    total: members in scope that exist at month end (join_date <= last_day) and are not
    merged away, closed ones included; open = total - closed_total.
    new: join_date within the month. activated: activated_on within the month.
    closed: closed_at within the month.
    lifecycle stage at a date D (RULES.md S6): days since the member's last activity
    (any earn or redeem posting on the points currency; no activity: days since joining)
    -> active (<= lifecycle_silent_days), silent (<= sleeping_days), sleeping
    (<= lost_days), lost (more). Only open members are staged. ``stage_changes`` counts
    members by (stage at the day before first_day, stage at last_day).

Points (section 2), redeemable currency only
    opening = sum of all postings with business_date < first_day; closing = sum up to
    last_day. earned = earn postings of the month by source group (initial, consumption =
    service/purchase documents, activity = sign-in/share/events/binding, other); offset =
    redeem postings at the counter (source "offset"); redeemed = other redeem postings
    (benefit vouchers ...); expired = expire postings; adjusted = signed sum of adjust
    postings; reversed = minus the signed sum of reverse postings (a reversal of a credit
    is negative, so ``reversed`` > 0 lowers the balance; reversals of debits give it back).
    identity: opening + earned - offset - redeemed - expired + adjusted - reversed = closing.
    ``identity_difference`` = closing - (the left-hand side); 0 when it holds.
    liability_fen = closing * 100 // points_per_yuan (what the outstanding points are worth).
    expiring: points in lots expiring in each of the 3 calendar months after the month.

Health (section 3), RULES.md O1
    redemption rate = (offset + redeemed) / earned in the month.
    accumulation rate = members with >= 1 earn posting in the month / members active at
    month end (lifecycle stage "active").

Tiers (4): tier changes (tier_history) effective in the month, from × to; tier review
    runs with as_of in the month (whole programme, whatever the scope); open members at
    month end by tier (no tier row: the lowest tier) × lifecycle stage.
Benefits (5): vouchers of in-scope members issued in the month and not cancelled
    (redemptions) and used in the month (write-offs, cost = their unit_cost_fen).
Partners (6): the partners area's settlement and complaint service levels for the month;
    headquarters and network scope only (else ``available`` is False with a note).
Approvals (7): requests made in the month (dealer/region scope: by that dealer's staff).
Dealers (8): per dealer of the scope, by the member's current dealer.
Cost (9): see :class:`CostSection` and :class:`CostLine`; the month's cost of points is
    accrued: value of the points used + change of the provision for outstanding points
    (outstanding × cost_forecast_redemption_pct ÷ points_per_yuan).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction

__all__ = [
    "ApprovalKindRow",
    "ApprovalsSection",
    "BenefitRow",
    "BenefitsSection",
    "CostLine",
    "CostSection",
    "DealerBenefitRow",
    "DealerRow",
    "DealersSection",
    "ExpiringMonth",
    "HealthSection",
    "LabelledCount",
    "MembersSection",
    "MonthlyReport",
    "PartnerComplaintRow",
    "PartnerSettlementRow",
    "PartnersSection",
    "PointsSection",
    "Rate",
    "ReportCheck",
    "ReportScope",
    "ReviewRunRow",
    "StageChange",
    "TierMove",
    "TierActivityCell",
    "TiersSection",
    "LIFECYCLE_STAGES",
    "EARN_GROUPS",
]

LIFECYCLE_STAGES = ("active", "silent", "sleeping", "lost")
EARN_GROUPS = ("initial", "consumption", "activity", "other")


@dataclass(frozen=True)
class ReportScope:
    """kind: "network" | "region" | "dealer". name: region name or dealer name ("" for
    the network); dealer_id/dealer_code set for a dealer scope."""

    kind: str
    name: str
    month: str  # "YYYY-MM"
    first_day: date
    last_day: date
    dealer_id: int | None = None
    dealer_code: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class Rate:
    """numerator / denominator; ``value`` is None when the denominator is 0.
    ``reference`` is the reference line (a Fraction, e.g. 4/5 for 80 %) or None."""

    numerator: int
    denominator: int
    value: Fraction | None
    reference: Fraction | None = None

    @property
    def permille(self) -> int | None:
        """The rate in permille, rounded half up; None when undefined."""
        if self.value is None:
            return None
        return int((self.value * 1000 * 2 + 1) // 2)


@dataclass(frozen=True)
class LabelledCount:
    """One row of a breakdown: code (tier code, dealer code, province, stage ...),
    label (display name; may equal the code) and count."""

    code: str
    label: str
    count: int


@dataclass(frozen=True)
class StageChange:
    """Members whose lifecycle stage was ``from_stage`` the day before the month and is
    ``to_stage`` at month end (``from_stage`` None: joined during the month)."""

    from_stage: str | None
    to_stage: str
    count: int


@dataclass(frozen=True)
class MembersSection:
    """Section 1 (see the module docstring). by_tier / by_dealer / by_province and the
    stages count open members (not closed) at the month's end; by_tier in the policy's
    order, lowest tier first; the day thresholds used are repeated for the captions."""

    total: int = 0
    closed_total: int = 0
    new: int = 0
    activated: int = 0
    closed: int = 0
    by_tier: tuple[LabelledCount, ...] = ()
    by_dealer: tuple[LabelledCount, ...] = ()
    by_province: tuple[LabelledCount, ...] = ()
    stages: tuple[LabelledCount, ...] = ()  # stage at month end, LIFECYCLE_STAGES order
    stages_before: tuple[LabelledCount, ...] = ()  # stage the day before the month
    stage_changes: tuple[StageChange, ...] = ()
    silent_days: int = 180
    sleeping_days: int = 365
    lost_days: int = 730


@dataclass(frozen=True)
class ExpiringMonth:
    month: str  # "YYYY-MM"
    points: int


@dataclass(frozen=True)
class PointsSection:
    """Section 2 (see the module docstring). All figures in points except liability_fen;
    offset, redeemed, expired and reversed are positive numbers taken off the balance,
    adjusted is signed. earned_by_source: points earned per raw ledger source."""

    opening: int = 0
    earned_initial: int = 0
    earned_consumption: int = 0
    earned_activity: int = 0
    earned_other: int = 0
    offset: int = 0
    redeemed: int = 0
    expired: int = 0
    adjusted: int = 0  # signed
    reversed: int = 0  # positive lowers the balance
    closing: int = 0
    identity_ok: bool = True
    identity_difference: int = 0  # closing - computed closing
    points_per_yuan: int = 10
    liability_fen: int = 0
    expiring: tuple[ExpiringMonth, ...] = ()
    earned_by_source: tuple[LabelledCount, ...] = ()  # raw ledger sources, count = points

    @property
    def earned(self) -> int:
        return (
            self.earned_initial
            + self.earned_consumption
            + self.earned_activity
            + (self.earned_other)
        )


@dataclass(frozen=True)
class HealthSection:
    """Section 3: accumulation and redemption rates of the month with the reference
    lines from the settings (80 % / 40 %), the expired points shown apart, and the
    redemption rate since the start (points used ÷ points earned up to the month's end)."""

    accumulation: Rate = field(default_factory=lambda: Rate(0, 0, None))
    redemption: Rate = field(default_factory=lambda: Rate(0, 0, None))
    expired_points: int = 0  # shown apart from the redemption rate (RULES.md O1)
    redemption_cumulative: Rate = field(default_factory=lambda: Rate(0, 0, None))


@dataclass(frozen=True)
class TierMove:
    """Tier changes effective in the month from ``from_code`` (None: first tier) to
    ``to_code``."""

    from_code: str | None
    to_code: str
    count: int


@dataclass(frozen=True)
class ReviewRunRow:
    """A tier review batch run with as_of in the month; counts is its committed counts."""

    run_id: int
    as_of: date
    status: str
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class TierActivityCell:
    """Open members at month end with tier ``tier_code`` and lifecycle stage ``stage``."""

    tier_code: str
    stage: str
    count: int


@dataclass(frozen=True)
class TiersSection:
    moves: tuple[TierMove, ...] = ()
    tier_codes: tuple[str, ...] = ()  # lowest first, for the matrix axes
    tier_labels: tuple[str, ...] = ()
    review_runs: tuple[ReviewRunRow, ...] = ()
    activity_grid: tuple[TierActivityCell, ...] = ()


@dataclass(frozen=True)
class BenefitRow:
    """Per benefit, in the month: vouchers issued (redemptions), points spent on them,
    vouchers used (write-offs, 核销), and cost = sum of unit_cost_fen of used vouchers."""

    benefit_id: int
    code: str
    name: str
    redemptions: int
    points: int
    write_offs: int
    cost_fen: int


@dataclass(frozen=True)
class DealerBenefitRow:
    """Per dealer: redemptions issued at (issued_dealer), write-offs at (used_dealer),
    cost of those write-offs."""

    dealer_id: int | None
    dealer_code: str
    dealer_name: str
    redemptions: int
    write_offs: int
    cost_fen: int


@dataclass(frozen=True)
class BenefitsSection:
    by_benefit: tuple[BenefitRow, ...] = ()
    by_dealer: tuple[DealerBenefitRow, ...] = ()
    redemptions: int = 0
    write_offs: int = 0
    cost_fen: int = 0


@dataclass(frozen=True)
class PartnerSettlementRow:
    """The partner's month statement (app.services.partners.settlement): vouchers issued
    and not cancelled (billed), amount_fen = what is owed after rebates; points is 0 (the
    settlement does not count points)."""

    partner_id: int
    code: str
    name: str
    vouchers: int
    points: int
    amount_fen: int
    write_offs: int = 0
    gross_fen: int = 0  # before rebates
    rebate_fen: int = 0


@dataclass(frozen=True)
class PartnerComplaintRow:
    """Complaints received in the month; SLA rates as Rate (hit / measured)."""

    partner_id: int
    code: str
    name: str
    complaints: int
    plan_in_time: Rate
    report_in_time: Rate
    compensation_fen: int = 0
    open: int = 0  # still open at report time
    first_contact: Rate | None = None  # resolved at the first contact / received (target 95 %)
    second_contact: Rate | None = None  # resolved by the second contact (target 100 %)


@dataclass(frozen=True)
class PartnersSection:
    available: bool = True  # False for a dealer or region scope (settlement is HQ-only)
    note: str = ""  # why not available (English; the writers translate)
    settlements: tuple[PartnerSettlementRow, ...] = ()
    complaints: tuple[PartnerComplaintRow, ...] = ()
    settlement_total_fen: int = 0


@dataclass(frozen=True)
class ApprovalKindRow:
    """Requests of ``kind`` requested in the month, and how many of those are approved,
    rejected, lapsed (expired/withdrawn) and still pending; median hours from request to
    decision over the decided ones (None: none decided)."""

    kind: str
    requested: int
    approved: int
    rejected: int
    lapsed: int
    pending: int
    median_hours: Fraction | None


@dataclass(frozen=True)
class ApprovalsSection:
    by_kind: tuple[ApprovalKindRow, ...] = ()


@dataclass(frozen=True)
class DealerRow:
    """Dealer comparison for the month, ranked by new members, then points earned.
    value_mix: "cell_1".."cell_9" / "no_data" -> members of the dealer in the latest
    committed segmentation run as of the month's end (cells numbered as RULES.md S1:
    1 = Y high X high ... 9 = Y low X low); empty when no run exists."""

    dealer_id: int
    code: str
    name: str
    region: str
    new_members: int
    points_earned: int
    redemptions: int
    value_mix: dict[str, int] = field(default_factory=dict)
    rank: int = 0


@dataclass(frozen=True)
class DealersSection:
    rows: tuple[DealerRow, ...] = ()


@dataclass(frozen=True)
class CostLine:
    """One line of the cost sheet (seed 004 / RULES.md O2).
    code: a stable key (e.g. "activity_sign_in"); label: English label.
    forecast_caps / forecast_expected / actual: in ``unit`` ("points", "fen", "count",
    "permille"); None where the seed has no figure."""

    code: str
    label: str
    unit: str
    forecast_caps: int | None = None
    forecast_expected: int | None = None
    actual: int | None = None
    formula: str = ""


@dataclass(frozen=True)
class CostSection:
    """Section 9. lines: the cost sheet (activity rows at caps / at expected activity /
    actual, then the month's figures); cost_fen: the month's accrued cost of points;
    cost_per_member_fen = cost_fen ÷ open members; cost_share_of_revenue = cost_fen ÷
    revenue_fen against the yardstick (seed 004: about 1 % of revenue)."""

    lines: tuple[CostLine, ...] = ()
    members: int = 0  # open members at month end, the per-member denominator
    cost_fen: int = 0  # actual cost of the month: redeemed+offset value + liability share
    cost_per_member_fen: int | None = None
    revenue_fen: int = 0  # service and purchase documents recorded in the month
    cost_share_of_revenue: Rate = field(default_factory=lambda: Rate(0, 0, None))
    yardstick: Fraction = Fraction(1, 100)  # seed 004: about 1 % of sales revenue


@dataclass(frozen=True)
class ReportCheck:
    """A failed check. code: "points_identity" (the month's movements do not explain the
    closing balance) or "balance_cache" (the members' cached balances, less postings after
    the month, differ from the ledger's closing). message: an English text marked for the
    "Errors" translation context, with ``{placeholders}`` filled from ``values``;
    expected = the ledger's closing balance, actual = what the other side gives."""

    code: str
    message: str
    expected: int = 0
    actual: int = 0
    values: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class MonthlyReport:
    scope: ReportScope
    generated_at: datetime
    generated_by: str
    members: MembersSection = field(default_factory=MembersSection)
    points: PointsSection = field(default_factory=PointsSection)
    health: HealthSection = field(default_factory=HealthSection)
    tiers: TiersSection = field(default_factory=TiersSection)
    benefits: BenefitsSection = field(default_factory=BenefitsSection)
    partners: PartnersSection = field(default_factory=PartnersSection)
    approvals: ApprovalsSection = field(default_factory=ApprovalsSection)
    dealers: DealersSection = field(default_factory=DealersSection)
    cost: CostSection = field(default_factory=CostSection)
    checks: tuple[ReportCheck, ...] = ()
    programme_name: str = ""

    @property
    def ok(self) -> bool:
        return not self.checks
