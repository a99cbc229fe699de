"""One Chinese word per concept: the translation file against a small glossary.

Staff at the counter learn the programme's words from the screens, the slips and the
exports; two words for one thing ("积分" here, "分值" there) reads as two things. For every
English source naming a glossary concept, the translation must use the glossary's word and
none of the synonyms listed as wrong. Legitimate exceptions are in ``ALLOWED``, each with
the reason.

Found a failure? Fix the <translation> in resources/i18n/loyalty_zh_CN.ts (then compile the
.qm), or, if the English uses the word for another thing, add the message to ``ALLOWED``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "loyalty_zh_CN.ts"


@dataclass(frozen=True)
class Term:
    concept: str
    english: re.Pattern[str]  # where the English names the concept
    chinese: tuple[str, ...]  # the translation holds one of these
    wrong: tuple[str, ...] = ()  # and none of these


def en(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


GLOSSARY = (
    Term(
        "points",
        # Where tiers are concerned, "points" are the qualifying points (成长值): "The base
        # tier needs no points". Either word then, and never a third one.
        en(r"(?<!qualifying )\bpoints?\b"),
        ("积分", "成长值"),
        ("分值", "点数", "积分值"),
    ),
    Term("qualifying points", en(r"\bqualifying points?\b"), ("成长值",), ("分值", "点数")),
    Term("member", en(r"\bmembers?\b"), ("会员",), ("客户",)),
    Term("member number", en(r"\bmember numbers?\b"), ("会员号",), ("会员编号", "会员卡号")),
    Term("dealer", en(r"\bdealers?\b"), ("经销商",), ("经销店", "门店", "店铺")),
    # 保级 is "keeping the tier", the programme's word for a retained tier.
    Term("tier", en(r"\btiers?\b"), ("等级", "保级"), ("级别", "层级")),
    Term("benefit", en(r"\bbenefits?\b"), ("权益",), ("福利",)),
    Term("redeem", en(r"\bredeem(s|ed|ing|able)?\b|\bredemptions?\b"), ("兑换",)),
    # Points paying part of a repair order at the counter (not a catalog redemption).
    Term(
        "using points at the counter",
        en(r"^use points\b|\bpoints used\b|\bdeduct points\b|^used$"),
        ("抵扣",),
        ("抵用", "消费"),
    ),
    Term("write off", en(r"\bwrit(e|es|ing|ten)[ -]offs?\b"), ("核销",), ("注销", "销账")),
    Term(
        "voucher",
        en(r"\bvouchers?\b"),
        ("兑换券", "券码"),
        ("优惠券", "代金券", "礼券", "优惠码"),
    ),
    Term(
        "cancelling a voucher",
        en(r"\bcancel(s|led|ling)?\b (the |this |a )?vouchers?\b|\bvouchers? (was |is )?cancelled"),
        ("作废",),
        ("撤销", "取消"),
    ),
    Term("adjustment", en(r"\badjustments?\b"), ("调整",), ("调账", "修正")),
    Term("approval", en(r"\bapprovals?\b"), ("审批",), ("审核", "核准")),
    # The decision itself: 批准 (against 驳回) or 审批通过.
    Term("approve", en(r"\bapprov(e|es|ed|ing|er|ers)\b"), ("审批", "批准"), ("审核", "核准")),
    # Expiry as an event is 过期; an upcoming last day "falls due" (到期, 到期日).
    Term("expire", en(r"\bexpir(e|es|ed|ing|y)\b"), ("过期", "到期"), ("失效",)),
    Term("validity", en(r"\bvalidity\b|\bvalid until\b"), ("有效期",), ("有效日期",)),
)

# (context, English source, concept): messages where the English word means something else,
# or where the glossary word would be wrong. Keep every entry commented.
ALLOWED = {
    # "Cash voucher" is a benefit category (what the benefit is), not the voucher a
    # redemption issues: Chinese calls that kind of benefit 代金券.
    ("BenefitLabels", "Cash voucher", "voucher"),
    # The source channel "经销商门店" is a stored value (imports accept it as written); the
    # English label names it.
    ("MemberLabels", "Dealer counter", "dealer"),
    # How many of a benefit the member has used this period: no points involved.
    ("MemberBenefitsTab", "Used", "using points at the counter"),
    (
        "Errors",
        "Unknown source channel {value}; use 经销商门店, APP, 微信, 活动 or 历史导入.",
        "dealer",
    ),
}


# A str.format field ({tier}, {points}) is filled in, not a word of the message.
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def messages() -> list[tuple[str, str, list[str]]]:
    """(context, source, translations: one per plural form) for each message."""
    root = ET.parse(TS).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            forms = translation.findall("numerusform")
            texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
            found.append((name, message.findtext("source", ""), texts))
    return found


def problems_with(term: Term) -> list[str]:
    problems = []
    for context, source, texts in messages():
        english = PLACEHOLDER.sub("", source)
        if not term.english.search(english) or (context, source, term.concept) in ALLOWED:
            continue
        for text in texts:
            if not text.strip():
                continue  # untranslated: test_i18n reports it
            if not any(word in text for word in term.chinese):
                wanted = "/".join(term.chinese)
                problems.append(f"  {context}: {source!r} → {text!r} lacks {wanted}")
            wrong = [word for word in term.wrong if word in text]
            if wrong:
                problems.append(f"  {context}: {source!r} → {text!r} says {'/'.join(wrong)}")
    return problems


def test_every_concept_has_one_chinese_word():
    problems = []
    for term in GLOSSARY:
        found = problems_with(term)
        if found:
            problems.append(f"{term.concept} ({'/'.join(term.chinese)}):")
            problems.extend(found)
    assert not problems, "Glossary words not used:\n" + "\n".join(problems)


def test_the_allow_list_holds_only_messages_that_exist():
    """An exception for a message that is gone would hide the next one with that text."""
    present = {(context, source) for context, source, _texts in messages()}
    stale = [entry for entry in ALLOWED if entry[:2] not in present]
    assert not stale, f"ALLOWED names messages no longer in {TS.name}: {stale}"
    concepts = {term.concept for term in GLOSSARY}
    assert {entry[2] for entry in ALLOWED} <= concepts
