"""Sections 4–9 of the pack: tiers, benefits, partners, approvals, the dealer comparison and
the programme cost, laid out from the report's rows."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from app.adapters.report_pack.layout import Chart, Column, Section, Table, Typed
from app.adapters.report_pack.names import (
    APPROVAL_KINDS,
    COST_UNITS,
    OUTCOMES,
    RUN_STATUSES,
    STAGE_CODES,
    STAGES,
    WORDS,
    Report,
    Words,
    cost_line_name,
    formula_text,
    rate,
    section,
)


def tiers_section(report: Report, w: Words) -> Section:
    t = report.tiers
    labels = dict(zip(t.tier_codes, t.tier_labels or t.tier_codes, strict=False))
    codes = list(t.tier_codes) or sorted({m.to_code for m in t.moves})
    moves = {(m.from_code, m.to_code): m.count for m in t.moves}
    origins: list[str | None] = [None, *codes]
    rows = []
    for origin in origins:
        counts = [moves.get((origin, to), 0) for to in codes]
        name = labels.get(origin, origin) if origin else w("首次定级", "First tier")
        rows.append((name, *counts, sum(counts)))
    columns = (Column(w("原等级 \\ 新等级", "From \\ to"), "text", 1.6),
               *(Column(labels.get(c, c), "count") for c in codes),
               Column(w.name(WORDS, "total"), "count"))  # fmt: skip
    totals = [sum(r[i] for r in rows) for i in range(1, len(codes) + 2)]
    title = w("本月等级变动（原等级 × 新等级）", "Tier movements (from × to)")
    matrix = Table("tiers.moves", title,
                   columns, tuple(rows), (w.name(WORDS, "total"), *totals))  # fmt: skip
    outcome_codes = sorted({k for run in t.review_runs for k in run.counts})
    runs = Table(
        "tiers.runs", w("本月等级评定批次", "Tier review runs of the month"),
        (Column(w("批次", "Run"), "count", 0.7), Column(w("评定日", "As of"), "text"),
         Column(w("状态", "Status"), "text"),
         *(Column(w.name(OUTCOMES, k), "count") for k in outcome_codes)),
        tuple((r.run_id, r.as_of.isoformat(), w.name(RUN_STATUSES, r.status),
               *(r.counts.get(k, 0) for k in outcome_codes)) for r in t.review_runs),
        empty=w("本月没有等级评定批次。", "No tier review run this month."),
    )  # fmt: skip
    grid_cells = {(c.tier_code, c.stage): c.count for c in t.activity_grid}
    grid_codes = codes or sorted({c.tier_code for c in t.activity_grid})
    grid_rows = tuple(
        (labels.get(code, code), *(grid_cells.get((code, s), 0) for s in STAGE_CODES),
         sum(grid_cells.get((code, s), 0) for s in STAGE_CODES))
        for code in grid_codes
    )  # fmt: skip
    grid = Table(
        "tiers.activity", w("等级 × 活跃度（正常会员，月末）", "Tier × activity (open members)"),
        (Column(w.name(WORDS, "tier"), "text", 1.6),
         *(Column(w.name(STAGES, s), "count") for s in STAGE_CODES),
         Column(w.name(WORDS, "total"), "count")),
        grid_rows,
        (w.name(WORDS, "total"), *(sum(r[i] for r in grid_rows) for i in range(1, 6))),
    )  # fmt: skip
    chart = Chart("bar", w("各等级会员活跃度", "Activity by tier"), "tiers.activity", 0,
                  (1, 2, 3, 4))  # fmt: skip
    return section(4, "tiers", (matrix, runs, grid), (chart,), w)


def benefits_section(report: Report, w: Words) -> Section:
    b = report.benefits
    redemptions = Column(w("兑换", "Redemptions"), "count")
    write_offs = Column(w("核销", "Write-offs"), "count")
    cost = Column(w("成本", "Cost"), "yuan")
    by_benefit = Table(
        "benefits.by_benefit", w("按权益", "By benefit"),
        (Column(w.name(WORDS, "code"), "text", 1.3), Column(w("权益", "Benefit"), "text", 2.2),
         redemptions, Column(w("消耗积分", "Points"), "points"), write_offs, cost),
        tuple((r.code, r.name, r.redemptions, r.points, r.write_offs, r.cost_fen)
              for r in b.by_benefit),
        (w.name(WORDS, "total"), "", b.redemptions, sum(r.points for r in b.by_benefit),
         b.write_offs, b.cost_fen),
    )  # fmt: skip
    by_dealer = Table(
        "benefits.by_dealer", w("按经销商", "By dealer"),
        (Column(w.name(WORDS, "code"), "text"), Column(w.name(WORDS, "dealer"), "text", 2.4),
         redemptions, write_offs, cost),
        tuple((r.dealer_code, r.dealer_name, r.redemptions, r.write_offs, r.cost_fen)
              for r in b.by_dealer),
        (w.name(WORDS, "total"), "", sum(r.redemptions for r in b.by_dealer),
         sum(r.write_offs for r in b.by_dealer), sum(r.cost_fen for r in b.by_dealer)),
    )  # fmt: skip
    chart = Chart("bar", w("各权益兑换与核销", "Redemptions and write-offs by benefit"),
                  "benefits.by_benefit", 1, (2, 4))  # fmt: skip
    return section(5, "benefits", (by_benefit, by_dealer), (chart,), w)


def partners_section(report: Report, w: Words) -> Section:
    p = report.partners
    if not p.available:
        note = w("异业合作结算仅总部可见，经销商或大区范围的报告不含本节。",
                 "Partner settlement is for headquarters only: not part of a dealer or "
                 "region report.")  # fmt: skip
        return section(6, "partners", (), (), w, notes=(note,))
    settlements = Table(
        "partners.settlements", w("结算汇总", "Settlement"),
        (Column(w.name(WORDS, "code"), "text"), Column(w("合作伙伴", "Partner"), "text", 2.4),
         Column(w("兑换券", "Vouchers"), "count"), Column(w.name(WORDS, "points"), "points"),
         Column(w("结算金额", "Amount"), "yuan")),
        tuple((r.code, r.name, r.vouchers, r.points, r.amount_fen) for r in p.settlements),
        (w.name(WORDS, "total"), "", sum(r.vouchers for r in p.settlements),
         sum(r.points for r in p.settlements), p.settlement_total_fen),
    )  # fmt: skip
    complaints = Table(
        "partners.complaints", w("投诉与时效", "Complaints and service levels"),
        (Column(w.name(WORDS, "code"), "text"), Column(w("合作伙伴", "Partner"), "text", 2.2),
         Column(w("投诉", "Complaints"), "count"),
         Column(w("24 小时内给出方案", "Plan within 24 h"), "rate"),
         Column(w("24 小时内报告", "Report within 24 h"), "rate"),
         Column(w("补偿金额", "Compensation"), "yuan")),
        tuple((r.code, r.name, r.complaints, rate(r.plan_in_time.value),
               rate(r.report_in_time.value), r.compensation_fen) for r in p.complaints),
        (w.name(WORDS, "total"), "", sum(r.complaints for r in p.complaints), None, None,
         sum(r.compensation_fen for r in p.complaints)),
        empty=w("本月没有投诉。", "No complaint this month."),
    )  # fmt: skip
    chart = Chart("bar", w("各合作伙伴结算金额", "Settlement by partner"),
                  "partners.settlements", 1, (4,))  # fmt: skip
    return section(6, "partners", (settlements, complaints), (chart,), w)


def hours(value: Fraction | None) -> str | None:
    return None if value is None else f"{float(value):.1f}"


def approvals_section(report: Report, w: Words) -> Section:
    rows = report.approvals.by_kind
    counts = ("requested", "approved", "rejected", "lapsed", "pending")
    titles = (w("申请", "Requested"), w("批准", "Approved"), w("驳回", "Rejected"),
              w("失效", "Lapsed"), w("待审批", "Pending"))  # fmt: skip
    table = Table(
        "approvals.kinds", w("按申请类型", "By kind of request"),
        (Column(w("类型", "Kind"), "text", 2), *(Column(t, "count") for t in titles),
         Column(w("审批用时中位数（小时）", "Median hours to decision"), "text", 1.4)),
        tuple((w.name(APPROVAL_KINDS, r.kind), *(getattr(r, c) for c in counts),
               hours(r.median_hours)) for r in rows),
        (w.name(WORDS, "total"), *(sum(getattr(r, c) for r in rows) for c in counts), ""),
    )  # fmt: skip
    chart = Chart("bar", w("审批结果", "Decisions"), "approvals.kinds", 0, (2, 3, 4))
    return section(7, "approvals", (table,), (chart,), w)


def value_mix(mix: dict[str, int]) -> str:
    return " · ".join(f"{cell} {count:,}" for cell, count in sorted(mix.items()))


def dealers_section(report: Report, w: Words) -> Section:
    rows = report.dealers.rows
    table = Table(
        "dealers.ranking", w("经销商排名（按新会员）", "Dealers ranked by new members"),
        (Column(w("排名", "Rank"), "count", 0.6), Column(w.name(WORDS, "code"), "text", 0.9),
         Column(w.name(WORDS, "dealer"), "text", 2), Column(w.name(WORDS, "region"), "text"),
         Column(w("新会员", "New members"), "count"),
         Column(w("获得积分", "Points earned"), "points"),
         Column(w("兑换", "Redemptions"), "count"),
         Column(w("价值构成", "Value mix"), "text", 1.6)),
        tuple((r.rank, r.code, r.name, r.region, r.new_members, r.points_earned, r.redemptions,
               value_mix(r.value_mix) or "—") for r in rows),
        (w.name(WORDS, "total"), "", "", "", sum(r.new_members for r in rows),
         sum(r.points_earned for r in rows), sum(r.redemptions for r in rows), ""),
    )  # fmt: skip
    chart = Chart("bar", w("各经销商新会员", "New members by dealer"), "dealers.ranking", 1, (4,))
    return section(8, "dealers", (table,), (chart,), w)


def cost_value(value: int | None, unit: str) -> object:
    if value is None:
        return None
    kinds = {"fen": "yuan", "points": "points", "count": "count"}
    if unit == "permille":
        return Typed(value / 1000, "rate")
    return Typed(value, kinds.get(unit, "count"))  # type: ignore[arg-type]


def cost_section(report: Report, w: Words) -> Section:
    c = report.cost
    sheet = Table(
        "cost.sheet", w("成本测算表", "Cost sheet"),
        (Column(w.name(WORDS, "item"), "text", 2.5), Column(w("单位", "Unit"), "text", 0.6),
         Column(w("预测（按规则上限）", "Forecast at the caps"), "count", 1.15),
         Column(w("预测（按预计活跃度）", "Forecast at expected activity"), "count", 1.15),
         Column(w("实际", "Actual"), "count", 1.3), Column(w("算法", "Formula"), "text", 2.1)),
        tuple((cost_line_name(line.code, line.label, w.lang), w.name(COST_UNITS, line.unit),
               cost_value(line.forecast_caps, line.unit),
               cost_value(line.forecast_expected, line.unit), cost_value(line.actual, line.unit),
               formula_text(line.formula, w.lang)) for line in c.lines),
    )  # fmt: skip
    share_value = rate(c.cost_share_of_revenue.value)
    summary = Table(
        "cost.summary", w("成本与收入", "Cost and revenue"),
        (Column(w.name(WORDS, "item"), "text", 3), Column(w("数值", "Value"), "count")),
        ((w("正常会员数（月末）", "Open members at month end"), c.members),
         (w("本月计划成本", "Programme cost of the month"), Typed(c.cost_fen, "yuan")),
         (w("人均成本", "Cost per member"), Typed(c.cost_per_member_fen, "yuan")),
         (w("本月记录的收入（维保与购车单据）", "Revenue recorded (service and purchase)"),
          Typed(c.revenue_fen, "yuan")),
         (w("成本占收入比", "Cost as a share of revenue"), Typed(share_value, "rate")),
         (w("参考：约为销售收入的 1%（种子 004）", "Yardstick: about 1% of revenue (seed 004)"),
          Typed(float(c.yardstick), "rate"))),
    )  # fmt: skip
    return section(9, "cost", (summary, sheet), (), w)


def more_sections(report: Report, w: Words) -> Sequence[Section]:
    return (tiers_section(report, w), benefits_section(report, w),
            partners_section(report, w), approvals_section(report, w),
            dealers_section(report, w), cost_section(report, w))  # fmt: skip
