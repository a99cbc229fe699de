"""Tier workbooks: the member list of a tier review and the at-risk call list.

Both are written with the streaming writer of :mod:`app.adapters.workbooks` (header row
frozen, with a filter). Headers and the review's outcomes are in Chinese (``zh_CN``) or
English, as the member export chooses; names and mobiles are written as the service gave
them (masked for users who may not see them). Dates stay Excel dates, points numbers.

- ``write_review_members`` writes rows shaped like ``app.services.tiers.ReviewRow``.
- ``write_at_risk`` writes rows shaped like ``app.services.tiers.AtRiskRow``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.adapters.workbooks.columns import Language
from app.adapters.workbooks.writer import HEADER_STYLE, PLAIN_STYLE, XlsxBook


@dataclass(frozen=True)
class TierColumn:
    key: str  # the row attribute written in the column
    zh: str
    en: str
    width: int

    def title(self, language: Language) -> str:
        return self.zh if language == "zh_CN" else self.en


REVIEW_COLUMNS: tuple[TierColumn, ...] = (
    TierColumn("member_number", "会员号", "Member number", 15),
    TierColumn("name", "姓名", "Name", 12),
    TierColumn("mobile", "手机号", "Mobile", 15),
    TierColumn("dealer", "经销商", "Dealer", 28),
    TierColumn("old_tier", "原等级", "Tier before", 10),
    TierColumn("new_tier", "新等级", "Tier after", 10),
    TierColumn("outcome", "评审结果", "Outcome", 10),
    TierColumn("points", "本期成长值", "Qualifying points", 12),
    TierColumn("missing", "保级差额", "Points short of retaining", 12),
    TierColumn("valid_until", "原有效期至", "Valid until", 12),
)

AT_RISK_COLUMNS: tuple[TierColumn, ...] = (
    TierColumn("member_number", "会员号", "Member number", 15),
    TierColumn("name", "姓名", "Name", 12),
    TierColumn("mobile", "手机号", "Mobile", 15),
    TierColumn("dealer", "经销商", "Dealer", 28),
    TierColumn("tier", "当前等级", "Tier", 10),
    TierColumn("valid_until", "有效期至", "Valid until", 12),
    TierColumn("points", "本期成长值", "Qualifying points", 12),
    TierColumn("missing", "保级还差", "Points needed to retain", 12),
)

OUTCOMES: dict[str, tuple[str, str]] = {
    "upgrade": ("升级", "Upgrade"),
    "retain": ("保级", "Retain"),
    "downgrade": ("降级", "Downgrade"),
}
REVIEW_SHEET = ("等级评审", "Tier review")
AT_RISK_SHEET = ("保级预警", "Tiers at risk")


def outcome_title(code: str, language: Language = "zh_CN") -> str:
    names = OUTCOMES.get(code)
    if names is None:
        return code
    return names[0] if language == "zh_CN" else names[1]


def write_review_members(
    rows: Iterable[object], path: str | os.PathLike[str], language: Language = "zh_CN"
) -> int:
    """The review's members, one a row; returns the rows written. Raises ExcelWriteError."""

    def value(row: object, key: str) -> object:
        found = getattr(row, key)
        return outcome_title(found, language) if key == "outcome" else found

    return _write(rows, path, REVIEW_COLUMNS, REVIEW_SHEET, language, value)


def write_at_risk(
    rows: Iterable[object], path: str | os.PathLike[str], language: Language = "zh_CN"
) -> int:
    """The call list of members short of retaining their tier; returns the rows written."""
    return _write(rows, path, AT_RISK_COLUMNS, AT_RISK_SHEET, language, getattr)


def _write(
    rows: Iterable[object],
    path: str | os.PathLike[str],
    columns: Sequence[TierColumn],
    sheet_names: tuple[str, str],
    language: Language,
    value,
) -> int:
    book = XlsxBook()
    title = sheet_names[0] if language == "zh_CN" else sheet_names[1]
    sheet = book.add_sheet(title, [c.width + 2 for c in columns], freeze="A2")
    sheet.autofilter = True
    sheet.append([c.title(language) for c in columns], HEADER_STYLE)
    count = 0
    for row in rows:
        values = [value(row, c.key) for c in columns]
        sheet.append([v.date() if isinstance(v, datetime) else v for v in values], PLAIN_STYLE)
        count += 1
    book.save(Path(path))
    return count
