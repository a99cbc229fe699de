"""A monthly report built by hand (not by the service) for the file adapters' tests: every
figure is written here, so the tests compare the files against these literals."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from fractions import Fraction

from app.services.reports.model import (
    ApprovalKindRow,
    ApprovalsSection,
    BenefitRow,
    BenefitsSection,
    CostLine,
    CostSection,
    DealerBenefitRow,
    DealerRow,
    DealersSection,
    ExpiringMonth,
    HealthSection,
    LabelledCount,
    MembersSection,
    MonthlyReport,
    PartnerComplaintRow,
    PartnerSettlementRow,
    PartnersSection,
    PointsSection,
    Rate,
    ReportCheck,
    ReportScope,
    ReviewRunRow,
    StageChange,
    TierActivityCell,
    TierMove,
    TiersSection,
)

DEALERS = 60  # enough rows for the dealer ranking to run over a page


def sample_report(dealers: int = DEALERS) -> MonthlyReport:
    """A consistent month: 1,000,000 + 52,000 − 3,000 − 7,500 − 1,200 + 300 − 100 = 1,040,500."""
    points = PointsSection(
        opening=1_000_000, earned_initial=10_000, earned_consumption=30_000,
        earned_activity=12_000, earned_other=0, offset=3_000, redeemed=7_500, expired=1_200,
        adjusted=300, reversed=100, closing=1_040_500, identity_ok=True, identity_difference=0,
        points_per_yuan=10, liability_fen=10_405_000,
        expiring=(ExpiringMonth("2026-12", 4_000), ExpiringMonth("2027-01", 2_500),
                  ExpiringMonth("2027-02", 0)),
        earned_by_source=(LabelledCount("service", "维保消费", 30_000),
                          LabelledCount("initial", "初始积分", 10_000),
                          LabelledCount("sign_in", "签到", 12_000)),
    )  # fmt: skip
    members = MembersSection(
        total=1_250, closed_total=50, new=120, activated=80, closed=5,
        by_tier=(LabelledCount("T1", "普卡", 900), LabelledCount("T2", "银卡", 250),
                 LabelledCount("T3", "金卡", 50)),
        by_dealer=(LabelledCount("D001", "上海浦东店", 700),
                   LabelledCount("D002", "杭州西湖店", 500)),
        by_province=(LabelledCount("上海", "上海", 700), LabelledCount("浙江", "浙江", 500)),
        stages=(LabelledCount("active", "active", 600), LabelledCount("silent", "silent", 300),
                LabelledCount("sleeping", "sleeping", 200), LabelledCount("lost", "lost", 100)),
        stages_before=(LabelledCount("active", "active", 550),
                       LabelledCount("silent", "silent", 320),
                       LabelledCount("sleeping", "sleeping", 210),
                       LabelledCount("lost", "lost", 0)),
        stage_changes=(StageChange("active", "active", 500), StageChange("silent", "active", 20),
                       StageChange(None, "active", 80), StageChange("silent", "silent", 300)),
    )  # fmt: skip
    health = HealthSection(
        accumulation=Rate(420, 600, Fraction(7, 10), Fraction(4, 5)),
        redemption=Rate(10_500, 52_000, Fraction(10_500, 52_000), Fraction(2, 5)),
        expired_points=1_200,
        redemption_cumulative=Rate(60_000, 200_000, Fraction(3, 10), Fraction(2, 5)),
    )
    tiers = TiersSection(
        moves=(TierMove(None, "T1", 120), TierMove("T1", "T2", 15), TierMove("T2", "T1", 4)),
        tier_codes=("T1", "T2", "T3"), tier_labels=("普卡", "银卡", "金卡"),
        review_runs=(ReviewRunRow(7, date(2026, 11, 30), "committed",
                                  {"upgrade": 15, "retain": 230, "downgrade": 4}),),
        activity_grid=(TierActivityCell("T1", "active", 400), TierActivityCell("T1", "lost", 90),
                       TierActivityCell("T2", "active", 150), TierActivityCell("T3", "silent", 50)),
    )  # fmt: skip
    benefits = BenefitsSection(
        by_benefit=(BenefitRow(1, "WASH", "免费洗车", 40, 4_000, 35, 105_000),
                    BenefitRow(2, "OIL", "机油保养券", 10, 3_500, 8, 240_000)),
        by_dealer=(DealerBenefitRow(1, "D001", "上海浦东店", 30, 25, 200_000),
                   DealerBenefitRow(2, "D002", "杭州西湖店", 20, 18, 145_000)),
        redemptions=50, write_offs=43, cost_fen=345_000,
    )  # fmt: skip
    partners = PartnersSection(
        settlements=(PartnerSettlementRow(1, "P001", "星巴克", 12, 2_400, 36_000),),
        complaints=(PartnerComplaintRow(1, "P001", "星巴克", 2, Rate(1, 2, Fraction(1, 2)),
                                        Rate(2, 2, Fraction(1))),),
        settlement_total_fen=36_000,
    )  # fmt: skip
    approvals = ApprovalsSection(by_kind=(
        ApprovalKindRow("points_adjustment", 9, 6, 2, 1, 0, Fraction(27, 2)),
        ApprovalKindRow("tier_upgrade", 3, 1, 0, 0, 2, None),
    ))  # fmt: skip
    rows = tuple(
        DealerRow(i, f"D{i:03d}", f"测试经销商{i:03d}号店", "华东" if i % 2 else "华南",
                  new_members=1000 - i, points_earned=50_000 - i * 10, redemptions=i,
                  rank=i)
        for i in range(1, dealers + 1)
    )  # fmt: skip
    cost = CostSection(
        lines=(CostLine("activity_sign_in", "签到", "points", 365, 255, 120, "1 × 365 × 70%"),
               CostLine("forecast_rate", "积分预测年兑换率", "permille", 200, 200, 202, ""),
               CostLine("cost_per_member", "人均积分成本", "fen", 4_057, 1_783, 2_760, "")),
        members=1_200, cost_fen=3_312_000, cost_per_member_fen=2_760, revenue_fen=400_000_000,
        cost_share_of_revenue=Rate(3_312_000, 400_000_000, Fraction(3_312_000, 400_000_000)),
    )  # fmt: skip
    scope = ReportScope("network", "", "2026-11", date(2026, 11, 1), date(2026, 11, 30))
    return MonthlyReport(
        scope=scope, generated_at=datetime(2026, 12, 1, 9, 30), generated_by="张主管",
        members=members, points=points, health=health, tiers=tiers, benefits=benefits,
        partners=partners, approvals=approvals, dealers=DealersSection(rows), cost=cost,
        programme_name="星辰汽车会员计划",
    )  # fmt: skip


def failing_report() -> MonthlyReport:
    """The sample with 90 points missing from the closing balance: the identity fails."""
    report = sample_report(dealers=3)
    points = dataclasses.replace(report.points, closing=1_040_410, identity_ok=False,
                                 identity_difference=-90)  # fmt: skip
    check = ReportCheck("points_identity", "points identity does not hold", 1_040_500, 1_040_410)
    return dataclasses.replace(report, points=points, checks=(check,))
