"""The words of the report pack in Chinese and English, (zh_CN, en) by code. Built in here (not
Qt translations) so that the command line writes the files without Qt."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from app.adapters.report_pack.layout import Chart, Section, Table, language_of

Names = Mapping[str, tuple[str, str]]
Report = Any  # app.services.reports.model.MonthlyReport (adapters do not import services)
STAGE_CODES = ("active", "silent", "sleeping", "lost")

SECTIONS: Names = {
    "members": ("会员", "Members"),
    "points": ("积分", "Points"),
    "health": ("积分健康度", "Points health"),
    "tiers": ("等级", "Tiers"),
    "benefits": ("权益", "Benefits"),
    "partners": ("异业合作", "Partners"),
    "approvals": ("审批", "Approvals"),
    "dealers": ("经销商对比", "Dealer comparison"),
    "cost": ("计划成本", "Programme cost"),
}
STAGES: Names = {
    "active": ("活跃", "Active"),
    "silent": ("沉默", "Silent"),
    "sleeping": ("睡眠", "Sleeping"),
    "lost": ("流失", "Lost"),
}
EARN_GROUPS: Names = {
    "initial": ("初始积分", "Initial points"),
    "consumption": ("消费积分", "Spend points"),
    "activity": ("活动积分", "Activity points"),
    "other": ("其他积分", "Other points"),
}
APPROVAL_KINDS: Names = {
    "points_adjustment": ("积分调整", "Points adjustment"),
    "tier_upgrade": ("等级升级", "Tier upgrade"),
    "tier_manual": ("手工定级", "Manual tier change"),
    "tier_match": ("等级匹配", "Status match"),
    "tier_paid": ("付费等级", "Paid tier"),
    "benefit_listing": ("权益上架", "Benefit listing"),
    "partner_admission": ("合作伙伴准入", "Partner admission"),
    "partner_activation": ("合作伙伴启用", "Partner activation"),
}
RUN_STATUSES: Names = {
    "previewed": ("已预览", "Previewed"),
    "committing": ("提交中", "Committing"),
    "committed": ("已提交", "Committed"),
    "failed": ("失败", "Failed"),
    "cancelled": ("已取消", "Cancelled"),
}
OUTCOMES: Names = {
    "upgrade": ("升级", "Upgrades"),
    "retain": ("保级", "Retained"),
    "downgrade": ("降级", "Downgrades"),
}
COST_UNITS: Names = {
    "points": ("积分", "points"),
    "fen": ("元", "yuan"),
    "count": ("数量", "count"),
    "permille": ("比率", "rate"),
}
CHECKS: Names = {
    "points_identity": (
        "积分恒等式：期初 + 获得 − 抵扣 − 兑换 − 过期 ± 调整 − 冲正 = 期末",
        "Points identity: opening + earned − offset − redeemed − expired ± adjusted − "
        "reversed = closing",
    ),
}
WORDS: Names = {
    "network": ("全网", "Whole network"),
    "region": ("大区", "Region"),
    "dealer": ("经销商", "Dealer"),
    "item": ("项目", "Item"),
    "members": ("会员数", "Members"),
    "share": ("占比", "Share"),
    "points": ("积分", "Points"),
    "yuan": ("金额", "Amount"),
    "month": ("月份", "Month"),
    "total": ("合计", "Total"),
    "tier": ("等级", "Tier"),
    "province": ("省份", "Province"),
    "stage": ("阶段", "Stage"),
    "code": ("编码", "Code"),
    "name": ("名称", "Name"),
    "not_available": ("不适用", "Not available"),
}


def pick(names: Names, code: str | None, language: str) -> str:
    """The name of ``code`` in ``language`` ("zh_CN" or "en"); the code itself if unknown."""
    if code is None:
        return ""
    found = names.get(code)
    if found is None:
        return code
    return found[0] if language == "zh_CN" else found[1]


class Words:
    """The pack's texts in one language: ``w("中文", "English")`` picks one."""

    def __init__(self, language: str):
        self.lang = language_of(language)

    def __call__(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh_CN" else en

    def name(self, names: Any, code: str | None) -> str:
        return pick(names, code, self.lang)


def rate(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def section(number: int, key: str, tables: Sequence[Table], charts: Sequence[Chart], w: Words,
            notes: Sequence[str] = ()) -> Section:  # fmt: skip
    title = w.name(SECTIONS, key)
    return Section(number, title, f"{number} {title}"[:31], tuple(tables), tuple(charts),
                   tuple(notes))  # fmt: skip


COST_LINES: Names = {
    "activity_total": ("活动积分（人均/年）合计", "Activity points per member a year"),
    "activity_cost_per_member": (
        "活动积分成本（人均/年）",
        "Activity points cost per member a year",
    ),
    "forecast_redemption_rate": ("积分预测年兑换率", "Forecast redemption rate"),
    "points_per_yuan": ("积分兑换比例（积分/元）", "Points per yuan of benefit value"),
    "members": ("会员数（正常，月末）", "Members (open, at the month's end)"),
    "points_earned": ("本月积分累积量", "Points earned in the month"),
    "points_used": (
        "本月积分使用量（抵扣 + 兑换）",
        "Points used in the month (offset + redeemed)",
    ),
    "liability": ("月末未兑换积分价值", "Outstanding points' value at the month's end"),
    "cost_month": ("本月积分成本", "Cost of points in the month"),
    "cost_per_member": ("人均积分成本（本月）", "Cost of points per member in the month"),
    "revenue": (
        "本月记录的收入（维保与购车）",
        "Revenue recorded in the month (service and purchase)",
    ),
}
# The cost sheet's formulas are written in English by the service; their words in Chinese.
FORMULA_WORDS_ZH = (
    ("points per yuan", "积分/元"), ("per member", "人均"), ("members", "会员数"),
    ("actual", "实际"), ("month", "本月"), ("cap", "上限"), ("points", "积分"), ("used", "使用量"),
    ("closing", "期末"), ("opening", "期初"),
)  # fmt: skip


def source_name(code: str, label: str, language: str) -> str:
    """A ledger source's name as the statement prints it; the report's label if unknown."""
    from app.adapters.statement_pdf.labels import statement_labels

    names = statement_labels(None, language)
    return names.get(f"source.{code}", label if label != code else code)


def cost_line_name(code: str, label: str, language: str) -> str:
    if code.startswith("activity_") and code not in COST_LINES:
        event = source_name(code.removeprefix("activity_"), code, language)
        return f"活动积分（人均/年）：{event}" if language == "zh_CN" else label
    return pick(COST_LINES, code, language) if code in COST_LINES else label


def formula_text(formula: str, language: str) -> str:
    if language != "zh_CN":
        return formula
    for english, chinese in FORMULA_WORDS_ZH:
        formula = formula.replace(english, chinese)
    return formula.replace("; ", "；")
