"""The statement's texts: built-in English and Chinese labels, entry descriptions, points.

Not Qt translations: the CLI prints statements too. The Qt UI passes its translated labels,
keyed like :data:`LABELS`, and they are laid over the built-in set of the locale.
"""

from __future__ import annotations

from collections.abc import Mapping

MINUS = "\u2212"  # a real minus sign: "−120", not a hyphen

LABELS: dict[str, str] = {
    "title": "Points statement",
    "member": "Member",
    "period": "Period",
    "period_range": "{start} to {end}",
    "printed_at": "Printed",
    "col_date": "Date",
    "col_description": "Description",
    "col_reference": "Reference",
    "col_dealer": "Dealer",
    "col_points": "Points",
    "col_balance": "Balance",
    "opening": "Opening balance",
    "closing": "Closing balance",
    "no_entries": "No points were earned or used in this period.",
    "total_in": "Points credited",
    "total_out": "Points debited",
    "qualifying": "Qualifying points at the end of the period",
    "qualifying_note": (
        "Qualifying points count towards the membership tier; they cannot be redeemed."
    ),
    "page": "Page {page} of {pages}",
    "missing_glyphs": "These characters cannot be shown (no font has them): {chars}",
    "kind.earn": "Earned",
    "kind.redeem": "Used",
    "kind.adjust": "Adjustment",
    "kind.reverse": "Reversal",
    "kind.expire": "Expired",
    "source.service": "Service",
    "source.purchase": "Vehicle purchase",
    "source.sign_in": "Sign-in",
    "source.share": "Share",
    "source.major_event": "Major event",
    "source.birthday": "Birthday",
    "source.referral": "Referral",
    "source.new_binding": "Initial points: vehicle binding",  # seed 003: under 初始积分
    "source.labour": "Labour",
    "source.parts": "Parts",
    "source.merge": "Member merge",
    "source.expiry": "Expiry",
    "source.redemption": "Redemption",
    "source.initial": "Initial points",
    # The adjustment reasons the database starts with; others show their code.
    "source.goodwill": "Goodwill gesture",
    "source.system_error": "Correction of a system error",
    "source.missed_earning": "Missed earning",
    "source.duplicate_earning": "Duplicate earning",
    "source.complaint": "Complaint settlement",
}

LABELS_ZH: dict[str, str] = {
    "title": "积分对账单",
    "member": "会员",
    "period": "对账期间",
    "period_range": "{start} 至 {end}",
    "printed_at": "打印时间",
    "col_date": "日期",
    "col_description": "摘要",
    "col_reference": "单据号",
    "col_dealer": "经销商",
    "col_points": "积分",
    "col_balance": "余额",
    "opening": "期初余额",
    "closing": "期末余额",
    "no_entries": "本期无积分变动。",
    "total_in": "本期增加",
    "total_out": "本期减少",
    "qualifying": "期末成长值",
    "qualifying_note": "成长值用于评定会员等级，不可用于兑换。",
    "page": "第 {page} 页，共 {pages} 页",
    "missing_glyphs": "以下字符无法显示：{chars}",
    "kind.earn": "获得",
    "kind.redeem": "使用",
    "kind.adjust": "调整",
    "kind.reverse": "冲正",
    "kind.expire": "过期",
    "source.service": "售后维修",
    "source.purchase": "购车",
    "source.sign_in": "签到",
    "source.share": "分享",
    "source.major_event": "重大活动",
    "source.birthday": "生日礼遇",
    "source.referral": "推荐",
    "source.new_binding": "初始积分（绑定车辆）",
    "source.labour": "抵扣工时费",
    "source.parts": "抵扣配件费",
    "source.merge": "会员合并",
    "source.expiry": "积分过期",
    "source.initial": "初始积分",
    "source.redemption": "权益兑换",
    "source.goodwill": "客户关怀",
    "source.system_error": "系统错误更正",
    "source.missed_earning": "漏计积分补录",
    "source.duplicate_earning": "重复积分冲减",
    "source.complaint": "投诉处理",
}

# Kind and source saying the same thing: "Expired", not "Expired · Expiry".
_SELF_EXPLANATORY = frozenset({("expire", "expiry")})


def statement_labels(
    labels: Mapping[str, str] | None = None, locale: str = "zh_CN"
) -> dict[str, str]:
    """The locale's built-in labels with the caller's ``labels`` laid over them key by key."""
    merged = dict(LABELS_ZH if locale.lower().startswith("zh") else LABELS)
    merged.update(labels or {})
    return merged


def describe(kind: str, source: str | None, labels: Mapping[str, str]) -> str:
    """An entry's description: "Earned · Service"; unknown codes are shown as they are."""
    kind_text = labels.get(f"kind.{kind}", kind)
    source_text = labels.get(f"source.{source}", source) if source else ""
    if not source_text or source_text == kind_text or (kind, source) in _SELF_EXPLANATORY:
        return kind_text
    return f"{kind_text} · {source_text}"


def format_points(points: int, signed: bool = False, minus: str = MINUS) -> str:
    """Thousands separators and a real minus sign; ``signed`` shows "+" on credits too."""
    text = f"{points:+,}" if signed and points else f"{points:,}"
    return text.replace("-", minus)


def fill_label(template: str, **params: object) -> str:
    """A label with its placeholders filled; a translation that broke them stays readable."""
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return " ".join([template, *(str(v) for v in params.values())])


# The programme name a new database starts with (app.services.settings.programme's default):
# printed as the product's Chinese name on Chinese documents until someone names the programme.
DEFAULT_PROGRAMME = "Loyalty Desk"
DEFAULT_PROGRAMME_ZH = "会员管理台"


def programme_title(name: str | None, language: str) -> str:
    """The programme name as a document in ``language`` prints it: the stored name, except
    the untouched default, which Chinese documents show as 会员管理台."""
    name = (name or "").strip()
    if name == DEFAULT_PROGRAMME and language.lower().startswith("zh"):
        return DEFAULT_PROGRAMME_ZH
    return name
