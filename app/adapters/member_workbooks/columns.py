"""The member workbook's columns, the names older exports give them, and the member row errors.

One column list serves the import template, the import and the export, so an export can be
imported again.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from app.adapters.workbooks import messages
from app.adapters.workbooks.columns import BilingualColumn, ColumnSet, Language
from app.adapters.workbooks.rows import ParsedRow
from app.domain.members import Channel
from app.domain.text import QT_TRANSLATE_NOOP

Kind = Literal["text", "code", "date", "choice", "bool", "tags", "money"]

MAX_ROWS = 200_000
DATA_SHEET_NAMES = ("会员", "members")  # the sheet read when a workbook has several
DEFAULT_CHANNEL = Channel.HISTORICAL_IMPORT
CHANNEL_LABELS_ZH = {
    "dealer_counter": "经销商门店",
    "app": "APP",
    "wechat": "微信",
    "event": "活动",
    "historical_import": "历史导入",
}

MEMBER_ROW_ERRORS: dict[str, str] = {
    "gender": QT_TRANSLATE_NOOP("Errors", "Write the gender as 男 or 女 (male or female)."),
    "privacy": QT_TRANSLATE_NOOP("Errors", "Privacy consent is required to store a member."),
    "channel": QT_TRANSLATE_NOOP(
        "Errors",
        "Unknown source channel {value}; use 经销商门店, APP, 微信, 活动 or 历史导入.",
    ),
    "tag_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The tag {tag} is too long; a tag has at most {max} characters."
    ),
    "too_many_tags": QT_TRANSLATE_NOOP("Errors", "At most {max} tags are allowed."),
    "model_required": QT_TRANSLATE_NOOP("Errors", "Enter the vehicle model for the VIN."),
    "vin_required": QT_TRANSLATE_NOOP(
        "Errors", "Vehicle details need the vehicle's VIN in the same row."
    ),
    "duplicate_mobile": QT_TRANSLATE_NOOP("Errors", "Same mobile number as row {row}."),
    "duplicate_resident_id": QT_TRANSLATE_NOOP("Errors", "Same ID card number as row {row}."),
    "duplicate_vin": QT_TRANSLATE_NOOP("Errors", "Same VIN as row {row}."),
    "duplicate_member_number": QT_TRANSLATE_NOOP("Errors", "Same member number as row {row}."),
}
# Every row error a member row may have: the shared cell errors and the member rules'.
ROW_ERRORS: dict[str, str] = messages.ROW_ERRORS | MEMBER_ROW_ERRORS


@dataclass(frozen=True)
class Column(BilingualColumn):
    """One column of the import template, the import parser and the export."""

    kind: Kind
    width: int = 12
    meaning_zh: str = ""
    meaning_en: str = ""
    formats_zh: str = ""
    formats_en: str = ""


_DATE_ZH = "日期单元格，或文本 2023-05-01、2023/5/1、2023.5.1、20230501、2023年5月1日"
_DATE_EN = "a date cell, or text 2023-05-01, 2023/5/1, 2023.5.1, 20230501, 2023年5月1日"
_BOOL_ZH = "是/否、yes/no、Y/N、true/false、1/0"
_TEXT_ID_ZH = "；请把此列设为文本格式"
_TEXT_ID_EN = "; format the column as Text"

COLUMNS: tuple[Column, ...] = (
    Column(
        "member_number", "会员号", "Member number", False, "code", 15,
        "已有的会员号；留空则导入时自动分配", "Existing member number; empty = assigned",
        "11 位数字（含校验位）" + _TEXT_ID_ZH, "11 digits including the check digit" + _TEXT_ID_EN,
    ),
    Column(
        "name", "姓名", "Name", True, "text", 12, "会员姓名", "The member's name",
        "中文或英文字母，少数民族姓名以 · 分隔，最多 40 字",
        "Chinese or Latin letters, · between parts of minority names, at most 40 characters",
    ),
    Column(
        "gender", "性别", "Gender", False, "choice", 8,
        "留空时取自身份证号", "Taken from the resident ID when empty",
        "男/女、male/female、M/F", "男/女, male/female, M/F",
    ),
    Column(
        "mobile", "手机号", "Mobile", True, "code", 15,
        "中国大陆手机号，文件内不可重复", "Mainland China mobile number; unique in the file",
        "11 位数字，可带 +86" + _TEXT_ID_ZH, "11 digits, +86 allowed" + _TEXT_ID_EN,
    ),
    Column(
        "province", "省份", "Province", False, "text", 10, "会员所在省份", "The member's province",
        "文本，最多 40 字", "text, at most 40 characters",
    ),
    Column(
        "city", "城市", "City", False, "text", 10, "会员所在城市", "The member's city",
        "文本，最多 40 字", "text, at most 40 characters",
    ),
    Column(
        "birthday", "出生日期", "Birthday", False, "date", 12,
        "留空时取自身份证号；两者都填时必须一致",
        "Taken from the resident ID when empty; must match it when both are given",
        _DATE_ZH, _DATE_EN,
    ),
    Column(
        "resident_id", "身份证号", "Resident ID", False, "code", 21,
        "18 位居民身份证号，文件内不可重复",
        "18-character resident identity card number; unique in the file",
        "17 位数字加一位数字或 X" + _TEXT_ID_ZH + "（否则 Excel 会丢掉末尾数字）",
        "17 digits and a digit or X" + _TEXT_ID_EN + " (Excel drops the last digits otherwise)",
    ),
    Column(
        "join_date", "入会日期", "Join date", True, "date", 12,
        "成为会员的日期，不能晚于导入当天", "When the customer joined; not after today",
        _DATE_ZH, _DATE_EN,
    ),
    Column(
        "dealer_code", "经销商代码", "Dealer code", True, "code", 12,
        "会员所属经销商的代码", "Code of the member's dealer",
        "字母、数字、- 或 _，最多 20 位，自动转为大写",
        "letters, digits, - or _, at most 20; upper-cased",
    ),
    Column(
        "source_channel", "来源渠道", "Source channel", False, "choice", 12,
        "会员来源；留空为“历史导入”", "Where the member came from; empty = historical import",
        "经销商门店、APP、微信、活动、历史导入",
        "dealer_counter, app, wechat, event, historical_import (or the Chinese labels)",
    ),
    Column(
        "tags", "标签", "Tags", False, "tags", 16, "会员标签", "Member tags",
        "多个标签以逗号、顿号或分号分隔，每个最多 40 字",
        "several tags separated by commas, 、 or semicolons; at most 40 characters each",
    ),
    Column(
        "privacy_consent", "隐私授权", "Privacy consent", True, "bool", 10,
        "会员同意保存其个人信息；必须为“是”",
        "The member agreed to the storage of personal data; must be yes",
        _BOOL_ZH, "yes/no, Y/N, true/false, 1/0, 是/否",
    ),
    Column(
        "marketing_consent", "营销授权", "Marketing consent", False, "bool", 10,
        "会员同意接收营销信息；留空为“否”", "The member accepts marketing messages; empty = no",
        _BOOL_ZH, "yes/no, Y/N, true/false, 1/0, 是/否",
    ),
    Column(
        "vin", "车架号(VIN)", "VIN", False, "code", 20,
        "车辆识别代号；车辆信息需要 VIN，文件内不可重复",
        "Vehicle identification number; needed for any vehicle details; unique in the file",
        "17 位字母或数字（无 I、O、Q），第 9 位校验位须正确",
        "17 letters or digits (no I, O, Q) with a correct check digit in position 9",
    ),
    Column(
        "vehicle_model", "车型", "Vehicle model", False, "text", 16,
        "填写 VIN 时必填", "Required when a VIN is given",
        "文本，最多 60 字", "text, at most 60 characters",
    ),
    Column(
        "plate", "车牌号", "Plate", False, "code", 11, "车牌号", "Licence plate",
        "如 粤B12345、粤BD12345（新能源）", "e.g. 粤B12345, 粤BD12345 (new-energy)",
    ),
    Column(
        "purchase_date", "购车日期", "Purchase date", False, "date", 12,
        "购车日期", "Date of purchase", _DATE_ZH, _DATE_EN,
    ),
    Column(
        "purchase_amount", "购车金额(元)", "Purchase amount (yuan)", False, "money", 14,
        "成交价，单位为元", "Price paid, in yuan",
        "数字，最多两位小数，可带 ¥ 和千分位逗号，不能为负",
        "a number with at most 2 decimals; ¥ and thousands separators allowed; not negative",
    ),
)  # fmt: skip

# Header names seen in older exports; matched like the template's own headers.
_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "member_number": ("会员编号", "会员卡号", "member no", "membernumber"),
    "name": ("会员姓名", "客户姓名"),
    "mobile": ("手机", "手机号码", "mobile number", "phone"),
    "resident_id": ("身份证", "身份证号码", "id number", "id card"),
    "join_date": ("入会时间", "注册日期"),
    "vin": ("车架号", "vin码", "车辆识别代号"),
    "plate": ("车牌", "plate number"),
    "purchase_amount": ("购车金额", "purchase amount"),
}
MEMBER_COLUMNS: ColumnSet[Column] = ColumnSet(COLUMNS, _HEADER_ALIASES)
COLUMN_BY_KEY: dict[str, Column] = MEMBER_COLUMNS.by_key


def column_for_header(text: object) -> str | None:
    """Column key for a header cell: Chinese, English or the template's "中文 / English"."""
    return MEMBER_COLUMNS.key_for_header(text)


def row_reason(row: ParsedRow) -> str:
    """A row's parse errors as one line: "Mobile: ...; Join date: ..."."""
    return MEMBER_COLUMNS.reason(row.errors)


def display_value(col: Column, value: object, language: Language = "zh_CN") -> object:
    """A normalised value as the template and the export show it (re-importable)."""
    zh = language == "zh_CN"
    if value is None:
        return None
    if col.kind == "bool":
        return ("是" if value else "否") if zh else ("yes" if value else "no")
    if col.key == "gender":
        return {"male": "男", "female": "女"}.get(str(value), value) if zh else value
    if col.key == "source_channel":
        return CHANNEL_LABELS_ZH.get(str(value), value) if zh else value
    if col.kind == "tags" and isinstance(value, list | tuple):
        return ("、" if zh else ", ").join(str(t) for t in value)
    if col.kind == "money" and isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value).scaleb(-2)  # integer fen → yuan
    return value
