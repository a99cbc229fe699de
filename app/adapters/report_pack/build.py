"""A ``MonthlyReport`` (``app.services.reports.model``) laid out as the files' :class:`Pack`:
the checks, the key figures and sections 1–9 as titled tables and charts, in Chinese or
English. Only reads the report: no figure is computed here beyond sums of its rows and
shares of a total."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.adapters.report_pack.layout import (
    LABELS,
    Chart,
    Check,
    Column,
    Pack,
    Section,
    Table,
    format_int,
)
from app.adapters.report_pack.more_sections import more_sections
from app.adapters.report_pack.names import (
    CHECKS,
    EARN_GROUPS,
    STAGE_CODES,
    STAGES,
    WORDS,
    Report,
    Words,
    rate,
    section,
    share,
    source_name,
)


def scope_text(report: Report, w: Words) -> str:
    scope = report.scope
    colon = " "  # shown after "范围：" / "Scope: "
    if scope.kind == "dealer":
        code = f"（{scope.dealer_code}）" if w.lang == "zh_CN" else f" ({scope.dealer_code})"
        return f"{w.name(WORDS, 'dealer')}{colon}{scope.name}{code if scope.dealer_code else ''}"
    if scope.kind == "region":
        return f"{w.name(WORDS, 'region')}{colon}{scope.region or scope.name}"
    return w.name(WORDS, "network")


# --- checks and key figures ---------------------------------------------------------------------


def identity_detail(points: Any, w: Words) -> str:
    computed = points.closing - points.identity_difference
    parts = [format_int(points.opening), format_int(points.earned), format_int(points.offset),
             format_int(points.redeemed), format_int(points.expired),
             format_int(points.adjusted), format_int(points.reversed)]  # fmt: skip
    formula = "{} + {} − {} − {} − {} + ({}) − {}".format(*parts)
    if points.identity_ok:
        return f"{formula} = {format_int(points.closing)}"
    return w(
        f"{formula} = {format_int(computed)}，但期末余额为 {format_int(points.closing)}，"
        f"差额 {format_int(points.identity_difference)} 分",
        f"{formula} = {format_int(computed)}, but the closing balance is "
        f"{format_int(points.closing)}: a difference of {format_int(points.identity_difference)}",
    )


def checks(report: Report, w: Words) -> tuple[Check, ...]:
    """The points identity always (passed or failed), then every other failed check."""
    failed = {c.code: c for c in report.checks}
    points = report.points
    identity_ok = points.identity_ok and "points_identity" not in failed
    found = [Check(w.name(CHECKS, "points_identity"), identity_ok, identity_detail(points, w))]
    for code, check in failed.items():
        if code == "points_identity":
            continue
        detail = w(
            f"应为 {format_int(check.expected)}，实为 {format_int(check.actual)}",
            f"expected {format_int(check.expected)}, found {format_int(check.actual)}",
        )
        found.append(Check(w.name(CHECKS, code) if code in CHECKS else check.message, False,
                           f"{check.message} ({detail})"))  # fmt: skip
    return tuple(found)


def key_figures(report: Report, w: Words) -> tuple[tuple[str, Any, object], ...]:
    m, p, h = report.members, report.points, report.health
    return (
        (w("会员总数", "Members"), "count", m.total),
        (w("本月新会员", "New members"), "count", m.new),
        (w("本月获得积分", "Points earned"), "points", p.earned),
        (w("本月抵扣 + 兑换积分", "Points offset + redeemed"), "points", p.offset + p.redeemed),
        (w("期末积分余额", "Closing balance"), "points", p.closing),
        (w("未兑换积分负债", "Outstanding liability"), "yuan", p.liability_fen),
        (w("积分累积率", "Accumulation rate"), "rate", rate(h.accumulation.value)),
        (w("积分兑换率", "Redemption rate"), "rate", rate(h.redemption.value)),
        (w("权益成本", "Benefit cost"), "yuan", report.benefits.cost_fen),
        (w("计划成本", "Programme cost"), "yuan", report.cost.cost_fen),
    )


# --- 1. members ---------------------------------------------------------------------------------


def counted(key: str, title: str, first: str, rows: Sequence[Any], w: Words,
            with_code: bool = False) -> Table:  # fmt: skip
    """A breakdown (label, members, share) with its total."""
    total = sum(r.count for r in rows)
    columns = [Column(first, "text", 2.2), Column(w.name(WORDS, "members"), "count"),
               Column(w.name(WORDS, "share"), "rate")]  # fmt: skip
    if with_code:
        columns.insert(0, Column(w.name(WORDS, "code"), "text"))
    body = tuple(
        ((r.code,) if with_code else ()) + (r.label, r.count, share(r.count, total)) for r in rows
    )
    foot = (w.name(WORDS, "total"),) + (("",) if with_code else ()) + (total, share(total, total))
    return Table(key, title, tuple(columns), body, foot if rows else None)


def members_section(report: Report, w: Words) -> Section:
    m = report.members
    overview = Table("members.overview", w("会员概况", "Members at a glance"),
                     (Column(w.name(WORDS, "item"), "text", 3), Column(w.name(WORDS, "members"),
                                                                       "count")),
                     ((w("月末会员总数（含已注销）", "Members at month end (closed included)"),
                       m.total),
                      (w("其中：正常会员", "of which open"), m.total - m.closed_total),
                      (w("其中：已注销", "of which closed"), m.closed_total),
                      (w("本月新入会", "Joined this month"), m.new),
                      (w("本月激活", "Activated this month"), m.activated),
                      (w("本月注销", "Closed this month"), m.closed)))  # fmt: skip
    before = {r.code: r.count for r in m.stages_before}
    after = {r.code: r.count for r in m.stages}
    stages = Table(
        "members.stages", w("生命周期阶段（正常会员）", "Lifecycle stages (open members)"),
        (Column(w.name(WORDS, "stage"), "text", 2), Column(w("月初", "Start of month"), "count"),
         Column(w("月末", "End of month"), "count"), Column(w("变化", "Change"), "count")),
        tuple((w.name(STAGES, s), before.get(s, 0), after.get(s, 0),
               after.get(s, 0) - before.get(s, 0)) for s in STAGE_CODES),
        (w.name(WORDS, "total"), sum(before.values()), sum(after.values()),
         sum(after.values()) - sum(before.values())),
        note=w(f"阶段按距最近一次积分获得或使用的天数划分：活跃 ≤ {m.silent_days} 天，"
               f"沉默 ≤ {m.sleeping_days} 天，睡眠 ≤ {m.lost_days} 天，更久为流失。",
               f"Days since the last earning or use of points: active ≤ {m.silent_days}, "
               f"silent ≤ {m.sleeping_days}, sleeping ≤ {m.lost_days}, else lost."),
    )  # fmt: skip
    tables = (
        overview,
        counted("members.tiers", w("按等级", "By tier"), w.name(WORDS, "tier"), m.by_tier, w),
        stages,
        stage_matrix(m.stage_changes, w),
        counted("members.dealers", w("按经销商", "By dealer"), w.name(WORDS, "dealer"),
                m.by_dealer, w, with_code=True),
        counted("members.provinces", w("按省份", "By province"), w.name(WORDS, "province"),
                m.by_province, w),
    )  # fmt: skip
    charts = (
        Chart("pie", w("会员等级分布", "Members by tier"), "members.tiers", 0, (1,)),
        Chart("bar", w("生命周期阶段：月初与月末", "Lifecycle stages: start and end of month"),
              "members.stages", 0, (1, 2)),
    )  # fmt: skip
    return section(1, "members", tables, charts, w)


def stage_matrix(changes: Sequence[Any], w: Words) -> Table:
    """Members by stage the day before the month (rows; "joined" for new ones) and at its
    end (columns)."""
    cells = {(c.from_stage, c.to_stage): c.count for c in changes}
    froms: list[str | None] = [*STAGE_CODES, None]
    rows = []
    for origin in froms:
        counts = [cells.get((origin, to), 0) for to in STAGE_CODES]
        label = w.name(STAGES, origin) if origin else w("本月新入会", "Joined this month")
        rows.append((label, *counts, sum(counts)))
    totals = [sum(r[i] for r in rows) for i in range(1, len(STAGE_CODES) + 2)]
    columns = (Column(w("月初 \\ 月末", "Start \\ end"), "text", 1.6),
               *(Column(w.name(STAGES, s), "count") for s in STAGE_CODES),
               Column(w.name(WORDS, "total"), "count"))  # fmt: skip
    return Table("members.stage_changes", w("生命周期阶段变化", "Lifecycle stage changes"),
                 columns, tuple(rows), (w.name(WORDS, "total"), *totals))  # fmt: skip


# --- 2. points, 3. health -----------------------------------------------------------------------


def points_section(report: Report, w: Words) -> Section:
    p = report.points
    item, pts = Column(w.name(WORDS, "item"), "text", 3), Column(w.name(WORDS, "points"), "points")
    flow = [
        (w("期初余额", "Opening balance"), p.opening),
        *((f"+ {w.name(EARN_GROUPS, g)}", getattr(p, f"earned_{g}"))
          for g in ("initial", "consumption", "activity", "other")),
        (w("+ 本月获得合计", "+ Earned in total"), p.earned),
        (w("− 门店抵扣", "− Offset at the counter"), p.offset),
        (w("− 兑换", "− Redeemed"), p.redeemed),
        (w("− 过期", "− Expired"), p.expired),
        (w("± 调整", "± Adjusted"), p.adjusted),
        (w("− 冲正", "− Reversed"), p.reversed),
    ]  # fmt: skip
    if not p.identity_ok:
        flow.append((w("按恒等式计算的期末余额", "Closing balance by the identity"),
                     p.closing - p.identity_difference))  # fmt: skip
        flow.append((w("差额（未平）", "Difference (does not reconcile)"), p.identity_difference))
    balance = Table("points.flow", w("积分变动", "Points movements"), (item, pts), tuple(flow),
                    (w("期末余额", "Closing balance"), p.closing))  # fmt: skip
    sources = Table("points.sources", w("获得积分按来源", "Points earned by source"),
                    (Column(w("来源", "Source"), "text", 3), pts),
                    tuple((source_name(r.code, r.label, w.lang), r.count)
                          for r in p.earned_by_source),
                    (w.name(WORDS, "total"), sum(r.count for r in p.earned_by_source)))  # fmt: skip
    groups = Table("points.groups", w("获得积分构成", "Points earned by kind"), (item, pts),
                   tuple((w.name(EARN_GROUPS, g), getattr(p, f"earned_{g}"))
                         for g in ("initial", "consumption", "activity", "other")))  # fmt: skip
    liability = Table(
        "points.liability", w("未兑换积分负债", "Outstanding liability"),
        (item, pts, Column(w.name(WORDS, "yuan"), "yuan")),
        ((w("期末积分余额", "Closing balance"), p.closing, p.liability_fen),),
        note=w(f"按 {p.points_per_yuan} 积分 = 1 元折算。",
               f"At {p.points_per_yuan} points = ¥1."),
    )  # fmt: skip
    expiring_title = w("未来 3 个月到期积分", "Points expiring in the next 3 months")
    expiring = Table("points.expiring", expiring_title,
                     (Column(w.name(WORDS, "month"), "text", 2), pts),
                     tuple((e.month, e.points) for e in p.expiring),
                     (w.name(WORDS, "total"), sum(e.points for e in p.expiring)))  # fmt: skip
    charts = (
        Chart("pie", w("获得积分构成", "Points earned by kind"), "points.groups", 0, (1,)),
        Chart("bar", w("未来 3 个月到期积分", "Points expiring"), "points.expiring", 0, (1,)),
    )  # fmt: skip
    return section(2, "points", (balance, groups, sources, liability, expiring), charts, w)


def health_section(report: Report, w: Words) -> Section:
    h = report.health

    def line(title: str, r: Any, above_is_good: bool) -> tuple[object, ...]:
        value, ref = rate(r.value), rate(r.reference)
        if value is None or ref is None:
            verdict = "—"
        elif (value >= ref) == above_is_good:
            verdict = w("达到参考线", "At or past the reference")
        else:
            verdict = w("未达参考线", "Short of the reference")
        return (title, r.numerator, r.denominator, value, ref, verdict)

    rows = (
        line(w("积分累积率（本月有积分获得的会员 ÷ 活跃会员）",
               "Accumulation rate (members who earned ÷ active members)"), h.accumulation, True),
        line(w("积分兑换率（抵扣 + 兑换 ÷ 获得，本月）",
               "Redemption rate (offset + redeemed ÷ earned, month)"), h.redemption, True),
        line(w("积分兑换率（累计）", "Redemption rate (cumulative)"), h.redemption_cumulative,
             True),
    )  # fmt: skip
    table = Table(
        "health.rates", w("积分健康度指标", "Points health indicators"),
        (Column(w("指标", "Indicator"), "text", 4), Column(w("分子", "Numerator"), "count"),
         Column(w("分母", "Denominator"), "count"), Column(w("比率", "Rate"), "rate"),
         Column(w("参考线", "Reference"), "rate"), Column(w("结论", "Verdict"), "text", 1.4)),
        rows,
        note=w(f"本月过期积分 {format_int(h.expired_points)} 分，单独列示，不计入兑换率。"
               "参考线为设置中的参考值，不是硬性限制。",
               f"Points expired this month: {format_int(h.expired_points)}, shown apart from "
               "the redemption rate. Reference lines are settings, not hard limits."),
    )  # fmt: skip
    chart = Chart("bar", w("健康度指标与参考线", "Indicators against their reference lines"),
                  "health.rates", 0, (3, 4))  # fmt: skip
    return section(3, "health", (table,), (chart,), w)


def build_pack(report: Report, language: str, programme: str, printed: str) -> Pack:
    """The whole pack; ``printed``: the generation time as the files show it."""
    w = Words(language)
    sections = (members_section(report, w), points_section(report, w),
                health_section(report, w), *more_sections(report, w))  # fmt: skip
    labels = LABELS[w.lang]
    return Pack(labels["title"], programme, scope_text(report, w), report.scope.month,
                report.generated_by, printed, labels, checks(report, w),
                key_figures(report, w), sections)  # fmt: skip
