"""The member import template: header, drop-downs, formats, an example row and instructions."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from app.adapters.member_workbooks.columns import (
    CHANNEL_LABELS_ZH,
    COLUMNS,
    MAX_ROWS,
    display_value,
)
from app.adapters.workbooks.columns import Language
from app.adapters.workbooks.templates import (
    DATE_FORMAT,
    HEADER_FILL,
    MONEY_FORMAT,
    TEXT_FORMAT,
    add_choice_list,
    template_workbook,
)
from app.adapters.workbooks.writer import save_workbook_atomically
from app.domain.members import CHANNELS
from app.domain.validation import complete_vin, resident_id_check_char

_FORMATS_BY_KIND = {"date": DATE_FORMAT, "code": TEXT_FORMAT, "money": MONEY_FORMAT}
_CHOICES: dict[str, dict[Language, tuple[str, ...]]] = {
    "gender": {"zh_CN": ("男", "女"), "en": ("male", "female")},
    "source_channel": {"zh_CN": tuple(CHANNEL_LABELS_ZH.values()), "en": CHANNELS},
    "privacy_consent": {"zh_CN": ("是", "否"), "en": ("yes", "no")},
    "marketing_consent": {"zh_CN": ("是", "否"), "en": ("yes", "no")},
}
_NOTES: tuple[tuple[str, str], ...] = (
    ("每行一个会员；第一行为表头，列名可用中文或英文，列的顺序不限。",
     "One member per row; the first row holds the column names, in Chinese or English, "
     "in any order."),
    ("带 * 的列必填。隐私授权必须为“是”，否则该行不能导入。",
     "Columns marked * are required. Privacy consent must be yes, or the row is rejected."),
    ("第一格（或会员号）以“示例”或“Example”开头的行是示例，导入时跳过，可以删除。",
     "A row whose first cell (or member number) starts with 示例 or Example is an example "
     "and is skipped on import; you may delete it."),
    ("手机号、身份证号、会员号、VIN 列请保持文本格式，否则 Excel 会改动数字。",
     "Keep the mobile, resident ID, member number and VIN columns formatted as Text, or Excel "
     "changes the numbers."),
    ("不接受公式：请“选择性粘贴 → 数值”；省份、城市、车型、标签不能以 = + - @ 开头。"
     "完全空白的行会被忽略。",
     "Formulas are not accepted: paste values; province, city, model and tags must not start "
     "with = + - or @. Completely empty rows are ignored."),
    (f"每个文件最多 {MAX_ROWS:,} 行；更多请拆分为几个文件。",
     f"At most {MAX_ROWS:,} rows per file; split larger lists into several files."),
    ("同一文件内手机号、身份证号、VIN、会员号不能重复。",
     "Mobile, resident ID, VIN and member number must not repeat within the file."),
)  # fmt: skip


def example_member() -> dict[str, object]:
    """A realistic, valid member for the template's example row."""
    first17 = "11010519900307" + "123"  # 北京市朝阳区, 1990-03-07, odd sequence digit: male
    return {
        "member_number": None,
        "name": "张伟",
        "gender": "male",
        "mobile": "13812345678",
        "province": "北京市",
        "city": "北京市",
        "birthday": date(1990, 3, 7),
        "resident_id": first17 + resident_id_check_char(first17),
        "join_date": date(2019, 6, 15),
        "dealer_code": "BJ001",
        "source_channel": "historical_import",
        "tags": ["老客户", "试驾"],
        "privacy_consent": True,
        "marketing_consent": False,
        "vin": complete_vin("LB37624S", "KL012345"),
        "vehicle_model": "SUV 2.0T 豪华版",
        "plate": "京N12345",
        "purchase_date": date(2019, 6, 15),
        "purchase_amount": 15_880_000,  # fen: 158,800.00 yuan
    }


def write_template(path: str | os.PathLike[str], language: Language = "zh_CN") -> None:
    """The import template: header, drop-downs, formats, an example row and instructions."""
    example = example_member()
    wb = template_workbook(
        "会员" if language == "zh_CN" else "Members",
        COLUMNS,
        language,
        widths=[col.width + 4 for col in COLUMNS],
        formats=[_FORMATS_BY_KIND.get(col.kind) for col in COLUMNS],
        example=[display_value(col, example[col.key], language) for col in COLUMNS],
    )
    ws = wb.active
    _template_validations(ws, language)
    ws.freeze_panes = "C2"  # keep member number and name in view while scrolling right
    _instructions(wb.create_sheet("说明" if language == "zh_CN" else "Instructions"), language)
    save_workbook_atomically(Path(path), wb.save)


def _template_validations(ws: Worksheet, language: Language) -> None:
    for i, col in enumerate(COLUMNS, start=1):
        choices = _CHOICES.get(col.key)
        if choices:
            error = col.formats_zh if language == "zh_CN" else col.formats_en
            add_choice_list(ws, i, choices[language], MAX_ROWS + 1, error)


def _instructions(ws: Worksheet, language: Language) -> None:
    zh_first = language == "zh_CN"
    header = ["列 / Column", "必填 / Required", "说明", "Meaning", "格式", "Accepted formats"]
    rows: list[list[object]] = [list(header)]
    for col in COLUMNS:
        required = "是 / yes" if col.required else "否 / no"
        row: list[object] = [col.header(language), required, col.meaning_zh, col.meaning_en]
        rows.append(row + [col.formats_zh, col.formats_en])
    rows.append([])
    rows.extend([zh, en] if zh_first else [en, zh] for zh, en in _NOTES)
    wrap = Alignment(wrap_text=True, vertical="top")
    for values in rows:
        ws.append(values)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for cells in ws.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = wrap
    for letter, width in zip("ABCDEF", (30, 14, 36, 40, 36, 44), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
